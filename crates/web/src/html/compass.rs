//! The career compass pages: one's own (every section editable), someone else's (only what
//! they share with the viewer), the history with its charts, and who shares with the viewer.

use crate::AppState;
use crate::assets;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Notice, Pairs, PathIds, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::CoreError;
use ladderless_core::auth::Session;
use ladderless_core::catalogue::{RoleSummary, SkillSummary};
use ladderless_core::compass::{CompassView, FactorsInput, PICK_ONE, SkillInput};
use ladderless_domain::compass::{Factor, LEVELS, Met, Section};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::org::Audience;
use serde::Deserialize;

mod views;

pub use views::{history, person_compass, person_history, shared};

/// A factor row of the ranking form.
pub struct FactorRow {
    code: &'static str,
    label: &'static str,
    blurb: &'static str,
    rank: usize,
    met: &'static str,
    first: bool,
    last: bool,
    invalid: bool,
}

/// A section's sharing choice.
pub struct ShareRow {
    code: &'static str,
    label: &'static str,
    current: Audience,
}

/// What the forms show: the saved values, or what was typed when a form came back with errors.
#[derive(Default)]
pub struct Kept {
    value: String,
    skill: String,
    skill_id: String,
    new_skill: bool,
    level: String,
    want_to_grow: bool,
    evidence: String,
    interests: String,
    aspirations: String,
    role: String,
}

#[derive(Template)]
#[template(path = "compass.html")]
struct CompassPage {
    page: Page,
    v: CompassView,
    factors: Vec<FactorRow>,
    met_options: Vec<(&'static str, &'static str)>,
    levels: Vec<(usize, &'static str, &'static str)>,
    shares: Vec<ShareRow>,
    audiences: Vec<(&'static str, &'static str)>,
    errors: FieldErrors,
    kept: Kept,
    skill_choices: Vec<SkillSummary>,
    role_choices: Vec<RoleSummary>,
    editing: bool,
    script: String,
}

/// Which skill to put in the form for editing.
#[derive(Debug, Default, Deserialize)]
pub struct CompassQuery {
    #[serde(default, deserialize_with = "crate::html::notice::from_query")]
    notice: Option<Notice>,
    edit_skill: Option<String>,
}

/// One's own compass.
pub async fn compass(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<CompassQuery>,
) -> HtmlResult {
    let mut kept = Kept::default();
    if let Some(id) = q.edit_skill.as_deref() {
        let v = state.app.compass_view(&s.actor, s.actor.id()).await?;
        if let Some(sk) = v.skills.iter().flatten().find(|k| k.id == id) {
            kept.skill = sk.label.clone();
            kept.skill_id = sk.id.clone();
            kept.level = sk.level.to_string();
            kept.want_to_grow = sk.want_to_grow;
            kept.evidence = sk.evidence.clone();
        }
    }
    compass_page(&state, &s, FieldErrors::new(), Some(kept), q.notice).await
}

/// Render one's compass; `kept` replaces the saved values in the forms when given.
pub async fn compass_page(
    state: &AppState,
    s: &Session,
    errors: FieldErrors,
    kept: Option<Kept>,
    notice: Option<Notice>,
) -> HtmlResult {
    let v = state.app.compass_view(&s.actor, s.actor.id()).await?;
    let aspirations = v.aspirations.as_ref();
    let mut kept = kept.unwrap_or_default();
    if kept.interests.is_empty()
        && kept.aspirations.is_empty()
        && errors.get("interests").is_none()
        && errors.get("aspirations").is_none()
    {
        kept.interests = aspirations.map(|a| a.interests.clone()).unwrap_or_default();
        kept.aspirations = aspirations
            .map(|a| a.aspirations.clone())
            .unwrap_or_default();
    }
    let skill_choices = if errors.get("skill").is_some_and(|e| e.starts_with(PICK_ONE)) {
        state.app.skill_suggestions(&kept.skill).await?
    } else {
        Vec::new()
    };
    let role_choices = if errors.get("role") == Some(PICK_ONE) {
        state.app.search_roles(&kept.role, 6).await?
    } else {
        Vec::new()
    };
    let factors = v.factors.iter().flatten().map(|f| FactorRow {
        code: f.factor.code(),
        label: f.factor.label(),
        blurb: f.factor.blurb(),
        rank: f.rank,
        met: f.met.map_or("", Met::code),
        first: f.rank == 1,
        last: f.rank == 4,
        invalid: errors.get(&format!("met_{}", f.factor.code())).is_some(),
    });
    let shares = v
        .audiences
        .iter()
        .map(|(sec, a)| ShareRow {
            code: sec.code(),
            label: sec.label(),
            current: *a,
        })
        .collect();
    let status = status(&errors);
    let page = CompassPage {
        page: Page::new(s, "Your compass", "/compass").with_notice(notice),
        factors: factors.collect(),
        met_options: std::iter::once(("", "Not sure yet"))
            .chain(Met::ALL.iter().map(|m| (m.code(), m.label())))
            .collect(),
        levels: LEVELS
            .iter()
            .enumerate()
            .map(|(i, (n, d))| (i + 1, *n, *d))
            .collect(),
        shares,
        audiences: Audience::ALL
            .iter()
            .map(|a| (a.code(), a.label()))
            .collect(),
        editing: !kept.skill_id.is_empty()
            && v.skills.iter().flatten().any(|k| k.id == kept.skill_id),
        errors,
        kept,
        skill_choices,
        role_choices,
        script: assets::url("compass.js"),
        v,
    };
    Ok(render_status(status, &page))
}

