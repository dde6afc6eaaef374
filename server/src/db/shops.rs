//! Shops, their locations and staff, and their programs (versioned earning rule plus rewards).

use regulars_protocol::wire::Shop;
use regulars_protocol::{
    LocationId, OwnerId, Program, ProgramKind, Reward, RewardId, ShopId, StaffId,
};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Db, Tx, now, parse_id, ts};

/// Everything a new shop starts with.
pub struct NewShop<'a> {
    pub id: ShopId,
    pub owner_id: OwnerId,
    pub slug: &'a str,
    pub name: &'a str,
    pub brand_color: &'a str,
    pub currency: &'a str,
    pub time_zone: &'a str,
    pub kind: ProgramKind,
    pub stamps_per_visit: i64,
    pub points_per_unit: i64,
    pub first_reward: (&'a str, i64),
}

/// The earning rule of one program version.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub version: i32,
    pub kind: ProgramKind,
    pub stamps_per_visit: i64,
    pub points_per_unit: i64,
}

pub async fn insert(tx: &mut Tx, new: &NewShop<'_>) -> sqlx::Result<()> {
    let at = ts(now());
    sqlx::query(
        "INSERT INTO shops (id, owner_id, slug, name, brand_color, currency, time_zone, program_version, event_seq, created_at, summaries_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, 0, $8, $9)",
    )
    .bind(new.id.to_string())
    .bind(new.owner_id.to_string())
    .bind(new.slug)
    .bind(new.name)
    .bind(new.brand_color)
    .bind(new.currency)
    .bind(new.time_zone)
    .bind(&at)
    .bind(crate::insights::SUMMARIES_VERSION)
    .execute(&mut **tx)
    .await?;
    let starting: Vec<regulars_protocol::Category> = super::insights::STARTING_CATEGORIES
        .iter()
        .map(|(id, name)| regulars_protocol::Category {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
        })
        .collect();
    super::insights::save_categories(tx, new.id, &starting).await?;
    insert_rule(
        tx,
        new.id,
        Rule {
            version: 1,
            kind: new.kind,
            stamps_per_visit: new.stamps_per_visit,
            points_per_unit: new.points_per_unit,
        },
    )
    .await?;
    sqlx::query("INSERT INTO locations (id, shop_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(LocationId::random().to_string())
        .bind(new.id.to_string())
        .bind(new.name)
        .bind(&at)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO staff (id, shop_id, name, role, pin_hash, created_at) VALUES ($1, $2, 'Owner', 'owner', NULL, $3)")
        .bind(StaffId::random().to_string())
        .bind(new.id.to_string())
        .bind(&at)
        .execute(&mut **tx)
        .await?;
    insert_reward(
        tx,
        new.id,
        RewardId::random(),
        new.first_reward.0,
        new.first_reward.1,
        None,
    )
    .await?;
    Ok(())
}

async fn insert_rule(tx: &mut Tx, shop_id: ShopId, rule: Rule) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO program_versions (shop_id, version, kind, stamps_per_visit, points_per_unit, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(shop_id.to_string())
    .bind(rule.version)
    .bind(rule.kind.as_str())
    .bind(rule.stamps_per_visit)
    .bind(rule.points_per_unit)
    .bind(ts(now()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn shop_from_row(r: &AnyRow) -> anyhow::Result<Shop> {
    Ok(Shop {
        id: parse_id(r.get::<&str, _>("id"))?,
        slug: r.get("slug"),
        name: r.get("name"),
        brand_color: r.get("brand_color"),
        currency: r.get("currency"),
        time_zone: r.get("time_zone"),
    })
}

const SHOP_COLUMNS: &str = "id, slug, name, brand_color, currency, time_zone";

pub async fn find<'e, E: sqlx::AnyExecutor<'e>>(db: E, id: ShopId) -> anyhow::Result<Option<Shop>> {
    let row = sqlx::query(&format!("SELECT {SHOP_COLUMNS} FROM shops WHERE id = $1"))
        .bind(id.to_string())
        .fetch_optional(db)
        .await?;
    row.as_ref().map(shop_from_row).transpose()
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Shop>> {
    let row = sqlx::query(&format!("SELECT {SHOP_COLUMNS} FROM shops WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(shop_from_row).transpose()
}

/// The rule of one version of the shop's program.
pub async fn rule<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    version: Option<i32>,
) -> anyhow::Result<Option<Rule>> {
    let row = sqlx::query(
        "SELECT p.version, p.kind, p.stamps_per_visit, p.points_per_unit
         FROM program_versions p JOIN shops s ON s.id = p.shop_id
         WHERE p.shop_id = $1 AND p.version = COALESCE($2, s.program_version)",
    )
    .bind(shop_id.to_string())
    .bind(version)
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        let kind: String = r.get("kind");
        Ok(Rule {
            version: r.get("version"),
            kind: ProgramKind::parse(&kind)
                .ok_or_else(|| anyhow::anyhow!("bad program kind {kind}"))?,
            stamps_per_visit: r.get("stamps_per_visit"),
            points_per_unit: r.get("points_per_unit"),
        })
    })
    .transpose()
}

pub async fn rewards<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> anyhow::Result<Vec<Reward>> {
    let rows = sqlx::query(
        "SELECT id, name, cost, value_minor, CASE WHEN active THEN 1 ELSE 0 END AS active FROM rewards WHERE shop_id = $1
         ORDER BY active DESC, cost ASC, created_at ASC",
    )
    .bind(shop_id.to_string())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Reward {
                id: parse_id(r.get::<&str, _>("id"))?,
                name: r.get("name"),
                cost: r.get("cost"),
                value_minor: r.get("value_minor"),
                active: super::flag(r, "active"),
            })
        })
        .collect()
}

/// The current program: the latest rule and all rewards.
pub async fn program(db: &Db, shop_id: ShopId) -> anyhow::Result<Program> {
    let rule = rule(db, shop_id, None)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} has no program"))?;
    Ok(Program {
        version: rule.version,
        kind: rule.kind,
        stamps_per_visit: rule.stamps_per_visit,
        points_per_unit: rule.points_per_unit,
        rewards: rewards(db, shop_id).await?,
        offline_redemption_max_cost: offline_redemption_max_cost(db, shop_id).await?,
        categories: super::insights::active_categories(db, shop_id).await?,
    })
}

