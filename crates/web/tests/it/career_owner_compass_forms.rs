//! The career compass over HTTP: forms that refuse bad input and keep what was typed, the API
//! round trip with its history, and directory search kept in sync with shared skills.

use crate::career_owner_support;

use career_owner_support::{excerpt, send, signed_in, token_for};
use ladderless_testkit::{check, each_backend, person_id};
use serde_json::json;

#[tokio::test]
async fn forms_reject_bad_input_naming_the_field_and_keep_what_was_typed() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        eve.get("/compass").await?;
        let r = eve.post_form("/compass/factors", &[("order", "learning"), ("order", "learning"), ("order", "pay")]).await?;
        check!(r.status == 422 && r.body.contains("Ranking lists Continued learning twice"), "ranking: {}", excerpt(&r.body));
        let r = eve.post_form("/compass/factors", &[("move", "learning:sideways")]).await?;
        check!(r.status == 422 && r.body.contains("Move must end in :up or :down"), "move");
        let r = eve.post_form("/compass/values", &[("value", "   ")]).await?;
        check!(r.status == 422 && r.body.contains("Value is required"), "value");
        let r = eve.post_form("/compass/skills", &[("skill", "python"), ("evidence", "Kept this")]).await?;
        check!(r.status == 422 && r.body.contains("Level is required") && r.body.contains("Kept this"), "level + kept evidence");
        check!(r.body.contains("Did you mean one of these?") && r.body.contains("Python (computer programming)"), "suggestions for an inexact skill");
        let r = eve.post_form("/compass/skills", &[("skill", "Underwater welding"), ("level", "9")]).await?;
        check!(r.status == 422 && r.body.contains("Level must be between 1 and 5") && r.body.contains("value=\"Underwater welding\""), "level range");
        let r = eve.post_form("/compass/skills", &[("skill", "Underwater welding"), ("level", "2"), ("new_skill", "on")]).await?;
        check!(r.status == 303, "a new skill: {}", excerpt(&r.body));
        check!(eve.get("/compass").await?.body.contains("Underwater welding"), "the new skill is held");
        let r = eve.post_form("/compass/roles", &[("role", "nurse")]).await?;
        check!(r.status == 422 && r.body.contains("Role matches nothing exactly") && r.body.contains("Registered Nurses"), "role suggestions");
        let long = "x".repeat(2001);
        let r = eve.post_form("/compass/aspirations", &[("interests", &long), ("aspirations", "Keep me")]).await?;
        check!(r.status == 422 && r.body.contains("Interests must be at most 2000 characters") && r.body.contains("Keep me"), "aspirations");
        let r = eve.post_form("/compass/visibility", &[("section", "secrets"), ("audience", "everyone")]).await?;
        check!(r.status == 422, "unknown section: {}", r.status);
        let t = token_for(&s, "eve@example.org").await?;
        let r = send(&eve, "PUT", "/api/v1/compass/factors", &t, Some(json!({"ranking": ["status"]}))).await?;
        check!(r.status == 422 && r.json()["fields"]["ranking"].as_str().is_some_and(|m| m.contains("all four")), "API ranking: {}", r.body);
        let r = send(&eve, "PUT", "/api/v1/compass/factors", &t, Some(json!({"ranking": ["status", "autonomy", "meaning", "learning"], "met": {"pay": "met"}}))).await?;
        check!(r.status == 422 && r.json()["fields"]["met"].is_string(), "API met: {}", r.body);
        let r = send(&eve, "POST", "/api/v1/compass/skills", &t, Some(json!({"label": "Python (computer programming)", "level": 0}))).await?;
        check!(r.status == 422 && r.json()["fields"]["level"] == "must be between 1 and 5", "API level: {}", r.body);
        let r = send(&eve, "PUT", "/api/v1/compass/visibility", &t, Some(json!({"section": "values", "audience": "the world"}))).await?;
        check!(r.status == 422 && r.json()["error"] == "invalid" && r.json()["fields"]["audience"].is_string(), "API audience: {}", r.body);
        let r = send(&eve, "POST", "/api/v1/compass/values", &t, Some(json!({"nope": 1}))).await?;
        check!(r.status == 422 && r.json()["error"] == "invalid", "API missing field: {}", r.body);
        check!(s.app.store.compass_values(person_id(&s.app, "eve@example.org").await?).await?.is_empty(), "nothing half-written");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_api_round_trips_and_history_keeps_every_change() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let t = token_for(&s, "eve@example.org").await?;
        let r = send(&eve, "PUT", "/api/v1/compass/factors", &t, Some(json!({"ranking": ["autonomy", "learning", "meaning", "status"], "met": {"autonomy": "partly"}}))).await?;
        check!(r.status == 200 && r.json()["factors"][0]["factor"] == "autonomy" && r.json()["factors"][0]["met"] == "partly", "factors: {}", r.body);
        send(&eve, "PUT", "/api/v1/compass/factors", &t, Some(json!({"ranking": ["learning", "autonomy", "meaning", "status"]}))).await?;
        let v = send(&eve, "POST", "/api/v1/compass/values", &t, Some(json!({"value": "Craft"}))).await?;
        check!(v.status == 201, "value: {}", v.body);
        let dup = send(&eve, "POST", "/api/v1/compass/values", &t, Some(json!({"value": "craft"}))).await?;
        check!(dup.status == 422 && dup.json()["fields"]["value"] == "is already one of your values", "duplicate: {}", dup.body);
        let id = s.app.catalogue.search_skills("python", 1)[0].id.clone();
        let sk = send(&eve, "POST", "/api/v1/compass/skills", &t, Some(json!({"skill_id": id, "level": 2, "want_to_grow": true}))).await?;
        check!(sk.status == 200 && sk.json()["level_name"] == "2 · Practising", "skill: {}", sk.body);
        send(&eve, "POST", "/api/v1/compass/skills", &t, Some(json!({"skill_id": id, "level": 3, "want_to_grow": true}))).await?;
        let role = send(&eve, "POST", "/api/v1/compass/roles", &t, Some(json!({"code": "15-1252.00"}))).await?;
        check!(role.status == 201 && role.json()["title"] == "Software Developers", "role: {}", role.body);
        let a = send(&eve, "PUT", "/api/v1/compass/aspirations", &t, Some(json!({"interests": "Data", "aspirations": "Guild lead"}))).await?;
        check!(a.json()["aspirations"]["aspirations"] == "Guild lead", "aspirations: {}", a.body);
        check!(send(&eve, "DELETE", "/api/v1/compass/roles/15-1252.00", &t, None).await?.status == 204, "remove role");
        let vid = v.json()["id"].as_str().unwrap_or_default().to_string();
        check!(send(&eve, "DELETE", &format!("/api/v1/compass/values/{vid}"), &t, None).await?.status == 204, "remove value");
        let h = send(&eve, "GET", "/api/v1/compass/history", &t, None).await?.json();
        let texts: Vec<&str> = h["lines"].as_array().map(|l| l.iter().filter_map(|x| x["text"].as_str()).collect()).unwrap_or_default();
        for want in ["Re-ranked: Continued learning 2nd → 1st; Autonomy 1st → 2nd", "Added the value “Craft”", "Removed the value “Craft”",
                     "Python (computer programming): level 2 → 3", "Added the target role Software Developers", "Rewrote interests and aspirations"] {
            check!(texts.contains(&want), "history has {want:?}: {texts:?}");
        }
        check!(h["rank_series"].as_array().is_some_and(|a| a.len() == 4) && h["skills"][0]["level"] == 3, "chart series: {h}");
        let page = eve.get("/compass/history").await?;
        check!(page.status == 200 && page.body.contains("<svg") && page.body.contains("Skills over time") && page.body.contains("level 3 of 5 now"), "history page");
        let r = eve.get("/compass").await?;
        check!(r.body.contains("Python (computer programming)") && r.body.contains("3 · Skilled"), "compass page shows the skill");
        let r = eve.post_form("/compass/factors", &[("move", "status:up")]).await?;
        check!(r.status == 303 && r.location.as_deref().is_some_and(|l| l.ends_with("#factor-status")), "no-JS move: {:?}", r.location);
        let f = send(&eve, "GET", "/api/v1/compass", &t, None).await?.json();
        check!(f["factors"][2]["factor"] == "status", "status moved up to 3rd: {}", f["factors"]);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn skills_shared_with_everyone_keep_directory_search_in_sync() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let sid = signed_in(&s, "sid@example.org").await?;
        eve.get("/compass").await?;
        eve.post_form("/compass/visibility", &[("audience_skills", "everyone")])
            .await?;
        eve.get("/compass").await?;
        let r = eve
            .post_form(
                "/compass/skills",
                &[
                    ("skill", "Glassblowing for labs"),
                    ("level", "3"),
                    ("new_skill", "on"),
                ],
            )
            .await?;
        check!(r.status == 303, "add: {}", r.status);
        check!(
            sid.get("/people?q=glassblowing")
                .await?
                .body
                .contains("Eve Employee"),
            "found by a public skill"
        );
        eve.get("/compass").await?;
        eve.post_form("/compass/visibility", &[("audience_skills", "manager")])
            .await?;
        check!(
            !sid.get("/people?q=glassblowing")
                .await?
                .body
                .contains("Eve Employee"),
            "gone when no longer public"
        );
        eve.get("/compass").await?;
        eve.post_form("/compass/visibility", &[("audience_skills", "everyone")])
            .await?;
        let id = s
            .app
            .store
            .org_skills()
            .await?
            .into_iter()
            .find(|k| k.label == "Glassblowing for labs")
            .map(|k| k.id)
            .unwrap_or_default();
        eve.get("/compass").await?;
        check!(
            eve.post_form("/compass/skills/remove", &[("skill_id", &id)])
                .await?
                .status
                == 303,
            "remove"
        );
        check!(
            !sid.get("/people?q=glassblowing")
                .await?
                .body
                .contains("Eve Employee"),
            "gone when removed"
        );
        Ok(())
    })
    .await;
}
