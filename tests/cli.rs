//! The `pyguide` binary end to end: output, exit codes, and every bad input.

use std::path::Path;
use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

mod common;

use common::cli::{fails, guide_file, pyguide, pyguide_env, stderr, stdout};

const CLEAN: &str = include_str!("../content/guide.md");
const RAW: &str = "tests/data/guide.raw.md";

#[test]
fn show_prints_every_code_and_diagram_line_of_a_lesson_exactly() {
    let out = stdout(&pyguide(&["show", "2.4", "--width", "100"]));
    // Lesson 2.4 is lines 301-342 of the guide.
    let lesson: Vec<&str> = CLEAN.lines().skip(300).take(42).collect();
    let mut inside = false;
    let mut checked = 0;
    for line in lesson {
        if line.starts_with("```") {
            inside = !inside;
        } else if inside {
            assert!(out.lines().any(|o| o.contains(line)), "missing {line:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 10 + 17);
    assert!(out.starts_with("2.4 Global Interpreter Lock (GIL)\n"));
}

#[test]
fn show_all_contains_every_code_and_diagram_line_of_the_guide() {
    let out = stdout(&pyguide(&["show", "all", "--width", "100"]));
    let mut inside = false;
    for line in CLEAN.lines() {
        if line.starts_with("```") {
            inside = !inside;
        } else if inside {
            assert!(out.lines().any(|o| o.contains(line)), "missing {line:?}");
        }
    }
}

#[test]
fn diagrams_wider_than_the_width_are_cut_with_a_marker() {
    let out = stdout(&pyguide(&["show", "2.1", "--width", "40"]));
    assert!(out.lines().all(|l| l.width() <= 40), "{out}");
    assert!(out.lines().any(|l| l.ends_with('›')));
}

#[test]
fn colour_follows_flags_and_environment() {
    let piped = stdout(&pyguide(&["show", "1.2"]));
    assert!(!piped.contains('\u{1b}'));
    let forced = stdout(&pyguide(&["show", "1.2", "--color", "always"]));
    assert!(forced.contains("\u{1b}[38;5;"), "256 colours by default");
    let truecolor = stdout(&pyguide_env(
        &["show", "1.2", "--color", "always"],
        &[("COLORTERM", "truecolor")],
    ));
    assert!(
        truecolor.contains("\u{1b}[38;2;"),
        "24-bit colour with COLORTERM=truecolor"
    );
    let never = stdout(&pyguide_env(
        &["show", "1.2", "--color", "never"],
        &[("COLORTERM", "truecolor")],
    ));
    assert!(!never.contains('\u{1b}'));
    let light = stdout(&pyguide(&[
        "show", "1.2", "--color", "always", "--theme", "light",
    ]));
    assert_ne!(light, forced);
}

#[test]
fn width_comes_from_columns_when_not_a_terminal_and_not_given() {
    let out = stdout(&pyguide_env(&["show", "4.4"], &[("COLUMNS", "50")]));
    assert!(out.lines().all(|l| l.width() <= 50), "{out}");
    let default = stdout(&pyguide(&["show", "4.4"]));
    assert!(default.lines().any(|l| l.width() > 50));
}

#[test]
fn the_raw_guide_shows_the_same_as_the_clean_one_but_the_emoji() {
    let clean = stdout(&pyguide(&["show", "all", "--width", "100"]));
    let raw = stdout(&pyguide(&["--guide", RAW, "show", "all", "--width", "100"]));
    // Only the title differs: U+FFFD for the snake, and an underline one column shorter
    // because the snake is two columns wide.
    let (clean_title, raw_title): (Vec<&str>, Vec<&str>) = (
        clean.lines().take(2).collect(),
        raw.lines().take(2).collect(),
    );
    assert_eq!(raw_title[0], clean_title[0].replacen('🐍', "\u{FFFD}", 1));
    assert_eq!(
        raw_title[1].chars().count() + 1,
        clean_title[1].chars().count()
    );
    assert_eq!(
        raw.lines().skip(2).collect::<Vec<_>>(),
        clean.lines().skip(2).collect::<Vec<_>>()
    );
    let list_clean = stdout(&pyguide(&["list", "--json"]));
    let list_raw = stdout(&pyguide(&["--guide", RAW, "list", "--json"]));
    assert_eq!(list_raw, list_clean);
}

#[test]
fn doctor_reports_counts_and_repairs() {
    let out = stdout(&pyguide(&["--guide", RAW, "doctor"]));
    for expected in [
        "sections     8",
        "lessons      33",
        "code blocks  26 (python 26)",
        "diagrams     7",
        "tables       3",
        "checklist    16 items in 4 phases",
        "resources    6",
        "Windows-1254 (Turkish)",
        "line 205, column 67: restored ┐ (U+2510) by its box-drawing neighbours",
        "line 309, column 14: restored ← (U+2190) by common use",
        "line 1, column 3: unrecoverable",
    ] {
        assert!(out.contains(expected), "{expected:?} not in:\n{out}");
    }
    let clean = stdout(&pyguide(&["doctor"]));
    assert!(clean.contains("none needed: clean UTF-8"), "{clean}");
}

#[test]
fn doctor_json_has_stats_and_repairs() {
    let out = pyguide(&["--guide", RAW, "doctor", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["stats"]["lessons"], 33);
    assert_eq!(json["stats"]["diagrams"], 7);
    assert_eq!(json["repair"]["restored"].as_array().unwrap().len(), 20);
    assert_eq!(json["repair"]["unrecoverable"][0]["line"], 1);
    assert_eq!(json["encoding"], "UTF-8");
}

#[test]
fn a_byte_order_mark_and_crlf_show_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.md");
    std::fs::write(&path, format!("\u{FEFF}{}", CLEAN.replace('\n', "\r\n"))).unwrap();
    let path = path.to_str().unwrap();
    let with_bom = stdout(&pyguide(&["--guide", path, "show", "all", "--width", "90"]));
    assert_eq!(
        with_bom,
        stdout(&pyguide(&["show", "all", "--width", "90"]))
    );
}

#[test]
fn no_command_without_a_terminal_says_what_to_do_instead() {
    // The tests' stdin and stdout are not terminals, so the tutor cannot start.
    let out = pyguide(&[]);
    let line = fails(&out, 1);
    assert!(line.contains("the tutor needs a terminal"), "{line}");
    assert!(line.contains("pyguide show"), "{line}");
    // A bad --guide is reported before the terminal is needed.
    let line = fails(&pyguide(&["--guide", "/no/such/file.md"]), 1);
    assert!(line.contains("/no/such/file.md"), "{line}");
}

#[test]
fn help_and_version() {
    let help = pyguide(&["--help"]);
    assert!(help.status.success());
    for word in ["list", "show", "doctor", "--guide", "--color", "--theme"] {
        assert!(stdout(&help).contains(word), "{word}");
    }
    let version = pyguide(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("pyguide {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_guide_files_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let missing = d.join("missing.md");
    let cases: Vec<(String, &str)> = vec![
        (
            missing.to_str().unwrap().to_string(),
            "no such file (check the path)",
        ),
        (
            d.to_str().unwrap().to_string(),
            "is a directory: pass the guide's markdown file",
        ),
        (
            guide_file(d, "empty.md", b""),
            "is empty: a guide needs sections like '## 1. Title'",
        ),
        (
            guide_file(d, "bin.md", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
            "is a binary file",
        ),
        (
            guide_file(d, "latin.md", b"# Caf\xe9\n\n## 1. A\n"),
            "is not UTF-8 text: byte 0xE9 at line 1, column 6",
        ),
        (
            guide_file(d, "plain.md", b"# Notes\n\nJust text.\n"),
            "no numbered sections like '## 1. Title' found in",
        ),
    ];
    for (path, message) in cases {
        for command in [&["list"][..], &["show", "1.1"], &["doctor"]] {
            let mut args = vec!["--guide", path.as_str()];
            args.extend_from_slice(command);
            let err = fails(&pyguide(&args), 1);
            assert!(err.contains(message), "{path} {command:?}: {err}");
        }
    }
}

/// Runs pyguide with its stdout closed before it starts, so every write of it fails.
fn with_closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let out = with_closed_pipe(&["show", "all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stderr.is_empty());
}

/// A guide whose headings, code label, contents and file name carry terminal escapes.
fn hostile_guide(dir: &Path) -> String {
    let md = "# T\u{1b}[31mred\u{9b}1m\n\n## 📑 Contents\n\n- [Evil\u{1b}]0;pwned\u{7}](#nowhere\u{9b}2J)\n\n\
              ## 1. A\u{1b}]0;pwned\u{7}x\n\n### 1.1 B\u{1b}[2J\n\n```py\u{1b}]0;pwn\u{7}thon\nx = 1\n```\n\n\
              ## Notes\u{9b}31m\n\ntext\n";
    guide_file(dir, "evil\u{1b}[2J.md", md.as_bytes())
}

#[test]
fn nothing_from_a_guide_reaches_the_terminal_as_an_escape() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_guide(dir.path());
    let commands: [&[&str]; 6] = [
        &["list"],
        &["list", "--json"],
        &["show", "all"],
        &["show", "1.1"],
        &["doctor"],
        &["doctor", "--json"],
    ];
    for command in commands {
        for color in ["never", "always"] {
            let mut args = vec!["--guide", path.as_str(), "--color", color];
            args.extend_from_slice(command);
            let out = pyguide(&args);
            assert!(out.status.success(), "{command:?}: {}", stderr(&out));
            let text = stdout(&out);
            let escapes: Vec<&str> = text
                .split('\u{1b}')
                .skip(1)
                .filter(|rest| !rest.starts_with('['))
                .collect();
            assert!(
                escapes.is_empty(),
                "{command:?} --color {color}: a non-SGR escape got through"
            );
            for bad in ["\u{1b}[31mred", "\u{1b}[2J", "\u{7}", "\u{9b}"] {
                assert!(
                    !text.contains(bad),
                    "{command:?} --color {color}: {bad:?} got through"
                );
            }
        }
    }
}

#[test]
fn error_lines_never_carry_newlines_or_escapes_from_arguments() {
    let err = fails(&pyguide(&["show", "a\nb"]), 2);
    assert!(err.contains("'a␊b' is not a page id"), "{err}");
    let err = fails(&pyguide(&["--guide", "nope\u{1b}[2J\n.md", "list"]), 1);
    assert!(!err.contains('\u{1b}'), "{err}");
}

#[test]
fn a_clean_guide_that_quotes_mojibake_is_shown_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# T\n\n## 1. A\n\n### 1.1 B\n\n```python\nbroken = \"cafÃ©\"\nassert fix(broken) == \"café\"\nprint(\"â€”\")\n```\n";
    let path = guide_file(dir.path(), "legit.md", md.as_bytes());
    let out = stdout(&pyguide(&["--guide", &path, "show", "1.1"]));
    for line in [
        "broken = \"cafÃ©\"",
        "assert fix(broken) == \"café\"",
        "print(\"â€”\")",
    ] {
        assert!(out.contains(line), "{line:?} not in {out}");
    }
    let doctor = stdout(&pyguide(&["--guide", &path, "doctor"]));
    assert!(
        doctor.contains("but line 9 has clean text, so nothing was changed"),
        "{doctor}"
    );
}

#[test]
fn accents_before_punctuation_survive() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# T\n\n## 1. A\n\n### 1.1 B\n\nThe café’s menu. Voilà\u{a0}! Weiß’s\n";
    let path = guide_file(dir.path(), "accents.md", md.as_bytes());
    let out = stdout(&pyguide(&["--guide", &path, "show", "1.1"]));
    assert!(
        out.contains("The café’s menu. Voilà\u{a0}! Weiß’s"),
        "{out}"
    );
}

#[test]
fn a_closed_pipe_during_json_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let big = guide_file(dir.path(), "big.md", CLEAN.repeat(20).as_bytes());
    for command in [&["list", "--json"][..], &["doctor", "--json"]] {
        let out = with_closed_pipe(&[&["--guide", &big][..], command].concat());
        assert!(out.status.success(), "{command:?}: {}", stderr(&out));
    }
}

#[test]
fn a_huge_columns_value_is_ignored() {
    // `show all` draws full-width rules between sections.
    let out = pyguide_env(&["show", "all"], &[("COLUMNS", "100000000000")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).lines().all(|l| l.width() <= 100));
}

#[test]
fn help_that_cannot_be_written_is_a_failure() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_pyguide"))
        .arg("--help")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("pyguide: cannot write output"), "{err}");
}
