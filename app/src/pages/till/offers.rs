//! Offers at the till: the ones the customer on screen can use now (the till program's active
//! offers joined with the card's own, from the lookup or, offline, the card directory), applied
//! with one tap; and the one line a good barista remembers about the customer.
//!
//! A free item, money off or extra stamps is an `OfferUsed` event through the outbox, like a
//! stamp. A points multiplier is armed instead: the next points entry names the offer and its
//! points are multiplied (`Gift::points`, which the server computes again).

use leptos::prelude::*;
use regulars_protocol::offers::{CardOffer, Gift, OfferView, RegularLine};
use regulars_protocol::{CardId, EventBody, OfferId, Program, ProgramKind};
use time::OffsetDateTime;

use super::TillContext;
use crate::clock;
use crate::i18n::{Category, Msg, t};
use crate::state::AppState;

/// An offer the customer can use now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Usable {
    pub(super) view: OfferView,
    /// The member saved it on their phone (and the save reached the server).
    pub(super) saved: bool,
}

/// Whether an offer's gift applies in a program of this kind: extra stamps to stamps, a
/// multiplier to points, the rest to both.
fn fits(gift: &Gift, kind: ProgramKind) -> bool {
    match gift {
        Gift::ExtraStamps { .. } => kind == ProgramKind::Stamps,
        gift if gift.multiplies() => kind == ProgramKind::Points,
        _ => true,
    }
}

/// The offers a card can use at `now`: the shop's active ones (`shop`) the card holds, usable
/// at this time, whose gift fits the program, with uses left once this tablet's waiting uses
/// (`pending`, one entry a use) are counted. Saved ones first, otherwise in the server's order.
pub(super) fn usable(
    shop: &[OfferView],
    card: &[CardOffer],
    pending: &[OfferId],
    kind: ProgramKind,
    now: OffsetDateTime,
) -> Vec<Usable> {
    let mut found: Vec<Usable> = card
        .iter()
        .filter_map(|held| {
            let view = shop.iter().find(|v| v.id == held.offer_id)?;
            let waiting = pending.iter().filter(|id| **id == held.offer_id).count() as i64;
            let left = view.uses_per_member - held.used.max(0) - waiting;
            (left > 0 && view.usable_at(now) && fits(&view.gift, kind)).then(|| Usable {
                view: view.clone(),
                saved: held.saved,
            })
        })
        .collect();
    found.sort_by_key(|u| !u.saved);
    found
}

/// The name of a category id: the shop's own, else one of the starting five, else the id.
pub(super) fn category_name(program: Option<&Program>, id: &str) -> String {
    if let Some(named) = program.and_then(|p| p.categories.iter().find(|c| c.id == id)) {
        return named.name.clone();
    }
    Category::ALL
        .into_iter()
        .find(|c| c.tag() == id)
        .map_or_else(|| id.to_owned(), |c| t(Msg::CategoryName(c)))
}

/// What a gift gives, in a few words, as the card says it: "+2 stamps", "x2 points", "Free
/// Pastry", "10 % off".
pub(super) fn gift_text(gift: &Gift, program: Option<&Program>, currency: &str) -> String {
    let categories = program.map_or(&[][..], |p| p.categories.as_slice());
    crate::components::offers::gift_text(gift, categories, currency)
}

/// An offer use in the till's lists (last actions, outbox): "Offer: <title>". `None` for
/// other events.
pub(super) fn offer_line(body: &EventBody, shop: &[OfferView]) -> Option<String> {
    match body {
        EventBody::OfferUsed {
            offer_id, count, ..
        } => Some(t(Msg::TillOfferLine {
            title: shop
                .iter()
                .find(|v| v.id == *offer_id)
                .map(|v| v.title.clone()),
            stamps: *count,
        })),
        _ => None,
    }
}

/// A `YYYY-MM-DD` day.
fn parse_day(day: &str) -> Option<time::Date> {
    let mut parts = day.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()
}

/// "12 visits · usually Coffee · last here 3 Dec".
pub(super) fn regular_text(regular: &RegularLine, program: Option<&Program>) -> String {
    let last_visit = regular.last_visit.as_deref().and_then(parse_day);
    let this_year = clock::local(clock::corrected_now()).year();
    t(Msg::TillRegular {
        visits: regular.visits,
        favourite: regular
            .favourite
            .as_deref()
            .filter(|f| !f.trim().is_empty())
            .map(|f| category_name(program, f)),
        last_visit,
        with_year: last_visit.is_some_and(|d| d.year() != this_year),
    })
}

