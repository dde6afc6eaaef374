//! `/staff`: the cashier's till. Pair once; then scan (or type) a card, give stamps or points,
//! redeem rewards. Stamps and points go to the outbox first and show at once; the sync engine
//! (`crate::offline::sync`) pushes them. Redemption needs a connection.

mod camera;
mod customer;
mod offers;
mod outbox;
mod pair;
mod recent;
mod sound;
mod staff_switch;
mod wedge;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::offers::{CardOffer, RegularLine};
use regulars_protocol::wire::{CodeCheck, LookupRequest, PushStatus};
use regulars_protocol::{
    Balance, CardCode, CardId, CardKey, CodeRefused, Event, EventBody, EventId, OfferId, Verified,
    card_code,
};

use crate::api;
use crate::clock;
use crate::components::brand::brand_style;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};
use crate::offline::sync::{self, SyncStatus, TillSync};
use crate::offline::{OfflineError, Pairing, Store};
use crate::state::AppState;

use customer::CustomerPanel;
use outbox::SyncBar;
use pair::PairForm;

/// Where the till's knowledge of a customer comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// The server answered the lookup.
    Online,
    /// Offline: the tablet's card directory.
    Directory,
    /// Offline, and the card is not in the directory yet.
    Unknown,
}

/// The customer in front of the cashier.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TillCustomer {
    card_id: CardId,
    first_name: Option<String>,
    source: Source,
    /// The last balance the server told, without the events still in the outbox.
    last_known: Balance,
    /// The shop sequence `last_known` is as of (to compare with the directory's).
    known_seq: i64,
    /// The code the cashier scanned: every event of this visit carries it, and the server checks
    /// it again.
    code: String,
    /// How that code proved itself. Rewards need [`CodeCheck::Signed`].
    check: CodeCheck,
    /// When it was scanned (corrected clock): the server judges the code at this time, so a
    /// stamp given minutes after the scan still counts. After
    /// [`regulars_protocol::ledger::MAX_HOLD`] the till asks for a fresh scan.
    scanned_at: time::OffsetDateTime,
    /// Their offers (in the till program's `offers`), with the uses the server counted.
    offers: Vec<CardOffer>,
    /// This tablet's uses of their offers still in the outbox, one entry a use.
    offers_pending: Vec<OfferId>,
    /// Visits, favourite category, last visit.
    regular: Option<RegularLine>,
}

/// The till's state, shared by the parts of this page.
#[derive(Debug, Clone, Copy)]
struct TillContext {
    /// The pairing, as IndexedDB holds it (the device sequence is read from IndexedDB).
    pairing: RwSignal<Option<Pairing>>,
    /// Why the pairing form is shown again.
    notice: RwSignal<Option<String>>,
    /// The customer in front of the cashier.
    customer: RwSignal<Option<TillCustomer>>,
    /// Counts customers: "Next customer" and every lookup start a new one. Work that finishes
    /// after the counter moved on (a push answer, an IndexedDB read) never shows its customer
    /// again, so the next stamp cannot land on the previous customer.
    visit: RwSignal<u64>,
    /// Their balance as shown: last known plus their events in the outbox.
    balance: RwSignal<i64>,
    /// The last action's confirmation, readable from a metre away.
    confirmation: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    code_input: NodeRef<html::Input>,
    /// Online or not, events to sync, refused events.
    status: SyncStatus,
    /// The push and pull loops.
    sync: StoredValue<TillSync, LocalStorage>,
    /// The staff member at the till (see `staff_switch`); `None` until known, or when nobody
    /// may act.
    staff: RwSignal<Option<regulars_protocol::wire::StaffMember>>,
    /// The till's last actions, newest first (see `recent`).
    recent: RwSignal<Vec<Event>>,
    /// What the server last flagged on one of this till's events, in words.
    flagged: RwSignal<Option<String>>,
    /// The customer on screen has an online redemption whose answer has not arrived: no other
    /// reward until it has (see `offline::sync::TillSync::push_online`).
    checking: RwSignal<bool>,
}

