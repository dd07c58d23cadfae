//! Carrying out each command.

use crate::config::{
    Cli, Command, Global, ImportCommand, LogFormat, MovesArgs, ServeArgs, TokenCommand,
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
            let (_, store) = open(&cli.global).await?;
            store.backup(&file).await?;
            store.close().await;
            println!("Backed up to {}.", file.display());
            Ok(())
        }
        Command::Config => {
            let g = &cli.global;
            println!("database = {}", g.location()?.describe());
            println!("log = {}", g.log);
            println!("log_format = {:?}", g.log_format);
            for (k, v) in std::env::vars().filter(|(k, _)| k.starts_with("LADDERLESS_")) {
                let shown = if k.contains("PASSWORD") || k.contains("SECRET") || k.contains("TOKEN")
                {
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
        Command::Moves(args) => moves(&cli.global, args).await,
        Command::Token(TokenCommand::Create { email, name }) => {
            let (_, store) = open(&cli.global).await?;
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
    let (_, store) = open(g).await?;
    let inputs = ladderless_core::careers::GraphInputs::load(&store).await;
    store.close().await;
    let graph = inputs?.build(ladderless_catalogue::bundled());
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
    let base_url = args
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"));
    let config = ladderless_web::WebConfig {
        secure_cookies: args.secure_cookies || base_url.starts_with("https://"),
        max_upload_bytes: args.max_upload_mib.max(1) * 1024 * 1024,
        base_url,
        ..Default::default()
    };
    let router = ladderless_web::router(app.clone(), config);
    spawn_housekeeping(app.clone());
    println!(
        "Ladderless is ready at http://{local} (database: {}; started in {} ms)",
        loc.describe(),
        started.elapsed().as_millis()
    );
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    app.store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Build the career graph now and refresh it every few minutes; remove expired sessions hourly.
fn spawn_housekeeping(app: App) {
    let graph_app = app.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            tick.tick().await;
            if let Err(e) = graph_app.refresh_graph().await {
                tracing::warn!(error = %e, "career graph refresh failed");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match app.store.purge_sessions(app.now()).await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions removed"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "session purge failed"),
            }
        }
    });
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
    tracing::info!("shutting down: finishing requests in flight");
}
