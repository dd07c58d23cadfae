//! Placements through the core use cases on both databases: who may post, who may see a draft,
//! who may change or delete one, field errors naming the field, and browsing with search.

use crate::career_owner_support::actor;
use anyhow::Context;
use ladderless_core::CoreError;
use ladderless_core::placements::{ANYONE_POSTS, PlacementInput, SkillInput};
use ladderless_store::placements::PlacementQuery;
use ladderless_testkit::{check, each_backend};

fn input(title: &str, status: &str) -> PlacementInput {
    PlacementInput {
        title: title.into(),
        description: "Two weeks cleaning the billing data with the finance team.".into(),
        kind: "project".into(),
        status: status.into(),
        offers_autonomy: "strong".into(),
        hours_per_week: "8".into(),
        duration_weeks: "6".into(),
        location: "Leeds".into(),
        work_mode: "hybrid".into(),
        places: "1".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn placements_are_posted_browsed_and_kept_to_their_owner() {
    each_backend(|s| async move {
        let eve = actor(&s, "eve@example.org").await?;
        let sid = actor(&s, "sid@example.org").await?;
        let ann = {
            let mut a = actor(&s, "ann@example.org").await?;
            a.person.is_talent_admin = true;
            a
        };
        let app = &s.app;
        let open = app
            .create_placement(&eve, &input("Billing data sprint", "open"))
            .await?;
        let draft = app
            .create_placement(&eve, &input("Quiet draft", ""))
            .await?;

        // Sid sees the open one, never the draft; cannot change or delete either.
        check!(
            app.placement_detail(&sid, open.id).await.is_ok(),
            "open is visible"
        );
        check!(
            matches!(
                app.placement_detail(&sid, draft.id).await,
                Err(CoreError::NotFound)
            ),
            "draft hidden"
        );
        check!(
            app.placement_detail(&ann, draft.id).await.is_ok(),
            "talent admin sees drafts"
        );
        check!(
            matches!(
                app.update_placement(&sid, open.id, &input("Mine now", "open"))
                    .await,
                Err(CoreError::Forbidden)
            ),
            "sid cannot edit"
        );
        check!(
            matches!(
                app.delete_placement(&sid, open.id).await,
                Err(CoreError::Forbidden)
            ),
            "sid cannot delete"
        );
        check!(
            matches!(
                app.delete_placement(&sid, draft.id).await,
                Err(CoreError::NotFound)
            ),
            "sid cannot find the draft"
        );

        // Browsing lists open placements only, and search finds words and word starts.
        let all = app
            .browse_placements(&sid, &PlacementQuery::default(), 50, 0)
            .await?;
        check!(
            all.len() == 1 && all[0].id == open.id,
            "only the open one: {all:?}"
        );
        let q = PlacementQuery {
            q: "bill".into(),
            ..Default::default()
        };
        check!(
            app.browse_placements(&sid, &q, 50, 0).await?.len() == 1,
            "prefix search"
        );
        let q = PlacementQuery {
            q: "nothing-like-it".into(),
            ..Default::default()
        };
        check!(
            app.browse_placements(&sid, &q, 50, 0).await?.is_empty(),
            "no match"
        );

        // The owner changes it; a status move that is not allowed is a field error.
        let changed = app
            .update_placement(&eve, open.id, &input("Billing data month", "filled"))
            .await?;
        check!(changed.title == "Billing data month", "updated");
        match app
            .update_placement(&eve, draft.id, &input("Quiet draft", "filled"))
            .await
        {
            Err(CoreError::Invalid(e)) => check!(e.get("status").is_some(), "{e:?}"),
            other => anyhow::bail!("expected a status error, got {other:?}"),
        }

        // Bad input names each field.
        let mut bad = input("", "open");
        bad.hours_per_week = "99".into();
        bad.skills_needed = vec![SkillInput {
            label: "Not a real skill at all".into(),
            level: "9".into(),
            ..Default::default()
        }];
        bad.directions = vec!["not-an-id".into()];
        match app.create_placement(&eve, &bad).await {
            Err(CoreError::Invalid(e)) => {
                for f in [
                    "title",
                    "hours_per_week",
                    "skills_needed[0].skill",
                    "skills_needed[0].level",
                    "directions[0]",
                ] {
                    check!(e.get(f).is_some(), "{f} missing from {e:?}");
                }
            }
            other => anyhow::bail!("expected field errors, got {other:?}"),
        }

        // With the organisation setting off, an employee may no longer post; a talent admin may.
        app.store
            .set_setting(ANYONE_POSTS, "false", app.now())
            .await?;
        check!(
            matches!(
                app.create_placement(&sid, &input("Gig", "open")).await,
                Err(CoreError::Forbidden)
            ),
            "setting off"
        );
        check!(
            app.create_placement(&ann, &input("Gig", "open"))
                .await
                .is_ok(),
            "admin still posts"
        );
        app.delete_placement(&eve, draft.id).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_placements_api_posts_lists_and_refuses_others() {
    each_backend(|s| async move {
        let eve = ladderless_testkit::token_for(&s, "eve@example.org").await?;
        let sid = ladderless_testkit::token_for(&s, "sid@example.org").await?;
        let c = s.client();
        let body = serde_json::json!({
            "title": "Billing data sprint", "kind": "gig", "status": "open",
            "hours_per_week": "4", "duration_weeks": "2", "places": "1",
            "work_mode": "remote", "offers_learning": "strong",
        });
        let r = c.api_post_json("/api/v1/placements", &eve, &body).await?;
        check!(r.status == 201, "create: {} {}", r.status, r.body);
        let id = r.json()["id"].as_str().unwrap_or_default().to_string();
        let r = c.api_get(&format!("/api/v1/placements/{id}"), &sid).await?;
        check!(
            r.status == 200 && r.json()["offers_learning"] == "strong",
            "get: {}",
            r.body
        );
        let r = c
            .api_get("/api/v1/placements?q=billing&kind=gig", &sid)
            .await?;
        check!(
            r.status == 200 && r.json()["items"].as_array().map(Vec::len) == Some(1),
            "list: {}",
            r.body
        );
        let r = c
            .api_get("/api/v1/placements?kind=opportunity", &sid)
            .await?;
        check!(
            r.status == 422 && r.body.contains("kind"),
            "bad kind: {} {}",
            r.status,
            r.body
        );

        let r = ladderless_testkit::send(
            &c,
            "PUT",
            &format!("/api/v1/placements/{id}"),
            &sid,
            Some(body.clone()),
        )
        .await?;
        check!(
            r.status == 403,
            "someone else cannot change it: {}",
            r.status
        );
        let mut changed = body.clone();
        changed["title"] = "Billing data fortnight".into();
        let r = ladderless_testkit::send(
            &c,
            "PUT",
            &format!("/api/v1/placements/{id}"),
            &eve,
            Some(changed),
        )
        .await?;
        check!(
            r.status == 200 && r.json()["title"] == "Billing data fortnight",
            "owner changes it: {}",
            r.body
        );

        let mut draft = body.clone();
        draft["status"] = "draft".into();
        let r = c.api_post_json("/api/v1/placements", &eve, &draft).await?;
        let draft_id = r.json()["id"].as_str().unwrap_or_default().to_string();
        let r = c
            .api_get(&format!("/api/v1/placements/{draft_id}"), &sid)
            .await?;
        check!(r.status == 404, "a draft stays private: {}", r.status);

        let mut bad = body.clone();
        bad["hours_per_week"] = "80".into();
        bad["title"] = "".into();
        let r = c.api_post_json("/api/v1/placements", &eve, &bad).await?;
        check!(
            r.status == 422 && r.body.contains("hours_per_week") && r.body.contains("title"),
            "field errors: {} {}",
            r.status,
            r.body
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn recommendations_explain_themselves_and_not_for_me_demotes_at_once() {
    each_backend(|s| async move {
        let eve = actor(&s, "eve@example.org").await?;
        let sid = actor(&s, "sid@example.org").await?;
        let app = &s.app;
        let sql = app
            .search_skills("SQL", 1)
            .await?
            .pop()
            .context("a skill")?;
        let skill = ladderless_store::skills::PersonSkill {
            skill_id: sql.id.clone(),
            level: 3,
            want_to_grow: false,
            evidence: String::new(),
        };
        app.store
            .save_person_skill(sid.id(), &skill, &[], app.now())
            .await?;
        let mut fits = input("Reporting clean-up", "open");
        fits.skills_needed = vec![SkillInput {
            skill_id: sql.id.clone(),
            level: "3".into(),
            ..Default::default()
        }];
        let fits = app.create_placement(&eve, &fits).await?;
        let other = app
            .create_placement(&eve, &input("Office move", "open"))
            .await?;
        let recs = app.recommended_placements(&sid, 10).await?;
        check!(
            recs.len() == 2 && recs[0].placement.id == fits.id,
            "the fitting one first"
        );
        check!(
            recs[0].score == recs[0].reasons.iter().map(|r| r.1).sum::<i32>(),
            "reasons add up"
        );
        check!(
            recs[0].reasons.iter().any(|r| r.0.contains(&sql.label)),
            "names the skill: {:?}",
            recs[0].reasons
        );
        check!(
            app.recommended_placements(&eve, 10).await?.is_empty(),
            "never one's own"
        );
        app.not_for_me(&sid, fits.id, "wrong_skills").await?;
        let recs = app.recommended_placements(&sid, 10).await?;
        check!(recs[0].placement.id == other.id, "demoted at once");
        check!(
            matches!(
                app.not_for_me(&sid, fits.id, "meh").await,
                Err(CoreError::Invalid(_))
            ),
            "reason checked"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn absurd_page_numbers_and_hours_are_answered_not_crashed_on() {
    each_backend(|s| async move {
        let eve = ladderless_testkit::token_for(&s, "eve@example.org").await?;
        let c = s.client();
        // found by Schemathesis: (page - 1) * 50 overflowed and answered 500
        for q in [
            "page=352524268557098944&max_hours=-1303503492",
            "page=-5",
            "page=9223372036854775807",
        ] {
            let r = c.api_get(&format!("/api/v1/placements?{q}"), &eve).await?;
            check!(r.status == 200, "{q}: {}", r.status);
        }
        let r = c
            .api_get("/api/v1/people?page=9223372036854775807", &eve)
            .await?;
        check!(r.status == 200, "people: {}", r.status);
        Ok(())
    })
    .await
}
