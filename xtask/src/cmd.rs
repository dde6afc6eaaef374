//! Running other programs: print what runs, fail with a readable message, find cargo's artifacts.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::Result;

/// A heading line, so a long log can be scanned by eye.
pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// The cargo that started this xtask (same toolchain), or `cargo` from PATH.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        if arg.contains(' ') {
            text.push_str(&format!(" '{arg}'"));
        } else {
            text.push(' ');
            text.push_str(&arg);
        }
    }
    text
}

/// Run to completion with inherited stdio; an unsuccessful exit is an error.
pub fn run(command: &mut Command) -> Result {
    let text = describe(command);
    eprintln!("$ {text}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{text}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{text}` failed ({status})"))
    }
}

/// Run and capture stdout; `None` when the program is missing or fails.
pub fn output(command: &mut Command) -> Option<Vec<u8>> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status.success().then_some(out.stdout)
}

/// Run with stdout streamed line by line to our stdout and handed to `on_line` as well.
/// Returns whether the program succeeded.
pub fn run_streaming(command: &mut Command, mut on_line: impl FnMut(&str)) -> Result<bool> {
    let text = describe(command);
    eprintln!("$ {text}");
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{text}`: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("reading the output of `{text}`: {e}"))?;
        println!("{line}");
        on_line(&line);
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{text}`: {e}"))?;
    Ok(status.success())
}

/// `cargo build ARGS` and return the files of the artifacts `pick` accepts, in order.
/// Diagnostics are rendered as usual on stderr.
pub fn cargo_build(
    args: &[&str],
    pick: impl Fn(&serde_json::Value) -> bool,
) -> Result<Vec<PathBuf>> {
    let mut command = cargo();
    command
        .arg("build")
        .args(args)
        .arg("--message-format=json-render-diagnostics")
        .current_dir(crate::root());
    let mut files = Vec::new();
    let ok = {
        let text = describe(&command);
        eprintln!("$ {text}");
        let mut child = command
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start `{text}`: {e}"))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("reading cargo's output: {e}"))?;
            let Ok(message) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if message["reason"] == "compiler-artifact" && pick(&message) {
                if let Some(executable) = message["executable"].as_str() {
                    files.push(PathBuf::from(executable));
                } else if let Some(list) = message["filenames"].as_array() {
                    files.extend(list.iter().filter_map(|f| f.as_str()).map(PathBuf::from));
                }
            }
        }
        child
            .wait()
            .map_err(|e| format!("waiting for cargo: {e}"))?
            .success()
    };
    if ok {
        Ok(files)
    } else {
        Err(format!("`cargo build {}` failed", args.join(" ")))
    }
}

/// Is `program` on PATH (or an existing path)?
pub fn exists(program: &str) -> bool {
    let path = Path::new(program);
    if path.components().count() > 1 {
        return path.is_file();
    }
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false)
}

/// Seconds since `start`, for the summary lines.
pub fn secs(start: Instant) -> String {
    format!("{:.1}s", start.elapsed().as_secs_f64())
}
