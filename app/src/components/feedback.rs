//! Error and status lines.

use leptos::prelude::*;

/// A `role="alert"` line, shown only when there is a message.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.read().is_some()>
            <p role="alert" class="alert">{move || message.get().unwrap_or_default()}</p>
        </Show>
    }
}

/// A `role="status"` line, shown only when there is a message.
#[component]
pub fn StatusLine(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.read().is_some()>
            <p role="status" class="status">{move || message.get().unwrap_or_default()}</p>
        </Show>
    }
}
