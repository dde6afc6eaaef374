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
pub mod responses;
pub mod simulation;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use regulars_protocol::offers::{
    self, CardOffer, MemberFacts, MemberOffer, MemberOfferPlace, OfferInput, OfferPreview,
    OfferReason, OfferStatus, OfferView, OwnerOffer, ReasonCode, RegularLine, Withheld,
};
use regulars_protocol::{CardId, OfferId, ShopId};
use time::OffsetDateTime;

use crate::db::{self, offers::OfferRow, offers::ReactionRow};
use crate::insights::local::{ShopClock, parse_day};
use crate::startup::AppState;
use responses::ShopResponses;

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

/// What targeting knows of every member of the shop today (or of the member `only`): their summaries, categories,
/// consent, and their segment and top-customer mark from the shop's scoring.
pub async fn member_facts(
    state: &AppState,
    shop_id: ShopId,
    clock: &ShopClock,
    only: Option<CardId>,
) -> anyhow::Result<Vec<MemberFacts>> {
    let today = clock.today(db::now());
    let rows = db::offers::member_rows(&state.db, shop_id, only).await?;
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
    let members = member_facts(state, shop_id, &clock, None).await?;
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

/// What an audience refresh draws again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every running offer, for every member (the periodic refresh).
    All,
    /// One offer, just made, edited or resumed, for every member.
    Offer(OfferId),
    /// Every running offer, for one member whose consent changed.
    Member(CardId),
}

/// Draws the audiences of the shop's running offers again (as far as `scope` reaches) and
/// writes what changed; the cards whose visible offers changed are marked changed for the
/// tills. Returns how many cards were marked.
pub async fn refresh(state: &AppState, shop_id: ShopId, scope: Scope) -> anyhow::Result<usize> {
    let Some(shop) = db::shops::find(&state.db, shop_id).await? else {
        return Ok(0);
    };
    let clock = ShopClock::or_utc(&shop.time_zone);
    let now = db::now();
    let running: Vec<OfferRow> = db::offers::list(&state.db, shop_id)
        .await?
        .into_iter()
        .filter(|o| running(o, now))
        .filter(|o| !matches!(scope, Scope::Offer(id) if id != o.id))
        .collect();
    if running.is_empty() {
        return Ok(0);
    }
    let only = match scope {
        Scope::Member(card) => Some(card),
        _ => None,
    };
    let members = member_facts(state, shop_id, &clock, only).await?;
    let mut tx = state.writer.begin().await?;
    // The shop's row first, as every writer that numbers changes takes it.
    db::events::lock_shop(&mut tx, shop_id).await?;
    let mut changed: HashSet<CardId> = HashSet::new();
    for offer in &running {
        let wanted = audience(offer.id, &offer.input, &members);
        let known = db::offers::members(&mut *tx, offer.id, only).await?;
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
                if let Err(e) = refresh(&state, shop_id, Scope::All).await {
                    tracing::warn!(error = %e, %shop_id, "refreshing offer audiences");
                }
                // And what the shop learned, so no card waits for it.
                if let Err(e) = relearn(&state, shop_id).await {
                    tracing::warn!(error = %e, %shop_id, "learning offer responses");
                }
            }
        }
    });
}

/// Learns again what the shop's members did with its offers, and ranks every card.
pub async fn relearn(state: &AppState, shop_id: ShopId) -> anyhow::Result<()> {
    if let Some(shop) = db::shops::find(&state.db, shop_id).await? {
        let clock = ShopClock::or_utc(&shop.time_zone);
        state.offer_responses.learn(state, shop_id, &clock).await?;
    }
    Ok(())
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

/// A member's visits with a purchase, and their purchases by category.
pub type History = (i64, HashMap<String, i64>);

/// What ranking one member's card reads: their purchases, the audiences they are in and
/// their reactions to offers.
#[derive(Debug, Clone)]
pub struct MemberInputs {
    pub card_id: CardId,
    pub history: History,
    /// The offers they are in the audience of, and whether they are held out.
    pub audience: Vec<(OfferId, bool)>,
    pub reactions: Vec<ReactionRow>,
}

/// A member's reaction as the ranking reads it.
pub fn reaction(r: &ReactionRow) -> ranking::Reaction {
    ranking::Reaction {
        shown: r.shown,
        saved: r.saved,
        dismissed: r.dismissed_at.is_some(),
        used: r.uses > 0,
    }
}

/// A running offer in a member's audience: its place on their card (1 is first), or why it is
/// not there, and why it stands where it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub offer_id: OfferId,
    pub place: Option<i64>,
    pub withheld: Option<Withheld>,
    pub saved: bool,
    pub used: i64,
    pub reasons: Vec<OfferReason>,
}

/// The shop's offers as a ranking reads them, indexed once for every card ranked: each by id
/// (a member's reactions may name an ended one) and the running ones in the list's order.
pub struct ShopOffers<'a> {
    by_id: HashMap<OfferId, &'a OfferRow>,
    running: Vec<&'a OfferRow>,
}

