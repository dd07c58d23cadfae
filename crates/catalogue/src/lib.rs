//! The role catalogue (O*NET 29.3) and skills taxonomy (ESCO 1.2.0), bundled into the binary.
//!
//! The data are compact gzip'd TSV files under `data/`, produced from the public sources by
//! `tools/build_data.py` and embedded with `include_bytes!`; nothing is read from disk or the
//! network at run time. [`bundled`] parses them once and returns the shared [`Catalogue`].
//!
//! ```
//! let catalogue = ladderless_catalogue::bundled();
//! let dev = catalogue.role("15-1252.00").unwrap();
//! assert_eq!(dev.title, "Software Developers");
//! let hits = catalogue.search_roles("nurse", 10);
//! assert!(hits.iter().any(|h| h.role.code == "29-1141.00"));
//! ```

#![warn(missing_docs)]

mod catalogue;
mod data_files;
mod equivalence;
mod error;
mod family;
mod load;
mod role;
mod search;
mod skill;
mod text;
mod tsv;

use std::sync::OnceLock;

pub use catalogue::Catalogue;
pub use data_files::DataFiles;
pub use error::LoadError;
pub use family::{Family, Seniority};
pub use role::{
    Dwa, DwaIndex, EscoMatch, EscoOccupation, Estimated, Rating, Role, Score, Task, TaskKind,
    Technology, job_zone_label,
};
pub use search::RoleHit;
pub use skill::{Collection, ReuseLevel, RoleSkill, Skill, SkillKind};
pub use text::normalize;

/// Attribution for the bundled data, to show on the About page and in documentation.
pub const ATTRIBUTION: &str = "This product includes information from the O*NET 29.3 Database by the U.S. \
Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 \
license. O*NET® is a trademark of USDOL/ETA. USDOL/ETA has not approved, endorsed, or tested these \
modifications.\n\
Skills taxonomy: ESCO, European Commission (https://esco.ec.europa.eu), version 1.2.0.\n\
Both data sets were modified for this product: compacted, subset and cross-linked (ESCO–O*NET \
crosswalk from Nesta's \"Mapping Career Causeways\", MIT licence; ISCO-08–SOC crosswalk from the \
U.S. Bureau of Labor Statistics).";

/// The bundled catalogue, parsed on first use and shared afterwards.
///
/// # Panics
/// Only if the bundled data are corrupt, which the crate's tests rule out.
pub fn bundled() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| match Catalogue::parse(&DataFiles::BUNDLED) {
        Ok(catalogue) => catalogue,
        Err(err) => panic!("bundled catalogue data are corrupt: {err}"),
    })
}
