//! Progress in the tutor on the real guide, driven through `update` and drawn into a
//! TestBackend: the learning path and its ticks, the store's answers, resuming.

use pyguide::guide::GuideLine;
use pyguide::progress::{Change, Last, Progress};
use pyguide::tui::action::{Action, Effect};

mod common;

use common::{run, saves};

const FIRST_ITEM: &str = "beginner/python-syntax-data-types";

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
    // The tick stands on screen though it was not saved, marked as not saved.
    assert!(told.state.progress.done(FIRST_ITEM));
    assert!(told.screen.contains(" not saved "), "{}", told.screen);
    // A key that arrives with the answer leaves it to be read.
    let mut with_a_key = actions.to_vec();
    with_a_key.push(Action::Down);
    let kept = run(120, 40, Progress::default(), &with_a_key);
    assert!(
        kept.state
            .message
            .unwrap_or_default()
            .starts_with("progress not saved")
    );
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
