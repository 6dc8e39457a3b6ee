//! Keys on the learning path: move among the items, tick them, open the lessons that teach
//! them.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Key, bind, code, ctrl, key};
use crate::tui::action::Action;

pub static PATH_BINDINGS: [Binding; 13] = [
    bind(
        &[key('j'), code(KeyCode::Down)],
        Action::Down,
        "j k ↓ ↑",
        "choose an item",
    ),
    bind(&[key('k'), code(KeyCode::Up)], Action::Up, "", ""),
    bind(
        &[key(' '), key('x')],
        Action::Tick,
        "Space",
        "tick or untick (saved at once)",
    ),
    bind(
        &[
            key('h'),
            key('l'),
            code(KeyCode::Left),
            code(KeyCode::Right),
        ],
        Action::Right,
        "← →",
        "choose among the item's lessons",
    ),
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "open the chosen lesson",
    ),
    bind(&[code(KeyCode::PageDown)], Action::PageDown, "", ""),
    bind(&[code(KeyCode::PageUp)], Action::PageUp, "", ""),
    bind(&[key('g'), code(KeyCode::Home)], Action::Top, "", ""),
    bind(&[key('G'), code(KeyCode::End)], Action::Bottom, "", ""),
    bind(
        &[code(KeyCode::Esc), key('p')],
        Action::Close,
        "Esc p",
        "back to the page",
    ),
    bind(&[key('q')], Action::Quit, "q", "quit"),
    bind(&[ctrl('c')], Action::Interrupt, "", ""),
    bind(&[ctrl('z')], Action::Suspend, "", ""),
];

/// What the status bar suggests on the learning path.
pub const PATH_HINTS: [(&str, &str); 4] = [
    ("Space", "tick"),
    ("Enter", "open lesson"),
    ("Esc", "back"),
    ("q", "quit"),
];

/// The action for a key pressed on the learning path.
pub(super) fn key_action(pressed: Key) -> Option<Action> {
    let found = PATH_BINDINGS.iter().find(|b| b.keys.contains(&pressed))?;
    // ← and → both cycle; which way is told by the key.
    match (pressed.code, &found.action) {
        (KeyCode::Left | KeyCode::Char('h'), Action::Right) => Some(Action::Left),
        (_, action) => Some(action.clone()),
    }
}
