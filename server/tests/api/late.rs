//! A code is judged when it was scanned: a customer scans, orders, pays, and the cashier taps
//! minutes later.

use regulars_protocol::wire::PushStatus;
use regulars_protocol::{ProgramKind, card_code};
use time::{Duration, OffsetDateTime};

use crate::helpers::{code_at, spawn_app};

#[tokio::test]
async fn a_stamp_given_minutes_after_the_scan_is_judged_at_the_scan_within_fifteen_minutes() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();

    // Scanned 150 seconds ago, stamped now.
    let scanned = now - Duration::seconds(150);
    let mut late = till.stamps(id, 1);
    late.code = Some(code_at(id, scanned));
    late.scanned_at = Some(scanned);
    let answer = app.push(&till, &[late]).await;
    assert_eq!(answer.results[0].status, PushStatus::Accepted);
    assert!(answer.results[0].flags.is_empty(), "{answer:?}");
    assert_eq!(answer.results[0].balance.unwrap().balance, 1);

    // The same late tap from a till that does not say when it scanned: the code has expired
    // by the tap, so the stamp is balanced, as before.
    let earlier = now - Duration::seconds(240);
    assert_ne!(card_code::step_at(earlier), card_code::step_at(scanned));
    let mut unsaid = till.stamps(id, 1);
    unsaid.code = Some(code_at(id, earlier));
    let answer = app.push(&till, &[unsaid]).await;
    let flags: Vec<String> = answer.results[0]
        .flags
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(flags, ["code_expired"]);
    assert_eq!(answer.results[0].balance.unwrap().balance, 1);

    // Held longer than a till may hold a customer: judged at the tap, flagged.
    let long_ago = now - Duration::minutes(20);
    let mut held = till.stamps(id, 1);
    held.code = Some(code_at(id, long_ago));
    held.scanned_at = Some(long_ago);
    let answer = app.push(&till, &[held]).await;
    let flags: Vec<String> = answer.results[0]
        .flags
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(flags, ["held_too_long", "code_expired"]);
    assert_eq!(app.card(&card.token).await.balance.balance, 1);

    // A scan time after the tap is a lie, not a reason to accept an old code.
    let mut backwards = till.stamps(id, 1);
    let old = now - Duration::minutes(3);
    backwards.code = Some(code_at(id, old));
    backwards.scanned_at = Some(now + Duration::hours(1));
    let answer = app.push(&till, &[backwards]).await;
    let flags: Vec<String> = answer.results[0]
        .flags
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(flags, ["held_too_long", "code_expired"]);
    assert_eq!(app.card(&card.token).await.balance.balance, 1);
}

#[tokio::test]
async fn pull_and_lookup_tell_the_tablet_which_of_its_events_are_stored() {
    use regulars_protocol::wire::{Customer, LookupRequest, PullResponse};
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let other = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    // The push is stored; imagine its answer lost.
    let stamp = till.stamps(id, 2);
    app.push(&till, std::slice::from_ref(&stamp)).await;
    let theirs = other.stamps(id, 1);
    app.push(&other, std::slice::from_ref(&theirs)).await;

    let pulled: PullResponse = crate::helpers::json(
        app.get("/api/v1/sync/pull?cursor=0", Some(&till.token))
            .await,
        200,
    )
    .await;
    assert_eq!(pulled.stored, [stamp.id], "its own events only");
    assert_eq!(pulled.cards[0].balance.balance, 3);

    let never_sent = till.stamps(id, 1);
    let customer: Customer = crate::helpers::json(
        app.post(
            "/api/v1/till/lookup",
            Some(&till.token),
            &LookupRequest {
                code: crate::helpers::live_code(id),
                pending: vec![stamp.id, never_sent.id, theirs.id],
            },
        )
        .await,
        200,
    )
    .await;
    assert_eq!(customer.stored, [stamp.id]);
}
