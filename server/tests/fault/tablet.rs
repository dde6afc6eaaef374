//! A simulated till that behaves like the real one (`app/src/offline/sync.rs` and
//! `app/src/offline/outbox.rs`): every event is written to its outbox first, with a UUIDv7 id
//! and the next device sequence number; the outbox is pushed in order, in batches of at most
//! 100; an event leaves it only on a definite answer (`accepted` or `duplicate`: stored;
//! `rejected`: to the refused list). No answer (a connection error, a killed server, a lost
//! answer, a 5xx) means the same events go again after a backoff. A batch refused whole with a
//! 4xx (401 aside) is split in halves until the one event it cannot take is alone, and that one
//! is refused. Events of an earlier pairing go first, with that pairing's credential.
//!
//! On top of that, it injects the faults of a shop's network: answers lost after the server
//! committed, pushes cut mid-request, pushes abandoned before the answer.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use regulars_protocol::card_code::{self, CardCode};
use regulars_protocol::staff::StaffSession;
use regulars_protocol::wire::{
    ApiErrorBody, KNOWN_MAX, KnownRequest, KnownResponse, PushResponse, PushStatus,
};
use regulars_protocol::{
    DeviceId, Event, EventBody, EventId, Origin, ProgramKind, Reward, StaffId, StaffRole,
};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::api::{Api, backoff, call, raw_push, retrying};
use super::chaos::Progress;
use super::expect::{CardBook, Expect, Script};
use super::shop::{Member, Owner, Phone, switch_in};

/// Most events one push carries (the till's `PUSH_BATCH`).
pub const PUSH_BATCH: usize = 100;
/// The part of a damaged outbox record's text that is not JSON: a category cut after the first
/// half of an emoji (a lone UTF-16 surrogate), as a browser's `JSON.stringify` writes it.
const LONE_SURROGATE: &str = "\\ud83d";
const DAMAGE_MARK: &str = "CUT-EMOJI";
/// How long the tablet keeps trying to empty its outbox once nothing new is made.
const DRAIN_WITHIN: Duration = Duration::from_secs(120);

/// The shop as the tablet's till program describes it.
#[derive(Debug, Clone)]
pub struct ShopInfo {
    pub kind: ProgramKind,
    pub reward: Reward,
    pub program_version: i32,
    pub points_per_unit: i64,
}

/// Who works at the tablet.
#[derive(Debug, Clone)]
pub struct Crew {
    pub owner: StaffId,
    pub cashier: Member,
    pub manager: Member,
}

/// One pairing of the tablet: its credential and numbering. A tablet paired again starts anew.
pub struct Pairing {
    pub device_id: DeviceId,
    /// The member a freshly paired tablet acts as: the owner, who made the pairing code.
    pub default_staff: StaffId,
    token: String,
    /// The time steps of the card codes this pairing scans (step modulo 4). A (card, step) is
    /// the first tablet's to show it, and two tills never see the same phone in the same
    /// 30 seconds, so no two pairings of the run scan codes of the same step.
    step_class: u32,
    next_seq: i64,
    sessions: HashMap<StaffId, StaffSession>,
    /// The owner unpaired it, or will have before its next push.
    unpaired: bool,
}

impl Pairing {
    /// Pairs with a code from the owner, who starts as the member at the till; each of `staff`
    /// (the cashier, the manager) switches in with their PIN, and the tablet keeps every session.
    pub async fn open(
        api: &Api,
        owner: &Owner,
        name: &str,
        staff: &[&Member],
        step_class: u32,
    ) -> Pairing {
        let paired = owner.pair_tablet(name).await;
        let mut sessions = HashMap::new();
        if let Some(session) = paired.staff_session {
            sessions.insert(session.staff_id, session);
        }
        for member in staff {
            let session = switch_in(api, &paired.token, member).await;
            sessions.insert(member.id, session);
        }
        Pairing {
            device_id: paired.device_id,
            default_staff: paired.till.default_staff_id,
            token: paired.token,
            step_class,
            next_seq: 1,
            sessions,
            unpaired: false,
        }
    }
}

/// An event waiting in the outbox: the exact text the till sends each time.
#[derive(Debug, Clone)]
struct Waiting {
    id: EventId,
    json: String,
    /// A whole request with this event has left (the server may have stored it).
    sent_whole: bool,
}

