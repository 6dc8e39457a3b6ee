//! Progress in the tutor on the real guide, driven through `update` and drawn into a
//! TestBackend: the learning path and its ticks, read marks, continue, and resuming.

use pyguide::progress::{Change, Last, Progress};
use pyguide::render::ColorMode;
use pyguide::tui::action::{Action, Effect};
use pyguide::tui::state::{Overlay, State};

mod common;

struct Run {
    state: State,
    screen: String,
    page: String,
    effects: Vec<Effect>,
}

/// The tutor without colour at `width`×`height` on `progress` after `actions`.
fn run(width: u16, height: u16, progress: Progress, actions: &[Action]) -> Run {
    let driven = common::drive_on(ColorMode::Monochrome, width, height, progress, actions);
    Run {
        screen: common::text(&driven.screen),
        state: driven.state,
        page: driven.page,
        effects: driven.effects,
    }
}

fn saves(effects: &[Effect]) -> Vec<&Change> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(change) => Some(change),
            _ => None,
        })
        .collect()
}

const FIRST_ITEM: &str = "beginner/python-syntax-data-types";

#[test]
fn p_shows_the_path_and_space_ticks_an_item_at_once() {
    let before = run(120, 40, Progress::default(), &[Action::LearningPath]);
    assert_eq!(before.state.overlay, Some(Overlay::Path));
    for shown in [
        "Learning Path",
        "0/16 done",
        "Beginner · weeks 1-4",
        "[ ]  1  Python syntax",
    ] {
        assert!(before.screen.contains(shown), "{shown}\n{}", before.screen);
    }
    let after = run(
        120,
        40,
        Progress::default(),
        &[Action::LearningPath, Action::Tick],
    );
    assert!(after.state.progress.done(FIRST_ITEM));
    let tick = Change::Tick {
        id: FIRST_ITEM.into(),
        done: true,
    };
    assert_eq!(saves(&after.effects), [&tick]);
    assert!(
        after.screen.contains("[x]  1  Python syntax"),
        "{}",
        after.screen
    );
    assert!(after.screen.contains("1/16 done"));
    assert!(
        after.screen.contains("1/4   25%"),
        "the phase's gauge\n{}",
        after.screen
    );
    // Space again unticks.
    let again = [Action::LearningPath, Action::Tick, Action::Tick];
    assert!(
        !run(120, 40, Progress::default(), &again)
            .state
            .progress
            .done(FIRST_ITEM)
    );
}

#[test]
fn an_item_lists_the_lessons_that_teach_it_and_enter_opens_one() {
    // Item 5 is "Decorators & context managers": 1.2 teaches decorators, 1.5 context
    // managers.
    let mut actions = vec![Action::LearningPath];
    actions.extend(std::iter::repeat_n(Action::Down, 4));
    let shown = run(120, 40, Progress::default(), &actions);
    let row = shown
        .screen
        .lines()
        .find(|l| l.contains("Decorators & context managers"))
        .unwrap()
        .to_owned();
    assert!(row.contains("1.2 1.5"), "{row}");
    actions.push(Action::Open);
    let opened = run(120, 40, Progress::default(), &actions);
    assert_eq!((opened.page.as_str(), opened.state.overlay), ("1.2", None));
    actions.pop();
    actions.extend([Action::Right, Action::Open]);
    assert_eq!(run(120, 40, Progress::default(), &actions).page, "1.5");
}

#[test]
fn a_lesson_is_read_once_its_end_is_on_screen_and_m_toggles_it() {
    // 2.1 is longer than the screen: opened, not read; at its end, read.
    let opened = run(80, 24, Progress::default(), &[Action::Section(2)]);
    assert!(!opened.state.progress.read("2.1"));
    assert!(opened.screen.contains("○ 2.1"), "{}", opened.screen);
    let ended = run(
        80,
        24,
        Progress::default(),
        &[Action::Section(2), Action::Bottom],
    );
    assert!(ended.state.progress.read("2.1"));
    assert!(ended.screen.contains("✓ 2.1"), "{}", ended.screen);
    assert!(ended.screen.contains("1/5"), "the section's share read");
    let read = Change::Read {
        lesson: "2.1".into(),
        read: true,
    };
    assert!(saves(&ended.effects).contains(&&read));
    // m unmarks it, and it stays unread though its end is still on screen.
    let unread = [
        Action::Section(2),
        Action::Bottom,
        Action::ToggleRead,
        Action::Up,
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
            lesson: lesson.into(),
            read: true,
        };
        progress.apply(&change, "2026-11-24T00:00:00Z");
    }
    let run = run(120, 40, progress, &[Action::Continue]);
    assert_eq!(run.page, "1.4");
    assert_eq!(
        run.state.message.as_deref(),
        Some("1.4: the first lesson not read yet")
    );
}

#[test]
fn the_tutor_reopens_where_reading_stopped_and_quitting_saves_the_place() {
    let progress = Progress {
        last: Some(Last {
            lesson: "2.4".into(),
            scroll: 320,
        }),
        ..Progress::default()
    };
    let resumed = run(80, 24, progress, &[]);
    assert_eq!(resumed.page, "2.4");
    let top = resumed.screen.lines().nth(1).unwrap_or_default().to_owned();
    assert!(
        top.contains("Released during I/O"),
        "line 320 at the top: {top}"
    );
    let quit = run(
        120,
        40,
        Progress::default(),
        &[Action::Section(3), Action::Quit],
    );
    let changes = saves(&quit.effects);
    assert!(
        matches!(changes.last(), Some(Change::Place { lesson, .. }) if lesson == "3.1"),
        "{changes:?}"
    );
    assert_eq!(quit.effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_store_that_cannot_be_written_is_told_once() {
    let actions = [
        Action::LearningPath,
        Action::Tick,
        Action::NotSaved("cannot write /x: read-only".into()),
    ];
    let told = run(120, 40, Progress::default(), &actions);
    assert_eq!(
        told.state.message.as_deref(),
        Some("progress not saved: cannot write /x: read-only")
    );
    // The tick stands on screen though it was not saved.
    assert!(told.state.progress.done(FIRST_ITEM));
    let mut more = actions.to_vec();
    more.extend([Action::Down, Action::Tick, Action::NotSaved("again".into())]);
    let again = run(120, 40, Progress::default(), &more);
    assert!(!again.state.message.unwrap_or_default().contains("again"));
}
