//! The first-run setup form and the login form.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::ProgramKind;
use regulars_protocol::wire::{LoginRequest, SetupRequest};

use super::FormMode;
use crate::api;
use crate::clock;
use crate::components::brand::BrandPreview;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, OwnerMsg, t, to};
use crate::state::{AppState, OwnerSession};

const DEFAULT_BRAND: &str = "#b4532a";
const DEFAULT_CURRENCY: &str = "EUR";

/// A whole number above zero, or the message that says what is wrong with `field`.
pub(super) fn positive(input: &str, field: Msg) -> Result<i64, String> {
    input
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| t(Msg::WholeNumberNeeded(Box::new(field))))
}

#[component]
pub(super) fn SetupForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let mode = expect_context::<RwSignal<FormMode>>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let shop_name = RwSignal::new(String::new());
    let brand = RwSignal::new(DEFAULT_BRAND.to_owned());
    let kind = RwSignal::new(ProgramKind::Stamps);
    let reward_name = RwSignal::new(String::new());
    let stamps_cost = RwSignal::new("10".to_owned());
    let points_cost = RwSignal::new("100".to_owned());
    let points_per_unit = RwSignal::new("1".to_owned());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let request = move || -> Result<SetupRequest, String> {
        let kind = kind.get_untracked();
        let (reward_cost, per_unit) = match kind {
            ProgramKind::Stamps => (
                positive(&stamps_cost.get_untracked(), Msg::StampsPerReward)?,
                None,
            ),
            ProgramKind::Points => (
                positive(&points_cost.get_untracked(), Msg::PointsPerReward)?,
                Some(positive(
                    &points_per_unit.get_untracked(),
                    Msg::PointsPerUnit(DEFAULT_CURRENCY.to_owned()),
                )?),
            ),
        };
        let reward = reward_name.get_untracked().trim().to_owned();
        Ok(SetupRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            shop_name: shop_name.get_untracked().trim().to_owned(),
            brand_color: Some(brand.get_untracked()),
            program_kind: kind,
            reward_name: if reward.is_empty() {
                t(Msg::RewardNamePlaceholder)
            } else {
                reward
            },
            reward_cost: Some(reward_cost),
            points_per_unit: per_unit,
            currency: Some(DEFAULT_CURRENCY.to_owned()),
            time_zone: clock::browser_time_zone(),
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = match request() {
            Ok(body) => body,
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::setup(&body).await {
                Ok(shop) => state.owner.set(OwnerSession::LoggedIn(Box::new(shop))),
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page page-narrow setup">
            <h1>{t(Msg::SetupTitle)}</h1>
            <p class="muted">{t(Msg::SetupIntro)}</p>
            <form class="form" on:submit=submit>
                <label class="field">
                    <span class="field-label">{t(Msg::Email)}</span>
                    <input type="email" name="email" autocomplete="email" required bind:value=email />
                </label>
                <div class="field">
                    <label class="field-label" for="setup-password">{t(Msg::Password)}</label>
                    <input
                        id="setup-password"
                        type="password"
                        name="password"
                        autocomplete="new-password"
                        minlength="10"
                        required
                        aria-describedby="password-hint"
                        bind:value=password
                    />
                    <span class="field-hint" id="password-hint">{t(Msg::PasswordHint)}</span>
                </div>
                <label class="field">
                    <span class="field-label">{t(Msg::ShopName)}</span>
                    <input type="text" name="shop_name" autocomplete="organization" required bind:value=shop_name />
                </label>
                <label class="field field-inline">
                    <span class="field-label">{t(Msg::BrandColour)}</span>
                    <input type="color" name="brand_color" bind:value=brand />
                </label>
                <BrandPreview brand />
                <fieldset class="field radio-group">
                    <legend class="field-label">{t(Msg::ProgramType)}</legend>
                    <label class="radio">
                        <input
                            type="radio"
                            name="program_kind"
                            value="stamps"
                            prop:checked=move || kind.get() == ProgramKind::Stamps
                            on:change=move |_| kind.set(ProgramKind::Stamps)
                        />
                        <span>{t(Msg::Stamps)}</span>
                    </label>
                    <label class="radio">
                        <input
                            type="radio"
                            name="program_kind"
                            value="points"
                            prop:checked=move || kind.get() == ProgramKind::Points
                            on:change=move |_| kind.set(ProgramKind::Points)
                        />
                        <span>{t(Msg::Points)}</span>
                    </label>
                </fieldset>
                <label class="field">
                    <span class="field-label">{t(Msg::RewardName)}</span>
                    <input
                        type="text"
                        name="reward_name"
                        placeholder=t(Msg::RewardNamePlaceholder)
                        bind:value=reward_name
                    />
                </label>
                <Show
                    when=move || kind.get() == ProgramKind::Points
                    fallback=move || view! {
                        <label class="field">
                            <span class="field-label">{t(Msg::StampsPerReward)}</span>
                            <input type="number" name="reward_cost" min="1" inputmode="numeric" bind:value=stamps_cost />
                        </label>
                    }
                >
                    <label class="field">
                        <span class="field-label">{t(Msg::PointsPerReward)}</span>
                        <input type="number" name="reward_cost" min="1" inputmode="numeric" bind:value=points_cost />
                    </label>
                    <label class="field">
                        <span class="field-label">{t(Msg::PointsPerUnit(DEFAULT_CURRENCY.to_owned()))}</span>
                        <input type="number" name="points_per_unit" min="1" inputmode="numeric" bind:value=points_per_unit />
                    </label>
                </Show>
                <ErrorAlert message=error />
                <button type="submit" class="button button-primary" disabled=busy>{t(Msg::CreateProgram)}</button>
            </form>
            <button type="button" class="button button-quiet" on:click=move |_| mode.set(FormMode::Login)>
                {t(Msg::HaveAccount)}
            </button>
        </section>
    }
}

#[component]
pub(super) fn LoginForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let mode = expect_context::<RwSignal<FormMode>>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let body = LoginRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            match api::login(&body).await {
                Ok(shop) => state.owner.set(OwnerSession::LoggedIn(Box::new(shop))),
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="page page-narrow login">
            <h1>{t(Msg::LoginTitle)}</h1>
            <form class="form" on:submit=submit>
                <label class="field">
                    <span class="field-label">{t(Msg::Email)}</span>
                    <input type="email" name="email" autocomplete="username" required bind:value=email />
                </label>
                <label class="field">
                    <span class="field-label">{t(Msg::Password)}</span>
                    <input type="password" name="password" autocomplete="current-password" required bind:value=password />
                </label>
                <ErrorAlert message=error />
                <button type="submit" class="button button-primary" disabled=busy>{t(Msg::LogIn)}</button>
            </form>
            <a class="button button-quiet" href="/admin/reset">{to(OwnerMsg::ForgotPassword)}</a>
            <button type="button" class="button button-quiet" on:click=move |_| mode.set(FormMode::Setup)>
                {t(Msg::CreateNewProgram)}
            </button>
        </section>
    }
}
