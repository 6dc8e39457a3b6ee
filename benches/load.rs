//! Loading: read, repair and parse the guide into the model.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pyguide::guide::load;
use std::hint::black_box;

const GUIDE: &str = include_str!("../content/guide.md");
const RAW: &[u8] = include_bytes!("../tests/data/guide.raw.md");

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(GUIDE.len() as u64));
    group.bench_function("builtin", |b| b.iter(|| load::builtin().unwrap()));
    group.throughput(Throughput::Bytes(RAW.len() as u64));
    group.bench_function("raw (repair)", |b| {
        b.iter(|| load::from_bytes("raw", black_box(RAW)).unwrap())
    });
    group.finish();
}

/// The same work on 1x, 10x and 100x the guide, and pulldown-cmark alone for comparison:
/// throughput that stays flat as the input grows means no quadratic step.
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    for times in [1, 10, 100] {
        let text = GUIDE.repeat(times);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("load", times), &text, |b, text| {
            b.iter(|| load::from_bytes("big", black_box(text.as_bytes())).unwrap())
        });
        group.bench_with_input(
            BenchmarkId::new("pulldown-cmark only", times),
            &text,
            |b, text| {
                b.iter(|| {
                    // The options the loader uses.
                    let options = pulldown_cmark::Options::ENABLE_TABLES
                        | pulldown_cmark::Options::ENABLE_TASKLISTS
                        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
                    pulldown_cmark::Parser::new_ext(black_box(text), options)
                        .into_offset_iter()
                        .count()
                })
            },
        );
    }
    group.finish();
}

/// A 50 MB guide (about 1500 copies) loads in proportion to its size.
fn fifty_megabytes(c: &mut Criterion) {
    let text = GUIDE.repeat(50 * 1024 * 1024 / GUIDE.len());
    let mut group = c.benchmark_group("50MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("load", |b| {
        b.iter(|| load::from_bytes("huge", black_box(text.as_bytes())).unwrap())
    });
    group.finish();
}

criterion_group!(benches, loading, scaling, fifty_megabytes);
criterion_main!(benches);
