//! Paths whose gaps link to what could close them, plans drafted from a path, and alignment
//! with the strategic directions (with plain guidance when a plan diverges).

use ladderless_store::directions::Direction;
use ladderless_store::opportunities::Opportunity;
use ladderless_store::skills::PersonSkill;
use ladderless_store::{Uuid, new_id};
use ladderless_testkit::{TestServer, backends, check, person_id, seed_small_org, signed_in};
use serde_json::{Value, json};

const FROM: &str = "15-1252.00";
const TO: &str = "11-3021.00";

async fn server() -> anyhow::Result<TestServer> {
    // The graph comes from the bundled catalogue; one backend is enough for paths themselves.
    let s = TestServer::start_with_graph(backends()[0]).await?;
    seed_small_org(&s.app).await?;
    Ok(s)
}

fn direction(title: &str, skills: &str) -> Direction {
    let now = time::OffsetDateTime::now_utc();
    Direction {
        id: new_id(),
        title: title.into(),
        aim: "Grow".into(),
        horizon: "2027".into(),
        owner_id: None,
        skills: skills.into(),
        status: "active".parse().unwrap(),
        created_by: None,
        created_at: now,
        updated_at: now,
    }
}

fn opportunity(owner: Uuid, title: &str, audience: &str, skills: &str) -> Opportunity {
    let now = time::OffsetDateTime::now_utc();
    Opportunity {
        id: new_id(),
        owner_id: owner,
        title: title.into(),
        stage: "exploring".parse().unwrap(),
        need_id: None,
        need_text: String::new(),
        direction_id: None,
        audience: audience.parse().unwrap(),
        whose_goal: "Head of Platform".into(),
        problem: String::new(),
        outcome: String::new(),
        measure: String::new(),
        factors: String::new(),
        skills: skills.into(),
        pitch: String::new(),
        created_at: now,
        updated_at: now,
    }
}

/// The first gap of the first path's first step, and the first ESCO gap anywhere.
fn gaps(paths: &Value) -> (String, Option<(String, String)>) {
    let all: Vec<&Value> = paths["paths"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["steps"].as_array().into_iter().flatten())
        .flat_map(|s| s["to_gain"].as_array().into_iter().flatten())
        .collect();
    let first = all
        .first()
        .and_then(|g| g["name"].as_str())
        .unwrap_or_default()
        .to_string();
    let esco = all.iter().find(|g| g["area"] == "esco").map(|g| {
        (
            g["id"].as_str().unwrap_or_default().to_string(),
            g["name"].as_str().unwrap_or_default().to_string(),
        )
    });
    (first, esco)
}

#[tokio::test]
async fn gaps_link_to_what_could_close_them_and_a_plan_is_drafted_from_a_path() -> anyhow::Result<()>
{
    let s = server().await?;
    let eve_id = person_id(&s.app, "eve@example.org").await?;
    let (_, t) = s
        .app
        .create_api_token(eve_id, "t")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let c = s.client();
    let before = c
        .api_get(&format!("/api/v1/paths?from={FROM}&to={TO}"), &t)
        .await?
        .json();
    let (gap, esco) = gaps(&before);
    check!(!gap.is_empty(), "a gap to close: {before}");

    let sid = person_id(&s.app, "sid@example.org").await?;
    let cleo = person_id(&s.app, "cleo@example.org").await?;
    s.app
        .store
        .insert_direction(&direction("Customer-led platform", &gap))
        .await?;
    let open = opportunity(sid, "Customer insight sprint", "everyone", &gap);
    let hidden = opportunity(sid, "Secret reorganisation", "private", &gap);
    s.app.store.insert_opportunity(&open, sid).await?;
    s.app.store.insert_opportunity(&hidden, sid).await?;
    if let Some((id, _)) = &esco {
        let skill = PersonSkill {
            skill_id: id.clone(),
            level: 4,
            want_to_grow: false,
            evidence: String::new(),
        };
        s.app
            .store
            .save_person_skill(cleo, &skill, &[], s.app.now())
            .await?;
        s.app
            .store
            .set_audience(
                cleo,
                ladderless_domain::compass::Section::Skills,
                ladderless_domain::org::Audience::Everyone,
                s.app.now(),
            )
            .await?;
    }

    let eve = signed_in(&s, "eve@example.org").await?;
    let page = eve.get(&format!("/map/path?from={FROM}&to={TO}")).await?;
    check!(
        page.status == 200
            && page
                .body
                .contains(&format!("What could close the gap in {gap}")),
        "gap links shown"
    );
    check!(
        page.body.contains("Customer insight sprint")
            && page.body.contains("Customer-led platform"),
        "the open opportunity and the direction are linked"
    );
    check!(
        !page.body.contains("Secret reorganisation"),
        "a private opportunity of someone else is not"
    );
    let after = c
        .api_get(&format!("/api/v1/paths?from={FROM}&to={TO}"), &t)
        .await?
        .json();
    if let Some((id, _)) = &esco {
        // The page shows the first few gaps of a step; the API lists every gap with its closers.
        let mentors: Vec<&Value> = after["paths"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|p| p["steps"].as_array().into_iter().flatten())
            .flat_map(|s| s["to_gain"].as_array().into_iter().flatten())
            .filter(|g| g["id"] == id.as_str())
            .flat_map(|g| g["closers"].as_array().into_iter().flatten())
            .filter(|c| c["kind"] == "mentor")
            .collect();
        check!(
            !mentors.is_empty() && mentors.iter().all(|m| m["label"] == "Cleo Boss"),
            "a colleague sharing the skill with everyone is a possible mentor: {mentors:?}"
        );
        check!(
            !page.body.contains("Possible mentor") || page.body.contains("Cleo Boss"),
            "mentors on the page are the ones sharing the skill"
        );
    }
    let closers = after["paths"][0]["steps"][0]["to_gain"][0]["closers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    check!(
        closers
            .iter()
            .any(|x| x["kind"] == "opportunity" && x["label"] == "Customer insight sprint"),
        "the API lists closers: {closers:?}"
    );
    check!(
        !after.to_string().contains("Secret reorganisation"),
        "not in the API either"
    );

    let draft = eve
        .get(&format!("/plans/new?from={FROM}&to={TO}&path=1"))
        .await?;
    check!(
        draft.status == 200
            && draft
                .body
                .contains("Goal (role): Computer and Information Systems Managers"),
        "the target is the goal"
    );
    check!(
        draft.body.contains(&format!("Growth (skill): {gap}"))
            && draft
                .body
                .contains("Growth (opportunity): Customer insight sprint"),
        "gaps and linked opportunities are pre-filled"
    );
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut rest = draft.body.as_str();
    while let Some(i) = rest.find("name=\"item\" value=\"") {
        rest = &rest[i + 19..];
        let v = &rest[..rest.find('"').unwrap_or(0)];
        fields.push((
            "item".into(),
            v.replace("&amp;", "&")
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&#39;", "'"),
        ));
    }
    check!(fields.len() >= 3, "items to submit: {fields:?}");
    let mut form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    form.extend([("title", "Towards managing the platform"), ("draft", "1"), ("cadence", "quarterly"), ("sharing", "private"), ("business_case", "The platform team needs a lead who knows its customers; I would grow into it by leading the insight sprint.")]);
    let created = eve.post_form("/plans", &form).await?;
    check!(
        created.status == 303,
        "created from the draft: {} {}",
        created.status,
        created.body.chars().take(400).collect::<String>()
    );
    let plan = eve
        .get(created.location.as_deref().unwrap_or("/plans"))
        .await?;
    check!(
        plan.body.contains("Customer insight sprint")
            && plan
                .body
                .contains("Computer and Information Systems Managers"),
        "the plan keeps the goal and the linked opportunity"
    );
    check!(
        plan.body
            .contains("matches <strong>Customer-led platform</strong>"),
        "alignment names the direction the gap serves"
    );
    let bad = eve
        .get(&format!("/plans/new?from={FROM}&to={TO}&path=9"))
        .await?;
    check!(
        bad.status == 422 && bad.body.contains("no such path"),
        "an unknown path is explained"
    );
    Ok(())
}

