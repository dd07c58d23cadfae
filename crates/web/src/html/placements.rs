//! The placement marketplace: browse and search what the organisation posts, recommendations
//! for me with their reasons, one placement's page (interest, or the owner's applicants and
//! candidates), posting and editing, and my own marketplace page.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Notice, NoticeQuery, Pairs, PathIds, page_number, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::IntoResponse;
use ladderless_core::auth::Session;
use ladderless_core::directions::DirectionLine;
use ladderless_core::placement_interests::{Candidate, InterestedPerson, MyInterest, TeamInterest};
use ladderless_core::placements::{
    PlacementInput, PlacementLine, PlacementView, Recommended, SkillInput,
};
use ladderless_core::saved_placements::SavedPlacements;
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::ids::{InterestId, PlacementId};
use ladderless_domain::placement::shopping::CardKind;
use ladderless_domain::placement::{
    InterestStatus, NotForMe, Offer, PlacementKind, PlacementStatus, WorkMode,
};
use ladderless_store::Uuid;
use ladderless_store::placements::{Placement, PlacementQuery, Profile};
use serde::Deserialize;

/// Results on one browse page.
const PER_PAGE: i64 = 20;
/// Rows for skills needed on the form.
const NEEDED_ROWS: usize = 4;
/// Rows for skills to learn on the form.
const LEARN_ROWS: usize = 3;

/// The four factors as the form names them: (field, label).
const FACTORS: [(&str, &str); 4] = [
    ("offers_status", "Status and recognition"),
    ("offers_autonomy", "Autonomy"),
    ("offers_meaning", "Meaningful work"),
    ("offers_learning", "Continued learning"),
];

/// A placement's facts in a line of plain words: "4 h a week · 8 weeks · Leeds (hybrid)".
fn facts_of(p: &Placement) -> String {
    let mut parts = Vec::new();
    if p.hours_per_week > 0 {
        parts.push(format!("{} h a week", p.hours_per_week));
    }
    if p.duration_weeks > 0 {
        let w = p.duration_weeks;
        parts.push(if w == 1 {
            "1 week".to_string()
        } else {
            format!("{w} weeks")
        });
    }
    let place = match (p.location.trim(), p.work_mode) {
        ("", WorkMode::Remote) => "Remote".to_string(),
        ("", m) => m.label().to_string(),
        (l, WorkMode::Onsite) => l.to_string(),
        (l, m) => format!("{l} ({})", m.label().to_lowercase()),
    };
    parts.push(place);
    if p.places > 1 {
        parts.push(format!("{} places", p.places));
    }
    if let Some(d) = p.closes_on {
        parts.push(format!("closes {d}"));
    }
    parts.join(" · ")
}

/// What the factors a placement offers more of, in words ("More autonomy, learning").
fn offers_of(p: &Placement) -> Vec<(&'static str, &'static str)> {
    [
        ("Status", p.offers_status),
        ("Autonomy", p.offers_autonomy),
        ("Meaning", p.offers_meaning),
        ("Learning", p.offers_learning),
    ]
    .into_iter()
    .filter(|(_, o)| *o != Offer::Neutral)
    .map(|(f, o)| {
        (
            f,
            match o {
                Offer::Strong => "strong",
                Offer::Some => "some",
                _ => "lowers",
            },
        )
    })
    .collect()
}

// ----- browse ---------------------------------------------------------------------------

/// The browse filters as typed (kept as text so a bad value is a field error, not a 400).
#[derive(Debug, Default, Deserialize)]
pub struct BrowseQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    direction: String,
    #[serde(default)]
    skill: String,
    #[serde(default)]
    skill_id: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    max_hours: String,
    #[serde(default)]
    page: Option<i64>,
    #[serde(default, deserialize_with = "crate::html::notice::from_query")]
    notice: Option<Notice>,
}

#[derive(Template)]
#[template(path = "placements.html")]
struct BrowsePage {
    page: Page,
    f: BrowseQuery,
    errors: FieldErrors,
    lines: Vec<PlacementLine>,
    for_you: Vec<Recommended>,
    directions: Vec<DirectionLine>,
    kinds: [(&'static str, &'static str); 12],
    modes: [(&'static str, &'static str); 3],
    may_post: bool,
    filtered: bool,
    page_no: i64,
    has_next: bool,
    query_string: String,
    script: String,
}

