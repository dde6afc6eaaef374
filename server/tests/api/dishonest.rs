//! What a dishonest (or broken) tablet pushes with nothing but its own credential, and what the
//! server does with it: the rules of `regulars_server::ledger`.

use regulars_protocol::wire::{
    CardView, FlaggedEvent, PushResponse, PushStatus, ShopSettings, StaffRole,
};
use regulars_protocol::{EventBody, EventId, Flag, ProgramKind};
use time::{Duration, OffsetDateTime};

use crate::helpers::{TestApp, Till, error, json, prove, reversal_of, session_of, spawn_app};

async fn review(app: &TestApp, owner: &crate::helpers::Owner) -> Vec<FlaggedEvent> {
    json(
        owner
            .client
            .get(app.url("/api/v1/owner/review"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await
}

async fn balance(app: &TestApp, token: &str) -> i64 {
    app.card(token).await.balance.balance
}

fn flags(answer: &PushResponse, i: usize) -> Vec<String> {
    answer.results[i]
        .flags
        .iter()
        .map(|f| f.to_string())
        .collect()
}

#[tokio::test]
async fn stamps_without_a_code_or_with_the_old_unsigned_code_gain_nothing_for_a_card_with_a_key() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;

    let mut no_code = till.stamps(id, 3);
    no_code.code = None;
    let mut unsigned = till.stamps(id, 3);
    unsigned.code = Some(card.card.card.code.clone());
    assert!(unsigned.code.as_deref().unwrap().starts_with("R1"));
    let answer = app.push(&till, &[no_code, unsigned]).await;
    assert_eq!(
        answer.results[0].status,
        PushStatus::Accepted,
        "stored: offline facts stay"
    );
    assert_eq!(flags(&answer, 0), ["code_missing"]);
    assert_eq!(flags(&answer, 1), ["code_unsigned"]);
    assert_eq!(answer.results[1].balance.unwrap().balance, 0);
    assert_eq!(balance(&app, &card.token).await, 0, "both are balanced");

    // A printed card signs its code too: no code is a failed code.
    let printed: regulars_protocol::wire::PrintedCard = json(
        owner
            .client
            .post(app.url("/api/v1/owner/printed-cards"))
            .json(&regulars_protocol::wire::PrintedCardRequest::default())
            .send()
            .await
            .unwrap(),
        201,
    )
    .await;
    let mut bare = till.stamps(printed.member.card_id, 2);
    bare.code = None;
    let answer = app.push(&till, &[bare]).await;
    assert_eq!(flags(&answer, 0), ["code_missing"]);
    assert_eq!(answer.results[0].balance.unwrap().balance, 0);

    // The honest till's signed code still counts.
    let honest = app.push(&till, &[till.stamps(id, 1)]).await;
    assert!(honest.results[0].flags.is_empty());
    assert_eq!(balance(&app, &card.token).await, 1);
}

#[tokio::test]
async fn a_reversal_of_a_redemption_in_a_managers_name_needs_the_managers_own_session() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 2).await;
    let till = app.pair(&owner).await;
    let reward = till.program.program.rewards[0].clone();
    let manager = app
        .add_staff(&owner, "Mo", StaffRole::Manager, "246810")
        .await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let stamps = till.stamps(id, 2);
    let redeemed = till.redeem(id, &reward);
    app.push(&till, &[stamps]).await;
    assert_eq!(
        app.push(&till, std::slice::from_ref(&redeemed))
            .await
            .results[0]
            .status,
        PushStatus::Accepted
    );
    assert_eq!(balance(&app, &card.token).await, 0);

    // The tablet names the manager, who never switched in on it: stored, flagged, balanced.
    let forged = reversal_of(&till, &redeemed, manager.id, OffsetDateTime::now_utc());
    let answer = app.push_as_sent(&till, &[forged]).await;
    assert_eq!(answer.results[0].status, PushStatus::Accepted);
    assert_eq!(flags(&answer, 0), ["unproven_staff", "reverses_redemption"]);
    assert_eq!(
        balance(&app, &card.token).await,
        0,
        "the points do not come back"
    );

    // A proof made with another member's session does not pass for the manager's either.
    app.push(&till, &[till.stamps(id, 2)]).await;
    let second = till.redeem(id, &reward);
    app.push(&till, std::slice::from_ref(&second)).await;
    let mut borrowed = reversal_of(&till, &second, manager.id, OffsetDateTime::now_utc());
    let owners = session_of(till.device_id, till.staff_id).expect("the pairing's session");
    borrowed.staff_proof = regulars_protocol::staff::sign_event(&owners, &borrowed);
    let answer = app.push_as_sent(&till, &[borrowed]).await;
    assert_eq!(flags(&answer, 0), ["unproven_staff", "reverses_redemption"]);
    assert_eq!(balance(&app, &card.token).await, 0);

    // The manager switches in: a proven reversal of a third redemption is accepted, flagged
    // for review.
    app.push(&till, &[till.stamps(id, 2)]).await;
    let third = till.redeem(id, &reward);
    app.push(&till, std::slice::from_ref(&third)).await;
    app.switch_in(&till, manager.id, "246810").await;
    let proven = prove(reversal_of(
        &till,
        &third,
        manager.id,
        OffsetDateTime::now_utc(),
    ));
    assert!(proven.staff_proof.is_some());
    let answer = app.push_as_sent(&till, &[proven]).await;
    assert_eq!(answer.results[0].status, PushStatus::Accepted);
    assert_eq!(flags(&answer, 0), ["reverses_redemption"]);
    assert_eq!(balance(&app, &card.token).await, 2);
}

