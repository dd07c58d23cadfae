//! Career-conversation guides for managers, and the practice judge.
//!
//! A manager short of time tends to assume everyone wants to move up and to answer before
//! asking. Each guide turns one topic of a career conversation into open questions (every one
//! passes the question coach: see the tests), prompts for listening before advising, the things
//! to avoid, and a short worked exchange. [`judge_practice`] looks at a question a manager
//! drafts: the question coach's verdict plus the pitfalls of a career conversation in
//! particular — promising a slot, assuming "up", advising instead of asking.

use crate::coach::{Openness, QuestionVerdict, judge_question};
use serde::Serialize;

/// One open question of a guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GuideQuestion {
    /// The question.
    pub text: &'static str,
    /// What to listen for in the answer.
    pub listen_for: &'static str,
    /// A follow-up that keeps them talking.
    pub follow_up: &'static str,
}

/// One line of a worked example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExampleLine {
    /// Who speaks: "Manager" or "Report".
    pub who: &'static str,
    /// What they say.
    pub says: &'static str,
}

/// A career-conversation guide on one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Guide {
    /// Stable slug, as in URLs.
    pub slug: &'static str,
    /// Short title.
    pub title: &'static str,
    /// One sentence: what the conversation is for.
    pub summary: &'static str,
    /// Why it matters, in a few sentences.
    pub why: &'static str,
    /// Open questions to ask.
    pub questions: &'static [GuideQuestion],
    /// Listening prompts: reflect, summarise, ask before advising.
    pub listening: &'static [&'static str],
    /// What to avoid.
    pub avoid: &'static [&'static str],
    /// A short worked exchange.
    pub example: &'static [ExampleLine],
}

const fn q(text: &'static str, listen_for: &'static str, follow_up: &'static str) -> GuideQuestion {
    GuideQuestion {
        text,
        listen_for,
        follow_up,
    }
}

const fn m(says: &'static str) -> ExampleLine {
    ExampleLine {
        who: "Manager",
        says,
    }
}

const fn r(says: &'static str) -> ExampleLine {
    ExampleLine {
        who: "Report",
        says,
    }
}

/// Listening habits every guide shares, before its own.
pub const LISTENING_BASICS: &[&str] = &[
    "Reflect back what you heard in their words before you add your own.",
    "Summarise at the end and ask whether you got it right.",
    "Ask before advising: \"Would it help if I shared what I have seen work?\"",
    "Let silences run; the second answer is often the real one.",
];