impl BrowsePage {
    fn facts(&self, p: &Placement) -> String {
        facts_of(p)
    }

    fn offers(&self, p: &Placement) -> Vec<(&'static str, &'static str)> {
        offers_of(p)
    }
}

/// Browse and search open placements, with the best three for me on top.
pub async fn browse(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(f): Query<BrowseQuery>,
) -> HtmlResult {
    let mut errors = FieldErrors::new();
    let mut query = PlacementQuery {
        q: f.q.trim().to_string(),
        ..Default::default()
    };
    if !f.kind.is_empty() {
        match PlacementKind::from_code(&f.kind) {
            Some(k) => query.kind = Some(k),
            None => errors.add("kind", "is not a placement type"),
        }
    }
    if !f.mode.is_empty() {
        match WorkMode::from_code(&f.mode) {
            Some(m) => query.work_mode = Some(m),
            None => errors.add("mode", "must be on site, hybrid or remote"),
        }
    }
    if !f.direction.is_empty() {
        match f.direction.parse::<Uuid>() {
            Ok(d) => query.direction = Some(d),
            Err(_) => errors.add("direction", "is not a strategic direction"),
        }
    }
    if !f.max_hours.trim().is_empty() {
        match f.max_hours.trim().parse::<i32>() {
            Ok(h) if (0..=168).contains(&h) => query.max_hours = Some(h),
            _ => errors.add("max_hours", "must be a whole number of hours, 0 to 168"),
        }
    }
    if !f.location.trim().is_empty() {
        query.location = Some(f.location.trim().to_string());
    }
    let skill_id = f.skill_id.trim();
    if !skill_id.is_empty() && state.app.skill_exists(skill_id).await? {
        query.skill = Some(skill_id.to_string());
    } else if !f.skill.trim().is_empty() {
        match state.app.exact_skill(&f.skill).await? {
            Some(id) => query.skill = Some(id),
            None => errors.add(
                "skill",
                "is not a skill in the taxonomy: pick one from the list",
            ),
        }
    }
    let filtered = query.kind.is_some()
        || query.work_mode.is_some()
        || query.direction.is_some()
        || query.max_hours.is_some()
        || query.location.is_some()
        || query.skill.is_some()
        || !query.q.is_empty();
    let page_no = page_number(f.page);
    let mut rows = state
        .app
        .browse_placements(&s.actor, &query, PER_PAGE + 1, (page_no - 1) * PER_PAGE)
        .await?;
    let has_next = rows.len() as i64 > PER_PAGE;
    rows.truncate(PER_PAGE as usize);
    let for_you = if filtered || page_no > 1 {
        Vec::new()
    } else {
        state.app.recommended_placements(&s.actor, 3).await?
    };
    let query_string = serde_urlencoded::to_string([
        ("q", f.q.as_str()),
        ("kind", f.kind.as_str()),
        ("direction", f.direction.as_str()),
        ("skill", f.skill.as_str()),
        ("skill_id", f.skill_id.as_str()),
        ("location", f.location.as_str()),
        ("mode", f.mode.as_str()),
        ("max_hours", f.max_hours.as_str()),
    ])
    .unwrap_or_default();
    let st = status(&errors);
    let page = BrowsePage {
        page: Page::new(&s, "Placements", "/placements").with_notice(f.notice),
        lines: state.app.placement_lines(rows).await?,
        for_you,
        directions: state.app.directions(&s.actor).await?,
        kinds: PlacementKind::OPTIONS,
        modes: WorkMode::OPTIONS,
        may_post: state.app.may_post_placements(&s.actor).await?,
        filtered,
        page_no,
        has_next,
        query_string,
        script: crate::assets::url("compass.js"),
        errors,
        f,
    };
    Ok(render_status(st, &page))
}

// ----- for me ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "placements_for_me.html")]
struct ForMePage {
    page: Page,
    recs: Vec<Recommended>,
    reasons: [(&'static str, &'static str); 5],
    profile: Profile,
    reactions: usize,
    blended: bool,
}

impl ForMePage {
    fn facts(&self, p: &Placement) -> String {
        facts_of(p)
    }
}

