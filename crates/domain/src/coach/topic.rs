//! Finding the topic of a question: noun phrases, proposed actions and forced choices; showing words back.

use super::lexicon::{self as lx, has};
use super::tokenise::Token;

/// Joins tokens back into text: capital first letter, no space before punctuation.
pub(crate) fn render(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        if t.punct {
            if t.norm == "-" {
                out.push_str(" -");
            } else {
                out.push_str(&t.surface);
            }
            continue;
        }
        if t.surface.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word_text(t));
    }
    capitalise(&out)
}

/// A word as shown to the user, with its possessive restored.
pub(crate) fn word_text(t: &Token) -> String {
    let w = if t.surface == "i" || t.surface.starts_with("i'") {
        capitalise(&t.surface)
    } else {
        t.surface.clone()
    };
    if t.possessive {
        if w.ends_with('s') {
            format!("{w}'")
        } else {
            format!("{w}'s")
        }
    } else {
        w
    }
}

/// Words joined by spaces, as shown to the user.
pub(crate) fn join<'a>(tokens: impl Iterator<Item = &'a Token>) -> String {
    tokens
        .filter(|t| !t.surface.is_empty())
        .map(word_text)
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// People groups: "your customers", "the team".
#[rustfmt::skip]
pub(crate) const PEOPLE: &[&str] = &[
    "customer", "client", "user", "patient", "buyer", "consumer", "team", "staff", "people", "rep", "agent",
    "analyst", "engineer", "director", "board", "colleague", "member", "hire", "guest", "shopper", "department",
    "reps", "manager", "nurse", "doctor", "teacher", "student", "tenant", "resident", "partner", "distributor",
    "planner", "inspector", "pharmacist", "worker", "employee", "volunteer", "leader", "executive", "officer",
    "developer", "designer", "accountant", "recruiter", "starter", "driver",
];

/// Adjectives that, after a noun, describe it rather than belong to it ("the forecast *final*").
#[rustfmt::skip]
const PREDICATIVE: &[&str] = &[
    "final", "ready", "late", "early", "done", "finished", "wrong", "good", "bad", "fine", "ok", "possible",
    "available", "open", "closed", "busy", "full", "empty", "complete", "overworked", "overloaded", "unhappy",
    "happy", "fed", "short", "behind", "ahead", "worth", "true", "obvious", "necessary", "cheaper", "better",
    "worse", "faster", "slower",
];

/// Heads too generic to make a good topic on their own.
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "problem", "issue", "thing", "challenge", "risk", "concern", "worry", "way", "lot", "bit", "time", "year",
    "quarter", "month", "week", "day", "end", "point", "option", "one", "ones",
];

/// Words that end a noun phrase.
#[rustfmt::skip]
const NP_STOP: &[&str] = &[
    "of", "to", "for", "in", "on", "at", "with", "by", "from", "about", "into", "than", "and", "or", "but", "if",
    "that", "which", "who", "when", "where", "why", "how", "what", "is", "are", "was", "were", "be", "been",
    "being", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might",
    "must", "not", "still", "yet", "again", "now", "already", "really", "just", "very", "so", "too", "also",
    "ever", "i", "you", "we", "they", "he", "she", "it", "me", "us", "them", "use", "need", "want", "hurt",
    "affect", "help", "go", "went", "happen", "like", "prefer", "think", "know", "see", "feel", "ask", "get",
    "got", "make", "made", "take", "keep", "hit", "miss", "say", "tell", "seem", "look", "stay", "cause", "happy",
    "ready", "safe", "unhappy", "short", "enough", "any", "all", "deserve", "benefit", "absorb", "sign", "off",
    "up", "right", "this", "next", "last", "eating", "over", "there", "here", "please", "your", "our", "the", "a",
    "an", "my", "their", "hate", "love", "own", "than", "never", "always", "often", "sometimes", "usually",
    "decide", "choose", "handle", "cope", "deal", "expect", "struggle", "complain", "ring", "call", "buy", "sell",
    "pay", "spend", "lose", "win", "hear", "find", "react", "respond", "listen", "listens", "work", "works", "run",
    "runs", "think", "thinks", "says", "wants", "needs", "uses", "because", "since", "although", "though", "unless",
    "until", "whereas", "after", "before", "once", "while", "whether", "as", "like",
];

