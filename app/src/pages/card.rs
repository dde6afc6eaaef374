//! `/card/:id`: the shopper's card, painted at once from IndexedDB, then synced: at start,
//! when the network returns, when the page becomes visible and every few minutes
//! (`crate::offline::sync::sync_card` does the work).
//!
//! The QR holds the card's live code: signed by the card's key on this phone for the current
//! 30-second step of the clock corrected by the server's offset, made anew on each step
//! boundary, without signal. A card made before signed codes gets its key here (online, once);
//! a card whose key is not on this phone can only be set up again with its recovery code.
//!
//! "For you" shows the offers kept with the card (`crate::components::offers`); what the
//! shopper does with them goes to the phone's outbox like the survey's answer.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use regulars_protocol::card_code::{STEP_SECONDS, seconds_left_in_step, step_at};
use regulars_protocol::card_events::CardEventKind;
use regulars_protocol::wire::{CardKeyRequest, RecoverRequest};
use regulars_protocol::{CardId, EventId, OfferId, ProgramKind};
use web_sys::CryptoKey;

use crate::api::{self, ApiError};
use crate::clock;
use crate::components::brand::brand_style;
use crate::components::feedback::ErrorAlert;
use crate::components::history::HistoryList;
use crate::components::nps_question::NpsQuestion;
use crate::components::offers::ForYou;
use crate::components::qr::{CodeCountdown, QrImage};
use crate::components::recovery_code::RecoveryCodeNotice;
use crate::components::reward_progress::RewardProgress;
use crate::components::stamp_grid::{StampGrid, filled_boxes};
use crate::i18n::{Msg, t};
use crate::offline::card_outbox::{self, QueueError};
use crate::offline::keys;
use crate::offline::sync::{self, CardSyncError};
use crate::offline::{Store, StoredCard};
use crate::pages::recover::recover_error_message;
use crate::state::AppState;

/// How fresh the card on screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncState {
    Syncing,
    Synced,
    /// The server could not be reached: the stored view is shown.
    Offline,
    /// The server no longer accepts this card's token (moved to another phone, or unknown).
    Revoked,
    /// The shop blocked the card.
    Blocked,
}

/// A card loaded from IndexedDB, or why there is none.
#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Pending,
    Card(Box<StoredCard>),
    Missing,
    Failed(String),
}

/// What shows where the card's QR goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CodeState {
    /// Loading or making the key, or signing the first code.
    Preparing,
    /// The code of the current time step.
    Live(String),
    /// A card without a key on the server: registering one needs a connection.
    NeedsConnection,
    /// The server has the card's key but this phone does not.
    KeyMissing,
    Failed(String),
    /// Nothing to show: the card no longer works here (the sync line says why).
    Off,
}

/// The recommend question under the code.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Survey {
    Hidden,
    /// After a visit, once in 90 days ([`regulars_protocol::nps::AskState::due`]).
    Asking,
    /// Answered (or "Not now") on this visit to the page.
    Thanks,
    /// The server refused an answer this phone sent: why, until the shopper has read it.
    Refused {
        id: EventId,
        message: String,
    },
}

/// What the question shows now, from the stored card and the phone's own outbox.
async fn survey_of(store: &Store, id: CardId, now: Survey) -> Survey {
    let (Ok(Some(card)), Ok(queued)) = (store.card(id).await, store.card_outbox(id).await) else {
        return now;
    };
    // A refused offer event is not the shopper's to read.
    if let Some((id, refused)) = queued
        .iter()
        .filter(|q| !q.event.kind.is_offer())
        .find_map(|q| q.refused.clone().map(|r| (q.id, r)))
    {
        return Survey::Refused {
            id,
            message: t(Msg::NpsRefused(refused.code, refused.reason)),
        };
    }
    if card_outbox::ask_state(&card, &queued).due(clock::corrected_now()) {
        Survey::Asking
    } else if now == Survey::Thanks {
        Survey::Thanks
    } else {
        Survey::Hidden
    }
}

