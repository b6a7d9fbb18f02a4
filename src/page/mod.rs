//! The page room: the only code that reads the host page's text or changes
//! its DOM. It maps the article's DOM text to one Rust string and back
//! ([`TextMap`]), and owns highlighting ([`Highlights`]). It never decides
//! what matches; it is handed char spans by the matcher.

mod article;
mod highlight;
mod paint;
mod published;
mod text_map;

pub use article::find_article;
pub use highlight::{Highlights, MarkSpec, MARK_TAG};
pub use paint::Paint;
pub use published::publication_date;
pub use text_map::TextMap;

use crate::dataset::Claim;

/// How a claim's highlight looks: colour plus an underline style per rating.
pub fn highlight_spec(claim: &Claim, match_index: usize) -> MarkSpec<'_> {
    MarkSpec {
        claim_id: &claim.id,
        match_index,
        colour: claim.rating.colour(),
        line_style: claim.rating.underline(),
        label: claim.rating.label(),
        also: Vec::new(),
    }
}
