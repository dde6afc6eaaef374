//! `/join/:slug`: a shop's join page, reached from its poster.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use regulars_protocol::wire::{JoinRequest, PublicShop};

use crate::api::{self, ApiError};
use crate::clock;
use crate::components::brand::brand_style;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{self, Msg, t};
use crate::offline::StoredCard;
use crate::state::AppState;

#[component]
pub fn JoinPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();

    let data = LocalResource::new(move || {
        let slug = slug();
        async move {
            // A card already on this phone is found even without signal.
            let held = match state.store().await {
                Ok(store) => store
                    .cards()
                    .await
                    .map(|cards| cards.into_iter().find(|c| c.view.shop.slug == slug)),
                Err(err) => Err(err),
            };
            let shop = api::public_shop(&slug).await;
            (slug, shop, held.ok().flatten())
        }
    });

    view! {
        <Suspense fallback=|| view! { <section class="page page-narrow"><p class="muted">{t(Msg::Loading)}</p></section> }>
            {move || Suspend::new(async move {
                let (slug, shop, held) = data.await;
                view! { <JoinView slug shop held /> }
            })}
        </Suspense>
    }
}

#[component]
fn JoinView(
    slug: String,
    shop: Result<PublicShop, ApiError>,
    held: Option<StoredCard>,
) -> impl IntoView {
    let (name, color, pitch) = match (&shop, &held) {
        (Ok(public), _) => (
            public.shop.name.clone(),
            public.shop.brand_color.clone(),
            Some(i18n::pitch(&public.program)),
        ),
        (Err(_), Some(card)) => (
            card.view.shop.name.clone(),
            card.view.shop.brand_color.clone(),
            None,
        ),
        (Err(_), None) => (t(Msg::NotFoundTitle), String::new(), None),
    };
    let error = shop
        .as_ref()
        .err()
        .filter(|_| held.is_none())
        .map(ApiError::user_message);

    let action = match (held, shop.is_ok()) {
        (Some(card), _) => view! {
            <p>{t(Msg::AlreadyMember)}</p>
            <a class="button button-primary button-wide" href=format!("/card/{}", card.card_id)>
                {t(Msg::OpenMyCard)}
            </a>
        }
        .into_any(),
        (None, true) => view! { <JoinButton slug /> }.into_any(),
        (None, false) => view! {
            <a class="button" href="/">{t(Msg::GoToMyCards)}</a>
        }
        .into_any(),
    };

    view! {
        <section class="page page-narrow join shop-page" style=brand_style(&color)>
            <header class="join-header">
                <h1>{name}</h1>
                {pitch.map(|p| view! { <p class="join-pitch">{p}</p> })}
            </header>
            <ErrorAlert message=Signal::derive(move || error.clone()) />
            {action}
        </section>
    }
}

#[component]
fn JoinButton(slug: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let join = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let slug = slug.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            match join_and_store(state, &slug).await {
                Ok(card) => navigate(&format!("/card/{}", card.card_id), Default::default()),
                Err(message) => {
                    error.set(Some(message));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <p class="muted">{t(Msg::JoinPromise)}</p>
        <ErrorAlert message=error />
        <button type="button" class="button button-primary button-wide" on:click=join disabled=busy>
            {move || if busy.get() { t(Msg::Joining) } else { t(Msg::Join) }}
        </button>
    }
}

/// Joins the program and keeps the new card in IndexedDB.
async fn join_and_store(state: AppState, slug: &str) -> Result<StoredCard, String> {
    let joined = api::join(slug, &JoinRequest::default())
        .await
        .map_err(|e| e.user_message())?;
    let card = StoredCard {
        card_id: joined.card.card.id,
        token: joined.token,
        view: joined.card,
        synced_at: clock::now(),
        cursor: 0,
        full_synced_at: None,
    };
    let store = state
        .store()
        .await
        .map_err(|e| t(Msg::StorageFailed(e.to_string())))?;
    store
        .put_card(&card)
        .await
        .map_err(|e| t(Msg::StorageFailed(e.to_string())))?;
    crate::offline::sync::ask_persistent_storage(&store).await;
    Ok(card)
}
