//! A placement saved while window shopping becomes a growth item of one's plan in one click:
//! once only, and only in one's own plan.

use ladderless_domain::plan::ItemKind;
use ladderless_testkit::{check, each_backend, signed_in};

fn plan_input(title: &str) -> ladderless_core::plans::PlanInput {
    ladderless_core::plans::PlanInput {
        title: title.into(),
        cadence: "quarterly".into(),
        sharing: "private".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_saved_placement_is_added_to_my_plan_once_and_never_to_someone_elses() {
    each_backend(|s| async move {
        let app = &s.app;
        let eve = crate::career_owner_support::actor(&s, "eve@example.org").await?;
        let sid_a = crate::career_owner_support::actor(&s, "sid@example.org").await?;
        let input = ladderless_core::placements::PlacementInput {
            title: "Shadow the release manager".into(),
            description: "Sit in on two release weeks and run the third.".into(),
            kind: "shadowing".into(),
            status: "open".into(),
            hours_per_week: "3".into(),
            duration_weeks: "3".into(),
            work_mode: "remote".into(),
            places: "1".into(),
            ..Default::default()
        };
        let p = app.create_placement(&eve, &input).await?;
        let pid = p.id.uuid().to_string();
        let add = format!("/placements/{pid}/add-to-plan");

        let sid = signed_in(&s, "sid@example.org").await?;
        sid.get("/placements/shop").await?;
        let saved = sid
            .post_form(
                "/placements/shop",
                &[("kind", "placement"), ("key", &pid), ("reaction", "save")],
            )
            .await?;
        check!(saved.status == 303, "saved: {}", saved.status);

        // No plan yet: the page says so and links to starting one; a post is refused.
        let shop = sid.get("/placements/shop").await?;
        check!(
            shop.body.contains("Shadow the release manager"),
            "listed as saved"
        );
        check!(
            shop.body.contains("href=\"/plans/new\"") && !shop.body.contains("Add to my plan"),
            "no plan: a link to start one instead of the button"
        );
        let refused = sid.post_form(&add, &[("back", "shop")]).await?;
        check!(refused.status == 422, "no plan: {}", refused.status);
        check!(refused.body.contains("no plan yet"), "says why");

        // With two plans, the person chooses; the newest is offered first.
        let older = app
            .create_plan(&sid_a, &plan_input("Towards release lead"))
            .await?;
        let newer = app.create_plan(&sid_a, &plan_input("This year")).await?;
        let mine = sid.get("/placements/mine").await?;
        check!(
            mine.body.contains("Add to my plan")
                && mine.body.contains(&format!("value=\"{}\"", older.id)),
            "My placements offers the button and the plans"
        );
        let older_id = older.id.to_string();
        let first = sid
            .post_form(&add, &[("plan", &older_id), ("back", "mine")])
            .await?;
        check!(
            first.status == 303
                && first
                    .location
                    .as_deref()
                    .is_some_and(|l| l.contains("notice=added_to_plan")),
            "added: {} {:?}",
            first.status,
            first.location
        );
        let again = sid
            .post_form(&add, &[("plan", &older_id), ("back", "mine")])
            .await?;
        check!(
            again
                .location
                .as_deref()
                .is_some_and(|l| l.contains("notice=already_in_plan")),
            "a second click says it is there: {:?}",
            again.location
        );
        let items = app.store.plan_items(older.id).await?;
        let held: Vec<_> = items
            .iter()
            .filter(|i| i.kind == ItemKind::Placement && i.reference == pid)
            .collect();
        check!(held.len() == 1, "one growth item, not two: {items:?}");
        check!(
            held[0].label == "Shadow the release manager",
            "labelled with the title"
        );
        check!(
            app.store.plan_items(newer.id).await?.is_empty(),
            "the other plan is untouched"
        );
        let page = sid.get(&format!("/plans/{}", older.id)).await?;
        check!(
            page.body.contains(&format!("/placements/{pid}")),
            "the plan links to the placement"
        );
        let mine = sid.get("/placements/mine").await?;
        check!(
            mine.body.contains("Towards release lead</a>"),
            "My placements says which plan holds it"
        );

        // Someone else's plan cannot take it.
        let eve_plan = app.create_plan(&eve, &plan_input("Eve's own")).await?;
        let eve_id = eve_plan.id.to_string();
        let forbidden = sid
            .post_form(&add, &[("plan", &eve_id), ("back", "shop")])
            .await?;
        check!(
            forbidden.status == 403 || forbidden.status == 404,
            "someone else's plan: {}",
            forbidden.status
        );
        check!(
            app.store.plan_items(eve_plan.id).await?.is_empty(),
            "Eve's plan is unchanged"
        );
        let junk = sid
            .post_form(&add, &[("plan", "not-a-plan"), ("back", "shop")])
            .await?;
        check!(junk.status == 422, "a malformed plan id: {}", junk.status);
        Ok(())
    })
    .await;
}
