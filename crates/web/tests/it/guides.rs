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
