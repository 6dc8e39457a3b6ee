//! Progress in the tutor on the real guide, driven through `update` and drawn into a
//! TestBackend: the learning path and its ticks, the reading rule, continue, resuming.

use std::time::{Duration, Instant};

use pyguide::guide::GuideLine;
use pyguide::progress::{Change, Last, Progress};
use pyguide::render::ColorMode;
use pyguide::tui::action::{Action, Effect};
use pyguide::tui::state::State;

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
            Effect::Save { change, .. } => Some(change),
            _ => None,
        })
        .collect()
}

const FIRST_ITEM: &str = "beginner/python-syntax-data-types";

/// The time `seconds` after the test's tutor started, as the loop would say it.
fn at(state_start: Instant, seconds: f64) -> Action {
    Action::Clock(state_start + Duration::from_secs_f64(seconds))
}

#[test]
fn p_shows_the_path_and_space_ticks_an_item_at_once() {
    let before = run(120, 40, Progress::default(), &[Action::LearningPath]);
    assert_eq!(before.page, "Learning Path");
    assert!(before.state.on_path());
    for shown in [
        "Learning Path",
        "0/16 done",
        "Overall",
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
    assert!(saves(&after.effects).contains(&&tick));
    assert!(
        after.screen.contains("[x]  1  Python syntax"),
        "{}",
        after.screen
    );
    assert!(after.screen.contains("1/16"));
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
    assert_eq!(opened.page, "1.2");
    // Back returns to the path, the item still chosen.
    actions.push(Action::Back);
    let back = run(120, 40, Progress::default(), &actions);
    assert_eq!(
        (back.page.as_str(), back.state.path.item),
        ("Learning Path", 4)
    );
    actions.pop();
    actions.pop();
    actions.extend([Action::Right, Action::Open]);
    assert_eq!(run(120, 40, Progress::default(), &actions).page, "1.5");
    // Back to the path: the item and its chosen lesson as they were.
    actions.push(Action::Back);
    let back = run(120, 40, Progress::default(), &actions);
    assert_eq!((back.state.path.item, back.state.path.lesson), (4, 1));
}

#[test]
fn the_contents_learning_path_entry_opens_the_same_checklist_with_the_stored_ticks() {
    let mut progress = Progress::default();
    let tick = Change::Tick {
        id: FIRST_ITEM.into(),
        done: true,
    };
    progress.apply(&tick, "2026-11-24T00:00:00Z");
    // From home, the contents list Home, sections 1-8, Learning Path.
    let mut actions = vec![Action::Down; 9];
    actions.push(Action::Open);
    let opened = run(120, 40, progress, &actions);
    assert!(opened.state.on_path(), "{}", opened.page);
    assert!(
        opened.screen.contains("[x]  1  Python syntax"),
        "{}",
        opened.screen
    );
    assert!(
        !opened.screen.contains("[ ] Python syntax"),
        "no second checklist"
    );
}

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

#[test]
fn the_tutor_reopens_where_reading_stopped_and_quitting_saves_the_place() {
    let progress = Progress {
        last: Some(Last {
            page: "2.4".into(),
            line: GuideLine(320),
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
        matches!(changes.last(), Some(Change::Place { page, .. }) if page == "3.1"),
        "{changes:?}"
    );
    assert_eq!(quit.effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_store_that_cannot_be_written_is_told_once() {
    let actions = [
        Action::LearningPath,
        Action::Tick,
        Action::NotSaved {
            seq: 1,
            why: "cannot write /x: read-only".into(),
        },
    ];
    let told = run(120, 40, Progress::default(), &actions);
    assert_eq!(
        told.state.message.as_deref(),
        Some("progress not saved: cannot write /x: read-only")
    );
    // The tick stands on screen though it was not saved.
    assert!(told.state.progress.done(FIRST_ITEM));
    let mut more = actions.to_vec();
    let again = Action::NotSaved {
        seq: 2,
        why: "again".into(),
    };
    more.extend([Action::Down, Action::Tick, again]);
    let again = run(120, 40, Progress::default(), &more);
    assert!(!again.state.message.unwrap_or_default().contains("again"));
}

#[test]
fn the_tutor_reopens_where_a_version_1_store_left_off() {
    let bytes = std::fs::read("tests/data/progress-v1.json").unwrap();
    let (progress, newer) = pyguide::progress::store::parse(&bytes).unwrap();
    assert_eq!(newer, None);
    let resumed = run(80, 24, progress, &[]);
    assert_eq!(resumed.page, "2.4");
    let top = resumed.screen.lines().nth(1).unwrap_or_default().to_owned();
    // Line 304 is the top of the GIL diagram.
    assert!(top.contains("│ ┌────"), "line 304 at the top: {top}");
    assert!(resumed.screen.contains("✓ 2.4"), "{}", resumed.screen);
}

#[test]
fn the_tutor_reopens_on_the_path_with_the_item_that_was_chosen() {
    let progress = Progress {
        last: Some(Last {
            page: "learning-path".into(),
            // "- [ ] File I/O & exception handling", item 3.
            line: GuideLine(1014),
        }),
        ..Progress::default()
    };
    let resumed = run(120, 40, progress, &[]);
    assert_eq!(resumed.page, "Learning Path");
    assert_eq!(resumed.state.path.item, 2);
    assert!(resumed.screen.contains("item 3/16"), "{}", resumed.screen);
    // Leaving it and quitting keep that item as the place.
    let left = run(
        120,
        40,
        Progress::default(),
        &[
            Action::LearningPath,
            Action::Down,
            Action::Down,
            Action::Quit,
        ],
    );
    let last = saves(&left.effects)
        .into_iter()
        .rev()
        .find_map(|c| match c {
            Change::Place { page, line } => Some((page.clone(), *line)),
            _ => None,
        });
    assert_eq!(last, Some(("learning-path".to_string(), GuideLine(1014))));
}

#[test]
fn quitting_from_a_terminal_too_small_to_draw_keeps_the_place() {
    let progress = Progress {
        last: Some(Last {
            page: "2.4".into(),
            line: GuideLine(320),
        }),
        ..Progress::default()
    };
    // Never drawn: the terminal was too small from the start.
    let quit = run(30, 8, progress, &[Action::Quit]);
    let place = Change::Place {
        page: "2.4".into(),
        line: GuideLine(320),
    };
    assert_eq!(saves(&quit.effects), [&place]);
}

#[test]
fn a_click_on_an_item_of_the_path_chooses_it() {
    let probe = run(120, 40, Progress::default(), &[Action::LearningPath]);
    let body = probe.state.areas().unwrap().body;
    // Rows: Overall, a gap, the first phase, then its items.
    let click = Action::Click {
        x: body.x + 10,
        y: body.y + 5,
    };
    let clicked = run(120, 40, Progress::default(), &[Action::LearningPath, click]);
    assert_eq!(clicked.state.path.item, 2);
    assert!(clicked.screen.contains("item 3/16"), "{}", clicked.screen);
}

#[test]
fn the_wheel_moves_the_path_only_over_the_path() {
    let wheel = |x, y| Action::Wheel { x, y, lines: 3 };
    let probe = run(120, 40, Progress::default(), &[Action::LearningPath]);
    let body = probe.state.areas().unwrap().body;
    let over = run(
        120,
        40,
        Progress::default(),
        &[Action::LearningPath, wheel(body.x + 4, body.y + 4)],
    );
    assert_eq!(over.state.path.item, 1);
    let beside = run(
        120,
        40,
        Progress::default(),
        &[Action::LearningPath, wheel(2, 4)],
    );
    assert_eq!(
        beside.state.path.item, 0,
        "the wheel over the contents leaves the path"
    );
}