impl TillContext {
    fn new(db_name: &'static str) -> Self {
        let status = SyncStatus::new();
        Self {
            pairing: RwSignal::new(None),
            notice: RwSignal::new(None),
            customer: RwSignal::new(None),
            visit: RwSignal::new(0),
            balance: RwSignal::new(0),
            confirmation: RwSignal::new(None),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
            code_input: NodeRef::new(),
            status,
            sync: StoredValue::new_local(TillSync::new(db_name, status)),
            staff: RwSignal::new(None),
            recent: RwSignal::new(Vec::new()),
            flagged: RwSignal::new(None),
            checking: RwSignal::new(false),
        }
    }

    fn token(&self) -> Option<String> {
        self.pairing
            .with_untracked(|p| p.as_ref().map(|p| p.token.clone()))
    }

    /// The sync engine (while the page is open).
    fn engine(&self) -> Option<TillSync> {
        self.sync.try_with_value(Clone::clone)
    }

    /// Puts the cursor back in "Card code", ready for the next scan.
    fn focus_code(&self) {
        if let Some(input) = self.code_input.get_untracked() {
            let _ = input.focus();
        }
    }

    /// Fetches the till program when online (the owner's new categories, rewards and staff),
    /// keeps it in IndexedDB, and shows it.
    fn refresh_program(&self, state: AppState) {
        let this = *self;
        let Some(token) = self.token() else { return };
        if !sync::browser_online() {
            return;
        }
        spawn_local(async move {
            let Ok(program) = api::till_program(&token).await else {
                return;
            };
            let Ok(store) = state.store().await else {
                return;
            };
            if let Ok(pairing) = store.update_till(program).await
                && pairing.token == token
            {
                this.pairing.try_set(Some(pairing));
            }
        });
    }

    /// Clears the customer for the next one.
    fn next_customer(&self) {
        self.visit.update(|v| *v += 1);
        self.customer.set(None);
        self.confirmation.set(None);
        self.error.set(None);
        self.flagged.set(None);
        self.checking.set(false);
        if let Some(input) = self.code_input.get_untracked() {
            input.set_value("");
        }
        self.focus_code();
    }

    /// The server no longer knows this device: forget the pairing (and the shop's directory)
    /// and ask for a new one. The outbox is kept.
    fn unpaired(&self, state: AppState) {
        let this = *self;
        spawn_local(async move {
            if let Ok(store) = state.store().await {
                let _ = store.retire_pairing().await;
                let _ = store.clear_directory().await;
            }
            this.customer.try_set(None);
            this.confirmation.try_set(None);
            this.error.try_set(None);
            this.notice.try_set(Some(t(Msg::Unpaired)));
            this.pairing.try_set(None);
        });
    }

    /// Shows `customer` with their balance: last known plus their events in the outbox.
    /// Shows nothing if the till moved on to another customer (`visit`) meanwhile.
    async fn show_customer(&self, store: &Store, mut customer: TillCustomer, visit: u64) {
        let shown = store
            .balance_with_pending(customer.card_id, customer.last_known)
            .await
            .unwrap_or(customer.last_known);
        let pending = store.pending_for(customer.card_id).await;
        // An online redemption still waiting for its answer holds the card's other rewards.
        let checking = pending.as_ref().is_ok_and(|events| {
            events
                .iter()
                .any(|e| matches!(e.body, EventBody::RewardRedeemed { offline: false, .. }))
        });
        // Offer uses still waiting count against the member's limit.
        customer.offers_pending = pending
            .iter()
            .flatten()
            .filter_map(|e| e.body.offer().map(|(id, _)| id))
            .collect();
        if self.visit.try_get_untracked() != Some(visit) {
            return;
        }
        self.balance.try_set(shown.balance);
        self.checking.try_set(checking);
        self.customer.try_set(Some(customer));
    }