/// The card's live code: the shown state, the countdown, and which run of the code loop is
/// current (a new run, after repairing the card or opening another, stops the previous one).
#[derive(Clone, Copy)]
struct LiveCode {
    shown: RwSignal<CodeState>,
    left: RwSignal<i64>,
    run: StoredValue<u64>,
}

impl LiveCode {
    fn new() -> Self {
        Self {
            shown: RwSignal::new(CodeState::Preparing),
            left: RwSignal::new(STEP_SECONDS),
            run: StoredValue::new(0),
        }
    }

    fn is_current(self, run: u64) -> bool {
        self.run.try_get_value() == Some(run)
    }

    /// Starts showing the codes of card `id`.
    fn start(self, state: AppState, id: CardId, loaded: RwSignal<Loaded>) {
        let Some(run) = self.run.try_update_value(|run| {
            *run += 1;
            *run
        }) else {
            return;
        };
        self.shown.try_set(CodeState::Preparing);
        spawn_local(async move {
            match ready_key(state, id, loaded).await {
                Ok(key) => self.show_codes(&key, id, run).await,
                Err(shown) => {
                    if self.is_current(run) {
                        self.shown.try_set(shown);
                    }
                }
            }
        });
    }

    /// Every second: the countdown; on each new time step: a new signed code. Stops when the
    /// page goes away or another run starts.
    async fn show_codes(self, key: &CryptoKey, id: CardId, run: u64) {
        let mut signed = None;
        while self.is_current(run) {
            let now = clock::corrected_now();
            let step = step_at(now);
            self.left.try_set(seconds_left_in_step(now));
            if signed != Some(step) {
                match keys::sign_code(key, id, step).await {
                    Ok(code) if self.is_current(run) => {
                        self.shown.try_set(CodeState::Live(code));
                        signed = Some(step);
                    }
                    Ok(_) => return,
                    Err(err) => {
                        if self.is_current(run) {
                            self.shown.try_set(CodeState::Failed(err.user_message()));
                        }
                        return;
                    }
                }
            }
            // Wake just after the next whole second (of the corrected clock), so the code
            // changes on the step boundary. A phone that slept catches up at once.
            let ms = clock::corrected_now().unix_timestamp_nanos() / 1_000_000;
            let to_next_second = 1_000 - ms.rem_euclid(1_000) as u32;
            TimeoutFuture::new(to_next_second + 5).await;
        }
    }
}

fn storage_failed(err: impl std::fmt::Display) -> CodeState {
    CodeState::Failed(t(Msg::StorageFailed(err.to_string())))
}

fn code_state_of(err: &ApiError) -> CodeState {
    match err.status() {
        None if err.is_network() => CodeState::NeedsConnection,
        Some(401 | 403) => CodeState::Off,
        Some(status) if status >= 500 => CodeState::NeedsConnection,
        _ => CodeState::Failed(err.user_message()),
    }
}

/// The key that signs this card's codes. A card made before signed codes gets one now: the
/// server is asked whether it has a key, and if not, a new key is kept and registered.
async fn ready_key(
    state: AppState,
    id: CardId,
    loaded: RwSignal<Loaded>,
) -> Result<CryptoKey, CodeState> {
    let store = state.store().await.map_err(storage_failed)?;
    let card = store
        .card(id)
        .await
        .map_err(storage_failed)?
        .ok_or(CodeState::Off)?;
    let key = store.card_key(id).await.map_err(storage_failed)?;
    match (card.view.card.has_key, key) {
        (true, Some(key)) => return Ok(key),
        (true, None) => return Err(CodeState::KeyMissing),
        (false, _) => {}
    }
    // The stored view says the server has no key; it may be older than the key.
    if !sync::browser_online() {
        return Err(CodeState::NeedsConnection);
    }
    let view = api::my_card(&card.token)
        .await
        .map_err(|e| code_state_of(&e))?;
    let card = store
        .update_card_view(view, clock::now())
        .await
        .map_err(storage_failed)?
        .ok_or(CodeState::Off)?;
    loaded.try_set(Loaded::Card(Box::new(card.clone())));
    match (
        card.view.card.has_key,
        store.card_key(id).await.map_err(storage_failed)?,
    ) {
        (true, Some(key)) => Ok(key),
        (true, None) => Err(CodeState::KeyMissing),
        (false, _) => register_key(&store, &card, loaded).await,
    }
}

