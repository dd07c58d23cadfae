//! The error raised when bundled data cannot be parsed.

use std::fmt;

/// A bundled data file was malformed: which file, which line, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The bundled file name, e.g. `roles.tsv.gz`.
    pub file: &'static str,
    /// The 1-based line number (0 when the whole file is unreadable).
    pub line: usize,
    /// What was wrong.
    pub reason: String,
}

impl LoadError {
    pub(crate) fn new(file: &'static str, line: usize, reason: impl Into<String>) -> Self {
        Self {
            file,
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for LoadError {}
