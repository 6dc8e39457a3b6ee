//! Keys → actions, as one table. Input handling, the help overlay and the status-bar hints
//! all read [`BINDINGS`], so what the help says is what the keys do.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;

mod help;
mod path;
mod search;

pub use help::{HelpRow, MOUSE, help_rows};

pub use path::{PATH_BINDINGS, PATH_HINTS};
pub use search::{SEARCH_BINDINGS, SEARCH_HINTS};

/// Which keys apply: the main screen, or the help overlay or search box on top of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Search,
    Path,
    /// The question before the first run: y or anything else.
    Consent,
}

/// Where a binding shows up as a hint in the status bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    None,
    /// Whatever has focus.
    Always,
    Sidebar,
    Lesson,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// Empty for the main screen only; the help overlay's keys list `Mode::Help`.
    pub in_help: bool,
    /// The keys as the help overlay shows them.
    pub label: &'static str,
    /// What the keys do; empty for a binding covered by the row before it (digits).
    pub help: &'static str,
    pub hint: Hint,
    /// The status-bar hint: keys and a word.
    pub hint_text: (&'static str, &'static str),
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        in_help: false,
        label,
        help,
        hint: Hint::None,
        hint_text: ("", ""),
    }
}

impl Binding {
    const fn also_in_help(mut self) -> Self {
        self.in_help = true;
        self
    }

    const fn hint(mut self, hint: Hint, keys: &'static str, word: &'static str) -> Self {
        self.hint = hint;
        self.hint_text = (keys, word);
        self
    }
}

const DIGITS: [[Key; 1]; 9] = [
    [key('1')],
    [key('2')],
    [key('3')],
    [key('4')],
    [key('5')],
    [key('6')],
    [key('7')],
    [key('8')],
    [key('9')],
];

/// Every key the main screen knows.
pub static BINDINGS: [Binding; 41] = [
    bind(
        &[key('j'), code(KeyCode::Down)],
        Action::Down,
        "j ↓",
        "move down / scroll down",
    )
    .also_in_help()
    .hint(Hint::Sidebar, "j/k", "move"),
    bind(
        &[key('k'), code(KeyCode::Up)],
        Action::Up,
        "k ↑",
        "move up / scroll up",
    )
    .also_in_help(),
    bind(
        &[code(KeyCode::PageDown), key(' '), ctrl('f')],
        Action::PageDown,
        "PgDn Space ^F",
        "one screen down",
    )
    .also_in_help(),
    bind(
        &[code(KeyCode::PageUp), ctrl('b')],
        Action::PageUp,
        "PgUp ^B",
        "one screen up",
    )
    .also_in_help(),
    bind(
        &[ctrl('d')],
        Action::HalfPageDown,
        "^D",
        "half a screen down",
    )
    .also_in_help(),
    bind(&[ctrl('u')], Action::HalfPageUp, "^U", "half a screen up").also_in_help(),
    bind(
        &[key('g'), code(KeyCode::Home)],
        Action::Top,
        "g Home",
        "to the top",
    )
    .also_in_help(),
    bind(
        &[key('G'), code(KeyCode::End)],
        Action::Bottom,
        "G End",
        "to the bottom",
    )
    .also_in_help(),
    bind(
        &[key('h'), code(KeyCode::Left)],
        Action::Left,
        "h ←",
        "fold a section; scroll a diagram left",
    ),
    bind(
        &[key('l'), code(KeyCode::Right)],
        Action::Right,
        "l →",
        "unfold a section; scroll it right",
    )
    .hint(Hint::Lesson, SIDEWAYS_KEYS, "sideways"),
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "open a lesson, or fold a section",
    )
    .hint(Hint::Sidebar, "Enter", "open"),
    bind(
        &[key(']')],
        Action::NextPage,
        "]",
        "next page, on across sections",
    )
    .hint(Hint::Lesson, "]/[", "next/previous"),
    bind(&[key('[')], Action::PreviousPage, "[", "previous page"),
    bind(
        &DIGITS[0],
        Action::Section(1),
        "1-9",
        "first lesson of that section",
    ),
    bind(&DIGITS[1], Action::Section(2), "", ""),
    bind(&DIGITS[2], Action::Section(3), "", ""),
    bind(&DIGITS[3], Action::Section(4), "", ""),
    bind(&DIGITS[4], Action::Section(5), "", ""),
    bind(&DIGITS[5], Action::Section(6), "", ""),
    bind(&DIGITS[6], Action::Section(7), "", ""),
    bind(&DIGITS[7], Action::Section(8), "", ""),
    bind(&DIGITS[8], Action::Section(9), "", ""),
    bind(
        &[code(KeyCode::Tab)],
        Action::FocusNext,
        "Tab",
        "focus: contents, lesson, code blocks",
    )
    .hint(Hint::Always, FOCUS_KEYS, "focus"),
    bind(
        &[code(KeyCode::BackTab)],
        Action::FocusPrevious,
        "Shift-Tab",
        "focus back",
    ),
    bind(
        &[key('}')],
        Action::NextBlock,
        "} {",
        "next / previous code block",
    ),
    bind(&[key('{')], Action::PreviousBlock, "", ""),
    bind(
        &[key('x')],
        Action::RunBlock,
        "x",
        "run the Python block (Esc stops it)",
    )
    .hint(Hint::Lesson, RUN_KEYS, "run"),
    bind(&[key('/')], Action::Search, "/", "search the guide")
        .also_in_help()
        .hint(Hint::Always, "/", "search"),
    bind(
        &[key('n')],
        Action::NextMatch,
        "n",
        "next match, on across pages",
    ),
    bind(&[key('N')], Action::PreviousMatch, "N", "previous match"),
    bind(
        &[key('p')],
        Action::LearningPath,
        "p",
        "the learning path: tick weeks off",
    )
    .hint(Hint::Always, "p", "path"),
    bind(
        &[key('m')],
        Action::ToggleRead,
        "m",
        "mark the lesson read, or unread",
    ),
    bind(
        &[key('c')],
        Action::Continue,
        "c",
        "continue: the first lesson not read",
    ),
    bind(
        &[ctrl('o'), code(KeyCode::Backspace)],
        Action::Back,
        "^O Backspace",
        "back to where the last jump left",
    ),
    bind(&[ctrl('n')], Action::Forward, "^N", "forward again"),
    bind(
        &[key('s')],
        Action::ToggleSidebar,
        "s",
        "hide or show the contents",
    ),
    bind(&[key('?')], Action::ToggleHelp, "?", "this help")
        .also_in_help()
        .hint(Hint::Always, "?", "help"),
    bind(
        &[code(KeyCode::Esc)],
        Action::Close,
        "Esc",
        "close the help; unmark matches",
    )
    .also_in_help(),
    bind(&[key('q')], Action::Quit, "q", "quit")
        .also_in_help()
        .hint(Hint::Always, "q", "quit"),
    bind(
        &[ctrl('c')],
        Action::Interrupt,
        "^C",
        "stop a run; quit when none is going",
    )
    .also_in_help(),
    bind(
        &[ctrl('z')],
        Action::Suspend,
        "^Z",
        "suspend (fg brings it back)",
    )
    .also_in_help(),
];

