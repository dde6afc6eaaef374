//! `cargo xtask`: the project's own build and test driver (std, and the Fluent parser for the
//! language files).
//!
//! ```text
//! cargo xtask build [--release | --dev]   build the app into dist/ (release is the default)
//! cargo xtask size                        print the shopper payload of the last build
//! cargo xtask locales                     check every language file against en.ftl, with sizes
//! cargo xtask run                         build (release) and start the server on 127.0.0.1:8080
//! cargo xtask test [--only lint|rust|postgres|wasm|e2e] [-- ARGS]
//!                                         run every test level; ARGS go to the one level chosen
//! cargo xtask fake-camera CODE OUT.y4m    a video of a phone showing CODE, for Chromium's
//!                                         --use-file-for-fake-video-capture
//! ```
#![forbid(unsafe_code)]

mod cmd;
mod dist;
mod locales;
mod postgres;
mod test_all;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  build [--release | --dev]   build the app (wasm-bindgen, hashed assets) into dist/
  size                        print the app payload of the last build: raw, gzip, brotli
  locales                     check every language file (app/locales) against en.ftl; sizes
  run                         build (release) and start the server on 127.0.0.1:8080, data in ./data
  test [--only LEVEL] [-- ARGS]
                              run every test: lint, rust (unit, property, server integration),
                              postgres (the server's integration and fault tests on PostgreSQL),
                              wasm (wasm-bindgen-test in headless Chromium), e2e (Playwright).
                              --only LEVEL runs one level; ARGS after -- go to that level's
                              runner (a cargo test filter, or Playwright arguments such as -g NAME)
  fake-camera CODE OUT.y4m [--frames N]
                              write a video (YUV4MPEG2, 640x480) of a phone showing the card
                              code CODE, for Chromium's --use-file-for-fake-video-capture
";

/// The workspace root: the parent of this crate's directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Where cargo puts build output (respects `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                root().join(dir)
            }
        }
        None => root().join("target"),
    }
}

/// An error for people: what went wrong and, where it helps, what to do.
pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("build") => parse_profile(&args[1..]).and_then(|profile| {
            let dist = dist::build(profile)?;
            let over: Vec<&str> = dist
                .budgets
                .iter()
                .filter(|v| !v.within)
                .map(|v| v.bundle)
                .collect();
            if over.is_empty() {
                Ok(())
            } else {
                Err(format!("over the size budget: {}", over.join(", ")))
            }
        }),
        Some("size") => dist::print_size_of_last_build(),
        Some("locales") => locales::print(),
        Some("run") => run(),
        Some("test") => test_all::parse(&args[1..]).and_then(test_all::run),
        Some("fake-camera") => fake_camera(&args[1..]),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_profile(args: &[String]) -> Result<dist::Profile> {
    let mut profile = dist::Profile::Release;
    for arg in args {
        match arg.as_str() {
            "--release" => profile = dist::Profile::Release,
            "--dev" => profile = dist::Profile::Dev,
            other => return Err(format!("unknown build option {other:?}\n\n{USAGE}")),
        }
    }
    Ok(profile)
}

/// `cargo xtask fake-camera CODE OUT.y4m [--frames N]`.
fn fake_camera(args: &[String]) -> Result {
    if args.len() < 2 {
        return Err(format!(
            "fake-camera needs a card code and an output file\n\n{USAGE}"
        ));
    }
    let tool = test_all::build_fake_camera()?;
    cmd::run(std::process::Command::new(tool).arg("video").args(args))
}

/// `cargo xtask run`: the README's Run command.
fn run() -> Result {
    dist::build(dist::Profile::Release)?;
    cmd::step(
        "starting the server on http://127.0.0.1:8080 (admin: /admin, till: /staff); Ctrl-C stops it",
    );
    let mut server = cmd::cargo();
    server
        .args(["run", "--release", "-p", "regulars-server"])
        .current_dir(root());
    if std::env::var_os("REGULARS_DIST_DIR").is_none() {
        server.env("REGULARS_DIST_DIR", "dist");
    }
    cmd::run(&mut server)
}
