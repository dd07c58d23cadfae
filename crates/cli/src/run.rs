//! Carrying out each command.

use crate::config::{
    Cli, Command, ConfigArgs, Global, ImportCommand, JobArgs, JobsCommand, LogFormat, MailCommand,
    MovesArgs, ServeArgs, TokenCommand, WebArgs,
};
use anyhow::Context;
use ladderless_core::App;
use ladderless_core::demo::{DEMO_ADMIN, DEMO_EMPLOYEE, DEMO_MANAGER, DEMO_PASSWORD};
use ladderless_core::import::ImportOptions;
use ladderless_domain::import::Format;
use ladderless_store::{Location, Store};
use std::net::SocketAddr;
use std::time::Instant;

/// Set up logging from the global flags.
pub fn init_logging(g: &Global) {
    let filter = tracing_subscriber::EnvFilter::try_new(&g.log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match g.log_format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

async fn open(g: &Global) -> anyhow::Result<(Location, Store)> {
    let location = g.location()?;
    let store = Store::open(&location)
        .await
        .with_context(|| format!("cannot open the database at {}", location.describe()))?;
    Ok((location, store))
}

/// Open a database that must already exist (commands that read data): never create a file
/// or a schema. `Ok(None)` when there is none, so the caller can say where it looked.
async fn open_existing(g: &Global) -> anyhow::Result<Option<(Location, Store)>> {
    let location = g.location()?;
    if let Location::DataDir(dir) = &location
        && !dir.join("ladderless.db").is_file()
    {
        return Ok(None);
    }
    let store = Store::connect(&location)
        .await
        .with_context(|| format!("cannot open the database at {}", location.describe()))?;
    if !store.has_schema().await? {
        store.close().await;
        return Ok(None);
    }
    Ok(Some((location, store)))
}

/// The error for a command that needs data where there is none.
fn no_database(g: &Global) -> anyhow::Error {
    let place = g
        .location()
        .map(|l| l.describe())
        .unwrap_or_else(|e| e.to_string());
    anyhow::anyhow!(
        "there is no Ladderless database at {place} (looked there because of {}); \
         check --data-dir / --database-url, or create one with `ladderless migrate`",
        where_from(g)
    )
}

fn where_from(g: &Global) -> &'static str {
    if g.database_url.is_some() || g.database_url_file.is_some() {
        "--database-url / LADDERLESS_DATABASE_URL"
    } else if g.data_dir.is_some() {
        "--data-dir / LADDERLESS_DATA_DIR"
    } else {
        "the default data directory ./ladderless-data"
    }
}

/// Run the chosen command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(&cli.global, args).await,
        Command::Migrate => {
            let (loc, store) = open(&cli.global).await?;
            store.close().await;
            println!("Database at {} is up to date.", loc.describe());
            Ok(())
        }
        Command::Import(ImportCommand::People {
            file,
            dry_run,
            deactivate_missing,
        }) => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let (_, store) = open(&cli.global).await?;
            let app = App::new(store);
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let format = Format::guess(&name, &bytes);
            let opts = ImportOptions {
                dry_run,
                deactivate_missing,
                source: name.clone(),
            };
            let started = Instant::now();
            let result = app.import_people(None, &bytes, format, &opts).await;
            app.store.close().await;
            match result {
                Ok(s) => {
                    let verb = if s.dry_run {
                        "Checked (nothing written)"
                    } else {
                        "Imported"
                    };
                    println!(
                        "{verb} {name} in {:.1}s: {} created, {} updated, {} unchanged, {} deactivated.",
                        started.elapsed().as_secs_f64(),
                        s.created,
                        s.updated,
                        s.unchanged,
                        s.deactivated
                    );
                    Ok(())
                }
                Err(ladderless_core::CoreError::ImportRejected(report)) => {
                    for e in &report.problems {
                        eprintln!("{name}: {e}");
                    }
                    if let Some(more) = report.more_sentence() {
                        eprintln!("{name}: {more}");
                    }
                    anyhow::bail!(
                        "{} problem(s) in {name}; nothing was imported",
                        report.total
                    )
                }
                Err(e) => Err(e.into()),
            }
        }
        Command::Demo(args) => {
            if let Some(path) = &args.csv {
                let started = Instant::now();
                let people = ladderless_core::demo::generate(
                    ladderless_catalogue::bundled(),
                    args.people,
                    args.seed,
                    time::OffsetDateTime::now_utc().date(),
                );
                std::fs::write(path, ladderless_core::demo::to_csv(&people))
                    .with_context(|| format!("cannot write {}", path.display()))?;
                println!(
                    "Wrote {} people to {} in {:.1}s.",
                    people.len(),
                    path.display(),
                    started.elapsed().as_secs_f64()
                );
                return Ok(());
            }
            let (loc, store) = open(&cli.global).await?;
            let app = App::new(store);
            let started = Instant::now();
            let result = app
                .create_demo(args.people, args.seed, &args.password)
                .await;
            app.store.close().await;
            let s = result?;
            println!(
                "Created a demo organisation of {} people in {} teams at {} in {:.1}s.",
                s.people,
                s.teams,
                loc.describe(),
                started.elapsed().as_secs_f64()
            );
            print_logins(&args.password);
            Ok(())
        }
        Command::Backup { file } => {
            let location = cli.global.location()?;
            if let Location::Postgres(_) = location {
                anyhow::bail!(
                    "backup of a PostgreSQL database: use pg_dump, which keeps it consistent while the server runs"
                );
            }
            let Some((_, store)) = open_existing(&cli.global).await? else {
                return Err(no_database(&cli.global));
            };
            let result = store.backup(&file).await;
            store.close().await;
            result?;
            println!("Backed up to {}.", file.display());
            Ok(())
        }
        Command::Config(args) => print_config(&cli.global, &args),
        Command::Moves(args) => moves(&cli.global, args).await,
        Command::Jobs(cmd) => jobs(&cli.global, cmd).await,
        Command::Mail(MailCommand::Test { address }) => mail_test(&cli.global, &address).await,
        Command::Token(TokenCommand::Create { email, name }) => {
            let Some((_, store)) = open_existing(&cli.global).await? else {
                return Err(no_database(&cli.global));
            };
            store.migrate().await?;
            let app = App::new(store);
            let person = app
                .store
                .person_by_email(&email)
                .await?
                .filter(|p| p.active);
            let Some(person) = person else {
                app.store.close().await;
                anyhow::bail!("no active account with e-mail {email}");
            };
            let (_, secret) = app.create_api_token(person.id, &name).await?;
            app.store.close().await;
            println!("{secret}");
            eprintln!(
                "Token for {} created. It is shown only once; keep it somewhere safe.",
                person.email
            );
            Ok(())
        }
    }
}

