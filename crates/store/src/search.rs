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

    /// Active people whose document has every query word, as a whole word or as the start of
    /// one. When few documents match (at most [`RANKED_MATCHES`]) they come best first. A broad
    /// query (a city, a common first name) lists whole-word matches in directory order instead:
    /// ranking, or merging every word that starts with the query, costs far more over tens of
    /// thousands of documents than it tells a reader, who narrows the search with another word.
    pub async fn search_people(
        &self,
        q: &str,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<PersonCard>> {
        Ok(self.search_people_page(q, limit, offset).await?.people)
    }

    /// [`Store::search_people`], saying also whether the search was broad (more than
    /// [`RANKED_MATCHES`] whole-word matches), so a page can suggest narrowing it.
    pub async fn search_people_page(
        &self,
        q: &str,
        limit: i64,
        offset: i64,
    ) -> StoreResult<SearchPage> {
        let terms = query_terms(q);
        if terms.is_empty() {
            return Ok(SearchPage {
                people: self.list_people(limit, offset).await?,
                broad: false,
            });
        }
        // One query answers a broad search: the page in directory order, with the (capped)
        // number of matches alongside; only a narrow one pays for ranking.
        let whole = self.match_expr(&terms, false);
        let cap = RANKED_MATCHES + 1;
        let counted = match self.dialect() {
            Dialect::Sqlite => format!(
                "SELECT {CARD_COLUMNS}, (SELECT COUNT(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH $1 LIMIT {cap}) x) AS matches \
                 FROM search_fts f JOIN search_docs d ON d.seq = f.rowid \
                 JOIN people p ON p.id = d.person_id LEFT JOIN teams t ON t.id = p.team_id \
                 WHERE search_fts MATCH $1 AND p.active = TRUE ORDER BY f.rowid LIMIT $2 OFFSET $3"
            ),
            Dialect::Postgres => format!(
                "SELECT {CARD_COLUMNS}, (SELECT COUNT(*) FROM (SELECT 1 FROM search_docs x WHERE x.tsv @@ to_tsquery('simple', $1) LIMIT {cap}) y) AS matches \
                 FROM search_docs d JOIN people p ON p.id = d.person_id LEFT JOIN teams t ON t.id = p.team_id \
                 WHERE d.tsv @@ to_tsquery('simple', $1) AND p.active = TRUE ORDER BY d.seq LIMIT $2 OFFSET $3"
            ),
        };
        let rows: Vec<CountedCard> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(counted)).bind(&whole).bind(limit).bind(offset).fetch_all(p).await?);
        let broad = match rows.first() {
            Some(r) => r.matches > RANKED_MATCHES,
            None => self.count_matches(&whole).await? > RANKED_MATCHES,
        };
        if broad {
            return Ok(SearchPage {
                people: rows.into_iter().map(|r| r.card).collect(),
                broad: true,
            });
        }
        let prefix = self.match_expr(&terms, true);
        let ranked = self.count_matches(&prefix).await? <= RANKED_MATCHES;
        Ok(SearchPage {
            people: self.search_page(&prefix, ranked, limit, offset).await?,
            broad: !ranked,
        })
    }

    fn match_expr(&self, terms: &[String], prefix: bool) -> String {
        let star = if prefix { "*" } else { "" };
        match self.dialect() {
            Dialect::Sqlite => terms
                .iter()
                .map(|t| format!("\"{t}\"{star}"))
                .collect::<Vec<_>>()
                .join(" "),
            Dialect::Postgres => {
                let star = if prefix { ":*" } else { "" };
                terms
                    .iter()
                    .map(|t| format!("{t}{star}"))
                    .collect::<Vec<_>>()
                    .join(" & ")
            }
        }
    }

    /// How many documents match, counting no further than one past [`RANKED_MATCHES`].
    async fn count_matches(&self, expr: &str) -> StoreResult<i64> {
        let cap = RANKED_MATCHES + 1;
        let sql = match self.dialect() {
            Dialect::Sqlite => format!(
                "SELECT COUNT(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH $1 LIMIT {cap}) x"
            ),
            Dialect::Postgres => {
                format!(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM search_docs d WHERE d.tsv @@ to_tsquery('simple', $1) LIMIT {cap}) x"
                )
            }
        };
        let (n,): (i64,) = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(expr).fetch_one(p).await?);
        Ok(n)
    }

    async fn search_page(
        &self,
        expr: &str,
        ranked: bool,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<PersonCard>> {
        let sql = match self.dialect() {
            Dialect::Sqlite => {
                let order = if ranked { "f.rank, p.name" } else { "f.rowid" };
                format!(
                    "SELECT {CARD_COLUMNS} FROM search_fts f JOIN search_docs d ON d.seq = f.rowid \
                     JOIN people p ON p.id = d.person_id LEFT JOIN teams t ON t.id = p.team_id \
                     WHERE search_fts MATCH $1 AND p.active = TRUE ORDER BY {order} LIMIT $2 OFFSET $3"
                )
            }
            Dialect::Postgres => {
                let order = if ranked {
                    "ts_rank(d.tsv, to_tsquery('simple', $1)) DESC, p.name"
                } else {
                    "d.seq"
                };
                format!(
                    "SELECT {CARD_COLUMNS} FROM search_docs d JOIN people p ON p.id = d.person_id \
                     LEFT JOIN teams t ON t.id = p.team_id \
                     WHERE d.tsv @@ to_tsquery('simple', $1) AND p.active = TRUE ORDER BY {order} LIMIT $2 OFFSET $3"
                )
            }
        };
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(expr).bind(limit).bind(offset).fetch_all(p).await?),
        )
    }
}

/// One page of a directory search.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// The people on this page.
    pub people: Vec<PersonCard>,
    /// More than [`RANKED_MATCHES`] people match: listed in directory order, not by relevance.
    pub broad: bool,
}

#[derive(sqlx::FromRow)]
struct CountedCard {
    #[sqlx(flatten)]
    card: PersonCard,
    matches: i64,
}

/// The most matches a search ranks by relevance; beyond it results come in directory order.
pub const RANKED_MATCHES: i64 = 500;

#[cfg(test)]
mod tests {
    #[test]
    fn terms_drop_operators_and_quotes() {
        assert_eq!(
            super::query_terms("  \"Ada\" OR nurse* -x"),
            vec!["ada", "or", "nurse", "x"]
        );
        assert!(super::query_terms("*** ").is_empty());
    }
}
