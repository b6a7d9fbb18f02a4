// Client-side navigation: a single-page news site shows a placeholder
// ("Loading…"), then its router replaces the whole <article> (clearing its
// container and appending a new one), and again on a second navigation
// (history.pushState + a new article). ClaimLens follows: each new article
// is annotated once, the old one's traces go, unmount restores exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, ROOT, TROOPS } from './harness.mjs';

const DRUZHBA = 'druzhba-pipeline-carries-oil';
const FILLER = '<p>Reporters followed the talks through the afternoon, as delegations arrived and left by the side entrance and aides briefed the press in the courtyard.</p>';
const STORIES = [
  `<h1>Paris talks</h1><p>Officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops.</p>${FILLER}`,
  `<h1>Pipelines</h1><p>Hungary still receives Russian oil through the Druzhba pipeline, officials said.</p>${FILLER}`,
];
// The router: clears the container and appends a new <article>, optionally
// after pushState, as client-side routers do.
const SPA = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title></head><body>
  <header><a href="/">News</a></header>
  <div id="app"><article><p>Loading…</p></article></div>
  <script>
    window.route = (html, url) => {
      if (url) history.pushState({}, '', url);
      const app = document.getElementById('app');
      app.replaceChildren();
      const article = document.createElement('article');
      article.innerHTML = html;
      app.append(article);
    };
  </script>
  <script type="module" src="/claimlens.js" data-manual></script></body></html>`;

const DIST = process.env.CLAIMLENS_DIST ?? join(ROOT, 'dist');

let site, browser;
before(async () => {
  site = await serve(DIST, { '/spa.html': { body: SPA } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Where ClaimLens's highlights are: the claim ids of marks (marks mode)
 * or of painted ranges (paint mode), and whether every one lies inside
 * the current article. */
const highlights = (page) => page.evaluate(() => {
  const article = document.querySelector('#app > article');
  const marks = [...document.querySelectorAll('claimlens-mark')];
  const ranges = [...(CSS.highlights?.entries() ?? [])]
    .filter(([name]) => name.startsWith('claimlens-'))
    .flatMap(([, highlight]) => [...highlight]);
  return {
    marks: marks.map((m) => m.dataset.claimlensClaim),
    marksInside: marks.every((m) => article.contains(m)),
    ranges: ranges.length,
    rangesInside: ranges.every((r) => article.contains(r.startContainer)),
    uis: document.querySelectorAll('claimlens-ui').length,
    annotated: [...document.querySelectorAll('[data-claimlens-state]')].map((e) => e === article),
  };
});

for (const mode of ['marks', 'paint']) {
  test(`${mode}: a client-side router's new article is annotated on each navigation, once`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url + '/spa.html');
    await page.waitForFunction(() => window.ClaimLens);
    await page.evaluate(() => {
      window.__ready = 0;
      document.addEventListener('claimlens:ready', () => { window.__ready += 1; });
    });
    // Mounted on the placeholder, as a bookmarklet or an embed on load is.
    assert.equal(await page.evaluate((mode) => ClaimLens.mount({ mode }), mode), true);
    const readyCount = () => page.evaluate(() => window.__ready);
    assert.equal(await readyCount(), 1);

    for (const [i, [story, url, claim]] of [[STORIES[0], null, TROOPS], [STORIES[1], '/story-2', DRUZHBA]].entries()) {
      await page.evaluate(([html, url]) => window.route(html, url), [story, url]);
      await page.waitForFunction(() => document.querySelector('#app > article')?.dataset.claimlensState === 'ready',
        null, { timeout: 3000 });
      await page.waitForTimeout(400); // anything more would be a loop
      assert.equal(await readyCount(), 2 + i, 'one annotation per navigation');
      const seen = await highlights(page);
      assert.deepEqual(seen.annotated, [true], 'only the new article carries ClaimLens\'s attributes');
      assert.equal(seen.uis, 1, 'one UI: the old article\'s is gone');
      if (mode === 'marks') {
        assert.deepEqual(seen.marks, [claim], 'the new article\'s claim, and nothing of the old one');
        assert.equal(seen.marksInside, true);
      } else {
        assert.deepEqual(seen.marks, [], 'paint mode changes no node');
        assert.equal(seen.ranges, 1, 'one painted range: the new article\'s claim');
        assert.equal(seen.rangesInside, true);
      }
      assert.equal(await page.getAttribute('#app > article', 'data-claimlens-matches'), '1');
    }

    // ClaimLens.refresh(), for a publisher's own navigation, annotates again.
    assert.equal(await page.evaluate(() => ClaimLens.refresh()), true);
    assert.equal(await readyCount(), 4);
    assert.equal((await highlights(page)).uis, 1);

    await page.evaluate(() => ClaimLens.unmount());
    const left = await page.evaluate(() => ({
      html: document.querySelector('#app > article').innerHTML,
      traces: document.querySelectorAll('claimlens-ui, claimlens-mark, [data-claimlens-state], [data-claimlens-matches], [data-claimlens-mode-used]').length,
      painted: [...(CSS.highlights?.keys() ?? [])].filter((n) => n.startsWith('claimlens-')).length,
    }));
    assert.deepEqual(left, { html: STORIES[1], traces: 0, painted: 0 }, 'unmount restores exactly');
    // After unmount, navigation brings nothing back.
    await page.evaluate((html) => window.route(html, '/story-3'), STORIES[0]);
    await page.waitForTimeout(400);
    assert.equal(await page.locator('claimlens-ui, claimlens-mark, [data-claimlens-state]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