/// Makes, keeps and registers a key for a card that has none on the server.
async fn register_key(
    store: &Store,
    card: &StoredCard,
    loaded: RwSignal<Loaded>,
) -> Result<CryptoKey, CodeState> {
    let pair = keys::generate()
        .await
        .map_err(|e| CodeState::Failed(e.user_message()))?;
    // Kept before it is registered: a key the server knows and the phone lost could only be
    // replaced with the recovery code, while a kept key the server never heard of is harmless.
    store
        .put_card_key(card.card_id, &pair.private_key)
        .await
        .map_err(storage_failed)?;
    let request = CardKeyRequest {
        public_key: pair.public_key.to_base64(),
    };
    let view = api::register_card_key(&card.token, &request)
        .await
        .map_err(|err| match err.code() {
            // Another tab or phone registered one first.
            Some("key_already_registered") => CodeState::KeyMissing,
            _ => code_state_of(&err),
        })?;
    if let Ok(Some(card)) = store.update_card_view(view, clock::now()).await {
        loaded.try_set(Loaded::Card(Box::new(card)));
    }
    Ok(pair.private_key)
}

#[component]
pub fn CardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let card_id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<CardId>().ok())
    });
    let loaded = RwSignal::new(Loaded::Pending);
    let sync = RwSignal::new(SyncState::Syncing);
    let online = sync::online_signal();
    let syncing = StoredValue::new(false);
    let live = LiveCode::new();
    let repairing = RwSignal::new(false);
    let repair_error = RwSignal::new(None::<String>);
    let new_recovery_code = RwSignal::new(None::<String>);
    let survey = RwSignal::new(Survey::Hidden);
    let survey_error = RwSignal::new(None::<String>);
    // The offers saved and dismissed on this phone.
    let marks = OfferMarks {
        saved: RwSignal::new(Vec::new()),
        dismissed: RwSignal::new(Vec::new()),
    };
    let check_survey = move |id: CardId| {
        spawn_local(async move {
            if let Ok(store) = state.store().await {
                let now = survey.get_untracked();
                let next = survey_of(&store, id, now).await;
                survey.try_set(next);
            }
        });
    };

    // Sync the screen with IndexedDB, then IndexedDB with the server.
    Effect::new(move |_| {
        let id = card_id.get();
        spawn_local(async move {
            let Some(id) = id else {
                loaded.set(Loaded::Missing);
                return;
            };
            if load(state, id, loaded, marks).await {
                live.start(state, id, loaded);
                check_survey(id);
                refresh(state, id, loaded, sync, syncing).await;
                check_survey(id);
            }
        });
    });
    // Again when the network returns, the page is shown again, and every three minutes.
    sync::on_wake(sync::CARD_SYNC_EVERY, move || {
        let Some(id) = card_id.get_untracked() else {
            return;
        };
        if matches!(loaded.get_untracked(), Loaded::Card(_)) {
            spawn_local(async move {
                refresh(state, id, loaded, sync, syncing).await;
                check_survey(id);
            });
            // A card waiting for a connection to get its key tries again.
            if live.shown.get_untracked() == CodeState::NeedsConnection {
                live.start(state, id, loaded);
            }
        }
    });
    // Offline as soon as the browser says so, not only when a sync fails.
    Effect::new(move |_| {
        if !online.get() {
            sync.set(SyncState::Offline);
        }
    });

    // Sets the card up again on this phone with its stored recovery code: a new key, a new
    // token, and a new recovery code to write down.
    let repair = Callback::new(move |()| {
        let Some(id) = card_id.get_untracked() else {
            return;
        };
        if repairing.get_untracked() {
            return;
        }
        repairing.set(true);
        repair_error.set(None);
        spawn_local(async move {
            match repair_card(state, id).await {
                Ok(card) => {
                    new_recovery_code.try_set(card.recovery_code.clone());
                    loaded.try_set(Loaded::Card(Box::new(card)));
                    sync.try_set(SyncState::Synced);
                    live.start(state, id, loaded);
                }
                Err(message) => {
                    repair_error.try_set(Some(message));
                }
            }
            repairing.try_set(false);
        });
    });

    // The shopper's answer (or "Not now") goes to the phone's outbox first, then to the
    // server with the next sync, which starts at once when there is a connection.
    let record = move |kind: CardEventKind, score: Option<i64>, comment: Option<String>| {
        let Some(id) = card_id.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let queued = async {
                let store = state.store().await.map_err(QueueError::Storage)?;
                let card = store.card(id).await?.ok_or(QueueError::Storage(
                    crate::offline::OfflineError::Storage(t(Msg::CardNotOnPhone)),
                ))?;
                store
                    .queue_card_event(&card, kind, score, comment, clock::corrected_now())
                    .await
            };
            match queued.await {
                Ok(_) => {
                    survey_error.try_set(None);
                    survey.try_set(Survey::Thanks);
                    refresh(state, id, loaded, sync, syncing).await;
                    check_survey(id);
                }
                Err(QueueError::Refused(refusal)) => {
                    survey_error.try_set(Some(t(Msg::NpsRefused(Some(refusal), String::new()))));
                }
                Err(QueueError::Storage(e)) => {
                    survey_error.try_set(Some(t(Msg::StorageFailed(e.to_string()))));
                }
            }
        });
    };
    let answer = Callback::new(move |(score, comment): (i64, String)| {
        record(CardEventKind::NpsAnswered, Some(score), Some(comment));
    });
    let dismiss = Callback::new(move |()| record(CardEventKind::NpsDismissed, None, None));
    // What the shopper does with an offer goes to the outbox too (once per offer and kind); a
    // save or a dismissal shows at once and is pushed at once when there is a connection.
    let offer_event = Callback::new(move |(kind, offer): (CardEventKind, OfferId)| {
        let Some(id) = card_id.get_untracked() else {
            return;
        };
        let mark = match kind {
            CardEventKind::OfferSaved => Some(marks.saved),
            CardEventKind::OfferDismissed => Some(marks.dismissed),
            _ => None,
        };
        if let Some(mark) = mark {
            mark.update(|ids| ids.push(offer));
        }
        spawn_local(async move {
            let Ok(store) = state.store().await else {
                return;
            };
            let Ok(Some(card)) = store.card(id).await else {
                return;
            };
            let queued = store
                .queue_offer_event(&card, kind, offer, clock::corrected_now())
                .await;
            if matches!(queued, Ok(true)) && mark.is_some() {
                refresh(state, id, loaded, sync, syncing).await;
            }
        });
    });
    let read_refusal = Callback::new(move |event: EventId| {
        let Some(id) = card_id.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if let Ok(store) = state.store().await
                && store.forget_card_event(event).await.is_ok()
            {
                survey.try_set(Survey::Hidden);
                check_survey(id);
            }
        });
    });

    move || match loaded.get() {
        Loaded::Pending => {
            view! { <section class="page pass pass-pending" aria-busy="true"></section> }.into_any()
        }
        Loaded::Missing => view! {
            <section class="page page-narrow">
                <h1>{t(Msg::CardNotOnPhone)}</h1>
                <a class="button" href="/">{t(Msg::AllCards)}</a>
            </section>
        }
        .into_any(),
        Loaded::Failed(message) => view! {
            <section class="page page-narrow">
                <h1>{t(Msg::MyCards)}</h1>
                <p role="alert" class="alert">{message}</p>
            </section>
        }
        .into_any(),
        Loaded::Card(card) => view! {
            <CardPass
                card=*card
                sync=sync
                live=live
                repair=repair
                repairing=repairing
                repair_error=repair_error
                new_recovery_code=new_recovery_code
                survey=survey
                survey_error=survey_error
                answer=answer
                dismiss=dismiss
                read_refusal=read_refusal
                marks=marks
                offer_event=offer_event
            />
        }
        .into_any(),
    }
}

