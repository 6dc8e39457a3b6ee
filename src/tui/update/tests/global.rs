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

#[test]
fn a_resize_says_nothing_of_whether_the_reader_is_there() {
    with_tutor(100, 30, |state, ctx| {
        act(state, ctx, &[Action::Section(2), Action::Present(false)]);
        act(state, ctx, &[Action::Resize(120, 40)]);
        assert!(
            !state.present,
            "a window manager resizes while the reader is away"
        );
        act(state, ctx, &[Action::Down]);
        assert!(state.present, "a key says the reader is back");
    });
}

/// One of the actions a reader's session is made of, time passing among them.
fn any_action() -> impl proptest::strategy::Strategy<Value = Action> {
    use proptest::prelude::*;
    prop_oneof![
        (1u32..9).prop_map(Action::Section),
        Just(Action::NextPage),
        Just(Action::PageDown),
        Just(Action::Bottom),
        Just(Action::NextBlock),
        Just(Action::RunBlock),
        Just(Action::Consent(true)),
        Just(Action::ToggleRead),
        Just(Action::LearningPath),
        Just(Action::Tick),
        Just(Action::Back),
        Just(Action::Quit),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// The store's answer to a save speaks for every save before it, so saves must reach
    /// the loop in the order they are numbered, whatever a session does.
    #[test]
    fn saves_reach_the_loop_numbered_in_the_order_they_are_made(
        actions in proptest::collection::vec((any_action(), 0u64..20), 1..40)
    ) {
        with_tutor(100, 30, |state, ctx| {
            state.python = Ok("/usr/bin/python3".into());
            let mut now = state.now;
            let mut seqs = Vec::new();
            for (action, seconds) in actions {
                // Time passes before each action, as the loop says it does.
                now += std::time::Duration::from_secs(seconds);
                for effect in update(state, Action::Clock(now), ctx)
                    .into_iter()
                    .chain(update(state, action, ctx))
                {
                    if let Effect::Save { seq, .. } = effect {
                        seqs.push(seq);
                    }
                }
            }
            assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
        });
    }
}
