//! Latency of the question and pitch coach. Target: at most 1 ms per question.
//!
//! `cargo bench -p ladderless-domain --bench coach`

use criterion::{Criterion, criterion_group, criterion_main};
use ladderless_domain::coach::{judge_pitch, judge_question};
use std::hint::black_box;

/// A spread of question shapes: plain, polite, tag, indirect, self-focused, multi-sentence, typo.
const QUESTIONS: &[&str] = &[
    "Do you have a job opening for me?",
    "What is getting in the way of your team's goals this quarter?",
    "Could you walk me through how the approval process works today?",
    "The launch went well, didn't it?",
    "I wonder what your biggest challenge is this year.",
    "Is the budget approved?",
    "I've been in this role for four years. Can I get promoted? What would I need to do?",
    "whats the bigest problem for your departmant",
    "Don't you think we should move everything to the cloud?",
    "Are your customers happy with the new portal?",
];

const PITCH: &str = "I noticed your team re-keys the same data into three systems. An import from the shared \
spreadsheet would save roughly ten hours a week. I'd be happy to build it as a side project, and it would \
help me learn the integration work I've been curious about.";

fn bench(c: &mut Criterion) {
    c.bench_function("judge_question (mean of 10 shapes, per question)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % QUESTIONS.len();
            black_box(judge_question(black_box(QUESTIONS[i])))
        })
    });
    c.bench_function("judge_question (10,000 characters, clipped)", |b| {
        let long = "What is slowing your team down? ".repeat(320);
        b.iter(|| black_box(judge_question(black_box(&long))))
    });
    c.bench_function("judge_pitch (3 sentences)", |b| {
        b.iter(|| black_box(judge_pitch(black_box(PITCH))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
