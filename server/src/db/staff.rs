//! Staff members and what they did: the owner's staff list, the staff a tablet may switch to,
//! reversals, the owner's stamp limits, and the counts behind the anomaly review.

use regulars_protocol::wire::{ShopLimits, StaffAccount, StaffMember};
use regulars_protocol::{CardId, DeviceId, ShopId, StaffId, StaffRole};
use sqlx::Row;
use sqlx::any::AnyRow;
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

    /// The member as a tablet lists them. Only a cashier's PIN hash goes to tablets, so a
    /// cashier can switch in without a connection: a 4 to 6 digit PIN cannot keep a hash secret
    /// from whoever holds the tablet, so the PINs of managers and the owner, whose switch gives
    /// the power to reverse and redeem, are checked by the server only.
    pub fn member(&self) -> StaffMember {
        StaffMember {
            id: self.id,
            name: self.name.clone(),
            role: self.role.as_str().to_owned(),
            pin_hash: self
                .pin_hash
                .clone()
                .filter(|_| self.role == StaffRole::Cashier),
            has_pin: self.pin_hash.is_some(),
        }
    }
}

const COLUMNS: &str = "id, name, role, pin_hash, created_at, deactivated_at";

fn from_row(r: &AnyRow) -> anyhow::Result<StaffRow> {
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
pub async fn list<'e, E: sqlx::AnyExecutor<'e>>(
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

pub async fn find<'e, E: sqlx::AnyExecutor<'e>>(
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

// Staff sessions

/// A staff session as stored (its secret is derived, never stored).
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: uuid::Uuid,
    pub shop_id: ShopId,
    pub device_id: DeviceId,
    pub staff_id: StaffId,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

pub async fn insert_session(db: &Db, row: &SessionRow) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff_sessions (id, shop_id, device_id, staff_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(row.id.to_string())
    .bind(row.shop_id.to_string())
    .bind(row.device_id.to_string())
    .bind(row.staff_id.to_string())
    .bind(ts(row.created_at))
    .bind(ts(row.expires_at))
    .execute(db)
    .await?;
    Ok(())
}

pub async fn find_session(tx: &mut Tx, id: uuid::Uuid) -> anyhow::Result<Option<SessionRow>> {
    let row = sqlx::query(
        "SELECT id, shop_id, device_id, staff_id, created_at, expires_at FROM staff_sessions WHERE id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(SessionRow {
            id: parse_id(r.get::<&str, _>("id"))?,
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            device_id: parse_id(r.get::<&str, _>("device_id"))?,
            staff_id: parse_id(r.get::<&str, _>("staff_id"))?,
            created_at: parse_ts(r.get::<&str, _>("created_at"))?,
            expires_at: parse_ts(r.get::<&str, _>("expires_at"))?,
        })
    })
    .transpose()
}

/// Adds `count` wrong PINs to the member's count, in one statement (so two tablets guessing at
/// once both count), and answers the new count.
pub async fn add_pin_failures(
    db: &Db,
    shop_id: ShopId,
    id: StaffId,
    count: u32,
) -> sqlx::Result<u32> {
    let failures: i64 = sqlx::query_scalar(
        "UPDATE staff SET pin_failures = pin_failures + $1 WHERE id = $2 AND shop_id = $3 RETURNING pin_failures",
    )
    .bind(i64::from(count))
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .fetch_one(db)
    .await?;
    Ok(u32::try_from(failures).unwrap_or(u32::MAX))
}

pub async fn clear_pin_failures(db: &Db, id: StaffId) -> sqlx::Result<()> {
    sqlx::query("UPDATE staff SET pin_failures = 0, pin_locked_until = NULL WHERE id = $1")
        .bind(id.to_string())
        .execute(db)
        .await?;
    Ok(())
}

pub async fn lock_pin(db: &Db, id: StaffId, until: OffsetDateTime) -> sqlx::Result<()> {
    sqlx::query("UPDATE staff SET pin_locked_until = $1 WHERE id = $2")
        .bind(ts(until))
        .bind(id.to_string())
        .execute(db)
        .await?;
    Ok(())
}

/// The member's wrong PINs in a row, and until when their PIN is not checked.
pub async fn pin_state(db: &Db, id: StaffId) -> anyhow::Result<(u32, Option<OffsetDateTime>)> {
    let row = sqlx::query("SELECT pin_failures, pin_locked_until FROM staff WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(db)
        .await?;
    Ok((
        u32::try_from(row.get::<i64, _>("pin_failures")).unwrap_or(u32::MAX),
        row.get::<Option<&str>, _>("pin_locked_until")
            .map(parse_ts)
            .transpose()?,
    ))
}

// Limits

pub async fn limits<'e, E: sqlx::AnyExecutor<'e>>(
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
