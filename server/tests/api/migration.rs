//! A database made by the previous release (schema 0001-0004, rows in the shapes that release
//! wrote, with events of every kind) upgrades at start-up, and every balance is the same after,
//! on SQLite and on PostgreSQL (whose 0005 alters the events table where SQLite rebuilds it).

use std::borrow::Cow;

use regulars_protocol::wire::{CardView, PushResponse, PushStatus};
use regulars_protocol::{Balance, Event};
use regulars_server::config::Settings;
use regulars_server::db::Engine;
use regulars_server::startup::Application;

/// The migrations the previous release shipped.
const PREVIOUS_RELEASE_MIGRATIONS: usize = 4;

const SHOP: &str = "6f9c1a52-0000-4000-8000-000000000001";
const LOCATION: &str = "6f9c1a52-0000-4000-8000-000000000002";
const OWNER_STAFF: &str = "6f9c1a52-0000-4000-8000-000000000003";
const DEVICE: &str = "6f9c1a52-0000-4000-8000-000000000004";
const REWARD: &str = "6f9c1a52-0000-4000-8000-000000000005";
const CARD_A: &str = "6f9c1a52-0000-4000-8000-00000000000a";
const CARD_B: &str = "6f9c1a52-0000-4000-8000-00000000000b";

/// One event as the previous release stored it: its JSON (without the fields added since),
/// and the columns beside it.
struct OldEvent {
    id: &'static str,
    card: &'static str,
    device_seq: i64,
    body: serde_json::Value,
    flags: Option<&'static str>,
    ordinal: Option<i64>,
}

fn old_events() -> Vec<OldEvent> {
    use serde_json::json;
    let e = |id, card, device_seq, body, flags, ordinal| OldEvent {
        id,
        card,
        device_seq,
        body,
        flags,
        ordinal,
    };
    vec![
        e(
            "01930000-0000-7000-8000-000000000001",
            CARD_A,
            1,
            json!({"type": "stamps_issued", "count": 3, "category": "coffee"}),
            None,
            None,
        ),
        e(
            "01930000-0000-7000-8000-000000000002",
            CARD_A,
            2,
            json!({"type": "stamps_issued", "count": 4, "amount_minor": 450}),
            Some("unverified"),
            None,
        ),
        e(
            "01930000-0000-7000-8000-000000000003",
            CARD_A,
            3,
            json!({"type": "reward_redeemed", "reward_id": REWARD, "cost": 5}),
            None,
            Some(1),
        ),
        e(
            "01930000-0000-7000-8000-000000000004",
            CARD_A,
            4,
            json!({"type": "stamps_issued", "count": 1}),
            None,
            None,
        ),
        e(
            "01930000-0000-7000-8000-000000000005",
            CARD_A,
            5,
            json!({"type": "reversal", "reverses": "01930000-0000-7000-8000-000000000004", "delta": -1, "reason": "Wrong card"}),
            None,
            None,
        ),
        e(
            "01930000-0000-7000-8000-000000000006",
            CARD_B,
            6,
            json!({"type": "points_earned", "amount_minor": 1200, "points": 12, "program_version": 1}),
            None,
            None,
        ),
        // An offline redemption the card could not cover, and the compensation the previous
        // release added for it with the same device and sequence.
        e(
            "01930000-0000-7000-8000-000000000007",
            CARD_B,
            7,
            json!({"type": "reward_redeemed", "reward_id": REWARD, "cost": 20, "offline": true}),
            Some("double_redemption"),
            None,
        ),
        e(
            "a6e0c1f2-1111-5222-8333-000000000007",
            CARD_B,
            7,
            json!({"type": "adjustment", "delta": 20, "reason": "Compensates an offline redemption the card could not cover"}),
            Some("compensation"),
            None,
        ),
    ]
}

