//! The offers simulation (`regulars_server::offers::simulation`), small enough for every test
//! run: the ranking against random order on the same simulated shops, and the effect's
//! interval and verdict over 200 shops whose true effects are known. `bash bench/offers.sh`
//! runs it larger and prints the figures.

use regulars_server::offers::simulation::{Config, summarize};

#[test]
fn the_ranking_takes_up_at_least_twice_as_many_offers_as_random_order() {
    let config = Config {
        members: 800,
        ..Config::default()
    };
    let s = summarize(&config, 1, 3, true);
    println!(
        "use rate: ranking {:.3}, random {:.3} ({:.2}x), the ceiling {:.3}",
        s.ranking_use_rate,
        s.random_use_rate,
        s.ranking_use_rate / s.random_use_rate,
        s.oracle_use_rate
    );
    assert!(s.random_use_rate > 0.0);
    assert!(
        s.ranking_use_rate >= 2.0 * s.random_use_rate,
        "ranking {:.3} against random {:.3}",
        s.ranking_use_rate,
        s.random_use_rate
    );
}

#[test]
fn the_effects_interval_holds_the_truth_about_95_percent_of_the_time() {
    let config = Config {
        members: 600,
        weeks: 4,
        ..Config::default()
    };
    let s = summarize(&config, 1_000, 200, false);
    println!("{s:?}");
    // 95 % expected: with 200 runs, 190 ± 3 standard deviations (3.1 each) stays in 180..=199.
    for (what, covered) in [
        ("working", s.working_covered),
        ("do-nothing", s.do_nothing_covered),
    ] {
        assert!(
            (180..=199).contains(&covered),
            "the {what} offer's interval held its true effect in {covered} of 200 runs"
        );
    }
    // A one-sided call at the 95 % level: 2.5 % expected, at most about 5 %.
    assert!(
        s.do_nothing_called_working <= 10,
        "the do-nothing offer was called working in {} of 200 runs",
        s.do_nothing_called_working
    );
}
