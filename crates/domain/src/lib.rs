//! Pure domain types and rules of Ladderless. No I/O, no clock reads, no database.

pub mod coach;
