//! Sync with the server: the till's push loop (outbox → `POST /sync/push`) and pull loop
//! (`GET /sync/pull` → program and card directory), and the phone's card sync
//! (`GET /cards/me/events`). The rules that need no browser (backoff, settling push answers,
//! merging card events) are plain functions with unit tests below (`#[wasm_bindgen_test]`: plain `#[test]` does not run
//! under the wasm test runner).

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::{
    HistoryEntry, KNOWN_MAX, KnownRequest, PushRequest, PushResult, PushStatus,
};
use regulars_protocol::{CardId, DeviceId, Event, EventId};
use time::OffsetDateTime;

use super::outbox::Settled;
use super::records::StoredCard;
use super::store::{OfflineError, Store};
use crate::api::{self, ApiError};
use crate::clock;
use crate::i18n::{Msg, t};

/// Most events one push carries.
pub const PUSH_BATCH: usize = 100;
/// How often an open till pulls the directory.
pub const TILL_PULL_EVERY: Duration = Duration::from_secs(120);
/// How soon the till asks the server again after a request got no answer.
pub const PROBE_EVERY: Duration = Duration::from_secs(10);
/// How often an open card page syncs.
pub const CARD_SYNC_EVERY: Duration = Duration::from_secs(180);
/// The card page fetches the whole view (shop, program, rewards) at most this often.
pub const FULL_VIEW_EVERY: time::Duration = time::Duration::hours(1);
/// How many history entries a card keeps.
pub const HISTORY_KEPT: usize = 200;

/// Exponential backoff with jitter for retrying pushes: 1 s, 2 s, 4 s … capped at 60 s, each
/// ±30 %, so tablets that lost the same connection do not all retry at once.
pub mod backoff {
    pub const BASE_MS: f64 = 1_000.0;
    pub const CAP_MS: f64 = 60_000.0;
    pub const JITTER: f64 = 0.3;

    /// The delay before retry number `attempt` (0 for the first retry). `unit` is a random
    /// number in `[0, 1)`.
    pub fn delay_ms(attempt: u32, unit: f64) -> u32 {
        let base = (BASE_MS * 2f64.powi(attempt.min(16) as i32)).min(CAP_MS);
        let factor = 1.0 + JITTER * (2.0 * unit.clamp(0.0, 1.0) - 1.0);
        (base * factor).round() as u32
    }
}

/// What the push does after the server answered a whole batch with an error (401 aside: the
/// tablet is unpaired).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterBatchError {
    /// Send the same batch again after a backoff: the failure says nothing about the events
    /// (no answer, the server busy or restarting, a gateway between).
    Backoff,
    /// Send only the first `n` events now: one of them may be what the server cannot take.
    Split(usize),
    /// The server refuses this one event as it is: it moves to the refused list with the
    /// server's reason, where a manager sees it.
    Refuse,
    /// The server fails on this one event: it is held (shown with the server's message and
    /// tried again after a backoff) while the rest of the outbox goes on.
    Hold,
}

/// The rule for a batch of `len` events answered with HTTP `status` (`None`: no answer).
pub fn after_batch_error(len: usize, status: Option<u16>) -> AfterBatchError {
    match status {
        None | Some(408 | 425 | 429 | 502 | 503 | 504) => AfterBatchError::Backoff,
        Some(_) if len > 1 => AfterBatchError::Split(len.div_ceil(2)),
        Some(400..=499) => AfterBatchError::Refuse,
        Some(_) => AfterBatchError::Hold,
    }
}

/// Pairs each answer of a push with its event. Events without an answer stay in the outbox.
pub fn settle_answers(batch: &[Event], results: &[PushResult]) -> Vec<Settled> {
    let cards: HashMap<_, _> = batch.iter().map(|e| (e.id, e.card_id)).collect();
    results
        .iter()
        .filter_map(|result| {
            let card_id = *cards.get(&result.id)?;
            Some(match result.status {
                PushStatus::Accepted | PushStatus::Duplicate => Settled::Stored {
                    id: result.id,
                    card_id,
                    seq: result.seq,
                    balance: result.balance,
                },
                PushStatus::Rejected => Settled::Rejected {
                    id: result.id,
                    code: result.code.as_ref().map(|c| c.to_string()),
                    reason: result
                        .reason
                        .clone()
                        .or_else(|| result.code.as_ref().map(|c| c.to_string()))
                        .unwrap_or_default(),
                },
            })
        })
        .collect()
}

/// Merges a card's new events (oldest first, as the server sends them) into its history
/// (newest first): each event once, newest first, at most `keep` entries.
pub fn merge_history(
    history: Vec<HistoryEntry>,
    new_events: Vec<HistoryEntry>,
    keep: usize,
) -> Vec<HistoryEntry> {
    let mut seen = HashSet::new();
    let mut merged: Vec<HistoryEntry> = new_events
        .into_iter()
        .chain(history)
        .filter(|e| seen.insert(e.id))
        .collect();
    merged.sort_by(|a, b| b.seq.cmp(&a.seq).then(b.occurred_at.cmp(&a.occurred_at)));
    merged.truncate(keep);
    merged
}