/// Re-render the compass with errors and the typed input, or redirect to a section.
async fn done(
    state: &AppState,
    s: &Session,
    result: Result<(), CoreError>,
    kept: Kept,
    anchor: &str,
) -> HtmlResult {
    match result.form()? {
        Ok(()) => Ok(Notice::CompassSaved.redirect(&format!("/compass#{anchor}"))),
        Err(errors) => compass_page(state, s, errors, Some(kept), None).await,
    }
}

/// Save the ranking (a whole order, or one step up or down) and the "met" answers.
pub async fn save_factors(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let has_met = Factor::ALL
        .iter()
        .any(|x| f.0.iter().any(|(k, _)| *k == format!("met_{}", x.code())));
    let input = FactorsInput {
        ranking: f.all("order"),
        met: has_met.then(|| Factor::ALL.map(|x| f.get(&format!("met_{}", x.code())).to_string())),
        step: Some(f.get("move").to_string()).filter(|m| !m.is_empty()),
    };
    let r = state.app.save_factors(&s.actor, &input).await;
    let anchor = input.step.as_deref().map_or("factors".to_string(), |m| {
        format!("factor-{}", m.split(':').next().unwrap_or(""))
    });
    done(&state, &s, r, Kept::default(), &anchor).await
}

/// Add a value.
pub async fn add_value(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let r = state
        .app
        .add_value(&s.actor, f.get("value"))
        .await
        .map(|_| ());
    done(
        &state,
        &s,
        r,
        Kept {
            value: f.get("value").to_string(),
            ..Default::default()
        },
        "values",
    )
    .await
}

/// Remove a value.
pub async fn remove_value(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    state.app.remove_value(&s.actor, id).await?;
    Ok(Notice::CompassSaved.redirect("/compass#values"))
}

/// Add or change a skill.
pub async fn save_skill(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let chosen = f.get("choice");
    let input = SkillInput {
        skill_id: Some(
            if chosen.is_empty() || chosen == "new" {
                f.get("skill_id")
            } else {
                chosen
            }
            .to_string(),
        )
        .filter(|x| !x.is_empty()),
        label: f.get("skill").to_string(),
        new_skill: f.ticked("new_skill") || chosen == "new",
        level: f.get("level").to_string(),
        want_to_grow: f.ticked("want_to_grow"),
        evidence: f.get("evidence").to_string(),
    };
    let r = state.app.save_skill(&s.actor, &input).await.map(|_| ());
    let kept = Kept {
        skill: input.label.clone(),
        skill_id: f.get("skill_id").to_string(),
        new_skill: input.new_skill,
        level: input.level.clone(),
        want_to_grow: input.want_to_grow,
        evidence: input.evidence.clone(),
        ..Default::default()
    };
    done(&state, &s, r, kept, "skills").await
}

/// Remove a skill.
pub async fn remove_skill(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    state
        .app
        .remove_skill(&s.actor, Pairs(f).get("skill_id"))
        .await?;
    Ok(Notice::CompassSaved.redirect("/compass#skills"))
}

/// Rewrite interests and aspirations.
pub async fn save_aspirations(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let r = state
        .app
        .save_aspirations(&s.actor, f.get("interests"), f.get("aspirations"))
        .await;
    let kept = Kept {
        interests: f.get("interests").into(),
        aspirations: f.get("aspirations").into(),
        ..Default::default()
    };
    done(&state, &s, r, kept, "aspirations").await
}

/// Add a target role by its exact title (or a picked suggestion).
pub async fn add_role(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let code = f.all("role_code").into_iter().find(|c| !c.is_empty());
    let r = state
        .app
        .add_target_role(&s.actor, code.as_deref(), f.get("role"))
        .await
        .map(|_| ());
    done(
        &state,
        &s,
        r,
        Kept {
            role: f.get("role").into(),
            ..Default::default()
        },
        "aspirations",
    )
    .await
}

/// Remove a target role.
pub async fn remove_role(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    state
        .app
        .remove_target_role(&s.actor, Pairs(f).get("role_code"))
        .await?;
    Ok(Notice::CompassSaved.redirect("/compass#aspirations"))
}

/// Choose who sees each section (`audience_<section>` fields, or one `section` + `audience`).
pub async fn set_visibility(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let mut pairs: Vec<(String, String)> = Section::ALL
        .iter()
        .filter_map(|sec| {
            f.0.iter()
                .find(|(k, _)| *k == format!("audience_{}", sec.code()))
                .map(|(_, v)| (sec.code().to_string(), v.clone()))
        })
        .collect();
    if pairs.is_empty() {
        pairs.push((f.get("section").to_string(), f.get("audience").to_string()));
    }
    for (section, audience) in pairs {
        // An unknown section is left to set_compass_audience, which names it in its error.
        let current = match Section::from_code(&section) {
            Some(sec) => Some(state.app.audience_of(s.actor.id(), sec).await?),
            None => None,
        };
        if current.is_some_and(|c| c.code() == audience) {
            continue;
        }
        if let Err(e) = state
            .app
            .set_compass_audience(&s.actor, &section, &audience)
            .await
        {
            return done(&state, &s, Err(e), Kept::default(), "sharing").await;
        }
    }
    Ok(Notice::CompassShared.redirect("/compass#sharing"))
}
