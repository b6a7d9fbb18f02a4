// Shared end-to-end plumbing: a static server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json',
};

/** Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close }.
 * `pages` adds routes served before the directory: path → { body, headers }
 * (test pages, with their own Content-Security-Policy). */
export async function serve(dir = join(ROOT, 'dist'), pages = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': TYPES['.html'], ...page.headers }).end(page.body);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      // Cacheable, as from any CDN: repeat visits then use the browser's
      // HTTP cache and its cache of compiled WebAssembly.
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=600',
      }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Data from ../shared is never copied into the project. Without it, a test
// that needs it is skipped with the reason on a developer's machine, but
// under CI (`CI` set) the file fails: a green run must have run everything.
export function needShared(path, what, hint = '') {
  if (existsSync(path)) return false;
  const reason = `${what} not found at ${path}${hint}`;
  if (process.env.CI) throw new Error(`${reason}; CI needs it`);
  return `SKIPPED: ${reason}`;
}

// The preview inlines the seed article at build time; without it there is
// nothing to annotate.
const SEED = process.env.CLAIMLENS_SEED ?? join(ROOT, '..', 'shared', 'seed', 'article.txt');
export const seedOrSkip = () => needShared(SEED, 'the seed article', ' (set CLAIMLENS_SEED)');

// The claim every preview test looks for.
export const TROOPS = 'coalition-26-countries-ready-to-deploy';

export { ROOT };
