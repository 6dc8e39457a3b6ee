//! The tutor's screens on the real guide, drawn into ratatui's TestBackend: what a person
//! sees at 80×24 and 120×40, as text snapshots, plus the styles that carry meaning.

use pyguide::guide::{BlockKind, load};
use pyguide::render::ColorMode;
use pyguide::tui::action::Action;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

mod common;

use common::text;

/// Starts the tutor at `width`×`height`, applies `actions`, and returns the drawn screen.
fn screen(mode: ColorMode, width: u16, height: u16, actions: &[Action]) -> Buffer {
    common::drive(mode, width, height, actions).1
}

fn plain(width: u16, height: u16, actions: &[Action]) -> String {
    text(&screen(ColorMode::Monochrome, width, height, actions))
}

fn open(id: &str) -> Vec<Action> {
    let (section, lesson) = id.split_once('.').unwrap();
    let mut actions = vec![Action::Section(section.parse().unwrap())];
    let turns: usize = lesson.parse::<usize>().unwrap() - 1;
    actions.extend(std::iter::repeat_n(Action::NextPage, turns));
    actions
}

#[test]
fn home_screen() {
    insta::assert_snapshot!("home_80x24", plain(80, 24, &[]));
    insta::assert_snapshot!("home_120x40", plain(120, 40, &[]));
}

#[test]
fn lesson_2_1_shows_its_diagram_verbatim() {
    let shown = plain(120, 40, &open("2.1"));
    let guide = load::builtin().unwrap().guide;
    let lesson = guide.lesson("2.1".parse().unwrap()).unwrap();
    let diagram = lesson
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Diagram(text) => Some(text),
            _ => None,
        })
        .expect("2.1 has a diagram");
    // The diagram's rows on screen are the guide's lines, unchanged (the screen is shorter
    // than the diagram, so its first rows are checked).
    for row in diagram.lines().take(30) {
        assert!(
            shown.contains(row.trim_end()),
            "{row:?} is not on screen:\n{shown}"
        );
    }
    insta::assert_snapshot!("lesson_2_1_120x40", shown);
    insta::assert_snapshot!("lesson_2_1_80x24", plain(80, 24, &open("2.1")));
    insta::assert_snapshot!("lesson_2_1_80x24", plain(80, 24, &open("2.1")));
}

#[test]
fn lesson_4_4_shows_a_table() {
    let shown = plain(120, 40, &open("4.4"));
    assert!(shown.contains("Threading"), "{shown}");
    insta::assert_snapshot!("lesson_4_4_120x40", shown);
    insta::assert_snapshot!("lesson_4_4_80x24", plain(80, 24, &open("4.4")));
}

#[test]
fn lesson_1_2_shows_framed_code() {
    insta::assert_snapshot!("lesson_1_2_120x40", plain(120, 40, &open("1.2")));
    insta::assert_snapshot!("lesson_1_2_80x24", plain(80, 24, &open("1.2")));
}

#[test]
fn help_overlay() {
    insta::assert_snapshot!("help_80x24", plain(80, 24, &[Action::ToggleHelp]));
    insta::assert_snapshot!("help_120x40", plain(120, 40, &[Action::ToggleHelp]));
}

#[test]
fn help_is_whole_in_the_smallest_layout() {
    let shown = plain(60, 15, &[Action::ToggleHelp]);
    let in_box = |screen: &str| -> String {
        screen
            .lines()
            .skip_while(|l| !l.contains("╭ Help"))
            .take_while(|l| !l.contains("Esc closes"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        in_box(&shown).contains("move down / scroll down"),
        "{shown}"
    );
    assert!(!in_box(&shown).contains('…'), "{shown}");
    let scrolled = plain(60, 15, &[Action::ToggleHelp, Action::Bottom]);
    assert!(
        in_box(&scrolled).contains("its end. Turning pages reads nothing."),
        "{scrolled}"
    );
    assert!(!in_box(&scrolled).contains('…'), "{scrolled}");
}

#[test]
fn too_small_screen() {
    let shown = plain(59, 20, &[]);
    assert!(
        shown.contains("terminal too small: need at least 60×15, have 59×20"),
        "{shown}"
    );
    insta::assert_snapshot!("too_small_30x8", plain(30, 8, &[]));
}

#[test]
fn every_size_down_to_one_by_one_draws() {
    let actions = [open("2.4"), vec![Action::ToggleHelp, Action::Bottom]].concat();
    for width in (1..=70).step_by(3) {
        for height in 1..=20 {
            let buf = screen(ColorMode::Monochrome, width, height, &actions);
            assert_eq!(buf.area.width, width);
        }
    }
}

#[test]
fn a_breadcrumb_that_just_fits_is_shown_whole() {
    // The breadcrumb is 69 columns; the title row of a 75-column pane has room for it and
    // the spaces around it, and so does every wider pane.
    let whole = "2 Python Internals & Architecture › 2.4 Global Interpreter Lock (GIL)";
    for width in 75..=80 {
        let mut actions = vec![Action::ToggleSidebar];
        actions.extend(open("2.4"));
        let shown = plain(width, 24, &actions);
        let title = shown.lines().next().unwrap_or_default();
        assert!(title.contains(whole), "at {width}: {title}");
    }
}

#[test]
fn wide_diagrams_are_cut_by_the_pane_and_marked() {
    let shown = plain(80, 24, &open("2.4"));
    let marked: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("›│") || l.contains("›█"))
        .collect();
    assert!(marked.len() >= 8, "{shown}");
    let moved = plain(80, 24, &[open("2.4"), vec![Action::Right]].concat());
    assert!(moved.contains("‹"), "{moved}");
    assert!(moved.contains("col 9"), "{moved}");
    // Only the diagram moves: the heading and the prose wrapped to the pane stay whole.
    assert!(
        moved.contains("│ 2.4 Global Interpreter Lock (GIL)"),
        "{moved}"
    );
    assert!(moved.contains("│ Key Points:"), "{moved}");
    let gil = moved.lines().find(|l| l.contains("GIL (Mutex)")).unwrap();
    assert!(gil.contains('‹'), "{gil}");
    assert!(
        !moved
            .lines()
            .any(|l| l.contains("‹ Key") || l.contains("‹Key"))
    );
    insta::assert_snapshot!("lesson_2_4_sideways_80x24", moved);
}

#[test]
fn the_selection_is_reverse_video_without_colour() {
    let buf = screen(ColorMode::Monochrome, 80, 24, &[Action::Down]);
    // Row 2 of the sidebar is section 1, selected.
    let cell = &buf[(3, 2)];
    assert_eq!(cell.symbol(), "1");
    assert!(cell.modifier.contains(Modifier::REVERSED));
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

#[test]
fn code_is_coloured_in_true_colour() {
    let buf = screen(ColorMode::TrueColor, 120, 40, &open("1.2"));
    let shown = text(&buf);
    let (row, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("def "))
        .expect("a function definition on screen");
    let column = line[..line.find("def ").unwrap()].chars().count() as u16;
    let def = &buf[(column, row as u16)];
    assert_eq!(def.symbol(), "d");
    assert!(matches!(def.fg, Color::Rgb(..)), "{def:?}");
}
