use super::*;
use proptest::prelude::*;
use std::path::Path;

const MINI: &str = "# T\n\n## 1. One\n\n### 1.1 A\n\ntext\n";

fn err(bytes: &[u8]) -> String {
    match from_bytes("g.md", bytes) {
        Ok(_) => panic!("loaded {bytes:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn loads_a_minimal_guide() {
    let loaded = from_bytes("g.md", MINI.as_bytes()).unwrap();
    assert_eq!(loaded.guide.sections.len(), 1);
    assert_eq!(loaded.diagnostics.encoding, Encoding::Utf8);
    assert_eq!(loaded.diagnostics.lines, 7);
    assert!(loaded.diagnostics.repair.is_clean());
}

#[test]
fn a_byte_order_mark_and_crlf_load_the_same() {
    let plain = from_bytes("g.md", MINI.as_bytes()).unwrap().guide;
    let crlf = format!("\u{FEFF}{}", MINI.replace('\n', "\r\n"));
    let loaded = from_bytes("g.md", crlf.as_bytes()).unwrap();
    assert_eq!(loaded.guide, plain);
    assert_eq!(loaded.diagnostics.encoding, Encoding::Utf8Bom);
    assert_eq!(loaded.diagnostics.line_endings, LineEndings::Crlf);
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(MINI.encode_utf16().flat_map(u16::to_le_bytes));
    let loaded = from_bytes("g.md", &bytes).unwrap();
    assert_eq!(loaded.diagnostics.encoding, Encoding::Utf16Le);
    assert_eq!(
        loaded.guide,
        from_bytes("g.md", MINI.as_bytes()).unwrap().guide
    );
}

#[test]
fn bad_inputs_say_what_is_wrong() {
    assert_eq!(
        err(b""),
        "g.md is empty: a guide needs sections like '## 1. Title'"
    );
    assert_eq!(
        err(b" \n\n"),
        "g.md is empty: a guide needs sections like '## 1. Title'"
    );
    assert_eq!(
        err(b"# T\n\x00\x01"),
        "g.md is a binary file (it has a NUL byte at line 2), not a markdown guide"
    );
    assert_eq!(
        err(b"# T\nab\xE9cd\n"),
        "g.md is not UTF-8 text: byte 0xE9 at line 2, column 3 (save it as UTF-8)"
    );
    assert_eq!(
        err(b"# Just a title\n\nSome text.\n"),
        "no numbered sections like '## 1. Title' found in g.md"
    );
}

#[test]
fn files_that_are_not_there_or_not_files() {
    let missing = from_path(Path::new("/definitely/not/here.md"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        missing,
        "cannot read /definitely/not/here.md: no such file (check the path)"
    );
    let dir = from_path(Path::new("/")).unwrap_err().to_string();
    assert_eq!(dir, "/ is a directory: pass the guide's markdown file");
}

#[test]
fn the_builtin_guide_loads_cleanly() {
    let loaded = builtin().unwrap();
    assert_eq!(loaded.diagnostics.source, BUILTIN_NAME);
    assert!(loaded.diagnostics.repair.is_clean());
    assert!(
        loaded.diagnostics.warnings.is_empty(),
        "{:?}",
        loaded.diagnostics.warnings
    );
}

proptest! {
    #[test]
    fn loading_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = from_bytes("fuzz.md", &bytes);
    }

    #[test]
    fn loading_markdownish_text_never_panics(text in "([#>*`|\\-\\[\\] ]{0,4}[a-z0-9 .│─┐â”€]{0,12}\n){0,30}") {
        let _ = from_bytes("fuzz.md", text.as_bytes());
    }
}

#[test]
fn phase_titles_with_characters_that_change_length_when_lowercased_do_not_panic() {
    for title in [
        "Beginner (Weeks İİİİİİ)",
        "Beginner (\u{212A}eeks 1-4)",
        "X (İ)",
        "(WEEKS)",
    ] {
        let md = format!("## 1. A\n\n## 📚 Learning Path\n\n### {title}\n- [ ] item\n");
        let loaded = from_bytes("g.md", md.as_bytes()).unwrap();
        assert_eq!(loaded.guide.items().count(), 1, "{title}");
    }
}

#[test]
fn old_mac_line_endings_load_like_unix_ones() {
    let cr = MINI.replace('\n', "\r");
    let loaded = from_bytes("g.md", cr.as_bytes()).unwrap();
    assert_eq!(
        loaded.guide,
        from_bytes("g.md", MINI.as_bytes()).unwrap().guide
    );
    assert_eq!(loaded.diagnostics.line_endings, LineEndings::Cr);
    assert_eq!(loaded.diagnostics.lines, 7);
}

#[test]
fn malformed_utf16_is_an_error() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("## 1. A\n".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.extend([0x00, 0xD8, b'x', 0x00]); // a lone high surrogate
    assert_eq!(
        err(&bytes),
        "g.md is not valid UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"
    );
}

#[test]
fn endless_and_oversized_files_are_refused_before_they_are_read() {
    let zero = from_path(Path::new("/dev/zero")).unwrap_err().to_string();
    assert!(zero.contains("binary file"), "{zero}");
    let dir = tempfile::tempdir().unwrap();
    let sparse = dir.path().join("huge.md");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(MAX_BYTES + 1)
        .unwrap();
    let huge = from_path(&sparse).unwrap_err().to_string();
    assert!(
        huge.ends_with("is larger than 512 MiB: that is not a guide"),
        "{huge}"
    );
}

#[test]
fn deep_nesting_is_kept_but_flattened() {
    let depth = 5_000;
    let quotes = format!("## 1. A\n\n### 1.1 B\n\n{} deep\n", ">".repeat(depth));
    let lists: String = (0..depth)
        .map(|i| format!("{}- x{i}\n", "  ".repeat(i)))
        .collect();
    for md in [quotes, format!("## 1. A\n\n### 1.1 B\n\n{lists}")] {
        let guide = from_bytes("g.md", md.as_bytes()).unwrap().guide;
        let blocks = &guide.sections[0].lessons[0].blocks;
        assert!(
            nesting(blocks) <= crate::guide::MAX_NESTING + 1,
            "{}",
            nesting(blocks)
        );
        let text = format!("{blocks:?}");
        assert!(text.contains("deep") || text.contains(&format!("x{}", depth - 1)));
    }
}

fn nesting(blocks: &[crate::guide::Block]) -> usize {
    use crate::guide::BlockKind;
    blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Quote(inner) => 1 + nesting(inner),
            BlockKind::List(list) => {
                1 + list
                    .items
                    .iter()
                    .map(|i| nesting(&i.blocks))
                    .max()
                    .unwrap_or(0)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn headings_that_fall_out_of_the_outline_are_warned_about() {
    let md = "### 1.1 Early\n\n# T\n\n# Second title\n\n## 1.\n\nx\n\n### 1.1\n\ny\n\n## 4294967296. Big\n";
    let loaded = from_bytes("g.md", md.as_bytes()).unwrap();
    let warnings: Vec<String> = loaded
        .diagnostics
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.line, w.message))
        .collect();
    for expected in [
        "1: lesson heading '1.1 Early' is outside any numbered section",
        "5: a second '#' title is shown as a heading",
        "7: section 1 has no title",
        "11: lesson 1.1 has no title",
        "15: '4294967296. Big' looks like a numbered section, but its number is too large",
    ] {
        assert!(
            warnings.iter().any(|w| w == expected),
            "{expected:?} not in {warnings:#?}"
        );
    }
    assert_eq!(loaded.guide.sections[0].title, "");
    assert_eq!(loaded.guide.sections[0].lessons[0].title, "");
}

fn lesson_text(md: &str) -> String {
    let guide = from_bytes("g.md", format!("## 1. A\n\n### 1.1 B\n\n{md}").as_bytes())
        .unwrap()
        .guide;
    format!("{:?}", guide.sections[0].lessons[0].blocks)
}

#[test]
fn tight_lists_deep_inside_quotes_keep_their_text() {
    let deep = "> ".repeat(40);
    let text = lesson_text(&format!("{deep}- alpha\n{deep}- beta\n"));
    assert!(text.contains("alpha") && text.contains("beta"), "{text}");
}

#[test]
fn flattened_task_items_keep_their_checkboxes() {
    let md: String = (0..40)
        .map(|i| format!("{}- [x] task{i}\n", "  ".repeat(i)))
        .collect();
    let text = lesson_text(&md);
    assert!(text.contains("[x] task39"), "{text}");
}

#[test]
fn very_deep_nesting_loads_in_linear_time() {
    // 50 000 levels took minutes when every level walked back over all the others.
    for md in [
        format!("{} x\n", ">".repeat(50_000)),
        format!("{}x\n", "- ".repeat(50_000)),
    ] {
        assert!(lesson_text(&md).contains('x'));
    }
}
