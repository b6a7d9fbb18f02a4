// Huge pages (not a test: it prints numbers). For each size of article
// text, the bookmarklet's click on a page of ordinary paragraphs (a claim
// every 500): time to an answer (annotation or notice) and every task over
// 50 ms after the click (PerformanceObserver 'longtask', installed before
// any script of the page). Paint mode by default; MODE=marks for marks.
//
//   source scripts/env.sh && trunk build --release && node benches/huge-pages.mjs 1000000 1500000 2000000 3000000
import { serve, launch, ROOT } from '../tests/e2e/harness.mjs';

const PROSE = (i) => `<p>Entry ${i}: the delegations met again in the morning, reviewed the draft text line by line, and agreed to resume after a short break for lunch.</p>`;
const CLAIM = '<p>Officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops.</p>';
const story = (bytes) => {
  const parts = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const p = i % 500 === 250 ? CLAIM : PROSE(i);
    parts.push(p);
    size += p.length - 7;
  }
  return parts.join('');
};
const page = (bytes) => ({ body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge</title></head><body><article id="story">${story(bytes)}</article></body></html>` });

const sizes = process.argv.slice(2).map(Number);
const site = await serve(ROOT + '/dist', Object.fromEntries(sizes.map((b) => [`/p${b}.html`, page(b)])));
const browser = await launch();
for (const bytes of sizes) {
  const tab = await browser.newPage();
  await tab.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.startTime, Math.round(e.duration)]); })
      .observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(site.url + `/p${bytes}.html`, { timeout: 60000 });
  await tab.waitForTimeout(1500);
  const t0 = await tab.evaluate(() => performance.now());
  await tab.evaluate(([url, mode]) => import(url).then((l) => { l.toggle({ mode }); }), [site.url + '/claimlens.js', process.env.MODE ?? 'paint']);
  await tab.waitForFunction(() => document.querySelector('[data-claimlens-state="ready"], claimlens-notice'), null, { timeout: 30000, polling: 20 });
  const answered = (await tab.evaluate(() => performance.now())) - t0;
  await tab.waitForTimeout(500);
  const long = await tab.evaluate((t0) => window.__lt.filter(([s]) => s >= t0).map(([s, d]) => `${d} ms at +${Math.round(s - t0)} ms`), t0);
  const matches = await tab.evaluate(() => document.getElementById('story').dataset.claimlensMatches ?? 'declined');
  console.log(`${(bytes / 1e6).toFixed(1)} MB: answered in ${answered.toFixed(0)} ms, matches ${matches}, tasks over 50 ms: ${long.join(', ') || 'none'}`);
  await tab.close();
}
await browser.close();
await site.close();
