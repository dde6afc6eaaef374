//! The grid reader: the till's answer to the frames rxing's and rqrr's readers miss.
//!
//! Those readers decide each module from one pixel of a black-and-white image. When the code is
//! small and blurred (three or four pixels a module, a camera not quite in focus), a light
//! module between dark ones comes out dark and the grid has more errors than Reed-Solomon can
//! mend; when a corner of the code is past the frame's edge, the third finder pattern is never
//! found and no grid is sampled at all. This reader:
//!
//! 1. takes the finder patterns rxing's search found in a smoothed (and perhaps enlarged) copy
//!    of the frame: three of them, or two and a guess where the third is (beside either, or
//!    across the diagonal; the two finders' traced corners show how the code leans away from
//!    the camera);
//! 2. fits the grid to the frame's gray pixels: the alignment pattern and, with two finders,
//!    the third are each moved to where their pattern matches the frame best, then nudged until
//!    the modules the standard fixes (finder patterns, separators, timing patterns, alignment
//!    pattern) are as dark and as light as they can be;
//! 3. reads each module as the mean of its middle, and undoes the blur the way a modem
//!    equalises a line: a module's brightness is fitted, by least squares, as a level plus
//!    what its own colour and its neighbours' colours add, and each module is decided by which
//!    colour explains its brightness better given its neighbours, a few times over;
//! 4. hands the modules to rxing's QR decoder (format, Reed-Solomon, text).
//!
//! Versions 2 to 6 (25 to 41 modules, one alignment pattern): a card code is version 5 or 6.
//! Anything else is left to rxing's reader, which the chain runs first.

use rxing::common::BitMatrix;
use rxing::common::cpp_essentials::{ConcentricPattern, FindConcentricPatternCorners};
use rxing::qrcode::cpp_port::detector::{FindFinderPatterns, GenerateFinderPatternSets};

use crate::Gray;

/// Sides of the versions this reader reads.
const DIMENSIONS: [usize; 5] = [25, 29, 33, 37, 41];

/// A finder pattern located in a frame: its centre, its width (about seven modules) and, when
/// they could be traced, the corners of the middle of its outer dark ring (three modules from
/// the centre along both axes), in the frame's pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finder {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub corners: Option<[(f32, f32); 4]>,
}

/// The finder patterns rxing's zxing-cpp search finds in `image` (hybrid binarizer, trying
/// harder), in the coordinates of a frame `scale` times smaller than `image`.
pub fn find_finders(image: &Gray, scale: f32) -> Vec<Finder> {
    use rxing::{Binarizer, Luma8Source, common::HybridBinarizer};
    let Ok(source) =
        Luma8Source::new_with_slice(&image.pixels, image.width as u32, image.height as u32)
    else {
        return Vec::new();
    };
    let binarizer = HybridBinarizer::new(source);
    let Ok(matrix) = binarizer.get_black_matrix() else {
        return Vec::new();
    };
    FindFinderPatterns(matrix, true, 0)
        .into_iter()
        .map(|p| Finder {
            x: p.p.x / scale,
            y: p.p.y / scale,
            size: p.size as f32 / scale,
            corners: FindConcentricPatternCorners(matrix, p.p, p.size, 2)
                .map(|quad| quad.0.map(|c| (c.x / scale, c.y / scale))),
        })
        .collect()
}

/// The text of a code whose finder patterns are among `finders`, read from `frame`'s gray
/// pixels, or `None`.
pub fn read(frame: &Gray, finders: &[Finder]) -> Option<String> {
    let mut budget = Budget::new();
    // Three finders: rxing's most plausible sets first.
    let mut patterns: Vec<ConcentricPattern> = finders
        .iter()
        .map(|f| ConcentricPattern {
            p: rxing::Point { x: f.x, y: f.y },
            size: f.size.round() as i32,
        })
        .collect();
    let sets = GenerateFinderPatternSets(&mut patterns);
    for set in sets.iter().take(4) {
        let [tl, tr, bl] = [set.tl, set.tr, set.bl].map(|p| Point::new(p.p.x, p.p.y));
        let module = (set.tl.size + set.tr.size + set.bl.size) as f32 / 21.0;
        let across = (tl.distance(tr) + tl.distance(bl)) / 2.0 / module + 7.0;
        let mut best: Option<Fit> = None;
        for dim in dimensions_near(across) {
            if let Some(fit) = Fit::three(frame, dim, tl, tr, bl, &mut budget)
                && best.as_ref().is_none_or(|b| fit.score > b.score)
            {
                best = Some(fit);
            }
        }
        if let Some(text) = best.and_then(|fit| fit.decode(frame)) {
            return Some(text);
        }
        if budget.spent() {
            return None;
        }
    }
    // Two finders (the third cut off by the frame's edge, or not found): where the third is
    // follows from the code's being square, on one side or the other. Each guess is scored as
    // it is; the best few are fitted and read.
    let mut by_size: Vec<Finder> = finders.to_vec();
    by_size.sort_by(|a, b| b.size.total_cmp(&a.size));
    by_size.truncate(4);
    let mut guesses: Vec<(Fit, usize, f32)> = Vec::new();
    for (i, a) in by_size.iter().enumerate() {
        for b in &by_size[i + 1..] {
            if a.size.max(b.size) <= 1.6 * a.size.min(b.size) {
                guesses.extend(Fit::two(frame, *a, *b));
            }
        }
    }
    guesses.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    for (mut fit, guessed, module) in guesses.into_iter().take(Budget::GUESSES) {
        fit.fit_guess(frame, guessed, module, &mut budget);
        if let Some(text) = fit.decode(frame) {
            return Some(text);
        }
        if budget.spent() {
            break;
        }
    }
    None
}

