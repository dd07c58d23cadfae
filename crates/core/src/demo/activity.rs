//! The demo's marketplace: strategic directions, placements, interests, invitations and
//! marketplace profiles, made through the same use cases people use, so every row is exactly
//! as valid as one a person made. Deterministic for the same seed and day (the store still
//! chooses its own ids).

use super::shape::job_title;
use super::{DEMO_ADMIN, DEMO_EMPLOYEE, DEMO_MANAGER, DemoPerson};
use crate::compass::FactorsInput;
use crate::directions::DirectionInput;
use crate::placements::{PlacementInput, SkillInput};
use crate::{Actor, App, CoreResult};
use ladderless_domain::ids::PlacementId;
use ladderless_domain::placement::PlacementKind;
use ladderless_domain::rng::Rng;
use ladderless_store::Uuid;
use std::collections::{HashMap, HashSet};
use time::Duration;

/// What the marketplace step created.
#[derive(Debug, Clone, Default)]
pub(super) struct Activity {
    /// Strategic directions published.
    pub directions: usize,
    /// Placement titles, in the order they were posted.
    pub placements: Vec<String>,
    /// Interests, invitations included.
    pub interests: usize,
    /// Open placements posted with the demo employee in mind, in the order posted.
    pub for_employee: Vec<PlacementId>,
}

/// The hours the demo employee says they have free each week.
const EMPLOYEE_HOURS: i32 = 8;

/// Department-specific wording for the kinds that depend on the work itself.
struct Words {
    dept: &'static str,
    shadow: &'static str,
    project: (&'static str, &'static str),
    gig: (&'static str, &'static str),
    mentor: &'static str,
    training: &'static str,
    stretch: &'static str,
}

const WORDS: &[Words] = &[
    Words {
        dept: "Engineering",
        shadow: "the on-call site reliability engineer",
        project: (
            "Move the last services off the old build server",
            "The old build server still runs a handful of services nobody wants to touch. Move them to the shared pipeline, write down what each one does, and switch the old machine off.",
        ),
        gig: (
            "Write the runbook for the noisiest payment alerts",
            "Turn what the team knows about the three alerts that page us most into a short runbook anyone on call can follow at three in the morning.",
        ),
        mentor: "your first year as a software engineer",
        training: "Code review that helps: a four-week practice group",
        stretch: "Lead the next incident review",
    },
    Words {
        dept: "People",
        shadow: "a recruiter through a full hiring loop",
        project: (
            "Rebuild the onboarding checklist with new joiners",
            "Talk to the last twenty people who joined about their first month, and rebuild the onboarding checklist around what actually helped them.",
        ),
        gig: (
            "Bring the support job descriptions up to date",
            "Rewrite the eight customer support job descriptions in plain language, checking each one with its hiring manager.",
        ),
        mentor: "moving into people work from another field",
        training: "Interviewing fairly: a short course for panel members",
        stretch: "Run the follow-up to this year's engagement survey",
    },
    Words {
        dept: "Sales",
        shadow: "an enterprise account executive",
        project: (
            "Build a library of reusable answers for public tenders",
            "Collect the answers we keep rewriting for public-sector tenders, check them with Legal and Finance, and put them where the whole team can find them.",
        ),
        gig: (
            "Clean up the pipeline before the quarterly review",
            "Go through the stale deals with each account executive and either close them or bring them up to date before the review.",
        ),
        mentor: "negotiating your first renewal",
        training: "Discovery calls that listen: a practice group",
        stretch: "Lead the pitch for a new regional account",
    },
    Words {
        dept: "Customer Support",
        shadow: "a senior escalations specialist",
        project: (
            "Turn the twenty most common tickets into help articles",
            "Find the twenty questions customers ask us most, write clear help articles for them with Product, and measure whether the tickets drop.",
        ),
        gig: (
            "Test the new chat routing before launch",
            "Try the new chat routing for a few hours a week, log what goes wrong, and suggest fixes before it reaches customers.",
        ),
        mentor: "handling difficult conversations with customers",
        training: "Writing replies customers understand the first time",
        stretch: "Chair the Monday escalations meeting for a quarter",
    },
    Words {
        dept: "Operations",
        shadow: "the night-shift warehouse lead",
        project: (
            "Plan delivery routes with fewer empty miles",
            "Work with the fleet and data teams to cut the miles our vans drive empty, starting with two depots.",
        ),
        gig: (
            "Count and label the spare parts store",
            "Help sort, count and label the spare parts store so repairs stop waiting for parts we already have.",
        ),
        mentor: "planning shifts people can live with",
        training: "Safe loading and forklift refresher",
        stretch: "Lead the switch to the new stock-taking scanners",
    },
    Words {
        dept: "Finance",
        shadow: "the financial controller through a month-end close",
        project: (
            "Make the expenses form half as long",
            "Find out which fields in the expenses form anyone uses, agree that the rest can go, and test the shorter form with three teams.",
        ),
        gig: (
            "Check supplier details before the payment run",
            "Check a list of supplier bank details against their invoices before next month's payment run.",
        ),
        mentor: "reading a budget without fear",
        training: "Finance for managers who are not in finance",
        stretch: "Own the forecast for one cost centre",
    },
    Words {
        dept: "Data",
        shadow: "an analyst preparing the board figures",
        project: (
            "Agree one definition of an active customer",
            "Today three reports count active customers in three ways. Agree one definition with Sales, Support and Finance, and change the dashboards to use it.",
        ),
        gig: (
            "Retire the dashboards nobody opens",
            "Find the dashboards nobody has opened in six months, ask their owners, and archive the rest.",
        ),
        mentor: "your first steps in SQL",
        training: "SQL for everyone: six lunchtime sessions",
        stretch: "Present the quarterly customer figures to the leadership team",
    },
    Words {
        dept: "Marketing",
        shadow: "the events manager during a trade show",
        project: (
            "Refresh the customer stories on the website",
            "Interview five customers, write up their stories with them, and get the stories onto the website with photos.",
        ),
        gig: (
            "Proofread the spring campaign",
            "Read the spring campaign emails and landing pages for mistakes and unclear wording before they go out.",
        ),
        mentor: "writing for the web",
        training: "Plain-language writing workshop",
        stretch: "Run a small campaign from brief to results",
    },
    Words {
        dept: "Product and Design",
        shadow: "a product designer through a round of user interviews",
        project: (
            "Redesign the account settings page",
            "Ask customers what they look for in their account settings, sketch a simpler page, and test it with them.",
        ),
        gig: (
            "Take notes in five user interviews",
            "Join five customer interviews, take notes, and help sort what we heard into themes.",
        ),
        mentor: "running your first user interview",
        training: "Accessibility basics for everyone who ships screens",
        stretch: "Own a small feature from idea to release",
    },
    Words {
        dept: "Facilities and Health",
        shadow: "the health and safety lead on site inspections",
        project: (
            "Make desks and rooms easy to book",
            "Choose and set up a simple desk and room booking system with the office teams, then retire the spreadsheet.",
        ),
        gig: (
            "Check the first-aid kits in every office",
            "Visit each office, check the first-aid kits against the list, and order whatever is missing.",
        ),
        mentor: "becoming a first-aider people trust",
        training: "Mental health first aid",
        stretch: "Plan the move to the new office floor",
    },
    Words {
        dept: "Legal",
        shadow: "a commercial lawyer reviewing a customer contract",
        project: (
            "A plain-English contract for small customers",
            "Write a short, plain-English version of our standard contract for small customers and take it through approval.",
        ),
        gig: (
            "Sort out the contracts shared drive",
            "Rename and file the contracts on the shared drive so each one can be found by customer and date.",
        ),
        mentor: "spotting contract risks early",
        training: "Data protection in everyday work",
        stretch: "Lead the yearly privacy review for one product",
    },
];

