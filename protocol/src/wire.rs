//! Request and response bodies of the JSON API under `/api/v1`.
//!
//! Wire types only grow: a new field is optional with a default, so an installed app that is
//! days older than the server keeps working.
//!
//! | route | who | body | answer |
//! |---|---|---|---|
//! | `POST /api/v1/setup` | anyone (first visit) | [`SetupRequest`] | [`OwnerShop`] + session cookie |
//! | `POST /api/v1/owner/login` | anyone | [`LoginRequest`] | [`OwnerShop`] + session cookie |
//! | `POST /api/v1/owner/logout` | owner | - | 204 |
//! | `PUT /api/v1/owner/password` | owner | [`PasswordChange`] | 204 |
//! | `POST /api/v1/owner/password-reset` | anyone | [`PasswordReset`] | [`OwnerShop`] + session cookie |
//! | `GET /api/v1/owner/shop` | owner | - | [`OwnerShop`] |
//! | `PATCH /api/v1/owner/shop` | owner | [`ShopSettings`] | [`OwnerShop`] |
//! | `POST /api/v1/owner/rewards` | owner | [`RewardInput`] | [`OwnerShop`] |
//! | `PUT /api/v1/owner/rewards/{id}` | owner | [`RewardInput`] | [`OwnerShop`] |
//! | `POST /api/v1/owner/pairing-codes` | owner | - | [`PairingCode`] |
//! | `GET /api/v1/owner/review` | owner | - | [`FlaggedEvent`] list |
//! | `GET /api/v1/shops/{slug}` | anyone | - | [`PublicShop`] |
//! | `POST /api/v1/shops/{slug}/join` | anyone | [`JoinRequest`] | [`JoinResponse`] |
//! | `GET /api/v1/cards/me` | card token | - | [`CardView`] |
//! | `PATCH /api/v1/cards/me` | card token | [`ProfileUpdate`] | [`CardView`] |
//! | `POST /api/v1/devices/pair` | anyone with a pairing code | [`PairRequest`] | [`PairResponse`] |
//! | `GET /api/v1/till/program` | device | - | [`TillProgram`] |
//! | `POST /api/v1/till/lookup` | device | [`LookupRequest`] | [`Customer`] |
//! | `POST /api/v1/sync/push` | device | [`PushRequest`] | [`PushResponse`] |
//! | `GET /api/v1/sync/pull?cursor=N` | device | - | [`PullResponse`] |
//! | `GET /api/v1/cards/me/events?after=N` | card token | - | [`CardEvents`] |
//! | `PUT /api/v1/cards/me/key` | card token | [`CardKeyRequest`] | [`CardView`] |
//! | `POST /api/v1/cards/me/recovery-code` | card token | - | [`RecoveryCode`] |
//! | `POST /api/v1/cards/recover` | anyone with a recovery code | [`RecoverRequest`] | [`JoinResponse`] |
//! | `GET /api/v1/owner/cards` | owner | - | [`Member`] list |
//! | `POST /api/v1/owner/cards/{id}/revoke` | owner | - | [`Member`] |
//! | `POST /api/v1/owner/printed-cards` | owner | [`PrintedCardRequest`] | [`PrintedCard`] |
//! | `GET /api/v1/owner/staff` | owner | - | [`StaffAccount`] list |
//! | `POST /api/v1/owner/staff` | owner | [`NewStaff`] | [`StaffAccount`] |
//! | `PATCH /api/v1/owner/staff/{id}` | owner | [`StaffChanges`] | [`StaffAccount`] |
//! | `POST /api/v1/owner/staff/{id}/deactivate` | owner | - | [`StaffAccount`] |
//! | `GET /api/v1/owner/devices` | owner | - | [`DeviceInfo`] list |
//! | `POST /api/v1/owner/devices/{id}/revoke` | owner | - | [`DeviceInfo`] |
//! | `GET /api/v1/owner/anomalies` | owner | - | [`Anomalies`] |
//! | `POST /api/v1/till/staff-session` | device | [`StaffSessionRequest`] | [`StaffMember`] |
//! | `POST /api/v1/till/pin-failures` | device | [`PinFailuresReport`] | [`PinStatus`] |
//!
//! Card and device credentials travel as `Authorization: Bearer <token>`; the owner's session is
//! an HttpOnly cookie. Every error is an [`ApiErrorBody`].

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::*;
use crate::ledger::{Balance, Event, EventBody};
use crate::program::{Program, ProgramKind};

