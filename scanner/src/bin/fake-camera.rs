//! Camera input for tests and benchmarks, made from a card code.
//!
//! ```text
//! fake-camera video CODE OUT.y4m [--frames N]
//!     a phone held up to the till's camera showing CODE: a 640x480 YUV4MPEG2 video for
//!     Chromium's --use-file-for-fake-video-capture (it loops the file)
//! fake-camera frames OUT_DIR [--count N] [--size WxH] [--set tuned|held-out]
//!     N varied grayscale frames for the decoder benchmark: OUT_DIR/frames.bin (the frames one
//!     after the other, one byte a pixel) and OUT_DIR/frames.json (size, count, each frame's code
//!     and what makes it hard). `tuned` (the default) is the set the decoder was tuned on,
//!     `held-out` one nothing was tuned on; both are fixed seeds in `synth`.
//! ```
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use regulars_scanner::synth;

const USAGE: &str = "usage:
  fake-camera video CODE OUT.y4m [--frames N]
  fake-camera frames OUT_DIR [--count N] [--size WxH] [--set tuned|held-out]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("video") => video(&args[1..]),
        Some("frames") => frames(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("fake-camera: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--name value` pairs.
type Options<'a> = Vec<(&'a str, &'a str)>;

/// Positional arguments and `--name value` options.
fn split(args: &[String]) -> Result<(Vec<&str>, Options<'_>), String> {
    let (mut positional, mut options) = (Vec::new(), Vec::new());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if let Some(name) = arg.strip_prefix("--") {
            let value = args
                .next()
                .ok_or_else(|| format!("--{name} needs a value\n{USAGE}"))?;
            options.push((name, value.as_str()));
        } else {
            positional.push(arg.as_str());
        }
    }
    Ok((positional, options))
}

fn number(options: &[(&str, &str)], name: &str, default: usize) -> Result<usize, String> {
    match options.iter().find(|(n, _)| *n == name) {
        Some((_, value)) => value
            .parse()
            .map_err(|_| format!("--{name} {value:?} is not a number")),
        None => Ok(default),
    }
}

fn video(args: &[String]) -> Result<(), String> {
    let (positional, options) = split(args)?;
    let [code, out] = positional.as_slice() else {
        return Err(USAGE.to_string());
    };
    let count = number(&options, "frames", 8)?.max(1);
    let frames: Vec<_> = (0..count as u64)
        .map(|i| synth::held_phone(code, i))
        .collect();
    write(&PathBuf::from(out), &synth::y4m(&frames, 30))
}

fn frames(args: &[String]) -> Result<(), String> {
    let (positional, options) = split(args)?;
    let [dir] = positional.as_slice() else {
        return Err(USAGE.to_string());
    };
    let count = number(&options, "count", 240)?;
    let (width, height) = match options.iter().find(|(n, _)| *n == "size") {
        Some((_, size)) => size
            .split_once('x')
            .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
            .ok_or_else(|| format!("--size {size:?} is not WIDTHxHEIGHT"))?,
        None => (640usize, 480usize),
    };
    let set = match options
        .iter()
        .find(|(n, _)| *n == "set")
        .map(|(_, v)| &v[..])
    {
        None | Some("tuned") => synth::TUNED_SET,
        Some("held-out") => synth::HELD_OUT_SET,
        Some(other) => return Err(format!("--set {other:?} is neither tuned nor held-out")),
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let mut pixels = Vec::with_capacity(count * width * height);
    let mut codes = Vec::with_capacity(count);
    let mut shots = Vec::with_capacity(count);
    for i in 0..count {
        let varied = synth::varied_shot(set, i as u64, width, height);
        let (frame, code) = (varied.render(), &varied.code);
        let modules = synth::QrModules::new(code).size_with_quiet_zone() as f64;
        let shot = &varied.shot;
        shots.push(format!(
            "{{\"phone\": {}, \"module_px\": {:.2}, \"qr_side\": {:.1}, \"blur\": {}, \"angle\": {:.1}, \"tilt\": [{:.1}, {:.1}], \"contrast\": [{:.0}, {:.0}], \"noise\": {:.1}, \"offset\": [{:.1}, {:.1}]}}",
            varied.phone,
            varied.qr_side / modules,
            varied.qr_side,
            shot.blur,
            shot.angle,
            shot.tilt.0,
            shot.tilt.1,
            shot.contrast.0,
            shot.contrast.1,
            shot.noise,
            shot.offset.0,
            shot.offset.1,
        ));
        pixels.extend_from_slice(&frame.pixels);
        codes.push(format!("{code:?}"));
    }
    write(&dir.join("frames.bin"), &pixels)?;
    let json = format!(
        "{{\"set\": {set}, \"width\": {width}, \"height\": {height}, \"count\": {count}, \"codes\": [{}], \"shots\": [{}]}}\n",
        codes.join(", "),
        shots.join(", ")
    );
    write(&dir.join("frames.json"), json.as_bytes())
}

fn write(path: &PathBuf, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))
}
