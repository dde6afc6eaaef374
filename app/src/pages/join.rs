//! `/join/:slug`: a shop's join page, reached from its poster. The shopper chooses there
//! whether offers may be picked for them from their visits (unticked: no).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use regulars_protocol::wire::{JoinRequest, PublicShop};

use crate::api::{self, ApiError};
use crate::components::brand::brand_style;
use crate::components::feedback::ErrorAlert;
use crate::components::offers::OffersConsent;
use crate::components::recovery_code::RecoveryCodeNotice;
use crate::i18n::{self, Msg, t};
use crate::offline::StoredCard;
use crate::offline::keys::{self, KeyError, TakeCardError};
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
    let joined = RwSignal::new(None::<StoredCard>);
    let consent = RwSignal::new(false);

    let join = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let slug = slug.clone();
        spawn_local(async move {
            match join_and_store(state, &slug, consent.get_untracked()).await {
                Ok(card) => joined.set(Some(card)),
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    move || {
        match joined.get() {
        // The recovery code is shown once, right after joining; "Done" opens the card.
        Some(card) => {
            let navigate = navigate.clone();
            let href = format!("/card/{}", card.card_id);
            match card.recovery_code {
                Some(code) => view! {
                    <RecoveryCodeNotice code on_done=move |()| navigate(&href, Default::default()) />
                }
                .into_any(),
                None => {
                    navigate(&href, Default::default());
                    ().into_any()
                }
            }
        }
        None => view! {
            <p class="muted">{t(Msg::JoinPromise)}</p>
            <OffersConsent consent />
            <ErrorAlert message=error />
            <button type="button" class="button button-primary button-wide" on:click=join.clone() disabled=busy>
                {move || if busy.get() { t(Msg::Joining) } else { t(Msg::Join) }}
            </button>
        }
        .into_any(),
    }
    }
}

/// Joins the program with a new card key, and keeps the card and its key in IndexedDB.
async fn join_and_store(
    state: AppState,
    slug: &str,
    offers_consent: bool,
) -> Result<StoredCard, TakeCardError> {
    // Without a database there is no point making a card: it could not be kept.
    let store = state
        .store()
        .await
        .map_err(|e| TakeCardError::Key(KeyError::Storage(e)))?;
    let card = keys::take_card(&store, async |public_key| {
        let request = JoinRequest {
            public_key: Some(public_key),
            offers_consent: Some(offers_consent),
            ..JoinRequest::default()
        };
        api::join(slug, &request).await
    })
    .await?;
    crate::offline::sync::ask_persistent_storage(&store).await;
    Ok(card)
}
