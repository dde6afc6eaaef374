//! The ledger's vocabulary: what the server says about an event, as codes. The server sends a
//! code; the app says it in the reader's own words. Each list has an `Unknown` member that keeps
//! the code as sent, so an older installed card or till that meets a newer code keeps working
//! and shows it plainly.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
            /// A code this version does not know (sent by a newer server), kept as sent.
            Unknown(String),
        }

        impl $name {
            /// Every code this version knows.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The code as it travels and is stored.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Unknown(other) => other,
                }
            }

            /// The code for its text; a text this version does not know is `Unknown`.
            pub fn parse(text: &str) -> Self {
                match text {
                    $($text => $name::$variant,)*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        /// A string: one of the known codes, or a newer one (readers keep what they do not know).
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some(concat!(
                        "A code; this version knows: ",
                        $($text, " ",)*
                    )))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        /// A code reads as its text.
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == other
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Ok($name::parse(&text))
            }
        }
    };
}

vocabulary! {
    /// Why the server marked a stored event for the owner's review. A flagged event is stored
    /// (offline facts are never refused); what it should not have gained is balanced by a
    /// compensation.
    Flag {
        /// The tablet's clock, when it sent the batch, was more than five minutes off.
        ClockSkew = "clock_skew",
        /// The event's own time was impossible (before the shop existed, or more than a day
        /// ahead): the server's receive time stands for it in every rule and figure.
        BadClock = "bad_clock",
        /// Made long before the tablet's last sync, which backdating would explain.
        Backdated = "backdated",
        /// An offline redemption the card could not cover.
        DoubleRedemption = "double_redemption",
        /// Added by the server to balance another event.
        Compensation = "compensation",
        /// Over the owner's limit of stamps per card per day.
        CardDailyLimit = "card_daily_limit",
        /// Over the owner's limit of stamps per staff member per hour.
        StaffHourlyLimit = "staff_hourly_limit",
        /// Made offline for a card the tablet could not know yet: its code was not checked.
        Unverified = "unverified",
        /// No card code came with the event, for a card that has a key or a printed card.
        CodeMissing = "code_missing",
        /// The old unsigned code, for a card that signs its codes.
        CodeUnsigned = "code_unsigned",
        CardHasNoKey = "card_has_no_key",
        CodeBadSignature = "code_bad_signature",
        CodeExpired = "code_expired",
        CodeFromTheFuture = "code_from_the_future",
        /// The code was already used at another till.
        CodeUsed = "code_used",
        PrintedCardCannotRedeem = "printed_card_cannot_redeem",
        /// Redeemed offline above the owner's offline limit.
        OfflineNotAllowed = "offline_not_allowed",
        RewardRetired = "reward_retired",
        /// Redeemed offline at a cost other than the reward's.
        RewardCostChanged = "reward_cost_changed",
        /// An action that needs a role, without the staff session that proves who made it.
        UnprovenStaff = "unproven_staff",
        /// Made in the name of a staff member the owner had deactivated.
        StaffDeactivated = "staff_deactivated",
        /// Undoes a redemption: the card got its stamps or points back.
        ReversesRedemption = "reverses_redemption",
        /// Undoes a compensation the server had added.
        ReversesCompensation = "reverses_compensation",
        /// Made before the shop blocked the card, and only pushed after.
        BeforeBlock = "before_block",
        /// Made on a tablet before it was unpaired, and pushed after.
        DeviceRevoked = "device_revoked",
        /// The till held the scanned customer longer than it may (15 minutes): the code is
        /// judged at the event's own time.
        HeldTooLong = "held_too_long",
        /// An offer used more often than it may be by one member (offline, on two tablets).
        OfferUsedUp = "offer_used_up",
        /// An offer used for a member it was not meant for (held out, or not in its audience).
        OfferNotForCard = "offer_not_for_card",
        /// An offer used outside its dates, days or hours, or while paused or ended.
        OfferNotValid = "offer_not_valid",
    }
}

