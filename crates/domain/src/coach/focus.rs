//! Scoring whom a question or sentence is about: the other person's world or the speaker's career.

use super::lexicon as lx;
use super::tokenise::Token;
use serde::{Deserialize, Serialize};

/// Whom a question or sentence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Focus {
    /// The other person's goals, team, customers, market or obstacles.
    Customer,
    /// The speaker: my career, promotion, pay, role.
    #[serde(rename = "self")]
    SelfFocused,
    /// Neither: logistics, small talk.
    Neutral,
}

impl Focus {
    /// Lower-case label as used in JSON ("customer", "self", "neutral").
    pub fn label(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::SelfFocused => "self",
            Self::Neutral => "neutral",
        }
    }
}

/// Evidence for each focus found in some words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Score {
    pub me: f32,
    pub customer: f32,
    pub neutral: f32,
    /// Words that pointed at the speaker ("my promotion", "for me").
    pub me_cues: Vec<String>,
    /// Words that pointed at the other person ("your team", "customers").
    pub customer_cues: Vec<String>,
}

impl Score {
    /// Adds another score, scaled.
    pub fn add(&mut self, other: &Score, weight: f32) {
        self.me += other.me * weight;
        self.customer += other.customer * weight;
        self.neutral += other.neutral * weight;
        self.me_cues.extend(other.me_cues.iter().cloned());
        self.customer_cues
            .extend(other.customer_cues.iter().cloned());
    }

    /// The focus these scores add up to.
    pub fn focus(&self) -> Focus {
        if self.me >= 1.5 && self.me > self.customer {
            Focus::SelfFocused
        } else if self.neutral > self.customer && self.me < 1.5 {
            Focus::Neutral
        } else if self.customer >= 0.5 && self.customer >= self.me {
            Focus::Customer
        } else {
            Focus::Neutral
        }
    }

    fn me(&mut self, w: f32, cue: String) {
        self.me += w;
        if !self.me_cues.contains(&cue) {
            self.me_cues.push(cue);
        }
    }

    fn cust(&mut self, w: f32, cue: String) {
        self.customer += w;
        if !self.customer_cues.contains(&cue) {
            self.customer_cues.push(cue);
        }
    }
}

/// Verbs after which "me" is just the listener of a request ("tell me", "send me").
#[rustfmt::skip]
const ME_NEUTRAL: &[&str] = &[
    "tell", "walk", "talk", "show", "send", "forward", "let", "take", "run", "remind", "ask", "bother", "excuse",
    "copy", "cc", "email", "call", "ping", "thank", "join", "with", "from", "told",
];

/// Verbs after which "me" receives something ("give me", "promote me").
#[rustfmt::skip]
const ME_GAIN: &[&str] = &[
    "give", "offer", "get", "pay", "promote", "recommend", "consider", "support", "put", "move", "let", "help",
    "giving", "allow", "appreciate", "value", "see", "like", "considered",
];

/// Phrases that mean "give me a job".
#[rustfmt::skip]
const JOB_SEEKING: &[&[&str]] = &[
    &["are", "you", "hiring"], &["any", "vacancies"], &["any", "openings"], &["jobs", "going"],
    &["job", "openings"], &["work", "from", "home"], &["get", "promoted"], &["move", "up"], &["next", "step"],
    &["next", "move"], &["in", "it", "for", "me"], &["get", "noticed"], &["a", "future", "here"], &["pay", "rise"],
];

/// Adjectives and phrases that mean "useful to the other person".
const USEFUL: &[&str] = &["useful", "helpful", "valuable", "easier"];

/// Determiners that open a noun phrase about someone else's world ("the nurses", "their rota").
#[rustfmt::skip]
const DETS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "their", "our", "its", "his", "her",
];

/// Words skipped when looking for the verb after "I" ("I *could really* help").
#[rustfmt::skip]
const VERB_SKIP: &[&str] = &[
    "can", "could", "would", "will", "should", "might", "may", "do", "did", "to", "just", "really", "also",
    "still", "ever", "not", "actually", "been",
];

