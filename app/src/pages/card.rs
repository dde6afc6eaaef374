//! `/card/:id`: the shopper's card, painted at once from IndexedDB, then synced: at start,
//! when the network returns, when the page becomes visible and every few minutes
//! (`crate::offline::sync::sync_card` does the work).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use regulars_protocol::{CardId, ProgramKind};

use crate::components::brand::brand_style;
use crate::components::history::HistoryList;
use crate::components::qr::QrImage;
use crate::components::reward_progress::RewardProgress;
use crate::components::stamp_grid::{StampGrid, filled_boxes};
use crate::i18n::{Msg, t};
use crate::offline::StoredCard;
use crate::offline::sync::{self, CardSyncError};
use crate::state::AppState;

/// How fresh the card on screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncState {
    Syncing,
    Synced,
    /// The server could not be reached: the stored view is shown.
    Offline,
    /// The server no longer accepts this card's token.
    Revoked,
}

/// A card loaded from IndexedDB, or why there is none.
#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Pending,
    Card(Box<StoredCard>),
    Missing,
    Failed(String),
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

    // Sync the screen with IndexedDB, then IndexedDB with the server.
    Effect::new(move |_| {
        let id = card_id.get();
        spawn_local(async move {
            let Some(id) = id else {
                loaded.set(Loaded::Missing);
                return;
            };
            if load(state, id, loaded).await {
                refresh(state, id, loaded, sync, syncing).await;
            }
        });
    });
    // Again when the network returns, the page is shown again, and every three minutes.
    sync::on_wake(sync::CARD_SYNC_EVERY, move || {
        let Some(id) = card_id.get_untracked() else {
            return;
        };
        if matches!(loaded.get_untracked(), Loaded::Card(_)) {
            spawn_local(refresh(state, id, loaded, sync, syncing));
        }
    });
    // Offline as soon as the browser says so, not only when a sync fails.
    Effect::new(move |_| {
        if !online.get() {
            sync.set(SyncState::Offline);
        }
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
        Loaded::Card(card) => view! { <CardPass card=*card sync=sync /> }.into_any(),
    }
}

/// Shows the card as this phone holds it. False if there is none to show.
async fn load(state: AppState, id: CardId, loaded: RwSignal<Loaded>) -> bool {
    let store = match state.store().await {
        Ok(store) => store,
        Err(err) => {
            loaded.set(Loaded::Failed(t(Msg::StorageFailed(err.to_string()))));
            return false;
        }
    };
    sync::load_offset(&store).await;
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
        Err(CardSyncError::Api(_)) => {
            sync.try_set(SyncState::Offline);
        }
    }
    syncing.try_set_value(false);
}

/// The card as a wallet pass: shop, balance, code.
#[component]
fn CardPass(card: StoredCard, #[prop(into)] sync: Signal<SyncState>) -> impl IntoView {
    let StoredCard {
        card_id,
        view,
        synced_at,
        ..
    } = card;
    let kind = view.program.kind;
    let balance = view.balance.balance;
    let grid = (kind == ProgramKind::Stamps).then(|| {
        let size = view.program.grid_size();
        view! { <StampGrid filled=filled_boxes(balance, size) size /> }
    });
    let code = view.card.code.clone();
    let greeting = view
        .card
        .first_name
        .clone()
        .filter(|n| !n.trim().is_empty());

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
            <figure class="pass-qr">
                <QrImage data=code.clone() label=t(Msg::CardQrLabel) class="qr-card" />
                <figcaption>
                    <span class="visually-hidden">{t(Msg::CardCodeCaption)}": "</span>
                    <code class="card-code" data-testid="card-code">{code}</code>
                </figcaption>
            </figure>
            <p class="hint">{t(Msg::BrightnessHint)}</p>
            <Show when=move || sync.get() == SyncState::Revoked>
                <p role="alert" class="alert">{t(Msg::CardRevoked)}</p>
            </Show>
            <section class="pass-section" aria-labelledby="rewards-heading">
                <h2 id="rewards-heading">{t(Msg::RewardsHeading)}</h2>
                <RewardProgress program=view.program.clone() balance />
            </section>
            <section class="pass-section" aria-labelledby="history-heading">
                <h2 id="history-heading">{t(Msg::HistoryHeading)}</h2>
                <HistoryList entries=view.history.clone() currency=view.shop.currency.clone() />
            </section>
            <Show when=move || sync.get() == SyncState::Offline>
                <p class="offline-note" data-testid="offline-note">{t(Msg::OfflineNote)}</p>
            </Show>
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
