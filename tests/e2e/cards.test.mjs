// Cards on demand, end to end against the release build served under a
// sub-path (/static/claimlens/), as a publisher's static host would: card
// text comes from shard files next to the engine, fetched only when a
// claim in them matched, once each, with a loading state until it arrives;
// a page whose CSP blocks the fetch keeps its highlights and its cards say
// the text could not be loaded; a page with no match fetches no shard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, symlinkSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, ROOT, TROOPS } from './harness.mjs';

// CLAIMLENS_DIST runs these tests on another build (to see them fail on
// one that bundles its cards, or a broken one).
const DIST = process.env.CLAIMLENS_DIST ?? join(ROOT, 'dist');
const BASE = '/static/claimlens/';
const SHARD = /\/cards-[0-9a-f]{16}\.txt$/;

const STORY = `<h1>Coalition meets in Paris</h1>
  <p>Leaders met in Paris on Thursday. Officials said <em>26 Western countries</em> are ready to deploy troops to Ukraine once the fighting stops.</p>
  <p>Hungary still receives Russian oil through the Druzhba pipeline, officials said.</p>
  <p>Putin has shown no signs of making concessions to end the war.</p>`;
const NOTHING = `<h1>Weekend weather</h1>
  <p>The weather stayed mild on Saturday and the markets were calm.</p>
  <p>Gardeners planted tulips, and the ferry ran on time all week.</p>`;
const html = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cards</title></head><body>${body}</body></html>`;
const embed = (story) => html(`<article id="story">${story}</article><script type="module" src="${BASE}claimlens.js"></script>`);

let site, browser, root, wasm;
before(async () => {
  // The build, as a static host serves it under a sub-path.
  root = mkdtempSync(join(tmpdir(), 'claimlens-cards-'));
  mkdirSync(join(root, 'static'));
  symlinkSync(DIST, join(root, 'static', 'claimlens'));
  wasm = readdirSync(DIST).find((f) => /^claimlens-[0-9a-f]+_bg\.wasm$/.test(f));
  const pages = {
    '/news/story.html': { body: embed(STORY) },
    '/news/plain.html': { body: html(`<article id="story">${STORY}</article>`) },
    '/news/nothing.html': { body: embed(NOTHING) },
  };
  site = await serve(root, pages);
  // The page lets the engine's own file through connect-src, and nothing else.
  pages['/news/blocked.html'] = {
    body: embed(STORY),
    headers: { 'content-security-policy': `script-src 'self' 'wasm-unsafe-eval'; connect-src ${site.url}${BASE}${wasm}` },
  };
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A page at `path` whose shard responses wait until `release()`. */
async function open(path) {
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(SHARD, async (r) => { await gate; await r.continue(); });
  await page.goto(site.url + path);
  return { page, errors, requests, release };
}

const ready = (page) => page.waitForSelector('[data-claimlens-state="ready"]', { timeout: 15000 });
const shards = (requests) => requests.filter((u) => SHARD.test(u));

async function cardsArrive({ page, errors, requests, release }) {
  await ready(page);
  assert.ok(await page.locator(`[data-claimlens-claim="${TROOPS}"]`).count() > 0 || await page.getAttribute('#story', 'data-claimlens-mode-used') === 'paint',
    'the troops claim is highlighted');
  // The panel is the path in both modes; its entry opens the card.
  await page.locator('[data-claimlens-panel] .toggle').click();
  await page.locator('[data-claimlens-entry="0"]').waitFor();
  assert.match(await page.locator('[data-claimlens-panel]').textContent(), /Loading this claim's context/, 'the panel says it is loading');
  await page.locator('[data-claimlens-entry="0"]').click();
  const card = page.locator('[data-claimlens-card]');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-claimlens-card-state'), 'loading', 'the card first shows its loading state');
  assert.equal(await card.getAttribute('aria-busy'), 'true');
  const loading = await card.textContent();
  assert.match(loading, /Loading this claim's context/);
  assert.match(loading, /ClaimLens dataset/, 'a loading card is not an empty card');
  const asked = shards(requests);
  assert.ok(asked.length >= 1, 'a shard was requested once a claim matched');
  const matched = Number(await page.getAttribute('#story', 'data-claimlens-matches'));
  assert.ok(asked.length <= matched && asked.length < readdirSync(DIST).filter((f) => SHARD.test('/' + f)).length,
    `only the shards of the ${matched} matches' claims: ${asked.length} requested`);
  assert.ok(asked.every((u) => u.startsWith(site.url + BASE)), `shards come from next to the engine: ${asked}`);
  release();
  await page.locator('[data-claimlens-card][data-claimlens-card-state="ready"]').waitFor({ timeout: 5000 });
  const text = await card.textContent();
  for (const expected of ['Context as of', 'Sources', 'ClaimLens dataset']) {
    assert.ok(text.includes(expected), `card lacks "${expected}": ${text}`);
  }
  assert.equal(await card.getAttribute('aria-busy'), null);
  assert.doesNotMatch(await page.locator('[data-claimlens-panel]').textContent(), /Loading/, 'the panel has the claims');
  const box = await card.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, 'the grown card is placed again, on screen');
  await page.keyboard.press('Escape');
  // Opening cards again and reading more fetches nothing new: once per shard.
  const before = shards(requests).length;
  await page.locator('[data-claimlens-panel] .toggle').click();
  await page.locator('[data-claimlens-entry="0"]').waitFor();
  const entries = await page.locator('[data-claimlens-entry]').count();
  assert.ok(entries >= 2, `the story states several claims: ${entries}`);
  await page.locator(`[data-claimlens-entry="${entries - 1}"]`).click();
  await page.locator('[data-claimlens-card][data-claimlens-card-state="ready"]').waitFor({ timeout: 5000 });
  assert.equal(shards(requests).length, before);
  assert.equal(new Set(shards(requests)).size, shards(requests).length, 'no shard fetched twice');
  assert.deepEqual(requests.filter((u) => !u.startsWith(site.url)), [], 'no third-party request');
  assert.deepEqual(errors, []);
}