/// Whether `w` ends a noun phrase.
pub(crate) fn np_stop(w: &str) -> bool {
    NP_STOP.contains(&w) || lx::NEG_AUX.contains(&w) || lx::WH.contains(&w)
}

/// Organisation-wide nouns: too broad to be the topic of a reframed self-focused question.
#[rustfmt::skip]
const ORG: &[&str] = &[
    "company", "organization", "business", "firm", "organisation",
];

/// Uncountable nouns that read well without "the" ("pricing", "churn").
fn uncountable(w: &str) -> bool {
    w.ends_with("ing")
        || matches!(
            w,
            "churn"
                | "retention"
                | "growth"
                | "revenue"
                | "quality"
                | "delivery"
                | "demand"
                | "data"
                | "automation"
                | "feedback"
                | "staff"
                | "people"
                | "footfall"
                | "recruitment"
                | "efficiency"
                | "productivity"
                | "capacity"
                | "inventory"
                | "supply"
                | "leadership"
                | "management"
                | "strategy"
                | "cost"
                | "costs"
        )
}

/// Determiners that may open a noun phrase.
#[rustfmt::skip]
pub(crate) const DET: &[&str] = &[
    "the", "your", "our", "their", "this", "these", "those", "a", "an", "its",
];

/// A noun phrase found in the question.
pub(crate) struct Np {
    pub text: String,
    pub head: String,
    pub score: i32,
    /// Whether it names the whole organisation ("the company").
    pub org: bool,
    /// Whether it opens with a determiner ("the pilot", not "pilot").
    pub det: bool,
    /// Index of its first token.
    pub pos: usize,
}

/// Noun phrases in the tokens, best first; with `self_focus`, career phrases are left out.
pub(crate) fn noun_phrases(tokens: &[Token], self_focus: bool) -> Vec<Np> {
    let toks: Vec<&Token> = tokens.iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let is_det = DET.contains(&t.norm.as_str());
        let after_my = i > 0 && matches!(toks[i - 1].norm.as_str(), "my" | "mine");
        let is_bare =
            !t.punct && lx::business(&t.norm) && !NP_STOP.contains(&t.norm.as_str()) && !after_my;
        if t.punct || !(is_det || is_bare) {
            i += 1;
            continue;
        }
        let mut j = if is_bare { i } else { i + 1 };
        let mut words = 0;
        while j < toks.len() && words < 4 {
            let w = toks[j];
            let n = w.norm.as_str();
            if w.punct || np_stop(n) {
                break;
            }
            let next_ends = toks.get(j + 1).is_none_or(|x| x.punct || np_stop(&x.norm));
            if words > 0
                && (n.ends_with("ly")
                    || n.ends_with("ed")
                    || PREDICATIVE.contains(&n)
                    || n.ends_with("ing") && next_ends)
            {
                break;
            }
            words += 1;
            j += 1;
            // "the sales reps | use…": a plural group noun is followed by its verb
            let group_head = !w.possessive
                && (has(PEOPLE, n) && lx::lemma(n).len() != n.len()
                    || matches!(n, "board" | "people" | "staff"));
            if group_head {
                break;
            }
        }
        if words == 0 {
            i += 1;
            continue;
        }
        let span = &toks[i..j];
        let mut text_prefix_the = false;
        let head = span.last().map(|t| t.norm.clone()).unwrap_or_default();
        let self_ish = span.iter().any(|t| {
            let n = t.norm.as_str();
            matches!(n, "my" | "me" | "i")
                || lx::career_strong(n)
                || self_focus
                    && (lx::career(n) && !lx::business(n)
                        || matches!(n, "job" | "role" | "position" | "title" | "lead" | "senior"))
        });
        if !self_ish && !head.is_empty() && !lx::is_function_word(&head) {
            let mut score = 2;
            if span.iter().any(|t| lx::business(&t.norm)) {
                score += 2;
            }
            if matches!(span[0].norm.as_str(), "a" | "an") {
                score -= 1;
            }
            if span.iter().any(|t| lx::small_talk(&t.norm)) {
                score -= 4;
            }
            if is_bare && !uncountable(&head) && lx::lemma(&head).len() == head.len() {
                text_prefix_the = true;
            }
            if has(GENERIC, &head) {
                score -= 6;
            }
            let mut text = join(span.iter().copied());
            if text_prefix_the {
                text = format!("the {text}");
            }
            let org = span.iter().any(|t| has(ORG, &t.norm));
            out.push(Np {
                text,
                head,
                score,
                org,
                det: !is_bare,
                pos: i,
            });
        }
        i = j.max(i + 1);
    }
    out.retain(|np| np.score > 0);
    out.sort_by_key(|np| -np.score); // stable: the first of equals wins
    out
}