/// The one line about the customer on screen; nothing without one.
#[component]
pub(super) fn RegularNote() -> impl IntoView {
    let till = expect_context::<TillContext>();
    move || {
        let regular = till
            .customer
            .with(|c| c.as_ref().and_then(|c| c.regular.clone()))?;
        let text = till
            .pairing
            .with(|p| regular_text(&regular, p.as_ref().map(|p| &p.till.program)));
        Some(view! { <p class="customer-regular" data-testid="customer-regular">{text}</p> })
    }
}

/// The offer the cashier armed for the next points entry, while the till still has it.
pub(super) fn armed_view(till: &TillContext, armed: Option<OfferId>) -> Option<OfferView> {
    let armed = armed?;
    till.pairing.with(|p| {
        p.as_ref()
            .and_then(|p| p.till.offers.iter().find(|v| v.id == armed).cloned())
    })
}

/// The offers the customer can use now, each with one Apply button.
#[component]
pub(super) fn OfferList(
    card_id: CardId,
    /// The multiplier armed for the next points entry.
    armed: RwSignal<Option<OfferId>>,
    /// The category picked for the next purchase (a category multiplier picks its own).
    category: RwSignal<Option<String>>,
    /// Called when a multiplier was armed: the cursor goes to the amount.
    on_armed: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let offers = Memo::new(move |_| {
        let (shop, kind) = till.pairing.with(|p| {
            p.as_ref()
                .map(|p| (p.till.offers.clone(), p.till.program.kind))
                .unwrap_or_default()
        });
        till.customer.with(|c| {
            c.as_ref()
                .filter(|c| c.card_id == card_id)
                .map(|c| {
                    usable(
                        &shop,
                        &c.offers,
                        &c.offers_pending,
                        kind,
                        clock::corrected_now(),
                    )
                })
                .unwrap_or_default()
        })
    });

    let apply = move |offer: OfferView| {
        if offer.gift.multiplies() {
            if armed.get_untracked() == Some(offer.id) {
                armed.set(None);
                return;
            }
            if let Gift::CategoryMultiplier {
                category: wanted, ..
            } = &offer.gift
            {
                category.set(Some(wanted.clone()));
            }
            armed.set(Some(offer.id));
            on_armed.run(());
            return;
        }
        let stamps = offer.gift.extra_stamps();
        let body = EventBody::OfferUsed {
            offer_id: offer.id,
            offer_version: offer.version,
            count: stamps,
            offline: !till.status.online.get_untracked(),
        };
        let title = offer.title.clone();
        till.record(state, card_id, body, move |balance| Msg::TillOfferUsed {
            title,
            stamps,
            balance,
        });
    };

    let item = move |usable: Usable| {
        let (program, currency) = till.pairing.with_untracked(|p| {
            p.as_ref()
                .map(|p| (Some(p.till.program.clone()), p.till.shop.currency.clone()))
                .unwrap_or_default()
        });
        let offer = usable.view;
        let title_id = format!("till-offer-{}", offer.id);
        let gives = gift_text(&offer.gift, program.as_ref(), &currency);
        let id = offer.id;
        let multiplies = offer.gift.multiplies();
        let is_armed = move || armed.get() == Some(id);
        view! {
            <li class="till-offer" data-testid="till-offer">
                <div class="till-offer-about">
                    <p class="till-offer-title" id=title_id.clone()>
                        {offer.title.clone()}
                        {usable.saved.then(|| view! {
                            " "<span class="tag till-offer-saved" data-testid="offer-saved">{t(Msg::TillOfferSaved)}</span>
                        })}
                    </p>
                    <p class="till-offer-gift">{gives}</p>
                    {(!offer.text.trim().is_empty()).then(|| view! {
                        <p class="till-offer-text muted">{offer.text.clone()}</p>
                    })}
                </div>
                <button
                    type="button"
                    class="button till-offer-apply"
                    aria-describedby=title_id
                    aria-pressed=move || multiplies.then(|| is_armed().to_string())
                    disabled=till.busy
                    on:click=move |_| apply(offer.clone())
                >
                    {move || if is_armed() { t(Msg::TillOfferArmedTag) } else { t(Msg::TillOfferApply) }}
                </button>
            </li>
        }
    };

    view! {
        <Show when=move || offers.with(|o| !o.is_empty())>
            <section class="till-offers" aria-labelledby="till-offers-heading">
                <h2 id="till-offers-heading" class="till-offers-heading">{t(Msg::TillOffersHeading)}</h2>
                <ul class="till-offer-list">
                    <For each=move || offers.get() key=|u| (u.view.id, u.view.version, u.saved) children=item />
                </ul>
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn offer(n: u128, gift: Gift, uses: i64) -> OfferView {
        OfferView {
            id: OfferId(uuid::Uuid::from_u128(n)),
            version: 1,
            title: format!("Offer {n}"),
            text: String::new(),
            gift,
            starts_at: datetime!(2026-12-01 00:00 UTC),
            ends_at: datetime!(2026-12-08 00:00 UTC),
            weekdays: vec![],
            hours: None,
            uses_per_member: uses,
            utc_offset_minutes: 0,
        }
    }

    fn held(view: &OfferView, saved: bool, used: i64) -> CardOffer {
        CardOffer {
            offer_id: view.id,
            saved,
            used,
        }
    }

    #[wasm_bindgen_test]
    fn a_card_sees_its_usable_offers_saved_first_and_used_ones_go() {
        let pastry = offer(
            1,
            Gift::FreeItem {
                item: "Pastry".into(),
            },
            1,
        );
        let off = offer(2, Gift::PercentOff { percent: 10 }, 2);
        let double = offer(3, Gift::PointsMultiplier { times_tenths: 20 }, 1);
        let stamps = offer(4, Gift::ExtraStamps { count: 2 }, 1);
        let not_theirs = offer(5, Gift::PercentOff { percent: 5 }, 1);
        let shop = [
            pastry.clone(),
            off.clone(),
            double.clone(),
            stamps.clone(),
            not_theirs,
        ];
        let card = [
            held(&pastry, false, 0),
            held(&off, true, 1),
            held(&double, false, 0),
            held(&stamps, false, 0),
        ];
        let now = datetime!(2026-12-03 10:00 UTC);
        let ids = |found: Vec<Usable>| found.into_iter().map(|u| u.view.id).collect::<Vec<_>>();
        // Saved first; a multiplier only in a points program, extra stamps only in a stamps one;
        // an offer the card does not hold never.
        assert_eq!(
            ids(usable(&shop, &card, &[], ProgramKind::Stamps, now)),
            vec![off.id, pastry.id, stamps.id]
        );
        assert_eq!(
            ids(usable(&shop, &card, &[], ProgramKind::Points, now)),
            vec![off.id, pastry.id, double.id]
        );
        // A use waiting in the outbox counts: the second of two uses is the last.
        assert_eq!(
            ids(usable(
                &shop,
                &card,
                &[off.id, pastry.id],
                ProgramKind::Stamps,
                now
            )),
            vec![stamps.id]
        );
        // Out of its dates: nothing.
        assert!(
            usable(
                &shop,
                &card,
                &[],
                ProgramKind::Stamps,
                datetime!(2026-12-09 10:00 UTC)
            )
            .is_empty()
        );
    }

    #[wasm_bindgen_test]
    fn an_offer_use_reads_offer_and_its_title() {
        let pastry = offer(
            1,
            Gift::FreeItem {
                item: "Pastry".into(),
            },
            1,
        );
        let body = EventBody::OfferUsed {
            offer_id: pastry.id,
            offer_version: 1,
            count: 0,
            offline: true,
        };
        assert_eq!(
            offer_line(&body, &[pastry]).as_deref(),
            Some("Offer: Offer 1")
        );
        assert_eq!(offer_line(&body, &[]).as_deref(), Some("Offer: an offer"));
        assert_eq!(
            parse_day("2026-12-03"),
            Some(time::macros::date!(2026 - 12 - 03))
        );
        assert_eq!(parse_day("2026-13-03"), None);
        let regular = RegularLine {
            visits: 12,
            favourite: Some("coffee".into()),
            last_visit: Some("2020-12-03".into()),
        };
        assert_eq!(
            regular_text(&regular, None),
            "12 visits · usually Coffee · last here 3 Dec 2020"
        );
    }
}