/// The text of a code `dim` modules a side whose top-left, top-right and bottom-left finder
/// patterns' centres and alignment pattern's centre are at `points`, read as [`read`] reads it
/// once it has fitted them. For finding out whether a frame the reader misses can be read at
/// all when its geometry is known (a synthetic frame's is).
pub fn read_at(frame: &Gray, dim: usize, points: [(f32, f32); 4]) -> Option<String> {
    if !DIMENSIONS.contains(&dim) {
        return None;
    }
    Fit {
        dim,
        points: points.map(|(x, y)| Point::new(x, y)),
        score: 0.0,
    }
    .decode(frame)
}

/// The sides worth trying for a code measured `across` modules wide.
fn dimensions_near(across: f32) -> impl Iterator<Item = usize> {
    DIMENSIONS
        .into_iter()
        .filter(move |&d| (d as f32 - across).abs() <= 5.0)
}

/// Caps the work one frame may cost, in steps of about 300 pixels looked at (what scoring one
/// grid costs): about 4 ms natively at most, and the frames that get this far are few.
struct Budget(u32);

impl Budget {
    const STEPS: u32 = 1500;
    /// Guesses from two finders fitted at most.
    const GUESSES: usize = 3;

    fn new() -> Budget {
        Budget(0)
    }

    fn spend(&mut self, steps: u32) {
        self.0 += steps;
    }

    fn spent(&self) -> bool {
        self.0 >= Self::STEPS
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: f32,
    y: f32,
}

impl Point {
    fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    fn distance(self, other: Point) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    fn plus(self, dx: f32, dy: f32) -> Point {
        Point::new(self.x + dx, self.y + dy)
    }
}

/// A grid fitted to a frame: the code's side in modules, where the three finder patterns'
/// centres and the alignment pattern's centre are, and how well the fixed modules agree.
#[derive(Debug, Clone)]
struct Fit {
    dim: usize,
    /// Top-left, top-right and bottom-left finder centres, alignment pattern centre.
    points: [Point; 4],
    score: f32,
}

impl Fit {
    /// Places a module apart that [`Fit::search`] tries.
    const SEARCH_STEPS: f32 = 3.0;

    /// Module coordinates of the four fitted points.
    fn anchors(dim: usize) -> [(f64, f64); 4] {
        let d = dim as f64;
        [
            (3.5, 3.5),
            (d - 3.5, 3.5),
            (3.5, d - 3.5),
            (d - 6.5, d - 6.5),
        ]
    }

    fn homography(&self) -> Option<Homography> {
        Homography::between(
            Self::anchors(self.dim),
            self.points.map(|p| (f64::from(p.x), f64::from(p.y))),
        )
    }

    /// With the three finders found: the alignment pattern is fitted.
    fn three(
        frame: &Gray,
        dim: usize,
        tl: Point,
        tr: Point,
        bl: Point,
        budget: &mut Budget,
    ) -> Option<Fit> {
        let f = (dim as f32 - 10.0) / (dim as f32 - 7.0);
        let guess = tl.plus(
            f * (tr.x - tl.x + bl.x - tl.x),
            f * (tr.y - tl.y + bl.y - tl.y),
        );
        let module = (tl.distance(tr) + tl.distance(bl)) / 2.0 / (dim as f32 - 7.0);
        let mut fit = Fit {
            dim,
            points: [tl, tr, bl, guess],
            score: f32::MIN,
        };
        fit.search(frame, 3, 5.0, budget);
        fit.score = fit.contrast(frame)?;
        fit.refine(frame, 3, module, 2, &[0.25, 0.1], budget);
        Some(fit)
    }

