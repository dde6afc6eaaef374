//! The customer in front of the cashier and what can be done for them.

use leptos::html;
use leptos::prelude::*;
use regulars_protocol::program::{minor_digits, parse_money};
use regulars_protocol::{CardId, EventBody, OfferId, Program, ProgramKind};

use super::offers::{OfferList, RegularNote, armed_view, category_name, gift_text};
use super::{Source, TillContext};
use crate::i18n::{Category, Msg, t};

/// The category picked for the next purchase: one of the shop's ids.
type Picked = RwSignal<Option<String>>;
use crate::state::AppState;

/// The program the till knows (refreshed at start, kept when offline).
fn program(till: &TillContext) -> Option<(Program, String)> {
    till.pairing.with(|p| {
        p.as_ref()
            .map(|p| (p.till.program.clone(), p.till.shop.currency.clone()))
    })
}

#[component]
pub(super) fn CustomerPanel(card_id: CardId) -> impl IntoView {
    let till = expect_context::<TillContext>();
    let name = move || {
        till.customer
            .with(|c| c.as_ref().and_then(|c| c.first_name.clone()))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| t(Msg::Member))
    };
    let kind = Memo::new(move |_| program(&till).map(|(p, _)| p.kind).unwrap_or_default());
    let source = move || till.customer.with(|c| c.as_ref().map(|c| c.source));
    let category: Picked = RwSignal::new(None);
    // A points multiplier the cashier applied: the next points entry uses it.
    let armed = RwSignal::new(None::<OfferId>);
    // After a category tap, the cursor goes back to the one next action.
    let amount_input = NodeRef::<html::Input>::new();
    let give_button = NodeRef::<html::Button>::new();
    let focus_action = Callback::new(move |()| {
        if let Some(input) = amount_input.get_untracked() {
            let _ = input.focus();
        } else if let Some(button) = give_button.get_untracked() {
            let _ = button.focus();
        }
    });

    view! {
        <div class="customer" aria-live="polite">
            <div class="customer-summary">
                <p class="customer-name" data-testid="customer-name">{name}</p>
                <RegularNote />
                <p class="customer-balance">
                    <span class="balance-label">{t(Msg::Balance)}": "</span>
                    <span class="balance-number" data-testid="customer-balance">{move || till.balance.get()}</span>
                    " "
                    <span class="balance-unit">{move || t(Msg::Unit(kind.get(), till.balance.get()))}</span>
                </p>
                {move || till.customer.with(|c| c.as_ref().map(|c| c.check)).map(|check| view! {
                    <p class=format!("customer-check customer-check-{check:?}").to_lowercase() data-testid="code-check">
                        {t(Msg::CodeCheckNote(check))}
                    </p>
                })}
                {move || match source() {
                    Some(Source::Directory) => Some(view! {
                        <p class="customer-note" data-testid="offline-balance-note">{t(Msg::OfflineLastKnown)}</p>
                    }.into_any()),
                    Some(Source::Unknown) => Some(view! {
                        <p class="customer-note customer-note-unknown" data-testid="offline-balance-note">{t(Msg::NotInDirectory)}</p>
                    }.into_any()),
                    _ => None,
                }}
            </div>
            {move || match kind.get() {
                ProgramKind::Stamps => view! { <GiveStamps card_id category give_button /> }.into_any(),
                ProgramKind::Points => view! { <AddPoints card_id category amount_input armed /> }.into_any(),
            }}
            <CategoryChips category on_pick=focus_action />
            <OfferList card_id armed category on_armed=focus_action />
            <RedeemButtons card_id />
            <button type="button" class="button button-wide" on:click=move |_| till.next_customer()>
                {t(Msg::NextCustomer)}
            </button>
        </div>
    }
}

