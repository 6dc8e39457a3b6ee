use super::*;
use crate::guide::GuideLine;
use crate::progress::{Change, Last};
use proptest::prelude::*;

fn store_in(dir: &tempfile::TempDir) -> Store {
    Store::new(dir.path().join("progress.json"))
}

fn tick(id: &str) -> Change {
    Change::Tick {
        id: id.into(),
        done: true,
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_missing_store_is_empty_progress_and_the_first_change_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("deep/er/progress.json"));
    assert_eq!(store.open().unwrap().progress, Progress::default());
    let (saved, notes) = store.apply(&tick("a")).unwrap();
    assert!(saved.done("a") && notes.is_empty());
    assert!(store.open().unwrap().progress.done("a"));
}

#[test]
fn each_change_lands_on_what_is_on_disk_now() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (store_in(&dir), store_in(&dir));
    one.apply(&tick("a")).unwrap();
    two.apply(&tick("b")).unwrap();
    let both = one.open().unwrap().progress;
    assert!(both.done("a") && both.done("b"));
}

#[test]
fn damaged_stores_are_moved_aside_with_their_bytes_and_the_user_is_told() {
    let damaged: [&[u8]; 6] = [
        b"",
        b"   \n",
        b"not json at all",
        b"{\"version\": 1, \"items\": {\"a\": {\"done\": tr",
        b"[1, 2, 3]",
        b"{\"version\": 1, \"items\": 7}",
    ];
    for bytes in damaged {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(store.path(), bytes).unwrap();
        let opened = store.open().unwrap();
        assert_eq!(opened.progress, Progress::default());
        assert_eq!(
            opened.notes.len(),
            1,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
        let aside: Vec<String> = names(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("progress.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(opened.notes[0].contains(&aside[0]), "{}", opened.notes[0]);
        assert_eq!(fs::read(dir.path().join(&aside[0])).unwrap(), bytes);
        // And the next change starts afresh without touching the copy.
        store.apply(&tick("a")).unwrap();
        assert_eq!(fs::read(dir.path().join(&aside[0])).unwrap(), bytes);
    }
}

#[test]
fn a_newer_store_is_read_but_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    let newer = br#"{"version": 7, "items": {"a": {"done": true, "at": "2030-01-01T00:00:00Z"}},
                    "pages": "a shape from the future", "last": {"page": "2.4", "line": 3}}"#;
    fs::write(store.path(), newer).unwrap();
    let opened = store.open().unwrap();
    assert_eq!(opened.read_only, Some(7));
    assert!(opened.progress.done("a"));
    assert_eq!(
        opened.progress.last,
        Some(Last {
            page: "2.4".into(),
            line: GuideLine(3)
        })
    );
    let error = store.apply(&tick("b")).unwrap_err().to_string();
    assert!(error.contains("newer pyguide (version 7)"), "{error}");
    assert_eq!(fs::read(store.path()).unwrap(), newer);
}

#[test]
fn stray_temporary_files_are_cleaned_up_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    store.apply(&tick("a")).unwrap();
    fs::write(dir.path().join("progress.json.tmp-99999"), b"{\"vers").unwrap();
    fs::write(dir.path().join("unrelated.txt"), b"keep me").unwrap();
    assert!(store.open().unwrap().progress.done("a"));
    assert_eq!(
        names(dir.path()),
        ["progress.json", "progress.json.lock", "unrelated.txt"]
    );
}

#[test]
fn an_impossible_path_fails_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, b"x").unwrap();
    let store = Store::new(file.join("progress.json"));
    assert_eq!(store.open().unwrap().progress, Progress::default());
    let error = store.apply(&tick("a")).unwrap_err().to_string();
    assert!(error.starts_with("cannot create the directory"), "{error}");
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

fn progress() -> impl Strategy<Value = Progress> {
    let id = "[a-z/ -]{1,12}";
    let items = prop::collection::btree_map(id, (any::<bool>(), "[0-9TZ:-]{0,20}"), 0..6);
    let lessons = prop::collection::btree_map("[0-9]\\.[0-9]", (any::<bool>(), any::<u32>()), 0..6);
    (
        items,
        lessons,
        prop::option::of(("[0-9]\\.[0-9]", any::<u32>())),
    )
        .prop_map(|(items, lessons, last)| Progress {
            version: VERSION,
            items: items
                .into_iter()
                .map(|(k, (done, at))| (k, crate::progress::ItemMark { done, at }))
                .collect(),
            pages: lessons
                .into_iter()
                .map(|(k, (read, line))| {
                    let mark = crate::progress::PageMark {
                        read,
                        line: GuideLine(line),
                        visited: None,
                    };
                    (k, mark)
                })
                .collect(),
            last: last.map(|(page, line)| Last {
                page,
                line: GuideLine(line),
            }),
            run_with: Vec::new(),
        })
}

proptest! {
    #[test]
    fn what_is_saved_is_what_is_loaded(p in progress()) {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        store.apply(&Change::Import(p.clone())).unwrap();
        let mut expected = Progress::default();
        expected.apply(&Change::Import(p), "");
        prop_assert_eq!(store.open().unwrap().progress, expected);
    }

    #[test]
    fn any_bytes_load_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(store.path(), &bytes).unwrap();
        let opened = store.open().unwrap();
        if !opened.notes.is_empty() {
            prop_assert_eq!(opened.progress, Progress::default());
        }
    }
}

#[test]
fn a_burst_of_changes_is_one_write_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(&dir);
    let untick = Change::Tick {
        id: "a".into(),
        done: false,
    };
    let (saved, _) = store.apply_all(&[tick("a"), tick("b"), untick]).unwrap();
    assert!(!saved.done("a") && saved.done("b"), "applied in order");
    assert_eq!(store.open().unwrap().progress, saved);
    assert_eq!(names(dir.path()), ["progress.json", "progress.json.lock"]);
}

#[test]
fn damage_is_named_for_what_it_is() {
    let why = |text: &str| parse(text.as_bytes()).unwrap_err().to_string();
    assert_eq!(why("  \n"), "it is empty");
    assert!(why("{\"version\": 2, ").starts_with("not JSON"));
    assert_eq!(why("[1, 2]"), "no version number");
    assert_eq!(why("\"progress\""), "no version number");
    assert_eq!(why("{\"items\": {}}"), "no version number");
    assert_eq!(
        why("{\"version\": 0}"),
        "version 0 is not one pyguide ever wrote"
    );
    assert!(why("{\"version\": 2, \"items\": 5}").starts_with("unexpected shape"));
    assert!(why("{\"version\": 1, \"lessons\": []}").starts_with("unexpected shape"));
}
