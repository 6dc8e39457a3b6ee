//! Keys in the search box: printable keys type, a few keys edit and choose, and the
//! rest of the tutor's keys wait until the box closes.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Hint, Key, bind, code, ctrl};
use crate::tui::action::{Action, Edit};

/// The search box's keys, in the order the help overlay lists them. Its border names the
/// ones for choosing, opening and closing; the status bar, the editing ones.
pub static SEARCH_BINDINGS: [Binding; 16] = [
    bind(
        &[code(KeyCode::Up), ctrl('p'), ctrl('k')],
        Action::Up,
        "choose the result above",
    )
    .hint(Hint::Border, "choose"),
    bind(
        &[code(KeyCode::Down), ctrl('n'), ctrl('j')],
        Action::Down,
        "choose the result below",
    )
    .hint_pair(),
    bind(
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "choose a screen on or back",
    )
    .hint(Hint::Always, "more results"),
    bind(&[code(KeyCode::PageUp)], Action::PageUp, "").hint_pair(),
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        "open it at the match",
    )
    .hint(Hint::Border, "open"),
    bind(
        &[code(KeyCode::Esc)],
        Action::Close,
        "close, back where you were",
    )
    .hint(Hint::Border, "close"),
    bind(
        &[code(KeyCode::Backspace), ctrl('h')],
        Action::Edit(Edit::Backspace),
        "delete the character before",
    ),
    bind(
        &[code(KeyCode::Delete)],
        Action::Edit(Edit::Delete),
        "delete the character at the cursor",
    ),
    bind(
        &[ctrl('w')],
        Action::Edit(Edit::DeleteWord),
        "delete a word, or all before",
    )
    .hint(Hint::Always, "delete"),
    bind(&[ctrl('u')], Action::Edit(Edit::Clear), "").hint_pair(),
    bind(
        &[code(KeyCode::Left)],
        Action::Edit(Edit::Left),
        "move in the text",
    ),
    bind(&[code(KeyCode::Right)], Action::Edit(Edit::Right), ""),
    bind(
        &[code(KeyCode::Home), ctrl('a')],
        Action::Edit(Edit::Home),
        "to the start of the text",
    ),
    bind(
        &[code(KeyCode::End), ctrl('e')],
        Action::Edit(Edit::End),
        "to the end of the text",
    ),
    bind(&[ctrl('c')], Action::Interrupt, "stop a run, or quit").hint(Hint::Always, "quit"),
    bind(&[ctrl('z')], Action::Suspend, "suspend (fg brings it back)"),
];

/// What a key no binding takes does in the box: a character types itself.
pub(super) fn typed(pressed: Key) -> Option<Action> {
    match pressed.code {
        // Alt and Ctrl chords are commands in other programs, never text.
        KeyCode::Char(c) if !pressed.ctrl && !pressed.alt => Some(Action::Edit(Edit::Insert(c))),
        _ => None,
    }
}
