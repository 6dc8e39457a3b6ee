//! The short hints in the status bar and on the boxes' borders: "j/k move", "Enter open".
//! Each names its binding's first key, so the hint follows when a binding moves.

use super::{
    BINDINGS, Binding, CONSENT_BINDINGS, Hint, Key, Mode, OTHER_ANSWER, PATH_BINDINGS,
    SEARCH_BINDINGS,
};
use crate::tui::action::Action;

/// One hint: the keys as the screen shows them, and what they do in a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyHint {
    /// "j/k": the binding's first key, and the next binding's when it is the pair's other
    /// half.
    pub keys: String,
    pub word: &'static str,
    /// What the (first) keys do, so the status bar can leave out a hint that has nothing
    /// to do where the reader is.
    pub action: &'static Action,
}

/// The status-bar hints on the main screen for a focus, most useful last (the status bar
/// drops hints from the front when it is short of room).
pub fn hints(sidebar_focused: bool) -> Vec<KeyHint> {
    let wanted = if sidebar_focused {
        Hint::Sidebar
    } else {
        Hint::Lesson
    };
    let mut all = placed(&BINDINGS, wanted);
    all.extend(placed(&BINDINGS, Hint::Always));
    all
}

/// The status-bar hints while the learning path is open.
pub fn path_hints() -> Vec<KeyHint> {
    placed(&PATH_BINDINGS, Hint::Always)
}

/// The status-bar hints while the help overlay is open: its own keys, not the page's.
pub fn help_hints() -> Vec<KeyHint> {
    let wanted = [
        (Action::Down, Action::Up, "scroll"),
        (Action::ToggleHelp, Action::Close, "close"),
    ];
    let in_help = || BINDINGS.iter().filter(|b| b.in_help);
    let named = |action: &Action| {
        let found = in_help().find(|b| b.action == *action);
        found.and_then(|b| b.keys.first()).map(Key::name)
    };
    let mut hints: Vec<KeyHint> = Vec::new();
    for (one, other, word) in wanted {
        let Some(binding) = in_help().find(|b| b.action == one) else {
            continue;
        };
        let keys = [named(&one), named(&other)].into_iter().flatten();
        hints.push(KeyHint {
            keys: keys.collect::<Vec<_>>().join("/"),
            word,
            action: &binding.action,
        });
    }
    hints
}

/// The status-bar hints while the question before a run is asked: what answers it.
pub fn consent_hints() -> Vec<KeyHint> {
    static NO: Action = Action::Consent(false);
    let mut hints = placed(&CONSENT_BINDINGS, Hint::Always);
    hints.push(KeyHint {
        keys: OTHER_ANSWER.0.to_string(),
        word: "no",
        action: &NO,
    });
    hints
}

/// The status-bar hints while the search box is open.
pub fn search_hints() -> Vec<KeyHint> {
    placed(&SEARCH_BINDINGS, Hint::Always)
}

/// The bottom border of the box `mode` draws: " ↑/↓ choose · Enter open · Esc close ".
/// Empty for a mode whose bindings put no hint there.
pub fn border_line(mode: Mode) -> String {
    let table: &'static [Binding] = match mode {
        Mode::Search => &SEARCH_BINDINGS,
        Mode::Path => &PATH_BINDINGS,
        Mode::Normal | Mode::Help | Mode::Consent => return String::new(),
    };
    let parts: Vec<String> = placed(table, Hint::Border)
        .into_iter()
        .map(|h| format!("{} {}", h.keys, h.word))
        .collect();
    match parts.is_empty() {
        true => String::new(),
        false => format!(" {} ", parts.join(" · ")),
    }
}

/// The hints `table` puts at `at`, in its order, each pair joined into one.
fn placed(table: &'static [Binding], at: Hint) -> Vec<KeyHint> {
    let first = |b: &Binding| b.keys.first().map(Key::name).unwrap_or_default();
    table
        .iter()
        .enumerate()
        .filter(|(_, b)| b.hint == at && !b.paired)
        .map(|(i, b)| {
            let mut keys = first(b);
            if let Some(other) = table.get(i + 1).filter(|next| next.paired) {
                keys = format!("{keys}/{}", first(other));
            }
            KeyHint {
                keys,
                word: b.word,
                action: &b.action,
            }
        })
        .collect()
}