/// Every API error: a stable machine-readable `code` and a sentence for people. A validation
/// error names the `field`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiErrorBody {
    pub code: crate::ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// The one form an owner fills in on a fresh install: account, shop and program at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 254,
            pattern = "^[^@\\s\\u0000-\\u001f\\u007f-\\u009f]+@[^@\\s.\\u0000-\\u001f\\u007f-\\u009f][^@\\s\\u0000-\\u001f\\u007f-\\u009f]*\\.[^@\\s\\u0000-\\u001f\\u007f-\\u009f]*[^@\\s.\\u0000-\\u001f\\u007f-\\u009f]$"
        )
    )]
    pub email: String,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 200))]
    pub password: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 80,
            pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
        )
    )]
    pub shop_name: String,
    /// `#rrggbb`; a warm default if omitted.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "^#[0-9a-fA-F]{6}$"))]
    pub brand_color: Option<String>,
    #[serde(default)]
    pub program_kind: ProgramKind,
    /// Name of the first reward, for example "Free coffee".
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 60,
            pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
        )
    )]
    pub reward_name: String,
    /// Price of the first reward in stamps (default 10) or points (default 100).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000))]
    pub reward_cost: Option<i64>,
    /// Points per whole unit of currency (points programs; default 1).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub points_per_unit: Option<i64>,
    /// ISO 4217 code; default EUR.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z]{3}$"))]
    pub currency: Option<String>,
    /// IANA time zone name; default UTC.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 64, pattern = "^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$")
    )]
    pub time_zone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `PUT /api/v1/owner/password`: the current password and a new one. Every other session of the
/// owner ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub current_password: String,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 200))]
    pub new_password: String,
}

/// `POST /api/v1/owner/password-reset`: the one-time code `regulars-server reset-password`
/// printed on the server's console, and the new password. The owner is logged in after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    /// 16 letters and digits; case, spaces and dashes do not matter.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub code: String,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 200))]
    pub new_password: String,
}

/// A shop as members and tablets see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Shop {
    pub id: ShopId,
    /// The short name in the join link: `/join/{slug}`.
    pub slug: String,
    pub name: String,
    /// `#rrggbb`.
    pub brand_color: String,
    /// ISO 4217 code.
    pub currency: String,
    pub time_zone: String,
}

/// What the owner's pages show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OwnerShop {
    pub email: String,
    pub shop: Shop,
    pub program: Program,
    /// Path of the join link, relative to the server's origin: `/join/{slug}`.
    pub join_path: String,
    /// Members of the program.
    pub members: i64,
    /// Stamp limits; events over them are stored and flagged for review.
    #[serde(default)]
    pub limits: ShopLimits,
}

/// Settings an owner can change later. Absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopSettings {
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 80,
            pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
        )
    )]
    pub shop_name: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "^#[0-9a-fA-F]{6}$"))]
    pub brand_color: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z]{3}$"))]
    pub currency: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 64, pattern = "^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$")
    )]
    pub time_zone: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10))]
    pub stamps_per_visit: Option<i64>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub points_per_unit: Option<i64>,
    /// Tablets without a connection may redeem rewards costing at most this; 0 turns offline
    /// redemption off.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000))]
    pub offline_redemption_max_cost: Option<i64>,
    /// Most stamps (points programs: purchases) one card may get in 24 hours before its events
    /// are flagged; 0 turns the limit off.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000))]
    pub card_daily_limit: Option<i64>,
    /// Most stamps (points programs: purchases) one staff member may give in an hour before
    /// their events are flagged; 0 turns the limit off.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000))]
    pub staff_hourly_limit: Option<i64>,
}

/// A reward as the owner writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RewardInput {
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 60,
            pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
        )
    )]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000))]
    pub cost: i64,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000))]
    pub value_minor: Option<i64>,
    /// Default true; false retires the reward.
    #[serde(default = "yes")]
    pub active: bool,
}

/// `PUT /api/v1/owner/categories`: the shop's whole list of categories, in the till's order.
/// An entry with the `id` of an existing category renames it (history stays with the id); one
/// without an id is new; a category left out is retired (its history stays).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoriesInput {
    #[cfg_attr(feature = "openapi", schema(max_items = 12))]
    pub categories: Vec<CategoryInput>,
}

