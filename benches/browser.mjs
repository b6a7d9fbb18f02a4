// Browser benchmark of the release build (not a test: it prints numbers).
//
//   source scripts/env.sh && trunk build --release && node benches/browser.mjs
//
// 1. Seed page: time from the loader's first line to `claimlens:ready`,
//    split into engine start (download, compile, instantiate) and
//    annotation; median of 15 loads, each in a fresh browser context (an
//    empty HTTP cache: a reader's first article from this publisher). The
//    preview page preloads the engine's files (trunk's <link rel=preload>).
// 1b. Embedded: the same article in a bare page with only the one script
//    tag a publisher adds, no preload: navigation start to ready. Set
//    LATENCY=<ms> to add that much network latency per request (CDP).
// 2. Long article (the seed article 25 times, ~100k words... see output):
//    the longest main-thread task while annotating (PerformanceObserver
//    'longtask' reports every task over 50 ms).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ROOT } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const DIST = process.env.DIST ?? join(ROOT, 'dist');

const index = await readFile(join(DIST, 'index.html'), 'utf8');
const article = index.match(/<article[^>]*>([\s\S]*?)<\/article>/)[1];
const REPEAT = Number(process.env.REPEAT ?? 25);
const long = index.replace(article, Array(REPEAT).fill(article).join('\n'));

const embed = `<!doctype html><meta charset="utf-8"><title>Embedded</title>
<article>${article}</article><script type="module" src="/claimlens.js"></script>`;
const site = await serve(DIST, { '/long.html': { body: long }, '/embed.html': { body: embed } });
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
  if (process.env.LATENCY) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: Number(process.env.LATENCY), downloadThroughput: -1, uploadThroughput: -1,
    });
  }
  await page.addInitScript(observe);
  await page.goto(site.url + path);
  await page.waitForFunction(() => window.__readyAt, null, { timeout: 60000 });
  const result = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const start = mark('claimlens:loader-start');
    return {
      total: window.__readyAt - start,
      fromNavigation: window.__readyAt,
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

await measure('/'); // warm up the browser itself (each load still gets a fresh context)
const seed = [];
for (let i = 0; i < RUNS; i++) seed.push(await measure('/'));
console.log(`seed page (${seed[0].chars} chars, ${seed[0].matches} matches), median of ${RUNS}:`);
console.log(`  loader start -> claimlens:ready  ${ms(median(seed.map((r) => r.total)))}`);
console.log(`    engine start                  ${ms(median(seed.map((r) => r.engine)))}`);
console.log(`    annotation                    ${ms(median(seed.map((r) => r.annotate)))}`);
console.log(`  longest task over 50 ms         max ${ms(Math.max(...seed.map((r) => r.longest)))}, median ${ms(median(seed.map((r) => r.longest)))} (0 = none)`);

await measure('/embed.html');
const embedded = [];
for (let i = 0; i < RUNS; i++) embedded.push(await measure('/embed.html'));
console.log(`embedded with one script tag, median of ${RUNS}${process.env.LATENCY ? `, ${process.env.LATENCY} ms latency per request` : ''}:`);
console.log(`  navigation start -> claimlens:ready  ${ms(median(embedded.map((r) => r.fromNavigation)))}`);
console.log(`  loader start -> claimlens:ready      ${ms(median(embedded.map((r) => r.total)))}`);
console.log(`    engine start                      ${ms(median(embedded.map((r) => r.engine)))}`);

await measure('/long.html');
const longRuns = [];
for (let i = 0; i < 5; i++) longRuns.push(await measure('/long.html'));
console.log(`long article (${longRuns[0].chars} chars, ${longRuns[0].matches} matches), 5 loads:`);
console.log(`  loader start -> claimlens:ready  median ${ms(median(longRuns.map((r) => r.total)))}`);
console.log(`  longest task                     max ${ms(Math.max(...longRuns.map((r) => r.longest)))}, median ${ms(median(longRuns.map((r) => r.longest)))} (0 = none over 50 ms)`);

await browser.close();
await site.close();