test('embed under a sub-path: cards arrive from their shard after a loading state', async () => {
  const opened = await open('/news/story.html');
  await cardsArrive(opened);
  await opened.page.close();
});

test('bookmarklet (paint mode) under a sub-path: cards arrive from their shard', async () => {
  const opened = await open('/news/plain.html');
  await opened.page.evaluate((base) => {
    // What the install page's bookmarklet does, pointed at this host.
    import(base + 'claimlens.js').then((m) => m.toggle());
  }, site.url + BASE);
  await cardsArrive(opened);
  assert.equal(await opened.page.getAttribute('#story', 'data-claimlens-mode-used'), 'paint');
  await opened.page.close();
});

test("CSP connect-src blocking the shard: highlights stay, the card says its text could not be loaded", async () => {
  const { page, errors, requests, release } = await open('/news/blocked.html');
  release();
  await ready(page);
  assert.ok(requests.some((u) => u.endsWith('_bg.wasm')), 'the engine itself was allowed');
  const mark = page.locator(`[data-claimlens-claim="${TROOPS}"][tabindex]`);
  assert.equal(await mark.count(), 1, 'the highlight stays');
  await mark.click();
  const card = page.locator(`[data-claimlens-card="${TROOPS}"][data-claimlens-card-state="failed"]`);
  await card.waitFor({ timeout: 5000 });
  const text = await card.textContent();
  assert.match(text, /The text of this card could not be loaded/);
  assert.match(text, /security policy \(Content-Security-Policy\).*connect-src/, 'the loader says why');
  assert.ok(await page.locator(`[data-claimlens-claim="${TROOPS}"]`).count() > 0, 'the highlight is still there');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page with no match makes no shard request', async () => {
  const { page, errors, requests, release } = await open('/news/nothing.html');
  release();
  await ready(page);
  assert.equal(await page.getAttribute('#story', 'data-claimlens-matches'), '0');
  await page.waitForTimeout(500);
  assert.ok(requests.some((u) => u.endsWith('_bg.wasm')), 'the check saw the engine load');
  assert.deepEqual(shards(requests), [], 'no card file requested');
  const own = (u) => u === site.url + '/news/nothing.html' || u.startsWith(site.url + BASE + 'claimlens') || u.startsWith(site.url + BASE + 'snippets/');
  assert.deepEqual(requests.filter((u) => !own(u)), [], 'only the page, the loader and the engine');
  assert.deepEqual(errors, []);
  await page.close();
});
