//! The OpenAPI 3 document of the JSON API, written here beside the routes it describes.
//!
//! Hand-written rather than derived: the API is small, and keeping its description in one
//! readable table makes review of every route (and its authorisation) easy. A test checks that
//! every API route in the router appears here.

use axum::Json;
use serde_json::{Value, json};

/// One operation: method, path, summary, whether it needs a talent admin, request body kind.
pub struct Op {
    /// HTTP method, lower case.
    pub method: &'static str,
    /// Path under `/api/v1`.
    pub path: &'static str,
    /// One line.
    pub summary: &'static str,
    /// Only talent admins may call it.
    pub admin: bool,
    /// Request body: "", "json:Schema", "file".
    pub body: &'static str,
    /// Query parameters.
    pub query: &'static [(&'static str, &'static str)],
}

/// Every operation of the API.
pub const OPS: &[Op] = &[
    Op {
        method: "get",
        path: "/me",
        summary: "The caller: person and access roles",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/people",
        summary: "Search or list active people (name, title, team, location, shared skills); talent admins also get employee_id and email and may filter by them exactly (employee_id, email in any case; 403 for anyone else; not with q)",
        admin: false,
        body: "",
        query: &[
            ("q", "string"),
            ("page", "integer"),
            ("per_page", "integer"),
            ("employee_id", "string"),
            ("email", "string"),
        ],
    },
    Op {
        method: "get",
        path: "/people/{id}",
        summary: "A person, with only the sections shared with the caller",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/teams",
        summary: "The team tree with head counts",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/teams/{id}",
        summary: "A team, its members and sub-teams",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/roles",
        summary: "Search the role catalogue by title or alternate title",
        admin: false,
        body: "",
        query: &[("q", "string"), ("limit", "integer")],
    },
    Op {
        method: "post",
        path: "/roles",
        summary: "Add an organisation role",
        admin: true,
        body: "json:NewRole",
        query: &[],
    },
    Op {
        method: "get",
        path: "/roles/{code}",
        summary: "A role: description, tasks, skills, knowledge, work values, interests",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/roles/{code}/moves",
        summary: "Best next moves from a role, each up, sideways or across, with skills carried and to gain",
        admin: false,
        body: "",
        query: &[("top", "integer")],
    },
    Op {
        method: "get",
        path: "/targets",
        summary: "Roles the caller might aim for from their own role: those named in their compass, then reachable roles in the order their top-ranked factor favours, with the reason",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/paths",
        summary: "Best paths of up to four moves between two roles, each step with its skill gaps and what the caller may see that could close them (directions, opportunities, pilots, mentors)",
        admin: false,
        body: "",
        query: &[("from", "string"), ("to", "string"), ("k", "integer")],
    },
    Op {
        method: "get",
        path: "/curated-moves",
        summary: "Moves between roles added, hidden or annotated by talent admins, with role titles",
        admin: true,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/curated-moves",
        summary: "Curate a move: add it (pinned first), hide it (remove) or annotate it with a note; one per pair of roles (409 when the pair is curated already)",
        admin: true,
        body: "json:CuratedMove",
        query: &[],
    },
    Op {
        method: "put",
        path: "/curated-moves/{id}",
        summary: "Change the note of a curated move",
        admin: true,
        body: "json:CuratedNote",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/curated-moves/{id}",
        summary: "Remove a curated move; the map goes back to its own suggestion (204)",
        admin: true,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/skills",
        summary: "Search the skills taxonomy",
        admin: false,
        body: "",
        query: &[("q", "string"), ("limit", "integer")],
    },
    Op {
        method: "post",
        path: "/skills",
        summary: "Add an organisation skill",
        admin: true,
        body: "json:NewSkill",
        query: &[],
    },
    Op {
        method: "get",
        path: "/imports",
        summary: "Past imports",
        admin: true,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/imports",
        summary: "Import people from a CSV or JSON body; all or nothing",
        admin: true,
        body: "file",
        query: &[
            ("dry_run", "boolean"),
            ("deactivate_missing", "boolean"),
            ("format", "string"),
        ],
    },
    Op {
        method: "get",
        path: "/directions",
        summary: "Strategic directions and growth areas",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/directions",
        summary: "Publish a strategic direction",
        admin: true,
        body: "json:DirectionInput",
        query: &[],
    },
    Op {
        method: "get",
        path: "/directions/{id}",
        summary: "A direction with its roles, and the opportunities and people shared with the caller",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/directions/{id}",
        summary: "Change a strategic direction",
        admin: true,
        body: "json:DirectionInput",
        query: &[],
    },
    Op {
        method: "post",
        path: "/opportunities",
        summary: "Start a leadership opportunity (private until shared)",
        admin: false,
        body: "json:OpportunityInput",
        query: &[],
    },
    Op {
        method: "get",
        path: "/opportunities/mine",
        summary: "The caller's own opportunities",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/opportunities/{id}",
        summary: "An opportunity shared with the caller: value proposition, coach, history, proposals, pilot",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/opportunities/{id}",
        summary: "Change one's own opportunity and its value proposition",
        admin: false,
        body: "json:OpportunityInput",
        query: &[],
    },
    Op {
        method: "post",
        path: "/opportunities/{id}/move",
        summary: "Move one's own opportunity to another stage (illegal moves are 422)",
        admin: false,
        body: "json:StageMove",
        query: &[],
    },
    Op {
        method: "get",
        path: "/proposals",
        summary: "Proposals the caller sent (with ask-again prompts) and received; for talent admins, when the organisation allows, also every proposal (organisation)",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/proposals",
        summary: "Propose one's opportunity to a sponsor with the ask",
        admin: false,
        body: "json:ProposalInput",
        query: &[],
    },
    Op {
        method: "get",
        path: "/proposals/{id}",
        summary: "A proposal and every ask (owner and sponsor only)",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/proposals/{id}/answer",
        summary: "Answer as the sponsor: support, tell_me_more, not_now (with a reason)",
        admin: false,
        body: "json:Answer",
        query: &[],
    },
    Op {
        method: "post",
        path: "/proposals/{id}/ask-again",
        summary: "Ask again as the owner (recorded)",
        admin: false,
        body: "json:AskAgain",
        query: &[],
    },
    Op {
        method: "post",
        path: "/opportunities/{id}/pilot",
        summary: "Start the pilot of one's own opportunity once a sponsor supported it",
        admin: false,
        body: "json:PilotInput",
        query: &[],
    },
    Op {
        method: "get",
        path: "/pilots",
        summary: "Pilots the caller runs (mine) and sponsors (sponsored), running ones first",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/pilots/{id}",
        summary: "A pilot with its check-ins (owner and sponsor only)",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/pilots/{id}/check-ins",
        summary: "Add a check-in note as the owner or the sponsor while the pilot runs",
        admin: false,
        body: "json:CheckIn",
        query: &[],
    },
    Op {
        method: "post",
        path: "/pilots/{id}/end",
        summary: "End one's own pilot with an outcome and a reflection; new_role creates the role (and the move) in one transaction; the sponsor gets 403",
        admin: false,
        body: "json:PilotEnd",
        query: &[],
    },
    Op {
        method: "get",
        path: "/sponsors/{id}",
        summary: "A sponsor's record (the sponsor, their manager, talent admins)",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/settings/proposals",
        summary: "The organisation's proposal settings: days before ask again, whether talent admins read proposals",
        admin: true,
        body: "",
        query: &[],
    },
    Op {
        method: "put",
        path: "/settings/proposals",
        summary: "Change the proposal settings (audited)",
        admin: true,
        body: "json:ProposalSettings",
        query: &[],
    },
    Op {
        method: "get",
        path: "/compass",
        summary: "The caller's own career compass, every section",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "put",
        path: "/compass/factors",
        summary: "Rank the four factors (status, autonomy, meaning, learning) and say how well the job meets each",
        admin: false,
        body: "json:Factors",
        query: &[],
    },
    Op {
        method: "post",
        path: "/compass/values",
        summary: "Add a personal value",
        admin: false,
        body: "json:Value",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/compass/values/{id}",
        summary: "Remove a personal value",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/compass/skills",
        summary: "Add or change a skill: taxonomy id, exact label, or a new label; level 1-5",
        admin: false,
        body: "json:CompassSkill",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/compass/skills/{id}",
        summary: "Remove a skill",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "put",
        path: "/compass/aspirations",
        summary: "Rewrite interests and aspirations",
        admin: false,
        body: "json:Aspirations",
        query: &[],
    },
    Op {
        method: "post",
        path: "/compass/roles",
        summary: "Add a target role from the catalogue (code or exact title)",
        admin: false,
        body: "json:TargetRole",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/compass/roles/{code}",
        summary: "Remove a target role",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "put",
        path: "/compass/visibility",
        summary: "Choose who sees a compass section: private, manager, talent_team, everyone",
        admin: false,
        body: "json:Visibility",
        query: &[],
    },
    Op {
        method: "get",
        path: "/compass/history",
        summary: "Every change to the caller's compass, with chart series",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/compass/shared",
        summary: "People who share part of their compass with the caller",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/people/{id}/compass",
        summary: "A person's compass: only the sections they share with the caller",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/people/{id}/compass/history",
        summary: "A person's compass history, limited to the sections they share with the caller",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/customers",
        summary: "The caller's internal customers, next contact soonest first (private)",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/customers",
        summary: "Add an internal customer: a colleague or a team",
        admin: false,
        body: "json:Customer",
        query: &[],
    },
    Op {
        method: "get",
        path: "/customers/{id}",
        summary: "One of the caller's customers with conversations, needs and follow-ups",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "put",
        path: "/customers/{id}",
        summary: "Change one of the caller's customers",
        admin: false,
        body: "json:Customer",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/customers/{id}",
        summary: "Remove one of the caller's customers (conversations are kept)",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/conversations",
        summary: "The caller's discovery conversations, newest first (private)",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/conversations",
        summary: "Log a conversation with questions, needs discovered and follow-ups, all or nothing",
        admin: false,
        body: "json:Conversation",
        query: &[],
    },
    Op {
        method: "get",
        path: "/conversations/{id}",
        summary: "One of the caller's conversations, each question judged by the coach",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/conversations/{id}",
        summary: "Delete one of the caller's conversations",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "get",
        path: "/follow-ups",
        summary: "Open follow-ups due within a week or overdue (all open ones with all=true)",
        admin: false,
        body: "",
        query: &[("all", "boolean")],
    },
    Op {
        method: "put",
        path: "/follow-ups/{id}",
        summary: "Mark a follow-up done or open",
        admin: false,
        body: "json:Done",
        query: &[],
    },
    Op {
        method: "get",
        path: "/needs",
        summary: "Needs discovered in the caller's conversations",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/coach/question",
        summary: "Judge a question: openness, focus, leading, multiple, reasons, reframe",
        admin: false,
        body: "json:Text",
        query: &[],
    },
    Op {
        method: "post",
        path: "/coach/pitch",
        summary: "Judge a pitch: self vs customer share, phrases to reconsider, suggested opening",
        admin: false,
        body: "json:Text",
        query: &[],
    },
    Op {
        method: "get",
        path: "/questions",
        summary: "The bank of open questions by theme",
        admin: false,
        body: "",
        query: &[("theme", "string")],
    },
    Op {
        method: "get",
        path: "/plans",
        summary: "The caller's career plans, plans their reports share with them, and the start-early prompt",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/plans",
        summary: "Start a career plan (private unless sharing is manager) with goals, growth items and milestones",
        admin: false,
        body: "json:PlanInput",
        query: &[],
    },
    Op {
        method: "get",
        path: "/plans/draft",
        summary: "A plan drafted from a path to a target role (not saved): the goal, the gaps and what could close them",
        admin: false,
        body: "",
        query: &[("from", "string"), ("to", "string"), ("path", "integer")],
    },
    Op {
        method: "get",
        path: "/plans/{id}",
        summary: "A plan (owner, or the manager it is shared with): items, business case coach, milestones, reviews, alignment",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "put",
        path: "/plans/{id}",
        summary: "Change one's own plan: title, business case, cadence, sharing",
        admin: false,
        body: "json:PlanInput",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/plans/{id}",
        summary: "Delete one's own plan",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "put",
        path: "/plans/{id}/sharing",
        summary: "Share one's own plan with one's manager, or make it private",
        admin: false,
        body: "json:PlanSharing",
        query: &[],
    },
    Op {
        method: "post",
        path: "/plans/{id}/items",
        summary: "Add a goal or growth item to one's own plan",
        admin: false,
        body: "json:PlanItem",
        query: &[],
    },
    Op {
        method: "put",
        path: "/plans/{id}/items/{sub}",
        summary: "Mark an item of one's own plan done or not",
        admin: false,
        body: "json:DoneFlag",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/plans/{id}/items/{sub}",
        summary: "Remove an item from one's own plan",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/plans/{id}/milestones",
        summary: "Add a dated milestone to one's own plan",
        admin: false,
        body: "json:Milestone",
        query: &[],
    },
    Op {
        method: "put",
        path: "/plans/{id}/milestones/{sub}",
        summary: "Mark a milestone of one's own plan done (today) or open",
        admin: false,
        body: "json:DoneFlag",
        query: &[],
    },
    Op {
        method: "delete",
        path: "/plans/{id}/milestones/{sub}",
        summary: "Remove a milestone from one's own plan",
        admin: false,
        body: "",
        query: &[],
    },
    Op {
        method: "post",
        path: "/plans/{id}/reviews",
        summary: "Log a review: the owner, or the manager of a plan shared with them",
        admin: false,
        body: "json:Review",
        query: &[],
    },
    Op {
        method: "get",
        path: "/openapi.json",
        summary: "This document",
        admin: false,
        body: "",
        query: &[],
    },
];

