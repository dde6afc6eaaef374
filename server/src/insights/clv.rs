//! Predicted value: the BG/NBD model of repeat visits (Fader, Hardie and Lee 2005, "Counting
//! your customers the easy way") and the Gamma-Gamma model of spend per visit (Fader, Hardie and
//! Lee 2005, "RFM and CLV"), fitted by maximum likelihood per shop. The likelihoods, their
//! gradients and the predictions are written here; the optimizers (L-BFGS, with Nelder-Mead
//! when it fails, from `argmin`) and the log-gamma and digamma functions (`statrs`) come from
//! crates.
//!
//! Each member is summarised as the models read them, in weeks: `x` repeat visits (visits after
//! the first; a visit is a shop-local day, so same-day purchases are one), `t_x` the weeks from
//! the first visit to the last, `t` the weeks from the first visit to the day the model is fitted
//! as of, and the mean spend of the repeat visits.

use std::cell::RefCell;

use argmin::core::{
    CostFunction, Error as ArgminError, Executor, Gradient, State, TerminationReason,
};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::neldermead::NelderMead;
use argmin::solver::quasinewton::LBFGS;
use statrs::function::gamma::{digamma, ln_gamma};

/// One member as the models read them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Customer {
    /// Repeat visits.
    pub x: f64,
    /// Weeks from the first visit to the last.
    pub t_x: f64,
    /// Weeks from the first visit to the end of the data.
    pub t: f64,
    /// Mean spend of the repeat visits (minor units), when they recorded amounts.
    pub mean_spend: Option<f64>,
}

/// BG/NBD parameters: purchase rates are Gamma(r, alpha) across members; the chance of dropping
/// out after each visit is Beta(a, b).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// What the BG/NBD likelihood of a member with `x` repeat visits takes from the special
/// functions (see [`BgNbd::terms`]).
struct Terms {
    x: f64,
    /// ln Γ(r+x) − ln Γ(r) + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x).
    log_gammas: f64,
    /// ψ(r+x) − ψ(r).
    d_r: f64,
    /// The Beta part's derivatives in a and b (0 without a repeat visit).
    d2_a: f64,
    d2_b: f64,
}

/// What the Gamma-Gamma likelihood of a member with `x` repeat visits takes from the special
/// functions.
struct SpendTerms {
    x: f64,
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q).
    log_gammas: f64,
    /// ψ(px+q) − ψ(px) + ln x, and ψ(px+q) − ψ(q).
    d_p: f64,
    d_q: f64,
}

/// Gamma-Gamma parameters: spend per visit is Gamma(p, nu) with nu ~ Gamma(q, gamma).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

/// ln(e^a + e^b) without overflow.
fn log_sum_exp(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + ((a - m).exp() + (b - m).exp()).ln()
}

