//! The pitch coach: how much of a pitch is about me versus the customer and the business.

use super::focus::{self, Focus};
use super::question::with_end;
use super::tokenise::{self, End, Sentence, Token};
use super::topic::render;
use serde::{Deserialize, Serialize};

/// Overall leaning of a pitch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PitchLabel {
    /// Mostly about the customer's goals and the value to the business.
    Customer,
    /// Mostly about what I want.
    #[serde(rename = "self")]
    SelfFocused,
    /// A fair mix of both.
    Balanced,
    /// Nothing about me or the customer to weigh (an empty or purely neutral pitch).
    Empty,
}

/// Focus of one sentence of a pitch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceShare {
    /// The sentence (typos fixed).
    pub text: String,
    /// Share of the sentence's focus language that is about me (0 when it has none).
    pub self_share: f32,
    /// Share that is about the customer or the business (0 when it has none).
    pub customer_share: f32,
    /// Whom the sentence is mostly about.
    pub focus: Focus,
}

/// A phrase worth rewording, with why and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    /// The phrase as written.
    pub text: String,
    /// Why it works against the pitch.
    pub reason: String,
    /// What to say instead.
    pub suggestion: String,
}

/// The coach's verdict on a drafted pitch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PitchVerdict {
    /// Customer, self or balanced.
    pub label: PitchLabel,
    /// Share of focus language about me, over the whole pitch (0..=1).
    pub self_share: f32,
    /// Share of focus language about the customer or business (0..=1); sums to 1 with `self_share` unless both are 0.
    pub customer_share: f32,
    /// Whether the first sentence is about me.
    pub leads_with_self: bool,
    /// Per-sentence shares.
    pub sentences: Vec<SentenceShare>,
    /// Phrases worth rewording.
    pub phrases_to_reconsider: Vec<Phrase>,
    /// An opening sentence that leads with the customer's goal; empty when the pitch already opens that way.
    pub suggested_opening: String,
    /// Plain-English reasons for the label and the opening.
    pub reasons: Vec<String>,
}

/// Share of customer language at or above which a pitch is customer-focused.
const CUSTOMER_AT: f32 = 0.7;
/// Share of self language at or above which a pitch is self-focused.
const SELF_AT: f32 = 0.72;
/// The same, for a pitch whose first sentence is about me (the listener has already heard "me first").
const SELF_AT_WHEN_LEADING: f32 = 0.55;

/// Judges a drafted pitch: self versus customer share, phrases to reconsider, and a better opening.
pub fn judge_pitch(text: &str) -> PitchVerdict {
    let (text, clipped) = tokenise::clip(text, tokenise::MAX_PITCH_CHARS);
    let sentences = tokenise::sentences(text);
    let (mut w_self, mut w_all) = (0.0f32, 0.0f32);
    let mut shares = Vec::with_capacity(sentences.len());
    for s in &sentences {
        let (mut s_self, mut s_all) = (0.0f32, 0.0f32);
        for unit in units(&s.tokens) {
            let sc = focus::score(unit);
            let sum = sc.me + sc.customer;
            if sum > 0.0 {
                let weight = unit.iter().filter(|t| !t.punct).count() as f32;
                s_self += weight * sc.me / sum;
                s_all += weight;
            }
        }
        w_self += s_self;
        w_all += s_all;
        let self_share = if s_all > 0.0 { s_self / s_all } else { 0.0 };
        let customer_share = if s_all > 0.0 { 1.0 - self_share } else { 0.0 };
        let focus = if s_all == 0.0 {
            Focus::Neutral
        } else if self_share > 0.5 {
            Focus::SelfFocused
        } else {
            Focus::Customer
        };
        shares.push(SentenceShare {
            text: with_end(render(&s.tokens), end_mark(s.end)),
            self_share,
            customer_share,
            focus,
        });
    }
    let sum = w_all;
    let (self_share, customer_share) = if sum > 0.0 {
        (w_self / sum, 1.0 - w_self / sum)
    } else {
        (0.0, 0.0)
    };
    let leads_with_self = shares
        .first()
        .is_some_and(|s| s.focus == Focus::SelfFocused);
    let self_at = if leads_with_self {
        SELF_AT_WHEN_LEADING
    } else {
        SELF_AT
    };
    let label = if sum == 0.0 {
        PitchLabel::Empty
    } else if customer_share >= CUSTOMER_AT {
        PitchLabel::Customer
    } else if self_share >= self_at {
        PitchLabel::SelfFocused
    } else {
        PitchLabel::Balanced
    };
    let mut reasons = vec![match label {
        PitchLabel::Empty => {
            "No language about you or the customer was found, so there is nothing to weigh."
                .to_owned()
        }
        PitchLabel::Customer => format!(
            "{:.0}% of the focus language is about the customer and the business.",
            customer_share * 100.0
        ),
        PitchLabel::SelfFocused => format!(
            "{:.0}% of the focus language is about you; lead with what they are trying to achieve.",
            self_share * 100.0
        ),
        PitchLabel::Balanced => format!(
            "A mix: {:.0}% about you, {:.0}% about the customer. Put their goal first.",
            self_share * 100.0,
            customer_share * 100.0
        ),
    }];
    if leads_with_self {
        reasons.push("The first sentence is about you; the listener decides in that sentence whether your pitch is about them.".to_owned());
    }
    let suggested_opening = opening(&sentences, &shares);
    if suggested_opening.is_empty() {
        reasons.push(
            "Your first sentence already leads with what they are trying to achieve: keep it."
                .to_owned(),
        );
    }
    if clipped {
        reasons.push(format!(
            "Only the first {} characters were read.",
            tokenise::MAX_PITCH_CHARS
        ));
    }
    PitchVerdict {
        label,
        self_share,
        customer_share,
        leads_with_self,
        phrases_to_reconsider: phrases(&sentences),
        suggested_opening,
        sentences: shares,
        reasons,
    }
}