    /// With two finders, `a` and `b`: each place the third can be, for each side the distance
    /// between them allows, with which point is guessed and the module's size in pixels.
    fn two(frame: &Gray, a: Finder, b: Finder) -> Vec<(Fit, usize, f32)> {
        let (pa, pb) = (Point::new(a.x, a.y), Point::new(b.x, b.y));
        let module = (a.size + b.size) / 14.0;
        let apart = pa.distance(pb) / module;
        // Perpendicular to a -> b, as long.
        let (px, py) = (-(pb.y - pa.y), pb.x - pa.x);
        let mut guesses = Vec::new();
        for dim in DIMENSIONS {
            let side = dim as f32 - 7.0;
            let mut corners: Vec<[Point; 3]> = Vec::new();
            if (apart / side - 1.0).abs() < 0.25 {
                // a and b along one side: the third beside a or beside b, on either side.
                for s in [1.0, -1.0] {
                    corners.push([pa, pb, pa.plus(s * px, s * py)]);
                    corners.push([pb, pa, pb.plus(s * px, s * py)]);
                }
            }
            if (apart / (side * std::f32::consts::SQRT_2) - 1.0).abs() < 0.25 {
                // a and b across the diagonal: the top-left corner off the middle.
                let (mx, my) = ((pa.x + pb.x) / 2.0, (pa.y + pb.y) / 2.0);
                for s in [0.5, -0.5] {
                    corners.push([Point::new(mx + s * px, my + s * py), pa, pb]);
                }
            }
            for [tl, p, q] in corners {
                // Not mirrored: top-right then bottom-left clockwise from the top-left.
                let cross = (p.x - tl.x) * (q.y - tl.y) - (p.y - tl.y) * (q.x - tl.x);
                let (tr, bl) = if cross > 0.0 { (p, q) } else { (q, p) };
                let f = (dim as f32 - 10.0) / (dim as f32 - 7.0);
                let guess = tl.plus(
                    f * (tr.x - tl.x + bl.x - tl.x),
                    f * (tr.y - tl.y + bl.y - tl.y),
                );
                let mut fit = Fit {
                    dim,
                    points: [tl, tr, bl, guess],
                    score: f32::MIN,
                };
                let guessed = [tl, tr, bl]
                    .iter()
                    .position(|&p| p != pa && p != pb)
                    .unwrap_or(0);
                // The two finders' corners show how the code leans away from the camera: a
                // better guess of the third and the alignment pattern than a square's.
                if let Some(better) = fit.guess_from_corners(guessed, [a, b]) {
                    fit.points = better;
                }
                let Some(score) = fit.contrast(frame) else {
                    continue;
                };
                fit.score = score;
                guesses.push((fit, guessed, module));
            }
        }
        guesses
    }

    /// The four points again, from a map fitted to the centres and traced corners of the
    /// finders `found` (all but point `guessed`), or `None` when their corners are unknown.
    fn guess_from_corners(&self, guessed: usize, found: [Finder; 2]) -> Option<[Point; 4]> {
        let anchors = Self::anchors(self.dim);
        let [tl, tr, bl, _] = self.points;
        // The code's axes, one module long, as the points stand.
        let span = self.dim as f32 - 7.0;
        let (ex, ey) = (
            ((tr.x - tl.x) / span, (tr.y - tl.y) / span),
            ((bl.x - tl.x) / span, (bl.y - tl.y) / span),
        );
        let det = ex.0 * ey.1 - ex.1 * ey.0;
        if det.abs() < 1e-6 {
            return None;
        }
        let mut pairs: Vec<Pair> = Vec::with_capacity(10);
        for (i, point) in self.points.iter().enumerate().take(3) {
            if i == guessed {
                continue;
            }
            let finder = found.iter().find(|f| Point::new(f.x, f.y) == *point)?;
            let (mx, my) = anchors[i];
            pairs.push(((mx, my), (f64::from(finder.x), f64::from(finder.y))));
            for (cx, cy) in finder.corners? {
                // Which corner: the signs of its offset along the code's axes.
                let (dx, dy) = (cx - finder.x, cy - finder.y);
                let a = (dx * ey.1 - dy * ey.0) / det;
                let b = (ex.0 * dy - ex.1 * dx) / det;
                pairs.push((
                    (
                        mx + 3.0f64.copysign(f64::from(a)),
                        my + 3.0f64.copysign(f64::from(b)),
                    ),
                    (f64::from(cx), f64::from(cy)),
                ));
            }
        }
        let h = Homography::fit(&pairs)?;
        Some(anchors.map(|(mx, my)| {
            let (x, y) = h.map(mx, my);
            Point::new(x as f32, y as f32)
        }))
    }