vocabulary! {
    /// Why the server did not store a pushed event.
    Refusal {
        /// Another event was already stored under this id.
        IdConflict = "id_conflict",
        /// The id is in the server's own namespace (its compensations), or not a UUIDv7.
        ReservedId = "reserved_id",
        /// The event names another device than the one pushing it.
        WrongDevice = "wrong_device",
        /// The event is wrong on its own (a field out of range, an unreadable time).
        InvalidEvent = "invalid_event",
        /// A till event names no staff member.
        StaffRequired = "staff_required",
        UnknownStaff = "unknown_staff",
        UnknownCard = "unknown_card",
        CardRevoked = "card_revoked",
        /// An online redemption without the card's code.
        CodeRequired = "code_required",
        /// The scanned code belongs to another card.
        CodeCardMismatch = "code_card_mismatch",
        /// The scanned text is not a card code.
        InvalidCode = "invalid_code",
        CodeUnsigned = "code_unsigned",
        CardHasNoKey = "card_has_no_key",
        CodeBadSignature = "code_bad_signature",
        CodeExpired = "code_expired",
        CodeFromTheFuture = "code_from_the_future",
        CodeUsed = "code_used",
        PrintedCardCannotRedeem = "printed_card_cannot_redeem",
        CodeMissing = "code_missing",
        WrongProgramKind = "wrong_program_kind",
        UnknownProgramVersion = "unknown_program_version",
        PointsMismatch = "points_mismatch",
        UnknownReward = "unknown_reward",
        RewardRetired = "reward_retired",
        RewardCostChanged = "reward_cost_changed",
        NotEnough = "not_enough",
        /// The staff member may not do this.
        NotAllowed = "not_allowed",
        /// An online redemption without the staff session that proves who made it.
        StaffProofRequired = "staff_proof_required",
        UnknownEvent = "unknown_event",
        WrongCard = "wrong_card",
        NotReversible = "not_reversible",
        WrongDelta = "wrong_delta",
        AlreadyReversed = "already_reversed",
        /// The server already balanced this event with a compensation.
        AlreadyCompensated = "already_compensated",
        /// The tablet was unpaired and the event was made after.
        DeviceRevoked = "device_revoked",
        /// A shopper's event of a kind this server does not know.
        UnknownKind = "unknown_kind",
        /// A survey answer outside 0 to 10, or without one.
        InvalidScore = "invalid_score",
        /// A comment longer than 500 characters.
        CommentTooLong = "comment_too_long",
        /// The member answered the survey less than 90 days before (or after) this answer.
        AnsweredRecently = "answered_recently",
        /// The card already has another event under this sequence number.
        SequenceUsed = "sequence_used",
        /// No such offer (or version) at this shop.
        UnknownOffer = "unknown_offer",
        /// The event's figures are not the offer's (extra stamps other than it gives).
        OfferMismatch = "offer_mismatch",
        /// An online use of an offer the member has used as often as it may be.
        OfferUsedUp = "offer_used_up",
        /// An online use of an offer that is not this member's, or not usable now.
        OfferNotForCard = "offer_not_for_card",
    }
}

vocabulary! {
    /// The `code` of every API error ([`crate::wire::ApiErrorBody`]): what the app acts on and
    /// says in its own words; the `message` beside it is the server's sentence for a reader
    /// without a translation.
    ErrorCode {
        BadQuery = "bad_query",
        BadRequest = "bad_request",
        BodyTooLarge = "body_too_large",
        CardRevoked = "card_revoked",
        CsrfFailed = "csrf_failed",
        DeviceRevoked = "device_revoked",
        EmailTaken = "email_taken",
        Internal = "internal",
        InvalidField = "invalid_field",
        InvalidPairingCode = "invalid_pairing_code",
        InvalidRecoveryCode = "invalid_recovery_code",
        KeyAlreadyRegistered = "key_already_registered",
        LoginPaused = "login_paused",
        MalformedJson = "malformed_json",
        MethodNotAllowed = "method_not_allowed",
        MissingCardToken = "missing_card_token",
        MissingDeviceToken = "missing_device_token",
        NoPin = "no_pin",
        NoSuchEndpoint = "no_such_endpoint",
        NotFound = "not_found",
        NotLoggedIn = "not_logged_in",
        OwnerStaff = "owner_staff",
        PinLocked = "pin_locked",
        RateLimited = "rate_limited",
        SessionExpired = "session_expired",
        Timeout = "timeout",
        UnknownCard = "unknown_card",
        UnknownCardToken = "unknown_card_token",
        UnknownDevice = "unknown_device",
        UnknownReward = "unknown_reward",
        UnknownShop = "unknown_shop",
        UnknownStaff = "unknown_staff",
        UnsupportedMediaType = "unsupported_media_type",
        WrongCredentials = "wrong_credentials",
        WrongPassword = "wrong_password",
        WrongPin = "wrong_pin",
        CodeUnsigned = "code_unsigned",
        CardHasNoKey = "card_has_no_key",
        CodeBadSignature = "code_bad_signature",
        CodeExpired = "code_expired",
        CodeFromTheFuture = "code_from_the_future",
        CodeUsed = "code_used",
        PrintedCardCannotRedeem = "printed_card_cannot_redeem",
        CodeMissing = "code_missing",
        /// An import job with bad rows was started without `skip_bad_rows`.
        ImportHasBadRows = "import_has_bad_rows",
        /// The import job is not in a state that allows this (running, done, or without a
        /// mapping).
        ImportNotReady = "import_not_ready",
        /// A printed card was asked for a member whose card is on their phone.
        NotAPrintedCard = "not_a_printed_card",
        /// A password reset code that is wrong, used or expired.
        InvalidResetCode = "invalid_reset_code",
        /// No such offer at this shop.
        UnknownOffer = "unknown_offer",
    }
}