/// The mark a sentence ended with (a full stop when it had none).
fn end_mark(end: End) -> char {
    match end {
        End::Question => '?',
        End::Exclaim => '!',
        End::Stop | End::None => '.',
    }
}

/// Splits a sentence into clauses at ";" and at ", and/but/so/which…" so mixed sentences weigh fairly.
fn units(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        let next = tokens.get(i + 1).map_or("", |n| n.norm.as_str());
        let cut = t.is(";")
            || t.is("-")
            || t.is(",")
                && matches!(
                    next,
                    "and"
                        | "but"
                        | "so"
                        | "which"
                        | "while"
                        | "because"
                        | "as"
                        | "though"
                        | "although"
                        | "plus"
                );
        if cut && i > start {
            out.push(&tokens[start..i]);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(&tokens[start..]);
    }
    out
}

/// Self-focused phrases: pattern, reason, suggestion.
#[rustfmt::skip]
const PHRASES: &[(&[&str], &str, &str)] = &[
    (&["i", "deserve"], "Claims what you are owed; the listener hears entitlement, not value.",
        "Describe the result you delivered, or will deliver, for them."),
    (&["i", "have", "earned"], "Claims what you are owed; the listener hears entitlement, not value.",
        "Describe the result you delivered, or will deliver, for them."),
    (&["i", "want"], "Starts from what you want rather than what they need.",
        "Start from their goal: \"You mentioned that…\"."),
    (&["i", "need"], "Frames the pitch as your need.",
        "Frame it as theirs: what does their team need that you could provide?"),
    (&["more", "money"], "Pay follows value; leading with it makes the pitch about you.",
        "Lead with the business result; raise pay once the value is clear."),
    (&["a", "raise"], "Pay follows value; leading with it makes the pitch about you.",
        "Lead with the business result; raise pay once the value is clear."),
    (&["bigger", "title"], "Titles follow value; asking for one first makes the pitch about you.",
        "Describe the bigger problem you could take on for them."),
    (&["for", "my", "career"], "It says what you get, not what the business gets.",
        "Say what the business gets first, then what you would learn."),
    (&["good", "for", "me"], "It says what you get, not what the business gets.",
        "Say what the business gets first, then what you would learn."),
    (&["my", "profile"], "It says what you get, not what the business gets.",
        "Say what the business gets first."),
    (&["offer", "me"], "Hands the work of finding a role to the other person.",
        "Propose a concrete next step you will take for their team."),
    (&["make", "that", "happen"], "Hands the work of finding a role to the other person.",
        "Propose a concrete next step you will take for their team."),
    (&["i", "am", "bored"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["undervalued"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["nobody", "notices"], "Complaining to a customer rarely wins their business.",
        "Show the value in their terms: time saved, customers kept, revenue won."),
    (&["passed", "over"], "Dwelling on past decisions puts the listener on the defensive.",
        "Look forward: what could you deliver for them next?"),
    (&["frustrated"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["i", "have", "been", "here"], "Time served is not a reason for the business to act.",
        "Point to a result you could deliver for them."),
    (&["most", "experienced"], "Seniority is not a reason for the business to act.",
        "Point to a result you could deliver for them."),
    (&["i", "am", "ready"], "Self-assessment invites disagreement.",
        "Show it: what would you do for their team in the next month?"),
    (&["i", "am", "good", "at"], "Self-assessment invites disagreement.",
        "Show it with a result they care about."),
    (&["i", "have", "the", "skills"], "Self-assessment invites disagreement.",
        "Show it with a result they care about."),
    (&["right", "person"], "Self-assessment invites disagreement.",
        "Show it with a result they care about."),
    (&["looking", "elsewhere"], "An ultimatum puts your manager on the defensive.",
        "Ask what they are trying to achieve and where you could help."),
    (&["nobody", "here", "ever"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["nobody", "ever"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["no", "one", "ever"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["gives", "me", "a", "chance"], "It asks to be given a chance instead of showing what you would do with one.",
        "Offer a small first step you could take for their team this month."),
    (&["give", "me", "a", "chance"], "It asks to be given a chance instead of showing what you would do with one.",
        "Offer a small first step you could take for their team this month."),
    (&["nobody", "listens"], "Complaining to a customer rarely wins their business.",
        "Ask what they are trying to achieve, then show how your idea serves it."),
    (&["no", "one", "listens"], "Complaining to a customer rarely wins their business.",
        "Ask what they are trying to achieve, then show how your idea serves it."),
    (&["not", "fair"], "Arguing fairness puts the listener on the defensive.",
        "Describe the value you could add, in their terms."),
    (&["unfair"], "Arguing fairness puts the listener on the defensive.",
        "Describe the value you could add, in their terms."),
    (&["overlooked"], "Complaining to a customer rarely wins their business.",
        "Show the value in their terms: time saved, customers kept, revenue won."),
    (&["ignored"], "Complaining to a customer rarely wins their business.",
        "Show the value in their terms: time saved, customers kept, revenue won."),
    (&["fed", "up"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["sick", "of"], "Complaining to a customer rarely wins their business.",
        "Turn it into an offer: which of their problems could you take on?"),
    (&["micromanaged"], "Complaining about your manager to your manager rarely earns trust.",
        "Ask what they would need to see to leave more decisions to you."),
    (&["can", "you", "offer"], "Hands the work of finding a role to the other person.",
        "Propose a concrete next step you will take for their team."),
];

fn phrases(sentences: &[Sentence]) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::new();
    for s in sentences {
        let words: Vec<&tokenise::Token> = s.words().collect();
        // word ranges already quoted in this sentence: a later pattern inside one adds nothing
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (pattern, reason, suggestion) in PHRASES {
            if let Some(at) = (0..words.len()).find(|&i| {
                words[i..]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .take(pattern.len())
                    .eq(pattern.iter().copied())
            }) {
                let hit = (at, at + pattern.len());
                if taken.iter().any(|&(a, b)| hit.0 < b && a < hit.1) {
                    continue;
                }
                taken.push(hit);
                let end = (at + pattern.len() + 2).min(words.len());
                let text = words[at..end]
                    .iter()
                    .map(|t| {
                        if t.surface == "i" {
                            "I".to_owned()
                        } else {
                            t.surface.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if !out.iter().any(|p| p.text == text) && out.len() < 12 {
                    out.push(Phrase {
                        text,
                        reason: (*reason).to_owned(),
                        suggestion: (*suggestion).to_owned(),
                    });
                }
            }
        }
    }
    out
}

/// The sentence to open with: the pitch's most customer-focused sentence, or a question about
/// their goal; nothing when the pitch already opens with the customer (no echo of its own words).
fn opening(sentences: &[Sentence], shares: &[SentenceShare]) -> String {
    if let Some(first) = shares.first()
        && first.focus == Focus::Customer
        && first.customer_share >= 0.6
    {
        return String::new();
    }
    let best = shares
        .iter()
        .zip(sentences)
        .filter(|(s, _)| s.focus == Focus::Customer && s.customer_share >= 0.6)
        .max_by(|a, b| {
            a.0.customer_share
                .total_cmp(&b.0.customer_share)
                .then(b.1.tokens.len().cmp(&a.1.tokens.len()))
        });
    if let Some((s, _)) = best {
        return s.text.clone();
    }
    let all: Vec<tokenise::Token> = sentences
        .iter()
        .flat_map(|s| s.tokens.iter().cloned())
        .collect();
    match super::topic::goal_phrase(&all) {
        Some(goal) => {
            format!("Before I suggest anything: what would make {goal} a success for your team?")
        }
        None => format!(
            "Before I suggest anything: {}",
            super::bank::first_of(super::bank::Theme::Goals)
                .text
                .to_lowercase()
        ),
    }
}

#[cfg(test)]
#[path = "pitch_tests.rs"]
mod tests;
