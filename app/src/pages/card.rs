//! `/card/:id`: the shopper's card, painted at once from IndexedDB, then refreshed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use regulars_protocol::{CardId, ProgramKind};

use crate::api;
use crate::clock;
use crate::components::brand::brand_style;
use crate::components::history::HistoryList;
use crate::components::qr::QrImage;
use crate::components::reward_progress::RewardProgress;
use crate::components::stamp_grid::{StampGrid, filled_boxes};
use crate::i18n::{Msg, t};
use crate::offline::StoredCard;
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

    // Sync the screen with IndexedDB, then IndexedDB with the server.
    Effect::new(move |_| {
        let id = card_id.get();
        spawn_local(async move {
            let Some(id) = id else {
                loaded.set(Loaded::Missing);
                return;
            };
            load_and_refresh(state, id, loaded, sync).await;
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
        Loaded::Card(card) => view! { <CardPass card=*card sync=sync /> }.into_any(),
    }
}

async fn load_and_refresh(
    state: AppState,
    id: CardId,
    loaded: RwSignal<Loaded>,
    sync: RwSignal<SyncState>,
) {
    let store = match state.store().await {
        Ok(store) => store,
        Err(err) => {
            loaded.set(Loaded::Failed(t(Msg::StorageFailed(err.to_string()))));
            return;
        }
    };
    let card = match store.card(id).await {
        Ok(Some(card)) => card,
        Ok(None) => {
            loaded.set(Loaded::Missing);
            return;
        }
        Err(err) => {
            loaded.set(Loaded::Failed(t(Msg::StorageFailed(err.to_string()))));
            return;
        }
    };
    let token = card.token.clone();
    loaded.set(Loaded::Card(Box::new(card)));
    sync.set(SyncState::Syncing);

    match api::my_card(&token).await {
        Ok(view) => match store.update_card_view(view, clock::now()).await {
            Ok(Some(fresh)) => {
                loaded.set(Loaded::Card(Box::new(fresh)));
                sync.set(SyncState::Synced);
            }
            Ok(None) => loaded.set(Loaded::Missing),
            Err(err) => loaded.set(Loaded::Failed(t(Msg::StorageFailed(err.to_string())))),
        },
        Err(err) if err.is_unauthorized() => sync.set(SyncState::Revoked),
        Err(_) => sync.set(SyncState::Offline),
    }
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
            <p class="sync-line" aria-live="polite">
                <span>{t(Msg::LastSynced(synced_at))}</span>
                {move || match sync.get() {
                    SyncState::Syncing => Some(format!(" · {}", t(Msg::Syncing))),
                    SyncState::Offline => Some(format!(" · {}", t(Msg::SyncFailed))),
                    _ => None,
                }}
            </p>
            <nav class="pass-links">
                <a class="button" href=format!("/card/{card_id}/profile")>{t(Msg::Profile)}</a>
                <a class="button" href="/">{t(Msg::AllCards)}</a>
            </nav>
        </article>
    }
}
