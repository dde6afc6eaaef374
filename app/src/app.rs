//! The root components: shared state and the route tables.
//!
//! Regulars ships as three WebAssembly bundles built from this crate, so each device loads only
//! what it runs:
//! - [`ShopperApp`] (`src/bin/shopper.rs`): the wallet, joining, the card, its profile, recovery;
//! - [`TillApp`] (`src/bin/till.rs`): the cashier's till under `/staff`;
//! - [`OwnerApp`] (`src/main.rs`): the owner's pages under `/admin`.
//!
//! [`regulars_protocol::pages::bundle_for_path`] says which bundle an address belongs to: the
//! server sends that bundle's page (which preloads it), `public/boot.js` starts it (the rule is
//! written into it by `cargo xtask build`), and a bundle that is asked for another's address
//! loads the page again, which starts the right one. The service worker keeps the shopper's files
//! everywhere, the till's on tablets and the owner's on the owner's computer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::update_prompt::UpdatePrompt;
use crate::i18n::Lang;
use crate::pages::admin::AdminPage;
use crate::pages::admin::import::ImportPage;
use crate::pages::admin::insights::{InsightsPage, MemberInsightsPage, SegmentMembersPage};
use crate::pages::admin::members::MembersPage;
use crate::pages::admin::offers::OffersPage;
use crate::pages::admin::reset::ResetPasswordPage;
use crate::pages::card::CardPage;
use crate::pages::join::JoinPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::poster::PosterPage;
use crate::pages::profile::ProfilePage;
use crate::pages::recover::RecoverPage;
use crate::pages::till::TillPage;
use crate::pages::wallet::WalletPage;
use crate::state::AppState;
use regulars_protocol::pages::{Bundle, bundle_for_path};

/// Regulars for the shopper's phone: the card routes only.
#[component]
pub fn ShopperApp() -> impl IntoView {
    provide_context(Lang::default());
    provide_context(AppState::new(crate::offline::DB_NAME));

    view! {
        <Router>
            <main class="app">
                <Routes fallback=|| view! { <ElsewhereOrNotFound bundle=Bundle::Shopper /> }>
                    <Route path=path!("/") view=WalletPage />
                    <Route path=path!("/join/:slug") view=JoinPage />
                    <Route path=path!("/card/:id") view=CardPage />
                    <Route path=path!("/card/:id/profile") view=ProfilePage />
                    <Route path=path!("/recover") view=RecoverPage />
                </Routes>
            </main>
            <UpdatePrompt />
        </Router>
    }
}

/// Regulars for the cashier's tablet: the till.
#[component]
pub fn TillApp() -> impl IntoView {
    provide_context(Lang::default());
    provide_context(AppState::new(crate::offline::DB_NAME));

    view! {
        <Router>
            <main class="app">
                <Routes fallback=|| view! { <ElsewhereOrNotFound bundle=Bundle::Till /> }>
                    <Route path=path!("/staff") view=TillPage />
                </Routes>
            </main>
            <UpdatePrompt />
        </Router>
    }
}

/// Regulars for the owner: setting up the program, the poster, the members, insights, and
/// importing purchase history, and a new password with an operator's reset code.
#[component]
pub fn OwnerApp() -> impl IntoView {
    provide_context(Lang::default());
    provide_context(AppState::new(crate::offline::DB_NAME));

    view! {
        <Router>
            <main class="app">
                <Routes fallback=|| view! { <ElsewhereOrNotFound bundle=Bundle::Owner /> }>
                    <Route path=path!("/admin") view=AdminPage />
                    <Route path=path!("/admin/poster") view=PosterPage />
                    <Route path=path!("/admin/members") view=MembersPage />
                    <Route path=path!("/admin/insights") view=InsightsPage />
                    <Route path=path!("/admin/insights/segments/:segment") view=SegmentMembersPage />
                    <Route path=path!("/admin/insights/members/:id") view=MemberInsightsPage />
                    <Route path=path!("/admin/import") view=ImportPage />
                    <Route path=path!("/admin/offers") view=OffersPage />
                    <Route path=path!("/admin/reset") view=ResetPasswordPage />
                </Routes>
            </main>
            <UpdatePrompt />
        </Router>
    }
}

/// An address this bundle does not have: another bundle's (load the page again, which starts
/// that one) or none at all (not found).
#[component]
fn ElsewhereOrNotFound(bundle: Bundle) -> impl IntoView {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if bundle_for_path(&path) != bundle {
        let _ = location.reload();
        return None;
    }
    Some(view! { <NotFoundPage /> })
}
