//! A bounded report of an import's problems: the first ones in full, the rest counted by kind.
//!
//! A hostile or broken file can have millions of problems; holding and sending every one cost
//! hundreds of megabytes. [`Problems`] keeps only the first [`REPORT_LIMIT`] (by line), and for
//! the others a count per field and kind of problem.

use super::RowError;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// How many problems a report lists in full.
pub const REPORT_LIMIT: usize = 100;

/// Collects problems, keeping the first `limit` by line in full.
#[derive(Debug)]
pub struct Problems {
    limit: usize,
    kept: BinaryHeap<Keyed>,
    more: HashMap<(String, String), usize>,
    total: usize,
}

/// A problem ordered by (line, field, message), for keeping the first ones.
#[derive(Debug, PartialEq, Eq)]
struct Keyed(RowError);

impl Ord for Keyed {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.0.line, &self.0.field, &self.0.message).cmp(&(
            other.0.line,
            &other.0.field,
            &other.0.message,
        ))
    }
}

impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Problems {
    /// A collector that lists at most `limit` problems in full.
    pub fn new(limit: usize) -> Self {
        Problems {
            limit,
            kept: BinaryHeap::new(),
            more: HashMap::new(),
            total: 0,
        }
    }

    /// A collector that keeps everything (for tests and small inputs).
    pub fn unbounded() -> Self {
        Problems::new(usize::MAX)
    }

    /// Record one problem.
    pub fn push(&mut self, e: RowError) {
        self.total += 1;
        self.kept.push(Keyed(e));
        if self.kept.len() > self.limit
            && let Some(Keyed(last)) = self.kept.pop()
        {
            *self.more.entry((last.field, last.kind)).or_default() += 1;
        }
    }

    /// How many problems were recorded.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The report: kept problems by line, then the counts of the rest, largest first.
    pub fn into_report(self) -> Report {
        let problems: Vec<RowError> = self
            .kept
            .into_sorted_vec()
            .into_iter()
            .map(|k| k.0)
            .collect();
        let mut more: Vec<MoreProblems> = self
            .more
            .into_iter()
            .map(|((field, problem), count)| MoreProblems {
                field,
                problem,
                count,
            })
            .collect();
        more.sort_by_key(|m| (Reverse(m.count), m.field.clone(), m.problem.clone()));
        Report {
            problems,
            total: self.total,
            more,
        }
    }
}

/// Every problem of a rejected file, bounded: the first ones in full, the rest as counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The first problems, by line.
    pub problems: Vec<RowError>,
    /// How many problems there are in all.
    pub total: usize,
    /// The problems not listed, counted by field and kind (largest count first).
    pub more: Vec<MoreProblems>,
}

/// Problems of one kind that the report counts instead of listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoreProblems {
    /// The field (column) at fault.
    pub field: String,
    /// The kind of problem, without values from the file.
    pub problem: String,
    /// How many.
    pub count: usize,
}

impl Report {
    /// How many problems are counted but not listed.
    pub fn unlisted(&self) -> usize {
        self.total - self.problems.len()
    }

    /// "and 4,812 more: 4,000 × email: must look like name@example.com; …", or None.
    pub fn more_sentence(&self) -> Option<String> {
        if self.more.is_empty() {
            return None;
        }
        let kinds: Vec<String> = self
            .more
            .iter()
            .map(|m| format!("{} × {}: {}", thousands(m.count), m.field, m.problem))
            .collect();
        Some(format!(
            "and {} more: {}",
            thousands(self.unlisted()),
            kinds.join("; ")
        ))
    }
}

/// A count written with thousands separators: 4812 → "4,812".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
