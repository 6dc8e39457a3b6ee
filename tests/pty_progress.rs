//! Progress through the real binary in a real pseudo-terminal: a tick made in the tutor is
//! on disk for the command line, and the tutor reopens where it was left.

use std::process::Command;

mod common;

use common::tty::Tty;

fn on_screen(s: &vt100::Screen) -> bool {
    s.alternate_screen() && s.contents().contains("Contents")
}

#[test]
fn a_tick_in_the_tutor_is_saved_and_the_tutor_reopens_where_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");

    // p, Space, q: item 1 ticked.
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    tty.keys("p");
    tty.wait_for_text("0/16 done");
    tty.wait_for_text("[ ]  1  Python syntax");
    tty.keys(" ");
    tty.wait_for_text("[x]  1  Python syntax");
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    tty.assert_restored();

    let out = Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .args(["--progress"])
        .arg(&store)
        .args(["path", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let path: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(path["phases"][0]["items"][0]["done"], true, "{path}");
    assert_eq!(path["done"], 1);

    // Open 2.4, quit, start again: 2.4 is on screen.
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    tty.keys("2");
    tty.wait_for_text("2.1 CPython Architecture Overview");
    tty.keys("]]]");
    tty.wait_for_text("2.4 Global Interpreter Lock (GIL)");
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);

    let tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("2.4 on screen again", |s| {
        on_screen(s)
            && s.contents()
                .lines()
                .last()
                .is_some_and(|l| l.contains("2.4"))
    });
}

#[test]
fn an_unwritable_store_leaves_the_tutor_working_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    // A store under a file cannot be written.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").unwrap();
    let store = blocker.join("progress.json");
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    tty.keys("p ");
    tty.wait_for_text("progress not saved:");
    tty.wait_for_text("[x]  1  Python syntax");
    tty.keys("j ");
    tty.wait_for_text("[x]  2  Functions");
    assert!(!tty.text().contains("progress not saved"), "told once");
    // Quitting says what was lost, on the shell's screen, and fails.
    tty.keys("q");
    assert_eq!(tty.exit_code(), 1);
    tty.assert_restored();
    let told = tty.text();
    assert!(
        told.contains("pyguide: progress not saved (") && told.contains("tick beginner/python"),
        "{told}"
    );
}
