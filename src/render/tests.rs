use super::*;
use crate::guide::load;

fn guide(md: &str) -> Guide {
    load::from_bytes(
        "t.md",
        format!("# T\n\n## 1. S\n\n### 1.1 L\n\n{md}").as_bytes(),
    )
    .unwrap()
    .guide
}

fn show(md: &str, width: usize, overflow: Overflow) -> Vec<String> {
    let guide = guide(md);
    let theme = Theme::new(ThemeKind::Dark, ColorMode::Plain);
    let page = Page::lesson(&guide.sections[0].lessons[0], &theme);
    page.layout(width, overflow).plain()
}

#[test]
fn a_lesson_opens_with_its_underlined_title() {
    let out = show("Hello.", 40, Overflow::Cut);
    assert_eq!(out, ["1.1 L", "─────", "", "Hello."]);
}

#[test]
fn code_is_framed_with_its_language_and_kept_exact() {
    let out = show("```python\ndef f():\n    return 1\n```", 40, Overflow::Cut);
    assert_eq!(
        &out[3..],
        [
            "╭─ python ─────╮",
            "│ def f():     │",
            "│     return 1 │",
            "╰──────────────╯"
        ]
    );
}

#[test]
fn long_code_lines_continue_on_marked_rows_without_losing_text() {
    let long = "x = 'abcdefghijklmnopqrstuvwxyz0123456789'";
    let out = show(&format!("```python\n{long}\n```"), 24, Overflow::Cut);
    let rows: Vec<&String> = out.iter().filter(|l| l.starts_with('│')).collect();
    assert!(rows.len() > 1);
    assert!(rows[1].starts_with("│↪"));
    let joined: String = rows
        .iter()
        .map(|r| r[3..r.len() - 4].trim_end().to_string())
        .collect::<Vec<_>>()
        .concat();
    assert!(joined.contains("abcdefghijklm"), "{rows:#?}");
    assert!(out.iter().all(|l| wrap::width(l) <= 24), "{out:#?}");
}

#[test]
fn diagrams_are_verbatim_and_cut_only_when_too_wide() {
    let art = "┌────────┐\n│  box   │  \n└────────┘";
    let out = show(&format!("```\n{art}\n```"), 40, Overflow::Cut);
    assert_eq!(&out[3..], art.split('\n').collect::<Vec<_>>());
    let cut = show(&format!("```\n{art}\n```"), 6, Overflow::Cut);
    assert_eq!(&cut[3..], ["┌────›", "│  bo›", "└────›"]);
    let kept = show(&format!("```\n{art}\n```"), 6, Overflow::Keep);
    assert_eq!(&kept[3..], art.split('\n').collect::<Vec<_>>());
}

#[test]
fn lists_show_bullets_numbers_and_tasks() {
    let out = show(
        "- a\n  - nested\n- b\n\n9. nine\n10. ten\n\n- [x] done\n- [ ] todo",
        40,
        Overflow::Cut,
    );
    assert_eq!(
        &out[3..],
        [
            "• a",
            "  ◦ nested",
            "• b",
            "",
            " 9. nine",
            "10. ten",
            "",
            "[x] done",
            "[ ] todo"
        ]
    );
}

#[test]
fn list_items_wrap_under_their_text() {
    let out = show("- one two three four five", 12, Overflow::Cut);
    assert_eq!(&out[3..], ["• one two", "  three four", "  five"]);
}

#[test]
fn narrow_lists_keep_their_markers_on_lines_of_their_own() {
    let out = show("- [ ] Python syntax\n- [x] done", 9, Overflow::Cut);
    assert_eq!(&out[3..], ["[ ]", "Python", "syntax", "[x]", "done"]);
}

#[test]
fn quotes_get_a_bar() {
    let out = show("> quoted words here", 12, Overflow::Cut);
    assert_eq!(&out[3..], ["│ quoted", "│ words here"]);
}

#[test]
fn tables_line_up_by_display_width() {
    let out = show(
        "| Name | Value |\n|---|--:|\n| 日本 | 1 |\n| ascii | 22 |",
        40,
        Overflow::Cut,
    );
    assert_eq!(
        &out[3..],
        [
            "┌───────┬───────┐",
            "│ Name  │ Value │",
            "├───────┼───────┤",
            "│ 日本  │     1 │",
            "│ ascii │    22 │",
            "└───────┴───────┘",
        ]
    );
}

