// Delivery, end to end against the release build in dist/: the one-tag
// embed and its three ways of configuration, the bookmarklet from the
// install page, the publisher opt-out, pages whose Content-Security-Policy
// blocks part of ClaimLens, and the promise of no requests beyond its own
// files. Test pages are our own text, served on 127.0.0.1 next to dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, ROOT, TROOPS } from './harness.mjs';

// CLAIMLENS_DIST runs these tests on another build (to see a new test fail
// on the code before a fix).
const DIST = process.env.CLAIMLENS_DIST ?? join(ROOT, 'dist');
const STORY = `
  <h1>Coalition meets in Paris</h1>
  <p>Leaders met in Paris on Thursday. Officials said <em>26 Western countries</em> are ready to deploy troops to Ukraine once the fighting stops.</p>
  <p>Hungary still receives Russian oil through the Druzhba pipeline, officials said.</p>
  <p>Putin has shown no signs of making concessions to end the war.</p>
  <p>Elsewhere, the weather stayed mild and markets were calm.</p>`;
// Page furniture that repeats a known claim: it must never be highlighted.
const NAV = '<nav><a href="#">26 Western countries are ready to deploy troops</a></nav>';
const COMMENTS = '<section class="comments"><p>Reader: so 26 Western countries are ready to deploy troops? I doubt it.</p></section>';
const FURNISHED = `<header>${NAV}</header>
  <div class="layout"><article id="story">${STORY}${COMMENTS}</article>
  <aside class="related"><p>Related: Druzhba pipeline still carries Russian oil to Hungary and Slovakia.</p></aside></div>
  <footer><p>About this site.</p></footer>`;
const LOADER = '<script type="module" src="/claimlens.js"></script>';
const PAGE_STYLES = `<script>document.addEventListener('claimlens:ready', () => {
  const p = document.createElement('p');
  p.setAttribute('style', 'color: #a00');
  p.textContent = 'Styled by the page itself.';
  document.querySelector('footer').append(p);
});</script>`;

