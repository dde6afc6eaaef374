//! Predicted-value benchmark (run by `bench/clv.sh`, which passes lifetimes' figures measured in
//! the same run in `REGULARS_BENCH_LIFETIMES`): BG/NBD and Gamma-Gamma fitted on the CDNOW
//! cohort, median of `REGULARS_BENCH_RUNS` fits, the parameters beside the paper's and
//! lifetimes'; then BG/NBD on a simulated shop of 100,000 members over two years.

use std::time::{Duration, Instant};

use regulars_server::insights::clv::{self, BgNbd, Customer, simulation};

fn cdnow() -> anyhow::Result<Vec<Customer>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cdnow/cdnow_summary.csv"
    );
    let mut reader = csv::Reader::from_path(path)?;
    let mut out = Vec::new();
    for record in reader.records() {
        let r = record?;
        let x: f64 = r[1].parse()?;
        out.push(Customer {
            x,
            t_x: r[2].parse()?,
            t: r[3].parse()?,
            mean_spend: (x > 0.0).then(|| r[4].parse()).transpose()?,
        });
    }
    Ok(out)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> anyhow::Result<()> {
    let runs: usize = std::env::var("REGULARS_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
        .max(1);
    let lifetimes: Option<serde_json::Value> = std::env::var("REGULARS_BENCH_LIFETIMES")
        .ok()
        .and_then(|v| serde_json::from_str(&v).ok());
    let customers = cdnow()?;
    let (mut bg_times, mut gg_times) = (Vec::new(), Vec::new());
    let (mut bg, mut gg) = (None, None);
    for _ in 0..runs {
        let t = Instant::now();
        bg = Some(clv::fit_bg_nbd(&customers)?);
        bg_times.push(t.elapsed());
        let t = Instant::now();
        gg = Some(clv::fit_gamma_gamma(&customers)?);
        gg_times.push(t.elapsed());
    }
    let (bg, gg) = (bg.expect("fitted"), gg.expect("fitted"));
    let (bg_time, gg_time) = (median(bg_times), median(gg_times));
    println!(
        "regulars predicted-value benchmark: CDNOW cohort ({} members), median of {runs} fits",
        customers.len()
    );
    let lt = |model: &str, name: &str| {
        lifetimes
            .as_ref()
            .and_then(|l| l[model][name].as_f64())
            .map_or("-".to_string(), |v| format!("{v:.4}"))
    };
    println!(
        "  {:<12} {:>10} {:>10} {:>10}",
        "parameter", "paper", "regulars", "lifetimes"
    );
    let p = bg.params;
    for (name, paper, ours) in [
        ("r", "0.243", p.r),
        ("alpha", "4.414", p.alpha),
        ("a", "0.793", p.a),
        ("b", "2.426", p.b),
    ] {
        println!(
            "  {:<12} {:>10} {:>10.4} {:>10}",
            name,
            paper,
            ours,
            lt("bg_nbd", name)
        );
    }
    println!(
        "  {:<12} {:>10} {:>10.1} {:>10}",
        "BG/NBD LL", "-9582.4", bg.log_likelihood, "-"
    );
    println!(
        "  (BG/NBD: {} iterations, converged {}; Gamma-Gamma: {} iterations, converged {})",
        bg.iterations, bg.converged, gg.iterations, gg.converged
    );
    let g = gg.params;
    for (name, ours, key) in [("p", g.p, "p"), ("q", g.q, "q"), ("gamma", g.gamma, "v")] {
        println!(
            "  {:<12} {:>10} {:>10.4} {:>10}",
            name,
            "-",
            ours,
            lt("gamma_gamma", key)
        );
    }
    let their = |key: &str| {
        lifetimes
            .as_ref()
            .and_then(|l| l[key].as_f64())
            .map(Duration::from_secs_f64)
    };
    for (model, ours, key) in [
        ("BG/NBD", bg_time, "bg_nbd_seconds"),
        ("Gamma-Gamma", gg_time, "gamma_gamma_seconds"),
    ] {
        match their(key) {
            Some(t) => println!(
                "  fit {model:<12} regulars {:>10}  lifetimes {:>10}  ({:.1}x faster)",
                ms(ours),
                ms(t),
                t.as_secs_f64() / ours.as_secs_f64()
            ),
            None => println!(
                "  fit {model:<12} regulars {:>10}  (lifetimes not measured: run bench/clv.sh)",
                ms(ours)
            ),
        }
    }

    // A shop of 100,000 members over two years, visits on whole days.
    let truth = BgNbd {
        r: 0.3,
        alpha: 3.0,
        a: 0.7,
        b: 2.5,
    };
    let shop = simulation::simulate(truth, 100_000, 104.0, 7);
    let t = Instant::now();
    let fit = clv::fit_bg_nbd(&shop)?;
    let took = t.elapsed();
    let visits: f64 = shop.iter().map(|c| c.x + 1.0).sum();
    println!(
        "simulated shop: {} members, {visits:.0} visits over 104 weeks: BG/NBD fit {} (r {:.3}, alpha {:.3}, a {:.3}, b {:.3}; simulated from r 0.3, alpha 3, a 0.7, b 2.5)",
        shop.len(),
        ms(took),
        fit.params.r,
        fit.params.alpha,
        fit.params.a,
        fit.params.b
    );
    Ok(())
}
