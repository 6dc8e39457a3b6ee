//! Progress through the real binary: the path, ticks by number, id and text, the store's
//! files, and its safety with two copies at once and with writers killed mid-write.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn pyguide(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .arg("--progress")
        .arg(store)
        .args(args)
        .env_remove("PYGUIDE_PROGRESS")
        .output()
        .expect("pyguide runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path_json(store: &Path) -> serde_json::Value {
    let out = pyguide(store, &["path", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn done(doc: &serde_json::Value) -> Vec<u64> {
    doc["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap().iter())
        .filter(|i| i["done"] == true)
        .map(|i| i["n"].as_u64().unwrap())
        .collect()
}

fn store_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("progress.json")
}

#[test]
fn the_path_lists_sixteen_items_in_four_phases() {
    let dir = tempfile::tempdir().unwrap();
    let doc = path_json(&store_in(&dir));
    assert_eq!(
        (doc["done"].as_u64(), doc["total"].as_u64()),
        (Some(0), Some(16))
    );
    let phases: Vec<&str> = doc["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        phases,
        ["Beginner", "Intermediate", "Advanced", "Architect"]
    );
    assert_eq!(doc["phases"][0]["weeks"], "1-4");
    let text = stdout(&pyguide(&store_in(&dir), &["path"]));
    assert!(text.starts_with("Learning Path: 0/16 done"), "{text}");
    assert!(
        text.contains("[ ]  1  Python syntax & data types"),
        "{text}"
    );
}

#[test]
fn items_are_ticked_by_number_id_or_text_and_bad_names_fail() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    let id = path_json(&store)["phases"][1]["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = pyguide(&store, &["check", "1", &id, "memory management"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("[x] 10  Memory management"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).ends_with("3/16 done\n"));
    assert_eq!(done(&path_json(&store)), [1, 5, 10]);
    let out = pyguide(&store, &["uncheck", "5"]);
    assert!(stdout(&out).contains("[ ]  5"));
    assert_eq!(done(&path_json(&store)), [1, 10]);
    for (bad, says) in [
        ("99", "there is no item 99"),
        ("quantum knitting", "no learning-path item matches"),
        ("a", "give its number"),
    ] {
        let out = pyguide(&store, &["check", "2", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(stderr(&out).contains(says), "{bad}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
    }
    // A bad name among good ones changes nothing.
    assert_eq!(done(&path_json(&store)), [1, 10]);
}

#[test]
fn export_import_where_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    pyguide(&store, &["check", "3", "4"]);
    let md = stdout(&pyguide(&store, &["progress", "export", "--format", "md"]));
    assert!(md.contains("- [x] File I/O & exception handling"), "{md}");
    assert!(md.contains("- [ ] Python syntax & data types"));
    let json = pyguide(&store, &["progress", "export"]);
    let saved = dir.path().join("saved.json");
    std::fs::write(&saved, &json.stdout).unwrap();
    let other = dir.path().join("other.json");
    pyguide(&other, &["check", "3"]);
    pyguide(&other, &["uncheck", "3"]);
    pyguide(&other, &["check", "16"]);
    let out = pyguide(&other, &["progress", "import", saved.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(done(&path_json(&other)), [3, 4, 16]);
    let out = pyguide(&store, &["progress", "where"]);
    let lock = format!("{}.lock", store.display());
    assert_eq!(stdout(&out), format!("{}\n{lock}\n", store.display()));
    let out = pyguide(&store, &["progress", "reset"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(done(&path_json(&store)), [3, 4]);
    assert!(
        pyguide(&store, &["progress", "reset", "--yes"])
            .status
            .success()
    );
    assert!(done(&path_json(&store)).is_empty());
    let out = pyguide(&store, &["progress", "import", "/nonexistent.json"]);
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(&saved, b"{nope").unwrap();
    let out = pyguide(&store, &["progress", "import", saved.to_str().unwrap()]);
    assert!(stderr(&out).contains("cannot import"), "{}", stderr(&out));
}

#[test]
fn a_damaged_store_is_kept_aside_and_the_user_told() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    std::fs::write(&store, b"{\"version\": 1, \"items\": {").unwrap();
    let out = pyguide(&store, &["check", "2"]);
    assert!(out.status.success());
    let note = stderr(&out);
    assert!(
        note.contains("damaged") && note.contains("progress.json.corrupt-"),
        "{note}"
    );
    assert_eq!(note.lines().count(), 1);
    assert_eq!(done(&path_json(&store)), [2]);
}

#[test]
fn an_unwritable_store_fails_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let out = pyguide(&blocker.join("progress.json"), &["check", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("pyguide: progress not saved: cannot create"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn two_copies_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    // Each copy imports 100 ticks of its own, one process each, at the same time.
    let copy = |name: &'static str| {
        let (dir, store) = (dir.path().to_owned(), store.clone());
        std::thread::spawn(move || {
            for k in 0..100 {
                let file = dir.join(format!("{name}-{k}.json"));
                let doc = format!(
                    r#"{{"version": 1, "items": {{"{name}/{k}": {{"done": true, "at": "x"}}}}}}"#
                );
                std::fs::write(&file, doc).unwrap();
                let out = pyguide(&store, &["progress", "import", file.to_str().unwrap()]);
                assert!(out.status.success(), "{}", stderr(&out));
            }
        })
    };
    let (a, b) = (copy("a"), copy("b"));
    a.join().unwrap();
    b.join().unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    assert_eq!(saved["items"].as_object().unwrap().len(), 200);
}

/// xorshift64: kill delays that vary but repeat from run to run, without a crate.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// The store's size and time: any write to it, in place or by rename, changes one.
fn stamp(store: &Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(store).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

#[test]
fn writers_killed_at_any_moment_leave_a_store_that_loads() {
    const SEEDED: usize = 13_000;
    const ROUNDS: u64 = 80;
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    // About 1 MB of ticks for items the guide lacks (they are kept), so that a write takes
    // long enough for a kill to land inside it.
    let items: Vec<String> = (0..SEEDED)
        .map(|k| format!(r#""gone/{k:05}": {{"done": true, "at": "2026-11-24T00:00:00Z"}}"#))
        .collect();
    let seed = dir.path().join("seed.json");
    let doc = format!(r#"{{"version": 1, "items": {{{}}}}}"#, items.join(","));
    std::fs::write(&seed, doc).unwrap();
    let out = pyguide(&store, &["progress", "import", seed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&store).unwrap();
    assert!(bytes.len() > 1_000_000, "{} bytes", bytes.len());
    // Kills are spread over twice the time writing and syncing that many bytes takes here
    // (the write, then the store's replacing), timed as the fastest of three so that one
    // slow sync does not spread them past the write.
    let write = (0..3)
        .map(|_| {
            let start = Instant::now();
            let mut scratch = File::create(dir.path().join("scratch")).unwrap();
            scratch.write_all(&bytes).unwrap();
            scratch.sync_all().unwrap();
            start.elapsed().as_micros() as u64
        })
        .min()
        .unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut mid_write, mut replaced) = (0, 0);
    for round in 0..ROUNDS {
        let before = stamp(&store);
        let mut child = Command::new(env!("CARGO_BIN_EXE_pyguide"))
            .arg("--progress")
            .arg(&store)
            .args([["check", "uncheck"][round as usize % 2], "1"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let temp = dir.path().join(format!("progress.json.tmp-{}", child.id()));
        // Reading and parsing the store takes most of a run: wait until the writer touches
        // the disk, so the kill lands in the write rather than before it.
        while !temp.exists() && stamp(&store) == before && child.try_wait().unwrap().is_none() {
            std::thread::yield_now();
        }
        std::thread::sleep(Duration::from_micros(rng.below(2 * write)));
        let _ = child.kill();
        let _ = child.wait();
        mid_write += u64::from(temp.exists());
        replaced += u64::from(stamp(&store) != before);
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).unwrap())
            .unwrap_or_else(|e| panic!("round {round}: a torn store: {e}"));
        let kept = doc["items"].as_object().map_or(0, |items| {
            items.keys().filter(|k| k.starts_with("gone/")).count()
        });
        assert_eq!(kept, SEEDED, "round {round}: ticks were lost");
    }
    eprintln!(
        "write {write} µs; of {ROUNDS} kills, {mid_write} left a temporary file and \
         {replaced} came after the store was replaced"
    );
    // Kills that all miss the write (the writer's temporary file) would prove nothing.
    assert!(
        mid_write >= ROUNDS / 10,
        "only {mid_write} of {ROUNDS} kills landed mid-write"
    );
    let out = pyguide(&store, &["path", "--json"]);
    assert!(
        out.status.success() && stderr(&out).is_empty(),
        "{}",
        stderr(&out)
    );
    let strays: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
}

/// A bare file name is a store in the current directory, for reading as for writing.
#[test]
fn a_store_named_without_a_directory_is_in_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pyguide"))
            .current_dir(dir.path())
            .args(["--progress", "p.json"])
            .args(args)
            .env_remove("PYGUIDE_PROGRESS")
            .output()
            .expect("pyguide runs")
    };
    assert!(run(&["check", "1"]).status.success());
    assert!(dir.path().join("p.json").is_file());
    let out = run(&["path", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done(&doc), [1]);
}

/// A store written by pyguide 0.1 before pages had ids (version 1: `lessons`, `scroll`),
/// as that binary wrote it after `check 1 5 10`, `uncheck 5` and a tutor session.
const VERSION_1: &str = "tests/data/progress-v1.json";

#[test]
fn a_version_1_store_is_read_and_written_forward_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("progress.json");
    std::fs::copy(VERSION_1, &store).unwrap();
    assert_eq!(done(&path_json(&store)), [1, 10]);
    // Export shows it as this version reads it, without writing it.
    let exported: serde_json::Value =
        serde_json::from_slice(&pyguide(&store, &["progress", "export"]).stdout).unwrap();
    assert_eq!(exported["version"], 2);
    assert_eq!(exported["pages"]["2.4"]["line"], 304);
    assert_eq!(exported["pages"]["2.4"]["read"], true);
    assert_eq!(exported["last"]["page"], "2.4");
    let untouched = std::fs::read_to_string(&store).unwrap();
    assert_eq!(untouched, std::fs::read_to_string(VERSION_1).unwrap());
    // The first change writes version 2, keeping everything version 1 held.
    assert!(pyguide(&store, &["check", "2"]).status.success());
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    assert_eq!(written["version"], 2);
    assert!(written.get("lessons").is_none(), "{written}");
    for page in ["1.1", "2.1", "2.2", "2.3", "2.4"] {
        assert_eq!(written["pages"][page]["read"], true, "{page}");
    }
    assert_eq!(written["pages"]["2.4"]["line"], 304);
    assert_eq!(
        written["last"],
        serde_json::json!({"page": "2.4", "line": 304})
    );
    assert_eq!(
        written["items"]["intermediate/decorators-context-managers"]["done"],
        false
    );
    assert_eq!(done(&path_json(&store)), [1, 2, 10]);
}
