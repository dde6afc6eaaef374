//! The owner's staff: add cashiers and managers with a PIN, rename them, change their role or
//! PIN, deactivate them (their past events still name them) or bring them back.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::StaffRole;
use regulars_protocol::staff::is_valid_pin;
use regulars_protocol::wire::{NewStaff, StaffAccount, StaffChanges};

use crate::api;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::i18n::{Msg, t};

fn role_from(value: &str) -> StaffRole {
    StaffRole::parse(value).unwrap_or(StaffRole::Cashier)
}

#[component]
pub(super) fn StaffPanel() -> impl IntoView {
    let staff = RwSignal::new(Vec::<StaffAccount>::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<regulars_protocol::StaffId>);
    Effect::new(move |_| {
        spawn_local(async move {
            match api::staff().await {
                Ok(list) => staff.set(list),
                Err(err) => error.set(Some(err.user_message())),
            }
        });
    });

    let name = RwSignal::new(String::new());
    let role = RwSignal::new("cashier".to_string());
    let pin = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(None);
        let body = NewStaff {
            name: name.get_untracked().trim().to_owned(),
            role: role_from(&role.get_untracked()),
            pin: pin.get_untracked().trim().to_owned(),
        };
        if !is_valid_pin(&body.pin) {
            error.set(Some(t(Msg::PinMustBeDigits)));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::add_staff(&body).await {
                Ok(added) => {
                    saved.set(Some(t(Msg::StaffAdded(added.name.clone()))));
                    staff.update(|list| list.push(added));
                    name.set(String::new());
                    pin.set(String::new());
                }
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="staff-heading">
            <h2 id="staff-heading">{t(Msg::StaffHeading)}</h2>
            <ul class="staff-rows">
                <For each=move || staff.get() key=|s| (s.id, s.name.clone(), s.role, s.active, s.has_pin)
                    children=move |member| view! { <StaffRow member staff editing error saved /> } />
            </ul>
            <ErrorAlert message=error />
            <StatusLine message=saved />
            <form class="form" on:submit=add>
                <div class="form-row">
                    <label class="field field-grow">
                        <span class="field-label">{t(Msg::StaffName)}</span>
                        <input type="text" name="staff_name" maxlength="60" required autocomplete="off" bind:value=name />
                    </label>
                    // Not a wrapping label: the chosen option would join the select's name.
                    <div class="field">
                        <label class="field-label" for="new-staff-role">{t(Msg::StaffRoleLabel)}</label>
                        <select id="new-staff-role" name="staff_role" on:change=move |ev| role.set(event_target_value(&ev)) prop:value=role>
                            <option value="cashier">{t(Msg::RoleName(StaffRole::Cashier))}</option>
                            <option value="manager">{t(Msg::RoleName(StaffRole::Manager))}</option>
                        </select>
                    </div>
                    <label class="field field-small">
                        <span class="field-label">{t(Msg::Pin)}</span>
                        <input type="password" name="staff_pin" inputmode="numeric" pattern="[0-9]{4,6}" minlength="4" maxlength="6"
                            autocomplete="new-password" required aria-describedby="staff-pin-hint" bind:value=pin />
                    </label>
                </div>
                <span class="field-hint" id="staff-pin-hint">{t(Msg::PinHint)}</span>
                <button type="submit" class="button" disabled=busy>{t(Msg::AddStaff)}</button>
            </form>
        </section>
    }
}

/// Puts a changed member in the list.
fn replace(staff: RwSignal<Vec<StaffAccount>>, changed: StaffAccount) {
    staff.update(|list| {
        if let Some(slot) = list.iter_mut().find(|s| s.id == changed.id) {
            *slot = changed;
        }
    });
}

#[component]
fn StaffRow(
    member: StaffAccount,
    staff: RwSignal<Vec<StaffAccount>>,
    editing: RwSignal<Option<regulars_protocol::StaffId>>,
    error: RwSignal<Option<String>>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = member.id;
    let is_owner = member.role == StaffRole::Owner;
    let name = RwSignal::new(member.name.clone());
    let role = RwSignal::new(member.role.as_str().to_string());
    let pin = RwSignal::new(String::new());
    let stored = StoredValue::new(member.clone());

    let send = move |changes: Option<StaffChanges>| {
        error.set(None);
        saved.set(None);
        spawn_local(async move {
            let result = match changes {
                Some(changes) => api::update_staff(id, &changes).await,
                None => api::deactivate_staff(id).await,
            };
            match result {
                Ok(changed) => {
                    saved.set(Some(t(Msg::StaffSaved(changed.name.clone()))));
                    editing.set(None);
                    replace(staff, changed);
                }
                Err(err) => error.set(Some(err.user_message())),
            }
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_pin = pin.get_untracked().trim().to_owned();
        if !new_pin.is_empty() && !is_valid_pin(&new_pin) {
            error.set(Some(t(Msg::PinMustBeDigits)));
            return;
        }
        send(Some(StaffChanges {
            name: Some(name.get_untracked().trim().to_owned()),
            role: (!is_owner).then(|| role_from(&role.get_untracked())),
            pin: (!new_pin.is_empty()).then_some(new_pin),
            active: None,
        }));
    };

    let label = member.name.clone();
    let active = member.active;
    view! {
        <li class="staff-row" class:staff-inactive=!active data-testid="staff-row">
            <Show
                when=move || editing.get() == Some(id)
                fallback=move || {
                    let m = stored.get_value();
                    view! {
                        <span class="staff-row-name">{m.name.clone()}</span>
                        <span class="muted">{t(Msg::RoleName(m.role))}</span>
                        {(!m.has_pin).then(|| view! { <span class="badge">{t(Msg::NoPinTag)}</span> })}
                        {(!m.active).then(|| view! { <span class="badge">{t(Msg::DeactivatedTag)}</span> })}
                        <span class="staff-row-actions">
                            <button type="button" class="button button-small" aria-label=format!("{} {}", t(Msg::Edit), m.name)
                                on:click=move |_| editing.set(Some(id))>{t(Msg::Edit)}</button>
                            {(!is_owner && m.active).then(|| view! {
                                <button type="button" class="button button-small" aria-label=format!("{} {}", t(Msg::Deactivate), m.name)
                                    on:click=move |_| send(None)>{t(Msg::Deactivate)}</button>
                            })}
                            {(!m.active).then(|| view! {
                                <button type="button" class="button button-small" aria-label=format!("{} {}", t(Msg::Reactivate), m.name)
                                    on:click=move |_| send(Some(StaffChanges { active: Some(true), ..StaffChanges::default() }))>
                                    {t(Msg::Reactivate)}
                                </button>
                            })}
                        </span>
                    }
                }
            >
                <form class="form form-row" on:submit=save aria-label=label.clone()>
                    <label class="field field-grow">
                        <span class="field-label">{t(Msg::StaffName)}</span>
                        <input type="text" name="staff_name" maxlength="60" required bind:value=name />
                    </label>
                    {(!is_owner).then(|| view! {
                        <div class="field">
                            <label class="field-label" for=format!("staff-role-{id}")>{t(Msg::StaffRoleLabel)}</label>
                            <select id=format!("staff-role-{id}") name="staff_role" on:change=move |ev| role.set(event_target_value(&ev)) prop:value=role>
                                <option value="cashier">{t(Msg::RoleName(StaffRole::Cashier))}</option>
                                <option value="manager">{t(Msg::RoleName(StaffRole::Manager))}</option>
                            </select>
                        </div>
                    })}
                    <label class="field field-small">
                        <span class="field-label">{t(Msg::NewPinOptional)}</span>
                        <input type="password" name="staff_pin" inputmode="numeric" pattern="[0-9]{4,6}" maxlength="6"
                            autocomplete="new-password" bind:value=pin />
                    </label>
                    <button type="submit" class="button button-small">{t(Msg::SaveStaff)}</button>
                    <button type="button" class="button button-small button-quiet" on:click=move |_| editing.set(None)>
                        {t(Msg::Cancel)}
                    </button>
                </form>
            </Show>
        </li>
    }
}
