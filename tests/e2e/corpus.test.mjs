// ClaimLens on 130 real pages: Mozilla Readability's test corpus (Apache-2.0),
// read from ../shared/corpus/readability (or $CLAIMLENS_READABILITY), never
// copied into this repository or a build. Runs the test build
// (target/dist-test: the release build plus `mountWithSentences`).
//
// For every page, in marks and in paint mode, with the shipped dataset and
// with a dataset made of the page's own sentences: no uncaught errors, the
// visible text unchanged, every generated claim highlighted exactly over
// its text, nothing highlighted in code, forms, navigation and the like,
// mounting twice a no-op, unmount restoring the serialised DOM exactly; and
// the article chosen automatically matching Readability's expected.html on
// at least 90 % of pages. Every generated claim must be highlighted exactly
// in marks mode and painted exactly in paint mode. A page may refuse
// ClaimLens only through its own CSP <meta> (the message says so); any other
// failure to mount fails the run. Prints a table per page and the totals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, ROOT, needShared } from './harness.mjs';

const CORPUS = process.env.CLAIMLENS_READABILITY ?? join(ROOT, '..', 'shared', 'corpus', 'readability');
const DIST = join(ROOT, 'target', 'dist-test');
const built = existsSync(join(DIST, 'claimlens.js'));
if (!built && process.env.CI) throw new Error(`no test build in ${DIST}; CI builds it before this run`);
const skip = needShared(CORPUS, 'the Readability corpus', ' (set CLAIMLENS_READABILITY)')
  || (!built && `SKIPPED: no test build in ${DIST} (trunk build tests/e2e/test-build.html --release true --dist target/dist-test)`);
if (skip) console.log(`# ${skip}`);

const PAGES = skip ? [] : readdirSync(CORPUS)
  .filter((name) => existsSync(join(CORPUS, name, 'source.html')) && existsSync(join(CORPUS, name, 'expected.html')))
  .sort();
// Page scripts stay off (no 'unsafe-inline'): the corpus pages' own code is
// not what is under test, and half of it would fail offline anyway.
const CSP = "script-src 'self' 'wasm-unsafe-eval'";
const EXCLUDED = 'script, style, textarea, input, code, pre, svg, [contenteditable], nav, form, [role=navigation]';
const SENTENCES_PER_PAGE = 4;

