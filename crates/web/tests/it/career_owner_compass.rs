//! The career compass over HTTP: who may see each section (page, API, history, search), and
//! that nobody but its owner can change it.

use crate::career_owner_support;

use career_owner_support::{excerpt, send, signed_in, token_for};
use ladderless_domain::org::Audience;
use ladderless_testkit::{Client, TestServer, check, each_backend, person_id};
use serde_json::json;

/// Fill every section of Eve's compass through the forms; returns the skill's label.
async fn fill_compass(s: &TestServer, eve: &Client) -> anyhow::Result<String> {
    eve.get("/compass").await?;
    let order = [
        ("order", "learning"),
        ("order", "autonomy"),
        ("order", "meaning"),
        ("order", "status"),
        ("met_autonomy", "not_met"),
    ];
    check!(
        eve.post_form("/compass/factors", &order).await?.status == 303,
        "rank"
    );
    check!(
        eve.post_form("/compass/values", &[("value", "Honesty")])
            .await?
            .status
            == 303,
        "value"
    );
    let skill = s.app.catalogue.search_skills("python", 1)[0].clone();
    let r = eve
        .post_form(
            "/compass/skills",
            &[
                ("skill", &skill.label),
                ("level", "4"),
                ("want_to_grow", "on"),
                ("evidence", "Wrote the billing service"),
            ],
        )
        .await?;
    check!(r.status == 303, "skill: {} {}", r.status, excerpt(&r.body));
    let r = eve
        .post_form(
            "/compass/aspirations",
            &[
                ("interests", "Data platforms"),
                ("aspirations", "Lead the platform guild"),
            ],
        )
        .await?;
    check!(r.status == 303, "aspirations");
    check!(
        eve.post_form("/compass/roles", &[("role", "Software Developers")])
            .await?
            .status
            == 303,
        "target role"
    );
    Ok(skill.label)
}

/// What proves a section is visible: text on the page, and the key in the API.
const MARKERS: [(&str, &str, &str); 4] = [
    ("factors", "What they want from work", "factors"),
    ("values", "Honesty", "values"),
    ("skills", "Wrote the billing service", "skills"),
    ("aspirations", "Lead the platform guild", "aspirations"),
];