/// Moves the card to this phone again with the recovery code it keeps.
async fn repair_card(state: AppState, id: CardId) -> Result<StoredCard, String> {
    let store = state
        .store()
        .await
        .map_err(|e| t(Msg::StorageFailed(e.to_string())))?;
    let card = store
        .card(id)
        .await
        .map_err(|e| t(Msg::StorageFailed(e.to_string())))?;
    let Some(recovery_code) = card.and_then(|c| c.recovery_code) else {
        return Err(t(Msg::KeyNotOnPhone));
    };
    keys::take_card(&store, async |public_key| {
        api::recover(&RecoverRequest {
            recovery_code,
            public_key,
        })
        .await
    })
    .await
    .map_err(|e| recover_error_message(&e))
}

/// The offers the shopper saved and dismissed on this phone.
#[derive(Clone, Copy)]
struct OfferMarks {
    saved: RwSignal<Vec<OfferId>>,
    dismissed: RwSignal<Vec<OfferId>>,
}

/// Shows the card as this phone holds it, with the offers saved and dismissed on this phone.
/// False if there is none to show.
async fn load(state: AppState, id: CardId, loaded: RwSignal<Loaded>, marks: OfferMarks) -> bool {
    let store = match state.store().await {
        Ok(store) => store,
        Err(err) => {
            loaded.set(Loaded::Failed(t(Msg::StorageFailed(err.to_string()))));
            return false;
        }
    };
    sync::load_offset(&store).await;
    for (kind, mark) in [
        (CardEventKind::OfferSaved, marks.saved),
        (CardEventKind::OfferDismissed, marks.dismissed),
    ] {
        mark.set(store.offers_marked(id, kind).await.unwrap_or_default());
    }
    match store.card(id).await {
        Ok(Some(card)) => {
            loaded.set(Loaded::Card(Box::new(card)));
            true
        }
        Ok(None) => {
            loaded.set(Loaded::Missing);
            false
        }
        Err(err) => {
            loaded.set(Loaded::Failed(t(Msg::StorageFailed(err.to_string()))));
            false
        }
    }
}

