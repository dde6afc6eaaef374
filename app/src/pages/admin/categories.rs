//! The shop's own purchase categories, as the till shows them: up to 12, renamed in place (the
//! history stays with the category), added and removed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::program::MAX_CATEGORIES;
use regulars_protocol::wire::{CategoriesInput, CategoryInput};

use crate::api;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::i18n::{Msg, t};
use crate::pages::admin::dashboard::owner_shop;
use crate::state::{AppState, OwnerSession};

/// One row of the form: the category's id when it exists already, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    key: usize,
    id: Option<String>,
    name: RwSignal<String>,
}

#[component]
pub(super) fn CategoriesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let next_key = StoredValue::new(0_usize);
    let new_row = move |id: Option<String>, name: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Row {
            key,
            id,
            name: RwSignal::new(name),
        }
    };
    let rows = RwSignal::new(
        untrack(|| owner_shop(state))
            .map(|s| s.program.categories)
            .unwrap_or_default()
            .into_iter()
            .map(|c| new_row(Some(c.id), c.name))
            .collect::<Vec<_>>(),
    );
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = CategoriesInput {
            categories: rows.with_untracked(|rows| {
                rows.iter()
                    .map(|r| CategoryInput {
                        id: r.id.clone(),
                        name: r.name.get_untracked(),
                    })
                    .collect()
            }),
        };
        busy.set(true);
        error.set(None);
        status.set(None);
        spawn_local(async move {
            match api::save_categories(&body).await {
                Ok(shop) => {
                    let saved = shop.program.categories.clone();
                    rows.set(
                        saved
                            .into_iter()
                            .map(|c| new_row(Some(c.id), c.name))
                            .collect(),
                    );
                    state.owner.set(OwnerSession::LoggedIn(Box::new(shop)));
                    status.set(Some(t(Msg::Saved)));
                }
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{t(Msg::CategoriesTitle)}</h2>
            <p class="muted">{t(Msg::CategoriesHelp)}</p>
            <form on:submit=save data-testid="categories-form">
                <For each=move || rows.get() key=|r| r.key let(row)>
                    {
                        let key = row.key;
                        let position = move || rows.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0) + 1);
                        view! {
                            <div class="category-row">
                                <label class="field field-grow">
                                    <span class="visually-hidden">{move || t(Msg::CategoryField(position()))}</span>
                                    <input type="text" maxlength="40" name="category" bind:value=row.name />
                                </label>
                                <button
                                    type="button"
                                    class="button button-quiet"
                                    aria-label=move || t(Msg::RemoveCategory(row.name.get()))
                                    on:click=move |_| rows.update(|rows| rows.retain(|r| r.key != key))
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    }
                </For>
                <button
                    type="button"
                    class="button"
                    disabled=move || rows.with(|r| r.len() >= MAX_CATEGORIES)
                    on:click=move |_| rows.update(|rows| rows.push(new_row(None, String::new())))
                >
                    {t(Msg::AddCategory)}
                </button>
                <ErrorAlert message=error />
                <StatusLine message=status />
                <button type="submit" class="button button-primary" disabled=busy>{t(Msg::SaveCategories)}</button>
            </form>
        </section>
    }
}
