//! Window shopping: a person likes or passes cards (placements and roles) without applying to
//! anything, and a preference model learns from those reactions which of the four factors they
//! favour. Pure code, no I/O.
//!
//! The model is a logistic regression of "liked" on a card's four factor features (in
//! [`Factor::ALL`] order) plus an intercept, fitted as the maximum a posteriori estimate under
//! a Gaussian prior (Newton's method; four features, so the system is 5 × 5). The revealed
//! ranking orders the factors by their weights. The next card is the one the model is least
//! sure about, weighted by how much it would teach — p(1 − p) · x̃ᵀ Σ x̃, where Σ is the
//! posterior covariance — among cards not shown yet and not of the same kind as the last two,
//! so the stream still reads like a varied feed.

use crate::codes::code_enum;
use crate::compass::{Factor, Ranking};
use serde::{Deserialize, Serialize};

code_enum! {
    /// What a person did with a card.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CardReaction: "card reaction" {
        /// I like it.
        Like = "like" => "Like",
        /// Not for me.
        Pass = "pass" => "Pass",
        /// Keep it: a role becomes a target role, a placement stays on my list.
        Save = "save" => "Save",
    }
}

code_enum! {
    /// What a card shows.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CardKind: "card kind" {
        /// A placement the organisation posted.
        Placement = "placement" => "Placement",
        /// A role of the catalogue or the organisation.
        Role = "role" => "Role",
    }
}

/// A role's four features from its work values (O*NET extent, 1–7): recognition → status,
/// independence → autonomy, relationships → meaningful work, achievement → continued
/// learning; 4 (the middle) is "about the same", each 1.5 above it one step more, clamped to
/// the placements' −1…2 scale. Missing values are 0.
pub fn role_features(
    recognition: Option<f64>,
    independence: Option<f64>,
    relationships: Option<f64>,
    achievement: Option<f64>,
) -> Features {
    [recognition, independence, relationships, achievement]
        .map(|v| v.map_or(0.0, |v| ((v - 4.0) / 1.5).clamp(-1.0, 2.0)))
}

/// How strongly the prior pulls weights to zero (precision of the Gaussian prior on each).
pub const PRIOR_PRECISION: f64 = 0.5;
/// Prior precision of the intercept (weak: people like more or fewer cards).
const INTERCEPT_PRECISION: f64 = 0.1;
/// Newton steps per fit (converges well before on these sizes).
const NEWTON_STEPS: usize = 25;
/// Reactions needed before the revealed ranking is shown or blended.
pub const MIN_REACTIONS: usize = 8;

/// What a card offers on each factor, in [`Factor::ALL`] order, on the placements' scale
/// (−1 less than usual, 0 about the same, 1 some more, 2 much more).
pub type Features = [f64; 4];

/// One reaction: the card's features and whether it was liked (a save counts as a like).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reaction {
    /// The card's features.
    pub features: Features,
    /// Liked (or saved) rather than passed.
    pub liked: bool,
}

/// The fitted preference model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Weight of each factor, in [`Factor::ALL`] order.
    pub weights: [f64; 4],
    /// Intercept.
    pub bias: f64,
    /// Posterior covariance of (weights, bias).
    pub covariance: [[f64; 5]; 5],
    /// Reactions it was fitted on.
    pub reactions: usize,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn extended(x: &Features) -> [f64; 5] {
    [x[0], x[1], x[2], x[3], 1.0]
}

