//! A need discovered in a conversation turned into an opportunity (linked both ways, for the
//! owner only), and "value to me" read against the owner's compass.

use crate::career_owner_support;

use career_owner_support::{excerpt, send, signed_in, token_for};
use ladderless_testkit::{TestServer, check, each_backend, person_id};
use serde_json::{Value, json};

/// Eve logs a conversation with Max holding two needs; returns (conversation id, need ids).
async fn conversation_with_needs(s: &TestServer, t: &str) -> anyhow::Result<(String, Vec<String>)> {
    let c = s.client();
    let max = person_id(&s.app, "max@example.org").await?;
    let r = send(
        &c,
        "POST",
        "/api/v1/customers",
        t,
        Some(json!({"person_id": max, "relationship": "manager", "strength": 3})),
    )
    .await?;
    check!(r.status == 201, "customer: {}", r.body);
    let customer = r.json()["id"].as_str().unwrap_or_default().to_string();
    let r = send(&c, "POST", "/api/v1/conversations", t, Some(json!({"kind": "discovery", "title": "Support goals", "customers": [customer],
        "needs": [{"need": "New joiners wait a week for accounts"}, {"need": "Handovers lose tickets"}]}))).await?;
    check!(r.status == 201, "conversation: {}", r.body);
    let v = r.json();
    let conv = v["line"]["id"].as_str().unwrap_or_default().to_string();
    let mut needs: Vec<(String, String)> = v["needs"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|n| {
                    (
                        n["need"].as_str().unwrap_or_default().to_string(),
                        n["id"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    needs.sort();
    check!(needs.len() == 2 && !conv.is_empty(), "ids: {v}");
    // Sorted by text: "Handovers…" first, "New joiners…" second.
    Ok((conv, vec![needs[1].1.clone(), needs[0].1.clone()]))
}

fn location_id(r: &ladderless_testkit::Reply, prefix: &str) -> String {
    r.location
        .as_deref()
        .unwrap_or("")
        .trim_start_matches(prefix)
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn a_need_turned_into_an_opportunity_links_both_ways() {
    each_backend(|s| async move {
        let t = token_for(&s, "eve@example.org").await?;
        let (conv, needs) = conversation_with_needs(&s, &t).await?;
        let need = &needs[0];
        let eve = signed_in(&s, "eve@example.org").await?;
        let api = s.client();

        let page = eve.get(&format!("/conversations/{conv}")).await?;
        check!(
            page.body
                .contains(&format!("href=\"/opportunities?need_id={need}\""))
                && page.body.contains("Turn into an opportunity"),
            "the action: {}",
            excerpt(&page.body)
        );
        check!(!page.body.contains("Turned into:"), "nothing linked yet");

        let board = eve.get(&format!("/opportunities?need_id={need}")).await?;
        check!(board.status == 200, "board: {}", board.status);
        check!(
            board
                .body
                .contains(&format!("name=\"need_id\" value=\"{need}\""))
                && board
                    .body
                    .contains(">New joiners wait a week for accounts</textarea>"),
            "the form starts from the need"
        );
        check!(
            board
                .body
                .contains(&format!("/conversations/{conv}#need-{need}"))
                && board.body.contains("Support goals"),
            "and says where it came from"
        );

        let r = eve
            .post_form(
                "/opportunities",
                &[
                    ("title", "Accounts on day one"),
                    ("need_id", need),
                    ("need_text", ""),
                ],
            )
            .await?;
        check!(r.status == 303, "start: {} {}", r.status, excerpt(&r.body));
        let opp = location_id(&r, "/opportunities/");
        let stored = s.app.store.opportunity(opp.parse()?).await?;
        check!(
            stored.need_text == "New joiners wait a week for accounts"
                && stored.need_id.map(|n| n.to_string()).as_deref() == Some(need.as_str()),
            "the need text is kept: {stored:?}"
        );

        let page = eve.get(&format!("/conversations/{conv}")).await?;
        check!(
            page.body.contains(&format!(
                "Turned into: <a href=\"/opportunities/{opp}\">Accounts on day one</a>"
            )),
            "the conversation links to it: {}",
            excerpt(&page.body)
        );
        check!(
            !page.body.contains(&format!("need_id={need}")),
            "the action is gone for that need"
        );
        check!(
            page.body.contains(&format!("need_id={}", needs[1])),
            "the other need can still become one"
        );
        check!(
            eve.get("/conversations")
                .await?
                .body
                .contains(&format!("href=\"/opportunities/{opp}\"")),
            "the list of needs too"
        );

        let o = eve.get(&format!("/opportunities/{opp}")).await?;
        check!(
            o.body.contains(&format!(
                "href=\"/conversations/{conv}#need-{need}\">Support goals</a>"
            )),
            "the opportunity links back: {}",
            excerpt(&o.body)
        );
        let v = send(
            &api,
            "GET",
            &format!("/api/v1/opportunities/{opp}"),
            &t,
            None,
        )
        .await?
        .json();
        check!(
            v["need"]["id"] == need.as_str() && v["need"]["conversation_id"] == conv.as_str(),
            "the API too: {v}"
        );
        let listed = send(&api, "GET", "/api/v1/needs", &t, None).await?.json();
        check!(
            listed.to_string().contains("Accounts on day one"),
            "needs list the opportunity title: {listed}"
        );

        let again = eve
            .post_form("/opportunities", &[("title", "Twice"), ("need_id", need)])
            .await?;
        check!(
            again.status == 422
                && again
                    .body
                    .contains("was already turned into an opportunity"),
            "once only: {} {}",
            again.status,
            excerpt(&again.body)
        );
        let api_again = send(
            &api,
            "POST",
            "/api/v1/opportunities",
            &t,
            Some(json!({"title": "Twice", "need_id": need})),
        )
        .await?;
        check!(
            api_again.status == 422
                && api_again.json()["fields"]["need_id"]
                    == "was already turned into an opportunity",
            "API: {}",
            api_again.body
        );
        let both = send(
            &api,
            "POST",
            "/api/v1/opportunities",
            &t,
            Some(json!({"title": "", "need_id": need})),
        )
        .await?
        .json();
        check!(
            both["fields"]["title"].is_string() && both["fields"]["need_id"].is_string(),
            "every field at once: {both}"
        );
        check!(
            s.app
                .store
                .opportunities_of(person_id(&s.app, "eve@example.org").await?)
                .await?
                .len()
                == 1,
            "nothing else was written"
        );
        let stale = eve.get(&format!("/opportunities?need_id={need}")).await?;
        check!(
            stale.status == 422
                && stale
                    .body
                    .contains("was already turned into an opportunity"),
            "a stale link says why"
        );
        let bad = eve.get("/opportunities?need_id=not-a-uuid").await?;
        check!(
            bad.status == 422
                && bad
                    .body
                    .contains("The need is not a need from one of your conversations"),
            "a malformed need id names the field"
        );

        check!(
            eve.post_form(&format!("/opportunities/{opp}/delete"), &[])
                .await?
                .status
                == 303,
            "delete"
        );
        let page = eve.get(&format!("/conversations/{conv}")).await?;
        check!(
            page.body.contains(&format!("need_id={need}")) && !page.body.contains("Turned into:"),
            "deleting the opportunity frees the need"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn only_the_owner_links_or_sees_the_need() {
    each_backend(|s| async move {
        let t = token_for(&s, "eve@example.org").await?;
        let sid_t = token_for(&s, "sid@example.org").await?;
        let (conv, needs) = conversation_with_needs(&s, &t).await?;
        let need = &needs[0];
        let sid = signed_in(&s, "sid@example.org").await?;
        let api = s.client();

        let r = send(
            &api,
            "POST",
            "/api/v1/opportunities",
            &sid_t,
            Some(json!({"title": "Sid's take", "need_id": need})),
        )
        .await?;
        check!(
            r.status == 422
                && r.json()["fields"]["need_id"] == "is not a need from one of your conversations",
            "someone else's need: {}",
            r.body
        );
        let r = send(
            &api,
            "POST",
            "/api/v1/opportunities",
            &sid_t,
            Some(json!({"title": "Sid's take", "need_id": "0190a4c2-0000-7000-8000-000000000000"})),
        )
        .await?;
        check!(
            r.status == 422
                && r.json()["fields"]["need_id"] == "is not a need from one of your conversations",
            "an unknown need says the same: {}",
            r.body
        );
        let form = sid
            .post_form(
                "/opportunities",
                &[("title", "Sid's take"), ("need_id", need)],
            )
            .await?;
        check!(
            form.status == 422
                && form
                    .body
                    .contains("The need is not a need from one of your conversations"),
            "the form too: {}",
            form.status
        );
        let board = sid.get(&format!("/opportunities?need_id={need}")).await?;
        check!(
            !board.body.contains("New joiners wait a week"),
            "Sid cannot read the need through the board"
        );
        check!(
            s.app
                .store
                .opportunities_of(person_id(&s.app, "sid@example.org").await?)
                .await?
                .is_empty(),
            "nothing written for Sid"
        );
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        check!(
            s.app
                .store
                .needs(eve_id, None, None)
                .await?
                .iter()
                .all(|n| n.opportunity_id.is_none()),
            "Eve's needs untouched"
        );

        let r = send(
            &api,
            "POST",
            "/api/v1/opportunities",
            &t,
            Some(json!({"title": "Shared idea", "need_id": need, "audience": "everyone"})),
        )
        .await?;
        check!(r.status == 201, "Eve's own: {}", r.body);
        let opp = r.json()["id"].as_str().unwrap_or_default().to_string();
        let page = sid.get(&format!("/opportunities/{opp}")).await?;
        check!(
            page.status == 200 && page.body.contains("New joiners wait a week"),
            "Sid sees the shared opportunity and its need text"
        );
        check!(
            !page.body.contains("/conversations/") && !page.body.contains("Discovered in"),
            "but no link to Eve's private conversation"
        );
        let v = send(
            &api,
            "GET",
            &format!("/api/v1/opportunities/{opp}"),
            &sid_t,
            None,
        )
        .await?
        .json();
        check!(
            v.get("need").is_none() && v.get("value_to_me").is_none(),
            "nor through the API: {v}"
        );
        check!(
            sid.get(&format!("/conversations/{conv}")).await?.status == 404,
            "the conversation stays private"
        );
        Ok(())
    })
    .await;
}

fn factor_order(v: &Value) -> Vec<(String, bool)> {
    v["value_to_me"]["factors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    (
                        f["code"].as_str().unwrap_or_default().to_string(),
                        f["served"] == true,
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn value_to_me_reads_the_owners_compass() {
    each_backend(|s| async move {
        let t = token_for(&s, "eve@example.org").await?;
        let eve = signed_in(&s, "eve@example.org").await?;
        let api = s.client();
        let r = send(&api, "POST", "/api/v1/opportunities", &t, Some(json!({"title": "Accounts on day one", "factors": ["learning"], "audience": "team"}))).await?;
        let opp = r.json()["id"].as_str().unwrap_or_default().to_string();

        let page = eve.get(&format!("/opportunities/{opp}")).await?;
        check!(page.body.contains("You have not ranked your four factors yet") && page.body.contains("<a href=\"/compass\">Rank them in your compass</a>"), "a prompt before ranking");
        check!(!page.body.contains("top-ranked"), "no top factor before ranking");
        let v = send(&api, "GET", &format!("/api/v1/opportunities/{opp}"), &t, None).await?.json();
        check!(v["value_to_me"]["ranked"] == false && v["value_to_me"]["serves_top"] == false, "unranked: {v}");

        let r = send(&api, "PUT", "/api/v1/compass/factors", &t, Some(json!({"ranking": ["learning", "meaning", "autonomy", "status"]}))).await?;
        check!(r.status == 200, "rank: {}", r.body);
        let r = send(&api, "POST", "/api/v1/compass/skills", &t, Some(json!({"label": "Onboarding choreography", "new_skill": true, "level": 2, "want_to_grow": true}))).await?;
        check!(r.status == 200 || r.status == 201, "skill: {} {}", r.status, r.body);

        let v = send(&api, "GET", &format!("/api/v1/opportunities/{opp}"), &t, None).await?.json();
        check!(v["value_to_me"]["ranked"] == true && v["value_to_me"]["serves_top"] == true && v["value_to_me"]["top"] == "Continued learning", "serves the top factor: {v}");
        check!(factor_order(&v) == vec![("learning".into(), true), ("meaning".into(), false), ("autonomy".into(), false), ("status".into(), false)], "in her order: {v}");
        check!(v["grow_suggestions"] == json!(["Onboarding choreography"]), "skills to grow from the compass: {v}");
        let page = eve.get(&format!("/opportunities/{opp}")).await?;
        check!(page.body.contains("It serves your top-ranked factor: Continued learning."), "highlighted: {}", excerpt(&page.body));
        let first = page.body.find("value=\"learning\"").unwrap_or(usize::MAX);
        let last = page.body.find("value=\"status\"").unwrap_or(0);
        check!(first < last && page.body.contains("Continued learning <span class=\"muted\">(your 1st)</span>"), "checkboxes in her order with ranks");
        check!(page.body.contains("name=\"grow\" value=\"Onboarding choreography\""), "the suggestion is offered");

        let r = eve.post_form(&format!("/opportunities/{opp}"), &[("title", "Accounts on day one"), ("factors", "status"), ("skills", "Automation"), ("grow", "Onboarding choreography"), ("audience", "team")]).await?;
        check!(r.status == 303, "save: {} {}", r.status, excerpt(&r.body));
        let o = s.app.store.opportunity(opp.parse()?).await?;
        check!(o.skills == "Automation\nOnboarding choreography" && o.factors == "status", "ticked suggestion joins the skills: {o:?}");
        let page = eve.get(&format!("/opportunities/{opp}")).await?;
        check!(page.body.contains("It does not serve your top-ranked factor (Continued learning)"), "says when it misses the top factor");
        check!(!page.body.contains("name=\"grow\""), "a listed skill is not suggested again");

        let max_t = token_for(&s, "max@example.org").await?;
        let v = send(&api, "GET", &format!("/api/v1/opportunities/{opp}"), &max_t, None).await?.json();
        check!(v.get("value_to_me").is_none() && v.get("grow_suggestions").is_none() && v["factors_served"] == json!(["Status and recognition"]), "the manager sees what it serves, not her ranking: {v}");
        let max = signed_in(&s, "max@example.org").await?;
        let page = max.get(&format!("/opportunities/{opp}")).await?;
        check!(page.body.contains("Value to Eve Employee") && page.body.contains("Status and recognition") && !page.body.contains("(your 1st)"), "read-only value to the owner");
        Ok(())
    })
    .await;
}
