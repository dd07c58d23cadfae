//! Career plans over HTTP: who may see and change a plan, reviews from both sides, field
//! errors, the home card and the start-early prompt after a role change.

use ladderless_core::{App, FixedClock};
use ladderless_testkit::{
    Client, TestDb, TestServer, backends, check, each_backend, person_id, seed_small_org, send,
    signed_in, token_for,
};
use serde_json::{Value, json};
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// Eve's plan, created through the page form; returns its id.
async fn eve_plan(eve: &Client) -> anyhow::Result<String> {
    let r = eve
        .post_form(
            "/plans",
            &[
                ("title", "Towards product management"),
                (
                    "business_case",
                    "The platform team needs someone who speaks to customers.",
                ),
                ("cadence", "monthly"),
                ("sharing", "private"),
            ],
        )
        .await?;
    check!(
        r.status == 303,
        "create: {} {}",
        r.status,
        r.body.chars().take(300).collect::<String>()
    );
    let loc = r.location.unwrap_or_default();
    Ok(loc
        .trim_start_matches("/plans/")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string())
}

#[tokio::test]
async fn a_private_plan_is_invisible_to_everyone_else_and_only_the_owner_changes_it() {
    each_backend(|s| async move {
        let anon = s.client();
        check!(
            anon.get("/plans").await?.status == 303,
            "sign-in needed for pages"
        );
        check!(
            anon.get("/api/v1/plans").await?.status == 401,
            "a token needed for the API"
        );
        let eve = signed_in(&s, "eve@example.org").await?;
        let max = signed_in(&s, "max@example.org").await?;
        let sid = signed_in(&s, "sid@example.org").await?;
        let cleo = signed_in(&s, "cleo@example.org").await?;
        let ann = signed_in(&s, "ann@example.org").await?;
        let id = eve_plan(&eve).await?;
        let page = eve.get(&format!("/plans/{id}")).await?;
        check!(
            page.status == 200 && page.body.contains("Private: only you can see it."),
            "owner sees a private plan"
        );
        check!(
            eve.get("/plans")
                .await?
                .body
                .contains("Towards product management"),
            "listed as mine"
        );
        let (max_t, sid_t, eve_t) = (
            token_for(&s, "max@example.org").await?,
            token_for(&s, "sid@example.org").await?,
            token_for(&s, "eve@example.org").await?,
        );

        for (c, who) in [
            (&max, "manager before sharing"),
            (&sid, "colleague"),
            (&cleo, "manager's manager"),
            (&ann, "talent admin"),
        ] {
            check!(
                c.get(&format!("/plans/{id}")).await?.status == 404,
                "{who}: page"
            );
            check!(
                c.post_form(&format!("/plans/{id}/reviews"), &[("note", "Looks good")])
                    .await?
                    .status
                    == 404,
                "{who}: review"
            );
            check!(
                c.post_form(&format!("/plans/{id}"), &[("title", "Hijacked")])
                    .await?
                    .status
                    == 404,
                "{who}: edit"
            );
            check!(
                !c.get("/plans")
                    .await?
                    .body
                    .contains("Towards product management"),
                "{who}: not listed"
            );
        }
        check!(
            send(
                &eve,
                reqwest::Method::GET,
                &format!("/api/v1/plans/{id}"),
                &max_t,
                None
            )
            .await?
            .status
                == 404,
            "manager API before sharing"
        );
        let shared = eve
            .post_form(&format!("/plans/{id}/sharing"), &[("sharing", "manager")])
            .await?;
        check!(
            shared.status == 303
                && shared
                    .location
                    .as_deref()
                    .is_some_and(|l| l.contains("plan_shared")),
            "shared: {}",
            shared.status
        );

        let seen = max.get(&format!("/plans/{id}")).await?;
        check!(
            seen.status == 200 && seen.body.contains("shared with you as their manager"),
            "manager reads a shared plan"
        );
        check!(
            !seen.body.contains("Share with my manager") && !seen.body.contains("Delete the plan"),
            "no owner controls for the manager"
        );
        check!(
            max.get("/plans")
                .await?
                .body
                .contains("Eve Employee: Towards product management"),
            "listed as shared with the manager"
        );
        check!(
            max.get("/")
                .await?
                .body
                .contains("Eve Employee: Towards product management"),
            "and on the manager's home page"
        );
        check!(
            max.post_form(
                &format!("/plans/{id}"),
                &[("title", "Hijacked"), ("cadence", "monthly")]
            )
            .await?
            .status
                == 403,
            "manager cannot edit"
        );
        check!(
            max.post_form(&format!("/plans/{id}/sharing"), &[("sharing", "private")])
                .await?
                .status
                == 403,
            "manager cannot change sharing"
        );
        check!(
            max.post_form(
                &format!("/plans/{id}/items"),
                &[("kind", "growth:skill"), ("label", "SQL")]
            )
            .await?
            .status
                == 403,
            "manager cannot add items"
        );
        check!(
            max.post_form(
                &format!("/plans/{id}/milestones"),
                &[("title", "x"), ("due_on", "2030-01-01")]
            )
            .await?
            .status
                == 403,
            "manager cannot add milestones"
        );
        check!(
            max.post_form(&format!("/plans/{id}/delete"), &[])
                .await?
                .status
                == 403,
            "manager cannot delete"
        );
        check!(
            send(
                &eve,
                reqwest::Method::PUT,
                &format!("/api/v1/plans/{id}"),
                &max_t,
                Some(json!({"title": "Hijacked"}))
            )
            .await?
            .status
                == 403,
            "nor through the API"
        );
        check!(
            send(
                &eve,
                reqwest::Method::DELETE,
                &format!("/api/v1/plans/{id}"),
                &max_t,
                None
            )
            .await?
            .status
                == 403,
            "nor delete through the API"
        );
        for (c, who) in [(&sid, "colleague"), (&cleo, "manager's manager")] {
            check!(
                c.get(&format!("/plans/{id}")).await?.status == 404,
                "{who}: still hidden once shared with the manager"
            );
        }
        check!(
            send(
                &eve,
                reqwest::Method::GET,
                &format!("/api/v1/plans/{id}"),
                &sid_t,
                None
            )
            .await?
            .status
                == 404,
            "colleague API"
        );

        let empty = max
            .post_form(&format!("/plans/{id}/reviews"), &[("note", " ")])
            .await?;
        check!(
            empty.status == 422 && empty.body.contains("Review note is required"),
            "an empty review names the field"
        );
        check!(
            max.post_form(
                &format!("/plans/{id}/reviews"),
                &[("note", "Good progress; let us find a customer project.")]
            )
            .await?
            .status
                == 303,
            "manager logs a review"
        );
        let r = send(
            &eve,
            reqwest::Method::POST,
            &format!("/api/v1/plans/{id}/reviews"),
            &eve_t,
            Some(json!({"note": "Booked two customer calls."})),
        )
        .await?;
        check!(r.status == 201, "owner logs a review: {}", r.body);
        let v = send(
            &eve,
            reqwest::Method::GET,
            &format!("/api/v1/plans/{id}"),
            &max_t,
            None,
        )
        .await?
        .json();
        let reviews = v["reviews"].as_array().cloned().unwrap_or_default();
        check!(
            reviews.len() == 2
                && reviews.iter().any(|r| r["by_manager"] == true)
                && reviews.iter().any(|r| r["by_manager"] == false),
            "both sides' reviews: {v}"
        );
        check!(
            s.app.store.plan(id.parse()?).await?.title == "Towards product management",
            "unchanged by others"
        );

        check!(
            eve.post_form(&format!("/plans/{id}/sharing"), &[("sharing", "private")])
                .await?
                .status
                == 303,
            "private again"
        );
        check!(
            max.get(&format!("/plans/{id}")).await?.status == 404,
            "hidden from the manager again"
        );
        check!(
            max.post_form(&format!("/plans/{id}/reviews"), &[("note", "More")])
                .await?
                .status
                == 404,
            "no review once private"
        );
        check!(
            max.get("/plans/not-an-id").await?.status == 404,
            "malformed id"
        );
        check!(
            send(
                &eve,
                reqwest::Method::GET,
                "/api/v1/plans/not-an-id",
                &eve_t,
                None
            )
            .await?
            .json()["error"]
                == "not_found",
            "malformed id in the API"
        );
        check!(
            eve.post_form(&format!("/plans/{id}/delete"), &[])
                .await?
                .status
                == 303,
            "owner deletes"
        );
        check!(
            eve.get(&format!("/plans/{id}")).await?.status == 404,
            "gone"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn bad_input_names_the_field_and_reason() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let r = eve.post_form("/plans", &[("title", ""), ("cadence", "weekly")]).await?;
        check!(r.status == 422 && r.body.contains("Title is required") && r.body.contains("Review must be monthly, quarterly or half_yearly"), "form errors: {}", r.status);
        let t = token_for(&s, "eve@example.org").await?;
        let bad = s.client().api_post_json("/api/v1/plans", &t, &json!({
            "title": "Plan", "sharing": "everyone",
            "items": [{"section": "goal", "kind": "skill", "label": "SQL"}, {"section": "goal", "kind": "role", "reference": "99-9999.99", "label": "Nothing"}],
            "milestones": [{"title": "", "due_on": "soon"}]
        })).await?;
        let j = bad.json();
        check!(bad.status == 422 && j["error"] == "invalid", "422: {}", bad.body);
        for f in ["sharing", "items[0].kind", "items[1].reference", "milestones[0].title", "milestones[0].due_on"] {
            check!(j["fields"][f].is_string(), "{f} named: {j}");
        }
        check!(j["fields"]["items[1].reference"] == "is not a role in the catalogue", "reason given: {j}");
        check!(s.app.store.plans_of(person_id(&s.app, "eve@example.org").await?).await?.is_empty(), "nothing half-written");

        let id = eve_plan(&eve).await?;
        let m = eve.post_form(&format!("/plans/{id}/milestones"), &[("title", "Run a customer interview"), ("due_on", "31/12/2026")]).await?;
        check!(m.status == 422 && m.body.contains("Date must be a date written YYYY-MM-DD") && m.body.contains("Run a customer interview"), "milestone error keeps input");
        let i = eve.post_form(&format!("/plans/{id}/items"), &[("kind", "growth:opportunity"), ("label", "Someone else's")]).await?;
        check!(i.status == 422 && i.body.contains("Link is required for this kind of item"), "item error: {}", i.status);
        let other = s.app.store.plans_of(person_id(&s.app, "eve@example.org").await?).await?;
        check!(other.len() == 1, "one plan");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_api_creates_a_plan_and_the_home_page_shows_its_next_milestone_and_review() {
    each_backend(|s| async move {
        let t = token_for(&s, "eve@example.org").await?;
        let api = s.client();
        let due = (OffsetDateTime::now_utc().date() + Duration::days(40)).to_string();
        let created = api.api_post_json("/api/v1/plans", &t, &json!({
            "title": "Towards data science", "business_case": "Our analytics direction needs people who know the product.", "cadence": "quarterly",
            "items": [{"section": "goal", "kind": "role", "reference": "15-2051.00", "label": "Data Scientists"}, {"section": "growth", "kind": "skill", "label": "Statistics"}],
            "milestones": [{"title": "Finish the statistics course", "due_on": due}]
        })).await?;
        check!(created.status == 201, "created: {}", created.body);
        let v = created.json();
        check!(v["plan"]["sharing"] == "private" && v["goals"].as_array().is_some_and(|g| g.len() == 1) && v["growth"].as_array().is_some_and(|g| g.len() == 1), "private with items: {v}");
        check!(v["alignment"]["level"] == "unknown", "no directions yet: nothing to judge");
        check!(v["plan"]["started_on"].as_str().is_some_and(|d| d.len() == 10) && v["next_review_due"].is_string(), "dates are YYYY-MM-DD: {}", v["plan"]["started_on"]);
        let id = v["plan"]["id"].as_str().unwrap_or_default().to_string();
        let item = v["growth"][0]["id"].as_str().unwrap_or_default().to_string();
        check!(send(&api, reqwest::Method::PUT, &format!("/api/v1/plans/{id}/items/{item}"), &t, Some(json!({"done": true}))).await?.status == 204, "item done");
        check!(send(&api, reqwest::Method::PUT, &format!("/api/v1/plans/{id}/sharing"), &t, Some(json!({"sharing": "manager"}))).await?.status == 200, "shared");
        let list = api.api_get("/api/v1/plans", &t).await?.json();
        check!(list["mine"].as_array().is_some_and(|m| m.len() == 1) && list["start_early"].is_null(), "list: {list}");
        let max_t = token_for(&s, "max@example.org").await?;
        check!(api.api_get("/api/v1/plans", &max_t).await?.json()["shared_with_me"].as_array().is_some_and(|m| m.len() == 1), "the manager's list");

        let eve = signed_in(&s, "eve@example.org").await?;
        let home = eve.get("/").await?;
        check!(home.body.contains("Towards data science") && home.body.contains(&format!("Finish the statistics course, by {due}")), "home shows the next milestone");
        let review_due = ladderless_domain::plan::add_months(OffsetDateTime::now_utc().date(), 3).to_string();
        check!(home.body.contains(&review_due), "home shows the next review ({review_due})");
        let doc = s.client().get("/api/v1/openapi.json").await?.json();
        for path in ["/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/reviews", "/api/v1/plans/{id}/items/{sub}", "/api/v1/plans/{id}/milestones/{sub}", "/api/v1/plans/draft"] {
            check!(doc["paths"][path].is_object(), "{path} documented");
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_role_change_prompts_a_plan_within_thirty_days_until_one_is_started() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("db");
        let start = OffsetDateTime::from_unix_timestamp(1_795_000_000).expect("time");
        let clock = Arc::new(FixedClock::new(start));
        let app = App {
            clock: clock.clone(),
            ..App::new(db.store().await.expect("store"))
        };
        let s = TestServer::start_with(app, db).await.expect("server");
        seed_small_org(&s.app).await.expect("seed");
        let result: anyhow::Result<()> = async {
            let eve = signed_in(&s, "eve@example.org").await?;
            check!(
                !eve.get("/").await?.body.contains("Your role changed"),
                "no prompt for a role held since 2022"
            );
            let id = person_id(&s.app, "eve@example.org").await?;
            s.app
                .store
                .record_role_change(
                    id,
                    Some("15-1253.00"),
                    "Software QA Analyst",
                    start.date(),
                    "pilot",
                    start,
                )
                .await?;
            clock.advance(Duration::days(5));
            let home = eve.get("/").await?;
            let due = (start.date() + Duration::days(30)).to_string();
            check!(
                home.body
                    .contains(&format!("Your role changed on {}", start.date()))
                    && home.body.contains(&due)
                    && home.body.contains("25 days left"),
                "prompted: due {due}"
            );
            check!(
                eve.get("/plans").await?.body.contains("Start a plan by"),
                "prompted on the plans page too"
            );
            clock.advance(Duration::days(26));
            // Sessions lapse after two idle weeks of (fake) time: sign in again.
            let eve = signed_in(&s, "eve@example.org").await?;
            let home = eve.get("/").await?;
            check!(
                home.status == 200
                    && home.body.contains("Your career plan")
                    && !home.body.contains("Your role changed"),
                "the window closes after 30 days"
            );

            // Another change (an import this time); a plan started after it ends the prompt.
            s.app
                .store
                .record_role_change(
                    id,
                    Some("15-1252.00"),
                    "Software Developer",
                    clock.now_date(),
                    "import",
                    start,
                )
                .await?;
            check!(
                eve.get("/").await?.body.contains("Your role changed"),
                "prompted again after the next change"
            );
            eve_plan(&eve).await?;
            check!(
                !eve.get("/").await?.body.contains("Your role changed"),
                "no prompt once a plan is started"
            );
            Ok(())
        }
        .await;
        if let Err(e) = result {
            panic!("{backend:?}: {e:#}");
        }
    }
}

trait NowDate {
    fn now_date(&self) -> time::Date;
}

impl NowDate for Arc<FixedClock> {
    fn now_date(&self) -> time::Date {
        use ladderless_core::Clock;
        self.now().date()
    }
}

#[tokio::test]
async fn every_plan_route_refuses_anyone_but_the_owner_and_the_owner_can_use_each() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let max = signed_in(&s, "max@example.org").await?;
        let sid = signed_in(&s, "sid@example.org").await?;
        let (eve_t, max_t, sid_t) = (
            token_for(&s, "eve@example.org").await?,
            token_for(&s, "max@example.org").await?,
            token_for(&s, "sid@example.org").await?,
        );
        let created = s
            .client()
            .api_post_json(
                "/api/v1/plans",
                &eve_t,
                &json!({
                    "title": "Towards team lead", "sharing": "manager",
                    "items": [{"section": "growth", "kind": "skill", "label": "Coaching"}],
                    "milestones": [{"title": "Lead a retrospective", "due_on": "2030-01-31"}]
                }),
            )
            .await?;
        check!(created.status == 201, "created: {}", created.body);
        let v = created.json();
        let id = v["plan"]["id"].as_str().unwrap_or_default().to_string();
        let item = v["growth"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let ms = v["milestones"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let pages = [
            format!("/plans/{id}"),
            format!("/plans/{id}/sharing"),
            format!("/plans/{id}/items"),
            format!("/plans/{id}/items/{item}/done"),
            format!("/plans/{id}/items/{item}/remove"),
            format!("/plans/{id}/milestones"),
            format!("/plans/{id}/milestones/{ms}/done"),
            format!("/plans/{id}/milestones/{ms}/remove"),
            format!("/plans/{id}/delete"),
        ];
        let fields = [
            ("title", "Mine now"),
            ("sharing", "private"),
            ("kind", "growth:skill"),
            ("label", "x"),
            ("due_on", "2030-01-01"),
            ("done", "1"),
        ];
        for path in &pages {
            check!(
                max.post_form(path, &fields).await?.status == 403,
                "manager may read but not change: POST {path}"
            );
            check!(
                sid.post_form(path, &fields).await?.status == 404,
                "a colleague sees nothing: POST {path}"
            );
        }
        check!(
            sid.post_form(&format!("/plans/{id}/reviews"), &[("note", "x")])
                .await?
                .status
                == 404,
            "a colleague cannot review"
        );
        let api: [(reqwest::Method, String, Option<Value>); 9] = [
            (
                reqwest::Method::PUT,
                format!("/api/v1/plans/{id}"),
                Some(json!({"title": "Mine now"})),
            ),
            (
                reqwest::Method::PUT,
                format!("/api/v1/plans/{id}/sharing"),
                Some(json!({"sharing": "private"})),
            ),
            (
                reqwest::Method::POST,
                format!("/api/v1/plans/{id}/items"),
                Some(json!({"section": "growth", "kind": "skill", "label": "x"})),
            ),
            (
                reqwest::Method::PUT,
                format!("/api/v1/plans/{id}/items/{item}"),
                Some(json!({"done": true})),
            ),
            (
                reqwest::Method::DELETE,
                format!("/api/v1/plans/{id}/items/{item}"),
                None,
            ),
            (
                reqwest::Method::POST,
                format!("/api/v1/plans/{id}/milestones"),
                Some(json!({"title": "x", "due_on": "2030-01-01"})),
            ),
            (
                reqwest::Method::PUT,
                format!("/api/v1/plans/{id}/milestones/{ms}"),
                Some(json!({"done": true})),
            ),
            (
                reqwest::Method::DELETE,
                format!("/api/v1/plans/{id}/milestones/{ms}"),
                None,
            ),
            (reqwest::Method::DELETE, format!("/api/v1/plans/{id}"), None),
        ];
        for (method, path, body) in &api {
            check!(
                send(&eve, method.clone(), path, &max_t, body.clone())
                    .await?
                    .status
                    == 403,
                "manager: {method} {path}"
            );
            check!(
                send(&eve, method.clone(), path, &sid_t, body.clone())
                    .await?
                    .status
                    == 404,
                "colleague: {method} {path}"
            );
        }
        check!(
            send(
                &eve,
                reqwest::Method::GET,
                &format!("/api/v1/plans/{id}"),
                &max_t,
                None
            )
            .await?
            .status
                == 200,
            "the manager reads it"
        );
        check!(
            send(
                &eve,
                reqwest::Method::POST,
                &format!("/api/v1/plans/{id}/reviews"),
                &sid_t,
                Some(json!({"note": "x"}))
            )
            .await?
            .status
                == 404,
            "colleague review API"
        );
        let unchanged = s.app.store.plan(id.parse()?).await?;
        check!(
            unchanged.title == "Towards team lead" && unchanged.sharing.code() == "manager",
            "nothing changed: {unchanged:?}"
        );
        check!(
            s.app.store.plan_items(id.parse()?).await?.len() == 1
                && s.app.store.milestones(id.parse()?).await?.len() == 1,
            "items and milestones kept"
        );

        // The owner uses each form.
        let owner_steps: [(&str, Vec<(&str, &str)>); 6] = [
            (
                "items",
                vec![("kind", "goal:experience"), ("label", "Run a team offsite")],
            ),
            ("items/ITEM/done", vec![("done", "1")]),
            (
                "milestones",
                vec![("title", "Mentor a new joiner"), ("due_on", "2030-06-30")],
            ),
            ("milestones/MS/done", vec![("done", "1")]),
            ("items/ITEM/remove", vec![]),
            ("milestones/MS/remove", vec![]),
        ];
        for (step, form) in owner_steps {
            let path = format!(
                "/plans/{id}/{}",
                step.replace("ITEM", &item).replace("MS", &ms)
            );
            let r = eve.post_form(&path, &form).await?;
            check!(r.status == 303, "owner: POST {path}: {}", r.status);
        }
        let page = eve.get(&format!("/plans/{id}")).await?;
        check!(
            page.body.contains("Run a team offsite")
                && page.body.contains("Mentor a new joiner")
                && !page.body.contains("Coaching")
                && !page.body.contains("Lead a retrospective"),
            "the owner's changes show"
        );
        check!(
            max.get(&format!("/plans/{id}"))
                .await?
                .body
                .contains("Run a team offsite"),
            "and the manager sees them"
        );
        // Without the career graph (these servers never build it) a draft says why, plainly.
        let draft = eve
            .get("/plans/new?from=15-1252.00&to=11-3021.00&path=1")
            .await?;
        check!(
            draft.status == 422 && draft.body.contains("still being prepared"),
            "draft page: {}",
            draft.status
        );
        let api_draft = send(
            &eve,
            reqwest::Method::GET,
            "/api/v1/plans/draft?to=11-3021.00",
            &eve_t,
            None,
        )
        .await?;
        check!(
            api_draft.status == 422 && api_draft.json()["fields"]["graph"].is_string(),
            "draft API: {}",
            api_draft.body
        );
        Ok(())
    })
    .await;
}