/// Solve `a · x = b` by Gaussian elimination with partial pivoting; None when singular.
fn solve(mut a: [[f64; 5]; 5], mut b: [f64; 5]) -> Option<[f64; 5]> {
    for col in 0..5 {
        let pivot = (col..5).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let pivot_row = a[col];
        for row in col + 1..5 {
            let f = a[row][col] / pivot_row[col];
            for (cell, p) in a[row].iter_mut().zip(pivot_row).skip(col) {
                *cell -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; 5];
    for row in (0..5).rev() {
        let s: f64 = (row + 1..5).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}

fn invert(a: [[f64; 5]; 5]) -> [[f64; 5]; 5] {
    let mut inv = [[0.0; 5]; 5];
    for (c, col) in (0..5).map(|c| {
        let mut e = [0.0; 5];
        e[c] = 1.0;
        (c, solve(a, e).unwrap_or(e))
    }) {
        for r in 0..5 {
            inv[r][c] = col[r];
        }
    }
    inv
}

impl Model {
    /// The prior alone (no reactions yet).
    pub fn prior() -> Model {
        let mut covariance = [[0.0; 5]; 5];
        for (i, row) in covariance.iter_mut().enumerate() {
            row[i] = 1.0
                / if i == 4 {
                    INTERCEPT_PRECISION
                } else {
                    PRIOR_PRECISION
                };
        }
        Model {
            weights: [0.0; 4],
            bias: 0.0,
            covariance,
            reactions: 0,
        }
    }

    /// Fit the model to every reaction so far.
    pub fn fit(reactions: &[Reaction]) -> Model {
        let mut theta = [0.0f64; 5];
        let precision = |i: usize| {
            if i == 4 {
                INTERCEPT_PRECISION
            } else {
                PRIOR_PRECISION
            }
        };
        let mut hessian = [[0.0; 5]; 5];
        for _ in 0..NEWTON_STEPS {
            let mut grad = [0.0; 5];
            hessian = [[0.0; 5]; 5];
            for (i, g) in grad.iter_mut().enumerate() {
                *g = -precision(i) * theta[i];
                hessian[i][i] = precision(i);
            }
            for r in reactions {
                let x = extended(&r.features);
                let z: f64 = (0..5).map(|i| theta[i] * x[i]).sum();
                let p = sigmoid(z);
                let y = if r.liked { 1.0 } else { 0.0 };
                for i in 0..5 {
                    grad[i] += (y - p) * x[i];
                    for j in 0..5 {
                        hessian[i][j] += p * (1.0 - p) * x[i] * x[j];
                    }
                }
            }
            let Some(step) = solve(hessian, grad) else {
                break;
            };
            let mut moved = 0.0f64;
            for i in 0..5 {
                theta[i] += step[i];
                moved = moved.max(step[i].abs());
            }
            if moved < 1e-9 {
                break;
            }
        }
        Model {
            weights: [theta[0], theta[1], theta[2], theta[3]],
            bias: theta[4],
            covariance: invert(hessian),
            reactions: reactions.len(),
        }
    }

    /// The chance the person likes a card.
    pub fn like_chance(&self, x: &Features) -> f64 {
        sigmoid(self.bias + (0..4).map(|i| self.weights[i] * x[i]).sum::<f64>())
    }

    /// How much a reaction to this card would teach the model.
    pub fn information(&self, x: &Features) -> f64 {
        let e = extended(x);
        let mut v = 0.0;
        for i in 0..5 {
            for j in 0..5 {
                v += e[i] * self.covariance[i][j] * e[j];
            }
        }
        let p = self.like_chance(x);
        p * (1.0 - p) * v
    }

    /// The factors in the order the reactions reveal, strongest first (ties keep
    /// [`Factor::ALL`] order).
    pub fn revealed(&self) -> Ranking {
        let mut idx = [0usize, 1, 2, 3];
        idx.sort_by(|&a, &b| self.weights[b].total_cmp(&self.weights[a]));
        Ranking(idx.map(|i| Factor::ALL[i]))
    }
}

/// Kendall's τ between two rankings of the four factors: 1 identical, −1 reversed, in steps
/// of ⅓.
pub fn kendall_tau(a: Ranking, b: Ranking) -> f64 {
    let mut concordant = 0i32;
    let mut discordant = 0i32;
    for (i, &f) in Factor::ALL.iter().enumerate() {
        for &g in &Factor::ALL[i + 1..] {
            let da = a.rank_of(f) as i32 - a.rank_of(g) as i32;
            let db = b.rank_of(f) as i32 - b.rank_of(g) as i32;
            if da * db > 0 {
                concordant += 1;
            } else {
                discordant += 1;
            }
        }
    }
    f64::from(concordant - discordant) / 6.0
}

/// A card the stream may show: an opaque key, its kind (placement type or "role") and
/// features.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<K> {
    /// Whatever identifies the card to the caller.
    pub key: K,
    /// What kind of card it is, so the stream varies.
    pub kind: String,
    /// Its features.
    pub features: Features,
}

/// The next card to show: the most informative one not of the same kind as both of the last
/// two shown (when there is any other), breaking ties by the order given. None when the pool
/// is empty.
pub fn next_card<'a, K>(
    model: &Model,
    pool: &'a [Candidate<K>],
    last_kinds: &[&str],
) -> Option<&'a Candidate<K>> {
    let repeated = match last_kinds {
        [.., a, b] if a == b => Some(*a),
        _ => None,
    };
    let best = |allow: &dyn Fn(&Candidate<K>) -> bool| {
        pool.iter()
            .filter(|c| allow(c))
            .fold(None::<(&Candidate<K>, f64)>, |best, c| {
                let v = model.information(&c.features);
                match best {
                    Some((_, b)) if b >= v => best,
                    _ => Some((c, v)),
                }
            })
            .map(|(c, _)| c)
    };
    best(&|c| repeated.is_none_or(|k| c.kind != k)).or_else(|| best(&|_| true))
}

/// A stated ranking blended with the revealed one: each factor scores its stated weight
/// (3 for first … 0 for last) plus its revealed weight scaled to the same range, weighted by
/// how many reactions back it (none below [`MIN_REACTIONS`], half at 30 and beyond).
pub fn blend(stated: Ranking, model: &Model) -> Ranking {
    if model.reactions < MIN_REACTIONS {
        return stated;
    }
    let share = (model.reactions as f64 / 60.0).min(0.5);
    let (lo, hi) = model
        .weights
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &w| (lo.min(w), hi.max(w)));
    let span = (hi - lo).max(1e-9);
    let mut score = [0.0f64; 4];
    for (i, f) in Factor::ALL.iter().enumerate() {
        let said = 4.0 - stated.rank_of(*f) as f64;
        let chose = 3.0 * (model.weights[i] - lo) / span;
        score[i] = (1.0 - share) * said + share * chose;
    }
    let mut idx = [0usize, 1, 2, 3];
    idx.sort_by(|&a, &b| {
        score[b].total_cmp(&score[a]).then(
            stated
                .rank_of(Factor::ALL[a])
                .cmp(&stated.rank_of(Factor::ALL[b])),
        )
    });
    Ranking(idx.map(|i| Factor::ALL[i]))
}

#[cfg(test)]
#[path = "shopping_sim.rs"]
mod sim;
