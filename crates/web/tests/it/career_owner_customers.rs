//! Internal customers and conversations over HTTP: private to their owner whatever the owner
//! shares elsewhere, and what the owner sees (map, network, timeline, coach, follow-ups).

use crate::career_owner_support;

use career_owner_support::{day, excerpt, id_from, send, signed_in, token_for};
use ladderless_testkit::{Client, TestServer, check, each_backend, person_id};
use serde_json::json;

/// Eve adds Max as an overdue customer and logs a conversation with a need and a follow-up.
async fn eve_logs_a_conversation(s: &TestServer, eve: &Client) -> anyhow::Result<(String, String)> {
    eve.get("/customers").await?;
    let r = eve
        .post_form(
            "/customers",
            &[
                ("person", "max@example.org"),
                ("relationship", "manager"),
                ("strength", "4"),
                ("goals", "Ship the platform rewrite by June"),
                ("last_contact", &day(s, -30)),
                ("next_contact", &day(s, -2)),
            ],
        )
        .await?;
    check!(
        r.status == 303,
        "add customer: {} {}",
        r.status,
        excerpt(&r.body)
    );
    let customer = id_from(&r, "/customers/");
    eve.get("/conversations/new").await?;
    let r = eve
        .post_form(
            "/conversations",
            &[
                ("customer", &customer),
                ("held_on", &day(s, 0)),
                ("kind", "discovery"),
                ("title", "Rewrite risks"),
                (
                    "questions",
                    "Do you have a job opening for me?\nWhat is slowing the rewrite down?",
                ),
                ("bank", "goals-this-year"),
                ("learned", "Reviews are the bottleneck"),
                ("need_customer", ""),
                ("need", "Faster code reviews"),
                ("need_evidence", "PRs wait 4 days"),
                ("follow_customer", ""),
                ("follow_action", "Draft a review rota"),
                ("follow_due", &day(s, 3)),
            ],
        )
        .await?;
    check!(
        r.status == 303,
        "log conversation: {} {}",
        r.status,
        excerpt(&r.body)
    );
    Ok((customer, id_from(&r, "/conversations/")))
}

