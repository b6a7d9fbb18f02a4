// Pages that change after ClaimLens started: content added later is
// annotated once it settles, without a rescan loop, in both modes; an
// article swapped by a single-page app gets its new claims; unmount still
// restores the page exactly; a long article, highlighted in batches, can be
// unmounted or changed between them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, ROOT, TROOPS } from './harness.mjs';

const DRUZHBA = 'druzhba-pipeline-carries-oil';
const FIRST = '<p>Leaders met in Paris. Officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops.</p>';
// `control` gets every change the story gets, but ClaimLens never reads it
// (it is hidden): after unmount the story must equal it exactly.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head><body>
  <article id="story">${FIRST}</article><div id="control" hidden>${FIRST}</div>
  <script type="module" src="/claimlens.js" data-manual></script></body></html>`;

// A long article is highlighted in batches, yielding between them; the page
// can act in those gaps.
const LONG_PARAGRAPH = '<p>Officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops. Hungary still receives Russian oil through the Druzhba pipeline.</p>';
const LONG_STORY = `<p id="lead">Leaders met in Paris on Thursday.</p>${LONG_PARAGRAPH.repeat(400)}`;
const LONG = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body>
  <article id="story">${LONG_STORY}</article><div id="control" hidden>${LONG_STORY}</div>
  <script type="module" src="/claimlens.js" data-manual></script></body></html>`;

// Infinite scroll: a page that appends 50 paragraphs, each with claim
// mentions, in one go (as a feed's next page arrives).
const SCROLL_PARAGRAPH = (i) => `<p>Update ${i}: officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops. Hungary still receives Russian oil through the Druzhba pipeline. Putin has shown no signs of making concessions to end the war.</p>`;
const SCROLL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head><body>
  <article id="story">${FIRST}</article>
  <script type="module" src="/claimlens.js" data-manual></script></body></html>`;

// Two claims in one text node: the second highlight splits the node the
// first one (drawn before it, spans go last first) was cut from.
const TWO = '<p>Hungary still receives Russian oil through the Druzhba pipeline, officials said. Putin has shown no signs of making concessions to end the war.</p>';
const SHARED_NODE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two</title></head><body>
  <article id="story">${TWO}</article><div id="control" hidden>${TWO}</div>
  <script type="module" src="/claimlens.js" data-manual></script></body></html>`;

// The release build by default; CLAIMLENS_DIST runs these tests on another
// build (to see a new test fail on the code before a fix).
const DIST = process.env.CLAIMLENS_DIST ?? join(ROOT, 'dist');