/// Syncs the card with the server and shows the result (one sync at a time).
async fn refresh(
    state: AppState,
    id: CardId,
    loaded: RwSignal<Loaded>,
    sync: RwSignal<SyncState>,
    syncing: StoredValue<bool>,
) {
    if syncing.try_get_value() != Some(false) {
        return;
    }
    syncing.set_value(true);
    if !sync::browser_online() {
        sync.try_set(SyncState::Offline);
        syncing.try_set_value(false);
        return;
    }
    sync.try_set(SyncState::Syncing);
    let result = match state.store().await {
        Ok(store) => sync::sync_card(&store, id).await,
        Err(err) => Err(CardSyncError::Storage(err)),
    };
    match result {
        Ok(card) => {
            loaded.try_set(Loaded::Card(Box::new(card)));
            sync.try_set(SyncState::Synced);
        }
        Err(CardSyncError::Missing) => {
            loaded.try_set(Loaded::Missing);
        }
        Err(CardSyncError::Storage(err)) => {
            loaded.try_set(Loaded::Failed(t(Msg::StorageFailed(err.to_string()))));
        }
        Err(CardSyncError::Api(err)) if err.is_unauthorized() => {
            sync.try_set(SyncState::Revoked);
        }
        Err(CardSyncError::Api(err)) if err.code() == Some("card_revoked") => {
            sync.try_set(SyncState::Blocked);
        }
        Err(CardSyncError::Api(_)) => {
            sync.try_set(SyncState::Offline);
        }
    }
    syncing.try_set_value(false);
}