#[tokio::test]
async fn an_online_redemption_without_a_staff_session_is_refused_and_a_freshly_paired_tablet_has_the_owners()
 {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 1).await;
    let till = app.pair(&owner).await;
    let reward = till.program.program.rewards[0].clone();
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    app.push(&till, &[till.stamps(id, 2)]).await;

    let answer = app.push_as_sent(&till, &[till.redeem(id, &reward)]).await;
    assert_eq!(
        answer.results[0].code.as_deref(),
        Some("staff_proof_required")
    );
    assert_eq!(balance(&app, &card.token).await, 2);
    // The pairing gave the tablet the owner's session (the owner made the code): proven, it
    // passes.
    let answer = app.push(&till, &[till.redeem(id, &reward)]).await;
    assert_eq!(answer.results[0].status, PushStatus::Accepted, "{answer:?}");
    assert_eq!(balance(&app, &card.token).await, 1);
}

#[tokio::test]
async fn a_deactivated_members_actions_are_flagged_and_an_online_redemption_in_their_name_is_refused()
 {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 1).await;
    let till = app.pair(&owner).await;
    let reward = till.program.program.rewards[0].clone();
    let bo = app
        .add_staff(&owner, "Bo", StaffRole::Manager, "1234")
        .await;
    app.switch_in(&till, bo.id, "1234").await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let stamp = till.stamps(id, 1);
    app.push(&till, std::slice::from_ref(&stamp)).await;
    let deactivated = owner
        .client
        .post(app.url(&format!("/api/v1/owner/staff/{}/deactivate", bo.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(deactivated.status(), 200);

    // Made after the deactivation, with the session Bo had: the reversal would give the stamp
    // back... it takes one away, so it stands but is flagged; nothing is credited.
    let mut undo = reversal_of(
        &till,
        &stamp,
        bo.id,
        OffsetDateTime::now_utc() + Duration::seconds(2),
    );
    undo = prove(undo);
    let answer = app.push_as_sent(&till, &[undo]).await;
    assert_eq!(answer.results[0].status, PushStatus::Accepted);
    assert_eq!(flags(&answer, 0), ["staff_deactivated", "unproven_staff"]);

    // An online redemption in a deactivated member's name is refused outright.
    app.push(&till, &[till.stamps(id, 1)]).await;
    let mut redeem = till.redeem(id, &reward);
    redeem.staff_id = Some(bo.id);
    redeem.occurred_at = OffsetDateTime::now_utc() + Duration::seconds(2);
    let answer = app.push(&till, &[redeem]).await;
    assert_eq!(
        answer.results[0].code.as_deref(),
        Some("staff_proof_required")
    );
}

#[tokio::test]
async fn events_dated_year_0000_or_9999_are_refused_alone_and_the_card_keeps_working() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let mut events: Vec<serde_json::Value> = vec![];
    for at in [
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59-05:00",
        "9999-12-31T23:59:59Z",
    ] {
        let mut value = serde_json::to_value(till.stamps(id, 1)).unwrap();
        value["occurred_at"] = at.into();
        events.push(value);
    }
    events.push(serde_json::to_value(till.stamps(id, 2)).unwrap());
    let answer: PushResponse = json(
        app.post(
            "/api/v1/sync/push",
            Some(&till.token),
            &serde_json::json!({ "events": events }),
        )
        .await,
        200,
    )
    .await;
    let statuses: Vec<_> = answer.results.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            PushStatus::Rejected,
            PushStatus::Rejected,
            PushStatus::Rejected,
            PushStatus::Accepted
        ]
    );
    for refused in &answer.results[..3] {
        assert_eq!(refused.code.as_deref(), Some("invalid_event"));
        assert!(
            refused.reason.as_deref().unwrap().contains("occurred_at"),
            "{refused:?}"
        );
    }
    // The card, its event cursor and the owner's review all still answer.
    let view: CardView = app.card(&card.token).await;
    assert_eq!(view.balance.balance, 2);
    let events = app
        .get("/api/v1/cards/me/events?after=0", Some(&card.token))
        .await;
    assert_eq!(events.status(), 200);
    review(&app, &owner).await;
}

