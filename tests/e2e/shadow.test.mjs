// An article inside an open shadow root: a <news-story> web component
// renders the story in its shadow tree. ClaimLens locates it there, maps its
// text, highlights it (marks styled inside the shadow root, or painted
// ranges), the card opens on screen and Escape closes it, and unmount
// restores the shadow tree exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, ROOT, TROOPS } from './harness.mjs';

const STORY = '<h1>Paris talks</h1><p>Leaders met in Paris on Thursday.</p><p>Officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops.</p><p>Reporters followed the talks through the afternoon, as delegations arrived and left by the side entrance and aides briefed the press in the courtyard.</p>';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shadow</title>
  <script>
    customElements.define('news-story', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<article>${STORY}</article>';
      }
    });
  </script></head><body>
  <header><a href="/">News</a></header>
  <news-story></news-story>
  <script type="module" src="/claimlens.js" data-manual></script></body></html>`;

const DIST = process.env.CLAIMLENS_DIST ?? join(ROOT, 'dist');

let site, browser;
before(async () => {
  site = await serve(DIST, { '/shadow.html': { body: PAGE } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const shadowHtml = (page) => page.evaluate(() => document.querySelector('news-story').shadowRoot.innerHTML);
const dialog = (page) => page.evaluate(() => {
  const box = document.querySelector('claimlens-ui')?.shadowRoot.querySelector('[role="dialog"]')?.getBoundingClientRect();
  return box && { left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width };
});

for (const mode of ['marks', 'paint']) {
  test(`${mode}: an article inside an open shadow root is highlighted, its card opens on screen and closes on Escape`, async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url + '/shadow.html');
    await page.waitForFunction(() => window.ClaimLens);
    const original = await shadowHtml(page);
    assert.equal(await page.evaluate((mode) => ClaimLens.mount({ mode }), mode), true);
    const state = await page.evaluate(() => {
      const article = document.querySelector('news-story').shadowRoot.querySelector('article');
      return [article.dataset.claimlensState, article.dataset.claimlensMatches];
    });
    assert.deepEqual(state, ['ready', '1'], 'the article in the shadow root is the one annotated');

    if (mode === 'marks') {
      const mark = await page.evaluate(() => {
        const m = document.querySelector('news-story').shadowRoot.querySelector('claimlens-mark');
        return m && [m.dataset.claimlensClaim, m.textContent, getComputedStyle(m).textDecorationLine];
      });
      assert.equal(mark[0], TROOPS);
      assert.match(mark[1], /26 Western countries are ready to deploy troops/);
      assert.notEqual(mark[2], 'none', 'the mark is styled inside the shadow root');
      await page.evaluate(() => document.querySelector('news-story').shadowRoot.querySelector('claimlens-mark').focus());
      await page.keyboard.press('Enter');
    } else {
      const ranges = await page.evaluate(() => {
        const root = document.querySelector('news-story').shadowRoot;
        return [...CSS.highlights.values()].flatMap((h) => [...h]).map((r) => [r.startContainer.getRootNode() === root, r.toString()]);
      });
      assert.equal(ranges.length, 1);
      assert.equal(ranges[0][0], true, 'the painted range lies in the shadow root');
      assert.match(ranges[0][1], /26 Western countries are ready to deploy troops/);
      // A click on the painted words opens the card (hit-tested).
      const point = await page.evaluate(() => {
        const root = document.querySelector('news-story').shadowRoot;
        const range = [...CSS.highlights.values()].flatMap((h) => [...h])[0];
        const rect = range.getClientRects()[0];
        return { x: rect.left + 5, y: rect.top + rect.height / 2, inRoot: !!root };
      });
      await page.mouse.click(point.x, point.y);
    }
    await page.waitForFunction(() => document.querySelector('claimlens-ui')?.shadowRoot.querySelector('[role="dialog"]'), null, { timeout: 3000 });
    const box = await dialog(page);
    assert.ok(box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= 800 && box.bottom <= 600,
      `the card is on screen: ${JSON.stringify(box)}`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('claimlens-ui')?.shadowRoot.querySelector('[role="dialog"]'), null, { timeout: 3000 });

    await page.evaluate(() => ClaimLens.unmount());
    assert.equal(await shadowHtml(page), original, 'unmount restores the shadow tree exactly');
    const left = await page.evaluate(() => ({
      sheets: document.querySelector('news-story').shadowRoot.adoptedStyleSheets.length + document.adoptedStyleSheets.length,
      painted: CSS.highlights.size,
      ui: document.querySelectorAll('claimlens-ui').length,
    }));
    assert.deepEqual(left, { sheets: 0, painted: 0, ui: 0 });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
