// A page rendered by a real framework (React 18 from npm) keeps working
// with ClaimLens in both modes: its re-renders of annotated text raise no
// errors, its own event handlers still fire, and what it renders later is
// annotated too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';

const APP = `
const e = React.createElement;
function App() {
  const [count, setCount] = React.useState(0);
  const [more, setMore] = React.useState(false);
  return e('div', null,
    e('button', { id: 'again', onClick: () => setCount((c) => c + 1) }, 'Update'),
    e('article', { id: 'story' },
      e('p', { id: 'troops' }, 'Update ' + count + ': officials said 26 Western countries are ready to deploy troops to Ukraine.'),
      e('p', null, 'Seen ', count, ' times: Putin has shown no signs of making concessions to end the war.'),
      e('p', { id: 'clickable', onClick: () => { window.__paragraphClicks = (window.__paragraphClicks || 0) + 1; } },
        'Hungary still receives Russian oil through the Druzhba pipeline, officials said.'),
      more ? e('p', { id: 'later' }, 'The EU treaties contain a mutual assistance clause, Article 42(7).') : null),
    e('button', { id: 'more', onClick: () => setMore(true) }, 'Read more'));
}
ReactDOM.createRoot(document.getElementById('root')).render(e(App));
`;

let site, browser;
before(async () => {
  const umd = (path) => readFile(join(ROOT, 'tools', 'node_modules', path), 'utf8');
  const js = { 'content-type': 'text/javascript' };
  site = await serve(join(ROOT, 'dist'), {
    '/react.js': { body: await umd('react/umd/react.production.min.js'), headers: js },
    '/react-dom.js': { body: await umd('react-dom/umd/react-dom.production.min.js'), headers: js },
    '/app.js': { body: APP, headers: js },
    '/react.html': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React page</title><link rel="icon" href="data:,"></head><body>
        <div id="root"></div><script src="/react.js"></script><script src="/react-dom.js"></script><script src="/app.js"></script>
        <script type="module" src="/claimlens.js" data-manual></script></body></html>`,
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

for (const mode of ['marks', 'paint']) {
  test(`React re-renders, handlers and later content, in ${mode} mode`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(site.url + '/react.html');
    await page.waitForSelector('#story p');
    await page.waitForFunction(() => window.ClaimLens);
    assert.equal(await page.evaluate((mode) => ClaimLens.mount({ article: '#story', mode }), mode), true);
    await page.waitForSelector('[data-claimlens-state="ready"]');
    const count = () => page.getAttribute('#story', 'data-claimlens-matches');
    const found = Number(await count());
    assert.ok(found >= 3, `three claims on the page, ${found} found`);

    // Re-renders rewrite annotated text: React's own text must show, exactly,
    // and the claim is highlighted again once React is done.
    for (let i = 1; i <= 3; i++) await page.click('#again');
    await page.waitForFunction(() => document.querySelector('#troops').textContent.startsWith('Update 3:'));
    await page.waitForTimeout(400);
    assert.equal(await page.textContent('#troops'),
      'Update 3: officials said 26 Western countries are ready to deploy troops to Ukraine.');
    assert.equal(await page.textContent('#troops + p'),
      'Seen 3 times: Putin has shown no signs of making concessions to end the war.');
    assert.equal(Number(await count()), found, 'the same claims are highlighted after the re-renders');
    if (mode === 'marks') {
      assert.equal(await page.locator('#troops claimlens-mark').count() > 0, true, 'the rewritten claim is marked again');
    }

    await page.click('#clickable');
    assert.equal(await page.evaluate(() => window.__paragraphClicks), 1, 'React\'s own click handler fired');

    await page.click('#more');
    await page.waitForSelector('#later');
    await page.waitForFunction((n) => Number(document.getElementById('story').dataset.claimlensMatches) === n + 1, found, { timeout: 5000 });

    await page.evaluate(() => ClaimLens.unmount());
    await page.click('#again');
    await page.waitForFunction(() => document.querySelector('#troops').textContent.startsWith('Update 4:'));
    assert.equal(await page.textContent('#troops'),
      'Update 4: officials said 26 Western countries are ready to deploy troops to Ukraine.');
    assert.equal(await page.locator('claimlens-mark, claimlens-ui').count(), 0, 'no trace after unmount');
    assert.deepEqual(errors, [], 'no errors from React or ClaimLens');
    await page.close();
  });
}
