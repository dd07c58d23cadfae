//! Word lists the coach's rules are written against, with canonical spelling and typo lookup.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Question words that open an open question.
#[rustfmt::skip]
pub(crate) const WH: &[&str] = &[
    "what", "how", "why", "which", "where", "who", "whom", "whose", "when",
];

/// Auxiliary verbs that open a closed (yes/no) question.
#[rustfmt::skip]
pub(crate) const AUX: &[&str] = &[
    "do", "does", "did", "is", "are", "am", "was", "were", "have", "has", "had", "can", "could", "will", "would",
    "shall", "should", "may", "might", "must",
];

/// Negative auxiliaries: "Don't you think…" presupposes the answer.
#[rustfmt::skip]
pub(crate) const NEG_AUX: &[&str] = &[
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "can't",
    "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "ain't", "shan't", "innit",
];

/// Words that can be the subject right after an auxiliary ("is *the* budget…", "do *you*…").
#[rustfmt::skip]
pub(crate) const SUBJECT_START: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "there", "this", "that", "these", "those", "the", "your", "our",
    "my", "their", "his", "her", "a", "an", "any", "anyone", "anybody", "anything", "everyone", "everything",
    "someone", "something", "somebody", "people", "customers", "clients", "everybody", "all", "each", "every",
    "some", "no", "not", "u",
];

/// Verbs that turn "could you …" into a request to talk at length.
#[rustfmt::skip]
pub(crate) const TELL_VERBS: &[&str] = &[
    "tell", "walk", "talk", "describe", "explain", "share", "say", "give", "take", "run", "outline", "help",
    "show", "expand", "elaborate", "clarify", "unpack", "paint", "summarize", "sketch", "go", "fill", "telling",
    "walking", "talking", "describing", "explaining", "sharing", "saying", "giving", "taking", "outlining",
    "showing", "expanding", "elaborating", "clarifying", "summarizing",
];

/// Words after an interrogative frame that make it a yes/no question ("tell me *whether*…").
pub(crate) const YES_NO_LINK: &[&str] = &["if", "whether"];

/// Nouns and verbs about the asker's own career (self focus).
#[rustfmt::skip]
pub(crate) const CAREER: &[&str] = &[
    "promotion", "promoted", "promote", "raise", "pay", "salary", "bonus", "career", "title", "job", "role",
    "position", "vacancy", "opening", "opportunity", "recognition", "recognize", "recognized", "credit",
    "visibility", "profile", "noticed", "mentor", "mentoring", "development", "training", "course", "secondment",
    "autonomy", "freedom", "flexibility", "responsibility", "grade", "level", "seniority", "appraisal", "rating",
    "performance", "future", "strength", "prospect", "earn", "money", "compensation", "perk", "chance", "option",
    "contribution", "hiring", "application", "cv", "resume", "path", "ladder", "rise", "deserve", "earned",
    "qualification", "degree", "certificate", "manager", "management", "lead", "director", "senior", "step",
    "move", "skill", "learn", "learning", "meaningful", "interesting", "bored", "boring", "appreciated", "valued",
    "value", "presentation", "experience", "feedback",
];

/// Career words strong enough to mean self focus on their own ("Can I get a promotion?").
#[rustfmt::skip]
pub(crate) const CAREER_STRONG: &[&str] = &[
    "promotion", "promoted", "raise", "salary", "bonus", "career", "vacancy", "secondment", "autonomy",
    "seniority", "appraisal", "compensation", "perk", "visibility", "pay", "mentor",
];

