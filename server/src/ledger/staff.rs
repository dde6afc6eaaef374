//! Proof of who acted at the till. A PIN switch checked by the server (or the pairing, for the
//! owner who made the code) yields a staff session: an id the server stores with the device,
//! the member and an expiry, and a secret derived from the server's key and the id, which only
//! the tablet is given. Each event that needs a role carries an HMAC made with that secret
//! (`regulars_protocol::staff::StaffProof`); the tablet's own credential is not enough.

use regulars_protocol::staff::{STAFF_SESSION_HOURS, StaffProof, StaffSession, proof_is_valid};
use regulars_protocol::{DeviceId, Event, ShopId, StaffId};
use time::{Duration, OffsetDateTime};

use crate::db::{self, Db, Tx, staff::SessionRow};

/// Name of the server key staff-session secrets are derived from.
pub const KEY_NAME: &str = "staff_sessions";

/// A session may be used a little before the server made it, for tablet clocks that run behind.
const EARLY_SLACK: Duration = Duration::minutes(5);

/// The secret of a session: HMAC-SHA256 of its id under the server's key. Nothing stores it.
fn secret(server_key: &[u8], id: uuid::Uuid) -> [u8; 32] {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(server_key)
        .expect("HMAC takes a key of any length");
    mac.update(b"regulars staff session\0");
    mac.update(id.as_bytes());
    mac.finalize().into_bytes().into()
}

/// Opens a session for `staff_id` on `device_id`, good for a shift.
pub async fn open(
    db: &Db,
    server_key: &[u8],
    shop_id: ShopId,
    device_id: DeviceId,
    staff_id: StaffId,
) -> anyhow::Result<StaffSession> {
    let now = db::now();
    let row = SessionRow {
        id: uuid::Uuid::new_v4(),
        shop_id,
        device_id,
        staff_id,
        created_at: now,
        expires_at: now + Duration::hours(STAFF_SESSION_HOURS),
    };
    db::staff::insert_session(db, &row).await?;
    Ok(StaffSession {
        id: row.id,
        staff_id,
        secret: hex::encode(secret(server_key, row.id)),
        expires_at: row.expires_at,
    })
}

/// Whether `proof` shows that the event's staff member made it on this device, with a session
/// that was open at `at` (the time the event is judged at).
pub async fn proves(
    tx: &mut Tx,
    server_key: &[u8],
    shop_id: ShopId,
    event: &Event,
    proof: Option<&StaffProof>,
    at: OffsetDateTime,
) -> anyhow::Result<bool> {
    let Some(proof) = proof else {
        return Ok(false);
    };
    let Some(session) = db::staff::find_session(tx, proof.session).await? else {
        return Ok(false);
    };
    let open_then = session.created_at - EARLY_SLACK <= at && at <= session.expires_at;
    Ok(session.shop_id == shop_id
        && session.device_id == event.device_id
        && Some(session.staff_id) == event.staff_id
        && open_then
        && proof_is_valid(&secret(server_key, session.id), event, proof))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_session_has_its_own_secret_and_only_the_key_makes_it() {
        let a = uuid::Uuid::from_u128(1);
        let b = uuid::Uuid::from_u128(2);
        assert_ne!(secret(b"key", a), secret(b"key", b));
        assert_ne!(secret(b"key", a), secret(b"other key", a));
        assert_eq!(secret(b"key", a), secret(b"key", a));
    }
}
