//! Measures what the benchmarks' targets are about, as percentiles: catalogue parse, graph
//! build, `--all --top 10` CSV, next moves and paths (p50/p99) with 100,000 observed moves and
//! 1,000 curated moves (half added with a note, half hidden).
//!
//! ```text
//! cargo run --release -p ladderless-graph --example latency
//! ```

use std::time::{Duration, Instant};

use ladderless_catalogue::bundled;
use ladderless_graph::{CuratedAction, CuratedEdge, Format, Graph, Inputs, write_moves};

fn main() {
    let start = Instant::now();
    let catalogue = bundled();
    let parse = start.elapsed();
    let graph = Graph::build(catalogue, &Inputs::default());
    let mut csv = Vec::new();
    write_moves(&graph, None, 10, Format::Csv, &mut csv).expect("csv");
    let all = start.elapsed();
    println!(
        "catalogue parse {:.0} ms; build {:.0} ms; parse + build + --all --top 10 csv {:.0} ms ({} lines)",
        ms(parse),
        ms(graph.build_time()),
        ms(all),
        csv.iter().filter(|&&b| b == b'\n').count()
    );

    let codes: Vec<&str> = catalogue.roles().iter().map(|r| r.code.as_str()).collect();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % codes.len() as u64) as usize
    };
    let observed: Vec<(String, String)> = (0..100_000)
        .map(|_| (codes[next()].to_owned(), codes[next()].to_owned()))
        .collect();
    // Hidden moves are taken from the graph's own suggestions, so that removal has work to do.
    let curated: Vec<CuratedEdge> = (0..1000)
        .map(|i| {
            let from = codes[next()];
            let (to, action) = if i % 2 == 0 {
                (codes[next()], CuratedAction::Add)
            } else {
                let n = graph.neighbours(from, 3).expect("neighbours");
                (
                    n.last().map_or(codes[next()], |n| n.to),
                    CuratedAction::Remove,
                )
            };
            CuratedEdge {
                from: from.to_owned(),
                to: to.to_owned(),
                action,
                note: Some("A move that works here".to_owned()),
                score: None,
                kind: None,
            }
        })
        .collect();
    let graph = Graph::build(
        catalogue,
        &Inputs {
            observed: &observed,
            curated: &curated,
            ..Inputs::default()
        },
    );
    println!(
        "build with 100,000 observed moves and 1,000 curated moves {:.0} ms",
        ms(graph.build_time())
    );

    // Each query is repeated; the best of the repeats shows the work itself, without the
    // time a busy machine keeps the thread waiting.
    let (mut all, mut best) = (Vec::new(), Vec::new());
    for code in &codes {
        let mut fastest = Duration::MAX;
        for _ in 0..REPEATS {
            let t = Instant::now();
            std::hint::black_box(graph.next_moves(code, 10).expect("moves"));
            all.push(t.elapsed());
            fastest = fastest.min(t.elapsed());
        }
        best.push(fastest);
    }
    report("next_moves top 10", &mut all, &mut best);

    let (mut all, mut best) = (Vec::new(), Vec::new());
    let mut found = 0;
    for _ in 0..2000 {
        let (a, b) = (codes[next()], codes[next()]);
        if a == b {
            continue;
        }
        let mut fastest = Duration::MAX;
        for _ in 0..REPEATS {
            let t = Instant::now();
            let p = graph.paths(a, b, 5, 4).expect("paths");
            all.push(t.elapsed());
            fastest = fastest.min(t.elapsed());
            found += usize::from(!p.is_empty());
        }
        best.push(fastest);
    }
    report("paths k=5 ≤4 steps", &mut all, &mut best);
    println!(
        "  ({} of {} random pairs reachable)",
        found / REPEATS,
        best.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// How many times each query runs.
const REPEATS: usize = 3;

fn report(name: &str, all: &mut [Duration], best: &mut [Duration]) {
    for (kind, times) in [("every run", all), ("best of 3 per query", best)] {
        times.sort();
        let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
        println!(
            "{name} ({kind}): n={} p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            times.len(),
            ms(at(0.5)),
            ms(at(0.99)),
            ms(at(1.0))
        );
    }
}