    /// Fits the guessed finder (`guessed`), then the alignment pattern, then both again,
    /// finer.
    fn fit_guess(&mut self, frame: &Gray, guessed: usize, module: f32, budget: &mut Budget) {
        self.search(frame, guessed, 4.0, budget);
        self.search(frame, 3, 4.0, budget);
        if let Some(score) = self.contrast(frame) {
            self.score = score;
        }
        self.refine(frame, guessed, module, 2, &[0.25, 0.1], budget);
        self.refine(frame, 3, module, 2, &[0.25, 0.1], budget);
    }

    /// Moves point `which` (a finder's centre, or the alignment pattern's) to where its
    /// pattern best matches the frame within `reach` modules: every place on a lattice a
    /// quarter module apart, the pattern drawn as the current map draws it there (locally:
    /// the map's derivative at the point). Its modules by distance from the centre: a finder's
    /// dark, dark, light, dark, light (its separator, or the quiet zone); the alignment
    /// pattern's dark, light, dark.
    fn search(&mut self, frame: &Gray, which: usize, reach: f32, budget: &mut Budget) {
        let Some(h) = self.homography() else {
            return;
        };
        let (mx, my) = Self::anchors(self.dim)[which];
        let (cx, cy) = h.map(mx, my);
        let (ax, ay) = h.map(mx + 1.0, my);
        let (bx, by) = h.map(mx, my + 1.0);
        // One module along each axis, in pixels.
        let (ex, ey) = ((ax - cx, ay - cy), (bx - cx, by - cy));
        let module = ((ex.0.hypot(ex.1) + ey.0.hypot(ey.1)) / 2.0) as f32;
        if !module.is_finite() || module < 0.5 {
            return;
        }
        let rings: &[bool] = if which == 3 {
            &[true, false, true]
        } else {
            &[true, true, false, true, false]
        };
        let half = rings.len() as i32 - 1;
        // Offsets in pixels of each module of the pattern from its centre, and its colour.
        let mut taps: Vec<(f32, f32, bool)> = Vec::with_capacity(81);
        for j in -half..=half {
            for i in -half..=half {
                let ring = i.abs().max(j.abs()) as usize;
                let (i, j) = (f64::from(i), f64::from(j));
                taps.push((
                    (i * ex.0 + j * ey.0) as f32,
                    (i * ex.1 + j * ey.1) as f32,
                    rings[ring],
                ));
            }
        }
        let step = module / Self::SEARCH_STEPS;
        let steps = (reach * Self::SEARCH_STEPS) as i32;
        let (w, hgt) = (frame.width as i32, frame.height as i32);
        let mut best: Option<(f32, f32, f32)> = None;
        for sy in -steps..=steps {
            for sx in -steps..=steps {
                let (px, py) = (cx as f32 + sx as f32 * step, cy as f32 + sy as f32 * step);
                let (mut dark, mut dark_n, mut light, mut light_n) = (0u32, 0u32, 0u32, 0u32);
                for &(ox, oy, is_dark) in &taps {
                    let (x, y) = ((px + ox) as i32, (py + oy) as i32);
                    if x < 0 || y < 0 || x >= w || y >= hgt {
                        continue;
                    }
                    let v = u32::from(frame.pixels[(y * w + x) as usize]);
                    if is_dark {
                        dark += v;
                        dark_n += 1;
                    } else {
                        light += v;
                        light_n += 1;
                    }
                }
                if dark_n * 2 < taps.len() as u32 / 3 || light_n * 2 < taps.len() as u32 / 3 {
                    continue;
                }
                let inside = (dark_n + light_n) as f32 / taps.len() as f32;
                let score = (light as f32 / light_n as f32 - dark as f32 / dark_n as f32) * inside;
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, px, py));
                }
            }
        }
        budget.spend(((2 * steps + 1) * (2 * steps + 1)) as u32 * taps.len() as u32 / 300);
        if let Some((_, x, y)) = best {
            self.points[which] = Point::new(x, y);
        }
    }

    /// Moves point `which` on a lattice `2 * reach + 1` points a side around where it is,
    /// `step` modules apart, for each step in turn, keeping the place where the fixed modules
    /// contrast most.
    fn refine(
        &mut self,
        frame: &Gray,
        which: usize,
        module: f32,
        reach: i32,
        steps: &[f32],
        budget: &mut Budget,
    ) {
        for &step in steps {
            let centre = self.points[which];
            let mut best = (self.score, centre);
            for dy in -reach..=reach {
                for dx in -reach..=reach {
                    if dx == 0 && dy == 0 {
                        continue;
                    }
                    let moved = centre.plus(dx as f32 * step * module, dy as f32 * step * module);
                    let mut trial = self.clone();
                    trial.points[which] = moved;
                    if let Some(score) = trial.contrast(frame)
                        && score > best.0
                    {
                        best = (score, moved);
                    }
                }
            }
            budget.spend(((2 * reach + 1) * (2 * reach + 1)) as u32);
            self.score = best.0;
            self.points[which] = best.1;
        }
    }

    /// Mean brightness of the fixed light modules minus that of the fixed dark ones, over
    /// those inside the frame, times their share (`None` when too few are inside).
    fn contrast(&self, frame: &Gray) -> Option<f32> {
        let h = self.homography()?;
        let (mut dark, mut dark_n, mut light, mut light_n) = (0.0, 0u32, 0.0, 0u32);
        let mut outside = 0u32;
        for y in 0..self.dim {
            for x in 0..self.dim {
                let Some(is_dark) = fixed_module(self.dim, x, y) else {
                    continue;
                };
                let (px, py) = h.map(x as f64 + 0.5, y as f64 + 0.5);
                match frame.bilinear(px as f32, py as f32) {
                    Some(v) if is_dark => {
                        dark += v;
                        dark_n += 1;
                    }
                    Some(v) => {
                        light += v;
                        light_n += 1;
                    }
                    None => outside += 1,
                }
            }
        }
        if dark_n < 20 || light_n < 20 || outside > (dark_n + light_n) / 2 {
            return None;
        }
        // Weighed by the share inside: pushing modules that disagree out of the frame does
        // not raise the score.
        let inside = (dark_n + light_n) as f32 / (dark_n + light_n + outside) as f32;
        Some((light / light_n as f32 - dark / dark_n as f32) * inside)
    }

    /// The modules read and equalised, decoded.
    fn decode(&self, frame: &Gray) -> Option<String> {
        let h = self.homography()?;
        let dim = self.dim;
        let mut values = vec![0.0f32; dim * dim];
        for y in 0..dim {
            for x in 0..dim {
                // The mean of nine points over the middle of the module.
                let mut sum = 0.0;
                let mut n = 0;
                for oy in [-0.2, 0.0, 0.2] {
                    for ox in [-0.2, 0.0, 0.2] {
                        let (px, py) = h.map(x as f64 + 0.5 + ox, y as f64 + 0.5 + oy);
                        if let Some(v) = frame.bilinear_clamped(px as f32, py as f32) {
                            sum += v;
                            n += 1;
                        }
                    }
                }
                values[y * dim + x] = if n > 0 { sum / n as f32 } else { f32::NAN };
            }
        }
        let dark = equalise(&values, dim);
        let mut bits = BitMatrix::new(dim as u32, dim as u32).ok()?;
        for (i, &d) in dark.iter().enumerate() {
            if d {
                bits.set((i % dim) as u32, (i / dim) as u32);
            }
        }
        let result = rxing::qrcode::cpp_port::decoder::Decode(&bits).ok()?;
        result.isValid().then(|| result.content().to_string())
    }
}