#[tokio::test]
async fn an_impossible_time_is_replaced_by_the_servers_and_kept_as_claimed() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let before = OffsetDateTime::now_utc();
    let mut ahead = till.stamps(id, 1);
    ahead.occurred_at = before + Duration::days(300);
    let mut before_the_shop = till.stamps(id, 1);
    before_the_shop.occurred_at = before - Duration::days(3000);
    let answer = app.push(&till, &[ahead, before_the_shop]).await;
    assert_eq!(flags(&answer, 0), ["bad_clock"]);
    assert_eq!(flags(&answer, 1), ["bad_clock"]);
    let view = app.card(&card.token).await;
    assert_eq!(view.balance.balance, 2, "the stamps stand");
    for entry in &view.history {
        assert!(
            (entry.occurred_at - before).abs() < Duration::minutes(1),
            "figures use the receive time, not {}",
            entry.occurred_at
        );
    }
    let claimed: Vec<String> = sqlx::query_scalar(
        "SELECT claimed_at FROM events WHERE claimed_at IS NOT NULL ORDER BY claimed_at",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(claimed.len(), 2);
    assert!(claimed[0].starts_with(&(before - Duration::days(3000)).year().to_string()));
}

#[tokio::test]
async fn a_decoy_with_the_compensations_id_is_refused_and_the_compensation_stands() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let mut forged = till.stamps(id, 4);
    forged.code = Some(card.card.card.code.clone());
    // The decoy takes the id the server's compensation of `forged` would get.
    let mut decoy = till.stamps(id, 1);
    decoy.id = EventId(uuid::Uuid::new_v5(
        &regulars_server::ledger::COMPENSATION_NAMESPACE,
        forged.id.0.as_bytes(),
    ));
    let answer = app.push(&till, &[decoy, forged]).await;
    assert_eq!(answer.results[0].code.as_deref(), Some("reserved_id"));
    assert_eq!(answer.results[1].status, PushStatus::Accepted);
    assert_eq!(flags(&answer, 1), ["code_unsigned"]);
    assert_eq!(
        balance(&app, &card.token).await,
        0,
        "the compensation stands"
    );
    let compensations: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE origin = 'server' AND device_id IS NULL AND compensates IS NOT NULL")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(
        compensations, 1,
        "a compensation is the server's, naming no device"
    );
}

#[tokio::test]
async fn huge_costs_are_invalid_and_an_offline_redemption_at_the_wrong_cost_is_flagged() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 3).await;
    let settings = ShopSettings {
        offline_redemption_max_cost: Some(10),
        ..ShopSettings::default()
    };
    assert_eq!(app.update_shop(&owner, &settings).await.status(), 200);
    let till = app.pair(&owner).await;
    let reward = till.program.program.rewards[0].clone();
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    app.push(&till, &[till.stamps(id, 5)]).await;
    let huge = till.event(
        id,
        EventBody::RewardRedeemed {
            reward_id: reward.id,
            cost: i64::MAX,
            offline: true,
        },
    );
    let cheap = till.event(
        id,
        EventBody::RewardRedeemed {
            reward_id: reward.id,
            cost: 1,
            offline: true,
        },
    );
    let answer = app.push(&till, &[huge, cheap]).await;
    assert_eq!(answer.results[0].code.as_deref(), Some("invalid_event"));
    assert_eq!(answer.results[1].status, PushStatus::Accepted);
    assert_eq!(flags(&answer, 1), ["reward_cost_changed"]);
    // The member figures still add up.
    let members = owner
        .client
        .get(app.url("/api/v1/owner/cards"))
        .send()
        .await
        .unwrap();
    assert_eq!(members.status(), 200);
}

