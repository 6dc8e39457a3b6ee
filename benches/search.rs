//! Search: building the index and answering queries, on the shipped guide and on 100 copies
//! of it (about 3.4 MB, 3300 lessons). After criterion's figures, the median and 99th
//! percentile of single queries, which criterion's means hide.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use pyguide::guide::{Guide, load};
use pyguide::search::{Index, Query, rank, search};

const GUIDE: &str = include_str!("../content/guide.md");

const QUERIES: [(&str, &str); 4] = [
    ("one word", "asyncio"),
    ("two words", "garbage collection"),
    ("prefix", "metacl"),
    ("typo", "asynico"),
];

fn big() -> Guide {
    load::from_bytes("big.md", GUIDE.repeat(100).as_bytes())
        .unwrap()
        .guide
}

fn building(c: &mut Criterion) {
    let one = load::builtin().unwrap().guide;
    c.bench_function("search/index the shipped guide", |b| {
        b.iter(|| Index::build(black_box(&one)))
    });
    let big = big();
    let mut group = c.benchmark_group("search/100x");
    group.sample_size(20);
    group.bench_function("index", |b| b.iter(|| Index::build(black_box(&big))));
    // What `pyguide search` does: index only what one query can match, then rank.
    for (name, query) in QUERIES {
        group.bench_function(format!("one-off search, {name}"), |b| {
            b.iter(|| {
                let parsed = Query::parse(black_box(query));
                rank(&Index::build_for(&big, &parsed), &parsed, 20)
            })
        });
    }
    group.finish();
}

fn querying(c: &mut Criterion) {
    let index = Index::build(&big());
    for (name, query) in QUERIES {
        c.bench_function(&format!("search/100x query, {name}"), |b| {
            b.iter(|| search(&index, black_box(query), 20))
        });
    }
}

/// Every prefix of each query, as typed into the tutor's search box, timed one by one.
fn percentiles() {
    let index = Index::build(&big());
    for (name, query) in QUERIES {
        let mut times: Vec<Duration> = Vec::new();
        for _ in 0..200 {
            for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let start = Instant::now();
                black_box(search(&index, black_box(&query[..end]), 20));
                times.push(start.elapsed());
            }
        }
        times.sort_unstable();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!(
            "search/100x keystrokes, {name}: median {:?}, p99 {:?}, max {:?} ({} queries)",
            at(0.5),
            at(0.99),
            at(1.0),
            times.len()
        );
    }
}

criterion_group!(benches, building, querying);

fn main() {
    benches();
    percentiles();
    Criterion::default().configure_from_args().final_summary();
}
