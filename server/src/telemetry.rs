//! Structured logs.

use tracing_subscriber::EnvFilter;

/// Starts logging at `level` (`info`, `debug`, or a full filter such as `regulars_server=debug`).
/// `RUST_LOG` wins when set. JSON lines when `REGULARS_LOG_FORMAT=json`.
pub fn init(level: &str) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let json = std::env::var("REGULARS_LOG_FORMAT").is_ok_and(|v| v == "json");
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stdout().is_terminal());
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