vocabulary! {
    /// Why the server added a compensation (an adjustment of the server's origin). It is the
    /// compensation's `reason`, so the card and the till say it in their own words.
    CompensationReason {
        /// The card code of the event did not check out (missing, unsigned, forged, expired,
        /// copied).
        CodeFailed = "code_failed",
        /// An offline redemption the card could not cover.
        RedemptionNotCovered = "redemption_not_covered",
        /// The event needed a role and came without proof of who made it.
        UnprovenStaff = "unproven_staff",
        /// Made after the card was blocked.
        CardBlocked = "card_blocked",
        /// An offer used beyond its limit, for a member it was not meant for, or out of its
        /// time: what it added is taken back.
        OfferNotCovered = "offer_not_covered",
    }
}

impl From<crate::CodeRefused> for Flag {
    fn from(reason: crate::CodeRefused) -> Self {
        Flag::parse(reason.code())
    }
}

impl From<crate::CodeRefused> for Refusal {
    fn from(reason: crate::CodeRefused) -> Self {
        Refusal::parse(reason.code())
    }
}

/// Where an event came from. Rules name the origins they apply to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A paired tablet and the staff member at it.
    #[default]
    Till,
    /// The shopper's own card (offer engagement, survey answers; never a balance change).
    Phone,
    /// History a shop brought from elsewhere: counts in figures, never in balances.
    Import,
    /// The server itself: compensations.
    Server,
    /// An origin this version does not know.
    #[serde(other)]
    Unknown,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Till => "till",
            Origin::Phone => "phone",
            Origin::Import => "import",
            Origin::Server => "server",
            Origin::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Self {
        match text {
            "till" => Origin::Till,
            "phone" => Origin::Phone,
            "import" => Origin::Import,
            "server" => Origin::Server,
            _ => Origin::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_their_text_and_unknown_ones_survive() {
        assert_eq!(
            serde_json::to_string(&Flag::BadClock).unwrap(),
            "\"bad_clock\""
        );
        let later: Vec<Flag> = serde_json::from_str(r#"["unproven_staff","sparkly_new"]"#).unwrap();
        assert_eq!(
            later,
            [Flag::UnprovenStaff, Flag::Unknown("sparkly_new".into())]
        );
        assert_eq!(
            serde_json::to_string(&later[1]).unwrap(),
            "\"sparkly_new\"",
            "an unknown code is sent on as it came"
        );
        let origin: Origin = serde_json::from_str("\"hologram\"").unwrap();
        assert_eq!(origin, Origin::Unknown);
    }

    #[test]
    fn every_code_refusal_is_a_flag_and_a_refusal() {
        use crate::CodeRefused::*;
        for reason in [
            Unsigned,
            NoKey,
            BadSignature,
            Expired,
            FromTheFuture,
            Replayed,
            PrintedCannotRedeem,
            Missing,
        ] {
            assert!(
                !matches!(Flag::from(reason), Flag::Unknown(_)),
                "{reason:?}"
            );
            assert!(
                !matches!(Refusal::from(reason), Refusal::Unknown(_)),
                "{reason:?}"
            );
        }
    }

    #[test]
    fn every_known_code_parses_back_to_itself() {
        for flag in Flag::ALL {
            assert_eq!(&Flag::parse(flag.as_str()), flag);
        }
        for refusal in Refusal::ALL {
            assert_eq!(&Refusal::parse(refusal.as_str()), refusal);
        }
        for code in ErrorCode::ALL {
            assert_eq!(&ErrorCode::parse(code.as_str()), code);
        }
        for reason in CompensationReason::ALL {
            assert_eq!(&CompensationReason::parse(reason.as_str()), reason);
        }
    }
}
