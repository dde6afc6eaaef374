//! The till's QR decoder for browsers without `BarcodeDetector`: the `regulars-scanner` crate
//! compiled to wasm, bound by wasm-bindgen and run by `scanner/worker.js` as a module worker.
//!
//! ```text
//! dist/assets/scanner-<hash>_bg.wasm      rxing, rqrr and the frame passes
//! dist/assets/scanner-<hash>.js           wasm-bindgen's glue
//! dist/assets/scanner-worker-<hash>.js    the worker, naming the two above
//! ```
//!
//! index.html names the worker in `<meta name="regulars-scanner-worker">`; the service worker
//! precaches all three like the rest of the build, so the camera works offline.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Profile, WASM_TARGET, optimise, read, short_hash, write};
use crate::{Result, cmd, root, target_dir};

pub const PACKAGE: &str = "regulars-scanner";

/// The scanner after wasm-bindgen (and wasm-opt in release builds).
pub struct Bound {
    js: PathBuf,
    wasm: PathBuf,
}

/// What the scanner put in `dist/assets/`.
pub struct Assets {
    /// `/assets/scanner-worker-<hash>.js`
    pub worker: String,
    pub wasm_name: String,
    pub glue_name: String,
    pub worker_name: String,
}

/// Compiles the scanner's cdylib for the browser and binds it.
pub fn build(profile: Profile, bindgen: &Path) -> Result<Bound> {
    cmd::step(&format!(
        "compiling {PACKAGE} (the till's QR decoder) to {WASM_TARGET} ({profile:?})"
    ));
    let profile_arg = match profile {
        Profile::Release => "--profile=wasm-release",
        Profile::Dev => "--profile=dev",
    };
    let wasm = cmd::cargo_build(
        &["-p", PACKAGE, "--lib", "--target", WASM_TARGET, profile_arg],
        |m| {
            m["target"]["name"] == "regulars_scanner"
                && m["target"]["kind"]
                    .as_array()
                    .is_some_and(|k| k.iter().any(|k| k == "cdylib"))
        },
    )?
    .into_iter()
    .find(|f| f.extension().is_some_and(|e| e == "wasm"))
    .ok_or_else(|| {
        format!("cargo built no {PACKAGE} cdylib (is crate-type cdylib in scanner/Cargo.toml?)")
    })?;

    cmd::step("wasm-bindgen (scanner)");
    let out = target_dir().join("wasm-bindgen-scanner");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("removing {}: {e}", out.display()))?;
    }
    cmd::run(
        Command::new(bindgen)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "scanner",
                "--out-dir",
            ])
            .arg(&out)
            .arg(&wasm),
    )?;
    let bound = Bound {
        js: out.join("scanner.js"),
        wasm: out.join("scanner_bg.wasm"),
    };
    if profile == Profile::Release {
        // Decoding speed matters more than size here: the worker is fetched once, in the
        // background, and only by tills.
        optimise(&bound.wasm, "-O3")?;
    }
    Ok(bound)
}

/// Writes the glue, the wasm and the worker under content-hashed names into `assets`.
pub fn write_assets(bound: &Bound, assets: &Path) -> Result<Assets> {
    let wasm = read(&bound.wasm)?;
    let glue = read(&bound.js)?;
    let wasm_name = format!("scanner-{}_bg.wasm", short_hash(&wasm));
    let glue_name = format!("scanner-{}.js", short_hash(&glue));
    write(&assets.join(&wasm_name), &wasm)?;
    write(&assets.join(&glue_name), &glue)?;

    let template_path = root().join("scanner/worker.js");
    let worker = String::from_utf8(read(&template_path)?)
        .map_err(|_| format!("{} is not UTF-8", template_path.display()))?
        .replace("{{glue}}", &format!("/assets/{glue_name}"))
        .replace("{{wasm}}", &format!("/assets/{wasm_name}"));
    if worker.contains("{{") {
        return Err(format!(
            "{} has an unknown placeholder",
            template_path.display()
        ));
    }
    let worker_name = format!("scanner-worker-{}.js", short_hash(worker.as_bytes()));
    write(&assets.join(&worker_name), worker.as_bytes())?;
    Ok(Assets {
        worker: format!("/assets/{worker_name}"),
        wasm_name,
        glue_name,
        worker_name,
    })
}
