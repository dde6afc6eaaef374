//! Signed card codes at the till: the phone's rotating code, printed cards, copies, forgeries,
//! blocked cards and moving a card to a new phone.

use regulars_protocol::wire::{
    CardKeyRequest, CardView, CodeCheck, Customer, JoinRequest, JoinResponse, Member, PrintedCard,
    PrintedCardRequest, PushStatus, RecoverRequest, RecoveryCode,
};
use regulars_protocol::{CardCode, CardKey, ProgramKind};
use time::{Duration, OffsetDateTime};

use crate::helpers::{code_at, error, json, live_code, new_card_key, remember_key, spawn_app};

#[tokio::test]
async fn joining_registers_the_phones_key_and_gives_a_recovery_code() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let joined = app.join(&owner).await;
    assert!(joined.card.card.has_key);
    let recovery = joined.recovery_code.expect("a recovery code at join");
    assert_eq!(recovery.len(), 14);
    assert_eq!(recovery.matches('-').count(), 2);
    let path = format!("/api/v1/shops/{}/join", owner.shop.shop.slug);
    let bad_key = JoinRequest {
        public_key: Some("A".repeat(87)),
        ..Default::default()
    };
    assert_eq!(
        error(app.post(&path, None, &bad_key).await, 422)
            .await
            .field
            .as_deref(),
        Some("public_key")
    );
}

#[tokio::test]
async fn the_till_accepts_the_live_code_and_refuses_old_expired_forged_and_copied_ones() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let other_till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;

    let live = live_code(id);
    let customer: Customer = json(app.lookup(&till, &live).await, 200).await;
    assert_eq!((customer.card_id, customer.check), (id, CodeCheck::Signed));
    // The same tablet may look the same code up again (the cashier scanned twice)...
    assert_eq!(app.lookup(&till, &live).await.status(), 200);
    // ...but a copy of it shown at another till is refused.
    assert_eq!(
        error(app.lookup(&other_till, &live).await, 403).await.code,
        "code_used"
    );

    let refusals = [
        (card.card.card.code.clone(), "code_unsigned"),
        (
            code_at(id, OffsetDateTime::now_utc() - Duration::seconds(120)),
            "code_expired",
        ),
        (
            code_at(id, OffsetDateTime::now_utc() + Duration::seconds(120)),
            "code_from_the_future",
        ),
        (
            CardCode::sign_rotating(
                &new_card_key(),
                id,
                regulars_protocol::card_code::step_at(OffsetDateTime::now_utc()),
            )
            .encode(),
            "code_bad_signature",
        ),
    ];
    for (code, reason) in refusals {
        let body = error(app.lookup(&other_till, &code).await, 403).await;
        assert_eq!(body.code, reason, "{code}");
        assert!(body.message.ends_with('.'), "{}", body.message);
    }
}

#[tokio::test]
async fn a_redemption_needs_the_cards_own_fresh_code() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    app.push(&till, &[till.stamps(id, 5)]).await;
    let reward = owner.shop.program.rewards[0].clone();

    let mut without = till.redeem(id, &reward);
    without.code = None;
    let mut expired = till.redeem(id, &reward);
    expired.code = Some(code_at(
        id,
        OffsetDateTime::now_utc() - Duration::seconds(150),
    ));
    let mut forged = till.redeem(id, &reward);
    forged.code = Some(
        CardCode::sign_rotating(
            &new_card_key(),
            id,
            regulars_protocol::card_code::step_at(forged.occurred_at),
        )
        .encode(),
    );
    let response = app.push(&till, &[without, expired, forged]).await;
    let codes: Vec<_> = response
        .results
        .iter()
        .map(|r| (r.status, r.code.as_deref().unwrap_or_default().to_string()))
        .collect();
    assert_eq!(
        codes,
        [
            (PushStatus::Rejected, "code_required".to_string()),
            (PushStatus::Rejected, "code_expired".to_string()),
            (PushStatus::Rejected, "code_bad_signature".to_string()),
        ]
    );
    let ok = app.push(&till, &[till.redeem(id, &reward)]).await;
    assert_eq!(ok.results[0].status, PushStatus::Accepted, "{ok:?}");
    assert_eq!(ok.results[0].balance.unwrap().balance, 0);
}