fn operation(op: &Op) -> Value {
    let mut params: Vec<Value> = op
        .query
        .iter()
        .map(|(name, ty)| json!({ "name": name, "in": "query", "required": false, "schema": { "type": ty } }))
        .collect();
    for seg in op.path.split('/') {
        if let Some(name) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            params.push(json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }));
        }
    }
    let mut o = json!({
        "summary": op.summary,
        "parameters": params,
        "responses": {
            "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "object" } } } },
            "401": { "$ref": "#/components/responses/Error" },
            "404": { "$ref": "#/components/responses/Error" },
            "422": { "$ref": "#/components/responses/Error" },
        }
    });
    if op.admin {
        o["description"] = json!("Talent admins only; others get 403.");
        o["responses"]["403"] = json!({ "$ref": "#/components/responses/Error" });
    }
    if let Some(schema) = op.body.strip_prefix("json:") {
        o["requestBody"] = json!({ "required": true, "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } } });
        o["responses"]["201"] = json!({ "description": "Created" });
        o["responses"]["413"] = json!({ "$ref": "#/components/responses/Error" });
    } else if op.body == "file" {
        o["requestBody"] = json!({ "required": true, "content": {
            "text/csv": { "schema": { "type": "string" } },
            "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/ImportRow" } } } } });
        o["responses"]["201"] = json!({ "description": "Imported" });
        o["responses"]["413"] = json!({ "$ref": "#/components/responses/Error" });
    }
    if op.path == "/openapi.json" {
        o["security"] = json!([]);
    }
    o
}

