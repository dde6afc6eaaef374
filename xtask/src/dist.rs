//! `cargo xtask build`: the app compiled to wasm, bound with wasm-bindgen, optimised with wasm-opt
//! when it is installed, and written to `dist/` with content-hashed names:
//!
//! ```text
//! dist/index.html                         from public/index.html, preloading the shopper's bundle
//! dist/till.html                          the same, preloading the till's (sent under /staff)
//! dist/owner.html                         the same, preloading the owner's (sent under /admin)
//! dist/assets/shopper-<hash>.js           the shopper's bundle: wasm-bindgen's JS glue ...
//! dist/assets/shopper-<hash>_bg.wasm      ... and the card, joining and recovery (src/bin/shopper.rs)
//! dist/assets/till-<hash>.js, _bg.wasm    the till (src/bin/till.rs)
//! dist/assets/owner-<hash>.js, _bg.wasm   the owner's pages (src/main.rs)
//! dist/assets/main-<hash>.css             style/main.css with its @imports inlined
//! dist/assets/scanner-*                   the till's QR decoder worker (see `dist/scanner.rs`)
//! dist/...                                everything else in public/ (icons, manifest, favicon)
//! dist/sw.js                              from public/sw.js: cache name per build, precache lists
//!                                         (everyone's; the till's; the owner's)
//! dist/build.json                         build id, every file with its size and hash
//! ```

mod budget;
mod scanner;

pub use budget::Verdict;

pub use scanner::PACKAGE as SCANNER_PACKAGE;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use sha2::{Digest, Sha256};

use crate::cmd;
use crate::{Result, root, target_dir};

const APP_PACKAGE: &str = "regulars-app";

/// One WebAssembly bundle of the app: a binary of the app crate, bound and written under a name.
pub struct Bundle {
    /// Which one (`regulars_protocol::pages`: its name, page and addresses).
    pub of: regulars_protocol::pages::Bundle,
    /// The cargo binary (`[[bin]]` of app/Cargo.toml).
    bin: &'static str,
    /// index.html's placeholders for the glue's and the module's addresses.
    placeholders: [&'static str; 2],
    /// Whom it is for, in the size report.
    pub loaded_by: &'static str,
}

impl Bundle {
    /// The start of its file names in dist/assets/ and its key in build.json.
    pub fn name(&self) -> &'static str {
        self.of.name()
    }
}

/// The shopper's bundle first: it is the payload a phone waits for.
pub const BUNDLES: [Bundle; 3] = [
    Bundle {
        of: regulars_protocol::pages::Bundle::Shopper,
        bin: "regulars-shopper",
        placeholders: ["{{shopper_js}}", "{{shopper_wasm}}"],
        loaded_by: "a shopper's phone",
    },
    Bundle {
        of: regulars_protocol::pages::Bundle::Till,
        bin: "regulars-till",
        placeholders: ["{{till_js}}", "{{till_wasm}}"],
        loaded_by: "the shop's tablets",
    },
    Bundle {
        of: regulars_protocol::pages::Bundle::Owner,
        bin: APP_PACKAGE,
        placeholders: ["{{owner_js}}", "{{owner_wasm}}"],
        loaded_by: "the owner",
    },
];

/// A bundle after wasm-bindgen (and wasm-opt).
struct Bound {
    bundle: &'static Bundle,
    js: PathBuf,
    wasm: PathBuf,
}
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Features the Rust toolchain enables for wasm32-unknown-unknown; wasm-opt must accept them all.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// `wasm-release`: size-optimised, then wasm-opt -Oz.
    Release,
    /// The dev profile: quick to compile, large, no wasm-opt.
    Dev,
}

/// What a build produced.
pub struct Dist {
    pub dir: PathBuf,
    /// Each bundle held against its size budget (release builds only).
    pub budgets: Vec<Verdict>,
}