/// Business nouns: the other person's goals, team, customers, market and obstacles.
#[rustfmt::skip]
pub(crate) const BUSINESS: &[&str] = &[
    "customer", "client", "user", "patient", "buyer", "consumer", "guest", "member", "shopper", "subscriber",
    "team", "department", "division", "unit", "group", "business", "company", "organization", "board", "director",
    "leadership", "boss", "goal", "target", "objective", "priority", "strategy", "plan", "roadmap", "obstacle",
    "challenge", "problem", "issue", "risk", "worry", "concern", "bottleneck", "frustration", "headache", "market",
    "competitor", "competition", "rival", "industry", "trend", "growth", "revenue", "sale", "sales", "deal",
    "pipeline", "churn", "retention", "renewal", "budget", "cost", "margin", "price", "pricing", "project",
    "program", "pilot", "launch", "release", "migration", "rollout", "process", "workload", "backlog", "quality",
    "delivery", "service", "product", "supplier", "vendor", "audit", "regulation", "regulator", "headcount",
    "staff", "analyst", "engineer", "rep", "agent", "success", "outcome", "demand", "order", "complaint", "report",
    "reporting", "dashboard", "portal", "app", "system", "platform", "tool", "warehouse", "contract", "account",
    "proposal", "onboarding", "handover", "reorganization", "restructure", "merger", "expansion", "partner",
    "stakeholder", "division", "branch", "region", "shift", "hire", "recruitment", "crm", "data", "forecast",
    "milestone", "kpi", "okr", "metric", "result", "efficiency", "productivity", "waiting", "queue", "ticket",
    "incident", "supply", "chain", "inventory", "playbook", "journey", "experience", "approval", "legacy",
    "invoice", "invoicing", "payment", "negotiation", "tender", "bid", "opportunity", "initiative", "change",
    "transformation", "network", "ward", "clinic", "depot", "store", "site", "contractor", "colleague", "people",
    "hiring", "threat", "cloud", "automation", "digital", "vision", "mission", "direction", "need", "pain",
    "expectation", "feature", "roadmap", "survey", "feedback", "nps", "sla", "volume", "capacity",
];

/// Small-talk nouns that pull a question towards neutral focus.
#[rustfmt::skip]
pub(crate) const SMALL_TALK: &[&str] = &[
    "weekend", "holiday", "film", "movie", "coffee", "tea", "lunch", "dinner", "wifi", "password", "weather",
    "raining", "rain", "room", "email", "invite", "slide", "slides", "kitchen", "parking", "printer", "machine",
    "conference", "all-hands", "desk", "train", "traffic", "birthday", "party", "link", "calendar", "address",
    "phone", "drink", "game", "football", "offsite", "ok", "okay", "fine", "meeting", "text", "afternoon",
    "morning", "tomorrow", "tonight", "around", "park", "sec", "minute", "deadline", "office", "weekend", "chat",
    "call", "zoom", "teams-call", "film", "trip", "commute",
];

/// Verbs by which "I" offers something to the other person (customer focus).
#[rustfmt::skip]
pub(crate) const HELP_VERBS: &[&str] = &[
    "help", "support", "assist", "contribute", "add", "serve", "free", "save", "fix", "solve", "ease", "improve",
    "reduce", "cut", "handle", "cover", "build", "draft", "prepare", "relieve", "useful", "fit", "take", "make",
    "do", "run", "deliver", "organize", "set",
];

/// Verbs by which "I" asks for something for myself (self focus).
#[rustfmt::skip]
pub(crate) const GET_VERBS: &[&str] = &[
    "get", "earn", "move", "apply", "become", "deserve", "switch", "go", "work", "have", "be", "join", "transfer",
    "change", "progress", "advance", "grow", "climb", "stay", "leave", "attend", "travel", "lead", "manage", "own",
    "present", "am", "was", "need",
];

/// Words that make a question leading wherever they appear.
/// Words that are never the content of a noun phrase ("the *one*", "a *lot*").
#[rustfmt::skip]
pub(crate) const EMPTY_NOUNS: &[&str] = &[
    "one", "ones", "thing", "things", "way", "lot", "bit", "time", "year", "quarter", "month", "week", "day",
    "end", "moment", "point", "other", "same", "first", "last", "next", "rest", "most", "best", "whole", "only",
    "new",
];

/// Words that are never the content of a noun phrase.
pub(crate) fn is_function_word(w: &str) -> bool {
    WH.contains(&w)
        || AUX.contains(&w)
        || NEG_AUX.contains(&w)
        || PRONOUNS.contains(&w)
        || COMMON.contains(&w)
        || EMPTY_NOUNS.contains(&w)
}

/// Pronouns, determiners and quantifiers.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "there", "this", "that", "these", "those", "the", "your", "our",
    "my", "their", "his", "her", "its", "a", "an", "any", "anyone", "anybody", "anything", "everyone",
    "everything", "someone", "something", "somebody", "everybody", "all", "each", "every", "some", "no", "not",
    "me", "us", "them", "him", "else",
];

/// Words that make a question leading wherever they appear.
#[rustfmt::skip]
pub(crate) const LEADING_WORDS: &[&str] = &[
    "surely", "obviously", "clearly", "wasting", "undoubtedly", "admit",
];