#[tokio::test]
async fn a_stamp_made_before_the_card_was_blocked_is_stored_and_flagged() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    // Given offline a minute ago, with the code the phone showed then.
    let mut earlier = till.stamps(id, 1);
    earlier.occurred_at -= Duration::seconds(45);
    earlier.code = Some(crate::helpers::code_at(id, earlier.occurred_at));
    let blocked = owner
        .client
        .post(app.url(&format!("/api/v1/owner/cards/{id}/revoke")))
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), 200);
    let answer = app.push(&till, &[earlier]).await;
    assert_eq!(answer.results[0].status, PushStatus::Accepted);
    assert_eq!(flags(&answer, 0), ["before_block"]);
}

#[tokio::test]
async fn a_till_event_names_its_staff_and_a_device_number_is_used_once() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let mut nobody = till.stamps(id, 1);
    nobody.staff_id = None;
    let first = till.stamps(id, 1);
    let mut same_number = till.stamps(id, 1);
    same_number.device_seq = first.device_seq;
    let mut long_code = till.stamps(id, 1);
    long_code.code = Some("R".repeat(5000));
    let answer = app
        .push(&till, &[nobody, first, same_number, long_code])
        .await;
    let codes: Vec<_> = answer.results.iter().map(|r| r.code.as_deref()).collect();
    assert_eq!(
        codes,
        [
            Some("staff_required"),
            None,
            Some("invalid_event"),
            Some("invalid_event")
        ]
    );
    assert_eq!(balance(&app, &card.token).await, 1);
}

#[tokio::test]
async fn a_cashiers_undo_window_runs_on_the_servers_clock() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let bo = app
        .add_staff(&owner, "Bo", StaffRole::Cashier, "1234")
        .await;
    app.switch_in(&till, bo.id, "1234").await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let mut stamp = till.stamps(id, 1);
    stamp.staff_id = Some(bo.id);
    app.push(&till, std::slice::from_ref(&stamp)).await;
    // The server stored it five minutes ago; the tablet claims the undo came 30 seconds after.
    sqlx::query("UPDATE events SET recorded_at = $1 WHERE id = $2")
        .bind(regulars_server::db::ts(
            OffsetDateTime::now_utc() - Duration::minutes(5),
        ))
        .bind(stamp.id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    let undo = reversal_of(
        &till,
        &stamp,
        bo.id,
        stamp.occurred_at + Duration::seconds(30),
    );
    let answer = app.push(&till, &[undo]).await;
    assert_eq!(
        answer.results[0].code.as_deref(),
        Some("not_allowed"),
        "{answer:?}"
    );
    assert_eq!(balance(&app, &card.token).await, 1);
}

#[tokio::test]
async fn an_event_the_server_compensated_cannot_be_reversed_and_a_reversal_of_a_compensation_is_flagged()
 {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    app.push(&till, &[till.stamps(id, 2)]).await;
    let mut forged = till.stamps(id, 3);
    forged.code = Some(card.card.card.code.clone());
    app.push(&till, std::slice::from_ref(&forged)).await;
    // Reversing the forged stamps would take them twice.
    let undo = reversal_of(&till, &forged, till.staff_id, OffsetDateTime::now_utc());
    let answer = app.push(&till, &[undo]).await;
    assert_eq!(
        answer.results[0].code.as_deref(),
        Some("already_compensated")
    );
    // The owner undoes the compensation itself: allowed (a manager's call), flagged.
    let compensation: String = sqlx::query_scalar("SELECT id FROM events WHERE compensates = $1")
        .bind(forged.id.to_string())
        .fetch_one(&app.db)
        .await
        .unwrap();
    let mut undo_compensation = till.event(
        id,
        EventBody::Reversal {
            reverses: compensation.parse().unwrap(),
            delta: 3,
            reason: "The code was fine".into(),
        },
    );
    undo_compensation.code = None;
    let answer = app.push(&till, &[undo_compensation]).await;
    assert_eq!(answer.results[0].status, PushStatus::Accepted, "{answer:?}");
    assert_eq!(flags(&answer, 0), ["reverses_compensation"]);
    assert_eq!(balance(&app, &card.token).await, 5);
    let reviewed = review(&app, &owner).await;
    assert!(
        reviewed
            .iter()
            .any(|f| f.flags.contains(&Flag::ReversesCompensation))
    );
}

#[tokio::test]
async fn a_tablet_gets_only_cashiers_pin_hashes() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    app.add_staff(&owner, "Mo", StaffRole::Manager, "246810")
        .await;
    app.add_staff(&owner, "Bo", StaffRole::Cashier, "1234")
        .await;
    let till: Till = app.pair(&owner).await;
    for member in &till.program.staff {
        assert_eq!(
            member.pin_hash.is_some(),
            member.role == "cashier",
            "{}",
            member.name
        );
    }
    let manager = till.program.staff.iter().find(|s| s.name == "Mo").unwrap();
    assert!(
        manager.has_pin,
        "the till still offers the manager a switch, with the server"
    );
}

