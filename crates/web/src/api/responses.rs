//! The schemas of response bodies, for the OpenAPI document.
//!
//! The envelopes the handlers build (`{"items": [...]}` and the like) are written here; the
//! records inside them are described in `responses.json`, generated from the Rust types that
//! serialise them by `scripts/api-schemas` (run it after changing such a type; the Schemathesis
//! run checks every answer against these schemas, so drift fails the build).

use serde_json::{Map, Value, json};

/// Every response body schema, by name (the error shape included).
pub fn schemas() -> Map<String, Value> {
    let mut m: Map<String, Value> =
        serde_json::from_str(include_str!("responses.json")).unwrap_or_default();
    let mut put = |name: &str, v: Value| {
        m.insert(name.to_string(), v);
    };
    put("PlacementList", items("Placement"));
    put(
        "PlacementSkill",
        obj(json!({ "skill_id": text(), "level": int() })),
    );
    put(
        "Placement",
        obj(json!({
            "id": text(), "owner_id": text(), "kind": text(), "status": text(), "title": text(),
            "description": text(), "offers_status": text(), "offers_autonomy": text(),
            "offers_meaning": text(), "offers_learning": text(), "hours_per_week": int(),
            "duration_weeks": int(), "location": text(), "work_mode": text(), "places": int(),
            "closes_on": { "type": "string", "nullable": true },
            "skills_needed": arr(r("PlacementSkill")), "skills_to_learn": arr(r("PlacementSkill")),
            "directions": arr(text()),
        })),
    );
    put(
        "PlacementRecommendationList",
        items("PlacementRecommendation"),
    );
    put("InterestedPersonList", items("InterestedPerson"));
    put("PlacementCandidateList", items("PlacementCandidate"));
    put("TeamPlacementInterestList", items("TeamPlacementInterest"));
    put("Error", error());
    put(
        "NotificationList",
        obj(
            json!({ "items": arr(r("Notification")), "page": int(), "per_page": int(), "total": int(), "unread": int() }),
        ),
    );
    put("NotificationsMarked", obj(json!({ "marked": int() })));
    put("NotificationPreferences", items("NotificationPreference"));
    put(
        "Me",
        obj(json!({ "person": r("Person"), "roles": arr(r("AccessRole")) })),
    );
    put(
        "PersonPage",
        obj(json!({ "items": arr(r("PersonCard")), "page": int(), "per_page": int() })),
    );
    put("TeamTree", items("TeamNode"));
    put(
        "TeamView",
        obj(
            json!({ "team": r("Team"), "members": arr(r("PersonCard")), "children": arr(r("Team")) }),
        ),
    );
    put("RoleList", items("RoleSummary"));
    put("Role", role());
    put(
        "Moves",
        obj(json!({ "from": text(), "moves": arr(r("Move")) })),
    );
    put(
        "Paths",
        obj(json!({ "from": text(), "to": text(), "paths": arr(json!({})) })),
    );
    put("Targets", r("TargetSuggestions"));
    put("CuratedMoveList", items("CuratedLine"));
    put("CuratedMoveLine", r("CuratedMove"));
    put("SkillList", items("SkillSummary"));
    put("Skill", r("OrgSkill"));
    put("ImportRuns", items("ImportRun"));
    put("DirectionList", items("DirectionLine"));
    put("OpportunityList", items("Opportunity"));
    put(
        "ProposalLists",
        json!({ "type": "object", "required": ["sent", "received"], "properties": {
        "sent": arr(r("ProposalLine")), "received": arr(r("ProposalLine")),
        "organisation": arr(r("Proposal")) } }),
    );
    put(
        "PilotLists",
        obj(json!({ "mine": arr(r("PilotLine")), "sponsored": arr(r("PilotLine")) })),
    );
    put("SponsorRecord", r("SponsorStats"));
    put("CompassValue", r("ValueRow"));
    put(
        "CompassSkillLine",
        json!({ "allOf": [r("CompassSkill")], "nullable": true }),
    );
    put("CompassTargetRole", r("RoleRef"));
    put(
        "VisibilityChoice",
        obj(json!({ "section": text(), "audience": text() })),
    );
    put("CompassHistory", r("HistoryView"));
    put("SharedCompasses", items("SharedCompass"));
    put("CustomerList", items("CustomerLine"));
    put(
        "CustomerView",
        obj(
            json!({ "customer": r("CustomerLine"), "conversations": arr(r("ConversationLine")),
        "needs": arr(r("NeedLine")), "follow_ups": arr(r("FollowUpLine")) }),
        ),
    );
    put("ConversationList", items("ConversationLine"));
    put("FollowUpList", items("FollowUpLine"));
    put(
        "FollowUpDone",
        obj(json!({ "id": { "type": "string", "format": "uuid" }, "done": { "type": "boolean" } })),
    );
    put("NeedList", items("NeedLine"));
    put(
        "QuestionJudgement",
        json!({ "allOf": [r("QuestionVerdict"), obj(json!({ "open": { "type": "boolean" }, "about": text(), "reword": { "type": "boolean" } }))] }),
    );
    put("GuideList", items("Guide"));
    put(
        "AskLists",
        obj(json!({ "mine": arr(r("AskRecord")), "asked_of_me": arr(r("AskRecord")) })),
    );
    put(
        "PracticeResult",
        obj(
            json!({ "good": { "type": "integer" }, "items": arr(obj(json!({
            "text": text(), "good": { "type": "boolean" },
            "pitfalls": arr(obj(json!({ "pitfall": r("Pitfall"), "label": text(), "advice": text() }))),
            "instead": text(), "verdict": r("QuestionVerdict") }))) }),
        ),
    );
    put(
        "QuestionBank",
        obj(json!({ "themes": arr(r("ThemeGroup")) })),
    );
    put(
        "PlanLists",
        obj(
            json!({ "mine": arr(r("PlanSummary")), "shared_with_me": arr(r("PlanSummary")),
        "start_early": { "allOf": [r("StartEarly")], "nullable": true } }),
        ),
    );
    put("PlanDraft", r("PlanInput"));
    put("PlanItemRow", r("PlanItem"));
    put("MilestoneRow", r("Milestone"));
    put("ReviewRow", r("Review"));
    put(
        "OpenApiDocument",
        json!({ "type": "object", "required": ["openapi", "info", "paths"], "properties": {
        "openapi": text(), "info": { "type": "object" }, "paths": { "type": "object" } } }),
    );
    m
}