#[tokio::test]
async fn customers_and_conversations_are_only_ever_their_owners() {
    each_backend(|s| async move {
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        let eve = signed_in(&s, "eve@example.org").await?;
        let (customer, conversation) = eve_logs_a_conversation(&s, &eve).await?;
        let follow_up = s.app.store.follow_ups(eve_id, None, None).await?[0]
            .id
            .to_string();
        for audience in ["private", "manager", "talent_team", "everyone"] {
            for section in ["factors", "values", "skills", "aspirations"] {
                s.app
                    .store
                    .set_audience(eve_id, section.parse()?, audience.parse()?, s.app.now())
                    .await?;
            }
            for email in ["sid@example.org", "max@example.org", "ann@example.org"] {
                let c = signed_in(&s, email).await?;
                let t = token_for(&s, email).await?;
                for path in [
                    format!("/customers/{customer}"),
                    format!("/conversations/{conversation}"),
                ] {
                    check!(
                        c.get(&path).await?.status == 404,
                        "{email} ({audience}): GET {path}"
                    );
                }
                c.get("/customers").await?;
                for path in [
                    format!("/customers/{customer}"),
                    format!("/customers/{customer}/delete"),
                    format!("/conversations/{conversation}/delete"),
                    format!("/follow-ups/{follow_up}/done"),
                ] {
                    let r = c
                        .post_form(&path, &[("relationship", "peer"), ("strength", "1")])
                        .await?;
                    check!(
                        r.status == 404,
                        "{email} ({audience}): POST {path}: {}",
                        r.status
                    );
                }
                for (m, path, body) in [
                    ("GET", format!("/api/v1/customers/{customer}"), None),
                    (
                        "PUT",
                        format!("/api/v1/customers/{customer}"),
                        Some(json!({"relationship": "peer", "strength": 1})),
                    ),
                    ("DELETE", format!("/api/v1/customers/{customer}"), None),
                    ("GET", format!("/api/v1/conversations/{conversation}"), None),
                    (
                        "DELETE",
                        format!("/api/v1/conversations/{conversation}"),
                        None,
                    ),
                    (
                        "PUT",
                        format!("/api/v1/follow-ups/{follow_up}"),
                        Some(json!({"done": true})),
                    ),
                ] {
                    let r = send(&c, m, &path, &t, body).await?;
                    check!(
                        r.status == 404 && r.json()["error"] == "not_found",
                        "{email} ({audience}): {m} {path}: {}",
                        r.status
                    );
                }
                for path in [
                    "/api/v1/customers",
                    "/api/v1/conversations",
                    "/api/v1/needs",
                    "/api/v1/follow-ups?all=true",
                ] {
                    let body = send(&c, "GET", path, &t, None).await?.body;
                    check!(
                        !body.contains("Rewrite risks")
                            && !body.contains("Faster code reviews")
                            && !body.contains("Draft a review rota")
                            && !body.contains("platform rewrite"),
                        "{email}: {path} leaks"
                    );
                }
                for path in ["/customers", "/conversations", "/"] {
                    let body = c.get(path).await?.body;
                    check!(
                        !body.contains("Rewrite risks")
                            && !body.contains("Draft a review rota")
                            && !body.contains("platform rewrite"),
                        "{email}: page {path} leaks"
                    );
                }
                let compass = c.get(&format!("/people/{eve_id}/compass")).await?.body;
                check!(
                    !compass.contains("platform rewrite") && !compass.contains("Rewrite risks"),
                    "{email}: compass shows no customers"
                );
            }
        }
        let c = s.app.store.customer(eve_id, customer.parse()?).await?;
        check!(
            c.relationship.code() == "manager" && c.strength == 4,
            "unchanged customer"
        );
        check!(
            s.app.store.conversations(eve_id, None, 10).await?.len() == 1,
            "conversation kept"
        );
        check!(
            s.app.store.follow_ups(eve_id, None, None).await?.len() == 1,
            "follow-up still open"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_owner_sees_the_map_network_timeline_coach_and_follow_ups() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let (customer, conversation) = eve_logs_a_conversation(&s, &eve).await?;
        let list = eve.get("/customers").await?;
        check!(
            list.status == 200 && list.body.contains("Max Manager: Manager, strength 4 of 5"),
            "network node: {}",
            excerpt(&list.body)
        );
        check!(
            !list.body.contains("strength 4 of 5, contact overdue"),
            "talking to Max cleared the past-due next contact"
        );
        let conv = eve.get(&format!("/conversations/{conversation}")).await?;
        check!(
            conv.status == 200
                && conv.body.contains("Closed")
                && conv.body.contains("Try instead:"),
            "coach verdicts on the conversation"
        );
        check!(
            conv.body
                .contains("What are you most trying to achieve this year?")
                && conv.body.contains("Faster code reviews"),
            "bank question and need"
        );
        let page = eve.get(&format!("/customers/{customer}")).await?;
        check!(
            page.body.contains("Rewrite risks")
                && page.body.contains("Faster code reviews")
                && page.body.contains("Draft a review rota"),
            "timeline, needs, follow-ups"
        );
        check!(
            s.app
                .store
                .customer(
                    person_id(&s.app, "eve@example.org").await?,
                    customer.parse()?
                )
                .await?
                .last_contact
                == Some(s.app.today()),
            "last contact moved to today"
        );
        let home = eve.get("/").await?;
        check!(
            home.body.contains("Follow-ups due")
                && home.body.contains("Draft a review rota")
                && home.body.contains("in 3 days"),
            "home card"
        );
        let fu = s
            .app
            .store
            .follow_ups(person_id(&s.app, "eve@example.org").await?, None, None)
            .await?[0]
            .id;
        let r = eve
            .post_form(&format!("/follow-ups/{fu}/done"), &[("back", "/")])
            .await?;
        check!(
            r.status == 303 && r.location.as_deref() == Some("/?notice=follow_up_done"),
            "done: {:?}",
            r.location
        );
        check!(
            !eve.get("/").await?.body.contains("Draft a review rota"),
            "done follow-ups leave the home page"
        );
        let r = eve
            .post_form(
                &format!("/follow-ups/{fu}/done"),
                &[("back", "https://evil.example/")],
            )
            .await?;
        check!(
            r.location.as_deref() == Some("/conversations?notice=follow_up_done"),
            "no open redirect: {:?}",
            r.location
        );
        // An overdue next contact is highlighted in the list and the picture.
        eve.get("/customers").await?;
        eve.post_form(
            &format!("/customers/{customer}"),
            &[
                ("relationship", "manager"),
                ("strength", "5"),
                ("next_contact", &day(&s, -1)),
            ],
        )
        .await?;
        let list = eve.get("/customers").await?;
        check!(
            list.body
                .contains("Max Manager: Manager, strength 5 of 5, contact overdue")
                && list.body.contains("1 contact is overdue"),
            "overdue"
        );
        for path in [
            "/conversations",
            "/conversations/new",
            &format!("/conversations/new?customer={customer}&bank=goals-this-year"),
        ] {
            let r = eve.get(path).await?;
            check!(r.status == 200, "{path}: {}", r.status);
        }
        check!(
            eve.get(&format!(
                "/conversations/new?customer={customer}&bank=goals-this-year"
            ))
            .await?
            .body
            .contains("value=\"goals-this-year\" checked"),
            "pre-picked bank question"
        );
        let r = eve
            .post_form(&format!("/conversations/{conversation}/delete"), &[])
            .await?;
        check!(
            r.status == 303
                && eve
                    .get(&format!("/conversations/{conversation}"))
                    .await?
                    .status
                    == 404,
            "deleted"
        );
        let r = eve
            .post_form(&format!("/customers/{customer}/delete"), &[])
            .await?;
        check!(
            r.status == 303 && eve.get(&format!("/customers/{customer}")).await?.status == 404,
            "customer removed"
        );
        Ok(())
    })
    .await;
}
