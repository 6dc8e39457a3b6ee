//! Keys for the question before the first run: "Run Python from the guide on this machine
//! with …? [y/N]". Only a yes runs anything; every other key is a no.

use super::{Binding, Hint, bind, ctrl, key};
use crate::tui::action::Action;

pub static CONSENT_BINDINGS: [Binding; 3] = [
    bind(
        &[key('y'), key('Y')],
        Action::Consent(true),
        "run it, and do not ask again",
    )
    .hint(Hint::Always, "run it"),
    // Quitting and suspending mean what they mean everywhere, even here.
    bind(&[ctrl('c')], Action::Interrupt, "quit"),
    bind(&[ctrl('z')], Action::Suspend, "suspend (fg brings it back)"),
];

/// The help overlay's row for the keys no binding takes: they answer no. Not a binding,
/// as it stands for every key there is.
pub const OTHER_ANSWER: (&str, &str) = ("any other key", "no: nothing runs");
