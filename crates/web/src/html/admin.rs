//! Talent-admin pages: overview, import, access roles, invitations, catalogue additions, audit.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::people::person_page;
use crate::html::{FormOutcome, Notice, NoticeQuery, page_number, status};
use crate::middleware::CsrfInBody;
use crate::page::{Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Extension, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use ladderless_core::CoreError;
use ladderless_core::auth::{Session, constant_time_eq};
use ladderless_core::import::{ImportOptions, ImportSummary};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::import::{Format, Report};
use ladderless_store::Uuid;
use ladderless_store::audit::AuditEntry;
use ladderless_store::import::ImportRun;
use ladderless_store::people::OrgCounts;
use ladderless_store::roles::{OrgRole, OrgSkill};
use serde::Deserialize;

fn admin_only(s: &Session) -> Result<(), CoreError> {
    s.actor.require_talent_admin()
}

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    page: Page,
    counts: OrgCounts,
    /// The proposal settings form: days as typed, and the checkbox.
    days: String,
    admins_see: bool,
    errors: FieldErrors,
}

async fn admin_page(
    state: &AppState,
    s: &Session,
    days: Option<String>,
    admins_see: Option<bool>,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    admin_only(s)?;
    let counts = state.app.org_counts().await?;
    let current = state.app.proposal_settings().await?;
    let status = status(&errors);
    let page = AdminPage {
        page: Page::new(s, "Admin", "/admin").with_notice(notice),
        counts,
        days: days.unwrap_or_else(|| current.ask_again_days.to_string()),
        admins_see: admins_see.unwrap_or(current.talent_admins_see),
        errors,
    };
    Ok(render_status(status, &page))
}

/// The admin overview, with the organisation's proposal settings.
pub async fn overview(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    admin_page(&state, &s, None, None, FieldErrors::new(), q.notice).await
}

/// The proposal settings form.
#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    ask_again_days: String,
    #[serde(default)]
    talent_admins_see: Option<String>,
}

/// Save the proposal settings.
pub async fn save_settings(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<SettingsForm>,
) -> HtmlResult {
    let see = f.talent_admins_see.is_some();
    match state
        .app
        .set_proposal_settings(&s.actor, &f.ask_again_days, see)
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::SettingsSaved.redirect("/admin")),
        Err(errors) => {
            admin_page(&state, &s, Some(f.ask_again_days), Some(see), errors, None).await
        }
    }
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    page: Page,
    runs: Vec<ImportRun>,
    summary: Option<ImportSummary>,
    report: Report,
    file_error: Option<String>,
    file_name: String,
}

async fn import_page(
    state: &AppState,
    s: &Session,
    summary: Option<ImportSummary>,
    report: Report,
    file_error: Option<String>,
    file_name: String,
) -> HtmlResult {
    let runs = state.app.import_runs(&s.actor, 10).await?;
    let status = if report.total == 0 && file_error.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ImportPage {
        page: Page::new(s, "Import people", "/admin"),
        runs,
        summary,
        report,
        file_error,
        file_name,
    };
    Ok(render_status(status, &page))
}

/// The import form and past imports.
pub async fn import_form(State(state): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    admin_only(&s)?;
    import_page(&state, &s, None, Report::default(), None, String::new()).await
}