impl BgNbd {
    /// One member's log-likelihood (equation 6 of the paper, in logs).
    pub fn log_likelihood_of(&self, c: &Customer) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let x = c.x;
        let a1 = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln();
        let a2 = ln_gamma(a + b) + ln_gamma(b + x) - ln_gamma(b) - ln_gamma(a + b + x);
        let a3 = -(r + x) * (alpha + c.t).ln();
        if x > 0.0 {
            let a4 = a.ln() - (b + x - 1.0).ln() - (r + x) * (alpha + c.t_x).ln();
            a1 + a2 + log_sum_exp(a3, a4)
        } else {
            a1 + a2 + a3
        }
    }

    /// The sample's log-likelihood.
    pub fn log_likelihood(&self, customers: &[Customer]) -> f64 {
        customers.iter().map(|c| self.log_likelihood_of(c)).sum()
    }

    /// One member's log-likelihood and its gradient with respect to the logarithms of
    /// (r, alpha, a, b), which the fit moves.
    pub fn log_likelihood_and_gradient(&self, c: &Customer) -> (f64, [f64; 4]) {
        self.log_likelihood_and_gradient_with(c, &self.terms(c.x))
    }

    /// The log-gamma and digamma terms of the likelihood for members with `x` repeat visits:
    /// the same for every member with as many, so a fit computes them once per `x`.
    fn terms(&self, x: f64) -> Terms {
        let BgNbd { r, a, b, .. } = *self;
        let ab = a + b;
        let (d2_a, d2_b) = if x > 0.0 {
            let shared = digamma(ab) - digamma(ab + x);
            (shared, shared + digamma(b + x) - digamma(b))
        } else {
            (0.0, 0.0)
        };
        Terms {
            x,
            log_gammas: ln_gamma(r + x) - ln_gamma(r) + ln_gamma(ab) + ln_gamma(b + x)
                - ln_gamma(b)
                - ln_gamma(ab + x),
            d_r: digamma(r + x) - digamma(r),
            d2_a,
            d2_b,
        }
    }

    fn log_likelihood_and_gradient_with(&self, c: &Customer, terms: &Terms) -> (f64, [f64; 4]) {
        let BgNbd { r, alpha, a, b } = *self;
        let x = c.x;
        debug_assert_eq!(terms.x.to_bits(), x.to_bits());
        let ln_alpha = alpha.ln();
        let a12 = terms.log_gammas + r * ln_alpha;
        let a3 = -(r + x) * (alpha + c.t).ln();
        let d1_r = terms.d_r + ln_alpha;
        let d1_alpha = r / alpha;
        let d3_r = -(alpha + c.t).ln();
        let d3_alpha = -(r + x) / (alpha + c.t);
        let (ll, dr, dalpha, da, db) = if x > 0.0 {
            let a4 = a.ln() - (b + x - 1.0).ln() - (r + x) * (alpha + c.t_x).ln();
            let m = a3.max(a4);
            let (e3, e4) = ((a3 - m).exp(), (a4 - m).exp());
            let (w3, w4) = (e3 / (e3 + e4), e4 / (e3 + e4));
            let d4_r = -(alpha + c.t_x).ln();
            let d4_alpha = -(r + x) / (alpha + c.t_x);
            (
                a12 + m + (e3 + e4).ln(),
                d1_r + w3 * d3_r + w4 * d4_r,
                d1_alpha + w3 * d3_alpha + w4 * d4_alpha,
                terms.d2_a + w4 / a,
                terms.d2_b - w4 / (b + x - 1.0),
            )
        } else {
            // Without a repeat visit the Beta terms cancel: a and b do not move it.
            (a12 + a3, d1_r + d3_r, d1_alpha + d3_alpha, 0.0, 0.0)
        };
        (ll, [r * dr, alpha * dalpha, a * da, b * db])
    }

    /// The odds, against being active, of a member with this history: 0 for a member who never
    /// came back (the model's dropouts happen only after a repeat visit).
    fn dropout_odds(&self, c: &Customer) -> f64 {
        if c.x <= 0.0 {
            return 0.0;
        }
        let BgNbd { r, alpha, a, b } = *self;
        (a.ln() - (b + c.x - 1.0).ln() + (r + c.x) * ((alpha + c.t).ln() - (alpha + c.t_x).ln()))
            .exp()
    }

    /// The probability that a member with this history is still active (equation 11).
    pub fn p_alive(&self, c: &Customer) -> f64 {
        1.0 / (1.0 + self.dropout_odds(c))
    }

    /// Expected visits in the next `weeks` for a member with this history (equation 10).
    pub fn expected_visits(&self, weeks: f64, c: &Customer) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let x = c.x;
        let z = weeks / (alpha + c.t + weeks);
        let hyp = hyp2f1(r + x, b + x, a + b + x - 1.0, z);
        let first = (a + b + x - 1.0) / (a - 1.0);
        let second = 1.0 - ((alpha + c.t) / (alpha + c.t + weeks)).powf(r + x) * hyp;
        first * second / (1.0 + self.dropout_odds(c))
    }
}

