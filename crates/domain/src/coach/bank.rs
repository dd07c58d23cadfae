//! The bank of open questions, by theme, for discovery conversations and upward career talks.

use serde::{Deserialize, Serialize};

/// What a bank question helps you find out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// What the internal customer is trying to achieve.
    Goals,
    /// What stands in their way.
    Obstacles,
    /// The people their work ultimately serves.
    EndCustomers,
    /// Competitors and the market.
    CompetitorsAndMarket,
    /// Where the business is growing and what that needs.
    Growth,
    /// What they value and where extra value could come from.
    Value,
    /// Who else to talk to; alliances and partners.
    Networks,
    /// Upward: my career, through the four factors (status, autonomy, meaning, learning).
    MyCareer,
    /// Upward: earning more autonomy.
    Autonomy,
    /// Upward: continued learning.
    Learning,
}

impl Theme {
    /// Human label for the theme.
    pub fn label(self) -> &'static str {
        match self {
            Self::Goals => "Goals",
            Self::Obstacles => "Obstacles",
            Self::EndCustomers => "Their customers",
            Self::CompetitorsAndMarket => "Competitors and market",
            Self::Growth => "Growth",
            Self::Value => "Value",
            Self::Networks => "Networks",
            Self::MyCareer => "My career (the four factors)",
            Self::Autonomy => "Autonomy",
            Self::Learning => "Learning",
        }
    }

    /// Stable slug, as in JSON and URLs ("end_customers").
    pub fn slug(self) -> &'static str {
        match self {
            Self::Goals => "goals",
            Self::Obstacles => "obstacles",
            Self::EndCustomers => "end_customers",
            Self::CompetitorsAndMarket => "competitors_and_market",
            Self::Growth => "growth",
            Self::Value => "value",
            Self::Networks => "networks",
            Self::MyCareer => "my_career",
            Self::Autonomy => "autonomy",
            Self::Learning => "learning",
        }
    }

    /// The theme with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::all().iter().copied().find(|t| t.slug() == slug)
    }

    /// Every theme, in display order.
    pub fn all() -> &'static [Theme] {
        &[
            Self::Goals,
            Self::Obstacles,
            Self::EndCustomers,
            Self::CompetitorsAndMarket,
            Self::Growth,
            Self::Value,
            Self::Networks,
            Self::MyCareer,
            Self::Autonomy,
            Self::Learning,
        ]
    }

    /// Whether the theme is for upward conversations about one's own career.
    pub fn is_upward(self) -> bool {
        matches!(self, Self::MyCareer | Self::Autonomy | Self::Learning)
    }
}

/// One open question in the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BankQuestion {
    /// Stable slug, unique across the bank.
    pub id: &'static str,
    /// What the question helps find out.
    pub theme: Theme,
    /// The question itself.
    pub text: &'static str,
    /// A natural follow-up, to keep the other person talking.
    pub follow_up: Option<&'static str>,
}

const fn q(
    id: &'static str,
    theme: Theme,
    text: &'static str,
    follow_up: Option<&'static str>,
) -> BankQuestion {
    BankQuestion {
        id,
        theme,
        text,
        follow_up,
    }
}

use Theme::*;