/// Adjectives that make "I'd be … to" an offer ("I'd be happy to build it").
#[rustfmt::skip]
const OFFER_ADJ: &[&str] = &[
    "happy", "glad", "keen", "willing", "pleased", "delighted", "able",
];

/// The verb that "I" governs, skipping modals, "have been" and "would be happy to"; and its index.
fn verb_after_i<'a>(words: &[&'a str], i: usize) -> (&'a str, usize) {
    let mut k = i + 1;
    while k < words.len() && k < i + 8 {
        let w = words[k];
        let next = words.get(k + 1).copied().unwrap_or("");
        if VERB_SKIP.contains(&w) {
            k += 1;
        } else if matches!(w, "be" | "am") && OFFER_ADJ.contains(&next) {
            k += 2;
        } else if matches!(w, "have" | "has" | "had")
            && (next == "been"
                || next.ends_with("ed")
                || matches!(
                    next,
                    "done"
                        | "got"
                        | "built"
                        | "run"
                        | "seen"
                        | "made"
                        | "taken"
                        | "given"
                        | "spent"
                        | "led"
                        | "found"
                        | "read"
                        | "written"
                ))
        {
            k += 1;
        } else {
            return (w, k);
        }
    }
    ("", k)
}

/// Whether `verb` (or its stem: "managed" -> "manage") is in `list`.
fn verb_in(list: &[&str], verb: &str) -> bool {
    list.contains(&verb)
        || verb.strip_suffix("ed").is_some_and(|v| list.contains(&v))
        || verb.strip_suffix('d').is_some_and(|v| list.contains(&v))
        || verb
            .strip_suffix("ing")
            .is_some_and(|v| list.contains(&v) || list.contains(&format!("{v}e").as_str()))
}