async fn previous_release_database(url: &str) -> Vec<(String, Balance)> {
    sqlx::any::install_default_drivers();
    let create = if url.starts_with("sqlite:") {
        format!("{url}?mode=rwc")
    } else {
        url.to_owned()
    };
    let pool = sqlx::AnyPool::connect(&create).await.unwrap();
    let current = Engine::of_url(url).unwrap().migrator();
    let previous = sqlx::migrate::Migrator {
        migrations: Cow::Owned(current.migrations[..PREVIOUS_RELEASE_MIGRATIONS].to_vec()),
        ..sqlx::migrate::Migrator::DEFAULT
    };
    previous.run(&pool).await.unwrap();
    let at = "2026-11-20T10:00:00.000000Z";
    for sql in [
        format!("INSERT INTO owners VALUES ('6f9c1a52-0000-4000-8000-0000000000ff', 'ana@example.com', 'x', '{at}')"),
        format!("INSERT INTO shops (id, owner_id, slug, name, brand_color, currency, time_zone, program_version, event_seq, created_at)
                 VALUES ('{SHOP}', '6f9c1a52-0000-4000-8000-0000000000ff', 'corner', 'Corner', '#aa5500', 'EUR', 'UTC', 1, 0, '2026-11-01T09:00:00.000000Z')"),
        format!("INSERT INTO locations VALUES ('{LOCATION}', '{SHOP}', 'Main', '{at}')"),
        format!("INSERT INTO program_versions VALUES ('{SHOP}', 1, 'stamps', 1, 1, '{at}')"),
        format!("INSERT INTO rewards VALUES ('{REWARD}', '{SHOP}', 'Free coffee', 5, NULL, TRUE, '{at}', '{at}')"),
        format!("INSERT INTO staff (id, shop_id, name, role, pin_hash, created_at) VALUES ('{OWNER_STAFF}', '{SHOP}', 'Owner', 'owner', NULL, '{at}')"),
        format!("INSERT INTO devices (id, shop_id, location_id, name, token_hash, created_at) VALUES ('{DEVICE}', '{SHOP}', '{LOCATION}', 'Tablet', '{}', '{at}')",
            regulars_server::auth::hash_token("device-token")),
        format!("INSERT INTO cards (id, shop_id, token_hash, created_at) VALUES ('{CARD_A}', '{SHOP}', '{}', '{at}')",
            regulars_server::auth::hash_token("card-a")),
        format!("INSERT INTO cards (id, shop_id, token_hash, created_at) VALUES ('{CARD_B}', '{SHOP}', '{}', '{at}')",
            regulars_server::auth::hash_token("card-b")),
    ] {
        sqlx::query(&sql).execute(&pool).await.unwrap();
    }
    let mut balances: std::collections::BTreeMap<&str, Balance> = Default::default();
    for (seq, old) in old_events().into_iter().enumerate() {
        let body: regulars_protocol::EventBody = serde_json::from_value(old.body.clone()).unwrap();
        let balance = balances.entry(old.card).or_default();
        balance.apply(&body);
        let json = serde_json::json!({
            "id": old.id, "card_id": old.card, "device_id": DEVICE, "device_seq": old.device_seq,
            "staff_id": OWNER_STAFF, "occurred_at": "2026-11-20T10:00:00Z", "body": old.body,
        });
        sqlx::query(
            "INSERT INTO events (id, shop_id, seq, card_id, device_id, device_seq, staff_id, location_id, kind, delta,
                                 amount_minor, category, reward_id, body, balance_after, occurred_at, recorded_at, flags,
                                 redemption_ordinal)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $18)",
        )
        .bind(old.id)
        .bind(SHOP)
        .bind(seq as i64 + 1)
        .bind(old.card)
        .bind(DEVICE)
        .bind(old.device_seq)
        .bind(OWNER_STAFF)
        .bind(LOCATION)
        .bind(body.kind())
        .bind(body.delta())
        .bind(body.amount_minor())
        .bind(body.category())
        .bind(matches!(body, regulars_protocol::EventBody::RewardRedeemed { .. }).then_some(REWARD))
        .bind(json.to_string())
        .bind(serde_json::to_string(&*balance).unwrap())
        .bind(at)
        .bind(old.flags)
        .bind(old.ordinal)
        .execute(&pool)
        .await
        .unwrap();
    }
    sqlx::query(&format!(
        "INSERT INTO reversals VALUES ('01930000-0000-7000-8000-000000000004', '01930000-0000-7000-8000-000000000005', '{SHOP}', '{at}')"
    ))
    .execute(&pool)
    .await
    .unwrap();
    for (card, balance) in &balances {
        sqlx::query("INSERT INTO balances VALUES ($1, $2, $3, $4, $5, $6, $7, 8, $8)")
            .bind(*card)
            .bind(SHOP)
            .bind(balance.balance)
            .bind(balance.earned)
            .bind(balance.redeemed)
            .bind(balance.rewards_redeemed)
            .bind(balance.visits)
            .bind(at)
            .execute(&pool)
            .await
            .unwrap();
    }
    sqlx::query("UPDATE shops SET event_seq = 8")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    balances
        .into_iter()
        .map(|(card, balance)| (card.to_owned(), balance))
        .collect()
}