static BANK: &[BankQuestion] = &[
    // goals
    q(
        "goals-in-the-way",
        Goals,
        "What is getting in the way of your team's goals this quarter?",
        Some("Which of those would make the biggest difference if it went away?"),
    ),
    q(
        "goals-this-year",
        Goals,
        "What are you most trying to achieve this year?",
        Some("How will you know you have got there?"),
    ),
    q(
        "goals-success-looks-like",
        Goals,
        "What would success look like for your team twelve months from now?",
        Some("What would have to change to get there?"),
    ),
    q(
        "goals-boss-expects",
        Goals,
        "What does your own manager expect from your team this year?",
        Some("Which of those expectations worries you most?"),
    ),
    q(
        "goals-proud-of",
        Goals,
        "What would you most like your team to be known for across the organisation?",
        None,
    ),
    q(
        "goals-priorities-shift",
        Goals,
        "How have your priorities shifted since the start of the year?",
        Some("What drove that change?"),
    ),
    q(
        "goals-one-thing",
        Goals,
        "If you could get only one thing done before the summer, what would it be?",
        Some("Why that one?"),
    ),
    q(
        "goals-measured",
        Goals,
        "How is your team's success measured by the people above you?",
        Some("Which of those measures do you think matter most?"),
    ),
    q(
        "goals-strategy-link",
        Goals,
        "Which parts of the company strategy matter most for your team?",
        None,
    ),
    q(
        "goals-hoping",
        Goals,
        "What are you hoping to achieve with your team this quarter?",
        Some("What would help most along the way?"),
    ),
    // obstacles
    q(
        "obstacles-hardest-part",
        Obstacles,
        "What is the hardest part of reaching your goal this year?",
        Some("What have you tried so far?"),
    ),
    q(
        "obstacles-slowing",
        Obstacles,
        "What is slowing your team down at the moment?",
        Some("How long has that been the case?"),
    ),
    q(
        "obstacles-up-at-night",
        Obstacles,
        "What keeps you up at night about the next few months?",
        None,
    ),
    q(
        "obstacles-magic-wand",
        Obstacles,
        "If you could fix one thing about how work gets done here, what would it be?",
        Some("What has stopped it being fixed so far?"),
    ),
    q(
        "obstacles-time-drain",
        Obstacles,
        "Where does your team lose the most time each week?",
        Some("What would you do with that time if you got it back?"),
    ),
    q(
        "obstacles-repeat-problem",
        Obstacles,
        "Which problems keep coming back no matter what you try?",
        None,
    ),
    q(
        "obstacles-decisions",
        Obstacles,
        "Which decisions land on your desk that you would happily hand to someone else?",
        Some("What would you need to trust someone with them?"),
    ),
    q(
        "obstacles-risk",
        Obstacles,
        "What are the biggest risks you see in your plans for the year?",
        None,
    ),
    q(
        "obstacles-pressure",
        Obstacles,
        "What is putting the most pressure on your team right now?",
        Some("How is that showing up day to day?"),
    ),
    // end customers
    q(
        "customers-want",
        EndCustomers,
        "What are your customers asking for that they cannot get today?",
        Some("How are they getting by without it?"),
    ),
    q(
        "customers-complain",
        EndCustomers,
        "What do your customers complain about most often?",
        Some("Which complaint costs us the most?"),
    ),
    q(
        "customers-why-leave",
        EndCustomers,
        "Why do customers leave us, in your experience?",
        None,
    ),
    q(
        "customers-describe-us",
        EndCustomers,
        "How would your customers describe us to a friend?",
        Some("What would you want them to say instead?"),
    ),
    q(
        "customers-trying-to-do",
        EndCustomers,
        "What are your customers trying to get done when they come to us?",
        None,
    ),
    q(
        "customers-changing",
        EndCustomers,
        "How are your customers' needs changing?",
        Some("What is driving that change?"),
    ),
    q(
        "customers-miss",
        EndCustomers,
        "What would your customers miss most if our service stopped tomorrow?",
        None,
    ),
    q(
        "customers-hardest",
        EndCustomers,
        "Which customers does your team find hardest to serve?",
        Some("What makes them hard to serve?"),
    ),
    q(
        "customers-serve-matter",
        EndCustomers,
        "Which problems matter most to the people your team serves?",
        Some("Where do we fall short for them?"),
    ),
    // competitors and market
    q(
        "market-competitors-better",
        CompetitorsAndMarket,
        "What are our competitors doing better than us?",
        Some("What would it take for us to catch up?"),
    ),
    q(
        "market-trends",
        CompetitorsAndMarket,
        "Which trends in the market worry you most?",
        None,
    ),
    q(
        "market-losing-deals",
        CompetitorsAndMarket,
        "Where are we losing business to competitors?",
        Some("Why do you think that is?"),
    ),
    q(
        "market-new-entrant",
        CompetitorsAndMarket,
        "How do you expect the new players in the market to change things for us?",
        None,
    ),
    q(
        "market-customers-compare",
        CompetitorsAndMarket,
        "How do customers compare us with the alternatives?",
        Some("Where do we come out ahead?"),
    ),
    q(
        "market-shift",
        CompetitorsAndMarket,
        "What is changing in the market that the rest of the company has not noticed yet?",
        None,
    ),
    q(
        "market-regulation",
        CompetitorsAndMarket,
        "How are new rules or regulations likely to affect your part of the business?",
        None,
    ),
    q(
        "market-learn-from",
        CompetitorsAndMarket,
        "Which competitor do you think we could learn the most from?",
        Some("What would you borrow from them?"),
    ),
    // growth
    q(
        "growth-where",
        Growth,
        "Where do you see the biggest growth for your part of the business?",
        Some("What would it take to get there faster?"),
    ),
    q(
        "growth-capability",
        Growth,
        "What capabilities will your team need that it does not have today?",
        None,
    ),
    q(
        "growth-extra-person",
        Growth,
        "What would you do with an extra person on the team for three months?",
        Some("What would that be worth to you?"),
    ),
    q(
        "growth-untapped",
        Growth,
        "Which opportunities are you not getting to because of time or people?",
        None,
    ),
    q(
        "growth-skills-next-year",
        Growth,
        "What skills will your team need most over the next year or two?",
        Some("Where do you expect those to come from?"),
    ),
    q(
        "growth-new-markets",
        Growth,
        "Which new markets or services is the business thinking about?",
        None,
    ),
    q(
        "growth-scale",
        Growth,
        "What would have to be true for the pilot to scale to the rest of the business?",
        None,
    ),
    q(
        "growth-investment",
        Growth,
        "Where would you invest if the budget doubled next year?",
        None,
    ),
    // value
    q(
        "value-most-value",
        Value,
        "Where could someone add the most value for your team over the next six months?",
        Some("What would that be worth to you?"),
    ),
    q(
        "value-worth",
        Value,
        "What is a day of your team's time worth to the business?",
        None,
    ),
    q(
        "value-wish-more",
        Value,
        "What do you wish your team had more time for?",
        None,
    ),
    q(
        "value-plate",
        Value,
        "What could I take off your plate that would free you up for the work only you can do?",
        None,
    ),
    q(
        "value-best-help",
        Value,
        "What kind of help would make the biggest difference to your team right now?",
        Some("How would you know it was working?"),
    ),
    q(
        "value-what-matters",
        Value,
        "What matters most to you when someone offers to help your team?",
        None,
    ),
    q(
        "value-cost-of-problem",
        Value,
        "What does the problem cost your team today, in time or money?",
        None,
    ),
    q(
        "value-fit",
        Value,
        "How could my work fit better with what your team is trying to do?",
        None,
    ),
    q(
        "value-measure",
        Value,
        "How would you measure whether a new idea had paid off for your team?",
        None,
    ),
    // networks
    q(
        "networks-who-else",
        Networks,
        "Who else in the business is wrestling with the same problem?",
        Some("How could I reach them?"),
    ),
    q(
        "networks-support-needed",
        Networks,
        "Whose support do you need to get your plans approved?",
        None,
    ),
    q(
        "networks-best-informed",
        Networks,
        "Who do you turn to when you want to know what is really going on?",
        None,
    ),
    q(
        "networks-partners",
        Networks,
        "Which teams do you depend on most?",
        Some("How is that working for you?"),
    ),
    q(
        "networks-introduce",
        Networks,
        "Who would you suggest I talk to, to understand your customers better?",
        None,
    ),
    q(
        "networks-alliances",
        Networks,
        "Which other teams share your goals this year?",
        Some("Where could you join forces?"),
    ),
    q(
        "networks-saying",
        Networks,
        "What are people across the organisation saying about the changes?",
        None,
    ),
    q(
        "networks-stakeholders",
        Networks,
        "Which stakeholders are hardest to bring along?",
        Some("What would win them over?"),
    ),
    // my career: the four factors
    q(
        "career-ready-next",
        MyCareer,
        "What would you need to see from me to trust me with a bigger piece of work?",
        Some("Which piece of work do you have in mind?"),
    ),
    q(
        "career-value-to-business",
        MyCareer,
        "Where do you think I add the most value to the business today?",
        Some("Where could I add more?"),
    ),
    q(
        "career-recognition",
        MyCareer,
        "How does good work get recognised by the people who decide on promotions here?",
        None,
    ),
    q(
        "career-meaningful",
        MyCareer,
        "Which parts of the business are doing work that people find most meaningful?",
        None,
    ),
    q(
        "career-strategic-direction",
        MyCareer,
        "How could my skills line up with where the organisation is heading?",
        None,
    ),
    q(
        "career-seen-as",
        MyCareer,
        "How do you think others in the business see my contribution?",
        Some("What would you like them to see?"),
    ),
    q(
        "career-window-shop",
        MyCareer,
        "Which projects or teams would be worth me spending a week with, to see what the work is like?",
        None,
    ),
    q(
        "career-plan-fit",
        MyCareer,
        "How does my development plan fit with what the team will need next year?",
        None,
    ),
    q(
        "career-sponsor",
        MyCareer,
        "Who would be a good sponsor for an idea that serves both your goals and my growth?",
        None,
    ),
    // autonomy
    q(
        "autonomy-trust",
        Autonomy,
        "What would help you feel comfortable leaving more of the day-to-day decisions to me?",
        Some("Which decisions would you hand over first?"),
    ),
    q(
        "autonomy-informed",
        Autonomy,
        "How would you like me to keep you informed if I take more of this on myself?",
        None,
    ),
    q(
        "autonomy-boundaries",
        Autonomy,
        "Where would you like me to use my own judgement rather than check with you first?",
        None,
    ),
    q(
        "autonomy-worries",
        Autonomy,
        "What worries you about handing over more control of the project?",
        None,
    ),
    q(
        "autonomy-flexible",
        Autonomy,
        "What would need to be in place for flexible working to work well for the team?",
        None,
    ),
    q(
        "autonomy-solutions",
        Autonomy,
        "When I bring you a problem, what would you like me to have worked out first?",
        None,
    ),
    q(
        "autonomy-ownership",
        Autonomy,
        "Which parts of the work could I own end to end without slowing you down?",
        None,
    ),
    q(
        "autonomy-checkins",
        Autonomy,
        "How often would you want to check in if I ran the pilot on my own?",
        None,
    ),
    // learning
    q(
        "learning-skills-gap",
        Learning,
        "Which skills would make me more useful to the team over the next year?",
        Some("Where could I practise them?"),
    ),
    q(
        "learning-stretch",
        Learning,
        "What stretch assignments are coming up that I could learn from?",
        None,
    ),
    q(
        "learning-shadow",
        Learning,
        "Who could I shadow to learn how another part of the business works?",
        None,
    ),
    q(
        "learning-feedback",
        Learning,
        "What is one thing I could do differently that would make the biggest difference to the team?",
        None,
    ),
    q(
        "learning-after-pilot",
        Learning,
        "What should I have learned by the end of the project to be ready for the next one?",
        None,
    ),
    q(
        "learning-mentor",
        Learning,
        "Who in the organisation would be a good mentor for the kind of work the team will need next?",
        None,
    ),
    q(
        "learning-what-you-learned",
        Learning,
        "What did you learn early in your career that you wish more people knew?",
        None,
    ),
    q(
        "learning-course-value",
        Learning,
        "How could a course I take pay off for the team as well as for me?",
        None,
    ),
];

