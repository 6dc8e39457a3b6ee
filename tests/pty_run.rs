//! Running code in the real tutor, in a real pseudo-terminal: x, the question, the output
//! under the lesson; and a program still running when the tutor quits is killed with
//! everything it started.

mod common;

use common::python::{assert_group_gone, guide_with, python3};
use common::tty::Tty;

fn python_arg() -> String {
    python3().to_string_lossy().into_owned()
}

#[test]
fn open_2_5_press_x_confirm_and_see_the_four_lines() {
    let python = python_arg();
    let mut tty = Tty::start(120, 40, &["--python", &python]);
    tty.wait_for_text("▸ 8 Best Practices");
    tty.keys("2]]]]");
    tty.wait_for_text("2.5 Name Resolution - LEGB Rule");
    tty.keys("x");
    tty.wait_for_text("[y/N]");
    tty.keys("y");
    tty.wait_for_text("exit 0");
    let screen = tty.text();
    for line in ["local", "enclosing", "global", "<built-in function len>"] {
        let row = format!("│ {line} ");
        assert!(screen.contains(&row), "no output line {line:?}:\n{screen}");
    }
    // Asked once: the next x runs at once.
    tty.keys("\u{1b}x");
    tty.wait_for_text("x runs again");
    assert!(!tty.text().contains("[y/N]"));
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
}

#[test]
fn quitting_while_a_program_runs_kills_it_and_all_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let code = format!(
        "import os, subprocess, sys, time\n\
         subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(1000)'])\n\
         open({:?}, 'w').write(str(os.getpgid(0)))\n\
         print('run' + 'ning!', flush=True)\n\
         while True:\n    time.sleep(0.05)",
        pidfile.to_string_lossy()
    );
    let guide = guide_with(dir.path(), &code);
    let guide = guide.to_string_lossy().into_owned();
    let python = python_arg();
    let mut tty = Tty::start(100, 30, &["--guide", &guide, "--python", &python]);
    tty.wait_for_text("Contents");
    tty.keys("1");
    tty.wait_for_text("1.1 The block");
    tty.keys("xy");
    // The code on screen says 'run' + 'ning!': only the output says it whole.
    tty.wait_for_text("running!");
    // Esc stops it and the tutor stays.
    tty.keys("\u{1b}");
    tty.wait_for_text("stopped");
    assert_group_gone(&pidfile);
    // Run again and quit while it runs.
    std::fs::remove_file(&pidfile).unwrap();
    tty.keys("x");
    tty.wait_for("the second run's output", |s| {
        s.contents().contains("running!") && !s.contents().contains("stopped")
    });
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();
    assert_group_gone(&pidfile);
}