/// Learns the clock offset from a server answer that just arrived, and keeps it.
async fn learn_offset(store: &Store, server_time: OffsetDateTime) {
    let offset = clock::offset_from(server_time, clock::now());
    clock::set_offset_ms(offset);
    let _ = store.set_clock_offset_ms(offset).await;
}

/// Loads the clock offset kept from the last sync.
pub async fn load_offset(store: &Store) {
    if let Ok(offset) = store.clock_offset_ms().await {
        clock::set_offset_ms(offset);
    }
}

/// Whether the browser thinks it has a network.
pub fn browser_online() -> bool {
    window().navigator().on_line()
}

/// Calls `wake` when the network returns, when the page becomes visible again and every
/// `every` while the page is open. Listeners and the timer go away with the current owner.
pub fn on_wake(every: Duration, wake: impl Fn() + Clone + 'static) {
    let on_online = {
        let wake = wake.clone();
        window_event_listener(leptos::ev::online, move |_| wake())
    };
    let on_visible = {
        let wake = wake.clone();
        window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                wake();
            }
        })
    };
    let interval = set_interval_with_handle(wake, every).ok();
    on_cleanup(move || {
        on_online.remove();
        on_visible.remove();
        if let Some(interval) = interval {
            interval.clear();
        }
    });
}

/// A signal that follows the browser's `online` and `offline` events.
pub fn online_signal() -> RwSignal<bool> {
    let online = RwSignal::new(browser_online());
    let up = window_event_listener(leptos::ev::online, move |_| {
        online.try_set(true);
    });
    let down = window_event_listener(leptos::ev::offline, move |_| {
        online.try_set(false);
    });
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    online
}

/// Asks the browser once to keep this app's storage (cards, pairing, outbox) under storage
/// pressure. A refusal changes nothing: the data is still stored.
pub async fn ask_persistent_storage(store: &Store) {
    if !store.first_persist_request().await.unwrap_or(false) {
        return;
    }
    // Without a StorageManager (an insecure origin) `persist` throws, which is an `Err` here.
    if let Ok(promise) = window().navigator().storage().persist() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// What the till's status bar shows. Plain signals: cheap to copy into views.
#[derive(Debug, Clone, Copy)]
pub struct SyncStatus {
    /// The last request reached the server (or the browser says it is online).
    pub online: RwSignal<bool>,
    /// Events in the outbox.
    pub unsynced: RwSignal<u32>,
    /// Events the server refused, kept for the manager.
    pub rejected: RwSignal<u32>,
    /// Events the server failed on when sent alone, with its message: the rest of the outbox
    /// goes on while these are tried again after a backoff.
    pub held: RwSignal<Vec<(EventId, String)>>,
    /// Changes whenever the outbox, the rejected list or the directory changed.
    pub revision: RwSignal<u64>,
}

impl SyncStatus {
    pub fn new() -> Self {
        Self {
            online: RwSignal::new(browser_online()),
            unsynced: RwSignal::new(0),
            rejected: RwSignal::new(0),
            held: RwSignal::new(vec![]),
            revision: RwSignal::new(0),
        }
    }
}

impl Default for SyncStatus {
    fn default() -> Self {
        Self::new()
    }
}

/// Why an earlier pairing's events were not all delivered with its credential.
enum OrphanPush {
    /// The server no longer takes that credential.
    Refused,
    /// No answer: try again later.
    NoAnswer,
}

/// How a push run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PushRun {
    /// The outbox is empty (or the till is not paired).
    Done,
    /// No answer, or an answer that settled nothing: retry after a backoff.
    Retry,
    /// The server no longer knows this device.
    Unpaired,
}

type Hook = Rc<dyn Fn()>;
type PulledHook = Rc<dyn Fn(super::Pairing)>;
type FlaggedHook = Rc<dyn Fn(Vec<(Event, PushResult)>)>;
type AnsweredHook = Rc<dyn Fn(Event, PushResult)>;

struct Inner {
    db_name: &'static str,
    status: SyncStatus,
    attempt: Cell<u32>,
    /// How many events the next push carries: halved while the server refuses batches whole,
    /// back up to [`PUSH_BATCH`] as they go through.
    batch_size: Cell<usize>,
    /// Events the server failed on alone, with its message.
    held: RefCell<HashMap<EventId, String>>,
    pushing: Cell<bool>,
    again: Cell<bool>,
    pulling: Cell<bool>,
    retry: Cell<Option<TimeoutHandle>>,
    probe: Cell<Option<TimeoutHandle>>,
    stopped: Cell<bool>,
    on_unpaired: RefCell<Option<Hook>>,
    on_pulled: RefCell<Option<PulledHook>>,
    on_flagged: RefCell<Option<FlaggedHook>>,
    on_redemption_answered: RefCell<Option<AnsweredHook>>,
}

