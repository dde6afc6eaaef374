//! The decoder reads our own card QR codes (R2 from a phone, R3 printed, error correction M) as
//! a till's camera sees them: at several sizes, turned all the way round, tilted, blurred, noisy,
//! at low contrast and with a corner past the frame's edge. The frames are made by
//! `regulars_scanner::synth`.
//!
//! These run in a dedicated Web Worker in headless Chromium (`cargo test -p regulars-scanner
//! --target wasm32-unknown-unknown`, the wasm level of `cargo xtask test`), which is where the
//! till runs the decoder, and natively as ordinary tests.

use regulars_scanner::synth::{self, PhoneScreen, QrLabel, QrModules, Shot};
use regulars_scanner::{
    Decoder, Gray, MAX_SIDE, Pass, decode, decode_frame, decode_pass, decode_pass_with, grid,
    read_with,
};
use wasm_bindgen_test::*;

// In a worker, like the till's decoder; the page stays free to report progress.
wasm_bindgen_test_configure!(run_in_dedicated_worker);

fn codes() -> [String; 2] {
    [synth::rotating_code(1), synth::printed_code(2)]
}

/// A QR label shot with `shot`, pixels per module given instead of the size.
fn label(code: &str, module_px: f64, shot: Shot) -> Gray {
    let qr = QrModules::new(code);
    let size = module_px * qr.size_with_quiet_zone() as f64;
    synth::render(&QrLabel(qr), &Shot { size, ..shot })
}

#[track_caller]
fn assert_reads(frame: &Gray, code: &str, case: &str) {
    let texts = decode(frame);
    assert_eq!(texts, vec![code.to_string()], "{case}: read {texts:?}");
}

