//! Offers end to end on the server: the audience and its holdout, consent, one shop's offers
//! kept from another, an offer meant once used on two tablets, a multiplied purchase judged
//! by the server's own arithmetic, and the phone's saves and dismissals.

use regulars_protocol::card_events::{
    CardEvent, CardEventKind, CardEventsPush, CardEventsPushResponse,
};
use regulars_protocol::insights::MemberInsights;
use regulars_protocol::offers::{
    Audience, EffectVerdict, Gift, MemberOffers, OfferEffect, OfferInput, OfferPreview,
    OfferStatus, OfferStatusChange, OwnerOffer, OwnerOffers, ReasonCode, Withheld, held_out,
};
use regulars_protocol::program::minor_digits;
use regulars_protocol::wire::{
    Customer, JoinRequest, JoinResponse, ProfileUpdate, PullResponse, PushStatus,
};
use regulars_protocol::{CardId, CardKey, EventBody, EventId, Flag, OfferId, ProgramKind, Refusal};
use time::{Duration, OffsetDateTime};

use crate::helpers::{
    Owner, TestApp, Till, error, json, live_code, new_card_key, remember_key, reversal_of,
    setup_request, spawn_app_with,
};

/// A server without the join rate limit: these tests join dozens of members from one address.
async fn app() -> TestApp {
    spawn_app_with(|settings| settings.rate_limits = false).await
}

fn offer(gift: Gift, audience: Audience, holdout_percent: i64) -> OfferInput {
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    OfferInput {
        title: "A treat on us".into(),
        text: "Show your card at the till".into(),
        gift,
        starts_at: now - Duration::hours(1),
        ends_at: now + Duration::days(7),
        weekdays: vec![],
        hours: None,
        audience,
        holdout_percent,
        uses_per_member: 1,
    }
}

fn everyone() -> Audience {
    Audience {
        everyone: true,
        ..Audience::default()
    }
}

fn free_item() -> Gift {
    Gift::FreeItem {
        item: "Pastry".into(),
    }
}

async fn create(app: &TestApp, owner: &Owner, input: &OfferInput) -> OwnerOffer {
    json(
        owner
            .client
            .post(app.url("/api/v1/owner/offers"))
            .json(input)
            .send()
            .await
            .unwrap(),
        201,
    )
    .await
}