const VOLUNTEERING: &[(&str, &str)] = &[
    (
        "Help run the after-school coding club",
        "Two of us already run a coding club at the local library on Wednesday afternoons. We need a few more people to help the children with their projects.",
    ),
    (
        "Practice interviews with local job seekers",
        "Our partner charity helps people back into work. Spend an afternoon a week running practice interviews and giving friendly feedback.",
    ),
    (
        "Organise the spring volunteering day",
        "Pick the causes, find the teams, book the transport and make sure everyone has a good day out doing something useful.",
    ),
    (
        "Read with primary-school pupils",
        "Spend one lunchtime a week at the school down the road, reading with children who need a bit more practice.",
    ),
];

/// How each kind of placement usually looks.
struct KindShape {
    kind: PlacementKind,
    /// Status, autonomy, meaning, learning.
    offers: [&'static str; 4],
    hours: (i64, i64),
    weeks: (i64, i64),
    places: (i64, i64),
    modes: &'static [&'static str],
}

const SHAPES: &[KindShape] = &[
    KindShape {
        kind: PlacementKind::Project,
        offers: ["some", "some", "some", "strong"],
        hours: (4, 8),
        weeks: (8, 16),
        places: (2, 4),
        modes: &["hybrid", "remote"],
    },
    KindShape {
        kind: PlacementKind::Gig,
        offers: ["neutral", "some", "some", "some"],
        hours: (2, 6),
        weeks: (1, 4),
        places: (1, 2),
        modes: &["remote", "hybrid"],
    },
    KindShape {
        kind: PlacementKind::Shadowing,
        offers: ["neutral", "neutral", "some", "strong"],
        hours: (3, 5),
        weeks: (2, 2),
        places: (1, 2),
        modes: &["onsite", "hybrid"],
    },
    KindShape {
        kind: PlacementKind::Rotation,
        offers: ["some", "neutral", "some", "strong"],
        hours: (40, 40),
        weeks: (12, 12),
        places: (1, 1),
        modes: &["onsite", "hybrid"],
    },
    KindShape {
        kind: PlacementKind::Secondment,
        offers: ["some", "some", "some", "strong"],
        hours: (30, 40),
        weeks: (26, 26),
        places: (1, 1),
        modes: &["hybrid", "onsite"],
    },
    KindShape {
        kind: PlacementKind::Internship,
        offers: ["lowers", "lowers", "some", "strong"],
        hours: (35, 40),
        weeks: (10, 12),
        places: (2, 3),
        modes: &["onsite", "hybrid"],
    },
    KindShape {
        kind: PlacementKind::Mentoring,
        offers: ["neutral", "some", "strong", "some"],
        hours: (1, 2),
        weeks: (12, 26),
        places: (1, 3),
        modes: &["remote", "hybrid"],
    },
    KindShape {
        kind: PlacementKind::Coaching,
        offers: ["some", "some", "some", "strong"],
        hours: (1, 2),
        weeks: (8, 12),
        places: (4, 6),
        modes: &["remote"],
    },
    KindShape {
        kind: PlacementKind::Training,
        offers: ["neutral", "neutral", "neutral", "strong"],
        hours: (2, 4),
        weeks: (4, 8),
        places: (8, 12),
        modes: &["hybrid", "remote"],
    },
    KindShape {
        kind: PlacementKind::Volunteering,
        offers: ["some", "some", "strong", "some"],
        hours: (2, 4),
        weeks: (4, 12),
        places: (4, 8),
        modes: &["onsite"],
    },
    KindShape {
        kind: PlacementKind::Stretch,
        offers: ["strong", "some", "some", "strong"],
        hours: (4, 8),
        weeks: (8, 12),
        places: (1, 1),
        modes: &["hybrid"],
    },
    KindShape {
        kind: PlacementKind::OpenRole,
        offers: ["some", "neutral", "neutral", "some"],
        hours: (40, 40),
        weeks: (52, 52),
        places: (1, 1),
        modes: &["hybrid", "onsite"],
    },
];

