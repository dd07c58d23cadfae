//! Accuracy of the question and pitch coach on the labelled evaluation set (dev and held-out test).
//!
//! Run with `cargo test -p ladderless-domain --test coach_eval -- --nocapture` to see the table.
//! Set `COACH_EVAL_ERRORS=dev` (or `test`, `all`) to list the misclassified rows of a split.

use ladderless_domain::coach::{Focus, Openness, PitchLabel, judge_pitch, judge_question};
use std::collections::HashMap;

/// Targets from the issue: share of rows labelled correctly, over dev and test separately.
const OPENNESS_TARGET: f64 = 0.92;
const FOCUS_TARGET: f64 = 0.88;

/// Parses RFC 4180 CSV (quoted fields, doubled quotes) into a header and rows of named fields.
fn parse_csv(src: &str) -> Vec<HashMap<String, String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    let header = rows.remove(0);
    rows.into_iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "row {r:?}");
            header.iter().cloned().zip(r).collect()
        })
        .collect()
}

fn data(name: &str) -> Vec<HashMap<String, String>> {
    let path = format!("{}/tests/data/coach/{name}", env!("CARGO_MANIFEST_DIR"));
    parse_csv(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }
    fn rate(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
    fn cell(self) -> String {
        format!(
            "{:5.1}% ({}/{})",
            self.rate() * 100.0,
            self.right,
            self.total
        )
    }
}

/// The split of a row: `dev` (rules tuned on it), `test` (written with dev, before the rules),
/// `blind` (written after the rules, labelled before the coach ever ran on it).
fn split_of(row: &HashMap<String, String>) -> &'static str {
    match row["split"].as_str() {
        "dev" => "dev",
        "test" => "test",
        "blind" => "blind",
        "blind2" => "blind2",
        s => panic!("unknown split {s}"),
    }
}

fn show_errors(split: &str) -> bool {
    std::env::var("COACH_EVAL_ERRORS").is_ok_and(|v| v == split || v == "all")
}

#[test]
fn coach_accuracy_on_the_evaluation_set() {
    let questions = data("questions.csv");
    let pitches = data("pitches.csv");
    assert!(
        questions.len() >= 300,
        "need at least 300 questions, have {}",
        questions.len()
    );
    assert!(
        pitches.len() >= 60,
        "need at least 60 pitches, have {}",
        pitches.len()
    );

    let mut t: HashMap<(&str, &str), Tally> = HashMap::new();
    for row in &questions {
        let split = split_of(row);
        let v = judge_question(&row["text"]);
        let open = match row["openness"].as_str() {
            "open" => Openness::Open,
            "closed" => Openness::Closed,
            o => panic!("bad openness {o}"),
        };
        let focus = match row["focus"].as_str() {
            "customer" => Focus::Customer,
            "self" => Focus::SelfFocused,
            "neutral" => Focus::Neutral,
            f => panic!("bad focus {f}"),
        };
        let leading = row["leading"] == "true";
        let multiple = row["multiple"] == "true";
        let checks = [
            ("openness", v.openness == open),
            ("focus", v.focus == focus),
            (
                "customer/self",
                (focus == Focus::Neutral) || v.focus == focus,
            ),
            ("leading", v.leading == leading),
            ("multiple", v.multiple == multiple),
        ];
        for (label, ok) in checks {
            if label == "customer/self" && focus == Focus::Neutral {
                continue;
            }
            t.entry((label, split)).or_default().add(ok);
        }
        if show_errors(split) && checks.iter().any(|(_, ok)| !ok) {
            let wrong: Vec<&str> = checks
                .iter()
                .filter(|(_, ok)| !ok)
                .map(|(l, _)| *l)
                .collect();
            println!(
                "[{split}] {:?}\n    want {}/{}/lead={}/multi={}  got {:?}/{:?}/lead={}/multi={}  wrong: {}\n    reframe: {}",
                row["text"],
                row["openness"],
                row["focus"],
                leading,
                multiple,
                v.openness,
                v.focus,
                v.leading,
                v.multiple,
                wrong.join(","),
                v.reframe
            );
        }
    }
    for row in &pitches {
        let split = split_of(row);
        let v = judge_pitch(&row["text"]);
        let label = match row["label"].as_str() {
            "customer" => PitchLabel::Customer,
            "self" => PitchLabel::SelfFocused,
            "balanced" => PitchLabel::Balanced,
            l => panic!("bad label {l}"),
        };
        let leads = row["leads_with_self"] == "true";
        t.entry(("pitch label", split))
            .or_default()
            .add(v.label == label);
        t.entry(("pitch leads_with_self", split))
            .or_default()
            .add(v.leads_with_self == leads);
        if show_errors(split) && (v.label != label || v.leads_with_self != leads) {
            println!(
                "[{split}] pitch {:?}\n    want {label:?}/leads={leads}  got {:?}/leads={} self={:.2} customer={:.2}",
                row["text"], v.label, v.leads_with_self, v.self_share, v.customer_share
            );
        }
    }

    println!("\n| label | dev | test | blind | blind2 | target |");
    println!("|---|---|---|---|---|---|");
    let labels = [
        ("openness", Some(OPENNESS_TARGET)),
        ("focus", None),
        ("customer/self", Some(FOCUS_TARGET)),
        ("leading", None),
        ("multiple", None),
        ("pitch label", None),
        ("pitch leads_with_self", None),
    ];
    for (label, target) in labels {
        let cells: Vec<String> = ["dev", "test", "blind", "blind2"]
            .iter()
            .map(|s| t.get(&(label, *s)).copied().unwrap_or_default().cell())
            .collect();
        let target = target.map_or("report".to_owned(), |x| format!("≥ {:.0}%", x * 100.0));
        println!("| {label} | {} | {target} |", cells.join(" | "));
    }
    for split in ["dev", "test", "blind", "blind2"] {
        let o = t[&("openness", split)].rate();
        let f = t[&("customer/self", split)].rate();
        assert!(
            o >= OPENNESS_TARGET,
            "{split}: open/closed accuracy {o:.3} below {OPENNESS_TARGET}"
        );
        assert!(
            f >= FOCUS_TARGET,
            "{split}: customer/self focus accuracy {f:.3} below {FOCUS_TARGET}"
        );
    }
}