    /// Recomputes the shown balance of the customer on screen from the directory (if it knows a
    /// newer balance, as after a push) and the outbox.
    async fn refresh_balance(&self, store: &Store) {
        let Some(visit) = self.visit.try_get_untracked() else {
            return;
        };
        let Some(mut customer) = self.customer.try_get_untracked().flatten() else {
            return;
        };
        if let Ok(Some(known)) = store.directory_card(customer.card_id).await
            && known.changed_seq >= customer.known_seq
        {
            // The server told something newer since the lookup (a push answer, a pull): the
            // balance is no longer just the last known one from an offline lookup.
            if known.changed_seq > customer.known_seq {
                customer.source = Source::Online;
                customer.offers = known.offers;
                if known.regular.is_some() {
                    customer.regular = known.regular;
                }
            }
            customer.last_known = known.balance;
            customer.known_seq = known.changed_seq;
            if customer.first_name.is_none() {
                customer.first_name = known.first_name;
            }
        }
        let same = self
            .customer
            .with_untracked(|c| c.as_ref().map(|c| c.card_id))
            == Some(customer.card_id);
        if same {
            self.show_customer(store, customer, visit).await;
        }
    }

    /// Looks a card code up and shows its customer: online with the server, else from the
    /// tablet's card directory.
    fn lookup(&self, state: AppState, code: String) {
        let code = code.trim().to_owned();
        let Some(token) = self.token() else { return };
        if code.is_empty() || self.busy.get_untracked() {
            return;
        }
        let this = *self;
        this.busy.set(true);
        this.error.set(None);
        this.confirmation.set(None);
        this.visit.update(|v| *v += 1);
        let visit = this.visit.get_untracked();
        spawn_local(async move {
            let result = this.find(state, &token, code, visit).await;
            match result {
                Ok(()) => {
                    if let Some(input) = this.code_input.get_untracked() {
                        input.set_value("");
                    }
                }
                Err(Refusal::Unpaired) => this.unpaired(state),
                Err(Refusal::Message(message)) => {
                    this.customer.try_set(None);
                    this.error.try_set(Some(message));
                    this.focus_code();
                }
                Err(Refusal::Checking) => {}
            }
            this.busy.try_set(false);
        });
    }

