//! Running code blocks in the tutor, driven through `update` and drawn with TestBackend:
//! the focus ring, the question before the first run, the output pane as events arrive,
//! stopping, and what a program cannot do to the screen.

mod common;

use std::time::Duration;

use common::{Driven, PYTHON, drive_python, text};
use pyguide::progress::{Change, Progress};
use pyguide::run::{Ended, Event, Status, Stream};
use pyguide::tui::action::{Action, Effect};
use pyguide::tui::state::{Focus, Overlay};

const TO_2_5: [Action; 5] = [
    Action::Section(2),
    Action::NextPage,
    Action::NextPage,
    Action::NextPage,
    Action::NextPage,
];

fn allowed() -> Progress {
    let mut progress = Progress::default();
    progress.apply(&Change::AllowPython(PYTHON.into()), "2026-11-24T10:00:00Z");
    progress
}

fn on_2_5(progress: Progress, then: &[Action]) -> Driven {
    let actions: Vec<Action> = TO_2_5.iter().chain(then).cloned().collect();
    drive_python(120, 40, progress, &actions)
}

fn out(bytes: &[u8]) -> Action {
    Action::Ran {
        id: 1,
        event: Event::Output(Stream::Out, bytes.to_vec()),
    }
}

fn err(bytes: &[u8]) -> Action {
    Action::Ran {
        id: 1,
        event: Event::Output(Stream::Err, bytes.to_vec()),
    }
}

fn ended(status: Status) -> Action {
    Action::Ran {
        id: 1,
        event: Event::Ended(Ended {
            status,
            elapsed: Duration::from_millis(42),
            dropped: 0,
        }),
    }
}

fn run_effects(effects: &[Effect]) -> Vec<&Effect> {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Run(_) | Effect::StopRun))
        .collect()
}

#[test]
fn the_first_run_asks_and_a_yes_is_remembered_and_runs() {
    let asked = on_2_5(Progress::default(), &[Action::RunBlock]);
    assert_eq!(asked.page, "2.5");
    assert_eq!(asked.state.overlay, Some(Overlay::Consent));
    let screen = text(&asked.screen);
    // The question wraps in its box, the interpreter on a line of its own here.
    assert!(
        screen.contains("Run Python from the guide on this machine with"),
        "{screen}"
    );
    assert!(screen.contains(&format!("{PYTHON}? [y/N]")), "{screen}");
    assert!(
        run_effects(&asked.effects).is_empty(),
        "nothing runs before the answer"
    );

    let yes = on_2_5(
        Progress::default(),
        &[Action::RunBlock, Action::Consent(true)],
    );
    let allowed = Change::AllowPython(PYTHON.into());
    assert!(
        yes.effects
            .iter()
            .any(|e| matches!(e, Effect::Save { changes, .. } if changes.contains(&allowed)))
    );
    let Some(Effect::Run(order)) = yes.effects.iter().find(|e| matches!(e, Effect::Run(_))) else {
        panic!("no run: {:?}", yes.effects);
    };
    assert_eq!(order.name, "lesson_2_5");
    assert!(order.code.starts_with("x = \"global\""), "{}", order.code);
    assert!(text(&yes.screen).contains("2.5 · block 1 · running"));
}

#[test]
fn a_no_runs_nothing_and_the_next_x_asks_again() {
    let no = on_2_5(
        Progress::default(),
        &[Action::RunBlock, Action::Consent(false), Action::RunBlock],
    );
    assert!(run_effects(&no.effects).is_empty());
    let agreed = Change::AllowPython(PYTHON.into());
    let saved = |e: &Effect| matches!(e, Effect::Save { changes, .. } if changes.contains(&agreed));
    assert!(!no.effects.iter().any(saved));
    assert_eq!(no.state.overlay, Some(Overlay::Consent));
}

