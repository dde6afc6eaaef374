//! The root components: shared state and the route tables.
//!
//! Regulars ships as two WebAssembly bundles built from this crate, so a shopper's phone loads only
//! what the card needs:
//! - [`ShopperApp`] (`src/bin/shopper.rs`): the wallet, joining, the card, its profile, recovery;
//! - [`App`] (`src/main.rs`): everything, for the till (`/staff`) and the owner (`/admin`).
//!
//! The server sends `business.html` (which preloads the whole app) under
//! [`regulars_protocol::pages::BUSINESS_PATHS`] and `index.html` (the shopper's bundle) elsewhere;
//! `public/boot.js` starts the bundle by the same rule (written into it by `cargo xtask build`).
//! The service worker keeps the shopper's files everywhere and the whole app on tablets and the
//! owner's computer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{MatchNestedRoutes, path};

use crate::components::update_prompt::UpdatePrompt;
use crate::i18n::Lang;
use crate::pages::admin::AdminPage;
use crate::pages::admin::members::MembersPage;
use crate::pages::card::CardPage;
use crate::pages::join::JoinPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::poster::PosterPage;
use crate::pages::profile::ProfilePage;
use crate::pages::recover::RecoverPage;
use crate::pages::till::TillPage;
use crate::pages::wallet::WalletPage;
use crate::state::AppState;
use regulars_protocol::pages::is_business_path;

/// The shopper's pages, in both bundles.
#[component(transparent)]
fn ShopperRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/") view=WalletPage />
        <Route path=path!("/join/:slug") view=JoinPage />
        <Route path=path!("/card/:id") view=CardPage />
        <Route path=path!("/card/:id/profile") view=ProfilePage />
        <Route path=path!("/recover") view=RecoverPage />
    }
    .into_inner()
}

/// Regulars for the till and the owner: every route of the app, the shopper's too.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Lang::default());
    provide_context(AppState::new(crate::offline::DB_NAME));

    view! {
        <Router>
            <main class="app">
                <Routes fallback=NotFoundPage>
                    <ShopperRoutes />
                    <Route path=path!("/staff") view=TillPage />
                    <Route path=path!("/admin") view=AdminPage />
                    <Route path=path!("/admin/poster") view=PosterPage />
                    <Route path=path!("/admin/members") view=MembersPage />
                </Routes>
            </main>
            <UpdatePrompt />
        </Router>
    }
}

/// Regulars for the shopper's phone: the card routes only. A link into the till or the owner's
/// pages loads the page again, which starts the business bundle.
#[component]
pub fn ShopperApp() -> impl IntoView {
    provide_context(Lang::default());
    provide_context(AppState::new(crate::offline::DB_NAME));

    view! {
        <Router>
            <main class="app">
                <Routes fallback=ShopperFallback>
                    <ShopperRoutes />
                </Routes>
            </main>
            <UpdatePrompt />
        </Router>
    }
}

/// An address the shopper bundle does not have: the business bundle's (load the page again) or
/// none at all (not found).
#[component]
fn ShopperFallback() -> impl IntoView {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if is_business_path(&path) {
        let _ = location.reload();
        return None;
    }
    Some(view! { <NotFoundPage /> })
}
