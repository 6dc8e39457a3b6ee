//! Keys in the search box: printable keys type, a few keys edit and choose, and the
//! rest of the tutor's keys wait until the box closes.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Key, bind, code, ctrl};
use crate::tui::action::{Action, Edit};

pub static SEARCH_BINDINGS: [Binding; 16] = [
    bind(
        &[code(KeyCode::Down), ctrl('n'), ctrl('j')],
        Action::Down,
        "↓ ^N",
        "choose the next lesson",
    ),
    bind(
        &[code(KeyCode::Up), ctrl('p'), ctrl('k')],
        Action::Up,
        "↑ ^P",
        "choose the one before",
    ),
    bind(
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "PgDn PgUp",
        "choose a screen on or back",
    ),
    bind(&[code(KeyCode::PageUp)], Action::PageUp, "", ""),
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "open it at the match",
    ),
    bind(
        &[code(KeyCode::Esc)],
        Action::Close,
        "Esc",
        "close, back where you were",
    ),
    bind(
        &[code(KeyCode::Backspace), ctrl('h')],
        Action::Edit(Edit::Backspace),
        "Backspace",
        "delete a character",
    ),
    bind(&[code(KeyCode::Delete)], Action::Edit(Edit::Delete), "", ""),
    bind(
        &[ctrl('w')],
        Action::Edit(Edit::DeleteWord),
        "^W ^U",
        "delete a word, or all before",
    ),
    bind(&[ctrl('u')], Action::Edit(Edit::Clear), "", ""),
    bind(
        &[code(KeyCode::Left)],
        Action::Edit(Edit::Left),
        "← → ^A ^E",
        "move in the text",
    ),
    bind(&[code(KeyCode::Right)], Action::Edit(Edit::Right), "", ""),
    bind(
        &[code(KeyCode::Home), ctrl('a')],
        Action::Edit(Edit::Home),
        "",
        "",
    ),
    bind(
        &[code(KeyCode::End), ctrl('e')],
        Action::Edit(Edit::End),
        "",
        "",
    ),
    bind(&[ctrl('c')], Action::Interrupt, "^C", "stop a run, or quit"),
    bind(&[ctrl('z')], Action::Suspend, "", ""),
];

/// What the status bar suggests while the box is open: the page's keys are asleep, and
/// the box's own border names the keys to choose, open and close.
pub const SEARCH_HINTS: [(&str, &str); 3] = [
    ("PgDn PgUp", "more results"),
    ("^W ^U", "delete"),
    ("^C", "quit"),
];

/// The action for a key pressed in the search box.
pub(super) fn key_action(pressed: Key, modifiers: KeyModifiers) -> Option<Action> {
    if let Some(b) = SEARCH_BINDINGS.iter().find(|b| b.keys.contains(&pressed)) {
        return Some(b.action.clone());
    }
    match pressed.code {
        // Alt and Ctrl chords are commands in other programs, never text.
        KeyCode::Char(c) if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            Some(Action::Edit(Edit::Insert(c)))
        }
        _ => None,
    }
}
