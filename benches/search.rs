//! Search: building the index and answering queries, on the shipped guide and on 100 copies
//! of it (about 3.4 MB, 3300 lessons).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pyguide::guide::load;
use pyguide::search::{Index, search};

const GUIDE: &str = include_str!("../content/guide.md");

fn building(c: &mut Criterion) {
    let one = load::builtin().unwrap().guide;
    c.bench_function("search/index the shipped guide", |b| {
        b.iter(|| Index::build(black_box(&one)))
    });
    let big = load::from_bytes("big.md", GUIDE.repeat(100).as_bytes())
        .unwrap()
        .guide;
    let mut group = c.benchmark_group("search/100x");
    group.sample_size(20);
    group.bench_function("index", |b| b.iter(|| Index::build(black_box(&big))));
    group.finish();
}

fn querying(c: &mut Criterion) {
    let big = load::from_bytes("big.md", GUIDE.repeat(100).as_bytes())
        .unwrap()
        .guide;
    let index = Index::build(&big);
    for (name, query) in [
        ("one word", "asyncio"),
        ("two words", "garbage collection"),
        ("prefix", "metacl"),
        ("typo", "asynico"),
    ] {
        c.bench_function(&format!("search/100x query, {name}"), |b| {
            b.iter(|| search(&index, black_box(query), 20))
        });
    }
}

criterion_group!(benches, building, querying);
criterion_main!(benches);