impl<'a> ShopOffers<'a> {
    pub fn new(offers: &'a [OfferRow], now: OffsetDateTime) -> Self {
        ShopOffers {
            by_id: offers.iter().map(|o| (o.id, o)).collect(),
            // The shop's list order is fixed (newest first), so the draws are the same at
            // each look.
            running: offers.iter().filter(|o| running(o, now)).collect(),
        }
    }
}

/// Places the running offers of `offers` in the member's audience on their card: held out,
/// dismissed, held back after dismissals of their kind or category, and used up are withheld;
/// the rest are ranked (saved first, then by the ranking's draws for the card on `day`) and the
/// first [`offers::SHOWN_AT_MOST`] shown. In the order of the card, withheld ones last; with
/// the reasons for each when `explain` (the member page), else none (the card, the shop's
/// counts).
pub fn place(
    offers: &[OfferRow],
    responses: &ShopResponses,
    inputs: &MemberInputs,
    day: &str,
    now: OffsetDateTime,
    explain: bool,
) -> Vec<Placed> {
    place_in(
        &ShopOffers::new(offers, now),
        responses,
        inputs,
        day,
        now,
        explain,
    )
}

/// [`place`], with the shop's offers indexed once (the whole shop's ranking ranks every card
/// with the same).
pub fn place_in(
    offers: &ShopOffers,
    responses: &ShopResponses,
    inputs: &MemberInputs,
    day: &str,
    now: OffsetDateTime,
    explain: bool,
) -> Vec<Placed> {
    let by_id = &offers.by_id;
    let mine: HashMap<OfferId, &ReactionRow> =
        inputs.reactions.iter().map(|r| (r.offer_id, r)).collect();
    let mut member = ranking::Member {
        context: responses.context(inputs.card_id),
        visits: inputs.history.0,
        purchases: std::borrow::Cow::Borrowed(&inputs.history.1),
        kinds: HashMap::new(),
    };
    for r in &inputs.reactions {
        if let (Some(taken), Some(offer)) = (reaction(r).outcome(), by_id.get(&r.offer_id)) {
            member
                .kinds
                .entry(offer.input.gift.kind())
                .or_default()
                .add(taken);
        }
    }
    // Two dismissals of a kind or a category hold it back for a while.
    let suppressed = offers::Suppressed::from_dismissals(
        inputs.reactions.iter().filter_map(|r| {
            let at = r.dismissed_at?;
            by_id.get(&r.offer_id).map(|o| (&o.input, at))
        }),
        now,
    );
    let held_out: HashMap<OfferId, bool> = inputs.audience.iter().copied().collect();
    let mut withheld = vec![];
    let mut candidates = vec![];
    for o in offers
        .running
        .iter()
        .filter(|o| held_out.contains_key(&o.id))
    {
        let r = mine.get(&o.id);
        let (saved, used) = r.map_or((false, 0), |r| (r.saved, r.uses));
        let candidate = ranking::Candidate {
            id: o.id,
            input: &o.input,
            stats: responses.stats(o.id),
            saved,
        };
        let why = if held_out[&o.id] {
            Some(Withheld::HeldOut)
        } else if r.is_some_and(|r| r.dismissed_at.is_some()) {
            Some(Withheld::Dismissed)
        } else if suppressed.holds_back(&o.input) {
            Some(Withheld::Suppressed)
        } else if used >= o.input.uses_per_member {
            Some(Withheld::UsedUp)
        } else {
            None
        };
        match why {
            None => candidates.push(candidate),
            Some(why) => withheld.push(Placed {
                offer_id: o.id,
                place: None,
                withheld: Some(why),
                saved,
                used,
                reasons: if explain && why != Withheld::HeldOut {
                    ranking::reasons(&candidate, &member)
                } else {
                    vec![]
                },
            }),
        }
    }
    let seed = ranking::seed(inputs.card_id, day);
    let mut out: Vec<Placed> = ranking::order(&candidates, &member, seed)
        .into_iter()
        .enumerate()
        .map(|(i, (at, _))| {
            let c = &candidates[at];
            let shown = i < offers::SHOWN_AT_MOST;
            Placed {
                offer_id: c.id,
                place: shown.then_some(i as i64 + 1),
                withheld: (!shown).then_some(Withheld::NoRoom),
                saved: c.saved,
                used: mine.get(&c.id).map_or(0, |r| r.uses),
                reasons: if explain {
                    ranking::reasons(c, &member)
                } else {
                    vec![]
                },
            }
        })
        .collect();
    out.extend(withheld);
    out
}