/// Placements recommended to me, each with the reasons in my own terms.
pub async fn for_me(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let reactions = state.app.shopping_reaction_count(&s.actor).await?;
    let page = ForMePage {
        page: Page::new(&s, "Placements for me", "/placements").with_notice(q.notice),
        recs: state.app.recommended_placements(&s.actor, 20).await?,
        reasons: NotForMe::OPTIONS,
        profile: state.app.my_placement_profile(&s.actor).await?,
        reactions,
        blended: reactions >= ladderless_domain::placement::shopping::MIN_REACTIONS,
    };
    Ok(crate::page::render(&page))
}

/// A "not for me, because…".
#[derive(Deserialize)]
pub struct NotForMeForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    back: String,
}

/// Mark a placement "not for me"; the recommendations change at once.
pub async fn not_for_me(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<NotForMeForm>,
) -> HtmlResult {
    let pid = PlacementId::from_uuid(id);
    match state
        .app
        .not_for_me(&s.actor, pid, &f.reason)
        .await
        .form()?
    {
        Ok(()) if f.back == "placement" => {
            Ok(Notice::NotForMeSaved.redirect(&format!("/placements/{id}")))
        }
        Ok(()) => Ok(Notice::NotForMeSaved.redirect("/placements/for-me")),
        Err(errors) => show_page(&state, &s, pid, Kept::default(), errors, None).await,
    }
}

// ----- one placement --------------------------------------------------------------------

/// Forms kept on a re-rendered placement page.
#[derive(Default)]
pub struct Kept {
    note: String,
    confidential: bool,
}

#[derive(Template)]
#[template(path = "placement.html")]
struct PlacementPage {
    page: Page,
    view: PlacementView,
    facts: String,
    mine: Option<MyInterest>,
    interested: Vec<InterestedPerson>,
    candidates: Vec<Candidate>,
    is_owner: bool,
    kept: Kept,
    errors: FieldErrors,
    reasons: [(&'static str, &'static str); 5],
    offer_rows: Vec<(&'static str, &'static str)>,
    script: String,
}

impl PlacementPage {
    fn may_express(&self) -> bool {
        !self.is_owner
            && self.view.detail.placement.status == PlacementStatus::Open
            && self.mine.as_ref().is_none_or(|m| {
                matches!(
                    m.interest.status,
                    InterestStatus::Invited | InterestStatus::Withdrawn
                )
            })
    }

    fn pct(&self, share: &f32) -> String {
        format!("{:.0}%", share * 100.0)
    }

    fn waiting(&self, i: &InterestedPerson) -> bool {
        i.interest.status == InterestStatus::Pending
    }
}

async fn show_page(
    state: &AppState,
    s: &Session,
    id: PlacementId,
    kept: Kept,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let view = state.app.placement_view(&s.actor, id).await?;
    let p = &view.detail.placement;
    let is_owner = view.detail.may_edit;
    let (interested, candidates) = if is_owner {
        (
            state.app.placement_interests(&s.actor, id).await?,
            if p.status == PlacementStatus::Open {
                state.app.placement_candidates(&s.actor, id).await?
            } else {
                Vec::new()
            },
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let mine = if p.owner_id == s.actor.id() {
        None
    } else {
        state.app.my_interest_in(&s.actor, id).await?
    };
    let offer_rows = [
        ("Status and recognition", p.offers_status),
        ("Autonomy", p.offers_autonomy),
        ("Meaningful work", p.offers_meaning),
        ("Continued learning", p.offers_learning),
    ]
    .into_iter()
    .map(|(f, o)| (f, o.label()))
    .collect();
    let st = status(&errors);
    let page = PlacementPage {
        page: Page::new(s, p.title.clone(), "/placements").with_notice(notice),
        facts: facts_of(p),
        offer_rows,
        mine,
        interested,
        candidates,
        is_owner,
        kept,
        errors,
        reasons: NotForMe::OPTIONS,
        script: crate::assets::url("compass.js"),
        view,
    };
    Ok(render_status(st, &page))
}

/// One placement: what it is, and either my interest or (for its owner) who is interested.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    show_page(
        &state,
        &s,
        PlacementId::from_uuid(id),
        Kept::default(),
        FieldErrors::new(),
        q.notice,
    )
    .await
}

/// Express interest with a note.
pub async fn express(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let pid = PlacementId::from_uuid(id);
    let note = pairs.get("note").to_string();
    let confidential = pairs.ticked("confidential");
    match state
        .app
        .express_interest(&s.actor, pid, &note, confidential)
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::InterestSent.redirect(&format!("/placements/{id}#my-interest"))),
        Err(errors) => {
            let kept = Kept { note, confidential };
            show_page(&state, &s, pid, kept, errors, None).await
        }
    }
}