async fn owner_offers(app: &TestApp, owner: &Owner) -> OwnerOffers {
    json(
        owner
            .client
            .get(app.url("/api/v1/owner/offers"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await
}

async fn join_with(app: &TestApp, owner: &Owner, consent: Option<bool>) -> JoinResponse {
    let key = new_card_key();
    let path = format!("/api/v1/shops/{}/join", owner.shop.shop.slug);
    let request = JoinRequest {
        public_key: Some(CardKey::from(&key).to_base64()),
        offers_consent: consent,
        ..JoinRequest::default()
    };
    let joined: JoinResponse = json(app.post(&path, None, &request).await, 201).await;
    remember_key(joined.card.card.id, key);
    joined
}

async fn mine(app: &TestApp, token: &str) -> Vec<OfferId> {
    let offers: MemberOffers =
        json(app.get("/api/v1/cards/me/offers", Some(token)).await, 200).await;
    offers.offers.iter().map(|o| o.offer.id).collect()
}

fn engagement(seq: i64, kind: CardEventKind, offer_id: OfferId) -> CardEvent {
    CardEvent {
        id: EventId(uuid::Uuid::now_v7()),
        card_seq: seq,
        occurred_at: OffsetDateTime::now_utc().replace_nanosecond(0).unwrap(),
        kind,
        score: None,
        comment: None,
        offer_id: Some(offer_id),
        offer_version: Some(1),
    }
}

async fn push_phone(app: &TestApp, token: &str, events: &[CardEvent]) -> CardEventsPushResponse {
    json(
        app.post(
            "/api/v1/cards/me/events",
            Some(token),
            &CardEventsPush {
                events: events.to_vec(),
            },
        )
        .await,
        200,
    )
    .await
}

fn used(
    till: &Till,
    card_id: CardId,
    offer: &OwnerOffer,
    offline: bool,
) -> regulars_protocol::Event {
    till.event(
        card_id,
        EventBody::OfferUsed {
            offer_id: offer.id,
            offer_version: offer.version,
            count: match offer.input.gift {
                Gift::ExtraStamps { count } => count,
                _ => 0,
            },
            offline,
        },
    )
}

async fn lookup(app: &TestApp, till: &Till, card_id: CardId) -> Customer {
    json(app.lookup(till, &live_code(card_id)).await, 200).await
}

#[tokio::test]
async fn an_offer_reaches_its_audience_and_never_its_holdout() {
    let app = app().await;
    let owner = app
        .setup("holdout@example.com", ProgramKind::Stamps, 5)
        .await;
    let till = app.pair(&owner).await;
    let mut cards = vec![];
    for _ in 0..24 {
        cards.push(app.join(&owner).await);
    }
    // Half held out, so both sides have members.
    let made = create(&app, &owner, &offer(free_item(), everyone(), 50)).await;
    assert_eq!(made.counts.eligible, 24, "every member is eligible");
    let out: Vec<bool> = cards
        .iter()
        .map(|c| held_out(made.id, c.card.card.id, 50))
        .collect();
    assert_eq!(
        made.counts.held_out,
        out.iter().filter(|o| **o).count() as i64
    );
    assert!(out.iter().any(|o| *o) && out.iter().any(|o| !*o));
    // Its effect is measured against the holdout from the start: nobody has visited yet.
    let effect = made.effect.expect("a started offer has an effect");
    assert_eq!(effect.held_out, made.counts.held_out);
    assert_eq!(effect.members + effect.held_out, 24);
    assert_eq!(effect.verdict, EffectVerdict::NoEffectYet);
    assert_eq!((effect.visits.low, effect.visits.high), (0, 0));
    let pulled: PullResponse = json(
        app.get("/api/v1/sync/pull?cursor=0", Some(&till.token))
            .await,
        200,
    )
    .await;
    assert!(pulled.till.offers.iter().any(|o| o.id == made.id));
    for (card, held) in cards.iter().zip(&out) {
        let id = card.card.card.id;
        let shown = mine(&app, &card.token).await.contains(&made.id);
        assert_eq!(shown, !held, "card {id}: held out {held}");
        let view = app.card(&card.token).await;
        assert_eq!(view.offers.iter().any(|o| o.offer.id == made.id), !held);
        let directory = pulled.cards.iter().find(|c| c.card_id == id).unwrap();
        assert_eq!(
            directory.offers.iter().any(|o| o.offer_id == made.id),
            !held
        );
        let customer = lookup(&app, &till, id).await;
        assert_eq!(customer.offers.iter().any(|o| o.offer_id == made.id), !held);
    }
    // A held-out member's phone cannot claim to have seen it, and their till cannot use it.
    let (held, _) = cards.iter().zip(&out).find(|(_, o)| **o).unwrap();
    let answer = push_phone(
        &app,
        &held.token,
        &[engagement(1, CardEventKind::OfferShown, made.id)],
    )
    .await;
    assert_eq!(answer.results[0].status, PushStatus::Rejected);
    assert_eq!(answer.results[0].code, Some(Refusal::UnknownOffer));
    let refused = app
        .push(&till, &[used(&till, held.card.card.id, &made, false)])
        .await;
    assert_eq!(refused.results[0].code, Some(Refusal::OfferNotForCard));
    // An offline use for them is stored and flagged for the owner.
    let flagged = app
        .push(&till, &[used(&till, held.card.card.id, &made, true)])
        .await;
    assert_eq!(flagged.results[0].status, PushStatus::Accepted);
    assert!(flagged.results[0].flags.contains(&Flag::OfferNotForCard));

    // An edit is a new version; the same members stay held out.
    let mut edited = made.input.clone();
    edited.title = "Two treats on us".into();
    let again: OwnerOffer = json(
        owner
            .client
            .put(app.url(&format!("/api/v1/owner/offers/{}", made.id)))
            .json(&edited)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(again.version, 2);
    assert_eq!(again.counts.held_out, made.counts.held_out);
    for (card, held) in cards.iter().zip(&out) {
        let view = app.card(&card.token).await;
        let seen = view.offers.iter().find(|o| o.offer.id == made.id);
        assert_eq!(seen.is_some(), !held);
        if let Some(seen) = seen {
            assert_eq!(seen.offer.version, 2);
            assert_eq!(seen.offer.title, "Two treats on us");
        }
    }
}

#[tokio::test]
async fn a_member_without_consent_gets_no_targeted_offer() {
    let app = app().await;
    let owner = app
        .setup("consent@example.com", ProgramKind::Stamps, 5)
        .await;
    let till = app.pair(&owner).await;
    let yes = join_with(&app, &owner, Some(true)).await;
    let no = join_with(&app, &owner, Some(false)).await;
    let unasked = join_with(&app, &owner, None).await;
    assert!(yes.card.card.offers_consent && yes.card.card.offers_consent_at.is_some());
    assert!(!no.card.card.offers_consent && no.card.card.offers_consent_at.is_some());
    assert!(!unasked.card.card.offers_consent && unasked.card.card.offers_consent_at.is_none());
    for card in [&yes, &no, &unasked] {
        let pushed = app.push(&till, &[till.stamps(card.card.card.id, 1)]).await;
        assert_eq!(pushed.results[0].status, PushStatus::Accepted);
    }
    let regulars = Audience {
        min_visits: Some(1),
        ..Audience::default()
    };
    let input = offer(free_item(), regulars.clone(), 5);
    let preview: OfferPreview = json(
        owner
            .client
            .post(app.url("/api/v1/owner/offers/preview"))
            .json(&input)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(preview.without_consent, 2);
    assert_eq!(preview.eligible, 1);
    let targeted = create(&app, &owner, &input).await;
    let for_all = create(&app, &owner, &offer(free_item(), everyone(), 5)).await;
    for card in [&yes, &no, &unasked] {
        let id = card.card.card.id;
        let offers = mine(&app, &card.token).await;
        let consented = card.card.card.offers_consent;
        assert_eq!(
            offers.contains(&targeted.id),
            consented && !held_out(targeted.id, id, 5),
            "a targeted offer needs consent"
        );
        assert_eq!(offers.contains(&for_all.id), !held_out(for_all.id, id, 5));
    }
    // Taking consent back takes the targeted offer away.
    let update = ProfileUpdate {
        offers_consent: Some(false),
        ..ProfileUpdate::default()
    };
    let view: regulars_protocol::wire::CardView = json(
        app.http
            .patch(app.url("/api/v1/cards/me"))
            .bearer_auth(&yes.token)
            .json(&update)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert!(!view.card.offers_consent);
    assert!(!view.offers.iter().any(|o| o.offer.id == targeted.id));
}

#[tokio::test]
async fn a_shop_sees_only_its_own_offers_and_engagement() {
    let app = app().await;
    let first = app.setup("first@example.com", ProgramKind::Stamps, 5).await;
    let second = app
        .setup("second@example.com", ProgramKind::Stamps, 5)
        .await;
    let theirs = create(&app, &first, &offer(free_item(), everyone(), 5)).await;
    let list = owner_offers(&app, &second).await;
    assert!(list.offers.is_empty());
    let edit = error(
        second
            .client
            .put(app.url(&format!("/api/v1/owner/offers/{}", theirs.id)))
            .json(&theirs.input)
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
    assert_eq!(edit.code, "unknown_offer");
    let status = error(
        second
            .client
            .post(app.url(&format!("/api/v1/owner/offers/{}/status", theirs.id)))
            .json(&OfferStatusChange {
                status: OfferStatus::Ended,
            })
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
    assert_eq!(status.code, "unknown_offer");
    // The other shop's phone and till cannot touch it; the rest of their batch stands.
    let member = app.join(&second).await;
    let till = app.pair(&second).await;
    let answer = push_phone(
        &app,
        &member.token,
        &[
            engagement(1, CardEventKind::OfferSaved, theirs.id),
            CardEvent {
                kind: CardEventKind::NpsDismissed,
                offer_id: None,
                offer_version: None,
                ..engagement(2, CardEventKind::NpsDismissed, theirs.id)
            },
        ],
    )
    .await;
    assert_eq!(answer.results[0].code, Some(Refusal::UnknownOffer));
    assert_eq!(answer.results[1].status, PushStatus::Accepted);
    let pushed = app
        .push(
            &till,
            &[
                used(&till, member.card.card.id, &theirs, true),
                till.stamps(member.card.card.id, 1),
            ],
        )
        .await;
    assert_eq!(pushed.results[0].code, Some(Refusal::UnknownOffer));
    assert_eq!(pushed.results[1].status, PushStatus::Accepted);
    let counts = owner_offers(&app, &first).await;
    assert_eq!(counts.offers[0].counts.saved, 0);
    assert_eq!(counts.offers[0].counts.used, 0);
}

/// A card that is not held out from the offer (joins until one is).
async fn member_for(app: &TestApp, owner: &Owner, offer: &OwnerOffer) -> JoinResponse {
    loop {
        let card = app.join(owner).await;
        if !held_out(offer.id, card.card.card.id, offer.input.holdout_percent) {
            return card;
        }
    }
}

#[tokio::test]
async fn an_offer_meant_once_is_used_once_across_tablets() {
    let app = app().await;
    let owner = app.setup("once@example.com", ProgramKind::Stamps, 10).await;
    let front = app.pair(&owner).await;
    let back = app.pair(&owner).await;
    let made = create(
        &app,
        &owner,
        &offer(Gift::ExtraStamps { count: 2 }, everyone(), 5),
    )
    .await;
    let card = member_for(&app, &owner, &made).await;
    let id = card.card.card.id;
    let first = used(&front, id, &made, false);
    let pushed = app.push(&front, std::slice::from_ref(&first)).await;
    assert_eq!(pushed.results[0].status, PushStatus::Accepted);
    assert_eq!(pushed.results[0].balance.unwrap().balance, 2);
    // The answer was lost: the same event again is the same answer, not a second use.
    let again = app.push(&front, std::slice::from_ref(&first)).await;
    assert_eq!(again.results[0].status, PushStatus::Duplicate);
    // The other tablet, online, is told at once.
    let second = app.push(&back, &[used(&back, id, &made, false)]).await;
    assert_eq!(second.results[0].code, Some(Refusal::OfferUsedUp));
    // Offline, it had already given the stamps: stored, flagged and balanced.
    let offline = app.push(&back, &[used(&back, id, &made, true)]).await;
    assert_eq!(offline.results[0].status, PushStatus::Accepted);
    assert!(offline.results[0].flags.contains(&Flag::OfferUsedUp));
    assert_eq!(offline.results[0].balance.unwrap().balance, 2);
    let customer = lookup(&app, &front, id).await;
    assert_eq!(customer.balance.balance, 2);
    let mine = customer
        .offers
        .iter()
        .find(|o| o.offer_id == made.id)
        .unwrap();
    assert_eq!(mine.used, 1);
    let list = owner_offers(&app, &owner).await;
    assert_eq!(list.offers[0].counts.used, 1);
    // A used-up offer leaves the card.
    assert!(!self::mine(&app, &card.token).await.contains(&made.id));
    // The cashier undoes the use that stands (the wrong customer): the member has it again.
    let undo = reversal_of(&front, &first, front.staff_id, OffsetDateTime::now_utc());
    let undone = app.push(&front, &[undo]).await;
    assert_eq!(
        undone.results[0].status,
        PushStatus::Accepted,
        "{:?}",
        undone.results[0].reason
    );
    assert_eq!(undone.results[0].balance.unwrap().balance, 0);
    assert!(self::mine(&app, &card.token).await.contains(&made.id));
    let reused = app.push(&back, &[used(&back, id, &made, false)]).await;
    assert_eq!(
        reused.results[0].status,
        PushStatus::Accepted,
        "{:?}",
        reused.results[0].reason
    );
    assert_eq!(reused.results[0].balance.unwrap().balance, 2);
    // A tablet that lies about what the offer gives is refused.
    let other = member_for(&app, &owner, &made).await;
    let mut lying = used(&front, other.card.card.id, &made, true);
    lying.body = EventBody::OfferUsed {
        offer_id: made.id,
        offer_version: made.version,
        count: 9,
        offline: true,
    };
    let refused = app.push(&front, &[lying]).await;
    assert_eq!(refused.results[0].code, Some(Refusal::OfferMismatch));
    let mut unknown_version = used(&front, other.card.card.id, &made, true);
    unknown_version.body = EventBody::OfferUsed {
        offer_id: made.id,
        offer_version: 7,
        count: 2,
        offline: true,
    };
    let refused = app.push(&front, &[unknown_version]).await;
    assert_eq!(refused.results[0].code, Some(Refusal::UnknownOffer));
}

#[tokio::test]
async fn a_multiplied_purchase_is_computed_again_by_the_server() {
    let app = app().await;
    let owner = app
        .setup("double@example.com", ProgramKind::Points, 100)
        .await;
    let till = app.pair(&owner).await;
    let made = create(
        &app,
        &owner,
        &offer(Gift::PointsMultiplier { times_tenths: 20 }, everyone(), 5),
    )
    .await;
    let card = member_for(&app, &owner, &made).await;
    let id = card.card.card.id;
    let program = &till.program.program;
    let amount = 1_250;
    let base = program.points_for(amount, minor_digits(&till.program.shop.currency));
    let purchase = |points: i64| EventBody::PointsEarned {
        amount_minor: amount,
        points,
        program_version: program.version,
        category: None,
        offer_id: Some(made.id),
        offer_version: Some(made.version),
    };
    let wrong = app.push(&till, &[till.event(id, purchase(base * 3))]).await;
    assert_eq!(wrong.results[0].code, Some(Refusal::PointsMismatch));
    let doubled = app.push(&till, &[till.event(id, purchase(base * 2))]).await;
    assert_eq!(
        doubled.results[0].status,
        PushStatus::Accepted,
        "{:?}",
        doubled.results[0].reason
    );
    assert_eq!(doubled.results[0].balance.unwrap().balance, base * 2);
    // Used again (an offline till did not know): the purchase stands, the extra is taken back.
    let twice = app.push(&till, &[till.event(id, purchase(base * 2))]).await;
    assert_eq!(twice.results[0].status, PushStatus::Accepted);
    assert!(twice.results[0].flags.contains(&Flag::OfferUsedUp));
    assert_eq!(twice.results[0].balance.unwrap().balance, base * 2 + base);
}

#[tokio::test]
async fn saves_and_dismissals_reach_the_till_and_the_card() {
    let app = app().await;
    let owner = app.setup("saves@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let first = create(&app, &owner, &offer(free_item(), everyone(), 5)).await;
    let second = create(
        &app,
        &owner,
        &offer(Gift::PercentOff { percent: 10 }, everyone(), 5),
    )
    .await;
    let card = loop {
        let card = app.join(&owner).await;
        let id = card.card.card.id;
        if !held_out(first.id, id, 5) && !held_out(second.id, id, 5) {
            break card;
        }
    };
    let id = card.card.card.id;
    let pulled: PullResponse = json(
        app.get("/api/v1/sync/pull?cursor=0", Some(&till.token))
            .await,
        200,
    )
    .await;
    let answer = push_phone(
        &app,
        &card.token,
        &[
            engagement(1, CardEventKind::OfferShown, first.id),
            engagement(2, CardEventKind::OfferSaved, first.id),
            engagement(3, CardEventKind::OfferDismissed, second.id),
        ],
    )
    .await;
    assert!(
        answer
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted)
    );
    // Engagement names the version the card showed: one the offer never had is refused alone.
    let unknown = push_phone(
        &app,
        &card.token,
        &[
            CardEvent {
                offer_version: Some(9),
                ..engagement(4, CardEventKind::OfferOpened, first.id)
            },
            engagement(5, CardEventKind::OfferOpened, first.id),
        ],
    )
    .await;
    assert_eq!(unknown.results[0].code, Some(Refusal::UnknownOffer));
    assert_eq!(unknown.results[1].status, PushStatus::Accepted);
    // The tablet pulls the card again, with the save marked and the dismissed offer gone.
    let next: PullResponse = json(
        app.get(
            &format!("/api/v1/sync/pull?cursor={}", pulled.cursor),
            Some(&till.token),
        )
        .await,
        200,
    )
    .await;
    let directory = next
        .cards
        .iter()
        .find(|c| c.card_id == id)
        .expect("the card is pulled again");
    assert!(
        directory
            .offers
            .iter()
            .any(|o| o.offer_id == first.id && o.saved)
    );
    assert!(!directory.offers.iter().any(|o| o.offer_id == second.id));
    let offers = mine(&app, &card.token).await;
    assert_eq!(offers, vec![first.id]);
    let list = owner_offers(&app, &owner).await;
    let counts = |id: OfferId| list.offers.iter().find(|o| o.id == id).unwrap().counts;
    assert_eq!((counts(first.id).shown, counts(first.id).saved), (1, 1));
    assert_eq!(counts(second.id).dismissed, 1);
}

#[tokio::test]
async fn bad_offers_are_refused_naming_the_field() {
    let app = app().await;
    let owner = app
        .setup("bad-offers@example.com", ProgramKind::Stamps, 5)
        .await;
    let good = offer(free_item(), everyone(), 10);
    let cases: Vec<(&str, OfferInput)> = vec![
        (
            "ends_at",
            OfferInput {
                ends_at: good.starts_at - Duration::hours(1),
                ..good.clone()
            },
        ),
        (
            "audience",
            OfferInput {
                audience: Audience::default(),
                ..good.clone()
            },
        ),
        (
            "holdout_percent",
            OfferInput {
                holdout_percent: 60,
                ..good.clone()
            },
        ),
        (
            "holdout_percent",
            OfferInput {
                holdout_percent: 2,
                ..good.clone()
            },
        ),
        (
            "gift",
            OfferInput {
                gift: Gift::PointsMultiplier { times_tenths: 20 },
                ..good.clone()
            },
        ),
        (
            "gift.count",
            OfferInput {
                gift: Gift::ExtraStamps { count: 500 },
                ..good.clone()
            },
        ),
    ];
    for (field, input) in cases {
        for path in ["/api/v1/owner/offers", "/api/v1/owner/offers/preview"] {
            let body = error(
                owner
                    .client
                    .post(app.url(path))
                    .json(&input)
                    .send()
                    .await
                    .unwrap(),
                422,
            )
            .await;
            assert_eq!(body.code, "invalid_field", "{path}: {}", body.message);
            assert!(
                body.message.starts_with(&format!("{field}:")),
                "{field}: {}",
                body.message
            );
        }
    }
    let points_owner = app
        .setup("bad-multiplier@example.com", ProgramKind::Points, 100)
        .await;
    let body = error(
        points_owner
            .client
            .post(app.url("/api/v1/owner/offers"))
            .json(&OfferInput {
                gift: Gift::PointsMultiplier {
                    times_tenths: 1_000,
                },
                ..good.clone()
            })
            .send()
            .await
            .unwrap(),
        422,
    )
    .await;
    assert!(
        body.message.starts_with("gift.times_tenths:"),
        "{}",
        body.message
    );
    // Nothing was made.
    let list = owner_offers(&app, &owner).await;
    assert!(list.offers.is_empty());
    // A paused offer leaves the cards and the tills; an ended one cannot start again.
    let made = create(&app, &owner, &good).await;
    let card = member_for(&app, &owner, &made).await;
    assert!(mine(&app, &card.token).await.contains(&made.id));
    let status = |status| OfferStatusChange { status };
    let paused: OwnerOffer = json(
        owner
            .client
            .post(app.url(&format!("/api/v1/owner/offers/{}/status", made.id)))
            .json(&status(OfferStatus::Paused))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(paused.status, OfferStatus::Paused);
    assert!(!mine(&app, &card.token).await.contains(&made.id));
    for (to, code) in [(OfferStatus::Ended, 200), (OfferStatus::Active, 422)] {
        let response = owner
            .client
            .post(app.url(&format!("/api/v1/owner/offers/{}/status", made.id)))
            .json(&status(to))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), code);
    }
}

#[tokio::test]
async fn an_offer_used_outside_its_days_or_before_its_start_does_not_stand() {
    let app = app().await;
    // Open for years, so a use dated before the offer is a fact, not an impossible time.
    let owner = app
        .setup_open_for_years(&setup_request("days@example.com", ProgramKind::Stamps, 10))
        .await;
    let till = app.pair(&owner).await;
    // Only on a day that is not today in the shop (Europe/Paris; two days on, whatever the hour).
    let today = OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(1, 0, 0).unwrap())
        .weekday();
    let other_day = today.next().next().number_from_monday();
    let input = OfferInput {
        weekdays: vec![other_day],
        ..offer(Gift::ExtraStamps { count: 3 }, everyone(), 5)
    };
    let made = create(&app, &owner, &input).await;
    let card = member_for(&app, &owner, &made).await;
    let id = card.card.card.id;
    let online = app.push(&till, &[used(&till, id, &made, false)]).await;
    assert_eq!(online.results[0].code, Some(Refusal::OfferNotForCard));
    let offline = app.push(&till, &[used(&till, id, &made, true)]).await;
    assert_eq!(offline.results[0].status, PushStatus::Accepted);
    assert!(offline.results[0].flags.contains(&Flag::OfferNotValid));
    assert_eq!(
        offline.results[0].balance.unwrap().balance,
        0,
        "its stamps are taken back"
    );
    // A use dated before the offer began is judged by its own time.
    let later = create(
        &app,
        &owner,
        &offer(Gift::ExtraStamps { count: 1 }, everyone(), 5),
    )
    .await;
    let member = member_for(&app, &owner, &later).await;
    let mut early = used(&till, member.card.card.id, &later, true);
    early.occurred_at = later.input.starts_at - Duration::minutes(30);
    let before = app.push(&till, &[early]).await;
    assert_eq!(before.results[0].status, PushStatus::Accepted);
    assert!(before.results[0].flags.contains(&Flag::OfferNotValid));
}

#[tokio::test]
async fn an_offer_whose_members_come_more_than_its_holdout_is_said_to_add_visits() {
    let app = app().await;
    let owner = app
        .setup("effect@example.com", ProgramKind::Stamps, 10)
        .await;
    let till = app.pair(&owner).await;
    let made = create(&app, &owner, &offer(free_item(), everyone(), 50)).await;
    let mut cards = vec![];
    for _ in 0..40 {
        cards.push(app.join(&owner).await.card.card.id);
    }
    // Everyone who could see it comes in; one held-out member in three does.
    let mut held = 0;
    let mut events = vec![];
    for id in &cards {
        if held_out(made.id, *id, 50) {
            held += 1;
            if held % 3 == 0 {
                events.push(till.stamps(*id, 1));
            }
        } else {
            events.push(till.stamps(*id, 1));
        }
    }
    let pushed = app.push(&till, &events).await;
    assert!(
        pushed
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted)
    );
    let list = owner_offers(&app, &owner).await;
    let effect = list.offers[0].effect.expect("measured");
    assert_eq!(effect.held_out, held);
    assert_eq!(effect.members, 40 - held);
    // Visits per member: 1 for those who could see it, a third for the holdout.
    let expected = 1000 - (1000 * (held / 3)) / held;
    assert!((effect.visits.estimate - expected).abs() <= 1, "{effect:?}");
    assert!(effect.visits.low > 0, "{effect:?}");
    assert_eq!(effect.verdict, EffectVerdict::Adds);
    // The list measures every offer from one read of the shop's visits; one offer alone (as
    // an edit answers it) is measured from its own reads: the same figures.
    let edited: OwnerOffer = json(
        owner
            .client
            .put(app.url(&format!("/api/v1/owner/offers/{}", made.id)))
            .json(&made.input)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(edited.effect, Some(effect));
}

#[tokio::test]
async fn two_dismissed_free_items_hold_back_the_next_one_but_not_other_kinds() {
    let app = app().await;
    let owner = app
        .setup("suppress@example.com", ProgramKind::Stamps, 10)
        .await;
    let made = [
        create(&app, &owner, &offer(free_item(), everyone(), 5)).await,
        create(&app, &owner, &offer(free_item(), everyone(), 5)).await,
        create(&app, &owner, &offer(free_item(), everyone(), 5)).await,
        create(
            &app,
            &owner,
            &offer(Gift::AmountOff { amount_minor: 200 }, everyone(), 5),
        )
        .await,
    ];
    let card = loop {
        let card = app.join(&owner).await;
        if made.iter().all(|o| !held_out(o.id, card.card.card.id, 5)) {
            break card;
        }
    };
    assert_eq!(mine(&app, &card.token).await.len(), 4);
    let answer = push_phone(
        &app,
        &card.token,
        &[
            engagement(1, CardEventKind::OfferDismissed, made[0].id),
            engagement(2, CardEventKind::OfferDismissed, made[1].id),
        ],
    )
    .await;
    assert!(
        answer
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted)
    );
    // The third free item is held back too; money off still shows.
    assert_eq!(mine(&app, &card.token).await, vec![made[3].id]);
}

async fn member_page(app: &TestApp, owner: &Owner, card_id: CardId) -> MemberInsights {
    json(
        owner
            .client
            .get(app.url(&format!("/api/v1/owner/insights/members/{card_id}")))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await
}

#[tokio::test]
async fn the_member_page_says_where_each_offer_stands_on_their_card_and_why() {
    let app = app().await;
    let owner = app
        .setup("explain@example.com", ProgramKind::Stamps, 10)
        .await;
    let made = [
        create(&app, &owner, &offer(free_item(), everyone(), 50)).await,
        create(&app, &owner, &offer(free_item(), everyone(), 50)).await,
        create(
            &app,
            &owner,
            &offer(Gift::AmountOff { amount_minor: 200 }, everyone(), 50),
        )
        .await,
    ];
    // A member held out of the first offer and shown the other two.
    let card = loop {
        let card = app.join(&owner).await;
        let id = card.card.card.id;
        if held_out(made[0].id, id, 50)
            && !held_out(made[1].id, id, 50)
            && !held_out(made[2].id, id, 50)
        {
            break card;
        }
    };
    let id = card.card.card.id;
    let page = member_page(&app, &owner, id).await;
    assert_eq!(page.offers.len(), 3, "{:?}", page.offers);
    let of = |page: &MemberInsights, offer: OfferId| {
        page.offers
            .iter()
            .find(|o| o.offer_id == offer)
            .cloned()
            .expect("listed")
    };
    let first = of(&page, made[0].id);
    assert_eq!(first.withheld, Some(Withheld::HeldOut));
    assert!(first.reasons.is_empty());
    // The two it shows are in the card's own order, each with why (both new to the shop).
    let shown: Vec<OfferId> = page
        .offers
        .iter()
        .filter(|o| o.place.is_some())
        .map(|o| o.offer_id)
        .collect();
    assert_eq!(shown, mine(&app, &card.token).await);
    for o in page.offers.iter().filter(|o| o.place.is_some()) {
        assert!(o.reasons.iter().any(|r| r.code == ReasonCode::New), "{o:?}");
    }
    assert_eq!(
        page.offers
            .iter()
            .filter_map(|o| o.place)
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    // Saved first; a dismissed one says so.
    let answer = push_phone(
        &app,
        &card.token,
        &[
            engagement(1, CardEventKind::OfferShown, made[1].id),
            engagement(2, CardEventKind::OfferShown, made[2].id),
            engagement(3, CardEventKind::OfferSaved, made[2].id),
            engagement(4, CardEventKind::OfferDismissed, made[1].id),
        ],
    )
    .await;
    assert!(
        answer
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted)
    );
    let page = member_page(&app, &owner, id).await;
    let saved = of(&page, made[2].id);
    assert_eq!(saved.place, Some(1));
    assert_eq!(saved.reasons[0].code, ReasonCode::Saved);
    assert_eq!(of(&page, made[1].id).withheld, Some(Withheld::Dismissed));
    // The member's own response to a kind: they were shown one free item and dismissed it.
    assert!(
        of(&page, made[1].id)
            .reasons
            .iter()
            .any(|r| r.code == ReasonCode::SkippedKind && r.of == 1),
        "{:?}",
        of(&page, made[1].id)
    );
}

#[tokio::test]
async fn a_finished_offer_keeps_its_result() {
    let app = app().await;
    let owner = app
        .setup("finished@example.com", ProgramKind::Stamps, 10)
        .await;
    let till = app.pair(&owner).await;
    let made = create(&app, &owner, &offer(free_item(), everyone(), 50)).await;
    let mut cards = vec![];
    for _ in 0..12 {
        cards.push(app.join(&owner).await.card.card.id);
    }
    let visit = |cards: &[CardId]| {
        cards
            .iter()
            .map(|id| till.stamps(*id, 1))
            .collect::<Vec<_>>()
    };
    app.push(&till, &visit(&cards[..6])).await;
    let ended: OwnerOffer = json(
        owner
            .client
            .post(app.url(&format!("/api/v1/owner/offers/{}/status", made.id)))
            .json(&OfferStatusChange {
                status: OfferStatus::Ended,
            })
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    let live = ended.effect.expect("measured");
    // Just ended: late offline visits may still arrive, so the result is not kept yet.
    assert!(!live.finished, "{live:?}");
    // It ran from five days ago to three days ago (as if the owner ended it then).
    let now = OffsetDateTime::now_utc();
    let mut input = made.input.clone();
    input.starts_at = now - Duration::days(5);
    sqlx::query("UPDATE offer_versions SET definition = $1 WHERE offer_id = $2")
        .bind(serde_json::to_string(&input).unwrap())
        .bind(made.id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("UPDATE offers SET ended_at = $1 WHERE id = $2")
        .bind(regulars_server::db::ts(now - Duration::days(3)))
        .bind(made.id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    let kept = owner_offers(&app, &owner).await.offers[0]
        .effect
        .expect("measured");
    assert!(kept.finished, "{kept:?}");
    assert_eq!(kept.days, 3, "{kept:?}");
    // It is kept, and answered as kept from then on, whatever happens to the data behind it.
    let stored: Option<String> = sqlx::query_scalar("SELECT result FROM offers WHERE id = $1")
        .bind(made.id.to_string())
        .fetch_one(&app.db)
        .await
        .unwrap();
    let stored: OfferEffect = serde_json::from_str(&stored.expect("kept")).unwrap();
    assert_eq!(stored, kept);
    sqlx::query("DELETE FROM offer_members WHERE offer_id = $1")
        .bind(made.id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    app.push(&till, &visit(&cards)).await;
    let again = owner_offers(&app, &owner).await;
    assert_eq!(again.offers[0].effect, Some(kept));
    // An ended offer is on no card.
    assert_eq!(again.offers[0].counts.on_cards, 0);
}
