use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use regulars_protocol::ledger::fold;
use regulars_protocol::wire::{CardEvents, PullResponse, PushRequest, PushResponse, PushStatus};
use regulars_protocol::{CardId, Event, EventId, ProgramKind};
use regulars_server::maintenance;

use crate::helpers::{TestApp, json, spawn_app};

async fn pull(app: &TestApp, token: &str, cursor: i64) -> PullResponse {
    json(
        app.get(&format!("/api/v1/sync/pull?cursor={cursor}"), Some(token))
            .await,
        200,
    )
    .await
}

#[tokio::test]
async fn a_tablet_pulls_the_cards_changed_after_its_cursor() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let first = app.join(&owner).await;
    let second = app.join(&owner).await;

    let all = pull(&app, &till.token, 0).await;
    assert_eq!(all.cards.len(), 2);
    assert_eq!(all.till.shop.id, owner.shop.shop.id);
    assert!(!all.more);
    let nothing_new = pull(&app, &till.token, all.cursor).await;
    assert!(nothing_new.cards.is_empty());
    assert_eq!(nothing_new.cursor, all.cursor);

    app.push(&till, &[till.stamps(second.card.card.id, 2)])
        .await;
    let changed = pull(&app, &till.token, all.cursor).await;
    assert_eq!(changed.cards.len(), 1);
    assert_eq!(changed.cards[0].card_id, second.card.card.id);
    assert_eq!(changed.cards[0].balance.balance, 2);
    assert!(changed.cursor > all.cursor);
    let _ = first;
}

#[tokio::test]
async fn a_pull_never_shows_another_shops_cards() {
    let app = spawn_app().await;
    let ana = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let bo = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&ana).await;
    app.join(&bo).await;
    assert!(pull(&app, &till.token, 0).await.cards.is_empty());
    assert_eq!(
        app.get("/api/v1/sync/pull?cursor=0", None).await.status(),
        401
    );
    assert_eq!(
        app.get("/api/v1/sync/pull?cursor=abc", Some(&till.token))
            .await
            .status(),
        400
    );
}

#[tokio::test]
async fn a_phone_pulls_only_its_own_cards_events_after_its_cursor() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let mine = app.join(&owner).await;
    let other = app.join(&owner).await;
    app.push(
        &till,
        &[
            till.stamps(mine.card.card.id, 1),
            till.stamps(other.card.card.id, 3),
        ],
    )
    .await;
    let page: CardEvents = json(
        app.get("/api/v1/cards/me/events", Some(&mine.token)).await,
        200,
    )
    .await;
    assert_eq!(page.events.len(), 1);
    assert_eq!(page.balance.balance, 1);
    app.push(&till, &[till.stamps(mine.card.card.id, 2)]).await;
    let next: CardEvents = json(
        app.get(
            &format!("/api/v1/cards/me/events?after={}", page.cursor),
            Some(&mine.token),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(next.events.len(), 1);
    assert_eq!(next.balance.balance, 3);
    assert!(next.cursor > page.cursor);
}

#[tokio::test]
async fn events_from_a_device_whose_clock_is_far_off_are_accepted_and_marked() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let request = PushRequest {
        events: vec![till.stamps(card.card.card.id, 1)],
        sent_at: Some(time::OffsetDateTime::now_utc() + time::Duration::hours(3)),
    };
    let response: PushResponse = json(
        app.post("/api/v1/sync/push", Some(&till.token), &request)
            .await,
        200,
    )
    .await;
    assert_eq!(response.results[0].status, PushStatus::Accepted);
    assert_eq!(response.results[0].flags, ["clock_skew"]);
    let flags: Option<String> = sqlx::query_scalar("SELECT flags FROM events")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(flags.as_deref(), Some("clock_skew"));
    let on_time = app.push(&till, &[till.stamps(card.card.card.id, 1)]).await;
    assert!(on_time.results[0].flags.is_empty());
}

#[tokio::test]
async fn rebuilding_balances_finds_and_repairs_a_cache_that_drifted_from_the_ledger() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    app.push(&till, &[till.stamps(card.card.card.id, 3)]).await;
    let clean = maintenance::rebuild_balances(&app.db).await.unwrap();
    assert!(clean.differences.is_empty());
    assert_eq!((clean.cards, clean.events), (1, 1));

    sqlx::query("UPDATE balances SET balance = 99")
        .execute(&app.db)
        .await
        .unwrap();
    let report = maintenance::rebuild_balances(&app.db).await.unwrap();
    assert_eq!(report.differences.len(), 1);
    assert_eq!(report.differences[0].cached.balance, 99);
    assert_eq!(report.differences[0].folded.balance, 3);
    assert_eq!(app.card(&card.token).await.balance.balance, 3);
}

