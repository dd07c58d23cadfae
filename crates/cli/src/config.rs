//! Command-line flags; every one can also come from a `LADDERLESS_*` environment variable.

use clap::{Args, Parser, Subcommand, ValueEnum};
use ladderless_store::Location;
use std::path::PathBuf;

/// Ladderless: a self-hosted career-ownership platform.
///
/// Data lives in an embedded SQLite database in a data directory (default ./ladderless-data),
/// or in PostgreSQL when --database-url is a postgres:// URL. Start with:
///
///   ladderless serve --demo
///
/// and open http://127.0.0.1:8080 (sign in as admin@example.com / ladderless-demo).
#[derive(Debug, Parser)]
#[command(
    name = "ladderless",
    version,
    about,
    long_about,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options for every command.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Directory for the embedded SQLite database (created if missing).
    #[arg(long, global = true, env = "LADDERLESS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// PostgreSQL URL (postgres://user:password@host/db) instead of the data directory.
    #[arg(
        long,
        global = true,
        env = "LADDERLESS_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// File holding the database URL (for secrets mounted as files).
    #[arg(
        long,
        global = true,
        env = "LADDERLESS_DATABASE_URL_FILE",
        value_name = "FILE"
    )]
    pub database_url_file: Option<PathBuf>,
    /// Log filter, e.g. info or ladderless_web=debug.
    #[arg(long, global = true, env = "LADDERLESS_LOG", default_value = "info")]
    pub log: String,
    /// Log format.
    #[arg(
        long,
        global = true,
        env = "LADDERLESS_LOG_FORMAT",
        value_enum,
        default_value = "text"
    )]
    pub log_format: LogFormat,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// E-mail through SMTP. Without a host, e-mail is off: nothing is queued and people are
/// told where they choose channels.
#[derive(Debug, Args, Clone, Default)]
pub struct MailArgs {
    /// Mail server host name; blank: e-mail is off.
    #[arg(long, global = true, env = "LADDERLESS_SMTP_HOST", value_name = "HOST")]
    pub smtp_host: Option<String>,
    /// Mail server port (default: 587 for starttls, 465 for tls, 25 for none).
    #[arg(long, global = true, env = "LADDERLESS_SMTP_PORT", value_name = "PORT")]
    pub smtp_port: Option<u16>,
    /// Connection security: starttls, tls (implicit TLS) or none (only for a server on this
    /// machine).
    #[arg(
        long,
        global = true,
        env = "LADDERLESS_SMTP_SECURITY",
        default_value = "starttls"
    )]
    pub smtp_security: String,
    /// User name for the mail server.
    #[arg(long, global = true, env = "LADDERLESS_SMTP_USERNAME")]
    pub smtp_username: Option<String>,
    /// Password for the mail server.
    #[arg(
        long,
        global = true,
        env = "LADDERLESS_SMTP_PASSWORD",
        hide_env_values = true
    )]
    pub smtp_password: Option<String>,
    /// File holding the password (for secrets mounted as files).
    #[arg(
        long,
        global = true,
        env = "LADDERLESS_SMTP_PASSWORD_FILE",
        value_name = "FILE"
    )]
    pub smtp_password_file: Option<PathBuf>,
    /// The sender of every message, e.g. "Ladderless <ladderless@example.com>".
    #[arg(long, global = true, env = "LADDERLESS_SMTP_FROM")]
    pub smtp_from: Option<String>,
}

impl MailArgs {
    /// The checked SMTP settings (`None`: e-mail is off); an error names the setting at fault.
    /// `base_url` is the public URL links in messages start with.
    pub fn mail_config(
        &self,
        base_url: &str,
    ) -> anyhow::Result<Option<ladderless_core::mail::MailConfig>> {
        use ladderless_core::mail::{MailConfig, Security};
        let blank = |o: &Option<String>| {
            o.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let Some(host) = blank(&self.smtp_host) else {
            for (name, set) in [
                ("LADDERLESS_SMTP_FROM", blank(&self.smtp_from).is_some()),
                (
                    "LADDERLESS_SMTP_USERNAME",
                    blank(&self.smtp_username).is_some(),
                ),
                (
                    "LADDERLESS_SMTP_PASSWORD",
                    self.smtp_password.is_some() || self.smtp_password_file.is_some(),
                ),
                ("LADDERLESS_SMTP_PORT", self.smtp_port.is_some()),
            ] {
                if set {
                    anyhow::bail!(
                        "{name} is set but LADDERLESS_SMTP_HOST is not; set the host to turn e-mail on, or unset {name}"
                    );
                }
            }
            return Ok(None);
        };
        let security = Security::parse(&self.smtp_security)
            .map_err(|e| anyhow::anyhow!("LADDERLESS_SMTP_SECURITY: {e}"))?;
        let port = self.smtp_port.unwrap_or(security.default_port());
        if port == 0 {
            anyhow::bail!("LADDERLESS_SMTP_PORT: 0 is not a port");
        }
        let password = match (&self.smtp_password, &self.smtp_password_file) {
            (Some(_), Some(_)) => anyhow::bail!(
                "give LADDERLESS_SMTP_PASSWORD or LADDERLESS_SMTP_PASSWORD_FILE, not both"
            ),
            (Some(p), None) => Some(p.clone()),
            (None, Some(f)) => Some(
                std::fs::read_to_string(f)
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "LADDERLESS_SMTP_PASSWORD_FILE: cannot read {}: {e}",
                            f.display()
                        )
                    })?
                    .trim_end_matches(['\r', '\n'])
                    .to_string(),
            ),
            (None, None) => None,
        };
        let credentials = match (blank(&self.smtp_username), password) {
            (Some(u), Some(p)) => Some((u, p)),
            (None, None) => None,
            (Some(_), None) => anyhow::bail!(
                "LADDERLESS_SMTP_USERNAME is set without LADDERLESS_SMTP_PASSWORD (or _FILE)"
            ),
            (None, Some(_)) => {
                anyhow::bail!("LADDERLESS_SMTP_PASSWORD is set without LADDERLESS_SMTP_USERNAME")
            }
        };
        let Some(from) = blank(&self.smtp_from) else {
            anyhow::bail!(
                "LADDERLESS_SMTP_FROM is required with LADDERLESS_SMTP_HOST, e.g. \"Ladderless <ladderless@example.com>\""
            );
        };
        let config = MailConfig {
            host,
            port,
            security,
            credentials,
            from,
            base_url: base_url.trim_end_matches('/').to_string(),
            pages: ladderless_web::page_path,
        };
        // Build once to check the sender address and the security rule.
        ladderless_core::mail::Mailer::new(config.clone()).map_err(|e| anyhow::anyhow!(e))?;
        Ok(Some(config))
    }
}