/// The till's sync engine: pushes the outbox (in batches, with backoff, at once when the
/// network returns) and pulls the program and card directory. Cheap to clone; browser-only.
#[derive(Clone)]
pub struct TillSync {
    inner: Rc<Inner>,
}

impl TillSync {
    pub fn new(db_name: &'static str, status: SyncStatus) -> Self {
        Self {
            inner: Rc::new(Inner {
                db_name,
                status,
                attempt: Cell::new(0),
                batch_size: Cell::new(PUSH_BATCH),
                held: RefCell::new(HashMap::new()),
                pushing: Cell::new(false),
                again: Cell::new(false),
                pulling: Cell::new(false),
                retry: Cell::new(None),
                probe: Cell::new(None),
                stopped: Cell::new(false),
                on_unpaired: RefCell::new(None),
                on_pulled: RefCell::new(None),
                on_flagged: RefCell::new(None),
                on_redemption_answered: RefCell::new(None),
            }),
        }
    }

    pub fn status(&self) -> SyncStatus {
        self.inner.status
    }

    /// Called when the server answers 401: the pairing is gone.
    pub fn on_unpaired(&self, f: impl Fn() + 'static) {
        *self.inner.on_unpaired.borrow_mut() = Some(Rc::new(f));
    }

    /// Called with the stored pairing after a pull refreshed its till program.
    pub fn on_pulled(&self, f: impl Fn(super::Pairing) + 'static) {
        *self.inner.on_pulled.borrow_mut() = Some(Rc::new(f));
    }

    /// Called with the till's events the server stored but flagged (or balanced), and its
    /// answers, as soon as they arrive: the till tells the cashier.
    pub fn on_flagged(&self, f: impl Fn(Vec<(Event, PushResult)>) + 'static) {
        *self.inner.on_flagged.borrow_mut() = Some(Rc::new(f));
    }

    /// Called when the background push gets the answer for an online redemption whose first
    /// answer was lost: the till shows it then.
    pub fn on_redemption_answered(&self, f: impl Fn(Event, PushResult) + 'static) {
        *self.inner.on_redemption_answered.borrow_mut() = Some(Rc::new(f));
    }

    fn tell_redemptions(&self, batch: &[Event], results: &[PushResult]) {
        let hook = self.inner.on_redemption_answered.borrow().clone();
        let Some(hook) = hook else { return };
        for result in results {
            if let Some(event) = batch.iter().find(|e| {
                e.id == result.id
                    && matches!(
                        e.body,
                        regulars_protocol::EventBody::RewardRedeemed { offline: false, .. }
                    )
            }) {
                hook(event.clone(), result.clone());
            }
        }
    }

    fn tell_flagged(&self, batch: &[Event], results: &[PushResult]) {
        let flagged: Vec<(Event, PushResult)> = results
            .iter()
            .filter(|r| r.status == PushStatus::Accepted && !r.flags.is_empty())
            .filter_map(|r| {
                batch
                    .iter()
                    .find(|e| e.id == r.id)
                    .map(|e| (e.clone(), r.clone()))
            })
            .collect();
        if flagged.is_empty() {
            return;
        }
        let hook = self.inner.on_flagged.borrow().clone();
        if let Some(hook) = hook {
            hook(flagged);
        }
    }

    /// Stops retry timers; a run in flight ends after its current request.
    pub fn stop(&self) {
        self.inner.stopped.set(true);
        if let Some(timer) = self.inner.retry.take() {
            timer.clear();
        }
        if let Some(timer) = self.inner.probe.take() {
            timer.clear();
        }
    }

    async fn store(&self) -> Result<Store, OfflineError> {
        Store::open(self.inner.db_name).await
    }

    /// Records whether the server answered. When it did not but the browser says it has a
    /// network (the server or the shop's uplink is down), pull again soon: redemption waits
    /// for "Online", and the `online` event will not come.
    pub fn set_online(&self, online: bool) {
        self.inner.status.online.try_set(online);
        if online || self.inner.stopped.get() || !browser_online() {
            return;
        }
        let waiting = self.inner.probe.take();
        if waiting.is_some() {
            self.inner.probe.set(waiting);
            return;
        }
        let this = self.clone();
        let timer = set_timeout_with_handle(
            move || {
                this.inner.probe.set(None);
                this.pull_now();
            },
            PROBE_EVERY,
        )
        .ok();
        self.inner.probe.set(timer);
    }

    fn unpaired(&self) {
        let callback = self.inner.on_unpaired.borrow().clone();
        if let Some(callback) = callback {
            callback();
        }
    }

