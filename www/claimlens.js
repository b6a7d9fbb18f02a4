// ClaimLens loader: the one file publishers and the bookmarklet load, under
// a stable name. The build (scripts/write_loader.py) fills in the names of
// the fingerprinted engine files, which sit next to this file: everything
// is fetched relative to this file's own URL, so a copy works under any
// path or host.
//
// Its jobs are the ones the engine cannot do for itself: respect a
// publisher's opt-out before downloading anything, gather configuration,
// and explain on the page when the page's Content-Security-Policy stops
// the engine, instead of failing silently.

performance.mark?.("claimlens:loader-start");

const ENGINE_JS = "__CLAIMLENS_ENGINE_JS__";
const ENGINE_WASM = "__CLAIMLENS_ENGINE_WASM__";
const ENGINE_SNIPPETS = "__CLAIMLENS_ENGINE_SNIPPETS__".split(" ").filter(Boolean);
const HERE = new URL(".", import.meta.url);
const HELP = new URL("install.html", HERE).href;
const NOTICE_TAG = "claimlens-notice";
// The engine's MAX_ARTICLE_BYTES (src/boot/schedule.rs), for the whole page.
const MAX_PAGE_CHARS = 2_000_000;

// Enforced CSP violations seen since the loader started: they say why a
// load failed. A report-only policy blocks nothing, so it is ignored.
const violations = [];
// ClaimLens's own files: a violation is ours only if it names one of them.
const OWN = [import.meta.url, ...[ENGINE_JS, ENGINE_WASM, "snippets/", "cards-"].map((f) => new URL(f, HERE).href)];
document.addEventListener("securitypolicyviolation", (event) => {
  if (event.disposition === "report") return;
  violations.push(event);
  const ours = [event.blockedURI, event.sourceFile].some((url) => OWN.some((own) => url?.startsWith(own)));
  if (ours && /^style-src/.test(event.effectiveDirective)) {
    showNotice(blockedMessage("style"));
  }
});

let engine; // the engine module, loading or loaded
let loaded; // the engine module once it runs, for synchronous calls
function loadEngine() {
  if (engine) return engine;
  // The wasm downloads and compiles while the glue script downloads and
  // parses, and the glue's own imports download with it, instead of each
  // request waiting for the one before: one round trip, not three.
  const compiled = compileEngine();
  compiled.catch(() => {}); // reported through the glue's init below
  for (const snippet of ENGINE_SNIPPETS) import(new URL(snippet, HERE).href).catch(() => {});
  engine = import(new URL(ENGINE_JS, HERE).href).then(async (module) => {
    await module.default({ module_or_path: compiled });
    module.cardSource(fetchCards);
    performance.mark?.("claimlens:engine-ready");
    loaded = module;
    return module;
  });
  return engine;
}

/** The engine's WebAssembly module, compiled as its bytes arrive. A host
 * that serves it under another type than application/wasm cannot stream
 * (the browser refuses); then it is compiled once the whole file is in. */
async function compileEngine() {
  const url = new URL(ENGINE_WASM, HERE);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
  if (response.headers.get("content-type")?.split(";")[0].trim() === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** A card shard file, by name, from next to this file: the engine asks
 * for one only when a claim in it matched. Rejects with one line the
 * card shows: the page's CSP when it blocked the request, else what failed. */
async function fetchCards(name) {
  const url = new URL(name, HERE).href;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.text();
  } catch (error) {
    // Violation events are queued; let them arrive before deciding.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const blocked = violations.some((v) => v.effectiveDirective === "connect-src"
      && (v.blockedURI === url || url.startsWith(v.blockedURI || "-")));
    if (blocked) throw new Error(blockedMessage("cards"));
    throw new Error(`its card text could not be downloaded from ${HERE.origin} (${error.message}).`);
  }
}

/** Annotates the page. Resolves to true when it did, false when it was
 * already mounted or the page opted out; rejects with a one-line Error. */
export async function mount(options = {}) {
  if (optedOut()) {
    const text = "This page's publisher has turned ClaimLens off here.";
    if (options.bookmarklet) showNotice(text);
    console.info(`ClaimLens: ${text}`);
    return false;
  }
  const unsuitable = unsuitablePage();
  if (unsuitable) {
    if (options.bookmarklet && unsuitable.startsWith("This page is too long")) showNotice(unsuitable);
    console.info(`ClaimLens: ${unsuitable}; the page was left as it is.`);
    return false;
  }
  const { bookmarklet, ...engineOptions } = options;
  let module;
  try {
    module = await loadEngine();
  } catch (error) {
    engine = undefined;
    const message = await explainLoadFailure(error);
    showNotice(message);
    throw new Error(`ClaimLens: ${message}`);
  }
  followNavigation();
  const done = await module.mount(engineOptions);
  // A declined article (too long, no text): the reader who clicked the
  // bookmarklet gets a short notice rather than nothing.
  const why = !done && bookmarklet && module.declined();
  if (why) showNotice(why);
  return done;
}