/// One category as the owner writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryInput {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub id: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 40,
            pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
        )
    )]
    pub name: String,
}

fn yes() -> bool {
    true
}

/// A one-time code that pairs a tablet with the shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PairingCode {
    /// Eight characters without look-alike letters.
    pub code: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: OffsetDateTime,
}

/// What the join page shows before the shopper joins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicShop {
    pub shop: Shop,
    pub program: Program,
}

/// Joining needs nothing; a first name and e-mail are optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JoinRequest {
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 50, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")
    )]
    pub first_name: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 254,
            pattern = "^$|^[^@\\s\\u0000-\\u001f\\u007f-\\u009f]+@[^@\\s.\\u0000-\\u001f\\u007f-\\u009f][^@\\s\\u0000-\\u001f\\u007f-\\u009f]*\\.[^@\\s\\u0000-\\u001f\\u007f-\\u009f]*[^@\\s.\\u0000-\\u001f\\u007f-\\u009f]$"
        )
    )]
    pub email: Option<String>,
    /// The phone's card key (WebCrypto ECDSA P-256, the private half never leaves the phone):
    /// URL-safe base64 of its 65-byte uncompressed point. See [`crate::CardKey`].
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 87, max_length = 87, pattern = "^[A-Za-z0-9_-]{87}$")
    )]
    pub public_key: Option<String>,
    /// Whether offers may be picked for the member from their history (see
    /// [`CardInfo::offers_consent`]). Absent: not asked, no.
    #[serde(default)]
    pub offers_consent: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JoinResponse {
    /// The card's credential. Shown once: the phone keeps it; the server keeps only its hash.
    pub token: String,
    pub card: CardView,
    /// Moves the card to a new phone. Shown once (the phone keeps it to show again); the server
    /// keeps only its hash.
    #[serde(default)]
    pub recovery_code: Option<String>,
}

/// Registers the phone's card key, for a card made before signed codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardKeyRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 87, max_length = 87, pattern = "^[A-Za-z0-9_-]{87}$")
    )]
    pub public_key: String,
}

/// A new recovery code (the previous one stops working).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCode {
    /// `XXXX-XXXX-XXXX`, letters and digits without look-alikes.
    pub recovery_code: String,
}

/// Moves a card to this phone: the old phone's token and key stop working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoverRequest {
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub recovery_code: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 87, max_length = 87, pattern = "^[A-Za-z0-9_-]{87}$")
    )]
    pub public_key: String,
}

/// A member as the owner's member list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    pub card_id: CardId,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// A printed card (no phone): stamps and points only.
    pub printed: bool,
    pub balance: Balance,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub revoked_at: Option<OffsetDateTime>,
}

/// A printed card for a shopper without a smartphone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrintedCardRequest {
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 50, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")
    )]
    pub first_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrintedCard {
    pub member: Member,
    /// The text of the printed QR code (`R3...`), signed by the shop: good for stamps only.
    pub code: String,
}

/// A member's own card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardInfo {
    pub id: CardId,
    /// The card's old unsigned code (`R1...`). Tills refuse it: the phone shows a new signed
    /// code every 30 seconds instead.
    pub code: String,
    /// The phone's key is registered, so its signed codes can be verified.
    #[serde(default)]
    pub has_key: bool,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    /// The member chose that offers may be picked for them from their history. Without it
    /// they see only offers meant for everyone.
    #[serde(default)]
    pub offers_consent: bool,
    /// When they last chose, either way.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub offers_consent_at: Option<OffsetDateTime>,
}

/// A recorded event, as history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub id: EventId,
    /// The shop's sequence number of the event.
    pub seq: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub occurred_at: OffsetDateTime,
    pub body: EventBody,
    /// Name of the reward, for redemptions.
    #[serde(default)]
    pub reward_name: Option<String>,
}

/// Everything the card page shows: kept whole in the phone's IndexedDB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardView {
    pub card: CardInfo,
    pub shop: Shop,
    pub program: Program,
    pub balance: Balance,
    /// Newest first.
    pub history: Vec<HistoryEntry>,
    /// The server's clock when this view was made.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub server_time: OffsetDateTime,
    /// What the server holds of the shopper's own events (see [`CardEvents::card_events`]).
    #[serde(default)]
    pub card_events: crate::card_events::CardEventsState,
    /// The member's offers ("For you"), best first: kept with the card for offline use.
    #[serde(default)]
    pub offers: Vec<crate::offers::MemberOffer>,
}