pub async fn offline_redemption_max_cost<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT offline_redemption_max_cost FROM shops WHERE id = $1")
        .bind(shop_id.to_string())
        .fetch_one(db)
        .await
}

pub async fn set_offline_redemption_max_cost(
    tx: &mut Tx,
    shop_id: ShopId,
    max: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE shops SET offline_redemption_max_cost = $1 WHERE id = $2")
        .bind(max)
        .bind(shop_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn default_location(db: &Db, shop_id: ShopId) -> anyhow::Result<LocationId> {
    let id: String = sqlx::query_scalar(
        "SELECT id FROM locations WHERE shop_id = $1 ORDER BY created_at LIMIT 1",
    )
    .bind(shop_id.to_string())
    .fetch_one(db)
    .await?;
    parse_id(&id)
}

pub async fn members(db: &Db, shop_id: ShopId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM cards WHERE shop_id = $1 AND revoked_at IS NULL")
        .bind(shop_id.to_string())
        .fetch_one(db)
        .await
}

/// Shop fields an owner changed.
pub struct ShopChanges {
    pub name: String,
    pub brand_color: String,
    pub currency: String,
    pub time_zone: String,
}

pub async fn update(tx: &mut Tx, shop_id: ShopId, changes: &ShopChanges) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE shops SET name = $1, brand_color = $2, currency = $3, time_zone = $4 WHERE id = $5",
    )
    .bind(&changes.name)
    .bind(&changes.brand_color)
    .bind(&changes.currency)
    .bind(&changes.time_zone)
    .bind(shop_id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records a new version of the earning rule and makes it current.
pub async fn new_rule_version(tx: &mut Tx, shop_id: ShopId, rule: Rule) -> sqlx::Result<()> {
    insert_rule(tx, shop_id, rule).await?;
    sqlx::query("UPDATE shops SET program_version = $1 WHERE id = $2")
        .bind(rule.version)
        .bind(shop_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn insert_reward(
    tx: &mut Tx,
    shop_id: ShopId,
    id: RewardId,
    name: &str,
    cost: i64,
    value_minor: Option<i64>,
) -> sqlx::Result<()> {
    let at = ts(now());
    sqlx::query(
        "INSERT INTO rewards (id, shop_id, name, cost, value_minor, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, TRUE, $6, $6)",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(name)
    .bind(cost)
    .bind(value_minor)
    .bind(&at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Changes a reward of this shop; `Ok(false)` if the shop has no such reward.
pub async fn update_reward(
    db: &Db,
    shop_id: ShopId,
    id: RewardId,
    name: &str,
    cost: i64,
    value_minor: Option<i64>,
    active: bool,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE rewards SET name = $1, cost = $2, value_minor = $3, active = $4, updated_at = $5
         WHERE id = $6 AND shop_id = $7",
    )
    .bind(name)
    .bind(cost)
    .bind(value_minor)
    .bind(active)
    .bind(ts(now()))
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The public half of the shop's printed-card key, which tills and the ledger check printed
/// cards with: read from the shop's row (a read, no writer), made with the key when the shop
/// has none yet.
pub async fn printed_card_key(
    db: &Db,
    writer: &Db,
    shop_id: ShopId,
) -> anyhow::Result<regulars_protocol::CardKey> {
    let stored: Option<String> =
        sqlx::query_scalar("SELECT printed_card_key FROM shops WHERE id = $1")
            .bind(shop_id.to_string())
            .fetch_optional(db)
            .await?
            .flatten();
    if let Some(key) = stored.and_then(|k| regulars_protocol::CardKey::from_base64(&k).ok()) {
        return Ok(key);
    }
    Ok(regulars_protocol::CardKey::from(
        &printed_card_signer(writer, shop_id).await?,
    ))
}

/// The shop's key for printed cards, made the first time it is needed. Two replicas making one at
/// once agree: only the first write is kept, and both read it back.
pub async fn printed_card_signer(
    db: &Db,
    shop_id: ShopId,
) -> anyhow::Result<p256::ecdsa::SigningKey> {
    let stored: Option<String> =
        sqlx::query_scalar("SELECT printed_card_secret FROM shops WHERE id = $1")
            .bind(shop_id.to_string())
            .fetch_optional(db)
            .await?
            .flatten();
    let secret = match stored {
        Some(secret) => secret,
        None => {
            let key = loop {
                let mut bytes = [0u8; 32];
                rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
                if let Ok(key) = p256::ecdsa::SigningKey::from_slice(&bytes) {
                    break key;
                }
            };
            let secret: String = key.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
            let public = regulars_protocol::CardKey::from(&key).to_base64();
            sqlx::query(
                "UPDATE shops SET printed_card_secret = $1, printed_card_key = $2
                 WHERE id = $3 AND printed_card_secret IS NULL",
            )
            .bind(&secret)
            .bind(&public)
            .bind(shop_id.to_string())
            .execute(db)
            .await?;
            sqlx::query_scalar("SELECT printed_card_secret FROM shops WHERE id = $1")
                .bind(shop_id.to_string())
                .fetch_one(db)
                .await?
        }
    };
    let bytes = (0..secret.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&secret[i..i + 2], 16))
        .collect::<Result<Vec<u8>, _>>()?;
    p256::ecdsa::SigningKey::from_slice(&bytes)
        .map_err(|_| anyhow::anyhow!("shop {shop_id} has a damaged printed-card key"))
}

/// Whether the shop has any event yet (its currency is then frozen: amounts in minor units
/// mean nothing without it).
pub async fn has_events(db: &Db, id: ShopId) -> sqlx::Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM events WHERE shop_id = $1 LIMIT 1")
            .bind(id.to_string())
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

/// Every shop's id.
pub async fn all_ids(db: &Db) -> anyhow::Result<Vec<ShopId>> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM shops ORDER BY created_at")
        .fetch_all(db)
        .await?;
    ids.iter().map(|id| parse_id(id)).collect()
}

pub async fn time_zone<'e, E: sqlx::AnyExecutor<'e>>(db: E, id: ShopId) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT time_zone FROM shops WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(db)
        .await
}
