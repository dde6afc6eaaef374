//! A tablet unpaired while its outbox still held events: what it made before the unpairing
//! reaches the ledger (flagged), what it made after does not, and a tablet paired again asks
//! which of its earlier pairing's events the server already has.

use regulars_protocol::wire::{KnownResponse, PushResponse, PushStatus};
use regulars_protocol::{EventId, ProgramKind};
use serde_json::json as body;
use time::{Duration, OffsetDateTime};

use crate::helpers::{Owner, TestApp, Till, code_at, error, json, prove, spawn_app};

async fn unpair(app: &TestApp, owner: &Owner, till: &Till) {
    let url = app.url(&format!("/api/v1/owner/devices/{}/revoke", till.device_id));
    let response = owner.client.post(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
}

async fn push_raw(
    app: &TestApp,
    till: &Till,
    events: &[regulars_protocol::Event],
) -> reqwest::Response {
    let events: Vec<_> = events.iter().cloned().map(prove).collect();
    app.post(
        "/api/v1/sync/push",
        Some(&till.token),
        &body!({ "events": events }),
    )
    .await
}

fn flags(answer: &PushResponse, i: usize) -> Vec<String> {
    answer.results[i]
        .flags
        .iter()
        .map(|f| f.to_string())
        .collect()
}

#[tokio::test]
async fn events_made_before_the_unpairing_reach_the_ledger_flagged_and_later_ones_are_refused() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();

    // Three stamps given offline a minute before the owner unpaired the tablet.
    let made_before: Vec<_> = (0..3)
        .map(|i| {
            let at = now - Duration::seconds(60 - i);
            let mut stamp = till.stamps(id, 1);
            stamp.occurred_at = at;
            stamp.scanned_at = Some(at);
            stamp.code = Some(code_at(id, at));
            stamp
        })
        .collect();
    // One made well after (by the tablet's own clock), and an online redemption.
    let mut made_after = till.stamps(id, 1);
    made_after.occurred_at = now + Duration::minutes(10);
    unpair(&app, &owner, &till).await;

    let mut batch = made_before.clone();
    batch.push(made_after);
    let answer: PushResponse = json(push_raw(&app, &till, &batch).await, 200).await;
    for i in 0..3 {
        assert_eq!(answer.results[i].status, PushStatus::Accepted, "{answer:?}");
        assert_eq!(flags(&answer, i), ["device_revoked"], "{answer:?}");
    }
    assert_eq!(answer.results[3].status, PushStatus::Rejected);
    assert_eq!(answer.results[3].code.as_ref().unwrap(), &"device_revoked");
    assert_eq!(app.card(&card.token).await.balance.balance, 3);

    // Sent again (its answer was lost): the same events, no new stamps.
    let again: PushResponse = json(push_raw(&app, &till, &made_before).await, 200).await;
    assert!(
        again
            .results
            .iter()
            .all(|r| r.status == PushStatus::Duplicate),
        "{again:?}"
    );
    assert_eq!(app.card(&card.token).await.balance.balance, 3);

    // Everything else stays closed to it.
    let pulled = app.get("/api/v1/sync/pull", Some(&till.token)).await;
    assert_eq!(error(pulled, 401).await.code, "device_revoked");
}

#[tokio::test]
async fn an_unpaired_tablet_cannot_redeem_and_after_thirty_days_cannot_push_at_all() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 1).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let stamp = till.stamps(id, 2);
    app.push(&till, &[stamp]).await;
    let reward = till.program.program.rewards[0].clone();
    let redemption = till.redeem(id, &reward);
    unpair(&app, &owner, &till).await;

    // An online redemption is decided now, and now the tablet is unpaired.
    let answer: PushResponse = json(push_raw(&app, &till, &[redemption]).await, 200).await;
    assert_eq!(answer.results[0].status, PushStatus::Rejected);
    assert_eq!(answer.results[0].code.as_ref().unwrap(), &"device_revoked");
    assert_eq!(app.card(&card.token).await.balance.balance, 2);

    // Thirty-one days after the unpairing the credential is dead for pushes too.
    let long_ago = OffsetDateTime::now_utc() - Duration::days(31);
    sqlx::query("UPDATE devices SET revoked_at = $1 WHERE id = $2")
        .bind(
            long_ago
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap(),
        )
        .bind(till.device_id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    let late = push_raw(&app, &till, &[till.stamps(id, 1)]).await;
    assert_eq!(error(late, 401).await.code, "device_revoked");
}

#[tokio::test]
async fn a_tablet_paired_again_learns_which_of_its_earlier_events_the_server_has() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let other = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let stored = till.stamps(id, 1);
    app.push(&till, std::slice::from_ref(&stored)).await;
    let never_sent = till.stamps(id, 1);
    unpair(&app, &owner, &till).await;

    let again = app.pair(&owner).await;
    let ask = [stored.id, never_sent.id, EventId(uuid::Uuid::now_v7())];
    let known: KnownResponse = json(
        app.post(
            "/api/v1/sync/known",
            Some(&again.token),
            &body!({ "ids": ask }),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(known.stored, [stored.id]);

    // Another shop's tablet learns nothing about this shop's events.
    let stranger = app.pair(&other).await;
    let known: KnownResponse = json(
        app.post(
            "/api/v1/sync/known",
            Some(&stranger.token),
            &body!({ "ids": ask }),
        )
        .await,
        200,
    )
    .await;
    assert!(known.stored.is_empty());

    // Too many at once is a clear error.
    let many: Vec<EventId> = (0..1_001).map(|_| EventId(uuid::Uuid::now_v7())).collect();
    let answer = app
        .post(
            "/api/v1/sync/known",
            Some(&again.token),
            &body!({ "ids": many }),
        )
        .await;
    assert_eq!(error(answer, 422).await.code, "invalid_field");
}
