//! The audit after the run: the database (the SQLite file, or PostgreSQL) read directly once
//! the servers stopped, held against
//! what every tablet made, what it was answered, and what it foresaw.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use regulars_protocol::ledger::fold;
use regulars_protocol::{Balance, CardId, Event, EventBody, EventId, Origin};
use sqlx::Row as _;

use super::expect::Expect;
use super::tablet::Tablet;

/// The ledger and the balance cache as the server left them.
pub struct Ledger {
    pub rows: Vec<Row>,
    pub balances: HashMap<CardId, Balance>,
}

/// One row of `events`.
#[derive(Debug)]
pub struct Row {
    pub id: EventId,
    pub card_id: CardId,
    pub origin: String,
    pub device: Option<(String, i64)>,
    pub kind: String,
    pub delta: i64,
    pub body: String,
    pub event: Event,
    pub flags: BTreeSet<String>,
    pub compensates: Option<EventId>,
}

impl Ledger {
    pub async fn read(database: &str) -> Ledger {
        sqlx::any::install_default_drivers();
        let db = sqlx::AnyPool::connect(database)
            .await
            .expect("the server's database opens");
        let rows = sqlx::query(
            "SELECT id, card_id, origin, device_id, device_seq, kind, delta, body, flags, compensates
             FROM events ORDER BY shop_id, seq",
        )
        .fetch_all(&db)
        .await
        .expect("events")
        .iter()
        .map(|r| {
            let body: String = r.get("body");
            let device: Option<String> = r.get("device_id");
            let seq: Option<i64> = r.get("device_seq");
            Row {
                id: r.get::<&str, _>("id").parse().expect("an event id"),
                card_id: r.get::<&str, _>("card_id").parse().expect("a card id"),
                origin: r.get("origin"),
                device: device.zip(seq),
                kind: r.get("kind"),
                delta: r.get("delta"),
                event: serde_json::from_str(&body).expect("a stored event"),
                body,
                flags: r
                    .get::<Option<String>, _>("flags")
                    .map(|f| f.split(',').map(str::to_owned).collect())
                    .unwrap_or_default(),
                compensates: r
                    .get::<Option<&str>, _>("compensates")
                    .map(|id| id.parse().expect("an event id")),
            }
        })
        .collect();
        let balances = sqlx::query(
            "SELECT card_id, balance, earned, redeemed, rewards_redeemed, visits FROM balances",
        )
        .fetch_all(&db)
        .await
        .expect("balances")
        .iter()
        .map(|r| {
            (
                r.get::<&str, _>("card_id").parse().expect("a card id"),
                Balance {
                    balance: r.get("balance"),
                    earned: r.get("earned"),
                    redeemed: r.get("redeemed"),
                    rewards_redeemed: r.get("rewards_redeemed"),
                    visits: r.get("visits"),
                },
            )
        })
        .collect();
        db.close().await;
        Ledger { rows, balances }
    }

    pub fn till_events(&self) -> usize {
        self.rows.iter().filter(|r| r.origin == "till").count()
    }

    pub fn compensations(&self) -> usize {
        self.rows.iter().filter(|r| r.origin == "server").count()
    }
}

/// The id the server gives the compensation of an event (`server/src/ledger.rs`).
fn compensation_id(event: EventId) -> EventId {
    EventId(uuid::Uuid::new_v5(
        &regulars_server::ledger::COMPENSATION_NAMESPACE,
        event.0.as_bytes(),
    ))
}