/// The card as a wallet pass: shop, balance, code.
#[component]
fn CardPass(
    card: StoredCard,
    #[prop(into)] sync: Signal<SyncState>,
    live: LiveCode,
    repair: Callback<()>,
    #[prop(into)] repairing: Signal<bool>,
    repair_error: RwSignal<Option<String>>,
    new_recovery_code: RwSignal<Option<String>>,
    #[prop(into)] survey: Signal<Survey>,
    survey_error: RwSignal<Option<String>>,
    answer: Callback<(i64, String)>,
    dismiss: Callback<()>,
    read_refusal: Callback<EventId>,
    marks: OfferMarks,
    offer_event: Callback<(CardEventKind, OfferId)>,
) -> impl IntoView {
    let StoredCard {
        card_id,
        view,
        synced_at,
        recovery_code,
        ..
    } = card;
    let kind = view.program.kind;
    let balance = view.balance.balance;
    let grid = (kind == ProgramKind::Stamps).then(|| {
        let size = view.program.grid_size();
        view! { <StampGrid filled=filled_boxes(balance, size) size /> }
    });
    let greeting = view
        .card
        .first_name
        .clone()
        .filter(|n| !n.trim().is_empty());
    let gone = move || matches!(sync.get(), SyncState::Revoked | SyncState::Blocked);
    let can_repair = recovery_code.is_some();

    view! {
        <article class="page pass shop-page" style=brand_style(&view.shop.brand_color)>
            <header class="pass-header">
                <h1>{view.shop.name.clone()}</h1>
                {greeting.map(|name| view! { <p class="pass-member">{name}</p> })}
            </header>
            <div class="pass-balance">
                <span class="balance-number" data-testid="balance">{balance}</span>
                " "
                <span class="balance-unit">{t(Msg::Unit(kind, balance))}</span>
            </div>
            {grid}
            {move || new_recovery_code.get().map(|code| view! {
                <RecoveryCodeNotice
                    code
                    intro=t(Msg::RecoveryReplaced)
                    on_done=move |()| new_recovery_code.set(None)
                />
            })}
            <Show when=move || !gone()>
                <CardCode live repair repairing can_repair />
                <ErrorAlert message=repair_error />
            </Show>
            {
                let shop_name = view.shop.name.clone();
                move || match survey.get() {
                    Survey::Hidden => None,
                    Survey::Asking if !gone() => Some(view! {
                        <NpsQuestion
                            shop_name=shop_name.clone()
                            on_answer=answer
                            on_dismiss=dismiss
                            error=survey_error
                        />
                    }.into_any()),
                    Survey::Asking => None,
                    Survey::Thanks => Some(view! {
                        <p class="nps-thanks" role="status">{t(Msg::NpsThanks)}</p>
                    }.into_any()),
                    Survey::Refused { id, message } => Some(view! {
                        <div class="nps-refused" role="alert">
                            <p>{message}</p>
                            <button type="button" class="button" on:click=move |_| read_refusal.run(id)>
                                {t(Msg::NpsRefusedRead)}
                            </button>
                        </div>
                    }.into_any()),
                }
            }
            <Show when=move || sync.get() == SyncState::Revoked>
                <p role="alert" class="alert">{t(Msg::CardNoLongerHere)}</p>
            </Show>
            <Show when=move || sync.get() == SyncState::Blocked>
                <p role="alert" class="alert">{t(Msg::CardBlockedByShop)}</p>
            </Show>
            <ForYou
                offers=view.offers.clone()
                now=clock::corrected_now()
                saved=marks.saved
                dismissed=marks.dismissed
                categories=view.program.categories.clone()
                currency=view.shop.currency.clone()
                on_event=offer_event
            />
            <section class="pass-section" aria-labelledby="rewards-heading">
                <h2 id="rewards-heading">{t(Msg::RewardsHeading)}</h2>
                <RewardProgress program=view.program.clone() balance />
            </section>
            <section class="pass-section" aria-labelledby="history-heading">
                <h2 id="history-heading">{t(Msg::HistoryHeading)}</h2>
                <HistoryList entries=view.history.clone() currency=view.shop.currency.clone() />
            </section>
            // Always on the page, so that going offline is announced.
            <div role="status">
                <Show when=move || sync.get() == SyncState::Offline>
                    <p class="offline-note" data-testid="offline-note">{t(Msg::OfflineNote)}</p>
                </Show>
            </div>
            <p class="sync-line" aria-live="polite">
                <span data-testid="last-synced">{t(Msg::LastSynced(synced_at))}</span>
                // Offline has its own note above.
                {move || (sync.get() == SyncState::Syncing).then(|| format!(" · {}", t(Msg::Syncing)))}
            </p>
            <nav class="pass-links">
                <a class="button" href=format!("/card/{card_id}/profile")>{t(Msg::Profile)}</a>
                <a class="button" href="/">{t(Msg::AllCards)}</a>
            </nav>
        </article>
    }
}

