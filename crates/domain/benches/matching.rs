//! The matching engine on a synthetic organisation of 100,000 people and 20,000 open
//! placements (fixed seed, 3,000 skills with skewed popularity; see
//! `ladderless_domain::placement::synthetic`). Prints p50/p99 from per-call times it collects
//! itself, the ratio to the naive loop measured in the same run, build time, resident memory
//! and the time to recommend for everyone (the weekly digest) on all cores.
//!
//! `cargo bench -p ladderless-domain --bench matching`
//!
//! Targets (issue 9): top 20 with explanations p99 ≤ 2 ms and ≥ 20× the naive loop; best 50
//! candidates p99 ≤ 20 ms; one skill change ≤ 1 ms; build ≤ 20 s; everyone ≤ 60 s on 2 cores;
//! index memory well under 1.5 GiB.

use ladderless_domain::placement::matching::{Index, PeopleIndex, Seeker};
use ladderless_domain::placement::synthetic::{Rng, Shape, organisation, related, skill, today};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SHAPE: Shape = Shape {
    skills: 3000,
    placements: 20_000,
    people: 100_000,
    directions: 30,
};

/// Resident memory in bytes, from /proc/self/statm (0 where there is none).
fn resident() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn quantiles(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    // `cargo test --benches` runs this with no bench flag: keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        println!("matching bench: run with `cargo bench -p ladderless-domain --bench matching`");
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("synthetic organisation: {SHAPE:?}, {cores} cores");
    let (cards, people) = organisation(&SHAPE, 2026);
    let before = resident();
    let t = Instant::now();
    let index = Index::build(cards);
    let placements_built = t.elapsed();
    let t = Instant::now();
    let mut who: PeopleIndex<_> = PeopleIndex::build(people.iter().cloned());
    let people_built = t.elapsed();
    let after = resident();
    println!(
        "index build: placements {} ({} of them), people {} ({} of them); resident memory +{:.0} MiB (from {:.0} to {:.0} MiB, the generated input included in both)",
        ms(placements_built),
        index.len(),
        ms(people_built),
        who.len(),
        (after.saturating_sub(before)) as f64 / 1048576.0,
        before as f64 / 1048576.0,
        after as f64 / 1048576.0
    );

    // Top 20 for one person: the index against the naive loop, the same people, same run.
    let day = today();
    let sample: Vec<&Seeker> = people
        .iter()
        .step_by(97)
        .take(1000)
        .map(|(_, s)| s)
        .collect();
    let mut fast = Vec::new();
    let mut naive = Vec::new();
    for s in &sample {
        let t = Instant::now();
        black_box(index.recommend(s, day, 20, &|_| false));
        fast.push(t.elapsed());
    }
    for s in sample.iter().take(200) {
        let t = Instant::now();
        black_box(index.recommend_naive(s, day, 20, &|_| false));
        naive.push(t.elapsed());
    }
    let (f50, f99) = quantiles(fast.clone());
    let (n50, n99) = quantiles(naive.clone());
    let mean = |v: &[Duration]| v.iter().sum::<Duration>() / v.len() as u32;
    println!(
        "top 20 for one person (1,000 people): p50 {} p99 {} mean {}",
        ms(f50),
        ms(f99),
        ms(mean(&fast))
    );
    println!(
        "naive loop over every placement (200 people): p50 {} p99 {} mean {}",
        ms(n50),
        ms(n99),
        ms(mean(&naive))
    );
    println!(
        "ratio naive / index: p50 {:.1}x, p99 {:.1}x, mean {:.1}x",
        n50.as_secs_f64() / f50.as_secs_f64(),
        n99.as_secs_f64() / f99.as_secs_f64(),
        mean(&naive).as_secs_f64() / mean(&fast).as_secs_f64()
    );

    // Best 50 candidates for one placement.
    let cards: Vec<_> = index.cards().take(500).cloned().collect();
    let mut times = Vec::new();
    for c in &cards {
        let t = Instant::now();
        black_box(who.candidates(c, 50, &|_| false));
        times.push(t.elapsed());
    }
    let (c50, c99) = quantiles(times);
    println!(
        "best 50 candidates for one placement (500 placements): p50 {} p99 {}",
        ms(c50),
        ms(c99)
    );

    // One skill change: a person's level moves, the index replaces them.
    let mut rng = Rng::new(5);
    let mut times = Vec::new();
    for i in 0..1000 {
        let (k, s) = &people[(i * 89) % people.len()];
        let mut s = s.clone();
        s.skills
            .insert(skill(rng.below(SHAPE.skills)), 1 + rng.below(5) as i32);
        s.related = related(&s.skills);
        let t = Instant::now();
        who.upsert(*k, s);
        times.push(t.elapsed());
    }
    let (u50, u99) = quantiles(times);
    println!(
        "incremental update after one skill change (1,000 changes): p50 {} p99 {}",
        ms(u50),
        ms(u99)
    );

    // Everyone's top 20, the weekly digest, on every core.
    let t = Instant::now();
    let chunk = people.len().div_ceil(cores);
    let total: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = people
            .chunks(chunk)
            .map(|part| {
                let index = &index;
                scope.spawn(move || {
                    part.iter()
                        .map(|(_, s)| index.recommend(s, day, 20, &|_| false).len())
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    println!(
        "recommendations for everyone ({} people, {total} recommendations, {cores} threads): {:.1} s",
        people.len(),
        t.elapsed().as_secs_f64()
    );
}
