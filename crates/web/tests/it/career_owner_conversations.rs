//! Internal customers and conversations over HTTP: bad input refused with the field named and
//! nothing written, and the JSON API for customers, conversations, needs and follow-ups.

use crate::career_owner_support;

use career_owner_support::{actor, day, excerpt, send, signed_in, token_for};
use ladderless_testkit::{check, each_backend, person_id};
use serde_json::json;

#[tokio::test]
async fn bad_customers_and_conversations_are_refused_with_the_field_named() {
    each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        eve.get("/customers").await?;
        let cases: [(&[(&str, &str)], &str); 7] = [
            (
                &[("relationship", "peer"), ("strength", "2")],
                "Colleague is required: choose a colleague or a team",
            ),
            (
                &[
                    ("person", "eve@example.org"),
                    ("relationship", "peer"),
                    ("strength", "2"),
                ],
                "Colleague is you",
            ),
            (
                &[
                    ("person", "Nobody At All"),
                    ("relationship", "peer"),
                    ("strength", "2"),
                ],
                "Colleague matches nobody in the directory",
            ),
            (
                &[
                    ("person", "sid@example.org"),
                    ("relationship", "boss"),
                    ("strength", "2"),
                ],
                "Relationship must be one of",
            ),
            (
                &[
                    ("person", "sid@example.org"),
                    ("relationship", "peer"),
                    ("strength", "9"),
                ],
                "Strength must be between 1 and 5",
            ),
            (
                &[
                    ("person", "sid@example.org"),
                    ("relationship", "peer"),
                    ("strength", "2"),
                    ("last_contact", "03/04/2025"),
                ],
                "Last contact must be a date written YYYY-MM-DD",
            ),
            (
                &[
                    ("person", "sid@example.org"),
                    ("relationship", "peer"),
                    ("strength", "2"),
                    ("goals", "Keep this text"),
                    ("last_contact", "2025-03-10"),
                    ("next_contact", "2025-03-01"),
                ],
                "Next contact must not be before the last contact",
            ),
        ];
        for (fields, message) in cases {
            let r = eve.post_form("/customers", fields).await?;
            check!(
                r.status == 422 && r.body.contains(message),
                "{message}: {} {}",
                r.status,
                excerpt(&r.body)
            );
        }
        let r = eve
            .post_form(
                "/customers",
                &[
                    ("person", "sid@example.org"),
                    ("relationship", "peer"),
                    ("strength", "2"),
                    ("goals", "Keep this text"),
                    ("next_contact", "2025-13-01"),
                ],
            )
            .await?;
        check!(
            r.body.contains("Keep this text") && r.body.contains("value=\"sid@example.org\""),
            "input kept"
        );
        check!(
            s.app
                .store
                .customers(person_id(&s.app, "eve@example.org").await?)
                .await?
                .is_empty(),
            "nothing written"
        );
        let r = eve
            .post_form(
                "/customers",
                &[
                    ("person", "Sid Sibling"),
                    ("relationship", "peer"),
                    ("strength", "2"),
                ],
            )
            .await?;
        check!(r.status == 303, "by exact name: {}", excerpt(&r.body));
        eve.get("/customers").await?;
        let r = eve
            .post_form(
                "/customers",
                &[
                    ("person", "sid@example.org"),
                    ("relationship", "peer"),
                    ("strength", "3"),
                ],
            )
            .await?;
        check!(
            r.status == 422 && r.body.contains("Colleague is already in your map"),
            "duplicate"
        );
        let team = s.app.store.teams().await?[0].id.to_string();
        let r = eve
            .post_form(
                "/customers",
                &[
                    ("team_id", &team),
                    ("relationship", "stakeholder"),
                    ("strength", "1"),
                ],
            )
            .await?;
        check!(r.status == 303, "a team: {}", excerpt(&r.body));

        eve.get("/conversations/new").await?;
        let before = s
            .app
            .store
            .conversations(person_id(&s.app, "eve@example.org").await?, None, 10)
            .await?
            .len();
        let cases: [(&[(&str, &str)], &str); 5] = [
            (
                &[("kind", "discovery")],
                "Customers: choose at least one customer",
            ),
            (
                &[
                    ("customer", "00000000-0000-0000-0000-000000000000"),
                    ("kind", "discovery"),
                ],
                "Customers: must be customers in your map",
            ),
            (
                &[("customer", &team), ("kind", "gossip")],
                "Kind must be one of",
            ),
            (
                &[("kind", "discovery"), ("bank", "no-such-question")],
                "is not in the question bank",
            ),
            (
                &[("kind", "discovery"), ("held_on", "tomorrow")],
                "Date must be a date written YYYY-MM-DD",
            ),
        ];
        for (fields, message) in cases {
            let r = eve.post_form("/conversations", fields).await?;
            check!(
                r.status == 422 && r.body.contains(message),
                "{message}: {} {}",
                r.status,
                excerpt(&r.body)
            );
        }
        let mine = s
            .app
            .customer_lines(&actor(&s, "eve@example.org").await?)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let sid = mine
            .iter()
            .find(|l| l.customer.name == "Sid Sibling")
            .map(|l| l.customer.id.to_string())
            .unwrap_or_default();
        let r = eve
            .post_form(
                "/conversations",
                &[
                    ("customer", &sid),
                    ("kind", "discovery"),
                    ("need", ""),
                    ("need_evidence", "Some evidence"),
                    ("follow_action", "Call back"),
                    ("follow_due", ""),
                ],
            )
            .await?;
        check!(
            r.status == 422
                && r.body
                    .contains("row 1: write the need as well as the evidence")
                && r.body.contains("row 1: give a due date")
                && r.body.contains("Some evidence"),
            "rows: {}",
            excerpt(&r.body)
        );
        let after = s
            .app
            .store
            .conversations(person_id(&s.app, "eve@example.org").await?, None, 10)
            .await?
            .len();
        check!(before == after, "nothing half-written");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_api_manages_customers_conversations_needs_and_follow_ups() {
    each_backend(|s| async move {
        let eve = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let max = person_id(&s.app, "max@example.org").await?;
        let r = send(&eve, "POST", "/api/v1/customers", &t, Some(json!({"person_id": max, "relationship": "manager", "strength": 3, "next_contact": day(&s, 5)}))).await?;
        check!(r.status == 201 && r.json()["name"] == "Max Manager" && r.json()["due"] == "soon", "create: {}", r.body);
        let id = r.json()["id"].as_str().unwrap_or_default().to_string();
        let r = send(&eve, "POST", "/api/v1/customers", &t, Some(json!({"person": "max@example.org", "relationship": "peer", "strength": 2}))).await?;
        check!(r.status == 422 && r.json()["fields"]["person"] == "is already in your map", "duplicate: {}", r.body);
        let r = send(&eve, "PUT", &format!("/api/v1/customers/{id}"), &t, Some(json!({"relationship": "sponsor", "strength": 5, "goals": "Grow the team"}))).await?;
        check!(r.status == 200 && r.json()["relationship"] == "sponsor" && r.json()["strength"] == 5, "update: {}", r.body);
        let r = send(&eve, "POST", "/api/v1/conversations", &t, Some(json!({"kind": "career", "customers": [id], "questions": ["Can I get promoted?"],
            "bank": ["goals-this-year"], "needs": [{"need": "A deputy for the on-call rota"}], "follow_ups": [{"action": "Send the rota draft", "due_on": day(&s, 1)}]}))).await?;
        check!(r.status == 201, "conversation: {}", r.body);
        let q = &r.json()["questions"][0];
        check!(q["verdict"]["openness"] == "closed" && q["verdict"]["focus"] == "self" && q["reword"] == true, "judged: {q}");
        check!(r.json()["questions"][1]["bank_id"] == "goals-this-year", "bank question");
        let conv = r.json()["line"]["id"].as_str().unwrap_or_default().to_string();
        let needs = send(&eve, "GET", "/api/v1/needs", &t, None).await?.json();
        check!(needs["items"][0]["need"] == "A deputy for the on-call rota" && needs["items"][0]["customer_name"] == "Max Manager", "needs: {needs}");
        let due = send(&eve, "GET", "/api/v1/follow-ups", &t, None).await?.json();
        let fu = due["items"][0]["id"].as_str().unwrap_or_default().to_string();
        check!(due["items"][0]["due"] == "soon", "due: {due}");
        let r = send(&eve, "PUT", &format!("/api/v1/follow-ups/{fu}"), &t, Some(json!({"done": true}))).await?;
        check!(r.status == 200 && send(&eve, "GET", "/api/v1/follow-ups", &t, None).await?.json()["items"].as_array().is_some_and(|a| a.is_empty()), "done");
        let one = send(&eve, "GET", &format!("/api/v1/customers/{id}"), &t, None).await?.json();
        check!(one["conversations"].as_array().is_some_and(|a| a.len() == 1) && one["needs"].as_array().is_some_and(|a| a.len() == 1), "customer timeline: {one}");
        check!(send(&eve, "GET", "/api/v1/conversations", &t, None).await?.json()["items"].as_array().is_some_and(|a| a.len() == 1), "list");
        let bad = send(&eve, "POST", "/api/v1/conversations", &t, Some(json!({"kind": "career", "customers": [id], "follow_ups": [{"action": "x", "due_on": "soon"}]}))).await?;
        check!(bad.status == 422 && bad.json()["fields"]["follow_ups"].as_str().is_some_and(|m| m.contains("row 1")), "bad follow-up: {}", bad.body);
        check!(send(&eve, "DELETE", &format!("/api/v1/conversations/{conv}"), &t, None).await?.status == 204, "delete conversation");
        check!(send(&eve, "DELETE", &format!("/api/v1/customers/{id}"), &t, None).await?.status == 204, "delete customer");
        check!(send(&eve, "GET", "/api/v1/customers", &t, None).await?.json()["items"].as_array().is_some_and(|a| a.is_empty()), "empty");
        for path in ["/api/v1/customers/not-a-uuid", "/api/v1/conversations/42", "/api/v1/people/x/compass"] {
            let r = send(&eve, "GET", path, &t, None).await?;
            check!(r.status == 404 && r.json()["error"] == "not_found", "{path}: {} {}", r.status, r.body);
        }
        let page = s.client();
        page.sign_in("eve@example.org", ladderless_testkit::PASSWORD).await?;
        for path in ["/customers/not-a-uuid", "/conversations/42", "/people/x/compass/history"] {
            let r = page.get(path).await?;
            check!(r.status == 404 && r.body.contains("Page not found"), "{path}: {}", r.status);
        }
        check!(eve.get("/api/v1/customers").await?.status == 401, "no token, no session: 401");
        Ok(())
    })
    .await;
}
