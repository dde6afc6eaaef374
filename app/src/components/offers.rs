//! "For you" on the card: the member's offers as the phone keeps them with the card, so they
//! show in the shop with no signal. At most [`PROMINENT`] stand out and [`SHOWN_AT_MOST`] show
//! in all, in the server's order (best first); an offer that has ended by the phone's clock or
//! that the shopper dismissed on this phone is left out. The page records what the shopper
//! does with each (`on_event`): shown, opened, saved, dismissed. [`OffersConsent`] is the
//! member's choice about offers picked from their visits, at join and on the profile.

use leptos::prelude::*;
use regulars_protocol::OfferId;
use regulars_protocol::card_events::CardEventKind;
use regulars_protocol::offers::{Gift, MemberOffer, PROMINENT, SHOWN_AT_MOST};
use regulars_protocol::program::{Category, format_money};
use time::{Duration, OffsetDateTime};

use crate::i18n::{Msg, t};

/// An offer ending within this long shows its time left.
const ENDING_SOON: Duration = Duration::hours(48);

/// The offers to show at `now`: not dismissed on this phone, not ended, at most
/// [`SHOWN_AT_MOST`], in the server's order.
pub fn offers_to_show(
    offers: &[MemberOffer],
    dismissed: &[OfferId],
    now: OffsetDateTime,
) -> Vec<MemberOffer> {
    offers
        .iter()
        .filter(|o| !dismissed.contains(&o.offer.id) && !o.offer.expired_at(now))
        .take(SHOWN_AT_MOST)
        .cloned()
        .collect()
}

/// What a gift gives, in a few words: "+2 stamps", "x2 points", "Free Pastry", "2.50 EUR off",
/// "10 % off", "x2 points on Coffee".
pub fn gift_text(gift: &Gift, categories: &[Category], currency: &str) -> String {
    t(match gift {
        Gift::ExtraStamps { count } => Msg::TillOfferExtraStamps(*count),
        Gift::PointsMultiplier { times_tenths } => Msg::TillOfferTimes(*times_tenths),
        Gift::CategoryMultiplier {
            category,
            times_tenths,
        } => Msg::TillOfferTimesIn(
            *times_tenths,
            categories
                .iter()
                .find(|c| c.id == *category)
                .map_or_else(|| category.clone(), |c| c.name.clone()),
        ),
        Gift::FreeItem { item } => Msg::TillOfferFree(item.clone()),
        Gift::AmountOff { amount_minor } => {
            Msg::TillOfferAmountOff(format_money(*amount_minor, currency))
        }
        Gift::PercentOff { percent } => Msg::TillOfferPercentOff(*percent),
    })
}

/// "Ends in 5 hours" for an offer ending within 48 hours of `now`.
pub fn time_left(ends_at: OffsetDateTime, now: OffsetDateTime) -> Option<String> {
    let left = ends_at - now;
    (left.is_positive() && left <= ENDING_SOON).then(|| t(Msg::OfferEndsIn(left.whole_minutes())))
}

/// The "For you" section; nothing when no offer is left to show. `saved` and `dismissed` are
/// the offers the shopper saved and dismissed on this phone (a dismissed one disappears at
/// once).
#[component]
pub fn ForYou(
    offers: Vec<MemberOffer>,
    now: OffsetDateTime,
    #[prop(into)] saved: Signal<Vec<OfferId>>,
    #[prop(into)] dismissed: Signal<Vec<OfferId>>,
    categories: Vec<Category>,
    currency: String,
    on_event: Callback<(CardEventKind, OfferId)>,
) -> impl IntoView {
    let shown = Memo::new(move |_| dismissed.with(|d| offers_to_show(&offers, d, now)));
    // Shown once per offer: the outbox keeps only the first.
    Effect::new(move |_| {
        for o in shown.read().iter() {
            on_event.run((CardEventKind::OfferShown, o.offer.id));
        }
    });
    let item = move |(i, member): (usize, MemberOffer)| {
        let MemberOffer {
            offer,
            saved: saved_before,
            ..
        } = member;
        let id = offer.id;
        let is_saved = move || saved_before || saved.read().contains(&id);
        let prominent = i < PROMINENT;
        let text = (!offer.text.is_empty()).then(|| view! { <p>{offer.text}</p> });
        let (text, more) = if prominent {
            (text, None)
        } else {
            (None, text)
        };
        let when = t(Msg::OfferWhen {
            until: offer.ends_at,
            days: offer.weekdays,
            hours: offer.hours.map(|h| (h.from, h.to)),
        });
        view! {
            <li class=if prominent { "offer offer-prominent" } else { "offer" } data-testid="offer">
                <h3>{offer.title}</h3>
                <p class="offer-gift">{gift_text(&offer.gift, &categories, &currency)}</p>
                {text}
                {time_left(offer.ends_at, now).map(|left| view! { <p class="offer-ends">{left}</p> })}
                <details class="offer-details" on:toggle=move |_| on_event.run((CardEventKind::OfferOpened, id))>
                    <summary>{t(Msg::OfferDetails)}</summary>
                    {more}
                    <p class="muted">{when}</p>
                </details>
                <div class="offer-actions">
                    <Show
                        when=is_saved
                        fallback=move || view! {
                            <button type="button" class="button button-primary" on:click=move |_| on_event.run((CardEventKind::OfferSaved, id))>
                                {t(Msg::OfferSave)}
                            </button>
                        }
                    >
                        <p class="offer-saved" role="status">{t(Msg::OfferSaved)}</p>
                    </Show>
                    <button type="button" class="button button-quiet" on:click=move |_| on_event.run((CardEventKind::OfferDismissed, id))>
                        {t(Msg::OfferDismiss)}
                    </button>
                </div>
            </li>
        }
    };
    move || {
        let offers = shown.get();
        (!offers.is_empty()).then(|| {
            view! {
                <section class="pass-section" aria-labelledby="offers-heading">
                    <h2 id="offers-heading">{t(Msg::ForYouHeading)}</h2>
                    <ul class="offers">{offers.into_iter().enumerate().map(&item).collect_view()}</ul>
                </section>
            }
        })
    }
}

