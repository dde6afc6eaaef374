//! Synthetic camera frames: what a till's camera sees when a shopper holds up a card code.
//!
//! A flat [`Surface`] (a QR with its quiet zone, or a phone showing the card page) is placed in
//! front of a pinhole camera, turned in its plane, tilted away from the camera, and rendered by
//! casting a ray through each pixel (2x2 samples a pixel, so edges are smooth the way a lens
//! makes them). Then what optics and sensors do: lower contrast and uneven light, blur, noise.
//! Deterministic: the same [`Shot`] always gives the same pixels.
//!
//! Used by the decoder tests (native and wasm), the Playwright fake camera and the benchmark;
//! never by the worker.

use qrcode::{Color, EcLevel, QrCode};
use regulars_protocol::{CardCode, CardId};

use crate::Gray;

/// Modules of light margin around a QR code (the standard's quiet zone).
pub const QUIET_ZONE: usize = 4;

/// The dark modules of a QR code for a text, at error correction M like the card page draws it.
#[derive(Debug, Clone)]
pub struct QrModules {
    size: usize,
    dark: Vec<bool>,
}

impl QrModules {
    pub fn new(text: &str) -> QrModules {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .expect("a card code fits in a QR code");
        let size = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        QrModules { size, dark }
    }

    /// Modules on a side, without the quiet zone (41 for a card code: version 6).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Modules on a side with the quiet zone.
    pub fn size_with_quiet_zone(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// Is the module at (x, y) of the code with its quiet zone dark?
    fn dark_at(&self, x: f64, y: f64) -> bool {
        let (x, y) = (
            x.floor() as i64 - QUIET_ZONE as i64,
            y.floor() as i64 - QUIET_ZONE as i64,
        );
        let n = self.size as i64;
        (0..n).contains(&x) && (0..n).contains(&y) && self.dark[(y * n + x) as usize]
    }

    /// Shade at (u, v) in [0, 1]² over the code with its quiet zone: 0 dark, 255 light.
    fn shade(&self, u: f64, v: f64) -> f64 {
        let n = self.size_with_quiet_zone() as f64;
        if self.dark_at(u * n, v * n) {
            0.0
        } else {
            255.0
        }
    }
}

/// Something flat in front of the camera, drawn in its own coordinates: (u, v) in [0, 1]²,
/// u to the right, v down.
pub trait Surface {
    /// Width over height.
    fn aspect(&self) -> f64;
    /// Brightness at (u, v), 0 to 255.
    fn shade(&self, u: f64, v: f64) -> f64;
}

/// A QR code with its quiet zone, as printed on a card.
#[derive(Debug, Clone)]
pub struct QrLabel(pub QrModules);

impl Surface for QrLabel {
    fn aspect(&self) -> f64 {
        1.0
    }

    fn shade(&self, u: f64, v: f64) -> f64 {
        self.0.shade(u, v)
    }
}

/// A phone showing the card page: dark body, light screen, the shop's header bar, the QR at 70 %
/// of the screen's width with its quiet zone, a line of text under it.
#[derive(Debug, Clone)]
pub struct PhoneScreen(pub QrModules);

impl PhoneScreen {
    const ASPECT: f64 = 0.48;
    /// The screen inside the body, as fractions of the body.
    const SCREEN: (f64, f64, f64, f64) = (0.04, 0.03, 0.96, 0.97);
    /// The QR's share of the screen width, and where its centre sits (fraction of the height).
    const QR_WIDTH: f64 = 0.70;
    const QR_CENTRE_V: f64 = 0.48;

    /// The phone's height in pixels when its QR (with the quiet zone) is `qr_side` pixels wide.
    pub fn height_for_qr(qr_side: f64) -> f64 {
        let (left, _, right, _) = Self::SCREEN;
        qr_side / Self::QR_WIDTH / (right - left) / Self::ASPECT
    }
}

impl PhoneScreen {
    /// The point of the phone (u, v) at the point (a, b) of the QR with its quiet zone.
    fn surface_point(a: f64, b: f64) -> (f64, f64) {
        let (left, top, right, bottom) = Self::SCREEN;
        let screen_w = right - left;
        let qr_w = Self::QR_WIDTH;
        let (qx, qy) = (
            (1.0 - qr_w) / 2.0,
            Self::QR_CENTRE_V * ((bottom - top) / screen_w / Self::ASPECT) - qr_w / 2.0,
        );
        let (x, y) = (qx + a * qr_w, qy + b * qr_w);
        (left + x * screen_w, top + y * screen_w * Self::ASPECT)
    }
}

impl Surface for PhoneScreen {
    fn aspect(&self) -> f64 {
        Self::ASPECT
    }

