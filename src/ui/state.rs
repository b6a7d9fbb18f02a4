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

impl Anchor {
    /// The anchor for a highlight's (or a painted range's) box.
    pub fn of(rect: &web_sys::DomRect) -> Anchor {
        Anchor {
            top: rect.top(),
            bottom: rect.bottom(),
            left: rect.left(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardState {
    /// The match whose card is open, and where its highlight is.
    pub open: Option<(usize, Anchor)>,
    /// Opened by hovering: it closes when the pointer leaves. Cards opened by
    /// click, tap or keyboard stay until dismissed (WCAG 1.4.13).
    pub by_hover: bool,
}

pub enum Action {
    Open {
        match_index: usize,
        anchor: Anchor,
    },
    /// Hover dwell elapsed: opens, unless another card is open persistently.
    HoverOpen {
        match_index: usize,
        anchor: Anchor,
    },
    Close,
    /// The pointer left after a hover-open; persistent cards ignore this.
    HoverClose,
}

impl Reducible for CardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Open {
                match_index,
                anchor,
            } => CardState {
                open: Some((match_index, anchor)),
                by_hover: false,
            },
            Action::HoverOpen {
                match_index,
                anchor,
            } => {
                if self.open.is_some() && !self.by_hover {
                    return self;
                }
                CardState {
                    open: Some((match_index, anchor)),
                    by_hover: true,
                }
            }
            Action::Close => CardState::default(),
            Action::HoverClose if self.by_hover => CardState::default(),
            Action::HoverClose => return self,
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