/// An event the tablet made, and the answer it foresaw.
#[derive(Debug, Clone)]
pub struct Made {
    pub event: Event,
    pub expect: Expect,
}

/// What the tablet counted.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub made: usize,
    pub pushes: usize,
    pub accepted: usize,
    pub duplicates: usize,
    pub rejected: usize,
    pub no_answer: usize,
    pub lost_answers: usize,
    pub cut_pushes: usize,
    pub abandoned_pushes: usize,
    pub splits: usize,
    pub settled_by_known: usize,
}

/// A network fault the tablet injects into one push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// The server answers 200 (it committed); the answer never reaches the till. (Any other
    /// answer arrives: only a commit's answer is worth losing.)
    LoseAnswer,
    /// The headers announce the whole body; only part of it is sent, then the connection closes.
    Cut,
    /// The whole request is sent, then the connection closes before the answer.
    Abandon,
}

/// How one push went.
enum Pushed {
    Empty,
    Answered,
    NoAnswer,
}

pub struct Tablet {
    pub name: String,
    api: Arc<Api>,
    owner: Arc<Owner>,
    shop: ShopInfo,
    crew: Crew,
    pub pairing: Pairing,
    /// The earlier pairing while its events still wait (a tablet paired again).
    pub earlier: Option<Pairing>,
    outbox: Vec<Waiting>,
    /// The earlier pairing's events still waiting, pushed first with its credential.
    orphans: Vec<Waiting>,
    pub stored: HashSet<EventId>,
    /// Events the server refused, with its code.
    pub refused: HashMap<EventId, String>,
    pub made: Vec<Made>,
    own: Vec<Arc<Phone>>,
    shared: Vec<Arc<Phone>>,
    book: CardBook,
    rng: StdRng,
    progress: Arc<Progress>,
    pub counts: Counts,
    /// Events of a push the server committed whose answer was lost: a resend must answer them
    /// `duplicate` (or refuse them again), never `accepted`.
    committed_unanswered: HashSet<EventId>,
    /// What the tablet saw go wrong on the server's side, for the report.
    pub problems: Vec<String>,
    batch_size: usize,
    attempt: u32,
    /// The made-event count from which it writes the damaged record (once).
    damage_at: usize,
    damaged: bool,
}