    async fn find(
        &self,
        state: AppState,
        token: &str,
        code: String,
        visit: u64,
    ) -> Result<(), Refusal> {
        let scanned_at = clock::corrected_now();
        let store = state.store().await?;
        let parsed = CardCode::parse(&code).map_err(|e| Refusal::Message(t(Msg::BadCode(e))))?;
        // A code this tablet accepted for an earlier customer is a copy (a screenshot), also
        // offline. Scanning the same code again for the customer on screen is fine.
        let rotating_step = match parsed {
            CardCode::Rotating { step, .. } => Some(step),
            _ => None,
        };
        let on_screen = self
            .customer
            .with_untracked(|c| c.as_ref().map(|c| c.card_id))
            == Some(parsed.card_id());
        if let Some(step) = rotating_step
            && !on_screen
            && store.code_seen(parsed.card_id(), step).await?
        {
            return Err(Refusal::Message(t(Msg::CodeRefused(CodeRefused::Replayed))));
        }
        let accepted = |store: Store| async move {
            if let Some(step) = rotating_step {
                let now_step = card_code::step_at(clock::corrected_now());
                store
                    .mark_code_seen(parsed.card_id(), step, now_step)
                    .await?;
            }
            Ok::<_, OfflineError>(())
        };
        if sync::browser_online() {
            // Ask which of this card's waiting events the server already has (an answer lost
            // on the way back): they are settled, not counted twice.
            let pending: Vec<_> = store
                .pending_for(parsed.card_id())
                .await?
                .iter()
                .map(|e| e.id)
                .take(500)
                .collect();
            let request = LookupRequest {
                code: code.clone(),
                pending,
            };
            match api::lookup(token, &request).await {
                Ok(customer) => {
                    if !customer.stored.is_empty() {
                        store.remove_from_outbox(&customer.stored).await?;
                        if let Some(engine) = self.engine() {
                            engine.refresh_counts().await;
                        }
                    }
                    self.status.online.try_set(true);
                    let found = TillCustomer {
                        card_id: customer.card_id,
                        first_name: customer.first_name,
                        source: Source::Online,
                        last_known: customer.balance,
                        known_seq: customer.recent.iter().map(|e| e.seq).max().unwrap_or(0),
                        code: code.clone(),
                        check: customer.check,
                        scanned_at,
                        offers: customer.offers,
                        offers_pending: Vec::new(),
                        regular: customer.regular,
                    };
                    accepted(state.store().await?).await?;
                    self.show_customer(&store, found, visit).await;
                    return Ok(());
                }
                Err(err) if err.is_unauthorized() => return Err(Refusal::Unpaired),
                Err(err) if !err.is_network() => return Err(Refusal::Message(err.user_message())),
                Err(_) => {}
            }
        }
        // No connection: the tablet's card directory.
        match self.engine() {
            Some(engine) => engine.set_online(false),
            None => {
                self.status.online.try_set(false);
            }
        }
        // Offline: the code is checked here, with the keys of the tablet's card directory and
        // the shop's printed-card key, against the tablet's corrected clock.
        let card_id = parsed.card_id();
        let known = store.directory_card(card_id).await?;
        if known.as_ref().is_some_and(|card| card.revoked) {
            return Err(Refusal::Message(t(Msg::CardBlocked)));
        }
        let printed_key = self
            .pairing
            .with_untracked(|p| p.as_ref().and_then(|p| p.till.printed_card_key.clone()))
            .and_then(|k| CardKey::from_base64(&k).ok());
        let card_key = known
            .as_ref()
            .and_then(|c| c.public_key.as_deref())
            .and_then(|k| CardKey::from_base64(k).ok());
        let check = match (printed_key, &parsed) {
            (Some(printed_key), _) => {
                match parsed.verify(card_key.as_ref(), &printed_key, clock::corrected_now()) {
                    Ok(Verified::Rotating { .. }) => CodeCheck::Signed,
                    Ok(Verified::Printed) => CodeCheck::Printed,
                    // A card the tablet does not know yet (or one from before card keys): stamps
                    // only, checked by the server at sync.
                    Err(CodeRefused::NoKey) if matches!(parsed, CardCode::Rotating { .. }) => {
                        CodeCheck::Unverified
                    }
                    Err(reason) => return Err(Refusal::Message(t(Msg::CodeRefused(reason)))),
                }
            }
            // A pairing from before printed-card keys: nothing to check against yet.
            (None, CardCode::Static { .. }) => {
                return Err(Refusal::Message(t(Msg::CodeRefused(CodeRefused::Unsigned))));
            }
            (None, _) => CodeCheck::Unverified,
        };
        let found = match known {
            Some(card) => TillCustomer {
                card_id,
                first_name: card.first_name,
                source: Source::Directory,
                last_known: card.balance,
                known_seq: card.changed_seq,
                code,
                check,
                scanned_at,
                offers: card.offers,
                offers_pending: Vec::new(),
                regular: card.regular,
            },
            None => TillCustomer {
                card_id,
                first_name: None,
                source: Source::Unknown,
                last_known: Balance::default(),
                known_seq: 0,
                code,
                check,
                scanned_at,
                offers: Vec::new(),
                offers_pending: Vec::new(),
                regular: None,
            },
        };
        accepted(state.store().await?).await?;
        self.show_customer(&store, found, visit).await;
        Ok(())
    }

    /// The code scanned for the customer on screen and when, for the events of this visit.
    fn scanned_code(&self, card_id: CardId) -> Option<Scan> {
        self.customer.with_untracked(|c| {
            c.as_ref().filter(|c| c.card_id == card_id).map(|c| Scan {
                code: c.code.clone(),
                at: c.scanned_at,
            })
        })
    }

    /// Gives stamps or points: the event goes to the outbox, the confirmation shows at once
    /// (with the balance including it), then the outbox is pushed.
    fn record(
        &self,
        state: AppState,
        card_id: CardId,
        body: EventBody,
        confirm: impl FnOnce(i64) -> Msg + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        let this = *self;
        this.busy.set(true);
        this.error.set(None);
        this.confirmation.set(None);
        let visit = this.visit.get_untracked();
        spawn_local(async move {
            match this.queue(state, card_id, body).await {
                Ok(store) => {
                    this.refresh_balance(&store).await;
                    let balance = this.balance.get_untracked();
                    if this.visit.try_get_untracked() == Some(visit) {
                        this.confirmation.try_set(Some(t(confirm(balance))));
                    }
                    if let Some(engine) = this.engine() {
                        engine.refresh_counts().await;
                        engine.push_soon();
                    }
                    this.focus_code();
                }
                Err(Refusal::Unpaired) => this.unpaired(state),
                Err(Refusal::Message(message)) => {
                    this.error.try_set(Some(message));
                }
                Err(Refusal::Checking) => {}
            }
            this.busy.try_set(false);
        });
    }

