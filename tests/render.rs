//! The shared renderer on the real guide: snapshots of plain output, and what must hold at
//! any width.

use pyguide::guide::{Guide, LessonId, load};
use pyguide::render::{ColorMode, Overflow, Page, Theme, ThemeKind};

fn guide() -> Guide {
    load::builtin().expect("the built-in guide loads").guide
}

fn plain(id: &str, width: usize) -> String {
    let guide = guide();
    let lesson = guide.lesson(id.parse::<LessonId>().unwrap()).unwrap();
    let theme = Theme::new(ThemeKind::Dark, ColorMode::Plain);
    Page::lesson(lesson, &theme)
        .layout(width, Overflow::Cut)
        .plain()
        .join("\n")
}

#[test]
fn lesson_2_1_diagram() {
    insta::assert_snapshot!(plain("2.1", 80));
}

#[test]
fn lesson_4_4_table() {
    insta::assert_snapshot!(plain("4.4", 80));
}

#[test]
fn lesson_4_4_table_narrow() {
    insta::assert_snapshot!(plain("4.4", 60));
}

#[test]
fn lesson_1_3_code() {
    insta::assert_snapshot!(plain("1.3", 80));
}

#[test]
fn lesson_2_4_diagram_prose_and_code() {
    insta::assert_snapshot!(plain("2.4", 80));
}

#[test]
fn box_corners_line_up_with_the_sides_below_them() {
    // The guide's own art is sometimes a column off; what matters is that rendering keeps
    // each character in the column the guide gave it.
    let out = plain("2.3", 80);
    let source = include_str!("../content/guide.md");
    let art: Vec<&str> = source.lines().skip(265).take(14).collect();
    let shown: Vec<&str> = out.lines().skip(3).take(14).collect();
    assert_eq!(shown, art);
}

#[test]
fn every_lesson_renders_within_its_width_in_every_mode() {
    let guide = guide();
    for mode in [
        ColorMode::TrueColor,
        ColorMode::Ansi256,
        ColorMode::Monochrome,
        ColorMode::Plain,
    ] {
        let theme = Theme::new(ThemeKind::Light, mode);
        for lesson in guide.lessons() {
            let page = Page::lesson(lesson, &theme);
            for width in [20, 60, 100] {
                let rendered = page.layout(width, Overflow::Cut);
                let widest = rendered.lines.iter().map(|l| l.width()).max().unwrap_or(0);
                assert!(
                    widest <= width,
                    "{} at {width} in {mode:?}: {widest}",
                    lesson.id
                );
            }
        }
    }
}

#[test]
fn kept_diagrams_are_never_cut() {
    let guide = guide();
    let theme = Theme::new(ThemeKind::Dark, ColorMode::Plain);
    let lesson = guide.lesson(LessonId::new(7, 1)).unwrap();
    let out = Page::lesson(lesson, &theme)
        .layout(30, Overflow::Keep)
        .plain();
    assert!(
        out.iter()
            .any(|l| l == "│  │ (Actions)│◄──►│ (Brain)  │◄──►│ (Context)│                   │")
    );
    assert!(!out.iter().any(|l| l.ends_with('›')));
}

#[test]
fn code_lines_point_at_their_guide_lines() {
    let guide = guide();
    let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
    let lesson = guide.lesson(LessonId::new(1, 2)).unwrap();
    let rendered = Page::lesson(lesson, &theme).layout(100, Overflow::Cut);
    let at = rendered
        .plain()
        .iter()
        .position(|l| l.contains("print(double(5))"))
        .unwrap();
    assert_eq!(rendered.source[at], pyguide::guide::GuideLine(55));
}
