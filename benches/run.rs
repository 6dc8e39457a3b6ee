//! The tutor while a program floods its output: each 64 KiB chunk taken and the frame
//! redrawn, with nearly the whole 1 MB kept already; and a redraw alone. The frame budget
//! is 16 ms.

use std::io::Sink;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pyguide::guide::load;
use pyguide::progress::Change;
use pyguide::render::{ColorMode, Theme, ThemeKind, warm_up};
use pyguide::run::transcript::Transcript;
use pyguide::run::{Event, OUTPUT_CAP, Stream};
use pyguide::tui::action::Action;
use pyguide::tui::state::State;
use pyguide::tui::update::{Context, update};
use pyguide::tui::{self, view};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

const CHUNK: usize = 64 * 1024;

fn screen() -> Terminal<CrosstermBackend<Sink>> {
    let viewport = Viewport::Fixed(Rect::new(0, 0, 120, 40));
    Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions { viewport },
    )
    .unwrap()
}

/// Lines of mixed length, some long enough to wrap, as a chatty program prints.
fn output(bytes: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes + 200);
    let mut n = 0;
    while out.len() < bytes {
        let width = [12, 80, 150, 40][n % 4];
        out.extend(format!("{n:>6} {}\n", "x".repeat(width)).as_bytes());
        n += 1;
    }
    out.truncate(bytes);
    out
}

fn chunk(bytes: &[u8]) -> Action {
    Action::Ran {
        id: 1,
        event: Event::Output(Stream::Out, bytes.to_vec()),
    }
}

/// Lesson 2.5 with its block running and `kept` bytes of output in the pane.
fn running(ctx: &Context, kept: usize) -> State {
    let mut state = State::new(ctx.book, Size::new(120, 40));
    state.python = Ok("/usr/bin/python3".into());
    state
        .progress
        .apply(&Change::AllowPython("/usr/bin/python3".into()), "");
    for action in [Action::Section(2), Action::NextPage, Action::NextPage] {
        update(&mut state, action, ctx);
    }
    for action in [Action::NextPage, Action::NextPage, Action::RunBlock] {
        update(&mut state, action, ctx);
    }
    for piece in output(kept).chunks(CHUNK) {
        update(&mut state, chunk(piece), ctx);
    }
    assert!(
        state
            .run
            .as_ref()
            .is_some_and(|r| r.transcript.bytes == kept)
    );
    state
}

fn flood(c: &mut Criterion) {
    let guide = load::builtin().unwrap().guide;
    let theme = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
    warm_up(&theme);
    tui::with_context(&guide, &theme, |ctx| {
        let full = running(ctx, OUTPUT_CAP - CHUNK);
        let next = chunk(&output(CHUNK));
        let mut terminal = screen();
        c.bench_function("run/64 KiB chunk taken + frame drawn, ~1 MB kept", |b| {
            b.iter_batched(
                || full.clone(),
                |mut state| {
                    update(&mut state, next.clone(), ctx);
                    terminal
                        .draw(|frame| view::draw(frame, &state, ctx))
                        .unwrap();
                    state
                },
                BatchSize::LargeInput,
            )
        });
        c.bench_function("run/frame drawn, ~1 MB kept", |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| view::draw(frame, &full, ctx))
                    .unwrap();
            })
        });
    });
    let bytes = output(OUTPUT_CAP);
    c.bench_function("run/transcript of 1 MB in 64 KiB chunks", |b| {
        b.iter(|| {
            let mut t = Transcript::default();
            for piece in bytes.chunks(CHUNK) {
                t.push(Stream::Out, piece);
            }
            t
        })
    });
}

criterion_group!(benches, flood);
criterion_main!(benches);
