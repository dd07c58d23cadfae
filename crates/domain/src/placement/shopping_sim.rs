//! Simulated window shoppers: does the model find a person's hidden ranking from noisy likes?
//!
//! The model of a shopper (fixed seeds, so the figures repeat):
//! - Hidden weights: the four factors get 1.5, 1.0, 0.5 and 0.0 in a random order, each
//!   moved by a uniform jitter of ±0.15; the hidden ranking orders them.
//! - Cards: a pool of 400 cards whose four features are drawn from {−1, 0, 1, 2} (the
//!   placements' "less than usual … much more" scale), with a random card kind of twelve.
//! - A card's utility u = w · x. A like is drawn with probability σ(k · (u − m)), m the median
//!   utility over the pool (so about half the cards are liked).
//! - Noise: k is set per person by bisection so that, over random pairs of cards where the
//!   person likes one and passes the other, they like the better one three times in four.
//!   For a logistic like that chance is exactly σ(k · |u_a − u_b|), so k solves
//!   mean σ(k · |u_a − u_b|) = 0.75 over 2,000 random pairs.

use super::*;
use crate::rng::Rng;

const PEOPLE: usize = 200;
const POOL: usize = 400;

struct Shopper {
    weights: [f64; 4],
    k: f64,
    median: f64,
}

fn ranking_of(w: &[f64; 4]) -> Ranking {
    let mut idx = [0usize, 1, 2, 3];
    idx.sort_by(|&a, &b| w[b].total_cmp(&w[a]));
    Ranking(idx.map(|i| Factor::ALL[i]))
}

fn pool(rng: &mut Rng) -> Vec<Candidate<usize>> {
    (0..POOL)
        .map(|key| Candidate {
            key,
            kind: format!("kind{}", rng.below(12)),
            features: [0; 4].map(|_| rng.range(-1, 2) as f64),
        })
        .collect()
}

fn utility(w: &[f64; 4], x: &Features) -> f64 {
    (0..4).map(|i| w[i] * x[i]).sum()
}

fn shopper(rng: &mut Rng, cards: &[Candidate<usize>]) -> Shopper {
    let mut levels = [0.75, 0.25, -0.25, -0.75];
    for i in (1..4).rev() {
        let j = rng.below(i + 1);
        levels.swap(i, j);
    }
    let weights = levels.map(|l| l + (rng.unit() - 0.5) * 0.15);
    let mut us: Vec<f64> = cards
        .iter()
        .map(|c| utility(&weights, &c.features))
        .collect();
    let gaps: Vec<f64> = (0..2000)
        .map(|_| (us[rng.below(us.len())] - us[rng.below(us.len())]).abs())
        .collect();
    let agreement = |k: f64| gaps.iter().map(|g| sigmoid(k * g)).sum::<f64>() / gaps.len() as f64;
    let (mut lo, mut hi) = (0.0, 20.0);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if agreement(mid) < 0.75 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    us.sort_by(f64::total_cmp);
    Shopper {
        weights,
        k: (lo + hi) / 2.0,
        median: us[us.len() / 2],
    }
}

/// τ after each number of reactions in `checkpoints`, for every simulated person.
fn run(adaptive: bool, checkpoints: &[usize], seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Rng::new(seed);
    let mut out = vec![Vec::new(); checkpoints.len()];
    let last = *checkpoints.iter().max().unwrap_or(&0);
    for _ in 0..PEOPLE {
        let mut cards = pool(&mut rng);
        let s = shopper(&mut rng, &cards);
        let hidden = ranking_of(&s.weights);
        let mut reactions = Vec::new();
        let mut kinds: Vec<String> = Vec::new();
        let mut model = Model::prior();
        for n in 1..=last {
            let card = if adaptive {
                let last2: Vec<&str> = kinds
                    .iter()
                    .rev()
                    .take(2)
                    .rev()
                    .map(String::as_str)
                    .collect();
                let key = next_card(&model, &cards, &last2).map(|c| c.key);
                match key.and_then(|k| cards.iter().position(|c| c.key == k)) {
                    Some(i) => cards.swap_remove(i),
                    None => break,
                }
            } else {
                let i = rng.below(cards.len());
                cards.swap_remove(i)
            };
            let p = sigmoid(s.k * (utility(&s.weights, &card.features) - s.median));
            reactions.push(Reaction {
                features: card.features,
                liked: rng.chance(p),
            });
            kinds.push(card.kind);
            model = Model::fit(&reactions);
            if let Some(c) = checkpoints.iter().position(|&c| c == n) {
                out[c].push(kendall_tau(model.revealed(), hidden));
            }
        }
    }
    out
}

fn share(taus: &[f64], at_least: f64) -> f64 {
    taus.iter().filter(|t| **t >= at_least - 1e-9).count() as f64 / taus.len() as f64
}

#[test]
fn noise_is_calibrated_to_three_agreements_in_four() {
    let mut rng = Rng::new(7);
    let cards = pool(&mut rng);
    let s = shopper(&mut rng, &cards);
    // Measure by simulation rather than by the formula the calibration used.
    let (mut agree, mut differ) = (0, 0);
    for _ in 0..40_000 {
        let a = &cards[rng.below(cards.len())].features;
        let b = &cards[rng.below(cards.len())].features;
        let (ua, ub) = (utility(&s.weights, a), utility(&s.weights, b));
        if (ua - ub).abs() < 1e-9 {
            continue;
        }
        let la = rng.chance(sigmoid(s.k * (ua - s.median)));
        let lb = rng.chance(sigmoid(s.k * (ub - s.median)));
        if la != lb {
            differ += 1;
            if la == (ua > ub) {
                agree += 1;
            }
        }
    }
    let rate = f64::from(agree) / f64::from(differ);
    assert!((0.72..=0.78).contains(&rate), "agreement {rate:.3}");
}

#[test]
fn adaptive_cards_find_the_hidden_ranking_within_the_targets() {
    let taus = run(true, &[30, 60], 2026);
    let near = share(&taus[0], 2.0 / 3.0);
    let exact = share(&taus[1], 1.0);
    assert!(near >= 0.90, "within one swap after 30: {near:.3}");
    assert!(exact >= 0.80, "exact after 60: {exact:.3}");
}

#[test]
fn random_cards_need_more_reactions_than_adaptive_ones() {
    let adaptive = run(true, &[30], 11);
    let random = run(false, &[30], 11);
    assert!(
        share(&adaptive[0], 2.0 / 3.0) > share(&random[0], 2.0 / 3.0),
        "adaptive beats random at 30"
    );
}

/// The curve for docs/benchmarks.md:
/// `cargo test -p ladderless-domain shopping_curve -- --ignored --nocapture`.
#[test]
#[ignore = "prints the curve for docs/benchmarks.md"]
fn shopping_curve() {
    let points = [10, 15, 20, 30, 40, 60, 90, 120];
    for adaptive in [true, false] {
        let taus = run(adaptive, &points, 2026);
        for (i, n) in points.iter().enumerate() {
            let mean = taus[i].iter().sum::<f64>() / taus[i].len() as f64;
            println!(
                "{} n={n:3} mean τ={mean:.3} τ≥⅔: {:.1}% exact: {:.1}%",
                if adaptive { "adaptive" } else { "random  " },
                100.0 * share(&taus[i], 2.0 / 3.0),
                100.0 * share(&taus[i], 1.0)
            );
        }
    }
}
