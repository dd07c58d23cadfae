//! Small extractors for the career-owner pages: a form read as pairs (so repeated fields
//! survive) and an id from the path that is simply "not found" when malformed.

/// A urlencoded form read as pairs, so repeated fields (a ranking, several customers) survive.
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

/// An id from the path; a malformed one is the friendly 404 page, like an unknown one.
pub struct PageId(pub ladderless_store::Uuid);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for PageId {
    type Rejection = crate::error::WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let not_found = || crate::error::WebError::Html(ladderless_core::CoreError::NotFound);
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|_| not_found())?;
        raw.parse().map(PageId).map_err(|_| not_found())
    }
}
