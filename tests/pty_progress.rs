//! Progress through the real binary in a real pseudo-terminal: a tick made in the tutor is
//! on disk for the command line, and the tutor reopens where it was left.

use std::process::Command;
use std::time::{Duration, Instant};

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
    tty.wait_for_text("[x]  1  Python syntax");
    // Said in the status bar for as long as it is true.
    tty.wait_for_text(" not saved ");
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

fn path_json(store: &std::path::Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .arg("--progress")
        .arg(store)
        .args(["path", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn done_numbers(path: &serde_json::Value) -> Vec<u64> {
    let phases = path["phases"].as_array().unwrap().iter();
    let items = phases.flat_map(|p| p["items"].as_array().unwrap().iter());
    let done = items.filter(|i| i["done"] == true);
    done.map(|i| i["n"].as_u64().unwrap()).collect()
}

/// The store's lock file, as `pyguide progress where` names it on its second line.
fn lock_file(store: &std::path::Path) -> std::path::PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .arg("--progress")
        .arg(store)
        .args(["progress", "where"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], store.to_str().unwrap());
    std::path::PathBuf::from(lines[1])
}

#[test]
fn ticks_from_the_command_line_show_on_the_contents_learning_path_and_ticks_there_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");
    let check = Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .arg("--progress")
        .arg(&store)
        .args(["check", "1", "2", "10"])
        .output()
        .unwrap();
    assert!(check.status.success());
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    // Home, sections 1-8, then Learning Path: the contents' own entry.
    tty.keys(&"j".repeat(9));
    tty.keys("\r");
    tty.wait_for_text("3/16 done");
    for ticked in ["[x]  1  Python", "[x]  2  Functions", "[x] 10  Memory"] {
        tty.wait_for_text(ticked);
    }
    assert!(
        !tty.text().contains("[ ] Python syntax"),
        "no second checklist"
    );
    // Item 4, ticked there.
    tty.keys("jjj ");
    tty.wait_for_text("[x]  4  Basic NumPy");
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    assert_eq!(done_numbers(&path_json(&store)), [1, 2, 4, 10]);
}

#[test]
fn a_lesson_read_for_long_enough_is_saved_as_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");
    let mut tty = Tty::with_store(120, 40, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    // 1.1 fits the screen: its end shows at once; 2 s of reading mark it, with no key.
    tty.keys("1");
    tty.wait_for_text("1.1 Data Types");
    assert!(!tty.text().contains("1.1 read ✓"), "not at once");
    tty.wait_for_text("1.1 read ✓");
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    assert_eq!(saved["pages"]["1.1"]["read"], true, "{saved}");
}

/// Holds the store's lock as another pyguide saving would, until dropped.
fn hold_lock(store: &std::path::Path) -> std::fs::File {
    let lock = lock_file(store);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .unwrap();
    file.lock().unwrap();
    file
}

/// How long the screen takes to show `text` after `keys`.
fn answer_time(tty: &mut Tty, keys: &str, text: &str) -> Duration {
    let start = Instant::now();
    tty.keys(keys);
    tty.wait_for_text(text);
    start.elapsed()
}

#[test]
fn keys_answer_at_once_while_another_copy_holds_the_store_and_changes_land_after() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");
    let held = hold_lock(&store);
    let locked_at = Instant::now();
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    let mut times = vec![answer_time(&mut tty, "p", "0/16 done")];
    times.push(answer_time(&mut tty, " ", "[x]  1  Python"));
    times.push(answer_time(&mut tty, "j", "item 2/16"));
    times.push(answer_time(&mut tty, " ", "[x]  2  Functions"));
    times.push(answer_time(&mut tty, "j", "item 3/16"));
    times.sort();
    assert!(
        times[times.len() / 2] < Duration::from_millis(50),
        "the median key took {:?} (all: {times:?})",
        times[times.len() / 2]
    );
    assert!(
        times.iter().all(|t| *t < Duration::from_secs(1)),
        "{times:?}"
    );
    assert!(
        locked_at.elapsed() < Duration::from_secs(5),
        "the lock was held throughout"
    );
    std::thread::sleep(Duration::from_secs(5).saturating_sub(locked_at.elapsed()));
    assert!(!store.exists(), "nothing written while the lock was held");
    drop(held);
    // Once the lock is free, every change is saved, in order.
    let start = Instant::now();
    while done_numbers(&path_json(&store)) != [1, 2] {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the ticks never landed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    tty.keys("q");
    assert_eq!(tty.exit_code(), 0);
}

#[test]
fn quitting_while_the_store_stays_locked_waits_two_seconds_and_says_what_was_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");
    let _held = hold_lock(&store);
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    tty.keys("p ");
    tty.wait_for_text("[x]  1  Python");
    let start = Instant::now();
    tty.keys("q");
    assert_eq!(tty.exit_code(), 1);
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_secs(2) && waited < Duration::from_secs(4),
        "{waited:?}"
    );
    tty.assert_restored();
    let told = tty.text();
    assert!(
        told.contains("progress not saved (") && told.contains("tick beginner/python"),
        "{told}"
    );
    assert!(told.contains("still busy after 2 s"), "{told}");
}

#[test]
fn a_signal_saves_the_place_as_quitting_does() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for("the tutor", on_screen);
    tty.keys("2]]]");
    tty.wait_for_text("2.4 Global Interpreter Lock (GIL)");
    tty.keys("jjjjj");
    tty.wait_for_text("line 6/");
    tty.signal("HUP");
    assert_eq!(tty.exit_code(), 129);
    tty.assert_restored();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    assert_eq!(saved["last"]["page"], "2.4", "{saved}");
    assert!(saved["last"]["line"].as_u64().unwrap() > 301, "{saved}");
}

#[test]
fn a_store_from_a_newer_pyguide_is_shown_and_quitting_says_what_was_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");
    let newer = r#"{"version": 99, "items": {"beginner/python-syntax-data-types": {"done": true, "at": "x"}}}"#;
    std::fs::write(&store, newer).unwrap();
    let mut tty = Tty::with_store(100, 30, &store, &[]);
    tty.wait_for_text("newer pyguide (version 99)");
    tty.keys("p");
    tty.wait_for_text("[x]  1  Python");
    tty.keys("j ");
    tty.wait_for_text("[x]  2  Functions");
    tty.wait_for_text("not saved");
    tty.keys("q");
    // Told when it opened: no failure, but the line says what was not kept.
    assert_eq!(tty.exit_code(), 0);
    let told = tty.text();
    assert!(
        told.contains("progress not saved (tick beginner/functions"),
        "{told}"
    );
    assert_eq!(
        std::fs::read_to_string(&store).unwrap(),
        newer,
        "never written"
    );
}
