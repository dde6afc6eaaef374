//! The till's sync status (always on screen) and the outbox a manager can open: events waiting
//! to be pushed and events the server refused, with its reason.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::HistoryEntry;
use regulars_protocol::{CardId, Event, EventBody};
use time::OffsetDateTime;

use super::TillContext;
use crate::components::history::entry_text;
use crate::i18n::{self, Msg, t};
use crate::state::AppState;

/// One line of the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OutboxRow {
    key: String,
    at: OffsetDateTime,
    who: String,
    what: String,
    status: RowStatus,
}

/// Where a line of the outbox stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RowStatus {
    Waiting,
    /// The server failed on it when it was sent alone: tried again later, with its message.
    Held(String),
    /// Refused by the server (or unreadable), with the reason.
    Refused(String),
}

/// "Online · 3 to sync · Outbox".
#[component]
pub(super) fn SyncBar() -> impl IntoView {
    let till = expect_context::<TillContext>();
    let status = till.status;
    let open = RwSignal::new(false);
    let online = move || status.online.get();

    view! {
        <div class="sync-bar" class:sync-offline=move || !online()>
            <p class="sync-summary" aria-live="polite">
                <span class="sync-dot" aria-hidden="true"></span>
                <span class="sync-state" data-testid="sync-status">
                    {move || if online() { t(Msg::Online) } else { t(Msg::Offline) }}
                </span>
                <span class="sync-sep" aria-hidden="true">" · "</span>
                <span class="sync-count" data-testid="unsynced-count">
                    {move || t(Msg::ToSync(status.unsynced.get()))}
                </span>
                <Show when=move || status.held.with(|held| !held.is_empty())>
                    <span class="sync-sep" aria-hidden="true">" · "</span>
                    <span class="sync-held" data-testid="held-count">
                        {move || t(Msg::HeldCount(status.held.with(Vec::len) as u32))}
                    </span>
                </Show>
                <Show when=move || { status.rejected.get() > 0 }>
                    <span class="sync-sep" aria-hidden="true">" · "</span>
                    <span class="sync-rejected" data-testid="rejected-count">
                        {move || t(Msg::RejectedCount(status.rejected.get()))}
                    </span>
                </Show>
            </p>
            <button
                type="button"
                class="button button-small sync-outbox-button"
                aria-expanded=move || open.get().to_string()
                aria-controls="outbox-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {t(Msg::Outbox)}
            </button>
        </div>
        <Show when=move || open.get()>
            <OutboxPanel on_close=Callback::new(move |()| open.set(false)) />
        </Show>
    }
}

