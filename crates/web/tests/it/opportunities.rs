//! Leadership opportunities over HTTP: directions, the board, the value proposition and coach,
//! proposals with "ask again" on a fixed clock, pilots ending in a new role, sponsors' records.

use ladderless_core::{App, FixedClock};
use ladderless_testkit::{
    Client, TestDb, TestServer, backends, check, each_backend, person_id, seed_small_org, signed_in,
};
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// The id at the end of a redirect such as `/opportunities/ID?notice=...`.
fn id_from(location: &Option<String>, prefix: &str) -> String {
    let l = location.clone().unwrap_or_default();
    l.trim_start_matches(prefix)
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_string()
}

async fn start_opportunity(c: &Client, title: &str) -> anyhow::Result<String> {
    c.get("/opportunities").await?;
    let r = c
        .post_form(
            "/opportunities",
            &[("title", title), ("need_text", "Support waits for access")],
        )
        .await?;
    check!(r.status == 303, "start: {} {}", r.status, r.body);
    Ok(id_from(&r.location, "/opportunities/"))
}

#[tokio::test]
async fn the_whole_journey_from_direction_to_new_role() {
    each_backend(|s| async move {
        let ann = signed_in(&s, "ann@example.org").await?;
        ann.get("/directions").await?;
        let bad = ann
            .post_form(
                "/directions",
                &[("title", "Self-service support"), ("aim", "")],
            )
            .await?;
        check!(
            bad.status == 422
                && bad.body.contains("Aim is required")
                && bad.body.contains("value=\"Self-service support\""),
            "aim error, input kept"
        );
        let d = ann
            .post_form(
                "/directions",
                &[
                    ("title", "Self-service support"),
                    ("aim", "Customers solve problems alone"),
                    ("owner_email", "cleo@example.org"),
                    ("skills", "Automation\nWriting"),
                ],
            )
            .await?;
        check!(d.status == 303, "publish: {}", d.status);
        let dir = id_from(&d.location, "/directions/");
        check!(
            ann.post_form(
                &format!("/directions/{dir}/roles"),
                &[("role_code", "15-1252.00")]
            )
            .await?
            .status
                == 303,
            "link role"
        );

        let eve = signed_in(&s, "eve@example.org").await?;
        let list = eve.get("/directions").await?;
        check!(
            list.body.contains("Self-service support")
                && !list.body.contains("Publish a direction"),
            "everyone reads; only admins publish"
        );
        let opp = start_opportunity(&eve, "Faster onboarding").await?;
        eve.get(&format!("/opportunities/{opp}")).await?;
        let vp = [
            ("title", "Faster onboarding"),
            ("whose_goal", "Head of Support"),
            ("problem", "New joiners wait a week"),
            ("outcome", "Access on day one"),
            ("measure", "Days to first ticket"),
            ("direction_id", dir.as_str()),
            ("factors", "learning"),
            ("factors", "autonomy"),
            ("skills", "Automation"),
            (
                "pitch",
                "I want a promotion and I need more visibility for my career.",
            ),
            ("audience", "private"),
        ];
        check!(
            eve.post_form(&format!("/opportunities/{opp}"), &vp)
                .await?
                .status
                == 303,
            "save the proposition"
        );
        let page = eve.get(&format!("/opportunities/{opp}")).await?;
        check!(
            page.body.contains("It leads with you"),
            "the coach flags a pitch that leads with the self"
        );
        check!(
            page.body.contains("value=\"learning\" checked")
                && page.body.contains("value=\"autonomy\" checked"),
            "factors kept"
        );

        let short = eve
            .post_form(
                &format!("/opportunities/{opp}/proposals"),
                &[
                    ("sponsor_email", "max@example.org"),
                    ("time_share", "80"),
                    ("duration_weeks", "12"),
                ],
            )
            .await?;
        check!(
            short.status == 422
                && short.body.contains("between 10% and 50%")
                && short.body.contains("value=\"max@example.org\""),
            "bad ask: {}",
            short.status
        );
        let sent = eve
            .post_form(
                &format!("/opportunities/{opp}/proposals"),
                &[
                    ("sponsor_email", "max@example.org"),
                    ("time_share", "20"),
                    ("duration_weeks", "12"),
                    ("resources", "A sandbox"),
                ],
            )
            .await?;
        check!(sent.status == 303, "propose: {} {}", sent.status, sent.body);
        let prop = id_from(&sent.location, "/proposals/");

        let max = signed_in(&s, "max@example.org").await?;
        check!(
            max.get("/inbox").await?.body.contains("Faster onboarding"),
            "the sponsor's inbox"
        );
        check!(
            max.get(&format!("/opportunities/{opp}")).await?.status == 200,
            "the sponsor sees the proposed opportunity"
        );
        max.get(&format!("/proposals/{prop}")).await?;
        let no_reason = max
            .post_form(
                &format!("/proposals/{prop}/answer"),
                &[("answer", "not_now"), ("reason", "")],
            )
            .await?;
        check!(
            no_reason.status == 422 && no_reason.body.contains("Reason is required"),
            "not now needs a reason"
        );
        check!(
            max.post_form(
                &format!("/proposals/{prop}/answer"),
                &[("answer", "support"), ("reason", "Go")]
            )
            .await?
            .status
                == 303,
            "support"
        );
        check!(
            eve.get(&format!("/proposals/{prop}"))
                .await?
                .body
                .contains("Support"),
            "the owner sees the answer"
        );

        eve.get(&format!("/opportunities/{opp}")).await?;
        let bad_dates = eve
            .post_form(
                &format!("/opportunities/{opp}/pilot"),
                &[
                    ("responsibilities", "Run onboarding"),
                    ("time_share", "20"),
                    ("starts_on", "2026-12-01"),
                    ("ends_on", "2026-11-01"),
                ],
            )
            .await?;
        check!(
            bad_dates.status == 422 && bad_dates.body.contains("must be after the start"),
            "dates checked"
        );
        let pilot = eve
            .post_form(
                &format!("/opportunities/{opp}/pilot"),
                &[
                    ("responsibilities", "Run onboarding"),
                    ("time_share", "20"),
                    ("starts_on", "2026-11-01"),
                    ("ends_on", "2026-12-01"),
                ],
            )
            .await?;
        check!(
            pilot.status == 303,
            "pilot: {} {}",
            pilot.status,
            pilot.body
        );
        let pl = id_from(&pilot.location, "/pilots/");
        check!(
            eve.post_form(
                &format!("/pilots/{pl}/checkins"),
                &[("note", "Week one: three joiners served")]
            )
            .await?
            .status
                == 303,
            "owner check-in"
        );
        max.get(&format!("/pilots/{pl}")).await?;
        check!(
            max.post_form(
                &format!("/pilots/{pl}/checkins"),
                &[("note", "Support leads are happy")]
            )
            .await?
            .status
                == 303,
            "sponsor check-in"
        );
        check!(
            max.post_form(
                &format!("/pilots/{pl}/end"),
                &[("outcome", "new_role"), ("reflection", "x")]
            )
            .await?
            .status
                == 403,
            "only the owner ends it"
        );
        eve.get(&format!("/pilots/{pl}")).await?;
        let no_title = eve
            .post_form(
                &format!("/pilots/{pl}/end"),
                &[("outcome", "new_role"), ("reflection", "It worked")],
            )
            .await?;
        check!(
            no_title.status == 422 && no_title.body.contains("Role title is required"),
            "a new role needs a title"
        );
        let end = eve
            .post_form(
                &format!("/pilots/{pl}/end"),
                &[
                    ("outcome", "new_role"),
                    ("reflection", "It worked"),
                    ("role_title", "Onboarding Lead"),
                    ("role_description", "Gets joiners working on day one"),
                    ("move_into_role", "1"),
                ],
            )
            .await?;
        check!(end.status == 303, "end: {} {}", end.status, end.body);
        let roles = eve.get("/roles?q=onboarding").await?;
        check!(
            roles.body.contains("Onboarding Lead"),
            "the new role is in the catalogue"
        );
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        let history = s.app.store.role_history(eve_id).await?;
        check!(
            history.iter().any(|h| h.job_title == "Onboarding Lead"
                && h.source == "pilot"
                && h.ended_on.is_none()),
            "moved into the role: {history:?}"
        );
        let o = eve.get(&format!("/opportunities/{opp}")).await?;
        check!(
            o.body.contains("Outcome: new role") && o.body.contains("Proposed → Piloting"),
            "stage and history"
        );
        check!(
            eve.get(&format!("/directions/{dir}"))
                .await?
                .body
                .contains("Software Developer"),
            "the linked role is listed on the direction"
        );
        let record = max
            .get(&format!(
                "/sponsors/{}",
                person_id(&s.app, "max@example.org").await?
            ))
            .await?;
        check!(
            record.status == 200 && record.body.contains("Pilots sponsored</dt><dd>1"),
            "the sponsor's record"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_board_refuses_illegal_moves_with_clear_reasons() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let opp = start_opportunity(&eve, "Cut handovers").await?;
        let mv = |stage: &'static str, reason: &'static str| {
            let (eve, opp) = (&eve, opp.clone());
            async move {
                eve.post_form(
                    &format!("/opportunities/{opp}/move"),
                    &[("stage", stage), ("reason", reason)],
                )
                .await
            }
        };
        let r = mv("piloting", "").await?;
        check!(
            r.status == 422
                && r.body
                    .contains("a pilot needs a proposal a sponsor supported"),
            "no pilot without support: {}",
            r.status
        );
        let r = mv("proposed", "").await?;
        check!(
            r.status == 422 && r.body.contains("send a proposal to a sponsor first"),
            "no proposed without a proposal"
        );
        check!(mv("exploring", "").await?.status == 303, "forward move");
        let r = mv("dropped", "").await?;
        check!(
            r.status == 422 && r.body.contains("parking or dropping"),
            "dropping needs a reason"
        );
        check!(
            mv("dropped", "Someone else is doing it").await?.status == 303,
            "dropped with a reason"
        );
        let r = mv("spotted", "").await?;
        check!(
            r.status == 422 && r.body.contains("reviving a dropped opportunity"),
            "reviving needs a reason"
        );
        check!(
            mv("spotted", "They asked for help after all").await?.status == 303,
            "revived"
        );
        let board = eve.get("/opportunities").await?;
        check!(
            board.body.contains("data-board") && board.body.contains("Stage of Cut handovers"),
            "board with a stage selector per card"
        );
        let t = s
            .app
            .create_api_token(person_id(&s.app, "eve@example.org").await?, "t")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .1;
        let api = eve
            .api_post_json(
                &format!("/api/v1/opportunities/{opp}/move"),
                &t,
                &serde_json::json!({"stage": "new_role"}),
            )
            .await?;
        check!(
            api.status == 422
                && api.json()["fields"]["stage"]
                    .as_str()
                    .is_some_and(|m| m.contains("pilot")),
            "API refusal: {}",
            api.body
        );
        let api = eve
            .api_post_json(
                &format!("/api/v1/opportunities/{opp}/move"),
                &t,
                &serde_json::json!({"stage": "exploring"}),
            )
            .await?;
        check!(
            api.status == 200 && api.json()["stage"] == "exploring",
            "API move: {}",
            api.body
        );
        let history = s.app.store.opportunity_moves(opp.parse()?).await?;
        let reasons: Vec<&str> = history.iter().map(|m| m.reason.as_str()).collect();
        check!(
            reasons.contains(&"Someone else is doing it")
                && reasons.contains(&"They asked for help after all"),
            "reasons recorded: {reasons:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn ask_again_comes_after_the_configured_days_and_each_ask_is_recorded() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("db");
        let clock = Arc::new(FixedClock::new(
            OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time"),
        ));
        let app = App {
            clock: clock.clone(),
            ..App::new(db.store().await.expect("store"))
        };
        seed_small_org(&app).await.expect("seed");
        app.store
            .set_setting(ladderless_core::proposals::ASK_AGAIN_DAYS, "5", app.now())
            .await
            .expect("setting");
        let s = TestServer::start_with(app, db).await.expect("server");
        let run = async {
            let eve = signed_in(&s, "eve@example.org").await?;
            let opp = start_opportunity(&eve, "Shared on-call").await?;
            eve.get(&format!("/opportunities/{opp}")).await?;
            let sent = eve
                .post_form(
                    &format!("/opportunities/{opp}/proposals"),
                    &[
                        ("sponsor_email", "max@example.org"),
                        ("time_share", "10"),
                        ("duration_weeks", "6"),
                    ],
                )
                .await?;
            let prop = id_from(&sent.location, "/proposals/");
            let page = eve.get(&format!("/proposals/{prop}")).await?;
            check!(
                page.body
                    .contains("You asked today; people here usually get 5 days to answer"),
                "timing advice on the page"
            );
            let early = eve
                .post_form(
                    &format!("/proposals/{prop}/ask-again"),
                    &[("note", "Something changed: the audit moved up.")],
                )
                .await?;
            check!(
                early.status == 303,
                "asking early is allowed: {}",
                early.status
            );
            check!(
                !eve.get("/inbox").await?.body.contains("ask again</strong>"),
                "no prompt yet"
            );
            clock.advance(Duration::days(4));
            check!(
                !eve.get("/inbox").await?.body.contains("ask again</strong>"),
                "no prompt after 4 days"
            );
            clock.advance(Duration::days(1));
            check!(
                eve.get("/inbox")
                    .await?
                    .body
                    .contains("No answer for 5 days: ask again"),
                "prompt after 5 days"
            );
            eve.get(&format!("/proposals/{prop}")).await?;
            check!(
                eve.post_form(
                    &format!("/proposals/{prop}/ask-again"),
                    &[("note", "Any news?")]
                )
                .await?
                .status
                    == 303,
                "asked again"
            );
            check!(
                !eve.get("/inbox").await?.body.contains("ask again</strong>"),
                "the prompt resets"
            );
            let asks = s.app.store.proposal_asks(prop.parse()?).await?;
            check!(
                asks.len() == 3
                    && asks[1].note.starts_with("Something changed")
                    && asks[2].note == "Any news?",
                "each ask recorded: {asks:?}"
            );
            clock.advance(Duration::hours(30));
            let max = signed_in(&s, "max@example.org").await?;
            max.get(&format!("/proposals/{prop}")).await?;
            check!(
                max.post_form(
                    &format!("/proposals/{prop}/answer"),
                    &[
                        ("answer", "not_now"),
                        ("reason", "Budget is frozen until March")
                    ]
                )
                .await?
                .status
                    == 303,
                "not now"
            );
            let page = eve.get(&format!("/proposals/{prop}")).await?;
            check!(
                page.body.contains("Budget is frozen until March"),
                "the owner sees the reason"
            );
            let record = max
                .get(&format!(
                    "/sponsors/{}",
                    person_id(&s.app, "max@example.org").await?
                ))
                .await?;
            check!(
                record.body.contains("30 hours") && record.body.contains("0%"),
                "median from the last ask; support rate 0%: {}",
                record.body
            );
            anyhow::Ok(())
        };
        if let Err(e) = run.await {
            panic!("{backend:?}: {e:#}");
        }
    }
}

#[tokio::test]
async fn a_card_dropped_on_a_column_that_holds_cards_stays_there() {
    // What the board's script does on a drop: the JSON move with the session and CSRF header.
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let first = start_opportunity(&eve, "Shorter stand-ups").await?;
        let second = start_opportunity(&eve, "One intake form").await?;
        eve.get("/opportunities").await?;
        for (opp, n) in [(&first, 1), (&second, 2)] {
            let r = eve
                .post_json_with_csrf(
                    &format!("/api/v1/opportunities/{opp}/move"),
                    &serde_json::json!({"stage": "exploring", "reason": ""}),
                )
                .await?;
            check!(
                r.status == 200 && r.json()["stage"] == "exploring",
                "move {n} answered: {} {}",
                r.status,
                r.body
            );
            let exploring: Vec<String> = s
                .app
                .store
                .opportunities_of(person_id(&s.app, "eve@example.org").await?)
                .await?
                .into_iter()
                .filter(|o| o.stage == ladderless_domain::opportunity::Stage::Exploring)
                .map(|o| o.id.to_string())
                .collect();
            check!(
                exploring.len() == n && exploring.contains(opp),
                "after move {n} the column holds both: {exploring:?}"
            );
        }
        // And the board, read again, shows both cards in the column.
        let board = eve.get("/opportunities").await?.body;
        let column = board
            .split("data-stage=\"exploring\"")
            .nth(1)
            .and_then(|rest| rest.split("data-stage=").next())
            .unwrap_or_default();
        check!(
            column.contains("Shorter stand-ups") && column.contains("One intake form"),
            "both cards in Exploring after a reload"
        );
        Ok(())
    })
    .await;
}