impl GammaGamma {
    /// One repeat member's log-likelihood of their mean spend `m` over `x` visits.
    pub fn log_likelihood_of(&self, x: f64, m: f64) -> f64 {
        let GammaGamma { p, q, gamma } = *self;
        ln_gamma(p * x + q) - ln_gamma(p * x) - ln_gamma(q)
            + q * gamma.ln()
            + (p * x - 1.0) * m.ln()
            + (p * x) * x.ln()
            - (p * x + q) * (gamma + x * m).ln()
    }

    pub fn log_likelihood(&self, sample: &[(f64, f64)]) -> f64 {
        sample
            .iter()
            .map(|(x, m)| self.log_likelihood_of(*x, *m))
            .sum()
    }

    /// One repeat member's log-likelihood and its gradient with respect to the logarithms of
    /// (p, q, gamma).
    pub fn log_likelihood_and_gradient(&self, x: f64, m: f64) -> (f64, [f64; 3]) {
        self.log_likelihood_and_gradient_with(x, m, &self.spend_terms(x))
    }

    /// The log-gamma and digamma terms for members with `x` repeat visits (see
    /// [`BgNbd::terms`]).
    fn spend_terms(&self, x: f64) -> SpendTerms {
        let GammaGamma { p, q, .. } = *self;
        let psi = digamma(p * x + q);
        SpendTerms {
            x,
            log_gammas: ln_gamma(p * x + q) - ln_gamma(p * x) - ln_gamma(q),
            d_p: psi - digamma(p * x) + x.ln(),
            d_q: psi - digamma(q),
        }
    }

    fn log_likelihood_and_gradient_with(
        &self,
        x: f64,
        m: f64,
        terms: &SpendTerms,
    ) -> (f64, [f64; 3]) {
        let GammaGamma { p, q, gamma } = *self;
        debug_assert_eq!(terms.x.to_bits(), x.to_bits());
        let (ln_m, ln_gamma_, spent) = (m.ln(), gamma.ln(), (gamma + x * m).ln());
        let ll = terms.log_gammas + q * ln_gamma_ + (p * x - 1.0) * ln_m + (p * x) * x.ln()
            - (p * x + q) * spent;
        let dp = x * (terms.d_p + ln_m - spent);
        let dq = terms.d_q + ln_gamma_ - spent;
        let dgamma = q / gamma - (p * x + q) / (gamma + x * m);
        (ll, [p * dp, q * dq, gamma * dgamma])
    }

    /// The expected spend per visit of a member with `x` repeat visits of mean spend `m` (the
    /// population's mean, `p gamma / (q - 1)`, for a member without repeat visits).
    pub fn expected_spend(&self, x: f64, m: Option<f64>) -> f64 {
        let GammaGamma { p, q, gamma } = *self;
        match m {
            Some(m) if x > 0.0 => p * (gamma + x * m) / (p * x + q - 1.0),
            _ => p * gamma / (q - 1.0),
        }
    }
}

/// Gauss's hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, by its series: the terms
/// shrink like z^k, which the predictions' z = t / (alpha + T + t) keeps below one.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> f64 {
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 0..200_000 {
        let k = f64::from(k);
        term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        sum += term;
        if term.abs() <= sum.abs() * 1e-15 {
            break;
        }
    }
    sum
}

/// How a fit ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit<P> {
    pub params: P,
    pub log_likelihood: f64,
    pub iterations: u64,
    pub converged: bool,
}

/// Why a model could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    #[error("there are too few members to fit the model ({0})")]
    TooFew(usize),
    #[error("the optimizer failed: {0}")]
    Optimizer(String),
    #[error("the fit did not reach finite parameters")]
    NotFinite,
}

/// A negative log-likelihood over log-parameters and its gradient, computed together and kept
/// for the last point (L-BFGS asks for the cost and the gradient of a point one after another).
struct Objective<F: Fn(&[f64]) -> (f64, Vec<f64>)> {
    f: F,
    last: RefCell<Option<Evaluated>>,
}

/// A point, its cost and its gradient.
type Evaluated = (Vec<f64>, f64, Vec<f64>);

impl<F: Fn(&[f64]) -> (f64, Vec<f64>)> Objective<F> {
    fn new(f: F) -> Self {
        Self {
            f,
            last: RefCell::new(None),
        }
    }

