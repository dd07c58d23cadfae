//! Erasure: only a talent admin erases, after a review naming what will go and the person's
//! name typed; then the name is gone from the directory and search.

use ladderless_testkit::{PASSWORD, check, each_backend, person_id};

#[tokio::test]
async fn only_a_talent_admin_erases_and_the_name_is_gone_from_search() {
    each_backend(|s| async move {
        let sid = person_id(&s.app, "sid@example.org").await?;
        let at = format!("/admin/people/{sid}/erase");
        for who in ["eve@example.org", "max@example.org", "sid@example.org"] {
            let c = s.client();
            c.sign_in(who, PASSWORD).await?;
            let r = c.get(&at).await?;
            check!(r.status == 403, "{who} review: {}", r.status);
            let r = c.post_form(&at, &[("confirm_name", "Sid Sibling")]).await?;
            check!(r.status == 403, "{who} erase: {}", r.status);
        }
        let ann = s.client();
        ann.sign_in("ann@example.org", PASSWORD).await?;
        let before = ann.get("/people?q=Sibling").await?;
        check!(before.body.contains("Sid Sibling"), "found before");
        let review = ann.get(&at).await?;
        check!(
            review.status == 200 && review.body.contains("What will happen"),
            "review: {}",
            review.status
        );
        check!(
            review.body.contains("Deleted") || review.body.contains("Anonymised"),
            "fates named"
        );
        let wrong = ann.post_form(&at, &[("confirm_name", "Sid")]).await?;
        check!(
            wrong.status == 422 && wrong.body.contains("The name typed must be"),
            "wrong name: {}",
            wrong.status
        );
        let done = ann
            .post_form(&at, &[("confirm_name", "  sid sibling ")])
            .await?;
        check!(done.status == 303, "erased: {}", done.status);
        let after = ann.get("/people?q=Sibling").await?;
        check!(!after.body.contains("Sid Sibling"), "gone from search");
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        check!(
            !eve.get("/people?q=Sid").await?.body.contains("Sid Sibling"),
            "gone for colleagues"
        );
        let again = ann.get(&at).await?;
        check!(again.body.contains("was erased on"), "already erased");
        let gone = s.client();
        let r = gone
            .post_form_raw(
                "/login",
                &[("email", "sid@example.org"), ("password", PASSWORD)],
            )
            .await?;
        check!(
            r.status != 303 || r.location.as_deref() == Some("/login"),
            "cannot sign in: {} {:?}",
            r.status,
            r.location
        );
        Ok(())
    })
    .await;
}