#[test]
fn once_allowed_x_runs_at_once_and_the_output_shows_as_it_comes() {
    let running = on_2_5(allowed(), &[Action::RunBlock, out(b"local\nencl")]);
    assert_eq!(run_effects(&running.effects).len(), 1);
    let screen = text(&running.screen);
    assert!(
        screen.contains("│ local") && screen.contains("│ encl"),
        "{screen}"
    );
    assert!(screen.contains("Esc stops"), "{screen}");

    let done = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            out(b"local\nencl"),
            out(b"osing\nglobal\n<built-in function len>\n"),
            ended(Status::Exited(0)),
        ],
    );
    let screen = text(&done.screen);
    let shown: Vec<&str> = ["local", "enclosing", "global", "<built-in function len>"]
        .into_iter()
        .filter(|l| screen.contains(&format!("│ {l} ")))
        .collect();
    assert_eq!(shown.len(), 4, "{screen}");
    assert!(
        screen.contains("✓ 2.5 · block 1 · exit 0 · 42 ms"),
        "{screen}"
    );
    assert!(screen.contains("x runs again · Esc closes"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_program_cannot_draw_on_the_screen() {
    let nasty = b"\x1b[2J\x1b[H\x1b]0;owned\x07\x1b[31mred\x1b[0m \x1b[?1049lplain\r\n\x07";
    let done = on_2_5(
        allowed(),
        &[Action::RunBlock, out(nasty), ended(Status::Exited(0))],
    );
    let cells: String = done.screen.content().iter().map(|c| c.symbol()).collect();
    assert!(
        !cells.chars().any(|c| c.is_control()),
        "a control character reached the screen"
    );
    assert!(text(&done.screen).contains("│ red plain "));
}

#[test]
fn a_missing_package_is_named_before_the_traceback() {
    let traceback = b"Traceback (most recent call last):\n  File \"lesson_6_3.py\", line 1, in <module>\nModuleNotFoundError: No module named 'torch'\n";
    let done = on_2_5(
        allowed(),
        &[Action::RunBlock, err(traceback), ended(Status::Exited(1))],
    );
    let screen = text(&done.screen);
    let hint = screen
        .find("this lesson needs the package 'torch': pip install torch")
        .expect("the hint shows");
    let traceback_at = screen.find("Traceback").expect("the traceback shows");
    assert!(hint < traceback_at, "{screen}");
    assert!(screen.contains("✗ 2.5 · block 1 · exit 1"), "{screen}");
}

#[test]
fn esc_and_ctrl_c_stop_a_run_without_leaving() {
    for stop in [Action::Close, Action::Interrupt] {
        let stopped = on_2_5(allowed(), &[Action::RunBlock, stop.clone()]);
        assert_eq!(stopped.effects.last(), Some(&Effect::StopRun), "{stop:?}");
        assert!(!stopped.effects.contains(&Effect::Quit));
        assert!(text(&stopped.screen).contains("stopping"));
    }
    let after = on_2_5(
        allowed(),
        &[Action::RunBlock, Action::Interrupt, ended(Status::Stopped)],
    );
    assert!(text(&after.screen).contains("■ 2.5 · block 1 · stopped"));
    // With nothing running, Ctrl-C quits as before.
    let quit = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            ended(Status::Exited(0)),
            Action::Interrupt,
        ],
    );
    assert_eq!(quit.effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_timeout_and_a_failure_to_start_say_so() {
    let timed_out = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            ended(Status::TimedOut(Duration::from_secs(10))),
        ],
    );
    assert!(text(&timed_out.screen).contains("⏱ 2.5 · block 1 · stopped after 10 s"));
    let failed = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            Action::RunFailed {
                id: 1,
                why: "cannot start /opt/test/bin/python3: permission denied".into(),
            },
        ],
    );
    let screen = text(&failed.screen);
    assert!(
        screen.contains("could not start") && screen.contains("permission denied"),
        "{screen}"
    );
}

#[test]
fn esc_closes_the_output_and_the_lesson_gets_its_rows_back() {
    let open = on_2_5(allowed(), &[Action::RunBlock, ended(Status::Exited(0))]);
    let closed = on_2_5(
        allowed(),
        &[Action::RunBlock, ended(Status::Exited(0)), Action::Close],
    );
    assert!(open.state.run.is_some() && closed.state.run.is_none());
    let rows = |d: &Driven| d.state.areas().unwrap().body.height;
    assert!(rows(&closed) > rows(&open));
}