    /// Reads the outbox and rejected counts into the status.
    pub async fn refresh_counts(&self) {
        let Ok(store) = self.store().await else {
            return;
        };
        let status = self.inner.status;
        if let Ok(n) = store.outbox_len().await {
            status.unsynced.try_set(n);
        }
        if let Ok(n) = store.rejected_len().await {
            status.rejected.try_set(n);
        }
        status.revision.try_update(|r| *r += 1);
    }

    /// The network came back: forget the backoff and push and pull now.
    pub fn wake(&self) {
        self.inner.attempt.set(0);
        self.push_now();
        self.pull_now();
    }

    /// Pushes a newly queued event: now, unless a retry is already waiting out its backoff
    /// (the network is down: the retry, or the `online` event, will push it).
    pub fn push_soon(&self) {
        let waiting = self.inner.retry.take();
        let backing_off = waiting.is_some();
        self.inner.retry.set(waiting);
        if !backing_off {
            self.push_now();
        }
    }

    /// Pushes the outbox now (or right after the run in flight).
    pub fn push_now(&self) {
        if self.inner.stopped.get() {
            return;
        }
        if self.inner.pushing.get() {
            self.inner.again.set(true);
            return;
        }
        if let Some(timer) = self.inner.retry.take() {
            timer.clear();
        }
        self.inner.pushing.set(true);
        let this = self.clone();
        spawn_local(async move {
            loop {
                this.inner.again.set(false);
                let run = this.push_pending().await;
                this.refresh_counts().await;
                match run {
                    PushRun::Done => {
                        this.inner.attempt.set(0);
                        if !this.inner.again.get() {
                            break;
                        }
                    }
                    PushRun::Retry => {
                        this.retry_later();
                        break;
                    }
                    PushRun::Unpaired => {
                        this.unpaired();
                        break;
                    }
                }
            }
            this.inner.pushing.set(false);
        });
    }

    fn retry_later(&self) {
        if self.inner.stopped.get() {
            return;
        }
        let attempt = self.inner.attempt.get();
        self.inner.attempt.set(attempt.saturating_add(1));
        let delay = backoff::delay_ms(attempt, js_sys::Math::random());
        let this = self.clone();
        let timer = set_timeout_with_handle(
            move || {
                this.inner.retry.set(None);
                this.push_now();
            },
            Duration::from_millis(delay.into()),
        )
        .ok();
        self.inner.retry.set(timer);
    }

    fn hold(&self, id: EventId, reason: String) {
        self.inner.held.borrow_mut().insert(id, reason);
        self.show_held();
    }

    fn release(&self, settled: &[Settled]) {
        let mut held = self.inner.held.borrow_mut();
        let before = held.len();
        for answer in settled {
            let (Settled::Stored { id, .. } | Settled::Rejected { id, .. }) = answer;
            held.remove(id);
        }
        let changed = held.len() != before;
        drop(held);
        if changed {
            self.show_held();
        }
    }

    fn show_held(&self) {
        let mut held: Vec<(EventId, String)> = self
            .inner
            .held
            .borrow()
            .iter()
            .map(|(id, reason)| (*id, reason.clone()))
            .collect();
        held.sort();
        self.inner.status.held.try_set(held);
    }

