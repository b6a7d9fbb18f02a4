#!/usr/bin/env python3
"""Renders the seed article (../shared/seed/article.txt) as HTML for the preview.

The seed text is shared research data and is never copied into the
repository; trunk runs this before every build and inlines the output
(target/preview/article.html, not committed). If the seed is absent the
preview says so instead of failing.
"""
import html
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.environ.get("CLAIMLENS_SEED", os.path.join(ROOT, "..", "shared", "seed", "article.txt"))
OUT = os.path.join(ROOT, "target", "preview", "article.html")


def render(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and line != "Skip to content"]
    headline = lines[0] if lines else "Untitled"
    # Body paragraphs are the long lines; the short ones are the scraped
    # page's alternative titles and footer links ("Read also:", "Latest").
    paragraphs = [line for line in lines[1:] if len(line) > 80 and not line.startswith("Ongoing")]
    parts = [f"<h1>{html.escape(headline)}</h1>"]
    parts.append(
        '<p class="dateline">Published <time datetime="2025-09-05">5 September 2025</time>'
        " (assumed: the sample carries no date) · Sample article, reproduced for the ClaimLens preview</p>"
    )
    parts.extend(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return "\n".join(parts) + "\n"


def main() -> int:
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    try:
        with open(SEED, encoding="utf-8") as f:
            body = render(f.read())
    except OSError as e:
        print(f"seed_page: seed article not found ({e}); the preview will say so", file=sys.stderr)
        body = (
            "<h1>Seed article not found</h1>\n"
            f"<p>ClaimLens looks for it at {html.escape(SEED)}. Set CLAIMLENS_SEED to its path.</p>\n"
        )
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(body)
    os.replace(tmp, OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
