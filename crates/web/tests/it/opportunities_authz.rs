//! Who may see and change opportunities, proposals, pilots, directions and sponsors' records.

use ladderless_testkit::{check, each_backend, person_id, signed_in, token_for};
use serde_json::json;

#[tokio::test]
async fn private_opportunities_and_proposals_stay_with_owner_and_sponsor() {
    each_backend(|s| async move {
        let (eve_t, sid_t, max_t) = (token_for(&s, "eve@example.org").await?, token_for(&s, "sid@example.org").await?, token_for(&s, "max@example.org").await?);
        let api = s.client();
        let o = api.api_post_json("/api/v1/opportunities", &eve_t, &json!({"title": "Faster onboarding", "whose_goal": "Head of Support"})).await?;
        check!(o.status == 201, "create: {}", o.body);
        let id = o.json()["id"].as_str().unwrap_or_default().to_string();
        let mine = api.api_get("/api/v1/opportunities/mine", &eve_t).await?.json();
        check!(mine["items"].as_array().is_some_and(|a| a.len() == 1), "mine: {mine}");
        check!(api.api_get("/api/v1/opportunities/mine", &sid_t).await?.json()["items"].as_array().is_some_and(|a| a.is_empty()), "not Sid's");

        let sid = signed_in(&s, "sid@example.org").await?;
        let max = signed_in(&s, "max@example.org").await?;
        for (c, t, who) in [(&sid, &sid_t, "colleague"), (&max, &max_t, "manager before it is shared")] {
            check!(c.get(&format!("/opportunities/{id}")).await?.status == 404, "{who} page");
            check!(api.api_get(&format!("/api/v1/opportunities/{id}"), t).await?.status == 404, "{who} API");
            check!(c.post_form(&format!("/opportunities/{id}/move"), &[("stage", "dropped"), ("reason", "x")]).await?.status == 404, "{who} move");
        }
        check!(api.api_post_json(&format!("/api/v1/opportunities/{id}"), &sid_t, &json!({"title": "Mine now"})).await?.status == 404, "colleague edit");

        let p = api.api_post_json("/api/v1/proposals", &eve_t, &json!({"opportunity_id": id, "sponsor_email": "max@example.org", "time_share": 20, "duration_weeks": 8})).await?;
        check!(p.status == 201, "propose: {}", p.body);
        let pid = p.json()["id"].as_str().unwrap_or_default().to_string();
        let bad = api.api_post_json("/api/v1/proposals", &eve_t, &json!({"opportunity_id": id, "sponsor_email": "eve@example.org", "time_share": 5})).await?.json();
        check!(bad["error"] == "invalid" && bad["fields"]["sponsor_email"].is_string() && bad["fields"]["time_share"].is_string() && bad["fields"]["duration_weeks"].is_string(), "field errors: {bad}");

        check!(max.get(&format!("/opportunities/{id}")).await?.status == 200, "the sponsor reads it once proposed");
        check!(max.post_form(&format!("/opportunities/{id}"), &[("title", "Sponsor's version")]).await?.status == 403, "the sponsor cannot edit the value proposition");
        check!(api.api_post_json(&format!("/api/v1/opportunities/{id}"), &max_t, &json!({"title": "Sponsor's version"})).await?.status == 403, "nor through the API");
        check!(max.post_form(&format!("/opportunities/{id}/move"), &[("stage", "dropped"), ("reason", "x")]).await?.status == 403, "nor move it");
        check!(s.app.store.opportunity(id.parse()?).await?.title == "Faster onboarding", "unchanged");

        check!(sid.get(&format!("/opportunities/{id}")).await?.status == 404, "still private to colleagues");
        check!(sid.get(&format!("/proposals/{pid}")).await?.status == 404, "a colleague cannot read the proposal");
        check!(api.api_get(&format!("/api/v1/proposals/{pid}"), &sid_t).await?.status == 404, "nor through the API");
        check!(api.api_get("/api/v1/proposals", &sid_t).await?.json()["received"].as_array().is_some_and(|a| a.is_empty()), "not in Sid's list");
        check!(sid.post_form(&format!("/proposals/{pid}/answer"), &[("answer", "support")]).await?.status == 404, "nor answer it");
        let own = api.api_post_json(&format!("/api/v1/proposals/{pid}/answer"), &eve_t, &json!({"answer": "support"})).await?;
        check!(own.status == 403, "the owner cannot support their own proposal: {}", own.status);
        let ann = signed_in(&s, "ann@example.org").await?;
        check!(ann.get(&format!("/proposals/{pid}")).await?.status == 404, "talent admins only where the setting says so");
        check!(!ann.get("/inbox").await?.body.contains("All proposals in the organisation"), "no organisation list without the setting");
        let ann_t = token_for(&s, "ann@example.org").await?;
        check!(api.api_get("/api/v1/proposals", &ann_t).await?.json().get("organisation").is_none(), "nor in the API");
        s.app.store.set_setting(ladderless_core::proposals::ADMINS_SEE, "true", s.app.now()).await?;
        check!(ann.get(&format!("/proposals/{pid}")).await?.status == 200, "with the setting on");
        let inbox = ann.get("/inbox").await?.body;
        check!(inbox.contains("All proposals in the organisation") && inbox.contains(&format!("/proposals/{pid}")), "the admin's organisation list");
        check!(api.api_get("/api/v1/proposals", &ann_t).await?.json()["organisation"][0]["id"] == pid.as_str(), "and in the API");
        check!(!sid.get("/inbox").await?.body.contains("All proposals in the organisation"), "never for someone who is not a talent admin");
        check!(api.api_get("/api/v1/proposals", &sid_t).await?.json().get("organisation").is_none(), "nor in their API list");
        check!(ann.post_form(&format!("/proposals/{pid}/answer"), &[("answer", "support")]).await?.status == 403, "reading is not answering");
        let recv = api.api_get("/api/v1/proposals", &max_t).await?.json();
        check!(recv["received"][0]["id"] == pid.as_str(), "the sponsor's list: {recv}");
        let ok = api.api_post_json(&format!("/api/v1/proposals/{pid}/answer"), &max_t, &json!({"answer": "tell_me_more", "reason": "Which teams?"})).await?;
        check!(ok.status == 200 && ok.json()["line"]["status"] == "tell_me_more", "sponsor answers: {}", ok.body);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn sharing_with_the_team_or_everyone_widens_who_sees_it() {
    each_backend(|s| async move {
        let eve_t = token_for(&s, "eve@example.org").await?;
        let api = s.client();
        let o = api
            .api_post_json(
                "/api/v1/opportunities",
                &eve_t,
                &json!({"title": "Team idea", "audience": "team"}),
            )
            .await?
            .json();
        let id = o["id"].as_str().unwrap_or_default().to_string();
        let (sid, max, nia) = (
            signed_in(&s, "sid@example.org").await?,
            signed_in(&s, "max@example.org").await?,
            signed_in(&s, "nia@example.org").await?,
        );
        check!(
            sid.get(&format!("/opportunities/{id}")).await?.status == 200,
            "teammate sees a team opportunity"
        );
        check!(
            max.get(&format!("/opportunities/{id}")).await?.status == 200,
            "manager sees a team opportunity"
        );
        check!(
            nia.get(&format!("/opportunities/{id}")).await?.status == 404,
            "someone from another team does not"
        );
        let bad = api
            .api_post_json(
                "/api/v1/opportunities",
                &eve_t,
                &json!({"title": "", "audience": "world", "factors": ["money"]}),
            )
            .await?
            .json();
        check!(
            bad["fields"]["title"].is_string()
                && bad["fields"]["audience"].is_string()
                && bad["fields"]["factors"].is_string(),
            "field errors: {bad}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn directions_are_published_by_talent_admins_and_read_by_everyone() {
    each_backend(|s| async move {
        let (ann_t, eve_t) = (token_for(&s, "ann@example.org").await?, token_for(&s, "eve@example.org").await?);
        let api = s.client();
        let body = json!({"title": "Grow in Europe", "aim": "Two new markets", "horizon": "2027", "skills": "German, Sales"});
        check!(api.api_post_json("/api/v1/directions", &eve_t, &body).await?.status == 403, "employees cannot publish");
        let eve = signed_in(&s, "eve@example.org").await?;
        check!(eve.post_form("/directions", &[("title", "X"), ("aim", "Y")]).await?.status == 403, "nor by form");
        let d = api.api_post_json("/api/v1/directions", &ann_t, &body).await?;
        check!(d.status == 201, "admin publishes: {}", d.body);
        let dup = api.api_post_json("/api/v1/directions", &ann_t, &body).await?.json();
        check!(dup["fields"]["title"].is_string(), "unique title: {dup}");
        let list = api.api_get("/api/v1/directions", &eve_t).await?.json();
        check!(list["items"][0]["title"] == "Grow in Europe" && list["items"][0]["skill_list"][1] == "Sales", "everyone reads: {list}");
        let id = d.json()["id"].as_str().unwrap_or_default().to_string();
        // Eve's private opportunity for this direction does not show Eve to others; a shared one does.
        let o = api.api_post_json("/api/v1/opportunities", &eve_t, &json!({"title": "German help pages", "direction_id": id})).await?.json();
        let sid = signed_in(&s, "sid@example.org").await?;
        check!(!sid.get(&format!("/directions/{id}")).await?.body.contains("German help pages"), "private opportunity hidden");
        let oid = o["id"].as_str().unwrap_or_default();
        let shared = api.api_post_json(&format!("/api/v1/opportunities/{oid}"), &eve_t, &json!({"title": "German help pages", "direction_id": id, "audience": "everyone"})).await?;
        check!(shared.status == 200, "share: {}", shared.body);
        let page = sid.get(&format!("/directions/{id}")).await?.body;
        check!(page.contains("German help pages") && page.contains("Eve Employee"), "shared opportunity and its person appear");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_sponsors_record_is_for_them_their_manager_and_talent_admins() {
    each_backend(|s| async move {
        let max = person_id(&s.app, "max@example.org").await?;
        for (email, status) in [
            ("max@example.org", 200),
            ("cleo@example.org", 200),
            ("ann@example.org", 200),
            ("sid@example.org", 403),
            ("eve@example.org", 403),
        ] {
            let c = signed_in(&s, email).await?;
            check!(
                c.get(&format!("/sponsors/{max}")).await?.status == status,
                "{email}: expected {status}"
            );
            let t = token_for(&s, email).await?;
            check!(
                c.api_get(&format!("/api/v1/sponsors/{max}"), &t)
                    .await?
                    .status
                    == status,
                "{email} API: expected {status}"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_lists_every_opportunity_route() {
    each_backend(|s| async move {
        let doc = s.client().get("/api/v1/openapi.json").await?.json();
        for (method, path) in [
            ("get", "/api/v1/directions"),
            ("post", "/api/v1/directions"),
            ("get", "/api/v1/directions/{id}"),
            ("post", "/api/v1/directions/{id}"),
            ("post", "/api/v1/opportunities"),
            ("get", "/api/v1/opportunities/mine"),
            ("get", "/api/v1/opportunities/{id}"),
            ("post", "/api/v1/opportunities/{id}"),
            ("post", "/api/v1/opportunities/{id}/move"),
            ("get", "/api/v1/proposals"),
            ("post", "/api/v1/proposals"),
            ("get", "/api/v1/proposals/{id}"),
            ("post", "/api/v1/proposals/{id}/answer"),
            ("post", "/api/v1/proposals/{id}/ask-again"),
            ("get", "/api/v1/sponsors/{id}"),
        ] {
            check!(
                doc["paths"][path][method].is_object(),
                "{method} {path} is documented"
            );
        }
        for schema in [
            "DirectionBody",
            "OpportunityBody",
            "StageMoveBody",
            "ProposalBody",
            "AnswerBody",
            "AskAgainBody",
        ] {
            check!(
                doc["components"]["schemas"][schema].is_object(),
                "schema {schema}"
            );
        }
        Ok(())
    })
    .await;
}