/// The one error shape.
fn error() -> Value {
    json!({ "type": "object", "required": ["error", "message", "fields"], "properties": {
        "error": { "type": "string", "example": "invalid", "description": "a snake_case code" },
        "message": { "type": "string" },
        "fields": { "type": "object", "additionalProperties": { "type": "string" },
                    "description": "each field (a path such as `items[0].label`) and what is wrong with it" },
        "rows": { "type": "array", "description": "import problems: line, field, message",
                  "items": { "type": "object" } } } })
}

/// A role: from the catalogue (with its ratings) or the organisation's own (`organisation`).
fn role() -> Value {
    let named = |extra: Value| {
        let mut p = json!({ "id": text(), "name": text() });
        if let (Some(p), Some(e)) = (p.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        json!({ "type": "object", "required": p.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()), "properties": p })
    };
    let num = || json!({ "type": "number", "nullable": true });
    json!({ "type": "object", "required": ["code", "title", "description"], "properties": {
        "code": text(), "title": text(), "description": text(),
        "organisation": { "type": "boolean" },
        "created_at": text(),
        "skills": arr(json!({})),
        "tasks": arr(obj(json!({ "text": text(), "core": { "type": "boolean" } }))),
        "technology": arr(obj(json!({ "name": text(), "hot": { "type": "boolean" } }))),
        "taxonomy_skills": arr(obj(json!({ "id": text(), "label": text(), "essential": { "type": "boolean" }, "weight": { "type": "number" } }))),
        "skills_rated": arr(named(json!({ "importance": num(), "level": num() }))),
        "knowledge": arr(named(json!({ "importance": num(), "level": num() }))),
        "abilities": arr(named(json!({ "importance": num(), "level": num() }))),
        "work_values": arr(named(json!({ "value": num() }))),
        "interests": arr(named(json!({ "value": num() }))) } })
}

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn arr(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}

fn text() -> Value {
    json!({ "type": "string" })
}

fn int() -> Value {
    json!({ "type": "integer" })
}

/// An object whose every listed property is present.
fn obj(properties: Value) -> Value {
    let required: Vec<String> = properties
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    json!({ "type": "object", "required": required, "properties": properties })
}

/// `{"items": [name]}`.
fn items(name: &str) -> Value {
    obj(json!({ "items": arr(r(name)) }))
}
