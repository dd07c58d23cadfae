//! Career graph benchmarks. Targets (release, 2-core machine): building the graph for the
//! whole catalogue ≤ 10 s (aim ≤ 2 s); next moves for one role p99 ≤ 2 ms; the best 5 paths
//! of up to 4 steps with gaps p99 ≤ 10 ms with 100,000 observed moves. Criterion reports
//! means; `cargo run --release -p ladderless-graph --example latency` reports the p99s.
//!
//! Run with `cargo bench -p ladderless-graph`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ladderless_catalogue::bundled;
use ladderless_graph::{Format, Graph, Inputs, write_moves};

/// 100,000 observed moves between pseudo-random pairs of roles (deterministic).
fn observed_moves(n: usize) -> Vec<(String, String)> {
    let codes: Vec<&str> = bundled().roles().iter().map(|r| r.code.as_str()).collect();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % codes.len() as u64) as usize
    };
    (0..n)
        .map(|_| (codes[next()].to_owned(), codes[next()].to_owned()))
        .collect()
}

fn build(c: &mut Criterion) {
    let catalogue = bundled();
    let observed = observed_moves(100_000);
    let mut group = c.benchmark_group("graph build");
    group.sample_size(10);
    group.bench_function("whole catalogue", |b| {
        b.iter(|| black_box(Graph::build(catalogue, &Inputs::default())))
    });
    group.bench_function("whole catalogue + 100k observed moves", |b| {
        let inputs = Inputs {
            observed: &observed,
            ..Inputs::default()
        };
        b.iter(|| black_box(Graph::build(catalogue, &inputs)))
    });
    group.finish();
}

fn queries(c: &mut Criterion) {
    let catalogue = bundled();
    let observed = observed_moves(100_000);
    let graph = Graph::build(
        catalogue,
        &Inputs {
            observed: &observed,
            ..Inputs::default()
        },
    );
    let codes: Vec<&str> = catalogue.roles().iter().map(|r| r.code.as_str()).collect();
    let mut i = 0;
    c.bench_function("next_moves top 10 (with gaps and why)", |b| {
        b.iter(|| {
            i = (i + 37) % codes.len();
            black_box(graph.next_moves(codes[i], 10))
        })
    });
    let mut j = 0;
    c.bench_function("paths k=5 max 4 steps (100k observed moves)", |b| {
        b.iter(|| {
            j = (j + 101) % codes.len();
            let to = codes[(j * 7 + 13) % codes.len()];
            black_box(graph.paths(codes[j], to, 5, 4))
        })
    });
    let plain = Graph::build(catalogue, &Inputs::default());
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("write_moves --all --top 10 csv", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            write_moves(&plain, None, 10, Format::Csv, &mut out).expect("csv");
            black_box(out)
        })
    });
    group.finish();
}

criterion_group!(benches, build, queries);
criterion_main!(benches);
