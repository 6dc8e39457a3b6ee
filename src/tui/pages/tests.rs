use super::*;
use crate::guide::load;
use crate::render::{ColorMode, ThemeKind};
use crate::tui::finder::Finder;
use crate::tui::state::State;
use crate::tui::theme::Styles;
use crate::tui::update::{Context, update};
use crate::tui::{action::Action, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;

fn theme() -> Theme {
    Theme::new(ThemeKind::Dark, ColorMode::TrueColor)
}

#[test]
fn a_layout_is_reused_until_the_width_changes() {
    let guide = load::builtin().unwrap().guide;
    let book = Book::new(&guide);
    let pages = Pages::new(&book, &theme());
    let page = guide.find_page("1.5").unwrap();
    let first = pages.get(page, 80).unwrap();
    assert!(Rc::ptr_eq(&first, &pages.get(page, 80).unwrap()));
    let wider = pages.get(page, 100).unwrap();
    assert!(!Rc::ptr_eq(&first, &wider));
    assert_ne!(first.lines.len(), 0);
}

fn broken(_: &Page<'_>, _: usize) -> Rendered {
    panic!("a table with no columns")
}

#[test]
fn a_page_that_fails_to_lay_out_shows_why_and_the_tutor_goes_on() {
    let guide = load::builtin().unwrap().guide;
    let book = Book::new(&guide);
    let pages = Pages::with_layout(&book, &theme(), broken);
    let page = guide.find_page("1.3").unwrap();
    let error = pages.get(page, 80).unwrap_err();
    assert!(error.contains("a table with no columns"), "{error}");
    assert_eq!(pages.extent(page, 80), (0, 0));

    let styles = Styles::new(&theme());
    let finder = Finder::new(&book);
    let ctx = Context {
        book: &book,
        finder: &finder,
        pages: &pages,
        styles: &styles,
    };
    let mut state = State::new(&book, Size::new(100, 30));
    for action in [
        Action::Section(1),
        Action::Down,
        Action::Bottom,
        Action::NextPage,
    ] {
        update(&mut state, action, &ctx);
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| view::draw(frame, &state, &ctx))
        .unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("This page could not be shown."), "{screen}");
    assert!(screen.contains("a table with no columns"));
    assert!(
        screen.contains("1.2 Functions & Closures"),
        "the breadcrumb still shows"
    );
}

#[test]
fn asking_for_the_cache_never_lays_out() {
    let guide = load::builtin().unwrap().guide;
    let book = Book::new(&guide);
    let pages = Pages::new(&book, &theme());
    let page = guide.find_page("1.4").unwrap();
    assert!(pages.cached(page, 80).is_none());
    assert!(pages.cached(page, 80).is_none(), "still not laid out");
    let laid = pages.get(page, 80).unwrap();
    assert!(Rc::ptr_eq(&laid, &pages.cached(page, 80).unwrap()));
    assert!(pages.cached(page, 81).is_none());
}