/** Annotates the article again, with the options of the last mount():
 * for a page's own client-side navigation. Resolves to false when
 * ClaimLens is not on or the new article is declined. */
export async function refresh() {
  return loaded ? loaded.refresh() : false;
}

// Client-side navigation: a router replaces the article or changes the URL
// (popstate, or pushState/replaceState as the Navigation API reports them).
// Once the page has settled (50 ms), the old article's traces are removed
// and the article is located and annotated again: once per navigation, and
// never for ClaimLens's own changes (they neither detach the article nor
// change the URL).
let stopFollowing;
function followNavigation() {
  if (stopFollowing) return;
  let href = location.href;
  let timer;
  const moved = () => location.href !== href || loaded?.article()?.isConnected === false;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!moved()) return;
      href = location.href;
      refresh().catch((error) => console.error(error.message));
    }, 50);
  };
  const observer = new MutationObserver(() => moved() && settle());
  observer.observe(document, { childList: true, subtree: true });
  addEventListener("popstate", settle);
  globalThis.navigation?.addEventListener("navigate", settle);
  stopFollowing = () => {
    clearTimeout(timer);
    observer.disconnect();
    removeEventListener("popstate", settle);
    globalThis.navigation?.removeEventListener("navigate", settle);
    stopFollowing = undefined;
  };
}

/** Removes every trace of ClaimLens from the page. */
export function unmount() {
  stopFollowing?.();
  document.querySelectorAll(NOTICE_TAG).forEach((notice) => notice.remove());
  try {
    loaded?.unmount();
  } catch (error) {
    // The engine trapped (a bug, with `panic = "abort"`): every call into
    // it throws now, so the page is cleaned up from here.
    console.error("ClaimLens failed and was removed from the page:", error);
    loaded = undefined;
    cleanUp();
  }
}

/** The engine's teardown without the engine: unwraps the marks (merging
 * the text they split), removes the UI, ClaimLens's attributes on the
 * article, its stylesheets and its painted highlights. */
function cleanUp() {
  for (const mark of document.querySelectorAll("claimlens-mark")) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
  document.querySelectorAll("claimlens-ui").forEach((ui) => ui.remove());
  for (const name of ["state", "matches", "mode-used"]) {
    document.querySelectorAll(`[data-claimlens-${name}]`).forEach((el) => el.removeAttribute(`data-claimlens-${name}`));
  }
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
    (sheet) => ![...sheet.cssRules].some((rule) => rule.cssText.includes("claimlens")));
  const painted = globalThis.CSS?.highlights;
  for (const name of [...(painted?.keys() ?? [])]) {
    if (name.startsWith("claimlens-")) painted.delete(name);
  }
}

/** Whether ClaimLens is annotating the page. */
export function mounted() {
  return loaded?.mounted() ?? false;
}

/** The bookmarklet's click: mounts, or unmounts when mounted. */
export async function toggle(options = {}) {
  if (mounted() || document.querySelector(NOTICE_TAG)) {
    unmount();
    return false;
  }
  return mount({ mode: "paint", ...options, bookmarklet: true });
}

/** Pages ClaimLens cannot annotate: XML and SVG documents, framesets. */
function unsuitablePage() {
  const html = /^(text\/html|application\/xhtml\+xml)$/.test(document.contentType);
  if (!html || !(document.documentElement instanceof HTMLElement) || !document.body) {
    return "this is not an HTML page";
  }
  if (document.body instanceof HTMLFrameSetElement) {
    return "this page is a frameset; open the frame with the article on its own";
  }
  // Before any heavy work (even downloading the engine): a page whose
  // whole text is over what the engine reads cannot have an article it
  // reads. Measured in BENCHMARKS.md ("Huge pages").
  const chars = document.body.textContent.length;
  if (chars > MAX_PAGE_CHARS) {
    return `This page is too long for ClaimLens (${Math.round(chars / 1000)} KB of text; it reads up to ${MAX_PAGE_CHARS / 1000} KB)`;
  }
  return null;
}

function optedOut() {
  const meta = document.querySelector('meta[name="claimlens"]');
  return meta?.getAttribute("content")?.trim().toLowerCase() === "off";
}

