//! The role an open-role placement fills: picked on the placement form, and used when the
//! owner accepts someone to record an observed move from their current role into it.

use crate::placements::PlacementInput;
use crate::{App, CoreError, CoreResult};
use ladderless_catalogue::normalize;
use ladderless_domain::ids::PlacementId;
use ladderless_domain::placement::PlacementKind;
use ladderless_store::placements::Placement;

impl App {
    /// The role code an open-role placement's form names: the code picked from the
    /// type-ahead, else a role whose title is exactly what was typed; none for other kinds or
    /// when left blank. Anything else is an error on `role`.
    pub(crate) async fn open_role_of(&self, input: &PlacementInput) -> CoreResult<Option<String>> {
        if PlacementKind::from_code(input.kind.trim()) != Some(PlacementKind::OpenRole) {
            return Ok(None);
        }
        let code = input.role_code.trim();
        if !code.is_empty() {
            return match self.role_title(code).await? {
                Some(_) => Ok(Some(code.to_string())),
                None => Err(CoreError::field("role", "is not a role in the catalogue")),
            };
        }
        let typed = input.role.trim();
        if typed.is_empty() {
            return Ok(None);
        }
        let wanted = normalize(typed);
        let found = self
            .search_roles(typed, 20)
            .await?
            .into_iter()
            .find(|r| normalize(&r.title) == wanted);
        match found {
            Some(r) => Ok(Some(r.code)),
            None => Err(CoreError::field(
                "role",
                "is not a role title we know: pick one from the list",
            )),
        }
    }

    /// The role (code, title) an open-role placement fills, if one is set.
    pub async fn placement_role(&self, id: PlacementId) -> CoreResult<Option<(String, String)>> {
        let Some(code) = self.store.placement_role(id).await? else {
            return Ok(None);
        };
        let title = self
            .role_title(&code)
            .await?
            .unwrap_or_else(|| code.clone());
        Ok(Some((code, title)))
    }

    /// The role an accepted person moves into: an open role's, when it names one.
    pub(crate) async fn move_into_role(
        &self,
        p: &Placement,
    ) -> CoreResult<Option<(String, String)>> {
        if p.kind != PlacementKind::OpenRole {
            return Ok(None);
        }
        self.placement_role(p.id).await
    }
}
