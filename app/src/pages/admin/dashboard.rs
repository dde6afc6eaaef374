//! The owner's dashboard: join link, tablets, rewards, settings.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::{OwnerShop, PairingCode};

use super::FormMode;
use super::anomalies::AnomalyList;
use super::categories::CategoriesPanel;
use super::devices::DevicesPanel;
use super::password::PasswordPanel;
use super::rewards::RewardsPanel;
use super::settings::SettingsPanel;
use super::staff::StaffPanel;
use crate::api;
use crate::components::brand::brand_style;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{ImportMsg, Msg, OwnerMsg, t, ti, to};
use crate::state::{AppState, OwnerSession};

/// The owner's shop, when logged in (pages under `/admin` only render with a session).
pub(crate) fn owner_shop(state: AppState) -> Option<OwnerShop> {
    state.owner.with(|session| match session {
        OwnerSession::LoggedIn(shop) => Some((**shop).clone()),
        _ => None,
    })
}

/// The absolute join URL: this server's origin and the shop's join path.
pub(crate) fn join_url(join_path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{join_path}")
}

#[component]
pub(super) fn Dashboard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let mode = expect_context::<RwSignal<FormMode>>();
    let shop = move || owner_shop(state);
    let name = move || shop().map(|s| s.shop.name).unwrap_or_default();
    let style = move || {
        shop()
            .map(|s| brand_style(&s.shop.brand_color))
            .unwrap_or_default()
    };
    let members = move || {
        shop()
            .map(|s| t(Msg::Members(s.members)))
            .unwrap_or_default()
    };
    let url = move || shop().map(|s| join_url(&s.join_path)).unwrap_or_default();
    let error = RwSignal::new(None::<String>);

    let log_out = move |_| {
        spawn_local(async move {
            match api::logout().await {
                Ok(()) => {
                    mode.set(FormMode::Login);
                    state.owner.set(OwnerSession::LoggedOut);
                }
                Err(err) => error.set(Some(err.user_message())),
            }
        });
    };

    view! {
        <section class="page dashboard shop-page" style=style>
            <header class="dashboard-header">
                <h1>{name}</h1>
                <p class="stat"><span class="stat-number">{members}</span></p>
                <a class="button" href="/admin/members">{t(Msg::MembersLink)}</a>
                <a class="button" href="/admin/insights">{t(Msg::InsightsLink)}</a>
                <a class="button" href="/admin/import">{ti(ImportMsg::Link)}</a>
                <a class="button" href="/admin/offers">{to(OwnerMsg::OffersLink)}</a>
            </header>
            <ErrorAlert message=error />
            <div class="dashboard-grid">
                <section class="panel" aria-labelledby="join-heading">
                    <h2 id="join-heading">{t(Msg::JoinLinkLabel)}</h2>
                    <p class="join-url">
                        <a data-testid="join-link" href=url>{url}</a>
                    </p>
                    <a class="button" href="/admin/poster">{t(Msg::PrintPoster)}</a>
                </section>
                <PairingPanel />
                <DevicesPanel />
                <StaffPanel />
                <RewardsPanel />
                <CategoriesPanel />
                <ReviewPanel />
                <SettingsPanel />
                <PasswordPanel />
            </div>
            <button type="button" class="button button-quiet" on:click=log_out>{t(Msg::LogOut)}</button>
        </section>
    }
}

#[component]
fn PairingPanel() -> impl IntoView {
    let code = RwSignal::new(None::<PairingCode>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let create = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::create_pairing_code().await {
                Ok(fresh) => code.set(Some(fresh)),
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="tablets-heading">
            <h2 id="tablets-heading">{t(Msg::TabletsHeading)}</h2>
            {move || code.get().map(|c| view! {
                <p class="pairing">
                    <code class="pairing-code" data-testid="pairing-code">{c.code.clone()}</code>
                    <span class="muted">{t(Msg::PairingExpires(c.expires_at))}</span>
                </p>
                <p class="muted">{t(Msg::PairingHelp)}</p>
            })}
            <ErrorAlert message=error />
            <button type="button" class="button" on:click=create disabled=busy>{t(Msg::CreatePairingCode)}</button>
        </section>
    }
}

/// Events to look at: offline redemptions the card could not cover (and the adjustments that
/// balanced them), and events from a tablet whose clock was far off.
#[component]
fn ReviewPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let currency = move || {
        owner_shop(state)
            .map(|s| s.shop.currency)
            .unwrap_or_default()
    };
    let flagged =
        LocalResource::new(|| async { api::review().await.map_err(|e| e.user_message()) });
    view! {
        <section class="panel" aria-labelledby="review-heading">
            <h2 id="review-heading">{t(Msg::ReviewHeading)}</h2>
            <Suspense fallback=|| ()>
                {move || flagged.get().map(|answer| match answer {
                    Err(message) => view! { <p role="alert" class="alert">{message}</p> }.into_any(),
                    Ok(items) if items.is_empty() => view! { <p class="muted">{t(Msg::ReviewEmpty)}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="review-list">
                            {items.into_iter().map(|item| {
                                let who = item.first_name.clone().unwrap_or_else(|| item.card_id.to_string()[..8].to_owned());
                                let what = crate::components::history::entry_text(&item.event, &currency());
                                let why = item.flags.iter().map(|f| t(Msg::ReviewFlag(f.clone()))).collect::<Vec<_>>().join(", ");
                                view! {
                                    <li data-testid="review-item">
                                        <strong>{who}</strong>" · "{what}<br/>
                                        <span class="muted">{why}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </Suspense>
            <AnomalyList />
        </section>
    }
}
