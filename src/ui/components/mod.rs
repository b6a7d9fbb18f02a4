//! The widget's views. [`App`] owns the card state; [`card::Card`] renders
//! one claim; [`panel::SummaryPanel`] lists them all.

mod app;
mod card;
mod panel;

pub use app::{App, AppProps, Report};