    fn at(&self, p: &[f64]) -> (f64, Vec<f64>) {
        if let Some((q, cost, gradient)) = self.last.borrow().as_ref()
            && q.as_slice() == p
        {
            return (*cost, gradient.clone());
        }
        let (cost, gradient) = (self.f)(p);
        *self.last.borrow_mut() = Some((p.to_vec(), cost, gradient.clone()));
        (cost, gradient)
    }
}

impl<F: Fn(&[f64]) -> (f64, Vec<f64>)> CostFunction for &Objective<F> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, p: &Self::Param) -> Result<f64, ArgminError> {
        let (cost, _) = self.at(p);
        if cost.is_finite() {
            Ok(cost)
        } else {
            Err(ArgminError::msg("the likelihood is not finite here"))
        }
    }
}

impl<F: Fn(&[f64]) -> (f64, Vec<f64>)> Gradient for &Objective<F> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, p: &Self::Param) -> Result<Vec<f64>, ArgminError> {
        let (_, gradient) = self.at(p);
        if gradient.iter().all(|g| g.is_finite()) {
            Ok(gradient)
        } else {
            Err(ArgminError::msg("the gradient is not finite here"))
        }
    }
}

/// The cost alone, for Nelder-Mead: outside the region the likelihood is defined on, the
/// simplex is sent back.
struct CostOnly<'a, F: Fn(&[f64]) -> (f64, Vec<f64>)>(&'a Objective<F>);

impl<F: Fn(&[f64]) -> (f64, Vec<f64>)> CostFunction for CostOnly<'_, F> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, p: &Self::Param) -> Result<f64, ArgminError> {
        let value = (self.0.f)(p).0;
        Ok(if value.is_finite() { value } else { f64::MAX })
    }
}

/// Minimises `f` (cost and gradient, the mean over the members so the first steps are of a
/// sensible length whatever the shop's size) from `start`: L-BFGS, which converges in a few dozen steps
/// on these likelihoods; when it fails (a line search that finds nothing, a non-finite point),
/// Nelder-Mead on the cost alone, restarted from the best point until a restart no longer
/// improves it (a single run can stall on a flat ridge).
fn minimise(
    f: impl Fn(&[f64]) -> (f64, Vec<f64>),
    start: Vec<f64>,
) -> Result<(Vec<f64>, f64, u64, bool), FitError> {
    let objective = Objective::new(f);
    // Steps along a search direction stay within a factor the log-parameters can take.
    let line_search = MoreThuenteLineSearch::new()
        .with_bounds(1e-12, 10.0)
        .map_err(|e| FitError::Optimizer(e.to_string()))?;
    let quasi_newton = LBFGS::new(line_search, 7)
        .with_tolerance_grad(1e-7)
        .and_then(|s| s.with_tolerance_cost(1e-12))
        .map_err(|e| FitError::Optimizer(e.to_string()))?;
    if let Ok(result) = Executor::new(&objective, quasi_newton)
        .configure(|state| state.param(start.clone()).max_iters(500))
        .run()
    {
        let state = result.state();
        let converged = matches!(
            state.get_termination_reason(),
            Some(TerminationReason::SolverConverged)
        );
        if let Some(best) = state.get_best_param()
            && converged
            && state.get_best_cost().is_finite()
            && best.iter().all(|v| v.is_finite())
        {
            return Ok((best.clone(), state.get_best_cost(), state.get_iter(), true));
        }
    }
    let mut best = start;
    let mut best_cost = f64::INFINITY;
    let mut iterations = 0;
    let mut converged = false;
    for _ in 0..6 {
        let simplex: Vec<Vec<f64>> = std::iter::once(best.clone())
            .chain((0..best.len()).map(|i| {
                let mut v = best.clone();
                v[i] += 0.5;
                v
            }))
            .collect();
        let solver = NelderMead::new(simplex)
            .with_sd_tolerance(1e-8)
            .map_err(|e| FitError::Optimizer(e.to_string()))?;
        let result = Executor::new(CostOnly(&objective), solver)
            .configure(|state| state.max_iters(4_000))
            .run()
            .map_err(|e| FitError::Optimizer(e.to_string()))?;
        let state = result.state();
        iterations += state.get_iter();
        converged = matches!(
            state.get_termination_reason(),
            Some(TerminationReason::SolverConverged)
        );
        let cost = state.get_best_cost();
        let param = state.get_best_param().cloned().ok_or(FitError::NotFinite)?;
        let improved = best_cost - cost;
        if cost < best_cost {
            best = param;
            best_cost = cost;
        }
        if converged && improved.abs() < 1e-6 {
            break;
        }
    }
    if !best_cost.is_finite() || best_cost == f64::MAX || best.iter().any(|v| !v.is_finite()) {
        return Err(FitError::NotFinite);
    }
    Ok((best, best_cost, iterations, converged))
}

