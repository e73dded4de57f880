//! Speed of the engine, measured rather than asserted: a whole report for each built-in
//! assessment (what the app recomputes on every click), the outlook over all 3^7 profiles, the
//! counterfactual search at its worst case, and reading a file. `cargo bench -p nasss-core`.

use criterion::{criterion_group, criterion_main, Criterion};
use nasss_core::explain::changes;
use nasss_core::model::Complexity;
use nasss_core::outlook::band;
use std::hint::black_box;

fn engine(c: &mut Criterion) {
    for example in nasss_core::examples::examples().take(4) {
        let assessment = example.assessment();
        c.bench_function(&format!("assess/{}", example.id), |b| {
            b.iter(|| nasss_core::assess(black_box(&assessment)))
        });
    }
    c.bench_function("band/all 2187 profiles", |b| {
        b.iter(|| {
            (0..3usize.pow(7))
                .map(|mut n| {
                    let profile: [Complexity; 7] = std::array::from_fn(|_| {
                        let level = Complexity::ALL[n % 3];
                        n /= 3;
                        level
                    });
                    band(black_box(&profile)) as u32
                })
                .sum::<u32>()
        })
    });
    c.bench_function("changes/all complex", |b| {
        b.iter(|| changes(black_box(&[Complexity::Complex; 7])))
    });
    let json = nasss_core::examples::example("digital-telecare-full")
        .map(|e| e.json)
        .unwrap_or_default();
    c.bench_function("load/full assessment", |b| {
        b.iter(|| nasss_core::load(black_box(json)))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