/// One step of the sync model.
#[derive(Debug, Clone)]
enum Step {
    /// A device gives stamps to a card, offline or not: the event goes to its outbox.
    Stamp {
        device: usize,
        card: usize,
        count: i64,
    },
    /// A device pushes up to `batch` events of its outbox (in reverse order if `reorder`); the
    /// answer is lost on the way back if `lose_answer`, so the device will push them again.
    Push {
        device: usize,
        batch: usize,
        reorder: bool,
        lose_answer: bool,
    },
    /// A device goes offline or comes back.
    Toggle { device: usize },
}

fn step(devices: usize, cards: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..devices, 0..cards, 1..4_i64).prop_map(|(device, card, count)| Step::Stamp { device, card, count }),
        3 => (0..devices, 1..6_usize, any::<bool>(), prop::bool::weighted(0.3))
            .prop_map(|(device, batch, reorder, lose_answer)| Step::Push { device, batch, reorder, lose_answer }),
        1 => (0..devices).prop_map(|device| Step::Toggle { device }),
    ]
}

struct Device {
    till: crate::helpers::Till,
    outbox: Vec<Event>,
    online: bool,
}

async fn push_from(
    app: &TestApp,
    device: &mut Device,
    batch: usize,
    reorder: bool,
    lose_answer: bool,
) {
    if !device.online || device.outbox.is_empty() {
        return;
    }
    let mut sent: Vec<Event> = device.outbox.iter().take(batch).cloned().collect();
    if reorder {
        sent.reverse();
    }
    let response = app.push(&device.till, &sent).await;
    if lose_answer {
        return;
    }
    let stored: BTreeSet<EventId> = response
        .results
        .iter()
        .filter(|r| matches!(r.status, PushStatus::Accepted | PushStatus::Duplicate))
        .map(|r| r.id)
        .collect();
    assert_eq!(
        stored.len(),
        sent.len(),
        "stamps are never refused: {response:?}"
    );
    device.outbox.retain(|e| !stored.contains(&e.id));
}

