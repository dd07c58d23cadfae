//! Ladderless use cases and authorisation. Handlers call these; these call the store.
//!
//! Every use case takes the acting person ([`Actor`]) and checks what they may do before it
//! reads or writes anything. Time comes from the [`Clock`] in [`App`].

pub mod admin;
pub mod asks;
pub mod auth;
pub mod careers;
pub mod catalogue;
pub mod clock;
pub mod coach;
pub mod compass;
pub mod conversations;
pub mod curated;
pub mod customers;
pub mod data_rights;
pub mod demo;
pub mod directions;
pub mod directory;
mod error;
pub mod growth;
pub mod import;
pub mod jobs;
pub mod mail;
pub mod match_index;
pub mod notifications;
pub mod opportunities;
pub mod path_links;
pub mod pilots;
pub mod placement_interests;
pub mod placement_roles;
pub mod placements;
pub mod plans;
pub mod proposals;
pub mod saved_placements;
pub mod search_doc;
pub mod settings;
pub mod shopping;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{CoreError, CoreResult};

use ladderless_catalogue::Catalogue;
use ladderless_store::people::Person;
use ladderless_store::{Store, Uuid};
use std::sync::Arc;
use time::OffsetDateTime;

/// Settings the use cases need.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long a session lasts without use.
    pub session_days: i64,
    /// How long an invitation link stays valid.
    pub invite_days: i64,
    /// Failed sign-ins per account before it is locked for a while.
    pub max_failures_per_account: i32,
    /// Failed sign-ins per client address before it is locked for a while.
    pub max_failures_per_ip: i32,
    /// How long a lock lasts, in minutes.
    pub lockout_minutes: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            session_days: 14,
            invite_days: 7,
            max_failures_per_account: 5,
            max_failures_per_ip: 30,
            lockout_minutes: 15,
        }
    }
}

/// The application: storage, the bundled catalogue, a clock and settings.
#[derive(Clone)]
pub struct App {
    /// Storage.
    pub store: Store,
    /// The bundled role catalogue and skills taxonomy.
    pub catalogue: &'static Catalogue,
    /// Where time comes from.
    pub clock: Arc<dyn Clock>,
    /// Settings.
    pub settings: Settings,
    /// The career graph, built in the background.
    pub graph: Arc<careers::GraphCell>,
    /// E-mail: the mailer when SMTP is set up, and the unsubscribe secret.
    pub mail: mail::MailState,
    /// The matching index of placements and discoverable people.
    pub matching: Arc<match_index::MatchCell>,
}

impl App {
    /// A new application over `store` with the system clock.
    pub fn new(store: Store) -> App {
        App {
            store,
            catalogue: ladderless_catalogue::bundled(),
            clock: Arc::new(SystemClock),
            settings: Settings::default(),
            graph: Arc::default(),
            mail: mail::MailState::default(),
            matching: Arc::default(),
        }
    }

    /// Now, from the clock.
    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }
}

/// The signed-in person and what they may do.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Their record.
    pub person: Person,
    /// Has at least one active report.
    pub is_manager: bool,
}

impl Actor {
    /// Their id.
    pub fn id(&self) -> Uuid {
        self.person.id
    }

    /// May run the organisation (imports, roles, audit).
    pub fn is_talent_admin(&self) -> bool {
        self.person.is_talent_admin
    }

    /// Runs the programme.
    pub fn is_facilitator(&self) -> bool {
        self.person.is_facilitator
    }

    /// Refuse unless a talent admin.
    pub fn require_talent_admin(&self) -> CoreResult<()> {
        if self.is_talent_admin() {
            Ok(())
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// The access roles this person holds, for display.
    pub fn roles(&self) -> Vec<ladderless_domain::org::AccessRole> {
        use ladderless_domain::org::AccessRole::*;
        let mut r = vec![Employee];
        if self.is_manager {
            r.push(Manager);
        }
        if self.is_talent_admin() {
            r.push(TalentAdmin);
        }
        if self.is_facilitator() {
            r.push(Facilitator);
        }
        r
    }
}
