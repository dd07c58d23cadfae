//! Catalogue benchmarks. Targets (release, 2-core machine): parsing the bundled data < 300 ms;
//! `search_roles` and `search_skills` < 1 ms per query.
//!
//! Run with `cargo bench -p ladderless-catalogue`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ladderless_catalogue::{Catalogue, DataFiles, bundled};

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalogue");
    group.sample_size(10);
    group.bench_function("parse bundled data", |b| {
        b.iter(|| black_box(Catalogue::parse(&DataFiles::BUNDLED)))
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let catalogue = bundled();
    let role_queries = [
        "nurse",
        "software engineer",
        "rn",
        "product manager",
        "chief",
    ];
    c.bench_function("search_roles (5 queries)", |b| {
        b.iter(|| {
            for q in role_queries {
                black_box(catalogue.search_roles(black_box(q), 10));
            }
        })
    });
    let skill_queries = ["py", "python", "project man", "communicat", "xyzzy"];
    c.bench_function("search_skills (5 queries)", |b| {
        b.iter(|| {
            for q in skill_queries {
                black_box(catalogue.search_skills(black_box(q), 10));
            }
        })
    });
}

criterion_group!(benches, parse, search);
criterion_main!(benches);