    fn shade(&self, u: f64, v: f64) -> f64 {
        let (left, top, right, bottom) = Self::SCREEN;
        if !(left..right).contains(&u) || !(top..bottom).contains(&v) {
            return 28.0;
        }
        // Screen coordinates, both in units of the screen's width.
        let screen_w = right - left;
        let x = (u - left) / screen_w;
        let y = (v - top) / screen_w * (1.0 / Self::ASPECT);
        let qr_w = Self::QR_WIDTH;
        let (qx, qy) = (
            (1.0 - qr_w) / 2.0,
            Self::QR_CENTRE_V * ((bottom - top) / screen_w / Self::ASPECT) - qr_w / 2.0,
        );
        if (qx..qx + qr_w).contains(&x) && (qy..qy + qr_w).contains(&y) {
            return self.0.shade((x - qx) / qr_w, (y - qy) / qr_w);
        }
        if (0.05..0.30).contains(&y) {
            return 110.0; // the shop's colour, as gray
        }
        let text_y = qy + qr_w + 0.08;
        if (text_y..text_y + 0.05).contains(&y) && (0.15..0.85).contains(&x) {
            return 90.0; // "Show this at the till"
        }
        246.0
    }
}

/// How the camera sees a surface, and what the image goes through.
#[derive(Debug, Clone, PartialEq)]
pub struct Shot {
    pub width: usize,
    pub height: usize,
    /// The surface's height in pixels when it faces the camera.
    pub size: f64,
    /// Where its centre is, in pixels from the centre of the frame.
    pub offset: (f64, f64),
    /// Turned in its own plane, clockwise, in degrees.
    pub angle: f64,
    /// Tilted away from the camera about its vertical and horizontal axes, in degrees
    /// (perspective: the far side looks smaller).
    pub tilt: (f64, f64),
    /// Dark and light ends of the image's range (0, 255 is full contrast).
    pub contrast: (f64, f64),
    /// Light falls off this much (0 to 1) from the left edge to the right.
    pub light_falloff: f64,
    /// Box blur radius in pixels, three passes (about a Gaussian of sigma radius + 0.5).
    pub blur: usize,
    /// Standard deviation of the sensor noise, in gray levels.
    pub noise: f64,
    pub seed: u64,
}

impl Default for Shot {
    fn default() -> Self {
        Shot {
            width: 640,
            height: 480,
            size: 300.0,
            offset: (0.0, 0.0),
            angle: 0.0,
            tilt: (0.0, 0.0),
            contrast: (0.0, 255.0),
            light_falloff: 0.0,
            blur: 0,
            noise: 0.0,
            seed: 1,
        }
    }
}

type Vec3 = [f64; 3];

fn dot(a: Vec3, b: Vec3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: Vec3, b: Vec3) -> Vec3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn rotate_z(p: Vec3, degrees: f64) -> Vec3 {
    let (s, c) = degrees.to_radians().sin_cos();
    [c * p[0] - s * p[1], s * p[0] + c * p[1], p[2]]
}

fn rotate_y(p: Vec3, degrees: f64) -> Vec3 {
    let (s, c) = degrees.to_radians().sin_cos();
    [c * p[0] + s * p[2], p[1], -s * p[0] + c * p[2]]
}

fn rotate_x(p: Vec3, degrees: f64) -> Vec3 {
    let (s, c) = degrees.to_radians().sin_cos();
    [p[0], c * p[1] - s * p[2], s * p[1] + c * p[2]]
}

/// The frame the camera takes of `surface` in `shot`.
pub fn render(surface: &dyn Surface, shot: &Shot) -> Gray {
    let (w, h) = (shot.width, shot.height);
    // A pinhole camera at the origin looking down +z, focal length in pixels: a fairly wide lens.
    let focal = w.max(h) as f64 * 0.9;
    let centre: Vec3 = [shot.offset.0, shot.offset.1, focal];
    let orient = |p: Vec3| rotate_x(rotate_y(rotate_z(p, shot.angle), shot.tilt.0), shot.tilt.1);
    let axis_u = orient([shot.size * surface.aspect(), 0.0, 0.0]);
    let axis_v = orient([0.0, shot.size, 0.0]);
    let normal = cross(axis_u, axis_v);
    let plane = dot(normal, centre);
    let (uu, vv) = (dot(axis_u, axis_u), dot(axis_v, axis_v));
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);

