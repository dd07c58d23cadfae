//! The OpenAPI 3 document of the JSON API, folded from the API table (`ops::all`): the same rows
//! the router is built from, so every route is described and every description is routed.
//!
//! Hand-written rather than derived with macros (utoipa): the table is short, reads as a review
//! of every route and its access in one place, and a test checks the document for dangling
//! schema references.

use super::op::{Access, ApiOp, Body, Param};
use super::{ops, responses, schemas};
use axum::Json;
use serde_json::{Map, Value, json};

fn param_schema(p: Param) -> Value {
    match p {
        Param::Text => json!({ "type": "string" }),
        Param::Int => json!({ "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX }),
        Param::Count => json!({ "type": "integer", "minimum": 0, "maximum": u64::MAX }),
        Param::Bool => json!({ "type": "boolean" }),
        Param::OneOf(codes) => schemas::codes(codes.iter().copied()),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "The body is not valid JSON",
        401 => "No valid API token (or session)",
        403 => "Not allowed for the caller",
        404 => "No such resource visible to the caller",
        409 => "Conflicts with an existing record; `fields` names the field",
        413 => "The body is larger than this server accepts",
        415 => "The body is not sent as application/json",
        422 => "Invalid input; `fields` names each field and what is wrong",
        429 => "Too many attempts; retry after the `Retry-After` seconds",
        _ => "Error",
    }
}

fn json_content(schema: &str) -> Value {
    json!({ "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } })
}

fn operation(op: &ApiOp) -> Value {
    let mut params: Vec<Value> = op
        .query
        .iter()
        .map(|(name, p)| json!({ "name": name, "in": "query", "required": false, "schema": param_schema(*p) }))
        .collect();
    for name in op.path_params() {
        params.push(
            json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }),
        );
    }
    let mut responses = Map::new();
    for (status, schema) in &op.ok {
        let r = match schema {
            Some(s) => json!({ "description": "OK", "content": json_content(s) }),
            None => json!({ "description": "Done; no body" }),
        };
        responses.insert(status.to_string(), r);
    }
    for status in op.error_statuses() {
        responses.insert(
            status.to_string(),
            json!({ "description": reason(status), "content": json_content("Error") }),
        );
    }
    let mut o = json!({
        "operationId": format!("{}{}", op.method.name(), op.path.replace(['/', '{', '}', '-', '.'], "_")),
        "summary": op.summary,
        "parameters": params,
        "responses": responses,
    });
    match op.access {
        Access::Public => o["security"] = json!([]),
        Access::TalentAdmin => o["description"] = json!("Talent admins only; others get 403."),
        Access::Person => {}
    }
    match op.body {
        Body::None => {}
        Body::Json(schema) => {
            o["requestBody"] = json!({ "required": true, "content": json_content(schema) });
        }
        Body::File => {
            o["requestBody"] = json!({ "required": true, "content": {
                "text/csv": { "schema": { "type": "string" } },
                "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/ImportRowBody" } } } } });
        }
    }
    o
}

/// The whole document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for op in ops::all() {
        let entry = paths
            .entry(format!("/api/v1{}", op.path))
            .or_insert_with(|| json!({}));
        entry[op.method.name()] = operation(&op);
    }
    let mut components = schemas::requests();
    components.extend(responses::schemas());
    json!({
        "openapi": "3.0.3",
        "info": { "title": "Ladderless API", "version": env!("CARGO_PKG_VERSION"),
                  "description": "Career ownership platform. Authenticate with a personal API token: `Authorization: Bearer ll_…` (create one on the Account page or with `ladderless token create`). Dates are `YYYY-MM-DD`, timestamps RFC 3339." },
        "paths": paths,
        "security": [{ "bearer": [] }],
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": components,
        }
    })
}

/// Serve the document.
pub async fn openapi() -> Json<Value> {
    Json(document())
}
