//! Offers: who each offer is for, what a member's phone and a till are told, and the owner's
//! figures. The rules of using one are the ledger's (`ledger/offer.rs`); the holdout draw and
//! the targeting rules themselves are shared with the devices (`regulars_protocol::offers`).
//!
//! - **The audience is kept, not guessed.** Each active offer's audience (held-out members
//!   included, marked) is written to `offer_members` when the offer is made or edited and again
//!   every [`REFRESH_EVERY`] (members' histories move: a lapsed rule, a segment), so every
//!   replica, phone and till agrees on it. A member who joins or leaves an audience is marked
//!   changed, so tills pull their card again.
//! - **Consent.** A targeted offer (anything but everyone) reaches only members who chose that
//!   offers may be picked from their history; an offer for everyone reaches every member.
//! - **Held out** members never see the offer: not on their phone, not at the till.

pub mod effect;
pub mod ranking;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use regulars_protocol::offers::{
    self, CardOffer, MemberFacts, MemberOffer, OfferInput, OfferPreview, OfferStatus, OfferView,
    RegularLine,
};
use regulars_protocol::{CardId, OfferId, ShopId};
use time::OffsetDateTime;

use crate::db::{self, offers::OfferRow};
use crate::insights::local::{ShopClock, parse_day};
use crate::startup::AppState;

/// How often the audiences of every shop's active offers are drawn again.
pub const REFRESH_EVERY: Duration = Duration::from_secs(15 * 60);

/// Whether an offer is running at `now`: active and not past its end.
pub fn running(row: &OfferRow, now: OffsetDateTime) -> bool {
    row.status == OfferStatus::Active && now < row.input.ends_at
}

/// The offer as devices see it, with the shop's offset from UTC now.
pub fn view(row: &OfferRow, clock: &ShopClock, now: OffsetDateTime) -> OfferView {
    let input = &row.input;
    OfferView {
        id: row.id,
        version: row.version,
        title: input.title.clone(),
        text: input.text.clone(),
        gift: input.gift.clone(),
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        weekdays: input.weekdays.clone(),
        hours: input.hours,
        uses_per_member: input.uses_per_member,
        utc_offset_minutes: clock.offset_minutes(now),
    }
}

/// What targeting knows of every member of the shop today: their summaries, categories,
/// consent, and their segment and top-customer mark from the shop's scoring.
pub async fn member_facts(
    state: &AppState,
    shop_id: ShopId,
    clock: &ShopClock,
) -> anyhow::Result<Vec<MemberFacts>> {
    let today = clock.today(db::now());
    let rows = db::offers::member_rows(&state.db, shop_id).await?;
    let scoring = state.segments.as_of(&state.db, shop_id, today).await?;
    let days = |from: jiff::civil::Date, to: jiff::civil::Date| {
        (to - from)
            .total(jiff::Unit::Day)
            .map(|d| d.round() as i64)
            .ok()
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let first = r.first_day.as_deref().and_then(parse_day);
            let last = r.last_day.as_deref().and_then(parse_day);
            let scored = scoring.of(r.card_id);
            MemberFacts {
                card_id: r.card_id,
                visits: r.visits,
                spend_minor: r.spend_minor,
                active_days: first.zip(last).and_then(|(f, l)| days(f, l)),
                days_since_last: last.and_then(|l| days(l, today)),
                categories: r.categories,
                segment: scored.map(|s| s.segment),
                top: scored.is_some_and(|s| s.top),
                consent: r.consent,
            }
        })
        .collect())
}

/// Whether the offer reaches the member, consent included (the holdout aside).
pub fn reaches(input: &OfferInput, member: &MemberFacts) -> bool {
    (!input.audience.is_targeted() || member.consent) && input.audience.includes(member)
}

/// The offer's audience among `members`: each member it reaches, and whether they are held out.
pub fn audience(id: OfferId, input: &OfferInput, members: &[MemberFacts]) -> Vec<(CardId, bool)> {
    members
        .iter()
        .filter(|m| reaches(input, m))
        .map(|m| {
            (
                m.card_id,
                offers::held_out(id, m.card_id, input.holdout_percent),
            )
        })
        .collect()
}

/// How many members an offer would reach, before it is saved (a new offer's holdout is drawn
/// with a placeholder id: the share is the same, the members may differ).
pub async fn preview(
    state: &AppState,
    shop_id: ShopId,
    time_zone: &str,
    id: Option<OfferId>,
    input: &OfferInput,
) -> anyhow::Result<OfferPreview> {
    let clock = ShopClock::or_utc(time_zone);
    let members = member_facts(state, shop_id, &clock).await?;
    let id = id.unwrap_or(OfferId(uuid::Uuid::nil()));
    let reached = audience(id, input, &members);
    let without_consent = if input.audience.is_targeted() {
        members
            .iter()
            .filter(|m| !m.consent && input.audience.includes(m))
            .count() as i64
    } else {
        0
    };
    Ok(OfferPreview {
        eligible: reached.len() as i64,
        held_out: reached.iter().filter(|(_, out)| *out).count() as i64,
        without_consent,
    })
}

