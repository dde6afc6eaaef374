//! What the decoder reads of the benchmark's frames, natively, pass by pass: for tuning the
//! till's chain without a browser. The rates are the worker's (the same code, the same
//! frames); the times are not (the worker in Chromium is slower, and this machine may be
//! busy): `bench/scan.sh` measures those.
//!
//! ```text
//! cargo run --release -p regulars-scanner --example tune -- [tuned|held-out] [DECODER]
//!     [--frames N] [--only I,J,...] [--why]
//! ```
//!
//! DECODER is the worker's name for one (`chain`, the till's, by default; `rqrr`, `rxing-cpp`,
//! `rxing-java`). `--why` asks, of each frame missed within three passes, whether it can be
//! read at all: by the grid reader given the code's true position (which a synthetic frame
//! knows), and by rxing's zxing-cpp reader with no limit on time, on the frame enlarged and
//! sharpened several ways. The frames are kept under `target/tmp` between runs.
#![forbid(unsafe_code)]

use std::time::Instant;

use regulars_scanner::{Decoder, Gray, Pass, decode_pass_with, grid, prepare, read_with, synth};

/// Frames of a set, rendered once and then read from a file.
fn frames(set: u64, name: &str, count: usize) -> Vec<(Gray, String)> {
    let (w, h) = (640, 480);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/tmp");
    let path = dir.join(format!("tune-frames-{name}-{count}.bin"));
    let codes = (0..count as u64).map(|i| synth::varied_shot(set, i, w, h).code);
    if let Ok(bytes) = std::fs::read(&path)
        && bytes.len() == count * w * h
    {
        return bytes
            .chunks_exact(w * h)
            .zip(codes)
            .map(|(pixels, code)| (Gray::new(w, h, pixels.to_vec()).expect("w x h"), code))
            .collect();
    }
    let frames: Vec<_> = (0..count as u64)
        .map(|i| synth::varied_frame_of(set, i, w, h))
        .collect();
    let bytes: Vec<u8> = frames.iter().flat_map(|(g, _)| g.pixels.clone()).collect();
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(&path, bytes);
    }
    frames
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0 * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[rank]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|&(i, a)| {
            !a.starts_with("--")
                && (i == 0 || !matches!(args[i - 1].as_str(), "--frames" | "--only"))
        })
        .map(|(_, a)| a)
        .collect();
    let set_name = positional.first().map_or("tuned", |s| s.as_str());
    let set = match set_name {
        "tuned" => synth::TUNED_SET,
        "held-out" => synth::HELD_OUT_SET,
        other => panic!("no frame set {other:?}: tuned or held-out"),
    };
    let decoder = positional.get(1).map_or(Decoder::Chain, |name| {
        Decoder::from_name(name).unwrap_or_else(|| panic!("no decoder {name:?}"))
    });
    let count: usize = option("--frames").map_or(240, |n| n.parse().expect("--frames N"));
    let only: Option<Vec<usize>> =
        option("--only").map(|list| list.split(',').map(|i| i.parse().expect("I,J")).collect());
    let frames = frames(set, set_name, count);
    let chosen: Vec<usize> = (0..frames.len())
        .filter(|i| only.as_ref().is_none_or(|o| o.contains(i)))
        .collect();

    let mut read = vec![[false; 3]; frames.len()];
    let mut times: [Vec<f64>; 3] = Default::default();
    for (pass, times) in Pass::ALL.into_iter().zip(&mut times) {
        for &i in &chosen {
            let (frame, code) = &frames[i];
            let started = Instant::now();
            let texts = decode_pass_with(frame, pass, decoder);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            read[i][pass as usize] = texts == [code.clone()];
        }
    }
    let n = chosen.len();
    let share = |k: usize| format!("{k}/{n} ({:.1} %)", 100.0 * k as f64 / n as f64);
    let first = chosen.iter().filter(|&&i| read[i][0]).count();
    let missed: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|&i| !read[i].contains(&true))
        .collect();
    let by_pass = [0, 1, 2].map(|p| chosen.iter().filter(|&&i| read[i][p]).count());
    println!(
        "{set_name} set, {}: first frame {}, within three {}; each pass alone {by_pass:?}",
        decoder.name(),
        share(first),
        share(n - missed.len()),
    );
    for (pass, t) in Pass::ALL.iter().zip(&times) {
        println!(
            "  {pass:?}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            percentile(t, 50.0),
            percentile(t, 95.0),
            percentile(t, 100.0)
        );
    }
    println!("  missed within three: {missed:?}");
    for &i in &missed {
        let shot = synth::varied_shot(set, i as u64, 640, 480);
        let s = &shot.shot;
        let modules = synth::QrModules::new(&shot.code).size_with_quiet_zone() as f64;
        println!(
            "    #{i} {} {:.1} px/module, blur {}, noise {:.1}, contrast {:.0}-{:.0}, turned {:.0}, tilt ({:.0}, {:.0}), offset ({:.0}, {:.0}){}",
            if shot.phone { "phone" } else { "card" },
            shot.qr_side / modules,
            s.blur,
            s.noise,
            s.contrast.0,
            s.contrast.1,
            s.angle,
            s.tilt.0,
            s.tilt.1,
            s.offset.0,
            s.offset.1,
            if args.iter().any(|a| a == "--why") {
                why(&frames[i].0, &shot)
            } else {
                String::new()
            }
        );
    }
}

/// Whether a missed frame can be read at all, and by what.
fn why(frame: &Gray, shot: &synth::VariedShot) -> String {
    let size = synth::QrModules::new(&shot.code).size() as f64;
    let at = |x: f64, y: f64| {
        let (px, py) = shot.module_to_pixel(x, y);
        (px as f32, py as f32)
    };
    let points = [
        at(3.5, 3.5),
        at(size - 3.5, 3.5),
        at(3.5, size - 3.5),
        at(size - 6.5, size - 6.5),
    ];
    let exact = grid::read_at(frame, size as usize, points).as_deref() == Some(&*shot.code);
    let sharpened = prepare(frame, Pass::Sharpened).into_owned();
    let unlimited: Vec<(&str, Gray)> = vec![
        ("x1.5", frame.enlarged(1.5)),
        ("x2", frame.enlarged(2.0)),
        ("x3", frame.enlarged(3.0)),
        ("sharpened", sharpened.clone()),
        ("sharpened x2", sharpened.enlarged(2.0)),
        (
            "x2 sharpened",
            prepare(&frame.enlarged(2.0), Pass::Sharpened).into_owned(),
        ),
        ("smoothed x2", frame.smoothed().enlarged(2.0)),
    ];
    let zxing: Vec<&str> = unlimited
        .iter()
        .filter(|(_, image)| read_with(image, Decoder::ZxingCpp) == [shot.code.clone()])
        .map(|(name, _)| *name)
        .collect();
    format!(
        "\n      grid reader at the true position: {}; zxing-cpp, no time limit: {}",
        if exact {
            "reads it"
        } else {
            "does not read it"
        },
        if zxing.is_empty() {
            "reads it no way tried (x1.5, x2, x3, sharpened, sharpened x2, x2 sharpened, smoothed x2)".to_string()
        } else {
            format!("reads it {}", zxing.join(", "))
        }
    )
}
