//! `/admin/reset`: a new password with the one-time code whoever runs the server printed
//! (`regulars-server reset-password EMAIL`). The printed link carries the code in the fragment
//! (`#code=...`, never sent to the server); the page reads it once and takes it out of the
//! address bar so it stays neither in the history nor on screen after a reload. On success the
//! owner is logged in and lands on the dashboard.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use regulars_protocol::ErrorCode;
use regulars_protocol::wire::PasswordReset;

use crate::api::{self, ApiError};
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, OwnerMsg, t, to};
use crate::state::{AppState, OwnerSession};

/// The fewest characters the server takes for a password.
const MIN_PASSWORD_CHARS: usize = 10;

/// The code in a fragment such as `#code=ABCD-EFGH-JKMN-PQRS` (other parameters may stand beside
/// it), or `None`.
fn code_in_fragment(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix("code="))
        .map(|value| {
            js_sys::decode_uri_component(value)
                .map(String::from)
                .unwrap_or_else(|_| value.to_owned())
        })
        .map(|code| code.trim().to_owned())
        .filter(|code| !code.is_empty())
}

/// The code from the address's fragment, read once; the fragment leaves the address bar (and
/// the history entry) at once, without a navigation.
fn take_code_from_address() -> Option<String> {
    let window = window();
    let location = window.location();
    let fragment = location.hash().ok()?;
    if fragment.is_empty() {
        return None;
    }
    let code = code_in_fragment(&fragment);
    let without_fragment = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&without_fragment));
    }
    code
}

/// What to tell the owner when the reset was refused.
fn reset_error_message(err: &ApiError) -> String {
    match err {
        ApiError::Api { body, .. } if body.code == ErrorCode::InvalidResetCode => {
            to(OwnerMsg::ResetCodeWrong)
        }
        ApiError::Api { status: 429, .. } => t(Msg::TooManyTries),
        other => other.user_message(),
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let code = RwSignal::new(take_code_from_address().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked().trim().to_owned();
        if typed.is_empty() {
            error.set(Some(to(OwnerMsg::ResetCodeEmpty)));
            return;
        }
        if password.get_untracked().chars().count() < MIN_PASSWORD_CHARS {
            error.set(Some(t(Msg::PasswordTooShort)));
            return;
        }
        busy.set(true);
        error.set(None);
        let body = PasswordReset {
            code: typed,
            new_password: password.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::reset_password(&body).await {
                Ok(shop) => {
                    state.owner.set(OwnerSession::LoggedIn(Box::new(shop)));
                    navigate("/admin", Default::default());
                }
                Err(err) => {
                    error.set(Some(reset_error_message(&err)));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <section class="page page-narrow reset">
            <h1>{to(OwnerMsg::ResetTitle)}</h1>
            <p class="muted">{to(OwnerMsg::ResetIntro)}</p>
            <form class="form" on:submit=submit>
                <div class="field">
                    <label class="field-label" for="reset-code">{to(OwnerMsg::ResetCode)}</label>
                    <input
                        id="reset-code"
                        type="text"
                        name="code"
                        class="recovery-input"
                        autocomplete="one-time-code"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="40"
                        required
                        aria-describedby="reset-code-hint"
                        bind:value=code
                    />
                    <span class="field-hint" id="reset-code-hint">{to(OwnerMsg::ResetCodeHint)}</span>
                </div>
                <label class="field">
                    <span class="field-label">{t(Msg::NewPassword)}</span>
                    <input
                        type="password"
                        name="new_password"
                        autocomplete="new-password"
                        minlength="10"
                        required
                        bind:value=password
                    />
                </label>
                <ErrorAlert message=error />
                <button type="submit" class="button button-primary" disabled=busy>
                    {to(OwnerMsg::SetNewPassword)}
                </button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::code_in_fragment;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_code_is_read_from_the_fragment() {
        assert_eq!(
            code_in_fragment("#code=ABCD-EFGH-JKMN-PQRS").as_deref(),
            Some("ABCD-EFGH-JKMN-PQRS")
        );
        assert_eq!(
            code_in_fragment("#x=1&code=abcd%20efgh").as_deref(),
            Some("abcd efgh")
        );
        assert_eq!(code_in_fragment("#code="), None);
        assert_eq!(code_in_fragment("#other=1"), None);
        assert_eq!(code_in_fragment(""), None);
    }
}