/// The kinds posted for the demo employee, in the employee's own department (all fit in
/// [`EMPLOYEE_HOURS`]).
const FOR_EMPLOYEE: [PlacementKind; 6] = [
    PlacementKind::Project,
    PlacementKind::Gig,
    PlacementKind::Shadowing,
    PlacementKind::Mentoring,
    PlacementKind::Stretch,
    PlacementKind::Training,
];

/// How many placements the demo posts.
const PLACEMENTS: usize = 40;

/// One strategic direction: title, aim, horizon, skills, departments it touches, and the
/// kinds of placement that serve it wherever they are.
struct DirectionPlan {
    title: &'static str,
    aim: &'static str,
    horizon: &'static str,
    skills: &'static str,
    departments: &'static [&'static str],
    kinds: &'static [PlacementKind],
}

const DIRECTIONS: &[DirectionPlan] = &[
    DirectionPlan {
        title: "Help customers help themselves",
        aim: "Most questions customers ask us have a known answer. We want them to find it in the product or the help centre without waiting for us, so Support has time for the hard cases.",
        horizon: "By the end of next year",
        skills: "Technical writing, Customer research, Service design",
        departments: &["Customer Support", "Product and Design", "Data"],
        kinds: &[],
    },
    DirectionPlan {
        title: "Win more public-sector work",
        aim: "Public bodies are a fifth of our market and a tenth of our revenue. Tender answers, contracts and pricing need to be quicker to put together and easier to trust.",
        horizon: "Two years",
        skills: "Bid writing, Contract law, Pricing",
        departments: &["Sales", "Legal", "Marketing"],
        kinds: &[],
    },
    DirectionPlan {
        title: "Reliable systems that cost less to run",
        aim: "Fewer outages, fewer pages at night and a smaller hosting bill: retire old systems, automate what we repeat and measure what we spend.",
        horizon: "18 months",
        skills: "Cloud infrastructure, Incident management, Cost analysis",
        departments: &["Engineering", "Data", "Finance"],
        kinds: &[],
    },
    DirectionPlan {
        title: "Grow our own leaders",
        aim: "Most of our team leads should come from inside the company. Give people real chances to lead, with mentoring and coaching around them, before they take the job.",
        horizon: "Ongoing",
        skills: "Coaching, Giving feedback, Planning work for others",
        departments: &["People"],
        kinds: &[
            PlacementKind::Mentoring,
            PlacementKind::Coaching,
            PlacementKind::Stretch,
        ],
    },
    DirectionPlan {
        title: "Halve the emissions of our deliveries",
        aim: "Shorter routes, fuller vans and electric vehicles in the cities where we can charge them, measured every quarter.",
        horizon: "By 2030",
        skills: "Route planning, Fleet management, Data analysis",
        departments: &["Operations", "Facilities and Health"],
        kinds: &[],
    },
];

const NOTES: &[&str] = &[
    "I use {skill} every week in {team} and would like to try it on something new. I can give a few hours a week and my manager knows I am asking.",
    "This is close to what I want to learn next. I can bring {skill}, and I am happy to start with the small jobs.",
    "I helped with something similar in {team} last year and enjoyed it. I would like the chance to take more of it on.",
    "I have been looking for a way to get closer to this kind of work. My {skill} should help, and I learn quickly.",
];

const DECLINES: &[&str] = &[
    "Thank you for asking. This time we took someone who already knows the systems involved; I will let you know when the next one comes up.",
    "We had more interest than places and chose someone who could start straight away. Please try again next round.",
    "The hours this needs clash with your rota this quarter. Let's look again once the rota changes.",
];

const ACCEPTS: &[&str] = &[
    "Welcome aboard. I will send you a time to meet and agree a start date.",
    "Glad to have you. Let's talk about the first week on Monday.",
];