/// The distinct histories (x, t_x, t) and how many members have each, in a fixed order (so a
/// fit does not depend on the order the members were read in).
pub fn same_histories(customers: &[Customer]) -> Vec<(Customer, f64)> {
    let mut counts: std::collections::BTreeMap<(u64, u64, u64), (Customer, f64)> =
        std::collections::BTreeMap::new();
    for c in customers {
        let key = (c.x.to_bits(), c.t_x.to_bits(), c.t.to_bits());
        counts
            .entry(key)
            .or_insert((
                Customer {
                    mean_spend: None,
                    ..*c
                },
                0.0,
            ))
            .1 += 1.0;
    }
    counts.into_values().collect()
}

/// Fits BG/NBD by maximum likelihood (log-parameters, so each stays positive).
pub fn fit_bg_nbd(customers: &[Customer]) -> Result<Fit<BgNbd>, FitError> {
    if customers.len() < 2 {
        return Err(FitError::TooFew(customers.len()));
    }
    let params = |v: &[f64]| BgNbd {
        r: v[0].exp(),
        alpha: v[1].exp(),
        a: v[2].exp(),
        b: v[3].exp(),
    };
    // Members with the same history have the same likelihood: a shop's histories are whole
    // days, so a hundred thousand members share far fewer histories.
    let groups = same_histories(customers);
    let members = customers.len() as f64;
    let (v, cost, iterations, converged) = minimise(
        |v| {
            let model = params(v);
            let (mut cost, mut gradient) = (0.0, vec![0.0; 4]);
            // The groups come in order of x: its terms are computed once per x.
            let mut terms: Option<Terms> = None;
            for (c, n) in &groups {
                if terms
                    .as_ref()
                    .is_none_or(|t| t.x.to_bits() != c.x.to_bits())
                {
                    terms = Some(model.terms(c.x));
                }
                let (ll, g) = model
                    .log_likelihood_and_gradient_with(c, terms.as_ref().expect("set just above"));
                cost -= n * ll / members;
                for (total, gi) in gradient.iter_mut().zip(g) {
                    *total -= n * gi / members;
                }
            }
            (cost, gradient)
        },
        vec![0.0, 0.0, 0.0, 0.0],
    )?;
    Ok(Fit {
        params: params(&v),
        log_likelihood: -cost * members,
        iterations,
        converged,
    })
}