/// One member's offers placed on their card now, with the shop's offers and clock.
pub async fn placed_for(
    state: &AppState,
    shop_id: ShopId,
    card_id: CardId,
    explain: bool,
) -> anyhow::Result<(Vec<OfferRow>, ShopClock, Vec<Placed>)> {
    let shop = db::shops::find(&state.db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} vanished"))?;
    let clock = ShopClock::or_utc(&shop.time_zone);
    let audience = db::offers::audience_of(&state.db, card_id).await?;
    if audience.is_empty() {
        return Ok((vec![], clock, vec![]));
    }
    let now = db::now();
    let offers = db::offers::list(&state.db, shop_id).await?;
    let responses = state
        .offer_responses
        .kept_or_nothing(state, shop_id, &clock);
    let inputs = MemberInputs {
        card_id,
        history: db::offers::purchase_histories(&state.db, shop_id, Some(card_id))
            .await?
            .remove(&card_id)
            .unwrap_or_default(),
        audience,
        reactions: db::offers::reactions(&state.db, shop_id, Some(card_id)).await?,
    };
    let day = crate::insights::local::day_text(clock.today(now));
    let placed = place(&offers, &responses, &inputs, &day, now, explain);
    Ok((offers, clock, placed))
}

/// A member's offers for their phone, in their card's order: running, visible to them, not
/// dismissed or held back, not used up; saved ones first, then by the ranking; at most
/// [`offers::SHOWN_AT_MOST`].
pub async fn member_offers(
    state: &AppState,
    shop_id: ShopId,
    card_id: CardId,
) -> anyhow::Result<Vec<MemberOffer>> {
    let (offers, clock, placed) = placed_for(state, shop_id, card_id, false).await?;
    let now = db::now();
    Ok(placed
        .iter()
        .filter(|p| p.place.is_some())
        .filter_map(|p| {
            let row = offers.iter().find(|o| o.id == p.offer_id)?;
            Some(MemberOffer {
                offer: view(row, &clock, now),
                saved: p.saved,
                used: p.used,
            })
        })
        .collect())
}

/// The member page's view of a member's offers: every running offer in their audience, where
/// it stands on their card, and why.
pub async fn member_places(
    state: &AppState,
    shop_id: ShopId,
    card_id: CardId,
) -> anyhow::Result<Vec<MemberOfferPlace>> {
    let names: HashMap<String, String> = db::insights::categories(&state.db, shop_id)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let (offers, _, placed) = placed_for(state, shop_id, card_id, true).await?;
    Ok(placed
        .into_iter()
        .filter_map(|p| {
            let row = offers.iter().find(|o| o.id == p.offer_id)?;
            let reasons = p
                .reasons
                .into_iter()
                .map(|mut r| {
                    // A category is named as the owner named it.
                    if matches!(r.code, ReasonCode::Buys | ReasonCode::Buyers) {
                        r.name = r.name.map(|id| names.get(&id).cloned().unwrap_or(id));
                    }
                    r
                })
                .collect();
            Some(MemberOfferPlace {
                offer_id: p.offer_id,
                title: row.input.title.clone(),
                place: p.place,
                withheld: p.withheld,
                reasons,
            })
        })
        .collect())
}

/// The shop's offers for the owner, newest first (or only `only`), each with its counts, where
/// the shop's latest ranking puts it, and its effect against its holdout.
pub async fn owner_offers(
    state: &AppState,
    shop_id: ShopId,
    only: Option<OfferId>,
) -> anyhow::Result<Vec<OwnerOffer>> {
    let shop = db::shops::find(&state.db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} vanished"))?;
    let clock = ShopClock::or_utc(&shop.time_zone);
    let now = db::now();
    let mut counts = db::offers::counts(&state.db, shop_id, only).await?;
    let responses = state.offer_responses.get(state, shop_id, &clock).await?;
    let rows: Vec<OfferRow> = db::offers::list(&state.db, shop_id)
        .await?
        .into_iter()
        .filter(|row| only.is_none_or(|id| id == row.id))
        .collect();
    let mut effects = match only {
        // One offer (just made or changed): its own reads.
        Some(_) => {
            let mut effects = HashMap::new();
            for row in &rows {
                let effect = effect::of_offer(&state.db, shop_id, row, &clock, now).await?;
                effects.insert(row.id, effect);
            }
            effects
        }
        None => {
            let all: Vec<&OfferRow> = rows.iter().collect();
            effect::of_offers(&state.db, shop_id, &all, &clock, now).await?
        }
    };
    let mut out = vec![];
    for row in rows {
        let mut c = counts.remove(&row.id).unwrap_or_default();
        let placed = responses
            .placements
            .get(&row.id)
            .copied()
            .unwrap_or_default();
        if running(&row, now) {
            (c.on_cards, c.first_on) = (placed.on_cards, placed.first);
        }
        out.push(OwnerOffer {
            effect: effects.remove(&row.id).flatten(),
            counts: c,
            id: row.id,
            version: row.version,
            status: row.status,
            input: row.input,
            created_at: row.created_at,
        });
    }
    Ok(out)
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
