use regulars_protocol::ledger::fold;
use regulars_protocol::wire::{Customer, PairRequest, PushStatus, TillProgram};
use regulars_protocol::{CardCode, CardId, Event, EventBody, ProgramKind};

use crate::helpers::{error, json, live_code, spawn_app};

#[tokio::test]
async fn a_pairing_code_pairs_one_tablet_only_once() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let code = app.pairing_code(&owner).await;
    let typed = format!(" {}-{} ", &code.code[..4], code.code[4..].to_lowercase());
    let first = app
        .post(
            "/api/v1/devices/pair",
            None,
            &PairRequest {
                code: typed,
                device_name: Some("Counter".into()),
            },
        )
        .await;
    assert_eq!(
        first.status(),
        201,
        "dashes, spaces and lower case are forgiven"
    );
    let again = app
        .post(
            "/api/v1/devices/pair",
            None,
            &PairRequest {
                code: code.code,
                device_name: None,
            },
        )
        .await;
    assert_eq!(error(again, 401).await.code, "invalid_pairing_code");
}

#[tokio::test]
async fn a_wrong_or_expired_pairing_code_is_refused() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    for wrong in ["", "ABCDEFGH", "short", &"A".repeat(5000)] {
        let response = app
            .post(
                "/api/v1/devices/pair",
                None,
                &PairRequest {
                    code: wrong.into(),
                    device_name: None,
                },
            )
            .await;
        assert_eq!(
            error(response, 401).await.code,
            "invalid_pairing_code",
            "{wrong}"
        );
    }
    let code = app.pairing_code(&owner).await;
    sqlx::query("UPDATE pairing_codes SET expires_at = '2000-01-01T00:00:00.000000Z'")
        .execute(&app.db)
        .await
        .unwrap();
    let expired = app
        .post(
            "/api/v1/devices/pair",
            None,
            &PairRequest {
                code: code.code,
                device_name: None,
            },
        )
        .await;
    assert_eq!(error(expired, 401).await.code, "invalid_pairing_code");
}

#[tokio::test]
async fn a_paired_tablet_reads_its_program_and_nothing_without_a_credential() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let program: TillProgram = json(
        app.get("/api/v1/till/program", Some(&till.token)).await,
        200,
    )
    .await;
    assert_eq!(program.shop.id, owner.shop.shop.id);
    assert_eq!(program.staff.len(), 1);
    assert_eq!(
        error(app.get("/api/v1/till/program", None).await, 401)
            .await
            .code,
        "missing_device_token"
    );
    assert_eq!(
        error(app.get("/api/v1/till/program", Some("nope")).await, 401)
            .await
            .code,
        "unknown_device"
    );
}

#[tokio::test]
async fn the_till_finds_a_customer_by_card_code() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let typed = format!("  {}\n", live_code(card.card.card.id));
    let customer: Customer = json(app.lookup(&till, &typed).await, 200).await;
    assert_eq!(customer.card_id, card.card.card.id);
    assert_eq!(customer.balance.balance, 0);
    assert_eq!(customer.first_name, None);
}

#[tokio::test]
async fn an_unknown_card_is_404_and_a_malformed_code_is_422() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let other = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let unknown = CardCode::Static {
        card_id: CardId::random(),
    }
    .encode();
    assert_eq!(
        error(app.lookup(&till, &unknown).await, 404).await.code,
        "unknown_card"
    );
    let elsewhere = app.join(&other).await;
    assert_eq!(
        error(
            app.lookup(&till, &live_code(elsewhere.card.card.id)).await,
            404
        )
        .await
        .code,
        "unknown_card",
        "a card of another shop is unknown here"
    );
    for bad in ["", "hello", "R1ABC", "R1###########################"] {
        let body = error(app.lookup(&till, bad).await, 422).await;
        assert_eq!(body.field.as_deref(), Some("code"), "{bad}");
    }
}

#[tokio::test]
async fn five_stamps_then_a_redemption_leave_zero_and_show_in_history() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    for n in 1..=5 {
        let event = till.stamps(card_id, 1);
        let response = app.push(&till, &[event]).await;
        assert_eq!(response.results[0].status, PushStatus::Accepted);
        assert_eq!(response.results[0].balance.unwrap().balance, n);
    }
    let reward = owner.shop.program.rewards[0].clone();
    let response = app.push(&till, &[till.redeem(card_id, &reward)]).await;
    assert_eq!(
        response.results[0].status,
        PushStatus::Accepted,
        "{:?}",
        response.results[0]
    );
    assert_eq!(response.results[0].balance.unwrap().balance, 0);

    let view = app.card(&card.token).await;
    assert_eq!(view.balance.balance, 0);
    assert_eq!(view.balance.earned, 5);
    assert_eq!(view.balance.rewards_redeemed, 1);
    assert_eq!(view.history.len(), 6);
    assert!(matches!(
        view.history[0].body,
        EventBody::RewardRedeemed { .. }
    ));
    assert_eq!(view.history[0].reward_name.as_deref(), Some("Free coffee"));
    assert_balance_is_the_fold(&app, card_id).await;
}

