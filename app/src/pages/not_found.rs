//! Any address the app does not know.

use leptos::prelude::*;

use crate::i18n::{Msg, t};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page page-narrow not-found">
            <h1>{t(Msg::NotFoundTitle)}</h1>
            <p>{t(Msg::NotFoundBody)}</p>
            <a class="button" href="/">{t(Msg::GoToMyCards)}</a>
        </section>
    }
}
