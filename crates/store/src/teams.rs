//! Teams: a tree of named groups; a team's path ("Engineering / Platform") is unique.

use crate::people::{CARD_COLUMNS, PersonCard};
use crate::{Store, StoreError, StoreResult, Uuid, on_db};

/// A team with how many active people belong to it directly.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Team {
    /// Id.
    pub id: Uuid,
    /// Last segment of the path.
    pub name: String,
    /// Full path.
    pub path: String,
    /// Parent team.
    pub parent_id: Option<Uuid>,
    /// Active members directly in this team.
    pub members: i64,
}

const TEAM_SELECT: &str = "SELECT t.id, t.name, t.path, t.parent_id, \
    (SELECT COUNT(*) FROM people p WHERE p.team_id = t.id AND p.active = TRUE) AS members FROM teams t";

impl Store {
    /// Every team, ordered by path.
    pub async fn teams(&self) -> StoreResult<Vec<Team>> {
        let sql = format!("{TEAM_SELECT} ORDER BY t.path");
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
    }

    /// One team.
    pub async fn team(&self, id: Uuid) -> StoreResult<Team> {
        let sql = format!("{TEAM_SELECT} WHERE t.id = $1");
        on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?)
            .ok_or(StoreError::NotFound)
    }

    /// Active members of a team, by name (at most `limit`).
    pub async fn team_members(&self, team_id: Uuid, limit: i64) -> StoreResult<Vec<PersonCard>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM people p LEFT JOIN teams t ON t.id = p.team_id \
             WHERE p.team_id = $1 AND p.active = TRUE ORDER BY p.name LIMIT $2"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(team_id).bind(limit).fetch_all(p).await?),
        )
    }
}

/// Split a path into the paths of itself and its ancestors, top first.
pub(crate) fn ancestry(path: &str) -> Vec<(String, String, Option<String>)> {
    let parts: Vec<&str> = path.split(" / ").collect();
    (0..parts.len())
        .map(|i| {
            let full = parts[..=i].join(" / ");
            let parent = if i == 0 {
                None
            } else {
                Some(parts[..i].join(" / "))
            };
            (full, parts[i].to_string(), parent)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ancestry_lists_parents_first() {
        let a = super::ancestry("Eng / Platform / Core");
        assert_eq!(a[0], ("Eng".into(), "Eng".into(), None));
        assert_eq!(
            a[2],
            (
                "Eng / Platform / Core".into(),
                "Core".into(),
                Some("Eng / Platform".into())
            )
        );
    }
}
