//! The storage error: a database failure, a uniqueness conflict on a field, or not found.

/// Result with [`StoreError`].
pub type StoreResult<T> = Result<T, StoreError>;

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row does not exist.
    #[error("not found")]
    NotFound,
    /// A unique constraint was violated on this field.
    #[error("{field} is already taken")]
    Conflict {
        /// The column that must be unique.
        field: String,
    },
    /// Bad configuration (URL, data directory).
    #[error("{0}")]
    Config(String),
    /// A stored value could not be read back as its type (an unknown code, say): the data
    /// is damaged or was written by something else, so it is reported, never defaulted.
    #[error("cannot read column {column}: {reason}")]
    Decode {
        /// The column, as the query names it.
        column: String,
        /// What was wrong with the value.
        reason: String,
    },
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// A value in `column` that cannot be read as its type.
    pub fn decode(column: &str, reason: impl std::fmt::Display) -> StoreError {
        StoreError::Decode {
            column: column.to_string(),
            reason: reason.to_string(),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::RowNotFound = e {
            return StoreError::NotFound;
        }
        if let sqlx::Error::ColumnDecode { index, source } = &e {
            return StoreError::decode(index.trim_matches('"'), source);
        }
        if let sqlx::Error::Database(db) = &e
            && db.is_unique_violation()
        {
            return StoreError::Conflict {
                field: conflict_field(db.table(), db.constraint(), db.message()),
            };
        }
        StoreError::Database(e)
    }
}

/// Find the column named by a unique violation, on either backend.
fn conflict_field(table: Option<&str>, constraint: Option<&str>, message: &str) -> String {
    // PostgreSQL: constraint "people_email_key" on table "people";
    // SQLite: "UNIQUE constraint failed: people.email".
    if let Some(c) = constraint {
        let c = c.strip_suffix("_key").unwrap_or(c);
        let prefix = table.map(|t| format!("{t}_")).unwrap_or_default();
        return c.strip_prefix(prefix.as_str()).unwrap_or(c).to_string();
    }
    if let Some(rest) = message.split("failed: ").nth(1) {
        let first = rest.split(',').next().unwrap_or(rest).trim();
        return first.rsplit('.').next().unwrap_or(first).to_string();
    }
    "value".to_string()
}

#[cfg(test)]
mod tests {
    use super::conflict_field;

    #[test]
    fn names_the_field_on_both_backends() {
        assert_eq!(
            conflict_field(Some("people"), Some("people_email_key"), ""),
            "email"
        );
        assert_eq!(
            conflict_field(Some("org_roles"), Some("org_roles_title_key"), ""),
            "title"
        );
        assert_eq!(
            conflict_field(None, None, "UNIQUE constraint failed: people.email"),
            "email"
        );
        assert_eq!(
            conflict_field(None, None, "UNIQUE constraint failed: people.employee_id"),
            "employee_id"
        );
    }
}