#[tokio::test]
async fn redeeming_without_enough_stamps_is_rejected_and_changes_nothing() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    app.push(&till, &[till.stamps(card_id, 4)]).await;
    let reward = owner.shop.program.rewards[0].clone();
    let response = app.push(&till, &[till.redeem(card_id, &reward)]).await;
    assert_eq!(response.results[0].status, PushStatus::Rejected);
    assert_eq!(response.results[0].code.as_deref(), Some("not_enough"));
    assert!(
        response.results[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("Free coffee")
    );
    assert_eq!(app.card(&card.token).await.balance.balance, 4);
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(events, 1);
}

#[tokio::test]
async fn points_follow_the_program_rule() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Points, 20).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    let version = till.program.program.version;
    let earn = |amount_minor, points| EventBody::PointsEarned {
        amount_minor,
        points,
        program_version: version,
        category: Some("Coffee".into()),
        offer_id: None,
        offer_version: None,
    };
    let response = app
        .push(
            &till,
            &[
                till.event(card_id, earn(1250, 12)),
                till.event(card_id, earn(830, 8)),
            ],
        )
        .await;
    assert!(
        response
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted),
        "{response:?}"
    );
    assert_eq!(response.results[1].balance.unwrap().balance, 20);

    let wrong = app
        .push(&till, &[till.event(card_id, earn(1000, 500))])
        .await;
    assert_eq!(wrong.results[0].code.as_deref(), Some("points_mismatch"));
    let stamps = app.push(&till, &[till.stamps(card_id, 1)]).await;
    assert_eq!(
        stamps.results[0].code.as_deref(),
        Some("wrong_program_kind")
    );

    let reward = owner.shop.program.rewards[0].clone();
    let redeemed = app.push(&till, &[till.redeem(card_id, &reward)]).await;
    assert_eq!(redeemed.results[0].status, PushStatus::Accepted);
    let view = app.card(&card.token).await;
    assert_eq!(view.balance.balance, 0);
    assert_eq!(view.history.len(), 3);
    assert_balance_is_the_fold(&app, card_id).await;
}

#[tokio::test]
async fn pushing_the_same_batch_twice_answers_duplicate_and_changes_nothing() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let batch: Vec<Event> = (0..3).map(|_| till.stamps(card.card.card.id, 1)).collect();
    let first = app.push(&till, &batch).await;
    assert!(
        first
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted)
    );
    let second = app.push(&till, &batch).await;
    for (a, b) in first.results.iter().zip(&second.results) {
        assert_eq!(b.status, PushStatus::Duplicate);
        assert_eq!(
            (a.seq, a.balance),
            (b.seq, b.balance),
            "a retry gets the first answer again"
        );
    }
    assert_eq!(app.card(&card.token).await.balance.balance, 3);
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(events, 3);
}

/// The ledger asks once per batch which of its ids and device numbers it already holds: an
/// event repeated inside one batch, or a second event under a number taken earlier in the same
/// batch, is still answered as if it came alone, and the shop's counter counts on across
/// batches.
#[tokio::test]
async fn repeats_inside_one_batch_are_answered_like_repeats_across_batches() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    let first = till.stamps(card_id, 1);
    let mut same_number = till.stamps(card_id, 2);
    same_number.device_seq = first.device_seq;
    let next = till.stamps(card_id, 1);
    let answer = app
        .push(&till, &[first.clone(), first.clone(), same_number, next])
        .await;
    let statuses: Vec<_> = answer.results.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            PushStatus::Accepted,
            PushStatus::Duplicate,
            PushStatus::Rejected,
            PushStatus::Accepted
        ]
    );
    assert_eq!(
        (answer.results[1].seq, answer.results[1].balance),
        (answer.results[0].seq, answer.results[0].balance),
        "the repeat gets the first answer"
    );
    assert_eq!(
        answer.results[3].seq.unwrap(),
        answer.results[0].seq.unwrap() + 1
    );
    let later = app.push(&till, &[till.stamps(card_id, 1)]).await;
    assert_eq!(
        later.results[0].seq.unwrap(),
        answer.results[3].seq.unwrap() + 1
    );
    assert_eq!(app.card(&card.token).await.balance.balance, 3);
    assert_balance_is_the_fold(&app, card_id).await;
}

/// A batch's events are written together, but whatever reads the ledger back in the same batch
/// sees the ones before it: the undo of a stamp, and a reward after the stamps that earn it.
#[tokio::test]
async fn an_undo_and_a_reward_in_the_batch_of_the_stamps_they_follow_see_those_stamps() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    let mistake = till.stamps(card_id, 2);
    let undo = crate::helpers::reversal_of(
        &till,
        &mistake,
        till.staff_id,
        time::OffsetDateTime::now_utc(),
    );
    let earned = till.stamps(card_id, 5);
    let reward = owner.shop.program.rewards[0].clone();
    let redeemed = till.redeem(card_id, &reward);
    let answer = app.push(&till, &[mistake, undo, earned, redeemed]).await;
    for result in &answer.results {
        assert_eq!(result.status, PushStatus::Accepted, "{result:?}");
        assert!(result.flags.is_empty(), "{result:?}");
    }
    let balances: Vec<i64> = answer
        .results
        .iter()
        .map(|r| r.balance.unwrap().balance)
        .collect();
    assert_eq!(balances, [2, 0, 5, 0]);
    assert_eq!(app.card(&card.token).await.balance.balance, 0);
    assert_balance_is_the_fold(&app, card_id).await;
}