#[wasm_bindgen_test(unsupported = test)]
fn card_codes_are_read_at_several_sizes() {
    let [phone, printed] = codes();
    for (width, height) in [(320, 240), (640, 480), (960, 720)] {
        // From a little over 3 pixels a module to a code filling most of the frame.
        let largest = (height as f64 * 0.9) / 49.0;
        for (module_px, code) in [
            (3.2, &phone),
            (4.0, &printed),
            (largest, &phone),
            (3.2, &printed),
        ] {
            let shot = Shot {
                width,
                height,
                ..Shot::default()
            };
            let frame = label(code, module_px, shot);
            assert_reads(
                &frame,
                code,
                &format!("{width}x{height}, {module_px:.1} px a module"),
            );
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn card_codes_are_read_turned_all_the_way_round() {
    for (i, angle) in (0..360).step_by(10).enumerate() {
        let code = &codes()[i % 2];
        let shot = Shot {
            angle: f64::from(angle),
            ..Shot::default()
        };
        assert_reads(
            &label(code, 5.0, shot),
            code,
            &format!("turned {angle} degrees"),
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn card_codes_are_read_tilted_away_from_the_camera() {
    let tilts = [
        (35.0, 0.0),
        (-35.0, 0.0),
        (0.0, 35.0),
        (0.0, -35.0),
        (25.0, 25.0),
        (-25.0, 20.0),
        (30.0, -25.0),
    ];
    for (i, tilt) in tilts.into_iter().enumerate() {
        for (j, angle) in [0.0, 30.0, 200.0].into_iter().enumerate() {
            let code = &codes()[(i + j) % 2];
            let shot = Shot {
                tilt,
                angle,
                ..Shot::default()
            };
            assert_reads(
                &label(code, 5.0, shot),
                code,
                &format!("tilted {tilt:?}, turned {angle}"),
            );
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn card_codes_are_read_through_blur() {
    for code in codes() {
        // Box radius r, three passes: about a Gaussian of sigma r + 0.5 pixels. The more blur,
        // the larger a module must be to survive it.
        for (blur, module_px) in [(1, 4.5), (1, 6.0), (2, 8.0), (3, 9.5)] {
            let shot = Shot {
                blur,
                angle: 12.0,
                ..Shot::default()
            };
            assert_reads(
                &label(&code, module_px, shot),
                &code,
                &format!("blur {blur} at {module_px} px a module"),
            );
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn card_codes_are_read_through_sensor_noise() {
    for code in codes() {
        for (noise, seed) in [(8.0, 1), (16.0, 2), (24.0, 3)] {
            let shot = Shot {
                noise,
                seed,
                angle: 5.0,
                blur: 1,
                ..Shot::default()
            };
            assert_reads(
                &label(&code, 5.0, shot),
                &code,
                &format!("noise sigma {noise}"),
            );
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn card_codes_are_read_at_low_contrast_and_in_uneven_light() {
    for code in codes() {
        for (contrast, light_falloff) in [
            ((90.0, 160.0), 0.0),
            ((110.0, 150.0), 0.0),
            ((0.0, 255.0), 0.5),
            ((40.0, 120.0), 0.3),
        ] {
            let shot = Shot {
                contrast,
                light_falloff,
                noise: 3.0,
                angle: 20.0,
                ..Shot::default()
            };
            assert_reads(
                &label(&code, 5.0, shot),
                &code,
                &format!("contrast {contrast:?}, light falloff {light_falloff}"),
            );
        }
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn a_phone_showing_the_card_is_read_with_everything_at_once() {
    for (i, code) in codes().into_iter().enumerate() {
        let shot = Shot {
            size: 700.0,
            offset: (20.0, -15.0),
            angle: 160.0 + 40.0 * i as f64,
            tilt: (15.0, -20.0),
            contrast: (30.0, 210.0),
            light_falloff: 0.25,
            blur: 1,
            noise: 8.0,
            seed: 9,
            ..Shot::default()
        };
        let frame = synth::render(&PhoneScreen(QrModules::new(&code)), &shot);
        assert_reads(&frame, &code, "phone screen");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn every_frame_of_the_fake_camera_video_is_read_most_at_the_first_pass() {
    for code in codes() {
        let mut first_pass = 0;
        for i in 0..8 {
            let frame = synth::held_phone(&code, i);
            assert_eq!(decode(&frame), vec![code.clone()], "frame {i}");
            first_pass += usize::from(decode_pass(&frame, Pass::Plain) == vec![code.clone()]);
        }
        assert!(
            first_pass >= 6,
            "only {first_pass} of 8 frames read at the first pass"
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn an_rgba_frame_larger_than_the_limit_is_made_to_fit_and_read() {
    let code = synth::printed_code(3);
    let frame = label(
        &code,
        9.0,
        Shot {
            width: 1280,
            height: 720,
            angle: 33.0,
            ..Shot::default()
        },
    );
    let rgba: Vec<u8> = frame.pixels.iter().flat_map(|&p| [p, p, p, 255]).collect();
    assert!(frame.width > MAX_SIDE);
    assert_eq!(
        decode_frame(1280, 720, &rgba, Pass::Plain, Decoder::Chain),
        Ok(vec![code])
    );
    assert!(decode_frame(1280, 719, &rgba, Pass::Plain, Decoder::Chain).is_err());
}

#[wasm_bindgen_test(unsupported = test)]
fn a_frame_without_a_code_reads_nothing() {
    let frame = synth::render(
        &PhoneScreen(QrModules::new(&synth::printed_code(4))),
        &Shot {
            offset: (2000.0, 0.0),
            noise: 6.0,
            ..Shot::default()
        },
    );
    assert!(decode(&frame).is_empty());
}

#[wasm_bindgen_test(unsupported = test)]
fn most_varied_benchmark_frames_are_read() {
    let total = 40;
    let read = (0..total)
        .filter(|&i| {
            let (frame, code) = synth::varied_frame(i, 640, 480);
            decode(&frame) == vec![code]
        })
        .count();
    assert!(
        read * 10 >= total as usize * 8,
        "only {read} of {total} varied frames were read"
    );
}

/// Benchmark frames (the tuned set) that rqrr, the till's only decoder before the chain, read
/// at none of its three passes: small, blurred, tilted or in poor light. rxing's zxing-cpp
/// reader, first in the chain, reads each at the first frame.
#[wasm_bindgen_test(unsupported = test)]
fn frames_rqrr_could_not_read_are_read_by_the_chain_at_the_first_frame() {
    for index in [45, 49, 65, 78, 82, 98, 114, 144] {
        let (frame, code) = synth::varied_frame(index, 640, 480);
        for pass in Pass::ALL {
            assert!(
                decode_pass_with(&frame, pass, Decoder::Rqrr).is_empty(),
                "frame {index}: rqrr reads it ({pass:?}): pick a frame it cannot"
            );
        }
        assert_eq!(
            decode_pass(&frame, Pass::Plain),
            vec![code],
            "frame {index} at the first frame"
        );
    }
}

/// Benchmark frames (the tuned set) the chain of rxing's zxing-cpp reader then rqrr read at none
/// of its three passes: corners of the code past the frame's edge (2, 50, 58, 112, 207, 234),
/// three to five pixels a module under the strongest blur (5, 36, 59, 67, 99, 180, 194) or
/// lighter blur and noise (66, 116, 126, 147, 162), large but blurred, tilted or dim (8, 76,
/// 81, 109, 159, 176, 192, 196, 205). The grid reader reads them all within three passes,
/// most at the first.
#[wasm_bindgen_test(unsupported = test)]
fn frames_the_chain_with_rqrr_missed_are_read_by_the_grid_reader() {
    let frames = [
        2, 50, 58, 112, 207, 234, 5, 36, 59, 67, 99, 180, 194, 66, 116, 126, 147, 162, 8, 76, 81,
        109, 159, 176, 192, 196, 205,
    ];
    let mut first = 0;
    for index in frames {
        let (frame, code) = synth::varied_frame(index, 640, 480);
        assert_eq!(decode(&frame), vec![code.clone()], "frame {index}");
        first += usize::from(decode_pass(&frame, Pass::Plain) == vec![code]);
    }
    assert!(
        first >= 20,
        "only {first} of {} read at the first pass",
        frames.len()
    );
}

/// A code whose top-right finder pattern is half past the frame's edge: two finder patterns
/// are found, the third's place follows from theirs, and the grid is fitted to the rest.
#[wasm_bindgen_test(unsupported = test)]
fn a_code_with_a_finder_pattern_cut_off_by_the_edge_is_read() {
    for (i, code) in codes().into_iter().enumerate() {
        let qr = QrModules::new(&code);
        let module_px = 8.5;
        let size = module_px * qr.size_with_quiet_zone() as f64;
        // The code's right edge 2.5 modules past the frame's: the top-right finder's outer
        // ring and part of its middle are cut off.
        let offset = 320.0 - size / 2.0 + (4.0 + 2.5) * module_px;
        let shot = Shot {
            size,
            offset: (offset, 0.0),
            angle: 4.0 * i as f64,
            tilt: (8.0, -6.0),
            blur: 1,
            noise: 4.0,
            ..Shot::default()
        };
        let frame = synth::render(&QrLabel(qr), &shot);
        assert!(
            read_with(&frame, Decoder::ZxingCpp).is_empty(),
            "rxing reads it: cut more off"
        );
        let finders = grid::find_finders(&frame.smoothed(), 1.0);
        assert_eq!(finders.len(), 2, "{finders:?}");
        assert_eq!(grid::read(&frame, &finders), Some(code.clone()));
        assert_eq!(decode_pass(&frame, Pass::Plain), vec![code]);
    }
}

/// The held-out set is drawn from another seed than the tuned one: other frames, other codes.
#[wasm_bindgen_test(unsupported = test)]
fn the_held_out_frames_are_other_frames() {
    let (tuned, tuned_code) = synth::varied_frame_of(synth::TUNED_SET, 3, 640, 480);
    let (held_out, held_out_code) = synth::varied_frame_of(synth::HELD_OUT_SET, 3, 640, 480);
    assert_eq!(tuned_code, held_out_code, "the codes follow the index");
    assert_ne!(tuned.pixels, held_out.pixels);
    assert_eq!(synth::varied_frame(3, 640, 480).0, tuned);
}
