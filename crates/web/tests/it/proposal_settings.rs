//! The organisation's proposal settings (days before "ask again", talent admins reading
//! proposals), set by talent admins on the Admin page or through the API; and the way to a
//! sponsor's record from a person's page for those allowed to read it.

use crate::career_owner_support;

use career_owner_support::{excerpt, send, signed_in, token_for};
use ladderless_core::settings::ProposalSettings;
use ladderless_testkit::{check, each_backend, person_id};
use serde_json::json;

#[tokio::test]
async fn talent_admins_set_the_proposal_settings_and_nobody_else_can() {
    each_backend(|s| async move {
        let ann = signed_in(&s, "ann@example.org").await?;
        let admin = ann.get("/admin").await?;
        check!(
            admin.status == 200
                && admin
                    .body
                    .contains("name=\"ask_again_days\" inputmode=\"numeric\" value=\"7\""),
            "the default is shown: {}",
            excerpt(&admin.body)
        );
        let bad = ann
            .post_form("/admin/settings", &[("ask_again_days", "a week")])
            .await?;
        check!(
            bad.status == 422
                && bad
                    .body
                    .contains("Days must be a whole number of days from 0 (never prompt) to 90")
                && bad.body.contains("value=\"a week\""),
            "field error, input kept: {}",
            bad.status
        );
        let ok = ann
            .post_form(
                "/admin/settings",
                &[("ask_again_days", "3"), ("talent_admins_see", "1")],
            )
            .await?;
        check!(
            ok.status == 303,
            "save: {} {}",
            ok.status,
            excerpt(&ok.body)
        );
        check!(
            s.app.proposal_settings().await?
                == ProposalSettings {
                    ask_again_days: 3,
                    talent_admins_see: true
                },
            "stored"
        );
        check!(
            ann.get("/admin?notice=settings_saved")
                .await?
                .body
                .contains("Settings saved."),
            "notice"
        );
        let audit = s
            .app
            .store
            .audit_entries(Some("settings_change"), 10, 0)
            .await?;
        check!(
            audit.len() == 1 && audit[0].detail.contains("ask_again_days=3"),
            "audited: {audit:?}"
        );

        let eve = signed_in(&s, "eve@example.org").await?;
        check!(
            eve.post_form("/admin/settings", &[("ask_again_days", "1")])
                .await?
                .status
                == 403,
            "an employee cannot change them"
        );
        let api = s.client();
        let (ann_t, eve_t) = (
            token_for(&s, "ann@example.org").await?,
            token_for(&s, "eve@example.org").await?,
        );
        check!(
            send(&api, "GET", "/api/v1/settings/proposals", &eve_t, None)
                .await?
                .status
                == 403,
            "nor read them through the API"
        );
        check!(
            send(
                &api,
                "PUT",
                "/api/v1/settings/proposals",
                &eve_t,
                Some(json!({"ask_again_days": 1}))
            )
            .await?
            .status
                == 403,
            "nor write them"
        );
        let r = send(&api, "GET", "/api/v1/settings/proposals", &ann_t, None).await?;
        check!(
            r.status == 200 && r.json() == json!({"ask_again_days": 3, "talent_admins_see": true}),
            "read: {}",
            r.body
        );
        let r = send(
            &api,
            "PUT",
            "/api/v1/settings/proposals",
            &ann_t,
            Some(json!({"ask_again_days": 91})),
        )
        .await?;
        check!(
            r.status == 422 && r.json()["fields"]["ask_again_days"].is_string(),
            "out of range: {}",
            r.body
        );
        let r = send(
            &api,
            "PUT",
            "/api/v1/settings/proposals",
            &ann_t,
            Some(json!({"talent_admins_see": false})),
        )
        .await?;
        check!(
            r.status == 200 && r.json() == json!({"ask_again_days": 3, "talent_admins_see": false}),
            "a missing field is kept: {}",
            r.body
        );
        check!(
            s.app.proposal_settings().await?
                == ProposalSettings {
                    ask_again_days: 3,
                    talent_admins_see: false
                },
            "stored after the API"
        );
        check!(
            s.app
                .store
                .audit_entries(Some("settings_change"), 10, 0)
                .await?
                .len()
                == 2,
            "each change audited"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_persons_page_leads_to_their_sponsor_record_for_those_who_may_read_it() {
    each_backend(|s| async move {
        let max = person_id(&s.app, "max@example.org").await?;
        let link = format!("href=\"/sponsors/{max}\"");
        for (email, shown) in [
            ("max@example.org", true),
            ("cleo@example.org", true),
            ("ann@example.org", true),
            ("sid@example.org", false),
            ("eve@example.org", false),
        ] {
            let page = signed_in(&s, email)
                .await?
                .get(&format!("/people/{max}"))
                .await?;
            check!(
                page.status == 200 && page.body.contains(&link) == shown,
                "{email}: link shown {shown}"
            );
        }
        Ok(())
    })
    .await;
}