#[tokio::test]
async fn a_database_from_the_previous_release_upgrades_and_keeps_every_balance() {
    let dir = tempfile::tempdir().unwrap();
    let url = crate::database::empty(dir.path()).await;
    let before = previous_release_database(&url).await;
    assert_eq!(before[0].1.balance, 2, "card A: 3 + 4 - 5 + 1 - 1");
    assert_eq!(before[1].1.balance, 12, "card B: 12 - 20 + 20");

    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().join("data"),
        database_url: Some(url),
        dist_dir: dist,
        ..Settings::default()
    };
    let app = Application::build(settings)
        .await
        .expect("the upgraded server starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.db();
    tokio::spawn(app.run_until_stopped());
    let http = reqwest::Client::new();

    for (card, token) in [(CARD_A, "card-a"), (CARD_B, "card-b")] {
        let view: CardView = http
            .get(format!("{address}/api/v1/cards/me"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let expected = before.iter().find(|(c, _)| c == card).unwrap().1;
        assert_eq!(view.balance, expected, "{card}");
        let folded = regulars_protocol::ledger::fold(
            &sqlx::query_scalar::<_, String>("SELECT body FROM events WHERE card_id = $1")
                .bind(card)
                .fetch_all(&db)
                .await
                .unwrap()
                .iter()
                .map(|b| serde_json::from_str::<Event>(b).unwrap())
                .collect::<Vec<_>>(),
        );
        assert_eq!(
            folded, expected,
            "the ledger folds to the same balance: {card}"
        );
    }
    let report = regulars_server::maintenance::rebuild_balances(&db)
        .await
        .unwrap();
    assert!(report.differences.is_empty(), "{:?}", report.differences);
    assert_eq!(report.events, 8);

    // The old compensation is now the server's, names no device, and names what it balanced.
    let (origin, device, compensates): (String, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT origin, device_id, compensates FROM events WHERE id = 'a6e0c1f2-1111-5222-8333-000000000007'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(origin, "server");
    assert_eq!(device, None);
    assert_eq!(
        compensates.as_deref(),
        Some("01930000-0000-7000-8000-000000000007")
    );

    // A retry of an event the old release stored is still recognised.
    let old: String = sqlx::query_scalar(
        "SELECT body FROM events WHERE id = '01930000-0000-7000-8000-000000000001'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    let retry: PushResponse = http
        .post(format!("{address}/api/v1/sync/push"))
        .bearer_auth("device-token")
        .json(&serde_json::json!({ "events": [serde_json::from_str::<serde_json::Value>(&old).unwrap()] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(retry.results[0].status, PushStatus::Duplicate);
}

/// Every table, column (with whether it may be NULL) and named index of a database.
async fn schema(db: &sqlx::AnyPool, engine: Engine) -> std::collections::BTreeSet<String> {
    let (columns, indexes) = match engine {
        Engine::Sqlite => (
            "SELECT t.name || '.' || c.name || CASE WHEN c.\"notnull\" = 1 OR c.pk > 0 THEN ' not null' ELSE '' END
             FROM sqlite_master t, pragma_table_info(t.name) c
             WHERE t.type = 'table' AND t.name NOT LIKE '\\_sqlx%' ESCAPE '\\' AND t.name NOT LIKE 'sqlite%'",
            "SELECT 'index ' || name FROM sqlite_master
             WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'",
        ),
        Engine::Postgres => (
            "SELECT CAST(table_name AS TEXT) || '.' || CAST(column_name AS TEXT)
                    || CASE WHEN CAST(is_nullable AS TEXT) = 'NO' THEN ' not null' ELSE '' END
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%'",
            "SELECT 'index ' || indexname FROM pg_indexes
             WHERE schemaname = 'public' AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'",
        ),
    };
    let mut all = std::collections::BTreeSet::new();
    for sql in [columns, indexes] {
        let rows: Vec<String> = sqlx::query_scalar(sql).fetch_all(db).await.unwrap();
        all.extend(rows);
    }
    all
}

/// The two engines' migrations make the same schema: the same tables, columns, NULL rules and
/// named indexes (what differs is only how each engine writes it). Checked where both engines
/// are at hand, in the PostgreSQL half of the suite.
#[tokio::test]
async fn both_engines_migrations_make_the_same_schema() {
    if crate::database::postgres().is_none() {
        eprintln!("needs PostgreSQL too: cargo xtask test --only postgres");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = regulars_server::db::engine::open(&format!(
        "sqlite://{}",
        dir.path().join("regulars.db").display()
    ))
    .await
    .unwrap();
    let postgres = regulars_server::db::engine::open(&crate::database::empty(dir.path()).await)
        .await
        .unwrap();
    let on_sqlite = schema(&sqlite.db, Engine::Sqlite).await;
    let on_postgres = schema(&postgres.db, Engine::Postgres).await;
    assert!(on_sqlite.len() > 100, "{on_sqlite:?}");
    let only_sqlite: Vec<_> = on_sqlite.difference(&on_postgres).collect();
    let only_postgres: Vec<_> = on_postgres.difference(&on_sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only on SQLite: {only_sqlite:?}\nonly on PostgreSQL: {only_postgres:?}"
    );
}