#[tokio::test]
async fn a_diverging_plan_is_told_plainly_and_the_manager_sees_it_only_when_shared()
-> anyhow::Result<()> {
    let s = server().await?;
    s.app
        .store
        .insert_direction(&direction("Grow in Asia", "Negotiation\nJapanese"))
        .await?;
    let eve_id = person_id(&s.app, "eve@example.org").await?;
    let (_, t) = s
        .app
        .create_api_token(eve_id, "t")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let api = s.client();
    let created = api.api_post_json("/api/v1/plans", &t, &json!({
        "title": "Become a musician",
        "business_case": "I want to play music and grow my own career.",
        "items": [{"section": "goal", "kind": "role", "reference": "27-2042.00", "label": "Musicians and Singers"}, {"section": "growth", "kind": "skill", "label": "Music theory"}]
    })).await?;
    check!(created.status == 201, "created: {}", created.body);
    let v = created.json();
    check!(
        v["alignment"]["level"] == "diverging" && v["alignment"]["score"] == 0,
        "diverging: {}",
        v["alignment"]
    );
    check!(
        v["verdict"]["leads_with_self"] == true,
        "the coach says the case leads with the self"
    );
    let id = v["plan"]["id"].as_str().unwrap_or_default().to_string();
    let eve = signed_in(&s, "eve@example.org").await?;
    let page = eve.get(&format!("/plans/{id}")).await?;
    for text in [
        "Diverging",
        "Keep performing in your current role",
        "Talk about the plan openly",
        "Look for the parts that do align",
        "prepare a move (outside the organisation if need be)",
        "successor",
        "It leads with you",
    ] {
        check!(page.body.contains(text), "owner page says: {text}");
    }
    let max = signed_in(&s, "max@example.org").await?;
    check!(
        max.get(&format!("/plans/{id}")).await?.status == 404,
        "not shared: the manager sees nothing"
    );
    check!(
        eve.post_form(&format!("/plans/{id}/sharing"), &[("sharing", "manager")])
            .await?
            .status
            == 303,
        "shared"
    );
    let seen = max.get(&format!("/plans/{id}")).await?;
    check!(
        seen.status == 200
            && seen.body.contains("What you can do as their manager")
            && seen.body.contains("plan succession"),
        "shared: the manager sees the guidance"
    );

    let aligned = api.api_post_json("/api/v1/plans", &t, &json!({
        "title": "Lead our Asia deals",
        "items": [{"section": "growth", "kind": "skill", "label": "Negotiation"}, {"section": "growth", "kind": "skill", "label": "Japanese"}]
    })).await?.json();
    check!(
        aligned["alignment"]["score"] == 100
            && aligned["alignment"]["reasons"]
                .as_array()
                .is_some_and(|r| r.len() == 2),
        "aligned: {}",
        aligned["alignment"]
    );
    Ok(())
}
