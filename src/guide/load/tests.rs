use super::*;
use proptest::prelude::*;

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
    assert!(loaded.diagnostics.crlf);
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
