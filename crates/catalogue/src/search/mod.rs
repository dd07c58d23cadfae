//! Searching roles by title and skills by label (case- and accent-insensitive).

mod roles;
mod skills;
mod word_index;

pub use roles::RoleHit;
pub(crate) use roles::RoleIndex;
pub(crate) use skills::SkillIndex;