/// Share a placement with a colleague, with a note.
pub async fn share(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let pid = PlacementId::from_uuid(id);
    match state
        .app
        .share_placement(
            &s.actor,
            pid,
            pairs.get("person_id"),
            pairs.get("share_note"),
        )
        .await
        .form()?
    {
        Ok(()) => Ok(Notice::PlacementShared.redirect(&format!("/placements/{id}"))),
        Err(errors) => show_page(&state, &s, pid, Kept::default(), errors, None).await,
    }
}

/// Invite a discoverable person.
pub async fn invite(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let pid = PlacementId::from_uuid(id);
    let mut errors = FieldErrors::new();
    let note = pairs.get("note").to_string();
    match pairs.get("person_id").parse::<Uuid>() {
        Ok(person) => match state
            .app
            .invite_to_placement(&s.actor, pid, person, &note)
            .await
            .form()?
        {
            Ok(()) => {
                return Ok(Notice::InviteSent.redirect(&format!("/placements/{id}#interested")));
            }
            Err(e) => errors = e,
        },
        Err(_) => errors.add("person", "is not a person: pick one from the list"),
    }
    show_page(&state, &s, pid, Kept::default(), errors, None).await
}

/// The owner's answer to an interest (the placement id only says where to go back).
pub async fn decide(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let iid = InterestId::from_uuid(id);
    let back = pairs.get("placement").parse::<Uuid>().ok();
    let accept = pairs.get("decision") == "accept";
    let reason = pairs.get("reason").to_string();
    match state
        .app
        .decide_interest(&s.actor, iid, accept, &reason)
        .await
        .form()?
    {
        Ok(()) => {
            let to = match back {
                Some(p) => format!("/placements/{p}#interested"),
                None => "/placements/mine".to_string(),
            };
            Ok(Notice::InterestAnswered.redirect(&to))
        }
        Err(errors) => match back {
            Some(p) => {
                show_page(
                    &state,
                    &s,
                    PlacementId::from_uuid(p),
                    Kept::default(),
                    errors,
                    None,
                )
                .await
            }
            None => mine_page(&state, &s, errors, None).await,
        },
    }
}

/// Take back one's own waiting interest.
pub async fn withdraw(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    match state
        .app
        .withdraw_interest(&s.actor, InterestId::from_uuid(id))
        .await
        .form()?
    {
        Ok(()) => Ok(Notice::InterestWithdrawn.redirect("/placements/mine")),
        Err(errors) => mine_page(&state, &s, errors, None).await,
    }
}

/// Keep an interest from one's manager, or share it again.
pub async fn confidential(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let on = pairs.get("confidential") == "on";
    state
        .app
        .set_interest_confidential(&s.actor, InterestId::from_uuid(id), on)
        .await?;
    Ok(Notice::InterestSaved.redirect("/placements/mine"))
}

// ----- post and edit --------------------------------------------------------------------

#[derive(Template)]
#[template(path = "placement_form.html")]
struct FormPage {
    page: Page,
    /// None: a new placement.
    id: Option<Uuid>,
    form: PlacementInput,
    needed: Vec<SkillRow>,
    learn: Vec<SkillRow>,
    errors: FieldErrors,
    directions: Vec<DirectionLine>,
    kinds: [(&'static str, &'static str); 12],
    statuses: Vec<(&'static str, &'static str)>,
    modes: [(&'static str, &'static str); 3],
    offers: [(&'static str, &'static str); 4],
    factors: [(&'static str, &'static str); 4],
    script: String,
}

impl FormPage {
    fn offer_of(&self, field: &str) -> &str {
        let v = match field {
            "offers_status" => &self.form.offers_status,
            "offers_autonomy" => &self.form.offers_autonomy,
            "offers_meaning" => &self.form.offers_meaning,
            _ => &self.form.offers_learning,
        };
        if v.is_empty() { "neutral" } else { v }
    }

    fn has_direction(&self, id: impl std::borrow::Borrow<Uuid>) -> bool {
        let id = id.borrow().to_string();
        self.form.directions.contains(&id)
    }

    fn err(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(str::to_string)
    }
}

