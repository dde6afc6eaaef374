//! The IndexedDB layer, in a real browser. Each test uses its own fresh database.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use regulars_app::offline::{
    EarlierPairing, OfflineError, Pairing, RejectedEvent, Settled, Store, StoredCard,
    balance_with_pending,
};
use regulars_protocol::ledger::EventBody;
use regulars_protocol::wire::{
    CardInfo, CardView, DirectoryCard, HistoryEntry, Shop, StaffMember, TillProgram,
};
use regulars_protocol::{
    Balance, CardId, DeviceId, Event, EventId, LocationId, Program, ProgramKind, Reward, RewardId,
    ShopId, StaffId,
};
use time::OffsetDateTime;
use time::macros::datetime;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test uses.
fn fresh_db(test: &str) -> String {
    format!("regulars-test-{test}-{}", uuid::Uuid::new_v4())
}

fn shop(name: &str) -> Shop {
    Shop {
        id: ShopId::random(),
        slug: name.to_lowercase().replace(' ', "-"),
        name: name.to_owned(),
        brand_color: "#b4532a".to_owned(),
        currency: "EUR".to_owned(),
        time_zone: "Europe/Paris".to_owned(),
    }
}

fn program() -> Program {
    Program {
        version: 1,
        kind: ProgramKind::Stamps,
        stamps_per_visit: 1,
        points_per_unit: 1,
        rewards: vec![Reward {
            id: RewardId::random(),
            name: "Free coffee".to_owned(),
            cost: 10,
            value_minor: Some(350),
            active: true,
        }],
        offline_redemption_max_cost: None,
        categories: Vec::new(),
    }
}

fn card_view(shop_name: &str, balance: i64) -> CardView {
    let id = CardId::random();
    CardView {
        card: CardInfo {
            id,
            code: "RG1:ABC$%*+-./: 123".to_owned(),
            has_key: false,
            first_name: Some("Ada".to_owned()),
            email: None,
            created_at: datetime!(2026-11-01 09:30 UTC),
            offers_consent: false,
            offers_consent_at: None,
        },
        shop: shop(shop_name),
        program: program(),
        balance: Balance {
            balance,
            earned: balance,
            redeemed: 0,
            rewards_redeemed: 0,
            visits: balance,
        },
        history: vec![HistoryEntry {
            id: EventId::random(),
            seq: 1,
            occurred_at: datetime!(2026-11-02 10:00 UTC),
            body: EventBody::StampsIssued {
                count: balance,
                amount_minor: Some(1250),
                category: Some("coffee".to_owned()),
            },
            reward_name: None,
        }],
        server_time: datetime!(2026-11-02 10:00:01 UTC),
        card_events: Default::default(),
        offers: Vec::new(),
    }
}

fn stored(view: CardView) -> StoredCard {
    StoredCard {
        card_id: view.card.id,
        token: format!("token-{}", view.card.id),
        view,
        synced_at: datetime!(2026-11-02 10:00:02 UTC),
        cursor: 0,
        full_synced_at: None,
        recovery_code: None,
    }
}

fn pairing() -> Pairing {
    let staff = StaffId::random();
    Pairing {
        device_id: DeviceId::random(),
        token: "device-token".to_owned(),
        till: TillProgram {
            shop: shop("Corner Cafe"),
            program: program(),
            location_id: LocationId::random(),
            staff: vec![StaffMember {
                id: staff,
                name: "Owner".to_owned(),
                role: "owner".to_owned(),
                pin_hash: None,
                has_pin: false,
            }],
            default_staff_id: staff,
            printed_card_key: None,
            server_time: datetime!(2026-11-02 08:00 UTC),
            offers: Vec::new(),
        },
        next_device_seq: 1,
        staff_session: None,
    }
}

