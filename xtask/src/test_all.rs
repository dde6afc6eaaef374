//! `cargo xtask test`: every test level in order, stopping at the first that fails.
//!
//! 0. lint: `cargo fmt --check`, `cargo clippy --all-targets -D warnings` (the native crates,
//!    and the app for wasm32), and the benches built, so nothing that ships rots between runs
//! 1. rust: `cargo test --workspace --exclude regulars-app` (unit, proptest, server integration)
//! 2. wasm: `cargo test -p regulars-app -p regulars-scanner --target wasm32-unknown-unknown` in
//!    headless Chromium (the scanner's decoder tests run in a Web Worker there)
//! 3. e2e:  the release build served by the real server on a free port, driven by Playwright
//!
//! The last line is `N passed, M failed`, which CI reads.

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Result, cmd, dist, root};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Lint,
    Rust,
    Postgres,
    Wasm,
    E2e,
}

impl Level {
    fn title(self) -> &'static str {
        match self {
            Level::Lint => "lint (rustfmt, clippy, benches build)",
            Level::Rust => "rust (unit, property, server integration)",
            Level::Postgres => "postgres (server suites on PostgreSQL)",
            Level::Wasm => "wasm (wasm-bindgen-test, headless Chromium)",
            Level::E2e => "e2e (Playwright journeys)",
        }
    }
}

pub struct Options {
    levels: Vec<Level>,
    /// Arguments after `--`, for the one level chosen with `--only`.
    extra: Vec<String>,
}

pub fn parse(args: &[String]) -> Result<Options> {
    let mut levels = vec![
        Level::Lint,
        Level::Rust,
        Level::Postgres,
        Level::Wasm,
        Level::E2e,
    ];
    let mut extra = Vec::new();
    let mut only = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--only" => {
                let level = args
                    .next()
                    .ok_or("--only needs a level: lint, rust, postgres, wasm or e2e")?;
                levels = vec![match level.as_str() {
                    "lint" => Level::Lint,
                    "rust" => Level::Rust,
                    "postgres" => Level::Postgres,
                    "wasm" => Level::Wasm,
                    "e2e" => Level::E2e,
                    other => {
                        return Err(format!(
                            "unknown test level {other:?}: use lint, rust, postgres, wasm or e2e"
                        ));
                    }
                }];
                only = true;
            }
            "--" => {
                extra = args.by_ref().cloned().collect();
            }
            other => {
                return Err(format!(
                    "unknown test option {other:?} (see `cargo xtask help`)"
                ));
            }
        }
    }
    if !extra.is_empty() && !only {
        return Err("arguments after -- need --only LEVEL to say which runner gets them".into());
    }
    Ok(Options { levels, extra })
}

struct Outcome {
    level: Level,
    passed: u64,
    failed: u64,
    ok: bool,
    time: String,
}

pub fn run(options: Options) -> Result {
    let start = Instant::now();
    if options
        .levels
        .iter()
        .any(|l| matches!(l, Level::Wasm | Level::E2e))
    {
        check_browser()?;
    }
    let mut outcomes = Vec::new();
    for &level in &options.levels {
        cmd::step(&format!("tests: {}", level.title()));
        let level_start = Instant::now();
        let mut counts = Counts::default();
        let ok = match level {
            Level::Lint => lint(&mut counts),
            Level::Rust => rust(&options.extra, &mut counts),
            Level::Postgres => postgres(&options.extra, &mut counts),
            Level::Wasm => wasm(&options.extra, &mut counts),
            Level::E2e => e2e(&options.extra, &mut counts),
        };
        let ok = match ok {
            Ok(ok) => ok,
            Err(message) => {
                eprintln!("xtask: {message}");
                false
            }
        };
        // A runner that failed without reporting a failed test (a build error, say) still counts as one failure.
        let failed = if ok {
            counts.failed
        } else {
            counts.failed.max(1)
        };
        outcomes.push(Outcome {
            level,
            passed: counts.passed,
            failed,
            ok,
            time: cmd::secs(level_start),
        });
        if !ok {
            break;
        }
    }

    println!("\nSummary ({}):", cmd::secs(start));
    for o in &outcomes {
        let status = if o.ok { "ok" } else { "FAILED" };
        println!(
            "  {:<46} {:>4} passed, {} failed  {:>8}  {status}",
            o.level.title(),
            o.passed,
            o.failed,
            o.time
        );
    }
    for level in &options.levels {
        if !outcomes.iter().any(|o| o.level == *level) {
            println!("  {:<46} not run", level.title());
        }
    }
    let passed: u64 = outcomes.iter().map(|o| o.passed).sum();
    let failed: u64 = outcomes.iter().map(|o| o.failed).sum();
    println!("{passed} passed, {failed} failed");
    if outcomes.iter().all(|o| o.ok) && outcomes.len() == options.levels.len() {
        Ok(())
    } else {
        Err("tests failed".into())
    }
}

