//! Notifications on both databases: an interest tells the placement's owner and nobody else,
//! the header counts what is unread, only the owner marks theirs read (anyone else's is 404),
//! marking all read zeroes the count, a kind turned off creates nothing, bad choices are field
//! errors, and the scan run twice the same day creates nothing twice.

use crate::career_owner_support::actor;
use anyhow::Context;
use ladderless_core::jobs::{KNOWN, NOTIFY_SCAN, Outcome};
use ladderless_core::placements::PlacementInput;
use ladderless_domain::ids::InterestId;
use ladderless_domain::placement::InterestStatus;
use ladderless_store::placements::Interest;
use ladderless_testkit::{Client, TestServer, check, each_backend, signed_in, token_for};
use serde_json::{Value, json};

fn open(title: &str) -> PlacementInput {
    PlacementInput {
        title: title.into(),
        description: "Help the platform team move the billing jobs to the new queue.".into(),
        kind: "gig".into(),
        status: "open".into(),
        offers_learning: "strong".into(),
        hours_per_week: "4".into(),
        duration_weeks: "3".into(),
        location: "Leeds".into(),
        work_mode: "remote".into(),
        places: "2".into(),
        ..Default::default()
    }
}

const NOTE: &str = "Your billing jobs would run on time; I moved our own last spring.";

/// The unread badge of the header, as the page shows it (None when nothing is unread).
fn badge(html: &str) -> Option<String> {
    let tag = "<span class=\"unread\" aria-hidden=\"true\">";
    let i = html.find(tag)? + tag.len();
    Some(html[i..].split('<').next()?.to_string())
}

async fn unread_of(c: &Client) -> anyhow::Result<Option<String>> {
    let home = c.get("/").await?;
    anyhow::ensure!(home.status == 200, "home: {}", home.status);
    Ok(badge(&home.body))
}

async fn api_list(s: &TestServer, token: &str) -> anyhow::Result<Value> {
    let r = s.client().api_get("/api/v1/notifications", token).await?;
    anyhow::ensure!(r.status == 200, "list: {} {}", r.status, r.body);
    Ok(r.json())
}

async fn api_put(
    s: &TestServer,
    path: &str,
    token: &str,
    body: &Value,
) -> anyhow::Result<(u16, Value)> {
    let r = s
        .client()
        .http
        .put(format!("{}{path}", s.base))
        .bearer_auth(token)
        .json(body)
        .send()
        .await?;
    let status = r.status().as_u16();
    let v = serde_json::from_str(&r.text().await?).unwrap_or(Value::Null);
    Ok((status, v))
}

