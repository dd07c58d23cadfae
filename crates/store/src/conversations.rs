//! Discovery conversations with their customers, questions asked, needs discovered and
//! follow-ups. A conversation and everything in it is written in one transaction; every query
//! is scoped to the owner.

use crate::{Store, StoreError, StoreResult, Uuid, new_id, on_db};
use ladderless_domain::compass::customers::ConversationKind;
use time::{Date, OffsetDateTime};

/// A conversation as listed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Conversation {
    /// Id.
    pub id: Uuid,
    /// When it was held (or is planned).
    pub held_on: Date,
    /// What it was for.
    pub kind: ConversationKind,
    /// A short title.
    pub title: String,
    /// What was learned.
    pub learned: String,
    /// Created.
    pub created_at: OffsetDateTime,
}

/// A need discovered in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Need {
    /// Id.
    pub id: Uuid,
    /// The conversation it came from.
    pub conversation_id: Uuid,
    /// Whose need it is.
    pub customer_id: Option<Uuid>,
    /// The need.
    pub need: String,
    /// What showed it.
    pub evidence: String,
    /// The opportunity it became, once linked.
    pub opportunity_id: Option<Uuid>,
    /// That opportunity's title.
    pub opportunity_title: Option<String>,
    /// When the conversation was held.
    pub held_on: Date,
    /// The conversation's title.
    pub conversation_title: String,
}

/// A follow-up promised in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FollowUp {
    /// Id.
    pub id: Uuid,
    /// The conversation it came from.
    pub conversation_id: Uuid,
    /// Who it is for.
    pub customer_id: Option<Uuid>,
    /// What to do.
    pub action: String,
    /// By when.
    pub due_on: Date,
    /// When it was done.
    pub done_at: Option<OffsetDateTime>,
}

/// A new conversation with everything in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewConversation {
    /// When.
    pub held_on: Option<Date>,
    /// What it was for.
    pub kind: ConversationKind,
    /// Title.
    pub title: String,
    /// What was learned.
    pub learned: String,
    /// The owner's customers who took part.
    pub customers: Vec<Uuid>,
    /// Questions asked, in order: (text, bank question id or "").
    pub questions: Vec<(String, String)>,
    /// Needs: (customer, need, evidence).
    pub needs: Vec<(Option<Uuid>, String, String)>,
    /// Follow-ups: (customer, action, due).
    pub follow_ups: Vec<(Option<Uuid>, String, Date)>,
}

const CONV_COLUMNS: &str = "c.id, c.held_on, c.kind, c.title, c.learned, c.created_at";

/// Needs with their conversation and the title of the owner's opportunity each became.
const NEED_SELECT: &str = "SELECT n.id, n.conversation_id, n.customer_id, n.need, n.evidence, n.opportunity_id, \
    o.title AS opportunity_title, c.held_on, c.title AS conversation_title FROM needs n \
    JOIN conversations c ON c.id = n.conversation_id \
    LEFT JOIN opportunities o ON o.id = n.opportunity_id AND o.owner_id = n.owner_id";

