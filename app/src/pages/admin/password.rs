//! The owner's "Change password" panel: the current password and a new one. The server ends
//! every other session of the owner.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::PasswordChange;

use crate::api;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};

#[component]
pub(super) fn PasswordPanel() -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if new.get_untracked().chars().count() < 10 {
            error.set(Some(t(Msg::PasswordTooShort)));
            return;
        }
        busy.set(true);
        error.set(None);
        done.set(false);
        let body = PasswordChange {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        spawn_local(async move {
            match api::change_password(&body).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    done.set(true);
                }
                Err(err) => error.set(Some(err.user_message())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">{t(Msg::ChangePassword)}</h2>
            <form class="form" on:submit=submit>
                <label class="field">
                    <span>{t(Msg::CurrentPassword)}</span>
                    <input type="password" autocomplete="current-password" required
                        prop:value=current on:input=move |ev| current.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{t(Msg::NewPassword)}</span>
                    <input type="password" autocomplete="new-password" required minlength="10"
                        prop:value=new on:input=move |ev| new.set(event_target_value(&ev)) />
                </label>
                <ErrorAlert message=error />
                <Show when=move || done.get()>
                    <p role="status" class="notice">{t(Msg::PasswordChanged)}</p>
                </Show>
                <button type="submit" class="button" disabled=move || busy.get()>{t(Msg::ChangePassword)}</button>
            </form>
        </section>
    }
}