/// Everything wrong with the run, one sentence each. Lines starting with `SERVER:` are the
/// server doing the wrong thing; the others the test's own expectations (or the audit).
pub fn audit(ledger: &Ledger, tablets: &[Tablet]) -> Vec<String> {
    let mut failures = Vec::new();
    let made: HashMap<EventId, (&Tablet, &super::tablet::Made)> = tablets
        .iter()
        .flat_map(|t| t.made.iter().map(move |m| (m.event.id, (t, m))))
        .collect();
    let till: HashMap<EventId, &Row> = ledger
        .rows
        .iter()
        .filter(|r| r.origin == "till")
        .map(|r| (r.id, r))
        .collect();
    let compensation_of: HashMap<EventId, &Row> = ledger
        .rows
        .iter()
        .filter_map(|r| r.compensates.map(|c| (c, r)))
        .collect();

    // Nothing in the ledger that no tablet made; nothing in it twice.
    let mut by_body: HashMap<&str, usize> = HashMap::new();
    let mut by_device_seq: HashMap<&(String, i64), usize> = HashMap::new();
    for row in &ledger.rows {
        match row.origin.as_str() {
            "till" => {
                if !made.contains_key(&row.id) {
                    failures.push(format!(
                        "SERVER: the ledger holds {} ({}), which no tablet made",
                        row.id, row.kind
                    ));
                }
                if let Some(device) = &row.device {
                    *by_device_seq.entry(device).or_default() += 1;
                }
            }
            "server" => match row.compensates {
                Some(of) if till.contains_key(&of) => {}
                _ => failures.push(format!(
                    "SERVER: the compensation {} balances no till event of the ledger",
                    row.id
                )),
            },
            other => failures.push(format!("SERVER: {} has origin {other}", row.id)),
        }
        *by_body.entry(row.body.as_str()).or_default() += 1;
    }
    for (body, n) in by_body.iter().filter(|(_, n)| **n > 1) {
        failures.push(format!(
            "SERVER: the ledger holds this event {n} times: {body}"
        ));
    }
    for (device, n) in by_device_seq.iter().filter(|(_, n)| **n > 1) {
        failures.push(format!(
            "SERVER: device {} number {} is used by {n} events",
            device.0, device.1
        ));
    }

    // Every event made is in exactly one place, with the verdict its tablet foresaw.
    for (id, (tablet, m)) in &made {
        let row = till.get(id);
        let refused = tablet.refused.get(id);
        match (row, refused) {
            (Some(_), Some(code)) => failures.push(format!(
                "SERVER: {}: {id} is in the ledger and was refused ({code})",
                tablet.name
            )),
            (None, None) => failures.push(format!(
                "{}: {id} ({}) is neither in the ledger nor refused{}",
                tablet.name,
                m.event.body.kind(),
                if tablet.stored.contains(id) {
                    " (SERVER: it was answered stored)"
                } else {
                    ""
                }
            )),
            _ => {}
        }
        if let Some(row) = row
            && row.event != m.event
        {
            failures.push(format!(
                "SERVER: {}: {id} is stored as {:?}, made as {:?}",
                tablet.name, row.event, m.event
            ));
        }
        match (&m.expect, row) {
            (Expect::Stored { flags, compensated }, Some(row)) => {
                if &row.flags != flags {
                    failures.push(format!(
                        "SERVER: {}: {id} ({}) is flagged {:?}, the rules give {flags:?}",
                        tablet.name, row.kind, row.flags
                    ));
                }
                match (compensated, compensation_of.get(id)) {
                    (true, None) => failures.push(format!(
                        "SERVER: {}: {id} ({}, {:?}) is not balanced by a compensation",
                        tablet.name, row.kind, row.flags
                    )),
                    (false, Some(c)) => failures.push(format!(
                        "SERVER: {}: {id} ({}) is balanced by {}, which no rule asks for",
                        tablet.name, row.kind, c.id
                    )),
                    (true, Some(c)) => {
                        let right = c.origin == "server"
                            && c.kind == "adjustment"
                            && c.delta == -row.delta
                            && c.flags == BTreeSet::from(["compensation".to_owned()])
                            && c.id == compensation_id(*id)
                            && c.card_id == row.card_id;
                        if !right {
                            failures.push(format!(
                                "SERVER: {}: the compensation of {id} (delta {}) is {c:?}",
                                tablet.name, row.delta
                            ));
                        }
                    }
                    (false, None) => {}
                }
            }
            (Expect::Stored { .. }, None) => {
                // Neither stored nor refused is reported above.
                if let Some(code) = refused {
                    failures.push(format!(
                        "SERVER: {}: {id} ({}) should be in the ledger; it was refused {code}",
                        tablet.name,
                        m.event.body.kind(),
                    ));
                }
            }
            (Expect::Refused(code), Some(row)) => failures.push(format!(
                "SERVER: {}: {id} ({}) should be refused {code}; it is in the ledger, flagged {:?}",
                tablet.name, row.kind, row.flags
            )),
            (Expect::Refused(code), None) => {
                if refused.is_some_and(|r| r != code) {
                    failures.push(format!(
                        "SERVER: {}: {id} ({}) was refused {}, the rules give {code}",
                        tablet.name,
                        m.event.body.kind(),
                        refused.map_or("-", |r| r.as_str())
                    ));
                }
            }
        }
    }

    // Every card's cached balance is the fold of its ledger, which is the fold of what the
    // tablets foresaw (their stored events and the compensations the rules add).
    let mut in_ledger: BTreeMap<CardId, Vec<Event>> = BTreeMap::new();
    for row in &ledger.rows {
        in_ledger
            .entry(row.card_id)
            .or_default()
            .push(row.event.clone());
    }
    let mut foreseen: BTreeMap<CardId, Vec<Event>> = BTreeMap::new();
    for (_, m) in made.values() {
        if let Expect::Stored { compensated, .. } = m.expect {
            let events = foreseen.entry(m.event.card_id).or_default();
            events.push(m.event.clone());
            if compensated {
                events.push(Event {
                    id: compensation_id(m.event.id),
                    body: EventBody::Adjustment {
                        delta: -m.event.body.delta(),
                        reason: "compensation".into(),
                    },
                    origin: Origin::Server,
                    ..m.event.clone()
                });
            }
        }
    }
    for card in foreseen.keys() {
        if !ledger.balances.contains_key(card) {
            failures.push(format!(
                "SERVER: card {card} has events but no cached balance"
            ));
        }
    }
    for (card, cached) in &ledger.balances {
        let folded = in_ledger.get(card).map(fold).unwrap_or_default();
        let expected = foreseen.get(card).map(fold).unwrap_or_default();
        if *cached != folded {
            failures.push(format!(
                "SERVER: card {card}: the cached balance {cached:?} is not the fold of its \
                 ledger {folded:?}"
            ));
        }
        if folded != expected {
            failures.push(format!(
                "card {card}: the ledger folds to {folded:?}, what the tablets foresaw to \
                 {expected:?}"
            ));
        }
    }

    // Every outbox is empty after the quiet rounds; what each tablet saw go wrong.
    for tablet in tablets {
        if tablet.waiting() > 0 {
            failures.push(format!(
                "{}: {} events still wait in the outbox after the quiet rounds",
                tablet.name,
                tablet.waiting()
            ));
        }
        failures.extend(tablet.problems.iter().cloned());
    }
    failures
}
