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

mod serve;

pub use error::WebError;
pub use extract::parse_trusted_proxies;
pub use routes::router;
pub use serve::{ServeOptions, serve};

use ladderless_core::App;
use std::sync::Arc;
use std::time::Duration;

/// Web settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies Secure (the site is served over https).
    pub secure_cookies: bool,
    /// Send `Strict-Transport-Security` (the public URL is https).
    pub hsts: bool,
    /// Largest accepted request body for uploads, in bytes.
    pub max_upload_bytes: usize,
    /// Largest accepted request body elsewhere, in bytes.
    pub max_body_bytes: usize,
    /// The public base URL, for links in invitations (e.g. `https://careers.example.com`).
    pub base_url: String,
    /// Proxies whose `Forwarded` / `X-Forwarded-For` headers are believed (empty: none).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// How long a request body may take to arrive.
    pub body_timeout: Duration,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            hsts: false,
            max_upload_bytes: 32 * 1024 * 1024,
            max_body_bytes: 1024 * 1024,
            base_url: "http://127.0.0.1:8080".into(),
            trusted_proxies: Vec::new(),
            body_timeout: Duration::from_secs(30),
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

/// The path of a page core names (for links in e-mails, which jobs build outside a request).
pub fn page_path(p: &ladderless_core::path_links::PageRef) -> String {
    use crate::html::Href;
    p.href()
}