#[tokio::test]
async fn each_section_is_private_until_shared_and_then_only_with_its_audience() {
    each_backend(|s| async move {
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        let eve = signed_in(&s, "eve@example.org").await?;
        let skill = fill_compass(&s, &eve).await?;
        let own = eve.get("/compass").await?;
        check!(
            own.status == 200 && own.body.contains("Honesty") && own.body.contains(&skill),
            "the owner sees everything"
        );
        let viewers = [
            ("sid@example.org", "peer"),
            ("max@example.org", "manager"),
            ("ann@example.org", "admin"),
            ("cleo@example.org", "skip-level"),
        ];
        let mut clients = Vec::new();
        for (email, who) in viewers {
            clients.push((
                signed_in(&s, email).await?,
                who,
                token_for(&s, email).await?,
            ));
        }
        // Everything starts private.
        for (c, who, token) in &clients {
            let page = c.get(&format!("/people/{eve_id}/compass")).await?;
            check!(
                page.status == 200 && page.body.contains("has not shared their compass"),
                "{who}: private by default"
            );
            let api = send(
                c,
                "GET",
                &format!("/api/v1/people/{eve_id}/compass"),
                token,
                None,
            )
            .await?
            .json();
            check!(
                MARKERS.iter().all(|(_, _, key)| api.get(key).is_none()),
                "{who}: API shows nothing: {api}"
            );
        }
        for (section, text, key) in MARKERS {
            for audience in Audience::ALL {
                eve.get("/compass").await?;
                let r = eve
                    .post_form(
                        "/compass/visibility",
                        &[("section", section), ("audience", audience.code())],
                    )
                    .await?;
                check!(
                    r.status == 303,
                    "share {section} with {audience:?}: {}",
                    r.status
                );
                for (c, who, token) in &clients {
                    let sees = match audience {
                        Audience::Private => false,
                        Audience::Manager => *who == "manager",
                        Audience::TalentTeam => *who == "manager" || *who == "admin",
                        Audience::Everyone => true,
                    };
                    let page = c.get(&format!("/people/{eve_id}/compass")).await?.body;
                    check!(
                        page.contains(text) == sees,
                        "{who} page, {section} with {audience:?}: expected visible={sees}"
                    );
                    for (other, other_text, _) in MARKERS.iter().filter(|m| m.0 != section) {
                        check!(
                            !page.contains(other_text),
                            "{who}: {other} stays private while {section} is {audience:?}"
                        );
                    }
                    let api = send(
                        c,
                        "GET",
                        &format!("/api/v1/people/{eve_id}/compass"),
                        token,
                        None,
                    )
                    .await?
                    .json();
                    check!(
                        api.get(key).is_some() == sees,
                        "{who} API, {section} with {audience:?}: {api}"
                    );
                    let hist = send(
                        c,
                        "GET",
                        &format!("/api/v1/people/{eve_id}/compass/history"),
                        token,
                        None,
                    )
                    .await?
                    .json();
                    let sections: Vec<&str> = hist["lines"]
                        .as_array()
                        .map(|l| l.iter().filter_map(|x| x["section"].as_str()).collect())
                        .unwrap_or_default();
                    check!(
                        sections.contains(&section) == sees
                            && sections.iter().all(|x| *x == section),
                        "{who} history, {section} with {audience:?}: {sections:?}"
                    );
                    let hist_page = c.get(&format!("/people/{eve_id}/compass/history")).await?;
                    check!(
                        hist_page.status == 200
                            && hist_page.body.contains("has not shared") != sees,
                        "{who} history page, {section} {audience:?}"
                    );
                    let shared = c.get("/compass/shared").await?.body;
                    check!(
                        shared.contains("Eve Employee") == sees,
                        "{who} shared list, {section} {audience:?}"
                    );
                    let found = c
                        .get(&format!(
                            "/people?q={}",
                            skill.split(' ').next().unwrap_or("")
                        ))
                        .await?
                        .body
                        .contains("Eve Employee");
                    check!(
                        found == (section == "skills" && audience == Audience::Everyone),
                        "{who} search, {section} {audience:?}: found={found}"
                    );
                }
            }
            eve.get("/compass").await?;
            eve.post_form(
                "/compass/visibility",
                &[("section", section), ("audience", "private")],
            )
            .await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn nobody_else_can_change_a_compass() {
    each_backend(|s| async move {
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        let eve = signed_in(&s, "eve@example.org").await?;
        let skill = fill_compass(&s, &eve).await?;
        for a in ["factors", "values", "skills", "aspirations"] {
            s.app
                .store
                .set_audience(eve_id, a.parse()?, Audience::Everyone, s.app.now())
                .await?;
        }
        let mine = send(
            &eve,
            "GET",
            "/api/v1/compass",
            &token_for(&s, "eve@example.org").await?,
            None,
        )
        .await?
        .json();
        let value_id = mine["values"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let skill_id = mine["skills"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        for email in ["sid@example.org", "max@example.org", "ann@example.org"] {
            let c = signed_in(&s, email).await?;
            let t = token_for(&s, email).await?;
            c.get("/compass").await?;
            check!(
                c.post_form(&format!("/compass/values/{value_id}/remove"), &[])
                    .await?
                    .status
                    == 404,
                "{email}: form remove value"
            );
            check!(
                c.post_form("/compass/skills/remove", &[("skill_id", &skill_id)])
                    .await?
                    .status
                    == 404,
                "{email}: form remove skill"
            );
            check!(
                c.post_form("/compass/roles/remove", &[("role_code", "15-1252.00")])
                    .await?
                    .status
                    == 404,
                "{email}: form remove role"
            );
            check!(
                send(
                    &c,
                    "DELETE",
                    &format!("/api/v1/compass/values/{value_id}"),
                    &t,
                    None
                )
                .await?
                .status
                    == 404,
                "{email}: API value"
            );
            check!(
                send(
                    &c,
                    "DELETE",
                    &format!("/api/v1/compass/skills/{skill_id}"),
                    &t,
                    None
                )
                .await?
                .status
                    == 404,
                "{email}: API skill"
            );
            check!(
                send(&c, "DELETE", "/api/v1/compass/roles/15-1252.00", &t, None)
                    .await?
                    .status
                    == 404,
                "{email}: API role"
            );
            // Writes act on the caller's own compass only.
            let r = send(
                &c,
                "PUT",
                "/api/v1/compass/factors",
                &t,
                Some(json!({"ranking": ["status", "meaning", "autonomy", "learning"]})),
            )
            .await?;
            check!(
                r.status == 200
                    && r.json()["person"]["email"].is_null()
                    && r.json()["is_self"] == true,
                "{email}: own factors"
            );
        }
        let after = s
            .app
            .compass_view(
                &s.app
                    .store
                    .person(eve_id)
                    .await
                    .map(|p| ladderless_core::Actor {
                        person: p,
                        is_manager: false,
                    })?,
                eve_id,
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        check!(
            after.values.as_ref().is_some_and(|v| v.len() == 1),
            "Eve keeps her value"
        );
        check!(
            after
                .skills
                .as_ref()
                .is_some_and(|v| v.iter().any(|k| k.label == skill)),
            "Eve keeps her skill"
        );
        check!(
            after
                .factors
                .as_ref()
                .is_some_and(|f| f[0].factor.code() == "learning"),
            "Eve keeps her ranking"
        );
        check!(
            after
                .aspirations
                .as_ref()
                .is_some_and(|a| a.target_roles.len() == 1),
            "Eve keeps her target role"
        );
        // A session without the CSRF header may not write through the API.
        let r = eve
            .http
            .put(format!("{}/api/v1/compass/factors", eve.base))
            .json(&json!({"ranking": ["status", "meaning", "autonomy", "learning"]}))
            .send()
            .await?;
        check!(r.status().as_u16() == 403, "CSRF: {}", r.status());
        Ok(())
    })
    .await;
}
