// A panic traps the engine (`panic = "abort"`), and every later call into
// it throws. The loader's unmount() must still take ClaimLens off the page:
// a JS-only cleanup unwraps the marks, merges the split text back, removes
// the UI, ClaimLens's attributes, stylesheets and painted highlights.
// Runs the test build (target/dist-test), whose engine has `forceTrap`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';

const DIST = process.env.CLAIMLENS_DIST_TEST ?? join(ROOT, 'target', 'dist-test');
const missing = !existsSync(join(DIST, 'claimlens.js'))
  && `no test build in ${DIST} (trunk build tests/e2e/test-build.html --release true --dist target/dist-test)`;
// In CI the test build is always made first; its absence is a failure there.
if (missing && process.env.CI) throw new Error(missing);
const skip = missing ? `SKIPPED: ${missing}` : false;

const STORY = `<h1>Coalition meets</h1>
  <p>Leaders met in Paris. Officials said <em>26 Western countries</em> are ready to deploy troops to Ukraine once the fighting stops.</p>
  <p>Hungary still receives Russian oil through the Druzhba pipeline, officials said.</p>`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trap</title></head><body>
  <article id="story" data-claimlens-article>${STORY}</article>
  <script type="module" src="/claimlens.js" data-manual></script></body></html>`;

let site, browser, engine;
before(async () => {
  if (skip) return;
  site = await serve(DIST, { '/trap.html': { body: PAGE } });
  browser = await launch();
  engine = readdirSync(DIST).find((f) => /^claimlens-[0-9a-f]+\.js$/.test(f));
});
after(async () => {
  await browser?.close();
  await site?.close();
});

for (const mode of ['marks', 'paint']) {
  test(`${mode}: after the engine traps, unmount() still restores the page exactly`, { skip }, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url + '/trap.html');
    await page.waitForFunction(() => window.ClaimLens);
    const snapshot = () => page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      textNodes: document.getElementById('story').querySelectorAll('p')[0].childNodes.length,
      sheets: document.adoptedStyleSheets.length,
      highlights: globalThis.CSS?.highlights?.size ?? 0,
    }));
    const before = await snapshot();
    assert.equal(await page.evaluate((mode) => ClaimLens.mount({ mode }), mode), true);
    await page.waitForSelector('[data-claimlens-state="ready"]');
    assert.notDeepEqual(await snapshot(), before, 'ClaimLens changed the page');

    // The same module instance the loader started: trap it.
    const trapped = await page.evaluate(async (url) => {
      const module = await import(url);
      try { module.forceTrap(); return 'no trap'; } catch (error) { return error.constructor.name; }
    }, `/${engine}`);
    assert.equal(trapped, 'RuntimeError', 'the engine trapped');
    const direct = await page.evaluate(async (url) => {
      try { (await import(url)).unmount(); return 'unmounted'; } catch { return 'throws'; }
    }, `/${engine}`);
    assert.equal(direct, 'throws', 'the engine\'s own unmount() now throws');

    await page.evaluate(() => ClaimLens.unmount());
    assert.deepEqual(await snapshot(), before, 'the page is exactly as before');
    assert.equal(await page.evaluate(() => ClaimLens.mounted()), false);
    await page.close();
  });
}
