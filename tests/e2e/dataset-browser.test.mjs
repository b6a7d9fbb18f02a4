// The dataset browser page in the release build: lists every claim and
// filters by text and by rating.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const claimFiles = readdirSync(join(ROOT, 'dataset', 'claims')).filter((f) => f.endsWith('.toml'));
const ratingOf = (file) => /^rating = "([a-z-]+)"/m.exec(readFileSync(join(ROOT, 'dataset', 'claims', file), 'utf8'))[1];

async function visibleIds(page) {
  return page.$$eval('article[data-rating]', (all) => all.filter((a) => !a.hidden).map((a) => a.id));
}

test('lists every claim and filters by rating and text', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '/');
  await page.click('a[href="dataset.html"]');
  await page.waitForSelector('article[data-rating]');
  assert.equal((await visibleIds(page)).length, claimFiles.length);
  assert.match(await page.textContent('header'), /Dataset \S+ · schema 2 · released \d{4}-\d{2}-\d{2} · hash [0-9a-f]{12}/);

  await page.selectOption('#rating', 'false');
  const falseIds = claimFiles.filter((f) => ratingOf(f) === 'false').map((f) => f.replace('.toml', ''));
  assert.deepEqual((await visibleIds(page)).sort(), falseIds.sort());

  await page.selectOption('#rating', '');
  await page.fill('#q', 'druzhba hungary');
  const shown = await visibleIds(page);
  assert.ok(shown.includes('druzhba-pipeline-carries-oil'), shown.join());
  for (const id of shown) {
    const text = (await page.textContent(`article[id="${id}"]`)).toLowerCase();
    assert.ok(text.includes('druzhba') && text.includes('hungary'), id);
  }
  assert.match(await page.textContent('#count'), new RegExp(`^${shown.length} of ${claimFiles.length} claims shown$`));
  assert.deepEqual(errors, []);
  await page.close();
});