const html = ({ head = '', body }) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body>${body}</body></html>`;

const PAGES = {
  '/auto.html': { body: html({ body: FURNISHED + LOADER }) },
  '/data-attrs.html': {
    body: html({
      body: `<div id="other"><p>Commentators doubt that 26 Western countries are ready to deploy troops to Ukraine.</p></div>
        <div id="chosen">${STORY}</div>
        <script type="module" src="/claimlens.js" data-article="#chosen" data-theme="dark" data-panel="off" data-ratings="needs-context, accurate"></script>`,
    }),
  },
  '/json-config.html': {
    body: html({
      body: `<div id="chosen">${STORY}</div>
        <script type="application/json" class="claimlens-config">{"article": "#chosen", "ratings": ["outdated"]}</script>${LOADER}`,
    }),
  },
  '/bad-json.html': {
    body: html({ body: `<article>${STORY}</article><script type="application/json" class="claimlens-config">{article: oops</script>${LOADER}` }),
  },
  '/manual.html': {
    body: html({ body: `<article>${STORY}</article><script type="module" src="/claimlens.js" data-manual></script>` }),
  },
  '/plain.html': { body: html({ body: FURNISHED }) },
  '/remember.html': { body: html({ body: `${FURNISHED}<script type="module" src="/claimlens.js" data-remember-panel="on"></script>` }) },
  '/opted-out.html': { body: html({ head: '<meta name="claimlens" content="off">', body: FURNISHED }) },
  '/csp-no-wasm.html': {
    body: html({ body: FURNISHED + LOADER }),
    headers: { 'content-security-policy': "script-src 'self'" },
  },
  '/csp-no-inline-style.html': {
    body: html({ body: FURNISHED + LOADER }),
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
  },
  // The page's own inline style, added after ClaimLens is ready, breaks the
  // page's style-src: not ClaimLens's business.
  '/csp-page-style.html': {
    body: html({ body: FURNISHED + LOADER + PAGE_STYLES }),
    headers: { 'content-security-policy': "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self'" },
  },
  // A report-only policy blocks nothing.
  '/csp-report-only.html': {
    body: html({ body: FURNISHED + LOADER + PAGE_STYLES }),
    headers: { 'content-security-policy-report-only': "style-src 'none'" },
  },
  '/csp-no-connect.html': {
    body: html({ body: FURNISHED + LOADER }),
    headers: { 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'; connect-src 'none'" },
  },
};

let site, otherOrigin, browser, bookmarkletSource, unreachable;
before(async () => {
  site = await serve(DIST, PAGES);
  // A second origin for pages that do not trust ClaimLens's host.
  otherOrigin = await serve(join(ROOT, 'tests', 'e2e'), {
    '/strict.html': { body: html({ body: FURNISHED }), headers: { 'content-security-policy': "script-src 'self'" } },
  });
  browser = await launch();
  bookmarkletSource = await bookmarkletFor(site.url + '/');
  // A host nobody listens on: a server's port, once the server is closed.
  const gone = await serve(DIST);
  unreachable = gone.url;
  await gone.close();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await otherOrigin?.close();
});

/** The install page's bookmarklet, pointed at this test server instead of
 * the build's default host. */
async function bookmarkletFor(base) {
  const install = await readFile(join(DIST, 'install.html'), 'utf8');
  const href = install.match(/id="bookmarklet" href="([^"]+)"/)[1]
    .replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  assert.ok(href.startsWith('javascript:'), 'the install page has a javascript: bookmarklet');
  const code = decodeURIComponent(href.slice('javascript:'.length));
  assert.ok(code.includes('http://127.0.0.1:8080/claimlens.js'), 'built for the preview server by default');
  return code.replaceAll('http://127.0.0.1:8080/', base);
}

async function open(url) {
  const page = await browser.newPage();
  const errors = [];
  const consoleErrors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
    // Every storage write, even of a value already there.
    window.__storageWrites = [];
    for (const method of ['setItem', 'removeItem', 'clear']) {
      const original = Storage.prototype[method];
      Storage.prototype[method] = function (...args) {
        window.__storageWrites.push([this === localStorage ? 'local' : 'session', method, ...args]);
        return original.apply(this, args);
      };
    }
  });
  await page.goto(url);
  return { page, errors, consoleErrors, requests };
}

const ready = (page) => page.waitForSelector('[data-claimlens-state="ready"]', { timeout: 15000 });
const snapshot = (page) => page.evaluate(() => ({
  html: document.documentElement.outerHTML,
  sheets: document.adoptedStyleSheets.length,
}));
const marked = (page) => page.$$eval('[data-claimlens-claim]', (marks) =>
  marks.map((m) => ({ claim: m.dataset.claimlensClaim, inside: m.closest('[id]')?.id ?? '', text: m.textContent })));
const notice = (page) => page.evaluate(() =>
  [...document.querySelectorAll('claimlens-notice')].map((n) => n.shadowRoot.textContent).join(' | '));
const ENGINE = /\/claimlens-[0-9a-f]+(_bg\.wasm|\.js)$/;

/** Clicks the bookmarklet where it can only explain itself: its notice says
 * `message` (`whileShown` checks more then), and a second click removes the
 * notice and leaves the page exactly as before. */
async function bookmarkletNoticeComesAndGoes(page, message, { timeout, whileShown = async () => {} } = {}) {
  const before = await snapshot(page);
  await page.evaluate(bookmarkletSource);
  await page.waitForSelector('claimlens-notice .box', timeout ? { timeout } : undefined);
  assert.match(await notice(page), message);
  await whileShown();
  await page.evaluate(bookmarkletSource);
  await page.waitForFunction(() => !document.querySelector('claimlens-notice'));
  assert.deepEqual(await snapshot(page), before, 'a second click removes the notice');
}


/** Every claim's rating, from the dataset files. */
async function ratings() {
  const dir = join(ROOT, 'dataset', 'claims');
  const out = {};
  for (const file of readdirSync(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    out[text.match(/^id = "([^"]+)"/m)[1]] = text.match(/^rating = "([^"]+)"/m)[1];
  }
  return out;
}

test('embed without a selector: finds the article, never navigation, comments or asides', async () => {
  const { page, errors } = await open(site.url + '/auto.html');
  await ready(page);
  assert.equal(await page.getAttribute('#story', 'data-claimlens-state'), 'ready');
  const marks = await marked(page);
  assert.ok(marks.some((m) => m.claim === TROOPS), 'the troops claim is highlighted');
  for (const outside of ['nav', 'section.comments', 'aside', 'footer']) {
    assert.equal(await page.locator(`${outside} [data-claimlens-claim]`).count(), 0, `nothing highlighted in ${outside}`);
  }
  assert.equal(await page.evaluate(() => typeof window.ClaimLens?.mount), 'function', 'the JS API is there');
  assert.deepEqual(errors, []);
  await page.close();
});

test('embed with data-* options: selector, theme, panel off, ratings', async () => {
  const { page, errors } = await open(site.url + '/data-attrs.html');
  await ready(page);
  const known = await ratings();
  const marks = await marked(page);
  assert.ok(marks.length > 0, 'something is highlighted');
  assert.ok(marks.every((m) => m.inside === 'chosen'), 'only inside the chosen element');
  assert.ok(marks.every((m) => ['needs-context', 'accurate'].includes(known[m.claim])),
    `only the chosen ratings: ${marks.map((m) => known[m.claim])}`);
  assert.ok(!marks.some((m) => known[m.claim] === 'outdated'), 'the Druzhba claim (outdated) is filtered out');
  assert.equal(await page.getAttribute('claimlens-ui', 'data-theme'), 'dark');
  assert.equal(await page.locator('[data-claimlens-panel]').count(), 0, 'no summary panel');
  assert.deepEqual(errors, []);
  await page.close();
});

test('JSON config block; invalid JSON is reported in the console and ignored', async () => {
  const known = await ratings();
  {
    const { page } = await open(site.url + '/json-config.html');
    await ready(page);
    const marks = await marked(page);
    assert.ok(marks.length > 0);
    assert.ok(marks.every((m) => known[m.claim] === 'outdated'), 'only outdated claims');
    await page.close();
  }
  const { page, consoleErrors, errors } = await open(site.url + '/bad-json.html');
  await ready(page);
  assert.ok(consoleErrors.some((e) => /claimlens-config block is not valid JSON/.test(e)), consoleErrors.join('\n'));
  assert.ok((await marked(page)).some((m) => m.claim === TROOPS), 'mounted with the defaults');
  assert.deepEqual(errors, []);
  await page.close();
});

test('JS API: clear errors for bad options, mounting twice is a no-op, unmount restores exactly', async () => {
  const { page, errors } = await open(site.url + '/manual.html');
  await page.waitForFunction(() => window.ClaimLens);
  const before = await snapshot(page);
  assert.equal(await page.locator('[data-claimlens-claim]').count(), 0, 'data-manual: nothing until asked');

  const failure = (options) => page.evaluate((o) => ClaimLens.mount(o).then(() => 'mounted', (e) => e.message), options);
  assert.match(await failure({ colour: 'red' }), /unknown option `colour`, expected one of article, theme, mode, ratings, panel, rememberPanel/);
  assert.match(await failure({ panel: 'yes' }), /invalid type: string "yes", expected a boolean/);
  assert.match(await failure({ mode: 'glitter' }), /unknown variant `glitter`/);
  assert.match(await failure({ ratings: ['fake'] }), /unknown rating `fake`/);
  assert.match(await failure({ article: '#missing' }), /no element matches the article selector `#missing`/);
  assert.deepEqual(await snapshot(page), before, 'failed mounts leave no trace');

  assert.equal(await page.evaluate(() => ClaimLens.mount({ mode: 'paint', theme: 'light' })), true);
  await ready(page);
  assert.equal(await page.getAttribute('article', 'data-claimlens-mode-used'), 'paint');
  assert.equal(await page.evaluate(() => ClaimLens.mount()), false, 'second mount does nothing');
  assert.equal(await page.locator('claimlens-ui').count(), 1);
  await page.evaluate(() => ClaimLens.unmount());
  assert.deepEqual(await snapshot(page), before, 'unmount restores the page exactly');

  assert.equal(await page.evaluate(() => ClaimLens.mount()), true, 'marks mode by default');
  await ready(page);
  assert.ok((await marked(page)).length > 0);
  await page.evaluate(() => ClaimLens.unmount());
  assert.deepEqual(await snapshot(page), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bookmarklet on a plain page: on (paint mode), off restores exactly, on again', async () => {
  const { page, errors } = await open(site.url + '/plain.html');
  const before = await snapshot(page);
  await page.evaluate(bookmarkletSource);
  await ready(page);
  assert.equal(await page.getAttribute('#story', 'data-claimlens-mode-used'), 'paint');
  assert.equal(await page.locator('claimlens-mark').count(), 0, 'paint mode changes no text node');
  assert.equal(await page.evaluate(() => typeof window.ClaimLens), 'undefined', 'no global left by the bookmarklet');

  await page.evaluate(bookmarkletSource);
  await page.waitForFunction(() => !document.querySelector('[data-claimlens-state]'));
  assert.deepEqual(await snapshot(page), before, 'second click restores the page exactly');

  await page.evaluate(bookmarkletSource);
  await ready(page);
  await page.evaluate(bookmarkletSource);
  await page.waitForFunction(() => !document.querySelector('[data-claimlens-state]'));
  assert.deepEqual(await snapshot(page), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('publisher opt-out: the page is left alone, with a notice, and the engine is never downloaded', async () => {
  const { page, requests, errors } = await open(site.url + '/opted-out.html');
  await bookmarkletNoticeComesAndGoes(page, /publisher has turned ClaimLens off/, {
    whileShown: async () => {
      assert.equal(await page.locator('[data-claimlens-claim], [data-claimlens-state]').count(), 0);
      assert.deepEqual(requests.filter((u) => ENGINE.test(u)), [], 'no engine download');
    },
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test("CSP without 'wasm-unsafe-eval': a visible message says so", async () => {
  const { page, errors } = await open(site.url + '/csp-no-wasm.html');
  await page.waitForSelector('claimlens-notice .box', { timeout: 15000 });
  assert.match(await notice(page), /'wasm-unsafe-eval' is missing/);
  assert.match(await notice(page), /ClaimLens preview|publisher/);
  assert.equal(await page.locator('[data-claimlens-state]').count(), 0);
  assert.deepEqual(errors, [], 'no uncaught errors');
  await page.close();
});

test('CSP without inline styles: ClaimLens works, and its cards are placed and coloured', async () => {
  const { page, errors } = await open(site.url + '/csp-no-inline-style.html');
  await ready(page);
  const mark = page.locator(`[data-claimlens-claim="${TROOPS}"][tabindex]`);
  await mark.click();
  const card = page.locator(`[data-claimlens-card="${TROOPS}"][data-claimlens-card-state="ready"]`);
  await card.waitFor();
  const [box, markBox, viewport] = [await card.boundingBox(), await mark.boundingBox(), page.viewportSize()];
  assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, 'card inside the viewport');
  assert.ok(box.y >= markBox.y + markBox.height - 1 || box.y + box.height <= markBox.y + 1, 'card next to its highlight');
  const badge = await card.locator('.badge').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(badge, 'rgba(0, 0, 0, 0)', 'the rating badge has its colour');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation at all');
  assert.equal(await page.locator('claimlens-notice').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("strict script-src 'self' on another origin: the bookmarklet says it was blocked", async () => {
  const { page, errors } = await open(otherOrigin.url + '/strict.html');
  await bookmarkletNoticeComesAndGoes(page, /does not allow scripts from http:\/\/127\.0\.0\.1/, { timeout: 15000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test("CSP connect-src 'none': a visible message says the engine could not be downloaded", async () => {
  const { page, errors } = await open(site.url + '/csp-no-connect.html');
  await page.waitForSelector('claimlens-notice .box', { timeout: 15000 });
  assert.match(await notice(page), /connect-src/);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Both storages of the page's origin, as they are. */
const storages = (page) => page.evaluate(() =>
  [localStorage, sessionStorage].map((s) => Object.fromEntries(Object.entries(s))));

/** Opens, hides and restores the summary panel, as a reader would. */
async function usePanel(page) {
  await page.locator('[data-claimlens-panel] .toggle').click();
  await page.locator('[data-claimlens-panel="open"]').waitFor();
  await page.locator('[data-claimlens-panel] .hide').click();
  await page.locator('[data-claimlens-panel="hidden"] .restore').click();
  await page.locator('[data-claimlens-panel="collapsed"]').waitFor();
}

test('no network requests beyond the page and ClaimLens\'s own files, no cookies, no storage', async () => {
  const { page, requests, errors } = await open(site.url + '/auto.html');
  const stored = await storages(page);
  await ready(page);
  await page.locator(`[data-claimlens-claim="${TROOPS}"][tabindex]`).click();
  await page.locator(`[data-claimlens-card="${TROOPS}"][data-claimlens-card-state="ready"]`).waitFor();
  await usePanel(page);
  await page.locator('[data-claimlens-panel] .toggle').click();
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__storageWrites), [], 'no storage writes in default embed mode');
  assert.deepEqual(await storages(page), stored, 'localStorage and sessionStorage unchanged');
  const own = (u) => u === site.url + '/auto.html' || u === site.url + '/claimlens.js' || ENGINE.test(u)
    || u.startsWith(site.url + '/snippets/') || /^\/cards-[0-9a-f]{16}\.txt$/.test(u.slice(site.url.length));
  assert.deepEqual(requests.filter((u) => !own(u)), [], 'only its own files');
  assert.ok(requests.some((u) => u.includes('/cards-')), 'the matched claims\' card text was fetched');
  assert.ok(requests.some((u) => u.endsWith('_bg.wasm')), 'the engine was loaded (the check saw requests)');
  assert.deepEqual(await page.context().cookies(), [], 'no cookies');
  assert.deepEqual(errors, []);
  await page.close();
});

test('bookmarklet mode writes no storage on the site the reader visits', async () => {
  const { page, errors } = await open(site.url + '/plain.html');
  const stored = await storages(page);
  await page.evaluate(bookmarkletSource);
  await ready(page);
  await usePanel(page);
  await page.evaluate(bookmarkletSource);
  await page.waitForFunction(() => !document.querySelector('[data-claimlens-state]'));
  assert.deepEqual(await page.evaluate(() => window.__storageWrites), [], 'no storage writes');
  assert.deepEqual(await storages(page), stored, 'localStorage and sessionStorage unchanged');
  assert.deepEqual(await page.context().cookies(), [], 'no cookies');
  assert.deepEqual(errors, []);
  await page.close();
});

test('data-remember-panel="on": the publisher lets the panel keep the reader\'s choice', async () => {
  const { page, errors } = await open(site.url + '/remember.html');
  await ready(page);
  await page.locator('[data-claimlens-panel] .hide').click();
  await page.locator('[data-claimlens-panel="hidden"]').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('claimlens:panel')), 'hidden');
  await page.reload();
  await ready(page);
  await page.locator('[data-claimlens-panel="hidden"]').waitFor();
  await page.evaluate(() => localStorage.removeItem('claimlens:panel'));
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [path, what] of [['/csp-page-style.html', 'the page\'s own style-src violation'], ['/csp-report-only.html', 'a report-only policy']]) {
  test(`no CSP alert for ${what}`, async () => {
    const { page, errors } = await open(site.url + path);
    await ready(page);
    await page.waitForFunction(() => window.__violations.some((d) => d.startsWith('style-src')));
    await page.waitForTimeout(200);
    assert.equal(await notice(page), '', 'no notice');
    assert.ok((await marked(page)).length > 0, 'ClaimLens works');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the engine\'s files are requested together: the wasm and the glue\'s imports do not wait for the glue', async () => {
  const page = await browser.newPage();
  const seen = [];
  let early;
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  // Hold the glue script back until the other engine files were asked for
  // (or 5 s passed): a loader that fetched them one after another would
  // ask for nothing more while the glue is held.
  await page.route(/\/claimlens-[0-9a-f]+\.js$/, async (route) => {
    const others = () => seen.some((p) => p.endsWith('_bg.wasm')) && seen.some((p) => p.includes('/snippets/'));
    const deadline = Date.now() + 5000;
    while (!others() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    early = [...seen];
    await route.continue();
  });
  await page.goto(site.url + '/auto.html');
  await ready(page);
  assert.ok(early.some((p) => p.endsWith('_bg.wasm')), `the wasm was requested before the glue arrived: ${early.join(' ')}`);
  const snippets = (await readFile(join(DIST, 'claimlens.js'), 'utf8')).match(/snippets\/[^ "]+\.js/g) ?? [];
  assert.ok(snippets.length > 0, 'the loader names the glue\'s snippets');
  for (const snippet of snippets) assert.ok(early.includes('/' + snippet), `${snippet} was requested before the glue arrived`);
  assert.ok((await marked(page)).length > 0, 'and the page is annotated');
  await page.close();
});

test('a host serving the wasm as application/octet-stream: ClaimLens still annotates, without a console error', async () => {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto(site.url + '/auto.html');
  await ready(page);
  assert.ok((await marked(page)).some((m) => m.claim === TROOPS), 'the troops claim is marked');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('bookmarklet with an unreachable host: says it could not load, not that CSP blocked it', async () => {
  const { page, errors } = await open(site.url + '/plain.html');
  const source = bookmarkletSource.replaceAll(site.url + '/', unreachable + '/');
  const host = new URL(unreachable).host;
  const before = await snapshot(page);
  await page.evaluate(source);
  await page.waitForSelector('claimlens-notice .box', { timeout: 15000 });
  const text = await notice(page);
  assert.match(text, new RegExp(`could not load ClaimLens from ${host.replaceAll('.', '\\.')}`));
  assert.doesNotMatch(text, /security policy/);
  await page.evaluate(source);
  await page.waitForFunction(() => !document.querySelector('claimlens-notice'));
  assert.deepEqual(await snapshot(page), before, 'a second click removes the notice');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const mode of ['marks', 'paint']) {
  test(`${mode}: on the host page ClaimLens changes only what ARCHITECTURE.md lists`, async () => {
    const { page, errors } = await open(site.url + '/manual.html');
    await page.waitForFunction(() => window.ClaimLens);
    await page.evaluate(() => {
      window.__changes = new Set();
      new MutationObserver((records) => {
        for (const r of records) {
          const at = r.target.nodeName.toLowerCase();
          if (r.type === 'attributes') window.__changes.add(`${at}[${r.attributeName}]`);
          for (const n of r.addedNodes) window.__changes.add(`${at} > ${n.nodeName.toLowerCase()}`);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    assert.equal(await page.evaluate((mode) => ClaimLens.mount({ mode }), mode), true);
    await ready(page);
    // A reader opens a card from its highlight (or the panel) and the panel.
    await page.locator('[data-claimlens-panel] .toggle').click();
    await page.locator('[data-claimlens-entry="0"]').click();
    await page.locator('[data-claimlens-card]').first().waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    const changes = await page.evaluate(() => [...window.__changes]);
    const allowed = [
      /^article\[data-claimlens-(state|matches|mode-used)\]$/,
      /^body > claimlens-ui$/,
      ...(mode === 'marks' ? [/^claimlens-mark\[(tabindex|role|aria-haspopup|aria-expanded|aria-label)\]$/, /^(p|em) > (claimlens-mark|#text)$/, /^claimlens-mark > #text$/] : []),
    ];
    assert.deepEqual(changes.filter((c) => !allowed.some((a) => a.test(c))), [], `changes: ${changes.join(', ')}`);
    assert.ok(changes.includes('body > claimlens-ui'));
    if (mode === 'marks') assert.ok(changes.includes('claimlens-mark[aria-expanded]'), 'the card set aria-expanded on its mark');
    assert.equal(await page.locator('[style]').count(), 0, 'no style attribute anywhere on the page');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
