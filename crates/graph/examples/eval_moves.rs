//! Evaluates next moves against O*NET's career changers matrix (evaluation only: the product
//! never reads that file). Prints Recall@10 and nDCG@10 for the product weights and the
//! baselines, the number of distinct roles across all top-10 lists, and the build time.
//!
//! ```text
//! cargo run --release -p ladderless-graph --example eval_moves -- \
//!     /work/shared/data/eval/onet_career_changers_matrix.csv [--weights name=value,...] [--tune]
//! ```
//!
//! `--tune` runs a coordinate search over the weights on the even-numbered source roles and
//! reports the odd-numbered ones as held out. Exits cleanly when the file is absent.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use ladderless_graph::{Graph, Inputs, Weights};

/// Source code → related codes in rank order.
type Truth = Vec<(String, Vec<String>)>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!(
            "usage: eval_moves PATH/onet_career_changers_matrix.csv [--weights k=v,...] [--tune]"
        );
        return;
    };
    let truth = match read_truth(path) {
        Ok(t) => t,
        Err(err) => {
            eprintln!("skipping evaluation: cannot read {path}: {err}");
            return;
        }
    };
    let mut weights = Weights::default();
    if let Some(at) = args.iter().position(|a| a == "--weights") {
        for pair in args
            .get(at + 1)
            .map(String::as_str)
            .unwrap_or("")
            .split(',')
        {
            let Some((k, v)) = pair.split_once('=') else {
                continue;
            };
            let value: f32 = v.parse().expect("weight value");
            assert!(weights.set(k.trim(), value), "unknown weight {k}");
        }
    }
    let catalogue = ladderless_catalogue::bundled();
    if let Some(at) = args.iter().position(|a| a == "--detail") {
        let graph = Graph::build_with(catalogue, &Inputs::default(), &weights);
        detail(
            &graph,
            &truth,
            args.get(at + 1).map(String::as_str).unwrap_or(""),
        );
        return;
    }
    if args.iter().any(|a| a == "--tune") {
        tune(catalogue, &truth, weights);
        return;
    }
    let runs = [
        ("baseline: O*NET skills cosine", Weights::baseline_skills()),
        (
            "baseline: skills + knowledge",
            Weights::baseline_skills_knowledge(),
        ),
        (
            "baseline: tasks + knowledge + titles",
            Weights::baseline_tasks_knowledge_titles(),
        ),
        ("product (Weights::default or --weights)", weights),
    ];
    println!(
        "{} source roles, {} related pairs",
        truth.len(),
        truth.iter().map(|t| t.1.len()).sum::<usize>()
    );
    println!(
        "{:<42} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}",
        "run", "Recall@10", "nDCG@10", "R@10 even", "R@10 odd", "distinct", "build"
    );
    for (name, w) in runs {
        let start = Instant::now();
        let graph = Graph::build_with(catalogue, &Inputs::default(), &w);
        let build = start.elapsed();
        let m = measure(&graph, &truth);
        println!(
            "{name:<42} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9} {:>6.0}ms",
            m.recall,
            m.ndcg,
            m.recall_even,
            m.recall_odd,
            m.distinct,
            build.as_secs_f64() * 1000.0
        );
        if name.starts_with("product") {
            println!(
                "most frequent targets across all top-10 lists: {}",
                m.hubs.join(", ")
            );
        }
    }
}

fn read_truth(path: &str) -> Result<Truth, Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(format!("no column {name}"))
    };
    let (code, related, index) = (col("code")?, col("related_code")?, col("index")?);
    let mut by_code: HashMap<String, Vec<(u32, String)>> = HashMap::new();
    for row in reader.records() {
        let row = row?;
        by_code
            .entry(row[code].to_owned())
            .or_default()
            .push((row[index].parse()?, row[related].to_owned()));
    }
    let mut truth: Truth = by_code
        .into_iter()
        .map(|(c, mut r)| {
            r.sort();
            (c, r.into_iter().map(|(_, code)| code).collect())
        })
        .collect();
    truth.sort();
    Ok(truth)
}

struct Measures {
    recall: f64,
    ndcg: f64,
    recall_even: f64,
    recall_odd: f64,
    distinct: usize,
    hubs: Vec<String>,
}

