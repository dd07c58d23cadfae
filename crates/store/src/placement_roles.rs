//! The role an open-role placement fills (`placement_roles`), so that accepting someone
//! records an observed move into it.

use crate::{Store, StoreResult, on_db};
use ladderless_domain::ids::PlacementId;
use time::OffsetDateTime;

impl Store {
    /// Set or clear the role a placement fills.
    pub async fn set_placement_role(
        &self,
        id: PlacementId,
        role_code: Option<&str>,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            match role_code {
                Some(code) => sqlx::query("INSERT INTO placement_roles (placement_id, role_code, created_at, updated_at) VALUES ($1, $2, $3, $3) \
                     ON CONFLICT (placement_id) DO UPDATE SET role_code = excluded.role_code, updated_at = excluded.updated_at")
                    .bind(id).bind(code).bind(now).execute(p).await?,
                None => sqlx::query("DELETE FROM placement_roles WHERE placement_id = $1").bind(id).execute(p).await?,
            };
        });
        Ok(())
    }

    /// The role code a placement fills, if one is set.
    pub async fn placement_role(&self, id: PlacementId) -> StoreResult<Option<String>> {
        let row: Option<(String,)> = on_db!(self, p => sqlx::query_as("SELECT role_code FROM placement_roles WHERE placement_id = $1")
            .bind(id).fetch_optional(p).await?);
        Ok(row.map(|r| r.0))
    }
}
