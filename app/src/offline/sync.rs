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
use regulars_protocol::wire::{HistoryEntry, PushRequest, PushResult, PushStatus};
use regulars_protocol::{CardId, Event};
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
    /// Changes whenever the outbox, the rejected list or the directory changed.
    pub revision: RwSignal<u64>,
}

impl SyncStatus {
    pub fn new() -> Self {
        Self {
            online: RwSignal::new(browser_online()),
            unsynced: RwSignal::new(0),
            rejected: RwSignal::new(0),
            revision: RwSignal::new(0),
        }
    }
}

impl Default for SyncStatus {
    fn default() -> Self {
        Self::new()
    }
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

    /// Pushes batches until the outbox is empty or a push fails.
    async fn push_pending(&self) -> PushRun {
        loop {
            if self.inner.stopped.get() {
                return PushRun::Done;
            }
            let Ok(store) = self.store().await else {
                return PushRun::Retry;
            };
            let Ok(Some(pairing)) = store.pairing().await else {
                return PushRun::Done;
            };
            let Ok(outbox) = store.outbox().await else {
                return PushRun::Retry;
            };
            // Events of an earlier pairing cannot be pushed with this device's credential:
            // they go to the rejected list, where a manager sees them, instead of waiting forever.
            let (batch, orphans): (Vec<Event>, Vec<Event>) = outbox
                .into_iter()
                .partition(|e| e.device_id == pairing.device_id);
            if !orphans.is_empty() {
                let settled: Vec<Settled> = orphans
                    .iter()
                    .map(|e| Settled::Rejected {
                        id: e.id,
                        code: Some("earlier_pairing".to_owned()),
                        reason: t(Msg::EarlierPairing),
                    })
                    .collect();
                let _ = store.settle(&settled, clock::now()).await;
            }
            let batch: Vec<Event> = batch.into_iter().take(PUSH_BATCH).collect();
            if batch.is_empty() {
                return PushRun::Done;
            }
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
                }
                Err(err) if err.is_unauthorized() => return PushRun::Unpaired,
                Err(err) => {
                    if err.is_network() {
                        self.set_online(false);
                    }
                    return PushRun::Retry;
                }
            }
        }
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
    use regulars_protocol::wire::HistoryEntry;
    use regulars_protocol::{DeviceId, EventBody, EventId};
    use time::macros::datetime;
    use uuid::Uuid;
    use wasm_bindgen_test::wasm_bindgen_test;

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
