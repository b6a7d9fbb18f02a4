// Pages ClaimLens should not annotate: it declines with a console note,
// changes nothing, throws nothing and never hangs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';

const paragraph = '<p>Officials said 26 Western countries are ready to deploy troops to Ukraine once the fighting stops. Markets were calm.</p>';
const html = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head>${body}</html>`;
const PAGES = {
  '/huge.html': { body: html(`<body><article>${paragraph.repeat(40000)}</article></body>`) },
  '/empty.html': { body: html('<body></body>') },
  '/blank-article.html': { body: html('<body><article>   <p> </p> <img alt=""> </article></body>') },
  '/frameset.html': { body: html('<frameset cols="50%,50%"><frame src="empty.html"><frame src="empty.html"></frameset>') },
  '/drawing.svg': {
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="5" y="30">26 Western countries are ready to deploy troops</text></svg>',
    headers: { 'content-type': 'image/svg+xml' },
  },
  '/feed.xml': {
    body: '<?xml version="1.0"?><feed><title>26 Western countries are ready to deploy troops</title></feed>',
    headers: { 'content-type': 'application/xml' },
  },
};
const CASES = [
  ['/huge.html', /This page is too long for ClaimLens \(\d+ KB of text; it reads up to 2000 KB\)/],
  ['/empty.html', /the article has no text/],
  ['/blank-article.html', /the article has no text/],
  ['/frameset.html', /frameset/],
  ['/drawing.svg', /not an HTML page/],
  ['/feed.xml', /not an HTML page/],
];

let site, browser;
before(async () => {
  site = await serve(join(ROOT, 'dist'), PAGES);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

for (const [path, note] of CASES) {
  test(`declines ${path} with a console note`, async () => {
    const page = await browser.newPage();
    const errors = [];
    const notes = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => notes.push(m.text()));
    await page.goto(site.url + path);
    const before = await page.evaluate(() => new XMLSerializer().serializeToString(document));
    const started = Date.now();
    const result = await page.evaluate(async (url) => {
      const loader = await import(url);
      return loader.mount();
    }, site.url + '/claimlens.js');
    assert.equal(result, false, 'mount declines');
    assert.ok(Date.now() - started < 10000, 'promptly');
    assert.ok(notes.some((n) => note.test(n)), `console says why: ${notes.join(' | ')}`);
    assert.equal(await page.evaluate(() => new XMLSerializer().serializeToString(document)), before, 'nothing changed');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
