//! The job queue's rules: a job's states, how long to wait before a retry, how often a
//! schedule runs and which slot an instant falls in. The queue itself lives in the store.

use crate::codes::code_enum;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

code_enum! {
    /// Where a job is in its life.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum JobState: "job state" {
        /// Waiting for its run time and a free worker.
        Queued = "queued" => "Queued",
        /// Claimed by a worker until its lease runs out.
        Running = "running" => "Running",
        /// Finished successfully.
        Done = "done" => "Done",
        /// Failed on every attempt; waits for a talent admin to retry it.
        Dead = "dead" => "Failed (dead letter)",
    }
}

/// The first retry waits this long; each later one twice as long as the one before.
pub const BACKOFF_BASE_SECS: i64 = 30;
/// No retry waits longer than this.
pub const BACKOFF_CAP_SECS: i64 = 3600;
/// Attempts a job gets unless it says otherwise.
pub const DEFAULT_MAX_ATTEMPTS: i32 = 5;

/// How long to wait after failed attempt number `attempt` (1 for the first) before the next:
/// 30 s, 1 min, 2 min, 4 min, … never more than an hour.
pub fn backoff(attempt: i32) -> Duration {
    let exp = attempt.clamp(1, 32) - 1;
    let secs = BACKOFF_BASE_SECS.saturating_mul(1_i64 << exp.min(20));
    Duration::seconds(secs.min(BACKOFF_CAP_SECS))
}

/// What happens after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Queue it again to run at this instant.
    RetryAt(OffsetDateTime),
    /// No attempts left: the dead-letter state.
    Dead,
}

/// Decide the fate of a job that failed its `attempts`-th attempt out of `max_attempts`.
pub fn after_failure(attempts: i32, max_attempts: i32, now: OffsetDateTime) -> AfterFailure {
    if attempts >= max_attempts {
        AfterFailure::Dead
    } else {
        AfterFailure::RetryAt(now + backoff(attempts))
    }
}

/// Parse how often a schedule runs: a whole number with a unit, `30s`, `5m`, `1h` or `1d`.
/// Blank means the schedule is off (`Ok(None)`). At least 10 seconds, at most 7 days.
pub fn parse_every(text: &str) -> Result<Option<Duration>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: i64 = num.parse().map_err(|_| {
        format!("{t:?} is not an interval like 30s, 5m, 1h or 1d (a whole number and a unit)")
    })?;
    let secs = match unit.trim() {
        "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86_400),
        "" => {
            return Err(format!(
                "{t:?} has no unit; write for example {n}s, {n}m or {n}h"
            ));
        }
        other => {
            return Err(format!(
                "{other:?} is not a unit in {t:?}; use s, m, h or d"
            ));
        }
    };
    if secs < 10 {
        return Err(format!("{t:?} is too often; the shortest interval is 10s"));
    }
    if secs > 7 * 86_400 {
        return Err(format!("{t:?} is too long; the longest interval is 7d"));
    }
    Ok(Some(Duration::seconds(secs)))
}

/// The slot of a schedule running every `every` that `now` falls in: whole intervals since
/// the Unix epoch. Every server computes the same slot for the same instant, so a slot names
/// one run however many servers share the database.
pub fn slot(now: OffsetDateTime, every: Duration) -> i64 {
    let step = every.whole_seconds().max(1);
    now.unix_timestamp().div_euclid(step)
}

/// The idempotency key of a schedule's run in one slot.
pub fn schedule_key(name: &str, slot: i64) -> String {
    format!("schedule:{name}:{slot}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn at(unix: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(unix).expect("time")
    }

    #[rstest]
    #[case(1, 30)]
    #[case(2, 60)]
    #[case(3, 120)]
    #[case(5, 480)]
    #[case(8, 3600)]
    #[case(40, 3600)]
    #[case(0, 30)]
    #[case(-3, 30)]
    fn backoff_doubles_up_to_the_cap(#[case] attempt: i32, #[case] secs: i64) {
        assert_eq!(backoff(attempt), Duration::seconds(secs));
    }

    #[test]
    fn failure_retries_until_the_last_attempt_then_is_dead() {
        let now = at(1_000_000);
        assert_eq!(
            after_failure(1, 3, now),
            AfterFailure::RetryAt(now + Duration::seconds(30))
        );
        assert_eq!(
            after_failure(2, 3, now),
            AfterFailure::RetryAt(now + Duration::seconds(60))
        );
        assert_eq!(after_failure(3, 3, now), AfterFailure::Dead);
        assert_eq!(after_failure(4, 3, now), AfterFailure::Dead);
    }

    #[rstest]
    #[case("30s", Some(30))]
    #[case(" 5m ", Some(300))]
    #[case("1h", Some(3600))]
    #[case("2d", Some(172_800))]
    #[case("", None)]
    #[case("   ", None)]
    fn every_parses(#[case] text: &str, #[case] secs: Option<i64>) {
        assert_eq!(parse_every(text), Ok(secs.map(Duration::seconds)));
    }

    #[rstest]
    #[case("5", "no unit")]
    #[case("m", "not an interval")]
    #[case("5w", "not a unit")]
    #[case("3s", "too often")]
    #[case("8d", "too long")]
    #[case("-5m", "not an interval")]
    fn every_refuses_bad_text_saying_why(#[case] text: &str, #[case] why: &str) {
        let e = parse_every(text).expect_err(text);
        assert!(e.contains(why), "{text}: {e}");
    }

    #[test]
    fn slots_are_whole_intervals_shared_by_every_server() {
        let every = Duration::minutes(5);
        assert_eq!(slot(at(0), every), 0);
        assert_eq!(slot(at(299), every), 0);
        assert_eq!(slot(at(300), every), 1);
        assert_eq!(slot(at(1_790_000_123), every), 1_790_000_123 / 300);
        assert_eq!(schedule_key("graph.refresh", 7), "schedule:graph.refresh:7");
    }

    #[test]
    fn states_round_trip_their_codes() {
        for s in JobState::ALL {
            assert_eq!(JobState::from_code(s.code()), Some(s));
        }
        assert!(JobState::from_code("paused").is_none());
    }
}