    let mut out = vec![0.0_f64; w * h];
    const SUB: [f64; 2] = [0.25, 0.75];
    for py in 0..h {
        for px in 0..w {
            let mut sum = 0.0;
            for sy in SUB {
                for sx in SUB {
                    let ray = [px as f64 + sx - cx, py as f64 + sy - cy, focal];
                    let denominator = dot(normal, ray);
                    let mut shade = None;
                    if denominator.abs() > 1e-9 {
                        let t = plane / denominator;
                        let hit = [
                            ray[0] * t - centre[0],
                            ray[1] * t - centre[1],
                            ray[2] * t - centre[2],
                        ];
                        let (u, v) = (dot(hit, axis_u) / uu + 0.5, dot(hit, axis_v) / vv + 0.5);
                        if t > 0.0 && (0.0..1.0).contains(&u) && (0.0..1.0).contains(&v) {
                            shade = Some(surface.shade(u, v));
                        }
                    }
                    sum += shade.unwrap_or_else(|| desk(px, py));
                }
            }
            out[py * w + px] = sum / 4.0;
        }
    }

    // Low contrast and uneven light.
    let (lo, hi) = shot.contrast;
    for (i, p) in out.iter_mut().enumerate() {
        let light = 1.0 - shot.light_falloff * (i % w) as f64 / w as f64;
        *p = (lo + *p / 255.0 * (hi - lo)) * light;
    }
    for _ in 0..3 {
        box_blur(&mut out, w, h, shot.blur);
    }
    if shot.noise > 0.0 {
        let mut random = Random::new(shot.seed);
        for p in &mut out {
            *p += random.normal() * shot.noise;
        }
    }
    Gray {
        width: w,
        height: h,
        pixels: out
            .into_iter()
            .map(|p| p.round().clamp(0.0, 255.0) as u8)
            .collect(),
    }
}

/// The counter behind the card: mid gray with a soft wood-like grain.
fn desk(x: usize, y: usize) -> f64 {
    let (x, y) = (x as f64, y as f64);
    120.0 + 18.0 * ((x * 0.045 + y * 0.011).sin() * (y * 0.013).cos())
}

/// One pass of a box blur of `radius`, rows then columns, edges clamped.
fn box_blur(pixels: &mut [f64], w: usize, h: usize, radius: usize) {
    if radius == 0 {
        return;
    }
    let r = radius as isize;
    let mut line = Vec::new();
    for y in 0..h {
        line.clear();
        line.extend_from_slice(&pixels[y * w..(y + 1) * w]);
        for x in 0..w {
            let mut sum = 0.0;
            for k in -r..=r {
                sum += line[(x as isize + k).clamp(0, w as isize - 1) as usize];
            }
            pixels[y * w + x] = sum / (2 * radius + 1) as f64;
        }
    }
    for x in 0..w {
        line.clear();
        line.extend((0..h).map(|y| pixels[y * w + x]));
        for y in 0..h {
            let mut sum = 0.0;
            for k in -r..=r {
                sum += line[(y as isize + k).clamp(0, h as isize - 1) as usize];
            }
            pixels[y * w + x] = sum / (2 * radius + 1) as f64;
        }
    }
}

/// A small deterministic generator (SplitMix64), so frames need no `rand`.
#[derive(Debug, Clone)]
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + self.unit() * (hi - lo)
    }

    /// Standard normal (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let u = self.unit().max(f64::MIN_POSITIVE);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// A fixed signing key, for codes that only need to look real.
fn test_key(n: u8) -> p256::ecdsa::SigningKey {
    let mut bytes = [0x42u8; 32];
    bytes[31] = n.max(1);
    p256::ecdsa::SigningKey::from_slice(&bytes).expect("a valid P-256 scalar")
}

/// A phone's rotating code (`R2`, 128 characters) for card number `n`, signed by a fixed key.
pub fn rotating_code(n: u64) -> String {
    let card = CardId(uuid::Uuid::from_u128(
        0x0199_0000_0000_7000_8000_0000_0000_0000 | u128::from(n),
    ));
    CardCode::sign_rotating(&test_key(1), card, 58_000_000 + n as u32).encode()
}

/// A printed card's code (`R3`, 122 characters) for card number `n`, signed by a fixed key.
pub fn printed_code(n: u64) -> String {
    let card = CardId(uuid::Uuid::from_u128(
        0x0199_0000_0000_7000_9000_0000_0000_0000 | u128::from(n),
    ));
    CardCode::sign_printed(&test_key(2), card).encode()
}

