//! Career-conversation guides: listed for everyone signed in, each with a practice round the
//! coach judges; nothing drafted is kept.

use ladderless_testkit::{PASSWORD, check, each_backend};

#[tokio::test]
async fn guides_are_listed_and_a_practice_round_is_judged() {
    each_backend(|s| async move {
        let c = s.client();
        let r = c.get("/coach/guides").await?;
        check!(
            r.status == 303 && r.location.as_deref().is_some_and(|l| l.starts_with("/login")),
            "signed out: {} {:?}",
            r.status,
            r.location
        );
        c.sign_in("eve@example.org", PASSWORD).await?;
        let list = c.get("/coach/guides").await?;
        check!(list.status == 200, "list: {}", list.status);
        for title in ["What they want from work", "Growth", "When their plan diverges"] {
            check!(list.body.contains(title), "list names {title}");
        }
        let page = c.get("/coach/guides/autonomy").await?;
        check!(page.status == 200, "guide: {}", page.status);
        check!(
            page.body.contains("Where would you like more say over how your work gets done?"),
            "guide shows its questions"
        );
        check!(!page.body.contains("ready to ask"), "no verdict before practising");
        let judged = c
            .get("/coach/guides/growth?q1=Do+you+want+a+promotion%3F&q2=What+would+you+like+to+learn+this+year%3F&q3=")
            .await?;
        check!(judged.status == 200, "practice: {}", judged.status);
        check!(judged.body.contains("1 of 2</strong> ready to ask"), "score of the round");
        check!(judged.body.contains("Assumes &quot;up&quot;") || judged.body.contains("Assumes &#34;up&#34;"), "assumes up flagged");
        check!(judged.body.contains("Do you want a promotion?"), "the draft is kept in the form");
        let none = c.get("/coach/guides/no-such-guide").await?;
        check!(none.status == 404, "unknown guide: {}", none.status);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_guides_api_lists_guides_and_judges_practice() {
    each_backend(|s| async move {
        let c = s.client();
        let t = ladderless_testkit::token_for(&s, "eve@example.org").await?;
        let r = c
            .http
            .get(format!("{}/api/v1/guides", c.base))
            .send()
            .await?;
        check!(r.status().as_u16() == 401, "no token: {}", r.status());
        let list = c.api_get("/api/v1/guides", &t).await?.json();
        let items = list["items"].as_array().cloned().unwrap_or_default();
        check!(items.len() >= 7, "{} guides", items.len());
        check!(
            items.iter().all(|g| g["questions"].as_array().is_some_and(|q| q.len() >= 3)),
            "each guide has questions"
        );
        let one = c.api_get("/api/v1/guides/networks", &t).await?;
        check!(one.status == 200 && one.json()["slug"] == "networks", "one: {}", one.body);
        let none = c.api_get("/api/v1/guides/nope", &t).await?;
        check!(none.status == 404, "unknown: {}", none.status);
        let body = serde_json::json!({ "questions": ["Do you want a promotion?", "Which parts of the business are you curious about?"] });
        let v = c.api_post_json("/api/v1/guides/growth/practice", &t, &body).await?.json();
        check!(v["good"] == 1, "one good: {v}");
        let first = &v["items"][0];
        check!(first["good"] == false, "first is not good: {first}");
        let pitfalls: Vec<&str> = first["pitfalls"]
            .as_array()
            .map(|a| a.iter().filter_map(|p| p["pitfall"].as_str()).collect())
            .unwrap_or_default();
        check!(pitfalls.contains(&"closed") && pitfalls.contains(&"assumes_up"), "{pitfalls:?}");
        check!(first["instead"].as_str().is_some_and(|s| s.ends_with('?')), "instead: {first}");
        for bad in [serde_json::json!({ "questions": [] }), serde_json::json!({ "questions": ["a?", "b?", "c?", "d?", "e?", "f?"] })] {
            let r = c.api_post_json("/api/v1/guides/growth/practice", &t, &bad).await?;
            check!(
                r.status == 422 && r.json()["fields"]["questions"].is_string(),
                "bad body {bad}: {} {}",
                r.status,
                r.body
            );
        }
        Ok(())
    })
    .await;
}
