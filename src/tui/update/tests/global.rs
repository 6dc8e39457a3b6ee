//! Quitting, suspending, resizing and Ctrl-C mean the same in every overlay and mode:
//! `update` handles them once, before any overlay sees them.

use super::*;

/// The tutor in each of its modes: the page, help, the search box, the learning path and
/// the question before a run.
fn in_every_mode(f: impl Fn(&mut State, &Context, &str)) {
    use crate::tui::keymap::Mode;
    let modes: [(Mode, Vec<Action>); 5] = [
        (Mode::Normal, vec![Action::Section(2)]),
        (Mode::Help, vec![Action::ToggleHelp]),
        (Mode::Search, vec![Action::Search]),
        (Mode::Path, vec![Action::LearningPath]),
        (
            Mode::Consent,
            vec![Action::Section(1), Action::NextPage, Action::RunBlock],
        ),
    ];
    for (mode, setup) in modes {
        with_tutor(100, 30, |state, ctx| {
            state.python = Ok("/usr/bin/python3".into());
            act(state, ctx, &setup);
            assert_eq!(state.mode(), mode);
            f(state, ctx, &format!("{mode:?}"));
        });
    }
}

#[test]
fn quit_and_ctrl_c_quit_from_every_mode() {
    in_every_mode(|state, ctx, mode| {
        let effects = update(state, Action::Quit, ctx);
        assert_eq!(effects.last(), Some(&Effect::Quit), "{mode}");
    });
    in_every_mode(|state, ctx, mode| {
        let effects = update(state, Action::Interrupt, ctx);
        assert_eq!(effects.last(), Some(&Effect::Quit), "{mode}");
    });
}

#[test]
fn suspend_suspends_from_every_mode_and_the_mode_stays() {
    in_every_mode(|state, ctx, mode| {
        let before = state.mode();
        assert_eq!(
            update(state, Action::Suspend, ctx),
            [Effect::Suspend],
            "{mode}"
        );
        assert_eq!(state.mode(), before, "{mode}");
        assert!(!state.present, "away at the shell");
    });
}

#[test]
fn a_resize_reaches_the_state_in_every_mode() {
    in_every_mode(|state, ctx, mode| {
        let before = state.mode();
        act(state, ctx, &[Action::Resize(140, 45)]);
        assert_eq!(state.size, ratatui::layout::Size::new(140, 45), "{mode}");
        assert_eq!(state.mode(), before, "{mode}");
        assert_eq!(state.width, state.areas().map(|a| a.text_width()), "{mode}");
    });
}