/// How logs are written.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

impl Global {
    /// Where the data lives; refuses to guess when both or a bad URL are given.
    pub fn location(&self) -> anyhow::Result<Location> {
        let url = match (&self.database_url, &self.database_url_file) {
            (Some(_), Some(_)) => {
                anyhow::bail!("give --database-url or --database-url-file, not both")
            }
            (Some(u), None) => Some(u.trim().to_string()),
            (None, Some(f)) => Some(
                std::fs::read_to_string(f)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", f.display()))?
                    .trim()
                    .to_string(),
            ),
            (None, None) => None,
        };
        match (url, &self.data_dir) {
            (Some(_), Some(_)) => anyhow::bail!("give --data-dir or --database-url, not both"),
            (Some(u), None) => Ok(Location::from_url(&u)?),
            (None, Some(d)) => Ok(Location::DataDir(d.clone())),
            (None, None) => Ok(Location::DataDir(PathBuf::from("ladderless-data"))),
        }
    }
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (migrates the database first).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Import data from a file.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Fill an empty database with a generated demo organisation.
    Demo(DemoArgs),
    /// Copy the SQLite database to FILE (a consistent snapshot while the server runs). Refuses
    /// when the data directory holds no database.
    Backup {
        /// Where to write the copy (must not exist).
        file: PathBuf,
    },
    /// Print the effective configuration, secrets masked.
    Config(ConfigArgs),
    /// Personal API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Print the best next moves (up, sideways, across) from one role or from every role.
    Moves(MovesArgs),
    /// The background job queue: list jobs, run one now.
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// E-mail: send a test message.
    #[command(subcommand)]
    Mail(MailCommand),
}

/// `mail` subcommands.
#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Send one test message to ADDRESS now and print the mail server's answer.
    Test {
        /// Where to send it.
        address: String,
    },
}

/// `jobs` subcommands.
#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// The jobs this version knows, then the queue's newest jobs.
    List {
        /// Only jobs whose last attempt failed (dead, or waiting for a retry).
        #[arg(long)]
        failed: bool,
        /// How many jobs to show.
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Run one job now, in this process, and report its result (recorded in the queue).
    Run {
        /// The job, e.g. sessions.purge (see `ladderless jobs list`).
        name: String,
    },
}

/// The worker pool and schedules of `serve`. An interval is a whole number and a unit
/// (30s, 5m, 1h, 1d); blank turns the schedule off.
#[derive(Debug, Args, Clone)]
pub struct JobArgs {
    /// Job workers in this server (0: this server runs no jobs; another one or the CLI must).
    #[arg(long, env = "LADDERLESS_WORKERS", default_value_t = 2)]
    pub workers: usize,
    /// How often the career graph is rebuilt when the organisation's data changed (it is
    /// always built once at start).
    #[arg(long, env = "LADDERLESS_GRAPH_REFRESH_EVERY", default_value = "5m")]
    pub graph_refresh_every: String,
    /// How often expired sessions and old finished jobs are removed.
    #[arg(long, env = "LADDERLESS_SESSION_PURGE_EVERY", default_value = "1h")]
    pub session_purge_every: String,
    /// How often notifications are created for what is due (follow-ups, plan reviews,
    /// proposals, placement interests); each is created once a day at most.
    #[arg(long, env = "LADDERLESS_NOTIFY_SCAN_EVERY", default_value = "1h")]
    pub notify_scan_every: String,
    /// How often the e-mail outbox is sent (when SMTP is set up).
    #[arg(long, env = "LADDERLESS_MAIL_SEND_EVERY", default_value = "1m")]
    pub mail_send_every: String,
    /// How often the weekly digest is queued; each person gets one a week, covering the
    /// previous week (Monday to Sunday, UTC), however often this runs.
    #[arg(long, env = "LADDERLESS_MAIL_DIGEST_EVERY", default_value = "1h")]
    pub mail_digest_every: String,
}