/// The colour the standard gives module (x, y) of a code `dim` modules wide (version 2 to 6),
/// `Some(true)` for dark, or `None` for a data or format module.
fn fixed_module(dim: usize, x: usize, y: usize) -> Option<bool> {
    // A finder pattern with its separator, from its outer corner.
    let finder = |x: usize, y: usize| {
        if x <= 6 && y <= 6 {
            Some(x.min(y).min(6 - x).min(6 - y) != 1)
        } else if x == 7 || y == 7 {
            Some(false)
        } else {
            None
        }
    };
    let far = dim - 1;
    if x <= 7 && y <= 7 {
        return finder(x, y);
    }
    if x + 8 >= dim && y <= 7 {
        return finder(far - x, y);
    }
    if x <= 7 && y + 8 >= dim {
        return finder(x, far - y);
    }
    if y == 6 && x > 7 && x + 8 < dim {
        return Some(x.is_multiple_of(2));
    }
    if x == 6 && y > 7 && y + 8 < dim {
        return Some(y.is_multiple_of(2));
    }
    let centre = dim - 7;
    if x.abs_diff(centre) <= 2 && y.abs_diff(centre) <= 2 {
        return Some(x.abs_diff(centre).max(y.abs_diff(centre)) != 1);
    }
    // The dark module beside the bottom-left finder's format bits.
    if x == 8 && y == dim - 8 {
        return Some(true);
    }
    None
}

