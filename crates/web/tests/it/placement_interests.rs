//! Interest in placements through the core use cases on both databases: a note once per
//! person, only the owner answers, a decline needs a reason the person sees, acceptance goes
//! into the person's history and fills the last place, a confidential interest is invisible to
//! the manager, and only discoverable people are candidates.

use crate::career_owner_support::actor;
use ladderless_core::CoreError;
use ladderless_core::placements::PlacementInput;
use ladderless_domain::placement::InterestStatus;
use ladderless_testkit::{check, each_backend};

fn open(title: &str, places: &str) -> PlacementInput {
    PlacementInput {
        title: title.into(),
        description: "Help the platform team move the billing jobs to the new queue.".into(),
        kind: "gig".into(),
        status: "open".into(),
        offers_learning: "strong".into(),
        hours_per_week: "4".into(),
        duration_weeks: "3".into(),
        location: "Leeds".into(),
        work_mode: "remote".into(),
        places: places.into(),
        ..Default::default()
    }
}

fn field_of(e: &Result<impl std::fmt::Debug, CoreError>, field: &str) -> bool {
    matches!(e, Err(CoreError::Invalid(f)) if f.get(field).is_some())
}

#[tokio::test]
async fn interests_are_answered_by_the_owner_and_kept_from_whoever_should_not_see_them() {
    each_backend(|s| async move {
        let app = &s.app;
        let cleo = actor(&s, "cleo@example.org").await?;
        let eve = actor(&s, "eve@example.org").await?;
        let sid = actor(&s, "sid@example.org").await?;
        let nia = actor(&s, "nia@example.org").await?;
        let mut max = actor(&s, "max@example.org").await?;
        max.is_manager = true;

        let gig = app
            .create_placement(&cleo, &open("Queue move", "1"))
            .await?;

        // Notes are checked; the owner cannot apply to their own placement.
        check!(
            field_of(&app.express_interest(&eve, gig.id, "", false).await, "note"),
            "blank note refused"
        );
        check!(
            field_of(
                &app.express_interest(&cleo, gig.id, "Me!", false).await,
                "placement"
            ),
            "own placement refused"
        );

        let e = app
            .express_interest(
                &eve,
                gig.id,
                "Your billing jobs would run on time; I moved our own last spring.",
                false,
            )
            .await?;
        let s_int = app
            .express_interest(
                &sid,
                gig.id,
                "I would like to learn how the queue works.",
                true,
            )
            .await?;
        check!(
            field_of(
                &app.express_interest(&eve, gig.id, "Again", false).await,
                "placement"
            ),
            "second interest refused"
        );

        // Nobody but the owner sees who is interested or answers; nobody else takes mine back.
        check!(
            matches!(
                app.placement_interests(&eve, gig.id).await,
                Err(CoreError::Forbidden)
            ),
            "eve cannot list"
        );
        check!(
            matches!(
                app.decide_interest(&eve, s_int.id, false, "no").await,
                Err(CoreError::NotFound)
            ),
            "eve cannot decide"
        );
        check!(
            matches!(
                app.withdraw_interest(&sid, e.id).await,
                Err(CoreError::NotFound)
            ),
            "sid cannot withdraw eve's"
        );
        let listed = app.placement_interests(&cleo, gig.id).await?;
        check!(listed.len() == 2, "owner sees both, got {}", listed.len());

        // The manager is informed of Eve's interest, never of Sid's confidential one.
        let team = app.team_interests(&max).await?;
        check!(
            team.iter().any(|t| t.interest.id == e.id),
            "manager informed of eve"
        );
        check!(
            !team.iter().any(|t| t.interest.id == s_int.id),
            "confidential kept from manager"
        );
        check!(
            app.team_interests(&nia).await?.is_empty(),
            "not a manager: nothing"
        );
        app.set_interest_confidential(&sid, s_int.id, false).await?;
        check!(
            app.team_interests(&max)
                .await?
                .iter()
                .any(|t| t.interest.id == s_int.id),
            "shared once sid says so"
        );

        // A decline needs a reason, which the person reads; acceptance fills the only place.
        check!(
            field_of(
                &app.decide_interest(&cleo, s_int.id, false, "  ").await,
                "reason"
            ),
            "decline needs a reason"
        );
        app.decide_interest(
            &cleo,
            s_int.id,
            false,
            "We need someone who has run the queue before.",
        )
        .await?;
        let mine = app.my_interests(&sid).await?;
        check!(
            mine.len() == 1
                && mine[0].interest.status == InterestStatus::Declined
                && mine[0].interest.reason.contains("run the queue"),
            "sid reads the reason"
        );
        app.decide_interest(&cleo, e.id, true, "").await?;
        let after = app.placement_detail(&cleo, gig.id).await?.placement;
        check!(
            after.status.code() == "filled",
            "last place taken fills it, got {:?}",
            after.status
        );
        let history = app.placement_history_of(&eve, eve.id()).await?;
        check!(
            history.len() == 1 && history[0].title == "Queue move",
            "accepted placement in eve's history"
        );
        check!(
            app.placement_history_of(&sid, eve.id()).await?.is_empty(),
            "private history hidden from sid"
        );
        check!(
            field_of(
                &app.decide_interest(&cleo, e.id, true, "").await,
                "interest"
            ),
            "answered twice refused"
        );
        Ok(())
    })
    .await
}