let site, browser, engine;
before(async () => {
  if (skip) return;
  const routes = {};
  for (const name of PAGES) {
    routes[`/corpus/${name}/`] = {
      body: readFileSync(join(CORPUS, name, 'source.html')),
      headers: { 'content-security-policy': CSP },
    };
    routes[`/corpus/${name}/expected.html`] = {
      body: `<!doctype html><meta charset="utf-8"><body>${readFileSync(join(CORPUS, name, 'expected.html'), 'utf8')}</body>`,
      headers: { 'content-security-policy': CSP },
    };
  }
  site = await serve(DIST, routes);
  browser = await launch();
  engine = readdirSync(DIST).find((f) => /^claimlens-[0-9a-f]+\.js$/.test(f));
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Word counts of text, lower-cased, letters and digits only. */
function words(text) {
  const counts = new Map();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
function overlap(chosen, expected) {
  let shared = 0;
  let total = (m) => [...m.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [w, n] of expected) shared += Math.min(n, chosen.get(w) ?? 0);
  return { recall: shared / total(expected), precision: shared / total(chosen) };
}
/** Readability's article as ClaimLens reads text (its own text rules), from
 * a second tab showing expected.html. */
let expectedTab;
async function expectedText(name) {
  expectedTab ??= await browser.newPage();
  await expectedTab.goto(`${site.url}/corpus/${name}/expected.html`);
  return expectedTab.evaluate(async (engineUrl) => {
    const engine = await import(engineUrl);
    // Not started by the loader in this tab.
    await engine.default({ module_or_path: engineUrl.replace(/\.js$/, '_bg.wasm') });
    return engine.articleText();
  }, `${site.url}/${engine}`);
}

/** Runs in the page: sentences of the article text ClaimLens reads (each
 * line of it is a block of the page), several per page. */
async function pickSentences([engineUrl, wanted]) {
  const engine = await import(engineUrl);
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const picked = [];
  for (const line of engine.articleText().split('\n')) {
    for (const { segment } of segmenter.segment(line)) {
      const sentence = segment.trim();
      const count = sentence.split(/\s+/).length;
      if (count < 6 || count > 40 || !/^[\p{L}"“‘(]/u.test(sentence) || /https?:|www\.|@/.test(sentence)) continue;
      if (!picked.includes(sentence)) picked.push(sentence);
    }
  }
  // A sentence inside another would be one mention of two claims, which
  // the matcher rightly resolves to one: keep neither.
  const separate = picked.filter((s) => !picked.some((other) => other !== s && (other.includes(s) || s.includes(other))));
  picked.length = 0;
  picked.push(...separate);
  // Spread over the article rather than its first lines.
  const step = Math.max(1, Math.floor(picked.length / wanted));
  return picked.filter((_, i) => i % step === 0).slice(0, wanted);
}

/** Runs in the page: every painted range's text, in document order. */
function paintedText() {
  const ranges = [];
  for (const [, highlight] of CSS.highlights ?? []) for (const range of highlight) if (!range.collapsed) ranges.push(range);
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString()).join('');
}

/** Runs in the page: what is highlighted, in either mode. */
function highlighted(excluded) {
  const trim = (t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const found = [];
  const bad = [];
  const marks = new Map();
  const pieces = new Map();
  for (const mark of document.querySelectorAll('claimlens-mark')) {
    pieces.set(mark.dataset.claimlensMatch, (pieces.get(mark.dataset.claimlensMatch) ?? 0) + 1);
    if (mark.parentElement.closest(excluded)) bad.push(mark.textContent);
    const id = mark.dataset.claimlensMatch;
    marks.set(id, (marks.get(id) ?? '') + mark.textContent);
  }
  found.push(...marks.values());
  for (const [, highlight] of CSS.highlights ?? []) {
    for (const range of highlight) {
      if (range.collapsed) continue;
      const node = range.commonAncestorContainer;
      if ((node.nodeType === 1 ? node : node.parentElement).closest(excluded)) bad.push(range.toString());
      found.push(range.toString());
    }
  }
  const crossing = [...pieces.values()].filter((n) => n > 1).length;
  return { found: found.map(trim), bad, crossing };
}

test('ClaimLens on every page of the Readability corpus', { skip, timeout: 40 * 60 * 1000 }, async () => {
  const rows = [];
  const totals = { pages: 0, ran: 0, refused: 0, mountErrors: 0, crossingMarkup: 0, errors: 0, textChanged: 0, restoreFailed: 0, twiceChanged: 0, excludedHits: 0, sentences: 0, sentencesFound: 0, paintSentences: 0, paintFound: 0, articleFound: 0, shippedMatches: 0 };
  const failures = [];
  const page = await browser.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith(site.url) ? route.continue() : route.abort()));
  let errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const trim = (t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

  for (const name of PAGES) {
    totals.pages++;
    const row = { name, errors: 0, text: 'same', restore: 'exact', twice: 'no-op', excluded: 0, sentences: '', article: '', shipped: 0 };
    for (const mode of ['marks', 'paint']) {
      for (const dataset of ['shipped', 'sentences']) {
        errors = [];
        await page.goto(`${site.url}/corpus/${name}/`, { waitUntil: 'load' });
        const before = await page.evaluate(() => ({
          html: document.documentElement.outerHTML,
          text: document.body?.innerText ?? '',
          cspMeta: !!document.querySelector('meta[http-equiv="content-security-policy" i]'),
        }));
        let sentences = [];
        // Absolute URLs: some pages have a <base href> elsewhere.
        const loader = `${site.url}/claimlens.js`;
        let mounted = await page.evaluate(async ([mode, loader]) => {
          try {
            return { ok: await (await import(loader)).mount({ mode }) };
          } catch (error) {
            return { ok: false, refused: error.message };
          }
        }, [mode, loader]);
        if (mounted.refused) {
          if (before.cspMeta && /security policy \(Content-Security-Policy\)/.test(mounted.refused)) {
            // The page's own policy (a CSP <meta>) stops ClaimLens: it says
            // so on the page, which is the expected behaviour, not a failure.
            row.refused = mounted.refused.slice(0, 60);
          } else {
            // Any other failure to mount is a bug.
            row.mountError = true;
            failures.push(`${name} (${mode}, ${dataset}): mount failed: ${mounted.refused}`);
          }
        }
        if (dataset === 'sentences' && mounted.ok) {
          sentences = await page.evaluate(pickSentences, [`${site.url}/${engine}`, SENTENCES_PER_PAGE]);
          mounted = await page.evaluate(async ([mode, engineUrl, sentences, loader]) => {
            (await import(loader)).unmount();
            const engine = await import(engineUrl);
            return { ok: await engine.mountWithSentences({ mode }, sentences) };
          }, [mode, `${site.url}/${engine}`, sentences, loader]);
        }
        if (mounted.ok) {
          await page.waitForSelector('[data-claimlens-state="ready"]', { state: 'attached', timeout: 30000 });
        }
        const after = await page.evaluate(() => document.body?.innerText ?? '');
        if (after !== before.text) row.text = `CHANGED (${mode}, ${dataset})`;
        const { found, bad, crossing } = await page.evaluate(highlighted, EXCLUDED);
        row.excluded += bad.length;
        if (dataset === 'shipped' && mode === 'marks' && !mounted.refused) {
          totals.ran++;
          row.shipped = found.length;
          // The article's text as ClaimLens reads it (its own text rules).
          const chosen = await page.evaluate(async (engineUrl) => (await import(engineUrl)).articleText(), `${site.url}/${engine}`);
          const { recall, precision } = overlap(words(chosen), words(await expectedText(name)));
          const ok = recall >= 0.8 && precision >= 0.5;
          row.article = `${ok ? 'yes' : 'NO'} ${recall.toFixed(2)}/${precision.toFixed(2)}`;
          if (ok) totals.articleFound++;
          // Mounting again is a no-op.
          const snapshot = await page.evaluate(() => document.documentElement.outerHTML);
          const again = await page.evaluate(async ([mode, loader]) => (await import(loader)).mount({ mode }), [mode, loader]);
          if (again !== false || snapshot !== await page.evaluate(() => document.documentElement.outerHTML)) row.twice = 'CHANGED';
        }
        if (dataset === 'sentences' && mode === 'marks' && !mounted.refused) {
          const hit = sentences.filter((s) => found.includes(trim(s)));
          totals.sentences += sentences.length;
          totals.sentencesFound += hit.length;
          totals.crossingMarkup += crossing;
          row.sentences = `${hit.length}/${sentences.length}`;
          for (const s of sentences) if (!hit.includes(s)) failures.push(`${name}: sentence not highlighted exactly: ${JSON.stringify(s)} (highlighted: ${JSON.stringify(found.slice(0, 6))})`);
        }
        if (dataset === 'sentences' && mode === 'paint' && !mounted.refused) {
          // Paint draws one range per text node: compare the painted text as
          // a whole, in document order, without white space.
          const painted = (await page.evaluate(paintedText)).replace(/\s+/g, '');
          const missing = sentences.filter((s) => !painted.includes(trim(s).replace(/\s+/g, '')));
          totals.paintSentences += sentences.length;
          totals.paintFound += sentences.length - missing.length;
          if (missing.length) failures.push(`${name} (paint): not painted exactly: ${JSON.stringify(missing)}`);
        }
        await page.evaluate(async (loader) => (await import(loader)).unmount(), loader);
        const restored = await page.evaluate(() => document.documentElement.outerHTML);
        if (restored !== before.html) row.restore = `FAILED (${mode}, ${dataset})`;
        row.errors += errors.length;
        for (const e of errors) failures.push(`${name} (${mode}, ${dataset}): ${e}`);
      }
    }
    if (row.mountError) {
      totals.mountErrors++;
      row.article = 'MOUNT FAILED';
    } else if (row.refused) {
      totals.refused++;
      row.article = `refused: ${row.refused}`;
    }
    if (row.text !== 'same') totals.textChanged++;
    if (row.restore !== 'exact') totals.restoreFailed++;
    if (row.twice !== 'no-op') totals.twiceChanged++;
    totals.errors += row.errors;
    totals.excludedHits += row.excluded;
    totals.shippedMatches += row.shipped;
    rows.push(row);
  }
  await page.close();

  console.log(`# ${'page'.padEnd(40)} errors  text      restore   twice    in-excluded  sentences  shipped  article (recall/precision)`);
  for (const r of rows) {
    console.log(`# ${r.name.padEnd(40)} ${String(r.errors).padEnd(7)} ${r.text.padEnd(9)} ${r.restore.padEnd(9)} ${r.twice.padEnd(8)} ${String(r.excluded).padEnd(12)} ${r.sentences.padEnd(10)} ${String(r.shipped).padEnd(8)} ${r.article}`);
  }
  const rate = totals.articleFound / Math.max(1, totals.ran);
  console.log(`# totals: ${JSON.stringify(totals)}; article found on ${(100 * rate).toFixed(1)} % of pages`);
  for (const f of failures.slice(0, 40)) console.log(`# ${f}`);

  assert.equal(totals.errors, 0, 'uncaught errors');
  assert.equal(totals.textChanged, 0, 'pages whose visible text changed');
  assert.equal(totals.restoreFailed, 0, 'pages not restored exactly');
  assert.equal(totals.twiceChanged, 0, 'pages where mounting twice changed something');
  assert.equal(totals.excludedHits, 0, 'highlights inside code, forms, navigation and the like');
  assert.equal(totals.mountErrors, 0, 'pages where mounting failed for a reason other than their CSP <meta>');
  assert.equal(totals.sentencesFound, totals.sentences, 'generated claims not highlighted exactly');
  assert.equal(totals.paintFound, totals.paintSentences, 'generated claims not painted exactly (paint mode)');
  assert.ok(totals.paintSentences >= PAGES.length, `only ${totals.paintSentences} sentences checked in paint mode`);
  assert.ok(totals.sentences >= PAGES.length, `only ${totals.sentences} sentences generated`);
  assert.ok(totals.crossingMarkup >= 20, `only ${totals.crossingMarkup} generated claims crossed inline markup`);
  assert.equal(totals.ran + totals.refused, PAGES.length, 'every page is annotated or refused by its own CSP <meta>');
  assert.ok(totals.refused <= 5, `${totals.refused} pages refused by their CSP <meta>`);
  assert.ok(rate >= 0.9, `article found on ${(100 * rate).toFixed(1)} % of pages`);
});
