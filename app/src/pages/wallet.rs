//! `/`: every card this phone holds, one per shop.

use leptos::prelude::*;

use crate::components::brand::brand_style;
use crate::i18n::{Msg, t};
use crate::offline::StoredCard;
use crate::state::AppState;

#[component]
pub fn WalletPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cards = LocalResource::new(move || async move { state.store().await?.cards().await });

    view! {
        <section class="page page-narrow wallet">
            <h1>{t(Msg::MyCards)}</h1>
            <Suspense fallback=|| view! { <p class="muted">{t(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match cards.await {
                        Ok(cards) if cards.is_empty() => view! {
                            <div class="empty">
                                <p class="empty-title">{t(Msg::NoCardsYet)}</p>
                                <p class="muted">{t(Msg::NoCardsHint)}</p>
                            </div>
                        }
                        .into_any(),
                        Ok(cards) => view! {
                            <ul class="wallet-list">
                                {cards.into_iter().map(|card| view! { <WalletItem card /> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(err) => view! {
                            <p role="alert" class="alert">{t(Msg::StorageFailed(err.to_string()))}</p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
            <a class="button button-quiet" href="/recover">{t(Msg::MoveCardHere)}</a>
        </section>
    }
}

#[component]
fn WalletItem(card: StoredCard) -> impl IntoView {
    let view = &card.view;
    let amount = t(Msg::Amount(view.program.kind, view.balance.balance));
    view! {
        <li class="wallet-item" style=brand_style(&view.shop.brand_color)>
            <a class="wallet-link" href=format!("/card/{}", card.card_id)>
                {view.shop.name.clone()}
            </a>
            <span class="wallet-balance">{amount}</span>
        </li>
    }
}
