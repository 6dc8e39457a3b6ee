//! Every page by its id from the command line: `list --json` names them, `show` opens each,
//! every id `search --json` returns opens with `show`, and the learning path shows the
//! reader's ticks wherever it is printed.

mod common;

use std::collections::BTreeSet;

use common::cli::{fails, pyguide, pyguide_env, stderr, stdout};

fn page_ids() -> Vec<String> {
    let out = pyguide(&["list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pages = json["pages"].as_array().unwrap();
    pages
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn list_json_names_every_page_in_reading_order() {
    let ids = page_ids();
    assert_eq!(ids.len(), 36);
    assert_eq!(ids[..3], ["home", "1.1", "1.2"]);
    assert_eq!(ids[ids.len() - 2..], ["learning-path", "resources"]);
    let out = pyguide(&["list", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let path = &json["pages"][34];
    assert_eq!(path["kind"], "part");
    assert_eq!(path["title"], "Learning Path");
    assert_eq!(path["line"], 1009);
}

#[test]
fn show_opens_every_page_by_its_id() {
    for id in page_ids() {
        let out = pyguide(&["show", &id, "--width", "80"]);
        assert!(out.status.success(), "show {id}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty(), "show {id}");
    }
    let resources = stdout(&pyguide(&["show", "resources"]));
    assert!(resources.starts_with("🔗 Resources"), "{resources}");
    assert!(resources.contains("Hugging Face Course"));
    let home = stdout(&pyguide(&["show", "HOME"]));
    assert!(home.contains("A comprehensive guide covering"), "{home}");
}

#[test]
fn every_id_search_returns_opens_with_show() {
    let mut ids = BTreeSet::new();
    let queries = [
        "gil",
        "exception handling",
        "memory management",
        "ecosystem",
        "huggingface",
        "aspiring architects",
        "asyncio",
        "decorators",
        "weeks",
        "pytorch",
        "agent",
        "best practices",
        "resources",
        "learning path",
        "a",
    ];
    for query in queries {
        let out = pyguide(&["search", query, "--json", "--limit", "50"]);
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for hit in hits.as_array().unwrap() {
            ids.insert(hit["lesson"].as_str().unwrap().to_owned());
        }
    }
    assert!(ids.contains("learning-path") && ids.contains("home") && ids.contains("6"));
    for id in ids {
        let out = pyguide(&["show", &id, "--width", "60"]);
        assert!(
            out.status.success(),
            "search gave '{id}', show refused it: {}",
            stderr(&out)
        );
    }
}

#[test]
fn the_learning_path_prints_the_readers_ticks() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("p.json");
    let store = store.to_str().unwrap();
    let env = [("PYGUIDE_PROGRESS", store)];
    assert!(
        pyguide_env(&["check", "1", "2", "10"], &env)
            .status
            .success()
    );
    let path = stdout(&pyguide_env(&["show", "learning-path"], &env));
    for ticked in [
        "[x] Python syntax",
        "[x] Functions, classes",
        "[x] Memory management",
    ] {
        assert!(path.contains(ticked), "{ticked}\n{path}");
    }
    assert!(path.contains("[ ] File I/O"), "{path}");
    let all = stdout(&pyguide_env(&["show", "all"], &env));
    assert!(all.contains("[x] Memory management") && all.contains("[ ] Multi-agent"));
    // A guide with no progress shows the guide's own boxes.
    let fresh = dir.path().join("none.json");
    let env = [("PYGUIDE_PROGRESS", fresh.to_str().unwrap())];
    let path = stdout(&pyguide_env(&["show", "learning-path"], &env));
    assert!(!path.contains("[x]"), "{path}");
    assert!(!fresh.exists(), "showing writes nothing");
}

#[test]
fn an_unknown_page_names_the_pages_there_are() {
    let err = fails(&pyguide(&["show", "notes"]), 2);
    assert_eq!(
        err,
        "pyguide: 'notes' is not a page id: use N.M (like 2.4), a section number (like 2), \
         'all', or one of home, learning-path, resources"
    );
}
