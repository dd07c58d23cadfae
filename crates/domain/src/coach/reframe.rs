//! Writing an open, customer-focused version of a question, keeping its topic where possible.

use super::analysis::{self, Analysis};
use super::bank::{self, Theme};
use super::clause::{Clause, Opener};
use super::focus::Focus;
use super::lexicon::has;
use super::question::Openness;
use super::tokenise::Token;
use super::topic::{choice, is_people, noun_phrases, plural, proposal};

/// The reframe for an analysis: built from the question's own topic if that passes the coach, else from the bank.
/// A good question gets another open one on its theme, never itself echoed back.
pub(crate) fn reframe(a: &Analysis) -> String {
    let own = a.main_clause().map(|m| same_text(&m.text()));
    let differs = |q: &str| own.as_deref() != Some(same_text(q).as_str());
    if let Some(candidate) = build(a)
        && acceptable(&candidate)
        && differs(&candidate)
    {
        return candidate;
    }
    let fb = fallback(a);
    if differs(fb) {
        return fb.to_owned();
    }
    bank::questions_for(a.theme)
        .chain(bank::questions_for(Theme::Goals))
        .map(|q| q.text)
        .find(|q| differs(q))
        .unwrap_or(fb)
        .to_owned()
}

/// Text compared without case, spacing or end marks.
fn same_text(q: &str) -> String {
    q.trim_end_matches(['?', '.', '!', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a reframe is itself a single open, unleading, not self-focused question.
fn acceptable(q: &str) -> bool {
    let b = analysis::analyse(q);
    b.openness == Openness::Open
        && b.focus != Focus::SelfFocused
        && !b.leading
        && !b.blaming
        && b.question_count == 1
}

/// Words that say a group is under strain ("overloaded", "coping").
#[rustfmt::skip]
const PRESSURE: &[&str] = &[
    "overloaded", "busy", "stretched", "short", "struggling", "coping", "pressure", "workload", "cope",
    "overworked", "tired", "fed", "exhausted", "stressed", "worrying", "worried", "burnt", "unhappy", "swamped",
];

/// Builds a reframe from the question itself.
fn build(a: &Analysis) -> Option<String> {
    let main = a.main_clause();
    if let Some(m) = main
        && m.open
        && a.focus == Focus::Customer
        && !a.leading
        && !a.guess
        && !a.blaming
    {
        let t = m.text();
        let end = if m.opener == Opener::Indirect && !m.qmark {
            '.'
        } else {
            '?'
        };
        return Some(if t.ends_with(['?', '.']) {
            t
        } else {
            format!("{t}{end}")
        });
    }
    let c: &Clause = main.or_else(|| a.clauses.first())?;
    let body: Vec<Token> = c.tokens[..c.start]
        .iter()
        .chain(&c.tokens[c.body..])
        .cloned()
        .collect();
    let words: Vec<&str> = body
        .iter()
        .filter(|t| !t.punct)
        .map(|t| t.norm.as_str())
        .collect();

    if let Some(vp) = proposal(&body) {
        return Some(format!(
            "What would need to be true for it to make sense to {vp}?"
        ));
    }
    if let Some((x, y)) = choice(&body) {
        return Some(format!("How do you weigh up {x} against {y}?"));
    }
    let nps = noun_phrases(&body, a.focus == Focus::SelfFocused);
    let thing = nps.iter().find(|np| !is_people(np));
    let group = nps.iter().find(|np| is_people(np));
    // "Why did you let the release process get this bad?": ask about the situation, not the person
    if a.blaming {
        return Some(match thing {
            Some(t) => format!("What would help {} get back on track?", t.text),
            None => "What has been getting in the way, and what would help now?".to_owned(),
        });
    }
    let any = |ws: &[&str]| words.iter().any(|w| ws.contains(w));
    // "Are your planners coping…": the group under pressure is the topic
    let pressure = body
        .iter()
        .position(|t| PRESSURE.contains(&t.norm.as_str()));
    if let Some(p) = pressure.filter(|_| a.focus != Focus::SelfFocused)
        && let Some(g) = nps.iter().find(|np| is_people(np) && np.pos < p)
    {
        return Some(format!(
            "What is putting the most pressure on {} right now?",
            g.text
        ));
    }
    if let (Some(g), Some(t)) = (group, thing)
        && a.focus != Focus::SelfFocused
    {
        let verb = if plural(g) { "do" } else { "does" };
        return Some(format!("How {verb} {} feel about {}?", g.text, t.text));
    }
    let topic = thing.or(group)?;
    if a.focus == Focus::SelfFocused && (topic.org || topic.score < 4 || !topic.det) {
        return None;
    }
    let be = if plural(topic) { "are" } else { "is" };
    let t = &topic.text;
    Some(if a.focus == Focus::SelfFocused && is_people(topic) {
        format!("What is putting the most pressure on {t} right now?")
    } else if a.focus == Focus::SelfFocused {
        format!("What would make {t} a success for your team?")
    } else if any(&[
        "approved",
        "track",
        "signed",
        "sign",
        "finalized",
        "ready",
        "done",
        "finished",
        "planned",
        "settled",
        "working",
        "smaller",
        "growing",
        "final",
    ]) {
        format!("How {be} {t} shaping up from where you sit?")
    } else if any(&["went", "was", "were", "did", "had", "been"]) && !any(&["will", "going"]) {
        format!("Looking back, what stood out for you about {t}?")
    } else if any(&["help", "need", "benefit", "absorb", "support"]) {
        format!("What kind of help would make the biggest difference to {t}?")
    } else if any(&[
        "problem",
        "concern",
        "worry",
        "issue",
        "risk",
        "hurt",
        "affect",
        "bottleneck",
        "struggling",
        "worried",
        "priority",
    ]) {
        format!("What effect {be} {t} having on your team's goals?")
    } else if any(&[
        "considered",
        "thought",
        "consider",
        "plan",
        "should",
        "outsourcing",
        "looked",
    ]) {
        format!("What options are you weighing for {t}?")
    } else if any(&["will", "going"]) {
        format!("What do you expect to happen with {t}?")
    } else {
        format!("What matters most to you about {t}?")
    })
}

/// A bank question that fits what the question was reaching for.
fn fallback(a: &Analysis) -> &'static str {
    let words: Vec<&str> = a
        .clauses
        .iter()
        .flat_map(|c| c.tokens.iter())
        .filter(|t| !t.punct)
        .map(|t| t.norm.as_str())
        .collect();
    let any = |ws: &[&str]| words.iter().any(|w| has(ws, w));
    let id = if a.main.is_some() && any(&["else"]) && a.focus != Focus::SelfFocused {
        return "What else is on your mind that we have not covered?";
    } else if any(&[
        "recognition",
        "recognize",
        "recognized",
        "noticed",
        "visibility",
        "credit",
        "valued",
        "appreciated",
        "profile",
    ]) {
        "value-most-value"
    } else if any(&[
        "learn",
        "learning",
        "training",
        "course",
        "skill",
        "degree",
        "mentor",
        "qualification",
    ]) {
        "growth-skills-next-year"
    } else if any(&["autonomy", "freedom", "micromanaged", "flexibility", "home"]) {
        "obstacles-decisions"
    } else if any(&["meaningful", "boring", "bored", "interesting", "meaning"]) {
        "customers-serve-matter"
    } else {
        match a.theme {
            Theme::MyCareer | Theme::Autonomy | Theme::Learning | Theme::Goals => {
                "goals-in-the-way"
            }
            t => bank::first_of(t).id,
        }
    };
    bank::bank_question(id).map_or(bank::first_of(Theme::Goals).text, |q| q.text)
}