#[test]
fn wide_tables_wrap_cells_and_narrow_ones_become_records() {
    let md = "| A | B |\n|---|---|\n| one two three four | five six seven eight |";
    let out = show(md, 24, Overflow::Cut);
    assert!(out.iter().all(|l| wrap::width(l) <= 24), "{out:#?}");
    assert!(out.iter().any(|l| l.starts_with("┌")));
    let narrow = show(md, 8, Overflow::Cut);
    assert!(narrow.iter().any(|l| l.starts_with("A:")), "{narrow:#?}");
}

#[test]
fn rendered_lines_point_back_at_the_guide() {
    let guide = guide("Para.\n\n```python\na = 1\nb = 2\n```");
    let theme = Theme::new(ThemeKind::Dark, ColorMode::Plain);
    let rendered = Page::lesson(&guide.sections[0].lessons[0], &theme).layout(40, Overflow::Cut);
    let b_line = rendered
        .plain()
        .iter()
        .position(|l| l.contains("b = 2"))
        .unwrap();
    assert_eq!(rendered.source[b_line], GuideLine(11));
    assert_eq!(rendered.source[0], GuideLine(5));
}

#[test]
fn the_whole_guide_lays_out_at_any_width_without_panicking() {
    let loaded = load::builtin().unwrap();
    let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
    let page = Page::guide(&loaded.guide, &theme);
    for width in [1, 2, 3, 5, 8, 13, 40, 80, 100, 250] {
        let rendered = page.layout(width, Overflow::Cut);
        assert_eq!(rendered.lines.len(), rendered.source.len());
        if width >= 13 {
            let widest = rendered.lines.iter().map(|l| l.width()).max().unwrap();
            assert!(widest <= width, "width {width}: a line is {widest} wide");
        }
    }
}

#[test]
fn blocks_written_together_stay_together() {
    let out = show("**Key Points:**\n- one\n\nApart.", 40, Overflow::Cut);
    assert_eq!(&out[3..], ["Key Points:", "• one", "", "Apart."]);
}

#[test]
fn a_lesson_page_drops_the_section_separator_after_it() {
    let out = show("Text.\n\n---", 40, Overflow::Cut);
    assert_eq!(&out[3..], ["Text."]);
}

#[test]
fn table_cells_break_words_only_when_nothing_else_fits() {
    let md = "| A | B |\n|---|---|\n| Multiprocessingness | x y z w v u t s r q p o n m l k j i h g f e d c b a |";
    let out = show(md, 40, Overflow::Cut);
    assert!(
        out.iter().any(|l| l.contains("Multiprocessingness")),
        "{out:#?}"
    );
    let tiny = show(md, 16, Overflow::Cut);
    assert!(tiny.iter().all(|l| wrap::width(l) <= 16), "{tiny:#?}");
}

const NESTED: &str = "- one\n  - two\n    - three long words here\n      > quoted deeply nested text\n\n10. ten\n11. eleven\n\n- [x] done task\n\n> quote\n> > inner quote with words\n\n| 日本 | b |\n|---|---|\n| 日本語 | x |\n\n```python\nx = '日本語日本語'  # wide ✔️\n```\n\nDone ✔️ and ⚠️ noted.\n\n    ┌─┐ indented\n    └─┘";

#[test]
fn nothing_is_wider_than_the_page_at_any_width() {
    let guide = guide(NESTED);
    let builtin = load::builtin().unwrap().guide;
    let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
    let lessons = guide.lessons().chain(builtin.lessons());
    for lesson in lessons {
        let page = Page::lesson(lesson, &theme);
        for width in 1..=40 {
            for (i, line) in page.layout(width, Overflow::Cut).lines.iter().enumerate() {
                assert!(
                    line.width() <= width,
                    "{} at width {width}, line {i}: {line:?}",
                    lesson.id
                );
            }
        }
    }
}