#[test]
fn events_of_an_earlier_run_are_ignored() {
    let stale = Action::Ran {
        id: 1,
        event: Event::Output(Stream::Out, b"from the first run\n".to_vec()),
    };
    let second = on_2_5(
        allowed(),
        &[Action::RunBlock, Action::RunBlock, stale.clone()],
    );
    assert_eq!(second.state.run.as_ref().map(|r| r.id), Some(2));
    assert!(!text(&second.screen).contains("from the first run"));
    // Closing the pane does not reuse the id.
    let reopened = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            ended(Status::Stopped),
            Action::Close,
            Action::RunBlock,
            stale,
        ],
    );
    assert_eq!(reopened.state.run.as_ref().map(|r| r.id), Some(2));
    assert!(!text(&reopened.screen).contains("from the first run"));
    // Nor is output taken after the end, from a process that left the group.
    let late = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            ended(Status::Exited(0)),
            out(b"too late\n"),
        ],
    );
    assert!(!text(&late.screen).contains("too late"));
}

#[test]
fn tab_goes_round_contents_lesson_and_code_blocks() {
    // 2.5: a diagram, then one Python block.
    let d = on_2_5(allowed(), &[Action::FocusNext]);
    assert_eq!((d.state.focus, d.state.block), (Focus::Lesson, Some(0)));
    assert!(
        text(&d.screen).contains("▌╭─ python"),
        "the block shows its focus"
    );
    let d = on_2_5(allowed(), &[Action::FocusNext, Action::FocusNext]);
    assert_eq!((d.state.focus, d.state.block), (Focus::Sidebar, None));
    let d = on_2_5(allowed(), &[Action::FocusPrevious]);
    assert_eq!((d.state.focus, d.state.block), (Focus::Sidebar, None));
    let d = on_2_5(allowed(), &[Action::FocusNext, Action::FocusPrevious]);
    assert_eq!((d.state.focus, d.state.block), (Focus::Lesson, None));
    let d = on_2_5(allowed(), &[Action::NextBlock, Action::NextBlock]);
    assert_eq!(d.state.block, Some(0));
    assert_eq!(
        d.state.message.as_deref(),
        Some("this is the page's last code block")
    );
}

#[test]
fn what_cannot_run_says_why() {
    // 2.1 has a diagram and no code.
    let d = drive_python(120, 40, allowed(), &[Action::Section(2), Action::RunBlock]);
    assert_eq!(d.page, "2.1");
    assert_eq!(
        d.state.message.as_deref(),
        Some("this page has no Python to run, only a diagram")
    );
    assert!(run_effects(&d.effects).is_empty());
    let none = common::drive_on(
        pyguide::render::ColorMode::Ansi256,
        120,
        40,
        allowed(),
        &[Action::Section(1), Action::NextPage, Action::RunBlock],
    );
    assert_eq!(none.page, "1.2");
    assert!(run_effects(&none.effects).is_empty());
    let message = none.state.message.unwrap_or_default();
    assert!(message.contains("no Python was looked for"), "{message}");
}

#[test]
fn the_wheel_scrolls_the_output_by_rows_even_within_one_long_line() {
    let long = format!("START{}END\n", "x".repeat(3000));
    let wheel = |lines| Action::Wheel {
        x: 60,
        y: 30,
        lines,
    };
    let following = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            out(long.as_bytes()),
            ended(Status::Exited(0)),
        ],
    );
    let screen = text(&following.screen);
    assert!(
        screen.contains("END") && !screen.contains("START"),
        "{screen}"
    );
    let top = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            out(long.as_bytes()),
            ended(Status::Exited(0)),
            wheel(-100),
        ],
    );
    let screen = text(&top.screen);
    assert!(
        screen.contains("│ STARTxxx") && !screen.contains("END"),
        "{screen}"
    );
    // Back down to the end, it follows again.
    let back = on_2_5(
        allowed(),
        &[
            Action::RunBlock,
            out(long.as_bytes()),
            wheel(-100),
            wheel(100),
        ],
    );
    assert_eq!(back.state.run.as_ref().and_then(|r| r.scroll), None);
}
