use regulars_server::config::Settings;
use regulars_server::startup::{self, Application};
use regulars_server::{maintenance, telemetry};

const USAGE: &str = "usage: regulars-server [serve | rebuild-balances | rebuild-summaries | backup FILE | migrate-to POSTGRES_URL | reset-password EMAIL]";

/// A failure to start (a bad setting, a database that cannot be opened) is one readable line on
/// stderr and exit status 1, never a panic.
fn main() -> std::process::ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("regulars-server: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let message = describe(&e);
            tracing::error!(error = %message, "stopped");
            eprintln!("regulars-server: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, leaving out a cause its parent already says.
fn describe(error: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !parts.last().is_some_and(|last| last.ends_with(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

async fn run() -> anyhow::Result<()> {
    let settings = Settings::load()?;
    let command = std::env::args().nth(1);
    if matches!(command.as_deref(), None | Some("serve")) {
        telemetry::init(&settings.log);
    } else {
        // An operator's command reads whole tables on purpose: sqlx's "slow statement" warnings
        // would only alarm.
        telemetry::init(&format!("{},sqlx::query=error", settings.log));
    }
    match command.as_deref() {
        None | Some("serve") => {
            let app = Application::build(settings).await?;
            tracing::info!(address = %app.address(), "Regulars is listening");
            app.run_until_stopped().await?;
        }
        Some("rebuild-balances") => {
            let db = startup::open_database(&settings).await?.writer;
            let report = maintenance::rebuild_balances(&db).await?;
            for d in &report.differences {
                println!(
                    "card {}: cached balance {} (earned {}), ledger says {} (earned {}): repaired",
                    d.card_id, d.cached.balance, d.cached.earned, d.folded.balance, d.folded.earned
                );
            }
            println!(
                "checked {} cards and {} events: {} differences",
                report.cards,
                report.events,
                report.differences.len()
            );
        }
        Some("rebuild-summaries") => {
            let db = startup::open_database(&settings).await?.writer;
            let done = maintenance::rebuild_summaries(&db, false).await?;
            let mut differences = 0;
            for shop in &done {
                differences += shop.report.differences;
                for example in &shop.report.examples {
                    println!("shop {}: {example}", shop.shop_id);
                }
                if shop.report.differences > shop.report.examples.len() {
                    println!(
                        "shop {}: ... {} more",
                        shop.shop_id,
                        shop.report.differences - shop.report.examples.len()
                    );
                }
            }
            println!(
                "rebuilt the insight summaries of {} shops: {} rows, {differences} differences",
                done.len(),
                done.iter().map(|s| s.report.rows).sum::<usize>()
            );
        }
        Some("backup") => {
            let file = argument("FILE")?;
            let report =
                maintenance::backup::run(&settings.database_url(), std::path::Path::new(&file))
                    .await?;
            println!(
                "backed up to {file}: {} shops, {} cards, {} events, {:.1} MB; SQLite's integrity check passed",
                report.shops,
                report.cards,
                report.events,
                report.bytes as f64 / 1e6
            );
        }
        Some("migrate-to") => {
            let target = argument("POSTGRES_URL")?;
            require_sqlite_source(&settings)?;
            let db = startup::open_database(&settings).await?.db;
            let report = maintenance::move_to_postgres::run(&db, &target).await?;
            for (table, source, target) in &report.tables {
                let mark = if source == target { "" } else { "  <- differs" };
                println!("{table:<24} SQLite {source:>10}  PostgreSQL {target:>10}{mark}");
            }
            for difference in &report.differences {
                println!("{difference}");
            }
            if !report.is_clean() {
                anyhow::bail!(
                    "the copy in {} does not match: see the lines above; do not switch to it",
                    regulars_server::db::engine::redact(&target)
                );
            }
            println!(
                "moved into {}: every table has the same rows, and the {} cards' balances, folded from {} events on both sides, agree with each other and with each side's balance cache.\nNext: stop this server, set REGULARS_DATABASE_URL to that URL, start it again.",
                regulars_server::db::engine::redact(&target),
                report.cards,
                report.events
            );
        }
        Some("reset-password") => {
            let email = argument("EMAIL")?;
            let db = startup::open_database(&settings).await?.writer;
            let (code, until) = maintenance::start_password_reset(&db, &email).await?;
            println!(
                "Every session of {email} has ended. One-time code, valid until {} UTC:\n\n    {code}\n\nThe owner opens /admin/reset on this server (for example http://{}/admin/reset#code={code}), enters the code and chooses a new password.",
                regulars_server::db::ts(until)
                    .get(..16)
                    .unwrap_or_default()
                    .replace('T', " "),
                settings.listen,
            );
        }
        Some(_) => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
    Ok(())
}

/// The command's second argument, or an error naming what is missing.
fn argument(name: &str) -> anyhow::Result<String> {
    std::env::args()
        .nth(2)
        .filter(|a| !a.is_empty())
        .ok_or_else(|| anyhow::anyhow!("missing {name}\n{USAGE}"))
}

/// `migrate-to` moves a SQLite database that exists: not one it would create empty.
fn require_sqlite_source(settings: &Settings) -> anyhow::Result<()> {
    let url = settings.database_url();
    if regulars_server::db::Engine::of_url(&url)? != regulars_server::db::Engine::Sqlite {
        anyhow::bail!(
            "migrate-to moves the SQLite database into PostgreSQL, but this server already uses {}",
            regulars_server::db::engine::redact(&url)
        );
    }
    let path = regulars_server::db::engine::sqlite_file(&url);
    if !std::path::Path::new(&path).exists() {
        anyhow::bail!(
            "there is no SQLite database at {path} to move (set REGULARS_DATA_DIR or REGULARS_DATABASE_URL)"
        );
    }
    Ok(())
}