/// One skill row of the form, with its errors.
struct SkillRow {
    input: SkillInput,
    error: Option<String>,
    level_error: Option<String>,
}

fn skill_rows(list: &[SkillInput], rows: usize, name: &str, errors: &FieldErrors) -> Vec<SkillRow> {
    let mut list = list.to_vec();
    list.resize(rows.max(list.len()), SkillInput::default());
    list.into_iter()
        .enumerate()
        .map(|(i, input)| SkillRow {
            input,
            error: errors
                .get(&format!("{name}[{i}].skill"))
                .map(str::to_string),
            level_error: errors
                .get(&format!("{name}[{i}].level"))
                .map(str::to_string),
        })
        .collect()
}

/// Read the placement form: only filled skill rows count, in order.
fn placement_input(pairs: &Pairs) -> PlacementInput {
    let mut input = PlacementInput {
        title: pairs.get("title").to_string(),
        description: pairs.get("description").to_string(),
        kind: pairs.get("kind").to_string(),
        status: pairs.get("status").to_string(),
        offers_status: pairs.get("offers_status").to_string(),
        offers_autonomy: pairs.get("offers_autonomy").to_string(),
        offers_meaning: pairs.get("offers_meaning").to_string(),
        offers_learning: pairs.get("offers_learning").to_string(),
        hours_per_week: pairs.get("hours_per_week").to_string(),
        duration_weeks: pairs.get("duration_weeks").to_string(),
        location: pairs.get("location").to_string(),
        work_mode: pairs.get("work_mode").to_string(),
        places: pairs.get("places").to_string(),
        closes_on: pairs.get("closes_on").to_string(),
        directions: pairs
            .all("directions")
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect(),
        role: pairs.get("role").to_string(),
        role_code: pairs.get("role_code").to_string(),
        ..Default::default()
    };
    for i in 0..NEEDED_ROWS {
        let label = pairs.get(&format!("needed_{i}")).trim().to_string();
        if !label.is_empty() {
            input.skills_needed.push(SkillInput {
                skill_id: pairs.get(&format!("needed_{i}_id")).to_string(),
                label,
                level: pairs.get(&format!("needed_{i}_level")).to_string(),
            });
        }
    }
    for i in 0..LEARN_ROWS {
        let label = pairs.get(&format!("learn_{i}")).trim().to_string();
        if !label.is_empty() {
            input.skills_to_learn.push(SkillInput {
                skill_id: pairs.get(&format!("learn_{i}_id")).to_string(),
                label,
                level: String::new(),
            });
        }
    }
    input
}

async fn form_page(
    state: &AppState,
    s: &Session,
    id: Option<Uuid>,
    before: Option<PlacementStatus>,
    form: PlacementInput,
    errors: FieldErrors,
) -> HtmlResult {
    let needed = skill_rows(&form.skills_needed, NEEDED_ROWS, "skills_needed", &errors);
    let learn = skill_rows(
        &form.skills_to_learn,
        LEARN_ROWS,
        "skills_to_learn",
        &errors,
    );
    let statuses = PlacementStatus::ALL
        .into_iter()
        .filter(|st| before.is_none_or(|b| b.may_become(*st)))
        .filter(|st| {
            before.is_some() || matches!(st, PlacementStatus::Draft | PlacementStatus::Open)
        })
        .map(|st| (st.code(), st.label()))
        .collect();
    let title = if id.is_some() {
        "Change a placement"
    } else {
        "Post a placement"
    };
    let st = status(&errors);
    let page = FormPage {
        page: Page::new(s, title, "/placements"),
        id,
        form,
        needed,
        learn,
        errors,
        directions: state.app.directions(&s.actor).await?,
        kinds: PlacementKind::OPTIONS,
        statuses,
        modes: WorkMode::OPTIONS,
        offers: Offer::OPTIONS,
        factors: FACTORS,
        script: crate::assets::url("compass.js"),
    };
    Ok(render_status(st, &page))
}

/// The form to post a placement.
pub async fn new_form(State(state): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    if !state.app.may_post_placements(&s.actor).await? {
        return Err(ladderless_core::CoreError::Forbidden.into());
    }
    let form = PlacementInput {
        status: "open".into(),
        places: "1".into(),
        ..Default::default()
    };
    form_page(&state, &s, None, None, form, FieldErrors::new()).await
}