#[component]
fn GiveStamps(
    card_id: CardId,
    category: Picked,
    give_button: NodeRef<html::Button>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let per_visit = program(&till)
        .map(|(p, _)| p.stamps_per_visit)
        .unwrap_or(1)
        .clamp(1, 50);
    let count = RwSignal::new(per_visit);
    // What was bought, if the cashier types it: optional, never in the way of the one tap.
    let amount = RwSignal::new(String::new());
    let invalid = RwSignal::new(None::<String>);

    Effect::new(move |_| {
        if let Some(button) = give_button.get() {
            let _ = button.focus();
        }
    });

    let give = move |_| {
        let n = count.get_untracked();
        let typed = amount.get_untracked();
        let amount_minor = if typed.trim().is_empty() {
            None
        } else {
            let currency = program(&till).map(|(_, c)| c).unwrap_or_default();
            match parse_money(&typed, &currency).filter(|m| *m > 0) {
                Some(minor) => Some(minor),
                None => {
                    invalid.set(Some(t(Msg::InvalidAmount)));
                    return;
                }
            }
        };
        invalid.set(None);
        let body = EventBody::StampsIssued {
            count: n,
            amount_minor,
            category: category.get_untracked(),
        };
        till.record(state, card_id, body, move |balance| Msg::StampsGiven {
            count: n,
            balance,
        });
        count.set(per_visit);
        amount.set(String::new());
        category.set(None);
    };

    view! {
        <div class="till-action">
            <div class="stepper">
                <button
                    type="button"
                    class="button stepper-button"
                    aria-label=t(Msg::FewerStamps)
                    disabled=move || { count.get() <= 1 }
                    on:click=move |_| count.update(|n| *n = (*n - 1).max(1))
                >
                    "−"
                </button>
                <span class="stepper-count" data-testid="stamp-count" aria-live="polite">{count}</span>
                <button
                    type="button"
                    class="button stepper-button"
                    aria-label=t(Msg::MoreStamps)
                    disabled=move || { count.get() >= 50 }
                    on:click=move |_| count.update(|n| *n = (*n + 1).min(50))
                >
                    "+"
                </button>
            </div>
            <button
                type="button"
                class="button button-primary button-huge"
                node_ref=give_button
                disabled=till.busy
                on:click=give
            >
                {move || t(Msg::GiveStamps(count.get()))}
            </button>
            <label class="field field-optional">
                <span class="field-label">{t(Msg::PurchaseAmountOptional)}</span>
                <input
                    type="text"
                    name="stamp-amount"
                    inputmode="decimal"
                    autocomplete="off"
                    bind:value=amount
                />
            </label>
            <crate::components::feedback::ErrorAlert message=invalid />
        </div>
    }
}

#[component]
fn AddPoints(
    card_id: CardId,
    category: Picked,
    amount_input: NodeRef<html::Input>,
    /// A multiplying offer applied for this purchase.
    armed: RwSignal<Option<OfferId>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let amount = RwSignal::new(String::new());
    let invalid = RwSignal::new(None::<String>);
    let offer = Memo::new(move |_| armed_view(&till, armed.get()));

    Effect::new(move |_| {
        if let Some(input) = amount_input.get() {
            let _ = input.focus();
        }
    });

    // (amount in minor units, points) for what is typed, if it is an amount: the program's
    // points, multiplied by the armed offer when it counts for the picked category.
    let parsed = Memo::new(move |_| {
        let (program, currency) = program(&till)?;
        let minor = parse_money(&amount.read(), &currency)?;
        let base = program.points_for(minor, minor_digits(&currency));
        let picked = category.read();
        Some((
            minor,
            offer.with(|o| {
                o.as_ref()
                    .map_or(base, |o| o.gift.points(base, picked.as_deref()))
            }),
        ))
    });
    // The armed offer, if it multiplies a purchase in `picked` (a category multiplier: its
    // own category only).
    let multiplying = move |picked: Option<String>| {
        offer
            .get_untracked()
            .filter(|o| o.gift.multiplier(picked.as_deref()).is_some())
    };

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((program, _)) = program(&till) else {
            return;
        };
        let Some((amount_minor, points)) = parsed.get_untracked().filter(|(minor, _)| *minor > 0)
        else {
            invalid.set(Some(t(Msg::InvalidAmount)));
            return;
        };
        invalid.set(None);
        // The points event names a multiplying offer; one that does not count for this
        // purchase's category stays armed.
        let used = multiplying(category.get_untracked());
        let body = EventBody::PointsEarned {
            amount_minor,
            points,
            program_version: program.version,
            category: category.get_untracked(),
            offer_id: used.as_ref().map(|o| o.id),
            offer_version: used.as_ref().map(|o| o.version),
        };
        match used {
            Some(offer) => {
                let title = offer.title;
                till.record(state, card_id, body, move |balance| {
                    Msg::TillOfferPointsAdded {
                        points,
                        title,
                        balance,
                    }
                });
                armed.set(None);
            }
            None => till.record(state, card_id, body, move |balance| Msg::PointsAdded {
                points,
                balance,
            }),
        }
        amount.set(String::new());
        category.set(None);
    };
    // "x2 points on this purchase", or why the armed offer does not count.
    let offer_note = move || {
        let offer = offer.get()?;
        let program = program(&till);
        let (program, currency) = match &program {
            Some((p, c)) => (Some(p), c.as_str()),
            None => (None, ""),
        };
        let text = match &offer.gift {
            regulars_protocol::offers::Gift::CategoryMultiplier {
                category: wanted, ..
            } if category.read().as_deref() != Some(wanted.as_str()) => t(
                Msg::TillOfferNotThisCategory(category_name(program, wanted)),
            ),
            gift => t(Msg::TillOfferOnPurchase(gift_text(gift, program, currency))),
        };
        Some(view! {
            <div class="till-offer-armed" data-testid="offer-armed">
                <p class="till-offer-armed-text">{text}</p>
                <button type="button" class="button button-small" on:click=move |_| armed.set(None)>
                    {t(Msg::TillOfferClear)}
                </button>
            </div>
        })
    };

    view! {
        <form class="till-action points-form" on:submit=add>
            <label class="field field-grow">
                <span class="field-label">{t(Msg::PurchaseAmount)}</span>
                <input
                    type="text"
                    name="amount"
                    inputmode="decimal"
                    autocomplete="off"
                    node_ref=amount_input
                    bind:value=amount
                />
            </label>
            {offer_note}
            <p class="points-preview" aria-live="polite">
                {move || parsed.get().map(|(_, points)| t(Msg::PointsPreview(points)))}
            </p>
            <crate::components::feedback::ErrorAlert message=invalid />
            <button type="submit" class="button button-primary button-huge" disabled=till.busy>
                {t(Msg::AddPoints)}
            </button>
        </form>
    }
}

