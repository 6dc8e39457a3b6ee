use super::*;
use ratatui::crossterm::event::KeyEventState;

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

#[test]
fn no_key_is_bound_twice() {
    for table in [&BINDINGS[..], &SEARCH_BINDINGS[..]] {
        let mut seen = Vec::new();
        for b in table {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} is bound twice");
                seen.push(*k);
            }
        }
    }
}

#[test]
fn every_binding_is_documented_or_follows_one_that_is() {
    for table in [&BINDINGS[..], &SEARCH_BINDINGS[..]] {
        assert!(!table[0].help.is_empty());
        for b in table {
            assert_eq!(b.label.is_empty(), b.help.is_empty(), "{:?}", b.action);
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
    let sidebar: Vec<_> = hints(true).collect();
    let lesson: Vec<_> = hints(false).collect();
    assert!(sidebar.contains(&("Enter", "open")));
    assert!(!lesson.contains(&("Enter", "open")));
    assert!(lesson.contains(&("←/→", "sideways")));
    for common in [("?", "help"), ("q", "quit")] {
        assert!(sidebar.contains(&common) && lesson.contains(&common));
    }
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
fn help_text_fits_the_narrowest_help_box() {
    // At 60 columns (the smallest layout) the box is 56 wide: 54 inside, 15 for the keys
    // and a margin of 2, which leaves 37 for what they do.
    for row in help_rows() {
        if let HelpRow::Key(keys, text) = row {
            assert!(keys.chars().count() < 15, "{keys}");
            assert!(
                text.chars().count() <= 37,
                "{text:?} is too long for the help box"
            );
        }
    }
}
