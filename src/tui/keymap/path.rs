//! Keys on the learning path's page: move among the items, tick them, open the lessons
//! that teach them. Keys this table does not take mean what they do on any page.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Hint, bind, code, ctrl, key};
use crate::tui::action::Action;

/// The learning path's keys, in the order the help overlay lists them. Its border names
/// the ones for ticking and opening; the status bar, the rest worth knowing.
pub static PATH_BINDINGS: [Binding; 14] = [
    bind(
        &[key('j'), code(KeyCode::Down)],
        Action::Down,
        "choose an item",
    )
    .hint(Hint::Always, "choose"),
    bind(&[key('k'), code(KeyCode::Up)], Action::Up, "").hint_pair(),
    bind(
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "half a screen of items on or back",
    ),
    bind(&[code(KeyCode::PageUp)], Action::PageUp, ""),
    bind(
        &[key('g'), code(KeyCode::Home)],
        Action::Top,
        "the first or the last item",
    ),
    bind(&[key('G'), code(KeyCode::End)], Action::Bottom, ""),
    bind(
        &[key(' '), key('x')],
        Action::Tick,
        "tick or untick (saved at once)",
    )
    .hint(Hint::Border, "tick"),
    bind(
        &[code(KeyCode::Left), key('h')],
        Action::Left,
        "choose among its lessons",
    )
    .hint(Hint::Border, "lesson"),
    bind(&[code(KeyCode::Right), key('l')], Action::Right, "").hint_pair(),
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        "open the chosen lesson",
    )
    .hint(Hint::Border, "open"),
    bind(
        &[code(KeyCode::Esc), key('p')],
        Action::Close,
        "back to where you were",
    )
    .hint(Hint::Border, "back"),
    bind(&[key('q')], Action::Quit, "quit").hint(Hint::Always, "quit"),
    bind(&[ctrl('c')], Action::Interrupt, "stop a run, or quit"),
    bind(&[ctrl('z')], Action::Suspend, "suspend (fg brings it back)"),
];
