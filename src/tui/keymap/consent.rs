//! Keys for the question before the first run: "Run Python from the guide on this machine
//! with …? [y/N]". Only a yes runs anything; every other key is a no.

use super::{Binding, bind, key};
use crate::tui::action::Action;

pub static CONSENT_BINDINGS: [Binding; 1] = [bind(
    &[key('y'), key('Y')],
    Action::Consent(true),
    "run it, and do not ask again",
)];

/// The help overlay's row for the keys no binding takes: they answer no. Not a binding,
/// as it stands for every key there is.
pub const OTHER_ANSWER: (&str, &str) = ("any other key", "no: nothing runs");