#[tokio::test]
async fn the_same_event_id_with_different_content_is_rejected() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let event = till.stamps(card.card.card.id, 1);
    app.push(&till, std::slice::from_ref(&event)).await;
    let tampered = Event {
        body: EventBody::StampsIssued {
            count: 9,
            amount_minor: None,
            category: None,
        },
        ..event
    };
    let response = app.push(&till, &[tampered]).await;
    assert_eq!(response.results[0].status, PushStatus::Rejected);
    assert_eq!(response.results[0].code.as_deref(), Some("id_conflict"));
    assert_eq!(app.card(&card.token).await.balance.balance, 1);
}

#[tokio::test]
async fn a_tablet_cannot_touch_a_card_of_another_shop_or_speak_for_another_device() {
    let app = spawn_app().await;
    let ana = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let bo = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&ana).await;
    let bos_till = app.pair(&bo).await;
    let bos_card = app.join(&bo).await;
    let response = app
        .push(&till, &[till.stamps(bos_card.card.card.id, 1)])
        .await;
    assert_eq!(response.results[0].code.as_deref(), Some("unknown_card"));
    let anas_card = app.join(&ana).await;
    let mut forged = till.stamps(anas_card.card.card.id, 1);
    forged.device_id = bos_till.device_id;
    let response = app.push(&till, &[forged]).await;
    assert_eq!(response.results[0].code.as_deref(), Some("wrong_device"));
    assert_eq!(app.card(&bos_card.token).await.balance.balance, 0);
}

#[tokio::test]
async fn invalid_events_are_rejected_one_by_one_and_the_rest_of_the_batch_is_kept() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    let batch = vec![
        till.stamps(card_id, 0),
        till.stamps(card_id, 2),
        till.stamps(card_id, 51),
    ];
    let response = app.push(&till, &batch).await;
    let statuses: Vec<_> = response.results.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            PushStatus::Rejected,
            PushStatus::Accepted,
            PushStatus::Rejected
        ]
    );
    assert_eq!(response.results[0].code.as_deref(), Some("invalid_event"));
    assert_eq!(app.card(&card.token).await.balance.balance, 2);
}

#[tokio::test]
async fn a_retired_reward_cannot_be_redeemed() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 2).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    app.push(&till, &[till.stamps(card_id, 3)]).await;
    let reward = owner.shop.program.rewards[0].clone();
    let retire = regulars_protocol::wire::RewardInput {
        name: reward.name.clone(),
        cost: reward.cost,
        value_minor: None,
        active: false,
    };
    owner
        .client
        .put(app.url(&format!("/api/v1/owner/rewards/{}", reward.id)))
        .json(&retire)
        .send()
        .await
        .unwrap();
    let response = app.push(&till, &[till.redeem(card_id, &reward)]).await;
    assert_eq!(response.results[0].code.as_deref(), Some("reward_retired"));
}

#[tokio::test]
async fn two_tablets_redeeming_one_reward_at_once_succeed_exactly_once() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let first = app.pair(&owner).await;
    let second = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    app.push(&first, &[first.stamps(card_id, 5)]).await;
    let reward = owner.shop.program.rewards[0].clone();
    let (a, b) = (
        first.redeem(card_id, &reward),
        second.redeem(card_id, &reward),
    );
    let (a, b) = ([a], [b]);
    let (ra, rb) = tokio::join!(app.push(&first, &a), app.push(&second, &b));
    let accepted = [ra.results[0].status, rb.results[0].status]
        .iter()
        .filter(|s| **s == PushStatus::Accepted)
        .count();
    assert_eq!(accepted, 1, "{ra:?} {rb:?}");
    assert_eq!(app.card(&card.token).await.balance.balance, 0);
}

/// The cached balance equals the fold over the card's ledger.
async fn assert_balance_is_the_fold(app: &crate::helpers::TestApp, card_id: CardId) {
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM events WHERE card_id = $1")
        .bind(card_id.to_string())
        .fetch_all(&app.db)
        .await
        .unwrap();
    let events: Vec<Event> = bodies
        .iter()
        .map(|b| serde_json::from_str(b).unwrap())
        .collect();
    let cached: (i64, i64) =
        sqlx::query_as("SELECT balance, earned FROM balances WHERE card_id = $1")
            .bind(card_id.to_string())
            .fetch_one(&app.db)
            .await
            .unwrap();
    let folded = fold(&events);
    assert_eq!(cached, (folded.balance, folded.earned));
}
