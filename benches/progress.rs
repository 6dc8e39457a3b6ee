//! Saving a tick: lock, read what is on disk, apply, write a synced temporary file, rename,
//! sync the directory. On this machine's disk, not a RAM disk.

use criterion::{Criterion, criterion_group, criterion_main};
use pyguide::progress::Change;
use pyguide::progress::store::Store;

fn ticking(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let store = Store::new(dir.path().join("progress.json"));
    let mut done = true;
    c.bench_function("progress/save a tick", |b| {
        b.iter(|| {
            done = !done;
            let change = Change::Tick {
                id: "beginner/python-syntax-data-types".into(),
                done,
            };
            store.apply(&change).unwrap()
        })
    });
}

criterion_group!(benches, ticking);
criterion_main!(benches);
