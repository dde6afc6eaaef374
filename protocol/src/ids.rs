//! Typed ids. Every id is a UUID on the wire; the type says what it names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Uuid))]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id (UUIDv4).
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }
    };
}

id_type!(
    /// A shop: the tenant. Every row and query is scoped by it.
    ShopId
);
id_type!(
    /// A place where a shop sells; a tablet is paired to one.
    LocationId
);
id_type!(
    /// A member of one shop's program.
    CardId
);
id_type!(
    /// An offer the owner made (its versions share the id).
    OfferId
);
id_type!(
    /// A reward of a program (for example "Free coffee").
    RewardId
);
id_type!(
    /// A paired tablet (or any browser used as a till).
    DeviceId
);
id_type!(
    /// A staff member of a shop.
    StaffId
);
id_type!(
    /// An owner account.
    OwnerId
);
id_type!(
    /// A ledger event. Created on a device as a UUIDv7; it is the event's idempotency key.
    EventId
);