/// Multi-word phrases that make a question leading wherever they appear.
#[rustfmt::skip]
pub(crate) const LEADING_PHRASES: &[&[&str]] = &[
    &["you", "agree"], &["you", "would", "agree"], &["would", "you", "agree"], &["would", "you", "not", "agree"],
    &["the", "real", "problem"], &["the", "real", "issue"], &["is", "it", "not", "true"],
    &["what", "is", "the", "point"], &["of", "course"], &["be", "better", "if"], &["be", "better", "to"],
    &["better", "off"], &["we", "just"], &["why", "not", "just"], &["how", "much", "better"], &["how", "great"],
    &["makes", "more", "sense"], &["make", "more", "sense"], &["always", "get"],
];

/// Tag words that close a sentence into a yes/no push ("…, right?").
#[rustfmt::skip]
pub(crate) const TAG_WORDS: &[&str] = &[
    "right", "correct", "yes", "no", "yeah", "agreed", "true", "surely", "eh", "ok", "okay", "innit", "yep",
];

/// Subjects that follow an auxiliary in a tag ("…, isn't *it*?").
#[rustfmt::skip]
pub(crate) const TAG_SUBJECTS: &[&str] = &[
    "it", "you", "we", "they", "i", "he", "she", "there", "that", "this",
];

/// Words in front of a comma that introduce the real question ("Given the freeze, how…").
#[rustfmt::skip]
pub(crate) const LEAD_IN: &[&str] = &[
    "if", "when", "given", "with", "for", "in", "from", "looking", "out", "as", "since", "after", "before", "once",
    "thinking", "regarding", "about", "on", "at", "honestly", "now", "so", "overall", "ultimately", "personally",
    "realistically", "based", "considering", "whilst", "while", "during", "across", "beyond", "then", "ok", "okay",
    "well", "right", "sorry", "hi", "hello", "hey", "thanks", "anyway", "also", "just", "quick", "by", "and",
    "but", "to", "frankly", "generally", "broadly", "apart", "besides",
];

/// Discourse words dropped from the start of a clause ("So what's…", "And how…").
#[rustfmt::skip]
pub(crate) const DISCOURSE: &[&str] = &[
    "so", "and", "but", "ok", "okay", "well", "also", "just", "now", "then", "anyway", "honestly", "please", "hi",
    "hello", "hey", "sorry", "oh", "um", "uh", "hmm", "right", "actually", "basically", "finally", "lastly",
    "firstly", "secondly", "thirdly", "plus",
];

/// Singular form of a plural noun (good enough for lexicon look-ups).
pub(crate) fn lemma(w: &str) -> &str {
    if w.len() > 4 && w.ends_with("ies") {
        return &w[..w.len() - 3]; // priorities -> priorit (matched by `has` below)
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return &w[..w.len() - 1];
    }
    w
}

/// Whether `w` (or its singular) is in `list`.
pub(crate) fn has(list: &[&str], w: &str) -> bool {
    if list.contains(&w) {
        return true;
    }
    let l = lemma(w);
    if l.len() != w.len() {
        if w.ends_with("ies") {
            return list
                .iter()
                .any(|x| x.len() == l.len() + 1 && x.starts_with(l) && x.ends_with('y'));
        }
        return list.contains(&l);
    }
    false
}

/// Membership in a word list through a hash set built on first use, with plurals folded.
fn in_set(
    cell: &'static OnceLock<HashSet<&'static str>>,
    list: &'static [&'static str],
    w: &str,
) -> bool {
    let set = cell.get_or_init(|| list.iter().copied().collect());
    if set.contains(w) {
        return true;
    }
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 1) {
        return set.contains(format!("{stem}y").as_str());
    }
    let l = lemma(w);
    l.len() != w.len() && set.contains(l)
}

/// Whether `w` (or its singular) is a business word.
pub(crate) fn business(w: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    in_set(&S, BUSINESS, w)
}

/// Whether `w` (or its singular) is a career word.
pub(crate) fn career(w: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    in_set(&S, CAREER, w)
}

/// Whether `w` (or its singular) is a strong career word.
pub(crate) fn career_strong(w: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    in_set(&S, CAREER_STRONG, w)
}