#[tokio::test]
async fn only_discoverable_people_are_candidates_and_invitations_become_interests() {
    each_backend(|s| async move {
        let app = &s.app;
        let cleo = actor(&s, "cleo@example.org").await?;
        let eve = actor(&s, "eve@example.org").await?;
        let sid = actor(&s, "sid@example.org").await?;
        let gig = app
            .create_placement(&cleo, &open("Runbook tidy-up", "2"))
            .await?;

        check!(
            app.placement_candidates(&cleo, gig.id).await?.is_empty(),
            "nobody discoverable by default"
        );
        check!(
            matches!(
                app.placement_candidates(&eve, gig.id).await,
                Err(CoreError::Forbidden)
            ),
            "only the owner"
        );
        check!(
            field_of(
                &app.save_my_placement_profile(&eve, true, "99").await,
                "hours_available"
            ),
            "hours bounded"
        );
        app.save_my_placement_profile(&eve, true, "6").await?;
        // A candidate needs a positive match; Eve ranks continued learning first.
        app.save_factors(
            &eve,
            &ladderless_core::compass::FactorsInput {
                ranking: ["learning", "meaning", "autonomy", "status"]
                    .map(String::from)
                    .to_vec(),
                met: None,
                step: None,
            },
        )
        .await?;
        app.set_compass_audience(&eve, "factors", "everyone")
            .await?;
        let c = app.placement_candidates(&cleo, gig.id).await?;
        check!(
            c.iter().any(|c| c.person.id == eve.id()),
            "eve is a candidate: {:?}",
            c.iter().map(|c| &c.person.name).collect::<Vec<_>>()
        );
        check!(
            !c.iter().any(|c| c.person.id == sid.id()),
            "undiscoverable sid never appears"
        );

        app.invite_to_placement(
            &cleo,
            gig.id,
            eve.id(),
            "Your runbooks are the clearest we have.",
        )
        .await?;
        check!(
            field_of(
                &app.invite_to_placement(&cleo, gig.id, eve.id(), "again")
                    .await,
                "person"
            ),
            "invited once"
        );
        check!(
            !app.placement_candidates(&cleo, gig.id)
                .await?
                .iter()
                .any(|c| c.person.id == eve.id()),
            "invited people leave the list"
        );
        let mine = app.my_interests(&eve).await?;
        check!(
            mine.len() == 1 && mine[0].interest.status == InterestStatus::Invited,
            "eve sees the invitation"
        );
        let i = app
            .express_interest(&eve, gig.id, "Happy to: which runbook hurts most?", false)
            .await?;
        check!(
            i.status == InterestStatus::Pending && i.note.contains("runbook"),
            "answer turns it into an interest"
        );
        Ok(())
    })
    .await
}