/// Every guide, in the order a first conversation might take them.
pub static GUIDES: &[Guide] = &[
    Guide {
        slug: "four-factors",
        title: "What they want from work",
        summary: "Find out which of status, autonomy, meaningful work and learning matters most to them now.",
        why: "People want different things from work, and the mix changes over a career. A \
              promotion is only one answer. Their compass ranking, if they share it, is a \
              starting point, not the answer: ask what sits behind it.",
        questions: &[
            q(
                "What has made a good week at work good for you lately?",
                "Which factor the story is really about: being recognised, deciding for themselves, doing something that matters, or learning.",
                "What was it about that part that mattered to you?",
            ),
            q(
                "Which parts of your work would you keep if you could only keep a few?",
                "What they protect tells you what they value.",
                "What makes those parts worth keeping?",
            ),
            q(
                "How would you like the people around you to see your work a year from now?",
                "Whether recognition is about status, influence or simply being trusted.",
                "Who in particular would you want to notice it?",
            ),
            q(
                "What would you want more of from your work over the next year?",
                "Whether the answer is more of something they already have or something new.",
                "What would tell you that you were getting it?",
            ),
        ],
        listening: &["Name the factor you think you heard and let them correct you."],
        avoid: &[
            "Assuming the answer is a bigger job or a higher level.",
            "Ranking the factors for them.",
            "Treating a low ranking for status as a lack of ambition.",
        ],
        example: &[
            m("What has made a good week at work good for you lately?"),
            r("The week I rebuilt the release checklist. Nobody asked me to; I just did it."),
            m(
                "So it was partly that you chose to do it yourself. What was it about that week that mattered?",
            ),
            r("Deciding how to do it, I think. And people used it the next day."),
            m("That sounds like autonomy first and being useful close behind. Is that right?"),
        ],
    },
    Guide {
        slug: "growth",
        title: "Growth",
        summary: "Explore where they want to grow, in any direction, not only up.",
        why: "Growth can be sideways, deeper in a craft, broader across the business, or into a \
              role that does not exist yet. Waiting to be offered the next slot rarely works, so \
              help them find the next thing to try.",
        questions: &[
            q(
                "What would you like to be able to do in a year that you cannot do today?",
                "Concrete skills or experiences rather than titles.",
                "What could you try in the next month to start on that?",
            ),
            q(
                "Which parts of the business are you curious about?",
                "Sideways interests they may not have said out loud.",
                "Who there could you talk to first?",
            ),
            q(
                "What kind of work do you lose track of time doing?",
                "Energy is a better guide to growth than a job title.",
                "How could you do more of that here?",
            ),
            q(
                "How do you learn best when something is new to you?",
                "How they learn best, so the plan fits them.",
                "What has worked for you before?",
            ),
        ],
        listening: &["Write down the words they use for what they want; use them in the plan."],
        avoid: &[
            "Promising a role, a promotion or a date.",
            "Steering towards the path you took yourself.",
            "Closing the topic with \"there is nothing open right now\".",
        ],
        example: &[
            m("What would you like to be able to do in a year that you cannot do today?"),
            r("Run a customer workshop on my own, start to finish."),
            m(
                "Running the whole thing yourself. What could you try in the next month to start on that?",
            ),
            r("Maybe co-run the one Priya has in March."),
        ],
    },
    Guide {
        slug: "value",
        title: "Professional value",
        summary: "Help them see the value they add and where they could add more.",
        why: "Careers move when people act like a small business serving internal customers: \
              they find out what others are trying to achieve and offer something that helps. \
              This conversation makes that value visible and points at where more is needed.",
        questions: &[
            q(
                "Who benefits most from your work today?",
                "Whether they think of their work in terms of the people it serves.",
                "What are those people trying to achieve this year?",
            ),
            q(
                "What problem could you solve for the team that nobody owns yet?",
                "Gaps they have noticed; these often become new roles.",
                "What would you need to make a start?",
            ),
            q(
                "Which of your skills do you think the organisation underuses?",
                "Strengths that a placement, a project or a pilot could put to work.",
                "Where could those skills make the biggest difference?",
            ),
            q(
                "How do you know when your work has made a difference?",
                "Whether they hear from their customers at all.",
                "How could you hear more of that?",
            ),
        ],
        listening: &[
            "Summarise their value in one sentence and ask if they would say it that way.",
        ],
        avoid: &[
            "Measuring their value only by your own targets.",
            "Taking credit for what they describe.",
        ],
        example: &[
            m("Who benefits most from your work today?"),
            r("Honestly, the support team. They use my reports every morning."),
            m("The support team every morning. What are they trying to achieve this year?"),
            r("Cutting the time to answer a ticket. I have some ideas about that."),
        ],
    },
    Guide {
        slug: "networks",
        title: "Networks",
        summary: "Map who they know and who they should get to know, and offer introductions.",
        why: "Opportunities travel through people. A manager can open doors a report cannot: \
              an introduction to a direction's owner, a possible mentor or a colleague in a \
              growth area is often worth more than advice.",
        questions: &[
            q(
                "Who outside our team do you work with most?",
                "How wide their network is already.",
                "What do you learn from them?",
            ),
            q(
                "Whose work would you like to understand better?",
                "People you could introduce them to.",
                "What would you want to ask them?",
            ),
            q(
                "Who in the organisation is working on something you care about?",
                "Links between their interests and the organisation's directions.",
                "How could you help them?",
            ),
            q(
                "What kind of mentor would be useful to you right now?",
                "Whether they need a guide for a skill, a part of the business or a career move.",
                "Who comes to mind?",
            ),
        ],
        listening: &["Offer one introduction before the end, and follow through within a week."],
        avoid: &[
            "Treating networking as self-promotion; frame it as learning what others need.",
            "Keeping your own contacts to yourself.",
        ],
        example: &[
            m("Whose work would you like to understand better?"),
            r("The pricing team. Their decisions land on my desk and I never know why."),
            m(
                "You would like to see why pricing decides what it does. What would you want to ask them?",
            ),
            r("How they weigh churn against margin."),
            m("Would it help if I introduced you to Sam there?"),
        ],
    },
    Guide {
        slug: "autonomy",
        title: "Autonomy and how it is earned",
        summary: "Agree where they want more freedom and what would earn it.",
        why: "Autonomy is given in return for trust, and trust grows from a record: updates that \
              keep you informed, problems raised with a proposed solution, promises kept. Make \
              the deal explicit so it can be earned rather than hoped for.",
        questions: &[
            q(
                "Where would you like more say over how your work gets done?",
                "The specific decisions they want to own.",
                "What would you do differently if it were up to you?",
            ),
            q(
                "What would show that you are ready to own that decision?",
                "What they think earns trust; compare with what you need.",
                "How could we check in on it without me looking over your shoulder?",
            ),
            q(
                "How would you like to keep me informed when you are running something on your own?",
                "A rhythm of updates that suits both of you.",
                "What would make those updates quick to write?",
            ),
            q(
                "When a problem comes up in your work, what is a good way to raise it with the team?",
                "Whether they come with solutions or only with problems.",
                "What would a good first step be next time?",
            ),
        ],
        listening: &["Agree one decision they own from today, and say it back so both remember."],
        avoid: &[
            "Granting autonomy in words while still approving every step.",
            "Saying \"you need more experience\" without saying what experience.",
        ],
        example: &[
            m("Where would you like more say over how your work gets done?"),
            r("Choosing which supplier bugs we fix first."),
            m(
                "Setting the order yourself. What would show that you are ready to own that decision?",
            ),
            r("If I sent you the list with my reasons every Friday for a month?"),
        ],
    },
    Guide {
        slug: "meaning",
        title: "Meaning and values",
        summary: "Find out what would make the work meaningful for them.",
        why: "Meaningful work keeps people when pay and titles do not. Meaning is personal: for \
              one person it is the end customer, for another the craft, for another the team. \
              Ask, and connect their answer to the organisation's strategic directions.",
        questions: &[
            q(
                "What would make this work meaningful for you?",
                "Whether meaning comes from people helped, quality, mission or colleagues.",
                "When have you felt that most here?",
            ),
            q(
                "Which of the organisation's directions do you care most about?",
                "Where their energy meets what the organisation needs.",
                "How could your work serve it more directly?",
            ),
            q(
                "What do you value that you would not give up for a better title?",
                "Their lines: flexibility, a team, a kind of work.",
                "How well does your current role respect that?",
            ),
            q(
                "How do the people your work serves in the end show up in your day?",
                "Whether they ever see the end customer.",
                "What would you like to know about them?",
            ),
        ],
        listening: &["Reflect the value you heard without judging it."],
        avoid: &[
            "Telling them what should be meaningful.",
            "Promising that a move will fix a lack of meaning.",
        ],
        example: &[
            m("What would make this work meaningful for you?"),
            r("Knowing that what I build gets to patients faster."),
            m("Getting it to patients faster. When have you felt that most here?"),
            r("When I sat with the clinic staff during the pilot."),
        ],
    },
    Guide {
        slug: "divergence",
        title: "When their plan diverges",
        summary: "Talk honestly when what they want and what the organisation needs pull apart.",
        why: "Sometimes the next step for a person is outside the team or outside the \
              organisation. Said early and openly, a divergence can be planned: they keep \
              performing, you support the move, and someone is ready to step in. Hidden, it \
              becomes a surprise resignation.",
        questions: &[
            q(
                "Where do you see your plan and the team's needs pulling apart?",
                "The size of the gap and how long they think it can last.",
                "What would make staying worthwhile for the next stretch?",
            ),
            q(
                "What would a good next year look like for you, wherever it happens?",
                "Whether they are leaving something or going towards something.",
                "Which part of that could happen here?",
            ),
            q(
                "How can I help you get ready for the move you want?",
                "Concrete help: introductions, a placement, a reference, time.",
                "What would you want from me in return for that help?",
            ),
            q(
                "Who could you help get ready to take over your work?",
                "Succession: who they would trust with their work.",
                "What would they need to learn first?",
            ),
        ],
        listening: &[
            "Thank them for saying it; say what you commit to, and date it in their plan.",
        ],
        avoid: &[
            "Treating divergence as disloyalty.",
            "Making a counter-offer before you understand what they want.",
            "Keeping it from succession planning once they have told you.",
        ],
        example: &[
            m("Where do you see your plan and the team's needs pulling apart?"),
            r("I want to work in product, and we do not have product roles here."),
            m(
                "Product, and no such role on this team. How can I help you get ready for that move?",
            ),
            r("Maybe a placement with the product group, and time to learn research."),
            m("I can support that. Who could you help get ready to take over your reports?"),
        ],
    },
];