/// Build the career graph from the catalogue plus the organisation's observed moves, roles and
/// curated moves (a fresh data directory has none: the catalogue alone).
async fn moves(g: &Global, args: MovesArgs) -> anyhow::Result<()> {
    use ladderless_graph::Format;
    let format: Format = args
        .format
        .parse()
        .map_err(|e| anyhow::anyhow!("--format: {e}"))?;
    if args.top == 0 {
        anyhow::bail!("--top must be at least 1");
    }
    // Without a database the organisation adds nothing: the catalogue alone (and nothing is
    // created where the user may have mistyped a path).
    let inputs = match open_existing(g).await? {
        Some((_, store)) => {
            let inputs = ladderless_core::careers::GraphInputs::load(&store).await;
            store.close().await;
            inputs?
        }
        None => {
            eprintln!(
                "note: no database at {}; moves from the catalogue alone",
                g.location()?.describe()
            );
            ladderless_core::careers::GraphInputs::default()
        }
    };
    let graph = inputs.build(ladderless_catalogue::bundled());
    for note in graph.skipped() {
        eprintln!("note: {note}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let from = if args.all { None } else { args.from.as_deref() };
    ladderless_graph::write_moves(&graph, from, args.top, format, &mut out)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    std::io::Write::flush(&mut out)?;
    Ok(())
}

fn print_logins(password: &str) {
    let shown = if password == DEMO_PASSWORD {
        password
    } else {
        "(the password you gave)"
    };
    println!("Demo sign-ins (password: {shown}):");
    println!("  talent admin  {DEMO_ADMIN}");
    println!("  manager       {DEMO_MANAGER}");
    println!("  employee      {DEMO_EMPLOYEE}");
}

async fn serve(g: &Global, args: ServeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let (loc, store) = open(g).await?;
    let app = App::new(store);
    if args.demo {
        if app.store.org_counts().await?.people == 0 {
            let s = app.create_demo(args.demo_people, 1, DEMO_PASSWORD).await?;
            println!("Created a demo organisation of {} people.", s.people);
        }
        print_logins(DEMO_PASSWORD);
    }
    let addr: SocketAddr = args.bind.parse().with_context(|| {
        format!(
            "--bind {:?} is not an address like 127.0.0.1:8080",
            args.bind
        )
    })?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    let config = web_config(&args.web, &local)?;
    let options = serve_options(&args.web);
    let pool = pool_config(&args.jobs)?;
    let app = with_mail(app, &g.mail, &config.base_url)?;
    let router = ladderless_web::router(app.clone(), config);
    ladderless_core::jobs::spawn_pool(app.clone(), pool);
    app.load_match_index().await?;
    ladderless_core::match_index::spawn_sync(app.clone());
    println!(
        "Ladderless is ready at http://{local} (database: {}; started in {} ms)",
        loc.describe(),
        started.elapsed().as_millis()
    );
    ladderless_web::serve(listener, router, options, shutdown_signal()).await?;
    app.store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// The web settings for a server listening on `local`.
fn web_config(w: &WebArgs, local: &SocketAddr) -> anyhow::Result<ladderless_web::WebConfig> {
    let trusted_proxies = ladderless_web::parse_trusted_proxies(&w.trusted_proxies)
        .map_err(|e| anyhow::anyhow!("--trusted-proxies: {e}"))?;
    Ok(ladderless_web::WebConfig {
        secure_cookies: w.secure_cookies_for(local),
        hsts: w.https(),
        max_upload_bytes: w.max_upload_mib.max(1) * 1024 * 1024,
        base_url: w
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{local}")),
        trusted_proxies,
        body_timeout: std::time::Duration::from_secs(w.body_timeout_secs.max(1)),
        ..Default::default()
    })
}

fn serve_options(w: &WebArgs) -> ladderless_web::ServeOptions {
    ladderless_web::ServeOptions {
        header_read_timeout: std::time::Duration::from_secs(w.header_timeout_secs.max(1)),
        shutdown_deadline: std::time::Duration::from_secs(w.shutdown_timeout_secs),
    }
}

/// `ladderless config`: what `serve` would use, secrets masked.
fn print_config(g: &Global, args: &ConfigArgs) -> anyhow::Result<()> {
    let location = g.location()?;
    println!("database = {}", location.describe());
    if let Location::DataDir(d) = &location {
        let exists = d.join("ladderless.db").is_file();
        println!("database_exists = {exists}");
    }
    println!("log = {}", g.log);
    println!("log_format = {:?}", g.log_format);
    let bind: SocketAddr = args.bind.parse().with_context(|| {
        format!(
            "--bind {:?} is not an address like 127.0.0.1:8080",
            args.bind
        )
    })?;
    let w = web_config(&args.web, &bind)?;
    let o = serve_options(&args.web);
    println!("bind = {bind}");
    println!("base_url = {}", w.base_url);
    println!("secure_cookies = {}", w.secure_cookies);
    println!("hsts = {}", w.hsts);
    let proxies: Vec<String> = w.trusted_proxies.iter().map(|n| n.to_string()).collect();
    println!("trusted_proxies = {}", proxies.join(","));
    println!("max_upload_mib = {}", args.web.max_upload_mib);
    println!("header_timeout_secs = {}", o.header_read_timeout.as_secs());
    println!("body_timeout_secs = {}", w.body_timeout.as_secs());
    println!("shutdown_timeout_secs = {}", o.shutdown_deadline.as_secs());
    let pool = pool_config(&args.jobs)?;
    println!("workers = {}", pool.workers);
    for (name, text) in [
        ("graph_refresh_every", &args.jobs.graph_refresh_every),
        ("session_purge_every", &args.jobs.session_purge_every),
        ("notify_scan_every", &args.jobs.notify_scan_every),
        ("mail_send_every", &args.jobs.mail_send_every),
        ("mail_digest_every", &args.jobs.mail_digest_every),
    ] {
        let shown = if text.trim().is_empty() {
            "off"
        } else {
            text.trim()
        };
        println!("{name} = {shown}");
    }
    print_mail_config(g, &w.base_url)?;
    for (k, v) in std::env::vars().filter(|(k, _)| k.starts_with("LADDERLESS_")) {
        let shown = if k.contains("PASSWORD") || k.contains("SECRET") || k.contains("TOKEN") {
            "****".to_string()
        } else if k.contains("URL") && !k.ends_with("_FILE") {
            ladderless_store::redact_url(&v)
        } else {
            v
        };
        println!("env {k} = {shown}");
    }
    Ok(())
}

/// The worker pool of `serve` from its flags; a bad interval names its flag.
fn pool_config(j: &JobArgs) -> anyhow::Result<ladderless_core::jobs::PoolConfig> {
    use ladderless_core::jobs::{GRAPH_REFRESH, NOTIFY_SCAN, PoolConfig, SESSION_PURGE, Schedule};
    let mut schedules = Vec::new();
    for (flag, name, text) in [
        (
            "--graph-refresh-every",
            GRAPH_REFRESH,
            &j.graph_refresh_every,
        ),
        (
            "--session-purge-every",
            SESSION_PURGE,
            &j.session_purge_every,
        ),
        ("--notify-scan-every", NOTIFY_SCAN, &j.notify_scan_every),
        (
            "--mail-send-every",
            ladderless_core::mail::MAIL_SEND,
            &j.mail_send_every,
        ),
        (
            "--mail-digest-every",
            ladderless_core::mail::MAIL_DIGEST,
            &j.mail_digest_every,
        ),
    ] {
        let every = ladderless_domain::jobs::parse_every(text)
            .map_err(|e| anyhow::anyhow!("{flag}: {e}"))?;
        if let Some(every) = every {
            schedules.push(Schedule {
                name: name.to_string(),
                every,
            });
        }
    }
    Ok(PoolConfig {
        process: ladderless_core::jobs::process_name("serve"),
        workers: j.workers,
        schedules,
        poll: std::time::Duration::from_secs(1),
    })
}

/// `ladderless jobs …`.
async fn jobs(g: &Global, cmd: JobsCommand) -> anyhow::Result<()> {
    use ladderless_core::jobs::{KNOWN, Outcome};
    use ladderless_store::jobs::JobFilter;
    let Some((_, store)) = open_existing(g).await? else {
        return Err(no_database(g));
    };
    store.migrate().await?;
    let app = with_mail(App::new(store), &g.mail, &cli_base_url())?;
    let result = match cmd {
        JobsCommand::List { failed, limit } => {
            println!("Jobs:");
            for (name, what) in KNOWN {
                println!("  {name:<22} {what}");
            }
            let filter = if failed {
                JobFilter::Failed
            } else {
                JobFilter::Recent
            };
            let listed = app.jobs_for_operator(filter, limit.max(1)).await;
            listed.map_err(anyhow::Error::from).map(|list| {
                if list.is_empty() {
                    println!(
                        "The queue holds no {}jobs.",
                        if failed { "failed " } else { "" }
                    );
                } else {
                    println!(
                        "\n{:<36}  {:<22} {:<8} {:>8}  {:<25}  last error",
                        "id", "name", "state", "attempts", "run at"
                    );
                    for j in list {
                        let run_at = j
                            .run_at
                            .format(&time::format_description::well_known::Rfc3339)
                            .unwrap_or_default();
                        println!(
                            "{}  {:<22} {:<8} {:>4}/{:<3}  {:<25}  {}",
                            j.id,
                            j.name,
                            j.state.code(),
                            j.attempts,
                            j.max_attempts,
                            run_at,
                            j.last_error
                        );
                    }
                }
            })
        }
        JobsCommand::Run { name } => match app.run_job_now(&name).await {
            Ok(Outcome::Done { summary, .. }) => {
                println!("{name}: {summary}");
                Ok(())
            }
            Ok(Outcome::Dead { error, .. } | Outcome::Retry { error, .. }) => {
                Err(anyhow::anyhow!("{name} failed: {error}"))
            }
            Ok(Outcome::LostLease { .. }) => Err(anyhow::anyhow!(
                "{name}: another worker took the job over before it finished"
            )),
            Err(ladderless_core::CoreError::Invalid(e)) => Err(anyhow::anyhow!(
                "{}",
                e.get("name").unwrap_or("the job name is not known")
            )),
            Err(e) => Err(e.into()),
        },
    };
    app.store.close().await;
    result
}

/// Resolve on SIGINT or SIGTERM; in-flight requests then finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
    tracing::info!("shutdown signal received");
}

/// The public URL for links in e-mails sent by commands other than `serve`.
fn cli_base_url() -> String {
    std::env::var("LADDERLESS_BASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "http://127.0.0.1:8080".into())
}

/// The application sending mail when SMTP is set up; bad settings are an error naming them.
fn with_mail(app: App, m: &crate::config::MailArgs, base_url: &str) -> anyhow::Result<App> {
    match m.mail_config(base_url)? {
        Some(c) => {
            let mailer = ladderless_core::mail::Mailer::new(c).map_err(|e| anyhow::anyhow!(e))?;
            Ok(app.with_mailer(mailer))
        }
        None => Ok(app),
    }
}

/// The e-mail lines of `ladderless config`, the password masked.
fn print_mail_config(g: &Global, base_url: &str) -> anyhow::Result<()> {
    match g.mail.mail_config(base_url)? {
        None => println!("smtp = off"),
        Some(c) => {
            println!("smtp_host = {}", c.host);
            println!("smtp_port = {}", c.port);
            println!("smtp_security = {}", c.security.code());
            match &c.credentials {
                Some((u, _)) => {
                    println!("smtp_username = {u}");
                    println!("smtp_password = ****");
                }
                None => println!("smtp_username = (none)"),
            }
            println!("smtp_from = {}", c.from);
        }
    }
    Ok(())
}

/// `ladderless mail test ADDRESS`.
async fn mail_test(g: &Global, address: &str) -> anyhow::Result<()> {
    let Some(config) = g.mail.mail_config(&cli_base_url())? else {
        anyhow::bail!(
            "e-mail is off: set LADDERLESS_SMTP_HOST and LADDERLESS_SMTP_FROM (see `ladderless config`)"
        );
    };
    let (host, port) = (config.host.clone(), config.port);
    let mailer = ladderless_core::mail::Mailer::new(config).map_err(|e| anyhow::anyhow!(e))?;
    match mailer.send_test(address).await {
        Ok(answer) => {
            println!("{host}:{port} accepted the message: {answer}");
            Ok(())
        }
        Err(e) => anyhow::bail!("{host}:{port} did not take the message: {e}"),
    }
}
