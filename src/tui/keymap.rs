//! Keys → actions, as tables. Input handling, the help overlay, the status-bar hints and the
//! hints on the boxes' borders all read the same [`Binding`]s, and every key's label is its
//! [`Key::name`], so what the screen says is what the keys do.
//!
//! To name a key in prose ("press ] for the next page"), ask [`keys_for`] rather than typing
//! it, so the text follows the table when a binding moves.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;

mod consent;
mod help;
mod hints;
mod key;
mod normal;
mod path;
mod search;

pub use consent::{CONSENT_BINDINGS, OTHER_ANSWER};
pub use help::{HelpRow, KEYS_WIDTH, MOUSE, help_rows};
pub use hints::{KeyHint, border_line, consent_hints, help_hints, hints, path_hints, search_hints};
pub use key::Key;
pub use normal::BINDINGS;
pub use path::PATH_BINDINGS;
pub use search::SEARCH_BINDINGS;

/// Which keys apply: the main screen, the learning path's page, or the help overlay, the
/// search box or the question before a run on top of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Search,
    Path,
    /// The question before the first run: y or anything else.
    Consent,
}

/// Where a binding shows up as a hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    None,
    /// In the status bar whatever has focus (for the search box and the learning path:
    /// while they are open).
    Always,
    /// In the status bar while the contents have focus.
    Sidebar,
    /// In the status bar while the lesson has focus.
    Lesson,
    /// On the bottom border of the box the mode draws (search box, learning path), which
    /// the eye is on, instead of the status bar.
    Border,
}

/// Some keys, what they do, and how the help overlay and the hints tell of them.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// Also a key of the help overlay ([`Mode::Help`]), not only of the main screen.
    pub in_help: bool,
    /// What the keys do, for the help overlay. Empty for a binding whose keys join the row
    /// above (the digits after 1, `k` after `j`).
    pub help: &'static str,
    pub hint: Hint,
    /// The hint's word: "move" in "j/k move".
    pub word: &'static str,
    /// This binding's first key joins the previous binding's hint: "j/k", "]/[".
    pub paired: bool,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        action,
        in_help: false,
        help,
        hint: Hint::None,
        word: "",
        paired: false,
    }
}

impl Binding {
    const fn also_in_help(mut self) -> Self {
        self.in_help = true;
        self
    }

    /// A hint at `hint` that names this binding's first key and says `word`.
    const fn hint(mut self, hint: Hint, word: &'static str) -> Self {
        self.hint = hint;
        self.word = word;
        self
    }

    /// The other half of the previous binding's hint: `j/k move` from `j` and `k`.
    const fn hint_pair(mut self) -> Self {
        self.paired = true;
        self
    }
}

const fn key(c: char) -> Key {
    Key::char(c)
}

const fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}

const fn code(code: KeyCode) -> Key {
    Key::code(code)
}

/// The bindings that decode keys in `mode`.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let (table, help_only): (&'static [Binding], bool) = match mode {
        Mode::Normal => (&BINDINGS, false),
        Mode::Help => (&BINDINGS, true),
        Mode::Search => (&SEARCH_BINDINGS, false),
        Mode::Path => (&PATH_BINDINGS, false),
        Mode::Consent => (&CONSENT_BINDINGS, false),
    };
    table.iter().filter(move |b| !help_only || b.in_help)
}

/// The name of the first key that does `action` in `mode`, for prose: `keys_for(Mode::Normal,
/// &Action::NextPage)` is `"]"`. Empty when no key does it there.
pub fn keys_for(mode: Mode, action: &Action) -> String {
    bindings(mode)
        .find(|b| b.action == *action)
        .and_then(|b| b.keys.first())
        .map(Key::name)
        .unwrap_or_default()
}

/// The first key that does `action` on the main screen, for notes in the status bar:
/// `key_for(Action::Search)` is `"/"`.
pub fn key_for(action: Action) -> String {
    keys_for(Mode::Normal, &action)
}

/// The names of every key that does `action` in `mode`, separated by spaces:
/// `"PgDn Space ^F"` for [`Action::PageDown`] on the main screen. Empty when none does.
pub fn all_keys_for(mode: Mode, action: &Action) -> String {
    let names: Vec<String> = bindings(mode)
        .filter(|b| b.action == *action)
        .flat_map(|b| b.keys.iter().map(Key::name))
        .collect();
    names.join(" ")
}

/// The action for a terminal event in `mode`, if it means anything.
pub fn action(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) => key_action(mode, k),
        Event::Mouse(m) => mouse_action(m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::FocusGained => Some(Action::Present(true)),
        Event::FocusLost => Some(Action::Present(false)),
        _ => None,
    }
}

fn key_action(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Alt and Ctrl are part of the key, so Alt-q finds no binding of q's and cannot quit.
    let pressed = Key::pressed(event);
    if let Some(found) = bindings(mode).find(|b| b.keys.contains(&pressed)) {
        return Some(found.action.clone());
    }
    match mode {
        // The learning path is a page: the keys it does not take mean what they mean on
        // any page (]/[, /, ?, Tab...).
        Mode::Path => key_action(Mode::Normal, event),
        Mode::Normal => named(pressed).map(Action::Unbound),
        Mode::Search => search::typed(pressed),
        // [y/N]: only a yes runs anything.
        Mode::Consent => Some(Action::Consent(false)),
        Mode::Help => None,
    }
}

/// A key's name for the "does nothing" hint; keys a person presses by mistake get none
/// (modifiers alone, arrows with Alt held).
fn named(key: Key) -> Option<String> {
    let worth = matches!(
        key.code,
        KeyCode::Char(_) | KeyCode::F(_) | KeyCode::Backspace | KeyCode::Delete | KeyCode::Insert
    );
    worth.then(|| key.name())
}

fn mouse_action(event: &MouseEvent) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    match event.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, lines: 3 }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, lines: -3 }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
