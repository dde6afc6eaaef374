//! The real `regulars-server` binary as a child process: started on a port of its own with a data
//! directory of its own (or, as a replica, on a PostgreSQL database it shares with another),
//! configured only by environment variables (as `cargo xtask test` starts
//! it for the browser journeys), killed with SIGKILL and started again on the same data and port,
//! and the operator's `regulars-server rebuild-balances` run beside it on the same data.

use std::fs::{self, File, OpenOptions};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a start may take before the test gives up on the server.
const READY_WITHIN: Duration = Duration::from_secs(60);
/// How often readiness is polled.
const POLL_EVERY: Duration = Duration::from_millis(25);

/// The server process and where it keeps everything.
pub struct ServerProcess {
    binary: PathBuf,
    addr: SocketAddr,
    data_dir: PathBuf,
    /// The PostgreSQL database, when the server runs on one (else SQLite under `data_dir`).
    database_url: Option<String>,
    dist_dir: PathBuf,
    log: PathBuf,
    child: Option<Child>,
    /// Starts so far (the first one included).
    pub starts: usize,
}

/// What one `rebuild-balances` run printed as its last line, and the cards it repaired.
#[derive(Debug, Clone)]
pub struct RebuildReport {
    pub cards: usize,
    pub differences: usize,
    pub repaired: Vec<String>,
}

impl ServerProcess {
    /// Starts the server under `root` on a free port and waits until it answers `/healthz`.
    pub async fn start(root: &Path, database_url: Option<String>) -> Self {
        let data_dir = root.join("data");
        let dist_dir = root.join("dist");
        fs::create_dir_all(&data_dir).expect("data directory");
        fs::create_dir_all(&dist_dir).expect("dist directory");
        // The page a build writes; the test never asks for it, but a served app has one.
        fs::write(
            dist_dir.join("index.html"),
            "<!doctype html><title>Regulars</title>",
        )
        .expect("index.html");
        let mut server = Self {
            binary: PathBuf::from(env!("CARGO_BIN_EXE_regulars-server")),
            addr: free_port(),
            data_dir,
            database_url,
            dist_dir,
            log: root.join("server.log"),
            child: None,
            starts: 0,
        };
        server.spawn_and_wait().await;
        server
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The database the server writes, as a URL.
    pub fn database(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.data_dir.join("regulars.db").display()),
        }
    }

    /// The server's log so far (every start appends to it), for a failure message.
    pub fn log_tail(&self, lines: usize) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }

    /// The binary with the run's environment: nothing from the developer's own configuration.
    fn command(&self) -> Command {
        let mut command = Command::new(&self.binary);
        command
            .env("REGULARS_LISTEN", self.addr.to_string())
            .env("REGULARS_DATA_DIR", &self.data_dir)
            .env("REGULARS_DIST_DIR", &self.dist_dir)
            .env_remove("REGULARS_DATABASE_URL")
            .env_remove("REGULARS_CONFIG")
            .stdin(Stdio::null());
        if let Some(url) = &self.database_url {
            command.env("REGULARS_DATABASE_URL", url);
        }
        command
    }

    fn log_file(&self) -> File {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("server log")
    }

    async fn spawn_and_wait(&mut self) {
        let log = self.log_file();
        let log_err = log.try_clone().expect("server log");
        let child = self
            .command()
            .stdout(log)
            .stderr(log_err)
            .spawn()
            .expect("the server binary starts");
        self.child = Some(child);
        self.starts += 1;
        self.wait_until_healthy().await;
    }

    /// Polls `GET /healthz` until it answers 200; fails if the process exits or time runs out.
    async fn wait_until_healthy(&mut self) {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("HTTP client");
        let url = format!("http://{}/healthz", self.addr);
        let start = Instant::now();
        loop {
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!(
                    "the server exited before it was ready ({status}); its log:\n{}",
                    self.log_tail(40)
                );
            }
            if let Ok(response) = http.get(&url).send().await
                && response.status().is_success()
            {
                return;
            }
            assert!(
                start.elapsed() < READY_WITHIN,
                "the server did not answer GET /healthz within {READY_WITHIN:?}; its log:\n{}",
                self.log_tail(40)
            );
            tokio::time::sleep(POLL_EVERY).await;
        }
    }

    /// SIGKILL: no shutdown, no last write. Returns once the process is gone.
    pub async fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            tokio::task::spawn_blocking(move || {
                child.kill().expect("SIGKILL the server");
                child.wait().expect("reap the server");
            })
            .await
            .expect("kill task");
        }
    }

    /// Starts the server again on the same data directory and port.
    pub async fn restart(&mut self) {
        assert!(self.child.is_none(), "restart after a kill or a stop");
        self.spawn_and_wait().await;
    }

    /// SIGTERM, as an operator stops it; the server finishes what it is doing and exits.
    pub async fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let log = self.log_tail(40);
        tokio::task::spawn_blocking(move || {
            let pid = child.id().to_string();
            let sent = Command::new("kill").args(["-TERM", &pid]).status();
            assert!(sent.is_ok_and(|s| s.success()), "SIGTERM the server");
            let start = Instant::now();
            loop {
                if let Some(status) = child.try_wait().expect("server status") {
                    assert!(
                        status.success(),
                        "the server exited with {status} on SIGTERM; its log:\n{log}"
                    );
                    return;
                }
                if start.elapsed() > Duration::from_secs(20) {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("the server did not stop within 20 s of SIGTERM; its log:\n{log}");
                }
                std::thread::sleep(POLL_EVERY);
            }
        })
        .await
        .expect("stop task");
    }

    /// Runs `regulars-server rebuild-balances` as a separate process on the same data and
    /// environment, and reads its report.
    pub async fn rebuild_balances(&self) -> Result<RebuildReport, String> {
        let mut command = self.command();
        command.arg("rebuild-balances");
        let output = tokio::task::spawn_blocking(move || command.output())
            .await
            .expect("rebuild task")
            .map_err(|e| format!("rebuild-balances did not start: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        if !output.status.success() {
            return Err(format!(
                "rebuild-balances exited with {}:\n{stdout}\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        // "checked N cards and M events: K differences", after one line per repaired card.
        let summary = stdout
            .lines()
            .rev()
            .find(|l| l.starts_with("checked ") && l.ends_with(" differences"))
            .ok_or_else(|| format!("rebuild-balances printed no summary:\n{stdout}"))?;
        let words: Vec<&str> = summary.split_whitespace().collect();
        let number = |i: usize| -> Result<usize, String> {
            words
                .get(i)
                .and_then(|w| w.parse().ok())
                .ok_or_else(|| format!("unreadable rebuild-balances summary: {summary}"))
        };
        Ok(RebuildReport {
            cards: number(1)?,
            differences: number(words.len() - 2)?,
            repaired: stdout
                .lines()
                .filter(|l| l.starts_with("card ") && l.ends_with("repaired"))
                .map(str::to_owned)
                .collect(),
        })
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A port nobody listens on right now: bind port 0, note it, release it. The server binds it
/// again at every start.
fn free_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address")
}
