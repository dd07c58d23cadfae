//! Organisation settings a talent admin chooses: how many days without an answer before a
//! proposal's owner is prompted to ask again, and whether talent admins may read proposals.

use crate::proposals::{ADMINS_SEE, ASK_AGAIN_DAYS};
use crate::{Actor, App, CoreError, CoreResult};
use serde::{Deserialize, Serialize};

/// The most days "ask again" may wait.
pub const MAX_ASK_AGAIN_DAYS: i64 = 90;

/// The proposal settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalSettings {
    /// Days without an answer before the owner is prompted to ask again (0: never prompt).
    pub ask_again_days: i64,
    /// Talent admins may read every proposal.
    pub talent_admins_see: bool,
}

/// Check the number of days as typed into a form or sent to the API.
pub fn parse_ask_again_days(raw: &str) -> Result<i64, String> {
    match raw.trim().parse::<i64>() {
        Ok(n) if (0..=MAX_ASK_AGAIN_DAYS).contains(&n) => Ok(n),
        _ => Err(format!(
            "must be a whole number of days from 0 (never prompt) to {MAX_ASK_AGAIN_DAYS}"
        )),
    }
}

impl App {
    /// The current proposal settings (defaults: 7 days, talent admins do not read proposals).
    pub async fn proposal_settings(&self) -> CoreResult<ProposalSettings> {
        Ok(ProposalSettings {
            ask_again_days: self.ask_again_days().await?,
            talent_admins_see: self.store.setting(ADMINS_SEE).await?.as_deref() == Some("true"),
        })
    }

    /// Change the proposal settings (talent admins); the change is audited.
    pub async fn set_proposal_settings(
        &self,
        actor: &Actor,
        ask_again_days: &str,
        talent_admins_see: bool,
    ) -> CoreResult<ProposalSettings> {
        actor.require_talent_admin()?;
        let days = parse_ask_again_days(ask_again_days)
            .map_err(|m| CoreError::field("ask_again_days", m))?;
        let now = self.now();
        let days_text = days.to_string();
        let see = if talent_admins_see { "true" } else { "false" };
        self.store
            .set_settings(
                &[(ASK_AGAIN_DAYS, days_text.as_str()), (ADMINS_SEE, see)],
                now,
            )
            .await?;
        let detail = format!("ask_again_days={days} talent_admins_see={talent_admins_see}");
        self.store
            .audit(
                Some(actor.id()),
                "settings_change",
                "proposals",
                &detail,
                "",
                now,
            )
            .await?;
        self.proposal_settings().await
    }
}

#[cfg(test)]
mod tests {
    use super::parse_ask_again_days;

    #[test]
    fn days_are_a_bounded_whole_number() {
        assert_eq!(parse_ask_again_days(" 7 "), Ok(7));
        assert_eq!(parse_ask_again_days("0"), Ok(0));
        assert_eq!(parse_ask_again_days("90"), Ok(90));
        for bad in ["91", "-1", "seven", "", "2.5"] {
            assert!(parse_ask_again_days(bad).is_err(), "{bad}");
        }
    }
}