/// The guide with this slug.
pub fn guide(slug: &str) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.slug == slug)
}

/// A pitfall of a career conversation that a drafted question falls into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pitfall {
    /// A yes/no or one-word question.
    Closed,
    /// It pushes an answer.
    Leading,
    /// It assigns blame.
    Blaming,
    /// Several questions at once.
    Multiple,
    /// It promises (or dangles) a slot, a promotion or a date.
    PromisesSlot,
    /// It assumes the person wants to move up.
    AssumesUp,
    /// It advises or tells instead of asking.
    Advises,
}

impl Pitfall {
    /// Short label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Closed => "Closed",
            Self::Leading => "Leading",
            Self::Blaming => "Blames",
            Self::Multiple => "Several questions",
            Self::PromisesSlot => "Promises a slot",
            Self::AssumesUp => "Assumes \"up\"",
            Self::Advises => "Advises first",
        }
    }

    /// Why it matters and what to do instead.
    pub fn advice(self) -> &'static str {
        match self {
            Self::Closed => {
                "It can be answered with a word. Start with what, how or which, so they talk."
            }
            Self::Leading => "It suggests the answer you want. Ask so that any answer is welcome.",
            Self::Blaming => {
                "It puts them on the defensive. Ask about what happened and what would help."
            }
            Self::Multiple => {
                "It asks several things at once; they will answer the easiest. Ask one."
            }
            Self::PromisesSlot => {
                "A promise of a role or a date is rarely yours to keep. Ask what they want and what they could try."
            }
            Self::AssumesUp => {
                "Not everyone wants to move up. Ask what they want from work before you talk about levels."
            }
            Self::Advises => {
                "It tells them what to do. Ask first; offer advice only when they ask for it."
            }
        }
    }
}

