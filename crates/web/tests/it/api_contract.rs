//! The JSON API's contract: the served OpenAPI document is complete (every reference defined,
//! every answer described with a schema, enums from the domain), bodies of the wrong shape are
//! refused naming the field, extractor failures answer in the JSON error shape, NUL characters
//! get the same 422 on both databases, and dates read back as `YYYY-MM-DD` and round-trip.

use crate::career_owner_support::{send, token_for};
use ladderless_domain::opportunity::Stage;
use ladderless_domain::plan::Cadence;
use ladderless_testkit::{check, each_backend};
use serde_json::{Value, json};

fn refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|x| refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_document_defines_every_schema_it_references_and_describes_every_answer() {
    each_backend(|s| async move {
        let doc = s.client().get("/api/v1/openapi.json").await?.json();
        let schemas = doc["components"]["schemas"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut all = Vec::new();
        refs(&doc, &mut all);
        check!(
            all.len() > 100,
            "the document uses references: {}",
            all.len()
        );
        for r in &all {
            let name = r.strip_prefix("#/components/schemas/").unwrap_or(r);
            check!(schemas.contains_key(name), "{r} is defined");
        }
        let paths = doc["paths"].as_object().cloned().unwrap_or_default();
        let mut ops = 0;
        for (path, item) in &paths {
            for (method, op) in item.as_object().cloned().unwrap_or_default() {
                ops += 1;
                let responses = op["responses"].as_object().cloned().unwrap_or_default();
                let ok: Vec<_> = responses.keys().filter(|k| k.starts_with('2')).collect();
                check!(!ok.is_empty(), "{method} {path} has a success answer");
                for (status, r) in &responses {
                    let schema = &r["content"]["application/json"]["schema"];
                    if status == "204" {
                        check!(
                            r.get("content").is_none(),
                            "{method} {path} 204 has no body"
                        );
                    } else {
                        check!(
                            schema["$ref"].is_string(),
                            "{method} {path} {status} names its schema"
                        );
                    }
                    if status.starts_with('4') {
                        check!(
                            schema["$ref"] == "#/components/schemas/Error",
                            "{method} {path} {status} is the error shape"
                        );
                    }
                }
                if path.contains('{') {
                    check!(
                        responses.contains_key("404"),
                        "{method} {path} documents 404"
                    );
                }
                if op.get("requestBody").is_some() {
                    for st in ["413", "422"] {
                        check!(responses.contains_key(st), "{method} {path} documents {st}");
                    }
                }
                if op.get("security").is_none() {
                    check!(
                        responses.contains_key("401"),
                        "{method} {path} documents 401"
                    );
                }
            }
        }
        check!(ops >= 85, "every operation is listed: {ops}");
        // No record is described as a bare object.
        for (name, schema) in &schemas {
            let bare = schema.get("type") == Some(&json!("object"))
                && schema.get("properties").is_none()
                && schema.get("additionalProperties").is_none();
            check!(!bare, "schema {name} describes its fields");
        }
        // Enums come from the domain's own lists.
        let stages: Vec<&str> = Stage::ALL.iter().map(|s| s.code()).collect();
        check!(
            schemas["StageMoveBody"]["properties"]["stage"]["enum"] == json!(stages),
            "stages"
        );
        let cadences: Vec<&str> = Cadence::ALL.iter().map(|c| c.code()).collect();
        check!(
            schemas["PlanBody"]["properties"]["cadence"]["enum"] == json!(cadences),
            "cadences"
        );
        // Every documented operation is routed: without a token it is refused, not missing.
        let c = s.client();
        for path in paths.keys() {
            let concrete = path
                .replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{sub}", "00000000-0000-0000-0000-000000000000")
                .replace("{code}", "15-1252.00");
            let r = c.get(&concrete).await?;
            check!(
                r.status != 404
                    || path.contains('{')
                    || r.json()["error"] != "not_found"
                    || r.status == 405,
                "{path} is routed"
            );
            check!(
                r.headers
                    .get("content-type")
                    .is_some_and(|v| v.to_str().unwrap_or("").starts_with("application/json"))
                    || r.status == 405,
                "{path} answers JSON: {}",
                r.status
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn bodies_of_the_wrong_shape_are_refused_naming_the_field() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let ann = token_for(&s, "ann@example.org").await?;
        let r = send(
            &c,
            "PUT",
            "/api/v1/compass/aspirations",
            &t,
            Some(json!({"interests": "Data", "aspirations": "Guild lead"})),
        )
        .await?;
        check!(r.status == 200, "aspirations saved: {}", r.body);
        for body in [json!([]), json!(["a", "b"]), json!(null), json!("text")] {
            let r = send(
                &c,
                "PUT",
                "/api/v1/compass/aspirations",
                &t,
                Some(body.clone()),
            )
            .await?;
            check!(
                r.status == 422 && r.json()["fields"]["body"] == "must be a JSON object",
                "{body}: {}",
                r.body
            );
        }
        let r = send(
            &c,
            "PUT",
            "/api/v1/compass/aspirations",
            &t,
            Some(json!({"interests": "x"})),
        )
        .await?;
        check!(
            r.status == 422 && r.json()["fields"]["aspirations"] == "is required",
            "missing field: {}",
            r.body
        );
        let r = send(
            &c,
            "PUT",
            "/api/v1/compass/aspirations",
            &t,
            Some(json!({"interests": "x", "aspirations": "y", "extra": 1})),
        )
        .await?;
        check!(
            r.status == 422 && r.json()["fields"]["extra"].is_string(),
            "unknown field: {}",
            r.body
        );
        let mine = send(&c, "GET", "/api/v1/compass", &t, None).await?.json();
        check!(
            mine["aspirations"]["aspirations"] == "Guild lead"
                && mine["aspirations"]["interests"] == "Data",
            "nothing erased: {mine}"
        );

        let plan = send(
            &c,
            "POST",
            "/api/v1/plans",
            &t,
            Some(json!({"title": "Grow", "sharing": "manager"})),
        )
        .await?;
        check!(plan.status == 201, "plan: {}", plan.body);
        let id = plan.json()["plan"]["id"].as_str().unwrap_or("").to_string();
        let r = send(
            &c,
            "PUT",
            &format!("/api/v1/plans/{id}/sharing"),
            &t,
            Some(json!({})),
        )
        .await?;
        check!(
            r.status == 422 && r.json()["fields"]["sharing"] == "is required",
            "sharing {{}}: {}",
            r.body
        );
        let got = send(&c, "GET", &format!("/api/v1/plans/{id}"), &t, None)
            .await?
            .json();
        check!(got["plan"]["sharing"] == "manager", "still shared: {got}");

        let r = send(
            &c,
            "PUT",
            "/api/v1/settings/proposals",
            &ann,
            Some(json!([null, null])),
        )
        .await?;
        check!(
            r.status == 422 && r.json()["fields"]["body"].is_string(),
            "settings [null,null]: {}",
            r.body
        );
        let r = send(
            &c,
            "POST",
            "/api/v1/plans",
            &t,
            Some(json!({"title": "T", "items": [{"section": "goal", "kind": "role", "label": 5}]})),
        )
        .await?;
        check!(
            r.status == 422 && r.json()["fields"]["items[0].label"].is_string(),
            "nested path: {}",
            r.body
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn extractor_failures_answer_in_the_json_error_shape() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let r = send(&c, "GET", "/api/v1/people?per_page=null", &t, None).await?;
        check!(
            r.status == 422
                && r.json()["fields"]["per_page"].is_string()
                && r.json()["error"] == "invalid",
            "per_page=null: {} {}",
            r.status,
            r.body
        );
        let r = send(&c, "GET", "/api/v1/follow-ups?all=maybe", &t, None).await?;
        check!(
            r.status == 422 && r.json()["fields"]["all"].is_string(),
            "all=maybe: {}",
            r.body
        );
        for path in [
            "/api/v1/people/not-a-uuid",
            "/api/v1/people/%FF%FE",
            "/api/v1/plans/x",
            "/api/v1/roles/a%00b",
            "/api/v1/teams/12",
        ] {
            let r = send(&c, "GET", path, &t, None).await?;
            // A malformed id is a JSON 404; text that is no text (invalid UTF-8, NUL) may be
            // refused earlier by the input guard as a JSON 422 naming the parameter.
            check!(
                (r.status == 404 && r.json()["error"] == "not_found")
                    || (r.status == 422 && r.json()["fields"].is_object()),
                "{path}: {} {}",
                r.status,
                r.body
            );
        }
        // Bad JSON is 400, a missing content type 415, both in the error shape.
        let r = c
            .api_post_body(
                "/api/v1/compass/values",
                &t,
                "application/json",
                b"{not json".to_vec(),
            )
            .await?;
        check!(
            r.status == 400 && r.json()["error"] == "bad_json",
            "bad json: {}",
            r.body
        );
        let r = c
            .api_post_body(
                "/api/v1/compass/values",
                &t,
                "text/plain",
                br#"{"value":"x"}"#.to_vec(),
            )
            .await?;
        check!(
            r.status == 415 && r.json()["error"] == "unsupported_media_type",
            "415: {}",
            r.body
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_nul_character_in_a_json_string_is_a_422_naming_the_field_on_both_databases() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let ann = token_for(&s, "ann@example.org").await?;
        let cases = [
            (&t, "POST", "/api/v1/compass/values", json!({"value": "a\u{0}b"}), "value"),
            (&t, "POST", "/api/v1/compass/roles", json!({"code": "a\u{0}b"}), "code"),
            (&t, "POST", "/api/v1/plans", json!({"title": "T", "items": [{"section": "goal", "kind": "role", "reference": "x\u{0}", "label": "L"}]}), "items[0].reference"),
            (&ann, "POST", "/api/v1/curated-moves", json!({"from": "a\u{0}b", "to": "15-1252.00"}), "from"),
            (&ann, "POST", "/api/v1/directions", json!({"title": "T", "aim": "A", "owner_email": "a\u{0}@x"}), "owner_email"),
            (&t, "POST", "/api/v1/proposals", json!({"sponsor_email": "\u{0}", "time_share": 20, "duration_weeks": 4}), "sponsor_email"),
        ];
        for (token, method, path, body, field) in cases {
            let r = send(&c, method, path, token, Some(body)).await?;
            check!(r.status == 422 && r.json()["fields"][field].as_str().is_some_and(|m| m.contains("NUL")), "{path}: {} {}", r.status, r.body);
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn dates_read_back_as_iso_dates_and_records_round_trip() {
    each_backend(|s| async move {
        let c = s.client();
        let t = token_for(&s, "eve@example.org").await?;
        let max = ladderless_testkit::person_id(&s.app, "max@example.org").await?;
        // Customers: read it, send it back, same result.
        let body = json!({"person_id": max, "relationship": "manager", "goals": "Ship", "obstacles": "", "notes": "n",
                          "strength": 4, "last_contact": "2026-11-30", "next_contact": "2027-02-03"});
        let r = send(&c, "POST", "/api/v1/customers", &t, Some(body)).await?;
        check!(r.status == 201, "customer: {}", r.body);
        let first = r.json();
        let cust = &first;
        check!(cust["next_contact"] == "2027-02-03" && cust["last_contact"] == "2026-11-30", "ISO dates: {first}");
        let id = cust["id"].as_str().unwrap_or("").to_string();
        let back = json!({"relationship": cust["relationship"], "goals": cust["goals"], "obstacles": cust["obstacles"],
                          "notes": cust["notes"], "strength": cust["strength"], "last_contact": cust["last_contact"],
                          "next_contact": cust["next_contact"]});
        let r = send(&c, "PUT", &format!("/api/v1/customers/{id}"), &t, Some(back)).await?;
        check!(r.status == 200, "sent back: {}", r.body);
        let again = send(&c, "GET", &format!("/api/v1/customers/{id}"), &t, None).await?.json();
        let mut a = again["customer"].clone();
        let mut b = first.clone();
        for x in [&mut a, &mut b] {
            if let Some(o) = x.as_object_mut() {
                o.remove("updated_at");
                o.remove("due_text");
            }
        }
        check!(a == b, "same customer: {a} vs {b}");

        // Conversations and follow-ups: dates as YYYY-MM-DD.
        let conv = json!({"held_on": "2026-11-29", "kind": "discovery", "title": "Coffee", "customers": [id],
                          "questions": ["What is getting in the way of your goals?"],
                          "follow_ups": [{"customer_id": id, "action": "Send notes", "due_on": "2026-12-20"}]});
        let r = send(&c, "POST", "/api/v1/conversations", &t, Some(conv)).await?;
        check!(r.status == 201, "conversation: {}", r.body);
        let v = r.json();
        check!(v.to_string().contains("\"held_on\":\"2026-11-29\""), "held_on: {v}");
        let f = send(&c, "GET", "/api/v1/follow-ups?all=true", &t, None).await?.json();
        check!(f.to_string().contains("\"due_on\":\"2026-12-20\""), "due_on: {f}");
        check!(!f.to_string().contains("[2026,"), "no (year, day) pairs: {f}");

        // Plans: read it, send it back, same result.
        let r = send(&c, "POST", "/api/v1/plans", &t, Some(json!({"title": "Grow", "business_case": "Because", "cadence": "monthly",
            "milestones": [{"title": "First", "due_on": "2027-01-15"}]}))).await?;
        check!(r.status == 201, "plan: {}", r.body);
        let p = r.json();
        let pid = p["plan"]["id"].as_str().unwrap_or("").to_string();
        check!(p.to_string().contains("\"due_on\":\"2027-01-15\""), "milestone date: {p}");
        let back = json!({"title": p["plan"]["title"], "business_case": p["plan"]["business_case"],
                          "cadence": p["plan"]["cadence"], "sharing": p["plan"]["sharing"]});
        let r = send(&c, "PUT", &format!("/api/v1/plans/{pid}"), &t, Some(back)).await?;
        check!(r.status == 200, "plan sent back: {}", r.body);
        let same = r.json();
        for k in ["title", "business_case", "cadence", "sharing", "started_on"] {
            check!(same["plan"][k] == p["plan"][k], "plan {k} kept: {} vs {}", same["plan"][k], p["plan"][k]);
        }

        // Settings and compass aspirations: read, send back, same.
        let ann = token_for(&s, "ann@example.org").await?;
        let st = send(&c, "GET", "/api/v1/settings/proposals", &ann, None).await?.json();
        let r = send(&c, "PUT", "/api/v1/settings/proposals", &ann, Some(st.clone())).await?;
        check!(r.status == 200 && r.json() == st, "settings round trip: {}", r.body);
        let a = send(&c, "GET", "/api/v1/compass", &t, None).await?.json();
        let back = json!({"interests": a["aspirations"]["interests"], "aspirations": a["aspirations"]["aspirations"]});
        let r = send(&c, "PUT", "/api/v1/compass/aspirations", &t, Some(back)).await?;
        check!(r.status == 200 && r.json()["aspirations"] == a["aspirations"], "aspirations round trip: {}", r.body);
        Ok(())
    })
    .await;
}