#[tokio::test]
async fn an_interest_tells_the_owner_only_and_only_the_owner_marks_it_read() {
    each_backend(|s| async move {
        let app = &s.app;
        let cleo_a = actor(&s, "cleo@example.org").await?;
        let eve_a = actor(&s, "eve@example.org").await?;
        let gig = app.create_placement(&cleo_a, &open("Queue move")).await?;

        let cleo = signed_in(&s, "cleo@example.org").await?;
        let others = [
            "eve@example.org",
            "sid@example.org",
            "max@example.org",
            "ann@example.org",
            "nia@example.org",
        ];
        check!(
            unread_of(&cleo).await?.is_none(),
            "nothing before the interest"
        );
        let empty = cleo.get("/notifications").await?;
        check!(
            empty.status == 200
                && empty.body.contains("No notifications yet.")
                && empty.body.contains("Here you will see"),
            "the empty state says what will appear"
        );

        app.express_interest(&eve_a, gig.id, NOTE, false).await?;

        // The owner sees it at once: in the header, on the page, in the API.
        check!(
            unread_of(&cleo).await?.as_deref() == Some("1"),
            "the header counts one"
        );
        let home = cleo.get("/").await?.body;
        check!(
            home.contains("aria-label=\"Notifications, 1 unread\"")
                && home.contains("<span class=\"unread\" aria-hidden=\"true\">1</span>"),
            "the count is read out as \"Notifications, 1 unread\""
        );
        let page = cleo.get("/notifications").await?;
        check!(page.status == 200, "page: {}", page.status);
        check!(
            page.body
                .contains("Eve Employee is interested in Queue move"),
            "the interest is listed"
        );
        check!(
            page.body.contains("class=\"new\"") && page.body.contains("Mark all read"),
            "marked unread, with mark all read"
        );
        check!(
            page.body
                .contains(&format!("href=\"/placements/{}\"", gig.id)),
            "it links to the placement"
        );
        let cleo_t = token_for(&s, "cleo@example.org").await?;
        let l = api_list(&s, &cleo_t).await?;
        check!(l["unread"] == 1 && l["total"] == 1, "API counts: {l}");
        check!(
            l["items"][0]["kind"] == "interest_received"
                && l["items"][0]["link_kind"] == "placement"
                && l["items"][0]["link_id"] == gig.id.to_string().as_str()
                && l["items"][0]["read"] == false,
            "API item: {l}"
        );
        let id = l["items"][0]["id"].as_str().context("id")?.to_string();

        // Nobody else has anything, and nobody else can mark it read.
        for who in others {
            let c = signed_in(&s, who).await?;
            check!(unread_of(&c).await?.is_none(), "{who} has no badge");
            let t = token_for(&s, who).await?;
            check!(
                api_list(&s, &t).await?["total"] == 0,
                "{who} has none in the API"
            );
            let r = c
                .post_form(&format!("/notifications/{id}/read"), &[])
                .await?;
            check!(r.status == 404, "{who} marking it: {}", r.status);
            let r = s
                .client()
                .api_post_json(&format!("/api/v1/notifications/{id}/read"), &t, &json!({}))
                .await?;
            check!(r.status == 404, "{who} marking it by API: {}", r.status);
        }
        check!(
            app.store.unread_notifications(cleo_a.id()).await? == 1,
            "still unread"
        );
        check!(
            cleo.post_form("/notifications/not-an-id/read", &[])
                .await?
                .status
                == 404,
            "a malformed id is 404"
        );
        check!(
            cleo.post_form(
                &format!("/notifications/{}/read", ladderless_store::new_id()),
                &[]
            )
            .await?
            .status
                == 404,
            "an unknown id is 404"
        );

        // Signed out: sent to sign in; no token: 401.
        let anon = s.client();
        let r = anon.get("/notifications").await?;
        check!(
            r.status == 303
                && r.location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/login")),
            "signed out: {} {:?}",
            r.status,
            r.location
        );
        check!(
            anon.http
                .get(format!("{}/api/v1/notifications", s.base))
                .send()
                .await?
                .status()
                == 401,
            "no token: 401"
        );

        // The owner follows it: read, and on to the placement.
        let r = cleo
            .post_form(&format!("/notifications/{id}/read"), &[])
            .await?;
        check!(
            r.status == 303
                && r.location.as_deref() == Some(format!("/placements/{}", gig.id).as_str()),
            "to the placement: {} {:?}",
            r.status,
            r.location
        );
        check!(unread_of(&cleo).await?.is_none(), "no badge once read");
        let l = api_list(&s, &cleo_t).await?;
        check!(
            l["unread"] == 0 && l["items"][0]["read"] == true,
            "read in the API: {l}"
        );

        // The answer and an invitation reach the person at once.
        let interest = app
            .my_interests(&eve_a)
            .await?
            .pop()
            .context("eve's interest")?;
        app.decide_interest(&cleo_a, interest.interest.id, true, "")
            .await?;
        let sid_id = ladderless_testkit::person_id(app, "sid@example.org").await?;
        app.invite_to_placement(&cleo_a, gig.id, sid_id, "You know the queue well; join us?")
            .await?;
        let eve = signed_in(&s, "eve@example.org").await?;
        check!(
            unread_of(&eve).await?.as_deref() == Some("1"),
            "eve is told of the answer"
        );
        check!(
            eve.get("/notifications")
                .await?
                .body
                .contains("Your interest in Queue move was accepted"),
            "in words"
        );
        let sid_t = token_for(&s, "sid@example.org").await?;
        let l = api_list(&s, &sid_t).await?;
        check!(
            l["unread"] == 1 && l["items"][0]["kind"] == "placement_invited",
            "sid is told of the invitation: {l}"
        );
        check!(
            api_list(&s, &cleo_t).await?["unread"] == 0,
            "the owner is not told of their own answer"
        );

        // Mark all read zeroes the count (page and API).
        let r = eve.post_form("/notifications/read-all", &[]).await?;
        check!(
            r.status == 303
                && r.location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/notifications?notice=")),
            "read all: {} {:?}",
            r.status,
            r.location
        );
        check!(unread_of(&eve).await?.is_none(), "eve's count is zero");
        check!(
            eve.get("/notifications").await?.body.contains("All read"),
            "the page says so"
        );
        let r = s
            .client()
            .api_post_json("/api/v1/notifications/read-all", &sid_t, &json!({}))
            .await?;
        check!(
            r.status == 200 && r.json()["marked"] == 1,
            "API read all: {}",
            r.body
        );
        check!(
            api_list(&s, &sid_t).await?["unread"] == 0,
            "sid's count is zero"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_kind_turned_off_creates_nothing_and_bad_choices_are_field_errors() {
    each_backend(|s| async move {
        let app = &s.app;
        let cleo_a = actor(&s, "cleo@example.org").await?;
        let eve_a = actor(&s, "eve@example.org").await?;
        let cleo = signed_in(&s, "cleo@example.org").await?;
        cleo.get("/notifications").await?;
        let r = cleo
            .post_form(
                "/notifications/preferences",
                &[
                    ("kind", "interest_received"),
                    ("channel", "off"),
                    ("kind", "ask_again"),
                    ("channel", "digest"),
                ],
            )
            .await?;
        check!(r.status == 303, "choices saved: {} {}", r.status, r.body);

        let gig = app.create_placement(&cleo_a, &open("Queue move")).await?;
        app.express_interest(&eve_a, gig.id, NOTE, false).await?;
        app.scan_notifications().await?;
        check!(
            app.store.notification_total(cleo_a.id()).await? == 0,
            "off: nothing, at once or by the scan"
        );
        check!(unread_of(&cleo).await?.is_none(), "no badge");

        let cleo_t = token_for(&s, "cleo@example.org").await?;
        let prefs = s
            .client()
            .api_get("/api/v1/notifications/preferences", &cleo_t)
            .await?
            .json();
        let find = |v: &Value, k: &str| {
            v["items"]
                .as_array()
                .and_then(|a| a.iter().find(|p| p["kind"] == k).cloned())
                .unwrap_or(Value::Null)
        };
        check!(
            find(&prefs, "interest_received")["channel"] == "off"
                && find(&prefs, "interest_received")["chosen"] == true,
            "chosen off: {prefs}"
        );
        check!(
            find(&prefs, "ask_again")["channel"] == "digest",
            "digest: {prefs}"
        );
        check!(
            find(&prefs, "answer_received")["channel"] == "email"
                && find(&prefs, "answer_received")["chosen"] == false,
            "default: {prefs}"
        );
        let page = cleo.get("/notifications").await?.body;
        check!(
            page.contains("<option value=\"off\" selected>"),
            "the form shows the choice"
        );

        // Choices are per person: Eve's are the defaults.
        let eve_t = token_for(&s, "eve@example.org").await?;
        let eve_prefs = s
            .client()
            .api_get("/api/v1/notifications/preferences", &eve_t)
            .await?
            .json();
        check!(
            find(&eve_prefs, "interest_received")["chosen"] == false,
            "eve's untouched: {eve_prefs}"
        );

        // Bad input: field errors naming kind and channel, nothing changed.
        let bad = cleo
            .post_form(
                "/notifications/preferences",
                &[("kind", "gossip"), ("channel", "pigeon")],
            )
            .await?;
        check!(bad.status == 422, "page: {}", bad.status);
        check!(
            bad.body.contains("Kind must be one of") && bad.body.contains("Channel must be one of"),
            "both named"
        );
        let (st, v) = api_put(
            &s,
            "/api/v1/notifications/preferences",
            &cleo_t,
            &json!({"kind": "gossip", "channel": "off"}),
        )
        .await?;
        check!(
            st == 422 && v["fields"]["kind"].is_string() && v["fields"].get("channel").is_none(),
            "API kind: {st} {v}"
        );
        let (st, v) = api_put(
            &s,
            "/api/v1/notifications/preferences",
            &cleo_t,
            &json!({"kind": "ask_again", "channel": "pigeon"}),
        )
        .await?;
        check!(
            st == 422 && v["fields"]["channel"].is_string(),
            "API channel: {st} {v}"
        );
        let (st, v) = api_put(
            &s,
            "/api/v1/notifications/preferences",
            &cleo_t,
            &json!({"kind": "interest_received", "channel": "product"}),
        )
        .await?;
        check!(
            st == 200 && find(&v, "interest_received")["channel"] == "product",
            "API set: {st} {v}"
        );
        check!(
            find(
                &s.client()
                    .api_get("/api/v1/notifications/preferences", &cleo_t)
                    .await?
                    .json(),
                "ask_again"
            )["channel"]
                == "digest",
            "nothing else changed"
        );

        // Turned back on, the scan catches up with the waiting interest.
        app.scan_notifications().await?;
        check!(
            app.store.unread_notifications(cleo_a.id()).await? == 1,
            "on again: one"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_scan_twice_the_same_day_creates_no_duplicates() {
    each_backend(|s| async move {
        let app = &s.app;
        check!(KNOWN.iter().any(|(n, _)| *n == NOTIFY_SCAN), "the job is known");
        let cleo_a = actor(&s, "cleo@example.org").await?;
        let gig = app.create_placement(&cleo_a, &open("Queue move")).await?;
        let eve = ladderless_testkit::person_id(app, "eve@example.org").await?;
        let sid = ladderless_testkit::person_id(app, "sid@example.org").await?;
        // Written straight to the store, so only the scan can notice them.
        for (person, status) in [(eve, InterestStatus::Pending), (sid, InterestStatus::Invited)] {
            app.store
                .insert_interest(&Interest {
                    id: InterestId::new(),
                    placement_id: gig.id,
                    person_id: person,
                    note: NOTE.into(),
                    status,
                    reason: String::new(),
                    confidential: false,
                    decided_at: None,
                    created_at: app.now(),
                })
                .await?;
        }
        let o = app.run_job_now(NOTIFY_SCAN).await?;
        check!(matches!(&o, Outcome::Done { summary, .. } if summary.starts_with("2 notification(s) created")), "first scan: {o:?}");
        let o = app.run_job_now(NOTIFY_SCAN).await?;
        check!(matches!(&o, Outcome::Done { summary, .. } if summary.starts_with("0 notification(s) created")), "second scan: {o:?}");
        check!(app.scan_notifications().await?.created == 0, "and a third");
        check!(app.store.notification_total(cleo_a.id()).await? == 1, "one for the owner");
        check!(app.store.notification_total(sid).await? == 1, "one invitation");
        check!(app.store.notification_total(eve).await? == 0, "nothing for the person waiting");
        let max = signed_in(&s, "max@example.org").await?;
        check!(unread_of(&max).await?.is_none(), "nothing for the manager");
        Ok(())
    })
    .await;
}
