//! The owner's rewards: add, edit, retire, reactivate.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::RewardInput;
use regulars_protocol::{ProgramKind, Reward, RewardId};

use super::dashboard::owner_shop;
use super::setup::positive;
use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};
use crate::state::{AppState, OwnerSession};

/// Sends a reward change and shows the shop the server answers with.
fn save_reward(
    state: AppState,
    id: Option<RewardId>,
    input: RewardInput,
    error: RwSignal<Option<String>>,
    done: impl FnOnce() + 'static,
) {
    error.set(None);
    spawn_local(async move {
        let result = match id {
            Some(id) => api::update_reward(id, &input).await,
            None => api::add_reward(&input).await,
        };
        match result {
            Ok(shop) => {
                state.owner.set(OwnerSession::LoggedIn(Box::new(shop)));
                done();
            }
            Err(err) => error.set(Some(err.user_message())),
        }
    });
}

#[component]
pub(super) fn RewardsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let editing = RwSignal::new(None::<RewardId>);
    let error = RwSignal::new(None::<String>);
    let rewards = move || {
        owner_shop(state)
            .map(|s| (s.program.kind, s.program.rewards))
            .unwrap_or_default()
    };

    let new_name = RwSignal::new(String::new());
    let new_cost = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_owned();
        let cost = match positive(&new_cost.get_untracked(), Msg::NewRewardCost) {
            Ok(cost) => cost,
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        let input = RewardInput {
            name,
            cost,
            value_minor: None,
            active: true,
        };
        save_reward(state, None, input, error, move || {
            new_name.set(String::new());
            new_cost.set(String::new());
        });
    };

    view! {
        <section class="panel" aria-labelledby="rewards-heading">
            <h2 id="rewards-heading">{t(Msg::RewardsHeading)}</h2>
            <ul class="reward-rows">
                {move || {
                    let (kind, list) = rewards();
                    list.into_iter()
                        .map(|reward| view! { <RewardRow reward kind editing error /> })
                        .collect_view()
                }}
            </ul>
            <ErrorAlert message=error />
            <form class="form form-row" on:submit=add>
                <label class="field field-grow">
                    <span class="field-label">{t(Msg::NewRewardName)}</span>
                    <input type="text" name="new_reward_name" required bind:value=new_name />
                </label>
                <label class="field field-small">
                    <span class="field-label">{t(Msg::NewRewardCost)}</span>
                    <input type="number" name="new_reward_cost" min="1" inputmode="numeric" required bind:value=new_cost />
                </label>
                <button type="submit" class="button">{t(Msg::AddReward)}</button>
            </form>
        </section>
    }
}

#[component]
fn RewardRow(
    reward: Reward,
    kind: ProgramKind,
    editing: RwSignal<Option<RewardId>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = reward.id;
    let is_editing = move || editing.get() == Some(id);
    let name = RwSignal::new(reward.name.clone());
    let cost = RwSignal::new(reward.cost.to_string());
    let stored = StoredValue::new(reward.clone());

    let toggle = move |_| {
        let r = stored.get_value();
        let input = RewardInput {
            name: r.name,
            cost: r.cost,
            value_minor: r.value_minor,
            active: !r.active,
        };
        save_reward(state, Some(id), input, error, || {});
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = stored.get_value();
        let cost = match positive(&cost.get_untracked(), Msg::RewardCost) {
            Ok(cost) => cost,
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        let input = RewardInput {
            name: name.get_untracked().trim().to_owned(),
            cost,
            value_minor: r.value_minor,
            active: r.active,
        };
        save_reward(state, Some(id), input, error, move || editing.set(None));
    };

    let label = format!("{} · {}", reward.name, t(Msg::Amount(kind, reward.cost)));
    let active = reward.active;
    view! {
        <li class="reward-row" class:reward-retired=!active data-testid="reward-row">
            <Show
                when=is_editing
                fallback=move || view! {
                    <span class="reward-row-name">{stored.with_value(|r| r.name.clone())}</span>
                    <span class="reward-row-cost">{t(Msg::Amount(kind, stored.with_value(|r| r.cost)))}</span>
                    {(!active).then(|| view! { <span class="badge">{t(Msg::Retired)}</span> })}
                    <span class="reward-row-actions">
                        <button type="button" class="button button-small" on:click=move |_| editing.set(Some(id))>
                            {t(Msg::Edit)}
                        </button>
                        <button type="button" class="button button-small" on:click=toggle>
                            {if active { t(Msg::Retire) } else { t(Msg::Reactivate) }}
                        </button>
                    </span>
                }
            >
                <form class="form form-row" on:submit=save aria-label=label.clone()>
                    <label class="field field-grow">
                        <span class="field-label">{t(Msg::RewardName)}</span>
                        <input type="text" name="reward_name" required bind:value=name />
                    </label>
                    <label class="field field-small">
                        <span class="field-label">{t(Msg::RewardCost)}</span>
                        <input type="number" name="reward_cost" min="1" inputmode="numeric" required bind:value=cost />
                    </label>
                    <button type="submit" class="button button-small">{t(Msg::SaveReward)}</button>
                    <button type="button" class="button button-small button-quiet" on:click=move |_| editing.set(None)>
                        {t(Msg::Cancel)}
                    </button>
                </form>
            </Show>
        </li>
    }
}