    /// Pushes batches until the outbox is empty or a push fails. One event the server cannot
    /// take never blocks the others: a batch refused whole is split until that event is
    /// found, and it is refused (4xx) or held (5xx) while the rest go on.
    async fn push_pending(&self) -> PushRun {
        let Ok(store) = self.store().await else {
            return PushRun::Retry;
        };
        let Ok(pairing) = store.pairing().await else {
            return PushRun::Retry;
        };
        let Ok(outbox) = store.outbox().await else {
            return PushRun::Retry;
        };
        // Events of an earlier pairing go first, with that pairing's credential.
        let orphans: Vec<Event> = outbox
            .into_iter()
            .filter(|e| pairing.as_ref().is_none_or(|p| e.device_id != p.device_id))
            .collect();
        let orphans_wait = !orphans.is_empty()
            && self
                .deliver_orphans(&store, pairing.as_ref(), orphans)
                .await
                .is_err();
        let Some(pairing) = pairing else {
            return if orphans_wait {
                PushRun::Retry
            } else {
                PushRun::Done
            };
        };
        let mut tried_held = HashSet::new();
        loop {
            if self.inner.stopped.get() {
                return PushRun::Done;
            }
            let Ok(outbox) = store.outbox().await else {
                return PushRun::Retry;
            };
            let mine: Vec<Event> = outbox
                .into_iter()
                .filter(|e| e.device_id == pairing.device_id)
                .collect();
            let held = self.inner.held.borrow().clone();
            let ready: Vec<Event> = mine
                .iter()
                .filter(|e| !held.contains_key(&e.id))
                .take(self.inner.batch_size.get().max(1))
                .cloned()
                .collect();
            // With the rest through, each held event is tried once more (alone) per run.
            let batch = if ready.is_empty() {
                match mine
                    .iter()
                    .find(|e| held.contains_key(&e.id) && !tried_held.contains(&e.id))
                {
                    Some(event) => {
                        tried_held.insert(event.id);
                        vec![event.clone()]
                    }
                    None if mine.is_empty() && !orphans_wait => return PushRun::Done,
                    None => return PushRun::Retry,
                }
            } else {
                ready
            };
            let request = PushRequest {
                events: batch.clone(),
                sent_at: Some(clock::corrected_now()),
            };
            match api::push(&pairing.token, &request).await {
                Ok(response) => {
                    self.set_online(true);
                    self.tell_flagged(&batch, &response.results);
                    self.tell_redemptions(&batch, &response.results);
                    let settled = settle_answers(&batch, &response.results);
                    if settled.is_empty() || store.settle(&settled, clock::now()).await.is_err() {
                        return PushRun::Retry;
                    }
                    self.release(&settled);
                    let size = self.inner.batch_size.get();
                    self.inner.batch_size.set((size * 2).min(PUSH_BATCH));
                }
                Err(err) if err.is_unauthorized() => return PushRun::Unpaired,
                Err(err) => {
                    self.set_online(err.status().is_some());
                    match after_batch_error(batch.len(), err.status()) {
                        AfterBatchError::Backoff => return PushRun::Retry,
                        AfterBatchError::Split(n) => self.inner.batch_size.set(n),
                        AfterBatchError::Refuse => {
                            let refused = [Settled::Rejected {
                                id: batch[0].id,
                                code: err.code().map(str::to_owned),
                                reason: err.user_message(),
                            }];
                            if store.settle(&refused, clock::now()).await.is_err() {
                                return PushRun::Retry;
                            }
                            self.release(&refused);
                        }
                        AfterBatchError::Hold => self.hold(batch[0].id, err.user_message()),
                    }
                }
            }
        }
    }

    /// Delivers events an earlier pairing of this tablet left in the outbox: with that
    /// pairing's credential while the server takes it (an unpaired tablet may push what it
    /// made before); else the current pairing asks which of them the server already has,
    /// and only the others are called lost. `Err` when some must wait (no answer yet).
    async fn deliver_orphans(
        &self,
        store: &Store,
        pairing: Option<&super::Pairing>,
        orphans: Vec<Event>,
    ) -> Result<(), ()> {
        let earlier = store.earlier_pairings().await.map_err(|_| ())?;
        let mut by_device: HashMap<DeviceId, Vec<Event>> = HashMap::new();
        for event in orphans {
            by_device.entry(event.device_id).or_default().push(event);
        }
        let mut waiting = false;
        for (device_id, events) in by_device {
            let token = earlier
                .iter()
                .find(|e| e.device_id == device_id)
                .map(|e| e.token.clone());
            let mut left = events;
            if let Some(token) = token {
                match self.push_with(store, &token, &left).await {
                    Ok(rest) => left = rest,
                    Err(OrphanPush::Refused) => {}
                    Err(OrphanPush::NoAnswer) => {
                        waiting = true;
                        continue;
                    }
                }
            }
            if left.is_empty() {
                let _ = store.forget_earlier_pairing(device_id).await;
                continue;
            }
            let Some(pairing) = pairing else {
                waiting = true;
                continue;
            };
            if self.settle_lost(store, pairing, &left).await.is_err() {
                waiting = true;
                continue;
            }
            let _ = store.forget_earlier_pairing(device_id).await;
        }
        if waiting { Err(()) } else { Ok(()) }
    }

    /// Pushes an earlier pairing's events with its credential; returns those still waiting
    /// (none when all were answered).
    async fn push_with(
        &self,
        store: &Store,
        token: &str,
        events: &[Event],
    ) -> Result<Vec<Event>, OrphanPush> {
        for batch in events.chunks(PUSH_BATCH) {
            let request = PushRequest {
                events: batch.to_vec(),
                sent_at: Some(clock::corrected_now()),
            };
            match api::push(token, &request).await {
                Ok(response) => {
                    self.set_online(true);
                    self.tell_flagged(batch, &response.results);
                    let settled = settle_answers(batch, &response.results);
                    store
                        .settle(&settled, clock::now())
                        .await
                        .map_err(|_| OrphanPush::NoAnswer)?;
                }
                Err(err) if err.is_unauthorized() => return Err(OrphanPush::Refused),
                Err(_) => return Err(OrphanPush::NoAnswer),
            }
        }
        let left: Vec<Event> = store
            .outbox()
            .await
            .map_err(|_| OrphanPush::NoAnswer)?
            .into_iter()
            .filter(|e| events.iter().any(|o| o.id == e.id))
            .collect();
        Ok(left)
    }

