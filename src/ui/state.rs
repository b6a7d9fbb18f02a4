//! Which card is open, as a reducer: every way to open or close a card goes
//! through [`Action`], so mouse, keyboard and tap paths cannot disagree.

use std::rc::Rc;
use yew::Reducible;

/// Where the card should sit: the highlight's box in viewport pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardState {
    /// The match whose card is open, and where its highlight is.
    pub open: Option<(usize, Anchor)>,
}

pub enum Action {
    Open { match_index: usize, anchor: Anchor },
    Close,
}

impl Reducible for CardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let open = match action {
            Action::Open {
                match_index,
                anchor,
            } => Some((match_index, anchor)),
            Action::Close => None,
        };
        if open == self.open {
            self
        } else {
            Rc::new(CardState { open })
        }
    }
}
