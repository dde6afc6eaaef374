//! Staff members and what they did: the owner's staff list, the staff a tablet may switch to,
//! reversals, the owner's stamp limits, and the counts behind the anomaly review.

use regulars_protocol::wire::{ShopLimits, StaffAccount, StaffMember};
use regulars_protocol::{CardId, DeviceId, EventId, ShopId, StaffId, StaffRole};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use time::OffsetDateTime;

use super::{Db, Tx, now, parse_id, parse_ts, ts};

/// A staff row as stored.
#[derive(Debug, Clone)]
pub struct StaffRow {
    pub id: StaffId,
    pub name: String,
    pub role: StaffRole,
    pub pin_hash: Option<String>,
    pub created_at: OffsetDateTime,
    pub deactivated_at: Option<OffsetDateTime>,
}

impl StaffRow {
    pub fn active(&self) -> bool {
        self.deactivated_at.is_none()
    }

    pub fn account(&self) -> StaffAccount {
        StaffAccount {
            id: self.id,
            name: self.name.clone(),
            role: self.role,
            has_pin: self.pin_hash.is_some(),
            active: self.active(),
            created_at: self.created_at,
            deactivated_at: self.deactivated_at,
        }
    }

    pub fn member(&self) -> StaffMember {
        StaffMember {
            id: self.id,
            name: self.name.clone(),
            role: self.role.as_str().to_owned(),
            pin_hash: self.pin_hash.clone(),
        }
    }
}

const COLUMNS: &str = "id, name, role, pin_hash, created_at, deactivated_at";

fn from_row(r: &SqliteRow) -> anyhow::Result<StaffRow> {
    let role: String = r.get("role");
    Ok(StaffRow {
        id: parse_id(r.get::<&str, _>("id"))?,
        name: r.get("name"),
        role: StaffRole::parse(&role).ok_or_else(|| anyhow::anyhow!("bad staff role {role}"))?,
        pin_hash: r.get("pin_hash"),
        created_at: parse_ts(r.get::<&str, _>("created_at"))?,
        deactivated_at: r
            .get::<Option<&str>, _>("deactivated_at")
            .map(parse_ts)
            .transpose()?,
    })
}

/// The shop's staff, the owner first, then in the order they were added.
pub async fn list<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> anyhow::Result<Vec<StaffRow>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM staff WHERE shop_id = $1
         ORDER BY CASE role WHEN 'owner' THEN 0 ELSE 1 END, created_at, id"
    ))
    .bind(shop_id.to_string())
    .fetch_all(db)
    .await?;
    rows.iter().map(from_row).collect()
}

/// The staff a tablet may act as: active members (with their PIN hashes).
pub async fn till_staff(db: &Db, shop_id: ShopId) -> anyhow::Result<Vec<StaffMember>> {
    Ok(list(db, shop_id)
        .await?
        .iter()
        .filter(|s| s.active())
        .map(StaffRow::member)
        .collect())
}

pub async fn find<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    id: StaffId,
) -> anyhow::Result<Option<StaffRow>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM staff WHERE shop_id = $1 AND id = $2"
    ))
    .bind(shop_id.to_string())
    .bind(id.to_string())
    .fetch_optional(db)
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn insert(db: &Db, shop_id: ShopId, row: &StaffRow) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff (id, shop_id, name, role, pin_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(row.id.to_string())
    .bind(shop_id.to_string())
    .bind(&row.name)
    .bind(row.role.as_str())
    .bind(&row.pin_hash)
    .bind(ts(row.created_at))
    .execute(db)
    .await?;
    Ok(())
}

/// Writes a changed staff row of this shop.
pub async fn save(db: &Db, shop_id: ShopId, row: &StaffRow) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE staff SET name = $1, role = $2, pin_hash = $3, deactivated_at = $4, updated_at = $5
         WHERE id = $6 AND shop_id = $7",
    )
    .bind(&row.name)
    .bind(row.role.as_str())
    .bind(&row.pin_hash)
    .bind(row.deactivated_at.map(ts))
    .bind(ts(now()))
    .bind(row.id.to_string())
    .bind(shop_id.to_string())
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The role of a staff member of the shop, active or not (a push may carry events recorded
/// before a member was deactivated).
pub async fn role(tx: &mut Tx, shop_id: ShopId, id: StaffId) -> anyhow::Result<Option<StaffRole>> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM staff WHERE shop_id = $1 AND id = $2")
            .bind(shop_id.to_string())
            .bind(id.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    role.map(|r| StaffRole::parse(&r).ok_or_else(|| anyhow::anyhow!("bad staff role {r}")))
        .transpose()
}

// Reversals

/// The stored event a reversal names.
pub struct Reversible {
    pub shop_id: ShopId,
    pub card_id: CardId,
    pub device_id: DeviceId,
    pub staff_id: Option<StaffId>,
    pub kind: String,
    pub delta: i64,
    pub occurred_at: OffsetDateTime,
}

pub async fn reversible(tx: &mut Tx, id: EventId) -> anyhow::Result<Option<Reversible>> {
    let row = sqlx::query("SELECT shop_id, card_id, device_id, staff_id, kind, delta, occurred_at FROM events WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| {
        Ok(Reversible {
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            card_id: parse_id(r.get::<&str, _>("card_id"))?,
            device_id: parse_id(r.get::<&str, _>("device_id"))?,
            staff_id: r
                .get::<Option<&str>, _>("staff_id")
                .map(parse_id)
                .transpose()?,
            kind: r.get("kind"),
            delta: r.get("delta"),
            occurred_at: parse_ts(r.get::<&str, _>("occurred_at"))?,
        })
    })
    .transpose()
}