    async fn queue(
        &self,
        state: AppState,
        card_id: CardId,
        body: EventBody,
    ) -> Result<Store, Refusal> {
        let store = state.store().await?;
        let event = new_event(&store, card_id, body, self.scanned_code(card_id)).await?;
        store.queue_event(&event).await?;
        self.recent.try_set(recent::remember(&store, &event).await);
        Ok(store)
    }

    /// Redeems a reward: online only. The server checks and debits; a failure keeps nothing.
    fn redeem(&self, state: AppState, card_id: CardId, body: EventBody, reward: String) {
        if self.busy.get_untracked() {
            return;
        }
        let Some(engine) = self.engine() else { return };
        let this = *self;
        this.busy.set(true);
        this.error.set(None);
        this.confirmation.set(None);
        let visit = this.visit.get_untracked();
        spawn_local(async move {
            let outcome = async {
                let store = state.store().await?;
                let event = new_event(&store, card_id, body, this.scanned_code(card_id)).await?;
                let made = event.clone();
                let result = match engine.push_online(event).await {
                    Ok(result) => result,
                    Err(err) if err.is_unauthorized() => return Err(Refusal::Unpaired),
                    // No answer is not "no": the redemption waits in the outbox and is sent
                    // again; the cashier holds the reward until the server has answered.
                    Err(_) => {
                        this.checking.try_set(true);
                        this.status.revision.try_update(|r| *r += 1);
                        return Err(Refusal::Checking);
                    }
                };
                match result.status {
                    PushStatus::Accepted | PushStatus::Duplicate => {
                        this.recent.try_set(recent::remember(&store, &made).await);
                        Ok(store)
                    }
                    PushStatus::Rejected => Err(Refusal::Message(
                        result
                            .reason
                            .or(result.code.map(|c| c.to_string()))
                            .unwrap_or_else(|| t(Msg::NoResult)),
                    )),
                }
            }
            .await;
            match outcome {
                Ok(store) => {
                    this.refresh_balance(&store).await;
                    let balance = this.balance.get_untracked();
                    if this.visit.try_get_untracked() == Some(visit) {
                        this.confirmation
                            .try_set(Some(t(Msg::RewardRedeemed { reward, balance })));
                    }
                    this.focus_code();
                }
                Err(Refusal::Unpaired) => this.unpaired(state),
                Err(Refusal::Message(message)) => {
                    this.error.try_set(Some(message));
                }
                Err(Refusal::Checking) => {}
            }
            this.busy.try_set(false);
        });
    }

    /// The answer to an online redemption whose first answer was lost, when the background
    /// push gets it.
    fn redemption_answered(&self, event: Event, result: regulars_protocol::wire::PushResult) {
        let on_screen = self
            .customer
            .with_untracked(|c| c.as_ref().map(|c| c.card_id))
            == Some(event.card_id);
        if !on_screen {
            return;
        }
        self.checking.try_set(false);
        match result.status {
            PushStatus::Accepted | PushStatus::Duplicate => {
                let reward = match &event.body {
                    EventBody::RewardRedeemed { reward_id, .. } => {
                        self.pairing.with_untracked(|p| {
                            p.as_ref().and_then(|p| {
                                p.till
                                    .program
                                    .rewards
                                    .iter()
                                    .find(|r| r.id == *reward_id)
                                    .map(|r| r.name.clone())
                            })
                        })
                    }
                    _ => None,
                }
                .unwrap_or_default();
                let balance = result.balance.map(|b| b.balance).unwrap_or_default();
                self.error.try_set(None);
                self.confirmation
                    .try_set(Some(t(Msg::RewardRedeemed { reward, balance })));
            }
            PushStatus::Rejected => {
                self.confirmation.try_set(None);
                self.error.try_set(Some(
                    result
                        .reason
                        .or(result.code.map(|c| c.to_string()))
                        .unwrap_or_else(|| t(Msg::NoResult)),
                ));
            }
        }
        self.status.revision.try_update(|r| *r += 1);
    }
}