/// Optional profile fields. An empty string clears a field; an absent one keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileUpdate {
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 50, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")
    )]
    pub first_name: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 254,
            pattern = "^$|^[^@\\s\\u0000-\\u001f\\u007f-\\u009f]+@[^@\\s.\\u0000-\\u001f\\u007f-\\u009f][^@\\s\\u0000-\\u001f\\u007f-\\u009f]*\\.[^@\\s\\u0000-\\u001f\\u007f-\\u009f]*[^@\\s.\\u0000-\\u001f\\u007f-\\u009f]$"
        )
    )]
    pub email: Option<String>,
    /// Changes the member's choice about offers picked from their history.
    #[serde(default)]
    pub offers_consent: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PairRequest {
    pub code: String,
    /// How the owner will recognise the tablet, for example "Front counter".
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 60, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")
    )]
    pub device_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PairResponse {
    pub device_id: DeviceId,
    /// The device credential. The tablet keeps it; the server keeps only its hash.
    pub token: String,
    pub till: TillProgram,
    /// The owner made the pairing code, so the tablet starts as the owner with this session
    /// (see [`crate::staff::StaffSession`]) until someone switches with a PIN or it expires.
    #[serde(default)]
    pub staff_session: Option<crate::staff::StaffSession>,
}

/// A staff member as the till lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub id: StaffId,
    pub name: String,
    /// `owner`, `manager` or `cashier` (see [`StaffRole`]).
    pub role: String,
    /// The argon2id hash of the member's PIN (a PHC string), so a tablet without a connection
    /// can still check a PIN. Absent for a member without a PIN, who cannot be switched to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_hash: Option<String>,
    /// The member has a PIN. Only cashiers' hashes reach tablets; a manager or the owner
    /// switches in with the server.
    #[serde(default)]
    pub has_pin: bool,
}

/// `POST /api/v1/till/staff-session`: the member now at the till, and the staff session the
/// tablet proves their actions with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSwitched {
    #[serde(flatten)]
    pub member: StaffMember,
    /// Absent from servers before staff proofs.
    #[serde(default)]
    pub session: Option<crate::staff::StaffSession>,
}

/// What a paired tablet needs to work: the shop, its program, its staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TillProgram {
    pub shop: Shop,
    pub program: Program,
    pub location_id: LocationId,
    pub staff: Vec<StaffMember>,
    /// The staff member a freshly paired tablet acts as (the owner's row: the owner paired it),
    /// until someone switches with their PIN.
    pub default_staff_id: StaffId,
    /// The shop's key for printed cards' codes (a [`crate::CardKey`] in its wire form).
    #[serde(default)]
    pub printed_card_key: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub server_time: OffsetDateTime,
    /// The shop's active offers (their current versions); each card in the directory names
    /// the ones that are its own.
    #[serde(default)]
    pub offers: Vec<crate::offers::OfferView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LookupRequest {
    /// What the scanner read or the cashier typed.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = "^\\s*R[123][0-9A-Z $%*+./:-]{24,126}\\s*$"
        )
    )]
    pub code: String,
    /// Ids of this tablet's events for the card still in its outbox: the answer says which
    /// the server already has. At most 500.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub pending: Vec<EventId>,
}

/// How the code the till scanned proved itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodeCheck {
    /// The phone's code, signed by the card's key within the last minute.
    Signed,
    /// A printed card signed by the shop: stamps and points, no rewards.
    Printed,
    /// Not checked (an offline tablet that does not know the card yet): stamps only, checked
    /// by the server at sync.
    Unverified,
}

/// The customer in front of the cashier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Customer {
    pub card_id: CardId,
    #[serde(default)]
    pub first_name: Option<String>,
    pub balance: Balance,
    /// The last few events, newest first.
    pub recent: Vec<HistoryEntry>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub member_since: OffsetDateTime,
    /// How the scanned code proved itself; rewards need `signed`.
    #[serde(default = "CodeCheck::signed")]
    pub check: CodeCheck,
    /// Which of the request's `pending` events the server already stored (counted in
    /// `balance`).
    #[serde(default)]
    pub stored: Vec<EventId>,
    /// The member's offers (in the till program's `offers`).
    #[serde(default)]
    pub offers: Vec<crate::offers::CardOffer>,
    /// Visits, favourite category, last visit.
    #[serde(default)]
    pub regular: Option<crate::offers::RegularLine>,
}