pub fn build(profile: Profile) -> Result<Dist> {
    let start = Instant::now();
    ensure_wasm_target()?;
    let bindgen = ensure_wasm_bindgen_cli()?;

    cmd::step(&format!(
        "compiling {APP_PACKAGE} to {WASM_TARGET} ({profile:?})"
    ));
    let profile_arg = match profile {
        Profile::Release => "--profile=wasm-release",
        Profile::Dev => "--profile=dev",
    };
    let built = cmd::cargo_build(
        &[
            "-p",
            APP_PACKAGE,
            "--bins",
            "--target",
            WASM_TARGET,
            profile_arg,
        ],
        |m| {
            BUNDLES.iter().any(|b| m["target"]["name"] == b.bin)
                && m["target"]["kind"]
                    .as_array()
                    .is_some_and(|k| k.iter().any(|k| k == "bin"))
        },
    )?;

    let bound_dir = target_dir().join("wasm-bindgen");
    if bound_dir.exists() {
        fs::remove_dir_all(&bound_dir)
            .map_err(|e| format!("removing {}: {e}", bound_dir.display()))?;
    }
    let mut bound = Vec::new();
    for bundle in &BUNDLES {
        let wasm = built
            .iter()
            .find(|f| {
                f.extension().is_some_and(|e| e == "wasm")
                    && f.file_stem()
                        .is_some_and(|stem| stem.to_string_lossy().replace('_', "-") == bundle.bin)
            })
            .ok_or_else(|| {
                format!(
                    "cargo built no {}.wasm (see [[bin]] in app/Cargo.toml)",
                    bundle.bin
                )
            })?;
        cmd::step(&format!("wasm-bindgen ({})", bundle.name()));
        let out = bound_dir.join(bundle.name());
        cmd::run(
            Command::new(&bindgen)
                .args([
                    "--target",
                    "web",
                    "--no-typescript",
                    "--out-name",
                    bundle.name(),
                    "--out-dir",
                ])
                .arg(&out)
                .arg(wasm),
        )?;
        let wasm = out.join(format!("{}_bg.wasm", bundle.name()));
        if profile == Profile::Release {
            optimise(&wasm, "-Oz")?;
        }
        bound.push(Bound {
            bundle,
            js: out.join(format!("{}.js", bundle.name())),
            wasm,
        });
    }

    let scanner = scanner::build(profile, &bindgen)?;

    cmd::step("writing dist/");
    let previous = fs::read_to_string(root().join("dist/build.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .filter(|manifest| manifest["profile"] == "release")
        .map(|manifest| manifest["sizes"].clone());
    let mut dist = write_dist(&bound, &scanner, profile)?;
    eprintln!("built {} in {}", dist.dir.display(), cmd::secs(start));
    let sizes = print_sizes(&dist.dir)?;
    if profile == Profile::Release {
        dist.budgets = budget::check(&sizes, previous.as_ref())?;
    }
    Ok(dist)
}

/// The wasm target comes with the toolchain file; add it if this rustup did not.
fn ensure_wasm_target() -> Result {
    let sysroot = cmd::output(
        Command::new("rustc")
            .args(["--print", "sysroot"])
            .current_dir(root()),
    )
    .map(|out| String::from_utf8_lossy(&out).trim().to_string());
    let installed = sysroot
        .as_deref()
        .is_some_and(|s| Path::new(s).join("lib/rustlib").join(WASM_TARGET).is_dir());
    if installed {
        return Ok(());
    }
    if !cmd::exists("rustup") {
        return Err(format!(
            "the Rust target {WASM_TARGET} is missing and rustup is not installed"
        ));
    }
    cmd::step(&format!("installing the Rust target {WASM_TARGET}"));
    cmd::run(
        Command::new("rustup")
            .args(["target", "add", WASM_TARGET])
            .current_dir(root()),
    )
}

/// The version of `wasm-bindgen` that Cargo.lock pins.
fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(version.trim_matches('"').to_string());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// `wasm-bindgen` (and `wasm-bindgen-test-runner`) at exactly the locked version, installed with
/// `cargo install` when missing or different. Returns the program to call.
pub fn ensure_wasm_bindgen_cli() -> Result<PathBuf> {
    let wanted = locked_wasm_bindgen_version()?;
    let have = cmd::output(Command::new("wasm-bindgen").arg("--version"))
        .map(|out| String::from_utf8_lossy(&out).trim().to_string());
    let matches =
        have.as_deref().and_then(|v| v.split_whitespace().nth(1)) == Some(wanted.as_str());
    if !matches {
        cmd::step(&format!(
            "installing wasm-bindgen-cli {wanted} (found: {})",
            have.as_deref().unwrap_or("none")
        ));
        let install = |locked: bool| {
            let mut command = cmd::cargo();
            command.arg("install");
            if locked {
                command.arg("--locked");
            }
            cmd::run(command.args(["--force", "wasm-bindgen-cli", "--version", &wanted]))
        };
        // The CLI's own lockfile can name a dependency version the registry no longer offers
        // (yanked, or a mirror behind it); then resolve afresh within the CLI's requirements.
        if let Err(locked_failed) = install(true) {
            cmd::step(&format!(
                "{locked_failed}; installing wasm-bindgen-cli {wanted} without its lockfile"
            ));
            install(false)?;
        }
    }
    Ok(PathBuf::from("wasm-bindgen"))
}

/// `npm ci` in end2end/ when node_modules is missing or older than the lockfile. Browsers are
/// never downloaded: the tests use Debian's Chromium.
pub fn ensure_node_modules() -> Result {
    let end2end = &root().join("end2end");
    let marker = end2end.join("node_modules/.package-lock.json");
    let lock = end2end.join("package-lock.json");
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&marker), modified(&lock)) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    };
    if fresh && end2end.join("node_modules/.bin/playwright").is_file() {
        return Ok(());
    }
    cmd::step("npm ci in end2end/");
    cmd::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(end2end)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