#[tokio::test]
async fn offline_stamps_with_a_forged_or_copied_code_are_stored_flagged_and_balanced() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let other_till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;

    let mut forged = till.stamps(id, 3);
    forged.code = Some(
        CardCode::sign_rotating(
            &new_card_key(),
            id,
            regulars_protocol::card_code::step_at(forged.occurred_at),
        )
        .encode(),
    );
    let response = app.push(&till, &[forged]).await;
    assert_eq!(
        response.results[0].status,
        PushStatus::Accepted,
        "offline facts are stored"
    );
    assert_eq!(response.results[0].flags, ["code_bad_signature"]);
    assert_eq!(
        response.results[0].balance.unwrap().balance,
        0,
        "and balanced"
    );

    // Both tablets were offline; the second scanned a copy of the first one's code.
    let first = till.stamps(id, 1);
    let mut copy = other_till.stamps(id, 1);
    copy.code = first.code.clone();
    copy.occurred_at = first.occurred_at;
    assert_eq!(
        app.push(&till, &[first]).await.results[0].flags,
        Vec::<String>::new()
    );
    let copied = app.push(&other_till, &[copy]).await;
    assert_eq!(copied.results[0].flags, ["code_used"]);
    assert_eq!(copied.results[0].balance.unwrap().balance, 1);

    // An event naming another card than its code is refused outright.
    let other = app.join(&owner).await;
    let mut mismatch = till.stamps(id, 1);
    mismatch.code = Some(live_code(other.card.card.id));
    assert_eq!(
        app.push(&till, &[mismatch]).await.results[0]
            .code
            .as_deref(),
        Some("code_card_mismatch")
    );
}

#[tokio::test]
async fn a_printed_card_collects_stamps_but_cannot_redeem() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 2).await;
    let till = app.pair(&owner).await;
    let request = PrintedCardRequest {
        first_name: Some("Marta".into()),
    };
    let printed: PrintedCard = json(
        owner
            .client
            .post(app.url("/api/v1/owner/printed-cards"))
            .json(&request)
            .send()
            .await
            .unwrap(),
        201,
    )
    .await;
    assert!(printed.member.printed);
    assert!(printed.code.starts_with("R3"));
    let customer: Customer = json(app.lookup(&till, &printed.code).await, 200).await;
    assert_eq!(customer.check, CodeCheck::Printed);
    assert_eq!(customer.first_name.as_deref(), Some("Marta"));

    let mut stamps = till.stamps(printed.member.card_id, 2);
    stamps.code = Some(printed.code.clone());
    let stored = app.push(&till, &[stamps]).await;
    assert_eq!(
        (stored.results[0].status, stored.results[0].flags.len()),
        (PushStatus::Accepted, 0)
    );
    let reward = owner.shop.program.rewards[0].clone();
    let mut redeem = till.redeem(printed.member.card_id, &reward);
    redeem.code = Some(printed.code.clone());
    let refused = app.push(&till, &[redeem]).await;
    assert_eq!(
        refused.results[0].code.as_deref(),
        Some("printed_card_cannot_redeem")
    );

    // Another shop's printed code does not verify here.
    let other = app.setup("bo@example.com", ProgramKind::Stamps, 2).await;
    let theirs: PrintedCard = json(
        other
            .client
            .post(app.url("/api/v1/owner/printed-cards"))
            .json(&request)
            .send()
            .await
            .unwrap(),
        201,
    )
    .await;
    assert_eq!(
        error(app.lookup(&till, &theirs.code).await, 404).await.code,
        "unknown_card"
    );
}

