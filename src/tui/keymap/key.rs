//! One key as the tables bind it, and its name as every screen writes it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with the modifiers that change what it means. Shift is not one: it is in the
/// character already (`G`, `}`), or in the key (Shift-Tab is [`KeyCode::BackTab`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// A character key: `Key::char('j')`.
    pub const fn char(c: char) -> Key {
        Key::code(KeyCode::Char(c))
    }

    /// A character with Ctrl held: `Key::ctrl('f')` is ^F.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Any key, without modifiers: `Key::code(KeyCode::PageDown)`.
    pub const fn code(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// The same key with Alt held: `Key::code(KeyCode::Left).with_alt()` is Alt-←.
    pub const fn with_alt(mut self) -> Key {
        self.alt = true;
        self
    }

    /// The key a terminal event reports.
    pub fn pressed(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// The key as the help, the hints and the messages write it: `j`, `↓`, `PgDn`, `Space`,
    /// `^F`, `Shift-Tab`, `Alt-←`. Ctrl with a letter is written as terminals write it
    /// (`^F`); with anything else, in full (`Ctrl-Space`).
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(c) if self.ctrl && c.is_ascii_lowercase() => {
                format!("^{}", c.to_ascii_uppercase())
            }
            code if self.ctrl => format!("Ctrl-{}", plain(code)),
            code => plain(code),
        };
        if self.alt {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// A key's name without modifiers.
fn plain(code: KeyCode) -> String {
    let name = match code {
        KeyCode::Char(' ') => "Space",
        KeyCode::Char(c) => return c.to_string(),
        KeyCode::F(n) => return format!("F{n}"),
        KeyCode::Down => "↓",
        KeyCode::Up => "↑",
        KeyCode::Left => "←",
        KeyCode::Right => "→",
        KeyCode::PageDown => "PgDn",
        KeyCode::PageUp => "PgUp",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::Backspace => "Backspace",
        KeyCode::Delete => "Delete",
        KeyCode::Insert => "Insert",
        // Keys no table binds (Caps Lock, media keys): crossterm's own name will do.
        other => return format!("{other:?}"),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_named_as_people_write_them() {
        let cases = [
            (Key::char('j'), "j"),
            (Key::char('G'), "G"),
            (Key::char(' '), "Space"),
            (Key::ctrl('f'), "^F"),
            (Key::ctrl(' '), "Ctrl-Space"),
            (Key::code(KeyCode::Down), "↓"),
            (Key::code(KeyCode::PageDown), "PgDn"),
            (Key::code(KeyCode::PageUp), "PgUp"),
            (Key::code(KeyCode::Enter), "Enter"),
            (Key::code(KeyCode::Esc), "Esc"),
            (Key::code(KeyCode::BackTab), "Shift-Tab"),
            (Key::code(KeyCode::F(5)), "F5"),
            (Key::code(KeyCode::Left).with_alt(), "Alt-←"),
            (Key::char('q').with_alt(), "Alt-q"),
            (Key::ctrl('x').with_alt(), "Alt-^X"),
        ];
        for (key, name) in cases {
            assert_eq!(key.name(), name, "{key:?}");
        }
    }
}
