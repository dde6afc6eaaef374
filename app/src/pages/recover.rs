//! `/recover`: moves a card to this phone with the recovery code written down at join. The
//! phone makes a new key pair; the server swaps the card's key and token for the new ones, so
//! the old phone's card stops working, and gives a new recovery code.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use regulars_protocol::wire::RecoverRequest;

use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::components::recovery_code::RecoveryCodeNotice;
use crate::i18n::{Msg, t};
use crate::offline::StoredCard;
use crate::offline::keys::{self, KeyError, TakeCardError};
use crate::state::AppState;

/// What to tell the shopper when moving a card failed.
pub fn recover_error_message(err: &TakeCardError) -> String {
    match err {
        TakeCardError::Api(api) if api.code() == Some("invalid_recovery_code") => {
            t(Msg::RecoveryCodeWrong)
        }
        TakeCardError::Api(api) if api.status() == Some(429) => t(Msg::TooManyTries),
        other => other.user_message(),
    }
}

/// Moves the card with `recovery_code` to this phone and keeps it with its new key.
pub async fn move_card_here(
    state: AppState,
    recovery_code: String,
) -> Result<StoredCard, TakeCardError> {
    let store = state
        .store()
        .await
        .map_err(|e| TakeCardError::Key(KeyError::Storage(e)))?;
    let card = keys::take_card(&store, async |public_key| {
        api::recover(&RecoverRequest {
            recovery_code,
            public_key,
        })
        .await
    })
    .await?;
    crate::offline::sync::ask_persistent_storage(&store).await;
    Ok(card)
}

#[component]
pub fn RecoverPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let moved = RwSignal::new(None::<StoredCard>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked().trim().to_owned();
        if typed.is_empty() {
            error.set(Some(t(Msg::RecoveryCodeEmpty)));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match move_card_here(state, typed).await {
                Ok(card) => moved.set(Some(card)),
                Err(err) => error.set(Some(recover_error_message(&err))),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page page-narrow recover">
            <h1>{t(Msg::MoveCardHere)}</h1>
            {move || match moved.get() {
                Some(card) => {
                    let navigate = navigate.clone();
                    let href = format!("/card/{}", card.card_id);
                    let open = move |()| navigate(&href, Default::default());
                    match card.recovery_code {
                        // The old code was used up: the new one is shown once, like at join.
                        Some(new_code) => view! {
                            <RecoveryCodeNotice code=new_code intro=t(Msg::RecoveryReplaced) on_done=open />
                        }
                        .into_any(),
                        None => {
                            open(());
                            ().into_any()
                        }
                    }
                }
                None => view! {
                    <p class="muted">{t(Msg::RecoverIntro)}</p>
                    <form class="form" on:submit=submit>
                        <label class="field">
                            <span class="field-label">{t(Msg::RecoveryCodeLabel)}</span>
                            <input
                                type="text"
                                name="recovery_code"
                                class="recovery-input"
                                autocomplete="off"
                                autocapitalize="characters"
                                spellcheck="false"
                                maxlength="40"
                                placeholder="XXXX-XXXX-XXXX"
                                bind:value=code
                            />
                        </label>
                        <ErrorAlert message=error />
                        <button type="submit" class="button button-primary button-wide" disabled=busy>
                            {move || if busy.get() { t(Msg::MovingCard) } else { t(Msg::MoveCard) }}
                        </button>
                    </form>
                    <a class="button button-quiet" href="/">{t(Msg::AllCards)}</a>
                }
                .into_any(),
            }}
        </section>
    }
}
