//! `pyguide search` end to end: ranked results as text and JSON, and every bad query.

mod common;

use common::cli::{fails, pyguide, stderr, stdout};

#[test]
fn search_prints_ranked_lessons_with_their_line() {
    let out = pyguide(&["search", "reference", "counting"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("3.2  Reference Counting"), "{text}");
    let json = pyguide(&["search", "asyncio", "--json", "--limit", "3"]);
    let hits: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    assert_eq!(hits[0]["lesson"], "4.3");
    assert_eq!(hits[0]["kind"], "lesson");
    for key in ["title", "line", "snippet", "score"] {
        assert!(!hits[0][key].is_null(), "{key}");
    }
}

#[test]
fn search_without_matches_or_words() {
    let line = fails(&pyguide(&["search", "zzzqqq"]), 1);
    assert_eq!(line, "pyguide: no matches for 'zzzqqq'");
    let json = pyguide(&["search", "zzzqqq", "--json"]);
    assert!(json.status.success());
    assert_eq!(stdout(&json).trim(), "[]");
    let line = fails(&pyguide(&["search", "  "]), 2);
    assert!(line.contains("the query is empty"), "{line}");
    fails(&pyguide(&["search"]), 2);
    fails(&pyguide(&["search", "gil", "--limit", "0"]), 2);
    // Regex metacharacters are just text; with no letters or digits there is nothing to
    // search for, which is a usage error as an empty query is.
    let line = fails(&pyguide(&["search", ".*[(", "--json"]), 2);
    assert!(line.contains("no words to search for"), "{line}");
    let line = fails(&pyguide(&["search", "in:code"]), 2);
    assert!(line.contains("no words to search for"), "{line}");
    let line = fails(&pyguide(&["search", "in:foo", "gil"]), 2);
    assert_eq!(
        line,
        "pyguide: cannot search for 'in:foo gil': unknown filter 'in:foo': use in:code, in:title or in:prose"
    );
    assert!(pyguide(&["search", "日本語", "--json"]).status.success());
    assert!(pyguide(&["search", "(gil)", "--json"]).status.success());
    // A 10 kB query is not echoed back whole.
    let long = "zq".repeat(5000);
    let line = fails(&pyguide(&["search", &long]), 1);
    assert!(line.len() < 120, "{} bytes", line.len());
}

#[test]
fn search_finds_the_pages_around_the_lessons() {
    let json = pyguide(&["search", "huggingface", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(hits[0]["lesson"], "resources");
    assert_eq!(hits[0]["kind"], "part");
    let json = pyguide(&["search", "ecosystem", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        (&hits[0]["lesson"], &hits[0]["kind"]),
        (&"6".into(), &"section".into())
    );
    assert_eq!(hits[0]["title"], "AI/ML Ecosystem");
}
