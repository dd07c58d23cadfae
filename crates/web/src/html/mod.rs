//! HTML pages, one module per resource.

pub mod about;
pub mod account;
pub mod admin;
pub mod asks;
pub mod auth;
pub mod careers;
pub mod coach;
pub mod compass;
pub mod conversations;
pub mod curated;
pub mod customers;
pub mod directions;
pub mod erase;
pub mod forms;
pub mod guides;
pub mod home;
pub mod jobs;
pub mod notice;
pub mod notifications;
pub mod opportunities;
pub mod people;
pub mod pilots;
pub mod placements;
pub mod plans;
pub mod proposals;
pub mod roles;
pub mod saved_placements;
pub mod teams;
pub mod unsubscribe;

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

/// The URL of a page core points at (core names pages; only the web layer knows addresses).
pub trait Href {
    /// The path of the page.
    fn href(&self) -> String;
}

impl Href for ladderless_core::path_links::PageRef {
    fn href(&self) -> String {
        use ladderless_core::path_links::PageRef;
        match self {
            PageRef::Role(code) => format!("/roles/{code}"),
            PageRef::Direction(id) => format!("/directions/{id}"),
            PageRef::Opportunity(id) => format!("/opportunities/{id}"),
            PageRef::Person(id) => format!("/people/{id}"),
            PageRef::Plan(id) => format!("/plans/{id}"),
            PageRef::Proposal(id) => format!("/proposals/{id}"),
            PageRef::Conversation(id) => format!("/conversations/{id}"),
            PageRef::Placement(id) => format!("/placements/{id}"),
        }
    }
}

/// Turn a page number from the query into a positive number.
pub fn page_number(p: Option<i64>) -> i64 {
    p.unwrap_or(1).max(1)
}

#[cfg(test)]
mod tests {
    use super::Href;
    use ladderless_core::path_links::PageRef;

    #[test]
    fn every_target_has_its_page() {
        let cases = [
            (PageRef::Role("15-1252.00".into()), "/roles/15-1252.00"),
            (PageRef::Direction("d1".into()), "/directions/d1"),
            (PageRef::Opportunity("o1".into()), "/opportunities/o1"),
            (PageRef::Person("p1".into()), "/people/p1"),
            (PageRef::Plan("c1".into()), "/plans/c1"),
            (PageRef::Proposal("r1".into()), "/proposals/r1"),
            (PageRef::Conversation("v1".into()), "/conversations/v1"),
            (PageRef::Placement("l1".into()), "/placements/l1"),
        ];
        for (target, path) in cases {
            assert_eq!(target.href(), path);
        }
    }
}
