//! The JSON API under `/api/v1`: one module per resource, one error shape.

pub mod asks;
pub mod careers;
pub mod coach;
pub mod compass;
pub mod conversations;
pub mod curated;
pub mod customers;
pub mod directions;
pub mod guides;
pub mod imports;
pub mod me;
pub mod notifications;
pub mod op;
pub mod openapi;
pub mod opportunities;
pub mod ops;
pub mod people;
pub mod pilots;
pub mod placements;
pub mod plans;
pub mod proposals;
pub mod records;
mod responses;
pub mod roles;
mod schemas;
pub mod settings;
pub mod skills;
pub mod teams;

mod extract;

pub use crate::error::ApiError;
pub use extract::{ApiJson, ApiPath, ApiQuery};

use axum::http::StatusCode;
use axum::response::Response;

/// Result of an API handler: core errors and refused requests convert with `?`.
pub type ApiResult<T = Response> = Result<T, ApiError>;

/// The JSON 405 for a known API path called with a method it does not take.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this API path does not take that method",
    )
}

/// The JSON 404 for unknown API paths.
pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such API route")
}

/// The highest page number honoured: far beyond any real list, and small enough that
/// `(page - 1) * per_page` can never overflow (a larger number reads as the last page there is).
pub const MAX_PAGE: i64 = 1_000_000;

/// Pagination query shared by list endpoints.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Paging {
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Items per page, 1–200 (default 50).
    pub per_page: Option<i64>,
}

impl Paging {
    /// (page, per_page) with defaults and bounds.
    pub fn get(&self) -> (i64, i64) {
        (
            self.page.unwrap_or(1).clamp(1, MAX_PAGE),
            self.per_page.unwrap_or(50).clamp(1, 200),
        )
    }
}