fn measure(graph: &Graph, truth: &Truth) -> Measures {
    let (mut recall, mut ndcg, mut halves, mut counts) = (
        Vec::new(),
        Vec::new(),
        [Vec::new(), Vec::new()],
        [0usize; 2],
    );
    for (k, (code, related)) in truth.iter().enumerate() {
        let Ok(predicted) = graph.neighbours(code, 10) else {
            continue;
        };
        let relevant: HashSet<&str> = related.iter().map(String::as_str).collect();
        let mut dcg = 0.0;
        let mut hits = 0;
        for (rank, n) in predicted.iter().enumerate() {
            if relevant.contains(n.to) {
                hits += 1;
                dcg += 1.0 / ((rank + 2) as f64).log2();
            }
        }
        let ideal: f64 = (0..relevant.len().min(10))
            .map(|r| 1.0 / ((r + 2) as f64).log2())
            .sum();
        let r = hits as f64 / relevant.len() as f64;
        recall.push(r);
        ndcg.push(dcg / ideal);
        halves[k % 2].push(r);
        counts[k % 2] += 1;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for code in graph.codes() {
        for n in graph.neighbours(code, 10).unwrap_or_default() {
            *freq.entry(n.to).or_default() += 1;
        }
    }
    let mut hubs: Vec<(&str, usize)> = freq.iter().map(|(&c, &n)| (c, n)).collect();
    hubs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    Measures {
        recall: mean(&recall),
        ndcg: mean(&ndcg),
        recall_even: mean(&halves[0]),
        recall_odd: mean(&halves[1]),
        distinct: freq.len(),
        hubs: hubs
            .iter()
            .take(5)
            .map(|(c, n)| format!("{c} {} ({n})", graph.title(c).unwrap_or("")))
            .collect(),
    }
}

/// Coordinate search on the even half; prints each improvement with the odd half alongside.
fn tune(catalogue: &ladderless_catalogue::Catalogue, truth: &Truth, start: Weights) {
    let eval = |w: &Weights| {
        let g = Graph::build_with(catalogue, &Inputs::default(), w);
        let m = measure(&g, truth);
        (m.recall_even, m.recall_odd, m.ndcg)
    };
    let mut best = start;
    let mut best_score = eval(&best);
    println!(
        "start: even {:.4} odd {:.4} ndcg {:.4}",
        best_score.0, best_score.1, best_score.2
    );
    for round in 0..2 {
        for name in Weights::NAMES {
            let current = best.get(name).unwrap_or(0.0);
            let candidates = if current == 0.0 {
                vec![0.02, 0.1, 0.3]
            } else {
                vec![
                    0.0,
                    current * 0.5,
                    current * 0.75,
                    current * 1.33,
                    current * 2.0,
                ]
            };
            for value in candidates {
                let mut w = best.clone();
                w.set(name, value);
                let score = eval(&w);
                if score.0 > best_score.0 + 0.0005 {
                    println!(
                        "round {round}: {name} = {value:.3}: even {:.4} odd {:.4} ndcg {:.4}",
                        score.0, score.1, score.2
                    );
                    best = w;
                    best_score = score;
                }
            }
        }
    }
    println!("best: {best:?}");
}

/// Where the related roles rank in the product's lists, how the lists and the answers are
/// spread over SOC groups, and the lists of the roles named (comma-separated codes).
fn detail(graph: &Graph, truth: &Truth, codes: &str) {
    let mut buckets = [0usize; 5];
    let groups = [
        ("same major", 2),
        ("same minor", 4),
        ("same broad", 6),
        ("same detailed", 7),
    ];
    let (mut ours, mut theirs) = ([0usize; 4], [0usize; 4]);
    let (mut n_ours, mut n_theirs) = (0, 0);
    for (code, related) in truth {
        let Ok(list) = graph.neighbours(code, 200) else {
            continue;
        };
        for r in related {
            let rank = list.iter().position(|n| n.to == r);
            let b = match rank {
                Some(x) if x < 10 => 0,
                Some(x) if x < 20 => 1,
                Some(x) if x < 50 => 2,
                Some(_) => 3,
                None => 4,
            };
            buckets[b] += 1;
            for (k, (_, len)) in groups.iter().enumerate() {
                theirs[k] += usize::from(r[..*len] == code[..*len]);
            }
            n_theirs += 1;
        }
        for n in list.iter().take(10) {
            for (k, (_, len)) in groups.iter().enumerate() {
                ours[k] += usize::from(n.to[..*len] == code[..*len]);
            }
            n_ours += 1;
        }
    }
    println!(
        "rank of related roles: 1-10 {}, 11-20 {}, 21-50 {}, 51-200 {}, beyond {}",
        buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]
    );
    for (k, (name, _)) in groups.iter().enumerate() {
        println!(
            "{name}: ours {:.3}, answers {:.3}",
            ours[k] as f64 / n_ours as f64,
            theirs[k] as f64 / n_theirs as f64
        );
    }
    for code in codes.split(',').filter(|c| !c.is_empty()) {
        let list = graph.neighbours(code, 200).unwrap_or_default();
        let related = truth
            .iter()
            .find(|t| t.0 == code)
            .map(|t| t.1.clone())
            .unwrap_or_default();
        println!("\n{code} {}", graph.title(code).unwrap_or(""));
        for (i, n) in list.iter().take(10).enumerate() {
            let mark = if related.iter().any(|r| r == n.to) {
                "*"
            } else {
                " "
            };
            println!(
                "  {mark}{:>2} {:.3} {:<8} {} {}",
                i + 1,
                n.score,
                n.kind,
                n.to,
                graph.title(n.to).unwrap_or("")
            );
        }
        for r in &related {
            let rank = list
                .iter()
                .position(|n| n.to == r)
                .map_or("-".to_owned(), |x| (x + 1).to_string());
            println!("   answer {r} at {rank}: {}", graph.title(r).unwrap_or(""));
        }
    }
}