/// Post a placement.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let input = placement_input(&pairs);
    match state.app.create_placement(&s.actor, &input).await.form()? {
        Ok(p) => Ok(Notice::PlacementSaved.redirect(&format!("/placements/{}", p.id.uuid()))),
        Err(errors) => form_page(&state, &s, None, None, input, errors).await,
    }
}

/// The form to change one's own placement.
pub async fn edit_form(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    let pid = PlacementId::from_uuid(id);
    state.app.owned_placement(&s.actor, pid).await?;
    let d = state.app.placement_detail(&s.actor, pid).await?;
    let p = &d.placement;
    let mut form = PlacementInput {
        title: p.title.clone(),
        description: p.description.clone(),
        kind: p.kind.code().into(),
        status: p.status.code().into(),
        offers_status: p.offers_status.code().into(),
        offers_autonomy: p.offers_autonomy.code().into(),
        offers_meaning: p.offers_meaning.code().into(),
        offers_learning: p.offers_learning.code().into(),
        hours_per_week: p.hours_per_week.to_string(),
        duration_weeks: p.duration_weeks.to_string(),
        location: p.location.clone(),
        work_mode: p.work_mode.code().into(),
        places: p.places.to_string(),
        closes_on: p.closes_on.map(|d| d.to_string()).unwrap_or_default(),
        directions: d.directions.iter().map(Uuid::to_string).collect(),
        ..Default::default()
    };
    if let Some((code, title)) = state.app.placement_role(pid).await? {
        (form.role_code, form.role) = (code, title);
    }
    for k in &d.skills {
        let s_in = SkillInput {
            skill_id: k.skill_id.clone(),
            label: state.app.skill_label(&k.skill_id).await?,
            level: if k.level > 0 {
                k.level.to_string()
            } else {
                String::new()
            },
        };
        match k.skill_use {
            ladderless_domain::placement::SkillUse::Needed => form.skills_needed.push(s_in),
            ladderless_domain::placement::SkillUse::Learn => form.skills_to_learn.push(s_in),
        }
    }
    form_page(
        &state,
        &s,
        Some(id),
        Some(p.status),
        form,
        FieldErrors::new(),
    )
    .await
}

/// Save changes to one's own placement.
pub async fn update(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let pid = PlacementId::from_uuid(id);
    let before = state.app.owned_placement(&s.actor, pid).await?;
    let input = placement_input(&pairs);
    match state
        .app
        .update_placement(&s.actor, pid, &input)
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::PlacementSaved.redirect(&format!("/placements/{id}"))),
        Err(errors) => form_page(&state, &s, Some(id), Some(before.status), input, errors).await,
    }
}

/// Delete one's own placement.
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    state
        .app
        .delete_placement(&s.actor, PlacementId::from_uuid(id))
        .await?;
    Ok(Notice::PlacementDeleted.redirect("/placements/mine"))
}

// ----- mine -----------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "placements_mine.html")]
struct MinePage {
    page: Page,
    posted: Vec<(Placement, usize)>,
    interests: Vec<MyInterest>,
    invitations: Vec<MyInterest>,
    team: Vec<TeamInterest>,
    profile: Profile,
    hours: String,
    errors: FieldErrors,
    may_post: bool,
    saved: SavedPlacements,
}

pub(crate) async fn mine_page(
    state: &AppState,
    s: &Session,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let (invitations, interests): (Vec<MyInterest>, Vec<MyInterest>) = state
        .app
        .my_interests(&s.actor)
        .await?
        .into_iter()
        .partition(|m| m.interest.status == InterestStatus::Invited);
    let profile = state.app.my_placement_profile(&s.actor).await?;
    let st = status(&errors);
    let page = MinePage {
        page: Page::new(s, "My placements", "/placements").with_notice(notice),
        posted: state.app.my_placements_with_waiting(&s.actor).await?,
        interests,
        invitations,
        team: state.app.team_interests(&s.actor).await?,
        hours: profile
            .hours_available
            .map(|h| h.to_string())
            .unwrap_or_default(),
        profile,
        errors,
        may_post: state.app.may_post_placements(&s.actor).await?,
        saved: state.app.saved_placements(&s.actor).await?,
    };
    Ok(render_status(st, &page))
}

/// My placements: what I posted, my interests and invitations, my team's, my profile.
pub async fn mine(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    mine_page(&state, &s, FieldErrors::new(), q.notice).await
}