async fn run_model(steps: Vec<Step>, devices: usize, cards: usize) {
    let app = spawn_app().await;
    let owner = app.setup("model@example.com", ProgramKind::Stamps, 5).await;
    let mut fleet = Vec::new();
    for _ in 0..devices {
        fleet.push(Device {
            till: app.pair(&owner).await,
            outbox: vec![],
            online: true,
        });
    }
    let mut members: Vec<CardId> = Vec::new();
    let mut tokens = Vec::new();
    for _ in 0..cards {
        let joined = app.join(&owner).await;
        members.push(joined.card.card.id);
        tokens.push(joined.token);
    }
    let mut made: BTreeMap<EventId, Event> = BTreeMap::new();
    for step in steps {
        match step {
            Step::Stamp {
                device,
                card,
                count,
            } => {
                let event = fleet[device].till.stamps(members[card], count);
                made.insert(event.id, event.clone());
                fleet[device].outbox.push(event);
            }
            Step::Push {
                device,
                batch,
                reorder,
                lose_answer,
            } => {
                push_from(&app, &mut fleet[device], batch, reorder, lose_answer).await;
            }
            Step::Toggle { device } => fleet[device].online = !fleet[device].online,
        }
    }
    // Every device comes back online and drains its outbox.
    for device in &mut fleet {
        device.online = true;
        while !device.outbox.is_empty() {
            push_from(&app, device, 7, false, false).await;
        }
    }

    let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, body FROM events")
        .fetch_all(&app.db)
        .await
        .unwrap();
    let stored: BTreeSet<EventId> = rows.iter().map(|(id, _)| id.parse().unwrap()).collect();
    assert_eq!(rows.len(), stored.len(), "each event once");
    assert_eq!(
        stored,
        made.keys().copied().collect::<BTreeSet<_>>(),
        "the ledger is the union of the devices' events"
    );
    for (card_id, token) in members.iter().zip(&tokens) {
        let events: Vec<Event> = made
            .values()
            .filter(|e| e.card_id == *card_id)
            .cloned()
            .collect();
        let view = app.card(token).await;
        assert_eq!(
            view.balance,
            fold(&events),
            "balance of {card_id} equals the fold"
        );
    }
    assert!(
        maintenance::rebuild_balances(&app.db)
            .await
            .unwrap()
            .differences
            .is_empty()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn devices_with_offline_periods_retries_and_lost_answers_end_with_every_event_exactly_once(
        steps in proptest::collection::vec(step(3, 3), 1..60)
    ) {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(run_model(steps, 3, 3));
    }
}

async fn allow_offline_redemption(app: &TestApp, owner: &crate::helpers::Owner, max: i64) {
    let settings = regulars_protocol::wire::ShopSettings {
        offline_redemption_max_cost: Some(max),
        ..Default::default()
    };
    let shop: regulars_protocol::wire::OwnerShop = json(
        owner
            .client
            .patch(app.url("/api/v1/owner/shop"))
            .json(&settings)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(
        shop.program.offline_redemption_max_cost,
        (max > 0).then_some(max)
    );
}

fn offline_redeem(
    till: &crate::helpers::Till,
    card: CardId,
    reward: &regulars_protocol::Reward,
) -> Event {
    till.event(
        card,
        regulars_protocol::EventBody::RewardRedeemed {
            reward_id: reward.id,
            cost: reward.cost,
            offline: true,
        },
    )
}

#[tokio::test]
async fn the_owner_sets_which_rewards_tablets_may_redeem_offline() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    assert_eq!(
        owner.shop.program.offline_redemption_max_cost, None,
        "online only by default"
    );
    allow_offline_redemption(&app, &owner, 5).await;
    let till = app.pair(&owner).await;
    let program = pull(&app, &till.token, 0).await.till.program;
    assert!(program.redeemable_offline(&program.rewards[0]));
    allow_offline_redemption(&app, &owner, 0).await;
}

#[tokio::test]
async fn an_offline_redemption_the_card_covers_is_stored_like_an_online_one() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    allow_offline_redemption(&app, &owner, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    app.push(&till, &[till.stamps(card_id, 5)]).await;
    let reward = owner.shop.program.rewards[0].clone();
    let response = app
        .push(&till, &[offline_redeem(&till, card_id, &reward)])
        .await;
    assert_eq!(response.results[0].status, PushStatus::Accepted);
    assert!(response.results[0].flags.is_empty());
    assert_eq!(response.results[0].balance.unwrap().balance, 0);
    let ordinal: Option<i64> =
        sqlx::query_scalar("SELECT redemption_ordinal FROM events WHERE kind = 'reward_redeemed'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(ordinal, Some(1));
}

#[tokio::test]
async fn the_same_reward_redeemed_offline_on_two_tablets_is_stored_flagged_and_compensated_once() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    allow_offline_redemption(&app, &owner, 5).await;
    let first = app.pair(&owner).await;
    let second = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    app.push(&first, &[first.stamps(card_id, 5)]).await;
    let reward = owner.shop.program.rewards[0].clone();
    // Both tablets were offline and each handed over the one coffee the card had.
    let a = offline_redeem(&first, card_id, &reward);
    let b = offline_redeem(&second, card_id, &reward);
    let ra = app.push(&first, std::slice::from_ref(&a)).await;
    let rb = app.push(&second, std::slice::from_ref(&b)).await;
    assert_eq!(ra.results[0].status, PushStatus::Accepted);
    assert!(ra.results[0].flags.is_empty());
    assert_eq!(
        rb.results[0].status,
        PushStatus::Accepted,
        "offline facts are never refused"
    );
    assert_eq!(rb.results[0].flags, ["double_redemption"]);
    assert_eq!(
        rb.results[0].balance.unwrap().balance,
        0,
        "the compensating event balances the card"
    );

    // A retried push changes nothing and adds no second compensation.
    let again = app.push(&second, std::slice::from_ref(&b)).await;
    assert_eq!(again.results[0].status, PushStatus::Duplicate);
    assert_eq!(again.results[0].balance, rb.results[0].balance);
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM events ORDER BY seq")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        kinds,
        [
            "stamps_issued",
            "reward_redeemed",
            "reward_redeemed",
            "adjustment"
        ]
    );
    let ordinals: Vec<Option<i64>> = sqlx::query_scalar(
        "SELECT redemption_ordinal FROM events WHERE kind = 'reward_redeemed' ORDER BY seq",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        ordinals,
        [Some(1), None],
        "one earned reward, one redemption of it"
    );

    let review: Vec<regulars_protocol::wire::FlaggedEvent> = json(
        owner
            .client
            .get(app.url("/api/v1/owner/review"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    let flags: Vec<Vec<String>> = review
        .iter()
        .map(|f| f.flags.iter().map(|f| f.to_string()).collect())
        .collect();
    assert_eq!(
        flags,
        [
            vec!["compensation".to_string()],
            vec!["double_redemption".to_string()]
        ]
    );
    let view = app.card(&card.token).await;
    assert_eq!(view.balance.balance, 0);
    assert!(
        maintenance::rebuild_balances(&app.db)
            .await
            .unwrap()
            .differences
            .is_empty()
    );
}

#[tokio::test]
async fn the_ordinal_constraint_refuses_a_second_redemption_with_the_same_identity() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    app.push(&till, &[till.stamps(card.card.card.id, 10)]).await;
    let reward = owner.shop.program.rewards[0].clone();
    app.push(&till, &[till.redeem(card.card.card.id, &reward)])
        .await;
    let copy = sqlx::query(
        "INSERT INTO events (id, shop_id, seq, card_id, device_id, device_seq, kind, delta, body, balance_after,
                             occurred_at, recorded_at, redemption_ordinal)
         SELECT 'copy', shop_id, seq + 100, card_id, device_id, device_seq, kind, delta, body, balance_after,
                occurred_at, recorded_at, redemption_ordinal FROM events WHERE kind = 'reward_redeemed'",
    )
    .execute(&app.db)
    .await;
    assert!(
        copy.is_err(),
        "the database itself refuses two redemptions of one earned reward"
    );
}