/// The live QR with its countdown and text, or why there is none. The QR keeps its size in
/// every state, so nothing below it moves.
#[component]
fn CardCode(
    live: LiveCode,
    repair: Callback<()>,
    #[prop(into)] repairing: Signal<bool>,
    can_repair: bool,
) -> impl IntoView {
    let code = Memo::new(move |_| match live.shown.get() {
        CodeState::Live(code) => Some(code),
        _ => None,
    });
    let problem = move || {
        match live.shown.get() {
        CodeState::Live(_) | CodeState::Off => None,
        CodeState::Preparing => Some(view! {
            <p class="code-status muted">{t(Msg::PreparingCode)}</p>
        }
        .into_any()),
        CodeState::NeedsConnection => Some(view! {
            <p class="code-status" role="alert">{t(Msg::CodeNeedsConnection)}</p>
        }
        .into_any()),
        CodeState::Failed(message) => Some(view! {
            <p class="code-status" role="alert">{message}</p>
        }
        .into_any()),
        CodeState::KeyMissing => Some(view! {
            <p class="code-status" role="alert">{t(Msg::KeyNotOnPhone)}</p>
            {if can_repair {
                view! {
                    <button type="button" class="button button-primary" on:click=move |_| repair.run(()) disabled=repairing>
                        {move || if repairing.get() { t(Msg::RepairingCard) } else { t(Msg::RepairCard) }}
                    </button>
                }
                .into_any()
            } else {
                view! { <a class="button button-primary" href="/recover">{t(Msg::MoveCardHere)}</a> }.into_any()
            }}
        }
        .into_any()),
    }
    };

    view! {
        <figure class="pass-qr">
            <Show
                when=move || code.read().is_some()
                fallback=move || view! { <div class="qr qr-card qr-waiting">{problem}</div> }
            >
                <QrImage data=Signal::derive(move || code.get().unwrap_or_default()) label=t(Msg::CardQrLabel) class="qr-card" />
                <figcaption>
                    <CodeCountdown left=live.left total=STEP_SECONDS />
                    <span class="visually-hidden">{t(Msg::CardCodeCaption)}": "</span>
                    <code class="card-code" data-testid="card-code">{move || code.get().unwrap_or_default()}</code>
                </figcaption>
            </Show>
        </figure>
        <Show when=move || code.read().is_some()>
            <p class="hint">{t(Msg::BrightnessHint)}</p>
        </Show>
    }
}
