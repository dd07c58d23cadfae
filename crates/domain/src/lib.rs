//! Pure domain types and rules of Ladderless. No I/O, no clock reads, no database.

pub mod ask;
pub mod coach;
pub mod codes;
pub mod compass;
pub mod direction;
pub mod erasure;
pub mod fields;
pub mod guides;
pub mod ids;
pub mod import;
pub mod jobs;
pub mod mail;
pub mod notify;
pub mod opportunity;
pub mod org;
pub mod placement;
pub mod plan;
pub mod rng;
