//! Asks: an employee prepares and records an ask of their manager, the manager answers, the
//! employee asks again; nobody else sees or changes it; bad input keeps what was typed.

use ladderless_testkit::{PASSWORD, check, each_backend, person_id};

#[tokio::test]
async fn an_ask_is_prepared_answered_and_asked_again_by_its_two_people_only() {
    each_backend(|s| async move {
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        let prep = eve.get("/asks/new").await?;
        check!(prep.status == 200, "prep: {}", prep.status);
        check!(
            prep.body.contains("Max Manager (your manager)"),
            "manager is the default"
        );
        check!(
            prep.body.contains("Cleo Boss"),
            "someone above can be chosen"
        );

        let checked = eve
            .post_form(
                "/asks",
                &[
                    ("what", "Time on the data team"),
                    ("question_0", "Can I join the data team?"),
                    ("check", "1"),
                ],
            )
            .await?;
        check!(
            checked.status == 200 && checked.body.contains("Closed"),
            "check only judges: {}",
            checked.status
        );
        check!(
            eve.get("/asks").await?.body.contains("Nothing yet"),
            "checking records nothing"
        );

        let bad = eve
            .post_form(
                "/asks",
                &[
                    ("what", "  "),
                    ("offer", "I will automate the weekly report"),
                    ("wait_days", "2"),
                ],
            )
            .await?;
        check!(bad.status == 422, "bad: {}", bad.status);
        check!(
            bad.body.contains("What I will ask for is required"),
            "what named"
        );
        check!(
            bad.body
                .contains("Days must be a whole number of days from 7 to 120"),
            "days named"
        );
        check!(
            bad.body.contains("I will automate the weekly report"),
            "input kept"
        );

        let sid_id = person_id(&s.app, "sid@example.org").await?;
        let not_chain = eve
            .post_form("/asks", &[("what", "x"), ("asked_of", &sid_id.to_string())])
            .await?;
        check!(
            not_chain.status == 422
                && not_chain
                    .body
                    .contains("must be your manager or someone above them"),
            "only the chain: {}",
            not_chain.status
        );

        let made = eve
            .post_form(
                "/asks",
                &[
                    ("what", "Two days a month with the data team"),
                    ("want", "Continued learning"),
                    ("offer", "I will automate the weekly report"),
                    ("question_0", "What would make this work for the team?"),
                ],
            )
            .await?;
        check!(made.status == 303, "made: {}", made.status);
        let at = made.location.clone().unwrap_or_default();
        let at = at.split('?').next().unwrap_or_default().to_string();
        check!(at.starts_with("/asks/"), "to the ask: {at}");
        let page = eve.get(&at).await?;
        check!(
            page.body.contains("You asked Max Manager")
                && page.body.contains("Waiting for an answer"),
            "ask page"
        );

        let sid = s.client();
        sid.sign_in("sid@example.org", PASSWORD).await?;
        check!(
            sid.get(&at).await?.status == 404,
            "a colleague cannot see it"
        );
        let r = sid
            .post_form(&format!("{at}/answer"), &[("answer", "yes")])
            .await?;
        check!(r.status == 404, "a colleague cannot answer: {}", r.status);
        let ann = s.client();
        ann.sign_in("ann@example.org", PASSWORD).await?;
        check!(
            ann.get(&at).await?.status == 404,
            "a talent admin cannot see it"
        );

        let max = s.client();
        max.sign_in("max@example.org", PASSWORD).await?;
        let list = max.get("/asks").await?;
        check!(
            list.body
                .contains("Eve Employee: Two days a month with the data team"),
            "asked of the manager"
        );
        let r = max
            .post_form(&format!("{at}/again"), &[("note", "")])
            .await?;
        check!(r.status == 403, "only the asker asks again: {}", r.status);
        let r = max
            .post_form(&format!("{at}/answer"), &[("answer", "maybe")])
            .await?;
        check!(
            r.status == 422 && r.body.contains("Answer must be yes, partly or not_now"),
            "bad answer: {}",
            r.status
        );
        let r = max
            .post_form(
                &format!("{at}/answer"),
                &[("answer", "not_now"), ("note", "After the launch in May")],
            )
            .await?;
        check!(r.status == 303, "answered: {}", r.status);
        let r = max
            .post_form(&format!("{at}/answer"), &[("answer", "yes")])
            .await?;
        check!(r.status == 422, "answered twice: {}", r.status);

        let mine = eve.get("/asks").await?;
        check!(
            mine.body.contains("Not now") && mine.body.contains("After the launch in May"),
            "eve sees the answer"
        );
        let r = eve
            .post_form(&format!("{at}/again"), &[("note", "The launch is done")])
            .await?;
        check!(r.status == 303, "asked again: {}", r.status);
        let page = eve.get(&at).await?;
        check!(
            page.body.contains("2 times") && page.body.contains("Asked again"),
            "history shows it"
        );
        let r = eve.post_form(&format!("{at}/withdraw"), &[]).await?;
        check!(r.status == 303, "withdrawn: {}", r.status);
        check!(
            !max.get("/asks").await?.body.contains("Two days a month"),
            "withdrawn asks leave the manager's list"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_asks_api_answers_only_the_two_people() {
    each_backend(|s| async move {
        let c = s.client();
        let eve = ladderless_testkit::token_for(&s, "eve@example.org").await?;
        let max = ladderless_testkit::token_for(&s, "max@example.org").await?;
        let sid = ladderless_testkit::token_for(&s, "sid@example.org").await?;
        let bad = c
            .api_post_json("/api/v1/asks", &eve, &serde_json::json!({ "what": "", "wait_days": 400 }))
            .await?;
        check!(
            bad.status == 422 && bad.json()["fields"]["what"].is_string() && bad.json()["fields"]["wait_days"].is_string(),
            "bad: {} {}",
            bad.status,
            bad.body
        );
        let made = c
            .api_post_json("/api/v1/asks", &eve, &serde_json::json!({ "what": "A mentor in design", "questions": ["Who would you suggest I learn from?"] }))
            .await?;
        check!(made.status == 201, "made: {} {}", made.status, made.body);
        let v = made.json();
        check!(v["ask"]["asked_of_name"] == "Max Manager" && v["ask"]["status"] == "open", "{v}");
        check!(v["history"].as_array().is_some_and(|h| h.len() == 1), "{v}");
        let id = v["ask"]["id"].as_str().unwrap_or_default().to_string();
        check!(c.api_get(&format!("/api/v1/asks/{id}"), &sid).await?.status == 404, "colleague");
        let r = c.api_post_json(&format!("/api/v1/asks/{id}/withdraw"), &max, &serde_json::json!({})).await?;
        check!(r.status == 403, "the manager cannot withdraw it: {}", r.status);
        let r = c
            .api_post_json(&format!("/api/v1/asks/{id}/answer"), &max, &serde_json::json!({ "answer": "yes", "note": "Talk to Ida" }))
            .await?;
        check!(r.status == 200 && r.json()["ask"]["status"] == "yes", "answered: {}", r.body);
        let lists = c.api_get("/api/v1/asks", &max).await?.json();
        check!(lists["asked_of_me"].as_array().is_some_and(|a| a.len() == 1) && lists["mine"].as_array().is_some_and(Vec::is_empty), "{lists}");
        let r = c.api_post_json(&format!("/api/v1/asks/{id}/again"), &eve, &serde_json::json!({})).await?;
        check!(r.status == 422, "a yes is settled: {}", r.status);
        Ok(())
    })
    .await;
}