/// A card code as scanned, and when.
#[derive(Debug, Clone)]
struct Scan {
    code: String,
    at: time::OffsetDateTime,
}

/// Why the till could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Refusal {
    Unpaired,
    Message(String),
    /// Sent, but the answer has not arrived: the till shows "checking" and sends it again.
    Checking,
}

impl From<OfflineError> for Refusal {
    fn from(err: OfflineError) -> Self {
        Refusal::Message(t(Msg::StorageFailed(err.to_string())))
    }
}

/// A new event of this device: UUIDv7 id, the next device sequence (committed to IndexedDB
/// first), the staff member at the till (see `staff_switch`) and the clock corrected by the
/// last known offset.
async fn new_event(
    store: &Store,
    card_id: CardId,
    body: EventBody,
    scan: Option<Scan>,
) -> Result<Event, Refusal> {
    let now = clock::corrected_now();
    // The till holds a scanned customer for a bounded time: after it, the code must be fresh.
    if scan
        .as_ref()
        .is_some_and(|s| now - s.at > regulars_protocol::ledger::MAX_HOLD)
    {
        return Err(Refusal::Message(t(Msg::ScanAgain)));
    }
    let (staff_id, session) = staff_switch::acting_staff(store).await?;
    let (pairing, device_seq) = store.take_device_seq().await?;
    let needs_role = body.needs_staff_proof();
    let mut event = Event {
        id: EventId(clock::new_v7()),
        card_id,
        device_id: pairing.device_id,
        device_seq,
        staff_id: Some(staff_id),
        occurred_at: now,
        body,
        code: scan.as_ref().map(|s| s.code.clone()),
        staff_proof: None,
        origin: regulars_protocol::Origin::Till,
        scanned_at: scan.map(|s| s.at),
    };
    if needs_role && let Some(session) = session {
        event.staff_proof = regulars_protocol::staff::sign_event(&session, &event);
    }
    Ok(event)
}

#[component]
pub fn TillPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = TillContext::new(state.db_name);
    provide_context(till);
    let loaded = RwSignal::new(false);
    let storage_error = RwSignal::new(None::<String>);

    if let Some(engine) = till.engine() {
        engine.on_unpaired(move || till.unpaired(state));
        engine.on_pulled(move |pairing| {
            till.pairing.try_set(Some(pairing));
        });
        // What the server flagged or balanced shows at once, in plain words, with the balance
        // it left (a stamp whose code failed is taken back).
        engine.on_redemption_answered(move |event, result| {
            till.redemption_answered(event, result);
        });
        engine.on_flagged(move |flagged| {
            for (event, result) in flagged {
                let on_screen = till
                    .customer
                    .with_untracked(|c| c.as_ref().map(|c| c.card_id))
                    == Some(event.card_id);
                let mut message = t(Msg::ServerFlagged(result.flags.clone()));
                if let Some(balance) = result.balance.filter(|_| on_screen) {
                    message = format!("{message} {}", t(Msg::BalanceNow(balance.balance)));
                }
                till.flagged.try_set(Some(message));
                till.status.revision.try_update(|r| *r += 1);
            }
        });
    }
    // The network came back, the tablet woke up, or two minutes passed: push and pull.
    sync::on_wake(sync::TILL_PULL_EVERY, move || {
        if let Some(engine) = till.engine() {
            engine.wake();
        }
        till.refresh_program(state);
    });
    let offline = window_event_listener(leptos::ev::offline, move |_| {
        till.status.online.try_set(false);
    });
    let sync_handle = till.sync;
    on_cleanup(move || {
        offline.remove();
        sync_handle.try_with_value(TillSync::stop);
    });
    // The balance on screen follows the outbox and the directory as they sync.
    Effect::new(move |_| {
        till.status.revision.track();
        spawn_local(async move {
            if let Ok(store) = state.store().await {
                till.refresh_balance(&store).await;
            }
        });
    });

    // Sync with IndexedDB once, then with the server.
    Effect::new(move |_| {
        spawn_local(async move {
            let store = match state.store().await {
                Ok(store) => store,
                Err(err) => {
                    storage_error.set(Some(t(Msg::StorageFailed(err.to_string()))));
                    loaded.set(true);
                    return;
                }
            };
            sync::load_offset(&store).await;
            let stored = match store.pairing().await {
                Ok(p) => p,
                Err(err) => {
                    storage_error.set(Some(t(Msg::StorageFailed(err.to_string()))));
                    None
                }
            };
            let paired = stored.is_some();
            till.pairing.set(stored);
            loaded.set(true);
            if let Some(engine) = till.engine() {
                engine.refresh_counts().await;
                if paired {
                    engine.wake();
                    till.refresh_program(state);
                }
            }
        });
    });

    let paired = Memo::new(move |_| till.pairing.with(|p| p.as_ref().map(|p| p.device_id)));

    view! {
        <ErrorAlert message=storage_error />
        {move || {
            if !loaded.get() {
                return view! { <section class="page till" aria-busy="true"></section> }.into_any();
            }
            match paired.get() {
                None => view! { <SyncBar /><PairForm /> }.into_any(),
                Some(_) => view! { <Till /> }.into_any(),
            }
        }}
    }
}

