//! Errors of the career graph.

/// What can go wrong when asking the graph or writing its answers.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No role in the graph has this code.
    #[error("unknown role `{0}`")]
    UnknownRole(String),
    /// An argument is out of range or malformed.
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// The argument's name.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// Writing the output failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// Serialising JSON failed.
    #[error("JSON serialisation failed: {0}")]
    Json(#[from] serde_json::Error),
}
