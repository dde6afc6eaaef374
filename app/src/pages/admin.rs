//! `/admin`: the owner's setup, login and dashboard (and, under it, the owner's other pages).

mod anomalies;
mod categories;
pub(crate) mod dashboard;
mod devices;
pub mod import;
pub mod insights;
pub mod members;
pub mod offers;
mod password;
pub mod reset;
mod rewards;
mod settings;
mod setup;
mod staff;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};
use crate::state::{AppState, OwnerSession};

use dashboard::Dashboard;
use setup::{LoginForm, SetupForm};

/// Which form a visitor without a session sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormMode {
    Setup,
    Login,
}

/// Which screen the admin page shows (the dashboard is not rebuilt when the shop changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Loading,
    Forms,
    Dashboard,
}

/// Asks the server whether there is a session, and stores the answer in [`AppState::owner`].
pub(crate) fn refresh_owner(state: AppState, error: RwSignal<Option<String>>) {
    spawn_local(async move {
        match api::owner_shop().await {
            Ok(shop) => state.owner.set(OwnerSession::LoggedIn(Box::new(shop))),
            Err(err) if err.is_unauthorized() => state.owner.set(OwnerSession::LoggedOut),
            Err(err) => {
                error.set(Some(err.user_message()));
                if state.owner.get_untracked() == OwnerSession::Unknown {
                    state.owner.set(OwnerSession::LoggedOut);
                }
            }
        }
    });
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let mode = RwSignal::new(FormMode::Setup);
    provide_context(mode);

    Effect::new(move |_| refresh_owner(state, error));

    let screen = Memo::new(move |_| match &*state.owner.read() {
        OwnerSession::Unknown => Screen::Loading,
        OwnerSession::LoggedOut => Screen::Forms,
        OwnerSession::LoggedIn(_) => Screen::Dashboard,
    });

    view! {
        <ErrorAlert message=error />
        {move || match screen.get() {
            Screen::Loading => view! {
                <section class="page page-narrow" aria-busy="true">
                    <p class="muted">{t(Msg::Loading)}</p>
                </section>
            }
            .into_any(),
            Screen::Forms => view! {
                {move || match mode.get() {
                    FormMode::Setup => view! { <SetupForm /> }.into_any(),
                    FormMode::Login => view! { <LoginForm /> }.into_any(),
                }}
            }
            .into_any(),
            Screen::Dashboard => view! { <Dashboard /> }.into_any(),
        }}
    }
}
