#!/usr/bin/env python3
"""Trunk post-build hook: writes the stable loader `claimlens.js` and the
install page `install.html` into the build, filling in the fingerprinted
engine file names and the base URL the bookmarklet loads from, and, for
an engine built without `bundled-cards`, the card shard files it names
(`claimlens export --cards`, the same rule build.rs used).

The base URL is CLAIMLENS_BASE_URL (default: the preview server,
http://127.0.0.1:8080/). Fails with one line, writing nothing, when the
engine files are missing or the URL is not an http(s) URL ending in '/'.
"""
import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fail(message):
    print(f"write_loader: {message}", file=sys.stderr)
    sys.exit(1)


def only(files, what):
    if len(files) != 1:
        fail(f"expected one {what} in the build, found {len(files)}: {files}")
    return files[0]


def bookmarklet(base):
    source = (ROOT / "www" / "bookmarklet.js").read_text()
    code = "\n".join(
        line.strip() for line in source.splitlines() if not line.strip().startswith("//")
    )
    code = re.sub(r"\n+", "", code).replace("__CLAIMLENS_BASE__", base)
    return "javascript:" + urllib.parse.quote(code, safe="()=>{};,.:/'\"!&|+?[]*")


def write_cards(staging, wasm):
    """The shard files the engine names, next to it. The CLI splits the
    same dataset by the same rule as build.rs; any difference between the
    names it writes and those in the wasm fails the build."""
    wanted = set(re.findall(rb"cards-[0-9a-f]{16}\.txt", wasm))
    if not wanted:
        return  # bundled-cards: every card is inside the wasm
    written = subprocess.run(
        ["cargo", "run", "--quiet", "--", "export", "--cards", "--out", str(staging)],
        cwd=ROOT, check=False, capture_output=True,
    )
    if written.returncode != 0:
        fail(f"claimlens export --cards failed: {written.stderr.decode().strip()}")
    names = set(written.stdout.split())
    if names != wanted:
        fail(f"the engine names card files {sorted(wanted - names)} that export --cards did not write "
             f"(and wrote {sorted(names - wanted)}); was the dataset changed during the build?")


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        fail("TRUNK_STAGING_DIR is not set; run me as a trunk post_build hook")
    staging = Path(staging)
    base = os.environ.get("CLAIMLENS_BASE_URL", "http://127.0.0.1:8080/")
    if not re.fullmatch(r"https?://[^\s\"'<>]+/", base):
        fail(f"CLAIMLENS_BASE_URL must be an http(s) URL ending in '/', got {base!r}")
    names = [p.name for p in staging.iterdir()]
    engine_js = only([n for n in names if re.fullmatch(r"claimlens-[0-9a-f]+\.js", n)], "engine .js")
    engine_wasm = only(
        [n for n in names if re.fullmatch(r"claimlens-[0-9a-f]+_bg\.wasm", n)], "engine .wasm"
    )
    write_cards(staging, (staging / engine_wasm).read_bytes())
    loader = (ROOT / "www" / "claimlens.js").read_text()
    # The glue's own imports (wasm-bindgen's inline_js snippets), which the
    # loader fetches alongside the glue instead of after it.
    snippets = re.findall(r"""from ['"]\./(snippets/[^'"]+\.js)['"]""", (staging / engine_js).read_text())
    if any(not (staging / s).is_file() for s in snippets):
        fail(f"the engine glue imports snippets missing from the build: {snippets}")
    loader = (
        loader.replace("__CLAIMLENS_ENGINE_JS__", engine_js)
        .replace("__CLAIMLENS_ENGINE_WASM__", engine_wasm)
        .replace("__CLAIMLENS_ENGINE_SNIPPETS__", " ".join(sorted(set(snippets))))
    )
    install = (ROOT / "www" / "install.html").read_text()
    link = bookmarklet(base).replace("&", "&amp;").replace('"', "&quot;")
    install = install.replace("__CLAIMLENS_BOOKMARKLET__", link).replace("__CLAIMLENS_BASE__", base)
    for name, text in [("claimlens.js", loader), ("install.html", install)]:
        temporary = staging / (name + ".partial")
        temporary.write_text(text)
        temporary.replace(staging / name)


if __name__ == "__main__":
    main()