/// A posted placement, as the later steps need it.
struct Posted {
    id: PlacementId,
    owner: usize,
    kind: PlacementKind,
    open: bool,
    for_employee: bool,
    places: i64,
}

/// One planned placement slot.
struct Slot {
    kind: PlacementKind,
    dept: &'static str,
    for_employee: bool,
}

/// One of a list of texts.
fn pick_text(rng: &mut Rng, texts: &[&'static str]) -> &'static str {
    texts[rng.below(texts.len())]
}

fn dept_of(p: &DemoPerson) -> &str {
    p.team.split(" / ").next().unwrap_or(&p.team)
}

fn team_name(p: &DemoPerson) -> &str {
    p.team.rsplit(" / ").next().unwrap_or(&p.team)
}

fn words(dept: &str) -> Option<&'static Words> {
    WORDS.iter().find(|w| w.dept == dept)
}

fn shape(kind: PlacementKind) -> &'static KindShape {
    SHAPES.iter().find(|s| s.kind == kind).unwrap_or(&SHAPES[0])
}

/// The people who load as actors, cached.
pub(super) struct Actors<'a> {
    app: &'a App,
    ids: &'a [Uuid],
    reports: Vec<usize>,
    cache: HashMap<usize, Actor>,
}

impl<'a> Actors<'a> {
    /// Actors for `people` (`ids[i]` is `people[i]`).
    pub(super) fn new(app: &'a App, people: &[DemoPerson], ids: &'a [Uuid]) -> Actors<'a> {
        let mut reports = vec![0usize; people.len()];
        for p in people {
            if let Some(m) = p.manager {
                reports[m] += 1;
            }
        }
        Actors {
            app,
            ids,
            reports,
            cache: HashMap::new(),
        }
    }

    /// The actor for person `i`.
    pub(super) async fn get(&mut self, i: usize) -> CoreResult<Actor> {
        if let Some(a) = self.cache.get(&i) {
            return Ok(a.clone());
        }
        let person = self.app.store.person(self.ids[i]).await?;
        let a = Actor {
            person,
            is_manager: self.reports[i] > 0,
        };
        self.cache.insert(i, a.clone());
        Ok(a)
    }
}

