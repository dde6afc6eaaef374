//! The till's last 10 actions, with Undo for a cashier's own last action (for two minutes) and
//! Reverse, with a reason, for a manager or the owner. The rules are the server's
//! (`regulars_protocol::staff::may_reverse`); the server checks them again at push.
//!
//! The list lives in IndexedDB (`device` store, [`KEY`]), so it survives a reload and works
//! offline; a reversal made here goes through the outbox like a stamp.

use leptos::prelude::*;
use regulars_protocol::staff::{UNDO_WINDOW, may_reverse};
use regulars_protocol::wire::{HistoryEntry, StaffMember};
use regulars_protocol::{DeviceId, Event, EventBody, EventId, StaffRole};
use serde::{Deserialize, Serialize};

use super::TillContext;
use crate::clock;
use crate::components::feedback::ErrorAlert;
use crate::components::history::entry_text;
use crate::i18n::{Msg, t, time_of_day};
use crate::offline::Store;
use crate::state::AppState;

/// The `device` store key of the list.
const KEY: &str = "recent_actions";
/// How many actions the till shows.
pub(super) const KEPT: usize = 10;

/// This pairing's last actions, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Recent {
    device_id: Option<DeviceId>,
    events: Vec<Event>,
}

/// The last actions of the tablet's current pairing, newest first.
pub(super) async fn load(store: &Store) -> Vec<Event> {
    let Ok(Some(pairing)) = store.pairing().await else {
        return vec![];
    };
    match store.device_value::<Recent>(KEY).await {
        Ok(Some(recent)) if recent.device_id == Some(pairing.device_id) => recent.events,
        _ => vec![],
    }
}

/// Adds an action the till just made; returns the list as it is now.
pub(super) async fn remember(store: &Store, event: &Event) -> Vec<Event> {
    let mut events = load(store).await;
    events.retain(|e| e.id != event.id);
    events.insert(0, event.clone());
    events.truncate(KEPT);
    let recent = Recent {
        device_id: Some(event.device_id),
        events: events.clone(),
    };
    let _ = store.put_device_value(KEY, &recent).await;
    events
}

/// What the acting member may do with one of the listed actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Allowed {
    Nothing,
    Undo,
    Reverse,
}

/// The rules of `may_reverse`, as far as the tablet knows: its own list is the device's history.
fn allowed(
    events: &[Event],
    event: &Event,
    acting: Option<&StaffMember>,
    now: time::OffsetDateTime,
) -> Allowed {
    let Some(acting) = acting else {
        return Allowed::Nothing;
    };
    let reversed = events
        .iter()
        .any(|e| matches!(e.body, EventBody::Reversal { reverses, .. } if reverses == event.id));
    // A reversal undoes a change of the balance: an offer use that gave no stamps (a free
    // item, money off) has none to undo.
    if reversed
        || event.body.delta() == 0
        || matches!(
            event.body,
            EventBody::Reversal { .. } | EventBody::Adjustment { .. }
        )
    {
        return Allowed::Nothing;
    }
    let role = StaffRole::parse(&acting.role).unwrap_or(StaffRole::Cashier);
    let own = event.staff_id == Some(acting.id);
    let last = events
        .iter()
        .filter(|e| e.staff_id == Some(acting.id) && !matches!(e.body, EventBody::Reversal { .. }))
        .max_by_key(|e| e.device_seq)
        .is_some_and(|e| e.id == event.id);
    let elapsed = now - event.occurred_at;
    if own && last && elapsed <= UNDO_WINDOW {
        Allowed::Undo
    } else if may_reverse(role, own, last, elapsed).is_ok() {
        Allowed::Reverse
    } else {
        Allowed::Nothing
    }
}

