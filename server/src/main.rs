use regulars_server::config::Settings;
use regulars_server::startup::Application;
use regulars_server::telemetry;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = Settings::load()?;
    telemetry::init(&settings.log);
    let app = Application::build(settings).await?;
    tracing::info!(address = %app.address(), "Regulars is listening");
    app.run_until_stopped().await?;
    Ok(())
}
