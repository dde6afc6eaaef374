//! The root component: shared state and the route table.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

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
use crate::pages::staff::StaffPage;
use crate::pages::wallet::WalletPage;
use crate::state::AppState;

/// Regulars: every route of the app.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Lang::default());
    provide_context(AppState::new(crate::offline::DB_NAME));

    view! {
        <Router>
            <main class="app">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=WalletPage />
                    <Route path=path!("/join/:slug") view=JoinPage />
                    <Route path=path!("/card/:id") view=CardPage />
                    <Route path=path!("/card/:id/profile") view=ProfilePage />
                    <Route path=path!("/recover") view=RecoverPage />
                    <Route path=path!("/staff") view=StaffPage />
                    <Route path=path!("/admin") view=AdminPage />
                    <Route path=path!("/admin/poster") view=PosterPage />
                    <Route path=path!("/admin/members") view=MembersPage />
                </Routes>
            </main>
            <UpdatePrompt />
        </Router>
    }
}
