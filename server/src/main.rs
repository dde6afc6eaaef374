use regulars_server::config::Settings;
use regulars_server::startup::{self, Application};
use regulars_server::{maintenance, telemetry};

const USAGE: &str = "usage: regulars-server [serve | rebuild-balances | rebuild-summaries]";

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
    telemetry::init(&settings.log);
    match std::env::args().nth(1).as_deref() {
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
        Some(_) => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
    Ok(())
}
