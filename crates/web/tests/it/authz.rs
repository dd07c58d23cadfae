//! Authorisation: what each person may see and change, page by page and route by route.

use ladderless_domain::org::Audience;
use ladderless_testkit::{PASSWORD, check, each_backend, person_id, token_for};

#[tokio::test]
async fn employees_are_denied_admin_pages_and_routes() {
    each_backend(|s| async move {
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        for path in [
            "/admin",
            "/admin/import",
            "/admin/audit",
            "/admin/catalogue",
        ] {
            let r = eve.get(path).await?;
            check!(
                r.status == 403 && r.body.contains("Not allowed"),
                "{path}: {}",
                r.status
            );
        }
        let sid = person_id(&s.app, "sid@example.org").await?;
        eve.get("/").await?;
        check!(
            eve.post_form(
                &format!("/admin/people/{sid}/roles"),
                &[("talent_admin", "on")]
            )
            .await?
            .status
                == 403,
            "grant roles"
        );
        check!(
            eve.post_form(
                "/admin/catalogue/roles",
                &[("title", "X"), ("description", "")]
            )
            .await?
            .status
                == 403,
            "add role"
        );
        check!(
            eve.post_form(
                "/admin/catalogue/skills",
                &[("label", "X"), ("description", "")]
            )
            .await?
            .status
                == 403,
            "add skill"
        );
        check!(
            !s.app.store.person(sid).await?.is_talent_admin,
            "nothing changed"
        );
        let t = token_for(&s, "eve@example.org").await?;
        let imp = eve
            .api_post_body(
                "/api/v1/imports",
                &t,
                "text/csv",
                b"employee_id,name,email\nX1,X,x@x.org\n".to_vec(),
            )
            .await?;
        check!(
            imp.status == 403 && imp.json()["error"] == "forbidden",
            "API import: {}",
            imp.status
        );
        check!(
            eve.api_get("/api/v1/imports", &t).await?.status == 403,
            "API import list"
        );
        let role = eve
            .api_post_json(
                "/api/v1/roles",
                &t,
                &serde_json::json!({"title": "Chief Fun Officer"}),
            )
            .await?;
        check!(role.status == 403, "API role: {}", role.status);
        let skill = eve
            .api_post_json(
                "/api/v1/skills",
                &t,
                &serde_json::json!({"label": "Juggling"}),
            )
            .await?;
        check!(skill.status == 403, "API skill: {}", skill.status);
        check!(
            s.app.store.person_by_email("x@x.org").await?.is_none(),
            "nobody imported"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn skills_are_private_until_shared_and_then_only_with_the_chosen_audience() {
    each_backend(|s| async move {
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        // Eve holds a skill that nobody else may see yet.
        s.app
            .store
            .apply_batch(
                &ladderless_store::import::Batch {
                    skills: vec![ladderless_store::import::NewSkill {
                        person_id: eve_id,
                        skill_id: python_skill(&s.app),
                        level: 4,
                        want_to_grow: true,
                    }],
                    ..Default::default()
                },
                s.app.now(),
            )
            .await?;
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        let viewers = [
            ("sid@example.org", "peer"),
            ("max@example.org", "manager"),
            ("ann@example.org", "admin"),
            ("cleo@example.org", "skip-level"),
        ];
        let mut clients = Vec::new();
        for (email, who) in viewers {
            let c = s.client();
            c.sign_in(email, PASSWORD).await?;
            clients.push((c, who, token_for(&s, email).await?));
        }
        let page = format!("/people/{eve_id}");
        let api = format!("/api/v1/people/{eve_id}");
        let own = eve.get(&page).await?;
        check!(own.body.contains("Python"), "the owner sees their skills");
        for (audience, can_see) in [
            (Audience::Private, vec![]),
            (Audience::Manager, vec!["manager"]),
            (Audience::TalentTeam, vec!["manager", "admin"]),
            (
                Audience::Everyone,
                vec!["peer", "manager", "admin", "skip-level"],
            ),
        ] {
            eve.get(&page).await?;
            let r = eve
                .post_form(
                    "/people/me/visibility",
                    &[("section", "skills"), ("audience", audience.code())],
                )
                .await?;
            check!(r.status == 303, "set {audience:?}: {}", r.status);
            for (c, who, token) in &clients {
                let html = c.get(&page).await?;
                let json = c.api_get(&api, token).await?.json();
                let sees = can_see.contains(who);
                check!(
                    html.body.contains("Python") == sees,
                    "{who} page with {audience:?}: expected visible={sees}"
                );
                check!(
                    json["skills"].is_array() == sees,
                    "{who} API with {audience:?}: expected visible={sees}"
                );
                let found = c
                    .get("/people?q=python")
                    .await?
                    .body
                    .contains("Eve Employee");
                check!(
                    found == (audience == Audience::Everyone),
                    "{who} search with {audience:?}: found={found}"
                );
            }
        }
        Ok(())
    })
    .await;
}

fn python_skill(app: &ladderless_core::App) -> String {
    app.catalogue.search_skills("python", 1)[0].id.clone()
}

#[tokio::test]
async fn role_history_is_for_the_person_their_manager_and_talent_admins() {
    each_backend(|s| async move {
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        for (email, sees) in [
            ("eve@example.org", true),
            ("max@example.org", true),
            ("ann@example.org", true),
            ("sid@example.org", false),
            ("nia@example.org", false),
        ] {
            let c = s.client();
            c.sign_in(email, PASSWORD).await?;
            let body = c.get(&format!("/people/{eve_id}")).await?.body;
            check!(
                body.contains("Role history") == sees,
                "{email}: history visible={sees}"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn one_cannot_change_someone_elses_sharing() {
    each_backend(|s| async move {
        // The only sharing route acts on the signed-in person: Sid's request changes Sid's setting.
        let sid = s.client();
        sid.sign_in("sid@example.org", PASSWORD).await?;
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        let sid_id = person_id(&s.app, "sid@example.org").await?;
        let r = sid
            .post_form(
                "/people/me/visibility",
                &[
                    ("section", "skills"),
                    ("audience", "everyone"),
                    ("person_id", &eve_id.to_string()),
                ],
            )
            .await?;
        check!(r.status == 303, "{}", r.status);
        check!(
            s.app
                .audience_of(eve_id, ladderless_domain::compass::Section::Skills)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
                == Audience::Private,
            "Eve's stays private"
        );
        check!(
            s.app
                .audience_of(sid_id, ladderless_domain::compass::Section::Skills)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
                == Audience::Everyone,
            "Sid's changed"
        );
        let bad = sid
            .post_form(
                "/people/me/visibility",
                &[("section", "skills"), ("audience", "the world")],
            )
            .await?;
        check!(bad.status == 422, "unknown audience: {}", bad.status);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn inactive_people_are_hidden_from_colleagues() {
    each_backend(|s| async move {
        let csv = ladderless_testkit::SMALL_ORG_CSV
            .lines()
            .filter(|l| !l.starts_with("E6,"))
            .collect::<Vec<_>>()
            .join("\n");
        let opts = ladderless_core::import::ImportOptions {
            deactivate_missing: true,
            ..Default::default()
        };
        let sum = s
            .app
            .import_people(
                None,
                csv.as_bytes(),
                ladderless_domain::import::Format::Csv,
                &opts,
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        check!(sum.deactivated == 1, "deactivated {}", sum.deactivated);
        let nia = person_id(&s.app, "nia@example.org").await?;
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        check!(
            eve.get(&format!("/people/{nia}")).await?.status == 404,
            "colleague sees 404"
        );
        check!(
            !eve.get("/people?q=nia").await?.body.contains("Nia Nurse"),
            "not in search"
        );
        let ann = s.client();
        ann.sign_in("ann@example.org", PASSWORD).await?;
        check!(
            ann.get(&format!("/people/{nia}")).await?.status == 200,
            "talent admin still sees the record"
        );
        check!(
            s.client()
                .sign_in("nia@example.org", PASSWORD)
                .await
                .is_err(),
            "inactive people cannot sign in"
        );
        Ok(())
    })
    .await;
}
