use super::*;
use proptest::prelude::*;

/// Does what the damaging decoder did: UTF-8 bytes read as a code page, undefined bytes dropped.
fn damage(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    text.bytes()
        .filter(|b| !codepage::UNDEFINED.contains(b))
        .map(|b| encoding.decode_without_bom_handling(&[b]).0.into_owned())
        .collect()
}

fn repaired(text: &str) -> String {
    repair(text).0.into_owned()
}

fn fixed(text: &str) -> (String, Report) {
    let (out, report) = repair(text);
    (out.into_owned(), report)
}

#[test]
fn clean_text_is_borrowed_untouched() {
    for clean in [
        "plain ascii",
        "pâté",
        "â",
        "a lone â here",
        "café naïve Größe",
        "┌──┐ → ≤ 🐍",
        "",
    ] {
        let (out, report) = repair(clean);
        assert!(matches!(out, Cow::Borrowed(_)), "{clean:?}");
        assert!(report.is_clean());
    }
}

#[test]
fn repairs_windows_1254_and_1252_damage() {
    // ” (E2 80 9D) loses its last byte; common use restores it.
    let text = "┌─┬ → “quoted” — done ≤ 512 €";
    for encoding in [encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1254] {
        let broken = damage(text, encoding);
        assert_ne!(broken, text);
        assert_eq!(repaired(&broken), text, "{}", encoding.name());
    }
}

#[test]
fn repairs_latin1_damage_with_c1_controls() {
    let text = "“smart” quotes";
    let broken: String = text.bytes().map(char::from).collect();
    let (out, report) = repair(&broken);
    assert_eq!(out, text);
    assert_eq!(report.evidence, Evidence::Latin1);
}

#[test]
fn names_the_turkish_code_page_from_its_letters() {
    let broken = damage("snake 🐍 here", encoding_rs::WINDOWS_1254);
    assert!(broken.contains('ğ'));
    assert_eq!(repair(&broken).1.evidence, Evidence::Windows1254);
}

#[test]
fn keeps_clean_characters_beside_damaged_runs() {
    let broken = format!("→ {} ←", damage("“x”", encoding_rs::WINDOWS_1252));
    assert_eq!(repaired(&broken), "→ “x” ←");
}

#[test]
fn restores_lost_corners_from_their_neighbours() {
    let text = "┌───┐\n│ a │\n└───┘";
    let broken = damage(text, encoding_rs::WINDOWS_1254);
    assert!(!broken.contains('\u{90}'));
    let (out, report) = repair(&broken);
    assert_eq!(out, text);
    assert_eq!(report.restored.len(), 1);
    let restored = &report.restored[0];
    assert_eq!((restored.line, restored.column, restored.char), (1, 5, '┐'));
    assert_eq!(restored.rule, Rule::BoxNeighbours);
}

#[test]
fn restores_three_corners_on_one_line() {
    let text = "┌─┐ ┌─┐ ┌─┐\n│a│ │b│ │c│";
    let (out, report) = fixed(&damage(text, encoding_rs::WINDOWS_1254));
    assert_eq!(out, text);
    assert_eq!(
        report.restored.iter().map(|r| r.column).collect::<Vec<_>>(),
        [3, 7, 11]
    );
}

#[test]
fn restores_the_left_arrow_by_common_use() {
    let (out, report) = fixed(&damage("│ Run │ ←GIL", encoding_rs::WINDOWS_1254));
    assert_eq!(out, "│ Run │ ←GIL");
    assert_eq!(report.restored[0].rule, Rule::CommonUse);
}

#[test]
fn restores_a_corner_whose_side_is_a_column_off() {
    let text = "┌───┐\n│ a  │\n└────┘";
    let (out, report) = fixed(&damage(text, encoding_rs::WINDOWS_1254));
    assert_eq!(out, text);
    assert_eq!(report.restored.len(), 1);
}

#[test]
fn leaves_a_hole_undecided_when_no_neighbour_joins_it() {
    let (out, report) = fixed(&damage("a┐b", encoding_rs::WINDOWS_1254));
    assert_eq!(out, "a\u{FFFD}b");
    assert_eq!(report.unrecoverable.len(), 1);
}

#[test]
fn marks_an_undecidable_emoji_with_a_replacement_character() {
    let (out, report) = fixed(&damage("# 🐍 Python", encoding_rs::WINDOWS_1254));
    assert_eq!(out, "# \u{FFFD} Python");
    assert_eq!(report.unrecoverable.len(), 1);
    assert_eq!(
        (report.unrecoverable[0].line, report.unrecoverable[0].column),
        (1, 3)
    );
    assert!(report.unrecoverable[0].candidates >= 25);
}

#[test]
fn splits_lines_like_split_on_newline() {
    for text in ["", "a", "a\n", "\n\nb", "x\ny\nz"] {
        assert_eq!(
            lines(text).collect::<Vec<_>>(),
            text.split('\n').collect::<Vec<_>>(),
            "{text:?}"
        );
    }
}

#[test]
fn counts_repaired_lines_and_sequences() {
    let broken = damage("a\n‘b’\nc\n─", encoding_rs::WINDOWS_1252);
    let (_, report) = repair(&broken);
    assert_eq!(report.lines, [2, 4]);
    assert_eq!(report.sequences, 3);
}

/// Text people write: ASCII, scripts and symbols no code page produces, and accented
/// Latin-1 letters that never stand before a character that could continue them.
fn clean_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[ -~]{0,8}",
        "[α-ωа-я一-龥─-╿←-⇿🐍😀]{1,4}",
        "[à-ÿÀ-ß][a-z ]",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn repair_never_panics(text in "\\PC*") {
        let _ = repair(&text);
    }

    #[test]
    fn clean_utf8_is_left_untouched(text in clean_text()) {
        let (out, report) = repair(&text);
        prop_assert_eq!(out.as_ref(), text.as_str());
        prop_assert!(report.is_clean());
    }

    #[test]
    fn damage_without_lost_bytes_round_trips(text in "[ -~\n←-↕─-╿“”‘’—–€™…≤≥é]{0,60}") {
        // Only characters whose UTF-8 has no undefined byte, so nothing is dropped.
        let text: String = text
            .chars()
            .filter(|c| !c.to_string().bytes().any(|b| codepage::UNDEFINED.contains(&b)))
            .collect();
        for encoding in [encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1254] {
            let broken = damage(&text, encoding);
            prop_assert_eq!(repaired(&broken), text.clone());
        }
    }
}
