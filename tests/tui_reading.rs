//! The reading rule in the tutor on the real guide, driven through `update` with the time
//! as actions and drawn into a TestBackend: what marks a lesson read, and what does not.

use std::time::Instant;

use pyguide::progress::{Change, Progress};
use pyguide::tui::action::Action;

mod common;

use common::{at, run, saves};

#[test]
fn turning_pages_quickly_reads_nothing() {
    let start = Instant::now();
    let mut actions = vec![Action::Section(1)];
    for i in 1..=32 {
        actions.push(at(start, 0.05 * f64::from(i)));
        actions.push(Action::NextPage);
    }
    let flipped = run(120, 40, Progress::default(), &actions);
    assert!(flipped.state.progress.pages.values().all(|p| !p.read));
    assert!(
        !saves(&flipped.effects)
            .iter()
            .any(|c| matches!(c, Change::Read { .. }))
    );
}

#[test]
fn a_lesson_is_read_when_its_end_has_been_on_screen_for_long_enough() {
    let start = Instant::now();
    // 2.1 is longer than the screen: at its end at once, then read for a minute.
    let jumped = [Action::Section(2), Action::Bottom];
    let quick = run(80, 24, Progress::default(), &jumped);
    assert!(!quick.state.progress.read("2.1"), "a glance is not reading");
    assert!(quick.screen.contains("○ 2.1"), "{}", quick.screen);
    let mut stayed = jumped.to_vec();
    stayed.push(at(start, 61.0));
    let ended = run(80, 24, Progress::default(), &stayed);
    assert!(ended.state.progress.read("2.1"));
    assert!(ended.screen.contains("✓ 2.1"), "{}", ended.screen);
    assert!(ended.screen.contains("1/5"), "the section's share read");
    let read = Change::Read {
        page: "2.1".into(),
        read: true,
    };
    assert!(saves(&ended.effects).contains(&&read));
    // Away from the terminal, time does not count.
    let mut away = jumped.to_vec();
    away.extend([Action::Present(false), at(start, 120.0)]);
    assert!(
        !run(80, 24, Progress::default(), &away)
            .state
            .progress
            .read("2.1")
    );
}

#[test]
fn scrolling_through_a_lesson_to_its_end_reads_it() {
    let start = Instant::now();
    let mut actions = vec![Action::Section(2)];
    for i in 1..=12 {
        actions.push(at(start, 0.5 * f64::from(i)));
        actions.push(Action::PageDown);
    }
    let read = run(80, 24, Progress::default(), &actions);
    assert!(read.state.progress.read("2.1"), "{}", read.screen);
}

#[test]
fn m_marks_by_hand_and_unread_stays_unread_while_open() {
    let start = Instant::now();
    let marked = run(
        80,
        24,
        Progress::default(),
        &[Action::Section(2), Action::ToggleRead],
    );
    assert!(marked.state.progress.read("2.1"));
    let unread = [
        Action::Section(2),
        Action::ToggleRead,
        Action::ToggleRead,
        Action::Bottom,
        at(start, 120.0),
    ];
    let unread = run(80, 24, Progress::default(), &unread);
    assert!(!unread.state.progress.read("2.1"));
    assert!(unread.screen.contains("○ 2.1"));
}

#[test]
fn c_goes_to_the_first_lesson_not_read() {
    let mut progress = Progress::default();
    for lesson in ["1.1", "1.2", "1.3"] {
        let change = Change::Read {
            page: lesson.into(),
            read: true,
        };
        progress.apply(&change, "2026-11-24T00:00:00Z");
    }
    let run = run(120, 40, progress, &[Action::Continue]);
    assert_eq!(run.page, "1.4");
    assert!(
        run.state
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("1.4: the first lesson not read yet")),
        "{:?}",
        run.state.message
    );
    assert!(!run.state.progress.read("1.4"), "opening it marks nothing");
}
