//! Finding the questions in a sentence and judging each: open or closed, leading or not.

use super::frame::{
    at, indirect_frame, is_pleasantry, leading_cue, polite_request, starts_question, strip_tag,
    yes_no_after,
};
use super::lexicon::{self as lx, has};
use super::tokenise::{End, Sentence, Token};

/// How a question clause opens; decides openness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    /// "What…", "How…", "In what way…"
    Wh,
    /// "Do you…", "Is the…"
    Aux,
    /// "Don't you…", "Isn't it…"
    NegAux,
    /// "Could you walk me through…"
    Polite,
    /// "I wonder what…", "Tell me about…"
    Indirect,
    /// "…, isn't it?"
    Tag,
    /// "Any chance…", "Anything else?"
    Any,
    /// "Or maybe…?"
    Or,
    /// A statement with a question mark: "You agree that…?"
    Declarative,
}

/// One question (or statement) found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    /// The words of the clause (lead-in words like "Honestly," kept; tags removed).
    pub tokens: Vec<Token>,
    /// Index in `tokens` where the question proper starts (after "Given X," etc.).
    pub start: usize,
    /// Index in `tokens` where the content starts (after "Could you tell me", "I wonder").
    pub body: usize,
    pub is_question: bool,
    /// Whether the sentence ended with a question mark.
    pub qmark: bool,
    pub open: bool,
    pub leading: bool,
    pub opener: Opener,
    /// Plain-English reason for the openness call.
    pub why_open: &'static str,
    /// Plain-English reason for the leading call, when leading.
    pub why_leading: Option<&'static str>,
    /// "Can I ask you something?" style preamble.
    pub pleasantry: bool,
}

impl Clause {
    /// Canonical words of the clause.
    pub fn norms(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .filter(|t| !t.punct)
            .map(|t| t.norm.as_str())
            .collect()
    }
    /// The clause as the user wrote it (typos fixed), first letter capitalised.
    pub fn text(&self) -> String {
        super::topic::render(&self.tokens[self.start..])
    }
}

/// Finds the clauses of one sentence.
pub(crate) fn analyse(sentence: &Sentence) -> Vec<Clause> {
    let mut toks = sentence.tokens.clone();
    let tag = strip_tag(&mut toks);
    let mut out = Vec::new();
    for part in split(&toks) {
        out.push(classify(part, sentence.end));
    }
    if let (Some(why), Some(last)) = (tag, out.last_mut()) {
        last.is_question = true;
        last.open = false;
        last.leading = true;
        last.opener = Opener::Tag;
        last.why_open = "It is a tag question (\"…, isn't it?\"), which asks for a yes or no.";
        last.why_leading = Some(why);
    }
    out
}

/// Splits a sentence into clauses at "and/but/;/," followed by a new question.
fn split(toks: &[Token]) -> Vec<&[Token]> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let joiner = t.is(";")
            || t.is("and")
            || t.is("but")
            || t.is(",") && !toks.get(i + 1).is_some_and(|n| n.is("and") || n.is("but"));
        if joiner && i > start && opens_question(&toks[i + 1..]) {
            let so_far: Vec<&str> = toks[start..i]
                .iter()
                .filter(|t| !t.punct)
                .map(|t| t.norm.as_str())
                .collect();
            let so_far = skip_discourse(&so_far);
            // "When I bring you a problem, what…" is one question with a time clause in front
            let subordinate = matches!(so_far.first(), Some(&"when") | Some(&"where"))
                && so_far
                    .get(1)
                    .is_some_and(|w| !lx::AUX.contains(w) && !lx::NEG_AUX.contains(w));
            if so_far.len() >= 2
                && !subordinate
                && (starts_question(so_far) || indirect_frame(so_far).is_some())
            {
                let mut end = i;
                while end > start && toks[end - 1].punct {
                    end -= 1;
                }
                parts.push(&toks[start..end]);
                start = i + 1;
            }
        }
        i += 1;
    }
    parts.push(&toks[start..]);
    parts.retain(|p| p.iter().any(|t| !t.punct));
    parts
}

/// Whether these tokens open a fresh question ("how are you…", "is it…").
fn opens_question(toks: &[Token]) -> bool {
    let w: Vec<&str> = toks
        .iter()
        .filter(|t| !t.punct)
        .take(3)
        .map(|t| t.norm.as_str())
        .collect();
    match w.as_slice() {
        [wh, next, ..] if lx::WH.contains(wh) => {
            !matches!(*next, "a" | "an")
                && (lx::AUX.contains(next)
                    || lx::NEG_AUX.contains(next)
                    || lx::subject_start(next)
                    || next.ends_with("ed")
                    || matches!(*next, "else" | "would" | "could"))
        }
        [aux, subj, ..] if lx::AUX.contains(aux) || lx::NEG_AUX.contains(aux) => matches!(
            *subj,
            "i" | "you" | "we" | "they" | "it" | "there" | "he" | "she" | "that" | "this"
        ),
        _ => false,
    }
}

