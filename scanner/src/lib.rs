//! Reads card QR codes from camera frames, for the till.
//!
//! The till shows the camera in a `<video>`, draws a frame downscaled to at most [`MAX_SIDE`]
//! pixels on its long side into a canvas, and posts the RGBA pixels to a Web Worker (module
//! worker, `scanner/worker.js`), which calls [`decode_rgba`] in this crate's wasm. One frame is
//! in flight at a time, so a slow phone decodes fewer frames instead of queueing them. Browsers
//! with the `BarcodeDetector` API use that instead and never load this.
//!
//! Decoding chains two readers ([`Decoder::Chain`]): first rxing's port of zxing-cpp's QR reader
//! (hybrid binarizer, about 3 ms a 640x480 frame natively), which reads four frames in five of
//! the benchmark's; then, only when it read nothing, [`grid`]'s reader, which takes the finder
//! patterns rxing's search finds in a smoothed copy of the frame, fits the module grid to the
//! gray pixels (also when a corner of the code is past the frame's edge) and undoes the blur
//! module by module before rxing's decoder corrects errors. What the frame goes through first
//! changes from frame to frame ([`Pass`]). The texts come back as they are; the till parses
//! and verifies them like a typed code. `bench/scan.sh` measures the chain and each single
//! reader (rqrr, the till's first decoder, and rxing's two ports) on the same frames, beside
//! zbar as a reference.
#![forbid(unsafe_code)]

pub mod grid;
#[cfg(feature = "synth")]
pub mod synth;

/// Frames are downscaled to this many pixels on their long side at most: more pixels cost time
/// and a card held at the counter is large enough at this size.
pub const MAX_SIDE: usize = 960;

/// A grayscale image: one byte per pixel, 0 black, 255 white, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// The buffer does not hold `width * height` pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongSize;

impl Gray {
    pub fn new(width: usize, height: usize, pixels: Vec<u8>) -> Result<Gray, WrongSize> {
        if width.checked_mul(height) != Some(pixels.len()) {
            return Err(WrongSize);
        }
        Ok(Gray {
            width,
            height,
            pixels,
        })
    }

    /// Luma (ITU-R BT.601, integer weights) of an RGBA buffer as a canvas' `getImageData` gives it.
    pub fn from_rgba(width: usize, height: usize, rgba: &[u8]) -> Result<Gray, WrongSize> {
        if width.checked_mul(height).and_then(|n| n.checked_mul(4)) != Some(rgba.len()) {
            return Err(WrongSize);
        }
        let pixels = rgba
            .chunks_exact(4)
            .map(|p| {
                ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2]) + 128) >> 8)
                    as u8
            })
            .collect();
        Ok(Gray {
            width,
            height,
            pixels,
        })
    }

    /// This image made smaller by a whole factor so its long side is at most `max_side`; each
    /// pixel is the mean of the block it covers (which also takes the edge off sensor noise).
    pub fn fit(self, max_side: usize) -> Gray {
        let long = self.width.max(self.height);
        if long <= max_side || max_side == 0 {
            return self;
        }
        let factor = long.div_ceil(max_side);
        let (width, height) = (self.width / factor, self.height / factor);
        let area = (factor * factor) as u32;
        let mut pixels = Vec::with_capacity(width * height);
        for y in 0..height {
            for x in 0..width {
                let mut sum = 0u32;
                for row in y * factor..(y + 1) * factor {
                    let start = row * self.width + x * factor;
                    sum += self.pixels[start..start + factor]
                        .iter()
                        .map(|&p| u32::from(p))
                        .sum::<u32>();
                }
                pixels.push((sum / area) as u8);
            }
        }
        Gray {
            width,
            height,
            pixels,
        }
    }
}

/// What a frame goes through before it is read. Readers find a code from its three finder
/// patterns; at a few pixels a module, blur merges their rings and noise breaks them, so a
/// frame that fails one way often reads another way: the till tries the next pass on the next
/// frame, and [`decode`] tries them all on one still image.
///
/// For the till's chain each pass starts with rxing's zxing-cpp reader and, when it reads
/// nothing, looks for finder patterns for [`grid::read`] in a differently prepared copy. A
/// single reader (the benchmark's other lines) reads the prepared frame itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// The frame as it is. The chain's grid reader looks for finder patterns in the frame
    /// smoothed (3 x 3 mean), which keeps noise from breaking their rings.
    Plain,
    /// Enlarged. The chain looks for finder patterns in the whole frame smoothed and enlarged
    /// 1.5 times (to [`MAX_SIDE`] on the long side at most), where a small code's rings are a
    /// few pixels wide; a single reader reads the middle two thirds of each side (where the
    /// viewfinder's guide is) enlarged 1.5 times, the work staying the same.
    Enlarged,
    /// Sharpened (unsharp mask), for a camera that has not quite focused: rxing's reader reads
    /// the sharpened frame, and the chain's grid reader looks for finder patterns in the frame
    /// as it is.
    Sharpened,
}

