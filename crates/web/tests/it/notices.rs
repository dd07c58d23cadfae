//! Notices after a redirect: a known code shows its sentence, anything else shows nothing.

use ladderless_testkit::{PASSWORD, check, each_backend};

#[tokio::test]
async fn a_known_notice_shows_its_sentence_and_an_unknown_one_nothing() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("eve@example.org", PASSWORD).await?;
        let r = c.get("/plans?notice=plan_deleted").await?;
        check!(r.status == 200, "status {}", r.status);
        check!(
            r.body
                .contains("<p class=\"notice\" role=\"status\">Plan deleted.</p>"),
            "known notice shown"
        );
        for code in ["nonsense", "%3Cscript%3E", "Plan%20deleted.", ""] {
            let r = c.get(&format!("/plans?notice={code}")).await?;
            check!(r.status == 200, "{code}: status {}", r.status);
            check!(!r.body.contains("class=\"notice\""), "{code}: no notice");
        }
        Ok(())
    })
    .await;
}
