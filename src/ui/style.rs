//! The card's stylesheet, adopted by the widget's shadow root. `:host`
//! resets inheritance so the page's fonts and colours never leak in, and the
//! shadow boundary keeps these rules from leaking out.

const CARD_CSS: &str = r#"
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1d1d1f; --muted: #5c5c66; --line: #d6d6dc; --link: #0b57d0;
  position: fixed; inset: auto; margin: 0; box-sizing: border-box;
  width: min(24rem, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto;
  padding: 14px 16px 12px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg);
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
}
/* Dark follows the reader's scheme unless the page forces a theme. */
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme=light])) .card { --bg: #1f2023; --fg: #ececf1; --muted: #a8a8b3; --line: #3a3b40; --link: #8ab4f8; }
}
:host([data-theme=dark]) .card { --bg: #1f2023; --fg: #ececf1; --muted: #a8a8b3; --line: #3a3b40; --link: #8ab4f8; }
.badge {
  display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px 2px 6px;
  border-radius: 999px; font-weight: 600; font-size: 13px;
}
.badge .icon { display: inline-grid; place-items: center; width: 18px; height: 18px;
  border-radius: 50%; background: rgb(255 255 255 / 0.35); font-size: 12px; }
.close { float: right; border: 0; background: transparent; color: var(--muted);
  font: inherit; font-size: 18px; line-height: 1; cursor: pointer; padding: 2px 4px; }
.close:focus-visible, a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.claim { margin: 10px 0 4px; font-weight: 600; }
.claim.pending { font-weight: 400; color: var(--muted); }
.summary { margin: 0 0 8px; }
.context { margin: 0 0 8px; color: var(--muted); }
.meta { margin: 0 0 8px; color: var(--muted); font-size: 12.5px; }
.time { margin: 0 0 8px; padding: 6px 8px; border-left: 3px solid var(--line); font-size: 13px; }
.section { margin: 10px 0 4px; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
ul { margin: 0; padding-left: 18px; }
li { margin: 0 0 4px; }
a { color: var(--link); }
.why { font-size: 12.5px; color: var(--muted); }
.version { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line);
  font-size: 11.5px; color: var(--muted); }
.panel {
  --bg: #ffffff; --fg: #1d1d1f; --muted: #5c5c66; --line: #d6d6dc; --link: #0b57d0;
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; box-sizing: border-box;
  max-width: min(26rem, calc(100vw - 32px)); max-height: min(60vh, 30rem); overflow: auto;
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px;
  padding: 6px; border: 1px solid var(--line); border-radius: 12px;
  background: var(--bg); color: var(--fg); box-shadow: 0 6px 20px rgb(0 0 0 / 0.16);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme=light])) .panel { --bg: #1f2023; --fg: #ececf1; --muted: #a8a8b3; --line: #3a3b40; --link: #8ab4f8; }
}
:host([data-theme=dark]) .panel { --bg: #1f2023; --fg: #ececf1; --muted: #a8a8b3; --line: #3a3b40; --link: #8ab4f8; }
.panel button { font: inherit; color: inherit; background: transparent; border: 0; cursor: pointer; border-radius: 8px; }
.panel button:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
.panel .toggle { flex: 1; text-align: left; padding: 6px 8px; font-weight: 600; }
.panel .hide, .panel .restore { padding: 4px 8px; color: var(--muted); font-size: 16px; }
.panel ul { flex-basis: 100%; list-style: none; margin: 4px 0 0; padding: 0; }
.panel .entry { display: grid; gap: 2px; width: 100%; text-align: left; padding: 8px; border-top: 1px solid var(--line); border-radius: 0; }
.panel .entry:hover { background: color-mix(in srgb, currentColor 6%, transparent); }
.panel .entry .badge { justify-self: start; }
.entry-claim { font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.entry-summary { color: var(--muted); font-size: 13px; }
@media (prefers-reduced-motion: no-preference) {
  .card { animation: appear 120ms ease-out; }
  @keyframes appear { from { opacity: 0; transform: translateY(-2px); } }
}
"#;

/// The stylesheet with one badge rule per rating: classes, not `style`
/// attributes, so that a page whose CSP forbids inline styles still shows
/// the rating colours.
pub fn card_css() -> String {
    let mut css = CARD_CSS.to_string();
    for rating in crate::dataset::Rating::ALL {
        css.push_str(&format!(
            ".badge.{}{{background:{};color:{}}}\n",
            rating.slug(),
            rating.colour(),
            rating.text_on_colour()
        ));
    }
    css
}