/// Seed the marketplace for the people just created (`ids[i]` is `people[i]`).
pub(super) async fn seed(
    app: &App,
    people: &[DemoPerson],
    ids: &[Uuid],
    seed: u64,
) -> CoreResult<Activity> {
    let mut rng = Rng::new(seed ^ 0x6D61_726B_6574_706C);
    let find = |email: &str| people.iter().position(|p| p.email == email);
    let (Some(admin), Some(manager), Some(employee)) =
        (find(DEMO_ADMIN), find(DEMO_MANAGER), find(DEMO_EMPLOYEE))
    else {
        return Ok(Activity::default());
    };
    let mut reports = vec![0usize; people.len()];
    for p in people {
        if let Some(m) = p.manager {
            reports[m] += 1;
        }
    }
    let mut actors = Actors {
        app,
        ids,
        reports: reports.clone(),
        cache: HashMap::new(),
    };
    let mut out = Activity::default();
    let today = app.now().date();

    // 1. Strategic directions, published by the talent admin.
    let admin_actor = actors.get(admin).await?;
    let mut directions: Vec<(Uuid, &DirectionPlan)> = Vec::new();
    for d in DIRECTIONS {
        let owner_email = d
            .departments
            .first()
            .and_then(|dept| {
                (0..people.len())
                    .find(|&i| dept_of(&people[i]) == *dept && reports[i] > 0)
                    .map(|i| people[i].email.clone())
            })
            .unwrap_or_default();
        let made = app
            .create_direction(
                &admin_actor,
                &DirectionInput {
                    title: d.title.into(),
                    aim: d.aim.into(),
                    horizon: d.horizon.into(),
                    owner_email,
                    skills: d.skills.into(),
                    status: "active".into(),
                },
            )
            .await?;
        directions.push((made.id, d));
    }
    out.directions = directions.len();

    // 2. Placements: first the ones in the employee's department that suit them, then every
    // kind around the departments present.
    let mut by_dept: Vec<(&'static str, Vec<usize>)> = Vec::new();
    for d in super::DEPARTMENTS {
        let members: Vec<usize> = (0..people.len())
            .filter(|&i| dept_of(&people[i]) == d.name)
            .collect();
        if !members.is_empty() {
            by_dept.push((d.name, members));
        }
    }
    if by_dept.is_empty() {
        return Ok(out);
    }
    let home = by_dept
        .iter()
        .position(|(d, _)| *d == dept_of(&people[employee]))
        .unwrap_or(0);
    let mut slots: Vec<Slot> = FOR_EMPLOYEE
        .iter()
        .map(|&kind| Slot {
            kind,
            dept: by_dept[home].0,
            for_employee: true,
        })
        .collect();
    let mut used: HashSet<(PlacementKind, &str)> = slots.iter().map(|s| (s.kind, s.dept)).collect();
    let mut round = 0usize;
    while slots.len() < PLACEMENTS {
        for (k, kind) in PlacementKind::ALL.iter().enumerate() {
            if slots.len() >= PLACEMENTS {
                break;
            }
            let n = by_dept.len();
            let start = (k + round * 4) % n;
            let dept = (0..n)
                .map(|j| by_dept[(start + j) % n].0)
                .find(|d| !used.contains(&(*kind, *d)) || *kind == PlacementKind::Volunteering)
                .unwrap_or(by_dept[start].0);
            used.insert((*kind, dept));
            slots.push(Slot {
                kind: *kind,
                dept,
                for_employee: false,
            });
        }
        round += 1;
    }
    // Which of the others are not simply open: a few drafts, closed and (later) filled.
    let general: Vec<usize> = (0..slots.len())
        .filter(|&i| !slots[i].for_employee)
        .collect();
    let pick_status = |n: usize| general.get(n).copied();
    let drafts: HashSet<usize> = [4, 17, 30].iter().filter_map(|&n| pick_status(n)).collect();
    let closed: HashSet<usize> = [11, 25].iter().filter_map(|&n| pick_status(n)).collect();

    let mut posted: Vec<Posted> = Vec::new();
    let mut volunteering = 0usize;
    let mut titles: HashSet<String> = HashSet::new();
    for (si, slot) in slots.iter().enumerate() {
        let members = by_dept
            .iter()
            .find(|(d, _)| *d == slot.dept)
            .map(|(_, m)| m.as_slice())
            .unwrap_or(&[]);
        let others: Vec<usize> = members.iter().copied().filter(|&i| i != employee).collect();
        let managers: Vec<usize> = others.iter().copied().filter(|&i| reports[i] > 0).collect();
        let staff: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&i| reports[i] == 0)
            .collect();
        let owner = match slot.kind {
            _ if slot.for_employee
                && matches!(slot.kind, PlacementKind::Project | PlacementKind::Stretch) =>
            {
                manager
            }
            PlacementKind::Volunteering => admin,
            PlacementKind::Coaching | PlacementKind::Training if slot.dept == "People" => admin,
            PlacementKind::OpenRole
            | PlacementKind::Internship
            | PlacementKind::Secondment
            | PlacementKind::Rotation
            | PlacementKind::Coaching => {
                if managers.is_empty() {
                    admin
                } else {
                    *rng.pick(&managers)
                }
            }
            _ => {
                let pool = if !staff.is_empty() && rng.chance(0.7) {
                    &staff
                } else if !managers.is_empty() {
                    &managers
                } else {
                    &others
                };
                if pool.is_empty() {
                    admin
                } else {
                    *rng.pick(pool)
                }
            }
        };
        let owner = if owner == employee { admin } else { owner };
        let o = &people[owner];
        let team = team_name(o).to_string();
        let w = words(slot.dept);
        let dept = slot.dept;
        let (title, description) = match slot.kind {
            PlacementKind::Project => match w {
                Some(w) => (w.project.0.to_string(), w.project.1.to_string()),
                None => (
                    format!("Improve one process in {dept}"),
                    format!(
                        "Pick one process in {dept} that everyone complains about and fix it with the people who use it."
                    ),
                ),
            },
            PlacementKind::Gig => match w {
                Some(w) => (w.gig.0.to_string(), w.gig.1.to_string()),
                None => (
                    format!("Lend a hand in {team}"),
                    format!("A short piece of work {team} has not had time for."),
                ),
            },
            PlacementKind::Shadowing => {
                let whom = w.map_or("someone in the team", |w| w.shadow);
                (
                    format!("Shadow {whom} for two weeks"),
                    format!(
                        "Sit alongside {whom} for a few hours a week, ask all the questions you like, and see how the work really goes in {dept}. No preparation needed."
                    ),
                )
            }
            PlacementKind::Rotation => (
                format!("Three-month rotation into {team}"),
                format!(
                    "Swap desks with someone in {team} ({dept}) for a quarter: you do their work, they do yours, and both teams learn how the other one works. Your own job is waiting when you come back."
                ),
            ),
            PlacementKind::Secondment => (
                format!("Six-month secondment to {team}"),
                format!(
                    "{team} in {dept} needs an extra pair of hands for half a year. Join them full-time, learn how they work, and bring what you learn back to your own team."
                ),
            ),
            PlacementKind::Internship => (
                format!("Internal internship in {team}"),
                format!(
                    "For someone from another department who wants to find out whether {dept} work suits them: ten weeks in {team}, a named buddy, and your old job kept open."
                ),
            ),
            PlacementKind::Mentoring => {
                let topic = w.map_or("finding your feet in a new team", |w| w.mentor);
                (
                    format!("Mentoring: {topic}"),
                    format!(
                        "An hour or two a week with someone who has done it, for a few months. Bring your questions about {topic}; we will work through real examples from your own week."
                    ),
                )
            }
            PlacementKind::Coaching => (
                format!("Coaching for new team leads in {dept}"),
                format!(
                    "A small group coaching programme for people who have just started leading others in {dept}, or are about to: one session a fortnight, run by a trained coach."
                ),
            ),
            PlacementKind::Training => {
                let t = w.map_or("Working well across teams", |w| w.training);
                (
                    t.to_string(),
                    format!(
                        "A short course run by colleagues in {dept}, a couple of hours a week with practice between sessions. Open to anyone in the company."
                    ),
                )
            }
            PlacementKind::Volunteering => {
                let (t, d) = VOLUNTEERING[volunteering % VOLUNTEERING.len()];
                volunteering += 1;
                (t.to_string(), d.to_string())
            }
            PlacementKind::Stretch => {
                let t = w.map_or("Lead a small piece of work from start to finish", |w| {
                    w.stretch
                });
                (
                    t.to_string(),
                    format!(
                        "A real chance to lead in {dept}, with support: you plan it, run it and report back, and {} is there to talk things through each week.",
                        o.name
                    ),
                )
            }
            PlacementKind::OpenRole => {
                let role = super::DEPARTMENTS
                    .iter()
                    .find(|d| d.name == dept)
                    .and_then(|d| d.roles.get(rng.below(d.roles.len().max(1))))
                    .map(|r| job_title(app.catalogue, r.0))
                    .unwrap_or_else(|| "Specialist".to_string());
                let named = if team == dept {
                    role.clone()
                } else {
                    format!("{role}, {team}")
                };
                (
                    named,
                    format!(
                        "{team} is hiring a {} and would like to hear from colleagues first. This is a permanent move; talk to {} before you apply if you want to know more.",
                        role.to_lowercase(),
                        o.name
                    ),
                )
            }
        };
        // A small company has few departments, so the same wording comes round again: name
        // the team, then the round, to keep every title distinct.
        let mut title = title;
        if titles.contains(&title) {
            let base = format!("{title} ({team})");
            title = base.clone();
            let mut again = 2;
            while titles.contains(&title) {
                title = format!("{base}, round {again}");
                again += 1;
            }
        }
        titles.insert(title.clone());
        // Skills: needed from someone who does the work (the employee for their slots),
        // learnable from what people in the department want to grow.
        let source = if slot.for_employee {
            employee
        } else if !staff.is_empty() {
            *rng.pick(&staff)
        } else {
            *rng.pick(members)
        };
        let src = &people[source];
        let mut needed: Vec<SkillInput> = Vec::new();
        let mut learn: Vec<SkillInput> = Vec::new();
        let mut taken: HashSet<&str> = HashSet::new();
        // The skills most central to their role first (the catalogue sorts a role's skills
        // by strength), so a placement asks for what the work is really about.
        let central = |id: &str| {
            app.catalogue
                .role(&src.role_code)
                .and_then(|r| r.esco_skills.iter().position(|k| k.skill_id == id))
                .unwrap_or(usize::MAX)
        };
        let mut candidates: Vec<&(String, i32, bool)> =
            src.skills.iter().filter(|s| !s.2).collect();
        candidates.sort_by_key(|s| central(&s.0));
        let beginners = matches!(
            slot.kind,
            PlacementKind::Training
                | PlacementKind::Coaching
                | PlacementKind::Mentoring
                | PlacementKind::Internship
                | PlacementKind::Volunteering
        );
        let want = if beginners {
            rng.range(1, 2)
        } else {
            rng.range(1, 3)
        } as usize;
        // A little variety among the most central few.
        let mut order: Vec<usize> = (0..candidates.len().min(want + 2)).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &i in order.iter().take(want) {
            let (skill, level, _) = candidates[i];
            let drop = if *level > 1 && rng.chance(0.4) { 1 } else { 0 };
            // Courses, coaching, mentoring, internships and volunteering are open to
            // beginners: they ask for a little of a skill, not mastery.
            let cap = if beginners { 2 } else { 5 };
            taken.insert(skill.as_str());
            needed.push(SkillInput {
                skill_id: skill.clone(),
                label: String::new(),
                level: (level - drop).clamp(1, cap).to_string(),
            });
        }
        let growers: Vec<&str> = if slot.for_employee {
            people[employee]
                .skills
                .iter()
                .filter(|s| s.2)
                .map(|s| s.0.as_str())
                .collect()
        } else {
            members
                .iter()
                .flat_map(|&i| {
                    people[i]
                        .skills
                        .iter()
                        .filter(|s| s.2)
                        .map(|s| s.0.as_str())
                })
                .collect()
        };
        let fallback: Vec<&str> = members
            .iter()
            .flat_map(|&i| people[i].skills.iter().map(|s| s.0.as_str()))
            .collect();
        let learn_n = if slot.for_employee {
            2
        } else {
            rng.range(1, 2) as usize
        };
        for _ in 0..6 {
            if learn.len() >= learn_n {
                break;
            }
            let pool = if growers.is_empty() {
                &fallback
            } else {
                &growers
            };
            if pool.is_empty() {
                break;
            }
            let s = *rng.pick(pool);
            if taken.insert(s) {
                learn.push(SkillInput {
                    skill_id: s.to_string(),
                    label: String::new(),
                    level: String::new(),
                });
            }
        }
        // Directions it serves: at most two of those touching its department or kind.
        let mut serves: Vec<String> = Vec::new();
        for (id, d) in &directions {
            if serves.len() < 2
                && (d.departments.contains(&dept) || d.kinds.contains(&slot.kind))
                && (slot.for_employee || rng.chance(0.75))
            {
                serves.push(id.to_string());
            }
        }
        let sh = shape(slot.kind);
        let hours = rng.range(sh.hours.0, sh.hours.1);
        let hours = if slot.for_employee {
            hours.min(i64::from(EMPLOYEE_HOURS))
        } else {
            hours
        };
        let places = if slot.for_employee && slot.kind == PlacementKind::Project {
            3
        } else {
            rng.range(sh.places.0, sh.places.1)
        };
        let mode = *rng.pick(sh.modes);
        let mode = if o.location == "Remote" {
            "remote"
        } else {
            mode
        };
        let draft = drafts.contains(&si);
        let closes = today + Duration::days(rng.range(14, 60));
        let input = PlacementInput {
            title: title.clone(),
            description,
            kind: slot.kind.code().into(),
            status: if draft { "draft" } else { "open" }.into(),
            offers_status: sh.offers[0].into(),
            offers_autonomy: sh.offers[1].into(),
            offers_meaning: sh.offers[2].into(),
            offers_learning: sh.offers[3].into(),
            hours_per_week: hours.to_string(),
            duration_weeks: rng.range(sh.weeks.0, sh.weeks.1).to_string(),
            location: o.location.clone(),
            work_mode: mode.into(),
            places: places.to_string(),
            closes_on: if draft {
                String::new()
            } else {
                closes.to_string()
            },
            skills_needed: needed,
            skills_to_learn: learn,
            directions: serves,
            ..Default::default()
        };
        let owner_actor = actors.get(owner).await?;
        let p = app.create_placement(&owner_actor, &input).await?;
        let mut open = !draft;
        if closed.contains(&si) {
            let mut again = input.clone();
            again.status = "closed".into();
            app.update_placement(&owner_actor, p.id, &again).await?;
            open = false;
        }
        if open && slot.for_employee {
            out.for_employee.push(p.id);
        }
        out.placements.push(title);
        posted.push(Posted {
            id: p.id,
            owner,
            kind: slot.kind,
            open,
            for_employee: slot.for_employee,
            places,
        });
    }

    // 3. The employee's compass and marketplace profile; others made discoverable.
    let me = actors.get(employee).await?;
    app.save_factors(
        &me,
        &FactorsInput {
            ranking: ["learning", "autonomy", "meaning", "status"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            met: Some(["met", "partly", "met", "not_met"].map(String::from)),
            step: None,
        },
    )
    .await?;
    app.save_my_placement_profile(&me, true, &EMPLOYEE_HOURS.to_string())
        .await?;
    // One opportunity of their own towards a direction of their department, so placements
    // serving it say so.
    if let Some((direction, _)) = directions
        .iter()
        .find(|(_, d)| d.departments.contains(&dept_of(&people[employee])))
    {
        app.create_opportunity(
            &me,
            &crate::opportunities::OpportunityInput {
                title: "Fewer pages at night for the on-call rota".into(),
                direction_id: Some(*direction),
                audience: "team".into(),
                whose_goal: "My manager's, and the whole on-call rota's".into(),
                problem: "Half the alerts that wake people up need no action, and everyone on the rota is tired.".into(),
                outcome: "Only alerts that need someone now page at night; the rest wait for the morning.".into(),
                measure: "Night pages per week, before and after.".into(),
                factors: vec!["meaning".into(), "learning".into()],
                skills: "Incident management, Monitoring".into(),
                pitch: "I know which alerts are noise because I am woken by them. Give me a few hours a week and I will cut them by half.".into(),
                ..Default::default()
            },
        )
        .await?;
    }
    let rankings: [[&str; 4]; 3] = [
        ["meaning", "learning", "autonomy", "status"],
        ["autonomy", "learning", "status", "meaning"],
        ["status", "learning", "meaning", "autonomy"],
    ];
    let mut discoverable = Vec::new();
    for i in (0..people.len())
        .filter(|&i| i != employee && i % 6 == 1)
        .take(40)
    {
        let a = actors.get(i).await?;
        let hours = rng.range(2, 10).to_string();
        app.save_my_placement_profile(&a, true, &hours).await?;
        if rng.chance(0.5) {
            let r = rng.pick(&rankings);
            app.save_factors(
                &a,
                &FactorsInput {
                    ranking: r.iter().map(|s| s.to_string()).collect(),
                    met: None,
                    step: None,
                },
            )
            .await?;
        }
        discoverable.push(i);
    }

    // 4. Interests, decisions and an invitation.
    let mut asked: HashSet<(usize, usize)> = HashSet::new();
    let note_for = |who: usize, rng: &mut Rng| -> String {
        let p = &people[who];
        let skill = p
            .skills
            .iter()
            .max_by_key(|s| s.1)
            .and_then(|s| app.catalogue.skill(&s.0))
            .map_or_else(|| "experience".to_string(), |s| s.label.clone());
        rng.pick(NOTES)
            .replace("{skill}", &skill)
            .replace("{team}", team_name(p))
    };
    // People who might apply: everyone but the three demo sign-ins, the discoverable first.
    let mut applicants: Vec<usize> = discoverable.clone();
    applicants.extend((0..people.len()).filter(|i| !discoverable.contains(i) && i % 5 == 2));
    applicants.retain(|&i| i != employee && i != manager && i != admin);
    let mut next = 0usize;
    let mut applicant = |not: usize, asked: &HashSet<(usize, usize)>, pi: usize| {
        for _ in 0..applicants.len() {
            let a = applicants[next % applicants.len()];
            next += 1;
            if a != not && !asked.contains(&(pi, a)) {
                return Some(a);
            }
        }
        None
    };

    // The manager's project: two or three people waiting for an answer.
    if let Some(pi) = posted
        .iter()
        .position(|p| p.owner == manager && p.open && p.kind == PlacementKind::Project)
    {
        for _ in 0..3 {
            if let Some(a) = applicant(manager, &asked, pi) {
                let who = actors.get(a).await?;
                let note = note_for(a, &mut rng);
                app.express_interest(&who, posted[pi].id, &note, false)
                    .await?;
                asked.insert((pi, a));
                out.interests += 1;
            }
        }
    }

    // The employee: one waiting, one accepted, one invitation, and three "not for me".
    let mine: Vec<usize> = (0..posted.len())
        .filter(|&i| posted[i].for_employee && posted[i].open && posted[i].owner != employee)
        .collect();
    let employee_interest =
        |kind: PlacementKind| mine.iter().copied().find(|&i| posted[i].kind == kind);
    if let Some(pi) = employee_interest(PlacementKind::Gig) {
        app.express_interest(
            &me,
            posted[pi].id,
            "I have wanted to tidy up those alerts for months and know the payment services well. I can give four hours a week until it is done.",
            false,
        )
        .await?;
        asked.insert((pi, employee));
        out.interests += 1;
    }
    if let Some(pi) = employee_interest(PlacementKind::Training) {
        app.express_interest(
            &me,
            posted[pi].id,
            "I review a lot of code and would like to get better at making my comments useful rather than just correct.",
            false,
        )
        .await?;
        asked.insert((pi, employee));
        out.interests += 1;
        let owner = actors.get(posted[pi].owner).await?;
        if let Some(i) = app
            .placement_interests(&owner, posted[pi].id)
            .await?
            .into_iter()
            .find(|i| i.interest.person_id == ids[employee])
        {
            app.decide_interest(&owner, i.interest.id, true, pick_text(&mut rng, ACCEPTS))
                .await?;
        }
    }
    if let Some(pi) = employee_interest(PlacementKind::Shadowing) {
        let owner = actors.get(posted[pi].owner).await?;
        app.invite_to_placement(
            &owner,
            posted[pi].id,
            ids[employee],
            "You came up as a good fit for this, and I think you would enjoy it. Would you like to join me for a couple of weeks? No pressure either way.",
        )
        .await?;
        asked.insert((pi, employee));
        out.interests += 1;
    }
    for (kind, reason) in [
        (PlacementKind::OpenRole, "not_this_kind"),
        (PlacementKind::Internship, "no_time"),
        (PlacementKind::Volunteering, "wrong_skills"),
    ] {
        if let Some(p) = posted
            .iter()
            .find(|p| p.kind == kind && p.open && !p.for_employee && p.owner != employee)
        {
            app.not_for_me(&me, p.id, reason).await?;
        }
    }

    // Three placements filled by accepting their only applicant, a few declined, a few
    // more waiting.
    let mut filled = 0;
    let mut decided = 0usize;
    let all: Vec<usize> = (0..posted.len()).collect();
    for pi in all {
        if !posted[pi].open || posted[pi].for_employee {
            continue;
        }
        let fill = filled < 3 && posted[pi].places == 1 && pi % 3 == 0;
        let wait = !fill && out.interests < 17 && pi % 3 == 1;
        if !fill && !wait {
            continue;
        }
        let Some(a) = applicant(posted[pi].owner, &asked, pi) else {
            continue;
        };
        if a == posted[pi].owner {
            continue;
        }
        let who = actors.get(a).await?;
        let note = note_for(a, &mut rng);
        let i = app
            .express_interest(&who, posted[pi].id, &note, rng.chance(0.2))
            .await?;
        asked.insert((pi, a));
        out.interests += 1;
        let owner = actors.get(posted[pi].owner).await?;
        if fill {
            app.decide_interest(&owner, i.id, true, pick_text(&mut rng, ACCEPTS))
                .await?;
            posted[pi].open = false;
            filled += 1;
        } else {
            decided += 1;
            if decided.is_multiple_of(3) {
                app.decide_interest(&owner, i.id, false, pick_text(&mut rng, DECLINES))
                    .await?;
            }
        }
    }
    // Window shopping: the employee has reacted to fourteen cards. Their choices lean on
    // meaningful work more than their compass says, so the page has something to show.
    let me = actors.get(employee).await?;
    for _ in 0..14 {
        let Some(card) = app.next_shopping_card(&me).await? else {
            break;
        };
        let [status, autonomy, meaning, learning] = card.features;
        let utility = learning + 0.9 * meaning + 0.3 * autonomy - 0.3 * status;
        let reaction = if utility + (rng.unit() - 0.5) > 1.2 {
            "like"
        } else {
            "pass"
        };
        app.react_to_card(&me, card.kind.code(), &card.key, reaction)
            .await?;
    }
    Ok(out)
}
