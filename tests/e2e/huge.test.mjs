// A huge page: 1.5 MB of article text. The reader who clicks the bookmarklet
// gets an answer (annotation, or a notice) within 3 s, and no task of
// ClaimLens's runs over 50 ms: the text map is read in steps and the size
// check comes before any heavy work. A page over the limit gets the notice
// "This page is too long for ClaimLens", fast.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';

// Ordinary prose, a claim every 500 paragraphs: what a very long article
// (a live blog, a transcript) looks like.
const PROSE = (i) => `<p>Entry ${i}: the delegations met again in the morning, reviewed the draft text line by line, and agreed to resume after a short break for lunch.</p>`;
const CLAIM = '<p>Officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops.</p>';
const story = (bytes) => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = i % 500 === 250 ? CLAIM : PROSE(i);
    parts.push(p);
    size += p.length - 7; // the text, without <p></p>
  }
  return parts.join('');
};
const page = (bytes) => ({ body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge</title></head><body>
  <article id="story">${story(bytes)}</article></body></html>` });

const DIST = process.env.CLAIMLENS_DIST ?? join(ROOT, 'dist');

let site, browser;
before(async () => {
  site = await serve(DIST, { '/huge.html': page(1_500_000), '/too-long.html': page(4_500_000) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Clicks the bookmarklet (the loader's toggle) on `path`, with a
 * `longtask` observer installed before any script of the page runs; the
 * page's own parsing is over before the click, so every long task after
 * it is ClaimLens's. Resolves when ClaimLens has answered. */
async function clickBookmarklet(path) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, Math.round(entry.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(site.url + path, { timeout: 60000 });
  // The page's own parsing, style and layout of 1.5 MB settle first.
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await tab.waitForTimeout(1500);
  const clicked = await tab.evaluate(() => performance.now());
  await tab.evaluate((url) => import(url).then((loader) => { loader.toggle(); }), site.url + '/claimlens.js');
  await tab.waitForFunction(() => document.querySelector('[data-claimlens-state="ready"], claimlens-notice'),
    null, { timeout: 3000, polling: 20 });
  const answered = (await tab.evaluate(() => performance.now())) - clicked;
  await tab.waitForTimeout(300);
  const long = (await tab.evaluate(() => window.__longTasks)).filter(([start]) => start >= clicked).map(([, ms]) => ms);
  return { tab, errors, answered, long };
}

test('a 1.5 MB article is annotated within 3 s, with no task over 50 ms', async () => {
  const { tab, errors, answered, long } = await clickBookmarklet('/huge.html');
  console.log(`# 1.5 MB of article text: annotated ${answered.toFixed(0)} ms after the click`);
  const claims = (story(1_500_000).match(/26 Western countries/g) ?? []).length;
  const found = Number(await tab.getAttribute('#story', 'data-claimlens-matches'));
  assert.ok(found >= claims, `every claim paragraph annotated: ${found} matches for ${claims} claims`);
  assert.equal(await tab.evaluate(() => CSS.highlights.size > 0), true, 'painted');
  assert.deepEqual(long, [], 'no task over 50 ms after the click (ms)');
  assert.deepEqual(errors, []);
  await tab.evaluate((url) => import(url).then((loader) => loader.toggle()), site.url + '/claimlens.js');
  assert.equal(await tab.locator('[data-claimlens-state], claimlens-ui').count(), 0, 'a second click removes it all');
  assert.equal(await tab.evaluate(() => CSS.highlights.size), 0);
  await tab.close();
});

test('a page over the limit gets the notice "This page is too long for ClaimLens", with no task over 50 ms', async () => {
  const { tab, errors, answered, long } = await clickBookmarklet('/too-long.html');
  console.log(`# 4.5 MB of article text: declined ${answered.toFixed(0)} ms after the click`);
  const notice = await tab.$eval('claimlens-notice', (n) => n.shadowRoot.textContent);
  assert.match(notice, /This page is too long for ClaimLens/);
  assert.deepEqual(long, [], 'no task over 50 ms after the click (ms)');
  assert.equal(await tab.locator('[data-claimlens-state], claimlens-ui').count(), 0, 'nothing else changed');
  assert.deepEqual(errors, []);
  await tab.close();
});
