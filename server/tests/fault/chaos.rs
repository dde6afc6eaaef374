//! The faults that strike the server itself, on a plan set by the run's size: SIGKILL while a
//! tablet's batch is in flight (then a start on the same data and port), and the operator's
//! `rebuild-balances` run beside the server while tablets push. The tablets report their
//! progress and their pushes here, so each fault lands while they work.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use rand::Rng;
use rand::rngs::StdRng;
use tokio::sync::{Notify, watch};

use super::process::{RebuildReport, ServerProcess};

/// What the tablets tell the chaos: how far they are, and when a push leaves.
pub struct Progress {
    /// Events made so far, all tablets together.
    made: watch::Sender<usize>,
    /// Tablets that made all their events.
    finished: watch::Sender<usize>,
    tablets: usize,
    /// Pushes on their way (sent, no answer yet).
    in_flight: AtomicUsize,
    push_started: Notify,
    /// Set once every planned fault struck and the server answers again: the quiet rounds.
    quiet: watch::Sender<bool>,
}

impl Progress {
    pub fn new(tablets: usize) -> Arc<Self> {
        Arc::new(Self {
            made: watch::Sender::new(0),
            finished: watch::Sender::new(0),
            tablets,
            in_flight: AtomicUsize::new(0),
            push_started: Notify::new(),
            quiet: watch::Sender::new(false),
        })
    }

    pub fn made(&self, events: usize) {
        self.made.send_modify(|n| *n += events);
    }

    pub fn push_started(&self) {
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        self.push_started.notify_waiters();
    }

    pub fn push_ended(&self) {
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
    }

    /// A tablet made all its events; it waits for the quiet rounds.
    pub async fn finished_making(&self) {
        self.finished.send_modify(|n| *n += 1);
        let mut quiet = self.quiet.subscribe();
        quiet
            .wait_for(|q| *q)
            .await
            .expect("the chaos announces the quiet");
    }

    /// Resolves at the next push to leave a tablet, or at once when no tablet will push again
    /// before the quiet rounds.
    async fn next_push(&self) {
        let push = self.push_started.notified();
        let mut finished = self.finished.subscribe();
        let all = self.tablets;
        tokio::select! {
            () = push => {}
            _ = finished.wait_for(|n| *n >= all) => {}
        }
    }
}

/// One fault of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strike {
    /// SIGKILL the server while a batch is in flight, then start it again.
    Kill,
    /// Run `regulars-server rebuild-balances` while tablets push.
    Rebuild,
}

/// Faults in the order they strike, each once the tablets made this many events in all.
pub struct Plan(pub Vec<(usize, Strike)>);

impl Plan {
    /// `kills` and `rebuilds` spread over the run, between 10 % and 85 % of the events made.
    pub fn spread(events: usize, kills: usize, rebuilds: usize) -> Self {
        let at = |i: usize, n: usize, shift: f64| {
            let share = 0.10 + 0.75 * ((i as f64 + shift) / n as f64);
            (events as f64 * share) as usize
        };
        let mut steps: Vec<(usize, Strike)> = (0..kills)
            .map(|i| (at(i, kills, 0.25), Strike::Kill))
            .chain((0..rebuilds).map(|i| (at(i, rebuilds, 0.75), Strike::Rebuild)))
            .collect();
        steps.sort_by_key(|(at, _)| *at);
        Plan(steps)
    }
}

/// What the chaos did, and anything it found wrong.
#[derive(Debug, Default)]
pub struct ChaosReport {
    pub kills: usize,
    /// Kills that struck while at least one push was on its way.
    pub kills_mid_push: usize,
    pub rebuilds: Vec<RebuildReport>,
    pub problems: Vec<String>,
}

/// Carries out the plan against `servers` (the replicas in turn: each kill strikes the next one
/// while the others serve on), then announces the quiet and hands the servers back. `cards` is
/// how many cards the shops have, which every rebuild must check.
pub async fn run(
    mut servers: Vec<ServerProcess>,
    plan: Plan,
    progress: Arc<Progress>,
    cards: usize,
    mut rng: StdRng,
) -> (Vec<ServerProcess>, ChaosReport) {
    let mut report = ChaosReport::default();
    let mut made = progress.made.subscribe();
    for (threshold, strike) in plan.0 {
        let _ = made.wait_for(|n| *n >= threshold).await;
        progress.next_push().await;
        match strike {
            Strike::Kill => {
                // The push just left; a pause of up to a third of a second puts the kill inside
                // its transaction (a batch takes about that long), not before it arrived.
                tokio::time::sleep(Duration::from_millis(rng.random_range(0..350))).await;
                if progress.in_flight.load(Ordering::SeqCst) > 0 {
                    report.kills_mid_push += 1;
                }
                let count = servers.len();
                let server = &mut servers[report.kills % count];
                server.kill().await;
                report.kills += 1;
                if report.kills == 1 {
                    // The operator's check on the data as the crash left it (a hot WAL).
                    rebuild(server, cards, "after a SIGKILL, server down", &mut report).await;
                }
                server.restart().await;
            }
            Strike::Rebuild => {
                rebuild(&servers[0], cards, "while tablets push", &mut report).await;
            }
        }
    }
    progress.quiet.send_replace(true);
    (servers, report)
}

/// One `rebuild-balances` run: it must succeed, check every card, and find the balance cache
/// equal to the fold of the ledger everywhere (a difference is a cache the server let drift).
async fn rebuild(server: &ServerProcess, cards: usize, when: &str, report: &mut ChaosReport) {
    match server.rebuild_balances().await {
        Ok(run) => {
            if run.differences != 0 {
                report.problems.push(format!(
                    "SERVER: rebuild-balances ({when}) found {} cached balances that differ from \
                     the ledger's fold: {:?}",
                    run.differences, run.repaired
                ));
            }
            if run.cards != cards {
                report.problems.push(format!(
                    "rebuild-balances ({when}) checked {} cards, the shops have {cards}",
                    run.cards
                ));
            }
            report.rebuilds.push(run);
        }
        Err(e) => report
            .problems
            .push(format!("rebuild-balances ({when}) failed: {e}")),
    }
}
