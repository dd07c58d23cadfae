//! The placement pages in the browser's place: posting with field errors, drafts kept from
//! others, browsing with filters, interest with a coached note, the owner's answer, what a
//! manager is told, "not for me", the marketplace profile, and nobody else changing anything.

use anyhow::Context;
use ladderless_domain::ids::PlacementId;
use ladderless_testkit::{check, each_backend, person_id, signed_in};

/// The id in a `/placements/{id}?notice=…` redirect.
fn placement_of(location: &Option<String>) -> anyhow::Result<String> {
    let l = location.as_deref().context("a redirect")?;
    let id = l
        .trim_start_matches("/placements/")
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    Ok(id.to_string())
}

/// An open, remote placement: [hours a week, weeks, places].
fn remote(
    title: &str,
    description: &str,
    kind: &str,
    [hours, weeks, places]: [&str; 3],
) -> ladderless_core::placements::PlacementInput {
    ladderless_core::placements::PlacementInput {
        title: title.into(),
        description: description.into(),
        kind: kind.into(),
        status: "open".into(),
        hours_per_week: hours.into(),
        duration_weeks: weeks.into(),
        work_mode: "remote".into(),
        places: places.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_placement_is_posted_browsed_applied_for_and_answered_through_the_pages() {
    each_backend(|s| async move {
        let app = &s.app;
        let sql = app
            .search_skills("SQL", 1)
            .await?
            .pop()
            .context("a skill")?;
        let eve = signed_in(&s, "eve@example.org").await?;
        let sid = signed_in(&s, "sid@example.org").await?;
        let nia = signed_in(&s, "nia@example.org").await?;
        let max = signed_in(&s, "max@example.org").await?;

        // Bad input: every field named, nothing written.
        eve.get("/placements/new").await?;
        let bad = eve
            .post_form(
                "/placements",
                &[
                    ("title", ""),
                    ("kind", "party"),
                    ("needed_0", "Not a skill at all"),
                    ("hours_per_week", "300"),
                ],
            )
            .await?;
        check!(bad.status == 422, "field errors re-render: {}", bad.status);
        for msg in [
            "Title is required",
            "Type ",
            "Skill is not a skill in the taxonomy",
            "Hours a week ",
        ] {
            check!(bad.body.contains(msg), "names {msg}");
        }
        check!(
            app.store
                .placements_of(person_id(app, "eve@example.org").await?)
                .await?
                .is_empty(),
            "nothing written"
        );

        // A good one, with a skill picked by its name.
        let ok = eve
            .post_form(
                "/placements",
                &[
                    ("title", "Tidy the quarterly reports"),
                    ("kind", "gig"),
                    ("status", "open"),
                    (
                        "description",
                        "Three reports run by hand each quarter. Automate them.",
                    ),
                    ("needed_0", sql.label.as_str()),
                    ("needed_0_level", "3"),
                    ("offers_learning", "strong"),
                    ("hours_per_week", "4"),
                    ("duration_weeks", "6"),
                    ("location", "Leeds"),
                    ("work_mode", "hybrid"),
                    ("places", "1"),
                ],
            )
            .await?;
        check!(ok.status == 303, "posted: {} {}", ok.status, ok.body);
        let id = placement_of(&ok.location)?;
        let page = eve.get(&format!("/placements/{id}")).await?;
        check!(
            page.status == 200
                && page.body.contains("Tidy the quarterly reports")
                && page.body.contains(&sql.label),
            "its page names the skill"
        );
        check!(
            page.body.contains("Who is interested"),
            "the owner sees the applicants' section"
        );

        // Only the owner (or a talent admin) changes it.
        check!(
            nia.get(&format!("/placements/{id}/edit")).await?.status == 403,
            "no edit form for others"
        );
        check!(
            nia.post_form(&format!("/placements/{id}"), &[("title", "Mine")])
                .await?
                .status
                == 403,
            "no edit for others"
        );
        check!(
            nia.post_form(&format!("/placements/{id}/delete"), &[])
                .await?
                .status
                == 403,
            "no delete for others"
        );
        let pid = PlacementId::from_uuid(id.parse()?);
        check!(
            app.store.placement(pid).await?.title == "Tidy the quarterly reports",
            "unchanged"
        );

        // Browsing finds it by words and filters; a bad filter is a field error.
        let found = sid.get("/placements?q=quarterly").await?;
        check!(
            found.status == 200 && found.body.contains("Tidy the quarterly reports"),
            "found by words"
        );
        let none = sid.get("/placements?q=quarterly&kind=mentoring").await?;
        check!(
            !none.body.contains("Tidy the quarterly reports"),
            "filtered out by type"
        );
        let wrong = sid.get("/placements?kind=party&max_hours=many").await?;
        check!(
            wrong.status == 422
                && wrong.body.contains("Type is not a placement type")
                && wrong.body.contains("Hours must be"),
            "bad filters named"
        );

        // A draft is nobody else's business.
        let draft = eve
            .post_form(
                "/placements",
                &[
                    ("title", "Secret reorganisation"),
                    ("kind", "project"),
                    ("status", "draft"),
                    ("description", "Not ready to share."),
                    ("hours_per_week", "2"),
                    ("duration_weeks", "4"),
                    ("places", "1"),
                    ("work_mode", "remote"),
                ],
            )
            .await?;
        check!(draft.status == 303, "draft posted: {}", draft.status);
        let did = placement_of(&draft.location)?;
        check!(
            sid.get(&format!("/placements/{did}")).await?.status == 404,
            "a draft is hidden"
        );
        check!(
            !sid.get("/placements?q=reorganisation")
                .await?
                .body
                .contains("Secret reorganisation"),
            "and not browsed"
        );
        check!(
            eve.get("/placements/mine")
                .await?
                .body
                .contains("Secret reorganisation"),
            "its owner lists it"
        );

        // Interest: the note is checked, then sent; the owner sees it, others do not.
        let blank = sid
            .post_form(&format!("/placements/{id}/interest"), &[("note", " ")])
            .await?;
        check!(
            blank.status == 422 && blank.body.contains("Note "),
            "blank note refused"
        );
        let sent = sid
            .post_form(
                &format!("/placements/{id}/interest"),
                &[(
                    "note",
                    "Your reports would run themselves; I automated ours last year.",
                )],
            )
            .await?;
        check!(sent.status == 303, "interest sent: {}", sent.status);
        let mine = sid.get(&format!("/placements/{id}")).await?.body;
        check!(
            mine.contains("Waiting for an answer") && !mine.contains("Who is interested"),
            "Sid sees his interest, not the list"
        );
        let owner = eve.get(&format!("/placements/{id}")).await?.body;
        check!(
            owner.contains("Sid") && owner.contains("automated ours"),
            "the owner sees Sid and his note"
        );
        check!(
            !nia.get(&format!("/placements/{id}"))
                .await?
                .body
                .contains("automated ours"),
            "a colleague does not"
        );

        // The manager is told, unless Sid keeps it from him.
        check!(
            max.get("/placements/mine")
                .await?
                .body
                .contains("Tidy the quarterly reports"),
            "Max is told"
        );
        let interest = app
            .store
            .interests_in(pid)
            .await?
            .pop()
            .context("an interest")?;
        let iid = interest.id.uuid();
        check!(
            nia.post_form(
                &format!("/placement-interests/{iid}/confidential"),
                &[("confidential", "on")]
            )
            .await?
            .status
                == 404,
            "only Sid changes it"
        );
        sid.get("/placements/mine").await?;
        sid.post_form(
            &format!("/placement-interests/{iid}/confidential"),
            &[("confidential", "on")],
        )
        .await?;
        check!(
            !max.get("/placements/mine")
                .await?
                .body
                .contains("Tidy the quarterly reports"),
            "kept from Max"
        );

        // Only the owner answers; a decline needs a reason, which Sid then reads.
        check!(
            nia.post_form(
                &format!("/placement-interests/{iid}/decide"),
                &[("decision", "accept"), ("placement", &id)]
            )
            .await?
            .status
                == 404,
            "a colleague cannot answer"
        );
        check!(
            nia.post_form(&format!("/placement-interests/{iid}/withdraw"), &[])
                .await?
                .status
                == 404,
            "nor withdraw it"
        );
        eve.get(&format!("/placements/{id}")).await?;
        let no_reason = eve
            .post_form(
                &format!("/placement-interests/{iid}/decide"),
                &[("decision", "decline"), ("placement", &id)],
            )
            .await?;
        check!(
            no_reason.status == 422 && no_reason.body.contains("reason is required"),
            "a reason is needed"
        );
        let declined = eve
            .post_form(
                &format!("/placement-interests/{iid}/decide"),
                &[
                    ("decision", "decline"),
                    ("reason", "We need someone from finance this time."),
                    ("placement", &id),
                ],
            )
            .await?;
        check!(declined.status == 303, "declined: {}", declined.status);
        let sid_mine = sid.get("/placements/mine").await?.body;
        check!(
            sid_mine.contains("Declined") && sid_mine.contains("someone from finance"),
            "Sid reads the reason"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn not_for_me_and_the_profile_are_checked_and_private() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let sid = signed_in(&s, "sid@example.org").await?;
        eve.get("/placements/new").await?;
        let ok = eve
            .post_form(
                "/placements",
                &[
                    ("title", "Run the charity quiz"),
                    ("kind", "volunteering"),
                    ("status", "open"),
                    ("hours_per_week", "2"),
                    (
                        "description",
                        "Host the autumn quiz for the local food bank.",
                    ),
                    ("duration_weeks", "1"),
                    ("places", "3"),
                    ("location", "Leeds"),
                ],
            )
            .await?;
        check!(ok.status == 303, "posted: {}", ok.status);
        let id = placement_of(&ok.location)?;

        sid.get("/placements/for-me").await?;
        let bad = sid
            .post_form(
                &format!("/placements/{id}/not-for-me"),
                &[("reason", "boring")],
            )
            .await?;
        check!(
            bad.status == 422 && bad.body.contains("reason must be one of"),
            "unknown reason named: {}",
            bad.status
        );
        let good = sid
            .post_form(
                &format!("/placements/{id}/not-for-me"),
                &[("reason", "not_this_kind")],
            )
            .await?;
        check!(
            good.status == 303
                && good
                    .location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/placements/for-me")),
            "back to my picks"
        );
        let sid_id = person_id(&s.app, "sid@example.org").await?;
        check!(s.app.store.not_for_me_of(sid_id).await?.len() == 1, "kept");
        check!(
            s.app
                .store
                .not_for_me_of(person_id(&s.app, "eve@example.org").await?)
                .await?
                .is_empty(),
            "Sid's, not Eve's"
        );

        let hours = sid
            .post_form(
                "/placements/profile",
                &[("discoverable", "on"), ("hours_available", "90")],
            )
            .await?;
        check!(
            hours.status == 422 && hours.body.contains("Hours must be a whole number"),
            "bad hours named"
        );
        check!(
            !s.app.store.placement_profile(sid_id).await?.discoverable,
            "nothing saved"
        );
        let saved = sid
            .post_form(
                "/placements/profile",
                &[("discoverable", "on"), ("hours_available", "6")],
            )
            .await?;
        check!(saved.status == 303, "saved");
        let p = s.app.store.placement_profile(sid_id).await?;
        check!(
            p.discoverable && p.hours_available == Some(6),
            "saved as given"
        );
        check!(
            !eve.get("/placements/mine")
                .await?
                .body
                .contains("value=\"6\""),
            "Eve's page shows her own profile only"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn directions_list_their_placements_and_people_show_theirs_to_whom_they_share_with() {
    each_backend(|s| async move {
        let app = &s.app;
        let ann = crate::career_owner_support::actor(&s, "ann@example.org").await?;
        let eve_a = crate::career_owner_support::actor(&s, "eve@example.org").await?;
        let sid_a = crate::career_owner_support::actor(&s, "sid@example.org").await?;
        let dir = app
            .create_direction(
                &ann,
                &ladderless_core::directions::DirectionInput {
                    title: "Serve the north better".into(),
                    aim: "Open two more sites".into(),
                    ..Default::default()
                },
            )
            .await?;
        let input = ladderless_core::placements::PlacementInput {
            directions: vec![dir.id.to_string()],
            ..remote(
                "Scout the Leeds site",
                "Visit three buildings and report back.",
                "project",
                ["3", "4", "1"],
            )
        };
        let p = app.create_placement(&eve_a, &input).await?;
        let sid = signed_in(&s, "sid@example.org").await?;
        let page = sid.get(&format!("/directions/{}", dir.id)).await?.body;
        check!(
            page.contains("Placements serving it") && page.contains("Scout the Leeds site"),
            "the direction lists it"
        );

        let i = app
            .express_interest(
                &sid_a,
                p.id,
                "Your sites need a scout who knows Leeds: I grew up there.",
                false,
            )
            .await?;
        app.decide_interest(&eve_a, i.id, true, "").await?;
        let sid_id = person_id(app, "sid@example.org").await?;
        let own = sid.get(&format!("/people/{sid_id}")).await?.body;
        check!(
            own.contains("Placements taken part in") && own.contains("Scout the Leeds site"),
            "Sid sees his own"
        );
        let nia = signed_in(&s, "nia@example.org").await?;
        let other = nia.get(&format!("/people/{sid_id}")).await?.body;
        check!(
            !other.contains("Scout the Leeds site"),
            "a colleague he does not share his skills with does not"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn window_shopping_reveals_a_ranking_that_can_be_adopted_and_stays_private() {
    each_backend(|s| async move {
        let app = &s.app;
        let eve_a = crate::career_owner_support::actor(&s, "eve@example.org").await?;
        // Twelve placements by Eve, offering much more of one factor each, in turn.
        let factors = [
            "offers_status",
            "offers_autonomy",
            "offers_meaning",
            "offers_learning",
        ];
        for i in 0..12 {
            let mut input = remote(
                &format!("Card {i}"),
                "A few hours of help.",
                ["gig", "project", "shadowing"][i % 3],
                ["2", "2", "1"],
            );
            match factors[i % 4] {
                "offers_status" => input.offers_status = "strong".into(),
                "offers_autonomy" => input.offers_autonomy = "strong".into(),
                "offers_meaning" => input.offers_meaning = "strong".into(),
                _ => input.offers_learning = "strong".into(),
            }
            app.create_placement(&eve_a, &input).await?;
        }
        let sid = signed_in(&s, "sid@example.org").await?;
        let first = sid.get("/placements/shop").await?;
        check!(
            first.status == 200 && first.body.contains("React to 8 cards"),
            "an empty start says what to do"
        );
        let bad = sid
            .post_form(
                "/placements/shop",
                &[("kind", "holiday"), ("key", "x"), ("reaction", "love")],
            )
            .await?;
        check!(
            bad.status == 422
                && bad.body.contains("kind must be placement or role")
                && !bad.body.contains("reaction must"),
            "the first bad field is named: {}",
            bad.status
        );
        let early = sid.post_form("/placements/shop/adopt", &[]).await?;
        check!(
            early.status == 422 && early.body.contains("needs at least 8 reactions"),
            "nothing to adopt yet"
        );

        // Sid likes what offers learning and passes the rest, card by card as the page offers them.
        let sid_a = crate::career_owner_support::actor(&s, "sid@example.org").await?;
        for _ in 0..12 {
            let Some(card) = app.next_shopping_card(&sid_a).await? else {
                break;
            };
            let reaction = if card.features[3] > 1.0 {
                "like"
            } else {
                "pass"
            };
            let r = sid
                .post_form(
                    "/placements/shop",
                    &[
                        ("kind", card.kind.code()),
                        ("key", &card.key),
                        ("reaction", reaction),
                    ],
                )
                .await?;
            check!(r.status == 303, "reacted: {}", r.status);
        }
        let view = app.shopping_view(&sid_a).await?;
        check!(view.reactions == 12, "every card once: {}", view.reactions);
        let revealed = view.revealed.context("revealed")?;
        check!(
            revealed.0[0] == ladderless_domain::compass::Factor::Learning,
            "learning comes first: {:?}",
            revealed.0
        );
        let page = sid.get("/placements/shop").await?.body;
        check!(
            page.contains("You choose") && page.contains("Use the order I choose in my compass"),
            "the page shows it"
        );

        // Nobody else sees Sid's reactions.
        let nia_a = crate::career_owner_support::actor(&s, "nia@example.org").await?;
        check!(
            app.shopping_view(&nia_a).await?.reactions == 0,
            "Nia's view is her own"
        );

        let adopted = sid.post_form("/placements/shop/adopt", &[]).await?;
        check!(adopted.status == 303, "adopted: {}", adopted.status);
        let compass = app.store.compass(sid_a.id()).await?.context("a compass")?;
        check!(
            compass.ranking.starts_with("learning"),
            "the compass has the revealed order: {}",
            compass.ranking
        );
        let history = sid.get("/compass/history").await?;
        check!(history.status == 200, "its history page");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_skill_gap_links_to_open_placements_that_teach_it_and_a_plan_can_hold_one() {
    each_backend(|s| async move {
        let app = &s.app;
        let eve = crate::career_owner_support::actor(&s, "eve@example.org").await?;
        let sid = crate::career_owner_support::actor(&s, "sid@example.org").await?;
        let sql = app
            .search_skills("SQL", 1)
            .await?
            .pop()
            .context("a skill")?;
        let input = ladderless_core::placements::PlacementInput {
            skills_to_learn: vec![ladderless_core::placements::SkillInput {
                skill_id: sql.id.clone(),
                ..Default::default()
            }],
            ..remote(
                "Learn SQL on the reporting rota",
                "Two hours a week with the reporting team.",
                "training",
                ["2", "6", "2"],
            )
        };
        let p = app.create_placement(&eve, &input).await?;
        let gap = ladderless_graph::Gap {
            skill: ladderless_graph::SkillRef {
                area: ladderless_graph::SkillArea::Esco,
                id: sql.id.clone(),
                name: sql.label.clone(),
            },
            current_level: None,
            target_level: None,
            importance: 0.8,
            essential: true,
        };
        let closers = app.link_index(&sid, &[]).await?.closers(&gap);
        let pid = p.id.uuid().to_string();
        check!(
            closers.iter().any(|c| c.kind == "placement" && c.id == pid),
            "the gap finds the placement: {closers:?}"
        );
        // Its own owner is not pointed at it.
        check!(
            !app.link_index(&eve, &[])
                .await?
                .closers(&gap)
                .iter()
                .any(|c| c.kind == "placement"),
            "not for its owner"
        );

        // A plan can hold the placement as a growth item, linked to its page.
        let plan = app
            .create_plan(
                &sid,
                &ladderless_core::plans::PlanInput {
                    title: "Towards analytics".into(),
                    cadence: "quarterly".into(),
                    sharing: "private".into(),
                    items: vec![ladderless_core::plans::ItemInput {
                        section: "growth".into(),
                        kind: "placement".into(),
                        reference: pid.clone(),
                        label: "Reporting rota".into(),
                    }],
                    ..Default::default()
                },
            )
            .await?;
        let web = signed_in(&s, "sid@example.org").await?;
        let page = web.get(&format!("/plans/{}", plan.id)).await?.body;
        check!(
            page.contains(&format!("/placements/{pid}")),
            "the plan links to the placement"
        );
        let bad = app
            .create_plan(
                &sid,
                &ladderless_core::plans::PlanInput {
                    title: "Bad".into(),
                    cadence: "quarterly".into(),
                    sharing: "private".into(),
                    items: vec![ladderless_core::plans::ItemInput {
                        section: "growth".into(),
                        kind: "placement".into(),
                        reference: ladderless_store::new_id().to_string(),
                        label: "Nothing".into(),
                    }],
                    ..Default::default()
                },
            )
            .await;
        check!(
            matches!(bad, Err(ladderless_core::CoreError::Invalid(_))),
            "an unknown placement is a field error"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn sharing_a_placement_tells_only_the_colleague_chosen() {
    each_backend(|s| async move {
        let app = &s.app;
        let eve_a = crate::career_owner_support::actor(&s, "eve@example.org").await?;
        let input = remote(
            "Run the spring hackathon",
            "Two days, thirty people, one theme.",
            "volunteering",
            ["2", "3", "2"],
        );
        let p = app.create_placement(&eve_a, &input).await?;
        let pid = p.id.uuid();
        let sid = signed_in(&s, "sid@example.org").await?;
        sid.get(&format!("/placements/{pid}")).await?;
        let nia_id = person_id(app, "nia@example.org").await?;
        let sid_id = person_id(app, "sid@example.org").await?;
        let to_self = sid
            .post_form(
                &format!("/placements/{pid}/share"),
                &[("person_id", &sid_id.to_string())],
            )
            .await?;
        check!(
            to_self.status == 422 && to_self.body.contains("is you"),
            "not to oneself: {}",
            to_self.status
        );
        let nobody = sid
            .post_form(
                &format!("/placements/{pid}/share"),
                &[("person_id", "someone")],
            )
            .await?;
        check!(
            nobody.status == 422 && nobody.body.contains("pick one from the list"),
            "a person is needed"
        );
        let ok = sid
            .post_form(
                &format!("/placements/{pid}/share"),
                &[
                    ("person_id", &nia_id.to_string()),
                    ("share_note", "You ran the last one so well."),
                ],
            )
            .await?;
        check!(ok.status == 303, "shared: {}", ok.status);
        let nia = signed_in(&s, "nia@example.org").await?;
        let list = nia.get("/notifications").await?.body;
        check!(
            list.contains("thinks Run the spring hackathon could suit you")
                && list.contains("ran the last one so well"),
            "Nia is told"
        );
        let max = signed_in(&s, "max@example.org").await?;
        check!(
            !max.get("/notifications")
                .await?
                .body
                .contains("spring hackathon"),
            "nobody else is"
        );
        // A draft cannot be shared by someone who cannot see it.
        let mut draft = input.clone();
        draft.status = "draft".into();
        let d = app.create_placement(&eve_a, &draft).await?;
        let r = sid
            .post_form(
                &format!("/placements/{}/share", d.id.uuid()),
                &[("person_id", &nia_id.to_string())],
            )
            .await?;
        check!(r.status == 404, "a draft is not found: {}", r.status);
        Ok(())
    })
    .await;
}
