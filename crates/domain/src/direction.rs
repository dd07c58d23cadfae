//! Strategic directions: what the organisation is working towards.

use crate::codes::code_enum;
use serde::{Deserialize, Serialize};

code_enum! {
    /// Where a direction stands (a blank code is active).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum DirectionStatus: "direction status", blank = Active {
        /// Being worked towards.
        Active = "active" => "Active",
        /// On hold.
        Paused = "paused" => "Paused",
        /// Achieved.
        Done = "done" => "Achieved",
    }
}