let site, browser;
before(async () => {
  site = await serve(DIST, { '/live.html': { body: PAGE }, '/long.html': { body: LONG }, '/scroll.html': { body: SCROLL }, '/two.html': { body: SHARED_NODE } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Records every task over 50 ms from before any script of the page runs
 * (so before ClaimLens loads). The test pages themselves do no long work:
 * their only script is the loader, and the changes the tests make are
 * single DOM operations, so any long task is ClaimLens's. */
const watchLongTasks = (page) => page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask', buffered: true });
});
const longTasks = (page) => page.evaluate(() => window.__longTasks);

/** Applies the same change to the story and the control copy. */
const change = (page, fn) => page.evaluate((source) => {
  const apply = new Function('el', source);
  apply(document.getElementById('story'));
  apply(document.getElementById('control'));
}, fn);

for (const mode of ['marks', 'paint']) {
  test(`${mode}: content added later is annotated once settled, with no rescan loop`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url + '/live.html');
    await page.waitForFunction(() => window.ClaimLens);
    assert.equal(await page.evaluate((mode) => ClaimLens.mount({ article: '#story', mode }), mode), true);
    await page.waitForSelector('[data-claimlens-state="ready"]');
    assert.equal(await page.getAttribute('#story', 'data-claimlens-matches'), '1');

    // "Read more": a paragraph appended.
    const started = await page.evaluate(() => performance.now());
    await change(page, "el.insertAdjacentHTML('beforeend', '<p>Hungary still receives Russian oil through the <em>Druzhba</em> pipeline, officials said.</p>')");
    await page.waitForFunction(() => document.getElementById('story').dataset.claimlensMatches === '2', null, { timeout: 5000 });
    const delay = (await page.evaluate(() => performance.now())) - started;
    console.log(`# ${mode}: new paragraph annotated ${delay.toFixed(0)} ms after it was added (settle ${50} ms + idle)`);
    const panel = () => page.$eval('claimlens-ui', (host) => host.shadowRoot.querySelector('[data-claimlens-panel]').textContent);
    assert.match(await panel(), /2 claims in this article/, 'the panel counts the new claim');
    if (mode === 'marks') {
      assert.equal(await page.locator(`#story [data-claimlens-claim="${DRUZHBA}"]`).count() > 0, true);
    }

    // ClaimLens's own changes must not feed back: the page stays still.
    const churn = await page.evaluate(() => new Promise((resolve) => {
      let records = 0;
      const observer = new MutationObserver((list) => { records += list.length; });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      setTimeout(() => { observer.disconnect(); resolve(records); }, 600);
    }));
    assert.equal(churn, 0, 'no DOM changes while nothing happens');

    // A script rewrites annotated text in place (as frameworks do with
    // nodeValue): its text must show exactly, with the claim marked again.
    await change(page, "el.querySelector('p').firstChild.nodeValue = 'Rewritten: officials said 26 Western countries are ready to deploy troops to Ukraine.'");
    await page.waitForTimeout(400);
    const [storyText, controlText] = await page.evaluate(() =>
      ['story', 'control'].map((id) => document.getElementById(id).querySelector('p').textContent));
    assert.equal(storyText, controlText, 'the rewritten paragraph shows exactly the page\'s text');
    assert.equal(await page.getAttribute('#story', 'data-claimlens-matches'), '2', 'the claim is found again');

    // A single-page app swaps the article.
    await change(page, "el.innerHTML = '<h2>Next story</h2><p>Putin has shown no signs of making concessions to end the war.</p>'");
    await page.waitForFunction(() => document.getElementById('story').dataset.claimlensMatches === '1', null, { timeout: 5000 });
    assert.match(await panel(), /1 claim in this article/, 'only claims still on the page are counted');

    await page.evaluate(() => ClaimLens.unmount());
    const [story, control] = await page.evaluate(() => [document.getElementById('story').innerHTML, document.getElementById('control').innerHTML]);
    assert.equal(story, control, 'unmount restores the page as the page itself left it');
    assert.equal(await page.locator('#story[data-claimlens-state]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** Runs `action` in the page when ClaimLens has drawn its first marks and
 * is yielding before the rest (a mutation observer fires in that gap). */
const whileDrawing = (action) => `
  window.__whileDrawing = new Promise((resolve) => {
    new MutationObserver((records, observer) => {
      if (!records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'CLAIMLENS-MARK'))) return;
      observer.disconnect();
      const drawnSoFar = document.querySelectorAll('#story claimlens-mark').length;
      ${action}
      resolve(drawnSoFar);
    }).observe(document.getElementById('story'), { childList: true, subtree: true });
  });`;

/** The long page, with `action` set to run while ClaimLens draws. */
async function longPageDoing(action) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await watchLongTasks(page);
  await page.goto(site.url + '/long.html');
  await page.waitForFunction(() => window.ClaimLens);
  await page.addScriptTag({ content: whileDrawing(action) });
  return { page, errors };
}

test('unmount while a long article is being highlighted leaves the page exactly as it was', async () => {
  const { page, errors } = await longPageDoing('ClaimLens.unmount();');
  const mounted = await page.evaluate(() => ClaimLens.mount({ article: '#story' }));
  const drawnSoFar = await page.evaluate(() => window.__whileDrawing);
  assert.ok(drawnSoFar > 0 && drawnSoFar < 800, `unmounted part-way: ${drawnSoFar} of 800 marks drawn`);
  assert.equal(mounted, false, 'mount() reports that it did not finish');
  assert.equal(await page.evaluate(() => ClaimLens.mounted()), false);
  const [story, control] = await page.evaluate(() => [
    document.getElementById('story').innerHTML, document.getElementById('control').innerHTML]);
  assert.equal(story, control, 'the article is exactly as before');
  assert.equal(await page.locator('claimlens-ui, claimlens-mark').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('text the page changes while a long article is being highlighted is read again', async () => {
  // The lead paragraph, before every highlight, is rewritten to carry a claim.
  const { page, errors } = await longPageDoing(
    "document.getElementById('lead').firstChild.data = 'Officials said 26 Western countries are ready to deploy troops.';");
  assert.equal(await page.evaluate(() => ClaimLens.mount({ article: '#story' })), true);
  assert.ok(await page.evaluate(() => window.__whileDrawing) > 0);
  const lead = await page.$$eval('#lead claimlens-mark', (marks) => marks.map((m) => [m.dataset.claimlensClaim, m.textContent]));
  assert.deepEqual(lead, [[TROOPS, '26 Western countries are ready to deploy troops']], 'the rewritten lead is highlighted as written');
  const texts = await page.$$eval('#story claimlens-mark', (marks) => marks.map((m) => m.textContent));
  assert.equal(texts.length, 801, 'every claim, once');
  assert.equal(await page.getAttribute('#story', 'data-claimlens-matches'), '801');
  assert.deepEqual(await longTasks(page), [], 'no task over 50 ms, even when the text changed part-way (ms)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('content added after a text node got two highlights leaves that node\'s text and highlights alone', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.url + '/two.html');
  await page.waitForFunction(() => window.ClaimLens);
  assert.equal(await page.evaluate(() => ClaimLens.mount({ article: '#story' })), true);
  await page.waitForSelector('[data-claimlens-state="ready"]');
  const marked = () => page.$$eval('#story p:first-child claimlens-mark[tabindex]', (marks) => marks.map((m) => m.dataset.claimlensClaim));
  assert.equal((await marked()).length, 2, 'both claims highlighted in the one text node');
  // Any later change in the article makes ClaimLens look at its highlights
  // again (a framework may have rewritten their text); these are intact.
  await change(page, "el.insertAdjacentHTML('beforeend', '<p>Elsewhere, markets were calm.</p>')");
  await page.waitForTimeout(600);
  const [story, control] = await page.evaluate(() => ['story', 'control'].map((id) => document.getElementById(id).textContent));
  assert.equal(story, control, 'the paragraph with two highlights keeps its text');
  assert.equal((await marked()).length, 2, 'and both highlights');
  await page.evaluate(() => ClaimLens.unmount());
  const [storyHtml, controlHtml] = await page.evaluate(() => ['story', 'control'].map((id) => document.getElementById(id).innerHTML));
  assert.equal(storyHtml, controlHtml, 'unmount restores the page exactly');
  assert.deepEqual(errors, []);
  await page.close();
});

test('infinite scroll: 50 appended paragraphs are annotated with no task over 50 ms', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await watchLongTasks(page);
  await page.goto(site.url + '/scroll.html');
  await page.waitForFunction(() => window.ClaimLens);
  assert.equal(await page.evaluate(() => ClaimLens.mount({ article: '#story' })), true);
  await page.waitForSelector('[data-claimlens-state="ready"]');
  assert.equal(await page.getAttribute('#story', 'data-claimlens-matches'), '1');
  const paragraphs = Array.from({ length: 50 }, (_, i) => SCROLL_PARAGRAPH(i + 1)).join('');
  await page.evaluate((html) => document.getElementById('story').insertAdjacentHTML('beforeend', html), paragraphs);
  await page.waitForFunction(() => document.getElementById('story').dataset.claimlensMatches === '151', null, { timeout: 10000 });
  assert.equal(await page.locator('#story claimlens-mark[tabindex]').count(), 151, 'every mention highlighted once');
  assert.deepEqual(await longTasks(page), [], 'no task over 50 ms (ms)');
  assert.deepEqual(errors, []);
  await page.close();
});