/// Scores some words for focus. Speaker frames (e.g. "I wonder") should already be cut off.
pub(crate) fn score(tokens: &[Token]) -> Score {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| !t.punct)
        .map(|t| t.norm.as_str())
        .collect();
    let mut s = Score::default();
    let first_person = words
        .iter()
        .any(|w| matches!(*w, "i" | "me" | "my" | "mine" | "myself"));
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    for p in JOB_SEEKING {
        if words.windows(p.len()).any(|w| w == *p) {
            s.me(2.5, p.join(" "));
        }
    }
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let prev = if i > 0 { at(i - 1) } else { "" };
        match w {
            "my" | "mine" | "myself" => {
                let n1 = at(i + 1);
                let n2 = at(i + 2);
                if lx::small_talk(n1) {
                    s.neutral += 1.0;
                } else if lx::career(n1) || n1 == "own" && lx::career(n2) || n1 == "next" {
                    s.me(3.0, format!("my {n1}"));
                } else {
                    s.me(1.5, format!("my {n1}").trim().to_owned());
                }
            }
            "me" => {
                if matches!(prev, "for" | "to")
                    || ME_GAIN.contains(&prev)
                        && !matches!(at(i + 1), "understand" | "know" | "see")
                {
                    s.me(2.0, format!("{prev} me"));
                } else if !ME_NEUTRAL.contains(&prev)
                    && !matches!(at(i + 1), "understand" | "know" | "see" | "through")
                {
                    s.me(1.0, "me".to_owned());
                }
            }
            "i" => {
                let (verb, vpos) = verb_after_i(&words, i);
                let later_you = words[i + 1..]
                    .iter()
                    .any(|v| matches!(*v, "you" | "your" | "yours"));
                let helps =
                    verb_in(lx::HELP_VERBS, verb) && (verb != "take" || at(vpos + 1) == "off");
                let offers =
                    helps && !matches!(verb, "take" | "make" | "do" | "run" | "set" | "fit");
                if helps && later_you {
                    s.cust(1.5, format!("I {verb}"));
                } else if offers {
                    s.cust(1.0, format!("I {verb}"));
                } else if (lx::AUX.contains(&prev) || lx::NEG_AUX.contains(&prev)) && i <= 2 {
                    s.me(2.0, format!("{prev} I"));
                } else if verb == "need" {
                    s.me(1.0, "I need".to_owned());
                } else if verb_in(lx::GET_VERBS, verb)
                    || verb_in(
                        &[
                            "want", "like", "love", "feel", "enjoy", "hope", "wish", "deserve",
                            "learn", "qualify",
                        ],
                        verb,
                    )
                {
                    s.me(2.0, format!("I {verb}"));
                } else {
                    s.me(0.5, "I".to_owned());
                }
            }
            "your" | "yours" => {
                let next: Vec<&str> = (1..=3).map(|k| at(i + k)).collect();
                if next.iter().take(2).any(|n| lx::small_talk(n)) {
                    s.neutral += 1.0;
                } else if let Some(n) = next.iter().find(|n| lx::business(n)) {
                    s.cust(2.0, format!("your {n}"));
                } else {
                    s.cust(1.5, format!("your {}", next[0]).trim().to_owned());
                }
            }
            "you" => {
                if matches!(prev, "for" | "to" | "up" | "help") || USEFUL.contains(&prev) {
                    s.cust(1.0, format!("{prev} you"));
                } else if !matches!(prev, "thank" | "bother" | "ask" | "tell") {
                    s.cust(0.5, "you".to_owned());
                }
            }
            _ if (USEFUL.contains(&w)
                || matches!(
                    w,
                    "help" | "helps" | "support" | "serve" | "benefit" | "save" | "free"
                ))
                && words[i + 1..]
                    .iter()
                    .take(2)
                    .any(|v| matches!(*v, "you" | "your")) =>
            {
                s.cust(1.5, w.to_owned());
            }
            _ if lx::small_talk(w) && !matches!(prev, "your" | "my") => s.neutral += 1.0,
            _ if lx::career_strong(w) && prev != "your" => s.me(2.5, w.to_owned()),
            _ if prev == "more" && lx::career(w) && !lx::business(w) => {
                s.me(2.0, format!("more {w}"))
            }
            _ if first_person && lx::career(w) && !matches!(prev, "my" | "your") => {
                s.me(1.0, w.to_owned())
            }
            _ if lx::business(w) && !matches!(prev, "my" | "your") => s.cust(1.0, w.to_owned()),
            _ if DETS.contains(&w) => {
                // "the nurses", "the new paperwork": a thing in someone else's world the lexicons do not know
                let np: Vec<&str> = words[i + 1..]
                    .iter()
                    .copied()
                    .take_while(|n| {
                        !lx::is_function_word(n)
                            && !matches!(
                                *n,
                                "to" | "for"
                                    | "of"
                                    | "in"
                                    | "on"
                                    | "at"
                                    | "with"
                                    | "about"
                                    | "and"
                                    | "or"
                            )
                    })
                    .take(3)
                    .collect();
                let unknown = !np.is_empty()
                    && np
                        .iter()
                        .all(|n| !lx::business(n) && !lx::career(n) && !lx::small_talk(n));
                if unknown {
                    s.cust(0.75, format!("{w} {}", np.join(" ")));
                    i += np.len();
                }
            }
            _ => {}
        }
        i += 1;
    }
    // "how are you" and friends are small talk
    if words.starts_with(&["how", "are", "you"]) && words.len() <= 4
        || words.starts_with(&["how", "was", "your"])
    {
        s.neutral += 1.0;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::tokenise::sentences;
    use rstest::rstest;

    fn focus_of(text: &str) -> Focus {
        let s = sentences(text);
        let toks: Vec<Token> = s.into_iter().flat_map(|s| s.tokens).collect();
        score(&toks).focus()
    }

    #[rstest]
    #[case("What are your team's goals this quarter?", Focus::Customer)]
    #[case("What can you do for my promotion?", Focus::SelfFocused)]
    #[case("Do you have a job opening for me?", Focus::SelfFocused)]
    #[case("How can I help your team hit its dates?", Focus::Customer)]
    #[case("Is the budget approved?", Focus::Customer)]
    #[case("How was your weekend?", Focus::Neutral)]
    #[case("Is there anything else?", Focus::Neutral)]
    #[case("Can I work from home on Fridays?", Focus::SelfFocused)]
    #[case("Could you send me the slides?", Focus::Neutral)]
    fn scores(#[case] text: &str, #[case] want: Focus) {
        assert_eq!(focus_of(text), want, "{text}");
    }
}
