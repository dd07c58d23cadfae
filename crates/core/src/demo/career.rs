//! The demo's career-owner pages: internal customers, discovery conversations, career plans,
//! a leadership opportunity from a discovered need and a proposal waiting for the manager,
//! and the employee's compass shared with their manager. Made through the same use cases
//! people use, deterministic for the same seed and day, and skipped part by part when a
//! small demo lacks the people a part needs.

use super::activity::{Activity, Actors};
use super::{DEMO_ADMIN, DEMO_EMPLOYEE, DEMO_MANAGER, DemoPerson};
use crate::conversations::ConversationInput;
use crate::customers::CustomerInput;
use crate::opportunities::OpportunityInput;
use crate::plans::{ItemInput, MilestoneInput, PlanInput};
use crate::proposals::ProposalInput;
use crate::{App, CoreResult};
use ladderless_domain::rng::Rng;
use ladderless_store::Uuid;
use time::{Date, Duration};

/// How many other people get a light touch (a customer, sometimes a plan or a conversation).
const OTHERS: usize = 20;

/// A date `days` from `today` (negative: in the past), as a form sends it.
fn day(today: Date, days: i64) -> String {
    (today + Duration::days(days)).to_string()
}

fn dept_of(p: &DemoPerson) -> &str {
    p.team.split(" / ").next().unwrap_or(&p.team)
}

/// One customer as the seeding adds it.
struct Cust {
    person: usize,
    relationship: &'static str,
    goals: &'static str,
    obstacles: &'static str,
    strength: i32,
    last: i64,
    next: Option<i64>,
}

fn item(section: &str, kind: &str, reference: String, label: String) -> ItemInput {
    ItemInput {
        section: section.into(),
        kind: kind.into(),
        reference,
        label,
    }
}

