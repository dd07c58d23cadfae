//! An open-role placement names the role it fills, and accepting someone records their
//! observed move into it.

use ladderless_testkit::{check, each_backend, person_id, signed_in};

#[tokio::test]
async fn accepting_someone_for_an_open_role_records_their_move_into_it() {
    each_backend(|s| async move {
        let app = &s.app;
        let max = signed_in(&s, "max@example.org").await?;
        max.get("/placements/new").await?;
        let fields = |role: &'static str, code: &'static str| {
            vec![
                ("title", "Lead the platform team"),
                (
                    "description",
                    "Run the platform team of six from the new year.",
                ),
                ("kind", "open_role"),
                ("status", "open"),
                ("hours_per_week", "37"),
                ("duration_weeks", "52"),
                ("work_mode", "hybrid"),
                ("location", "Leeds"),
                ("places", "1"),
                ("role", role),
                ("role_code", code),
            ]
        };
        let bad = max
            .post_form("/placements", &fields("Chief Dragon Tamer", ""))
            .await?;
        check!(
            bad.status == 422 && bad.body.contains("Role is not a role title we know"),
            "an unknown role is a field error: {}",
            bad.status
        );
        check!(
            bad.body.contains("Chief Dragon Tamer"),
            "the typed role is kept"
        );
        let ok = max
            .post_form(
                "/placements",
                &fields("Computer and Information Systems Managers", ""),
            )
            .await?;
        check!(ok.status == 303, "posted: {} {}", ok.status, ok.body);
        let pid: ladderless_store::Uuid = ok
            .location
            .as_deref()
            .and_then(|l| {
                l.trim_start_matches("/placements/")
                    .split(['?', '#'])
                    .next()
            })
            .unwrap_or_default()
            .parse()?;
        let pid = ladderless_domain::ids::PlacementId::from_uuid(pid);
        check!(
            app.placement_role(pid).await?.map(|r| r.0) == Some("11-3021.00".into()),
            "the typed title found its role"
        );
        let edit = max.get(&format!("/placements/{}/edit", pid.uuid())).await?;
        check!(
            edit.body
                .contains("value=\"Computer and Information Systems Managers\""),
            "the edit form shows the role"
        );

        let sid = crate::career_owner_support::actor(&s, "sid@example.org").await?;
        let max_a = crate::career_owner_support::actor(&s, "max@example.org").await?;
        let interest = app
            .express_interest(
                &sid,
                pid,
                "I have run the team's on-call for two years.",
                false,
            )
            .await?;
        let before = app.store.observed_moves().await?;
        app.decide_interest(&max_a, interest.id, true, "").await?;
        let sid_id = person_id(app, "sid@example.org").await?;
        let history = app.store.role_history(sid_id).await?;
        check!(
            history
                .first()
                .is_some_and(|h| h.role_code.as_deref() == Some("11-3021.00")),
            "Sid's current role is the open role: {history:?}"
        );
        check!(
            app.store.person(sid_id).await?.role_code.as_deref() == Some("11-3021.00"),
            "and his profile says so"
        );
        let after = app.store.observed_moves().await?;
        let moved = |m: &Vec<(String, String)>| {
            m.iter()
                .filter(|(a, b)| a == "15-1252.00" && b == "11-3021.00")
                .count()
        };
        check!(
            moved(&after) == moved(&before) + 1,
            "one more observed move from developer to manager"
        );
        check!(
            !app.store.placement_history(sid_id).await?.is_empty(),
            "and the placement is in his history"
        );
        Ok(())
    })
    .await;
}