    /// Asks the server which of `events` it holds: those leave the outbox as stored, the
    /// others move to the refused list as lost with their pairing.
    async fn settle_lost(
        &self,
        store: &Store,
        pairing: &super::Pairing,
        events: &[Event],
    ) -> Result<(), ApiError> {
        let storage = |e: OfflineError| ApiError::Decode(e.to_string());
        for chunk in events.chunks(KNOWN_MAX) {
            let request = KnownRequest {
                ids: chunk.iter().map(|e| e.id).collect(),
            };
            let known = api::known(&pairing.token, &request).await?;
            let stored: HashSet<EventId> = known.stored.into_iter().collect();
            let settled: Vec<Settled> = chunk
                .iter()
                .map(|e| {
                    if stored.contains(&e.id) {
                        Settled::Stored {
                            id: e.id,
                            card_id: e.card_id,
                            seq: None,
                            balance: None,
                        }
                    } else {
                        Settled::Rejected {
                            id: e.id,
                            code: Some("earlier_pairing".to_owned()),
                            reason: t(Msg::EarlierPairing),
                        }
                    }
                })
                .collect();
            store
                .settle(&settled, clock::now())
                .await
                .map_err(storage)?;
        }
        Ok(())
    }

    /// Pulls the program and the directory changes now, page after page.
    pub fn pull_now(&self) {
        if self.inner.stopped.get() || self.inner.pulling.get() {
            return;
        }
        self.inner.pulling.set(true);
        let this = self.clone();
        spawn_local(async move {
            let result = this.pull_all().await;
            this.inner.pulling.set(false);
            match result {
                Ok(Some(pairing)) => {
                    let callback = this.inner.on_pulled.borrow().clone();
                    if let Some(callback) = callback {
                        callback(pairing);
                    }
                    this.inner.status.revision.try_update(|r| *r += 1);
                }
                Ok(None) => {}
                Err(err) if err.is_unauthorized() => this.unpaired(),
                Err(_) => {}
            }
        });
    }

    async fn pull_all(&self) -> Result<Option<super::Pairing>, ApiError> {
        let storage = |e: OfflineError| ApiError::Decode(e.to_string());
        let store = self.store().await.map_err(storage)?;
        let Some(pairing) = store.pairing().await.map_err(storage)? else {
            return Ok(None);
        };
        let mut cursor = store.pull_cursor().await.map_err(storage)?;
        let mut fresh = None;
        for _ in 0..1_000 {
            let answer = match api::pull(&pairing.token, cursor).await {
                Ok(answer) => answer,
                Err(err) => {
                    if err.is_network() {
                        self.set_online(false);
                    }
                    return Err(err);
                }
            };
            self.set_online(true);
            learn_offset(&store, answer.till.server_time).await;
            fresh = store
                .store_pull(
                    &answer.cards,
                    answer.cursor,
                    Some(answer.till),
                    &answer.stored,
                )
                .await
                .map_err(storage)?;
            if !answer.more || answer.cursor <= cursor {
                break;
            }
            cursor = answer.cursor;
        }
        Ok(fresh)
    }

    /// Sends an online redemption (with the card's other waiting events) and returns the
    /// server's answer for it: the server decides. The event is written to the outbox first
    /// (strict durability), so an answer lost on the way back is never a reason to make a new
    /// event: the same event stays there and is sent again (by the background push too) until
    /// the server answers it, and a retry of a stored one gets the first answer again. A
    /// redemption the server refuses here leaves the outbox: it was never handed over.
    pub async fn push_online(&self, event: Event) -> Result<PushResult, ApiError> {
        let storage = |e: OfflineError| ApiError::Decode(e.to_string());
        let store = self.store().await.map_err(storage)?;
        let pairing = store
            .pairing()
            .await
            .map_err(storage)?
            .ok_or_else(|| ApiError::Decode(OfflineError::NotPaired.to_string()))?;
        store.queue_event(&event).await.map_err(storage)?;
        self.refresh_counts().await;
        let mut batch: Vec<Event> = store
            .pending_for(event.card_id)
            .await
            .map_err(storage)?
            .into_iter()
            .filter(|e| e.device_id == pairing.device_id && e.id != event.id)
            .take(PUSH_BATCH - 1)
            .collect();
        batch.push(event.clone());
        let request = PushRequest {
            events: batch.clone(),
            sent_at: Some(clock::corrected_now()),
        };
        let response = match api::push(&pairing.token, &request).await {
            Ok(response) => response,
            Err(err) => {
                if err.is_network() {
                    self.set_online(false);
                }
                // Kept in the outbox: the background push sends the same event again.
                self.push_soon();
                return Err(err);
            }
        };
        self.set_online(true);
        self.tell_flagged(&batch, &response.results);
        let mut settled = settle_answers(&batch, &response.results);
        let mine = response.results.iter().find(|r| r.id == event.id).cloned();
        let refused_here = settled
            .iter()
            .any(|s| matches!(s, Settled::Rejected { id, .. } if *id == event.id));
        settled.retain(|s| !matches!(s, Settled::Rejected { id, .. } if *id == event.id));
        let _ = store.settle(&settled, clock::now()).await;
        if refused_here {
            let _ = store.remove_from_outbox(&[event.id]).await;
        }
        self.refresh_counts().await;
        mine.ok_or_else(|| ApiError::Decode("no answer for the event".to_owned()))
    }
}