#[tokio::test]
async fn wrong_pins_count_per_member_on_every_tablet() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let bo = app
        .add_staff(&owner, "Bo", StaffRole::Manager, "123456")
        .await;
    let tills = [
        app.pair(&owner).await,
        app.pair(&owner).await,
        app.pair(&owner).await,
    ];
    // Four wrong PINs on one tablet, one on the next: the member's fifth pauses their PIN.
    for _ in 0..4 {
        assert_eq!(
            app.switch_staff(&tills[0], bo.id, "000000").await.status(),
            403
        );
    }
    assert_eq!(
        app.switch_staff(&tills[1], bo.id, "000000").await.status(),
        429
    );
    // A third tablet gets no fresh tries, not even with the right PIN.
    let paused = error(app.switch_staff(&tills[2], bo.id, "123456").await, 429).await;
    assert_eq!(paused.code, "pin_locked");
}

#[tokio::test]
async fn the_currency_is_frozen_once_the_shop_has_events() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let to = |c: &str| ShopSettings {
        currency: Some(c.into()),
        ..ShopSettings::default()
    };
    assert_eq!(app.update_shop(&owner, &to("GBP")).await.status(), 200);
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    app.push(&till, &[till.stamps(card.card.card.id, 1)]).await;
    let refused = error(app.update_shop(&owner, &to("USD")).await, 422).await;
    assert_eq!(refused.field.as_deref(), Some("currency"));
    assert_eq!(
        app.update_shop(&owner, &to("GBP")).await.status(),
        200,
        "the same is fine"
    );
}

#[tokio::test]
async fn rebuilding_balances_marks_the_repaired_cards_so_tablets_pull_them() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    app.push(&till, &[till.stamps(id, 2)]).await;
    let pulled: regulars_protocol::wire::PullResponse = json(
        app.get("/api/v1/sync/pull?cursor=0", Some(&till.token))
            .await,
        200,
    )
    .await;
    sqlx::query("UPDATE balances SET balance = 40 WHERE card_id = $1")
        .bind(id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    let report = regulars_server::maintenance::rebuild_balances(&app.db)
        .await
        .unwrap();
    assert_eq!(report.differences.len(), 1);
    let after: regulars_protocol::wire::PullResponse = json(
        app.get(
            &format!("/api/v1/sync/pull?cursor={}", pulled.cursor),
            Some(&till.token),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(after.cards.len(), 1, "the repaired card comes down again");
    assert_eq!(after.cards[0].balance.balance, 2);
}

#[tokio::test]
async fn wrong_passwords_pause_logins_per_e_mail_whether_or_not_it_has_an_account() {
    let app = spawn_app().await;
    app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let login = |email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            app.post(
                "/api/v1/owner/login",
                None,
                &regulars_protocol::wire::LoginRequest {
                    email: email.into(),
                    password: password.into(),
                },
            )
            .await
        }
    };
    for email in ["ana@example.com", "nobody@example.com"] {
        for _ in 0..5 {
            assert_eq!(login(email, "not the password").await.status(), 401);
        }
        let paused = error(login(email, "correct horse battery").await, 429).await;
        assert_eq!(
            paused.code, "login_paused",
            "{email}: the same answer, account or not"
        );
    }
}

#[tokio::test]
async fn recovery_codes_are_stored_under_the_servers_key_and_old_plain_hashes_still_work() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let card = app.join(&owner).await;
    let code = card.recovery_code.clone().unwrap();
    let stored: String = sqlx::query_scalar("SELECT recovery_hash FROM cards WHERE id = $1")
        .bind(card.card.card.id.to_string())
        .fetch_one(&app.db)
        .await
        .unwrap();
    let plain = regulars_server::auth::legacy_recovery_hash(&code);
    assert_ne!(
        stored, plain,
        "a leaked database gives no plain hash to search"
    );
    // A code the previous release stored as a plain hash still moves the card.
    sqlx::query("UPDATE cards SET recovery_hash = $1 WHERE id = $2")
        .bind(&plain)
        .bind(card.card.card.id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    let key = crate::helpers::new_card_key();
    let moved = app
        .post(
            "/api/v1/cards/recover",
            None,
            &regulars_protocol::wire::RecoverRequest {
                recovery_code: code,
                public_key: regulars_protocol::CardKey::from(&key).to_base64(),
            },
        )
        .await;
    assert_eq!(moved.status(), 200);
}