/// wasm-opt from end2end/node_modules (npm `binaryen`, pinned in its lockfile). Debian's binaryen is
/// too old for what rustc emits, so it is never used. Without it the build still works, larger.
/// `level` is wasm-opt's optimisation flag (`-Oz` for size, `-O3` for speed).
fn optimise(wasm: &Path, level: &str) -> Result {
    let wasm_opt = root().join("end2end/node_modules/.bin/wasm-opt");
    if !wasm_opt.is_file()
        && cmd::exists("npm")
        && let Err(message) = ensure_node_modules()
    {
        eprintln!("note: {message}");
    }
    if !wasm_opt.is_file() {
        eprintln!(
            "note: {} is missing (run `npm ci` in end2end/); the wasm is not run through wasm-opt",
            wasm_opt.display()
        );
        return Ok(());
    }
    cmd::step(&format!("wasm-opt {level}"));
    let optimised = wasm.with_extension("opt.wasm");
    cmd::run(
        Command::new(&wasm_opt)
            .arg(wasm)
            .args([level, "--strip-debug", "--strip-producers"])
            .args(WASM_OPT_FEATURES)
            .arg("-o")
            .arg(&optimised),
    )?;
    fs::rename(&optimised, wasm).map_err(|e| format!("replacing {}: {e}", wasm.display()))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The first 16 hex digits of the SHA-256 of `bytes`: the content part of a file name.
fn short_hash(bytes: &[u8]) -> String {
    sha256_hex(bytes)[..16].to_string()
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    fs::write(path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))
}

