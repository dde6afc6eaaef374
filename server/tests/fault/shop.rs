//! The people around the tablets: the owner, who sets the shop up, adds staff, pairs and unpairs
//! tablets; and the shoppers' phones, each holding its card's own signing key.

use std::sync::Arc;

use p256::ecdsa::SigningKey;
use rand::{Rng, RngCore};
use regulars_protocol::staff::StaffSession;
use regulars_protocol::wire::{
    DeviceInfo, JoinRequest, JoinResponse, NewStaff, OwnerShop, PairRequest, PairResponse,
    PairingCode, SetupRequest, ShopSettings, StaffAccount, StaffSessionRequest, StaffSwitched,
};
use regulars_protocol::{CardId, CardKey, DeviceId, ProgramKind, StaffId, StaffRole};
use time::OffsetDateTime;

use super::api::{Api, CallError, call, client, retrying};

/// An owner logged in with their own cookie jar; changes carry the session's CSRF token.
pub struct Owner {
    client: reqwest::Client,
    api: Arc<Api>,
    pub shop: OwnerShop,
}

/// A staff member and the PIN they switch in with.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: StaffId,
    pub role: StaffRole,
    pub pin: String,
}

/// A shopper's phone: the card and the key that signs its rotating codes.
pub struct Phone {
    pub card_id: CardId,
    pub key: SigningKey,
}

impl Owner {
    /// The one form of a first visit: account, shop and program. Offline redemption is allowed
    /// up to the first reward's cost.
    pub async fn set_up(
        api: &Arc<Api>,
        email: &str,
        shop_name: &str,
        kind: ProgramKind,
        reward_cost: i64,
    ) -> Owner {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let anonymous = client(reqwest::Client::builder().cookie_provider(jar.clone()));
        let request = SetupRequest {
            email: email.into(),
            password: "correct horse battery".into(),
            shop_name: shop_name.into(),
            brand_color: None,
            program_kind: kind,
            reward_name: "Free treat".into(),
            reward_cost: Some(reward_cost),
            points_per_unit: None,
            currency: Some("EUR".into()),
            time_zone: Some("Europe/Paris".into()),
        };
        let response = anonymous
            .post(api.url("/api/v1/setup"))
            .json(&request)
            .send()
            .await
            .expect("setup answers");
        let csrf = response
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .find_map(|v| {
                let v = v.to_str().ok()?;
                v.strip_prefix("regulars_csrf=")
                    .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
            })
            .expect("setup sets the CSRF cookie");
        assert_eq!(response.status(), 201, "setup of {shop_name}");
        let shop: OwnerShop = response.json().await.expect("the new shop");
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-csrf-token", csrf.parse().expect("CSRF header"));
        let owner = Owner {
            client: client(
                reqwest::Client::builder()
                    .cookie_provider(jar)
                    .default_headers(headers),
            ),
            api: api.clone(),
            shop,
        };
        let settings = ShopSettings {
            offline_redemption_max_cost: Some(reward_cost),
            ..ShopSettings::default()
        };
        let shop: OwnerShop = call(
            owner
                .client
                .patch(api.url("/api/v1/owner/shop"))
                .json(&settings),
            200,
        )
        .await
        .unwrap_or_else(|e| panic!("allowing offline redemption: {e}"));
        Owner { shop, ..owner }
    }

    pub fn slug(&self) -> &str {
        &self.shop.shop.slug
    }

    /// Adds a cashier or a manager with a PIN.
    pub async fn add_staff(&self, name: &str, role: StaffRole, pin: &str) -> Member {
        let body = NewStaff {
            name: name.into(),
            role,
            pin: pin.into(),
        };
        let account: StaffAccount = call(
            self.client
                .post(self.api.url("/api/v1/owner/staff"))
                .json(&body),
            201,
        )
        .await
        .unwrap_or_else(|e| panic!("adding {name}: {e}"));
        Member {
            id: account.id,
            role,
            pin: pin.into(),
        }
    }

    /// Pairs a tablet: a pairing code, entered on the tablet. A code whose answer was lost may
    /// have been used already, so every attempt starts with a new code.
    pub async fn pair_tablet(&self, name: &str) -> PairResponse {
        retrying(&format!("pairing {name}"), || async {
            let code: PairingCode = call(
                self.client
                    .post(self.api.url("/api/v1/owner/pairing-codes")),
                201,
            )
            .await?;
            let request = PairRequest {
                code: code.code,
                device_name: Some(name.into()),
            };
            match call(
                self.api
                    .http
                    .post(self.api.url("/api/v1/devices/pair"))
                    .json(&request),
                201,
            )
            .await
            {
                // The code was used by an attempt whose answer was lost: try a new one.
                Err(CallError::Status(401, body)) => Err(CallError::NoAnswer(body)),
                other => other,
            }
        })
        .await
    }

    /// Unpairs a tablet and says when the server recorded it (unpairing twice keeps the first).
    pub async fn unpair(&self, device_id: DeviceId) -> OffsetDateTime {
        let path = format!("/api/v1/owner/devices/{device_id}/revoke");
        let info: DeviceInfo = retrying("unpairing a tablet", || {
            call(self.client.post(self.api.url(&path)), 200)
        })
        .await;
        info.revoked_at.expect("an unpaired tablet has revoked_at")
    }
}

/// A staff member switches in on a tablet with their PIN; the tablet keeps the session.
pub async fn switch_in(api: &Api, token: &str, member: &Member) -> StaffSession {
    let request = StaffSessionRequest {
        staff_id: member.id,
        pin: member.pin.clone(),
    };
    let switched: StaffSwitched = retrying("switching staff", || {
        call(
            api.http
                .post(api.url("/api/v1/till/staff-session"))
                .bearer_auth(token)
                .json(&request),
            200,
        )
    })
    .await;
    switched
        .session
        .expect("a PIN switch opens a staff session")
}

/// A shopper joins from their phone, which makes the card's key (as WebCrypto does) and keeps it.
pub async fn join(api: &Api, slug: &str, rng: &mut impl RngCore) -> Phone {
    let key = loop {
        let mut bytes = [0u8; 32];
        rng.fill_bytes(&mut bytes);
        if let Ok(key) = SigningKey::from_slice(&bytes) {
            break key;
        }
    };
    let request = JoinRequest {
        first_name: Some(format!("Regular {}", rng.random_range(100..1000))),
        public_key: Some(CardKey::from(&key).to_base64()),
        ..JoinRequest::default()
    };
    let joined: JoinResponse = call(
        api.http
            .post(api.url(&format!("/api/v1/shops/{slug}/join")))
            .json(&request),
        201,
    )
    .await
    .unwrap_or_else(|e| panic!("joining {slug}: {e}"));
    Phone {
        card_id: joined.card.card.id,
        key,
    }
}