/// One of the benchmark's varied frames: a phone or a printed card at a random size, place,
/// angle and tilt, with random contrast, light, blur and noise; mostly what a till sees, some
/// of it hard (3.4 pixels a module, blurred). Returns the frame and the code it shows. The set
/// the decoder was tuned on is [`TUNED_SET`]; [`HELD_OUT_SET`] is never tuned on.
pub fn varied_frame(index: u64, width: usize, height: usize) -> (Gray, String) {
    varied_frame_of(TUNED_SET, index, width, height)
}

/// The seed of the benchmark's frames the decoders were tuned on (frozen: changing it changes
/// every figure the benchmark has printed).
pub const TUNED_SET: u64 = 0x5EED;
/// The seed of the benchmark's held-out frames: nothing is tuned on them.
pub const HELD_OUT_SET: u64 = 0xB0A710;

/// Frame `index` of the varied set `set` (see [`varied_frame`]).
pub fn varied_frame_of(set: u64, index: u64, width: usize, height: usize) -> (Gray, String) {
    let varied = varied_shot(set, index, width, height);
    (varied.render(), varied.code)
}

/// What [`varied_frame_of`] draws: the code, on a phone or a printed card, and the shot.
#[derive(Debug, Clone)]
pub struct VariedShot {
    pub code: String,
    pub phone: bool,
    /// The QR's side with its quiet zone, in pixels (before tilt).
    pub qr_side: f64,
    pub shot: Shot,
}

impl VariedShot {
    /// The frame the camera takes of this shot.
    pub fn render(&self) -> Gray {
        let qr = QrModules::new(&self.code);
        if self.phone {
            render(&PhoneScreen(qr), &self.shot)
        } else {
            render(&QrLabel(qr), &self.shot)
        }
    }

    /// Where the point `(x, y)` of the code, in modules from its top-left corner (without the
    /// quiet zone), lands in the frame, in pixels (pixel centres at half-integers): the truth a
    /// reader's geometry can be checked against. The frame itself is [`VariedShot::render`]'s.
    pub fn module_to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let qr = QrModules::new(&self.code);
        let n = qr.size_with_quiet_zone() as f64;
        let quiet = QUIET_ZONE as f64;
        let (a, b) = ((x + quiet) / n, (y + quiet) / n);
        let (u, v, aspect) = if self.phone {
            let (u, v) = PhoneScreen::surface_point(a, b);
            (u, v, PhoneScreen::ASPECT)
        } else {
            (a, b, 1.0)
        };
        project(&self.shot, aspect, u, v)
    }
}

/// Where the point (u, v) of a surface of width over height `aspect` lands in the frame `shot`
/// takes (the inverse of [`render`]'s ray casting).
fn project(shot: &Shot, aspect: f64, u: f64, v: f64) -> (f64, f64) {
    let (w, h) = (shot.width as f64, shot.height as f64);
    let focal = w.max(h) * 0.9;
    let orient = |p: Vec3| rotate_x(rotate_y(rotate_z(p, shot.angle), shot.tilt.0), shot.tilt.1);
    let axis_u = orient([shot.size * aspect, 0.0, 0.0]);
    let axis_v = orient([0.0, shot.size, 0.0]);
    let point: Vec3 = [0, 1, 2].map(|i| {
        let centre = [shot.offset.0, shot.offset.1, focal][i];
        centre + (u - 0.5) * axis_u[i] + (v - 0.5) * axis_v[i]
    });
    (
        point[0] / point[2] * focal + w / 2.0,
        point[1] / point[2] * focal + h / 2.0,
    )
}

/// The random draws behind frame `index` of the varied set `set`.
pub fn varied_shot(set: u64, index: u64, width: usize, height: usize) -> VariedShot {
    let mut random = Random::new(set ^ index.wrapping_mul(0x9E37_79B9));
    let phone = index.is_multiple_of(2);
    let code = if phone {
        rotating_code(index)
    } else {
        printed_code(index)
    };
    let short = width.min(height) as f64;
    // The QR's side with its quiet zone, in pixels: from a third of the frame's short side
    // (3.4 pixels a module at 480) to most of it.
    let qr_side = random.range(0.35, 0.80) * short;
    let blur = match random.unit() {
        u if u < 0.5 => 0,
        u if u < 0.9 => 1,
        _ => 2,
    };
    let lo = random.range(0.0, 60.0);
    let shot = Shot {
        width,
        height,
        size: if phone {
            PhoneScreen::height_for_qr(qr_side)
        } else {
            qr_side
        },
        offset: (
            random.range(-0.10, 0.10) * short,
            random.range(-0.10, 0.10) * short,
        ),
        angle: random.range(0.0, 360.0),
        tilt: (random.range(-25.0, 25.0), random.range(-25.0, 25.0)),
        contrast: (lo, random.range(lo + 100.0, 255.0)),
        light_falloff: random.range(0.0, 0.35),
        blur,
        noise: random.range(0.0, 12.0),
        seed: index,
    };
    VariedShot {
        code,
        phone,
        qr_side,
        shot,
    }
}

