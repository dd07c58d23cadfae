//! Each person's data rights: exporting all their own data (a zip of JSON and CSV made by a
//! job, kept for [`EXPORT_KEEP`] and downloadable only by them), erasure by a talent admin
//! (planned by [`ladderless_domain::erasure`], done in one transaction), retention settings
//! for audit entries and read notifications (applied by the purge job), and the audit entries
//! written when a talent admin views someone's private data.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::erasure::{self, ERASED_NAME, ErasurePlan};
use ladderless_store::Uuid;
use ladderless_store::audit::AuditEntry;
use ladderless_store::data_rights::{DataExport, EXPORT_FILES, ExportRows, PRIVATE_VIEW};
use ladderless_store::people::Person;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::Write;
use time::{Duration, OffsetDateTime};

/// The job that produces exports (payload `{"export_id": "…"}`; `{}` runs every queued one).
pub const DATA_EXPORT: &str = "data.export";
/// How long a finished export stays downloadable.
pub const EXPORT_KEEP: Duration = Duration::days(7);
/// Setting: days audit entries are kept (absent: forever).
pub const AUDIT_DAYS: &str = "retention.audit_days";
/// Setting: days read notifications are kept (absent: forever).
pub const NOTIFICATION_DAYS: &str = "retention.read_notification_days";
/// The fewest days audit entries may be kept (so an investigation has time to look).
pub const MIN_AUDIT_DAYS: i64 = 30;
/// The most days either may be kept (beyond that, leave it blank: forever).
pub const MAX_RETENTION_DAYS: i64 = 3650;

/// How long audit entries and read notifications are kept (None: forever).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Retention {
    /// Days audit entries are kept.
    pub audit_days: Option<i64>,
    /// Days notifications are kept after they are read.
    pub read_notification_days: Option<i64>,
}

/// Check a number of days as typed: blank means forever, otherwise a whole number in bounds.
pub fn parse_retention_days(raw: &str, min: i64) -> Result<Option<i64>, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if (min..=MAX_RETENTION_DAYS).contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "must be a whole number of days from {min} to {MAX_RETENTION_DAYS}, or blank to keep them for ever"
        )),
    }
}

/// What the person about to be erased is, with the plan, for the confirmation.
#[derive(Debug, Clone)]
pub struct ErasureReview {
    /// The person.
    pub person: Person,
    /// What will go.
    pub plan: ErasurePlan,
    /// Already erased (then there is nothing left to do).
    pub erased_at: Option<OffsetDateTime>,
}

