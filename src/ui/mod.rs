//! The ui room: yew function components rendered inside a shadow root.
//! They render matches and claims; they never read the page's text and never
//! match. State and its reducer live in [`state`], DOM event wiring in
//! [`hooks`], and the view in [`components`].

mod components;
mod hooks;
mod state;
mod style;

pub use components::{App, AppProps, Report};
pub use hooks::{HOVER_DWELL_MS, HOVER_GRACE_MS};
pub use style::card_css;