/// Whether `w` (or its singular) is a small-talk word.
pub(crate) fn small_talk(w: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    in_set(&S, SMALL_TALK, w)
}

/// Whether `w` (or its singular) can start a subject.
pub(crate) fn subject_start(w: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    in_set(&S, SUBJECT_START, w)
}

/// Common words that must never be "corrected" into lexicon words.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "the", "this", "that", "these", "those", "there", "their", "they", "them", "then", "than", "here", "where",
    "were", "what", "when", "which", "while", "whole", "with", "would", "could", "should", "about", "after",
    "again", "being", "below", "between", "both", "each", "every", "from", "have", "into", "just", "like", "more",
    "most", "much", "need", "next", "only", "other", "over", "same", "some", "such", "think", "through", "very",
    "want", "well", "your", "yours", "other", "thing", "things", "time", "times", "week", "month", "first", "last",
    "best", "better", "biggest", "bigger", "stopping", "approved", "getting", "going", "doing", "making", "taking",
    "happy", "ready", "still", "right", "great", "good", "today", "tomorrow", "yesterday", "years", "months",
    "weeks", "since", "until", "because", "before", "trying", "achieve", "happen", "mean", "means", "looks",
    "look", "looking", "coming", "going", "cold", "hard", "hardest", "easier", "easy", "slow", "slowing", "faster",
    "quick", "quickly", "moved", "moving", "three", "four", "five", "seven", "eight", "nine", "other", "another",
    "place", "plate", "later", "never", "always", "often", "usually", "since", "rather", "whether", "either",
    "neither", "enough", "every",
];

fn vocabulary() -> &'static HashSet<&'static str> {
    static V: OnceLock<HashSet<&'static str>> = OnceLock::new();
    V.get_or_init(|| {
        let lists: [&[&str]; 9] = [
            WH,
            AUX,
            NEG_AUX,
            SUBJECT_START,
            TELL_VERBS,
            CAREER,
            BUSINESS,
            SMALL_TALK,
            COMMON,
        ];
        lists.iter().flat_map(|l| l.iter().copied()).collect()
    })
}

/// Whether the coach knows `w` (no typo repair needed).
pub(crate) fn is_known(w: &str) -> bool {
    let v = vocabulary();
    v.contains(w) || v.contains(lemma(w)) || super::spelling::canonical_spelling(w).is_some()
}

/// A known content word one edit away from `w`, if any (words of five letters or more only).
pub(crate) fn nearest_known(w: &str) -> Option<&'static str> {
    if w.len() < 5 {
        return None;
    }
    static TARGETS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let targets = TARGETS.get_or_init(|| {
        let mut t: Vec<&'static str> = [CAREER, BUSINESS, COMMON, EXTRA_TARGETS]
            .iter()
            .flat_map(|l| l.iter().copied())
            .filter(|x| x.len() >= 5)
            .collect();
        t.sort_unstable();
        t.dedup();
        t
    });
    let first = w.as_bytes()[0];
    targets
        .iter()
        .copied()
        .filter(|t| t.as_bytes()[0] == first || t.as_bytes().get(1) == Some(&first))
        .find(|t| super::spelling::within_one_edit(w, t))
}

/// Extra correct spellings that typos are repaired towards.
#[rustfmt::skip]
const EXTRA_TARGETS: &[&str] = &[
    "customers", "clients", "obstacles", "opportunities", "department", "approved", "stopping", "biggest",
    "promotion", "career", "priorities", "problems", "challenges", "competitors", "targets", "goals", "through",
    "question", "achieve", "success", "business", "manager", "organization",
];

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(BUSINESS, "priorities", true)]
    #[case(BUSINESS, "customers", true)]
    #[case(BUSINESS, "companies", true)]
    #[case(CAREER, "promotions", true)]
    #[case(CAREER, "status", false)]
    fn plural_lookup(#[case] list: &[&str], #[case] w: &str, #[case] want: bool) {
        assert_eq!(has(list, w), want);
    }

    #[rstest]
    #[case("cusotmers", Some("customers"))]
    #[case("departmant", Some("department"))]
    #[case("oportunities", Some("opportunities"))]
    #[case("carreer", Some("career"))]
    #[case("zzzzzz", None)]
    fn typo_targets(#[case] w: &str, #[case] want: Option<&str>) {
        assert_eq!(nearest_known(w), want);
    }
}