fn write_dist(bound: &[Bound], scanner: &scanner::Bound, profile: Profile) -> Result<Dist> {
    let root = root();
    let staging = root.join("dist.partial");
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(|e| format!("removing {}: {e}", staging.display()))?;
    }
    let assets = staging.join("assets");

    // Each bundle's glue and module under content-hashed names: (bundle, js name, wasm name).
    let mut written = Vec::new();
    for b in bound {
        let (js_name, wasm_name) = write_bundle(b, &assets)?;
        written.push((b.bundle, js_name, wasm_name));
    }

    let css = inline_css_imports(&root.join("style/main.css"), 0)?;
    let css_name = format!("main-{}.css", short_hash(css.as_bytes()));
    write(&assets.join(&css_name), css.as_bytes())?;

    let scanner = scanner::write_assets(scanner, &assets)?;

    // Everything in public/ but the template.
    let public = root.join("public");
    let mut public_files = Vec::new();
    if public.is_dir() {
        collect_files(&public, &mut public_files)?;
    }
    for file in &public_files {
        let relative = file.strip_prefix(&public).expect("listed under public/");
        if relative == Path::new("index.html") || relative == Path::new("sw.js") {
            continue;
        }
        if relative == Path::new("boot.js") {
            let boot = script_with_path_rule(file)?;
            if boot.contains("{{") {
                return Err("public/boot.js has an unknown placeholder".to_string());
            }
            write(&staging.join(relative), boot.as_bytes())?;
            continue;
        }
        write(&staging.join(relative), &read(file)?)?;
    }

    let template_path = public.join("index.html");
    let template = String::from_utf8(read(&template_path)?)
        .map_err(|_| "public/index.html is not UTF-8".to_string())?;
    let mut index = template
        .replace("{{css}}", &format!("/assets/{css_name}"))
        .replace("{{scanner}}", &scanner.worker);
    for (bundle, js_name, wasm_name) in &written {
        let [js, wasm] = bundle.placeholders;
        if !index.contains(js) || !index.contains(wasm) {
            return Err(format!(
                "public/index.html does not name the {} bundle ({js}, {wasm})",
                bundle.name()
            ));
        }
        index = index
            .replace(js, &format!("/assets/{js_name}"))
            .replace(wasm, &format!("/assets/{wasm_name}"));
    }
    // A page per bundle from the one template, each preloading the bundle it starts with (the
    // server sends it for that bundle's addresses).
    for (bundle, js_name, wasm_name) in &written {
        let page = bundle.of.page();
        let html = index
            .replace("{{preload_js}}", &format!("/assets/{js_name}"))
            .replace("{{preload_wasm}}", &format!("/assets/{wasm_name}"));
        if let Some(at) = html.find("{{") {
            let rest: String = html[at..].chars().take(30).collect();
            return Err(format!(
                "public/index.html has an unknown placeholder: {rest}"
            ));
        }
        write(&staging.join(page), html.as_bytes())?;
    }

    // build.json: every file with size and hash; the build id is a hash over all of them.
    let mut files = Vec::new();
    collect_files(&staging, &mut files)?;
    let mut entries = BTreeMap::new();
    let mut id_hasher = Sha256::new();
    for file in &files {
        let bytes = read(file)?;
        let path = format!(
            "/{}",
            file.strip_prefix(&staging)
                .expect("under dist")
                .to_string_lossy()
                .replace('\\', "/")
        );
        let hash = sha256_hex(&bytes);
        id_hasher.update(path.as_bytes());
        id_hasher.update(hash.as_bytes());
        entries.insert(
            path,
            serde_json::json!({ "bytes": bytes.len(), "sha256": hash }),
        );
    }
    let build_id = sha256_hex(&id_hasher.finalize())[..16].to_string();

    // The service worker: a cache per build, precaching the app shell under its hashed names.
    // What only the till loads (its bundle, the QR decoder worker) and what only the owner's
    // pages load are lists of their own, which a shopper's phone never downloads.
    let mut by_bundle: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (bundle, js_name, wasm_name) in &written {
        if bundle.of == regulars_protocol::pages::Bundle::Shopper {
            continue;
        }
        let files = by_bundle.entry(bundle.name()).or_default();
        files.push(format!("/assets/{js_name}"));
        files.push(format!("/assets/{wasm_name}"));
        if bundle.of == regulars_protocol::pages::Bundle::Till {
            files.push(format!("/assets/{}", scanner.wasm_name));
            files.push(format!("/assets/{}", scanner.glue_name));
            files.push(format!("/assets/{}", scanner.worker_name));
        }
    }
    let kept_apart: Vec<&String> = by_bundle.values().flatten().collect();
    for file in &kept_apart {
        if !entries.contains_key(*file) {
            return Err(format!("{file} is not in dist/"));
        }
    }
    let precache: Vec<&String> = entries
        .keys()
        .filter(|path| !kept_apart.contains(path))
        .collect();
    let pages: BTreeMap<&str, String> = regulars_protocol::pages::Bundle::ALL
        .iter()
        .map(|b| (b.name(), format!("/{}", b.page())))
        .collect();
    let worker = script_with_path_rule(&public.join("sw.js"))?
        .replace("{{cache}}", &format!("regulars-{build_id}"))
        .replace(
            "{{precache}}",
            &serde_json::to_string(&precache).expect("strings serialise"),
        )
        .replace(
            "{{precache_bundles}}",
            &serde_json::to_string(&by_bundle).expect("strings serialise"),
        )
        .replace(
            "{{pages}}",
            &serde_json::to_string(&pages).expect("strings serialise"),
        );
    if worker.contains("{{") {
        return Err("public/sw.js has an unknown placeholder".to_string());
    }
    write(&staging.join("sw.js"), worker.as_bytes())?;
    let css_size = Sizes::of(&assets.join(&css_name))?.to_json();
    let mut entry = serde_json::Map::new();
    let mut sizes = serde_json::Map::new();
    for (bundle, js_name, wasm_name) in &written {
        entry.insert(
            bundle.name().into(),
            serde_json::json!({ "js": format!("/assets/{js_name}"), "wasm": format!("/assets/{wasm_name}") }),
        );
        sizes.insert(
            bundle.name().into(),
            serde_json::json!({
                "wasm": Sizes::of(&assets.join(wasm_name))?.to_json(),
                "js": Sizes::of(&assets.join(js_name))?.to_json(),
                "css": css_size,
            }),
        );
    }
    entry.insert("css".into(), format!("/assets/{css_name}").into());
    entry.insert("scanner_worker".into(), scanner.worker.clone().into());
    // Not part of an app payload: only a till without BarcodeDetector loads it.
    sizes.insert(
        "scanner".into(),
        serde_json::json!({
            "wasm": Sizes::of(&assets.join(&scanner.wasm_name))?.to_json(),
            "js": Sizes::of(&assets.join(&scanner.glue_name))?.to_json(),
            "worker": Sizes::of(&assets.join(&scanner.worker_name))?.to_json(),
        }),
    );
    let manifest = serde_json::json!({
        "build_id": build_id,
        "profile": match profile { Profile::Release => "release", Profile::Dev => "dev" },
        "entry": entry,
        "sizes": sizes,
        "precache": precache,
        "precache_bundles": by_bundle,
        "files": entries,
    });
    let json = serde_json::to_string_pretty(&manifest).expect("JSON values serialise");
    write(&staging.join("build.json"), format!("{json}\n").as_bytes())?;

    // Each asset's brotli and gzip copies at the highest levels, which the server sends to a
    // browser that takes them (on-the-fly compression uses less effort and sends more bytes).
    // Written after the lists above, so no service worker precaches them as files of their own.
    precompress(&assets)?;

    // Swap in the new dist/ at once, so a running server never serves half a build.
    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("removing {}: {e}", dist.display()))?;
    }
    fs::rename(&staging, &dist)
        .map_err(|e| format!("renaming {} to dist: {e}", staging.display()))?;
    Ok(Dist {
        dir: dist,
        budgets: Vec::new(),
    })
}