#[tokio::test]
async fn the_owner_blocks_a_card_and_it_is_refused_at_once() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let other = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let members: Vec<Member> = json(
        owner
            .client
            .get(app.url("/api/v1/owner/cards"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(members.iter().map(|m| m.card_id).collect::<Vec<_>>(), [id]);
    let theirs: Vec<Member> = json(
        other
            .client
            .get(app.url("/api/v1/owner/cards"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert!(
        theirs.is_empty(),
        "another shop's owner sees none of these members"
    );

    let revoke = |client: &reqwest::Client| {
        client
            .post(app.url(&format!("/api/v1/owner/cards/{id}/revoke")))
            .send()
    };
    assert_eq!(
        error(revoke(&other.client).await.unwrap(), 404).await.code,
        "unknown_card"
    );
    let blocked: Member = json(revoke(&owner.client).await.unwrap(), 200).await;
    assert!(blocked.revoked_at.is_some());
    assert_eq!(
        revoke(&owner.client).await.unwrap().status(),
        200,
        "blocking twice is harmless"
    );

    assert_eq!(
        error(app.lookup(&till, &live_code(id)).await, 403)
            .await
            .code,
        "card_revoked"
    );
    assert_eq!(
        error(app.get("/api/v1/cards/me", Some(&card.token)).await, 403)
            .await
            .code,
        "card_revoked"
    );
    // A stamp the tablet makes after the block is refused.
    let mut after = till.stamps(id, 1);
    after.occurred_at = blocked.revoked_at.unwrap() + time::Duration::seconds(1);
    assert_eq!(
        app.push(&till, &[after]).await.results[0].code.as_deref(),
        Some("card_revoked")
    );
}

#[tokio::test]
async fn a_recovery_code_moves_the_card_to_a_new_phone_and_retires_the_old_one() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let id = card.card.card.id;
    let old_code = live_code(id);
    let recovery = card.recovery_code.clone().unwrap();

    let new_key = new_card_key();
    let typed = format!(" {} ", recovery.to_lowercase().replace('-', " "));
    let request = RecoverRequest {
        recovery_code: typed,
        public_key: CardKey::from(&new_key).to_base64(),
    };
    let moved: JoinResponse =
        json(app.post("/api/v1/cards/recover", None, &request).await, 200).await;
    assert_eq!(moved.card.card.id, id);
    assert_ne!(moved.recovery_code.as_deref(), Some(recovery.as_str()));
    assert_eq!(
        error(app.get("/api/v1/cards/me", Some(&card.token)).await, 401)
            .await
            .code,
        "unknown_card_token"
    );
    let _: CardView = json(app.get("/api/v1/cards/me", Some(&moved.token)).await, 200).await;
    // The old phone's codes stop verifying; the new phone's work.
    assert_eq!(
        error(app.lookup(&till, &old_code).await, 403).await.code,
        "code_bad_signature"
    );
    remember_key(id, new_key);
    assert_eq!(app.lookup(&till, &live_code(id)).await.status(), 200);
    // The used recovery code is spent.
    assert_eq!(
        error(app.post("/api/v1/cards/recover", None, &request).await, 401)
            .await
            .code,
        "invalid_recovery_code"
    );

    // A new recovery code replaces the one shown at recovery.
    let fresh: RecoveryCode = json(
        app.post("/api/v1/cards/me/recovery-code", Some(&moved.token), &())
            .await,
        201,
    )
    .await;
    let stale = RecoverRequest {
        recovery_code: moved.recovery_code.unwrap(),
        public_key: request.public_key.clone(),
    };
    assert_eq!(
        error(app.post("/api/v1/cards/recover", None, &stale).await, 401)
            .await
            .code,
        "invalid_recovery_code"
    );
    let again = RecoverRequest {
        recovery_code: fresh.recovery_code,
        public_key: request.public_key,
    };
    assert_eq!(
        app.post("/api/v1/cards/recover", None, &again)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_card_from_before_signed_codes_registers_its_key_once() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let path = format!("/api/v1/shops/{}/join", owner.shop.shop.slug);
    let joined: JoinResponse =
        json(app.post(&path, None, &JoinRequest::default()).await, 201).await;
    assert!(!joined.card.card.has_key);
    let key = new_card_key();
    let body = CardKeyRequest {
        public_key: CardKey::from(&key).to_base64(),
    };
    let put = |body: &CardKeyRequest| {
        app.http
            .put(app.url("/api/v1/cards/me/key"))
            .bearer_auth(&joined.token)
            .json(body)
            .send()
    };
    let view: CardView = json(put(&body).await.unwrap(), 200).await;
    assert!(view.card.has_key);
    assert_eq!(
        error(put(&body).await.unwrap(), 409).await.code,
        "key_already_registered"
    );
    let junk = CardKeyRequest {
        public_key: "not a key".into(),
    };
    assert_eq!(
        error(put(&junk).await.unwrap(), 422).await.field.as_deref(),
        Some("public_key")
    );
}
