//! The reading rule as the loop sees it: when to wake, and the note it leaves.

use std::time::Duration;

use super::*;

#[test]
fn a_lesson_scrolled_through_is_due_after_the_shortest_time_not_its_whole_reading_time() {
    with_tutor(80, 24, |state, ctx| {
        act(state, ctx, &[Action::Section(2)]);
        let opened = state.now;
        act(state, ctx, &vec![Action::PageDown; 12]);
        assert!(state.reading.seen_end);
        assert_eq!(wake_at(state, ctx), Some(opened + Duration::from_secs(2)));
        // Jumped to the end of a long lesson instead: its whole reading time.
        act(
            state,
            ctx,
            &[Action::Section(6), Action::NextPage, Action::NextPage],
        );
        assert_eq!(shown(state, ctx), "6.3");
        act(state, ctx, &[Action::Bottom]);
        let due = wake_at(state, ctx).unwrap();
        assert!(
            due > state.now + Duration::from_secs(2),
            "{:?}",
            due - state.now
        );
    });
}

#[test]
fn the_read_note_survives_a_key_that_arrives_with_it() {
    with_tutor(120, 40, |state, ctx| {
        act(state, ctx, &[Action::Section(1)]);
        let later = state.now + Duration::from_secs(3);
        act(state, ctx, &[Action::Clock(later)]);
        let note = state.message.clone().unwrap_or_default();
        assert!(note.ends_with("1.1 read ✓"), "{note}");
        // Keys in the same batch as the clock: the note has not been seen yet.
        act(state, ctx, &[Action::Down, Action::Down]);
        assert_eq!(state.message, Some(note));
        // The next batch's keys clear it, as they clear every note.
        let after = later + Duration::from_millis(500);
        act(state, ctx, &[Action::Clock(after), Action::Down]);
        assert_eq!(state.message, None);
    });
}

#[test]
fn no_wake_is_needed_where_nothing_will_be_read() {
    with_tutor(120, 40, |state, ctx| {
        assert_eq!(wake_at(state, ctx), None, "home is not a lesson");
        act(state, ctx, &[Action::Section(1), Action::ToggleRead]);
        assert_eq!(wake_at(state, ctx), None, "read already");
        act(state, ctx, &[Action::NextPage, Action::Present(false)]);
        assert_eq!(wake_at(state, ctx), None, "the reader is away");
    });
}