impl Pass {
    pub const ALL: [Pass; 3] = [Pass::Plain, Pass::Enlarged, Pass::Sharpened];

    /// The pass for the `n`th frame of a live camera: each in turn.
    pub fn nth(n: u32) -> Pass {
        Self::ALL[n as usize % Self::ALL.len()]
    }
}

/// Every QR code the till's chain reads in `image` at `pass`, without repeats.
pub fn decode_pass(image: &Gray, pass: Pass) -> Vec<String> {
    decode_pass_with(image, pass, Decoder::Chain)
}

/// Every QR code `decoder` reads in `image` at `pass`.
pub fn decode_pass_with(image: &Gray, pass: Pass, decoder: Decoder) -> Vec<String> {
    match decoder {
        Decoder::Chain => chain(image, pass),
        reader => read_with(&prepare(image, pass), reader),
    }
}

/// `image` prepared by `pass` for a single reader.
pub fn prepare(image: &Gray, pass: Pass) -> std::borrow::Cow<'_, Gray> {
    match pass {
        Pass::Plain => std::borrow::Cow::Borrowed(image),
        Pass::Enlarged => std::borrow::Cow::Owned(image.centre_enlarged()),
        Pass::Sharpened => std::borrow::Cow::Owned(image.sharpened()),
    }
}

/// The till's chain: rxing's zxing-cpp reader, then, when it read nothing, the grid reader on
/// the finder patterns found in the copy `pass` prepares.
fn chain(image: &Gray, pass: Pass) -> Vec<String> {
    let first = match pass {
        Pass::Sharpened => read_with(&image.sharpened(), Decoder::ZxingCpp),
        Pass::Plain | Pass::Enlarged => read_with(image, Decoder::ZxingCpp),
    };
    if !first.is_empty() {
        return first;
    }
    let finders = match pass {
        Pass::Plain => grid::find_finders(&image.smoothed(), 1.0),
        Pass::Enlarged => {
            let long = image.width.max(image.height) as f32;
            let factor = (MAX_SIDE as f32 / long).min(1.5);
            if factor > 1.0 {
                grid::find_finders(&image.smoothed().enlarged(factor), factor)
            } else {
                grid::find_finders(&image.smoothed(), 1.0)
            }
        }
        Pass::Sharpened => grid::find_finders(image, 1.0),
    };
    grid::read(image, &finders).into_iter().collect()
}

/// Every QR code in a still image: each [`Pass`] in turn until one reads something.
pub fn decode(image: &Gray) -> Vec<String> {
    Pass::ALL
        .into_iter()
        .map(|pass| decode_pass(image, pass))
        .find(|texts| !texts.is_empty())
        .unwrap_or_default()
}

/// Which reader reads a frame. The till uses [`Decoder::Chain`]; the benchmark measures each
/// single reader alone on the same frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoder {
    /// rxing's zxing-cpp reader, then the grid reader when it read nothing: what the till runs.
    Chain,
    /// rqrr alone (a port of quirc): the till's first decoder.
    Rqrr,
    /// rxing's port of zxing-cpp's QR reader alone (hybrid binarizer, try harder).
    ZxingCpp,
    /// rxing's port of the Java ZXing QR reader alone.
    Zxing,
}

impl Decoder {
    pub const ALL: [Decoder; 4] = [
        Decoder::Chain,
        Decoder::Rqrr,
        Decoder::ZxingCpp,
        Decoder::Zxing,
    ];