/// Seed the career-owner pages for the people just created (`ids[i]` is `people[i]`).
pub(super) async fn seed(
    app: &App,
    people: &[DemoPerson],
    ids: &[Uuid],
    activity: &Activity,
    seed: u64,
) -> CoreResult<()> {
    let mut rng = Rng::new(seed ^ 0x6361_7265_6572_7321);
    let find = |email: &str| people.iter().position(|p| p.email == email);
    let (Some(manager), Some(employee)) = (find(DEMO_MANAGER), find(DEMO_EMPLOYEE)) else {
        return Ok(());
    };
    if manager == employee {
        return Ok(());
    }
    let admin = find(DEMO_ADMIN).filter(|&a| a != manager && a != employee);
    let today = app.now().date();
    let mut actors = Actors::new(app, people, ids);
    let me = actors.get(employee).await?;

    // 1. The employee's internal customers: whoever of these the demo has.
    let colleague = (0..people.len())
        .find(|&i| i != employee && Some(i) != admin && people[i].manager == Some(manager))
        .or_else(|| {
            (0..people.len()).find(|&i| {
                i != employee
                    && i != manager
                    && Some(i) != admin
                    && dept_of(&people[i]) == dept_of(&people[employee])
            })
        });
    let elsewhere = (0..people.len()).find(|&i| {
        ![Some(employee), Some(manager), admin, colleague].contains(&Some(i))
            && dept_of(&people[i]) != dept_of(&people[employee])
            && dept_of(&people[i]) != "People"
    });
    let skip_level = people[manager]
        .manager
        .filter(|&i| ![Some(employee), admin, colleague, elsewhere].contains(&Some(i)));
    let mut wanted = vec![Cust {
        person: manager,
        relationship: "manager",
        goals: "Get the team through the next two quarters without anyone burning out, and deliver the billing changes on time.",
        obstacles: "Unplanned work keeps landing in the middle of planned work, and the team hears about it late.",
        strength: 4,
        last: -9,
        next: Some(3),
    }];
    if let Some(c) = colleague {
        wanted.push(Cust {
            person: c,
            relationship: "peer",
            goals: "Hand work over cleanly before going on leave, so nothing stalls for two weeks.",
            obstacles: "Notes live in four different places and nobody knows which one is current.",
            strength: 3,
            last: -3,
            next: Some(18),
        });
    }
    if let Some(o) = elsewhere {
        wanted.push(Cust {
            person: o,
            relationship: "stakeholder",
            goals: "Answer customers' questions about our changes without chasing us for the details.",
            obstacles: "Their team often hears about a change from a customer before they hear it from us.",
            strength: 2,
            last: -16,
            next: Some(-4),
        });
    }
    if let Some(a) = admin {
        wanted.push(Cust {
            person: a,
            relationship: "partner",
            goals: "See every person with a growth plan their manager has actually read before the review cycle.",
            obstacles: "Plans get written in a rush the week before reviews, then forgotten.",
            strength: 2,
            last: -30,
            next: None,
        });
    }
    if let Some(s) = skip_level {
        wanted.push(Cust {
            person: s,
            relationship: "sponsor",
            goals: "Show the leadership team the department can take on next year's work without doubling its size.",
            obstacles: "Hard to see which of the team's improvements actually saved time.",
            strength: 2,
            last: -45,
            next: Some(25),
        });
    }
    // Customer ids by person index.
    let mut cust: Vec<(usize, Uuid)> = Vec::new();
    for c in &wanted {
        let id = app
            .create_customer(
                &me,
                &CustomerInput {
                    person_id: Some(ids[c.person].to_string()),
                    relationship: c.relationship.into(),
                    goals: c.goals.into(),
                    obstacles: c.obstacles.into(),
                    strength: c.strength.to_string(),
                    last_contact: day(today, c.last),
                    next_contact: c.next.map(|n| day(today, n)).unwrap_or_default(),
                    ..Default::default()
                },
            )
            .await?;
        cust.push((c.person, id));
    }
    let cust_of = |i: usize| cust.iter().find(|c| c.0 == i).map(|c| c.1.to_string());

    // 2. Three conversations, the newest with a follow-up due in two days, the oldest with one
    // overdue; the stakeholder's need becomes an opportunity below.
    let mut need_for_opportunity = None;
    if let Some(o) = elsewhere.and_then(cust_of) {
        let id = app
            .create_conversation(
                &me,
                &ConversationInput {
                    held_on: day(today, -16),
                    kind: "discovery".into(),
                    title: "How our changes reach the support team".into(),
                    learned: "Their team finds out about most of our changes when customers call. A short note a couple of days before each release would save them most of the scramble, and they would happily tell us what to put in it.".into(),
                    customers: vec![o.clone()],
                    questions: [
                        "What happens on your side when we release a change?",
                        "Tell me about the last time one of our changes surprised you.",
                        "What would a useful heads-up look like for your team?",
                        "Who else on your side would need to hear about it?",
                    ]
                    .join("\n"),
                    needs: vec![(
                        o.clone(),
                        "A short, plain heads-up before every release that customers will notice".into(),
                        "Eleven calls last month were about a change their team had not heard of.".into(),
                    )],
                    follow_ups: vec![(
                        o.clone(),
                        "Send a first draft of the release heads-up note for comments".into(),
                        day(today, -4),
                    )],
                    ..Default::default()
                },
            )
            .await?;
        need_for_opportunity = app
            .conversation_view(&me, id)
            .await?
            .needs
            .first()
            .map(|n| n.need.id);
    }
    if let Some(m) = cust_of(manager) {
        app.create_conversation(
            &me,
            &ConversationInput {
                held_on: day(today, -9),
                kind: "career".into(),
                title: "Where I could take on more".into(),
                learned: "The team's biggest gap next year is the hand-offs with the teams that depend on us. My manager would back me owning one of them if I can show it saves the team time.".into(),
                customers: vec![m.clone()],
                questions: [
                    "What would you need to see from me to trust me with work across teams?",
                    "Where do you see the team's biggest gap next year?",
                    "What is taking more of your time than it should?",
                ]
                .join("\n"),
                needs: vec![(
                    m.clone(),
                    "Someone to own the hand-offs between our team and the teams that depend on us".into(),
                    "Two of the last three escalations started with a team that did not know a change was coming.".into(),
                )],
                follow_ups: vec![(
                    m.clone(),
                    "Write a one-page proposal for owning the release heads-ups".into(),
                    day(today, 2),
                )],
                ..Default::default()
            },
        )
        .await?;
    }
    if let Some(c) = colleague.and_then(cust_of) {
        app.create_conversation(
            &me,
            &ConversationInput {
                held_on: day(today, -3),
                kind: "follow_up".into(),
                title: "Handovers before leave".into(),
                learned: "Most of the pain is not knowing which notes are current. One checklist in one place, kept with the work, would cover nearly every handover.".into(),
                customers: vec![c.clone()],
                questions: [
                    "How did your last handover before leave go?",
                    "What did you wish you had written down?",
                ]
                .join("\n"),
                needs: vec![(
                    c.clone(),
                    "One handover checklist kept next to the work".into(),
                    String::new(),
                )],
                follow_ups: vec![(
                    c.clone(),
                    "Share the handover checklist and ask for two changes".into(),
                    day(today, 12),
                )],
                ..Default::default()
            },
        )
        .await?;
    }

    // 3. An opportunity from the stakeholder's need, proposed to the manager.
    let mut opportunity = None;
    if let Some(need) = need_for_opportunity {
        let o = app
            .create_opportunity(
                &me,
                &OpportunityInput {
                    title: "A release heads-up for the teams our changes affect".into(),
                    need_id: Some(need),
                    audience: "team".into(),
                    whose_goal: "The support team's, and my manager's".into(),
                    problem: "Teams who answer customers hear about our changes after the customers do, so they scramble and we get pulled in.".into(),
                    outcome: "Every release that customers will notice comes with a short note two days ahead, in words the support team can pass on.".into(),
                    measure: "Calls about changes support had not heard of, per month, before and after.".into(),
                    factors: vec!["meaning".into(), "learning".into(), "autonomy".into()],
                    skills: "Writing, Coordination, Stakeholder management".into(),
                    pitch: "Support told me eleven calls last month were about changes they had not heard of. With a few hours a week for a quarter I will write the heads-up for every release, agree the format with them, and hand it over as a habit the team keeps.".into(),
                    ..Default::default()
                },
            )
            .await?;
        app.propose(
            &me,
            &ProposalInput {
                opportunity_id: Some(o.id),
                sponsor_email: people[manager].email.clone(),
                time_share: Some(10),
                duration_weeks: Some(12),
                resources: "Half an hour with the support lead every other week.".into(),
                message: "This came out of my conversation with support. I think it fits what we said about owning a hand-off. Could we talk it through this week?".into(),
            },
        )
        .await?;
        opportunity = Some(o.id);
    }

    // 4. The employee's plan towards their manager's role (or another in their family),
    // shared with the manager.
    let catalogue = app.catalogue;
    let own = people[employee].role_code.as_str();
    let target = Some(people[manager].role_code.as_str())
        .filter(|c| *c != own && catalogue.role(c).is_some())
        .or_else(|| {
            let family = catalogue.role(own)?.family();
            catalogue
                .roles()
                .iter()
                .find(|r| r.code != own && r.family() == family)
                .map(|r| r.code.as_str())
        });
    let mut items = Vec::new();
    if let Some(code) = target
        && let Some(title) = app.role_title(code).await?
    {
        items.push(item("goal", "role", code.into(), title));
    }
    items.push(item(
        "goal",
        "experience",
        String::new(),
        "Lead a piece of work that crosses team lines".into(),
    ));
    for (skill, _, _) in people[employee].skills.iter().filter(|s| s.2).take(2) {
        if let Some(s) = catalogue.skill(skill) {
            items.push(item("growth", "skill", skill.clone(), s.label.clone()));
        }
    }
    if let Some(p) = activity.for_employee.first() {
        items.push(item(
            "growth",
            "placement",
            p.to_string(),
            "Try the placement my manager suggested".into(),
        ));
    }
    if let Some(o) = opportunity {
        items.push(item(
            "growth",
            "opportunity",
            o.to_string(),
            "Run the release heads-up for a quarter".into(),
        ));
    }
    let mentor = skip_level.or(admin);
    if let Some(m) = mentor {
        items.push(item(
            "growth",
            "mentoring",
            ids[m].to_string(),
            format!("Monthly mentoring with {}", people[m].name),
        ));
    }
    app.create_plan(
        &me,
        &PlanInput {
            title: "Towards leading across teams".into(),
            business_case: "The team loses time at every hand-off with the teams around it. If I learn to lead that kind of work, the team gets the time back and I grow into the next role.".into(),
            cadence: "monthly".into(),
            sharing: "manager".into(),
            items,
            milestones: vec![
                MilestoneInput {
                    title: "First release heads-up sent and reviewed with support".into(),
                    due_on: day(today, 21),
                },
                MilestoneInput {
                    title: "A quarter of heads-ups, with the call numbers before and after".into(),
                    due_on: day(today, 100),
                },
            ],
        },
    )
    .await?;

    // 5. The employee's compass factors, shared with their manager.
    app.set_compass_audience(&me, "factors", "manager").await?;

    // 6. The manager: a couple of customers and a plan of their own.
    let boss = actors.get(manager).await?;
    let mut theirs = Vec::new();
    if let Some(s) = people[manager].manager.filter(|&s| s != employee) {
        theirs.push((
            s,
            "manager",
            "Grow two leads inside the department before next year's reorganisation.",
        ));
    }
    if let Some(a) = admin.filter(|&a| Some(a) != people[manager].manager) {
        theirs.push((
            a,
            "partner",
            "Get every team's growth plans read and reviewed on time.",
        ));
    }
    for (i, rel, goals) in theirs {
        app.create_customer(
            &boss,
            &CustomerInput {
                person_id: Some(ids[i].to_string()),
                relationship: rel.into(),
                goals: goals.into(),
                strength: "3".into(),
                last_contact: day(today, -rng.range(5, 30)),
                next_contact: day(today, rng.range(1, 20)),
                ..Default::default()
            },
        )
        .await?;
    }
    let mut items = vec![item(
        "goal",
        "experience",
        String::new(),
        "Lead a team whose people lead work of their own".into(),
    )];
    items.push(item(
        "growth",
        "training",
        String::new(),
        "A coaching conversations course".into(),
    ));
    if let Some(s) = people[manager].manager {
        items.push(item(
            "growth",
            "mentoring",
            ids[s].to_string(),
            format!("Regular mentoring with {}", people[s].name),
        ));
    }
    app.create_plan(
        &boss,
        &PlanInput {
            title: "Grow the leaders in my team".into(),
            business_case: "The team depends on me for every decision across teams. If two people can lead that work, the team moves faster and I can take on the department's wider changes.".into(),
            cadence: "quarterly".into(),
            sharing: if people[manager].manager.is_some() {
                "manager".into()
            } else {
                "private".into()
            },
            items,
            milestones: vec![MilestoneInput {
                title: "Two people in the team each leading a piece of cross-team work".into(),
                due_on: day(today, 180),
            }],
        },
    )
    .await?;

    // 7. About twenty others: their manager as a customer, some a plan or a conversation.
    const GOALS: &[&str] = &[
        "Deliver this quarter's commitments without the team working late.",
        "Build a team people want to join and stay in.",
        "Spend less time on reporting and more with customers.",
        "Get the new starters productive in their first month.",
    ];
    const PLANS: &[(&str, &str)] = &[
        (
            "Become the go-to person for our tools",
            "Learn our main tools well enough to teach them",
        ),
        (
            "Move towards a lead role",
            "Lead a small project from start to finish",
        ),
        (
            "Grow into a specialist",
            "Take on the hardest cases in my area",
        ),
        (
            "Broaden beyond my team",
            "Work for a few months with a neighbouring team",
        ),
    ];
    let others: Vec<usize> = (0..people.len())
        .filter(|&i| ![Some(employee), Some(manager), admin].contains(&Some(i)))
        .filter(|&i| people[i].manager.is_some())
        .step_by((people.len() / OTHERS).max(1))
        .take(OTHERS)
        .collect();
    for (n, i) in others.into_iter().enumerate() {
        let Some(m) = people[i].manager else { continue };
        let a = actors.get(i).await?;
        let c = app
            .create_customer(
                &a,
                &CustomerInput {
                    person_id: Some(ids[m].to_string()),
                    relationship: "manager".into(),
                    goals: rng.pick(GOALS).to_string(),
                    strength: rng.range(2, 5).to_string(),
                    last_contact: day(today, -rng.range(3, 40)),
                    next_contact: day(today, rng.range(-5, 25)),
                    ..Default::default()
                },
            )
            .await?;
        if n % 2 == 0 {
            let (title, goal) = *rng.pick(PLANS);
            app.create_plan(
                &a,
                &PlanInput {
                    title: title.into(),
                    cadence: "quarterly".into(),
                    sharing: if rng.chance(0.6) {
                        "manager"
                    } else {
                        "private"
                    }
                    .into(),
                    items: vec![item("goal", "experience", String::new(), goal.into())],
                    ..Default::default()
                },
            )
            .await?;
        }
        if n % 3 == 0 {
            app.create_conversation(
                &a,
                &ConversationInput {
                    held_on: day(today, -rng.range(2, 30)),
                    kind: "career".into(),
                    title: "Catch-up about next year".into(),
                    learned: "My manager wants me to take on more of the planning next year."
                        .into(),
                    customers: vec![c.to_string()],
                    questions: "What would make next year a good one for the team?".into(),
                    follow_ups: vec![(
                        String::new(),
                        "Ask which planning meeting I could run first".into(),
                        day(today, rng.range(-3, 14)),
                    )],
                    ..Default::default()
                },
            )
            .await?;
        }
    }
    asks(app, ids, employee, manager, colleague).await?;
    Ok(())
}

