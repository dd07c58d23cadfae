//! Directory search: SQLite FTS5 or PostgreSQL tsvector over one document per person.
//!
//! The document (name, title, team, role, publicly shared skills) is composed by the caller, so
//! what is private never enters the index.

use crate::people::{CARD_COLUMNS, PersonCard};
use crate::{Dialect, Store, StoreResult, Uuid, on_db};

/// Words of a query, reduced to letters and digits, at most 8.
pub fn query_terms(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.to_lowercase())
        .collect()
}

impl Store {
    /// Replace a person's search document.
    pub async fn set_search_doc(&self, person_id: Uuid, doc: &str) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO search_docs (person_id, doc) VALUES ($1, $2) ON CONFLICT (person_id) DO UPDATE SET doc = excluded.doc")
            .bind(person_id).bind(doc).execute(p).await?; });
        Ok(())
    }

    /// Active people whose document has every query word as a prefix, best first.
    pub async fn search_people(&self, q: &str, limit: i64, offset: i64) -> StoreResult<Vec<PersonCard>> {
        let terms = query_terms(q);
        if terms.is_empty() {
            return self.list_people(limit, offset).await;
        }
        let (sql, expr) = match self.dialect() {
            Dialect::Sqlite => (
                format!(
                    "SELECT {CARD_COLUMNS} FROM search_fts f JOIN search_docs d ON d.seq = f.rowid \
                     JOIN people p ON p.id = d.person_id LEFT JOIN teams t ON t.id = p.team_id \
                     WHERE search_fts MATCH $1 AND p.active = TRUE ORDER BY f.rank, p.name LIMIT $2 OFFSET $3"
                ),
                terms.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" "),
            ),
            Dialect::Postgres => (
                format!(
                    "SELECT {CARD_COLUMNS} FROM search_docs d JOIN people p ON p.id = d.person_id \
                     LEFT JOIN teams t ON t.id = p.team_id \
                     WHERE d.tsv @@ to_tsquery('simple', $1) AND p.active = TRUE \
                     ORDER BY ts_rank(d.tsv, to_tsquery('simple', $1)) DESC, p.name LIMIT $2 OFFSET $3"
                ),
                terms.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & "),
            ),
        };
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(expr).bind(limit).bind(offset).fetch_all(p).await?))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn terms_drop_operators_and_quotes() {
        assert_eq!(super::query_terms("  \"Ada\" OR nurse* -x"), vec!["ada", "or", "nurse", "x"]);
        assert!(super::query_terms("*** ").is_empty());
    }
}