/// All bank questions, in theme order.
pub fn question_bank() -> &'static [BankQuestion] {
    BANK
}

/// Bank questions of one theme.
pub fn questions_for(theme: Theme) -> impl Iterator<Item = &'static BankQuestion> {
    BANK.iter().filter(move |q| q.theme == theme)
}

/// The bank question with this id.
pub fn bank_question(id: &str) -> Option<&'static BankQuestion> {
    BANK.iter().find(|q| q.id == id)
}

/// The first bank question of a theme (every theme has at least one).
pub(crate) fn first_of(theme: Theme) -> &'static BankQuestion {
    questions_for(theme).next().unwrap_or(&BANK[0])
}

/// Keywords per theme, for guessing what a question is about.
const THEME_WORDS: &[(Theme, &[&str])] = &[
    (
        EndCustomers,
        &[
            "customer",
            "client",
            "user",
            "patient",
            "buyer",
            "consumer",
            "shopper",
            "subscriber",
            "guest",
        ],
    ),
    (
        CompetitorsAndMarket,
        &[
            "competitor",
            "competition",
            "market",
            "rival",
            "industry",
            "trend",
            "regulation",
            "regulator",
            "tender",
        ],
    ),
    (
        Obstacles,
        &[
            "obstacle",
            "problem",
            "challenge",
            "blocking",
            "stuck",
            "slow",
            "slowing",
            "bottleneck",
            "risk",
            "worry",
            "frustrate",
            "frustration",
            "hard",
            "hardest",
            "struggle",
            "struggling",
            "delay",
            "backlog",
            "stopping",
            "pressure",
            "overloaded",
            "issue",
            "concern",
        ],
    ),
    (
        Growth,
        &[
            "growth",
            "grow",
            "expand",
            "expansion",
            "scale",
            "scaling",
            "new",
            "launch",
            "invest",
            "capability",
        ],
    ),
    (
        Value,
        &[
            "value",
            "worth",
            "benefit",
            "save",
            "cost",
            "revenue",
            "profit",
            "impact",
            "difference",
            "help",
            "budget",
            "margin",
        ],
    ),
    (
        Networks,
        &[
            "network",
            "stakeholder",
            "partner",
            "introduce",
            "connect",
            "alliance",
            "else",
            "whose",
            "who",
        ],
    ),
    (
        Goals,
        &[
            "goal",
            "target",
            "objective",
            "achieve",
            "priority",
            "success",
            "plan",
            "strategy",
            "aim",
            "quarter",
            "year",
        ],
    ),
    (
        MyCareer,
        &[
            "promotion",
            "promoted",
            "career",
            "raise",
            "pay",
            "salary",
            "bonus",
            "title",
            "job",
            "role",
            "recognition",
            "recognize",
            "status",
            "meaningful",
            "opening",
            "vacancy",
            "position",
            "noticed",
            "future",
        ],
    ),
    (
        Autonomy,
        &[
            "autonomy",
            "freedom",
            "home",
            "micromanage",
            "micromanaged",
            "flexibility",
            "flexible",
            "control",
            "decide",
            "own",
        ],
    ),
    (
        Learning,
        &[
            "learn",
            "learning",
            "training",
            "course",
            "skill",
            "mentor",
            "develop",
            "development",
            "degree",
            "shadow",
            "qualification",
        ],
    ),
];