/// Upload a file: check it whole, then apply it or report every problem.
pub async fn import_upload(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    csrf: Option<Extension<CsrfInBody>>,
    mut multipart: Multipart,
) -> HtmlResult {
    admin_only(&s)?;
    let mut token = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut opts = ImportOptions::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                return import_page(
                    &state,
                    &s,
                    None,
                    Report::default(),
                    Some(format!("The upload could not be read: {}", e.body_text())),
                    String::new(),
                )
                .await;
            }
        };
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().unwrap_or("").to_string();
        let data = match field.bytes().await {
            Ok(d) => d,
            Err(e) => {
                return import_page(
                    &state,
                    &s,
                    None,
                    Report::default(),
                    Some(format!("The upload could not be read: {}", e.body_text())),
                    String::new(),
                )
                .await;
            }
        };
        match name.as_str() {
            "csrf" => token = Some(String::from_utf8_lossy(&data).to_string()),
            "file" => file = Some((file_name, data.to_vec())),
            "dry_run" => opts.dry_run = true,
            "deactivate_missing" => opts.deactivate_missing = true,
            _ => {}
        }
    }
    let expected = csrf.map(|c| c.0.0).unwrap_or_default();
    if !token.is_some_and(|t| constant_time_eq(&t, &expected)) {
        return Err(CoreError::Forbidden.into());
    }
    let Some((file_name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return import_page(
            &state,
            &s,
            None,
            Report::default(),
            Some("Choose a CSV or JSON file to import.".into()),
            String::new(),
        )
        .await;
    };
    let format = Format::guess(&file_name, &bytes);
    opts.source = file_name.clone();
    match state
        .app
        .import_people(Some(&s.actor), &bytes, format, &opts)
        .await
    {
        Ok(summary) => {
            import_page(
                &state,
                &s,
                Some(summary),
                Report::default(),
                None,
                file_name,
            )
            .await
        }
        Err(CoreError::ImportRejected(report)) => {
            import_page(&state, &s, None, report, None, file_name).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Access-role checkboxes.
#[derive(Deserialize)]
pub struct RolesForm {
    talent_admin: Option<String>,
    facilitator: Option<String>,
}

/// Grant or withdraw access roles.
pub async fn set_roles(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<RolesForm>,
) -> HtmlResult {
    match state
        .app
        .set_access_roles(
            &s.actor,
            id,
            f.talent_admin.is_some(),
            f.facilitator.is_some(),
        )
        .await
        .form()?
    {
        Ok(()) => Ok(Notice::RolesSaved.redirect(&format!("/people/{id}"))),
        Err(_) => Ok(Redirect::to(&format!("/people/{id}")).into_response()),
    }
}

/// Create an invitation and show its link once.
pub async fn invite(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<Uuid>,
) -> HtmlResult {
    let token = state.app.invite(&s.actor, id).await?;
    let link = format!(
        "{}/invite/{token}",
        state.config.base_url.trim_end_matches('/')
    );
    state.app.mail_invitation(id, &link).await?;
    person_page(&state, &s, id, Some(link), None).await
}

/// Audit filter.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    action: Option<String>,
    page: Option<i64>,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    entries: Vec<AuditEntry>,
    action: String,
    actions: &'static [&'static str],
    page_no: i64,
    has_next: bool,
}

const ACTIONS: &[&str] = &[
    "sign_in",
    "sign_in_failed",
    "role_change",
    "import",
    "token_use",
    "token_create",
    "token_revoke",
    "invite",
    "invite_accepted",
    "password_change",
    "org_role_create",
    "org_skill_create",
    "curated_move_add",
    "curated_move_note",
    "curated_move_remove",
    "demo",
];

/// The audit log.
pub async fn audit(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<AuditQuery>,
) -> HtmlResult {
    admin_only(&s)?;
    let action = q
        .action
        .filter(|a| ACTIONS.contains(&a.as_str()))
        .unwrap_or_default();
    let page_no = page_number(q.page);
    let filter = (!action.is_empty()).then_some(action.as_str());
    let mut entries = state
        .app
        .audit_entries(&s.actor, filter, 51, (page_no - 1) * 50)
        .await?;
    let has_next = entries.len() > 50;
    entries.truncate(50);
    Ok(render(&AuditPage {
        page: Page::new(&s, "Audit log", "/admin"),
        entries,
        action,
        actions: ACTIONS,
        page_no,
        has_next,
    }))
}

#[derive(Template)]
#[template(path = "catalogue_admin.html")]
struct CatalogueAdminPage {
    page: Page,
    roles: Vec<OrgRole>,
    skills: Vec<OrgSkill>,
    role_errors: FieldErrors,
    skill_errors: FieldErrors,
    role_form: (String, String, String),
    skill_form: (String, String),
}

async fn catalogue_page(
    state: &AppState,
    s: &Session,
    role_errors: FieldErrors,
    skill_errors: FieldErrors,
    role_form: (String, String, String),
    skill_form: (String, String),
    notice: Option<Notice>,
) -> HtmlResult {
    let roles = state.app.org_roles().await?;
    let skills = state.app.org_skills().await?;
    let status = if role_errors.is_empty() && skill_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = CatalogueAdminPage {
        page: Page::new(s, "Organisation roles and skills", "/admin").with_notice(notice),
        roles,
        skills,
        role_errors,
        skill_errors,
        role_form,
        skill_form,
    };
    Ok(render_status(status, &page))
}

/// Organisation roles and skills.
pub async fn catalogue(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    admin_only(&s)?;
    catalogue_page(
        &state,
        &s,
        FieldErrors::new(),
        FieldErrors::new(),
        Default::default(),
        Default::default(),
        q.notice,
    )
    .await
}

/// New organisation role.
#[derive(Deserialize)]
pub struct OrgRoleForm {
    title: String,
    description: String,
    #[serde(default)]
    skills: String,
}

/// Add an organisation role; skills are ids or labels, one per line or comma-separated.
pub async fn create_role(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<OrgRoleForm>,
) -> HtmlResult {
    admin_only(&s)?;
    let mut ids = Vec::new();
    let mut errors = FieldErrors::new();
    for part in f
        .skills
        .split([',', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match state.app.search_skills(part, 1).await?.into_iter().next() {
            Some(hit) if hit.id == part || hit.label.eq_ignore_ascii_case(part) => ids.push(hit.id),
            _ => errors.add("skills", format!("“{part}” is not a skill in the taxonomy; add it below first or pick its exact name")),
        }
    }
    let result = if errors.is_empty() {
        state
            .app
            .create_org_role(&s.actor, &f.title, &f.description, &ids)
            .await
    } else {
        Err(CoreError::Invalid(errors))
    };
    match result.form()? {
        Ok(role) => Ok(Notice::RoleCreated.redirect(&format!("/roles/{}", role.code))),
        Err(errors) => {
            catalogue_page(
                &state,
                &s,
                errors,
                FieldErrors::new(),
                (f.title, f.description, f.skills),
                Default::default(),
                None,
            )
            .await
        }
    }
}

/// New organisation skill.
#[derive(Deserialize)]
pub struct OrgSkillForm {
    label: String,
    description: String,
}

/// Add an organisation skill.
pub async fn create_skill(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<OrgSkillForm>,
) -> HtmlResult {
    match state
        .app
        .create_org_skill(&s.actor, &f.label, &f.description)
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::SkillCreated.redirect("/admin/catalogue")),
        Err(errors) => {
            catalogue_page(
                &state,
                &s,
                FieldErrors::new(),
                errors,
                Default::default(),
                (f.label, f.description),
                None,
            )
            .await
        }
    }
}
