//! The schemas of request bodies, for the OpenAPI document. Every enum is built from the
//! domain's (or core's) own list of codes, never retyped here.

use ladderless_core::{curated, directions, opportunities};
use ladderless_domain::ask::AskStatus;
use ladderless_domain::compass::customers::{ConversationKind, Relationship};
use ladderless_domain::compass::{Factor, Met, Section as CompassSection};
use ladderless_domain::notify::{Channel as NotifyChannel, Kind};
use ladderless_domain::opportunity::{Answer, Stage};
use ladderless_domain::org::Audience;
use ladderless_domain::plan::{Cadence, ItemKind, Section as PlanSection, Sharing};
use ladderless_graph::MoveKind;
use serde_json::{Map, Value, json};

/// A string enum from a list of codes.
pub fn codes<'a>(list: impl IntoIterator<Item = &'a str>) -> Value {
    json!({ "type": "string", "enum": list.into_iter().collect::<Vec<_>>() })
}

/// A closed object: the listed properties, `required` among them, nothing else.
fn object(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "required": required, "properties": properties,
            "additionalProperties": false })
}

/// An open object: the fields core reads; fields it does not know are ignored.
fn open_object(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "required": required, "properties": properties })
}

fn text() -> Value {
    json!({ "type": "string" })
}

fn date() -> Value {
    json!({ "type": "string", "format": "date" })
}

fn uuid() -> Value {
    json!({ "type": "string", "format": "uuid" })
}

/// A field the Rust side reads as an `Option`: `null` is the same as leaving it out.
fn nullable(mut v: Value) -> Value {
    v["nullable"] = json!(true);
    // OpenAPI 3.0: a nullable enum lists null among its values.
    if let Some(list) = v.get_mut("enum").and_then(Value::as_array_mut) {
        list.push(Value::Null);
    }
    v
}