/// `moves` options.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["from", "all"])))]
pub struct MovesArgs {
    /// Role code to start from, e.g. 15-1252.00.
    #[arg(long, value_name = "CODE")]
    pub from: Option<String>,
    /// Every role in the catalogue.
    #[arg(long)]
    pub all: bool,
    /// How many moves per role.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Output format: table, csv or json.
    #[arg(long, default_value = "table")]
    pub format: String,
}

/// `serve` options.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LADDERLESS_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Create the demo organisation when the database has nobody in it.
    #[arg(long, env = "LADDERLESS_DEMO")]
    pub demo: bool,
    /// Size of the demo organisation.
    #[arg(long, env = "LADDERLESS_DEMO_PEOPLE", default_value_t = 500)]
    pub demo_people: usize,
    #[command(flatten)]
    pub web: WebArgs,
    #[command(flatten)]
    pub jobs: JobArgs,
}

/// Settings of the web server (shown by `ladderless config`).
#[derive(Debug, Args, Clone)]
pub struct WebArgs {
    /// Public URL of this server, for links in invitations. An https:// URL also turns on
    /// Strict-Transport-Security.
    #[arg(long, env = "LADDERLESS_BASE_URL")]
    pub base_url: Option<String>,
    /// Mark cookies Secure: true or false. By default they are, unless the server listens on
    /// a loopback address with a plain-http public URL (local use and tests).
    #[arg(
        long,
        env = "LADDERLESS_SECURE_COOKIES",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true"
    )]
    pub secure_cookies: Option<bool>,
    /// Proxies (CIDR blocks or addresses, comma-separated) whose Forwarded / X-Forwarded-For
    /// headers are believed for the client's address; empty: none are.
    #[arg(
        long,
        env = "LADDERLESS_TRUSTED_PROXIES",
        value_name = "CIDRS",
        default_value = ""
    )]
    pub trusted_proxies: String,
    /// Largest upload accepted (imports), in MiB.
    #[arg(long, env = "LADDERLESS_MAX_UPLOAD_MIB", default_value_t = 32)]
    pub max_upload_mib: usize,
    /// Seconds a client may take to send a request's headers before it is disconnected.
    #[arg(long, env = "LADDERLESS_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,
    /// Seconds a client may take to send a request body.
    #[arg(long, env = "LADDERLESS_BODY_TIMEOUT_SECS", default_value_t = 30)]
    pub body_timeout_secs: u64,
    /// On SIGTERM or Ctrl-C, seconds to let requests in flight finish before connections
    /// are closed.
    #[arg(long, env = "LADDERLESS_SHUTDOWN_TIMEOUT_SECS", default_value_t = 30)]
    pub shutdown_timeout_secs: u64,
}

impl WebArgs {
    /// Whether cookies get `Secure`, for a server listening on `bind` (see `--secure-cookies`).
    pub fn secure_cookies_for(&self, bind: &std::net::SocketAddr) -> bool {
        self.secure_cookies.unwrap_or_else(|| {
            let https = self
                .base_url
                .as_deref()
                .is_some_and(|u| u.trim().to_ascii_lowercase().starts_with("https://"));
            https || !bind.ip().is_loopback()
        })
    }

    /// Whether the public URL is https.
    pub fn https(&self) -> bool {
        self.base_url
            .as_deref()
            .is_some_and(|u| u.trim().to_ascii_lowercase().starts_with("https://"))
    }
}

/// `config` options: the server's, so that what `serve` would use can be shown.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Address `serve` would listen on.
    #[arg(long, env = "LADDERLESS_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    #[command(flatten)]
    pub web: WebArgs,
    #[command(flatten)]
    pub jobs: JobArgs,
}

/// `import` subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import people from an HRIS export (CSV or JSON): all rows or none.
    People {
        /// The file (.csv or .json).
        file: PathBuf,
        /// Check the file and report what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Deactivate active people who are not in the file.
        #[arg(long)]
        deactivate_missing: bool,
    },
}

/// `demo` options.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many people.
    #[arg(long, env = "LADDERLESS_DEMO_PEOPLE", default_value_t = 500)]
    pub people: usize,
    /// Random seed: the same seed gives the same organisation.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write the organisation to this CSV file (an import file) instead of the database.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Password of the demo sign-ins.
    #[arg(
        long,
        env = "LADDERLESS_DEMO_PASSWORD",
        default_value = "ladderless-demo",
        hide_env_values = true
    )]
    pub password: String,
}

/// `token` subcommands.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a personal API token for an account and print it (shown once).
    Create {
        /// The account's e-mail.
        #[arg(long)]
        email: String,
        /// A name to recognise the token by.
        #[arg(long, default_value = "command line")]
        name: String,
    },
}