/// Frame `index` of a phone held up to the till's camera showing `code` (640x480): a hand's
/// width from the tablet, the QR over half the frame's height (5.7 pixels a module), a little
/// turned and tilted, moving slightly from frame to frame. The Playwright fake camera shows it.
pub fn held_phone(code: &str, index: u64) -> Gray {
    let mut random = Random::new(0xCA4E_0000 + index);
    let shot = Shot {
        size: 900.0,
        offset: (random.range(-6.0, 6.0), random.range(-6.0, 6.0)),
        angle: 8.0 + random.range(-1.5, 1.5),
        tilt: (6.0, -10.0),
        contrast: (18.0, 235.0),
        light_falloff: 0.15,
        blur: 1,
        noise: 3.0,
        seed: index + 1,
        ..Shot::default()
    };
    render(&PhoneScreen(QrModules::new(code)), &shot)
}

/// A YUV4MPEG2 video (4:2:0, no colour) of `frames`, for Chromium's
/// `--use-file-for-fake-video-capture`. All frames must have one even width and height.
pub fn y4m(frames: &[Gray], fps: u32) -> Vec<u8> {
    let (w, h) = frames
        .first()
        .map(|f| (f.width, f.height))
        .unwrap_or((0, 0));
    assert!(
        w.is_multiple_of(2) && h.is_multiple_of(2),
        "4:2:0 needs an even width and height"
    );
    let mut out = format!("YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n").into_bytes();
    for frame in frames {
        assert_eq!(
            (frame.width, frame.height),
            (w, h),
            "every frame has the same size"
        );
        out.extend_from_slice(b"FRAME\n");
        out.extend_from_slice(&frame.pixels);
        out.resize(out.len() + w * h / 2, 128);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_codes_have_their_lengths() {
        assert_eq!(rotating_code(7).len(), 128);
        assert_eq!(printed_code(7).len(), 122);
        assert_eq!(QrModules::new(&rotating_code(7)).size(), 41);
    }

    #[test]
    fn a_frame_facing_the_camera_shows_the_quiet_zone_light_and_the_finder_dark() {
        let qr = QrModules::new(&printed_code(1));
        let n = qr.size_with_quiet_zone() as f64;
        let shot = Shot {
            width: 200,
            height: 200,
            size: n * 4.0,
            ..Shot::default()
        };
        let frame = render(&QrLabel(qr), &shot);
        let at = |x: usize, y: usize| frame.pixels[y * 200 + x];
        let origin = 100 - (n as usize * 4) / 2;
        assert_eq!(at(origin + 2, origin + 2), 255, "quiet zone");
        assert_eq!(
            at(origin + 4 * 4 + 2, origin + 4 * 4 + 2),
            0,
            "finder pattern's corner"
        );
    }

    #[test]
    fn module_positions_land_on_their_modules_in_the_frame() {
        // A phone and a card, turned and tilted: the finder patterns' middles are dark, the
        // modules just inside their separators light.
        for index in [0, 1, 6, 7] {
            let shot = varied_shot(TUNED_SET, index, 640, 480);
            let frame = shot.render();
            let size = QrModules::new(&shot.code).size() as f64;
            let at = |x: f64, y: f64| {
                let (px, py) = shot.module_to_pixel(x, y);
                frame.pixels[py as usize * 640 + px as usize]
            };
            for (x, y) in [(3.5, 3.5), (size - 3.5, 3.5), (3.5, size - 3.5)] {
                assert!(
                    at(x, y) < at(x + 2.0, y),
                    "frame {index}: finder at ({x}, {y})"
                );
                assert!(
                    at(x, y) < at(x, y - 2.0),
                    "frame {index}: finder at ({x}, {y})"
                );
            }
        }
    }

    #[test]
    fn y4m_frames_are_luma_then_neutral_chroma() {
        let frame = Gray::new(4, 2, vec![9; 8]).unwrap();
        let video = y4m(&[frame.clone(), frame], 30);
        let header = b"YUV4MPEG2 W4 H2 F30:1 Ip A1:1 C420jpeg\n";
        assert!(video.starts_with(header));
        assert_eq!(video.len(), header.len() + 2 * (6 + 8 + 4));
        assert_eq!(&video[header.len() + 6..header.len() + 14], &[9; 8]);
        assert_eq!(video[header.len() + 14], 128);
    }
}
