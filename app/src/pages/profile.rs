//! `/card/:id/profile`: the optional first name and e-mail of a card, and whether offers may
//! be picked from the member's visits (with the date they chose).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use regulars_protocol::CardId;
use regulars_protocol::wire::ProfileUpdate;

use crate::api;
use crate::clock;
use crate::components::brand::brand_style;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::components::offers::OffersConsent;
use crate::i18n::{Msg, t};
use crate::offline::StoredCard;
use crate::state::AppState;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let card_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<CardId>().ok())
    };
    let card = LocalResource::new(move || {
        let id = card_id();
        async move {
            let Some(id) = id else { return Ok(None) };
            state.store().await?.card(id).await
        }
    });

    view! {
        <Suspense fallback=|| view! { <section class="page page-narrow" aria-busy="true"></section> }>
            {move || Suspend::new(async move {
                match card.await {
                    Ok(Some(card)) => view! { <ProfileForm card /> }.into_any(),
                    Ok(None) => view! {
                        <section class="page page-narrow">
                            <h1>{t(Msg::CardNotOnPhone)}</h1>
                            <a class="button" href="/">{t(Msg::AllCards)}</a>
                        </section>
                    }
                    .into_any(),
                    Err(err) => view! {
                        <section class="page page-narrow">
                            <h1>{t(Msg::ProfileTitle)}</h1>
                            <p role="alert" class="alert">{t(Msg::StorageFailed(err.to_string()))}</p>
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileForm(card: StoredCard) -> impl IntoView {
    let state = expect_context::<AppState>();
    let first_name = RwSignal::new(card.view.card.first_name.clone().unwrap_or_default());
    let email = RwSignal::new(card.view.card.email.clone().unwrap_or_default());
    let consent = RwSignal::new(card.view.card.offers_consent);
    // The choice as the server holds it, and when it was made.
    let chosen = RwSignal::new((
        card.view.card.offers_consent,
        card.view.card.offers_consent_at,
    ));
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let token = StoredValue::new(card.token.clone());
    let back = format!("/card/{}", card.card_id);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        saved.set(None);
        let update = ProfileUpdate {
            first_name: Some(first_name.get_untracked().trim().to_owned()),
            email: Some(email.get_untracked().trim().to_owned()),
            // Sent only when changed: the date is when they last chose.
            offers_consent: Some(consent.get_untracked())
                .filter(|c| *c != chosen.get_untracked().0),
        };
        let token = token.get_value();
        spawn_local(async move {
            let result = match api::update_profile(&token, &update).await {
                Ok(view) => {
                    chosen.set((view.card.offers_consent, view.card.offers_consent_at));
                    match state.store().await {
                        Ok(store) => store
                            .update_card_view(view, clock::now())
                            .await
                            .map(|_| ())
                            .map_err(|e| t(Msg::StorageFailed(e.to_string()))),
                        Err(e) => Err(t(Msg::StorageFailed(e.to_string()))),
                    }
                }
                Err(e) => Err(e.user_message()),
            };
            match result {
                Ok(()) => saved.set(Some(t(Msg::ProfileSaved))),
                Err(message) => error.set(Some(message)),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page page-narrow profile shop-page" style=brand_style(&card.view.shop.brand_color)>
            <p class="eyebrow">{card.view.shop.name.clone()}</p>
            <h1>{t(Msg::ProfileTitle)}</h1>
            <p class="muted">{t(Msg::ProfileIntro)}</p>
            <form class="form" on:submit=save>
                <label class="field">
                    <span class="field-label">{t(Msg::FirstName)}</span>
                    <input type="text" name="first_name" autocomplete="given-name" bind:value=first_name />
                </label>
                <label class="field">
                    <span class="field-label">{t(Msg::Email)}</span>
                    <input type="email" name="email" autocomplete="email" bind:value=email />
                </label>
                <OffersConsent consent />
                {move || chosen.get().1.map(|at| view! {
                    <p class="field-hint" data-testid="offers-consent-at">{t(Msg::OffersConsentChosen(at))}</p>
                })}
                <ErrorAlert message=error />
                <StatusLine message=saved />
                <button type="submit" class="button button-primary" disabled=busy>{t(Msg::SaveProfile)}</button>
            </form>
            <RecoverySection card_id=card.card_id recovery_code=card.recovery_code.clone() token=card.token.clone() />
            <a class="button button-quiet" href=back>{t(Msg::BackToCard)}</a>
        </section>
    }
}

/// The card's recovery code as this phone keeps it, or a way to make one (cards joined before
/// recovery codes; making one replaces any code the shopper may have written down before).
#[component]
fn RecoverySection(card_id: CardId, recovery_code: Option<String>, token: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let code = RwSignal::new(recovery_code);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let made = RwSignal::new(None::<String>);
    let token = StoredValue::new(token);

    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let token = token.get_value();
        spawn_local(async move {
            let result = match api::new_recovery_code(&token).await {
                Ok(fresh) => {
                    let kept = match state.store().await {
                        Ok(store) => {
                            store
                                .set_recovery_code(card_id, fresh.recovery_code.clone())
                                .await
                        }
                        Err(e) => Err(e),
                    };
                    match kept {
                        Ok(_) => Ok(fresh.recovery_code),
                        // The server already replaced the old code: show the new one anyway.
                        Err(e) => Err((
                            t(Msg::StorageFailed(e.to_string())),
                            Some(fresh.recovery_code),
                        )),
                    }
                }
                Err(e) => Err((e.user_message(), None)),
            };
            match result {
                Ok(fresh) => {
                    code.try_set(Some(fresh));
                    made.try_set(Some(t(Msg::RecoveryCodeMade)));
                }
                Err((message, fresh)) => {
                    if fresh.is_some() {
                        code.try_set(fresh);
                    }
                    error.try_set(Some(message));
                }
            }
            busy.try_set(false);
        });
    };

    view! {
        <section class="profile-recovery" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">{t(Msg::RecoveryHeading)}</h2>
            {move || match code.get() {
                Some(code) => view! {
                    <p>{t(Msg::RecoveryWriteDown)}</p>
                    <p class="recovery-code" data-testid="recovery-code">{code}</p>
                    <p class="muted">{t(Msg::RecoveryKeepPrivate)}</p>
                }
                .into_any(),
                None => view! {
                    <p>{t(Msg::NoRecoveryCode)}</p>
                    <button type="button" class="button" on:click=make disabled=busy>{t(Msg::MakeRecoveryCode)}</button>
                }
                .into_any(),
            }}
            <ErrorAlert message=error />
            <StatusLine message=made />
        </section>
    }
}
