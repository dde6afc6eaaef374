//! The phone's card keys, in a real browser: WebCrypto makes them, IndexedDB keeps them, and
//! the codes they sign verify with the protocol crate the server and the till use.

use regulars_app::offline::keys::{self, CardKeyPair};
use regulars_app::offline::{Store, StoredCard};
use regulars_protocol::card_code::{STEP_SECONDS, step_at};
use regulars_protocol::ledger::EventBody;
use regulars_protocol::wire::{CardInfo, CardView, HistoryEntry, Shop};
use regulars_protocol::{
    Balance, CardCode, CardId, CardKey, CodeRefused, EventId, Program, ProgramKind, ShopId,
    Verified,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test uses.
fn fresh_db(test: &str) -> String {
    format!("regulars-test-keys-{test}-{}", uuid::Uuid::new_v4())
}

fn now() -> OffsetDateTime {
    regulars_app::clock::now()
}

async fn pair() -> CardKeyPair {
    keys::generate()
        .await
        .expect("WebCrypto makes a P-256 key pair")
}

/// Any valid key will do where the verifier needs the shop's printed-card key.
async fn some_shop_key() -> CardKey {
    pair().await.public_key
}

fn card(id: CardId) -> StoredCard {
    StoredCard {
        card_id: id,
        token: format!("token-{id}"),
        view: CardView {
            card: CardInfo {
                id,
                code: "R1UNUSED".to_owned(),
                has_key: true,
                first_name: None,
                email: None,
                created_at: datetime!(2026-11-01 09:30 UTC),
                offers_consent: false,
                offers_consent_at: None,
            },
            shop: Shop {
                id: ShopId::random(),
                slug: "corner-cafe".to_owned(),
                name: "Corner Cafe".to_owned(),
                brand_color: "#b4532a".to_owned(),
                currency: "EUR".to_owned(),
                time_zone: "Europe/Paris".to_owned(),
            },
            program: Program {
                version: 1,
                kind: ProgramKind::Stamps,
                stamps_per_visit: 1,
                points_per_unit: 1,
                rewards: Vec::new(),
                offline_redemption_max_cost: None,
                categories: Vec::new(),
            },
            balance: Balance {
                balance: 1,
                earned: 1,
                redeemed: 0,
                rewards_redeemed: 0,
                visits: 1,
            },
            history: vec![HistoryEntry {
                id: EventId::random(),
                seq: 1,
                occurred_at: datetime!(2026-11-02 10:00 UTC),
                body: EventBody::StampsIssued {
                    count: 1,
                    amount_minor: None,
                    category: None,
                },
                reward_name: None,
            }],
            server_time: datetime!(2026-11-02 10:00:01 UTC),
            card_events: Default::default(),
            offers: Vec::new(),
        },
        synced_at: datetime!(2026-11-02 10:00:02 UTC),
        cursor: 0,
        full_synced_at: None,
        recovery_code: Some("ABCD-EFGH-JKLM".to_owned()),
    }
}

#[wasm_bindgen_test]
async fn a_card_key_is_an_ecdsa_p256_key_pair_with_a_public_key_in_wire_form() {
    let pair = pair().await;

    assert_eq!(
        keys::algorithm(&pair.private_key),
        Some(("ECDSA".to_owned(), "P-256".to_owned()))
    );
    assert_eq!(pair.private_key.type_(), "private");
    let usages: Vec<String> = pair
        .private_key
        .usages()
        .iter()
        .filter_map(|u| u.as_string())
        .collect();
    assert_eq!(usages, ["sign"]);
    let wire = pair.public_key.to_base64();
    assert_eq!(wire.len(), 87, "URL-safe base64 of 65 bytes, no padding");
    assert_eq!(CardKey::from_base64(&wire), Ok(pair.public_key));
    // Two cards never share a key.
    assert_ne!(pair.public_key, some_shop_key().await);
}

#[wasm_bindgen_test]
async fn the_private_key_cannot_be_exported() {
    let pair = pair().await;
    assert!(!keys::is_extractable(&pair.private_key));

    // Not as a flag only: the browser refuses to hand out its bytes in any format.
    let crypto: web_sys::Crypto =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
            .unwrap()
            .unchecked_into();
    for format in ["pkcs8", "jwk", "raw"] {
        let promise = crypto
            .subtle()
            .export_key(format, &pair.private_key)
            .unwrap();
        let exported = JsFuture::from(promise).await;
        let error = exported.expect_err("a non-extractable key cannot be exported");
        let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).unwrap();
        assert_eq!(
            name.as_string().as_deref(),
            Some("InvalidAccessError"),
            "{format}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_signed_code_verifies_with_the_protocol_crate_against_the_exported_public_key() {
    let pair = pair().await;
    let id = CardId::random();
    let at = now();
    let step = step_at(at);

    let text = keys::sign_code(&pair.private_key, id, step).await.unwrap();

    assert_eq!(text.len(), 128);
    assert!(text.starts_with("R2"));
    let code = CardCode::parse(&text).expect("the phone's code parses");
    assert_eq!(code.card_id(), id);
    assert_eq!(
        code.verify(Some(&pair.public_key), &some_shop_key().await, at),
        Ok(Verified::Rotating { step })
    );
}

#[wasm_bindgen_test]
async fn each_time_step_has_its_own_code_and_an_old_one_expires() {
    let pair = pair().await;
    let id = CardId::random();
    let shop_key = some_shop_key().await;
    let at = now();
    let step = step_at(at);

    let this = keys::sign_code(&pair.private_key, id, step).await.unwrap();
    let next = keys::sign_code(&pair.private_key, id, step + 1)
        .await
        .unwrap();

    assert_ne!(this, next);
    let later = at + Duration::seconds(STEP_SECONDS);
    assert_eq!(
        CardCode::parse(&next)
            .unwrap()
            .verify(Some(&pair.public_key), &shop_key, later),
        Ok(Verified::Rotating { step: step + 1 })
    );
    // A screenshot stops working within a couple of minutes.
    let much_later = at + Duration::seconds(4 * STEP_SECONDS);
    assert_eq!(
        CardCode::parse(&this)
            .unwrap()
            .verify(Some(&pair.public_key), &shop_key, much_later),
        Err(CodeRefused::Expired)
    );
}

#[wasm_bindgen_test]
async fn a_code_signed_with_another_cards_key_is_refused() {
    let mine = pair().await;
    let other = pair().await;
    let id = CardId::random();
    let at = now();

    let forged = keys::sign_code(&other.private_key, id, step_at(at))
        .await
        .unwrap();

    assert_eq!(
        CardCode::parse(&forged).unwrap().verify(
            Some(&mine.public_key),
            &some_shop_key().await,
            at
        ),
        Err(CodeRefused::BadSignature)
    );
}

#[wasm_bindgen_test]
async fn the_key_is_kept_in_indexeddb_and_still_signs_after_reopening_the_database() {
    let name = fresh_db("reopen");
    let pair = pair().await;
    let id = CardId::random();
    let store = Store::open(&name).await.unwrap();
    assert!(store.card_key(id).await.unwrap().is_none());

    store.put_card_key(id, &pair.private_key).await.unwrap();
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    let kept = reopened
        .card_key(id)
        .await
        .unwrap()
        .expect("the key is kept");
    // The structured clone is the same kind of key: still private, still not extractable.
    assert!(!keys::is_extractable(&kept));
    assert_eq!(kept.type_(), "private");
    let at = now();
    let text = keys::sign_code(&kept, id, step_at(at)).await.unwrap();
    assert!(
        CardCode::parse(&text)
            .unwrap()
            .verify(Some(&pair.public_key), &some_shop_key().await, at)
            .is_ok()
    );
    // Another card's id finds nothing.
    assert!(reopened.card_key(CardId::random()).await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_card_and_its_key_are_kept_together_and_a_key_can_be_forgotten() {
    let name = fresh_db("together");
    let pair = pair().await;
    let card = card(CardId::random());
    let store = Store::open(&name).await.unwrap();

    store
        .put_card_with_key(&card, &pair.private_key)
        .await
        .unwrap();
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    assert_eq!(
        reopened.card(card.card_id).await.unwrap(),
        Some(card.clone())
    );
    assert!(reopened.card_key(card.card_id).await.unwrap().is_some());
    reopened.delete_card_key(card.card_id).await.unwrap();
    assert!(reopened.card_key(card.card_id).await.unwrap().is_none());
    assert!(
        reopened.card(card.card_id).await.unwrap().is_some(),
        "the card stays"
    );
}

#[wasm_bindgen_test]
async fn a_new_recovery_code_is_kept_and_a_sync_does_not_undo_it() {
    let store = Store::open(&fresh_db("recovery")).await.unwrap();
    let mut before = card(CardId::random());
    before.recovery_code = None;
    store.put_card(&before).await.unwrap();

    // A sync read the card before the shopper made a new code, and writes after.
    let updated = store
        .set_recovery_code(before.card_id, "NEW1-NEW2-NEW3".to_owned())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(updated.recovery_code.as_deref(), Some("NEW1-NEW2-NEW3"));
    let synced = StoredCard {
        cursor: 5,
        ..before.clone()
    };
    store.update_card(synced).await.unwrap();

    let kept = store.card(before.card_id).await.unwrap().unwrap();
    assert_eq!(
        (kept.cursor, kept.recovery_code.as_deref()),
        (5, Some("NEW1-NEW2-NEW3"))
    );
    assert_eq!(
        store
            .set_recovery_code(CardId::random(), "X".to_owned())
            .await
            .unwrap(),
        None
    );
}

#[wasm_bindgen_test]
fn a_card_stored_before_recovery_codes_reads_without_one() {
    let mut value = serde_json::to_value(card(CardId::random())).unwrap();
    value.as_object_mut().unwrap().remove("recovery_code");
    let old: StoredCard = serde_json::from_value(value).unwrap();
    assert_eq!(old.recovery_code, None);
}