/// Save my marketplace profile (discoverable, hours a week free).
pub async fn save_profile(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    match state
        .app
        .save_my_placement_profile(
            &s.actor,
            pairs.ticked("discoverable"),
            pairs.get("hours_available"),
        )
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::MarketProfileSaved.redirect("/placements/mine#profile")),
        Err(errors) => mine_page(&state, &s, errors, None).await,
    }
}

// ----- window shopping ------------------------------------------------------------------

#[derive(Template)]
#[template(path = "placements_shop.html")]
struct ShopPage {
    page: Page,
    card: Option<ladderless_core::shopping::ShopCard>,
    offers: Vec<(&'static str, &'static str)>,
    view: ladderless_core::shopping::ShoppingView,
    agree_pairs: Option<i32>,
    chart: Vec<Series>,
    marks: Vec<(f64, usize)>,
    errors: FieldErrors,
    saved: SavedPlacements,
}

impl ShopPage {
    /// Saved roles (saved placements are listed with their add-to-plan button).
    fn saved_roles(&self) -> Vec<&ladderless_core::shopping::Saved> {
        let roles = self.view.saved.iter();
        roles.filter(|sv| sv.kind == CardKind::Role).collect()
    }
}

/// One line of the drift chart: factor code, label, points, label x, label y.
type Series = (&'static str, &'static str, String, f64, f64);

/// The bump chart of the revealed ranking over reactions: per factor (code, label, points,
/// label x, label y), and the x of each checkpoint with its reaction count.
fn drift_chart(
    drift: &[(usize, ladderless_domain::compass::Ranking)],
) -> (Vec<Series>, Vec<(f64, usize)>) {
    use ladderless_domain::compass::Factor;
    let (left, right) = (40.0, 400.0);
    let n = drift.len();
    let x = |i: usize| {
        if n <= 1 {
            left
        } else {
            left + (right - left) * i as f64 / (n - 1) as f64
        }
    };
    let y = |rank: usize| 20.0 + 40.0 * (rank as f64 - 1.0);
    let mut series = Vec::new();
    for f in Factor::ALL {
        let pts: Vec<String> = drift
            .iter()
            .enumerate()
            .map(|(i, (_, r))| format!("{:.1},{:.1}", x(i), y(r.rank_of(f))))
            .collect();
        let last_rank = drift.last().map_or(4, |(_, r)| r.rank_of(f));
        series.push((
            f.code(),
            f.label(),
            pts.join(" "),
            x(n.saturating_sub(1)) + 10.0,
            y(last_rank) + 4.0,
        ));
    }
    let marks = drift
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (x(i), *k))
        .collect();
    (series, marks)
}

pub(crate) async fn shop_page(
    state: &AppState,
    s: &Session,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let view = state.app.shopping_view(&s.actor).await?;
    let card = state.app.next_shopping_card(&s.actor).await?;
    let (chart, marks) = drift_chart(&view.drift);
    let st = status(&errors);
    let page = ShopPage {
        page: Page::new(s, "Window shopping", "/placements").with_notice(notice),
        offers: card.as_ref().map(|c| c.offers()).unwrap_or_default(),
        agree_pairs: view.tau.map(|t| ((t * 6.0 + 6.0) / 2.0).round() as i32),
        card,
        chart,
        marks,
        view,
        errors,
        saved: state.app.saved_placements(&s.actor).await?,
    };
    Ok(render_status(st, &page))
}

/// The stream of cards, with what the reactions reveal beside the compass.
pub async fn shop(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    shop_page(&state, &s, FieldErrors::new(), q.notice).await
}

/// Like, pass or save the card shown, then show the next.
pub async fn react(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    match state
        .app
        .react_to_card(
            &s.actor,
            pairs.get("kind"),
            pairs.get("key"),
            pairs.get("reaction"),
        )
        .await
        .form()?
    {
        Ok(()) => Ok(axum::response::Redirect::to("/placements/shop#card").into_response()),
        Err(errors) => shop_page(&state, &s, errors, None).await,
    }
}

/// Use the revealed order as the compass ranking.
pub async fn adopt(State(state): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    match state.app.adopt_revealed_ranking(&s.actor).await.form()? {
        Ok(()) => Ok(Notice::RevealedAdopted.redirect("/placements/shop")),
        Err(errors) => shop_page(&state, &s, errors, None).await,
    }
}
