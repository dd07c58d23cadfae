//! The career map and paths, over HTTP and the API.

use ladderless_testkit::{PASSWORD, TestServer, backends, check, seed_small_org};

async fn server() -> anyhow::Result<TestServer> {
    // The graph comes from the bundled catalogue; one backend is enough for the map itself.
    let s = TestServer::start_with_graph(backends()[0]).await?;
    seed_small_org(&s.app).await?;
    Ok(s)
}

#[tokio::test]
async fn the_map_centres_on_my_role_and_re_centres_on_another() -> anyhow::Result<()> {
    let s = server().await?;
    let c = s.client();
    check!(c.get("/map").await?.status == 303, "sign-in needed");
    c.sign_in("eve@example.org", PASSWORD).await?;
    let mine = c.get("/map").await?;
    check!(mine.status == 200, "map: {}", mine.status);
    check!(
        mine.body
            .contains("Moves from <strong>Software Developers</strong> (your role)"),
        "centred on my role"
    );
    for heading in [
        "<h2 id=\"h-up\">Up</h2>",
        "<h2 id=\"h-sideways\">Sideways</h2>",
        "<h2 id=\"h-across\">Across</h2>",
        "<svg",
    ] {
        check!(mine.body.contains(heading), "map shows {heading}");
    }
    let nurse = c.get("/map?role=29-1141.00").await?;
    check!(
        nurse
            .body
            .contains("Moves from <strong>Registered Nurses</strong>")
            && !nurse.body.contains("(your role)"),
        "re-centred"
    );
    check!(nurse.body.contains("Nurse"), "nursing moves from a nurse");
    check!(
        c.get("/map?role=99-9999.99").await?.status == 404,
        "unknown role"
    );
    Ok(())
}

#[tokio::test]
async fn the_map_follows_my_ranking_and_never_assumes_up() -> anyhow::Result<()> {
    let s = server().await?;
    let c = s.client();
    c.sign_in("eve@example.org", PASSWORD).await?;
    let at = |body: &str, kind: &str| body.find(&format!("<h2 id=\"h-{kind}\">"));
    // unranked: the lists come strongest first, so "up" leads only when its best move is best
    let body = c.get("/map").await?.body;
    check!(at(&body, "up").is_some(), "up is still shown");
    c.get("/compass").await?;
    let rank = |first: &'static str| {
        let rest = ["status", "autonomy", "meaning", "learning"]
            .into_iter()
            .filter(move |f| *f != first);
        std::iter::once(first)
            .chain(rest)
            .map(|f| ("order", f))
            .collect::<Vec<_>>()
    };
    check!(
        c.post_form("/compass/factors", &rank("autonomy"))
            .await?
            .status
            == 303,
        "ranked autonomy first"
    );
    let body = c.get("/map").await?.body;
    check!(
        at(&body, "sideways") < at(&body, "up") && at(&body, "across") < at(&body, "up"),
        "autonomy is earned by how one works, not by rank: up comes last"
    );
    check!(
        !body.contains("senior roles"),
        "no factor equated with seniority"
    );
    check!(
        c.post_form("/compass/factors", &rank("learning"))
            .await?
            .status
            == 303,
        "ranked learning first"
    );
    let body = c.get("/map").await?.body;
    check!(
        at(&body, "across") < at(&body, "sideways") && at(&body, "sideways") < at(&body, "up"),
        "learning: across first"
    );
    Ok(())
}

#[tokio::test]
async fn paths_to_a_target_show_steps_and_skill_gaps() -> anyhow::Result<()> {
    let s = server().await?;
    let c = s.client();
    c.sign_in("eve@example.org", PASSWORD).await?;
    let pick = c
        .get("/map/path?q=computer+and+information+systems+managers")
        .await?;
    check!(
        pick.body
            .contains("/map/path?from=15-1252.00&amp;to=11-3021.00"),
        "target candidates link to paths"
    );
    let r = c.get("/map/path?from=15-1252.00&to=11-3021.00").await?;
    check!(
        r.status == 200 && r.body.contains("Path 1:"),
        "a path is shown"
    );
    check!(
        r.body.contains("Skills to build") || r.body.contains("No big skill gaps"),
        "gaps are shown"
    );
    let same = c.get("/map/path?from=15-1252.00&to=15-1252.00").await?;
    check!(
        same.body.contains("role=\"alert\""),
        "same role is explained"
    );
    Ok(())
}

#[tokio::test]
async fn the_api_answers_moves_and_paths() -> anyhow::Result<()> {
    let s = server().await?;
    let id = ladderless_testkit::person_id(&s.app, "eve@example.org").await?;
    let (_, t) = s
        .app
        .create_api_token(id, "t")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let c = s.client();
    let moves = c
        .api_get("/api/v1/roles/15-1252.00/moves?top=5", &t)
        .await?;
    let j = moves.json();
    check!(
        moves.status == 200 && j["moves"].as_array().is_some_and(|m| m.len() == 5),
        "five moves: {}",
        moves.body.chars().take(200).collect::<String>()
    );
    check!(
        ["up", "sideways", "across"].contains(&j["moves"][0]["kind"].as_str().unwrap_or("")),
        "a kind"
    );
    check!(
        j["moves"][0]["why"].as_str().is_some_and(|w| !w.is_empty()),
        "an explanation"
    );
    let paths = c.api_get("/api/v1/paths?to=11-3021.00", &t).await?;
    check!(
        paths.status == 200
            && paths.json()["from"] == "15-1252.00"
            && paths.json()["paths"]
                .as_array()
                .is_some_and(|p| !p.is_empty()),
        "paths from my role"
    );
    let bad = c.api_get("/api/v1/paths?from=15-1252.00", &t).await?;
    check!(
        bad.status == 422 && bad.json()["fields"]["to"].is_string(),
        "missing target named"
    );
    check!(
        c.api_get("/api/v1/roles/00-0000.00/moves", &t)
            .await?
            .status
            == 404,
        "unknown role"
    );
    Ok(())
}

