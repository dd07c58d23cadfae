//! The whole route table, and the layers every request passes through.

use crate::html::jobs;
use crate::html::{about, account, admin, auth, careers, home, people, roles, teams};
use crate::html::{asks, coach, compass, conversations, curated, customers, erase, guides};
use crate::html::{directions, notifications, opportunities, pilots, placements, plans, proposals};
use crate::middleware::{csrf_guard, input_guard, load_session, security_headers, upload_limit};
use crate::page::ErrorPage;
use crate::{AppState, WebConfig, api, assets};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use ladderless_core::App;
use std::any::Any;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

/// Build the application router.
pub fn router(app: App, config: WebConfig) -> Router {
    let upload_bytes = config.max_upload_bytes;
    let body_limit = config.max_body_bytes;
    let state = AppState {
        app,
        config: Arc::new(config),
    };

    // The API is folded from its table: each row's method router joins the others on its path.
    let api = api::ops::all()
        .into_iter()
        .fold(Router::new(), |r, op| {
            let handler = if op.upload {
                op.handler.layer(DefaultBodyLimit::max(upload_bytes))
            } else {
                op.handler
            };
            r.route(op.path, handler)
        })
        .method_not_allowed_fallback(api::method_not_allowed)
        .fallback(api::not_found);

    let pages = Router::new()
        .route("/", get(home::home))
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/logout", post(auth::logout))
        .route(
            "/invite/{token}",
            get(auth::invite_form).post(auth::accept_invite),
        )
        .route(
            "/unsubscribe/{person}/{kind}/{token}",
            get(crate::html::unsubscribe::confirm).post(crate::html::unsubscribe::unsubscribe),
        )
        .route("/people", get(people::directory))
        .route("/people/me/visibility", post(people::set_visibility))
        .route("/people/{id}", get(people::person))
        .route("/org", get(teams::org_chart))
        .route("/teams/{id}", get(teams::team))
        .route("/roles", get(roles::roles))
        .route("/roles/{code}", get(roles::role))
        .route("/map", get(careers::map))
        .route("/map/path", get(careers::path))
        .route("/plans", get(plans::list).post(plans::create))
        .route("/plans/new", get(plans::new))
        .route("/plans/{id}", get(plans::show).post(plans::update))
        .route("/plans/{id}/sharing", post(plans::sharing))
        .route("/plans/{id}/items", post(plans::add_item))
        .route("/plans/{id}/items/{sub}/done", post(plans::item_done))
        .route("/plans/{id}/items/{sub}/remove", post(plans::remove_item))
        .route("/plans/{id}/milestones", post(plans::add_milestone))
        .route(
            "/plans/{id}/milestones/{sub}/done",
            post(plans::milestone_done),
        )
        .route(
            "/plans/{id}/milestones/{sub}/remove",
            post(plans::remove_milestone),
        )
        .route("/plans/{id}/reviews", post(plans::add_review))
        .route("/plans/{id}/delete", post(plans::delete))
        .route("/account", get(account::account))
        .route("/account/password", post(account::change_password))
        .route("/account/tokens", post(account::create_token))
        .route("/account/export", post(account::request_export))
        .route(
            "/admin/people/{id}/erase",
            get(erase::review).post(erase::erase),
        )
        .route("/account/export/{id}/retry", post(account::retry_export))
        .route(
            "/account/export/{id}/download",
            get(account::download_export),
        )
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route("/admin", get(admin::overview))
        .route(
            "/admin/import",
            get(admin::import_form)
                .post(admin::import_upload)
                .layer(DefaultBodyLimit::max(upload_bytes))
                .layer(from_fn_with_state(state.clone(), upload_limit)),
        )
        .route("/admin/people/{id}/roles", post(admin::set_roles))
        .route("/admin/people/{id}/invite", post(admin::invite))
        .route("/admin/audit", get(admin::audit))
        .route("/admin/jobs", get(jobs::list))
        .route("/admin/jobs/{id}/retry", post(jobs::retry))
        .route("/admin/settings", post(admin::save_settings))
        .route("/admin/catalogue", get(admin::catalogue))
        .route("/admin/catalogue/roles", post(admin::create_role))
        .route("/admin/catalogue/skills", post(admin::create_skill))
        .route("/admin/moves", get(curated::list).post(curated::create))
        .route("/admin/moves/{id}/note", post(curated::update_note))
        .route("/admin/moves/{id}/remove", post(curated::remove))
        .route("/compass", get(compass::compass))
        .route("/compass/factors", post(compass::save_factors))
        .route("/compass/values", post(compass::add_value))
        .route("/compass/values/{id}/remove", post(compass::remove_value))
        .route("/compass/skills", post(compass::save_skill))
        .route("/compass/skills/remove", post(compass::remove_skill))
        .route("/compass/aspirations", post(compass::save_aspirations))
        .route("/compass/roles", post(compass::add_role))
        .route("/compass/roles/remove", post(compass::remove_role))
        .route("/compass/visibility", post(compass::set_visibility))
        .route("/compass/history", get(compass::history))
        .route("/compass/shared", get(compass::shared))
        .route("/people/{id}/compass", get(compass::person_compass))
        .route("/people/{id}/compass/history", get(compass::person_history))
        .route("/customers", get(customers::list).post(customers::create))
        .route(
            "/customers/{id}",
            get(customers::show).post(customers::update),
        )
        .route("/customers/{id}/delete", post(customers::delete))
        .route(
            "/conversations",
            get(conversations::list).post(conversations::create),
        )
        .route("/conversations/new", get(conversations::new))
        .route("/conversations/{id}", get(conversations::show))
        .route("/conversations/{id}/delete", post(conversations::delete))
        .route("/follow-ups/{id}/done", post(conversations::follow_up_done))
        .route("/coach", get(coach::question))
        .route("/coach/pitch", get(coach::pitch))
        .route("/coach/guides", get(guides::list))
        .route("/asks", get(asks::list).post(asks::create))
        .route("/asks/new", get(asks::new))
        .route("/asks/{id}", get(asks::show))
        .route("/asks/{id}/answer", post(asks::answer))
        .route("/asks/{id}/again", post(asks::again))
        .route("/asks/{id}/withdraw", post(asks::withdraw))
        .route("/coach/guides/{slug}", get(guides::show))
        .route("/questions", get(coach::questions))
        .route("/about", get(about::about))
        .route(
            "/directions",
            get(directions::list).post(directions::create),
        )
        .route(
            "/directions/{id}",
            get(directions::show).post(directions::update),
        )
        .route("/directions/{id}/roles", post(directions::link_role))
        .route(
            "/opportunities",
            get(opportunities::board).post(opportunities::create),
        )
        .route(
            "/opportunities/{id}",
            get(opportunities::show).post(opportunities::update),
        )
        .route("/opportunities/{id}/move", post(opportunities::move_stage))
        .route("/opportunities/{id}/delete", post(opportunities::delete))
        .route("/opportunities/{id}/proposals", post(proposals::propose))
        .route(
            "/placements",
            get(placements::browse).post(placements::create),
        )
        .route("/placements/for-me", get(placements::for_me))
        .route(
            "/placements/shop",
            get(placements::shop).post(placements::react),
        )
        .route("/placements/shop/adopt", post(placements::adopt))
        .route("/placements/mine", get(placements::mine))
        .route("/placements/new", get(placements::new_form))
        .route("/placements/profile", post(placements::save_profile))
        .route(
            "/placements/{id}",
            get(placements::show).post(placements::update),
        )
        .route("/placements/{id}/edit", get(placements::edit_form))
        .route("/placements/{id}/delete", post(placements::delete))
        .route("/placements/{id}/interest", post(placements::express))
        .route("/placements/{id}/invite", post(placements::invite))
        .route("/placements/{id}/share", post(placements::share))
        .route("/placements/{id}/not-for-me", post(placements::not_for_me))
        .route(
            "/placements/{id}/add-to-plan",
            post(crate::html::saved_placements::add_to_plan),
        )
        .route("/placement-interests/{id}/decide", post(placements::decide))
        .route(
            "/placement-interests/{id}/withdraw",
            post(placements::withdraw),
        )
        .route(
            "/placement-interests/{id}/confidential",
            post(placements::confidential),
        )
        .route("/opportunities/{id}/pilot", post(pilots::start_pilot))
        .route("/notifications", get(notifications::list))
        .route("/notifications/read-all", post(notifications::read_all))
        .route(
            "/notifications/preferences",
            post(notifications::preferences),
        )
        .route("/notifications/{id}/read", post(notifications::read))
        .route("/inbox", get(proposals::inbox))
        .route("/proposals/{id}", get(proposals::show))
        .route("/proposals/{id}/answer", post(proposals::answer))
        .route("/proposals/{id}/ask-again", post(proposals::ask_again))
        .route("/proposals/{id}/withdraw", post(proposals::withdraw))
        .route("/pilots/{id}", get(pilots::show))
        .route("/pilots/{id}/checkins", post(pilots::checkin))
        .route("/pilots/{id}/end", post(pilots::end))
        .route("/sponsors/{id}", get(pilots::sponsor));

    let routes = Router::new()
        .merge(pages)
        .nest("/api/v1", api)
        .route("/static/{*path}", get(assets::serve))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .fallback(not_found);
    with_layers(routes, state, body_limit)
}