#[wasm_bindgen_test]
async fn a_stored_card_reads_back_whole() {
    let store = Store::open(&fresh_db("read-back")).await.unwrap();
    let card = stored(card_view("Corner Cafe", 3));

    store.put_card(&card).await.unwrap();

    assert_eq!(store.card(card.card_id).await.unwrap(), Some(card));
    assert_eq!(store.card(CardId::random()).await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn cards_of_several_shops_are_listed_by_shop_name() {
    let store = Store::open(&fresh_db("list")).await.unwrap();
    assert!(store.cards().await.unwrap().is_empty());
    let bakery = stored(card_view("Bakery", 1));
    let cafe = stored(card_view("Corner Cafe", 2));
    let books = stored(card_view("Anna's Books", 5));

    for card in [&bakery, &cafe, &books] {
        store.put_card(card).await.unwrap();
    }

    let names: Vec<String> = store
        .cards()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.view.shop.name)
        .collect();
    assert_eq!(names, ["Anna's Books", "Bakery", "Corner Cafe"]);
}

#[wasm_bindgen_test]
async fn a_fresh_view_replaces_the_stored_one_and_keeps_the_token() {
    let store = Store::open(&fresh_db("overwrite")).await.unwrap();
    let card = stored(card_view("Corner Cafe", 3));
    store.put_card(&card).await.unwrap();

    let mut fresh = card.view.clone();
    fresh.balance.balance = 4;
    fresh.card.first_name = Some("Grace".to_owned());
    let synced_at = datetime!(2026-11-03 12:00 UTC);
    let updated = store
        .update_card_view(fresh.clone(), synced_at)
        .await
        .unwrap();

    let expected = StoredCard {
        view: fresh,
        synced_at,
        // The view's newest event: the events sync goes on from there.
        cursor: 1,
        full_synced_at: Some(synced_at),
        ..card.clone()
    };
    assert_eq!(updated, Some(expected.clone()));
    assert_eq!(store.card(card.card_id).await.unwrap(), Some(expected));
    assert_eq!(store.cards().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn a_view_for_a_card_not_on_this_phone_is_not_stored() {
    let store = Store::open(&fresh_db("unknown-view")).await.unwrap();

    let view = card_view("Corner Cafe", 1);
    let updated = store
        .update_card_view(view, OffsetDateTime::UNIX_EPOCH)
        .await
        .unwrap();

    assert_eq!(updated, None);
    assert!(store.cards().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn the_pairing_and_its_device_sequence_survive_reopening_the_database() {
    let name = fresh_db("pairing");
    let store = Store::open(&name).await.unwrap();
    assert_eq!(store.pairing().await.unwrap(), None);
    let paired = pairing();
    store.put_pairing(&paired).await.unwrap();

    let (_, first) = store.take_device_seq().await.unwrap();
    let (after, second) = store.take_device_seq().await.unwrap();
    assert_eq!((first, second), (1, 2));
    assert_eq!(after.next_device_seq, 3);
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    let stored = reopened.pairing().await.unwrap().expect("pairing kept");
    assert_eq!(
        stored,
        Pairing {
            next_device_seq: 3,
            ..paired
        }
    );
    let (_, third) = reopened.take_device_seq().await.unwrap();
    assert_eq!(third, 3);
}

#[wasm_bindgen_test]
async fn a_refreshed_till_program_keeps_the_device_sequence() {
    let store = Store::open(&fresh_db("till")).await.unwrap();
    store.put_pairing(&pairing()).await.unwrap();
    store.take_device_seq().await.unwrap();

    let mut till = pairing().till;
    till.shop.name = "Corner Cafe & Bakery".to_owned();
    let updated = store.update_till(till.clone()).await.unwrap();

    assert_eq!(updated.till, till);
    assert_eq!(updated.next_device_seq, 2);
}

#[wasm_bindgen_test]
async fn an_unpaired_tablet_forgets_its_pairing_but_keeps_its_credential_while_events_wait() {
    let store = Store::open(&fresh_db("unpair")).await.unwrap();
    let paired = pairing();
    store.put_pairing(&paired).await.unwrap();

    // Nothing waits: nothing of the pairing is kept.
    store.retire_pairing().await.unwrap();
    assert_eq!(store.pairing().await.unwrap(), None);
    assert_eq!(store.take_device_seq().await, Err(OfflineError::NotPaired));
    assert!(store.earlier_pairings().await.unwrap().is_empty());

    // Events wait in the outbox: the credential stays for them, once.
    store.put_pairing(&paired).await.unwrap();
    store
        .queue_event(&stamp(CardId::random(), 1, 1))
        .await
        .unwrap();
    store.retire_pairing().await.unwrap();
    store.put_pairing(&paired).await.unwrap();
    store.retire_pairing().await.unwrap();
    assert_eq!(store.pairing().await.unwrap(), None);
    assert_eq!(
        store.earlier_pairings().await.unwrap(),
        [EarlierPairing {
            device_id: paired.device_id,
            token: paired.token.clone(),
        }]
    );
    store
        .forget_earlier_pairing(paired.device_id)
        .await
        .unwrap();
    assert!(store.earlier_pairings().await.unwrap().is_empty());
}

// The till's outbox, rejected list and card directory (database version 2).

fn stamp(card_id: CardId, device_seq: i64, count: i64) -> Event {
    Event {
        id: EventId(regulars_app::clock::new_v7()),
        card_id,
        device_id: DeviceId(uuid::Uuid::from_u128(42)),
        device_seq,
        staff_id: Some(StaffId::random()),
        code: None,
        occurred_at: datetime!(2026-11-02 10:00 UTC) + time::Duration::seconds(device_seq),
        body: EventBody::StampsIssued {
            count,
            amount_minor: None,
            category: Some("coffee".to_owned()),
        },
        staff_proof: None,
        origin: regulars_protocol::Origin::Till,
        scanned_at: None,
    }
}

fn balance(n: i64) -> Balance {
    Balance {
        balance: n,
        earned: n,
        redeemed: 0,
        rewards_redeemed: 0,
        visits: n,
    }
}

fn member(card_id: CardId, name: &str, n: i64, changed_seq: i64) -> DirectoryCard {
    DirectoryCard {
        card_id,
        first_name: Some(name.to_owned()),
        balance: balance(n),
        revoked: false,
        changed_seq,
        public_key: None,
        printed: false,
        offers: Vec::new(),
        regular: None,
    }
}

#[wasm_bindgen_test]
async fn outbox_events_survive_reopening_until_removed() {
    let name = fresh_db("outbox");
    let store = Store::open(&name).await.unwrap();
    assert!(store.outbox().await.unwrap().is_empty());
    let card = CardId::random();
    let events: Vec<Event> = (1..=5).map(|seq| stamp(card, seq, 1)).collect();
    // Queued out of order: listed in device order.
    for event in events.iter().rev() {
        store.queue_event(event).await.unwrap();
    }
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    assert_eq!(reopened.outbox().await.unwrap(), events);
    assert_eq!(reopened.outbox_len().await.unwrap(), 5);
    // Queuing the same event again keeps one copy.
    reopened.queue_event(&events[0]).await.unwrap();
    assert_eq!(reopened.outbox_len().await.unwrap(), 5);

    reopened
        .remove_from_outbox(&[events[1].id, events[3].id])
        .await
        .unwrap();
    reopened.close();

    let again = Store::open(&name).await.unwrap();
    assert_eq!(
        again.outbox().await.unwrap(),
        [events[0].clone(), events[2].clone(), events[4].clone()]
    );
}

#[wasm_bindgen_test]
async fn a_refused_event_is_kept_with_its_reason_and_a_stored_one_leaves_the_outbox() {
    let name = fresh_db("rejected");
    let store = Store::open(&name).await.unwrap();
    let card = CardId::random();
    let stored = stamp(card, 1, 2);
    let refused = stamp(card, 2, 1);
    let waiting = stamp(card, 3, 1);
    for event in [&stored, &refused, &waiting] {
        store.queue_event(event).await.unwrap();
    }
    let at = datetime!(2026-11-02 11:00 UTC);

    store
        .settle(
            &[
                Settled::Stored {
                    id: stored.id,
                    card_id: card,
                    seq: Some(40),
                    balance: Some(balance(7)),
                },
                Settled::Rejected {
                    id: refused.id,
                    code: Some("card_revoked".to_owned()),
                    reason: "This card has been blocked by the shop.".to_owned(),
                },
            ],
            at,
        )
        .await
        .unwrap();
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    assert_eq!(reopened.outbox().await.unwrap(), [waiting]);
    assert_eq!(
        reopened.rejected().await.unwrap(),
        [RejectedEvent {
            id: refused.id,
            event: Some(refused.clone()),
            raw: None,
            code: Some("card_revoked".to_owned()),
            reason: "This card has been blocked by the shop.".to_owned(),
            rejected_at: at,
        }]
    );
    assert_eq!(reopened.rejected_len().await.unwrap(), 1);
    // The directory learned the balance after the stored event.
    let known = reopened.directory_card(card).await.unwrap().unwrap();
    assert_eq!((known.balance.balance, known.changed_seq), (7, 40));

    // Answers for events already settled change nothing.
    reopened
        .settle(
            &[Settled::Rejected {
                id: stored.id,
                code: None,
                reason: "late".to_owned(),
            }],
            at,
        )
        .await
        .unwrap();
    assert_eq!(reopened.rejected_len().await.unwrap(), 1);
}

#[wasm_bindgen_test]
async fn a_stored_offer_use_counts_in_the_directory_so_the_till_does_not_offer_it_again() {
    let store = Store::open(&fresh_db("offer-use")).await.unwrap();
    let card = CardId::random();
    let offer = regulars_protocol::OfferId(uuid::Uuid::from_u128(16));
    let mut known = member(card, "Ada", 3, 10);
    known.offers = vec![regulars_protocol::offers::CardOffer {
        offer_id: offer,
        saved: true,
        used: 0,
    }];
    store.store_pull(&[known], 10, None, &[]).await.unwrap();
    let used = Event {
        body: EventBody::OfferUsed {
            offer_id: offer,
            offer_version: 1,
            count: 2,
            offline: true,
        },
        ..stamp(card, 1, 2)
    };
    store.queue_event(&used).await.unwrap();
    let answer = Settled::Stored {
        id: used.id,
        card_id: card,
        seq: Some(11),
        balance: Some(balance(5)),
    };
    store
        .settle(
            std::slice::from_ref(&answer),
            datetime!(2026-11-02 11:00 UTC),
        )
        .await
        .unwrap();
    let after = store.directory_card(card).await.unwrap().unwrap();
    assert_eq!(after.offers[0].used, 1);
    assert_eq!((after.balance.balance, after.changed_seq), (5, 11));
    // The same answer again (the event left the outbox) counts nothing more.
    store
        .settle(&[answer], datetime!(2026-11-02 11:00 UTC))
        .await
        .unwrap();
    let again = store.directory_card(card).await.unwrap().unwrap();
    assert_eq!(again.offers[0].used, 1);
}

#[wasm_bindgen_test]
async fn an_outbox_record_that_no_longer_decodes_moves_to_the_refused_list_and_the_others_go_on() {
    let name = fresh_db("unreadable");
    let store = Store::open(&name).await.unwrap();
    let card = CardId::random();
    let first = stamp(card, 1, 1);
    let second = stamp(card, 3, 1);
    store.queue_event(&first).await.unwrap();
    store.queue_event(&second).await.unwrap();
    store.close();
    // A record between them that is not an event any more (written by another build, or
    // damaged): its device number is text and it has no card.
    let broken_id = uuid::Uuid::now_v7().to_string();
    let db = Database::open(&name).await.unwrap();
    let tx = db
        .transaction("outbox")
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    tx.object_store("outbox")
        .unwrap()
        .put(&serde_json::json!({ "id": broken_id, "device_seq": "two", "body": { "kind": "stamps_issued" } }))
        .serde()
        .unwrap()
        .await
        .unwrap();
    tx.commit().await.unwrap();
    db.close();

    let store = Store::open(&name).await.unwrap();
    assert_eq!(store.outbox_len().await.unwrap(), 3);
    assert_eq!(store.outbox().await.unwrap(), [first, second]);
    // It left the outbox for the refused list, kept as found.
    assert_eq!(store.outbox_len().await.unwrap(), 2);
    let refused = store.rejected().await.unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].id.to_string(), broken_id);
    assert_eq!(refused[0].event, None);
    assert_eq!(refused[0].code.as_deref(), Some(RejectedEvent::UNREADABLE));
    assert!(
        refused[0].raw.as_deref().unwrap().contains("\"two\""),
        "{refused:?}"
    );
    assert!(!refused[0].reason.is_empty());
}

#[wasm_bindgen_test]
async fn the_directory_keeps_each_cards_newest_change_and_its_cursor() {
    let name = fresh_db("directory");
    let store = Store::open(&name).await.unwrap();
    assert_eq!(store.pull_cursor().await.unwrap(), 0);
    let ada = CardId::random();
    let bob = CardId::random();

    store
        .store_pull(
            &[member(ada, "Ada", 3, 10), member(bob, "Bob", 1, 12)],
            12,
            None,
            &[],
        )
        .await
        .unwrap();
    // A later page: Ada changed again; an older change of Bob must not win.
    store
        .store_pull(
            &[member(ada, "Ada L.", 4, 20), member(bob, "Old Bob", 0, 11)],
            20,
            None,
            &[],
        )
        .await
        .unwrap();
    // A stale answer does not move the cursor back.
    store.store_pull(&[], 15, None, &[]).await.unwrap();
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    assert_eq!(reopened.pull_cursor().await.unwrap(), 20);
    assert_eq!(
        reopened.directory_card(ada).await.unwrap(),
        Some(member(ada, "Ada L.", 4, 20))
    );
    assert_eq!(
        reopened.directory_card(bob).await.unwrap(),
        Some(member(bob, "Bob", 1, 12))
    );
    assert_eq!(reopened.directory().await.unwrap().len(), 2);

    // A push answer (seq 25) updates the balance and keeps the name.
    reopened
        .settle(
            &[Settled::Stored {
                id: EventId::random(),
                card_id: bob,
                seq: Some(25),
                balance: Some(balance(2)),
            }],
            datetime!(2026-11-02 11:00 UTC),
        )
        .await
        .unwrap();
    assert_eq!(
        reopened.directory_card(bob).await.unwrap(),
        Some(member(bob, "Bob", 2, 25))
    );

    reopened.clear_directory().await.unwrap();
    assert_eq!(reopened.pull_cursor().await.unwrap(), 0);
    assert!(reopened.directory().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_pull_refreshes_the_till_program_and_keeps_the_device_sequence() {
    let store = Store::open(&fresh_db("pull-till")).await.unwrap();
    assert_eq!(
        store
            .store_pull(&[], 3, Some(pairing().till), &[])
            .await
            .unwrap(),
        None
    );
    store.put_pairing(&pairing()).await.unwrap();
    store.take_device_seq().await.unwrap();

    let mut till = pairing().till;
    till.shop.name = "Corner Cafe & Bakery".to_owned();
    let updated = store
        .store_pull(&[], 4, Some(till.clone()), &[])
        .await
        .unwrap()
        .unwrap();

    assert_eq!(updated.till, till);
    assert_eq!(updated.next_device_seq, 2);
    assert_eq!(store.pairing().await.unwrap(), Some(updated));
}

#[wasm_bindgen_test]
async fn the_balance_shown_is_the_last_known_plus_the_pending_events() {
    let store = Store::open(&fresh_db("pending")).await.unwrap();
    let card = CardId::random();
    let other = CardId::random();
    store.queue_event(&stamp(card, 1, 2)).await.unwrap();
    store.queue_event(&stamp(other, 2, 5)).await.unwrap();
    store.queue_event(&stamp(card, 3, 1)).await.unwrap();
    let last_known = Balance {
        balance: 4,
        earned: 14,
        redeemed: 10,
        rewards_redeemed: 1,
        visits: 9,
    };

    let shown = store.balance_with_pending(card, last_known).await.unwrap();

    let mut expected = last_known;
    for event in store.pending_for(card).await.unwrap() {
        expected.apply(&event.body);
    }
    assert_eq!(shown, expected);
    assert_eq!(
        shown,
        Balance {
            balance: 7,
            earned: 17,
            redeemed: 10,
            rewards_redeemed: 1,
            visits: 11,
        }
    );
    assert_eq!(
        balance_with_pending(last_known, card, &store.outbox().await.unwrap()),
        shown
    );
    // Nothing pending: the last known balance.
    assert_eq!(
        store
            .balance_with_pending(CardId::random(), last_known)
            .await
            .unwrap(),
        last_known
    );
}

#[wasm_bindgen_test]
async fn a_synced_card_keeps_its_cursor_and_token() {
    let name = fresh_db("card-cursor");
    let store = Store::open(&name).await.unwrap();
    let card = stored(card_view("Corner Cafe", 3));
    store.put_card(&card).await.unwrap();

    let synced = StoredCard {
        token: "not-the-token".to_owned(),
        cursor: 17,
        ..card.clone()
    };
    let updated = store.update_card(synced).await.unwrap().unwrap();
    assert_eq!(updated.token, card.token);
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    let kept = reopened.card(card.card_id).await.unwrap().unwrap();
    assert_eq!((kept.cursor, kept.token), (17, card.token));
    assert_eq!(
        reopened
            .update_card(stored(card_view("Elsewhere", 1)))
            .await
            .unwrap(),
        None
    );
}

/// A card as version 1 of the app stored it (no sync cursor yet).
#[derive(serde::Serialize)]
struct CardV1 {
    card_id: CardId,
    token: String,
    view: CardView,
    #[serde(with = "time::serde::rfc3339")]
    synced_at: OffsetDateTime,
}

#[wasm_bindgen_test]
async fn upgrading_from_version_1_keeps_the_cards_and_the_pairing() {
    let name = fresh_db("upgrade");
    // The database as version 1 of the app left it.
    let old = Database::open(&name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store("cards")
                .with_key_path("card_id".into())
                .build()?;
            db.create_object_store("device").build()?;
            Ok(())
        })
        .await
        .unwrap();
    let view = card_view("Corner Cafe", 3);
    let card = CardV1 {
        card_id: view.card.id,
        token: "card-token".to_owned(),
        view: view.clone(),
        synced_at: datetime!(2026-11-02 10:00:02 UTC),
    };
    let paired = pairing();
    let tx = old
        .transaction(["cards", "device"])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    tx.object_store("cards")
        .unwrap()
        .put(&card)
        .serde()
        .unwrap()
        .await
        .unwrap();
    tx.object_store("device")
        .unwrap()
        .put(&paired)
        .with_key("pairing")
        .without_key_type()
        .serde()
        .unwrap()
        .await
        .unwrap();
    tx.commit().await.unwrap();
    old.close();

    let store = Store::open(&name).await.unwrap();

    let kept = store.card(view.card.id).await.unwrap().expect("card kept");
    assert_eq!(kept.view, view);
    assert_eq!(kept.token, "card-token");
    assert_eq!((kept.cursor, kept.full_synced_at), (0, None));
    assert_eq!(store.pairing().await.unwrap(), Some(paired));
    assert_eq!(store.pull_cursor().await.unwrap(), 0);
    // The new stores are there and work.
    let event = stamp(view.card.id, 1, 1);
    store.queue_event(&event).await.unwrap();
    assert_eq!(store.outbox().await.unwrap(), [event]);
    assert!(store.rejected().await.unwrap().is_empty());
    assert!(store.directory().await.unwrap().is_empty());
    let (_, seq) = store.take_device_seq().await.unwrap();
    assert_eq!(seq, 1);
}

#[wasm_bindgen_test]
async fn a_pull_settles_the_events_the_server_says_it_stored_in_the_same_transaction() {
    let store = Store::open(&fresh_db("pull-stored")).await.unwrap();
    let card = CardId::random();
    let answered_lost = stamp(card, 1, 2);
    let waiting = stamp(card, 2, 1);
    store.queue_event(&answered_lost).await.unwrap();
    store.queue_event(&waiting).await.unwrap();
    // The push stored the first but its answer never came; the pull brings the card's new
    // balance (which counts it) and says so.
    store
        .store_pull(&[member(card, "Ada", 2, 7)], 7, None, &[answered_lost.id])
        .await
        .unwrap();
    let left: Vec<_> = store.outbox().await.unwrap().iter().map(|e| e.id).collect();
    assert_eq!(left, [waiting.id]);
    let shown = store
        .balance_with_pending(
            card,
            store.directory_card(card).await.unwrap().unwrap().balance,
        )
        .await
        .unwrap();
    assert_eq!(
        shown.balance, 3,
        "2 pulled (with the settled stamp) + 1 waiting, not 5"
    );
}

// The phone's own outbox: what the shopper did on the card.

use regulars_app::offline::card_outbox::{self, QueueError};
use regulars_protocol::Refusal;
use regulars_protocol::card_events::CardEventKind;
use regulars_protocol::wire::{PushResult, PushStatus};

fn answered(
    result_of: &regulars_protocol::card_events::CardEvent,
    status: PushStatus,
) -> PushResult {
    PushResult {
        id: result_of.id,
        status,
        seq: Some(result_of.card_seq),
        balance: None,
        code: (status == PushStatus::Rejected).then_some(Refusal::AnsweredRecently),
        reason: (status == PushStatus::Rejected).then(|| "answered on 2026-10-01".to_owned()),
        flags: vec![],
    }
}

#[wasm_bindgen_test]
async fn a_shoppers_answer_waits_in_the_outbox_with_the_cards_next_number_across_a_restart() {
    let name = fresh_db("card-outbox");
    let store = Store::open(&name).await.unwrap();
    let mut card = stored(card_view("Corner Cafe", 1));
    // The card came from another phone: the server holds its events up to 4.
    card.view.card_events.last_seq = 4;
    store.put_card(&card).await.unwrap();
    let at = datetime!(2026-11-03 09:00 UTC);

    let dismissed = store
        .queue_card_event(&card, CardEventKind::NpsDismissed, None, None, at)
        .await
        .unwrap();
    assert_eq!(dismissed.card_seq, 5);
    store.close();
    // A reload keeps the event and the number.
    let store = Store::open(&name).await.unwrap();
    let answer = store
        .queue_card_event(
            &card,
            CardEventKind::NpsAnswered,
            Some(9),
            Some("Lovely pastries".to_owned()),
            at,
        )
        .await
        .unwrap();
    assert_eq!(answer.card_seq, 6);
    assert_eq!(answer.id.0.get_version_num(), 7);
    let waiting = store.card_outbox(card.card_id).await.unwrap();
    let mut numbers: Vec<i64> = waiting.iter().map(|q| q.event.card_seq).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [5, 6]);
    // Another card's outbox is its own, and its numbers are its own.
    let other = stored(card_view("Book Nook", 0));
    store.put_card(&other).await.unwrap();
    assert!(store.card_outbox(other.card_id).await.unwrap().is_empty());
    let first = store
        .queue_card_event(&other, CardEventKind::NpsDismissed, None, None, at)
        .await
        .unwrap();
    assert_eq!(first.card_seq, 1);
}

#[wasm_bindgen_test]
async fn the_phone_refuses_what_the_server_would_and_keeps_nothing_of_it() {
    let store = Store::open(&fresh_db("card-refuse")).await.unwrap();
    let card = stored(card_view("Corner Cafe", 1));
    store.put_card(&card).await.unwrap();
    let at = datetime!(2026-11-03 09:00 UTC);
    let queue = |score: Option<i64>, comment: Option<String>, at| {
        store.queue_card_event(&card, CardEventKind::NpsAnswered, score, comment, at)
    };
    assert_eq!(
        queue(Some(11), None, at).await,
        Err(QueueError::Refused(Refusal::InvalidScore))
    );
    assert_eq!(
        queue(None, None, at).await,
        Err(QueueError::Refused(Refusal::InvalidScore))
    );
    assert_eq!(
        queue(Some(7), Some("ő".repeat(501)), at).await,
        Err(QueueError::Refused(Refusal::CommentTooLong))
    );
    assert!(store.card_outbox(card.card_id).await.unwrap().is_empty());
    queue(Some(7), Some("ő".repeat(500)), at).await.unwrap();
    // A second answer within 90 days of the one waiting is refused on the phone.
    assert_eq!(
        queue(Some(3), None, at + time::Duration::days(89)).await,
        Err(QueueError::Refused(Refusal::AnsweredRecently))
    );
    assert_eq!(store.card_outbox(card.card_id).await.unwrap().len(), 1);
    // ... and within 90 days of the one the server holds from another phone.
    let mut moved = stored(card_view("Book Nook", 0));
    moved.view.card_events.last_answer = Some(at);
    store.put_card(&moved).await.unwrap();
    assert_eq!(
        store
            .queue_card_event(
                &moved,
                CardEventKind::NpsAnswered,
                Some(10),
                None,
                at + time::Duration::days(30)
            )
            .await,
        Err(QueueError::Refused(Refusal::AnsweredRecently))
    );
}

#[wasm_bindgen_test]
async fn the_servers_answers_clear_stored_events_and_keep_refused_ones_with_the_reason() {
    let store = Store::open(&fresh_db("card-settle")).await.unwrap();
    let card = stored(card_view("Corner Cafe", 1));
    store.put_card(&card).await.unwrap();
    let at = datetime!(2026-11-03 09:00 UTC);
    let a = store
        .queue_card_event(&card, CardEventKind::NpsDismissed, None, None, at)
        .await
        .unwrap();
    let b = store
        .queue_card_event(&card, CardEventKind::NpsAnswered, Some(2), None, at)
        .await
        .unwrap();
    let c = store
        .queue_card_event(&card, CardEventKind::NpsDismissed, None, None, at)
        .await
        .unwrap();
    // The card was due the question after its visit; the answer waiting means it is not now.
    let before = card_outbox::ask_state(&card, &[]);
    assert!(before.due(at));
    let waiting = store.card_outbox(card.card_id).await.unwrap();
    assert!(!card_outbox::ask_state(&card, &waiting).due(at));

    // `a` was stored before (a retry), `b` refused, `c` got no answer (the batch was cut).
    store
        .settle_card_events(&[
            answered(&a, PushStatus::Duplicate),
            answered(&b, PushStatus::Rejected),
        ])
        .await
        .unwrap();
    let left = store.card_outbox(card.card_id).await.unwrap();
    assert_eq!(left.len(), 2);
    let refused = left.iter().find(|q| q.id == b.id).unwrap();
    let why = refused.refused.clone().unwrap();
    assert_eq!(why.code, Some(Refusal::AnsweredRecently));
    assert_eq!(why.reason, "answered on 2026-10-01");
    assert!(left.iter().any(|q| q.id == c.id && q.refused.is_none()));
    // A refused answer is not an answer: the card may ask again.
    let only_refused: Vec<_> = left.iter().filter(|q| q.id == b.id).cloned().collect();
    assert!(card_outbox::ask_state(&card, &only_refused).due(at));
    // The shopper read why: it goes.
    store.forget_card_event(b.id).await.unwrap();
    let left = store.card_outbox(card.card_id).await.unwrap();
    assert_eq!(left.iter().map(|q| q.id).collect::<Vec<_>>(), [c.id]);
}

#[wasm_bindgen_test]
async fn offer_events_are_made_once_per_offer_and_kind_and_a_refused_one_leaves_quietly() {
    use regulars_protocol::OfferId;
    let store = Store::open(&fresh_db("card-offers")).await.unwrap();
    let card = stored(card_view("Corner Cafe", 1));
    store.put_card(&card).await.unwrap();
    let at = datetime!(2026-11-03 09:00 UTC);
    let (one, two) = (OfferId::random(), OfferId::random());
    let queue = |kind, offer| store.queue_offer_event(&card, kind, offer, at);
    assert_eq!(queue(CardEventKind::OfferShown, one).await, Ok(true));
    // Shown again on the next visit to the card: not recorded again.
    assert_eq!(queue(CardEventKind::OfferShown, one).await, Ok(false));
    assert_eq!(queue(CardEventKind::OfferShown, two).await, Ok(true));
    assert_eq!(queue(CardEventKind::OfferDismissed, one).await, Ok(true));
    assert_eq!(
        queue(CardEventKind::NpsDismissed, one).await,
        Err(QueueError::Refused(Refusal::InvalidEvent))
    );
    let dismissed = store
        .offers_marked(card.card_id, CardEventKind::OfferDismissed)
        .await
        .unwrap();
    assert_eq!(dismissed, [one]);
    assert!(
        store
            .offers_marked(card.card_id, CardEventKind::OfferSaved)
            .await
            .unwrap()
            .is_empty()
    );
    let waiting = store.card_outbox(card.card_id).await.unwrap();
    let mut numbers: Vec<i64> = waiting.iter().map(|q| q.event.card_seq).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2, 3]);
    assert!(waiting.iter().all(|q| q.event.offer_id.is_some()));

    // The server refuses the dismissal (an offer it does not count for this card): it leaves
    // the outbox with nothing for the shopper to read, and the offer stays hidden here.
    let dismissal = waiting
        .iter()
        .find(|q| q.event.kind == CardEventKind::OfferDismissed)
        .unwrap();
    store
        .settle_card_events(&[answered(&dismissal.event, PushStatus::Rejected)])
        .await
        .unwrap();
    let left = store.card_outbox(card.card_id).await.unwrap();
    assert_eq!(left.len(), 2);
    assert!(left.iter().all(|q| q.refused.is_none()));
    let dismissed = store
        .offers_marked(card.card_id, CardEventKind::OfferDismissed)
        .await
        .unwrap();
    assert_eq!(dismissed, [one]);
}
