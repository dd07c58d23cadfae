//! The one error of the use cases; the web crate maps it to responses once.

use ladderless_domain::fields::FieldErrors;
use ladderless_domain::import::Report;
use ladderless_store::StoreError;

/// Result with [`CoreError`].
pub type CoreResult<T> = Result<T, CoreError>;

/// What a use case can refuse or fail with.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Nothing there (or nothing the actor may know is there).
    #[error("not found")]
    NotFound,
    /// Signed in, but not allowed.
    #[error("you are not allowed to do that")]
    Forbidden,
    /// Not signed in, or the credentials are wrong.
    #[error("sign in first")]
    Unauthenticated,
    /// Input is wrong; each field says why.
    #[error("some fields need attention")]
    Invalid(FieldErrors),
    /// An import file has problems; nothing was written. The report lists the first ones
    /// and counts the rest.
    #[error("the file has {} problem(s); nothing was imported", .0.total)]
    ImportRejected(Report),
    /// A unique value is already taken.
    #[error("{field} is already taken")]
    Conflict {
        /// The field.
        field: String,
    },
    /// Too many failed attempts; try again later.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    TooManyAttempts {
        /// Seconds until the lock lifts.
        retry_after_secs: i64,
    },
    /// Something broke on our side; details are logged, not shown.
    #[error("internal error")]
    Internal(String),
}

impl CoreError {
    /// An invalid-input error for one field.
    pub fn field(field: &str, message: impl Into<String>) -> CoreError {
        let mut e = FieldErrors::new();
        e.add(field, message);
        CoreError::Invalid(e)
    }
}

impl From<StoreError> for CoreError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => CoreError::NotFound,
            StoreError::Conflict { field } => CoreError::Conflict { field },
            other => CoreError::Internal(other.to_string()),
        }
    }
}

impl From<FieldErrors> for CoreError {
    fn from(e: FieldErrors) -> Self {
        CoreError::Invalid(e)
    }
}
