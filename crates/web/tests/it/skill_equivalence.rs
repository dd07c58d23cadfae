//! A gap on an O*NET skill finds the mentors and placements that recorded the equivalent ESCO
//! skill, and says what it was recorded as.

use ladderless_domain::compass::Section;
use ladderless_domain::org::Audience;
use ladderless_store::skills::PersonSkill;
use ladderless_testkit::{TestServer, backends, check, person_id, seed_small_org, signed_in};
use serde_json::Value;

const FROM: &str = "15-1252.00";
const TO: &str = "11-3021.00";

/// The O*NET gaps (id, name) of every path, in order.
fn onet_gaps(paths: &Value) -> Vec<(String, String)> {
    paths["paths"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["steps"].as_array().into_iter().flatten())
        .flat_map(|s| s["to_gain"].as_array().into_iter().flatten())
        .filter(|g| g["area"] != "esco")
        .map(|g| {
            let text = |k: &str| g[k].as_str().unwrap_or_default().to_string();
            (text("id"), text("name"))
        })
        .collect()
}

/// Every closer listed for the gap on `skill` anywhere in the paths.
fn closers_of<'a>(paths: &'a Value, skill: &str) -> Vec<&'a Value> {
    paths["paths"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["steps"].as_array().into_iter().flatten())
        .flat_map(|s| s["to_gain"].as_array().into_iter().flatten())
        .filter(|g| g["id"] == skill)
        .flat_map(|g| g["closers"].as_array().into_iter().flatten())
        .collect()
}

#[tokio::test]
async fn an_onet_gap_finds_a_mentor_and_a_placement_that_recorded_the_esco_skill()
-> anyhow::Result<()> {
    for backend in backends() {
        let s = TestServer::start_with_graph(backend).await?;
        seed_small_org(&s.app).await?;
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        let (_, token) = s
            .app
            .create_api_token(eve_id, "t")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let url = format!("/api/v1/paths?from={FROM}&to={TO}");
        let before = s.client().api_get(&url, &token).await?.json();
        // The first O*NET gap that has an ESCO equivalent named differently.
        let found = onet_gaps(&before).into_iter().find_map(|(id, name)| {
            let esco = s
                .app
                .catalogue
                .esco_equivalents(&id)
                .find(|e| !e.label.eq_ignore_ascii_case(&name))?;
            Some((id, name, esco.id.clone(), esco.label.clone()))
        });
        let Some((gap, gap_name, esco, esco_label)) = found else {
            anyhow::bail!("no O*NET gap with an ESCO equivalent: {before}");
        };
        check!(
            closers_of(&before, &gap)
                .iter()
                .all(|c| c["kind"] != "mentor" && c["kind"] != "placement"),
            "nothing links the gap yet"
        );

        // Cleo records the ESCO skill and shares her skills; Sid posts a placement teaching it.
        let cleo = person_id(&s.app, "cleo@example.org").await?;
        let skill = PersonSkill {
            skill_id: esco.clone(),
            level: 4,
            want_to_grow: false,
            evidence: String::new(),
        };
        let now = s.app.now();
        s.app
            .store
            .save_person_skill(cleo, &skill, &[], now)
            .await?;
        s.app
            .store
            .set_audience(cleo, Section::Skills, Audience::Everyone, now)
            .await?;
        let sid = crate::career_owner_support::actor(&s, "sid@example.org").await?;
        let input = ladderless_core::placements::PlacementInput {
            title: "Pair with the platform team".into(),
            description: "Two afternoons a week pairing on real work.".into(),
            kind: "shadowing".into(),
            status: "open".into(),
            hours_per_week: "4".into(),
            duration_weeks: "6".into(),
            work_mode: "remote".into(),
            places: "2".into(),
            skills_to_learn: vec![ladderless_core::placements::SkillInput {
                skill_id: esco.clone(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let placement = s.app.create_placement(&sid, &input).await?;

        let after = s.client().api_get(&url, &token).await?.json();
        let closers = closers_of(&after, &gap);
        let recorded = Value::String(esco_label.clone());
        check!(
            closers.iter().any(|c| c["kind"] == "mentor"
                && c["id"] == cleo.to_string()
                && c["recorded_as"] == recorded),
            "{gap_name} finds Cleo through {esco_label}: {closers:?}"
        );
        check!(
            closers.iter().any(|c| c["kind"] == "placement"
                && c["id"] == placement.id.uuid().to_string()
                && c["recorded_as"] == recorded),
            "{gap_name} finds the placement through {esco_label}: {closers:?}"
        );

        // The path page says what the mentor recorded.
        let web = signed_in(&s, "eve@example.org").await?;
        let page = web.get(&format!("/map/path?from={FROM}&to={TO}")).await?;
        check!(page.status == 200, "path page: {}", page.status);
        check!(
            page.body
                .contains(&format!("(recorded as {})", askama_escape(&esco_label))),
            "the page says (recorded as {esco_label})"
        );
    }
    Ok(())
}

/// The few characters askama escapes in text.
fn askama_escape(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}
