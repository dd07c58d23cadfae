//! What every page handler shares: a form read as pairs, the ids in the path, the status of a
//! re-rendered form, and telling a form's field errors apart from every other failure.

use crate::error::WebError;
use axum::http::StatusCode;
use ladderless_core::{CoreError, CoreResult};
use ladderless_domain::fields::FieldErrors;
use ladderless_store::Uuid;
use std::collections::HashMap;

/// A urlencoded form read as pairs, so repeated fields (a ranking, several customers, the
/// items of a draft plan) survive.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The first value of a field ("" when absent).
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of a field, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Whether a checkbox was ticked.
    pub fn ticked(&self, name: &str) -> bool {
        self.0
            .iter()
            .any(|(k, v)| k == name && !v.is_empty() && v != "0" && v != "false")
    }
}

/// The ids in the path: `{id}` and, where the route has one, `{sub}` (an item, a milestone).
/// A malformed id is the friendly 404 page, like an unknown one.
pub struct PathIds(pub Uuid, pub Option<Uuid>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for PathIds {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let not_found = || WebError::Html(CoreError::NotFound);
        let axum::extract::Path(raw) =
            axum::extract::Path::<HashMap<String, String>>::from_request_parts(parts, state)
                .await
                .map_err(|_| not_found())?;
        let id = raw
            .get("id")
            .and_then(|v| v.parse().ok())
            .ok_or_else(not_found)?;
        let sub = match raw.get("sub") {
            Some(v) => Some(v.parse().map_err(|_| not_found())?),
            None => None,
        };
        Ok(PathIds(id, sub))
    }
}

/// 200 for a page shown fresh, 422 for a form shown again with its field errors.
pub fn status(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// The outcome of a form's use case: done, or field errors to show on the form again.
/// Every other failure is the handler's error (`?`), decided here once.
pub trait FormOutcome<T> {
    /// `Ok(Ok(value))` when done, `Ok(Err(field errors))` to re-render, `Err` otherwise.
    fn form(self) -> Result<Result<T, FieldErrors>, WebError>;
}

impl<T> FormOutcome<T> for CoreResult<T> {
    fn form(self) -> Result<Result<T, FieldErrors>, WebError> {
        match self {
            Ok(v) => Ok(Ok(v)),
            Err(CoreError::Invalid(errors)) => Ok(Err(errors)),
            Err(e) => Err(e.into()),
        }
    }
}
