//! A card's recovery code, shown once after joining or moving the card, with a "Done" button.

use leptos::prelude::*;

use crate::i18n::{Msg, t};

/// The recovery code in large type, what it is for, and "Done".
#[component]
pub fn RecoveryCodeNotice(
    /// The code, `XXXX-XXXX-XXXX`.
    code: String,
    /// A sentence before the code (for example: the old code no longer works).
    #[prop(optional)]
    intro: Option<String>,
    /// What "Done" does (open the card).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H2>::new();
    // The notice replaces the button just pressed: the focus moves to it, so a screen reader
    // reads it from its heading.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <section class="recovery-notice" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading" tabindex="-1" node_ref=heading>{t(Msg::RecoveryHeading)}</h2>
            {intro.map(|text| view! { <p>{text}</p> })}
            <p class="recovery-lead">{t(Msg::RecoveryWriteDown)}</p>
            <p class="recovery-code" data-testid="recovery-code">{code}</p>
            <p class="muted">{t(Msg::RecoveryKeepPrivate)}</p>
            <button type="button" class="button button-primary button-wide" on:click=move |_| on_done.run(())>
                {t(Msg::Done)}
            </button>
        </section>
    }
}
