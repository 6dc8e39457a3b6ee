//! Rendering: highlighting and laying out pages, as `show` and the TUI do.

use criterion::{Criterion, criterion_group, criterion_main};
use pyguide::guide::{LessonId, load};
use pyguide::render::{ColorMode, Overflow, Page, Theme, ThemeKind, ansi};
use std::hint::black_box;

fn rendering(c: &mut Criterion) {
    let guide = load::builtin().unwrap().guide;
    let colour = Theme::new(ThemeKind::Dark, ColorMode::TrueColor);
    let plain = Theme::new(ThemeKind::Dark, ColorMode::Plain);
    let mut group = c.benchmark_group("render");
    // What `show all --color always` does after loading (syntect's sets stay loaded).
    group.bench_function("show all, colour", |b| {
        b.iter(|| {
            let rendered = Page::guide(&guide, &colour).layout(100, Overflow::Cut);
            let mut out = Vec::with_capacity(200_000);
            ansi::write_lines(&mut out, &rendered.lines, ColorMode::TrueColor).unwrap();
            out
        })
    });
    group.bench_function("show all, plain", |b| {
        b.iter(|| Page::guide(&guide, &plain).layout(100, Overflow::Cut))
    });
    let lesson = guide.lesson(LessonId::new(1, 3)).unwrap();
    group.bench_function("lesson 1.3, first layout", |b| {
        b.iter(|| Page::lesson(lesson, &colour).layout(100, Overflow::Keep))
    });
    // A resize in the TUI: the page is highlighted already, only layout runs.
    let page = Page::lesson(lesson, &colour);
    page.layout(100, Overflow::Keep);
    group.bench_function("lesson 1.3, re-layout", |b| {
        b.iter(|| page.layout(black_box(87), Overflow::Keep))
    });
    group.finish();
}

criterion_group!(benches, rendering);
criterion_main!(benches);