/// The judgement of one practice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Practice {
    /// The question as drafted.
    pub text: String,
    /// What the question coach says.
    pub verdict: QuestionVerdict,
    /// The pitfalls it falls into, in a fixed order.
    pub pitfalls: Vec<Pitfall>,
    /// The guide's question closest to what was drafted, to try instead.
    pub instead: &'static str,
}

impl Practice {
    /// Whether it is a good coaching question: no pitfalls.
    pub fn is_good(&self) -> bool {
        self.pitfalls.is_empty()
    }
}

/// Phrases that promise or dangle a slot.
const PROMISES: &[&str] = &[
    "i will get you",
    "i'll get you",
    "i can get you",
    "i'll make sure you get",
    "i will make sure you get",
    "i promise",
    "guarantee",
    "you will be promoted",
    "you'll be promoted",
    "you will get the",
    "you'll get the",
    "in line for",
    "next in line",
];

/// Phrases that assume the person wants to move up.
const UPWARD: &[&str] = &[
    "promotion",
    "promotions",
    "promoted",
    "move up",
    "moving up",
    "step up",
    "next level",
    "climb",
    "ladder",
    "more senior",
    "senior role",
    "higher grade",
    "bigger title",
    "manage a team",
    "become a manager",
];

/// Openings that tell or advise.
const ADVICE: &[&str] = &[
    "you should",
    "you need to",
    "you must",
    "you ought to",
    "have you thought about",
    "have you considered",
    "why don't you",
    "why not just",
    "if i were you",
    "my advice",
];

fn contains_phrase(hay: &str, phrase: &str) -> bool {
    hay.match_indices(phrase).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Words too common to say what a question is about.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "to", "of", "in", "on", "for", "at", "with", "do", "does",
    "you", "your", "yours", "i", "me", "my", "we", "our", "is", "are", "be", "it", "that", "this",
    "what", "how", "which", "who", "why", "when", "would", "could", "should", "can", "will",
    "like", "want", "about", "next", "there", "here", "so", "if", "any", "more",
];

fn content_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !STOP.contains(w))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// The guide's question that shares the most content words with `text` (the first on a tie,
/// so the guide's opening question when nothing is shared).
pub fn closest_question(g: &Guide, text: &str) -> &'static str {
    let mine = content_words(text);
    let mut best = (0usize, g.questions.first().map_or("", |q| q.text));
    for q in g.questions {
        let shared = content_words(q.text)
            .iter()
            .filter(|w| {
                mine.iter()
                    .any(|m| m.starts_with(w.as_str()) || w.starts_with(m.as_str()))
            })
            .count();
        if shared > best.0 {
            best = (shared, q.text);
        }
    }
    best.1
}

/// Judges one question a manager drafts for a career conversation on the topic of `g`.
pub fn judge_practice_for(g: &'static Guide, text: &str) -> Practice {
    let mut p = judge_practice(text);
    p.instead = closest_question(g, text);
    p
}

