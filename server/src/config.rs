//! Configuration in layers: defaults in code, then an optional TOML file (`regulars.toml`, or the
//! path in `REGULARS_CONFIG`), then environment variables prefixed `REGULARS_`. Loading never
//! writes a file.

use std::net::SocketAddr;
use std::path::PathBuf;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    /// Address to listen on; port 0 picks a free port (tests).
    pub listen: SocketAddr,
    /// Where the SQLite database lives when `database_url` is not set.
    pub data_dir: PathBuf,
    /// A `sqlite://` or `postgres://` URL; overrides `data_dir`.
    pub database_url: Option<String>,
    /// The built app (`cargo xtask build` writes it).
    pub dist_dir: PathBuf,
    /// Log level or filter.
    pub log: String,
    /// Mark the owner's session cookie `Secure`. Set it when the server is reached over HTTPS
    /// (directly or behind a TLS-terminating proxy).
    pub secure_cookies: bool,
    /// Largest request body in bytes.
    pub max_body_bytes: usize,
    /// Requests taking longer are cut off, in seconds.
    pub request_timeout_secs: u64,
    /// Rate limits on joining, recovery, pairing, PINs, login and code checks, per client IP.
    pub rate_limits: bool,
    /// Behind a reverse proxy: take the client's IP from `X-Forwarded-For` for the rate
    /// limits (the rightmost hop not added by our proxies). Only set it when a proxy you run
    /// sets that header.
    pub trust_proxy: bool,
    /// With several proxies in a chain (a CDN, then nginx): their addresses or CIDR ranges,
    /// comma-separated; their hops are skipped. Empty: the one proxy in front is the peer.
    pub trusted_proxies: String,
    /// Every this many seconds the server forgets rate-limit state of clients whose bucket is
    /// full again.
    pub prune_every_secs: u64,
    /// Keep the owner's insight summaries in the push transaction (the default). Off only to
    /// measure what they cost: pushes then mark the shop's summaries stale, and the next start
    /// with this on rebuilds them from the events.
    pub insight_summaries: bool,
    /// Most purchases an import commits per transaction.
    pub import_chunk_rows: usize,
    /// An import keeps each transaction near this many milliseconds, with fewer rows when they
    /// run slow: a till's push waits for one chunk at most.
    pub import_chunk_millis: u64,
    /// A server working on an import holds it this many seconds past its last chunk; after
    /// that (its server stopped), another takes it up.
    pub import_lease_secs: u64,
    /// Every this many milliseconds the server looks for import jobs nobody holds.
    pub import_poll_ms: u64,
    /// For tests of a restart mid-import: the import worker stops after this many chunks, as
    /// a killed server would (holding the job until its lease runs out). Never set in use.
    pub import_stop_after_chunks: Option<u64>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("data"),
            database_url: None,
            dist_dir: PathBuf::from("dist"),
            log: "info".into(),
            secure_cookies: false,
            max_body_bytes: 256 * 1024,
            request_timeout_secs: 15,
            rate_limits: true,
            trust_proxy: false,
            trusted_proxies: String::new(),
            prune_every_secs: 300,
            insight_summaries: true,
            import_chunk_rows: 1000,
            import_chunk_millis: 150,
            import_lease_secs: 60,
            import_poll_ms: 5000,
            import_stop_after_chunks: None,
        }
    }
}

impl Settings {
    pub fn load() -> Result<Self, Box<figment::Error>> {
        let file = std::env::var("REGULARS_CONFIG").unwrap_or_else(|_| "regulars.toml".into());
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("REGULARS_").ignore(&["config", "log_format"]))
            .extract()
            .map_err(Box::new)
    }

    /// The database to open: `database_url`, or `regulars.db` under `data_dir`.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.data_dir.join("regulars.db").display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_lives_under_the_data_dir_by_default() {
        let settings = Settings {
            data_dir: PathBuf::from("/srv/regulars"),
            ..Settings::default()
        };
        assert_eq!(
            settings.database_url(),
            "sqlite:///srv/regulars/regulars.db"
        );
        let explicit = Settings {
            database_url: Some("sqlite://x.db".into()),
            ..settings
        };
        assert_eq!(explicit.database_url(), "sqlite://x.db");
    }
}
