// axe-core (from npm) on the preview page with a card open and the summary
// panel expanded, in light and dark colour schemes: zero violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve, launch, ROOT, seedOrSkip, TROOPS } from './harness.mjs';

const require = createRequire(join(ROOT, 'tools', 'package.json'));
const AXE = require.resolve('axe-core/axe.min.js');
const skip = seedOrSkip();

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const colorScheme of ['light', 'dark']) {
  test(`no axe violations with a card open and the panel expanded (${colorScheme})`, { skip }, async () => {
    const page = await browser.newPage({ colorScheme });
    await page.goto(server.url + '/');
    await page.waitForSelector('[data-claimlens-state="ready"]');
    await page.locator('[data-claimlens-panel] .toggle').click();
    await page.locator('[data-claimlens-panel="open"]').waitFor();
    await page.focus(`[data-claimlens-claim="${TROOPS}"][tabindex]`);
    await page.locator(`[data-claimlens-card="${TROOPS}"][data-claimlens-card-state="ready"]`).waitFor();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
    });
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    await page.close();
  });
}

test('reduced motion: the card appears without animation', { skip }, async () => {
  const page = await browser.newPage({ reducedMotion: 'reduce' });
  await page.goto(server.url + '/');
  await page.waitForSelector('[data-claimlens-state="ready"]');
  await page.focus(`[data-claimlens-claim="${TROOPS}"][tabindex]`);
  const card = page.locator(`[data-claimlens-card="${TROOPS}"][data-claimlens-card-state="ready"]`);
  await card.waitFor();
  assert.equal(await card.evaluate((el) => getComputedStyle(el).animationName), 'none');
  await page.close();
  const moving = await browser.newPage({ reducedMotion: 'no-preference' });
  await moving.goto(server.url + '/');
  await moving.waitForSelector('[data-claimlens-state="ready"]');
  await moving.focus(`[data-claimlens-claim="${TROOPS}"][tabindex]`);
  await moving.locator(`[data-claimlens-card="${TROOPS}"][data-claimlens-card-state="ready"]`).waitFor();
  assert.notEqual(await moving.locator(`[data-claimlens-card="${TROOPS}"][data-claimlens-card-state="ready"]`).evaluate((el) => getComputedStyle(el).animationName), 'none');
  await moving.close();
});