/// Writes `NAME.br` and `NAME.gz` beside every wasm, JS and CSS file under `assets`, when
/// `brotli` and `gzip` are installed (without them the server compresses on the fly).
fn precompress(assets: &Path) -> Result {
    let mut files = Vec::new();
    collect_files(assets, &mut files)?;
    for file in files {
        let compressible = file
            .extension()
            .is_some_and(|e| e == "wasm" || e == "js" || e == "css");
        if !compressible {
            continue;
        }
        for (tool, args, ext) in [
            ("brotli", ["-q", "11", "-c"], "br"),
            ("gzip", ["-9", "-n", "-c"], "gz"),
        ] {
            if let Some(bytes) = cmd::output(Command::new(tool).args(args).arg(&file)) {
                let mut name = file.clone().into_os_string();
                name.push(format!(".{ext}"));
                write(Path::new(&name), &bytes)?;
            }
        }
    }
    Ok(())
}

/// A script of public/ with `{{bundle_for_path}}` replaced by the rule that picks a bundle
/// ([`regulars_protocol::pages::bundle_for_path_js`], a JavaScript function), so the scripts
/// never repeat it by hand.
fn script_with_path_rule(path: &Path) -> Result<String> {
    let script =
        String::from_utf8(read(path)?).map_err(|_| format!("{} is not UTF-8", path.display()))?;
    if !script.contains("{{bundle_for_path}}") {
        return Err(format!(
            "{} does not use {{{{bundle_for_path}}}}",
            path.display()
        ));
    }
    Ok(script.replace(
        "{{bundle_for_path}}",
        &regulars_protocol::pages::bundle_for_path_js(),
    ))
}