impl CodeCheck {
    fn signed() -> Self {
        CodeCheck::Signed
    }

    /// Rewards may be redeemed only with the card's own fresh code.
    pub fn can_redeem(self) -> bool {
        self == CodeCheck::Signed
    }
}

/// A batch of events from one device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushRequest {
    /// At most 500 events.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 500))]
    pub events: Vec<Event>,
    /// The device's clock when it sent the batch. The server compares it with its own and marks
    /// the batch's events when the two are far apart.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub sent_at: Option<OffsetDateTime>,
}

/// The server's answer for one pushed event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PushStatus {
    /// Stored now.
    Accepted,
    /// Stored before with the same content: the first answer again.
    Duplicate,
    /// Not stored; see `reason`.
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResult {
    pub id: EventId,
    pub status: PushStatus,
    /// The shop's sequence number of the stored event.
    #[serde(default)]
    pub seq: Option<i64>,
    /// The card's balance after the event (accepted and duplicate).
    #[serde(default)]
    pub balance: Option<Balance>,
    /// Machine-readable reason (rejected).
    #[serde(default)]
    pub code: Option<crate::Refusal>,
    /// Why the event was rejected, for people.
    #[serde(default)]
    pub reason: Option<String>,
    /// Marks for the owner's review on an accepted event, such as `clock_skew`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<crate::Flag>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResponse {
    /// One result per pushed event, in the order pushed.
    pub results: Vec<PushResult>,
}

/// A tablet's view of one member, kept in its card directory so an offline cashier still sees
/// who the customer is and their last known balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DirectoryCard {
    pub card_id: CardId,
    #[serde(default)]
    pub first_name: Option<String>,
    pub balance: Balance,
    pub revoked: bool,
    /// The shop counter value of the card's last change.
    pub changed_seq: i64,
    /// The card's key, so an offline tablet can verify its codes.
    #[serde(default)]
    pub public_key: Option<String>,
    /// A printed card: stamps and points only.
    #[serde(default)]
    pub printed: bool,
    /// The member's offers (in the till program's `offers`), as of the card's last change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<crate::offers::CardOffer>,
    /// Visits, favourite category, last visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regular: Option<crate::offers::RegularLine>,
}

/// `GET /api/v1/sync/pull?cursor=N`: what changed in the shop after `N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullResponse {
    /// Pass it back as `cursor` next time.
    pub cursor: i64,
    /// More changes are waiting: pull again at once.
    pub more: bool,
    /// The program, shop and staff as they are now.
    pub till: TillProgram,
    /// Cards changed after the cursor, oldest change first.
    pub cards: Vec<DirectoryCard>,
    /// This tablet's own events the server stored in the same span: the tablet settles them
    /// (even when the push's answer was lost), so they are not counted twice, once in the
    /// pulled balance and once in the outbox.
    #[serde(default)]
    pub stored: Vec<EventId>,
}

/// Most ids one `POST /api/v1/sync/known` asks about.
pub const KNOWN_MAX: usize = 1_000;

/// `POST /api/v1/sync/known`: which of these events does the shop's ledger hold?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KnownRequest {
    /// At most 1,000 event ids.
    pub ids: Vec<EventId>,
}

/// The answer of `POST /api/v1/sync/known`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KnownResponse {
    /// The asked ids the ledger holds, in the order asked.
    pub stored: Vec<EventId>,
}

/// `GET /api/v1/cards/me/events?after=N`: the phone's own card's events after `N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardEvents {
    /// Pass it back as `after` next time.
    pub cursor: i64,
    pub more: bool,
    pub balance: Balance,
    /// Oldest first.
    pub events: Vec<HistoryEntry>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub server_time: OffsetDateTime,
    /// What the server holds of the shopper's own events (survey answers): the card's last
    /// sequence number and its last answer. Absent from servers before it: nothing held.
    #[serde(default)]
    pub card_events: crate::card_events::CardEventsState,
    /// The member's offers now ("For you"), best first: they replace the ones the phone kept.
    #[serde(default)]
    pub offers: Vec<crate::offers::MemberOffer>,
}

