//! A quiet "update available" bar: shown when a new build has downloaded in the background.
//! The page keeps running the build it started with until the person chooses to reload.

use leptos::prelude::*;
use web_sys::ServiceWorker;

use crate::i18n::{Msg, t};
use crate::offline::service_worker;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let waiting = RwSignal::new_local(None::<ServiceWorker>);
    service_worker::register(move |worker| waiting.set(Some(worker)));
    let reload = move |_| {
        if let Some(worker) = waiting.get_untracked() {
            service_worker::activate(&worker);
        }
    };
    view! {
        <Show when=move || waiting.with(Option::is_some)>
            <div class="update-prompt" role="status" data-testid="update-prompt">
                <span>{t(Msg::UpdateAvailable)}</span>
                <button type="button" class="button button-small" on:click=reload>{t(Msg::ReloadToUpdate)}</button>
            </div>
        </Show>
    }
}
