//! The dataset browser: one static page listing every claim ClaimLens knows,
//! filterable by text and rating, so readers and editors can see all of it
//! and which version they are looking at. Built by trunk's pre-build hook
//! (`claimlens export --browser`), so it always matches the bundled data.

use claimlens::dataset::{Claim, Dataset, Rating};
use std::fmt::Write as _;

/// Escapes text for HTML element content and quoted attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn page(dataset: &Dataset) -> String {
    let info = &dataset.info;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>ClaimLens dataset {version}</title>
<style>
:root {{ color-scheme: light dark; --muted: #5c5c66; --line: #d6d6dc; }}
@media (prefers-color-scheme: dark) {{ :root {{ --muted: #a8a8b3; --line: #3a3b40; }} }}
body {{ margin: 0 auto; max-width: 52rem; padding: 16px 20px 48px; font: 16px/1.5 system-ui, sans-serif; }}
header p {{ color: var(--muted); margin: 0 0 12px; }}
.filters {{ display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }}
.filters label {{ display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }}
.filters input, .filters select {{ font: inherit; padding: 6px 8px; min-width: 14rem; }}
article {{ border-top: 1px solid var(--line); padding: 14px 0; }}
.badge {{ display: inline-block; padding: 1px 10px; border-radius: 999px; font-weight: 600; font-size: 13px; }}
h2 {{ font-size: 17px; margin: 8px 0 4px; }}
.meta, .timeline {{ color: var(--muted); font-size: 13.5px; }}
ul {{ margin: 4px 0; padding-left: 20px; }}
#count {{ color: var(--muted); }}
</style>
</head>
<body>
<header>
<h1>What ClaimLens knows</h1>
<p>Dataset <strong>{version}</strong> · schema {schema} · released {released} · hash <code>{hash}</code> · {count} claims</p>
<p><a href="./">Back to the preview</a></p>
</header>
<div class="filters" role="search">
<label>Search<input id="q" type="search" placeholder="words in the claim, summary or context"></label>
<label>Rating<select id="rating"><option value="">All ratings</option>"#,
        version = esc(&info.version),
        schema = info.schema,
        released = info.released,
        hash = esc(info.short_hash()),
        count = dataset.claims.len(),
    );
    for rating in Rating::ALL {
        let _ = write!(
            out,
            r#"<option value="{}">{}</option>"#,
            rating.slug(),
            esc(rating.label())
        );
    }
    out.push_str("</select></label></div>\n<p id=\"count\" aria-live=\"polite\"></p>\n<main>\n");
    for claim in &dataset.claims {
        out.push_str(&claim_entry(claim));
    }
    out.push_str(
        r#"</main>
<script>
const q = document.getElementById('q'), rating = document.getElementById('rating');
const entries = [...document.querySelectorAll('article[data-rating]')];
function apply() {
  const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const e of entries) {
    const text = e.textContent.toLowerCase();
    const ok = (!rating.value || e.dataset.rating === rating.value) && words.every((w) => text.includes(w));
    e.hidden = !ok;
    if (ok) shown++;
  }
  document.getElementById('count').textContent = `${shown} of ${entries.length} claims shown`;
}
q.addEventListener('input', apply);
rating.addEventListener('change', apply);
apply();
</script>
</body>
</html>
"#,
    );
    out
}

fn claim_entry(c: &Claim) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<article id="{id}" data-rating="{slug}">
<span class="badge" style="background:{colour};color:{text_colour}"><span aria-hidden="true">{icon}</span> {label}</span>
<h2>{claim}</h2>
<p><strong>{summary}</strong></p>
<p>{context}</p>
<p class="meta">Context as of {as_of} · reviewed {reviewed} · modified {modified} · id <code>{id}</code></p>
"#,
        id = esc(&c.id),
        slug = c.rating.slug(),
        colour = c.rating.colour(),
        text_colour = c.rating.text_on_colour(),
        icon = c.rating.icon(),
        label = esc(c.rating_label.as_deref().unwrap_or(c.rating.label())),
        claim = esc(&c.claim_reviewed),
        summary = esc(&c.summary),
        context = esc(&c.context),
        as_of = c.as_of,
        reviewed = c.reviewed,
        modified = c.modified,
    );
    if !c.timeline.is_empty() {
        out.push_str("<ul class=\"timeline\">");
        for p in &c.timeline {
            let until = p.until.map_or("now".to_string(), |d| d.to_string());
            let _ = write!(
                out,
                "<li>{} to {}: {} — {}</li>",
                p.from,
                until,
                esc(p.rating.label()),
                esc(&p.note)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<ul>");
    for s in c.sources.iter().filter(|s| s.url.starts_with("https://")) {
        let date = s.date.map(|d| format!(", {d}")).unwrap_or_default();
        let _ = write!(
            out,
            r#"<li><a href="{}" rel="noopener noreferrer">{}</a> — {}{}</li>"#,
            esc(&s.url),
            esc(&s.title),
            esc(&s.publisher),
            date
        );
    }
    out.push_str("</ul>\n</article>\n");
    out
}