/// The layers every request passes through, outermost last.
fn with_layers(routes: Router<AppState>, state: AppState, body_limit: usize) -> Router {
    let body_timeout = state.config.body_timeout;
    routes
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(from_fn_with_state(state.clone(), input_guard))
        .layer(from_fn_with_state(state.clone(), csrf_guard))
        .layer(from_fn_with_state(state.clone(), load_session))
        .layer(RequestBodyTimeoutLayer::new(body_timeout))
        .layer(from_fn_with_state(state.clone(), security_headers))
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
            tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
        }))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: the database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.app.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

async fn not_found() -> Response {
    ErrorPage::for_status(StatusCode::NOT_FOUND).into_response()
}

/// A panic inside a handler becomes a logged 500; the server keeps serving.
fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".into());
    tracing::error!(panic = %detail, "handler panicked");
    let mut resp = ErrorPage::for_status(StatusCode::INTERNAL_SERVER_ERROR).into_response();
    resp.headers_mut().remove(header::CONTENT_LENGTH);
    resp
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_becomes_a_500_and_the_server_keeps_serving() {
        let dir = std::env::temp_dir().join(format!("ll-panic-{}", ladderless_store::new_id()));
        let store =
            ladderless_store::Store::open(&ladderless_store::Location::DataDir(dir.clone()))
                .await
                .expect("store");
        let state = AppState {
            app: App::new(store),
            config: Arc::new(WebConfig::default()),
        };
        async fn boom() -> &'static str {
            panic!("handler bug")
        }
        let routes = Router::new()
            .route("/boom", get(boom))
            .route("/healthz", get(healthz));
        let app = with_layers(routes, state, 1024);
        let resp = app
            .clone()
            .oneshot(Request::get("/boom").body(Body::empty()).expect("request"))
            .await
            .expect("response");
        assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(resp.into_body(), 1 << 20)
            .await
            .expect("body");
        assert!(String::from_utf8_lossy(&body).contains("Something went wrong"));
        let ok = app
            .oneshot(
                Request::get("/healthz")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("response");
        assert_eq!(ok.status(), StatusCode::OK);
        let _ = std::fs::remove_dir_all(dir);
    }
}
