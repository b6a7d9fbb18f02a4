//! The widget's views. [`App`] owns the card state; [`card::Card`] renders
//! one claim.

mod app;
mod card;

pub use app::{App, AppProps, Report};