impl Store {
    /// Write a conversation whole; a customer's last contact moves to `held_on` when that is
    /// later and not after `today`, and a next contact due by then is cleared. Refuses (NotFound) customers that are not the owner's.
    pub async fn create_conversation(
        &self,
        owner_id: Uuid,
        c: &NewConversation,
        today: Date,
        now: OffsetDateTime,
    ) -> StoreResult<Uuid> {
        let id = new_id();
        let held_on = c.held_on.unwrap_or(today);
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            for cid in &c.customers {
                let mine: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM customers WHERE id = $1 AND owner_id = $2")
                    .bind(cid).bind(owner_id).fetch_optional(&mut *tx).await?;
                if mine.is_none() {
                    return Err(StoreError::NotFound);
                }
            }
            sqlx::query("INSERT INTO conversations (id, owner_id, held_on, kind, title, learned, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                .bind(id).bind(owner_id).bind(held_on).bind(c.kind).bind(&c.title).bind(&c.learned).bind(now).execute(&mut *tx).await?;
            for cid in &c.customers {
                sqlx::query("INSERT INTO conversation_customers (conversation_id, customer_id, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING")
                    .bind(id).bind(cid).bind(now).execute(&mut *tx).await?;
                if held_on <= today {
                    sqlx::query("UPDATE customers SET last_contact = $3, updated_at = $4 WHERE id = $1 AND owner_id = $2 \
                         AND (last_contact IS NULL OR last_contact < $3)")
                        .bind(cid).bind(owner_id).bind(held_on).bind(now).execute(&mut *tx).await?;
                    // The contact that was due has happened: a next contact on or before it is done.
                    sqlx::query("UPDATE customers SET next_contact = NULL, updated_at = $4 WHERE id = $1 AND owner_id = $2 \
                         AND next_contact IS NOT NULL AND next_contact <= $3")
                        .bind(cid).bind(owner_id).bind(held_on).bind(now).execute(&mut *tx).await?;
                }
            }
            for (i, (text, bank_id)) in c.questions.iter().enumerate() {
                sqlx::query("INSERT INTO conversation_questions (id, conversation_id, position, text, bank_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
                    .bind(new_id()).bind(id).bind(i as i32).bind(text).bind(bank_id).bind(now).execute(&mut *tx).await?;
            }
            for (cid, need, evidence) in &c.needs {
                sqlx::query("INSERT INTO needs (id, owner_id, conversation_id, customer_id, need, evidence, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                    .bind(new_id()).bind(owner_id).bind(id).bind(cid).bind(need).bind(evidence).bind(now).execute(&mut *tx).await?;
            }
            for (cid, action, due) in &c.follow_ups {
                sqlx::query("INSERT INTO follow_ups (id, owner_id, conversation_id, customer_id, action, due_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                    .bind(new_id()).bind(owner_id).bind(id).bind(cid).bind(action).bind(due).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(id)
    }

    /// An owner's conversations, newest first; only those with `customer_id` when given.
    pub async fn conversations(
        &self,
        owner_id: Uuid,
        customer_id: Option<Uuid>,
        limit: i64,
    ) -> StoreResult<Vec<Conversation>> {
        let sql = match customer_id {
            None => format!(
                "SELECT {CONV_COLUMNS} FROM conversations c WHERE c.owner_id = $1 AND $2 IS NULL ORDER BY c.held_on DESC, c.id DESC LIMIT $3"
            ),
            Some(_) => format!(
                "SELECT {CONV_COLUMNS} FROM conversations c JOIN conversation_customers cc ON cc.conversation_id = c.id \
                 WHERE c.owner_id = $1 AND cc.customer_id = $2 ORDER BY c.held_on DESC, c.id DESC LIMIT $3"
            ),
        };
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(owner_id).bind(customer_id).bind(limit).fetch_all(p).await?),
        )
    }

    /// One of an owner's conversations (NotFound when it is someone else's).
    pub async fn conversation(&self, owner_id: Uuid, id: Uuid) -> StoreResult<Conversation> {
        let sql = format!(
            "SELECT {CONV_COLUMNS} FROM conversations c WHERE c.owner_id = $1 AND c.id = $2"
        );
        on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(owner_id).bind(id).fetch_optional(p).await?)
            .ok_or(StoreError::NotFound)
    }

    /// The customers in a set of an owner's conversations: (conversation, customer).
    pub async fn conversation_customers(
        &self,
        owner_id: Uuid,
        ids: &[Uuid],
    ) -> StoreResult<Vec<(Uuid, Uuid)>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(200) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT cc.conversation_id, cc.customer_id FROM conversation_customers cc JOIN conversations c ON c.id = cc.conversation_id \
                 WHERE c.owner_id = $1 AND cc.conversation_id IN ({})",
                marks.join(",")
            );
            let rows: Vec<(Uuid, Uuid)> = on_db!(self, p => {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(owner_id);
                for id in chunk { q = q.bind(*id); }
                q.fetch_all(p).await?
            });
            out.extend(rows);
        }
        Ok(out)
    }

    /// The questions asked in one of an owner's conversations, in order: (text, bank id).
    pub async fn conversation_questions(
        &self,
        owner_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Vec<(String, String)>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT q.text, q.bank_id FROM conversation_questions q JOIN conversations c ON c.id = q.conversation_id \
             WHERE c.owner_id = $1 AND q.conversation_id = $2 ORDER BY q.position")
            .bind(owner_id).bind(id).fetch_all(p).await?))
    }

    /// Delete one of an owner's conversations with everything in it.
    pub async fn delete_conversation(&self, owner_id: Uuid, id: Uuid) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("DELETE FROM conversations WHERE owner_id = $1 AND id = $2")
            .bind(owner_id).bind(id).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// An owner's needs, newest first, narrowed to a conversation or a customer when given.
    pub async fn needs(
        &self,
        owner_id: Uuid,
        conversation_id: Option<Uuid>,
        customer_id: Option<Uuid>,
    ) -> StoreResult<Vec<Need>> {
        let sql = format!(
            "{NEED_SELECT} WHERE n.owner_id = $1 AND ($2 IS NULL OR n.conversation_id = $2) AND ($3 IS NULL OR n.customer_id = $3) \
             ORDER BY c.held_on DESC, n.id LIMIT 1000"
        );
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(owner_id).bind(conversation_id).bind(customer_id).fetch_all(p).await?))
    }

    /// One of an owner's needs (NotFound when it is someone else's).
    pub async fn need(&self, owner_id: Uuid, id: Uuid) -> StoreResult<Need> {
        let sql = format!("{NEED_SELECT} WHERE n.owner_id = $1 AND n.id = $2");
        on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(owner_id).bind(id).fetch_optional(p).await?)
            .ok_or(StoreError::NotFound)
    }

    /// The owner's need that became an opportunity, if any.
    pub async fn need_of_opportunity(
        &self,
        owner_id: Uuid,
        opportunity_id: Uuid,
    ) -> StoreResult<Option<Need>> {
        let sql = format!("{NEED_SELECT} WHERE n.owner_id = $1 AND n.opportunity_id = $2");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(owner_id).bind(opportunity_id).fetch_optional(p).await?),
        )
    }

    /// Link one of an owner's needs to one of their opportunities (or unlink with None);
    /// NotFound when either is someone else's, Conflict when the opportunity has a need already.
    pub async fn link_need(
        &self,
        owner_id: Uuid,
        id: Uuid,
        opportunity_id: Option<Uuid>,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE needs SET opportunity_id = $3, updated_at = $4 WHERE owner_id = $1 AND id = $2 \
             AND ($3 IS NULL OR EXISTS (SELECT 1 FROM opportunities o WHERE o.id = $3 AND o.owner_id = $1))")
            .bind(owner_id).bind(id).bind(opportunity_id).bind(now).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// An owner's follow-ups: open ones due on or before `due_by` (all open ones when None),
    /// narrowed to a conversation when given (then done ones too), soonest first.
    pub async fn follow_ups(
        &self,
        owner_id: Uuid,
        due_by: Option<Date>,
        conversation_id: Option<Uuid>,
    ) -> StoreResult<Vec<FollowUp>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT id, conversation_id, customer_id, action, due_on, done_at FROM follow_ups WHERE owner_id = $1 \
             AND (($3 IS NULL AND done_at IS NULL AND ($2 IS NULL OR due_on <= $2)) OR conversation_id = $3) \
             ORDER BY due_on, id LIMIT 500")
            .bind(owner_id).bind(due_by).bind(conversation_id).fetch_all(p).await?))
    }

    /// Mark one of an owner's follow-ups done (or open again).
    pub async fn set_follow_up_done(
        &self,
        owner_id: Uuid,
        id: Uuid,
        done: bool,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let done_at = done.then_some(now);
        let n = on_db!(self, p => sqlx::query("UPDATE follow_ups SET done_at = $3, updated_at = $4 WHERE owner_id = $1 AND id = $2")
            .bind(owner_id).bind(id).bind(done_at).bind(now).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }
}
