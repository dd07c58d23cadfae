//! People: the organisation's members and their accounts.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use time::{Date, OffsetDateTime};

/// A person as stored (without credentials).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Person {
    /// Id.
    pub id: Uuid,
    /// HRIS key.
    pub employee_id: String,
    /// Full name.
    pub name: String,
    /// E-mail, lower-cased.
    pub email: String,
    /// Job title.
    pub job_title: String,
    /// Catalogue role code.
    pub role_code: Option<String>,
    /// Team.
    pub team_id: Option<Uuid>,
    /// Manager.
    pub manager_id: Option<Uuid>,
    /// Start in current role.
    pub role_start_date: Option<Date>,
    /// Office or region.
    pub location: String,
    /// Active in the organisation.
    pub active: bool,
    /// May administer the organisation.
    pub is_talent_admin: bool,
    /// Runs the programme.
    pub is_facilitator: bool,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
}

pub(crate) const PERSON_COLUMNS: &str = "p.id, p.employee_id, p.name, p.email, p.job_title, p.role_code, p.team_id, \
    p.manager_id, p.role_start_date, p.location, p.active, p.is_talent_admin, p.is_facilitator, p.created_at, p.updated_at";

/// A person with the names a page needs next to them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonCard {
    /// Id.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// Job title.
    pub job_title: String,
    /// Team path, if any.
    pub team: Option<String>,
    /// Role code.
    pub role_code: Option<String>,
    /// Location.
    pub location: String,
    /// Active flag.
    pub active: bool,
}

pub(crate) const CARD_COLUMNS: &str =
    "p.id, p.name, p.job_title, t.path AS team, p.role_code, p.location, p.active";

/// One entry of a person's role history.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RoleHistoryEntry {
    /// Id.
    pub id: Uuid,
    /// Person.
    pub person_id: Uuid,
    /// Role code held.
    pub role_code: Option<String>,
    /// Title held.
    pub job_title: String,
    /// From.
    pub started_on: Option<Date>,
    /// Until (open when current).
    pub ended_on: Option<Date>,
    /// Where the entry came from: import, demo, pilot.
    pub source: String,
}

/// Counts for the home page and health of the organisation.
#[derive(Debug, Clone, Default)]
pub struct OrgCounts {
    /// Active people.
    pub people: i64,
    /// Teams.
    pub teams: i64,
    /// People with an account (a password set).
    pub accounts: i64,
}

/// Inside a transaction: close the person's open role-history entry, open a new one and set
/// their current role; NotFound when the person does not exist (so the caller rolls back).
macro_rules! role_change_in_tx {
    ($tx:expr, $person:expr, $role_code:expr, $job_title:expr, $on:expr, $source:expr, $now:expr) => {
        sqlx::query("UPDATE role_history SET ended_on = $2, updated_at = $3 WHERE person_id = $1 AND ended_on IS NULL")
            .bind($person).bind($on).bind($now).execute(&mut *$tx).await?;
        let n = sqlx::query("UPDATE people SET role_code = $2, job_title = $3, role_start_date = $4, updated_at = $5 WHERE id = $1")
            .bind($person).bind($role_code).bind($job_title).bind($on).bind($now).execute(&mut *$tx).await?.rows_affected();
        if n == 0 {
            return Err($crate::StoreError::NotFound);
        }
        sqlx::query("INSERT INTO role_history (id, person_id, role_code, job_title, started_on, ended_on, source, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $7)")
            .bind($crate::new_id()).bind($person).bind($role_code).bind($job_title).bind($on).bind($source).bind($now)
            .execute(&mut *$tx).await?;
    };
}