/// What a purge run removed under the retention settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionPurge {
    /// Export zips past their time.
    pub exports: u64,
    /// Audit entries.
    pub audit: u64,
    /// Read notifications.
    pub notifications: u64,
}

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn csv_of(rows: &ExportRows) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    if !rows.columns.is_empty() {
        w.write_record(&rows.columns).map_err(|e| e.to_string())?;
    }
    for r in &rows.rows {
        let cells: Vec<String> = rows
            .columns
            .iter()
            .map(|c| r.get(c).map(csv_cell).unwrap_or_default())
            .collect();
        w.write_record(&cells).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn readme(person: &Person, now: OffsetDateTime) -> String {
    let mut s = format!(
        "Your data from Ladderless\n=========================\n\n\
         Everything Ladderless holds that is yours, for {} ({}), made on {}.\n\n\
         Each kind of record is in two files with the same rows: NAME.json (a list of objects)\n\
         and NAME.csv (one row per record, the first row naming the columns). Times are in UTC.\n\
         Where a record names a colleague, their name is given while they are in the directory;\n\
         otherwise only their id. Other people's private data is never included.\n\n\
         Files\n-----\n",
        person.name,
        person.email,
        now.date()
    );
    for f in EXPORT_FILES {
        s.push_str(&format!("{}: {}\n", f.name, f.about));
    }
    s
}

impl App {
    /// Ask for an export of one's own data. A request while one is queued or running answers
    /// that one rather than starting another.
    pub async fn request_export(&self, actor: &Actor) -> CoreResult<DataExport> {
        if let Some(e) = self
            .store
            .exports_of(actor.id(), 1)
            .await?
            .into_iter()
            .next()
            && (e.state == "queued" || e.state == "running")
        {
            return Ok(e);
        }
        let e = self.store.create_export(actor.id(), self.now()).await?;
        self.enqueue_export(e.id).await?;
        Ok(e)
    }

    async fn enqueue_export(&self, id: Uuid) -> CoreResult<()> {
        let payload = serde_json::json!({ "export_id": id.to_string() }).to_string();
        self.enqueue_job(
            DATA_EXPORT,
            &payload,
            None,
            Some(format!(
                "{DATA_EXPORT}:{id}:{}",
                self.now().unix_timestamp_nanos()
            )),
        )
        .await?;
        Ok(())
    }

    /// One of the caller's exports (anyone else's: not found).
    pub async fn my_export(&self, actor: &Actor, id: Uuid) -> CoreResult<DataExport> {
        match self.store.export(id).await? {
            Some(e) if e.person_id == actor.id() => Ok(e),
            _ => Err(CoreError::NotFound),
        }
    }

    /// The caller's newest exports.
    pub async fn my_exports(&self, actor: &Actor) -> CoreResult<Vec<DataExport>> {
        Ok(self.store.exports_of(actor.id(), 5).await?)
    }

    /// The zip of one of the caller's ready exports (anyone else's, or expired: not found).
    pub async fn download_export(&self, actor: &Actor, id: Uuid) -> CoreResult<Vec<u8>> {
        let e = self.my_export(actor, id).await?;
        let bytes = self
            .store
            .export_archive(e.id, self.now())
            .await?
            .ok_or(CoreError::NotFound)?;
        self.store
            .audit(
                Some(actor.id()),
                "export_download",
                &actor.id().to_string(),
                &id.to_string(),
                "",
                self.now(),
            )
            .await?;
        Ok(bytes)
    }

    /// Try a failed export of the caller's again.
    pub async fn retry_export(&self, actor: &Actor, id: Uuid) -> CoreResult<DataExport> {
        let e = self.my_export(actor, id).await?;
        if !self.store.requeue_export(e.id, self.now()).await? {
            return Err(CoreError::field(
                "export",
                format!(
                    "only a failed export can be tried again; this one is {}",
                    e.state
                ),
            ));
        }
        self.enqueue_export(e.id).await?;
        self.my_export(actor, id).await
    }

    /// The job body: build the exports the payload names (or every queued one).
    pub(crate) async fn run_data_export(&self, payload: &str) -> Result<String, String> {
        let v: Value = serde_json::from_str(payload).map_err(|e| format!("payload: {e}"))?;
        let ids: Vec<Uuid> = match v.get("export_id").and_then(Value::as_str) {
            Some(s) => vec![Uuid::parse_str(s).map_err(|e| format!("export_id: {e}"))?],
            None => self
                .store
                .queued_exports()
                .await
                .map_err(|e| e.to_string())?,
        };
        let mut made = 0;
        for id in ids {
            match self.build_export(id).await {
                Ok(true) => made += 1,
                Ok(false) => {}
                Err(e) => {
                    let now = self.now();
                    let _ = self.store.fail_export(id, &e, now).await;
                    return Err(e);
                }
            }
        }
        Ok(format!("{made} data export(s) made"))
    }

    /// Build one export; false when it is not waiting (already made, or gone).
    async fn build_export(&self, id: Uuid) -> Result<bool, String> {
        let err = |e: ladderless_store::StoreError| e.to_string();
        let Some(e) = self.store.export(id).await.map_err(err)? else {
            return Ok(false);
        };
        if e.state != "queued" && e.state != "running" {
            return Ok(false);
        }
        let person = self.store.person(e.person_id).await.map_err(err)?;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let ze = |e: zip::result::ZipError| e.to_string();
        let io = |e: std::io::Error| e.to_string();
        zip.start_file("README.txt", opts).map_err(ze)?;
        zip.write_all(readme(&person, self.now()).as_bytes())
            .map_err(io)?;
        for (n, f) in EXPORT_FILES.iter().enumerate() {
            self.store
                .export_progress(id, n as i32, self.now())
                .await
                .map_err(err)?;
            let rows = self
                .store
                .export_rows(f, person.id, &person.email)
                .await
                .map_err(err)?;
            let json = serde_json::to_vec_pretty(&rows.rows).map_err(|e| e.to_string())?;
            zip.start_file(format!("{}.json", f.name), opts)
                .map_err(ze)?;
            zip.write_all(&json).map_err(io)?;
            zip.start_file(format!("{}.csv", f.name), opts)
                .map_err(ze)?;
            zip.write_all(&csv_of(&rows)?).map_err(io)?;
        }
        let bytes = zip.finish().map_err(ze)?.into_inner();
        let now = self.now();
        self.store
            .finish_export(id, &bytes, now, now + EXPORT_KEEP)
            .await
            .map_err(err)?;
        Ok(true)
    }

    /// The retention settings.
    pub async fn retention(&self) -> CoreResult<Retention> {
        let days = |v: Option<String>| {
            v.and_then(|s| s.trim().parse::<i64>().ok())
                .filter(|n| *n > 0)
        };
        Ok(Retention {
            audit_days: days(self.store.setting(AUDIT_DAYS).await?),
            read_notification_days: days(self.store.setting(NOTIFICATION_DAYS).await?),
        })
    }

    /// Change the retention settings (talent admins); blank keeps for ever. Audited.
    pub async fn set_retention(
        &self,
        actor: &Actor,
        audit_days: &str,
        read_notification_days: &str,
    ) -> CoreResult<Retention> {
        actor.require_talent_admin()?;
        let mut errors = ladderless_domain::fields::FieldErrors::new();
        let audit = parse_retention_days(audit_days, MIN_AUDIT_DAYS)
            .map_err(|m| errors.add("audit_days", m))
            .ok()
            .flatten();
        let notes = parse_retention_days(read_notification_days, 1)
            .map_err(|m| errors.add("read_notification_days", m))
            .ok()
            .flatten();
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let text = |d: Option<i64>| d.map(|n| n.to_string()).unwrap_or_default();
        let (a, n) = (text(audit), text(notes));
        let now = self.now();
        self.store
            .set_settings(
                &[(AUDIT_DAYS, a.as_str()), (NOTIFICATION_DAYS, n.as_str())],
                now,
            )
            .await?;
        let detail = format!(
            "audit_days={} read_notification_days={}",
            if a.is_empty() { "forever" } else { &a },
            if n.is_empty() { "forever" } else { &n }
        );
        self.store
            .audit(
                Some(actor.id()),
                "settings_change",
                "retention",
                &detail,
                "",
                now,
            )
            .await?;
        self.retention().await
    }

    /// Remove what the retention settings no longer keep, and expired export zips (run by
    /// the purge job).
    pub async fn purge_retained(&self) -> CoreResult<RetentionPurge> {
        let now = self.now();
        let r = self.retention().await?;
        let exports = self.store.purge_exports(now).await?;
        let audit = match r.audit_days {
            Some(d) => self.store.purge_audit(now - Duration::days(d)).await?,
            None => 0,
        };
        let notifications = match r.read_notification_days {
            Some(d) => {
                self.store
                    .purge_read_notifications(now - Duration::days(d))
                    .await?
            }
            None => 0,
        };
        Ok(RetentionPurge {
            exports,
            audit,
            notifications,
        })
    }

    /// A talent admin looks at what erasing a person would remove.
    pub async fn erasure_review(
        &self,
        actor: &Actor,
        person_id: Uuid,
    ) -> CoreResult<ErasureReview> {
        actor.require_talent_admin()?;
        let person = self.store.person(person_id).await?;
        let counts = self.store.erasure_counts(person_id).await?;
        Ok(ErasureReview {
            erased_at: self.store.erased_at(person_id).await?,
            plan: erasure::plan(&counts),
            person,
        })
    }

    /// A talent admin erases a person, who must be named as confirmation. Not oneself.
    pub async fn erase_person(
        &self,
        actor: &Actor,
        person_id: Uuid,
        typed_name: &str,
        ip: &str,
    ) -> CoreResult<ErasurePlan> {
        let review = self.erasure_review(actor, person_id).await?;
        if review.erased_at.is_some() {
            return Err(CoreError::field(
                "person",
                "this person has already been erased",
            ));
        }
        if person_id == actor.id() {
            return Err(CoreError::field(
                "person",
                "you cannot erase yourself; another talent admin can",
            ));
        }
        if !erasure::confirms(typed_name, &review.person.name) {
            return Err(CoreError::field(
                "confirm_name",
                format!(
                    "must be the person's name, {}, as shown",
                    review.person.name
                ),
            ));
        }
        self.store
            .erase_person(
                person_id,
                ERASED_NAME,
                actor.id(),
                &review.plan.summary(),
                ip,
                self.now(),
            )
            .await?;
        Ok(review.plan)
    }

    /// Record that a talent admin viewed another person's private data (`what`: which part).
    /// Nothing is written when the viewer is the person, or is not a talent admin.
    pub async fn audit_private_view(
        &self,
        actor: &Actor,
        person_id: Uuid,
        what: &str,
    ) -> CoreResult<()> {
        if !actor.is_talent_admin() || actor.id() == person_id {
            return Ok(());
        }
        self.store
            .audit(
                Some(actor.id()),
                PRIVATE_VIEW,
                &person_id.to_string(),
                what,
                "",
                self.now(),
            )
            .await?;
        Ok(())
    }

    /// Who (which talent admins) looked at the caller's private data, newest first.
    pub async fn who_viewed_me(&self, actor: &Actor) -> CoreResult<Vec<AuditEntry>> {
        Ok(self.store.private_views_of(actor.id(), 20).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_days_are_blank_or_bounded() {
        assert_eq!(parse_retention_days("", 30), Ok(None));
        assert_eq!(parse_retention_days("  ", 30), Ok(None));
        assert_eq!(parse_retention_days(" 90 ", 30), Ok(Some(90)));
        assert_eq!(parse_retention_days("30", 30), Ok(Some(30)));
        assert_eq!(parse_retention_days("3650", 1), Ok(Some(3650)));
        for bad in ["29", "0", "-5", "3651", "ninety", "1.5"] {
            assert!(parse_retention_days(bad, 30).is_err(), "{bad}");
        }
    }

    #[test]
    fn csv_cells_are_plain_text() {
        let rows = ExportRows {
            columns: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![
                serde_json::json!({"a": "x, y", "b": null, "c": true})
                    .as_object()
                    .cloned()
                    .unwrap_or_default(),
            ],
        };
        let text = String::from_utf8(csv_of(&rows).unwrap_or_default()).unwrap_or_default();
        assert_eq!(text, "a,b,c\n\"x, y\",,true\n");
    }
}
