//! Staff and tablets: the owner's staff list, switching with a PIN and its lockout, unpairing
//! tablets, reversals and undo, the owner's limits and the anomaly review.

use regulars_protocol::wire::{
    Anomalies, DeviceInfo, FlaggedEvent, OwnerShop, PinFailuresReport, PinStatus, PullResponse,
    PushRequest, PushResponse, PushStatus, ShopSettings, StaffAccount, StaffChanges, StaffMember,
    StaffRole,
};
use regulars_protocol::{EventBody, ProgramKind, StaffId};
use serde_json::json as body;
use time::{Duration, OffsetDateTime};

use crate::helpers::{
    Owner, TestApp, Till, by_staff, error, json, reversal_of, spawn_app, spawn_app_with,
};

async fn staff_list(app: &TestApp, owner: &Owner) -> Vec<StaffAccount> {
    json(
        owner
            .client
            .get(app.url("/api/v1/owner/staff"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await
}

async fn till_staff(app: &TestApp, till: &Till) -> Vec<StaffMember> {
    let pulled: PullResponse =
        json(app.get("/api/v1/sync/pull", Some(&till.token)).await, 200).await;
    pulled.till.staff
}

/// Ends any pause of the tablet's PIN checks, as if its time had passed.
async fn pause_ends(app: &TestApp, till: &Till) {
    sqlx::query(
        "UPDATE devices SET pin_locked_until = '2000-01-01T00:00:00.000000Z' WHERE id = $1",
    )
    .bind(till.device_id.to_string())
    .execute(&app.db)
    .await
    .unwrap();
    sqlx::query("UPDATE staff SET pin_locked_until = '2000-01-01T00:00:00.000000Z'")
        .execute(&app.db)
        .await
        .unwrap();
}

fn retry_after(response: &reqwest::Response) -> u64 {
    response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn the_owner_adds_edits_and_deactivates_staff_and_tablets_follow() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;

    let staff = staff_list(&app, &owner).await;
    assert_eq!(staff.len(), 1);
    assert_eq!(
        (staff[0].role, staff[0].has_pin, staff[0].active),
        (StaffRole::Owner, false, true)
    );
    assert_eq!(
        till.staff_id, staff[0].id,
        "a fresh tablet acts as the owner"
    );

    let bo = app
        .add_staff(&owner, "  Bo ", StaffRole::Cashier, "1234")
        .await;
    assert_eq!(
        (bo.name.as_str(), bo.role, bo.has_pin, bo.active),
        ("Bo", StaffRole::Cashier, true, true)
    );
    let on_till = till_staff(&app, &till).await;
    let bo_on_till = on_till
        .iter()
        .find(|s| s.id == bo.id)
        .expect("the tablet lists Bo");
    let hash = bo_on_till
        .pin_hash
        .as_deref()
        .expect("with the PIN's hash, for offline switching");
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("1234"));

    let changes = StaffChanges {
        name: Some("Bo B.".into()),
        role: Some(StaffRole::Manager),
        pin: Some("98765".into()),
        active: None,
    };
    let url = app.url(&format!("/api/v1/owner/staff/{}", bo.id));
    let edited: StaffAccount = json(
        owner
            .client
            .patch(&url)
            .json(&changes)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(
        (edited.name.as_str(), edited.role),
        ("Bo B.", StaffRole::Manager)
    );
    assert_eq!(
        error(app.switch_staff(&till, bo.id, "1234").await, 403)
            .await
            .code,
        "wrong_pin"
    );
    let switched: StaffMember = json(app.switch_staff(&till, bo.id, "98765").await, 200).await;
    assert_eq!(
        (switched.id, switched.role.as_str(), switched.pin_hash),
        (bo.id, "manager", None)
    );

    let url = app.url(&format!("/api/v1/owner/staff/{}/deactivate", bo.id));
    let gone: StaffAccount = json(owner.client.post(&url).send().await.unwrap(), 200).await;
    assert!(!gone.active && gone.deactivated_at.is_some());
    assert_eq!(
        staff_list(&app, &owner).await.len(),
        2,
        "the row stays: events name it"
    );
    assert!(till_staff(&app, &till).await.iter().all(|s| s.id != bo.id));
    assert_eq!(
        error(app.switch_staff(&till, bo.id, "98765").await, 404)
            .await
            .code,
        "unknown_staff"
    );

    // The owner gets a PIN too, to switch back to the owner on the tablet.
    let owner_id = staff_list(&app, &owner).await[0].id;
    let url = app.url(&format!("/api/v1/owner/staff/{owner_id}"));
    assert_eq!(
        error(app.switch_staff(&till, owner_id, "4321").await, 403)
            .await
            .code,
        "no_pin"
    );
    let with_pin = StaffChanges {
        pin: Some("4321".into()),
        ..StaffChanges::default()
    };
    let _: StaffAccount = json(
        owner
            .client
            .patch(&url)
            .json(&with_pin)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    let _: StaffMember = json(app.switch_staff(&till, owner_id, "4321").await, 200).await;
}

#[tokio::test]
async fn staff_input_errors_name_their_field() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let add = |json: serde_json::Value| {
        owner
            .client
            .post(app.url("/api/v1/owner/staff"))
            .json(&json)
            .send()
    };
    for (input, field) in [
        (
            body!({"name": "  ", "role": "cashier", "pin": "1234"}),
            "name",
        ),
        (
            body!({"name": "x".repeat(61), "role": "cashier", "pin": "1234"}),
            "name",
        ),
        (
            body!({"name": "Bo", "role": "owner", "pin": "1234"}),
            "role",
        ),
        (body!({"name": "Bo", "role": "boss", "pin": "1234"}), "role"),
        (
            body!({"name": "Bo", "role": "cashier", "pin": "123"}),
            "pin",
        ),
        (
            body!({"name": "Bo", "role": "cashier", "pin": "1234567"}),
            "pin",
        ),
        (
            body!({"name": "Bo", "role": "cashier", "pin": "12a4"}),
            "pin",
        ),
        (body!({"name": "Bo", "role": "cashier"}), "pin"),
    ] {
        let answer = error(add(input.clone()).await.unwrap(), 422).await;
        assert_eq!(answer.field.as_deref(), Some(field), "{input}: {answer:?}");
    }
    assert!(
        staff_list(&app, &owner).await.len() == 1,
        "nothing was added"
    );

    let owner_id = staff_list(&app, &owner).await[0].id;
    let url = app.url(&format!("/api/v1/owner/staff/{owner_id}"));
    let demote = owner
        .client
        .patch(&url)
        .json(&body!({"role": "cashier"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error(demote, 422).await.field.as_deref(), Some("role"));
    let bad_pin = owner
        .client
        .patch(&url)
        .json(&body!({"pin": "12"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error(bad_pin, 422).await.field.as_deref(), Some("pin"));
    let deactivate_url = app.url(&format!("/api/v1/owner/staff/{owner_id}/deactivate"));
    let deactivate = owner.client.post(&deactivate_url).send().await.unwrap();
    assert_eq!(error(deactivate, 409).await.code, "owner_staff");
    let nobody = app.url(&format!("/api/v1/owner/staff/{}", StaffId::random()));
    let missing = owner
        .client
        .patch(&nobody)
        .json(&body!({"name": "Cy"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error(missing, 404).await.code, "unknown_staff");
    assert_eq!(
        error(app.get("/api/v1/owner/staff", None).await, 401)
            .await
            .code,
        "not_logged_in"
    );

    // Another shop's owner sees and changes none of it.
    let other = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let foreign = other
        .client
        .patch(&url)
        .json(&body!({"name": "Mine"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error(foreign, 404).await.code, "unknown_staff");
}

#[tokio::test]
async fn wrong_pins_pause_the_tablet_for_growing_periods_and_the_tenth_unpairs_it() {
    // The per-IP rate limit on PINs sits in front of this; here the tablet's own count is tested.
    let app = spawn_app_with(|settings| settings.rate_limits = false).await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let bo = app
        .add_staff(&owner, "Bo", StaffRole::Cashier, "1234")
        .await;

    // A right PIN starts the count again.
    for _ in 0..3 {
        assert_eq!(
            error(app.switch_staff(&till, bo.id, "0000").await, 403)
                .await
                .code,
            "wrong_pin"
        );
    }
    let _: StaffMember = json(app.switch_staff(&till, bo.id, "1234").await, 200).await;
    let malformed = error(app.switch_staff(&till, bo.id, "12").await, 422).await;
    assert_eq!(
        malformed.field.as_deref(),
        Some("pin"),
        "a malformed PIN is no try"
    );

    for tries_left in (1..=4).rev() {
        let wrong = error(app.switch_staff(&till, bo.id, "0000").await, 403).await;
        assert_eq!(wrong.code, "wrong_pin");
        assert!(
            wrong.message.contains(&format!("{tries_left} more wrong")),
            "{}",
            wrong.message
        );
    }
    let fifth = app.switch_staff(&till, bo.id, "0000").await;
    assert_eq!(retry_after(&fifth), 30);
    let paused = error(fifth, 429).await;
    assert_eq!(paused.code, "pin_locked");
    assert!(paused.message.contains("30 seconds"), "{}", paused.message);
    // While paused, not even the right PIN is checked.
    let still = app.switch_staff(&till, bo.id, "1234").await;
    assert!((1..=30).contains(&retry_after(&still)));
    let message = error(still, 429).await.message;
    assert!(message.contains("Try again in"), "{message}");

    for (wait, words) in [
        (60, "1 minute"),
        (120, "2 minutes"),
        (240, "4 minutes"),
        (480, "8 minutes"),
    ] {
        pause_ends(&app, &till).await;
        let answer = app.switch_staff(&till, bo.id, "0000").await;
        assert_eq!(retry_after(&answer), wait);
        assert!(error(answer, 429).await.message.contains(words));
    }
    pause_ends(&app, &till).await;
    let tenth = error(app.switch_staff(&till, bo.id, "0000").await, 401).await;
    assert_eq!(tenth.code, "device_revoked");
    assert!(tenth.message.contains("unpaired"), "{}", tenth.message);

    assert_eq!(
        error(app.switch_staff(&till, bo.id, "1234").await, 401)
            .await
            .code,
        "device_revoked"
    );
    assert_eq!(
        error(
            app.get("/api/v1/till/program", Some(&till.token)).await,
            401
        )
        .await
        .code,
        "device_revoked"
    );
    let devices: Vec<DeviceInfo> = json(
        owner
            .client
            .get(app.url("/api/v1/owner/devices"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert!(
        devices[0].revoked_at.is_some(),
        "the owner sees the tablet unpaired"
    );
}

#[tokio::test]
async fn wrong_pins_typed_offline_count_once_the_tablet_reports_them() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let (app, till) = (&app, &till);
    let report = |count: u32| async move {
        app.post(
            "/api/v1/till/pin-failures",
            Some(&till.token),
            &PinFailuresReport { count },
        )
        .await
    };

    let status: PinStatus = json(report(4).await, 200).await;
    assert_eq!((status.failures, status.locked_until), (4, None));
    let status: PinStatus = json(report(1).await, 200).await;
    assert_eq!(status.failures, 5);
    let until = status.locked_until.expect("five in a row pause the tablet");
    assert!(until > OffsetDateTime::now_utc() + Duration::seconds(20));
    assert_eq!(
        error(report(0).await, 422).await.field.as_deref(),
        Some("count")
    );
    assert_eq!(error(report(5).await, 401).await.code, "device_revoked");
    assert_eq!(
        error(app.get("/api/v1/sync/pull", Some(&till.token)).await, 401)
            .await
            .code,
        "device_revoked"
    );
}

#[tokio::test]
async fn a_tablet_the_owner_unpairs_is_refused_at_once_on_every_device_endpoint() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let other_till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    app.push(&till, &[till.stamps(card.card.card.id, 1)]).await;

    let devices: Vec<DeviceInfo> = json(
        owner
            .client
            .get(app.url("/api/v1/owner/devices"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(devices.len(), 2);
    let listed = devices.iter().find(|d| d.id == till.device_id).unwrap();
    assert_eq!(listed.name, "Tablet");
    assert!(listed.last_seen_at.is_some() && listed.revoked_at.is_none());
    assert_eq!(listed.location_id, till.program.location_id);

    // Another shop cannot unpair it.
    let stranger = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let revoke_url = app.url(&format!("/api/v1/owner/devices/{}/revoke", till.device_id));
    assert_eq!(
        error(stranger.client.post(&revoke_url).send().await.unwrap(), 404)
            .await
            .code,
        "unknown_device"
    );

    let revoked: DeviceInfo = json(owner.client.post(&revoke_url).send().await.unwrap(), 200).await;
    assert!(revoked.revoked_at.is_some());
    let again: DeviceInfo = json(owner.client.post(&revoke_url).send().await.unwrap(), 200).await;
    assert_eq!(
        again.revoked_at, revoked.revoked_at,
        "unpairing twice changes nothing"
    );

    let token = Some(till.token.as_str());
    // Made ten minutes after the unpairing (by the tablet's clock).
    let mut after = till.stamps(card.card.card.id, 1);
    after.occurred_at += Duration::minutes(10);
    let push = PushRequest {
        events: vec![crate::helpers::prove(after)],
        sent_at: None,
    };
    let answers = [
        app.get("/api/v1/till/program", token).await,
        app.get("/api/v1/sync/pull", token).await,
        app.post("/api/v1/sync/known", token, &body!({"ids": []}))
            .await,
        app.post(
            "/api/v1/till/lookup",
            token,
            &body!({"code": crate::helpers::live_code(card.card.card.id)}),
        )
        .await,
        app.post(
            "/api/v1/till/staff-session",
            token,
            &body!({"staff_id": till.staff_id, "pin": "1234"}),
        )
        .await,
        app.post(
            "/api/v1/till/pin-failures",
            token,
            &PinFailuresReport { count: 1 },
        )
        .await,
    ];
    for answer in answers {
        let url = answer.url().path().to_owned();
        assert_eq!(error(answer, 401).await.code, "device_revoked", "{url}");
    }
    // A push still gets its answer per event: a stamp made after the unpairing is refused
    // (what it made before is stored: `revoked.rs`).
    let pushed: PushResponse = json(app.post("/api/v1/sync/push", token, &push).await, 200).await;
    assert_eq!(pushed.results[0].status, PushStatus::Rejected);
    assert_eq!(pushed.results[0].code.as_ref().unwrap(), &"device_revoked");
    // The shop's other tablet works on.
    let _: PullResponse = json(
        app.get("/api/v1/sync/pull", Some(&other_till.token)).await,
        200,
    )
    .await;
}

#[tokio::test]
async fn a_manager_reverses_any_event_once_with_the_opposite_delta() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let cashier = app
        .add_staff(&owner, "Bo", StaffRole::Cashier, "1234")
        .await;
    let manager = app
        .add_staff(&owner, "Cy", StaffRole::Manager, "5678")
        .await;
    let joined = app.join(&owner).await;
    let card = joined.card.card.id;
    let other_card = app.join(&owner).await.card.card.id;

    let stamps = by_staff(cashier.id, till.stamps(card, 3));
    let later = by_staff(cashier.id, till.stamps(card, 1));
    app.push(&till, &[stamps.clone(), later]).await;
    let tomorrow = OffsetDateTime::now_utc() + Duration::days(1);

    let mut wrong_delta = reversal_of(&till, &stamps, manager.id, OffsetDateTime::now_utc());
    wrong_delta.body = EventBody::Reversal {
        reverses: stamps.id,
        delta: -2,
        reason: "Oops".into(),
    };
    let mut wrong_card = reversal_of(&till, &stamps, manager.id, OffsetDateTime::now_utc());
    wrong_card.card_id = other_card;
    let mut unknown = reversal_of(&till, &stamps, manager.id, OffsetDateTime::now_utc());
    unknown.body = EventBody::Reversal {
        reverses: regulars_protocol::EventId(uuid::Uuid::now_v7()),
        delta: -3,
        reason: "?".into(),
    };
    let answer = app.push(&till, &[wrong_delta, wrong_card, unknown]).await;
    let codes: Vec<_> = answer
        .results
        .iter()
        .map(|r| r.code.as_deref().unwrap_or("accepted"))
        .collect();
    assert_eq!(codes, ["wrong_delta", "wrong_card", "unknown_event"]);

    // Neither the cashier's last action nor recent: a manager may still reverse it.
    let reversal = reversal_of(&till, &stamps, manager.id, tomorrow - Duration::hours(23));
    let twice = reversal_of(&till, &stamps, manager.id, OffsetDateTime::now_utc());
    let answer = app.push(&till, &[reversal.clone(), twice]).await;
    assert_eq!(answer.results[0].code, None, "{:?}", answer.results[0]);
    assert_eq!(answer.results[0].balance.unwrap().balance, 1);
    assert_eq!(answer.results[1].code.as_deref(), Some("already_reversed"));
    let undo_the_undo = reversal_of(&till, &reversal, manager.id, OffsetDateTime::now_utc());
    assert_eq!(
        app.push(&till, &[undo_the_undo]).await.results[0]
            .code
            .as_deref(),
        Some("not_reversible")
    );
    assert_eq!(
        app.push(&till, &[reversal]).await.results[0].status,
        regulars_protocol::wire::PushStatus::Duplicate
    );

    // The shopper sees it undone in their history.
    let view = app.card(&joined.token).await;
    assert_eq!(view.balance.balance, 1);
    assert!(matches!(
        view.history[0].body,
        EventBody::Reversal { delta: -3, .. }
    ));
}

#[tokio::test]
async fn a_cashier_undoes_their_own_last_action_within_two_minutes_and_nothing_else() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let bo = app
        .add_staff(&owner, "Bo", StaffRole::Cashier, "1234")
        .await;
    let cy = app
        .add_staff(&owner, "Cy", StaffRole::Cashier, "5678")
        .await;
    let card = app.join(&owner).await.card.card.id;

    let first = by_staff(bo.id, till.stamps(card, 1));
    app.push(&till, std::slice::from_ref(&first)).await;
    let undo = reversal_of(
        &till,
        &first,
        bo.id,
        first.occurred_at + Duration::seconds(90),
    );
    let answer = app.push(&till, &[undo]).await;
    assert_eq!(answer.results[0].code, None, "{:?}", answer.results[0]);
    assert_eq!(answer.results[0].balance.unwrap().balance, 0);

    // Too late.
    let second = by_staff(bo.id, till.stamps(card, 1));
    app.push(&till, std::slice::from_ref(&second)).await;
    let late = reversal_of(
        &till,
        &second,
        bo.id,
        second.occurred_at + Duration::minutes(3),
    );
    let refused = &app.push(&till, &[late]).await.results[0];
    assert_eq!(refused.code.as_deref(), Some("not_allowed"));
    assert!(
        refused.reason.as_deref().unwrap().contains("two minutes"),
        "{refused:?}"
    );

    // Someone else's action.
    let theirs = reversal_of(
        &till,
        &second,
        cy.id,
        second.occurred_at + Duration::seconds(10),
    );
    assert_eq!(
        app.push(&till, &[theirs]).await.results[0].code.as_deref(),
        Some("not_allowed")
    );

    // Not their last action any more.
    let third = by_staff(bo.id, till.stamps(card, 1));
    let fourth = by_staff(bo.id, till.stamps(card, 1));
    app.push(&till, &[third.clone(), fourth.clone()]).await;
    let not_last = reversal_of(
        &till,
        &third,
        bo.id,
        third.occurred_at + Duration::seconds(10),
    );
    assert_eq!(
        app.push(&till, &[not_last]).await.results[0]
            .code
            .as_deref(),
        Some("not_allowed")
    );
    // Made offline and pushed together with the action, an undo is checked the same way.
    let fifth = by_staff(bo.id, till.stamps(card, 1));
    let undo_fifth = reversal_of(
        &till,
        &fifth,
        bo.id,
        fifth.occurred_at + Duration::seconds(5),
    );
    let answer = app.push(&till, &[fifth, undo_fifth]).await;
    assert!(
        answer.results.iter().all(|r| r.code.is_none()),
        "{answer:?}"
    );
    assert_eq!(answer.results[1].balance.unwrap().balance, 3);
}

#[tokio::test]
async fn stamps_over_the_owners_limits_are_stored_and_flagged() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 50).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await.card.card.id;
    let other_card = app.join(&owner).await.card.card.id;

    let bad = ShopSettings {
        card_daily_limit: Some(-1),
        ..ShopSettings::default()
    };
    let answer = error(app.update_shop(&owner, &bad).await, 422).await;
    assert_eq!(answer.field.as_deref(), Some("card_daily_limit"));
    let limits = ShopSettings {
        card_daily_limit: Some(3),
        staff_hourly_limit: Some(4),
        ..ShopSettings::default()
    };
    let shop: OwnerShop = json(app.update_shop(&owner, &limits).await, 200).await;
    assert_eq!(
        (shop.limits.card_daily_limit, shop.limits.staff_hourly_limit),
        (Some(3), Some(4))
    );

    let answer = app
        .push(
            &till,
            &[
                till.stamps(card, 2),
                till.stamps(card, 1),
                till.stamps(card, 1),
            ],
        )
        .await;
    let flags: Vec<Vec<String>> = answer
        .results
        .iter()
        .map(|r| r.flags.iter().map(|f| f.to_string()).collect())
        .collect();
    assert_eq!(
        flags,
        [vec![], vec![], vec!["card_daily_limit".to_string()]]
    );
    assert_eq!(
        answer.results[2].balance.unwrap().balance,
        4,
        "flagged, not refused"
    );
    let answer = app.push(&till, &[till.stamps(other_card, 1)]).await;
    assert_eq!(answer.results[0].flags, ["staff_hourly_limit"]);

    let review: Vec<FlaggedEvent> = json(
        owner
            .client
            .get(app.url("/api/v1/owner/review"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(review.len(), 2);
    assert_eq!(review[0].flags, ["staff_hourly_limit"]);

    // 0 turns a limit off; absent keeps it.
    let off = ShopSettings {
        staff_hourly_limit: Some(0),
        ..ShopSettings::default()
    };
    let shop: OwnerShop = json(app.update_shop(&owner, &off).await, 200).await;
    assert_eq!(
        (shop.limits.card_daily_limit, shop.limits.staff_hourly_limit),
        (Some(3), None)
    );
    assert!(
        app.push(&till, &[till.stamps(other_card, 1)]).await.results[0]
            .flags
            .is_empty()
    );
}

#[tokio::test]
async fn the_owner_sees_a_card_stamped_far_more_often_and_a_cashier_who_redeems_far_more() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 1).await;
    let till = app.pair(&owner).await;
    let reward = till.program.program.rewards[0].clone();
    let bo = app
        .add_staff(&owner, "Bo", StaffRole::Cashier, "1234")
        .await;
    let anomalies = || async {
        json::<Anomalies>(
            owner
                .client
                .get(app.url("/api/v1/owner/anomalies"))
                .send()
                .await
                .unwrap(),
            200,
        )
        .await
    };
    let quiet = anomalies().await;
    assert!(quiet.cards.is_empty() && quiet.staff.is_empty());
    assert_eq!(quiet.window_days, 30);

    let busy = app.join(&owner).await.card.card.id;
    let mut regulars = vec![];
    for _ in 0..4 {
        regulars.push(app.join(&owner).await.card.card.id);
    }
    // The owner's row (the tablet's default) records 20 visits without a redemption.
    let mut events: Vec<_> = (0..10).map(|_| till.stamps(busy, 1)).collect();
    events.extend(
        regulars
            .iter()
            .flat_map(|card| [till.stamps(*card, 1), till.stamps(*card, 1)])
            .collect::<Vec<_>>(),
    );
    assert!(
        app.push(&till, &events)
            .await
            .results
            .iter()
            .all(|r| r.code.is_none())
    );
    // Bo switches in and records 5 visits and hands over 5 rewards.
    app.switch_in(&till, bo.id, "1234").await;
    let mut by_bo = vec![];
    for card in regulars.iter().chain([&busy]) {
        by_bo.push(by_staff(bo.id, till.stamps(*card, 1)));
        by_bo.push(by_staff(bo.id, till.redeem(*card, &reward)));
    }
    let answer = app.push(&till, &by_bo).await;
    assert!(
        answer.results.iter().all(|r| r.code.is_none()),
        "{answer:?}"
    );

    let found = anomalies().await;
    assert_eq!(found.typical_visits, 3);
    assert_eq!(found.cards.len(), 1);
    assert_eq!((found.cards[0].card_id, found.cards[0].visits), (busy, 11));
    assert_eq!(found.staff.len(), 1, "{:?}", found.staff);
    let staff = &found.staff[0];
    assert_eq!(
        (
            staff.staff_id,
            staff.name.as_str(),
            staff.redemptions,
            staff.actions
        ),
        (bo.id, "Bo", 5, 10)
    );
    assert_eq!((staff.percent, staff.others_percent), (50, 0));
    assert_eq!(
        error(app.get("/api/v1/owner/anomalies", None).await, 401)
            .await
            .code,
        "not_logged_in"
    );
}
