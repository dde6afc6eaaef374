//! Builds the application: opens the database, runs migrations, binds the listener.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::config::Settings;
use crate::db::engine::{self, Pools};
use crate::db::{Db, Engine};
use crate::routes;

/// What every handler can reach. Nothing here is state another replica would need.
#[derive(Clone)]
pub struct AppState {
    /// For reads: several connections, which SQLite's WAL lets run beside a writer.
    pub db: Db,
    /// For writes: SQLite has one writer at a time, so write transactions queue here in order
    /// instead of spinning on the database lock (on PostgreSQL the same pool as `db`).
    pub writer: Db,
    pub engine: Engine,
    /// Who the client is, for the rate limits (the proxies we trust).
    pub client_ip: crate::limits::ClientIp,
    /// This replica's in-memory limiters, pruned with the shared limits' rows.
    pub limiters: crate::limits::Limiters,
    pub settings: Arc<Settings>,
    /// The server's keys, made once and kept in the database (every replica reads the same).
    pub keys: Arc<ServerKeys>,
    /// RFM scorings this replica keeps for a few minutes (see `insights::segments`).
    pub segments: crate::insights::segments::Cache,
    /// Predicted-value fits this replica keeps (see `insights::predicted`).
    pub predictions: crate::insights::predicted::Cache,
    /// What each shop learned about its offers, kept for a few minutes (see `offers::responses`).
    pub offer_responses: crate::offers::responses::Cache,
    /// Wakes this replica's import worker (see `imports::job`).
    pub imports: crate::imports::job::Jobs,
}

/// The server's own secrets.
pub struct ServerKeys {
    /// Staff-session secrets are derived from it (`ledger::staff`).
    pub staff_sessions: Arc<[u8]>,
    /// Recovery codes are stored as an HMAC under it.
    pub recovery_codes: Arc<[u8]>,
}

pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    address: SocketAddr,
    db: Db,
    writer: Db,
    limiters: crate::limits::Limiters,
    prune_every: std::time::Duration,
    state: AppState,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let Pools { engine, db, writer } = open_database(&settings).await?;
        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("listening on {}", settings.listen))?;
        let address = listener.local_addr()?;
        let keys = Arc::new(ServerKeys {
            staff_sessions: crate::db::keys::get_or_create(&writer, crate::ledger::staff::KEY_NAME)
                .await?
                .into(),
            recovery_codes: crate::db::keys::get_or_create(&writer, "recovery_codes")
                .await?
                .into(),
        });
        // Summaries an older rule made (or none, for shops from before insights) are made again
        // from the events before the first request.
        if settings.insight_summaries {
            for done in crate::maintenance::rebuild_summaries(&writer, true).await? {
                tracing::info!(shop_id = %done.shop_id, rows = done.report.rows, "insight summaries rebuilt");
            }
        }
        let client_ip = crate::limits::ClientIp::from_settings(
            settings.trust_proxy,
            &settings.trusted_proxies,
        )?;
        let state = AppState {
            db: db.clone(),
            writer,
            engine,
            client_ip,
            limiters: Default::default(),
            segments: Default::default(),
            predictions: Default::default(),
            offer_responses: Default::default(),
            imports: Default::default(),
            settings: Arc::new(settings),
            keys,
        };
        // Every shop's default scoring and its predictions are made in the background, so an
        // owner's first look at Insights after a start does not wait for them.
        if state.settings.insight_summaries {
            let (segments, predictions, db) = (
                state.segments.clone(),
                state.predictions.clone(),
                state.db.clone(),
            );
            tokio::spawn(async move {
                if let Err(e) = segments.warm(&db).await {
                    tracing::warn!(error = %e, "scoring the shops at start-up");
                }
                if let Err(e) = predictions.warm(&db).await {
                    tracing::warn!(error = %e, "predicting the shops at start-up");
                }
            });
        }
        // Import jobs: those this server or a stopped one left running are carried on.
        tokio::spawn(
            state
                .imports
                .clone()
                .work(state.writer.clone(), state.settings.clone()),
        );
        state.imports.wake();
        // Offer audiences follow members' histories (a lapsed rule, a segment).
        crate::offers::spawn_refresher(state.clone());
        let writer = state.writer.clone();
        let limiters = state.limiters.clone();
        let prune_every = std::time::Duration::from_secs(state.settings.prune_every_secs.max(1));
        Ok(Self {
            listener,
            router: routes::router(state.clone()),
            state,
            address,
            db,
            writer,
            limiters,
            prune_every,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The pool, for tests that look at the database directly.
    pub fn db(&self) -> Db {
        self.db.clone()
    }

    /// What every handler reaches, for benchmarks that call the server's functions directly.
    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    /// Serves until SIGTERM or Ctrl-C, then lets requests in flight finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let pruning = tokio::spawn(prune(
            self.limiters.clone(),
            self.writer.clone(),
            self.prune_every,
        ));
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        pruning.abort();
        self.db.close().await;
        self.writer.close().await;
        Ok(())
    }
}

/// Opens the database (SQLite under the data directory unless `database_url` names another)
/// and brings its schema up to date.
pub async fn open_database(settings: &Settings) -> anyhow::Result<Pools> {
    let url = settings.database_url();
    if settings.database_url.is_none() {
        tokio::fs::create_dir_all(&settings.data_dir)
            .await
            .with_context(|| {
                format!(
                    "creating the data directory {}",
                    settings.data_dir.display()
                )
            })?;
    }
    engine::open(&url).await
}

/// Forgets rate-limit state of clients whose bucket is full again, in this replica's memory and
/// in the database, every `every`. A failure is logged and tried again next time.
async fn prune(limiters: crate::limits::Limiters, db: Db, every: std::time::Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match limiters.prune(&db).await {
            Ok(rows) => tracing::debug!(rows, "pruned rate-limit state"),
            Err(e) => tracing::warn!(error = %e, "pruning rate-limit state failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