pub(crate) fn is_people(np: &Np) -> bool {
    has(PEOPLE, &np.head)
}

pub(crate) fn plural(np: &Np) -> bool {
    lx::lemma(&np.head).len() != np.head.len() || matches!(np.head.as_str(), "people" | "staff")
}

/// The best goal or business phrase in some tokens ("the retention goal"), for openings.
pub(crate) fn goal_phrase(tokens: &[Token]) -> Option<String> {
    let nps = noun_phrases(tokens, false);
    nps.iter()
        .find(|np| !is_people(np))
        .or(nps.first())
        .map(|np| np.text.clone())
}

/// "we should X", "shouldn't we just X", "make sense to X": the proposed action X.
pub(crate) fn proposal(body: &[Token]) -> Option<String> {
    let words: Vec<&Token> = body.iter().filter(|t| !t.punct).collect();
    let n = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
    for i in 0..words.len() {
        let start = match n(i) {
            "should" | "could" if matches!(n(i.wrapping_sub(1)), "we" | "they" | "you") => i + 1,
            "shouldn't" | "wouldn't" | "couldn't" | "don't"
                if matches!(n(i + 1), "we" | "they") =>
            {
                i + 2
            }
            "to" if matches!(n(i.wrapping_sub(1)), "sense" | "better" | "time") => i + 1,
            _ => continue,
        };
        let mut s = start;
        while matches!(n(s), "just" | "simply" | "really" | "not" | "all") {
            s += 1;
        }
        if s >= words.len() || DET.contains(&n(s)) || matches!(n(s), "i" | "be" | "have" | "we") {
            return None;
        }
        return Some(join(words[s..].iter().copied()));
    }
    None
}

/// "speed or quality": the two options of a forced choice.
pub(crate) fn choice(body: &[Token]) -> Option<(String, String)> {
    let words: Vec<&Token> = body.iter().filter(|t| !t.punct).collect();
    let o = words.iter().position(|t| t.is("or"))?;
    let stop = |t: &Token| np_stop(&t.norm) || t.is("which");
    if o == 0 || stop(words[o - 1]) {
        return None;
    }
    let mut a = o - 1;
    let y_has_det = words
        .get(o + 1)
        .is_some_and(|t| DET.contains(&t.norm.as_str()));
    if y_has_det {
        while a > 0 && o - a < 3 && !stop(words[a - 1]) {
            a -= 1;
        }
        if a > 0 && DET.contains(&words[a - 1].norm.as_str()) {
            a -= 1;
        }
    } else if a > 0
        && matches!(
            words[a - 1].norm.as_str(),
            "new"
                | "existing"
                | "old"
                | "current"
                | "internal"
                | "external"
                | "local"
                | "big"
                | "small"
                | "first"
                | "second"
                | "short"
                | "long"
        )
    {
        a -= 1;
    }
    let mut b = o + 1;
    while b < words.len() && matches!(words[b].norm.as_str(), "on" | "in" | "for" | "with" | "by") {
        b += 1;
    }
    let b0 = b;
    while b < words.len() && !stop(words[b]) && b - b0 < 3
        || b == b0 && b < words.len() && DET.contains(&words[b].norm.as_str())
    {
        b += 1;
    }
    let join = |s: &[&Token]| join(s.iter().copied());
    let (x, y) = (join(&words[a..o]), join(&words[b0..b]));
    (!x.is_empty() && !y.is_empty() && x != y).then_some((x, y))
}