/// Writes one bundle's glue (with its wasm-bindgen snippets) and module to `assets` under
/// content-hashed names; returns the two names.
fn write_bundle(b: &Bound, assets: &Path) -> Result<(String, String)> {
    // wasm-bindgen snippets (inline JS of dependencies) sit beside the glue; give their folder a
    // content hash too, so every file under /assets/ can be cached for ever.
    let mut js =
        String::from_utf8(read(&b.js)?).map_err(|_| "the JS glue is not UTF-8".to_string())?;
    let snippets = b.js.with_file_name("snippets");
    if snippets.is_dir() {
        let mut files = Vec::new();
        collect_files(&snippets, &mut files)?;
        let mut hasher = Sha256::new();
        for file in &files {
            hasher.update(
                file.strip_prefix(&snippets)
                    .unwrap_or(file)
                    .to_string_lossy()
                    .as_bytes(),
            );
            hasher.update(read(file)?);
        }
        let dir_name = format!("snippets-{}", &sha256_hex(&hasher.finalize())[..16]);
        copy_tree(&snippets, &assets.join(&dir_name))?;
        js = js.replace("./snippets/", &format!("./{dir_name}/"));
    }
    let wasm = read(&b.wasm)?;
    let name = b.bundle.name();
    let wasm_name = format!("{name}-{}_bg.wasm", short_hash(&wasm));
    let js_name = format!("{name}-{}.js", short_hash(js.as_bytes()));
    write(&assets.join(&wasm_name), &wasm)?;
    write(&assets.join(&js_name), js.as_bytes())?;
    Ok((js_name, wasm_name))
}

/// CSS with `@import "x.css";` / `@import url(x.css);` replaced by the imported file, recursively.
fn inline_css_imports(path: &Path, depth: usize) -> Result<String> {
    if depth > 16 {
        return Err(format!("@import nesting too deep at {}", path.display()));
    }
    let text =
        String::from_utf8(read(path)?).map_err(|_| format!("{} is not UTF-8", path.display()))?;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("@import") {
            let target = rest
                .trim()
                .trim_end_matches(';')
                .trim()
                .trim_start_matches("url(")
                .trim_end_matches(')')
                .trim_matches(|c| c == '"' || c == '\'');
            if !target.contains("://") && !target.contains(' ') {
                let imported = path.parent().unwrap_or(Path::new(".")).join(target);
                out.push_str(&format!("/* {target} */\n"));
                out.push_str(&inline_css_imports(&imported, depth + 1)?);
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                continue;
            }
        }
        out.push_str(line);
    }
    Ok(out)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("listing {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result {
    let mut files = Vec::new();
    collect_files(from, &mut files)?;
    for file in files {
        write(
            &to.join(file.strip_prefix(from).expect("listed under from")),
            &read(&file)?,
        )?;
    }
    Ok(())
}

/// Raw, gzip -9 and brotli -q 11 sizes of one file (`None` when the tool is missing).
struct Sizes {
    raw: u64,
    gzip: Option<u64>,
    brotli: Option<u64>,
}

impl Sizes {
    fn of(path: &Path) -> Result<Sizes> {
        let raw = fs::metadata(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .len();
        let gzip =
            cmd::output(Command::new("gzip").args(["-9", "-c"]).arg(path)).map(|b| b.len() as u64);
        let brotli = cmd::output(Command::new("brotli").args(["-q", "11", "-c"]).arg(path))
            .map(|b| b.len() as u64);
        Ok(Sizes { raw, gzip, brotli })
    }

    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "raw": self.raw, "gzip": self.gzip, "brotli": self.brotli })
    }
}

