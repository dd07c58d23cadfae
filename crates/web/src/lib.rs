//! Ladderless web: server-rendered HTML pages and the JSON API over the core use cases.

// The OpenAPI document is one large `json!` literal; it needs more macro recursion.
#![recursion_limit = "256"]

mod api;
mod assets;
mod error;
mod extract;
mod html;
mod middleware;
mod page;
mod routes;

pub use error::WebError;
pub use routes::router;

use ladderless_core::App;
use std::sync::Arc;

/// Web settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies Secure (the site is served over https).
    pub secure_cookies: bool,
    /// Largest accepted request body for uploads, in bytes.
    pub max_upload_bytes: usize,
    /// Largest accepted request body elsewhere, in bytes.
    pub max_body_bytes: usize,
    /// The public base URL, for links in invitations (e.g. `https://careers.example.com`).
    pub base_url: String,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            max_upload_bytes: 32 * 1024 * 1024,
            max_body_bytes: 1024 * 1024,
            base_url: "http://127.0.0.1:8080".into(),
        }
    }
}

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState {
    /// The application.
    pub app: App,
    /// Web settings.
    pub config: Arc<WebConfig>,
}