/// Puts a member who just joined in the audience of every running offer that reaches a new
/// member (offers for everyone, mostly), so their first card shows them.
pub async fn admit(state: &AppState, shop_id: ShopId, card_id: CardId) -> anyhow::Result<()> {
    let now = db::now();
    let running: Vec<OfferRow> = db::offers::list(&state.db, shop_id)
        .await?
        .into_iter()
        .filter(|o| running(o, now))
        .collect();
    if running.is_empty() {
        return Ok(());
    }
    let (consent, _) = db::offers::consent(&state.db, card_id).await?;
    let member = MemberFacts {
        card_id,
        visits: 0,
        spend_minor: 0,
        active_days: None,
        days_since_last: None,
        categories: vec![],
        segment: None,
        top: false,
        consent,
    };
    let mut tx = state.writer.begin().await?;
    for offer in running.iter().filter(|o| reaches(&o.input, &member)) {
        let held_out = offers::held_out(offer.id, card_id, offer.input.holdout_percent);
        db::offers::join(&mut tx, shop_id, offer.id, &[(card_id, held_out)]).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Draws the audience of every running offer of the shop again and writes what changed; the
/// cards whose visible offers changed are marked changed for the tills. Returns how many
/// cards were marked.
pub async fn refresh(state: &AppState, shop_id: ShopId) -> anyhow::Result<usize> {
    let Some(shop) = db::shops::find(&state.db, shop_id).await? else {
        return Ok(0);
    };
    let clock = ShopClock::or_utc(&shop.time_zone);
    let now = db::now();
    let running: Vec<OfferRow> = db::offers::list(&state.db, shop_id)
        .await?
        .into_iter()
        .filter(|o| running(o, now))
        .collect();
    if running.is_empty() {
        return Ok(0);
    }
    let members = member_facts(state, shop_id, &clock).await?;
    let mut tx = state.writer.begin().await?;
    // The shop's row first, as every writer that numbers changes takes it.
    db::events::lock_shop(&mut tx, shop_id).await?;
    let mut changed: HashSet<CardId> = HashSet::new();
    for offer in &running {
        let wanted = audience(offer.id, &offer.input, &members);
        let known = db::offers::members(&mut *tx, offer.id).await?;
        let joining: Vec<(CardId, bool)> = wanted
            .iter()
            .filter(|(card, _)| known.get(card).is_none_or(|m| m.left))
            .copied()
            .collect();
        let wanted_ids: HashSet<CardId> = wanted.iter().map(|(c, _)| *c).collect();
        let leaving: Vec<CardId> = known
            .iter()
            .filter(|(card, m)| !m.left && !wanted_ids.contains(card))
            .map(|(card, _)| *card)
            .collect();
        changed.extend(joining.iter().filter(|(_, out)| !out).map(|(c, _)| *c));
        changed.extend(
            leaving
                .iter()
                .filter(|c| known.get(c).is_some_and(|m| !m.held_out)),
        );
        db::offers::join(&mut tx, shop_id, offer.id, &joining).await?;
        db::offers::leave(&mut tx, offer.id, &leaving).await?;
    }
    let mut cards: Vec<CardId> = changed.into_iter().collect();
    cards.sort();
    mark_changed(&mut tx, shop_id, &cards).await?;
    tx.commit().await?;
    Ok(cards.len())
}

/// Marks cards changed, each at its own number of the shop's counter, so tills pull them again.
pub async fn mark_changed(
    tx: &mut db::Tx,
    shop_id: ShopId,
    cards: &[CardId],
) -> anyhow::Result<()> {
    if cards.is_empty() {
        return Ok(());
    }
    let first = db::events::reserve_seqs(tx, shop_id, cards.len() as i64).await?;
    let marks: Vec<(CardId, i64)> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, first + i as i64))
        .collect();
    db::cards::mark_many_changed(tx, &marks).await?;
    Ok(())
}

/// Refreshes every shop with an active offer every [`REFRESH_EVERY`], for as long as the server
/// runs. Every replica runs it; the writes are idempotent (a second replica finds nothing to
/// change).
pub fn spawn_refresher(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(REFRESH_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let shops = match db::offers::shops_with_active(&state.db).await {
                Ok(shops) => shops,
                Err(e) => {
                    tracing::warn!(error = %e, "listing shops with offers");
                    continue;
                }
            };
            for shop_id in shops {
                if let Err(e) = refresh(&state, shop_id).await {
                    tracing::warn!(error = %e, %shop_id, "refreshing offer audiences");
                }
            }
        }
    });
}

/// The shop's running offers as a till sees them.
pub async fn till_offers(
    state: &AppState,
    shop_id: ShopId,
    time_zone: &str,
) -> anyhow::Result<Vec<OfferView>> {
    let clock = ShopClock::or_utc(time_zone);
    let now = db::now();
    Ok(db::offers::list(&state.db, shop_id)
        .await?
        .iter()
        .filter(|o| running(o, now))
        .map(|o| view(o, &clock, now))
        .collect())
}

