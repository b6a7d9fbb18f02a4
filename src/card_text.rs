//! What a card says about time, as plain text. Pure, so it is tested
//! natively; the `ui` room only renders it.

use crate::dataset::{Claim, Date};

/// Whether the claim held on the article's publication date and whether the
/// assessment has changed since. `None` for claims whose truth does not
/// depend on time (no timeline in the dataset).
pub fn time_note(claim: &Claim, published: Option<Date>) -> Option<String> {
    if claim.timeline.is_empty() {
        return None;
    }
    let now = claim.rating;
    let Some(published) = published else {
        return Some(format!(
            "Whether this claim holds depends on when it was made, and this page gives no publication date. As of {}: {}.",
            claim.as_of,
            now.label()
        ));
    };
    Some(match claim.rating_on(published) {
        None => format!(
            "The dataset has no assessment for this article's date ({published}). As of {}: {}.",
            claim.as_of,
            now.label()
        ),
        Some(then) if then == now => {
            format!(
                "On this article's date ({published}): {}. Unchanged as of {}.",
                then.label(),
                claim.as_of
            )
        }
        Some(then) => format!(
            "On this article's date ({published}): {}. It has changed since: {} as of {}.",
            then.label(),
            now.label(),
            claim.as_of
        ),
    })
}
