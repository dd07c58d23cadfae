//! The org chart at scale: the top levels and the viewer's branch render at once; any other
//! team's sub-teams open with a plain link.

use ladderless_core::import::ImportOptions;
use ladderless_domain::import::Format;
use ladderless_testkit::{PASSWORD, TestServer, check, each_backend};

/// Adds `regions` regions under "Operations", each with one site, and one deep branch under
/// the seeded "Engineering / Platform" team (Eve's).
async fn grow(s: &TestServer, regions: usize) -> anyhow::Result<()> {
    let mut csv = String::from(
        "employee_id,name,email,job_title,role_code,team,manager_employee_id,role_start_date,location\n",
    );
    csv.push_str("X0,Ola Ops,ola@example.org,Operations Director,11-1021.00,Operations,E1,2020-01-01,Leeds\n");
    for i in 1..=regions {
        csv.push_str(&format!("X{i},Person {i},p{i}@example.org,Site Lead,11-1021.00,Operations / Region {i} / Site {i},X0,2021-01-01,Leeds\n"));
    }
    csv.push_str("Y1,Ada Atlas,ada@example.org,Developer,15-1252.00,Engineering / Platform / Atlas / Core,E2,2022-01-01,York\n");
    let opts = ImportOptions {
        source: "grow.csv".into(),
        ..Default::default()
    };
    s.app
        .import_people(None, csv.as_bytes(), Format::Csv, &opts)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

fn team_id(body: &str, name: &str) -> Option<String> {
    let marker = format!("\">{name}</a>");
    let end = body.find(&marker)?;
    let start = body[..end].rfind("/teams/")? + "/teams/".len();
    Some(body[start..end].to_string())
}

#[tokio::test]
async fn a_large_org_chart_shows_the_top_levels_and_opens_a_team_on_demand() {
    each_backend(|s| async move {
        grow(&s, 150).await?;
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        let r = eve.get("/org").await?;
        check!(r.status == 200, "org: {}", r.status);
        // 4 seeded teams + Operations + 150 regions + 150 sites + Atlas and Core.
        check!(
            r.body.contains("307 teams."),
            "all teams are counted: {}",
            r.body.chars().take(600).collect::<String>()
        );
        check!(
            r.body.contains(">Region 150</a>")
                && r.body.contains("Show 1 team inside Region 150</a>"),
            "second level shown, its sub-teams behind a link"
        );
        check!(
            !r.body.contains("Site 7<") && !r.body.contains("Site 150<"),
            "third-level teams are not rendered"
        );
        // Eve's own branch is open one level below her team: Atlas shows, Core is one link away.
        check!(
            r.body.contains(">Atlas</a>")
                && r.body.contains("Show 1 team inside Atlas</a>")
                && !r.body.contains(">Core</a>"),
            "own branch open"
        );
        check!(
            r.body.matches("<li").count() < 250,
            "fewer rows than teams: {}",
            r.body.matches("<li").count()
        );

        let region =
            team_id(&r.body, "Region 7").ok_or_else(|| anyhow::anyhow!("no link to Region 7"))?;
        check!(
            r.body
                .contains(&format!("href=\"/org?team={region}#team-{region}\"")),
            "the link opens the team in place"
        );
        let opened = eve.get(&format!("/org?team={region}")).await?;
        check!(
            opened.status == 200 && opened.body.contains(">Site 7</a>"),
            "the team asked for is open"
        );
        check!(
            !opened.body.contains(">Site 8</a>"),
            "other regions stay closed"
        );
        check!(
            opened.body.contains(">Atlas</a>"),
            "the viewer's branch stays open"
        );
        for odd in [
            "/org?team=not-a-uuid",
            "/org?team=00000000-0000-0000-0000-000000000000",
        ] {
            let r = eve.get(odd).await?;
            check!(
                r.status == 200
                    && r.body.contains(">Region 7</a>")
                    && !r.body.contains(">Site 7</a>"),
                "{odd}: the usual chart"
            );
        }
        Ok(())
    })
    .await;
}
