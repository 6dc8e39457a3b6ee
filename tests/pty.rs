//! The real binary in a real pseudo-terminal: keys in, screen out, and the terminal put
//! back afterwards however the tutor ends.

mod common;

use common::tty::Tty;

fn on_alternate_screen(s: &vt100::Screen) -> bool {
    s.alternate_screen() && s.contents().contains("Contents")
}

#[test]
fn browse_to_the_gil_resize_and_quit() {
    let mut tty = Tty::start(120, 40, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.wait_for_text("▸ 8 Best Practices");
    tty.keys("2");
    tty.wait_for_text("2.1 CPython Architecture Overview");
    tty.keys("]]]");
    tty.wait_for_text("GIL (Mutex)");
    let screen = tty.text();
    assert!(screen.contains('┐'), "{screen}");
    assert!(
        screen.contains("2 Python Internals & Architecture › 2.4 Global Interpreter Lock (GIL)")
    );

    tty.resize(30, 8);
    tty.wait_for_text("terminal too small");
    tty.resize(120, 40);
    tty.wait_for_text("GIL (Mutex)");

    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn search_with_a_typo_open_the_match_step_on_and_come_back() {
    let mut tty = Tty::start(120, 40, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("/");
    tty.wait_for_text("Type a word");
    // The cursor shows where typing goes.
    tty.wait_for("the cursor in the box", |s| !s.hide_cursor());
    tty.keys("tracemaloc");
    tty.wait_for_text("3.4  Memory Profiling");
    tty.keys("\r");
    tty.wait_for("the lesson at its first match", |s| {
        let status = s.contents_between(39, 0, 39, 120);
        status.contains("3.4") && status.contains("match ")
    });
    tty.wait_for("the cursor hidden again", |s| s.hide_cursor());
    tty.keys("n");
    tty.wait_for_text("match 2 of");
    tty.keys("/");
    tty.wait_for_text("/ tracemaloc");
    tty.keys("\u{1b}");
    tty.wait_for("the box closed", |s| !s.contents().contains("/ tracemaloc"));
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (name, number) in [("TERM", 15), ("HUP", 1)] {
        let mut tty = Tty::start(100, 30, &[]);
        tty.wait_for("the sidebar", on_alternate_screen);
        tty.signal(name);
        assert_eq!(tty.exit_code(), 128 + number, "SIG{name}");
        tty.assert_restored();
    }
}

#[test]
fn a_resize_storm_ends_on_a_correct_frame() {
    let mut tty = Tty::start(120, 40, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("4]]]");
    tty.wait_for_text("4.4 Concurrency Comparison");
    for i in 0..300u16 {
        tty.resize(40 + (i * 7) % 120, 5 + (i * 3) % 50);
    }
    tty.resize(100, 30);
    tty.wait_for("the final frame at 100×30", |s| {
        let status = s.contents_between(29, 0, 29, 100);
        s.cell(0, 99).is_some_and(|c| c.contents() == "╮")
            && s.cell(28, 99).is_some_and(|c| c.contents() == "╯")
            && status.contains("4.4")
            && !s.contents().contains("too small")
    });
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn ctrl_c_quits_from_the_help_overlay() {
    let mut tty = Tty::start(80, 24, &[]);
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("?");
    tty.wait_for_text("Esc closes");
    tty.keys("\u{3}");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_tutor_back() {
    // Job control needs a shell: run pyguide from an interactive bash, as a person would.
    let dir = tempfile::tempdir().unwrap();
    let store = dir
        .path()
        .join("progress.json")
        .to_string_lossy()
        .into_owned();
    let mut tty = Tty::spawn(100, 30, "bash", &store, &["--norc", "--noprofile", "-i"]);
    tty.wait_for_text("$ ");
    tty.keys(&format!("{}\r", env!("CARGO_BIN_EXE_pyguide")));
    tty.wait_for("the sidebar", on_alternate_screen);
    tty.keys("3");
    tty.wait_for_text("3.1 Memory Allocation Architecture");
    tty.keys("\u{1a}");
    tty.wait_for_text("Stopped");
    tty.assert_restored();
    tty.keys("fg\r");
    tty.wait_for("the tutor again", |s| {
        s.alternate_screen() && s.contents().contains("3.1 Memory Allocation Architecture")
    });
    tty.keys("q");
    tty.wait_for("the shell again", |s| !s.alternate_screen());
    tty.assert_restored();
    tty.keys("echo status=$?\r");
    tty.wait_for_text("status=0");
    tty.keys("exit\r");
    assert_eq!(tty.exit_code(), 0);
}