impl Store {
    /// One person by id.
    pub async fn person(&self, id: Uuid) -> StoreResult<Person> {
        let sql = format!("SELECT {PERSON_COLUMNS} FROM people p WHERE p.id = $1");
        on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?)
            .ok_or(StoreError::NotFound)
    }

    /// One person by e-mail (case-insensitive: e-mails are stored lower-cased).
    pub async fn person_by_email(&self, email: &str) -> StoreResult<Option<Person>> {
        let sql = format!("SELECT {PERSON_COLUMNS} FROM people p WHERE p.email = $1");
        let email = email.trim().to_lowercase();
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(email).fetch_optional(p).await?),
        )
    }

    /// One person by HRIS employee id.
    pub async fn person_by_employee_id(&self, employee_id: &str) -> StoreResult<Option<Person>> {
        let sql = format!("SELECT {PERSON_COLUMNS} FROM people p WHERE p.employee_id = $1");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(employee_id).fetch_optional(p).await?),
        )
    }

    /// Cards for several people, by id (order not kept).
    pub async fn cards(&self, ids: &[Uuid]) -> StoreResult<Vec<PersonCard>> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT {CARD_COLUMNS} FROM people p LEFT JOIN teams t ON t.id = p.team_id WHERE p.id IN ({})",
                marks.join(",")
            );
            let rows: Vec<PersonCard> = on_db!(self, p => {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
                for id in chunk { q = q.bind(*id); }
                q.fetch_all(p).await?
            });
            out.extend(rows);
        }
        Ok(out)
    }

    /// Active direct reports of a manager, by name.
    pub async fn reports(&self, manager_id: Uuid) -> StoreResult<Vec<PersonCard>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM people p LEFT JOIN teams t ON t.id = p.team_id \
             WHERE p.manager_id = $1 AND p.active = TRUE ORDER BY p.name LIMIT 500"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(manager_id).fetch_all(p).await?),
        )
    }

    /// How many active direct reports a person has.
    pub async fn report_count(&self, manager_id: Uuid) -> StoreResult<i64> {
        let (n,): (i64,) = on_db!(self, p => sqlx::query_as("SELECT COUNT(*) FROM people WHERE manager_id = $1 AND active = TRUE")
            .bind(manager_id).fetch_one(p).await?);
        Ok(n)
    }

    /// Whether `manager_id` is the current manager of `person_id`.
    pub async fn is_manager_of(&self, manager_id: Uuid, person_id: Uuid) -> StoreResult<bool> {
        let row: Option<(Uuid,)> = on_db!(self, p => sqlx::query_as("SELECT id FROM people WHERE id = $1 AND manager_id = $2")
            .bind(person_id).bind(manager_id).fetch_optional(p).await?);
        Ok(row.is_some())
    }

    /// A page of active people ordered by name.
    pub async fn list_people(&self, limit: i64, offset: i64) -> StoreResult<Vec<PersonCard>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM people p LEFT JOIN teams t ON t.id = p.team_id \
             WHERE p.active = TRUE ORDER BY p.name, p.id LIMIT $1 OFFSET $2"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).bind(offset).fetch_all(p).await?),
        )
    }

    /// Role history of a person, newest first.
    pub async fn role_history(&self, person_id: Uuid) -> StoreResult<Vec<RoleHistoryEntry>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT id, person_id, role_code, job_title, started_on, ended_on, source FROM role_history \
             WHERE person_id = $1 ORDER BY started_on DESC, created_at DESC")
            .bind(person_id).fetch_all(p).await?))
    }

    /// Every observed role move (from one role code to the next) across the organisation.
    pub async fn observed_moves(&self) -> StoreResult<Vec<(String, String)>> {
        let rows: Vec<(Uuid, Option<String>, Option<Date>)> = on_db!(self, p => sqlx::query_as(
            "SELECT person_id, role_code, started_on FROM role_history ORDER BY person_id, started_on, created_at")
            .fetch_all(p).await?);
        let mut moves = Vec::new();
        let mut prev: Option<(Uuid, Option<String>)> = None;
        for (pid, code, _) in rows {
            if let Some((ppid, Some(pcode))) = &prev
                && *ppid == pid
                && let Some(c) = &code
                && c != pcode
            {
                moves.push((pcode.clone(), c.clone()));
            }
            prev = Some((pid, code));
        }
        Ok(moves)
    }

    /// Add a role-history entry, closing the open one.
    pub async fn record_role_change(
        &self,
        person_id: Uuid,
        role_code: Option<&str>,
        job_title: &str,
        on: Date,
        source: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            role_change_in_tx!(tx, person_id, role_code, job_title, on, source, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// The stored password hash for an active person, by e-mail.
    pub async fn credentials(&self, email: &str) -> StoreResult<Option<(Uuid, Option<String>)>> {
        let email = email.trim().to_lowercase();
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, password_hash FROM people WHERE email = $1 AND active = TRUE")
            .bind(email).fetch_optional(p).await?),
        )
    }

    /// The password hash of a person.
    pub async fn password_hash(&self, id: Uuid) -> StoreResult<Option<String>> {
        let row: Option<(Option<String>,)> = on_db!(self, p => sqlx::query_as("SELECT password_hash FROM people WHERE id = $1")
            .bind(id).fetch_optional(p).await?);
        row.map(|r| r.0).ok_or(StoreError::NotFound)
    }

    /// Set a person's password hash.
    pub async fn set_password_hash(
        &self,
        id: Uuid,
        hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let r = on_db!(self, p => sqlx::query("UPDATE people SET password_hash = $2, updated_at = $3 WHERE id = $1")
            .bind(id).bind(hash).bind(now).execute(p).await?.rows_affected());
        if r == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Grant or withdraw the talent-admin and facilitator roles.
    pub async fn set_access_roles(
        &self,
        id: Uuid,
        talent_admin: bool,
        facilitator: bool,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let r = on_db!(self, p => sqlx::query("UPDATE people SET is_talent_admin = $2, is_facilitator = $3, updated_at = $4 WHERE id = $1")
            .bind(id).bind(talent_admin).bind(facilitator).bind(now).execute(p).await?.rows_affected());
        if r == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// How many talent admins are active (the last one may not be demoted).
    pub async fn talent_admin_count(&self) -> StoreResult<i64> {
        let (n,): (i64,) = on_db!(self, p => sqlx::query_as("SELECT COUNT(*) FROM people WHERE is_talent_admin = TRUE AND active = TRUE")
            .fetch_one(p).await?);
        Ok(n)
    }

    /// Counts of people, teams and accounts.
    pub async fn org_counts(&self) -> StoreResult<OrgCounts> {
        let (people, teams, accounts): (i64, i64, i64) = on_db!(self, p => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM people WHERE active = TRUE), (SELECT COUNT(*) FROM teams), \
             (SELECT COUNT(*) FROM people WHERE password_hash IS NOT NULL)").fetch_one(p).await?);
        Ok(OrgCounts {
            people,
            teams,
            accounts,
        })
    }

    /// The chain of managers above a person, nearest first (at most 20; a cycle in bad data
    /// stops at the first repeat). One recursive query, not one per level.
    pub async fn management_chain(&self, person_id: Uuid) -> StoreResult<Vec<PersonCard>> {
        let sql = format!(
            "WITH RECURSIVE chain(id, depth) AS ( \
                SELECT manager_id, 1 FROM people WHERE id = $1 AND manager_id IS NOT NULL \
                UNION ALL \
                SELECT p.manager_id, c.depth + 1 FROM chain c JOIN people p ON p.id = c.id \
                WHERE p.manager_id IS NOT NULL AND c.depth < 20) \
             SELECT {CARD_COLUMNS} FROM chain c JOIN people p ON p.id = c.id LEFT JOIN teams t ON t.id = p.team_id \
             ORDER BY c.depth"
        );
        let rows: Vec<PersonCard> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(person_id).fetch_all(p).await?);
        let mut chain: Vec<PersonCard> = Vec::with_capacity(rows.len());
        for card in rows {
            if card.id == person_id || chain.iter().any(|c| c.id == card.id) {
                break;
            }
            chain.push(card);
        }
        Ok(chain)
    }

    /// A person and whether anyone active reports to them, in one query (the per-request
    /// path of every signed-in page).
    pub async fn person_with_manager_flag(&self, id: Uuid) -> StoreResult<(Person, bool)> {
        let sql = format!(
            "SELECT {PERSON_COLUMNS}, EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id AND r.active = TRUE) AS has_reports \
             FROM people p WHERE p.id = $1"
        );
        let row: Option<PersonWithFlag> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?);
        row.map(|r| (r.person, r.has_reports))
            .ok_or(StoreError::NotFound)
    }
}

#[derive(sqlx::FromRow)]
struct PersonWithFlag {
    #[sqlx(flatten)]
    person: Person,
    has_reports: bool,
}