#[test]
fn colour_and_plain_show_the_same_text() {
    let md = "```python\nx\t= 1  # a\tb\n\tif x:\t# c\n\n```\n\nText.";
    let guide = guide(md);
    let lesson = &guide.sections[0].lessons[0];
    let colour = Page::lesson(lesson, &Theme::new(ThemeKind::Dark, ColorMode::TrueColor))
        .layout(40, Overflow::Cut);
    let plain = Page::lesson(lesson, &Theme::new(ThemeKind::Dark, ColorMode::Plain))
        .layout(40, Overflow::Cut);
    assert_eq!(colour.plain(), plain.plain());
    // Tab stops every 4 columns of the row: "x" then 3 spaces; "a" ends at column 12, a stop,
    // so the second tab is 4 spaces.
    assert!(
        plain
            .plain()
            .iter()
            .any(|l| l.contains("x   = 1  # a    b")),
        "{:#?}",
        plain.plain()
    );
}

#[test]
fn indented_diagrams_point_at_their_own_lines() {
    let guide = guide("Text.\n\n    ┌─┐ box\n    └─┘");
    let theme = Theme::new(ThemeKind::Dark, ColorMode::Plain);
    let rendered = Page::lesson(&guide.sections[0].lessons[0], &theme).layout(40, Overflow::Cut);
    let at = rendered
        .plain()
        .iter()
        .position(|l| l.starts_with("┌─┐"))
        .unwrap();
    assert_eq!(rendered.source[at], GuideLine(9));
}

#[test]
fn code_frames_stay_square_around_emoji_with_selectors() {
    let out = show(
        "```python\nok = '✔️'  # ⚠️ done\nx = 1\n```",
        40,
        Overflow::Cut,
    );
    let widths: Vec<usize> = out[3..].iter().map(|l| wrap::width(l)).collect();
    assert!(
        widths.windows(2).all(|w| w[0] == w[1]),
        "{out:#?} {widths:?}"
    );
}

#[test]
fn code_cannot_reorder_or_control_the_terminal() {
    let out = show(
        "```python\nx = 'abc\u{202E}fed'  # \u{1b}[2J\n```",
        40,
        Overflow::Cut,
    );
    assert!(
        out.iter().any(|l| l.contains("x = 'abc�fed'  # ␛[2J")),
        "{out:#?}"
    );
}

#[test]
fn narrow_code_marks_continued_rows() {
    let out = show("```python\nabcdefghij\n```", 6, Overflow::Cut);
    assert_eq!(&out[3..], ["abcdef", "↪ghij"]);
}

#[test]
fn fit_keeps_short_text_and_ends_long_text_with_an_ellipsis() {
    assert_eq!(fit("Memory", 10), "Memory");
    assert_eq!(fit("Memory Management", 10), "Memory Ma…");
    assert_eq!(fit("Memory", 0), "");
    assert_eq!(fit("Memory", 1), "…");
    // Wide characters are never split: the cut falls before a cluster that would not fit.
    assert_eq!(fit("日本語の本", 6), "日本…");
    assert_eq!(display_width(&fit("日本語の本", 6)), 5);
    // Control characters cannot reach the terminal.
    assert_eq!(fit("a\u{1b}[31mb", 20), "a␛[31mb");
}

#[test]
fn only_pieces_wider_than_the_page_scroll_sideways() {
    let guide = guide(
        "Short text.\n\n```\n┌──────────────┐\n│ x            │\n└──────────────┘\n  ┆\n```\n\nAfter.",
    );
    let theme = Theme::new(ThemeKind::Dark, ColorMode::Plain);
    let page = Page::lesson(&guide.sections[0].lessons[0], &theme);
    let laid = page.layout(12, Overflow::Keep);
    let wide = laid.wider_than(12);
    let plain = laid.plain();
    let moving: Vec<&str> = plain
        .iter()
        .zip(&wide)
        .filter(|&(_, w)| *w)
        .map(|(l, _)| l.as_str())
        .collect();
    // The whole diagram moves, its narrow last row too; the prose around it does not.
    assert_eq!(moving.len(), 4, "{moving:?}");
    assert!(moving.contains(&"  ┆"));
    assert!(
        !moving
            .iter()
            .any(|l| l.contains("Short") || l.contains("After"))
    );
    assert!(laid.wider_than(100).iter().all(|w| !w));
}
