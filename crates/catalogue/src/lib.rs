//! Role catalogue.