#[component]
pub(super) fn RecentActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    // Undo goes away two minutes after an action: look again every few seconds.
    let now = RwSignal::new(clock::corrected_now());
    let tick = set_interval_with_handle(
        move || now.set(clock::corrected_now()),
        std::time::Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
    });
    Effect::new(move |_| {
        till.pairing.track();
        leptos::task::spawn_local(async move {
            if let Ok(store) = state.store().await {
                till.recent.try_set(load(&store).await);
            }
        });
    });
    let reversing = RwSignal::new(None::<EventId>);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let undo = move |event: Event, why: String| {
        let same_card = till
            .customer
            .with_untracked(|c| c.as_ref().map(|c| c.card_id))
            == Some(event.card_id);
        let body = EventBody::Reversal {
            reverses: event.id,
            delta: -event.body.delta(),
            reason: why,
        };
        till.record(state, event.card_id, body, move |balance| {
            if same_card {
                Msg::UndoneBalance(balance)
            } else {
                Msg::Undone
            }
        });
        reversing.set(None);
        reason.set(String::new());
        error.set(None);
    };

    let row = move |event: Event| {
        let (currency, rewards, staff, offers) = till.pairing.with_untracked(|p| match p {
            Some(p) => (
                p.till.shop.currency.clone(),
                p.till.program.rewards.clone(),
                p.till.staff.clone(),
                p.till.offers.clone(),
            ),
            None => Default::default(),
        });
        let reward_name = match &event.body {
            EventBody::RewardRedeemed { reward_id, .. } => rewards
                .iter()
                .find(|r| r.id == *reward_id)
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
        let what = super::offers::offer_line(&event.body, &offers)
            .unwrap_or_else(|| entry_text(&entry, &currency));
        let who = event
            .staff_id
            .and_then(|id| {
                staff
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| t(Msg::ByStaff(s.name.clone())))
            })
            .unwrap_or_default();
        let card = t(Msg::CardShortId(event.card_id.to_string()[..8].to_owned()));
        let id = event.id;
        let status = move || {
            let listed = till.recent.get();
            let is_undone = listed
                .iter()
                .any(|e| matches!(e.body, EventBody::Reversal { reverses, .. } if reverses == id));
            let can = allowed(&listed, &event, till.staff.get().as_ref(), now.get());
            (is_undone, can, event.clone())
        };
        view! {
            <li class="recent-item" data-testid="recent-action">
                <time class="recent-time">{time_of_day(entry.occurred_at)}</time>
                <span class="recent-what">{what}</span>
                <span class="recent-who muted">{card}" "{who}</span>
                {move || {
                    let (is_undone, can, event) = status();
                    if is_undone {
                        return view! { <span class="tag">{t(Msg::UndoneTag)}</span> }.into_any();
                    }
                    match can {
                        Allowed::Nothing => ().into_any(),
                        Allowed::Undo => view! {
                            <button type="button" class="button button-small" disabled=till.busy
                                on:click=move |_| undo(event.clone(), t(Msg::UndoReason))>{t(Msg::Undo)}</button>
                        }.into_any(),
                        Allowed::Reverse if reversing.get() == Some(id) => view! {
                            <form class="recent-reverse" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                ev.prevent_default();
                                let why = reason.get_untracked().trim().to_owned();
                                if why.is_empty() {
                                    error.set(Some(t(Msg::ReasonNeeded)));
                                } else {
                                    undo(event.clone(), why);
                                }
                            }>
                                <label class="field field-grow">
                                    <span class="field-label">{t(Msg::ReverseReason)}</span>
                                    <input type="text" name="reason" maxlength="200" autocomplete="off" bind:value=reason />
                                </label>
                                <button type="submit" class="button button-small button-danger" disabled=till.busy>{t(Msg::ConfirmReverse)}</button>
                            </form>
                        }.into_any(),
                        Allowed::Reverse => view! {
                            <button type="button" class="button button-small"
                                on:click=move |_| { error.set(None); reason.set(String::new()); reversing.set(Some(id)); }>
                                {t(Msg::Reverse)}
                            </button>
                        }.into_any(),
                    }
                }}
            </li>
        }
    };

    view! {
        <section class="recent" aria-labelledby="recent-heading">
            <h2 id="recent-heading">{t(Msg::RecentHeading)}</h2>
            <ErrorAlert message=error />
            {move || {
                let events = till.recent.get();
                if events.is_empty() {
                    return view! { <p class="muted">{t(Msg::RecentEmpty)}</p> }.into_any();
                }
                view! {
                    <ul class="recent-list">
                        <For each=move || till.recent.get() key=|e| e.id children=row />
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regulars_protocol::{CardId, StaffId};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn member(role: &str) -> StaffMember {
        StaffMember {
            id: StaffId::random(),
            name: "Bo".into(),
            role: role.into(),
            pin_hash: None,
            has_pin: false,
        }
    }

    fn stamp(by: &StaffMember, seq: i64, at: time::OffsetDateTime) -> Event {
        Event {
            id: EventId(uuid::Uuid::new_v4()),
            card_id: CardId::random(),
            device_id: DeviceId::random(),
            device_seq: seq,
            staff_id: Some(by.id),
            occurred_at: at,
            body: EventBody::StampsIssued {
                count: 1,
                amount_minor: None,
                category: None,
            },
            code: None,
            staff_proof: None,
            origin: regulars_protocol::Origin::Till,
            scanned_at: None,
        }
    }

    #[wasm_bindgen_test]
    fn a_cashier_may_undo_only_their_own_last_action_for_two_minutes() {
        let now = time::OffsetDateTime::now_utc();
        let (bo, cy, boss) = (member("cashier"), member("cashier"), member("manager"));
        let first = stamp(&bo, 1, now - time::Duration::seconds(30));
        let last = stamp(&bo, 2, now - time::Duration::seconds(10));
        let theirs = stamp(&cy, 3, now);
        let events = vec![theirs.clone(), last.clone(), first.clone()];
        assert_eq!(allowed(&events, &last, Some(&bo), now), Allowed::Undo);
        assert_eq!(allowed(&events, &first, Some(&bo), now), Allowed::Nothing);
        assert_eq!(allowed(&events, &theirs, Some(&bo), now), Allowed::Nothing);
        assert_eq!(
            allowed(&events, &last, Some(&bo), now + time::Duration::minutes(3)),
            Allowed::Nothing
        );
        assert_eq!(allowed(&events, &first, Some(&boss), now), Allowed::Reverse);
        assert_eq!(allowed(&events, &first, None, now), Allowed::Nothing);
    }

    #[wasm_bindgen_test]
    fn an_offer_use_is_undone_only_when_it_gave_stamps() {
        let now = time::OffsetDateTime::now_utc();
        let bo = member("cashier");
        let offer = |count, seq| Event {
            body: EventBody::OfferUsed {
                offer_id: regulars_protocol::OfferId(uuid::Uuid::from_u128(7)),
                offer_version: 1,
                count,
                offline: false,
            },
            ..stamp(&bo, seq, now - time::Duration::seconds(5))
        };
        let free_item = offer(0, 1);
        assert_eq!(
            allowed(std::slice::from_ref(&free_item), &free_item, Some(&bo), now),
            Allowed::Nothing
        );
        let extra = offer(2, 2);
        assert_eq!(
            allowed(&[extra.clone(), free_item], &extra, Some(&bo), now),
            Allowed::Undo
        );
    }
}
