//! The records the API answers with, owned by the API.
//!
//! Store rows and core views are not JSON: each record here is the API's own type, built from
//! the row or view it describes (`From<&Row>`), so a column added to a table reaches the API only
//! when it is added here too. `scripts/api-schemas` reads these types to write the record
//! schemas of the OpenAPI document (`responses.json`), so the document describes exactly what is
//! sent. Handlers turn what core answers into records with [`ToRecord::record`].

pub mod asks;
pub mod compass;
pub mod conversations;
pub mod curated;
pub mod customers;
pub mod directions;
pub mod directory;
pub mod imports;
pub mod notifications;
pub mod opportunities;
pub mod people;
pub mod pilots;
pub mod placements;
pub mod plans;
pub mod proposals;
pub mod roles;
pub mod teams;

/// Something core answers that the API sends as one of its records.
pub trait ToRecord {
    /// The record sent.
    type Record: serde::Serialize;
    /// The record for this value.
    fn record(&self) -> Self::Record;
}

impl<T: ToRecord> ToRecord for [T] {
    type Record = Vec<T::Record>;
    fn record(&self) -> Self::Record {
        self.iter().map(ToRecord::record).collect()
    }
}

impl<T: ToRecord> ToRecord for Vec<T> {
    type Record = Vec<T::Record>;
    fn record(&self) -> Self::Record {
        self.as_slice().record()
    }
}

impl<T: ToRecord> ToRecord for Option<T> {
    type Record = Option<T::Record>;
    fn record(&self) -> Self::Record {
        self.as_ref().map(ToRecord::record)
    }
}
