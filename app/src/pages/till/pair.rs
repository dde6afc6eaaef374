//! Pairing a tablet with a one-time code from the owner.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::PairRequest;

use super::TillContext;
use crate::api;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::i18n::{Msg, t};
use crate::offline::Pairing;
use crate::offline::sync;
use crate::state::AppState;

#[component]
pub(super) fn PairForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let pair = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = code.get_untracked().trim().to_owned();
        if code.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let request = PairRequest {
                code,
                device_name: None,
            };
            let result = match api::pair(&request).await {
                Ok(paired) => {
                    let pairing = Pairing {
                        device_id: paired.device_id,
                        token: paired.token,
                        till: paired.till,
                        next_device_seq: 1,
                        staff_session: paired.staff_session,
                    };
                    match state.store().await {
                        Ok(store) => {
                            // A new pairing pulls its shop's directory from the start.
                            let stored = match store.clear_directory().await {
                                Ok(()) => store.put_pairing(&pairing).await,
                                Err(e) => Err(e),
                            };
                            if stored.is_ok() {
                                sync::ask_persistent_storage(&store).await;
                            }
                            stored
                                .map(|()| pairing)
                                .map_err(|e| t(Msg::StorageFailed(e.to_string())))
                        }
                        Err(e) => Err(t(Msg::StorageFailed(e.to_string()))),
                    }
                }
                Err(err) => Err(err.user_message()),
            };
            busy.set(false);
            match result {
                Ok(pairing) => {
                    till.notice.set(None);
                    till.pairing.set(Some(pairing));
                    if let Some(engine) = till.engine() {
                        engine.wake();
                    }
                }
                Err(message) => error.set(Some(message)),
            }
        });
    };

    view! {
        <section class="page page-narrow pair">
            <h1>{t(Msg::PairTitle)}</h1>
            <p class="muted">{t(Msg::PairIntro)}</p>
            <StatusLine message=till.notice />
            <form class="form" on:submit=pair>
                <label class="field">
                    <span class="field-label">{t(Msg::PairingCode)}</span>
                    <input
                        type="text"
                        name="pairing_code"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        required
                        autofocus
                        bind:value=code
                    />
                </label>
                <ErrorAlert message=error />
                <button type="submit" class="button button-primary" disabled=busy>
                    {move || if busy.get() { t(Msg::Pairing) } else { t(Msg::PairTablet) }}
                </button>
            </form>
        </section>
    }
}