/// An event the owner should look at: an offline fact that broke a rule, or a clock far off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FlaggedEvent {
    pub card_id: CardId,
    #[serde(default)]
    pub first_name: Option<String>,
    pub event: HistoryEntry,
    /// Why it is flagged, such as `double_redemption`, `clock_skew`, `compensation`.
    pub flags: Vec<crate::Flag>,
}

/// `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
}

// Staff and devices

pub use crate::staff::StaffRole;

/// A staff member as the owner's staff page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    pub id: StaffId,
    pub name: String,
    pub role: StaffRole,
    /// A PIN is set, so the member can switch to themselves on a tablet.
    pub has_pin: bool,
    /// False once deactivated: the member can no longer switch in; their past events still
    /// name them.
    pub active: bool,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub deactivated_at: Option<OffsetDateTime>,
}

/// A new cashier or manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewStaff {
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 60,
            pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
        )
    )]
    pub name: String,
    /// `cashier` or `manager` (a shop has one owner).
    pub role: StaffRole,
    /// 4 to 6 digits.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{4,6}$"))]
    pub pin: String,
}

/// Changes to a staff member. Absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffChanges {
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 60,
            pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
        )
    )]
    pub name: Option<String>,
    /// `cashier` or `manager`; the owner's own row keeps `owner`.
    #[serde(default)]
    pub role: Option<StaffRole>,
    /// A new PIN: 4 to 6 digits.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{4,6}$"))]
    pub pin: Option<String>,
    /// `true` brings a deactivated member back.
    #[serde(default)]
    pub active: Option<bool>,
}

/// A staff member switches to themselves on the tablet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSessionRequest {
    pub staff_id: StaffId,
    /// 4 to 6 digits.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{4,6}$"))]
    pub pin: String,
}

/// Wrong PINs a tablet counted while it had no connection, reported when it is back: they count
/// towards the same pause and unpairing as wrong PINs checked by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PinFailuresReport {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10))]
    pub count: u32,
}

/// Where a tablet stands with wrong PINs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PinStatus {
    /// Wrong PINs in a row on this tablet.
    pub failures: u32,
    /// No PIN is checked before this time.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub locked_until: Option<OffsetDateTime>,
}

/// A paired tablet as the owner's device list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceInfo {
    pub id: DeviceId,
    pub name: String,
    pub location_id: LocationId,
    pub location_name: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    /// The tablet's last request (noted at most once a minute).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_seen_at: Option<OffsetDateTime>,
    /// Unpaired: by the owner, or by 10 wrong PINs in a row.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub revoked_at: Option<OffsetDateTime>,
}

/// The owner's stamp limits. Events over a limit are stored (the coffee was served) and flagged
/// `card_daily_limit` or `staff_hourly_limit` for review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopLimits {
    /// Most stamps (points programs: purchases) one card may get in 24 hours; none if absent.
    #[serde(default)]
    pub card_daily_limit: Option<i64>,
    /// Most stamps (points programs: purchases) one staff member may give in an hour; none if
    /// absent.
    #[serde(default)]
    pub staff_hourly_limit: Option<i64>,
}

/// A card visited far more often than the shop's usual card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardAnomaly {
    pub card_id: CardId,
    #[serde(default)]
    pub first_name: Option<String>,
    /// Visits (events that earned stamps or points) in the window.
    pub visits: i64,
}

/// A staff member whose share of redemptions is far above everyone else's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAnomaly {
    pub staff_id: StaffId,
    pub name: String,
    /// Rewards they handed over in the window.
    pub redemptions: i64,
    /// Everything they recorded in the window (visits and redemptions).
    pub actions: i64,
    /// Redemptions per 100 actions: theirs.
    pub percent: i64,
    /// Redemptions per 100 actions: all other staff together.
    pub others_percent: i64,
}

/// `GET /api/v1/owner/anomalies`: patterns worth a look, over the last `window_days` days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Anomalies {
    pub window_days: i64,
    /// Visits in the window of the shop's typical (median) card that visited at all.
    pub typical_visits: i64,
    /// Cards with at least `card_min_visits` visits and more than `card_factor` times the typical card's.
    pub cards: Vec<CardAnomaly>,
    pub card_min_visits: i64,
    pub card_factor: i64,
    /// Staff with at least `staff_min_redemptions` redemptions whose redemptions per action are
    /// at least `staff_factor` times everyone else's.
    pub staff: Vec<StaffAnomaly>,
    pub staff_min_redemptions: i64,
    pub staff_factor: i64,
}
