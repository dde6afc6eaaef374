//! `/admin/poster`: the printable join poster (A4 or A6).

use leptos::prelude::*;

use crate::components::brand::brand_style;
use crate::components::feedback::ErrorAlert;
use crate::components::qr::QrImage;
use crate::i18n::{self, Msg, t};
use crate::pages::admin::dashboard::{join_url, owner_shop};
use crate::pages::admin::refresh_owner;
use crate::state::{AppState, OwnerSession};

#[component]
pub fn PosterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if state.owner.get_untracked() == OwnerSession::Unknown {
            refresh_owner(state, error);
        }
    });

    view! {
        <ErrorAlert message=error />
        {move || match state.owner.get() {
            OwnerSession::Unknown => view! { <section class="page poster" aria-busy="true"></section> }.into_any(),
            OwnerSession::LoggedOut => view! {
                <section class="page page-narrow">
                    <h1>{t(Msg::NeedLogin)}</h1>
                    <a class="button" href="/admin">{t(Msg::GoToAdmin)}</a>
                </section>
            }
            .into_any(),
            OwnerSession::LoggedIn(_) => view! { <Poster /> }.into_any(),
        }}
    }
}

#[component]
fn Poster() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(owner) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let url = join_url(&owner.join_path);
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <section class="page poster shop-page" style=brand_style(&owner.shop.brand_color)>
            <div class="poster-sheet">
                <h1 class="poster-shop">{owner.shop.name.clone()}</h1>
                <p class="poster-pitch">{i18n::pitch(&owner.program)}</p>
                <QrImage data=url.clone() label=t(Msg::JoinQrLabel) class="qr-poster" />
                <p class="poster-cta">{t(Msg::ScanToJoin)}</p>
                <p class="poster-url">{url}</p>
            </div>
            <div class="poster-actions no-print">
                <button type="button" class="button button-primary" on:click=print>{t(Msg::Print)}</button>
                <a class="button button-quiet" href="/admin">{t(Msg::BackToDashboard)}</a>
            </div>
        </section>
    }
    .into_any()
}
