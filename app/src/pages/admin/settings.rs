//! The owner's shop settings.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::ProgramKind;
use regulars_protocol::wire::ShopSettings;

use super::dashboard::owner_shop;
use super::setup::positive;
use crate::api;
use crate::components::brand::BrandPreview;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::i18n::{Msg, t};
use crate::state::{AppState, OwnerSession};

#[component]
pub(super) fn SettingsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(current) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let kind = current.program.kind;
    let shop_name = RwSignal::new(current.shop.name.clone());
    let brand = RwSignal::new(current.shop.brand_color.clone());
    let currency = RwSignal::new(current.shop.currency.clone());
    let time_zone = RwSignal::new(current.shop.time_zone.clone());
    let rate = RwSignal::new(match kind {
        ProgramKind::Stamps => current.program.stamps_per_visit.to_string(),
        ProgramKind::Points => current.program.points_per_unit.to_string(),
    });
    let rate_label = move || match kind {
        ProgramKind::Stamps => Msg::StampsPerVisit,
        ProgramKind::Points => Msg::PointsPerUnit(currency.get().trim().to_uppercase()),
    };
    let offline_max = RwSignal::new(
        current
            .program
            .offline_redemption_max_cost
            .unwrap_or(0)
            .to_string(),
    );
    let card_limit = RwSignal::new(current.limits.card_daily_limit.unwrap_or(0).to_string());
    let staff_limit = RwSignal::new(current.limits.staff_hourly_limit.unwrap_or(0).to_string());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(None);
        let rate = match positive(&rate.get_untracked(), untrack(rate_label)) {
            Ok(rate) => rate,
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        let offline_max = match offline_max.get_untracked().trim().parse::<i64>() {
            Ok(max) if max >= 0 => max,
            _ => {
                error.set(Some(t(Msg::OfflineRedemptionHint)));
                return;
            }
        };
        let limit = |value: RwSignal<String>| match value.get_untracked().trim() {
            "" => Ok(0),
            text => text
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| t(Msg::LimitsHint)),
        };
        let (card_daily_limit, staff_hourly_limit) = match (limit(card_limit), limit(staff_limit)) {
            (Ok(card), Ok(staff)) => (card, staff),
            (Err(message), _) | (_, Err(message)) => {
                error.set(Some(message));
                return;
            }
        };
        let body = ShopSettings {
            shop_name: Some(shop_name.get_untracked().trim().to_owned()),
            brand_color: Some(brand.get_untracked()),
            currency: Some(currency.get_untracked().trim().to_uppercase()),
            time_zone: Some(time_zone.get_untracked().trim().to_owned()),
            stamps_per_visit: (kind == ProgramKind::Stamps).then_some(rate),
            points_per_unit: (kind == ProgramKind::Points).then_some(rate),
            offline_redemption_max_cost: Some(offline_max),
            card_daily_limit: Some(card_daily_limit),
            staff_hourly_limit: Some(staff_hourly_limit),
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::update_shop(&body).await {
                Ok(shop) => {
                    state.owner.set(OwnerSession::LoggedIn(Box::new(shop)));
                    saved.set(Some(t(Msg::SettingsSaved)));
                }
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t(Msg::SettingsHeading)}</h2>
            <form class="form" on:submit=save>
                <label class="field">
                    <span class="field-label">{t(Msg::ShopName)}</span>
                    <input type="text" name="shop_name" required bind:value=shop_name />
                </label>
                <label class="field field-inline">
                    <span class="field-label">{t(Msg::BrandColour)}</span>
                    <input type="color" name="brand_color" bind:value=brand />
                </label>
                <BrandPreview brand />
                <label class="field">
                    <span class="field-label">{t(Msg::Currency)}</span>
                    <input type="text" name="currency" maxlength="3" autocapitalize="characters" required bind:value=currency />
                </label>
                <label class="field">
                    <span class="field-label">{t(Msg::TimeZone)}</span>
                    <input type="text" name="time_zone" required bind:value=time_zone />
                </label>
                <label class="field">
                    <span class="field-label">{move || t(rate_label())}</span>
                    <input type="number" name="rate" min="1" inputmode="numeric" required bind:value=rate />
                </label>
                <label class="field">
                    <span class="field-label">{t(Msg::OfflineRedemptionMax(kind))}</span>
                    <input type="number" name="offline_redemption_max_cost" min="0" inputmode="numeric" required
                        aria-describedby="offline-redemption-hint" bind:value=offline_max />
                    <span class="field-hint" id="offline-redemption-hint">{t(Msg::OfflineRedemptionHint)}</span>
                </label>
                <label class="field">
                    <span class="field-label">{t(Msg::CardDailyLimit(kind))}</span>
                    <input type="number" name="card_daily_limit" min="0" max="10000" inputmode="numeric"
                        aria-describedby="limits-hint" bind:value=card_limit />
                </label>
                <label class="field">
                    <span class="field-label">{t(Msg::StaffHourlyLimit(kind))}</span>
                    <input type="number" name="staff_hourly_limit" min="0" max="10000" inputmode="numeric"
                        aria-describedby="limits-hint" bind:value=staff_limit />
                    <span class="field-hint" id="limits-hint">{t(Msg::LimitsHint)}</span>
                </label>
                <ErrorAlert message=error />
                <StatusLine message=saved />
                <button type="submit" class="button button-primary" disabled=busy>{t(Msg::SaveSettings)}</button>
            </form>
        </section>
    }
    .into_any()
}