/// Drops discourse words from the front ("So", "And", "Honestly").
fn skip_discourse<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    let mut k = 0;
    while k < words.len() && k < 3 && lx::DISCOURSE.contains(&words[k]) && words.len() > k + 1 {
        k += 1;
    }
    &words[k..]
}

/// Index (in `toks`) where the question proper starts, skipping lead-ins like "Given X," or "Quick one:".
fn question_start(toks: &[Token]) -> usize {
    let mut s = 0;
    for _ in 0..3 {
        let before = s;
        while s < toks.len()
            && (toks[s].punct || lx::DISCOURSE.contains(&toks[s].norm.as_str()))
            && toks[s + 1..].iter().any(|t| !t.punct)
        {
            s += 1;
        }
        // "Quick question - do you…", "Quick one: is…", "Sam, what…", "Given the freeze, how…"
        if let Some(p) = toks[s..]
            .iter()
            .position(|t| t.is(":") || t.is("-") || t.is(","))
            .map(|p| p + s)
        {
            let prefix: Vec<&str> = toks[s..p].iter().map(|t| t.norm.as_str()).collect();
            let rest = &toks[p + 1..];
            let short = prefix.len() <= 3;
            let lead = prefix.first().is_some_and(|w| lx::LEAD_IN.contains(w))
                || toks[p].is(":")
                || toks[p].is("-");
            let prefix_is_question = starts_question(&prefix)
                && !matches!(prefix.first(), Some(&"when") | Some(&"where"));
            let rest_words: Vec<&str> = rest
                .iter()
                .filter(|t| !t.punct)
                .map(|t| t.norm.as_str())
                .collect();
            let rest_opens = opens_question(rest)
                || indirect_frame(&rest_words).is_some()
                || rest_words.first().is_some_and(|w| has(lx::WH, w));
            if rest_opens && (short || lead) && !prefix_is_question {
                s = p + 1;
            }
        }
        if s == before {
            break;
        }
    }
    s.min(toks.len())
}

