//! The placement marketplace through the JSON API on both databases: the whole flow (post,
//! interest, the owner's list, a decline needs a reason, accept, the person reads the answer),
//! who may call each route (someone else's interests, candidates, decisions, withdrawals,
//! confidentiality and deletes answer 404 or 403 as core says; the manager's list leaves
//! confidential interests out), field errors naming the field, and the static paths
//! (`for-me`, `mine`, `team`, `profile`) never read as a placement id.

use ladderless_testkit::{Client, Reply, check, each_backend, person_id, send, token_for};
use serde_json::{Value, json};

fn placement(title: &str, status: &str) -> Value {
    json!({
        "title": title, "kind": "gig", "status": status,
        "description": "Cleaning the billing data with the finance team.",
        "hours_per_week": "4", "duration_weeks": "2", "places": "2",
        "work_mode": "remote", "offers_learning": "strong",
    })
}

fn id_of(r: &Reply) -> String {
    r.json()["id"].as_str().unwrap_or_default().to_string()
}

/// Whether every item's reasons add up to its score.
fn points_sum_to_score(items: &Value) -> bool {
    items.as_array().is_some_and(|a| {
        a.iter().all(|it| {
            let sum: i64 = it["reasons"]
                .as_array()
                .map(|rs| rs.iter().filter_map(|r| r["points"].as_i64()).sum())
                .unwrap_or(-1);
            it["reasons"]
                .as_array()
                .is_some_and(|rs| rs.iter().all(|r| r["text"].is_string()))
                && Some(sum) == it["score"].as_i64()
        })
    })
}

/// A 422 in the error shape naming `field`.
fn names_field(r: &Reply, field: &str) -> bool {
    let j = r.json();
    r.status == 422 && j["error"].is_string() && j["fields"][field].is_string()
}

async fn post(c: &Client, t: &str, path: &str, body: Value) -> anyhow::Result<Reply> {
    c.api_post_json(&format!("/api/v1{path}"), t, &body).await
}

async fn get(c: &Client, t: &str, path: &str) -> anyhow::Result<Reply> {
    c.api_get(&format!("/api/v1{path}"), t).await
}

