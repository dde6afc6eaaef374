//! Unusual patterns for the owner's review panel: cards stamped far more often than the shop's
//! typical card, and staff whose share of redemptions is far above everyone else's. The rules
//! are the server's (`GET /owner/anomalies`); the panel says them in plain words.

use leptos::prelude::*;

use crate::api;
use crate::i18n::{Msg, t};

#[component]
pub(super) fn AnomalyList() -> impl IntoView {
    let found =
        LocalResource::new(|| async { api::anomalies().await.map_err(|e| e.user_message()) });
    view! {
        <Suspense fallback=|| ()>
            {move || found.get().map(|answer| match answer {
                Err(message) => view! { <p role="alert" class="alert">{message}</p> }.into_any(),
                Ok(found) => {
                    let nothing = found.cards.is_empty() && found.staff.is_empty();
                    view! {
                        <div class="anomalies" data-testid="anomalies">
                            <h3>{t(Msg::AnomaliesHeading(found.window_days))}</h3>
                            {nothing.then(|| view! { <p class="muted">{t(Msg::NoAnomalies)}</p> })}
                            <ul class="review-list">
                                {found.cards.iter().map(|card| {
                                    let who = card.first_name.clone().unwrap_or_else(|| t(Msg::CardShortId(card.card_id.to_string()[..8].to_owned())));
                                    view! { <li data-testid="anomaly">{t(Msg::CardAnomaly { who, visits: card.visits })}</li> }
                                }).collect_view()}
                                {found.staff.iter().map(|staff| view! {
                                    <li data-testid="anomaly">{t(Msg::StaffAnomaly {
                                        name: staff.name.clone(),
                                        redemptions: staff.redemptions,
                                        percent: staff.percent,
                                        others: staff.others_percent,
                                    })}</li>
                                }).collect_view()}
                            </ul>
                            <p class="field-hint">{t(Msg::CardAnomalyRule { min: found.card_min_visits, factor: found.card_factor, typical: found.typical_visits })}</p>
                            <p class="field-hint">{t(Msg::StaffAnomalyRule { min: found.staff_min_redemptions, factor: found.staff_factor })}</p>
                        </div>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