pub async fn is_reversed(tx: &mut Tx, id: EventId) -> sqlx::Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT reversal_id FROM reversals WHERE event_id = $1")
            .bind(id.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.is_some())
}

/// The staff member's last action on the device before its event number `before_seq`
/// (reversals themselves are not actions to undo).
pub async fn last_action(
    tx: &mut Tx,
    device_id: DeviceId,
    staff_id: StaffId,
    before_seq: i64,
) -> anyhow::Result<Option<EventId>> {
    let id: Option<String> = sqlx::query_scalar(
        "SELECT id FROM events
         WHERE device_id = $1 AND staff_id = $2 AND device_seq < $3 AND kind <> 'reversal'
         ORDER BY device_seq DESC, seq DESC LIMIT 1",
    )
    .bind(device_id.to_string())
    .bind(staff_id.to_string())
    .bind(before_seq)
    .fetch_optional(&mut **tx)
    .await?;
    id.as_deref().map(parse_id).transpose()
}

/// Notes that `reversal_id` reverses `event_id`; the primary key lets each event be reversed once.
pub async fn record_reversal(
    tx: &mut Tx,
    shop_id: ShopId,
    event_id: EventId,
    reversal_id: EventId,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO reversals (event_id, reversal_id, shop_id, created_at) VALUES ($1, $2, $3, $4)")
        .bind(event_id.to_string())
        .bind(reversal_id.to_string())
        .bind(shop_id.to_string())
        .bind(ts(now()))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

// Limits

pub async fn limits<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> sqlx::Result<ShopLimits> {
    let row = sqlx::query("SELECT card_daily_limit, staff_hourly_limit FROM shops WHERE id = $1")
        .bind(shop_id.to_string())
        .fetch_one(db)
        .await?;
    Ok(ShopLimits {
        card_daily_limit: row.get("card_daily_limit"),
        staff_hourly_limit: row.get("staff_hourly_limit"),
    })
}

pub async fn set_limits(tx: &mut Tx, shop_id: ShopId, limits: ShopLimits) -> sqlx::Result<()> {
    sqlx::query("UPDATE shops SET card_daily_limit = $1, staff_hourly_limit = $2 WHERE id = $3")
        .bind(limits.card_daily_limit)
        .bind(limits.staff_hourly_limit)
        .bind(shop_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// What counts towards a limit: stamps given, or purchases that earned points; events that
/// were reversed do not count.
const EARNED: &str = "COALESCE(SUM(CASE WHEN kind = 'stamps_issued' THEN delta ELSE 1 END), 0)";
const EARNING: &str =
    "kind IN ('stamps_issued', 'points_earned') AND id NOT IN (SELECT event_id FROM reversals)";

/// Stamps (or purchases) of a card in `(from, to]`.
pub async fn card_earned(
    tx: &mut Tx,
    card_id: CardId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!(
        "SELECT {EARNED} FROM events WHERE card_id = $1 AND {EARNING} AND occurred_at > $2 AND occurred_at <= $3"
    ))
    .bind(card_id.to_string())
    .bind(ts(from))
    .bind(ts(to))
    .fetch_one(&mut **tx)
    .await
}

/// Stamps (or purchases) a staff member gave in `(from, to]`.
pub async fn staff_earned(
    tx: &mut Tx,
    staff_id: StaffId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!(
        "SELECT {EARNED} FROM events WHERE staff_id = $1 AND {EARNING} AND occurred_at > $2 AND occurred_at <= $3"
    ))
    .bind(staff_id.to_string())
    .bind(ts(from))
    .bind(ts(to))
    .fetch_one(&mut **tx)
    .await
}

// Anomalies

/// Visits (earning events, not reversed) of each card of the shop since `from`.
pub async fn card_visits(
    db: &Db,
    shop_id: ShopId,
    from: OffsetDateTime,
) -> anyhow::Result<Vec<(CardId, Option<String>, i64)>> {
    let rows = sqlx::query(
        "SELECT e.card_id, c.first_name, COUNT(*) AS visits
         FROM events e JOIN cards c ON c.id = e.card_id
         WHERE e.shop_id = $1 AND e.occurred_at >= $2 AND e.kind IN ('stamps_issued', 'points_earned')
           AND e.id NOT IN (SELECT event_id FROM reversals)
         GROUP BY e.card_id, c.first_name",
    )
    .bind(shop_id.to_string())
    .bind(ts(from))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                parse_id(r.get::<&str, _>("card_id"))?,
                r.get("first_name"),
                r.get("visits"),
            ))
        })
        .collect()
}

/// Per staff member since `from`: (id, name, redemptions, actions), where actions are visits
/// and redemptions they recorded (not reversed).
pub async fn staff_redemptions(
    db: &Db,
    shop_id: ShopId,
    from: OffsetDateTime,
) -> anyhow::Result<Vec<(StaffId, String, i64, i64)>> {
    let rows = sqlx::query(
        "SELECT e.staff_id, s.name,
                SUM(CASE WHEN e.kind = 'reward_redeemed' THEN 1 ELSE 0 END) AS redemptions,
                COUNT(*) AS actions
         FROM events e JOIN staff s ON s.id = e.staff_id
         WHERE e.shop_id = $1 AND e.occurred_at >= $2
           AND e.kind IN ('stamps_issued', 'points_earned', 'reward_redeemed')
           AND e.id NOT IN (SELECT event_id FROM reversals)
         GROUP BY e.staff_id, s.name",
    )
    .bind(shop_id.to_string())
    .bind(ts(from))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                parse_id(r.get::<&str, _>("staff_id"))?,
                r.get("name"),
                r.get("redemptions"),
                r.get("actions"),
            ))
        })
        .collect()
}