async function explainLoadFailure(error) {
  // Violation events are queued; let them arrive before deciding.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const text = String(error?.message ?? error);
  const directives = violations.map((v) => v.effectiveDirective);
  if (/wasm-unsafe-eval|WebAssembly/i.test(text) && /Content Security Policy|CSP|unsafe-eval/i.test(text)) {
    return blockedMessage("wasm");
  }
  if (directives.some((d) => d === "script-src" && violations.some((v) => v.blockedURI === "wasm-eval"))) {
    return blockedMessage("wasm");
  }
  if (directives.includes("connect-src")) return blockedMessage("connect");
  if (directives.some((d) => d.startsWith("script-src"))) return blockedMessage("script");
  return `its files could not be loaded from ${HERE.origin} (${text}).`;
}

function blockedMessage(what) {
  const policy = "This page's security policy (Content-Security-Policy)";
  const advice = `Open the article in the ClaimLens preview, or ask the publisher to allow ${HERE.origin}.`;
  switch (what) {
    case "wasm":
      return `${policy} does not allow WebAssembly ('wasm-unsafe-eval' is missing), which ClaimLens needs. ${advice}`;
    case "connect":
      return `${policy} does not let ClaimLens download its engine (connect-src). ${advice}`;
    case "cards":
      return `${policy} does not let ClaimLens download its card text (connect-src); the highlights stay. ${advice}`;
    case "script":
      return `${policy} does not allow ClaimLens's scripts (script-src). ${advice}`;
    default:
      return `${policy} blocks ClaimLens's styles (style-src), so cards may look wrong. ${advice}`;
  }
}

/** A small, dismissible message in its own shadow root, styled without
 * inline styles so that a strict style-src cannot hide it. */
function showNotice(text) {
  if (!document.body) return;
  for (const old of document.querySelectorAll(NOTICE_TAG)) {
    if (old.dataset.text === text) return;
  }
  const host = document.createElement(NOTICE_TAG);
  host.dataset.text = text;
  host.setAttribute("role", "alert");
  const root = host.attachShadow({ mode: "open" });
  const box = document.createElement("div");
  box.className = "box";
  const message = document.createElement("p");
  message.textContent = `ClaimLens: ${text}`;
  const help = document.createElement("a");
  help.href = HELP;
  help.textContent = "About ClaimLens";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.addEventListener("click", () => host.remove());
  box.append(message, help, " ", close);
  root.append(box);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(NOTICE_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Old browsers: the message still shows, unstyled.
  }
  document.body.append(host);
}

const NOTICE_CSS = `
.box { position: fixed; z-index: 2147483647; left: 12px; right: 12px; bottom: 12px;
  max-width: 32rem; margin: 0 auto; padding: 12px 14px; border-radius: 8px;
  font: 15px/1.4 system-ui, sans-serif; background: #1f2023; color: #ececf1;
  box-shadow: 0 4px 16px rgba(0,0,0,.35); }
p { margin: 0 0 8px; }
a { color: #8ab4f8; }
button { font: inherit; margin-left: 8px; }
`;

/** The script tag that loaded this file, if a page embedded it. */
function ownScriptTag() {
  for (const script of document.querySelectorAll("script[src]")) {
    if (script.src === import.meta.url) return script;
  }
  return null;
}

/** Options from the JSON config block, then the script tag's data-*
 * attributes (which win). The engine validates them all. */
function pageOptions(script) {
  let options = {};
  const block = document.querySelector('script[type="application/json"].claimlens-config');
  if (block) {
    try {
      const parsed = JSON.parse(block.textContent);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) options = parsed;
      else console.error("ClaimLens: the claimlens-config block must be a JSON object; it was ignored.");
    } catch (error) {
      console.error(`ClaimLens: the claimlens-config block is not valid JSON (${error.message}); it was ignored.`);
    }
  }
  for (const [key, value] of Object.entries(script.dataset)) {
    if (key === "manual") continue;
    if (key === "ratings") options.ratings = value.split(/[\s,]+/).filter(Boolean);
    else if (key === "panel" || key === "rememberPanel") options[key] = { on: true, true: true, off: false, false: false }[value] ?? value;
    else options[key] = value;
  }
  return options;
}

const script = ownScriptTag();
if (script) {
  // Embedded: the page's script can call ClaimLens.mount() / unmount().
  window.ClaimLens = { mount, refresh, unmount, mounted };
  if (!("manual" in script.dataset)) {
    mount(pageOptions(script)).catch((error) => console.error(error.message));
  }
}