#[tokio::test]
async fn the_marketplace_flow_runs_through_the_api() {
    each_backend(|s| async move {
        let nia = token_for(&s, "nia@example.org").await?;
        let eve = token_for(&s, "eve@example.org").await?;
        let sid = token_for(&s, "sid@example.org").await?;
        let max = token_for(&s, "max@example.org").await?;
        let cleo = token_for(&s, "cleo@example.org").await?;
        let c = s.client();

        let r = post(&c, &nia, "/placements", placement("Billing data sprint", "open")).await?;
        check!(r.status == 201, "post: {} {}", r.status, r.body);
        let p = id_of(&r);

        // Eve's interest is seen by her manager; Sid's is confidential.
        let r = post(&c, &eve, &format!("/placements/{p}/interests"), json!({"note": "The finance team needs clean numbers by the quarter; I cleaned ours last year.", "confidential": false})).await?;
        check!(r.status == 201 && r.json()["status"] == "pending" && r.json()["placement_id"] == p.as_str(), "eve's interest: {} {}", r.status, r.body);
        let eve_i = id_of(&r);
        let r = post(&c, &sid, &format!("/placements/{p}/interests"), json!({"note": "I would like to help the finance team with it.", "confidential": true})).await?;
        check!(r.status == 201 && r.json()["confidential"] == true, "sid's interest: {}", r.body);
        let sid_i = id_of(&r);
        let r = post(&c, &eve, &format!("/placements/{p}/interests"), json!({"note": "Again"})).await?;
        check!(names_field(&r, "placement"), "a second interest is refused: {} {}", r.status, r.body);
        let r = post(&c, &nia, &format!("/placements/{p}/interests"), json!({"note": "My own"})).await?;
        check!(names_field(&r, "placement"), "not in one's own: {}", r.body);

        // The owner's list: person card, status, note, score, reasons, shared sections.
        let r = get(&c, &nia, &format!("/placements/{p}/interests")).await?;
        let items = r.json()["items"].clone();
        check!(r.status == 200 && items.as_array().map(Vec::len) == Some(2), "owner's list: {} {}", r.status, r.body);
        check!(points_sum_to_score(&items), "reasons add up: {items}");
        let eve_line = items.as_array().and_then(|a| a.iter().find(|i| i["interest"]["id"] == eve_i.as_str()).cloned()).unwrap_or_default();
        check!(eve_line["person"]["name"] == "Eve Employee" && eve_line["interest"]["status"] == "pending" && eve_line["interest"]["note"].as_str().is_some_and(|n| n.contains("finance")) && eve_line["shared"].is_array(), "eve's line: {eve_line}");

        // The manager is told of Eve's interest, not of Sid's confidential one.
        let r = get(&c, &max, "/placements/team").await?;
        let team = r.json()["items"].clone();
        let names: Vec<&str> = team.as_array().map(|a| a.iter().filter_map(|t| t["person"]["name"].as_str()).collect()).unwrap_or_default();
        check!(r.status == 200 && names == ["Eve Employee"], "team: {} {}", r.status, r.body);
        check!(team[0]["placement"]["id"] == p.as_str() && team[0]["status"] == "pending" && team[0].get("note").is_none(), "the manager sees where it stands, not the note: {team}");
        // Eve keeps it from him, then lets him see it again.
        let conf = format!("/api/v1/placement-interests/{eve_i}/confidential");
        check!(send(&c, "PUT", &conf, &eve, Some(json!({"confidential": true}))).await?.status == 204, "eve hides it");
        check!(get(&c, &max, "/placements/team").await?.json()["items"].as_array().is_some_and(Vec::is_empty), "hidden from the manager");
        check!(send(&c, "PUT", &conf, &eve, Some(json!({"confidential": false}))).await?.status == 204, "eve shows it");
        check!(get(&c, &max, "/placements/team").await?.json()["items"].as_array().map(Vec::len) == Some(1), "shown again");
        check!(get(&c, &sid, "/placements/team").await?.json()["items"].as_array().is_some_and(Vec::is_empty), "someone who manages nobody gets an empty list");

        // A decline needs a reason, which the person reads; accepting is recorded.
        let r = post(&c, &nia, &format!("/placement-interests/{sid_i}/decision"), json!({"accept": false, "reason": "  "})).await?;
        check!(names_field(&r, "reason"), "decline needs a reason: {} {}", r.status, r.body);
        let r = post(&c, &nia, &format!("/placement-interests/{sid_i}/decision"), json!({"accept": false, "reason": "We need someone in Leeds on Tuesdays."})).await?;
        check!(r.status == 204, "decline: {} {}", r.status, r.body);
        let r = post(&c, &nia, &format!("/placement-interests/{eve_i}/decision"), json!({"accept": true})).await?;
        check!(r.status == 204, "accept: {} {}", r.status, r.body);
        let r = post(&c, &nia, &format!("/placement-interests/{eve_i}/decision"), json!({"accept": true})).await?;
        check!(names_field(&r, "interest"), "answered once: {} {}", r.status, r.body);

        let mine = get(&c, &sid, "/placements/mine").await?.json();
        let i = &mine["interests"][0];
        check!(i["interest"]["status"] == "declined" && i["interest"]["reason"] == "We need someone in Leeds on Tuesdays." && i["interest"]["confidential"] == true && i["placement"]["title"] == "Billing data sprint", "sid reads the decline: {mine}");
        check!(i["coach"]["label"].is_string() && i["coach"]["self_share"].is_number() && i["coach"]["customer_share"].is_number(), "with the coach's reading: {i}");
        let mine = get(&c, &eve, "/placements/mine").await?.json();
        check!(mine["interests"][0]["interest"]["status"] == "accepted" && mine["invitations"].as_array().is_some_and(Vec::is_empty), "eve is accepted: {mine}");
        let mine = get(&c, &nia, "/placements/mine").await?.json();
        check!(mine["posted"][0]["placement"]["id"] == p.as_str() && mine["posted"][0]["waiting"] == 0, "the owner's posted list: {mine}");

        // Withdrawal: only one's own, only while waiting.
        let r = post(&c, &cleo, &format!("/placements/{p}/interests"), json!({"note": "Count me in."})).await?;
        let cleo_i = id_of(&r);
        check!(get(&c, &nia, "/placements/mine").await?.json()["posted"][0]["waiting"] == 1, "one waiting");
        check!(post(&c, &sid, &format!("/placement-interests/{cleo_i}/withdrawal"), json!({})).await?.status == 404, "someone else's withdrawal");
        check!(post(&c, &cleo, &format!("/placement-interests/{cleo_i}/withdrawal"), json!({})).await?.status == 204, "withdrawn");
        let r = post(&c, &cleo, &format!("/placement-interests/{cleo_i}/withdrawal"), json!({})).await?;
        check!(names_field(&r, "interest"), "twice: {} {}", r.status, r.body);

        // Invitations reach the person; they answer with an interest.
        let cleo_id = person_id(&s.app, "cleo@example.org").await?;
        let r = post(&c, &nia, &format!("/placements/{p}/invitations"), json!({"person_id": cleo_id, "note": " "})).await?;
        check!(names_field(&r, "note"), "an invitation needs a note: {} {}", r.status, r.body);
        let sid_id = person_id(&s.app, "sid@example.org").await?;
        let r = post(&c, &nia, &format!("/placements/{p}/invitations"), json!({"person_id": sid_id, "note": "Come"})).await?;
        check!(names_field(&r, "person"), "already interested: {} {}", r.status, r.body);
        let max_id = person_id(&s.app, "max@example.org").await?;
        let r = post(&c, &nia, &format!("/placements/{p}/invitations"), json!({"person_id": max_id, "note": "Your team knows this data."})).await?;
        check!(r.status == 204, "invite: {} {}", r.status, r.body);
        let mine = get(&c, &max, "/placements/mine").await?.json();
        check!(mine["invitations"][0]["interest"]["status"] == "invited" && mine["invitations"][0]["placement"]["id"] == p.as_str() && mine["interests"].as_array().is_some_and(Vec::is_empty), "max's invitation: {mine}");
        let r = post(&c, &max, &format!("/placements/{p}/interests"), json!({"note": "Happy to: the finance team's numbers matter to us."})).await?;
        check!(r.status == 201 && r.json()["status"] == "pending", "answering the invitation: {} {}", r.status, r.body);

        // Candidates: the owner only.
        let r = get(&c, &nia, &format!("/placements/{p}/candidates")).await?;
        check!(r.status == 200 && points_sum_to_score(&r.json()["items"]), "candidates: {} {}", r.status, r.body);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn nobody_else_reads_or_changes_someone_elses_placement_or_interest() {
    each_backend(|s| async move {
        let nia = token_for(&s, "nia@example.org").await?;
        let eve = token_for(&s, "eve@example.org").await?;
        let sid = token_for(&s, "sid@example.org").await?;
        let ann = token_for(&s, "ann@example.org").await?;
        let c = s.client();
        let p = id_of(
            &post(
                &c,
                &nia,
                "/placements",
                placement("Billing data sprint", "open"),
            )
            .await?,
        );
        let draft = id_of(&post(&c, &nia, "/placements", placement("Quiet draft", "draft")).await?);
        let r = post(
            &c,
            &eve,
            &format!("/placements/{p}/interests"),
            json!({"note": "The finance team needs this."}),
        )
        .await?;
        check!(r.status == 201, "interest: {}", r.body);
        let eve_i = id_of(&r);
        let sid_id = person_id(&s.app, "sid@example.org").await?;

        // A colleague who can see the placement: 403 on the owner's routes.
        for path in [
            format!("/placements/{p}/interests"),
            format!("/placements/{p}/candidates"),
        ] {
            let r = get(&c, &sid, &path).await?;
            check!(
                r.status == 403 && r.json()["error"].is_string(),
                "{path}: {} {}",
                r.status,
                r.body
            );
        }
        let r = post(
            &c,
            &sid,
            &format!("/placements/{p}/invitations"),
            json!({"person_id": sid_id, "note": "Me"}),
        )
        .await?;
        check!(r.status == 403, "invitations: {}", r.status);
        check!(
            send(&c, "DELETE", &format!("/api/v1/placements/{p}"), &sid, None)
                .await?
                .status
                == 403,
            "delete"
        );
        // A draft's existence stays private: 404.
        for path in [
            format!("/placements/{draft}/interests"),
            format!("/placements/{draft}/candidates"),
        ] {
            check!(
                get(&c, &sid, &path).await?.status == 404,
                "{path} of a draft"
            );
        }
        check!(
            send(
                &c,
                "DELETE",
                &format!("/api/v1/placements/{draft}"),
                &sid,
                None
            )
            .await?
            .status
                == 404,
            "delete a draft"
        );
        let r = post(
            &c,
            &sid,
            &format!("/placements/{draft}/interests"),
            json!({"note": "Hello"}),
        )
        .await?;
        check!(r.status == 404, "interest in a draft: {}", r.status);
        let r = post(
            &c,
            &sid,
            &format!("/placements/{draft}/not-for-me"),
            json!({"reason": "no_time"}),
        )
        .await?;
        check!(r.status == 404, "not-for-me on a draft: {}", r.status);

        // Someone else's interest is not found, by the person's colleague or the person themself.
        let r = post(
            &c,
            &sid,
            &format!("/placement-interests/{eve_i}/decision"),
            json!({"accept": true}),
        )
        .await?;
        check!(r.status == 404, "a colleague decides: {}", r.status);
        let r = post(
            &c,
            &eve,
            &format!("/placement-interests/{eve_i}/decision"),
            json!({"accept": true}),
        )
        .await?;
        check!(
            r.status == 404,
            "the person decides their own: {}",
            r.status
        );
        check!(
            post(
                &c,
                &sid,
                &format!("/placement-interests/{eve_i}/withdrawal"),
                json!({})
            )
            .await?
            .status
                == 404,
            "withdrawal"
        );
        let r = send(
            &c,
            "PUT",
            &format!("/api/v1/placement-interests/{eve_i}/confidential"),
            &sid,
            Some(json!({"confidential": true})),
        )
        .await?;
        check!(r.status == 404, "confidential: {}", r.status);
        check!(
            post(
                &c,
                &nia,
                &format!("/placement-interests/{eve_i}/withdrawal"),
                json!({})
            )
            .await?
            .status
                == 404,
            "nor the owner withdraws it"
        );

        // A talent admin answers for any placement and deletes any.
        check!(
            get(&c, &ann, &format!("/placements/{p}/interests"))
                .await?
                .status
                == 200,
            "admin reads the list"
        );
        check!(
            send(
                &c,
                "DELETE",
                &format!("/api/v1/placements/{draft}"),
                &ann,
                None
            )
            .await?
            .status
                == 204,
            "admin deletes"
        );
        check!(
            send(&c, "DELETE", &format!("/api/v1/placements/{p}"), &nia, None)
                .await?
                .status
                == 204,
            "owner deletes"
        );
        check!(
            get(&c, &nia, &format!("/placements/{p}")).await?.status == 404,
            "gone"
        );
        check!(
            send(&c, "DELETE", &format!("/api/v1/placements/{p}"), &nia, None)
                .await?
                .status
                == 404,
            "gone twice"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn static_paths_bodies_and_field_errors() {
    each_backend(|s| async move {
        let nia = token_for(&s, "nia@example.org").await?;
        let eve = token_for(&s, "eve@example.org").await?;
        let cleo = token_for(&s, "cleo@example.org").await?;
        let c = s.client();
        let p = id_of(
            &post(
                &c,
                &nia,
                "/placements",
                placement("Billing data sprint", "open"),
            )
            .await?,
        );
        let q = id_of(
            &post(
                &c,
                &nia,
                "/placements",
                placement("Support rota shadowing", "open"),
            )
            .await?,
        );

        // The static paths are not read as placement ids.
        let r = get(&c, &cleo, "/placements/for-me?limit=50").await?;
        let items = r.json()["items"].clone();
        check!(
            r.status == 200 && items.as_array().is_some_and(|a| a.len() == 2),
            "for-me: {} {}",
            r.status,
            r.body
        );
        check!(
            points_sum_to_score(&items) && items[0]["placement"]["title"].is_string(),
            "reasons sum to the score: {items}"
        );
        check!(
            get(&c, &cleo, "/placements/for-me?limit=1").await?.json()["items"]
                .as_array()
                .map(Vec::len)
                == Some(1),
            "limit"
        );
        check!(
            get(&c, &cleo, "/placements/for-me?limit=-1").await?.status == 422,
            "a negative limit"
        );
        let r = get(&c, &cleo, "/placements/mine").await?;
        check!(
            r.status == 200
                && r.json()["posted"].is_array()
                && r.json()["interests"].is_array()
                && r.json()["invitations"].is_array(),
            "mine: {} {}",
            r.status,
            r.body
        );
        let r = get(&c, &cleo, "/placements/team").await?;
        check!(
            r.status == 200 && r.json()["items"].is_array(),
            "team: {} {}",
            r.status,
            r.body
        );
        let r = get(&c, &eve, "/placements/profile").await?;
        check!(
            r.status == 200
                && r.json()["discoverable"] == false
                && r.json()["hours_available"].is_null(),
            "profile: {} {}",
            r.status,
            r.body
        );

        // Profile: saved and read back; 90 hours is a field error.
        let prof = "/api/v1/placements/profile";
        let r = send(
            &c,
            "PUT",
            prof,
            &eve,
            Some(json!({"discoverable": true, "hours_available": 90})),
        )
        .await?;
        check!(
            names_field(&r, "hours_available"),
            "90 hours: {} {}",
            r.status,
            r.body
        );
        let r = send(
            &c,
            "PUT",
            prof,
            &eve,
            Some(json!({"discoverable": true, "hours_available": "six"})),
        )
        .await?;
        check!(
            names_field(&r, "hours_available"),
            "not a number: {} {}",
            r.status,
            r.body
        );
        let r = send(
            &c,
            "PUT",
            prof,
            &eve,
            Some(json!({"discoverable": true, "hours_available": 6})),
        )
        .await?;
        check!(
            r.status == 200 && r.json()["hours_available"] == 6 && r.json()["discoverable"] == true,
            "saved: {} {}",
            r.status,
            r.body
        );
        check!(
            get(&c, &eve, "/placements/profile").await?.json()["hours_available"] == 6,
            "read back"
        );
        let r = send(
            &c,
            "PUT",
            prof,
            &eve,
            Some(json!({"discoverable": false, "hours_available": null})),
        )
        .await?;
        check!(
            r.status == 200 && r.json()["hours_available"].is_null(),
            "cleared: {}",
            r.body
        );
        check!(
            get(&c, &cleo, "/placements/profile").await?.json()["discoverable"] == false,
            "kept per person"
        );

        // Not for me: an unknown reason names the field; a known one takes it off the picks.
        let r = post(
            &c,
            &cleo,
            &format!("/placements/{p}/not-for-me"),
            json!({"reason": "boring"}),
        )
        .await?;
        check!(
            names_field(&r, "reason"),
            "unknown reason: {} {}",
            r.status,
            r.body
        );
        let r = post(&c, &cleo, &format!("/placements/{p}/not-for-me"), json!({})).await?;
        check!(
            names_field(&r, "reason"),
            "missing reason: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &cleo,
            &format!("/placements/{p}/not-for-me"),
            json!({"reason": "other"}),
        )
        .await?;
        check!(r.status == 204, "not for me: {} {}", r.status, r.body);
        let picks = get(&c, &cleo, "/placements/for-me").await?.json();
        check!(
            picks["items"][0]["placement"]["id"] == q.as_str(),
            "the other one comes first now: {picks}"
        );

        // Interest bodies.
        let r = post(
            &c,
            &eve,
            &format!("/placements/{p}/interests"),
            json!({"note": "   "}),
        )
        .await?;
        check!(
            names_field(&r, "note"),
            "blank note: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &eve,
            &format!("/placements/{p}/interests"),
            json!({"confidential": true}),
        )
        .await?;
        check!(
            names_field(&r, "note"),
            "missing note: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &eve,
            &format!("/placements/{p}/interests"),
            json!({"note": "Hi", "confidential": "yes"}),
        )
        .await?;
        check!(
            names_field(&r, "confidential"),
            "wrong type: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &eve,
            &format!("/placements/{p}/interests"),
            json!({"note": "Hi", "pitch": "x"}),
        )
        .await?;
        check!(
            names_field(&r, "pitch"),
            "unknown field: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &eve,
            &format!("/placements/{p}/interests"),
            json!({"note": "The finance team needs this."}),
        )
        .await?;
        let eve_i = id_of(&r);
        let r = post(
            &c,
            &nia,
            &format!("/placement-interests/{eve_i}/decision"),
            json!({}),
        )
        .await?;
        check!(
            names_field(&r, "accept"),
            "accept is required: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &nia,
            &format!("/placement-interests/{eve_i}/decision"),
            json!({"accept": "yes"}),
        )
        .await?;
        check!(
            names_field(&r, "accept"),
            "accept is a boolean: {} {}",
            r.status,
            r.body
        );
        let r = send(
            &c,
            "PUT",
            &format!("/api/v1/placement-interests/{eve_i}/confidential"),
            &eve,
            Some(json!({})),
        )
        .await?;
        check!(
            names_field(&r, "confidential"),
            "confidential is required: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &nia,
            &format!("/placements/{p}/invitations"),
            json!({"person_id": "nobody", "note": "Hi"}),
        )
        .await?;
        check!(
            names_field(&r, "person_id"),
            "a bad person id: {} {}",
            r.status,
            r.body
        );
        let r = post(
            &c,
            &nia,
            &format!("/placements/{p}/invitations"),
            json!({"person_id": ladderless_store::Uuid::nil(), "note": "Hi"}),
        )
        .await?;
        check!(
            names_field(&r, "person"),
            "an unknown person: {} {}",
            r.status,
            r.body
        );

        // Bad ids are JSON 404s; a body that is not JSON is a 400 or 415, never a 500.
        for (m, path) in [
            ("GET", "/api/v1/placements/nope/interests"),
            ("GET", "/api/v1/placements/nope/candidates"),
            ("DELETE", "/api/v1/placements/nope"),
            ("POST", "/api/v1/placement-interests/nope/withdrawal"),
        ] {
            let r = send(&c, m, path, &eve, None).await?;
            check!(
                r.status == 404 && r.json()["error"] == "not_found",
                "{m} {path}: {} {}",
                r.status,
                r.body
            );
        }
        let unknown = ladderless_store::Uuid::nil();
        let r = post(
            &c,
            &nia,
            &format!("/placement-interests/{unknown}/decision"),
            json!({"accept": true}),
        )
        .await?;
        check!(r.status == 404, "an unknown interest: {}", r.status);
        let r = c
            .api_post_body(
                &format!("/api/v1/placement-interests/{eve_i}/decision"),
                &nia,
                "application/json",
                b"{\"accept\":".to_vec(),
            )
            .await?;
        check!(
            r.status == 400 && r.json()["error"].is_string(),
            "broken JSON: {} {}",
            r.status,
            r.body
        );
        let r = c
            .api_post_body(
                &format!("/api/v1/placements/{p}/not-for-me"),
                &eve,
                "text/plain",
                b"no_time".to_vec(),
            )
            .await?;
        check!(r.status == 415, "not JSON: {}", r.status);
        let r = c
            .api_post_body(
                &format!("/api/v1/placements/{p}/not-for-me"),
                &eve,
                "application/json",
                b"[]".to_vec(),
            )
            .await?;
        check!(
            names_field(&r, "body"),
            "not an object: {} {}",
            r.status,
            r.body
        );
        Ok(())
    })
    .await;
}