    /// The name the worker's messages and the benchmark use.
    pub fn name(self) -> &'static str {
        match self {
            Decoder::Chain => "chain",
            Decoder::Rqrr => "rqrr",
            Decoder::ZxingCpp => "rxing-cpp",
            Decoder::Zxing => "rxing-java",
        }
    }

    pub fn from_name(name: &str) -> Option<Decoder> {
        Self::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// Every QR code a single `decoder` reads in `image` as it is (rxing's readers find at most
/// one); the chain at its first pass.
pub fn read_with(image: &Gray, decoder: Decoder) -> Vec<String> {
    match decoder {
        Decoder::Chain => chain(image, Pass::Plain),
        Decoder::Rqrr => read(image),
        Decoder::ZxingCpp => read_rxing(image, &mut rxing::qrcode::cpp_port::QrReader),
        Decoder::Zxing => read_rxing(image, &mut rxing::qrcode::QRCodeReader),
    }
}

fn read_rxing(image: &Gray, reader: &mut impl rxing::Reader) -> Vec<String> {
    use rxing::{BinaryBitmap, DecodeHintValue, DecodeHints, Luma8Source};
    let Ok(source) =
        Luma8Source::new_with_slice(&image.pixels, image.width as u32, image.height as u32)
    else {
        return Vec::new();
    };
    let mut bitmap = BinaryBitmap::new(rxing::common::HybridBinarizer::new(source));
    // QR codes only: no time spent sampling Micro QR and rMQR symbols at each finder pattern.
    let hints = DecodeHints::default()
        .with(DecodeHintValue::TryHarder(true))
        .with(DecodeHintValue::PossibleFormats(
            [rxing::BarcodeFormat::QR_CODE].into_iter().collect(),
        ));
    match reader.decode_with_hints(&mut bitmap, &hints) {
        Ok(result) => vec![result.getText().to_string()],
        Err(_) => Vec::new(),
    }
}

/// Every QR code rqrr finds and decodes in `image`, in the order found, without repeats. Grids
/// that fail to decode (too blurred, cut off) are skipped.
fn read(image: &Gray) -> Vec<String> {
    if image.width == 0 || image.height == 0 {
        return Vec::new();
    }
    let width = image.width;
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(image.width, image.height, |x, y| {
            image.pixels[y * width + x]
        });
    let mut texts: Vec<String> = Vec::new();
    for grid in prepared.detect_grids() {
        if let Ok((_, text)) = grid.decode()
            && !texts.contains(&text)
        {
            texts.push(text);
        }
    }
    texts
}

impl Gray {
    /// The middle two thirds of each side, enlarged 1.5 times (bilinear).
    fn centre_enlarged(&self) -> Gray {
        let (w, h) = (self.width, self.height);
        if w < 3 || h < 3 {
            return self.clone();
        }
        let (x0, y0) = (w as f32 / 6.0, h as f32 / 6.0);
        let scale = 1.0 / 1.5;
        let mut pixels = Vec::with_capacity(w * h);
        for y in 0..h {
            let fy = (y0 + (y as f32 + 0.5) * scale - 0.5).clamp(0.0, (h - 1) as f32);
            let (top, ay) = (fy as usize, fy.fract());
            let bottom = (top + 1).min(h - 1);
            for x in 0..w {
                let fx = (x0 + (x as f32 + 0.5) * scale - 0.5).clamp(0.0, (w - 1) as f32);
                let (left, ax) = (fx as usize, fx.fract());
                let right = (left + 1).min(w - 1);
                let p = |x: usize, y: usize| f32::from(self.pixels[y * w + x]);
                let upper = p(left, top) + (p(right, top) - p(left, top)) * ax;
                let lower = p(left, bottom) + (p(right, bottom) - p(left, bottom)) * ax;
                pixels.push((upper + (lower - upper) * ay + 0.5) as u8);
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }

    /// Unsharp mask: each pixel plus 1.5 times its difference from a 5x5 box mean.
    fn sharpened(&self) -> Gray {
        const RADIUS: usize = 2;
        let (w, h) = (self.width, self.height);
        if w == 0 || h == 0 {
            return self.clone();
        }
        let rows = box_sum_rows(&self.pixels, w, h, RADIUS);
        let row = |y: isize| &rows[y.clamp(0, h as isize - 1) as usize * w..][..w];
        // The sums of the 5 x 5 boxes of one row at a time: its five row sums, added up down
        // the columns as the row moves.
        let mut sums = vec![0u32; w];
        for dy in -(RADIUS as isize)..=RADIUS as isize {
            for (sum, &r) in sums.iter_mut().zip(row(dy)) {
                *sum += r;
            }
        }
        let area = ((2 * RADIUS + 1) * (2 * RADIUS + 1)) as i32;
        let mut pixels = Vec::with_capacity(w * h);
        for y in 0..h {
            for (&p, &sum) in self.pixels[y * w..][..w].iter().zip(&sums) {
                let p = i32::from(p);
                let mean = sum as i32 / area;
                pixels.push((p + (3 * (p - mean)) / 2).clamp(0, 255) as u8);
            }
            let (entering, leaving) = (
                row(y as isize + RADIUS as isize + 1),
                row(y as isize - RADIUS as isize),
            );
            for ((sum, &add), &remove) in sums.iter_mut().zip(entering).zip(leaving) {
                *sum = *sum + add - remove;
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }
}

impl Gray {
    /// Each pixel the mean of the 3 x 3 around it (edges repeated): takes sensor noise off
    /// before binarizing.
    pub fn smoothed(&self) -> Gray {
        let (w, h) = (self.width, self.height);
        if w == 0 || h == 0 {
            return self.clone();
        }
        // Sums of three along each row, then of three rows.
        let mut rows = vec![0u16; w * h];
        for (row, sums) in self.pixels.chunks_exact(w).zip(rows.chunks_exact_mut(w)) {
            for x in 0..w {
                let (left, right) = (x.saturating_sub(1), (x + 1).min(w - 1));
                sums[x] = u16::from(row[left]) + u16::from(row[x]) + u16::from(row[right]);
            }
        }
        let mut pixels = vec![0u8; w * h];
        for y in 0..h {
            let up = &rows[y.saturating_sub(1) * w..][..w];
            let here = &rows[y * w..][..w];
            let down = &rows[(y + 1).min(h - 1) * w..][..w];
            let out = &mut pixels[y * w..][..w];
            for x in 0..w {
                out[x] =
                    ((u32::from(up[x]) + u32::from(here[x]) + u32::from(down[x]) + 4) / 9) as u8;
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }

    /// The whole image enlarged `factor` times (bilinear, in fixed point).
    pub fn enlarged(&self, factor: f32) -> Gray {
        let (w, h) = (self.width, self.height);
        let (out_w, out_h) = ((w as f32 * factor) as usize, (h as f32 * factor) as usize);
        if w == 0 || h == 0 || out_w == 0 || out_h == 0 {
            return self.clone();
        }
        // For each output column and row: the source pixel before it and the weight (of 256)
        // of the one after.
        let taps = |n: usize, out: usize| -> Vec<(usize, u32)> {
            (0..out)
                .map(|i| {
                    let f = ((i as f32 + 0.5) / factor - 0.5).clamp(0.0, (n - 1) as f32);
                    let at = (f as usize).min(n - 1);
                    (at, ((f - at as f32) * 256.0) as u32)
                })
                .collect()
        };
        let (columns, rows) = (taps(w, out_w), taps(h, out_h));
        let horizontal = |y: usize, out: &mut [u32]| {
            let row = &self.pixels[y * w..][..w];
            for (o, &(x, a)) in out.iter_mut().zip(&columns) {
                let (p, q) = (u32::from(row[x]), u32::from(row[(x + 1).min(w - 1)]));
                *o = p * (256 - a) + q * a;
            }
        };
        let (mut upper, mut lower) = (vec![0u32; out_w], vec![0u32; out_w]);
        let mut loaded = (usize::MAX, usize::MAX);
        let mut pixels = vec![0u8; out_w * out_h];
        for (out, &(y, a)) in pixels.chunks_exact_mut(out_w).zip(&rows) {
            let below = (y + 1).min(h - 1);
            if loaded != (y, below) {
                if loaded.1 == y {
                    std::mem::swap(&mut upper, &mut lower);
                } else {
                    horizontal(y, &mut upper);
                }
                horizontal(below, &mut lower);
                loaded = (y, below);
            }
            for ((o, &p), &q) in out.iter_mut().zip(&upper).zip(&lower) {
                *o = ((p * (256 - a) + q * a + (1 << 15)) >> 16) as u8;
            }
        }
        Gray {
            width: out_w,
            height: out_h,
            pixels,
        }
    }
}

/// For each pixel, the sum of the `2 * radius + 1` pixels around it in its row (edges repeated).
fn box_sum_rows(pixels: &[u8], w: usize, h: usize, radius: usize) -> Vec<u32> {
    let mut out = vec![0u32; w * h];
    let r = radius as isize;
    for (row, sums) in pixels.chunks_exact(w).zip(out.chunks_exact_mut(w)).take(h) {
        let at = |x: isize| u32::from(row[x.clamp(0, w as isize - 1) as usize]);
        let mut sum: u32 = (-r..=r).map(at).sum();
        for (x, out) in sums.iter_mut().enumerate() {
            *out = sum;
            let x = x as isize;
            sum = sum + at(x + r + 1) - at(x - r);
        }
    }
    out
}

/// [`decode_pass_with`] for a frame as the till captures it: RGBA, made to fit [`MAX_SIDE`]
/// first.
pub fn decode_frame(
    width: usize,
    height: usize,
    rgba: &[u8],
    pass: Pass,
    decoder: Decoder,
) -> Result<Vec<String>, WrongSize> {
    Ok(decode_pass_with(
        &Gray::from_rgba(width, height, rgba)?.fit(MAX_SIDE),
        pass,
        decoder,
    ))
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;

    /// The worker's entry point: the texts of the QR codes in an RGBA frame (`ImageData.data`),
    /// the `frame`th of a live camera (which picks the [`super::Pass`]), read by the decoder
    /// named `decoder` (`"chain"`, the till's, when empty; the benchmark names the others).
    #[wasm_bindgen(js_name = decodeRgba)]
    pub fn decode_rgba(
        width: u32,
        height: u32,
        rgba: &[u8],
        frame: u32,
        decoder: &str,
    ) -> Result<Vec<String>, JsError> {
        let decoder = if decoder.is_empty() {
            super::Decoder::Chain
        } else {
            super::Decoder::from_name(decoder)
                .ok_or_else(|| JsError::new(&format!("no decoder is named {decoder:?}")))?
        };
        super::decode_frame(
            width as usize,
            height as usize,
            rgba,
            super::Pass::nth(frame),
            decoder,
        )
        .map_err(|_| JsError::new("the frame's pixels do not match its width and height"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luma_weights_green_most() {
        let gray =
            Gray::from_rgba(3, 1, &[255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]).unwrap();
        assert_eq!(gray.pixels, vec![77, 149, 29]);
        assert_eq!(Gray::from_rgba(2, 2, &[0; 12]), Err(WrongSize));
    }

    #[test]
    fn large_frames_are_made_to_fit_by_block_means() {
        let gray = Gray::new(4, 2, vec![0, 100, 200, 200, 100, 200, 0, 0]).unwrap();
        let small = gray.fit(2);
        assert_eq!((small.width, small.height), (2, 1));
        assert_eq!(small.pixels, vec![100, 100]);
        let big = Gray::new(1920, 1080, vec![7; 1920 * 1080])
            .unwrap()
            .fit(MAX_SIDE);
        assert_eq!((big.width, big.height), (960, 540));
        let small = Gray::new(640, 480, vec![7; 640 * 480])
            .unwrap()
            .fit(MAX_SIDE);
        assert_eq!((small.width, small.height), (640, 480));
    }

    #[test]
    fn sharpening_leaves_flat_areas_alone_and_steepens_edges() {
        let mut pixels = vec![200u8; 20 * 10];
        for y in 0..10 {
            for x in 10..20 {
                pixels[y * 20 + x] = 40;
            }
        }
        let sharp = Gray::new(20, 10, pixels).unwrap().sharpened();
        assert_eq!(sharp.pixels[5 * 20 + 2], 200);
        assert_eq!(sharp.pixels[5 * 20 + 17], 40);
        assert!(sharp.pixels[5 * 20 + 9] > 200 && sharp.pixels[5 * 20 + 10] < 40);
    }

    #[test]
    fn the_centre_pass_enlarges_the_middle() {
        let mut pixels = vec![0u8; 30 * 30];
        pixels[15 * 30 + 15] = 255;
        let centre = Gray::new(30, 30, pixels).unwrap().centre_enlarged();
        assert_eq!((centre.width, centre.height), (30, 30));
        // The bright pixel at (15, 15) lands at about ((15 - 5) * 1.5) = 15 again, spread out.
        assert!(centre.pixels[15 * 30 + 15] > 60);
        assert_eq!(centre.pixels[0], 0);
        assert_eq!(Pass::nth(0), Pass::Plain);
        assert_eq!(Pass::nth(4), Pass::Enlarged);
    }

    #[test]
    fn an_empty_or_blank_frame_has_no_codes() {
        assert!(decode(&Gray::new(0, 0, Vec::new()).unwrap()).is_empty());
        assert!(decode(&Gray::new(64, 48, vec![255; 64 * 48]).unwrap()).is_empty());
    }
}