/// Each card's offers for a till: visible to it (in the audience, not held out), not
/// dismissed, with whether it was saved and how often used.
pub async fn card_offers(
    state: &AppState,
    cards: &[CardId],
) -> anyhow::Result<HashMap<CardId, Vec<CardOffer>>> {
    let mut out = HashMap::new();
    for chunk in cards.chunks(db::ROWS_PER_STATEMENT) {
        let visible = db::offers::visible_to_many(&state.db, chunk).await?;
        if visible.is_empty() {
            continue;
        }
        let with: Vec<CardId> = visible.keys().copied().collect();
        let uses = db::offers::uses_of(&state.db, &with).await?;
        let engagement = db::offers::engagement_of(&state.db, &with).await?;
        for (card, ids) in visible {
            let list: Vec<CardOffer> = ids
                .into_iter()
                .filter(|id| !engagement.dismissed.contains(&(card, *id)))
                .map(|id| CardOffer {
                    offer_id: id,
                    saved: engagement.saved.contains(&(card, id)),
                    used: uses.get(&(card, id)).copied().unwrap_or(0),
                })
                .collect();
            out.insert(card, list);
        }
    }
    Ok(out)
}

/// A member's offers for their phone, best first: running, visible to them, not dismissed,
/// not used up; saved ones first, then those ending soonest; at most
/// [`offers::SHOWN_AT_MOST`].
pub async fn member_offers(
    state: &AppState,
    shop_id: ShopId,
    card_id: CardId,
) -> anyhow::Result<Vec<MemberOffer>> {
    let visible: HashSet<OfferId> = db::offers::visible_to(&state.db, card_id)
        .await?
        .into_iter()
        .collect();
    if visible.is_empty() {
        return Ok(vec![]);
    }
    let shop = db::shops::find(&state.db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} vanished"))?;
    let clock = ShopClock::or_utc(&shop.time_zone);
    let now = db::now();
    let uses = db::offers::uses_of(&state.db, &[card_id]).await?;
    let engagement = db::offers::engagement_of(&state.db, &[card_id]).await?;
    let offers = db::offers::list(&state.db, shop_id).await?;
    // Two dismissals of a kind or a category hold it back for a while.
    let dismissals = db::offers::dismissals(&state.db, card_id).await?;
    let suppressed = offers::Suppressed::from_dismissals(
        dismissals
            .iter()
            .filter_map(|(id, at)| offers.iter().find(|o| o.id == *id).map(|o| (&o.input, *at))),
        now,
    );
    let mut list: Vec<MemberOffer> = offers
        .iter()
        .filter(|o| running(o, now) && visible.contains(&o.id))
        .filter(|o| !engagement.dismissed.contains(&(card_id, o.id)))
        .filter(|o| !suppressed.holds_back(&o.input))
        .map(|o| MemberOffer {
            offer: view(o, &clock, now),
            saved: engagement.saved.contains(&(card_id, o.id)),
            used: uses.get(&(card_id, o.id)).copied().unwrap_or(0),
        })
        .filter(|m| m.used < m.offer.uses_per_member)
        .collect();
    // Best first: saved ones, then by the ranking's draws for this card today.
    let counts = db::offers::counts(&state.db, shop_id).await?;
    let history = ranking::History {
        visits: db::offers::regular_lines(&state.db, &[card_id])
            .await?
            .first()
            .map_or(0, |(_, line)| line.visits),
        purchases: db::insights::member_categories(&state.db, card_id)
            .await?
            .into_iter()
            .map(|(category, purchases, _)| (category, purchases))
            .collect(),
    };
    let ranked: Vec<(OfferId, &OfferInput, ranking::Response)> = offers
        .iter()
        .filter(|o| list.iter().any(|m| m.offer.id == o.id))
        .map(|o| {
            let response = counts
                .get(&o.id)
                .map(ranking::Response::of)
                .unwrap_or_default();
            (o.id, &o.input, response)
        })
        .collect();
    let today = crate::insights::local::day_text(clock.today(now));
    let scores = ranking::scores(&ranked, &history, ranking::seed(card_id, &today));
    let score = |id: &OfferId| scores.get(id).copied().unwrap_or(0.0);
    list.sort_by(|a, b| {
        b.saved
            .cmp(&a.saved)
            .then(score(&b.offer.id).total_cmp(&score(&a.offer.id)))
            .then(a.offer.id.cmp(&b.offer.id))
    });
    list.truncate(offers::SHOWN_AT_MOST);
    Ok(list)
}

/// The till's one line about each of these members: visits, favourite category (by name),
/// last visit.
pub async fn regular_lines(
    state: &AppState,
    shop_id: ShopId,
    cards: &[CardId],
) -> anyhow::Result<HashMap<CardId, RegularLine>> {
    let mut out = HashMap::new();
    if cards.is_empty() {
        return Ok(out);
    }
    let names: HashMap<String, String> = db::insights::categories(&state.db, shop_id)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    for chunk in cards.chunks(db::ROWS_PER_STATEMENT) {
        for (card, line) in db::offers::regular_lines(&state.db, chunk).await? {
            let favourite = line
                .favourite
                .map(|id| names.get(&id).cloned().unwrap_or(id));
            out.insert(card, RegularLine { favourite, ..line });
        }
    }
    Ok(out)
}