#[component]
fn OutboxPanel(on_close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let rows = RwSignal::new(None::<Result<Vec<OutboxRow>, String>>);

    // Reload whenever the outbox changes (a stamp given, a push answered).
    Effect::new(move |_| {
        till.status.revision.track();
        till.status.held.track();
        let program = till.pairing.with_untracked(|p| {
            p.as_ref()
                .map(|p| (p.till.program.clone(), p.till.shop.currency.clone()))
        });
        let offers = till
            .pairing
            .with_untracked(|p| p.as_ref().map(|p| p.till.offers.clone()))
            .unwrap_or_default();
        let held = till.status.held.get_untracked();
        spawn_local(async move {
            let loaded = load_rows(state, program, offers, held).await;
            rows.try_set(Some(loaded));
        });
    });

    view! {
        <section id="outbox-panel" class="outbox" aria-labelledby="outbox-heading">
            <header class="outbox-header">
                <h2 id="outbox-heading">{t(Msg::OutboxTitle)}</h2>
                <button type="button" class="button button-small" on:click=move |_| on_close.run(())>
                    {t(Msg::CloseOutbox)}
                </button>
            </header>
            <p class="muted outbox-intro">{t(Msg::OutboxIntro)}</p>
            {move || match rows.get() {
                None => view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any(),
                Some(Err(message)) => view! { <p role="alert" class="alert">{message}</p> }.into_any(),
                Some(Ok(rows)) if rows.is_empty() => {
                    view! { <p class="muted" data-testid="outbox-empty">{t(Msg::OutboxEmpty)}</p> }.into_any()
                }
                Some(Ok(rows)) => view! {
                    <ul class="outbox-list">
                        <For each=move || rows.clone() key=|row| row.key.clone() let:row>
                            <OutboxItem row />
                        </For>
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn OutboxItem(row: OutboxRow) -> impl IntoView {
    let rejected = matches!(row.status, RowStatus::Refused(_));
    let status = match row.status {
        RowStatus::Refused(reason) => t(Msg::RejectedBecause(reason)),
        RowStatus::Held(reason) => t(Msg::HeldBecause(reason)),
        RowStatus::Waiting => t(Msg::WaitingToSync),
    };
    view! {
        <li class="outbox-item" class:outbox-item-rejected=rejected data-testid="outbox-item">
            <time class="outbox-time" datetime=row.at.unix_timestamp().to_string()>
                {i18n::time_of_day(row.at)}
            </time>
            <span class="outbox-who">{row.who}</span>
            <span class="outbox-what">{row.what}</span>
            <span class="outbox-status">{status}</span>
        </li>
    }
}

/// Pending events (oldest first), then refused ones (newest first).
async fn load_rows(
    state: AppState,
    program: Option<(regulars_protocol::Program, String)>,
    offers: Vec<regulars_protocol::offers::OfferView>,
    held: Vec<(regulars_protocol::EventId, String)>,
) -> Result<Vec<OutboxRow>, String> {
    let storage = |e: crate::offline::OfflineError| t(Msg::StorageFailed(e.to_string()));
    let store = state.store().await.map_err(storage)?;
    let pending = store.outbox().await.map_err(storage)?;
    let rejected = store.rejected().await.map_err(storage)?;
    let names: std::collections::HashMap<CardId, Option<String>> = store
        .directory()
        .await
        .map_err(storage)?
        .into_iter()
        .map(|c| (c.card_id, c.first_name))
        .collect();
    let (program, currency) = match program {
        Some((program, currency)) => (Some(program), currency),
        None => (None, String::new()),
    };
    let row = |event: &Event, status: RowStatus| {
        let who = names
            .get(&event.card_id)
            .cloned()
            .flatten()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| short_id(event.card_id));
        let reward_name = match &event.body {
            EventBody::RewardRedeemed { reward_id, .. } => program
                .as_ref()
                .and_then(|p| p.rewards.iter().find(|r| r.id == *reward_id))
                .map(|r| r.name.clone()),
            _ => None,
        };
        let entry = HistoryEntry {
            id: event.id,
            seq: 0,
            occurred_at: event.occurred_at,
            body: event.body.clone(),
            reward_name,
        };
        OutboxRow {
            key: format!("{}-{}", event.id, matches!(status, RowStatus::Refused(_))),
            at: event.occurred_at,
            who,
            what: super::offers::offer_line(&event.body, &offers)
                .unwrap_or_else(|| entry_text(&entry, &currency)),
            status,
        }
    };
    let mut rows: Vec<OutboxRow> = pending
        .iter()
        .map(|e| {
            let status = held
                .iter()
                .find(|(id, _)| *id == e.id)
                .map_or(RowStatus::Waiting, |(_, reason)| {
                    RowStatus::Held(reason.clone())
                });
            row(e, status)
        })
        .collect();
    rows.extend(rejected.iter().map(|r| {
        match &r.event {
            Some(event) => row(event, RowStatus::Refused(r.reason.clone())),
            // A record that no longer read as an event: shown as found, for the manager.
            None => OutboxRow {
                key: format!("{}-unreadable", r.id),
                at: r.rejected_at,
                who: t(Msg::UnreadableRecord),
                what: r
                    .raw
                    .clone()
                    .unwrap_or_default()
                    .chars()
                    .take(120)
                    .collect(),
                status: RowStatus::Refused(r.reason.clone()),
            },
        }
    }));
    Ok(rows)
}

/// The first characters of a card id, for a member without a name.
fn short_id(id: CardId) -> String {
    let text = id.to_string();
    t(Msg::CardShortId(text.chars().take(8).collect()))
}
