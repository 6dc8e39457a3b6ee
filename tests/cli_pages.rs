//! Every page by its id from the command line: `list --json` names them, `show` opens each,
//! every id `search --json` returns opens with `show`, and the learning path shows the
//! reader's ticks wherever it is printed.

mod common;

use std::collections::BTreeSet;

use common::cli::{fails, guide_file, pyguide, pyguide_env, stderr, stdout};

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

#[test]
fn list_json_has_the_documented_shape() {
    let out = pyguide(&["list", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        json["title"],
        "Python for AI/ML/Agentic Coding - Architect's Guide"
    );
    let sections = json["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 8);
    assert_eq!(sections[0]["number"], 1);
    assert_eq!(sections[0]["title"], "Python Fundamentals");
    assert_eq!(sections[0]["lessons"][0]["id"], "1.1");
    assert_eq!(
        sections[0]["lessons"][0]["title"],
        "Data Types & Structures"
    );
    let lessons: usize = sections
        .iter()
        .map(|s| s["lessons"].as_array().unwrap().len())
        .sum();
    assert_eq!(lessons, 33);
}

#[test]
fn list_text_shows_sections_and_lessons() {
    let out = stdout(&pyguide(&["list"]));
    assert!(out.contains("2  Python Internals & Architecture"));
    assert!(out.contains("2.4  Global Interpreter Lock (GIL)"));
    assert!(!out.contains('\u{1b}'), "no escapes when piped");
}

#[test]
fn show_a_section_has_all_its_lessons() {
    let out = stdout(&pyguide(&["show", "3", "--width", "80"]));
    for title in [
        "3. Memory Management",
        "3.1 Memory Allocation",
        "3.4 Memory Profiling",
    ] {
        assert!(out.contains(title), "{title}");
    }
    assert!(!out.contains("4.1 Threading"));
}

#[test]
fn unknown_lessons_and_sections_name_the_valid_range() {
    assert_eq!(
        fails(&pyguide(&["show", "9.9"]), 1),
        "pyguide: no lesson 9.9: lessons run from 1.1 to 8.4"
    );
    assert_eq!(
        fails(&pyguide(&["show", "2.9"]), 1),
        "pyguide: no lesson 2.9: section 2 has lessons 2.1 to 2.5"
    );
    assert_eq!(
        fails(&pyguide(&["show", "12"]), 1),
        "pyguide: no section 12: the guide has sections 1 to 8"
    );
}

#[test]
fn malformed_ids_and_widths_are_usage_errors() {
    let err = fails(&pyguide(&["show", "abc"]), 2);
    assert_eq!(
        err,
        "pyguide: 'abc' is not a page id: use N.M (like 2.4), a section number (like 2), \
         'all', or one of home, learning-path, resources"
    );
    let err = fails(&pyguide(&["show", "2.4", "--width", "0"]), 2);
    assert!(
        err.contains("the width must be a number of columns from 1 to 10000"),
        "{err}"
    );
    fails(&pyguide(&["show"]), 2);
    fails(&pyguide(&["shw", "2.4"]), 2);
}

#[test]
fn any_number_is_a_well_formed_id_that_may_not_exist() {
    let err = fails(&pyguide(&["show", "4294967296"]), 1);
    assert_eq!(
        err,
        "pyguide: no section 4294967296: the guide has sections 1 to 8"
    );
    let err = fails(&pyguide(&["show", "1.99999999999999999999999"]), 1);
    assert_eq!(
        err,
        "pyguide: no lesson 1.99999999999999999999999: section 1 has lessons 1.1 to 1.5"
    );
    let out = pyguide(&["show", "2.4."]);
    assert!(
        stdout(&out).starts_with("2.4 Global Interpreter Lock"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hints_name_sections_with_gaps_and_single_lessons() {
    let dir = tempfile::tempdir().unwrap();
    let path = guide_file(
        dir.path(),
        "gaps.md",
        b"## 2. B\n\n### 2.1 Only\n\n## 5. E\n",
    );
    assert_eq!(
        fails(&pyguide(&["--guide", &path, "show", "3"]), 1),
        "pyguide: no section 3: the guide has sections 2 and 5"
    );
    assert_eq!(
        fails(&pyguide(&["--guide", &path, "show", "2.2"]), 1),
        "pyguide: no lesson 2.2: section 2 has only lesson 2.1"
    );
    assert_eq!(
        fails(&pyguide(&["--guide", &path, "show", "3.1"]), 1),
        "pyguide: no lesson 3.1: the guide has only lesson 2.1"
    );
}

#[test]
fn long_lesson_ids_keep_a_gap_before_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    let path = guide_file(
        dir.path(),
        "ids.md",
        b"## 100. Big\n\n### 100.100 Wide\n\n### 100.2 Narrow\n",
    );
    let out = stdout(&pyguide(&["--guide", &path, "list"]));
    assert!(out.contains("100.100  Wide"), "{out}");
    assert!(out.contains("100.2    Narrow"), "{out}");
}

#[test]
fn showing_the_path_needs_no_store_and_survives_a_broken_one() {
    // No home directory and no store named: the guide's own boxes.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .args(["show", "learning-path"])
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("PYGUIDE_PROGRESS")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("[ ] Python syntax"));
    // A store that cannot be read is said, and the page shows all the same.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("p.json");
    std::fs::create_dir(&store).unwrap();
    let env = [("PYGUIDE_PROGRESS", store.to_str().unwrap())];
    let out = pyguide_env(&["show", "learning-path"], &env);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("[ ] Python syntax"));
    assert!(stderr(&out).contains("the checklist shows the guide's own boxes"));
}