/// Fits Gamma-Gamma on the members with repeat visits and a mean spend above zero.
pub fn fit_gamma_gamma(customers: &[Customer]) -> Result<Fit<GammaGamma>, FitError> {
    let mut sample: Vec<(f64, f64)> = customers
        .iter()
        .filter(|c| c.x > 0.0)
        .filter_map(|c| c.mean_spend.filter(|m| *m > 0.0).map(|m| (c.x, m)))
        .collect();
    // In a fixed order, so the fit does not depend on the order the members were read in.
    sample.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    if sample.len() < 2 {
        return Err(FitError::TooFew(sample.len()));
    }
    let params = |v: &[f64]| GammaGamma {
        p: v[0].exp(),
        q: v[1].exp(),
        gamma: v[2].exp(),
    };
    // Started at the scale of the spend, so the simplex does not begin far off.
    let mean = sample.iter().map(|(_, m)| m).sum::<f64>() / sample.len() as f64;
    let members = sample.len() as f64;
    let (v, cost, iterations, converged) = minimise(
        |v| {
            let model = params(v);
            let (mut cost, mut gradient) = (0.0, vec![0.0; 3]);
            // The sample is in order of x: its terms are computed once per x.
            let mut terms: Option<SpendTerms> = None;
            for (x, m) in &sample {
                if terms.as_ref().is_none_or(|t| t.x.to_bits() != x.to_bits()) {
                    terms = Some(model.spend_terms(*x));
                }
                let (ll, g) = model.log_likelihood_and_gradient_with(
                    *x,
                    *m,
                    terms.as_ref().expect("set just above"),
                );
                cost -= ll / members;
                for (total, gi) in gradient.iter_mut().zip(g) {
                    *total -= gi / members;
                }
            }
            (cost, gradient)
        },
        vec![0.0, 0.0, mean.ln()],
    )?;
    Ok(Fit {
        params: params(&v),
        log_likelihood: -cost * members,
        iterations,
        converged,
    })
}

/// Members simulated from known parameters, for the tests' recovery checks and the benchmark.
pub mod simulation {
    use super::{BgNbd, Customer};

    /// A deterministic generator (SplitMix64), so a failure repeats: `uniform` in [0, 1).
    pub struct Rng(pub u64);

