//! The recommend question under the card's QR: "How likely are you to recommend {shop} to a
//! friend?", 0 to 10 as one row of radio buttons, an optional comment and "Not now". It never
//! covers the code; the page decides when it shows and what an answer does.

use leptos::prelude::*;
use regulars_protocol::nps::{MAX_COMMENT_CHARS, MAX_SCORE};

use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};

/// The question. `on_answer` gets the score and the comment (empty: none); `error` shows the
/// phone's or the server's refusal in words.
#[component]
pub fn NpsQuestion(
    shop_name: String,
    on_answer: Callback<(i64, String)>,
    on_dismiss: Callback<()>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let picked = RwSignal::new(None::<i64>);
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(None::<String>);
    let count = move || comment.read().chars().count();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match picked.get_untracked() {
            Some(score) => {
                missing.set(None);
                on_answer.run((score, comment.get_untracked()));
            }
            None => missing.set(Some(t(Msg::NpsPickScore))),
        }
    };
    view! {
        <form class="nps" on:submit=submit aria-labelledby="nps-question">
            <fieldset class="nps-scale">
                <legend id="nps-question">{t(Msg::NpsQuestion(shop_name))}</legend>
                <div class="nps-options">
                    {(0..=MAX_SCORE)
                        .map(|score| {
                            view! {
                                <label class="nps-option">
                                    <input
                                        type="radio"
                                        name="nps-score"
                                        value=score
                                        prop:checked=move || picked.get() == Some(score)
                                        on:change=move |_| picked.set(Some(score))
                                    />
                                    <span>{score}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
                <p class="nps-ends" aria-hidden="true">
                    <span>{t(Msg::NpsNotLikely)}</span>
                    <span>{t(Msg::NpsVeryLikely)}</span>
                </p>
            </fieldset>
            <label class="field">
                <span>{t(Msg::NpsCommentLabel)}</span>
                <textarea
                    name="nps-comment"
                    rows="3"
                    maxlength=MAX_COMMENT_CHARS
                    prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))
                ></textarea>
                <span class="hint">{move || t(Msg::NpsCommentCount(count(), MAX_COMMENT_CHARS))}</span>
            </label>
            <ErrorAlert message=missing />
            <ErrorAlert message=error />
            <div class="nps-actions">
                <button type="submit" class="button button-primary">{t(Msg::NpsSend)}</button>
                <button type="button" class="button" on:click=move |_| on_dismiss.run(())>
                    {t(Msg::NpsNotNow)}
                </button>
            </div>
        </form>
    }
}