fn kib(bytes: Option<u64>) -> String {
    match bytes {
        Some(b) => format!("{:.1} KiB", b as f64 / 1024.0),
        None => "n/a".into(),
    }
}

/// The payload table, from `dist/build.json`.
/// Prints the payload of each bundle and returns `build.json`'s sizes.
fn print_sizes(dist: &Path) -> Result<serde_json::Value> {
    let path = dist.join("build.json");
    let text = fs::read_to_string(&path).map_err(|e| {
        format!(
            "reading {} ({e}); run `cargo xtask build` first",
            path.display()
        )
    })?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let sizes = &manifest["sizes"];
    println!(
        "\napp payload ({} build {}):",
        manifest["profile"].as_str().unwrap_or("?"),
        manifest["build_id"].as_str().unwrap_or("?")
    );
    for bundle in &BUNDLES {
        println!("{} bundle, loaded by {}:", bundle.name(), bundle.loaded_by);
        print_payload(&sizes[bundle.name()]);
    }
    let scanner = &sizes["scanner"];
    if scanner.is_object() {
        let sum = |key: &str| -> Option<u64> {
            ["wasm", "js", "worker"]
                .iter()
                .map(|part| scanner[part][key].as_u64())
                .sum()
        };
        println!(
            "till QR decoder worker, fetched only by tills without BarcodeDetector:\n  {:<6} {:>12} {:>12} {:>12}",
            "",
            kib(sum("raw")),
            kib(sum("gzip")),
            kib(sum("brotli"))
        );
    }
    Ok(sizes.clone())
}

/// One bundle's rows (wasm, js, css) and their total, raw, gzip and brotli.
fn print_payload(sizes: &serde_json::Value) {
    println!(
        "  {:<6} {:>12} {:>12} {:>12}",
        "", "raw", "gzip -9", "brotli -q11"
    );
    let mut total = [0u64; 3];
    let mut complete = [true; 3];
    for kind in ["wasm", "js", "css"] {
        let s = &sizes[kind];
        let values = [s["raw"].as_u64(), s["gzip"].as_u64(), s["brotli"].as_u64()];
        for (i, v) in values.iter().enumerate() {
            match v {
                Some(v) => total[i] += v,
                None => complete[i] = false,
            }
        }
        println!(
            "  {:<6} {:>12} {:>12} {:>12}",
            kind,
            kib(values[0]),
            kib(values[1]),
            kib(values[2])
        );
    }
    let t = |i: usize| if complete[i] { Some(total[i]) } else { None };
    println!(
        "  {:<6} {:>12} {:>12} {:>12}",
        "total",
        kib(t(0)),
        kib(t(1)),
        kib(t(2))
    );
}

pub fn print_size_of_last_build() -> Result {
    print_sizes(&root().join("dist")).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_imports_are_inlined_in_place() {
        let dir = std::env::temp_dir().join(format!("regulars-xtask-css-{}", std::process::id()));
        fs::create_dir_all(dir.join("parts")).expect("temp dir");
        fs::write(
            dir.join("main.css"),
            "@import \"parts/a.css\";\n@import url('b.css');\nbody { margin: 0 }\n",
        )
        .expect("write");
        fs::write(dir.join("parts/a.css"), ".a { color: red }\n").expect("write");
        fs::write(dir.join("b.css"), ".b { color: blue }").expect("write");
        let css = inline_css_imports(&dir.join("main.css"), 0).expect("inlines");
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(
            css,
            "/* parts/a.css */\n.a { color: red }\n/* b.css */\n.b { color: blue }\nbody { margin: 0 }\n"
        );
    }

    #[test]
    fn hashes_are_sixteen_hex_digits() {
        assert_eq!(short_hash(b"regulars").len(), 16);
        assert!(
            short_hash(b"regulars")
                .chars()
                .all(|c| c.is_ascii_hexdigit())
        );
        assert_ne!(short_hash(b"a"), short_hash(b"b"));
    }

    #[test]
    fn the_lockfile_pins_wasm_bindgen() {
        let version = locked_wasm_bindgen_version().expect("Cargo.lock lists wasm-bindgen");
        assert!(version.starts_with("0.2."), "{version}");
    }
}
