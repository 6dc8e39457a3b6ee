use super::*;
use ratatui::crossterm::event::{KeyEventState, KeyModifiers};

fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn char_key(c: char) -> Event {
    press(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn vim_keys_and_arrows_do_the_same() {
    let n = Mode::Normal;
    assert_eq!(action(n, &char_key('j')), Some(Action::Down));
    assert_eq!(
        action(n, &press(KeyCode::Down, KeyModifiers::NONE)),
        Some(Action::Down)
    );
    assert_eq!(
        action(n, &char_key('k')),
        action(n, &press(KeyCode::Up, KeyModifiers::NONE))
    );
}

#[test]
fn shifted_letters_and_control_keys_are_told_apart() {
    let n = Mode::Normal;
    assert_eq!(
        action(n, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::Bottom)
    );
    assert_eq!(
        action(n, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Interrupt)
    );
    assert_eq!(
        action(n, &press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
        Some(Action::HalfPageDown)
    );
    assert_eq!(action(n, &char_key('d')), Some(Action::Unbound("d".into())));
}

#[test]
fn digits_open_sections() {
    assert_eq!(
        action(Mode::Normal, &char_key('2')),
        Some(Action::Section(2))
    );
    assert_eq!(
        action(Mode::Normal, &char_key('9')),
        Some(Action::Section(9))
    );
}

#[test]
fn the_help_overlay_takes_only_its_own_keys() {
    let h = Mode::Help;
    assert_eq!(action(h, &char_key('j')), Some(Action::Down));
    assert_eq!(
        action(h, &press(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Close)
    );
    assert_eq!(action(h, &char_key('q')), Some(Action::Quit));
    assert_eq!(action(h, &char_key(']')), None);
    assert_eq!(action(h, &press(KeyCode::Tab, KeyModifiers::NONE)), None);
}

#[test]
fn releases_and_bare_modifiers_do_nothing() {
    let release = Event::Key(KeyEvent {
        code: KeyCode::Char('q'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    });
    assert_eq!(action(Mode::Normal, &release), None);
    let shift = press(
        KeyCode::Modifier(ratatui::crossterm::event::ModifierKeyCode::LeftShift),
        KeyModifiers::SHIFT,
    );
    assert_eq!(action(Mode::Normal, &shift), None);
}

#[test]
fn code_blocks_have_their_keys() {
    let n = Mode::Normal;
    assert_eq!(action(n, &char_key('x')), Some(Action::RunBlock));
    assert_eq!(action(n, &char_key('}')), Some(Action::NextBlock));
    assert_eq!(action(n, &char_key('{')), Some(Action::PreviousBlock));
    assert_eq!(
        action(n, &press(KeyCode::Tab, KeyModifiers::NONE)),
        Some(Action::FocusNext)
    );
    assert_eq!(
        action(n, &press(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::FocusPrevious)
    );
}

#[test]
fn only_a_yes_agrees_to_run_code() {
    let c = Mode::Consent;
    assert_eq!(action(c, &char_key('y')), Some(Action::Consent(true)));
    assert_eq!(action(c, &char_key('Y')), Some(Action::Consent(true)));
    for no in [
        char_key('n'),
        char_key('q'),
        press(KeyCode::Enter, KeyModifiers::NONE),
    ] {
        assert_eq!(action(c, &no), Some(Action::Consent(false)));
    }
    let ctrl_y = press(KeyCode::Char('y'), KeyModifiers::CONTROL);
    assert_eq!(action(c, &ctrl_y), Some(Action::Consent(false)));
}

/// Every table that decodes keys, by name for the messages.
const TABLES: [(&str, &[Binding]); 4] = [
    ("main", &BINDINGS),
    ("search", &SEARCH_BINDINGS),
    ("path", &PATH_BINDINGS),
    ("consent", &CONSENT_BINDINGS),
];

#[test]
fn no_key_is_bound_twice() {
    for (name, table) in TABLES {
        let mut seen = Vec::new();
        for b in table {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} is bound twice in {name}");
                seen.push(*k);
            }
        }
    }
}

#[test]
fn every_binding_has_keys_and_is_documented_or_follows_one_that_is() {
    for (name, table) in TABLES {
        assert!(!table[0].help.is_empty(), "{name} starts without help");
        for b in table {
            assert!(!b.keys.is_empty(), "{:?} in {name} has no keys", b.action);
        }
    }
}

#[test]
fn a_hint_pair_is_the_second_half_of_a_hint() {
    for (name, table) in TABLES {
        for (i, b) in table.iter().enumerate() {
            assert!(b.hint == Hint::None || !b.word.is_empty(), "{:?}", b.action);
            if b.paired {
                assert_eq!(b.hint, Hint::None, "{:?} in {name}", b.action);
                let before = i.checked_sub(1).map(|j| &table[j]);
                assert!(
                    before.is_some_and(|a| a.hint != Hint::None && !a.paired),
                    "{:?} in {name} pairs with no hint",
                    b.action
                );
            }
        }
    }
}

#[test]
fn in_the_search_box_letters_type_and_commands_edit() {
    use crate::tui::action::Edit;
    let s = Mode::Search;
    for c in ['q', 'j', '/', 'n', '?', ' ', 'É', '日'] {
        assert_eq!(
            action(s, &char_key(c)),
            Some(Action::Edit(Edit::Insert(c))),
            "{c}"
        );
    }
    let ctrl = |c| press(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(action(s, &ctrl('w')), Some(Action::Edit(Edit::DeleteWord)));
    assert_eq!(action(s, &ctrl('c')), Some(Action::Interrupt));
    assert_eq!(action(s, &ctrl('n')), Some(Action::Down));
    assert_eq!(action(s, &ctrl('x')), None);
    assert_eq!(
        action(s, &press(KeyCode::Char('x'), KeyModifiers::ALT)),
        None
    );
    assert_eq!(
        action(s, &press(KeyCode::Right, KeyModifiers::NONE)),
        Some(Action::Edit(Edit::Right))
    );
    assert_eq!(
        action(s, &press(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Close)
    );
}

#[test]
fn hints_depend_on_focus() {
    let shown = |hints: Vec<KeyHint>| -> Vec<(String, &str)> {
        hints.into_iter().map(|h| (h.keys, h.word)).collect()
    };
    let sidebar = shown(hints(true));
    let lesson = shown(hints(false));
    let has = |all: &[(String, &str)], keys: &str, word: &str| {
        all.iter().any(|(k, w)| k == keys && *w == word)
    };
    assert!(has(&sidebar, "j/k", "move") && has(&sidebar, "Enter", "open"));
    assert!(!has(&lesson, "Enter", "open"));
    assert!(has(&lesson, "←/→", "sideways") && has(&lesson, "]/[", "next/previous"));
    for (keys, word) in [("?", "help"), ("q", "quit")] {
        assert!(has(&sidebar, keys, word) && has(&lesson, keys, word));
    }
    // Help and quit matter most: they come last, and are the last to be dropped.
    assert_eq!(lesson.last(), Some(&("q".to_string(), "quit")));
}

#[test]
fn hints_carry_their_action() {
    let sideways = hints(false).into_iter().find(|h| h.word == "sideways");
    assert_eq!(sideways.map(|h| h.action), Some(&Action::Left));
    let quit = path_hints().into_iter().find(|h| h.word == "quit");
    assert_eq!(quit.map(|h| h.action), Some(&Action::Quit));
}

#[test]
fn the_boxes_and_the_status_bar_name_their_keys_from_the_tables() {
    assert_eq!(
        border_line(Mode::Path),
        " Space tick · ←/→ lesson · Enter open · Esc back "
    );
    assert_eq!(
        border_line(Mode::Search),
        " ↑/↓ choose · Enter open · Esc close "
    );
    assert_eq!(border_line(Mode::Normal), "");
    let keys = |hints: Vec<KeyHint>| -> Vec<String> {
        hints
            .into_iter()
            .map(|h| format!("{} {}", h.keys, h.word))
            .collect()
    };
    assert_eq!(keys(path_hints()), ["j/k choose", "q quit"]);
    assert_eq!(
        keys(search_hints()),
        ["PgDn/PgUp more results", "^W/^U delete", "^C quit"]
    );
}

#[test]
fn prose_names_keys_from_the_tables() {
    assert_eq!(keys_for(Mode::Normal, &Action::NextPage), "]");
    assert_eq!(keys_for(Mode::Normal, &Action::PreviousPage), "[");
    assert_eq!(keys_for(Mode::Normal, &Action::PageDown), "PgDn");
    assert_eq!(
        all_keys_for(Mode::Normal, &Action::PageDown),
        "PgDn Space ^F"
    );
    assert_eq!(keys_for(Mode::Path, &Action::Tick), "Space");
    assert_eq!(all_keys_for(Mode::Search, &Action::Down), "↓ ^N ^J");
    assert_eq!(keys_for(Mode::Help, &Action::Close), "Esc");
    // The help overlay reads only some of the main screen's keys.
    assert_eq!(keys_for(Mode::Help, &Action::NextPage), "");
    assert_eq!(keys_for(Mode::Consent, &Action::Consent(true)), "y");
}

#[test]
fn the_mouse_wheel_and_clicks_carry_their_cell() {
    use ratatui::crossterm::event::MouseEvent;
    let at = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 5,
            row: 7,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        action(Mode::Normal, &at(MouseEventKind::ScrollDown)),
        Some(Action::Wheel {
            x: 5,
            y: 7,
            lines: 3
        })
    );
    assert_eq!(
        action(Mode::Normal, &at(MouseEventKind::Down(MouseButton::Left))),
        Some(Action::Click { x: 5, y: 7 })
    );
    assert_eq!(action(Mode::Normal, &at(MouseEventKind::Moved)), None);
}

#[test]
fn alt_keys_are_not_their_plain_keys() {
    let n = Mode::Normal;
    assert_eq!(
        action(n, &press(KeyCode::Char('q'), KeyModifiers::ALT)),
        Some(Action::Unbound("Alt-q".into()))
    );
    assert_eq!(
        action(Mode::Help, &press(KeyCode::Char('q'), KeyModifiers::ALT)),
        None
    );
    assert_eq!(
        action(n, &press(KeyCode::Char(' '), KeyModifiers::CONTROL)),
        Some(Action::Unbound("Ctrl-Space".into()))
    );
}

#[test]
fn alt_chords_are_not_their_plain_keys_anywhere() {
    let alt = |code| press(code, KeyModifiers::ALT);
    let unbound = |name: &str| Some(Action::Unbound(name.into()));
    assert_eq!(
        action(Mode::Path, &alt(KeyCode::Char('j'))),
        unbound("Alt-j")
    );
    assert_eq!(action(Mode::Search, &alt(KeyCode::Left)), None);
    // Alt-← and Alt-→ go back and forward, as in browsers; never left and right.
    assert_eq!(action(Mode::Path, &alt(KeyCode::Left)), Some(Action::Back));
    assert_eq!(
        action(Mode::Normal, &alt(KeyCode::Right)),
        Some(Action::Forward)
    );
    assert_eq!(
        action(Mode::Consent, &alt(KeyCode::Char('y'))),
        Some(Action::Consent(false))
    );
}

#[test]
fn on_the_path_left_and_right_choose_among_the_lessons() {
    let p = Mode::Path;
    for (code, to) in [
        (KeyCode::Left, Action::Left),
        (KeyCode::Char('h'), Action::Left),
        (KeyCode::Right, Action::Right),
        (KeyCode::Char('l'), Action::Right),
        (KeyCode::Char(' '), Action::Tick),
        (KeyCode::Char('x'), Action::Tick),
        (KeyCode::Char('p'), Action::Close),
    ] {
        assert_eq!(
            action(p, &press(code, KeyModifiers::NONE)),
            Some(to),
            "{code:?}"
        );
    }
    // The path is a page: the keys it does not take mean what they mean on any page.
    assert_eq!(action(p, &char_key('/')), Some(Action::Search));
    assert_eq!(action(p, &char_key(']')), Some(Action::NextPage));
}

#[test]
fn an_unbound_key_is_named_as_the_help_names_keys() {
    let n = Mode::Normal;
    assert_eq!(
        action(n, &press(KeyCode::Char('x'), KeyModifiers::CONTROL)),
        Some(Action::Unbound("^X".into()))
    );
    assert_eq!(
        action(n, &press(KeyCode::F(5), KeyModifiers::NONE)),
        Some(Action::Unbound("F5".into()))
    );
}