/// Which modules are dark, from their brightness (`values`, row by row; NaN outside the
/// frame). Blur mixes each module with its neighbours; this fits, by least squares,
/// brightness = level + own * (own dark) + side * (dark side neighbours) + corner * (dark
/// corner neighbours), and decides each module by which of its two predicted brightnesses
/// (dark or light, given its neighbours) is nearer. The first decisions come from a threshold
/// midway between the fixed dark and light modules; the fit and the decisions are repeated.
fn equalise(values: &[f32], dim: usize) -> Vec<bool> {
    let fixed: Vec<Option<bool>> = (0..dim * dim)
        .map(|i| fixed_module(dim, i % dim, i / dim))
        .collect();
    let (mut dark, mut dark_n, mut light, mut light_n) = (0.0, 0.0, 0.0, 0.0);
    for (v, f) in values.iter().zip(&fixed) {
        match f {
            Some(true) if v.is_finite() => {
                dark += v;
                dark_n += 1.0;
            }
            Some(false) if v.is_finite() => {
                light += v;
                light_n += 1.0;
            }
            _ => {}
        }
    }
    let threshold = (dark / dark_n + light / light_n) / 2.0;
    let mut bits: Vec<bool> = values
        .iter()
        .zip(&fixed)
        .map(|(&v, f)| f.unwrap_or(v < threshold))
        .collect();
    let neighbours = |bits: &[bool], x: usize, y: usize| {
        let at = |dx: isize, dy: isize| {
            let (nx, ny) = (x as isize + dx, y as isize + dy);
            let inside = (0..dim as isize).contains(&nx) && (0..dim as isize).contains(&ny);
            // Outside the code is the light quiet zone.
            f32::from(u8::from(inside && bits[ny as usize * dim + nx as usize]))
        };
        (
            at(-1, 0) + at(1, 0) + at(0, -1) + at(0, 1),
            at(-1, -1) + at(1, -1) + at(-1, 1) + at(1, 1),
        )
    };
    for _ in 0..4 {
        let mut normal = [[0.0f64; 4]; 4];
        let mut right = [0.0f64; 4];
        for y in 0..dim {
            for x in 0..dim {
                let v = values[y * dim + x];
                if !v.is_finite() {
                    continue;
                }
                let (side, corner) = neighbours(&bits, x, y);
                let row = [
                    1.0,
                    f64::from(u8::from(bits[y * dim + x])),
                    f64::from(side),
                    f64::from(corner),
                ];
                for i in 0..4 {
                    right[i] += row[i] * f64::from(v);
                    for j in 0..4 {
                        normal[i][j] += row[i] * row[j];
                    }
                }
            }
        }
        let Some([level, own, side_weight, corner_weight]) = solve(normal, right) else {
            break;
        };
        let mut next = bits.clone();
        for y in 0..dim {
            for x in 0..dim {
                let i = y * dim + x;
                let v = f64::from(values[i]);
                if fixed[i].is_some() || !v.is_finite() {
                    continue;
                }
                let (side, corner) = neighbours(&bits, x, y);
                let light =
                    level + side_weight * f64::from(side) + corner_weight * f64::from(corner);
                next[i] = (v - light - own).abs() < (v - light).abs();
            }
        }
        if next == bits {
            break;
        }
        bits = next;
    }
    bits
}

/// `a x = b` for a 4 x 4 system (Gauss-Jordan, partial pivoting), or `None` when singular.
fn solve(mut a: [[f64; 4]; 4], mut b: [f64; 4]) -> Option<[f64; 4]> {
    for i in 0..4 {
        let pivot = (i..4).max_by(|&r, &s| a[r][i].abs().total_cmp(&a[s][i].abs()))?;
        a.swap(i, pivot);
        b.swap(i, pivot);
        let (top, top_b) = (a[i], b[i]);
        if top[i].abs() < 1e-9 {
            return None;
        }
        for (r, (row, rb)) in a.iter_mut().zip(b.iter_mut()).enumerate() {
            if r != i {
                let f = row[i] / top[i];
                for (x, t) in row.iter_mut().zip(&top).skip(i) {
                    *x -= f * t;
                }
                *rb -= f * top_b;
            }
        }
    }
    Some([0, 1, 2, 3].map(|i| b[i] / a[i][i]))
}