impl Tablet {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: &str,
        api: Arc<Api>,
        owner: Arc<Owner>,
        shop: ShopInfo,
        crew: Crew,
        pairing: Pairing,
        own: Vec<Arc<Phone>>,
        shared: Vec<Arc<Phone>>,
        progress: Arc<Progress>,
        seed: u64,
        events: usize,
    ) -> Tablet {
        let roles = HashMap::from([
            (crew.owner, StaffRole::Owner),
            (crew.cashier.id, crew.cashier.role),
            (crew.manager.id, crew.manager.role),
        ]);
        let mut book = CardBook::new(roles);
        for phone in &own {
            book.add_card(phone.card_id);
        }
        let mut rng = StdRng::seed_from_u64(seed);
        let damage_at = rng.random_range(events / 10..(events * 8 / 10).max(events / 10 + 1));
        Tablet {
            name: name.into(),
            api,
            owner,
            shop,
            crew,
            pairing,
            earlier: None,
            outbox: vec![],
            orphans: vec![],
            stored: HashSet::new(),
            refused: HashMap::new(),
            made: vec![],
            own,
            shared,
            book,
            rng,
            progress,
            counts: Counts::default(),
            committed_unanswered: HashSet::new(),
            problems: vec![],
            batch_size: PUSH_BATCH,
            attempt: 0,
            damage_at,
            damaged: false,
        }
    }

    pub fn waiting(&self) -> usize {
        self.outbox.len() + self.orphans.len()
    }

    /// The tablet's day: bursts of customers, a push after each. With `unpair_at`, the owner
    /// unpairs it after that many events while its outbox holds some, and pairs it again.
    /// Then, once every planned fault struck, quiet rounds until the outbox is empty.
    pub async fn work(mut self, events: usize, unpair_at: Option<usize>) -> Tablet {
        let mut unpair_at = unpair_at;
        while self.counts.made < events {
            if unpair_at.is_some_and(|at| self.counts.made >= at) {
                unpair_at = None;
                self.unpaired_and_paired_again().await;
                continue;
            }
            let burst = self.rng.random_range(1..=25).min(events - self.counts.made);
            let before = self.counts.made;
            while self.counts.made < before + burst {
                self.serve_a_customer();
            }
            self.progress.made(self.counts.made - before);
            self.push_round(true).await;
        }
        self.progress.finished_making().await;
        self.drain(false).await;
        self
    }

    // Making events

    /// One customer at the till: stamps or points, a redemption, a reversal; sometimes the
    /// cashier undoes it at once.
    fn serve_a_customer(&mut self) {
        if !self.damaged && self.counts.made >= self.damage_at {
            self.damaged = true;
            self.make_damaged();
            return;
        }
        let roll = self.rng.random_range(0..100);
        let cashier = self.crew.cashier.id;
        let made = match roll {
            0..=19 if !self.shared.is_empty() => {
                let card = self.pick(&self.shared.clone());
                self.earn(&card, cashier, Script::Earn)
            }
            20..=21 => {
                let card = self.pick(&self.own.clone());
                self.earn(&card, cashier, Script::EarnHeldTooLong)
            }
            22..=31 => {
                let cost = self.shop.reward.cost;
                let covered: Vec<Arc<Phone>> = self
                    .own
                    .iter()
                    .filter(|p| self.book.balance(p.card_id) >= cost)
                    .cloned()
                    .collect();
                if covered.is_empty() {
                    let card = self.pick(&self.own.clone());
                    self.earn(&card, cashier, Script::Earn)
                } else {
                    let card = self.pick(&covered);
                    self.redeem(&card, false)
                }
            }
            32..=39 => {
                let card = self.pick(&self.own.clone());
                self.redeem(&card, true)
            }
            40..=44 => {
                let card = self.pick(&self.own.clone());
                match self.pick_reversible(&card) {
                    Some((id, delta)) => self.reverse(&card, self.crew.manager.id, id, delta),
                    None => self.earn(&card, cashier, Script::Earn),
                }
            }
            _ => {
                let staff = match self.rng.random_range(0..20) {
                    0 => self.crew.owner,
                    1..=2 => self.crew.manager.id,
                    _ => cashier,
                };
                let card = self.pick(&self.own.clone());
                self.earn(&card, staff, Script::Earn)
            }
        };
        // "Undo": the cashier takes back what they just did.
        let (event, card) = made;
        if event.staff_id == Some(cashier)
            && self.rng.random_bool(0.1)
            && self.book.undoable(event.card_id, event.id)
        {
            self.reverse(&card, cashier, event.id, event.body.delta());
        }
    }

    fn pick(&mut self, phones: &[Arc<Phone>]) -> Arc<Phone> {
        phones[self.rng.random_range(0..phones.len())].clone()
    }

    fn pick_reversible(&mut self, card: &Phone) -> Option<(EventId, i64)> {
        let candidates = self.book.reversible(card.card_id);
        (!candidates.is_empty()).then(|| candidates[self.rng.random_range(0..candidates.len())])
    }

    fn earn_body(&mut self) -> EventBody {
        match self.shop.kind {
            ProgramKind::Stamps => EventBody::StampsIssued {
                count: self.rng.random_range(1..=2),
                amount_minor: None,
                category: None,
            },
            ProgramKind::Points => {
                let amount_minor = self.rng.random_range(150..=6_000);
                EventBody::PointsEarned {
                    amount_minor,
                    points: amount_minor * self.shop.points_per_unit / 100,
                    program_version: self.shop.program_version,
                    category: None,
                    offer_id: None,
                    offer_version: None,
                }
            }
        }
    }

    fn earn(&mut self, card: &Arc<Phone>, staff: StaffId, script: Script) -> (Event, Arc<Phone>) {
        let body = self.earn_body();
        let held = match script {
            Script::EarnHeldTooLong => self.rng.random_range(960..=1_200),
            _ => self.rng.random_range(0..=510),
        };
        let event = self.make(card, staff, body, now(), Some(held), script);
        (event, card.clone())
    }

    fn redeem(&mut self, card: &Arc<Phone>, offline: bool) -> (Event, Arc<Phone>) {
        let body = EventBody::RewardRedeemed {
            reward_id: self.shop.reward.id,
            cost: self.shop.reward.cost,
            offline,
        };
        let (held, script) = if offline {
            (self.rng.random_range(0..=300), Script::RedeemOffline)
        } else {
            (self.rng.random_range(0..=60), Script::RedeemOnline)
        };
        let event = self.make(card, self.crew.cashier.id, body, now(), Some(held), script);
        (event, card.clone())
    }

    fn reverse(
        &mut self,
        card: &Arc<Phone>,
        staff: StaffId,
        reverses: EventId,
        delta: i64,
    ) -> (Event, Arc<Phone>) {
        let reason = if staff == self.crew.cashier.id {
            "Undo"
        } else {
            "Wrong card"
        };
        let body = EventBody::Reversal {
            reverses,
            delta: -delta,
            reason: reason.into(),
        };
        let event = self.make(card, staff, body, now(), None, Script::Reverse);
        (event, card.clone())
    }

    /// A visit whose outbox record was damaged: its category was cut inside an emoji.
    fn make_damaged(&mut self) {
        let card = self.pick(&self.own.clone());
        let body = match self.earn_body() {
            EventBody::StampsIssued { count, .. } => EventBody::StampsIssued {
                count,
                amount_minor: None,
                category: Some(format!("Flat white {DAMAGE_MARK}")),
            },
            EventBody::PointsEarned {
                amount_minor,
                points,
                program_version,
                ..
            } => EventBody::PointsEarned {
                amount_minor,
                points,
                program_version,
                category: Some(format!("Flat white {DAMAGE_MARK}")),
                offer_id: None,
                offer_version: None,
            },
            other => other,
        };
        self.make(
            &card,
            self.crew.cashier.id,
            body,
            now(),
            Some(30),
            Script::Damaged,
        );
    }

    /// Writes one event to the outbox: id, sequence number, the code scanned `held` seconds
    /// before (signed by the phone for that moment), the staff proof; and foresees its answer.
    fn make(
        &mut self,
        card: &Phone,
        staff: StaffId,
        body: EventBody,
        at: OffsetDateTime,
        held: Option<i64>,
        script: Script,
    ) -> Event {
        let seq = self.pairing.next_seq;
        self.pairing.next_seq += 1;
        let (scanned_at, code) = match held {
            Some(held) => {
                let mut scanned = at - time::Duration::seconds(held);
                // Back to the nearest step of this pairing's class (at most three steps).
                let class = card_code::step_at(scanned).wrapping_sub(self.pairing.step_class) % 4;
                scanned -= time::Duration::seconds(card_code::STEP_SECONDS * i64::from(class));
                let step = card_code::step_at(scanned);
                let code = CardCode::sign_rotating(&card.key, card.card_id, step).encode();
                (Some(scanned), Some(code))
            }
            None => (None, None),
        };
        let millis =
            u64::try_from(at.unix_timestamp_nanos() / 1_000_000).expect("a time after 1970");
        let id = EventId(
            uuid::Builder::from_unix_timestamp_millis(millis, &self.rng.random()).into_uuid(),
        );
        let mut event = Event {
            id,
            card_id: card.card_id,
            device_id: self.pairing.device_id,
            device_seq: seq,
            staff_id: Some(staff),
            occurred_at: at,
            body,
            code,
            staff_proof: None,
            origin: Origin::Till,
            scanned_at,
        };
        if event.body.needs_staff_proof() {
            let session = &self.pairing.sessions[&staff];
            event.staff_proof = regulars_protocol::staff::sign_event(session, &event);
        }
        let expect = self.book.expect(&event, script, self.pairing.unpaired);
        let mut json = serde_json::to_string(&event).expect("an event serializes");
        if script == Script::Damaged {
            json = json.replace(DAMAGE_MARK, LONE_SURROGATE);
        }
        self.outbox.push(Waiting {
            id,
            json,
            sent_whole: false,
        });
        self.made.push(Made {
            event: event.clone(),
            expect,
        });
        self.counts.made += 1;
        event
    }

    // The unpairing

    /// The owner unpairs the tablet while its outbox holds events, and pairs it again:
    /// 1. it pushes until its outbox is empty, still paired;
    /// 2. it goes on offline (an online redemption among what it makes), none of it sent yet;
    /// 3. the owner unpairs it;
    /// 4. still offline, its clock now more than five minutes after the unpairing, it makes a
    ///    few more events;
    /// 5. back online, one push with its old credential, whose answer is lost;
    /// 6. it is paired again and asks the server which of the earlier pairing's events it has;
    ///    the rest go with the old credential, before anything of the new pairing.
    async fn unpaired_and_paired_again(&mut self) {
        self.drain(true).await;
        self.pairing.unpaired = true;
        let before = self.counts.made;
        let card = self.pick(&self.own.clone());
        self.redeem(&card, false);
        for _ in 0..self.rng.random_range(15..=30) {
            self.serve_a_customer();
        }
        let revoked_at = self.owner.unpair(self.pairing.device_id).await;
        for i in 0..self.rng.random_range(3..=6) {
            let card = self.pick(&self.own.clone());
            let body = self.earn_body();
            let at = revoked_at + time::Duration::minutes(6) + time::Duration::seconds(i);
            self.make(
                &card,
                self.crew.cashier.id,
                body,
                at,
                Some(20),
                Script::AfterUnpairing,
            );
        }
        self.progress.made(self.counts.made - before);
        // Until one such push reaches the server (it may be down just then).
        let lost_before = self.counts.lost_answers;
        while self.counts.lost_answers == lost_before && !self.outbox.is_empty() {
            self.push_once(Some(Fault::LoseAnswer)).await;
            self.wait_a_backoff().await;
        }
        let again = Pairing::open(
            &self.api,
            &self.owner,
            &format!("{} (paired again)", self.name),
            &[&self.crew.cashier, &self.crew.manager],
            self.pairing.step_class + 1,
        )
        .await;
        self.earlier = Some(std::mem::replace(&mut self.pairing, again));
        self.orphans = std::mem::take(&mut self.outbox);
        self.batch_size = PUSH_BATCH;
        self.ask_which_earlier_events_are_stored().await;
    }

    /// `POST /sync/known` with the new credential about every event of the earlier pairing.
    /// What was answered stored must be known, what was refused must not; an event still
    /// waiting that the server knows is settled as stored.
    async fn ask_which_earlier_events_are_stored(&mut self) {
        let earlier = self.earlier.as_ref().expect("an earlier pairing").device_id;
        let ids: Vec<EventId> = self
            .made
            .iter()
            .filter(|m| m.event.device_id == earlier)
            .map(|m| m.event.id)
            .collect();
        let mut known = HashSet::new();
        for chunk in ids.chunks(KNOWN_MAX) {
            let request = KnownRequest {
                ids: chunk.to_vec(),
            };
            let answer: KnownResponse = retrying("asking which earlier events are stored", || {
                call(
                    self.api
                        .http
                        .post(self.api.url("/api/v1/sync/known"))
                        .bearer_auth(&self.pairing.token)
                        .json(&request),
                    200,
                )
            })
            .await;
            known.extend(answer.stored);
        }
        for id in ids {
            let is_known = known.contains(&id);
            if self.stored.contains(&id) && !is_known {
                self.problems.push(format!(
                    "SERVER: {}: /sync/known does not know {id}, which a push answered stored",
                    self.name
                ));
            }
            if self.refused.contains_key(&id) && is_known {
                self.problems.push(format!(
                    "SERVER: {}: /sync/known knows {id}, which a push refused",
                    self.name
                ));
            }
            if is_known && let Some(i) = self.orphans.iter().position(|w| w.id == id) {
                self.orphans.remove(i);
                self.committed_unanswered.remove(&id);
                self.stored.insert(id);
                self.counts.settled_by_known += 1;
            }
        }
    }

    // Pushing

    /// Pushes until the outbox is empty (or the time is up, which the audit reports).
    async fn drain(&mut self, faulty: bool) {
        let start = Instant::now();
        while self.waiting() > 0 && start.elapsed() < DRAIN_WITHIN {
            self.push_round(faulty).await;
        }
    }

    /// Pushes batch after batch until the outbox is empty or a push gets no answer; then waits
    /// out a backoff.
    async fn push_round(&mut self, faulty: bool) {
        loop {
            let fault = if faulty { self.pick_fault() } else { None };
            match self.push_once(fault).await {
                Pushed::Empty => return,
                Pushed::Answered => {}
                Pushed::NoAnswer => {
                    self.wait_a_backoff().await;
                    return;
                }
            }
        }
    }

    async fn wait_a_backoff(&mut self) {
        let unit = self.rng.random::<f64>();
        tokio::time::sleep(backoff(self.attempt, unit)).await;
        self.attempt += 1;
    }

    fn pick_fault(&mut self) -> Option<Fault> {
        match self.rng.random_range(0..100) {
            0..=9 => Some(Fault::LoseAnswer),
            10..=15 => Some(Fault::Cut),
            16..=19 => Some(Fault::Abandon),
            _ => None,
        }
    }

    /// One push of the next batch (the earlier pairing's events first), with `fault`.
    async fn push_once(&mut self, fault: Option<Fault>) -> Pushed {
        let orphan = !self.orphans.is_empty();
        let token = match (&self.earlier, orphan) {
            (Some(earlier), true) => earlier.token.clone(),
            _ => self.pairing.token.clone(),
        };
        let list = if orphan {
            &mut self.orphans
        } else {
            &mut self.outbox
        };
        if list.is_empty() {
            return Pushed::Empty;
        }
        let size = self.batch_size.clamp(1, PUSH_BATCH).min(list.len());
        if fault != Some(Fault::Cut) {
            for waiting in &mut list[..size] {
                waiting.sent_whole = true;
            }
        }
        let batch: Vec<Waiting> = list[..size].to_vec();
        let body = push_body(&batch);
        self.counts.pushes += 1;
        self.progress.push_started();
        let ids: Vec<EventId> = batch.iter().map(|w| w.id).collect();
        let reply = self.send(fault, &token, body, &ids).await;
        self.progress.push_ended();
        match reply {
            Reply::Answer(200, text) => self.settle(orphan, &batch, &text),
            Reply::Answer(401, text) => {
                panic!(
                    "{}: the server refused the tablet as unpaired: {text}",
                    self.name
                )
            }
            Reply::Answer(status, _) if matches!(status, 408 | 425 | 429) || status >= 500 => {
                self.counts.no_answer += 1;
                Pushed::NoAnswer
            }
            Reply::Answer(status, text) => {
                if batch.len() > 1 {
                    self.batch_size = batch.len().div_ceil(2);
                    self.counts.splits += 1;
                } else {
                    let code = serde_json::from_str::<ApiErrorBody>(&text)
                        .map(|b| b.code.to_string())
                        .unwrap_or_else(|_| format!("http_{status}"));
                    self.refused.insert(batch[0].id, code);
                    self.counts.rejected += 1;
                    self.list(orphan).retain(|w| w.id != batch[0].id);
                }
                Pushed::Answered
            }
            Reply::CutShort => {
                if !orphan && batch.iter().all(|w| !w.sent_whole) {
                    self.check_nothing_stored(&batch).await;
                }
                self.counts.no_answer += 1;
                Pushed::NoAnswer
            }
            Reply::NoAnswer => {
                self.counts.no_answer += 1;
                Pushed::NoAnswer
            }
        }
    }

    fn list(&mut self, orphan: bool) -> &mut Vec<Waiting> {
        if orphan {
            &mut self.orphans
        } else {
            &mut self.outbox
        }
    }

    async fn send(
        &mut self,
        fault: Option<Fault>,
        token: &str,
        body: String,
        ids: &[EventId],
    ) -> Reply {
        match fault {
            Some(Fault::Cut) => {
                let sent = self.rng.random_range(0..body.len());
                self.counts.cut_pushes += 1;
                match raw_push(self.api.port(), token, body, sent).await {
                    Ok(()) => Reply::CutShort,
                    Err(_) => Reply::NoAnswer,
                }
            }
            Some(Fault::Abandon) => {
                self.counts.abandoned_pushes += 1;
                let len = body.len();
                let _ = raw_push(self.api.port(), token, body, len).await;
                Reply::NoAnswer
            }
            Some(Fault::LoseAnswer) | None => {
                let request = self
                    .api
                    .http
                    .post(self.api.url("/api/v1/sync/push"))
                    .bearer_auth(token)
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body);
                let response = match request.send().await {
                    Ok(response) => response,
                    Err(_) => return Reply::NoAnswer,
                };
                let status = response.status().as_u16();
                if fault == Some(Fault::LoseAnswer) && status == 200 {
                    // The headers came, so the server committed; the body is never read.
                    self.counts.lost_answers += 1;
                    self.committed_unanswered.extend(ids.iter().copied());
                    drop(response);
                    return Reply::NoAnswer;
                }
                match response.text().await {
                    Ok(text) => Reply::Answer(status, text),
                    Err(_) => Reply::NoAnswer,
                }
            }
        }
    }

    /// Records the answers of a push: stored events leave the outbox, refused ones move to the
    /// refused list.
    fn settle(&mut self, orphan: bool, batch: &[Waiting], text: &str) -> Pushed {
        let response: PushResponse = match serde_json::from_str(text) {
            Ok(response) => response,
            Err(e) => {
                self.problems.push(format!(
                    "SERVER: {}: a 200 push answer that is not a PushResponse ({e}): {text}",
                    self.name
                ));
                return Pushed::NoAnswer;
            }
        };
        if response.results.len() != batch.len() {
            self.problems.push(format!(
                "SERVER: {}: {} answers for a push of {} events",
                self.name,
                response.results.len(),
                batch.len()
            ));
        }
        let mut settled = HashSet::new();
        for (waiting, result) in batch.iter().zip(&response.results) {
            if result.id != waiting.id {
                self.problems.push(format!(
                    "SERVER: {}: the answer for {} names {}",
                    self.name, waiting.id, result.id
                ));
                continue;
            }
            let lost_before = self.committed_unanswered.remove(&result.id);
            match result.status {
                PushStatus::Accepted | PushStatus::Duplicate => {
                    if result.status == PushStatus::Accepted {
                        self.counts.accepted += 1;
                        if lost_before {
                            self.problems.push(format!(
                                "SERVER: {}: {} answered `accepted` when sent again, though the \
                                 push that carried it before had been answered 200 (committed)",
                                self.name, result.id
                            ));
                        }
                    } else {
                        self.counts.duplicates += 1;
                    }
                    self.stored.insert(result.id);
                }
                PushStatus::Rejected => {
                    self.counts.rejected += 1;
                    let code = result
                        .code
                        .as_ref()
                        .map(|c| c.to_string())
                        .unwrap_or_else(|| "no_code".into());
                    self.refused.insert(result.id, code);
                }
            }
            settled.insert(result.id);
        }
        self.list(orphan).retain(|w| !settled.contains(&w.id));
        self.batch_size = (self.batch_size * 2).min(PUSH_BATCH);
        self.attempt = 0;
        Pushed::Answered
    }

    /// After a push cut short whose events never left whole before: the server stored none
    /// of them (it never had the whole body).
    async fn check_nothing_stored(&mut self, batch: &[Waiting]) {
        let request = KnownRequest {
            ids: batch.iter().map(|w| w.id).collect(),
        };
        let answer: Result<KnownResponse, _> = call(
            self.api
                .http
                .post(self.api.url("/api/v1/sync/known"))
                .bearer_auth(&self.pairing.token)
                .json(&request),
            200,
        )
        .await;
        // No answer (the server is away): nothing to learn this time.
        if let Ok(answer) = answer
            && !answer.stored.is_empty()
        {
            self.problems.push(format!(
                "SERVER: {}: a push cut mid-request stored {:?}",
                self.name, answer.stored
            ));
        }
    }
}

/// What came back from one push.
enum Reply {
    Answer(u16, String),
    /// The tablet cut the request itself: no answer can come.
    CutShort,
    NoAnswer,
}

/// The push body, written from the outbox records' own text (`PushRequest` on the wire).
fn push_body(batch: &[Waiting]) -> String {
    let events: Vec<&str> = batch.iter().map(|w| w.json.as_str()).collect();
    let sent_at = OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .expect("a time formats");
    format!(
        r#"{{"events":[{}],"sent_at":"{sent_at}"}}"#,
        events.join(",")
    )
}

/// The till's clock, to the millisecond.
fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_millisecond(now.millisecond())
        .expect("a valid millisecond")
}
