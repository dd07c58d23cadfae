//! Measures what the benchmarks' targets are about, as percentiles: catalogue parse, graph
//! build, `--all --top 10` CSV, next moves and paths (p50/p99) with 100,000 observed moves.
//!
//! ```text
//! cargo run --release -p ladderless-graph --example latency
//! ```

use std::time::{Duration, Instant};

use ladderless_catalogue::bundled;
use ladderless_graph::{Format, Graph, Inputs, write_moves};

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
    let graph = Graph::build(
        catalogue,
        &Inputs {
            observed: &observed,
            ..Inputs::default()
        },
    );
    println!(
        "build with 100,000 observed moves {:.0} ms",
        ms(graph.build_time())
    );

    let mut moves = Vec::new();
    for _ in 0..3 {
        for code in &codes {
            let t = Instant::now();
            std::hint::black_box(graph.next_moves(code, 10).expect("moves"));
            moves.push(t.elapsed());
        }
    }
    report("next_moves top 10", &mut moves);

    let mut paths = Vec::new();
    let mut found = 0;
    for _ in 0..3000 {
        let (a, b) = (codes[next()], codes[next()]);
        if a == b {
            continue;
        }
        let t = Instant::now();
        let p = graph.paths(a, b, 5, 4).expect("paths");
        paths.push(t.elapsed());
        found += usize::from(!p.is_empty());
    }
    report("paths k=5 ≤4 steps", &mut paths);
    println!("  ({found} of {} random pairs reachable)", paths.len());
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!(
        "{name}: n={} p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0))
    );
}
