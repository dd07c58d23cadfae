//! Curated moves: talent admins add, hide and annotate moves on the career map (pages and
//! API); the map and the moves API show them; nobody else may curate.

use crate::career_owner_support;

use career_owner_support::{excerpt, send, signed_in, token_for};
use ladderless_testkit::{TestServer, check, each_backend};
use serde_json::json;

const DEV: &str = "15-1252.00";
const NURSE: &str = "29-1141.00";

async fn with_graph(s: &TestServer) -> anyhow::Result<()> {
    s.app
        .refresh_graph()
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

/// The codes of the next moves the API lists from a role.
async fn move_codes(
    s: &TestServer,
    token: &str,
    from: &str,
) -> anyhow::Result<Vec<(String, serde_json::Value)>> {
    let r = s
        .client()
        .api_get(&format!("/api/v1/roles/{from}/moves?top=50"), token)
        .await?;
    check!(r.status == 200, "moves: {}", r.status);
    Ok(r.json()["moves"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|m| (m["to"].as_str().unwrap_or("").to_string(), m))
        .collect())
}

#[tokio::test]
async fn an_admin_curates_moves_and_the_map_shows_them() {
    each_backend(|s| async move {
        with_graph(&s).await?;
        let eve_token = token_for(&s, "eve@example.org").await?;
        let before = move_codes(&s, &eve_token, DEV).await?;
        check!(!before.iter().any(|(c, _)| c == NURSE), "a developer's moves do not include nursing by themselves");
        let (hidden, annotated) = (before[0].0.clone(), before[1].0.clone());

        let ann = signed_in(&s, "ann@example.org").await?;
        check!(ann.get("/admin/moves").await?.body.contains("No curated moves yet"), "empty list");
        // Field errors: an unknown code, a move to itself, a note-only curation without a note.
        let bad = ann.post_form("/admin/moves", &[("from", "99-9999.99"), ("to", NURSE), ("note", "x")]).await?;
        check!(bad.status == 422 && bad.body.contains("From role is not a role") && bad.body.contains("value=\"99-9999.99\""), "unknown code: {}", excerpt(&bad.body));
        let same = ann.post_form("/admin/moves", &[("from", DEV), ("to", "Software Developers")]).await?;
        check!(same.status == 422 && same.body.contains("must be another role"), "from = to: {}", excerpt(&same.body));
        let no_note = ann.post_form("/admin/moves", &[("from", DEV), ("to", &annotated), ("action", "annotate")]).await?;
        check!(no_note.status == 422 && no_note.body.contains("Note is required"), "annotate needs a note");

        // Add a move by title (as the type-ahead fills it in), hide one, annotate another.
        let r = ann.post_form("/admin/moves", &[("from", "Software Developers"), ("to", "Registered Nurses"), ("action", "add"), ("kind", "across"), ("note", "Our clinical informatics programme trains developers as nurses")]).await?;
        check!(r.status == 303, "add: {} {}", r.status, excerpt(&r.body));
        let dup = ann.post_form("/admin/moves", &[("from", DEV), ("to", NURSE), ("action", "remove")]).await?;
        check!(dup.status == 422 && dup.body.contains("curated already"), "duplicate: {}", excerpt(&dup.body));
        check!(ann.post_form("/admin/moves", &[("from", DEV), ("to", &hidden), ("action", "remove")]).await?.status == 303, "hide");
        check!(ann.post_form("/admin/moves", &[("from_code", DEV), ("to_code", &annotated), ("action", "annotate"), ("note", "Ask Max about shadowing")]).await?.status == 303, "annotate");
        let list = ann.get("/admin/moves?notice=curated_saved").await?;
        check!(list.body.contains("Curated moves (3)") && list.body.contains("Registered Nurses") && list.body.contains("Hidden") && list.body.contains("Note only"), "listed: {}", excerpt(&list.body));

        // The map of a developer: the added move is marked with its note, the hidden one is gone.
        let eve = signed_in(&s, "eve@example.org").await?;
        let map = eve.get("/map").await?;
        check!(map.status == 200, "map");
        check!(map.body.contains("href=\"/map?role=29-1141.00\""), "the added move is on the map");
        check!(map.body.contains("Recommended</span> by the talent team: Our clinical informatics programme trains developers as nurses"), "note in the list view");
        check!(map.body.contains("across move, 100% match, recommended by the talent team: Our clinical informatics"), "accessible name in the picture");
        check!(!map.body.contains(&format!("href=\"/map?role={hidden}\"")), "the hidden move is gone");
        let after = move_codes(&s, &eve_token, DEV).await?;
        check!(after[0].0 == NURSE && after[0].1["kind"] == "across", "the added move comes first, as curated: {:?}", after[0]);
        check!(!after.iter().any(|(c, _)| c == &hidden), "hidden from the API too");
        let noted = after.iter().find(|(c, _)| c == &annotated).map(|(_, m)| m.clone()).unwrap_or_default();
        let old = before.iter().find(|(c, _)| c == &annotated).map(|(_, m)| m["score"].clone()).unwrap_or_default();
        check!(noted["score"] == old, "annotating keeps the score");
        check!(noted["sources"].as_array().is_some_and(|s| s.iter().any(|x| x["type"] == "curated" && x["note"] == "Ask Max about shadowing")), "the note is a source: {noted}");

        // Edit a note, then remove the hiding: the move comes back.
        let items = send(&s.client(), "GET", "/api/v1/curated-moves", &token_for(&s, "ann@example.org").await?, None).await?.json();
        let id_of = |to: &str| items["items"].as_array().and_then(|a| a.iter().find(|i| i["to_code"] == to)).map(|i| i["id"].as_str().unwrap_or("").to_string()).unwrap_or_default();
        ann.get("/admin/moves").await?;
        let long = "x".repeat(501);
        let bad_note = ann.post_form(&format!("/admin/moves/{}/note", id_of(&annotated)), &[("note", &long)]).await?;
        check!(bad_note.status == 422 && bad_note.body.contains("aria-invalid=\"true\""), "a note too long is refused");
        check!(ann.post_form(&format!("/admin/moves/{}/note", id_of(&annotated)), &[("note", "Shadow the on-call team first")]).await?.status == 303, "note edited");
        check!(ann.post_form(&format!("/admin/moves/{}/remove", id_of(&hidden)), &[]).await?.status == 303, "unhide");
        let back = move_codes(&s, &eve_token, DEV).await?;
        check!(back.iter().any(|(c, _)| c == &hidden), "the hidden move is back");
        check!(eve.get("/map").await?.body.contains("Shadow the on-call team first"), "the edited note is shown");
        let audit = ann.get("/admin/audit?action=curated_move_add").await?;
        check!(audit.body.contains("Software Developers → Registered Nurses"), "audited: {}", excerpt(&audit.body));
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_api_curates_moves_with_the_error_shape() {
    each_backend(|s| async move {
        with_graph(&s).await?;
        let c = s.client();
        let t = token_for(&s, "ann@example.org").await?;
        let bad = send(
            &c,
            "POST",
            "/api/v1/curated-moves",
            &t,
            Some(json!({"from": DEV, "to": "00-0000.00"})),
        )
        .await?;
        check!(
            bad.status == 422 && bad.json()["fields"]["to"].is_string(),
            "unknown role named: {}",
            bad.body
        );
        let created = send(
            &c,
            "POST",
            "/api/v1/curated-moves",
            &t,
            Some(json!({"from": DEV, "to": NURSE, "note": "Clinical informatics"})),
        )
        .await?;
        check!(
            created.status == 201 && created.json()["action"] == "add",
            "created: {}",
            created.body
        );
        let id = created.json()["id"].as_str().unwrap_or("").to_string();
        let dup = send(
            &c,
            "POST",
            "/api/v1/curated-moves",
            &t,
            Some(json!({"from": DEV, "to": NURSE})),
        )
        .await?;
        check!(
            dup.status == 409
                && dup.json()["error"] == "conflict"
                && dup.json()["fields"]["to"].is_string(),
            "duplicate: {}",
            dup.body
        );
        let list = send(&c, "GET", "/api/v1/curated-moves", &t, None)
            .await?
            .json();
        check!(
            list["items"][0]["to_title"] == "Registered Nurses"
                && list["items"][0]["note"] == "Clinical informatics",
            "listed: {list}"
        );
        let put = send(
            &c,
            "PUT",
            &format!("/api/v1/curated-moves/{id}"),
            &t,
            Some(json!({"note": "Talk to Nia"})),
        )
        .await?;
        check!(
            put.status == 200 && put.json()["note"] == "Talk to Nia",
            "note changed: {}",
            put.body
        );
        check!(
            send(
                &c,
                "DELETE",
                &format!("/api/v1/curated-moves/{id}"),
                &t,
                None
            )
            .await?
            .status
                == 204,
            "deleted"
        );
        check!(
            send(
                &c,
                "DELETE",
                &format!("/api/v1/curated-moves/{id}"),
                &t,
                None
            )
            .await?
            .status
                == 404,
            "gone"
        );
        check!(
            send(&c, "DELETE", "/api/v1/curated-moves/not-an-id", &t, None)
                .await?
                .status
                == 404,
            "malformed id"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn employees_and_managers_cannot_curate() {
    each_backend(|s| async move {
        let admin = token_for(&s, "ann@example.org").await?;
        let c = s.client();
        let made = send(
            &c,
            "POST",
            "/api/v1/curated-moves",
            &admin,
            Some(json!({"from": DEV, "to": NURSE, "note": "n"})),
        )
        .await?;
        check!(made.status == 201, "admin creates: {}", made.body);
        let id = made.json()["id"].as_str().unwrap_or("").to_string();
        for email in ["eve@example.org", "max@example.org"] {
            let t = token_for(&s, email).await?;
            let r = send(&c, "GET", "/api/v1/curated-moves", &t, None).await?;
            check!(
                r.status == 403 && r.json()["error"] == "forbidden",
                "{email}: list {}",
                r.status
            );
            let r = send(
                &c,
                "POST",
                "/api/v1/curated-moves",
                &t,
                Some(json!({"from": NURSE, "to": DEV})),
            )
            .await?;
            check!(r.status == 403, "{email}: add {}", r.status);
            check!(
                send(
                    &c,
                    "PUT",
                    &format!("/api/v1/curated-moves/{id}"),
                    &t,
                    Some(json!({"note": "mine"}))
                )
                .await?
                .status
                    == 403,
                "{email}: edit"
            );
            check!(
                send(
                    &c,
                    "DELETE",
                    &format!("/api/v1/curated-moves/{id}"),
                    &t,
                    None
                )
                .await?
                .status
                    == 403,
                "{email}: remove"
            );
            let web = signed_in(&s, email).await?;
            check!(
                web.get("/admin/moves").await?.status == 403,
                "{email}: page"
            );
            check!(
                web.post_form("/admin/moves", &[("from", NURSE), ("to", DEV)])
                    .await?
                    .status
                    == 403,
                "{email}: form add"
            );
            check!(
                web.post_form(&format!("/admin/moves/{id}/note"), &[("note", "mine")])
                    .await?
                    .status
                    == 403,
                "{email}: form note"
            );
            check!(
                web.post_form(&format!("/admin/moves/{id}/remove"), &[])
                    .await?
                    .status
                    == 403,
                "{email}: form remove"
            );
        }
        let left = send(&c, "GET", "/api/v1/curated-moves", &admin, None)
            .await?
            .json();
        check!(
            left["items"].as_array().is_some_and(|a| a.len() == 1)
                && left["items"][0]["note"] == "n",
            "nothing changed: {left}"
        );
        Ok(())
    })
    .await;
}