/// `x` from the 8 x 9 augmented matrix `[A | b]` of `A x = b` (Gauss-Jordan, partial
/// pivoting), or `None` when `A` is singular.
fn solve_augmented(mut a: [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for i in 0..8 {
        let pivot = (i..8).max_by(|&r, &s| a[r][i].abs().total_cmp(&a[s][i].abs()))?;
        a.swap(i, pivot);
        let top = a[i];
        if top[i].abs() < 1e-9 {
            return None;
        }
        for (r, row) in a.iter_mut().enumerate() {
            if r != i {
                let f = row[i] / top[i];
                for (x, t) in row.iter_mut().zip(&top).skip(i) {
                    *x -= f * t;
                }
            }
        }
    }
    Some([0, 1, 2, 3, 4, 5, 6, 7].map(|i| a[i][8] / a[i][i]))
}

/// A point in module coordinates and where it is in the frame, in pixels.
type Pair = ((f64, f64), (f64, f64));

/// A projective map of the plane (module coordinates to pixels).
#[derive(Debug, Clone, Copy)]
struct Homography([f64; 8]);

impl Homography {
    /// The map taking each of `from` to the matching `to`, or `None` when three are in line.
    fn between(from: [(f64, f64); 4], to: [(f64, f64); 4]) -> Option<Homography> {
        let mut a = [[0.0f64; 9]; 8];
        for (k, (&(x, y), &(u, v))) in from.iter().zip(&to).enumerate() {
            a[2 * k] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            a[2 * k + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        solve_augmented(a).map(Homography)
    }

    /// The map taking each pair's first point nearest its second, by least squares over
    /// four or more pairs (pixels centred and scaled for the arithmetic's sake).
    fn fit(pairs: &[Pair]) -> Option<Homography> {
        if pairs.len() < 4 {
            return None;
        }
        let n = pairs.len() as f64;
        let (mu, mv) = pairs
            .iter()
            .fold((0.0, 0.0), |(a, b), (_, (u, v))| (a + u / n, b + v / n));
        let scale = pairs
            .iter()
            .map(|(_, (u, v))| (u - mu).hypot(v - mv))
            .sum::<f64>()
            / n;
        if scale < 1e-6 {
            return None;
        }
        let mut normal = [[0.0f64; 9]; 8];
        for &((x, y), (u, v)) in pairs {
            let (u, v) = ((u - mu) / scale, (v - mv) / scale);
            for row in [
                [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u],
                [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v],
            ] {
                for i in 0..8 {
                    for j in 0..9 {
                        normal[i][j] += row[i] * row[j];
                    }
                }
            }
        }
        let h = solve_augmented(normal)?;
        // Back to pixels: u = scale * u' + mu.
        Some(Homography([
            scale * h[0] + mu * h[6],
            scale * h[1] + mu * h[7],
            scale * h[2] + mu,
            scale * h[3] + mv * h[6],
            scale * h[4] + mv * h[7],
            scale * h[5] + mv,
            h[6],
            h[7],
        ]))
    }

    fn map(&self, x: f64, y: f64) -> (f64, f64) {
        let h = &self.0;
        let w = h[6] * x + h[7] * y + 1.0;
        (
            (h[0] * x + h[1] * y + h[2]) / w,
            (h[3] * x + h[4] * y + h[5]) / w,
        )
    }
}

impl Gray {
    /// The brightness at (x, y) (pixel centres at half-integers), interpolated, or `None`
    /// outside the image.
    fn bilinear(&self, x: f32, y: f32) -> Option<f32> {
        if !(0.0..self.width as f32).contains(&x) || !(0.0..self.height as f32).contains(&y) {
            return None;
        }
        self.bilinear_clamped(x, y)
    }

    /// As [`Gray::bilinear`], the nearest edge pixel just outside; `None` farther than a
    /// pixel out.
    fn bilinear_clamped(&self, x: f32, y: f32) -> Option<f32> {
        let (w, h) = (self.width, self.height);
        if w == 0 || h == 0 || !x.is_finite() || !y.is_finite() {
            return None;
        }
        if x < -1.0 || y < -1.0 || x > w as f32 + 1.0 || y > h as f32 + 1.0 {
            return None;
        }
        let fx = (x - 0.5).clamp(0.0, (w - 1) as f32);
        let fy = (y - 0.5).clamp(0.0, (h - 1) as f32);
        let (left, top) = (fx as usize, fy as usize);
        let (right, bottom) = ((left + 1).min(w - 1), (top + 1).min(h - 1));
        let (ax, ay) = (fx - left as f32, fy - top as f32);
        let p = |x: usize, y: usize| f32::from(self.pixels[y * w + x]);
        let upper = p(left, top) + (p(right, top) - p(left, top)) * ax;
        let lower = p(left, bottom) + (p(right, bottom) - p(left, bottom)) * ax;
        Some(upper + (lower - upper) * ay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_through_four_points_takes_each_to_its_match() {
        let from = Fit::anchors(41);
        let to = [(100.0, 80.0), (300.0, 95.0), (90.0, 290.0), (270.0, 260.0)];
        let h = Homography::between(from, to).unwrap();
        for (&(x, y), &(u, v)) in from.iter().zip(&to) {
            let (mu, mv) = h.map(x, y);
            assert!((mu - u).abs() < 1e-6 && (mv - v).abs() < 1e-6);
        }
        // Fitted to more points of the same map, it is that map.
        let pairs: Vec<_> = [
            (0.0, 0.0),
            (7.0, 0.0),
            (41.0, 3.0),
            (20.0, 20.0),
            (3.0, 41.0),
        ]
        .into_iter()
        .chain(from)
        .map(|(x, y)| ((x, y), h.map(x, y)))
        .collect();
        let fitted = Homography::fit(&pairs).unwrap();
        for &((x, y), (u, v)) in &pairs {
            let (fu, fv) = fitted.map(x, y);
            assert!((fu - u).abs() < 1e-6 && (fv - v).abs() < 1e-6);
        }
        assert!(Homography::between(from, [(0.0, 0.0); 4]).is_none());
    }

    #[test]
    fn the_standard_fixes_finders_timing_and_alignment_modules() {
        let dark = |x, y| fixed_module(41, x, y);
        // Top-left finder: outer ring, light ring, middle, separator.
        assert_eq!(
            (dark(0, 0), dark(1, 1), dark(3, 3), dark(7, 3)),
            (Some(true), Some(false), Some(true), Some(false))
        );
        // The other two finders, mirrored.
        assert_eq!(
            (dark(40, 0), dark(39, 1), dark(33, 0)),
            (Some(true), Some(false), Some(false))
        );
        assert_eq!(
            (dark(0, 40), dark(1, 39), dark(0, 33)),
            (Some(true), Some(false), Some(false))
        );
        // Timing patterns, dark on even modules.
        assert_eq!(
            (dark(8, 6), dark(9, 6), dark(6, 32)),
            (Some(true), Some(false), Some(true))
        );
        // The alignment pattern around (34, 34), and the dark module.
        assert_eq!(
            (dark(34, 34), dark(33, 35), dark(32, 36)),
            (Some(true), Some(false), Some(true))
        );
        assert_eq!(dark(8, 33), Some(true));
        // Data and format modules are not fixed.
        assert_eq!((dark(20, 20), dark(8, 2), dark(12, 30)), (None, None, None));
        let fixed = (0..41 * 41)
            .filter(|i| fixed_module(41, i % 41, i / 41).is_some())
            .count();
        // Three finders with separators (3 x 64), two timing patterns (2 x 25), the alignment
        // pattern (25) and the dark module.
        assert_eq!(fixed, 3 * 64 + 2 * 25 + 25 + 1);
    }

    #[test]
    fn equalising_undoes_most_of_the_blur_a_threshold_cannot() {
        let dim = 33;
        // Modules: the fixed ones as the standard has them, the rest from a fixed pattern.
        let mut random = 0x2545_F491_4F6C_DD1Du64;
        let dark: Vec<bool> = (0..dim * dim)
            .map(|i| {
                random ^= random << 13;
                random ^= random >> 7;
                random ^= random << 17;
                fixed_module(dim, i % dim, i / dim).unwrap_or(random % 5 < 2)
            })
            .collect();
        // Heavy blur: each module's brightness only a third its own, the rest its neighbours'.
        let values: Vec<f32> = (0..dim * dim)
            .map(|i| {
                let (x, y) = ((i % dim) as isize, (i / dim) as isize);
                let at = |dx: isize, dy: isize| {
                    let (nx, ny) = (x + dx, y + dy);
                    let inside = (0..dim as isize).contains(&nx) && (0..dim as isize).contains(&ny);
                    f32::from(u8::from(inside && dark[ny as usize * dim + nx as usize]))
                };
                let sides = at(-1, 0) + at(1, 0) + at(0, -1) + at(0, 1);
                let corners = at(-1, -1) + at(1, -1) + at(-1, 1) + at(1, 1);
                200.0 - 50.0 * at(0, 0) - 18.0 * sides - 7.0 * corners
            })
            .collect();
        let threshold_errors = {
            let (mut d, mut l) = (Vec::new(), Vec::new());
            for (i, &v) in values.iter().enumerate() {
                match fixed_module(dim, i % dim, i / dim) {
                    Some(true) => d.push(v),
                    Some(false) => l.push(v),
                    None => {}
                }
            }
            let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
            let threshold = (mean(&d) + mean(&l)) / 2.0;
            values
                .iter()
                .zip(&dark)
                .filter(|&(&v, &d)| (v < threshold) != d)
                .count()
        };
        let equalised_errors = equalise(&values, dim)
            .iter()
            .zip(&dark)
            .filter(|(a, b)| a != b)
            .count();
        assert!(
            threshold_errors > 40 && equalised_errors * 10 < threshold_errors,
            "{threshold_errors} errors by threshold, {equalised_errors} equalised"
        );
    }
}