/// The hint for scrolling sideways, which only matters on a page wider than the pane.
pub const SIDEWAYS_KEYS: &str = "←/→";
/// The hint for running code, which only matters on a page with Python.
pub const RUN_KEYS: &str = "x";
/// The hint for switching focus, which only matters while the contents show.
pub const FOCUS_KEYS: &str = "Tab";

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
    let pressed = Key {
        code: event.code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
    };
    if mode == Mode::Search {
        return search::key_action(pressed, event.modifiers);
    }
    if mode == Mode::Path {
        return path::key_action(pressed);
    }
    if mode == Mode::Consent {
        // [y/N]: only a yes runs anything.
        let yes = !pressed.ctrl && matches!(pressed.code, KeyCode::Char('y' | 'Y'));
        return Some(Action::Consent(yes));
    }
    if event.modifiers.contains(KeyModifiers::ALT) {
        // No binding uses Alt: Alt-q must not quit as q does.
        return (mode == Mode::Normal)
            .then(|| named(pressed).map(|name| Action::Unbound(format!("Alt-{name}"))))
            .flatten();
    }
    let found = BINDINGS
        .iter()
        .filter(|b| mode == Mode::Normal || b.in_help)
        .find(|b| b.keys.contains(&pressed));
    match found {
        Some(b) => Some(b.action.clone()),
        None if mode == Mode::Normal => named(pressed).map(Action::Unbound),
        None => None,
    }
}

/// The name of the first key bound to `action` on the main screen, for notes that tell
/// the reader what to press ("^O goes back to 2.4").
pub fn key_name(action: &Action) -> String {
    let found = BINDINGS.iter().find(|b| b.action == *action);
    let key = found.and_then(|b| b.keys.first()).copied();
    key.and_then(named)
        .map(|name| name.replace("Ctrl-", "^"))
        .unwrap_or_default()
}

/// A key's name for the "does nothing" hint; modifier keys alone get none.
fn named(key: Key) -> Option<String> {
    let name = match key.code {
        KeyCode::Char(' ') if key.ctrl => "Ctrl-Space".into(),
        KeyCode::Char(c) if key.ctrl => format!("Ctrl-{c}"),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Insert => "Insert".into(),
        _ => return None,
    };
    Some(name)
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

/// The status-bar hints for a focus, most useful first.
pub fn hints(sidebar_focused: bool) -> impl Iterator<Item = (&'static str, &'static str)> {
    let wanted = if sidebar_focused {
        Hint::Sidebar
    } else {
        Hint::Lesson
    };
    let of = move |kind: Hint| {
        BINDINGS
            .iter()
            .filter(move |b| b.hint == kind)
            .map(|b| b.hint_text)
    };
    of(wanted).chain(of(Hint::Always))
}

#[cfg(test)]
mod tests;
