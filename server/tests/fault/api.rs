//! How the fault test talks to the server: JSON over reqwest, typed with the protocol crate,
//! and a raw TCP push for requests cut short. Calls other than pushes are retried while the
//! server is away (killed and starting again): each is harmless to repeat.

use std::future::Future;
use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

/// Longest a call waits for the server to come back before the test fails.
const GIVE_UP_AFTER: Duration = Duration::from_secs(90);
/// Longest a request may take; pushes of a hundred events take well under a second.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The servers' addresses, and a client without cookies for the tablets and phones. With
/// several replicas each request goes to the next in turn, as a load balancer sends them.
pub struct Api {
    ports: Vec<u16>,
    next: std::sync::atomic::AtomicUsize,
    pub http: reqwest::Client,
}

/// A request that did not give a usable answer.
#[derive(Debug)]
pub enum CallError {
    /// No answer: the connection failed or broke (the server killed, restarting, timed out).
    NoAnswer(String),
    /// An answer other than the one expected, with its body.
    Status(u16, String),
}

impl CallError {
    /// Worth asking again: no answer, or the server failing for now.
    pub fn is_transient(&self) -> bool {
        match self {
            CallError::NoAnswer(_) => true,
            CallError::Status(status, _) => matches!(status, 408 | 425 | 429) || *status >= 500,
        }
    }
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::NoAnswer(why) => write!(f, "no answer: {why}"),
            CallError::Status(status, body) => write!(f, "HTTP {status}: {body}"),
        }
    }
}

impl Api {
    pub fn new(ports: Vec<u16>) -> Self {
        assert!(!ports.is_empty(), "at least one server");
        Self {
            ports,
            next: Default::default(),
            http: client(reqwest::Client::builder()),
        }
    }

    /// The port of the replica the next request goes to.
    pub fn port(&self) -> u16 {
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.ports[n % self.ports.len()]
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port())
    }
}

/// A client with the test's timeout.
pub fn client(builder: reqwest::ClientBuilder) -> reqwest::Client {
    builder
        .timeout(REQUEST_TIMEOUT)
        .build()
        .expect("HTTP client")
}

/// Sends a request and reads the JSON answer, which must come with `status`.
pub async fn call<T: DeserializeOwned>(
    request: reqwest::RequestBuilder,
    status: u16,
) -> Result<T, CallError> {
    let response = request
        .send()
        .await
        .map_err(|e| CallError::NoAnswer(e.to_string()))?;
    let actual = response.status().as_u16();
    let text = response
        .text()
        .await
        .map_err(|e| CallError::NoAnswer(e.to_string()))?;
    if actual != status {
        return Err(CallError::Status(actual, text));
    }
    serde_json::from_str(&text).map_err(|e| CallError::Status(actual, format!("{e}: {text}")))
}

/// Runs `attempt` until it succeeds, waiting out the server's absences; any other failure
/// fails the test.
pub async fn retrying<T, F, Fut>(what: &str, mut attempt: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, CallError>>,
{
    let start = Instant::now();
    let mut tries = 0;
    loop {
        match attempt().await {
            Ok(value) => return value,
            Err(e) if e.is_transient() && start.elapsed() < GIVE_UP_AFTER => {
                tokio::time::sleep(backoff(tries, 0.5)).await;
                tries += 1;
            }
            Err(e) => panic!("{what}: {e}"),
        }
    }
}

/// The wait before retry number `attempt`: the till's rule (doubling, capped, ±30 % jitter from
/// `unit` in `[0, 1)`), on a test's time scale: 20 ms, 40 ms, ... at most 320 ms.
pub fn backoff(attempt: u32, unit: f64) -> Duration {
    let base = (20.0 * 2f64.powi(attempt.min(4) as i32)).min(320.0);
    let factor = 1.0 + 0.3 * (2.0 * unit.clamp(0.0, 1.0) - 1.0);
    Duration::from_micros((base * factor * 1000.0) as u64)
}

/// A push written to the socket by hand: the headers announce the whole body, then only its
/// first `sent` bytes follow and the tablet closes the connection (a push cut mid-request), or
/// all of it and the tablet closes without reading the answer (a push abandoned). Returns an
/// error only if the connection could not even be opened.
pub async fn raw_push(port: u16, token: &str, body: String, sent: usize) -> Result<(), String> {
    let token = token.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
        let head = format!(
            "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n",
            body.len()
        );
        // A write may fail once the server has gone away; the cut is the point either way.
        let _ = stream
            .write_all(head.as_bytes())
            .and_then(|()| stream.write_all(&body.as_bytes()[..sent.min(body.len())]))
            .and_then(|()| stream.flush());
        let _ = stream.shutdown(std::net::Shutdown::Both);
        Ok(())
    })
    .await
    .expect("raw push task")
}