/// Classifies one clause.
fn classify(toks: &[Token], end: End) -> Clause {
    let start = question_start(toks);
    let words: Vec<&str> = toks[start..]
        .iter()
        .filter(|t| !t.punct)
        .map(|t| t.norm.as_str())
        .collect();
    let qmark = end == End::Question;
    let mut c = Clause {
        tokens: toks.to_vec(),
        start,
        body: start,
        is_question: qmark,
        qmark,
        open: false,
        leading: false,
        opener: Opener::Declarative,
        why_open: "It reads as a statement asking for agreement, which invites a yes or no.",
        why_leading: None,
        pleasantry: false,
    };
    let (w0, w1) = (at(&words, 0), at(&words, 1));
    // body index: skip `n` words of `toks[start..]`
    let body_after = |n: usize| -> usize {
        let mut seen = 0;
        for (i, t) in toks.iter().enumerate().skip(start) {
            if !t.punct {
                if seen == n {
                    return i;
                }
                seen += 1;
            }
        }
        toks.len()
    };

    if let Some(n) = indirect_frame(&words) {
        c.opener = Opener::Indirect;
        c.is_question = true;
        c.body = body_after(n);
        c.open = !yes_no_after(&words[n..]);
        c.why_open = if c.open {
            "It asks indirectly (\"I wonder…\", \"Tell me about…\"), which invites a full answer."
        } else {
            "It asks indirectly but about whether something is so (\"…whether…\", \"…if…\"), which invites a yes or no."
        };
    } else if let Some(k) = wh_position(&words) {
        c.opener = Opener::Wh;
        let exclamation = matches!(at(&words, k + 1), "a" | "an" | "");
        let subordinate =
            matches!(w0, "when" | "where") && lx::subject_start(w1) && !lx::AUX.contains(&w1);
        c.is_question = qmark || !(exclamation || subordinate);
        let (wh, next) = (words[k], at(&words, k + 1));
        let factual = matches!((wh, next), ("what", "time" | "date" | "day"))
            || wh == "how"
                && matches!(next, "many" | "much" | "long" | "often" | "old" | "far")
                && !matches!(at(&words, k + 2), "better" | "worse" | "easier" | "harder")
            || wh == "when" && k == 0
            || matches!(wh, "what" | "where")
                && matches!(next, "is" | "are")
                && words.len() <= k + 5
                && words.iter().any(|w| FACT_NOUNS.contains(w));
        let choice = words.contains(&"or") && comma_choice(&toks[start..]);
        c.open = !factual && !choice;
        c.why_open = if factual {
            "It asks for a single fact (a time, a number, a place), which gets a one-word answer."
        } else if choice {
            "It offers a choice between options, so the answer is one of them."
        } else {
            "It starts with a question word (what, how, why…), which invites a full answer."
        };
    } else if lx::NEG_AUX.contains(&w0) {
        c.opener = Opener::NegAux;
        c.is_question = qmark || lx::subject_start(w1) && !matches!(w1, "a" | "an" | "no" | "not");
        c.leading = true;
        c.why_leading = Some(
            "It starts with a negative question (\"Don't you…\", \"Isn't it…\"), which presumes the answer.",
        );
        c.why_open =
            "It starts with a verb (\"Don't you…\", \"Isn't it…\"), which invites a yes or no.";
    } else if lx::AUX.contains(&w0) && !w1.is_empty() {
        c.opener = Opener::Aux;
        c.is_question = qmark || lx::subject_start(w1) && !matches!(w1, "a" | "an" | "no" | "not");
        c.why_open = "It starts with a verb (is, do, can, will…), which invites a yes or no.";
        if matches!(w0, "can" | "could" | "would" | "will")
            && w1 == "you"
            && let Some((n, open)) = polite_request(&words)
        {
            c.opener = Opener::Polite;
            c.is_question = true;
            c.body = body_after(n);
            c.open = open;
            c.why_open = if open {
                "It is a polite request to explain (\"Could you walk me through…\"), which invites a full answer."
            } else {
                "It politely asks whether something is so (\"Can you tell me if…\"), which invites a yes or no."
            };
        }
        if words.contains(&"or") && choice_tail(&toks[start..]) {
            c.why_open = "It offers a choice between options, so the answer is one of them.";
        }
    } else if matches!(
        w0,
        "any" | "anything" | "anyone" | "anybody" | "everything" | "something"
    ) {
        c.opener = Opener::Any;
        c.why_open = "It asks whether there is anything, which invites a yes or no.";
    } else if matches!(w0, "surely" | "obviously" | "clearly") {
        c.opener = Opener::Declarative;
        c.leading = true;
        c.why_leading = Some("It opens with \"surely\"/\"obviously\", which pushes one answer.");
    } else if w0 == "or" {
        c.opener = Opener::Or;
        c.why_open = "It offers an alternative, which invites a yes or no.";
    }
    c.pleasantry = is_pleasantry(&words);
    if let Some(why) = leading_cue(&words) {
        c.leading = true;
        c.why_leading = c.why_leading.or(Some(why));
    }
    c
}

/// Nouns that make "what is the …?" a request for one fact.
#[rustfmt::skip]
const FACT_NOUNS: &[&str] = &[
    "password", "time", "date", "address", "room", "number", "name", "link", "code", "location", "venue",
    "deadline",
];

/// Word index of the question word, when the clause opens with one ("What…", "In what way…").
fn wh_position(words: &[&str]) -> Option<usize> {
    match words {
        [w, ..] if has(lx::WH, w) => Some(0),
        [p, w, ..]
            if matches!(
                *p,
                "in" | "to"
                    | "at"
                    | "for"
                    | "by"
                    | "with"
                    | "from"
                    | "on"
                    | "of"
                    | "and"
                    | "but"
                    | "so"
            ) && has(lx::WH, w) =>
        {
            Some(1)
        }
        _ => None,
    }
}

/// Whether the clause ends in ", A or B" (a forced choice).
fn comma_choice(toks: &[Token]) -> bool {
    let comma = toks
        .iter()
        .rposition(|t| t.is(",") || t.is(":") || t.is("-"));
    let or = toks.iter().rposition(|t| t.is("or"));
    // ", in time or money" qualifies an open question rather than offering a choice
    let qualifier = |c: usize| {
        toks.get(c + 1).is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "in" | "by" | "for" | "on" | "at" | "with" | "from" | "as" | "either" | "whether"
            )
        })
    };
    matches!((comma, or), (Some(c), Some(o)) if o > c && toks.len() - c <= 8 && !qualifier(c) && !opens_question(&toks[o + 1..]))
}

/// Whether a yes/no clause offers options ("…, or…", "A or B").
fn choice_tail(toks: &[Token]) -> bool {
    toks.iter().any(|t| t.is("or"))
}
