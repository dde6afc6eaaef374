use regulars_server::config::Settings;
use regulars_server::startup::{self, Application};
use regulars_server::{maintenance, telemetry};

const USAGE: &str = "usage: regulars-server [serve | rebuild-balances]";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
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
        Some(_) => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
    Ok(())
}
