// Browser benchmark of the release build (not a test: it prints numbers).
//
//   source scripts/env.sh && trunk build --release && node benches/browser.mjs
//
// 1. Seed page: time from the loader's first line to `claimlens:ready`,
//    split into engine start (download from cache, compile, instantiate) and
//    annotation; median of 15 loads with a warm HTTP cache.
// 2. Long article (the seed article 25 times, ~100k words... see output):
//    the longest main-thread task while annotating (PerformanceObserver
//    'longtask' reports every task over 50 ms).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ROOT } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const DIST = join(ROOT, 'dist');

const index = await readFile(join(DIST, 'index.html'), 'utf8');
const article = index.match(/<article[^>]*>([\s\S]*?)<\/article>/)[1];
const REPEAT = Number(process.env.REPEAT ?? 25);
const long = index.replace(article, Array(REPEAT).fill(article).join('\n'));

const site = await serve(DIST, { '/long.html': { body: long } });
const browser = await launch();

const observe = () => {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longtasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('claimlens:ready', () => {
    window.__readyAt = performance.now();
  });
};

async function measure(path) {
  const page = await browser.newPage();
  await page.addInitScript(observe);
  await page.goto(site.url + path);
  await page.waitForFunction(() => window.__readyAt, null, { timeout: 60000 });
  const result = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const start = mark('claimlens:loader-start');
    return {
      total: window.__readyAt - start,
      engine: mark('claimlens:engine-ready') - start,
      annotate: window.__readyAt - mark('claimlens:engine-ready'),
      longest: Math.max(0, ...window.__longtasks),
      chars: document.querySelector('article').textContent.length,
      matches: Number(document.querySelector('[data-claimlens-matches]').dataset.claimlensMatches),
    };
  });
  await page.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

await measure('/'); // fill the HTTP and code caches
const seed = [];
for (let i = 0; i < RUNS; i++) seed.push(await measure('/'));
console.log(`seed page (${seed[0].chars} chars, ${seed[0].matches} matches), median of ${RUNS}:`);
console.log(`  loader start -> claimlens:ready  ${ms(median(seed.map((r) => r.total)))}`);
console.log(`    engine start                  ${ms(median(seed.map((r) => r.engine)))}`);
console.log(`    annotation                    ${ms(median(seed.map((r) => r.annotate)))}`);
console.log(`  longest task over 50 ms         max ${ms(Math.max(...seed.map((r) => r.longest)))}, median ${ms(median(seed.map((r) => r.longest)))} (0 = none)`);

await measure('/long.html');
const longRuns = [];
for (let i = 0; i < 5; i++) longRuns.push(await measure('/long.html'));
console.log(`long article (${longRuns[0].chars} chars, ${longRuns[0].matches} matches), 5 loads:`);
console.log(`  loader start -> claimlens:ready  median ${ms(median(longRuns.map((r) => r.total)))}`);
console.log(`  longest task                     max ${ms(Math.max(...longRuns.map((r) => r.longest)))}, median ${ms(median(longRuns.map((r) => r.longest)))} (0 = none over 50 ms)`);

await browser.close();
await site.close();
