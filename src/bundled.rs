//! The dataset compiled into this build by `build.rs`, which validated it
//! first: a broken dataset never builds.

#[allow(unused_imports)] // which types appear depends on the data
use crate::dataset::{
    Appearance, Claim, Dataset, DatasetInfo, Date, MatchPattern, Period, Rating, Source,
};

fn date(year: u16, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("build.rs only emits validated dates")
}

include!(concat!(env!("OUT_DIR"), "/bundled_dataset.rs"));
