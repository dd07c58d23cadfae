//! The matching index across processes, on both databases: two applications on one database
//! (as two `serve` processes would be) see each other's placements and people after polling
//! the change log; only what a person shares with everyone scores them as a candidate; a
//! related skill partly meets a needed one and the reason says so.

use ladderless_core::compass::{FactorsInput, SkillInput};
use ladderless_core::placements::{PlacementInput, SkillInput as NeededSkill};
use ladderless_core::{Actor, App};
use ladderless_testkit::{TestDb, backends, check, person_id, seed_small_org};

fn open(title: &str) -> PlacementInput {
    PlacementInput {
        title: title.into(),
        description: "Tidy the reporting queries before the audit.".into(),
        kind: "project".into(),
        status: "open".into(),
        offers_learning: "strong".into(),
        hours_per_week: "4".into(),
        duration_weeks: "6".into(),
        work_mode: "remote".into(),
        places: "1".into(),
        skills_needed: vec![NeededSkill {
            label: "SQL".into(),
            level: "4".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

async fn actor(app: &App, email: &str) -> anyhow::Result<Actor> {
    Ok(Actor {
        person: app.store.person(person_id(app, email).await?).await?,
        is_manager: false,
    })
}

async fn titles(app: &App, who: &Actor) -> anyhow::Result<Vec<String>> {
    Ok(app
        .recommended_placements(who, 50)
        .await?
        .into_iter()
        .map(|r| r.placement.title)
        .collect())
}

#[tokio::test]
async fn two_processes_on_one_database_see_each_others_changes() {
    for backend in backends() {
        let run = async {
            let db = TestDb::new(backend).await?;
            let one = App::new(db.store().await?);
            seed_small_org(&one).await?;
            let two = App::new(db.store().await?);
            let cleo = actor(&one, "cleo@example.org").await?;
            let eve = actor(&one, "eve@example.org").await?;
            check!(titles(&two, &eve).await?.is_empty(), "nothing posted yet");

            // Posted through one: the other sees it once it has read the change log.
            let p = one.create_placement(&cleo, &open("Audit queries")).await?;
            check!(
                titles(&one, &eve).await? == ["Audit queries"],
                "the writer sees it at once"
            );
            check!(
                titles(&two, &eve).await?.is_empty(),
                "the other process has not polled yet"
            );
            check!(two.sync_match_index().await? >= 1, "one change applied");
            check!(
                titles(&two, &eve).await? == ["Audit queries"],
                "after polling the other sees it"
            );

            // A related skill partly meets the needed one, and the reason says so.
            one.save_skill(
                &eve,
                &SkillInput {
                    label: "PostgreSQL".into(),
                    level: "4".into(),
                    ..Default::default()
                },
            )
            .await?;
            let r = one.recommended_placements(&eve, 5).await?;
            let reasons: Vec<&String> = r[0].reasons.iter().map(|(t, _)| t).collect();
            check!(
                r[0].reasons
                    .iter()
                    .any(|(t, n)| t.contains("PostgreSQL, a related skill") && *n == 20),
                "PostgreSQL at 4 counts as SQL at 2 of 4, half the 40 points: {reasons:?}"
            );
            check!(
                r[0].score == r[0].reasons.iter().map(|(_, n)| n).sum::<i32>(),
                "the reasons add up"
            );

            // Candidates: Eve is discoverable and shares her ranking with everyone, her
            // skills with her manager only. The other process scores her on the ranking alone.
            two.load_match_index().await?;
            one.save_my_placement_profile(&eve, true, "6").await?;
            one.save_factors(
                &eve,
                &FactorsInput {
                    ranking: ["learning", "meaning", "autonomy", "status"]
                        .map(String::from)
                        .to_vec(),
                    met: None,
                    step: None,
                },
            )
            .await?;
            one.set_compass_audience(&eve, "factors", "everyone")
                .await?;
            one.set_compass_audience(&eve, "skills", "manager").await?;
            check!(
                two.placement_candidates(&cleo, p.id).await?.is_empty(),
                "not before polling"
            );
            two.sync_match_index().await?;
            let c = two.placement_candidates(&cleo, p.id).await?;
            check!(
                c.len() == 1 && c[0].person.id == eve.id(),
                "eve is a candidate"
            );
            check!(
                c[0].score == 16
                    && c[0].reasons.iter().all(|(t, _)| !t.contains("PostgreSQL"))
                    && c[0]
                        .reasons
                        .iter()
                        .any(|(t, n)| t.contains("not recorded") && *n == 0),
                "scored on the ranking she shares with everyone, not her skills: {:?}",
                c[0].reasons
            );
            one.save_my_placement_profile(&eve, false, "").await?;
            two.sync_match_index().await?;
            check!(
                two.placement_candidates(&cleo, p.id).await?.is_empty(),
                "gone once she is no longer discoverable"
            );

            // Deleted through the other; a poller running in the first removes it in time.
            ladderless_core::match_index::spawn_sync(one.clone());
            two.delete_placement(&cleo, p.id).await?;
            let mut gone = false;
            for _ in 0..20 {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                if titles(&one, &eve).await?.is_empty() {
                    gone = true;
                    break;
                }
            }
            check!(gone, "the first process drops it within 2 s");
            anyhow::Ok(())
        };
        if let Err(e) = run.await {
            panic!("{backend:?}: {e:#}");
        }
    }
}