/// Asks: the employee asked their manager for time on customer work a month ago and heard
/// "not now", so the reminder to ask again is due; a second ask waits for an answer; a
/// colleague's ask waits in the manager's list. Written with past dates through the store,
/// since the use cases only record "now".
async fn asks(
    app: &App,
    ids: &[Uuid],
    employee: usize,
    manager: usize,
    colleague: Option<usize>,
) -> CoreResult<()> {
    use ladderless_domain::ask::{AskEventKind, AskStatus};
    use ladderless_store::asks::{AskStep, NewAsk};
    let now = app.now();
    let ask = |person: usize, what: &str, want: &str, offer: &str, questions: &[&str]| NewAsk {
        person_id: ids[person],
        asked_of: ids[manager],
        what: what.into(),
        want: want.into(),
        offer: offer.into(),
        questions: questions.iter().map(|q| (*q).to_string()).collect(),
        wait_days: 21,
    };
    let first = app
        .store
        .insert_ask(
            &ask(
                employee,
                "Half a day a week on the customer-insight work",
                "Continued learning comes first for me, and I learn most when I talk to the people who use what we build.",
                "I will turn what I hear into a short monthly note for the team, and keep my billing work on schedule.",
                &[
                    "What would make this useful for the team's goals this quarter?",
                    "How could we try it for a month and judge it together?",
                ],
            ),
            now - Duration::days(38),
        )
        .await?;
    app.store
        .apply_ask_step(
            &AskStep {
                ask_id: first,
                from: AskStatus::Open,
                kind: AskEventKind::Answered,
                to: AskStatus::NotNow,
                by: ids[manager],
                note: "Not before the billing release. Ask me again once it is out.".into(),
            },
            now - Duration::days(27),
        )
        .await?;
    app.store
        .insert_ask(
            &ask(
                employee,
                "To run the next team retrospective",
                "Some autonomy in how the team improves its own way of working.",
                "A fresh format, and a written list of actions with owners.",
                &["What would you want the team to get out of the next retrospective?"],
            ),
            now - Duration::days(4),
        )
        .await?;
    if let Some(c) = colleague {
        app.store
            .insert_ask(
                &ask(
                    c,
                    "A mentor in the data team",
                    "I want to grow towards analytics without leaving the team.",
                    "I can take on the reporting requests that reach us.",
                    &["Who in the data team would you suggest I learn from?"],
                ),
                now - Duration::days(6),
            )
            .await?;
    }
    Ok(())
}