fn check_browser() -> Result {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).is_file())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} missing: the browser tests need Debian's Chromium and ChromeDriver. \
             Run `bash .ci/run` once, or `apt-get update && apt-get install -y chromium chromium-driver`.",
            missing.join(" and ")
        ))
    }
}

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    /// Reads cargo test's and wasm-bindgen-test-runner's `test result: ok. 3 passed; 0 failed; ...`.
    fn read_cargo_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            match words.as_slice() {
                [.., n, "passed"] => self.passed += n.parse::<u64>().unwrap_or(0),
                [n, "failed"] => self.failed += n.parse::<u64>().unwrap_or(0),
                _ => {}
            }
        }
    }

    /// Reads Playwright's closing lines: `  5 passed (12.3s)`, `  1 failed`, `  1 flaky`.
    fn read_playwright_line(&mut self, line: &str) {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [n, kind, ..] = words.as_slice()
            && let Ok(n) = n.parse::<u64>()
        {
            match *kind {
                "passed" => self.passed += n,
                "failed" | "flaky" | "interrupted" => self.failed += n,
                _ => {}
            }
        }
    }
}

/// Each check that passes counts as one passed test.
fn lint(counts: &mut Counts) -> Result<bool> {
    let checks: [&[&str]; 4] = [
        &["fmt", "--all", "--check"],
        &[
            "clippy",
            "--workspace",
            "--exclude",
            "regulars-app",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[
            "clippy",
            "-p",
            "regulars-app",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &["bench", "--no-run"],
    ];
    for args in checks {
        let mut command = cmd::cargo();
        command.args(args).current_dir(root());
        if !cmd::run_streaming(&mut command, |_| {})? {
            counts.failed += 1;
            return Ok(false);
        }
        counts.passed += 1;
    }
    Ok(true)
}

fn rust(extra: &[String], counts: &mut Counts) -> Result<bool> {
    let mut command = cmd::cargo();
    command
        .args(["test", "--workspace", "--exclude", "regulars-app"])
        .current_dir(root());
    if !extra.is_empty() {
        command.arg("--").args(extra);
    }
    cmd::run_streaming(&mut command, |line| counts.read_cargo_line(line))
}

/// The server's integration suite and the fault test again, each test on its own database of a
/// throwaway PostgreSQL (`REGULARS_TEST_POSTGRES`; the fault test runs two replicas on it). The
/// test programs are the ones the rust level built (same command, so cargo builds nothing
/// new); they are run directly with the variable set.
fn postgres(extra: &[String], counts: &mut Counts) -> Result<bool> {
    cmd::step("building the server's integration and fault tests");
    let programs = server_test_programs()?;
    let cluster = crate::postgres::Cluster::start()?;
    let mut ok = true;
    for program in &programs {
        let mut command = std::process::Command::new(program);
        command
            .args(extra)
            .current_dir(root().join("server"))
            .env("REGULARS_TEST_POSTGRES", &cluster.url);
        ok &= cmd::run_streaming(&mut command, |line| counts.read_cargo_line(line))?;
    }
    if !ok && let Ok(log) = std::fs::read_to_string(cluster.dir().join("server.log")) {
        eprintln!("the end of PostgreSQL's log:");
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        for line in tail.into_iter().rev() {
            eprintln!("  {line}");
        }
    }
    Ok(ok)
}

/// The `api` and `fault` test programs of the server, built by the rust level's command.
fn server_test_programs() -> Result<Vec<std::path::PathBuf>> {
    let mut command = cmd::cargo();
    command
        .args([
            "test",
            "--workspace",
            "--exclude",
            "regulars-app",
            "--no-run",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(root());
    let out = command
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start cargo test --no-run: {e}"))?;
    if !out.status.success() {
        return Err("building the tests failed".into());
    }
    let mut programs = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let name = message["target"]["name"].as_str().unwrap_or_default();
        let server = message["package_id"]
            .as_str()
            .is_some_and(|id| id.contains("regulars-server") || id.contains("/server#"));
        if message["reason"] == "compiler-artifact"
            && server
            && ["api", "fault"].contains(&name)
            && let Some(executable) = message["executable"].as_str()
        {
            programs.push(std::path::PathBuf::from(executable));
        }
    }
    if programs.len() != 2 {
        return Err(format!(
            "expected the server's api and fault test programs, found {programs:?}"
        ));
    }
    Ok(programs)
}

fn wasm(extra: &[String], counts: &mut Counts) -> Result<bool> {
    dist::ensure_wasm_bindgen_cli()?;
    let mut command = cmd::cargo();
    command
        .args([
            "test",
            "-p",
            "regulars-app",
            "-p",
            dist::SCANNER_PACKAGE,
            "--target",
            "wasm32-unknown-unknown",
        ])
        .current_dir(root())
        .env("CHROMEDRIVER", CHROMEDRIVER);
    if !extra.is_empty() {
        command.arg("--").args(extra);
    }
    cmd::run_streaming(&mut command, |line| counts.read_cargo_line(line))
}

fn e2e(extra: &[String], counts: &mut Counts) -> Result<bool> {
    let end2end = root().join("end2end");
    dist::ensure_node_modules()?;
    let dist = dist::build(dist::Profile::Release)?;
    // The size budgets are tests: one per bundle; a bundle over its budget stops the level.
    for verdict in &dist.budgets {
        if verdict.within {
            counts.passed += 1;
        } else {
            counts.failed += 1;
        }
    }
    let over: Vec<String> = dist
        .budgets
        .iter()
        .filter(|v| !v.within)
        .map(|v| format!("{} ({} bytes)", v.bundle, v.bytes))
        .collect();
    if !over.is_empty() {
        eprintln!(
            "over the size budget: {} (see above); the journeys did not run",
            over.join(", ")
        );
        return Ok(false);
    }

    cmd::step("building the server (release)");
    let server_bin = cmd::cargo_build(
        &[
            "--release",
            "-p",
            "regulars-server",
            "--bin",
            "regulars-server",
        ],
        |m| m["target"]["name"] == "regulars-server" && !m["executable"].is_null(),
    )?
    .pop()
    .ok_or("cargo built no regulars-server executable")?;

    let fake_camera = build_fake_camera()?;

    // Data and logs of the last run stay in target/e2e/ for a look after a failure.
    let runs = crate::target_dir().join("e2e");
    if runs.exists() {
        let _ = fs::remove_dir_all(&runs);
    }
    let run_dir = runs.join(format!("run-{}", std::process::id()));
    let server = Server::start(&server_bin, &run_dir.join("journeys"), &root().join("dist"))?;
    // The update-prompt journey deploys a new build by changing the served service worker:
    // it gets a server of its own, on its own copy of the build, so no other journey's open
    // page sees that "deploy".
    let deploy_dist = run_dir.join("deploy-dist");
    copy_dir(&root().join("dist"), &deploy_dist)?;
    let deploy = Server::start(&server_bin, &run_dir.join("deploy"), &deploy_dist)?;
    let base_url = format!("http://{}", server.addr);
    cmd::step(&format!("Playwright against {base_url}"));
    let mut command = Command::new(end2end.join("node_modules/.bin/playwright"));
    command
        .arg("test")
        .args(extra)
        .current_dir(&end2end)
        .env("BASE_URL", &base_url)
        .env("DEPLOY_BASE_URL", format!("http://{}", deploy.addr))
        .env("DEPLOY_DIST_DIR", &deploy_dist)
        // The operator's commands run on the journeys server's database (reset-password).
        .env("REGULARS_SERVER_BIN", &server_bin)
        .env("REGULARS_DATA_DIR", run_dir.join("journeys").join("data"))
        // The camera journey films a card code with it (see `cargo xtask fake-camera`).
        .env("FAKE_CAMERA", &fake_camera);
    let ok = cmd::run_streaming(&mut command, |line| counts.read_playwright_line(line));
    let log = server.stop();
    drop(deploy);
    let ok = ok?;
    if !ok {
        eprintln!("\nserver log: {}\n{}", log.display(), tail(&log, 40));
        eprintln!(
            "Playwright's traces and screenshots of failed tests are in end2end/test-results/ \
             (open a trace with `npx playwright show-trace <trace.zip>` in end2end/)."
        );
    }
    Ok(ok)
}

/// The `fake-camera` tool (scanner crate): makes the video Chromium's fake camera plays.
pub fn build_fake_camera() -> Result<PathBuf> {
    cmd::step("building the fake camera (a video of a card code for Chromium)");
    cmd::cargo_build(
        &[
            "--release",
            "-p",
            dist::SCANNER_PACKAGE,
            "--features",
            "synth",
            "--bin",
            "fake-camera",
        ],
        |m| m["target"]["name"] == "fake-camera" && !m["executable"].is_null(),
    )?
    .pop()
    .ok_or_else(|| "cargo built no fake-camera executable".to_string())
}

/// The release server on a free port with a fresh data directory, stopped on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: PathBuf,
}

impl Server {
    /// Starts `binary` serving `dist`, with its data and log under `run_dir`.
    fn start(binary: &Path, run_dir: &Path, dist: &Path) -> Result<Server> {
        let addr = free_port()?;
        let data_dir = run_dir.join("data");
        fs::create_dir_all(&data_dir)
            .map_err(|e| format!("creating {}: {e}", data_dir.display()))?;
        let log = run_dir.join("server.log");
        let log_file =
            fs::File::create(&log).map_err(|e| format!("creating {}: {e}", log.display()))?;
        let log_err = log_file.try_clone().map_err(|e| e.to_string())?;
        eprintln!(
            "$ {} (REGULARS_LISTEN={addr}, log in {})",
            binary.display(),
            log.display()
        );
        let child = Command::new(binary)
            .current_dir(root())
            .env("REGULARS_LISTEN", addr.to_string())
            .env("REGULARS_DATA_DIR", &data_dir)
            .env_remove("REGULARS_DATABASE_URL")
            .env_remove("REGULARS_CONFIG")
            .env("REGULARS_DIST_DIR", dist)
            .stdin(Stdio::null())
            .stdout(log_file)
            .stderr(log_err)
            .spawn()
            .map_err(|e| format!("starting {}: {e}", binary.display()))?;
        let mut server = Server { child, addr, log };
        server.wait_until_healthy(Duration::from_secs(60))?;
        Ok(server)
    }

    /// Polls `GET /healthz` until it answers 200, the server exits, or time runs out.
    fn wait_until_healthy(&mut self, limit: Duration) -> Result {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "the server exited before it was ready ({status}); its log:\n{}",
                    tail(&self.log, 40)
                ));
            }
            if healthz(self.addr) {
                eprintln!(
                    "server ready at http://{} after {}",
                    self.addr,
                    cmd::secs(start)
                );
                return Ok(());
            }
            if start.elapsed() > limit {
                return Err(format!(
                    "the server did not answer GET /healthz within {limit:?}; its log:\n{}",
                    tail(&self.log, 40)
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// SIGTERM (graceful shutdown), then SIGKILL if it lingers. Returns the log's path.
    fn stop(mut self) -> PathBuf {
        self.terminate();
        self.log.clone()
    }

    fn terminate(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// Copies the folder `from` (files and subfolders) to `to`.
fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("reading {}: {e}", from.display()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .map_err(|e| format!("copying {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// A port nobody listens on right now: bind port 0, note it, release it.
fn free_port() -> Result<SocketAddr> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("finding a free port: {e}"))?;
    listener
        .local_addr()
        .map_err(|e| format!("finding a free port: {e}"))
}

fn healthz(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match stream.read(&mut head[read..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => read += n,
        }
    }
    let head = String::from_utf8_lossy(&head[..read]);
    head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200")
}

fn tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_and_wasm_bindgen_result_lines_are_counted() {
        let mut counts = Counts::default();
        counts.read_cargo_line("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.31s");
        counts.read_cargo_line(
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out",
        );
        counts.read_cargo_line("test a_test_named_passed ... ok");
        assert_eq!((counts.passed, counts.failed), (15, 2));
    }

    #[test]
    fn playwright_closing_lines_are_counted() {
        let mut counts = Counts::default();
        for line in [
            "  ✓  1 [chromium] › tests/a.spec.ts:3:1 › one (2.1s)",
            "  1) [chromium] › x",
            "  1 failed",
            "  4 passed (31.2s)",
            "  2 skipped",
        ] {
            counts.read_playwright_line(line);
        }
        assert_eq!((counts.passed, counts.failed), (4, 1));
    }

    #[test]
    fn extra_arguments_need_one_level() {
        let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert!(parse(&args("-- -g points")).is_err());
        let options = parse(&args("--only e2e -- -g points")).expect("valid");
        assert_eq!(options.levels, vec![Level::E2e]);
        assert_eq!(options.extra, args("-g points"));
        assert!(parse(&args("--only java")).is_err());
    }
}
