//! Static files embedded in the binary, served under content-hashed names.

use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

/// name → hashed name, e.g. `app.css` → `app.3f2a9c1d7e.css`.
fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        Static::iter()
            .filter_map(|name| {
                let file = Static::get(&name)?;
                let hash = hex::encode(&Sha256::digest(&file.data)[..5]);
                let hashed = match name.rsplit_once('.') {
                    Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                    None => format!("{name}.{hash}"),
                };
                Some((name.to_string(), hashed))
            })
            .collect()
    })
}

/// The URL of a static file.
pub fn url(name: &str) -> String {
    format!(
        "/static/{}",
        table().get(name).map(String::as_str).unwrap_or(name)
    )
}

/// Serve a static file by its hashed name (or its plain name, without long caching).
pub async fn serve(Path(path): Path<String>) -> Response {
    let original = table()
        .iter()
        .find(|(_, hashed)| **hashed == path)
        .map(|(n, _)| n.clone());
    let (name, immutable) = match original {
        Some(n) => (n, true),
        None => (path, false),
    };
    let Some(file) = Static::get(&name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mime = mime_guess::from_path(&name).first_or_octet_stream();
    let mut resp = Response::new(Body::from(file.data.into_owned()));
    let headers = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    let cache = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    resp
}