/// The member's choice whether offers may be picked from their visits, with what it means: at
/// join (unticked) and on the profile.
#[component]
pub fn OffersConsent(consent: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="offers-consent">
            <label>
                <input type="checkbox" name="offers_consent" aria-describedby="offers-consent-hint" bind:checked=consent />
                <span>{t(Msg::OffersConsent)}</span>
            </label>
            <p class="field-hint" id="offers-consent-hint">{t(Msg::OffersConsentHint)}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regulars_protocol::offers::OfferView;
    use time::macros::datetime;
    use uuid::Uuid;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn offer(n: u128, ends_at: OffsetDateTime, gift: Gift) -> MemberOffer {
        MemberOffer {
            offer: OfferView {
                id: OfferId(Uuid::from_u128(n)),
                version: 1,
                title: format!("Offer {n}"),
                text: String::new(),
                gift,
                starts_at: datetime!(2026-12-01 00:00 UTC),
                ends_at,
                weekdays: vec![],
                hours: None,
                uses_per_member: 1,
                utc_offset_minutes: 0,
            },
            saved: false,
            used: 0,
        }
    }

    #[wasm_bindgen_test]
    fn ended_and_dismissed_offers_are_left_out_and_six_at_most_show() {
        let now = datetime!(2026-12-04 12:00 UTC);
        let later = datetime!(2026-12-20 00:00 UTC);
        let mut offers: Vec<MemberOffer> = (1..=9)
            .map(|n| offer(n, later, Gift::PercentOff { percent: 10 }))
            .collect();
        offers[0].offer.ends_at = now;
        let dismissed = [OfferId(Uuid::from_u128(2))];
        let ids: Vec<u128> = offers_to_show(&offers, &dismissed, now)
            .iter()
            .map(|o| o.offer.id.0.as_u128())
            .collect();
        assert_eq!(ids, [3, 4, 5, 6, 7, 8]);
    }

    #[wasm_bindgen_test]
    fn gifts_and_time_left_read_as_words() {
        let coffee = Category {
            id: "c-1".into(),
            name: "Coffee".into(),
        };
        let words = |gift: Gift| gift_text(&gift, std::slice::from_ref(&coffee), "EUR");
        assert_eq!(words(Gift::AmountOff { amount_minor: 250 }), "2.50 EUR off");
        assert_eq!(words(Gift::ExtraStamps { count: 2 }), "+2 stamps");
        assert_eq!(
            words(Gift::CategoryMultiplier {
                category: "c-1".into(),
                times_tenths: 20
            }),
            "x2 points on Coffee"
        );
        let now = datetime!(2026-12-04 12:00 UTC);
        let hours = |h: i64| time_left(now + Duration::hours(h), now);
        assert_eq!(hours(5).as_deref(), Some("Ends in 5 hours"));
        assert_eq!(hours(48).as_deref(), Some("Ends in 48 hours"));
        assert_eq!(hours(49), None);
        assert_eq!(
            time_left(now + Duration::minutes(40), now).as_deref(),
            Some("Ends in 40 minutes")
        );
    }
}