/// The whole document.
pub fn document() -> Value {
    let mut paths = serde_json::Map::new();
    for op in OPS {
        let entry = paths
            .entry(format!("/api/v1{}", op.path))
            .or_insert_with(|| json!({}));
        entry[op.method] = operation(op);
    }
    json!({
        "openapi": "3.0.3",
        "info": { "title": "Ladderless API", "version": env!("CARGO_PKG_VERSION"),
                  "description": "Career ownership platform. Authenticate with a personal API token: `Authorization: Bearer ll_…` (create one on the Account page or with `ladderless token create`)." },
        "paths": paths,
        "security": [{ "bearer": [] }],
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "responses": { "Error": { "description": "An error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } },
            "schemas": {
                "Error": { "type": "object", "required": ["error", "message", "fields"], "properties": {
                    "error": { "type": "string", "example": "invalid" }, "message": { "type": "string" },
                    "fields": { "type": "object", "additionalProperties": { "type": "string" } },
                    "rows": { "type": "array", "description": "Import problems: line, field, message",
                              "items": { "type": "object", "properties": { "line": { "type": "integer" }, "field": { "type": "string" }, "message": { "type": "string" } } } } } },
                "NewRole": { "type": "object", "required": ["title"], "properties": {
                    "title": { "type": "string" }, "description": { "type": "string" }, "skills": { "type": "array", "items": { "type": "string" } } } },
                "CuratedMove": { "type": "object", "required": ["from", "to"], "properties": {
                    "from": { "type": "string", "description": "role code (or exact title) the move starts from" },
                    "to": { "type": "string", "description": "role code (or exact title) the move leads to" },
                    "action": { "type": "string", "enum": ["add", "annotate", "remove"], "default": "add" },
                    "kind": { "type": "string", "enum": ["up", "sideways", "across"], "description": "for add; blank lets the job levels decide" },
                    "note": { "type": "string", "maxLength": 500, "description": "shown with the move; required for annotate" } } },
                "CuratedNote": { "type": "object", "properties": { "note": { "type": "string", "maxLength": 500 } } },
                "DirectionInput": { "type": "object", "required": ["title", "aim"], "properties": {
                    "title": { "type": "string" }, "aim": { "type": "string" }, "horizon": { "type": "string" }, "owner_email": { "type": "string" },
                    "skills": { "type": "string", "description": "one per line" }, "status": { "type": "string", "enum": ["active", "paused", "done"] } } },
                "OpportunityInput": { "type": "object", "required": ["title"], "properties": {
                    "title": { "type": "string" }, "need_id": { "type": "string", "format": "uuid", "description": "a need from one of the caller's conversations, not yet turned into an opportunity; linked to it in the same transaction" }, "need_text": { "type": "string" },
                    "direction_id": { "type": "string", "format": "uuid" }, "audience": { "type": "string", "enum": ["private", "team", "everyone"] },
                    "whose_goal": { "type": "string" }, "problem": { "type": "string" }, "outcome": { "type": "string" }, "measure": { "type": "string" },
                    "factors": { "type": "array", "items": { "type": "string", "enum": ["status", "autonomy", "meaning", "learning"] } },
                    "skills": { "type": "string" }, "pitch": { "type": "string" } } },
                "StageMove": { "type": "object", "required": ["stage"], "properties": { "stage": { "type": "string",
                    "enum": ["spotted", "exploring", "proposed", "piloting", "new_role", "expanded_role", "parked", "dropped"] }, "reason": { "type": "string" } } },
                "ProposalInput": { "type": "object", "required": ["opportunity_id", "sponsor_email", "time_share", "duration_weeks"], "properties": {
                    "opportunity_id": { "type": "string", "format": "uuid" }, "sponsor_email": { "type": "string" },
                    "time_share": { "type": "integer", "minimum": 10, "maximum": 50 }, "duration_weeks": { "type": "integer", "minimum": 1, "maximum": 104 },
                    "resources": { "type": "string" }, "message": { "type": "string" } } },
                "Answer": { "type": "object", "required": ["answer"], "properties": { "answer": { "type": "string", "enum": ["support", "tell_me_more", "not_now"] }, "reason": { "type": "string" } } },
                "AskAgain": { "type": "object", "properties": { "note": { "type": "string" } } },
                "ProposalSettings": super::settings::schema(),
                "PilotInput": super::pilots::schema("PilotInput"),
                "CheckIn": super::pilots::schema("CheckIn"),
                "PilotEnd": super::pilots::schema("PilotEnd"),
                "Factors": super::compass::schema("Factors"),
                "Value": super::compass::schema("Value"),
                "CompassSkill": super::compass::schema("CompassSkill"),
                "Aspirations": super::compass::schema("Aspirations"),
                "TargetRole": super::compass::schema("TargetRole"),
                "Visibility": super::compass::schema("Visibility"),
                "Customer": super::compass::schema("Customer"),
                "Conversation": super::compass::schema("Conversation"),
                "Done": super::compass::schema("Done"),
                "Text": super::compass::schema("Text"),
                "PlanInput": super::plans::schema("PlanInput"),
                "PlanItem": super::plans::schema("PlanItem"),
                "Milestone": super::plans::schema("Milestone"),
                "PlanSharing": super::plans::schema("PlanSharing"),
                "DoneFlag": super::plans::schema("DoneFlag"),
                "Review": super::plans::schema("Review"),
                "NewSkill": { "type": "object", "required": ["label"], "properties": { "label": { "type": "string" }, "description": { "type": "string" } } },
                "ImportRow": { "type": "object", "required": ["employee_id", "name", "email"], "properties": {
                    "employee_id": { "type": "string" }, "name": { "type": "string" }, "email": { "type": "string" },
                    "job_title": { "type": "string" }, "role_code": { "type": "string" }, "team": { "type": "string" },
                    "manager_employee_id": { "type": "string" }, "role_start_date": { "type": "string", "format": "date" },
                    "location": { "type": "string" } } }
            }
        }
    })
}

/// Serve the document.
pub async fn openapi() -> Json<Value> {
    Json(document())
}