/// Judges one question a manager drafts for a career conversation.
pub fn judge_practice(text: &str) -> Practice {
    let verdict = judge_question(text);
    let lower = text.to_lowercase().replace('’', "'");
    let mut pitfalls = Vec::new();
    if verdict.openness == Openness::Closed {
        pitfalls.push(Pitfall::Closed);
    }
    if verdict.leading {
        pitfalls.push(Pitfall::Leading);
    }
    if verdict.blaming {
        pitfalls.push(Pitfall::Blaming);
    }
    if verdict.multiple {
        pitfalls.push(Pitfall::Multiple);
    }
    if PROMISES.iter().any(|p| contains_phrase(&lower, p)) {
        pitfalls.push(Pitfall::PromisesSlot);
    }
    if UPWARD.iter().any(|p| contains_phrase(&lower, p)) {
        pitfalls.push(Pitfall::AssumesUp);
    }
    if ADVICE.iter().any(|p| contains_phrase(&lower, p)) {
        pitfalls.push(Pitfall::Advises);
    }
    Practice {
        text: text.trim().to_string(),
        verdict,
        pitfalls,
        instead: "",
    }
}

/// How many questions one practice round judges.
pub const PRACTICE_SLOTS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::Focus;
    use std::collections::HashSet;

    #[test]
    fn every_guide_question_passes_the_coaches() {
        let mut bad = Vec::new();
        for g in GUIDES {
            for gq in g.questions {
                let p = judge_practice(gq.text);
                if !p.is_good() || p.verdict.focus == Focus::SelfFocused {
                    bad.push(format!(
                        "{}: {:?} {:?} {:?}",
                        g.slug, gq.text, p.pitfalls, p.verdict.focus
                    ));
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn every_example_opens_with_one_of_its_questions() {
        for g in GUIDES {
            let first = g.example.first().expect("an example");
            assert_eq!(first.who, "Manager", "{}", g.slug);
            assert!(
                g.questions.iter().any(|q| q.text == first.says),
                "{}: {:?}",
                g.slug,
                first.says
            );
        }
    }

    #[test]
    fn guides_are_complete_and_slugs_unique() {
        let slugs: HashSet<_> = GUIDES.iter().map(|g| g.slug).collect();
        assert_eq!(slugs.len(), GUIDES.len());
        for want in [
            "growth",
            "value",
            "networks",
            "four-factors",
            "autonomy",
            "meaning",
            "divergence",
        ] {
            let g = guide(want).unwrap_or_else(|| panic!("no guide {want}"));
            assert!(g.questions.len() >= 3, "{want}");
            assert!(!g.avoid.is_empty() && !g.listening.is_empty() && !g.example.is_empty());
        }
        assert!(guide("nope").is_none());
    }

    #[test]
    fn practice_flags_the_career_pitfalls() {
        let cases: &[(&str, &[Pitfall])] = &[
            ("What would you like to be doing a year from now?", &[]),
            (
                "Do you want a promotion?",
                &[Pitfall::Closed, Pitfall::AssumesUp],
            ),
            (
                "How do you see yourself moving up to the next level?",
                &[Pitfall::AssumesUp],
            ),
            (
                "What if I promise you'll be promoted next spring?",
                &[Pitfall::PromisesSlot, Pitfall::AssumesUp],
            ),
            (
                "Have you considered doing a course?",
                &[Pitfall::Closed, Pitfall::Advises],
            ),
        ];
        for (text, want) in cases {
            let p = judge_practice(text);
            for w in *want {
                assert!(
                    p.pitfalls.contains(w),
                    "{text:?}: {:?} lacks {w:?}",
                    p.pitfalls
                );
            }
            if want.is_empty() {
                assert!(p.is_good(), "{text:?}: {:?}", p.pitfalls);
            }
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("a promotion now", "promotion"));
        assert!(!contains_phrase("promotional", "promotion"));
        assert!(!contains_phrase("seclimb", "climb"));
        assert!(
            judge_practice("What would you promote about your team's work?")
                .pitfalls
                .iter()
                .all(|p| *p != Pitfall::AssumesUp)
        );
    }

    #[test]
    fn the_closest_guide_question_is_offered_instead() {
        let g = guide("growth").expect("growth");
        assert_eq!(
            judge_practice_for(g, "Have you considered learning on a course?").instead,
            "How do you learn best when something is new to you?"
        );
        assert_eq!(
            judge_practice_for(g, "Do you want a promotion?").instead,
            g.questions[0].text
        );
    }

    #[test]
    fn every_pitfall_has_words() {
        for p in [
            Pitfall::Closed,
            Pitfall::Leading,
            Pitfall::Blaming,
            Pitfall::Multiple,
            Pitfall::PromisesSlot,
            Pitfall::AssumesUp,
            Pitfall::Advises,
        ] {
            assert!(!p.label().is_empty() && p.advice().ends_with('.'));
        }
    }
}
