use super::*;
use proptest::prelude::*;

/// Does what the damaging decoder did: UTF-8 bytes read as a code page, undefined bytes dropped.
fn damage(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    text.bytes()
        .filter(|b| !codepage::UNDEFINED.contains(b))
        .map(|b| encoding.decode_without_bom_handling(&[b]).0.into_owned())
        .collect()
}

/// A Windows-1254 decoder that drops every byte the page leaves undefined (0x8E and 0x9E
/// too, unlike `damage`, which models the five bytes neither page defines).
fn damage_1254_dropping_all_undefined(text: &str) -> String {
    text.bytes()
        .filter(|b| !matches!(b, 0x81 | 0x8D | 0x8E | 0x8F | 0x90 | 0x9D | 0x9E))
        .map(|b| {
            encoding_rs::WINDOWS_1254
                .decode_without_bom_handling(&[b])
                .0
                .into_owned()
        })
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
    assert_eq!(report.evidence, Some(Evidence::Latin1));
}

#[test]
fn names_the_turkish_code_page_from_its_letters() {
    let broken = damage("snake 🐍 here — done", encoding_rs::WINDOWS_1254);
    assert!(broken.contains('ğ'));
    assert_eq!(repair(&broken).1.evidence, Some(Evidence::Windows1254));
}

#[test]
fn leaves_mixed_text_alone_and_says_why() {
    // A clean file that quotes mojibake on purpose, like a lesson about encodings.
    let text = "broken = \"cafÃ©\"\nfixed = \"café\"\nprint(\"â€”\")";
    let (out, report) = repair(text);
    assert!(matches!(out, Cow::Borrowed(_)));
    assert!(report.lines.is_empty());
    let mixed = report.mixed.expect("reported as mixed");
    assert_eq!((mixed.damaged_lines, mixed.clean_line), (2, 2));
    // Characters no code page produces are clean text too.
    let broken = format!("→ {} ←", damage("“x”", encoding_rs::WINDOWS_1252));
    assert_eq!(repaired(&broken), broken);
}

#[test]
fn clean_accents_before_punctuation_are_not_mojibake() {
    for clean in [
        "The café’s menu",
        "Voilà\u{a0}!",
        "Weiß’s",
        // "CAFÉ”" alone is byte for byte the mojibake of "CAFɔ"; the café beside it says clean.
        "CAFÉ” at the café",
        "Fuß»",
        "naïve—really",
    ] {
        let (out, report) = repair(clean);
        assert_eq!(out, clean);
        assert!(
            report.is_clean() && report.mixed.is_none(),
            "{clean:?}: {report:?}"
        );
    }
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
    let (out, report) = fixed(&damage("a┐b —", encoding_rs::WINDOWS_1254));
    assert_eq!(out, "a\u{FFFD}b —");
    assert_eq!(report.unrecoverable.len(), 1);
}

#[test]
fn a_hole_alone_is_not_evidence_of_damage() {
    // "é’s" reads as a lead byte with one continuation: a hole, and nothing else.
    let (out, report) = repair("The café’s menu\n");
    assert_eq!(out, "The café’s menu\n");
    assert!(report.unrecoverable.is_empty());
}

#[test]
fn windows_1254_loses_two_more_bytes_than_windows_1252() {
    // ╞ is E2 95 9E; Windows-1254 has no character for 0x9E and drops it. The emoji's lead
    // byte reads as the Turkish ğ, which says which page did the damage.
    let text = "🙂 ok\n│\n╞╪\n│";
    let broken = damage_1254_dropping_all_undefined(text);
    assert!(!broken.contains('ž'));
    assert_eq!(repaired(&broken), text);
}

#[test]
fn many_holes_on_one_line_are_filled_in_linear_time() {
    // 20 000 lost corners on one line: quadratic work would take minutes here.
    let text = format!("{}\n{}", "─┐ ".repeat(20_000), " │ ".repeat(20_000));
    let (out, report) = fixed(&damage(&text, encoding_rs::WINDOWS_1254));
    assert_eq!(report.restored.len(), 20_000);
    assert_eq!(out, text);
}

#[test]
fn marks_an_undecidable_emoji_with_a_replacement_character() {
    let (out, report) = fixed(&damage("# 🐍 Python\n— done", encoding_rs::WINDOWS_1254));
    assert_eq!(out, "# \u{FFFD} Python\n— done");
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
/// letters followed by letters or by the punctuation that could pass for a continuation.
fn clean_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[ -~]{0,8}",
        "[α-ωа-я一-龥─-╿←-⇿🐍😀]{1,4}",
        "[à-ÿÀ-ß][a-z ’”–—»«©°\u{a0}]",
    ];
    // Clean documents hold something no code page produces (a box, an arrow, a CJK word).
    (proptest::collection::vec(piece, 0..12), "[─→日]").prop_map(|(v, mark)| v.concat() + &mark)
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
    fn lowercase_accents_before_punctuation_are_never_touched(
        text in "([a-z ]{0,4}[à-ÿ][’”–—»«©°\u{a0}]?[a-z ]{0,3}){1,6}"
    ) {
        // A lowercase accent (0xE0 and up) leads a 3- or 4-byte sequence, so one punctuation
        // mark after it can only make a hole, which is no evidence of damage. (An uppercase
        // "Î«" is byte for byte the mojibake of Greek "Ϋ"; alone, nothing tells them apart.)
        let (out, _) = repair(&text);
        prop_assert_eq!(out.as_ref(), text.as_str());
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
