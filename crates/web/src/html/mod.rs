//! HTML pages, one module per resource.

pub mod about;
pub mod account;
pub mod admin;
pub mod auth;
pub mod careers;
pub mod coach;
pub mod compass;
pub mod conversations;
pub mod curated;
pub mod customers;
pub mod directions;
pub mod forms;
pub mod home;
pub mod notice;
pub mod opportunities;
pub mod people;
pub mod pilots;
pub mod plans;
pub mod proposals;
pub mod roles;
pub mod teams;

pub use forms::{FormOutcome, Pairs, PathIds, status};
pub use notice::Notice;
use serde::Deserialize;

/// `?notice=code` after a redirect; an unknown code is no notice.
#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    /// The notice to show.
    #[serde(default, deserialize_with = "notice::from_query")]
    pub notice: Option<Notice>,
}

/// Turn a page number from the query into a positive number.
pub fn page_number(p: Option<i64>) -> i64 {
    p.unwrap_or(1).max(1)
}
