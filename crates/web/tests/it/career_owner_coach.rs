//! The question coach, pitch coach and question bank over HTTP: pages (without JavaScript) and
//! the JSON API, including bad input, and that every new API route is documented.

use ladderless_testkit::{PASSWORD, check, each_backend, token_for};
use serde_json::json;

#[tokio::test]
async fn the_question_api_judges_real_sentences() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        for (text, openness, focus) in [
            ("Do you have a job opening for me?", "closed", "self"),
            (
                "Could you walk me through how the approval process works?",
                "open",
                "customer",
            ),
            ("Is there anything else?", "closed", "neutral"),
            ("What can you do for my promotion?", "open", "self"),
        ] {
            let r = c
                .api_post_json("/api/v1/coach/question", &t, &json!({ "text": text }))
                .await?;
            let v = r.json();
            check!(
                r.status == 200 && v["openness"] == openness && v["focus"] == focus,
                "{text}: {v}"
            );
            check!(
                v["leading"].is_boolean() && v["multiple"].is_boolean(),
                "{text}: flags"
            );
            check!(
                v["reasons"].as_array().is_some_and(|a| a.len() >= 4),
                "{text}: a reason per label"
            );
            check!(
                v["reframe"]
                    .as_str()
                    .is_some_and(|r| !r.is_empty() && (openness == "open" || r != text)),
                "{text}: reframe"
            );
        }
        let v = c
            .api_post_json(
                "/api/v1/coach/question",
                &t,
                &json!({ "text": "What are your goals? And who decides?" }),
            )
            .await?
            .json();
        check!(v["multiple"] == true, "two questions: {v}");
        let v = c
            .api_post_json(
                "/api/v1/coach/question",
                &t,
                &json!({ "text": "The launch went well, didn't it?" }),
            )
            .await?
            .json();
        check!(
            v["leading"] == true && v["openness"] == "closed",
            "tag question: {v}"
        );
        let closed = c
            .api_post_json(
                "/api/v1/coach/question",
                &t,
                &json!({ "text": "Do you have a job opening for me?" }),
            )
            .await?
            .json();
        check!(
            closed["reframe"] == "What is getting in the way of your team's goals this quarter?",
            "the brief's reframe: {}",
            closed["reframe"]
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn bad_input_gets_a_sensible_answer_or_the_error_shape() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let long = "Why ".repeat(2500);
        for text in [
            "",
            "   ",
            "😀😀😀",
            "¿Tienes un trabajo para mí?",
            long.as_str(),
        ] {
            for path in ["/api/v1/coach/question", "/api/v1/coach/pitch"] {
                let r = c.api_post_json(path, &t, &json!({ "text": text })).await?;
                check!(
                    r.status == 200 && r.json().is_object(),
                    "{path} {:?}: {}",
                    text.chars().take(20).collect::<String>(),
                    r.status
                );
            }
        }
        let r = c
            .api_post_json("/api/v1/coach/question", &t, &json!({ "question": "x" }))
            .await?;
        check!(
            r.status == 422
                && r.json()["error"] == "invalid"
                && r.json()["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("text")),
            "missing field: {}",
            r.body
        );
        let r = c
            .api_post_body(
                "/api/v1/coach/question",
                &t,
                "application/json",
                b"{not json".to_vec(),
            )
            .await?;
        check!(
            r.status == 400 && r.json()["error"] == "bad_json",
            "bad json: {}",
            r.body
        );
        let r = c
            .api_post_body("/api/v1/coach/pitch", &t, "text/plain", b"hello".to_vec())
            .await?;
        check!(
            r.status == 415 && r.json()["fields"].is_object(),
            "wrong type: {}",
            r.body
        );
        let r = c
            .http
            .post(format!("{}/api/v1/coach/question", c.base))
            .json(&json!({ "text": "Hi?" }))
            .send()
            .await?;
        check!(r.status().as_u16() == 401, "no token: {}", r.status());
        let r = c.api_get("/api/v1/questions?theme=gossip", &t).await?;
        check!(
            r.status == 422
                && r.json()["fields"]["theme"]
                    .as_str()
                    .is_some_and(|m| m.contains("goals")),
            "bad theme: {}",
            r.body
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_pitch_api_and_the_question_bank() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let pitch = "I want to lead the onboarding project because it would help my promotion and I deserve a bigger role.";
        let v = c.api_post_json("/api/v1/coach/pitch", &t, &json!({ "text": pitch })).await?.json();
        check!(v["label"] == "self" && v["leads_with_self"] == true, "self pitch: {v}");
        check!(v["self_share"].as_f64().is_some_and(|x| x > 0.5), "share: {v}");
        check!(v["phrases_to_reconsider"].as_array().is_some_and(|a| !a.is_empty()) && v["suggested_opening"].is_string(), "phrases: {v}");
        let bank = c.api_get("/api/v1/questions", &t).await?.json();
        let themes = bank["themes"].as_array().cloned().unwrap_or_default();
        let total: usize = themes.iter().map(|g| g["questions"].as_array().map_or(0, Vec::len)).sum();
        check!(themes.len() >= 8 && total >= 80, "{} themes, {total} questions", themes.len());
        check!(themes.iter().any(|g| g["upward"] == true), "upward themes");
        let goals = c.api_get("/api/v1/questions?theme=goals", &t).await?.json();
        check!(goals["themes"].as_array().is_some_and(|a| a.len() == 1) && goals["themes"][0]["theme"] == "goals", "one theme: {goals}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_coach_pages_work_without_javascript() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("eve@example.org", PASSWORD).await?;
        let r = c.get("/coach").await?;
        check!(
            r.status == 200 && r.body.contains("Type a question above"),
            "empty coach"
        );
        let r = c
            .get("/coach?text=Do+you+have+a+job+opening+for+me%3F")
            .await?;
        check!(
            r.body.contains("Closed")
                && r.body.contains("About you")
                && r.body.contains("Try instead:"),
            "judged page"
        );
        let r = c.get("/coach?text=%F0%9F%98%80%F0%9F%98%80").await?;
        check!(r.status == 200, "emoji page");
        let r = c
            .get("/coach/pitch?text=I+want+a+promotion+because+I+deserve+it.")
            .await?;
        check!(
            r.status == 200 && r.body.contains("Suggested opening") && r.body.contains("about you"),
            "pitch page"
        );
        let r = c.get("/questions").await?;
        check!(
            r.status == 200 && r.body.matches("name=\"bank\"").count() >= 80,
            "bank page"
        );
        let r = c.get("/questions?theme=autonomy").await?;
        check!(
            r.status == 200
                && r.body.contains("Autonomy")
                && !r.body.contains("Competitors and market</h2>"),
            "one theme"
        );
        let r = c.get("/questions?theme=gossip").await?;
        check!(
            r.status == 400 && r.body.contains("Theme must be one of"),
            "bad theme page"
        );
        check!(
            s.client().get("/coach").await?.status == 303,
            "signed out: to the login page"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn every_career_owner_api_route_is_documented() {
    each_backend(|s| async move {
        let doc = s.client().get("/api/v1/openapi.json").await?.json();
        let paths = doc["paths"].as_object().cloned().unwrap_or_default();
        for (method, path) in [
            ("get", "/compass"),
            ("put", "/compass/factors"),
            ("post", "/compass/values"),
            ("delete", "/compass/values/{id}"),
            ("post", "/compass/skills"),
            ("delete", "/compass/skills/{id}"),
            ("put", "/compass/aspirations"),
            ("post", "/compass/roles"),
            ("delete", "/compass/roles/{code}"),
            ("put", "/compass/visibility"),
            ("get", "/compass/history"),
            ("get", "/compass/shared"),
            ("get", "/people/{id}/compass"),
            ("get", "/people/{id}/compass/history"),
            ("get", "/customers"),
            ("post", "/customers"),
            ("get", "/customers/{id}"),
            ("put", "/customers/{id}"),
            ("delete", "/customers/{id}"),
            ("get", "/conversations"),
            ("post", "/conversations"),
            ("get", "/conversations/{id}"),
            ("delete", "/conversations/{id}"),
            ("get", "/follow-ups"),
            ("put", "/follow-ups/{id}"),
            ("get", "/needs"),
            ("post", "/coach/question"),
            ("post", "/coach/pitch"),
            ("get", "/questions"),
        ] {
            let op = paths
                .get(&format!("/api/v1{path}"))
                .and_then(|p| p.get(method));
            check!(op.is_some(), "{method} {path} is documented");
            if let Some(r) = op.and_then(|o| {
                o["requestBody"]["content"]["application/json"]["schema"]["$ref"].as_str()
            }) {
                let name = r.trim_start_matches("#/components/schemas/");
                check!(
                    doc["components"]["schemas"][name]["type"] == "object",
                    "{name} schema exists"
                );
            }
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn blame_is_flagged_and_good_words_are_not_echoed_back() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let blame = "Why did you let the release process get this bad?";
        let v = c
            .api_post_json("/api/v1/coach/question", &t, &json!({ "text": blame }))
            .await?
            .json();
        check!(
            v["blaming"] == true && v["reword"] == true && v["reframe"] != blame,
            "blame: {v}"
        );
        let good = "What is slowing your team down at the moment?";
        let v = c
            .api_post_json("/api/v1/coach/question", &t, &json!({ "text": good }))
            .await?
            .json();
        check!(
            v["blaming"] == false && v["reword"] == false && v["reframe"] != good,
            "good question: {v}"
        );
        let v = c
            .api_post_json("/api/v1/coach/pitch", &t, &json!({ "text": "" }))
            .await?
            .json();
        check!(
            v["label"] == "empty" && v["customer_share"] == 0.0,
            "empty pitch: {v}"
        );
        let v = c
            .api_post_json(
                "/api/v1/coach/pitch",
                &t,
                &json!({ "text": "Nobody here ever gives me a chance." }),
            )
            .await?
            .json();
        check!(
            v["phrases_to_reconsider"]
                .as_array()
                .is_some_and(|a| !a.is_empty()),
            "complaint: {v}"
        );
        c.sign_in("eve@example.org", PASSWORD).await?;
        let r = c
            .get("/coach?text=Why+did+you+let+the+release+process+get+this+bad%3F")
            .await?;
        check!(
            r.status == 200 && r.body.contains("Sounds like blame"),
            "coach page: {}",
            r.status
        );
        let r = c
            .get("/coach/pitch?text=The+meeting+is+on+Tuesday.")
            .await?;
        check!(
            r.status == 200 && r.body.contains("Nothing to weigh yet") && !r.body.contains("0%"),
            "empty pitch page"
        );
        Ok(())
    })
    .await
}