/// The theme some canonical words are most about (Goals when nothing matches).
pub(crate) fn theme_of(words: &[&str]) -> Theme {
    let mut best = (0usize, Goals);
    for (theme, keys) in THEME_WORDS {
        let hits = words
            .iter()
            .filter(|w| super::lexicon::has(keys, w))
            .count();
        if hits > best.0 {
            best = (hits, *theme);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn at_least_eighty_questions_with_unique_ids() {
        assert!(BANK.len() >= 80, "{}", BANK.len());
        let ids: HashSet<_> = BANK.iter().map(|q| q.id).collect();
        assert_eq!(ids.len(), BANK.len());
        assert!(
            BANK.iter().all(|q| q.text.ends_with('?')
                && q.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }

    #[test]
    fn every_theme_has_questions_and_round_trips() {
        for t in Theme::all() {
            assert!(questions_for(*t).count() >= 5, "{t:?}");
            assert_eq!(Theme::from_slug(t.slug()), Some(*t));
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                serde_json::json!(t.slug())
            );
        }
    }

    #[test]
    fn guesses_theme() {
        assert_eq!(theme_of(&["why", "do", "customers", "leave"]), EndCustomers);
        assert_eq!(theme_of(&["can", "i", "get", "a", "promotion"]), MyCareer);
        assert_eq!(theme_of(&["hello"]), Goals);
    }
}
