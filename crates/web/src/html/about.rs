//! About Ladderless and the data it bundles.

use crate::page::{Page, render};
use askama::Template;
use axum::extract::Extension;
use axum::response::Response;
use ladderless_core::auth::Session;

#[derive(Template)]
#[template(path = "about.html")]
struct AboutPage {
    page: Page,
    attribution: &'static str,
    version: &'static str,
}

/// The about page (readable signed in or out).
pub async fn about(session: Option<Extension<Session>>) -> Response {
    let page = match session {
        Some(Extension(s)) => Page::new(&s, "About", ""),
        None => Page::anonymous("About"),
    };
    render(&AboutPage {
        page,
        attribution: ladderless_catalogue::ATTRIBUTION,
        version: env!("CARGO_PKG_VERSION"),
    })
}