/// Why a card could not be synced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardSyncError {
    /// The card is not on this phone.
    Missing,
    Storage(OfflineError),
    Api(ApiError),
}

/// Syncs one card held on this phone: the whole view when it has none yet or it is more than
/// an hour old (shop, program, rewards may have changed), then the card's events after its
/// cursor, page after page. Returns the stored card.
pub async fn sync_card(store: &Store, card_id: CardId) -> Result<StoredCard, CardSyncError> {
    let mut card = store
        .card(card_id)
        .await
        .map_err(CardSyncError::Storage)?
        .ok_or(CardSyncError::Missing)?;
    // What the shopper did offline goes first; the pull below brings the state it left.
    match super::card_outbox::push(store, &card).await {
        Ok(_) => {}
        Err(CardSyncError::Api(e)) if !e.is_network() && !e.is_unauthorized() => {
            // The server failed on the batch: its events wait for the next sync, the card
            // still syncs.
            leptos::logging::warn!("pushing the card's events: {}", e.user_message());
        }
        Err(e) => return Err(e),
    }
    let now = clock::now();
    let stale = card
        .full_synced_at
        .is_none_or(|at| now - at > FULL_VIEW_EVERY);
    if card.cursor == 0 || stale {
        let view = api::my_card(&card.token)
            .await
            .map_err(CardSyncError::Api)?;
        learn_offset(store, view.server_time).await;
        card = store
            .update_card_view(view, clock::now())
            .await
            .map_err(CardSyncError::Storage)?
            .ok_or(CardSyncError::Missing)?;
    }
    for _ in 0..1_000 {
        let answer = api::card_events(&card.token, card.cursor)
            .await
            .map_err(CardSyncError::Api)?;
        learn_offset(store, answer.server_time).await;
        let history = std::mem::take(&mut card.view.history);
        card.view.history = merge_history(history, answer.events, HISTORY_KEPT);
        card.view.balance = answer.balance;
        card.view.card_events = answer.card_events;
        // The member's offers now: they replace the ones kept (ended, dismissed, used up gone).
        card.view.offers = answer.offers;
        let advanced = answer.cursor > card.cursor;
        card.cursor = card.cursor.max(answer.cursor);
        card.synced_at = clock::now();
        card = store
            .update_card(card)
            .await
            .map_err(CardSyncError::Storage)?
            .ok_or(CardSyncError::Missing)?;
        if !answer.more || !advanced {
            break;
        }
    }
    Ok(card)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regulars_protocol::EventBody;
    use regulars_protocol::wire::HistoryEntry;
    use time::macros::datetime;
    use uuid::Uuid;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_batch_refused_whole_is_split_until_the_one_event_is_refused_or_held() {
        use AfterBatchError::*;
        // No answer, or a server that is busy or restarting: the events are not the reason.
        for status in [None, Some(429), Some(502), Some(503), Some(504)] {
            assert_eq!(after_batch_error(100, status), Backoff, "{status:?}");
            assert_eq!(after_batch_error(1, status), Backoff, "{status:?}");
        }
        // Refused or failed whole: halve until one event is left.
        for status in [400, 413, 422, 500] {
            assert_eq!(after_batch_error(100, Some(status)), Split(50));
            assert_eq!(after_batch_error(3, Some(status)), Split(2));
            assert_eq!(after_batch_error(2, Some(status)), Split(1));
        }
        // Alone: a refusal is the server's word on that event; a failure is held.
        assert_eq!(after_batch_error(1, Some(422)), Refuse);
        assert_eq!(after_batch_error(1, Some(400)), Refuse);
        assert_eq!(after_batch_error(1, Some(500)), Hold);
        // Halving from a full batch finds the one event in seven steps.
        let mut len = PUSH_BATCH;
        let mut steps = 0;
        while let Split(n) = after_batch_error(len, Some(422)) {
            len = n;
            steps += 1;
        }
        assert_eq!((len, steps), (1, 7));
    }

    #[wasm_bindgen_test]
    fn backoff_grows_from_one_second_and_stays_bounded() {
        let middle: Vec<u32> = (0..10).map(|n| backoff::delay_ms(n, 0.5)).collect();
        assert_eq!(
            middle[..7],
            [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000]
        );
        assert!(middle.windows(2).all(|w| w[0] <= w[1]));
        for attempt in [0, 5, 6, 7, 30, u32::MAX] {
            for unit in [0.0, 0.25, 0.5, 0.999, 1.0] {
                assert!(backoff::delay_ms(attempt, unit) <= 78_000);
            }
        }
        assert_eq!(backoff::delay_ms(u32::MAX, 0.5), 60_000);
    }

    #[wasm_bindgen_test]
    fn backoff_jitter_stays_within_thirty_percent() {
        for attempt in 0..8 {
            let base = f64::from(backoff::delay_ms(attempt, 0.5));
            let low = f64::from(backoff::delay_ms(attempt, 0.0));
            let high = f64::from(backoff::delay_ms(attempt, 0.999_999));
            assert!(
                (low - base * 0.7).abs() <= 1.0,
                "{attempt}: {low} vs {base}"
            );
            assert!(
                (high - base * 1.3).abs() <= 1.0,
                "{attempt}: {high} vs {base}"
            );
            for i in 0..100 {
                let d = f64::from(backoff::delay_ms(attempt, f64::from(i) / 100.0));
                assert!(d >= base * 0.7 - 1.0 && d <= base * 1.3 + 1.0);
            }
        }
    }

    fn entry(seq: i64) -> HistoryEntry {
        HistoryEntry {
            id: EventId(Uuid::from_u128(seq as u128)),
            seq,
            occurred_at: datetime!(2026-11-02 10:00 UTC) + time::Duration::minutes(seq),
            body: EventBody::StampsIssued {
                count: 1,
                amount_minor: None,
                category: None,
            },
            reward_name: None,
        }
    }

    fn seqs(entries: &[HistoryEntry]) -> Vec<i64> {
        entries.iter().map(|e| e.seq).collect()
    }

    #[wasm_bindgen_test]
    fn new_card_events_go_first_newest_first() {
        let history = vec![entry(3), entry(2), entry(1)];
        let merged = merge_history(history, vec![entry(4), entry(5), entry(7)], 100);
        assert_eq!(seqs(&merged), [7, 5, 4, 3, 2, 1]);
    }

    #[wasm_bindgen_test]
    fn an_event_already_in_the_history_is_not_doubled() {
        let history = vec![entry(5), entry(4), entry(2)];
        let merged = merge_history(history, vec![entry(4), entry(5), entry(6), entry(6)], 100);
        assert_eq!(seqs(&merged), [6, 5, 4, 2]);
        let again = merge_history(merged.clone(), vec![entry(5), entry(6)], 100);
        assert_eq!(again, merged);
    }

    #[wasm_bindgen_test]
    fn the_history_keeps_the_newest_entries() {
        let history = (1..=5).rev().map(entry).collect();
        let merged = merge_history(history, vec![entry(6), entry(7)], 4);
        assert_eq!(seqs(&merged), [7, 6, 5, 4]);
    }

    fn event(n: u128, card: CardId) -> Event {
        Event {
            id: EventId(Uuid::from_u128(n)),
            card_id: card,
            device_id: DeviceId(Uuid::from_u128(99)),
            device_seq: n as i64,
            staff_id: None,
            occurred_at: datetime!(2026-11-02 10:00 UTC),
            body: EventBody::StampsIssued {
                count: 1,
                amount_minor: None,
                category: None,
            },
            code: None,
            staff_proof: None,
            origin: regulars_protocol::Origin::Till,
            scanned_at: None,
        }
    }

    #[wasm_bindgen_test]
    fn push_answers_settle_their_own_events_and_keep_reasons() {
        let card = CardId(Uuid::from_u128(1));
        let batch = [event(10, card), event(11, card), event(12, card)];
        let answer = |id: u128, status| PushResult {
            id: EventId(Uuid::from_u128(id)),
            status,
            seq: Some(id as i64),
            balance: None,
            code: (status == PushStatus::Rejected)
                .then_some(regulars_protocol::Refusal::CardRevoked),
            reason: (status == PushStatus::Rejected).then(|| "Blocked.".to_owned()),
            flags: vec![],
        };
        let results = [
            answer(10, PushStatus::Accepted),
            answer(12, PushStatus::Rejected),
            // Not in the batch: ignored.
            answer(77, PushStatus::Accepted),
        ];
        let settled = settle_answers(&batch, &results);
        assert_eq!(
            settled,
            [
                Settled::Stored {
                    id: batch[0].id,
                    card_id: card,
                    seq: Some(10),
                    balance: None
                },
                Settled::Rejected {
                    id: batch[2].id,
                    code: Some("card_revoked".to_owned()),
                    reason: "Blocked.".to_owned()
                },
            ]
        );
    }
}