/// Every request body schema, by name.
pub fn requests() -> Map<String, Value> {
    let factor = codes(Factor::ALL.map(Factor::code));
    let mut met = Met::ALL.map(Met::code).to_vec();
    met.push("");
    let mut m = Map::new();
    let mut put = |name: &str, v: Value| {
        m.insert(name.to_string(), v);
    };
    put(
        "NewRoleBody",
        object(
            &["title"],
            json!({ "title": text(), "description": text(),
        "skills": { "type": "array", "items": text(), "description": "skill ids" } }),
        ),
    );
    put(
        "NewSkillBody",
        object(
            &["label"],
            json!({ "label": text(), "description": text() }),
        ),
    );
    put(
        "CuratedMoveBody",
        open_object(
            &["from", "to"],
            json!({
        "from": { "type": "string", "description": "role code (or exact title) the move starts from" },
        "from_code": { "type": "string", "description": "a role code picked from suggestions (wins over from)" },
        "to": { "type": "string", "description": "role code (or exact title) the move leads to" },
        "to_code": { "type": "string", "description": "a role code picked from suggestions (wins over to)" },
        "action": codes(curated::ACTIONS.map(|a| a.0)),
        "kind": codes(MoveKind::ALL.map(MoveKind::as_str).into_iter().chain([""])),
        "note": { "type": "string", "description": "shown with the move; required for annotate" } }),
        ),
    );
    put("CuratedNoteBody", object(&[], json!({ "note": text() })));
    put(
        "NotificationPreferenceBody",
        object(
            &["kind", "channel"],
            json!({ "kind": codes(Kind::CODES.iter().copied()), "channel": codes(NotifyChannel::CODES.iter().copied()) }),
        ),
    );
    put(
        "DirectionBody",
        open_object(
            &["title", "aim"],
            json!({
        "title": text(), "aim": text(), "horizon": text(), "owner_email": text(),
        "skills": { "type": "string", "description": "one per line" },
        "status": codes(directions::STATUSES.map(|s| s.0)) }),
        ),
    );
    put(
        "OpportunityBody",
        open_object(
            &["title"],
            json!({
        "title": text(),
        "need_id": { "type": "string", "format": "uuid", "nullable": true, "description": "a need from one of the caller's conversations, not yet turned into an opportunity" },
        "need_text": text(), "direction_id": nullable(uuid()),
        "audience": codes(opportunities::AUDIENCES.map(|a| a.0)),
        "whose_goal": text(), "problem": text(), "outcome": text(), "measure": text(),
        "factors": { "type": "array", "items": factor.clone() },
        "skills": text(), "pitch": text() }),
        ),
    );
    put(
        "StageMoveBody",
        object(
            &["stage"],
            json!({
        "stage": codes(Stage::ALL.map(Stage::code)), "reason": text() }),
        ),
    );
    put(
        "ProposalBody",
        open_object(
            &[
                "opportunity_id",
                "sponsor_email",
                "time_share",
                "duration_weeks",
            ],
            json!({
        "opportunity_id": nullable(uuid()), "sponsor_email": text(),
        "time_share": { "type": "integer", "minimum": 10, "maximum": 50, "nullable": true },
        "duration_weeks": { "type": "integer", "minimum": 1, "maximum": 104, "nullable": true },
        "resources": text(), "message": text() }),
        ),
    );
    put(
        "AnswerBody",
        object(
            &["answer"],
            json!({
        "answer": codes(Answer::ALL.map(Answer::code)), "reason": text() }),
        ),
    );
    put("AskAgainBody", object(&[], json!({ "note": text() })));
    put(
        "NewAskBody",
        object(
            &["what"],
            json!({ "what": text(), "asked_of": nullable(uuid()), "want": text(), "offer": text(),
                "questions": { "type": "array", "maxItems": 3, "items": text() },
                "wait_days": { "type": "integer", "minimum": 7, "maximum": 120, "nullable": true } }),
        ),
    );
    put(
        "AskAnswerBody",
        object(
            &["answer"],
            json!({ "answer": codes(AskStatus::ANSWERS.map(AskStatus::code)), "note": text() }),
        ),
    );
    put(
        "ProposalSettingsBody",
        object(
            &[],
            json!({
        "ask_again_days": { "type": "integer", "minimum": 0, "maximum": 90, "nullable": true, "description": "days without an answer before the owner is prompted to ask again; 0 never prompts" },
        "talent_admins_see": { "type": "boolean", "nullable": true, "description": "talent admins may read every proposal" } }),
        ),
    );
    put(
        "PilotBody",
        open_object(
            &["responsibilities", "starts_on", "ends_on"],
            json!({
        "responsibilities": text(),
        "time_share": { "type": "integer", "minimum": 10, "maximum": 50, "nullable": true, "description": "percent; the supported proposal's share when absent" },
        "starts_on": date(), "ends_on": date() }),
        ),
    );
    put("CheckInBody", object(&["note"], json!({ "note": text() })));
    put(
        "PilotEndBody",
        open_object(
            &["outcome", "reflection"],
            json!({
        "outcome": codes(Stage::ALL.into_iter().filter(|s| s.is_outcome()).map(Stage::code)),
        "reflection": text(),
        "role_title": { "type": "string", "description": "required for new_role" },
        "role_description": text(),
        "role_skills": { "type": "array", "items": text(), "description": "skill ids exercised in the pilot" },
        "move_into_role": { "type": "boolean", "description": "new_role: move the owner into it now" } }),
        ),
    );
    put(
        "FactorsBody",
        object(
            &["ranking"],
            json!({
        "ranking": { "type": "array", "items": factor, "minItems": 4, "maxItems": 4, "uniqueItems": true },
        "met": { "type": "object", "nullable": true, "additionalProperties": false,
            "properties": Factor::ALL.into_iter().map(|f| (f.code().to_string(), nullable(codes(met.iter().copied())))).collect::<Map<_, _>>() } }),
        ),
    );
    put("ValueBody", object(&["value"], json!({ "value": text() })));
    put(
        "CompassSkillBody",
        object(
            &["level"],
            json!({
        "skill_id": nullable(text()), "label": text(), "new_skill": { "type": "boolean" },
        "level": { "type": "integer", "minimum": 1, "maximum": 5 },
        "want_to_grow": { "type": "boolean" }, "evidence": text() }),
        ),
    );
    put(
        "AspirationsBody",
        object(
            &["interests", "aspirations"],
            json!({ "interests": text(), "aspirations": text() }),
        ),
    );
    put(
        "TargetRoleBody",
        object(&[], json!({ "code": text(), "title": text() })),
    );
    put(
        "VisibilityBody",
        object(
            &["section", "audience"],
            json!({
        "section": codes(CompassSection::ALL.map(CompassSection::code)),
        "audience": codes(Audience::ALL.map(Audience::code)) }),
        ),
    );
    put(
        "CustomerBody",
        object(
            &["relationship", "strength"],
            json!({
        "person_id": nullable(uuid()), "person": { "type": "string", "description": "e-mail or exact name" },
        "team_id": nullable(uuid()), "relationship": codes(Relationship::ALL.map(Relationship::code)),
        "goals": text(), "obstacles": text(), "notes": text(),
        "strength": { "type": "integer", "minimum": 1, "maximum": 5 },
        "last_contact": { "type": "string", "format": "date", "nullable": true },
        "next_contact": { "type": "string", "format": "date", "nullable": true } }),
        ),
    );
    put(
        "ConversationBody",
        object(
            &["kind", "customers"],
            json!({
        "held_on": nullable(date()), "kind": codes(ConversationKind::ALL.map(ConversationKind::code)),
        "title": text(), "learned": text(),
        "customers": { "type": "array", "items": uuid() },
        "questions": { "type": "array", "items": text() },
        "bank": { "type": "array", "items": text() },
        "needs": { "type": "array", "items": object(&["need"], json!({ "customer_id": nullable(uuid()), "need": text(), "evidence": text() })) },
        "follow_ups": { "type": "array", "items": object(&["action", "due_on"], json!({ "customer_id": nullable(uuid()), "action": text(), "due_on": date() })) } }),
        ),
    );
    put(
        "DoneBody",
        object(&["done"], json!({ "done": { "type": "boolean" } })),
    );
    put("TextBody", object(&["text"], json!({ "text": text() })));
    put(
        "PracticeBody",
        object(
            &["questions"],
            json!({ "questions": { "type": "array", "minItems": 1, "maxItems": 5,
                "items": { "type": "string", "minLength": 1, "maxLength": 2000 } } }),
        ),
    );
    let item = open_object(
        &["section", "kind", "label"],
        json!({
        "section": codes(PlanSection::ALL.map(PlanSection::code)),
        "kind": codes(ItemKind::ALL.map(ItemKind::code)),
        "reference": { "type": "string", "description": "role code, or the id of a direction, opportunity, pilot's opportunity, skill or mentor" },
        "label": text() }),
    );
    let milestone = open_object(
        &["title", "due_on"],
        json!({ "title": text(), "due_on": date() }),
    );
    let sharing = codes(Sharing::ALL.map(Sharing::code));
    put(
        "PlanBody",
        open_object(
            &["title"],
            json!({
        "title": text(), "business_case": text(),
        "cadence": codes(Cadence::ALL.map(Cadence::code)), "sharing": sharing.clone(),
        "items": { "type": "array", "items": item.clone(), "description": "on create only" },
        "milestones": { "type": "array", "items": milestone.clone(), "description": "on create only" } }),
        ),
    );
    put("PlanItemBody", item);
    put("MilestoneBody", milestone);
    put(
        "PlanSharingBody",
        object(&["sharing"], json!({ "sharing": sharing })),
    );
    put("ReviewBody", object(&["note"], json!({ "note": text() })));
    put(
        "ImportRowBody",
        open_object(
            &["employee_id", "name", "email"],
            json!({
        "employee_id": text(), "name": text(), "email": text(), "job_title": text(),
        "role_code": text(), "team": text(), "manager_employee_id": text(),
        "role_start_date": date(), "location": text() }),
        ),
    );
    {
        use ladderless_domain::placement::{Offer, PlacementKind, PlacementStatus, WorkMode};
        let offer = codes(Offer::CODES.iter().copied());
        let skill = json!({ "type": "object", "properties": {
            "skill_id": text(), "label": text(), "level": text() } });
        put(
            "PlacementBody",
            object(
                &[
                    "title",
                    "kind",
                    "hours_per_week",
                    "duration_weeks",
                    "places",
                ],
                json!({
            "title": text(), "description": text(),
            "kind": codes(PlacementKind::CODES.iter().copied()),
            "status": codes(PlacementStatus::CODES.iter().copied()),
            "offers_status": offer, "offers_autonomy": offer, "offers_meaning": offer, "offers_learning": offer,
            "hours_per_week": text(), "duration_weeks": text(), "location": text(),
            "work_mode": codes(WorkMode::CODES.iter().copied()), "places": text(),
            "closes_on": text(),
            "skills_needed": { "type": "array", "items": skill },
            "skills_to_learn": { "type": "array", "items": skill },
            "directions": { "type": "array", "items": uuid() } }),
            ),
        );
        use ladderless_domain::placement::NotForMe;
        put(
            "NotForMeBody",
            object(
                &["reason"],
                json!({ "reason": codes(NotForMe::CODES.iter().copied()) }),
            ),
        );
        put(
            "InterestBody",
            object(
                &["note"],
                json!({ "note": text(), "confidential": { "type": "boolean" } }),
            ),
        );
        put(
            "InvitationBody",
            object(
                &["person_id", "note"],
                json!({ "person_id": uuid(), "note": text() }),
            ),
        );
        put(
            "DecisionBody",
            object(
                &["accept"],
                json!({ "accept": { "type": "boolean" },
                "reason": { "type": "string", "description": "required to decline: the person reads it" } }),
            ),
        );
        put(
            "ConfidentialBody",
            object(
                &["confidential"],
                json!({ "confidential": { "type": "boolean" } }),
            ),
        );
        put(
            "PlacementProfileBody",
            object(
                &["discoverable"],
                json!({ "discoverable": { "type": "boolean" },
                "hours_available": nullable(json!({ "type": "integer", "minimum": 0, "maximum": ladderless_domain::placement::MAX_HOURS })) }),
            ),
        );
    }
    m
}