    impl Rng {
        pub fn uniform(&mut self) -> f64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    impl Rng {
        /// A standard normal variate (Box-Muller).
        pub fn normal(&mut self) -> f64 {
            let (u, v) = (1.0 - self.uniform(), self.uniform());
            (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
        }

        /// A Gamma(shape, 1) variate (Marsaglia and Tsang 2000; shapes below one boosted).
        pub fn gamma(&mut self, shape: f64) -> f64 {
            if shape < 1.0 {
                return self.gamma(shape + 1.0) * (1.0 - self.uniform()).powf(1.0 / shape);
            }
            let d = shape - 1.0 / 3.0;
            let c = 1.0 / (9.0 * d).sqrt();
            loop {
                let z = self.normal();
                let v = (1.0 + c * z).powi(3);
                if v > 0.0 && (1.0 - self.uniform()).ln() < 0.5 * z * z + d - d * v + d * v.ln() {
                    return d * v;
                }
            }
        }
    }

    /// Simulates members from known BG/NBD parameters over `t` weeks each, as the model tells
    /// (Gamma(r, alpha) purchase rates, Beta(a, b) dropout after each repeat visit), with
    /// visits on whole days as the shop records them.
    pub fn simulate(model: BgNbd, members: usize, t: f64, seed: u64) -> Vec<Customer> {
        let mut rng = Rng(seed);
        (0..members)
            .map(|_| {
                let lambda = rng.gamma(model.r) / model.alpha;
                let (ga, gb) = (rng.gamma(model.a), rng.gamma(model.b));
                let p = ga / (ga + gb);
                let (mut x, mut t_x, mut now) = (0.0, 0.0, 0.0);
                loop {
                    now += -(1.0 - rng.uniform()).ln() / lambda;
                    if now > t {
                        break;
                    }
                    x += 1.0;
                    t_x = (now * 7.0).floor() / 7.0;
                    if rng.uniform() < p {
                        break;
                    }
                }
                Customer {
                    x,
                    t_x,
                    t,
                    mean_spend: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::simulation::simulate;
    use super::*;

    /// The CDNOW cohort as the Python `lifetimes` package ships it (see the script beside it).
    fn cdnow() -> Vec<Customer> {
        let text = include_str!("../../tests/data/cdnow/cdnow_summary.csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                let x: f64 = r[1].parse().unwrap();
                let zbar: f64 = r[4].parse().unwrap();
                Customer {
                    x,
                    t_x: r[2].parse().unwrap(),
                    t: r[3].parse().unwrap(),
                    mean_spend: (x > 0.0).then_some(zbar),
                }
            })
            .collect()
    }

    fn reference() -> serde_json::Value {
        serde_json::from_str(include_str!(
            "../../tests/data/cdnow/lifetimes_reference.json"
        ))
        .unwrap()
    }

    fn within(value: f64, expected: f64, share: f64) -> bool {
        (value - expected).abs() <= share * expected.abs()
    }

    #[test]
    fn bg_nbd_reproduces_the_papers_cdnow_figures() {
        let customers = cdnow();
        assert_eq!(customers.len(), 2357);
        let fit = fit_bg_nbd(&customers).unwrap();
        // Fader, Hardie and Lee (2005), "Counting your customers the easy way", the CDNOW
        // cohort calibrated to 1997-09-30: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4.
        let p = fit.params;
        for (got, paper) in [(p.r, 0.243), (p.alpha, 4.414), (p.a, 0.793), (p.b, 2.426)] {
            assert!(within(got, paper, 0.01), "{p:?}");
        }
        assert!(
            (fit.log_likelihood - -9582.4).abs() < 0.5,
            "{}",
            fit.log_likelihood
        );
        assert!(fit.converged);
        // And lifetimes' fit of the same data, to four figures.
        let lt = &reference()["bg_nbd"];
        for (got, name) in [(p.r, "r"), (p.alpha, "alpha"), (p.a, "a"), (p.b, "b")] {
            assert!(
                within(got, lt[name].as_f64().unwrap(), 0.001),
                "{name}: {got}"
            );
        }
    }

    #[test]
    fn the_predictions_are_lifetimes_at_its_parameters() {
        let lt = reference();
        let model = BgNbd {
            r: lt["bg_nbd"]["r"].as_f64().unwrap(),
            alpha: lt["bg_nbd"]["alpha"].as_f64().unwrap(),
            a: lt["bg_nbd"]["a"].as_f64().unwrap(),
            b: lt["bg_nbd"]["b"].as_f64().unwrap(),
        };
        for case in lt["predictions"].as_array().unwrap() {
            let c = Customer {
                x: case["x"].as_f64().unwrap(),
                t_x: case["t_x"].as_f64().unwrap(),
                t: case["T"].as_f64().unwrap(),
                mean_spend: None,
            };
            let expected = case["expected_39_weeks"].as_f64().unwrap();
            let alive = case["p_alive"].as_f64().unwrap();
            assert!(
                within(model.expected_visits(39.0, &c), expected, 1e-6),
                "{case}"
            );
            assert!(within(model.p_alive(&c), alive, 1e-6), "{case}");
        }
    }

    #[test]
    fn gamma_gamma_reproduces_lifetimes_on_cdnow() {
        let fit = fit_gamma_gamma(&cdnow()).unwrap();
        let lt = &reference()["gamma_gamma"];
        let p = fit.params;
        // lifetimes names gamma `v`.
        for (got, name) in [(p.p, "p"), (p.q, "q"), (p.gamma, "v")] {
            assert!(
                within(got, lt[name].as_f64().unwrap(), 0.01),
                "{name}: {p:?}"
            );
        }
        for case in reference()["gamma_gamma_conditional_spend"]
            .as_array()
            .unwrap()
        {
            let x = case["x"].as_f64().unwrap();
            let m = case["zbar"].as_f64().unwrap();
            let expected = case["expected"].as_f64().unwrap();
            assert!(within(p_spend(&p, x, m), expected, 0.01), "{case}");
        }
    }

    fn p_spend(p: &GammaGamma, x: f64, m: f64) -> f64 {
        p.expected_spend(x, Some(m))
    }

    #[test]
    fn bg_nbd_recovers_the_parameters_it_simulated_from() {
        let sets = [
            BgNbd {
                r: 0.25,
                alpha: 4.0,
                a: 0.8,
                b: 2.5,
            },
            BgNbd {
                r: 1.2,
                alpha: 3.0,
                a: 0.4,
                b: 3.0,
            },
            BgNbd {
                r: 0.6,
                alpha: 8.0,
                a: 1.5,
                b: 6.0,
            },
        ];
        for (i, truth) in sets.into_iter().enumerate() {
            let sample = simulate(truth, 8_000, 52.0, 17 + i as u64);
            let fit = fit_bg_nbd(&sample).unwrap();
            let p = fit.params;
            // Rate parameters come back within 15 %, dropout within 25 % at this sample size.
            assert!(within(p.r, truth.r, 0.15), "{truth:?} -> {p:?}");
            assert!(within(p.alpha, truth.alpha, 0.15), "{truth:?} -> {p:?}");
            assert!(within(p.a, truth.a, 0.25), "{truth:?} -> {p:?}");
            assert!(within(p.b, truth.b, 0.25), "{truth:?} -> {p:?}");
            // The fit is at least as likely as the truth on its own sample.
            assert!(fit.log_likelihood >= truth.log_likelihood(&sample) - 1e-6);
        }
    }

    #[test]
    fn the_gradients_are_the_likelihoods_slopes() {
        let h = 1e-6;
        let model = BgNbd {
            r: 0.7,
            alpha: 3.0,
            a: 0.9,
            b: 2.2,
        };
        let at = |v: [f64; 4]| BgNbd {
            r: v[0].exp(),
            alpha: v[1].exp(),
            a: v[2].exp(),
            b: v[3].exp(),
        };
        let logs = [model.r.ln(), model.alpha.ln(), model.a.ln(), model.b.ln()];
        for c in cdnow().iter().take(200) {
            let (ll, g) = model.log_likelihood_and_gradient(c);
            assert!((ll - model.log_likelihood_of(c)).abs() < 1e-12);
            for i in 0..4 {
                let (mut up, mut down) = (logs, logs);
                up[i] += h;
                down[i] -= h;
                let slope =
                    (at(up).log_likelihood_of(c) - at(down).log_likelihood_of(c)) / (2.0 * h);
                assert!(
                    (g[i] - slope).abs() < 1e-5 * (1.0 + slope.abs()),
                    "{c:?} {i}: {} vs {slope}",
                    g[i]
                );
            }
        }
        let spend = GammaGamma {
            p: 6.0,
            q: 3.5,
            gamma: 15.0,
        };
        let logs = [spend.p.ln(), spend.q.ln(), spend.gamma.ln()];
        for (x, m) in [(1.0, 11.77), (2.0, 22.35), (7.0, 73.74), (20.0, 5.0)] {
            let (_, g) = spend.log_likelihood_and_gradient(x, m);
            for i in 0..3 {
                let (mut up, mut down) = (logs, logs);
                up[i] += h;
                down[i] -= h;
                let at = |v: [f64; 3]| GammaGamma {
                    p: v[0].exp(),
                    q: v[1].exp(),
                    gamma: v[2].exp(),
                };
                let slope =
                    (at(up).log_likelihood_of(x, m) - at(down).log_likelihood_of(x, m)) / (2.0 * h);
                assert!(
                    (g[i] - slope).abs() < 1e-5 * (1.0 + slope.abs()),
                    "{x} {m} {i}"
                );
            }
        }
    }

    #[test]
    fn too_little_data_is_an_error_not_a_nan() {
        assert_eq!(fit_bg_nbd(&[]), Err(FitError::TooFew(0)));
        let one = Customer {
            x: 0.0,
            t_x: 0.0,
            t: 3.0,
            mean_spend: None,
        };
        assert_eq!(fit_gamma_gamma(&[one, one]), Err(FitError::TooFew(0)));
    }

    #[test]
    fn the_hypergeometric_series_matches_closed_forms() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z.
        for z in [0.1_f64, 0.5, 0.9, 0.99] {
            let closed = -(1.0 - z).ln() / z;
            assert!(within(hyp2f1(1.0, 1.0, 2.0, z), closed, 1e-10), "{z}");
        }
        // 2F1(a, b; b; z) = (1 - z)^-a.
        assert!(within(hyp2f1(0.7, 2.0, 2.0, 0.6), 0.4f64.powf(-0.7), 1e-10));
    }
}