/// The paired till.
#[component]
fn Till() -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let shop_name = move || {
        till.pairing.with(|p| {
            p.as_ref()
                .map(|p| p.till.shop.name.clone())
                .unwrap_or_default()
        })
    };
    let style = move || {
        till.pairing.with(|p| {
            p.as_ref()
                .map(|p| brand_style(&p.till.shop.brand_color))
                .unwrap_or_default()
        })
    };

    wedge::listen(move |code| till.lookup(state, code));

    // "Card code" is focused as soon as it is on the page.
    Effect::new(move |_| {
        if let Some(input) = till.code_input.get() {
            let _ = input.focus();
        }
    });

    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(input) = till.code_input.get_untracked() {
            till.lookup(state, input.value());
        }
    };
    let customer_key = Memo::new(move |_| till.customer.with(|c| c.as_ref().map(|c| c.card_id)));
    // A code the camera reads goes the way of a typed or scanned one.
    let on_camera_code = Callback::new(move |code: String| till.lookup(state, code));
    let customer_shown = Signal::derive(move || customer_key.get().is_some());

    view! {
        <section class="page till shop-page" style=style>
            <header class="till-header">
                <h1>{shop_name}</h1>
                <staff_switch::StaffBar />
                <sound::SoundToggle confirmation=till.confirmation error=till.error />
            </header>
            <SyncBar />
            <form class="till-lookup" on:submit=find>
                <label class="field field-grow">
                    <span class="field-label">{t(Msg::CardCode)}</span>
                    <input
                        type="text"
                        name="card_code"
                        node_ref=till.code_input
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        enterkeyhint="search"
                    />
                </label>
                <button type="submit" class="button button-primary" disabled=till.busy>{t(Msg::FindCard)}</button>
            </form>
            <p class="muted till-hint">{t(Msg::ScanHint)}</p>
            <camera::CameraScanner on_code=on_camera_code paused=till.busy customer_shown />
            <ErrorAlert message=till.error />
            // One status region, always on the page: a screen reader announces what appears in
            // it (a live region that arrives together with its text is not announced by all).
            <div role="status" class="till-status" data-testid="till-status">
                <Show when=move || till.checking.get()>
                    <p class="alert" data-testid="redemption-checking">
                        {t(Msg::RedemptionChecking)}
                    </p>
                </Show>
                <Show when=move || till.flagged.read().is_some()>
                    <p class="alert" data-testid="server-flagged">
                        {move || till.flagged.get().unwrap_or_default()}
                    </p>
                </Show>
                <Show when=move || till.confirmation.read().is_some()>
                    <p class="confirmation" data-testid="confirmation">
                        {move || till.confirmation.get().unwrap_or_default()}
                    </p>
                </Show>
            </div>
            {move || customer_key.get().map(|card_id| view! { <CustomerPanel card_id /> })}
            <recent::RecentActions />
        </section>
    }
}
