//! The tutor's frames: the first one after start, a keypress on a cached page, and the
//! first view of a page. Frames are encoded by ratatui's crossterm backend into a sink, so
//! the cost of turning cells into escape sequences is counted too.

use std::hint::black_box;
use std::io::Sink;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pyguide::guide::load;
use pyguide::render::{ColorMode, Theme, ThemeKind, warm_up};
use pyguide::tui::action::{Action, Edit};
use pyguide::tui::book::Book;
use pyguide::tui::finder::Finder;
use pyguide::tui::pages::Pages;
use pyguide::tui::state::State;
use pyguide::tui::theme::Styles;
use pyguide::tui::update::{Context, update};
use pyguide::tui::{self, view};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

type Screen = Terminal<CrosstermBackend<Sink>>;

fn screen(width: u16, height: u16) -> Screen {
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions { viewport },
    )
    .unwrap()
}

fn theme() -> Theme {
    Theme::new(ThemeKind::Dark, ColorMode::TrueColor)
}

/// Everything from the embedded text to the first frame on screen, as `pyguide` does it.
fn first_frame(c: &mut Criterion) {
    c.bench_function("tui/first frame 120x40 (load + lay out + draw)", |b| {
        b.iter(|| {
            let guide = load::builtin().unwrap().guide;
            tui::with_context(&guide, &theme(), |ctx| {
                let state = State::new(ctx.book, Size::new(120, 40));
                let mut terminal = screen(120, 40);
                terminal
                    .draw(|frame| view::draw(frame, &state, ctx))
                    .unwrap();
            })
        })
    });
}

fn keypresses(c: &mut Criterion) {
    let guide = load::builtin().unwrap().guide;
    let theme = theme();
    warm_up(&theme);
    tui::with_context(&guide, &theme, |ctx| keypresses_in(c, ctx));
}

fn keypresses_in(c: &mut Criterion, ctx: &Context) {
    let book = ctx.book;
    let mut terminal = screen(200, 60);
    let mut state = State::new(book, Size::new(200, 60));
    // 6.3 is the longest lesson: open it and its neighbour so both are cached.
    for action in [
        Action::Section(6),
        Action::NextPage,
        Action::NextPage,
        Action::PreviousPage,
    ] {
        update(&mut state, action, ctx);
    }
    let draw = |state: &State, terminal: &mut Screen| {
        terminal
            .draw(|frame| view::draw(frame, state, ctx))
            .unwrap();
    };
    draw(&state, &mut terminal);
    let mut down = true;
    c.bench_function("tui/keypress: scroll a line, 200x60", |b| {
        b.iter(|| {
            let action = if down { Action::Down } else { Action::Up };
            down = !down;
            update(&mut state, black_box(action), ctx);
            draw(&state, &mut terminal);
        })
    });
    let mut next = true;
    c.bench_function("tui/keypress: turn to a cached lesson, 200x60", |b| {
        b.iter(|| {
            let action = if next {
                Action::NextPage
            } else {
                Action::PreviousPage
            };
            next = !next;
            update(&mut state, black_box(action), ctx);
            draw(&state, &mut terminal);
        })
    });
}

/// Typing in the search box: every key re-ranks the guide and redraws the box; `n` jumps
/// to the next match (across pages) and draws it with the matches marked.
fn searching(c: &mut Criterion) {
    let guide = load::builtin().unwrap().guide;
    let theme = theme();
    warm_up(&theme);
    tui::with_context(&guide, &theme, |ctx| {
        let mut terminal = screen(200, 60);
        let mut state = State::new(ctx.book, Size::new(200, 60));
        update(&mut state, Action::Search, ctx);
        for c in "garbage col".chars() {
            update(&mut state, Action::Edit(Edit::Insert(c)), ctx);
        }
        let mut typing = true;
        c.bench_function("tui/search box: type or erase a letter, 200x60", |b| {
            b.iter(|| {
                let edit = if typing {
                    Edit::Insert('l')
                } else {
                    Edit::Backspace
                };
                typing = !typing;
                update(&mut state, black_box(Action::Edit(edit)), ctx);
                terminal
                    .draw(|frame| view::draw(frame, &state, ctx))
                    .unwrap();
            })
        });
        update(&mut state, Action::Close, ctx);
        update(&mut state, Action::Search, ctx);
        for _ in 0..20 {
            update(&mut state, Action::Edit(Edit::Backspace), ctx);
        }
        update(&mut state, Action::Edit(Edit::Insert('a')), ctx);
        update(&mut state, Action::Open, ctx);
        c.bench_function("tui/n: next match of 'a', marked, 200x60", |b| {
            b.iter(|| {
                update(&mut state, black_box(Action::NextMatch), ctx);
                terminal
                    .draw(|frame| view::draw(frame, &state, ctx))
                    .unwrap();
            })
        });
    });
}

/// Opening a lesson no one has looked at: highlight, lay out, draw (syntect already loaded,
/// as the tutor loads it in the background after its first frame).
fn first_view(c: &mut Criterion) {
    let guide = load::builtin().unwrap().guide;
    let book = Book::new(&guide);
    let theme = theme();
    warm_up(&theme);
    let styles = Styles::new(&theme);
    let mut terminal = screen(200, 60);
    c.bench_function("tui/first view of lesson 6.3, 200x60", |b| {
        b.iter_batched(
            || Pages::new(&book, &theme),
            |pages| {
                let finder = Finder::new(&book);
                let ctx = Context {
                    book: &book,
                    finder: &finder,
                    pages: &pages,
                    styles: &styles,
                };
                // As if 6.2 were on screen: the next page, 6.3, has never been shown.
                let mut state = State::new(&book, Size::new(200, 60));
                state.page = guide.find_page("6.2").unwrap();
                update(&mut state, Action::NextPage, &ctx);
                terminal
                    .draw(|frame| view::draw(frame, &state, &ctx))
                    .unwrap();
            },
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(benches, first_frame, keypresses, searching, first_view);
criterion_main!(benches);
