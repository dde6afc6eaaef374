//! The IndexedDB layer, in a real browser. Each test uses its own fresh database.

use regulars_app::offline::{OfflineError, Pairing, Store, StoredCard};
use regulars_protocol::ledger::EventBody;
use regulars_protocol::wire::{CardInfo, CardView, HistoryEntry, Shop, StaffMember, TillProgram};
use regulars_protocol::{
    Balance, CardId, DeviceId, EventId, LocationId, Program, ProgramKind, Reward, RewardId, ShopId,
    StaffId,
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
    }
}

fn card_view(shop_name: &str, balance: i64) -> CardView {
    let id = CardId::random();
    CardView {
        card: CardInfo {
            id,
            code: "RG1:ABC$%*+-./: 123".to_owned(),
            first_name: Some("Ada".to_owned()),
            email: None,
            created_at: datetime!(2026-11-01 09:30 UTC),
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
    }
}

fn stored(view: CardView) -> StoredCard {
    StoredCard {
        card_id: view.card.id,
        token: format!("token-{}", view.card.id),
        view,
        synced_at: datetime!(2026-11-02 10:00:02 UTC),
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
            }],
            default_staff_id: staff,
            server_time: datetime!(2026-11-02 08:00 UTC),
        },
        next_device_seq: 1,
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
async fn a_deleted_pairing_is_gone_and_has_no_sequence() {
    let store = Store::open(&fresh_db("unpair")).await.unwrap();
    store.put_pairing(&pairing()).await.unwrap();

    store.delete_pairing().await.unwrap();

    assert_eq!(store.pairing().await.unwrap(), None);
    assert_eq!(store.take_device_seq().await, Err(OfflineError::NotPaired));
}