/// The shop's own categories as one-tap chips (a till program from before shops named theirs
/// shows the five starting ones).
#[component]
fn CategoryChips(category: Picked, on_pick: Callback<()>) -> impl IntoView {
    let till = expect_context::<TillContext>();
    let chips = move || {
        let named = program(&till)
            .map(|(p, _)| p.categories)
            .unwrap_or_default();
        if named.is_empty() {
            Category::ALL
                .into_iter()
                .map(|c| (c.tag().to_owned(), t(Msg::CategoryName(c))))
                .collect::<Vec<_>>()
        } else {
            named.into_iter().map(|c| (c.id, c.name)).collect()
        }
    };
    view! {
        <div class="chips" role="group" aria-label=t(Msg::CategoryLabel)>
            {move || chips()
                .into_iter()
                .map(|(id, name)| {
                    let mine = id.clone();
                    let pressed = move || category.with(|c| c.as_deref() == Some(mine.as_str()));
                    view! {
                        <button
                            type="button"
                            class="chip"
                            aria-pressed=move || pressed().to_string()
                            on:click=move |_| {
                                category.update(|current| {
                                    *current = if current.as_deref() == Some(id.as_str()) {
                                        None
                                    } else {
                                        Some(id.clone())
                                    };
                                });
                                on_pick.run(());
                            }
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn RedeemButtons(card_id: CardId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let affordable = move || {
        let balance = till.balance.get();
        program(&till)
            .map(|(p, _)| {
                p.active_rewards()
                    .filter(|r| r.cost <= balance)
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // Redemption is online by default: the server checks and debits the balance. Rewards the
    // owner allows offline go to the outbox like stamps, marked as offline redemptions.
    let offline = move || !till.status.online.get();
    let offline_ok = move |reward: &regulars_protocol::Reward| {
        program(&till).is_some_and(|(p, _)| p.redeemable_offline(reward))
    };
    let note_id = "redeem-offline-note";
    // Rewards need the card's own live code: not a printed card, not an unchecked one.
    let can_redeem = move || {
        till.customer
            .with(|c| c.as_ref().is_some_and(|c| c.check.can_redeem()))
    };
    view! {
        <div class="redeem">
            <Show when=move || !can_redeem() && !affordable().is_empty()>
                <p class="redeem-note" data-testid="redeem-needs-phone">{t(Msg::RedeemNeedsPhone)}</p>
            </Show>
            {move || {
                if !can_redeem() {
                    return Vec::new().collect_view();
                }
                affordable()
                    .into_iter()
                    .map(|reward| {
                        let name = reward.name.clone();
                        let allowed_offline = offline_ok(&reward);
                        let redeem = move |_| {
                            if offline() && allowed_offline {
                                let body = EventBody::RewardRedeemed { reward_id: reward.id, cost: reward.cost, offline: true };
                                let reward = reward.name.clone();
                                till.record(state, card_id, body, move |balance| Msg::RewardRedeemed { reward, balance });
                            } else {
                                let body = EventBody::RewardRedeemed { reward_id: reward.id, cost: reward.cost, offline: false };
                                till.redeem(state, card_id, body, reward.name.clone());
                            }
                        };
                        view! {
                            <button
                                type="button"
                                class="button button-reward"
                                disabled=move || till.busy.get() || till.checking.get() || (offline() && !allowed_offline)
                                aria-describedby=move || (offline() && !allowed_offline).then_some(note_id)
                                on:click=redeem
                            >
                                {t(Msg::Redeem(name))}
                            </button>
                        }
                    })
                    .collect_view()
            }}
            <Show when=move || offline() && affordable().iter().any(|r| !offline_ok(r))>
                <p class="redeem-note" id=note_id>{t(Msg::RedeemNeedsConnection)}</p>
            </Show>
        </div>
    }
}