#[tokio::test]
async fn the_map_highlights_roles_that_grow_with_strategic_directions() -> anyhow::Result<()> {
    let s = server().await?;
    let ann = s.client();
    ann.sign_in("ann@example.org", PASSWORD).await?;
    ann.get("/directions").await?;
    let d = ann
        .post_form(
            "/directions",
            &[
                ("title", "Platform modernisation"),
                ("aim", "Every service on the new platform"),
                ("skills", "Programming\nCloud computing"),
            ],
        )
        .await?;
    check!(d.status == 303, "direction: {}", d.status);
    let id = d
        .location
        .unwrap_or_default()
        .trim_start_matches("/directions/")
        .split('?')
        .next()
        .unwrap_or("")
        .to_string();
    ann.get("/directions").await?;
    let paused = ann
        .post_form(
            "/directions",
            &[
                ("title", "Old bets"),
                ("aim", "Paused for now"),
                ("skills", "Programming"),
                ("status", "paused"),
            ],
        )
        .await?;
    check!(paused.status == 303, "paused direction: {}", paused.status);

    let eve = s.client();
    eve.sign_in("eve@example.org", PASSWORD).await?;
    let map = eve.get("/map").await?;
    check!(map.body.contains("Roles marked <strong>growth area</strong> grow with the organisation’s strategic directions"), "legend");
    check!(
        map.body
            .contains("Software Developers, the centre, grows with: Platform modernisation"),
        "the centre's accessible name says why"
    );
    check!(
        map.body
            .contains("match, grows with: Platform modernisation\""),
        "a neighbour's accessible name says why"
    );
    check!(
        map.body.contains("class=\"badge-text\">growth area</text>"),
        "the picture marks it in text, not colour alone"
    );
    check!(
        map.body
            .contains("grows with: Platform modernisation (needs Programming"),
        "the list names the skills"
    );
    check!(
        !map.body.contains("Old bets"),
        "paused directions are not highlighted"
    );

    // A nurse's role needs none of those skills, until a talent admin links it to the direction.
    let nurse = eve.get("/map?role=29-1141.00").await?;
    check!(
        !nurse
            .body
            .contains("Registered Nurses, the centre, grows with"),
        "a nurse does not grow with programming"
    );
    ann.get(&format!("/directions/{id}")).await?;
    let linked = ann
        .post_form(
            &format!("/directions/{id}/roles"),
            &[("role_code", "29-1141.00")],
        )
        .await?;
    check!(linked.status == 303, "linked: {}", linked.status);
    let nurse = eve.get("/map?role=29-1141.00").await?;
    check!(
        nurse
            .body
            .contains("Registered Nurses, the centre, grows with: Platform modernisation"),
        "a linked role grows with the direction"
    );
    Ok(())
}

#[tokio::test]
async fn the_map_suggests_targets_from_my_compass_and_keeps_them_mine() -> anyhow::Result<()> {
    let s = server().await?;
    let eve = s.client();
    eve.sign_in("eve@example.org", PASSWORD).await?;
    let before = eve.get("/map").await?.body;
    check!(
        before.contains("Suggested for you") && before.contains("Rank what you want from work"),
        "suggestions before ranking, with a nudge"
    );
    eve.get("/compass").await?;
    let order = [
        ("order", "learning"),
        ("order", "autonomy"),
        ("order", "meaning"),
        ("order", "status"),
    ];
    check!(
        eve.post_form("/compass/factors", &order).await?.status == 303,
        "rank"
    );
    let id = ladderless_testkit::person_id(&s.app, "eve@example.org").await?;
    let (_, t) = s
        .app
        .create_api_token(id, "t")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let added = eve
        .api_post_json(
            "/api/v1/compass/roles",
            &t,
            &serde_json::json!({"code": "11-3021.00"}),
        )
        .await?;
    check!(added.status == 201, "target role named: {}", added.body);

    let map = eve.get("/map").await?.body;
    check!(
        map.contains("Roles you named in your compass"),
        "named targets listed"
    );
    check!(
        map.contains("/map/path?from=15-1252.00&amp;to=11-3021.00"),
        "a named target links to its paths"
    );
    check!(
        map.contains("You rank continued learning first"),
        "the order is explained from the compass"
    );
    let api = eve.api_get("/api/v1/targets", &t).await?.json();
    check!(
        api["named"][0]["code"] == "11-3021.00",
        "API names the target: {api}"
    );
    check!(
        api["suggested"][0]["kind"] == "across",
        "learning first puts another family of work first: {api}"
    );
    check!(
        !api["suggested"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["code"] == "11-3021.00")),
        "a named target is not suggested twice"
    );
    check!(
        !eve.get("/map?role=29-1141.00")
            .await?
            .body
            .contains("Suggested for you"),
        "only on the map of my own role"
    );

    // Someone else sees their own suggestions, never Eve's named targets.
    let max_id = ladderless_testkit::person_id(&s.app, "max@example.org").await?;
    let (_, mt) = s
        .app
        .create_api_token(max_id, "t")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let theirs = eve.api_get("/api/v1/targets", &mt).await?.json();
    check!(
        theirs["named"].as_array().is_some_and(|a| a.is_empty()),
        "Eve's targets stay hers: {theirs}"
    );
    let max = s.client();
    max.sign_in("max@example.org", PASSWORD).await?;
    check!(
        !max.get("/map")
            .await?
            .body
            .contains("Roles you named in your compass"),
        "nor on Max's map"
    );
    Ok(())
}
