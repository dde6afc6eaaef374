//! The text inside a card's QR code. Every format goes through [`CardCode`], so the tablet, the
//! phone and the server parse and verify codes the same way, and a new format is one more
//! variant here.
//!
//! Codes use the base45 alphabet (`0-9`, `A-Z`, space and `$%*+-./:`) so the QR is encoded in
//! alphanumeric mode and stays small. Letters are upper case only: a code is read by a camera or
//! a scanner, not typed, and one text per code means a changed character is a changed code.
//!
//! - `R2` (the phone's card): `R2` + base45(card id (16 bytes) ‖ time step (4 bytes, big endian)
//!   ‖ signature (64 bytes)). The phone signs with its own ECDSA P-256 key, made by WebCrypto at
//!   join and never leaving the phone; a new code every [`STEP_SECONDS`]. 128 characters: a
//!   version 6 QR at error correction M.
//! - `R3` (a printed card): `R3` + base45(card id ‖ signature), signed once by the shop's key on
//!   the server. It cannot expire, so it is good for stamps only. 122 characters.
//! - `R1` (before signed codes): `R1` + base45(card id). Still recognised, so the till can say
//!   why it is refused.
//!
//! Signatures are ECDSA over SHA-256, `r ‖ s` (the form WebCrypto produces), of
//! [`CardCode::signed_message`]. Whether a (card, step) was already used is state, kept by the
//! caller: the server in its database, the tablet in its directory.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::{Signer, Verifier};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::ids::CardId;

/// Prefix of a version 1 (static, unsigned) code.
pub const STATIC_PREFIX: &str = "R1";
/// Prefix of the phone's rotating signed code.
pub const ROTATING_PREFIX: &str = "R2";
/// Prefix of a printed card's code, signed by the shop.
pub const PRINTED_PREFIX: &str = "R3";
/// No card code is longer than this; longer input is refused before it is decoded.
pub const MAX_LEN: usize = 200;
/// A rotating code is valid for one time step of this many seconds...
pub const STEP_SECONDS: i64 = 30;
/// ...and accepted this many steps either side of the verifier's clock.
pub const STEP_TOLERANCE: i64 = 2;
/// Length of a signature: `r ‖ s`, 32 bytes each.
pub const SIGNATURE_LEN: usize = 64;

const ROTATING_DOMAIN: &[u8] = b"regulars card code v2\0";
const PRINTED_DOMAIN: &[u8] = b"regulars printed card v1\0";

/// A parsed card code. Parsing checks the form only; [`CardCode::verify`] checks the signature
/// and the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardCode {
    /// The old unsigned code that names the card and nothing else.
    Static { card_id: CardId },
    /// The phone's code for one time step, signed by the card's own key.
    Rotating {
        card_id: CardId,
        step: u32,
        signature: [u8; SIGNATURE_LEN],
    },
    /// A printed card's code, signed by the shop.
    Printed {
        card_id: CardId,
        signature: [u8; SIGNATURE_LEN],
    },
}

/// Why a text is not a card code. Each reason has its own message for the cashier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CardCodeError {
    #[error("no code was entered")]
    Empty,
    #[error("the code is too long to be a Regulars card")]
    TooLong,
    #[error("this is not a Regulars card code")]
    UnknownPrefix,
    #[error("the code has characters a Regulars card never shows")]
    NotBase45,
    #[error("the code is cut short or has extra characters")]
    WrongLength,
}

impl CardCodeError {
    /// A stable machine-readable name for the API.
    pub fn code(&self) -> &'static str {
        match self {
            CardCodeError::Empty => "code_empty",
            CardCodeError::TooLong => "code_too_long",
            CardCodeError::UnknownPrefix => "code_unknown_format",
            CardCodeError::NotBase45 => "code_bad_characters",
            CardCodeError::WrongLength => "code_wrong_length",
        }
    }
}

/// Why a well-formed code is not accepted. Each reason has its own message for the cashier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeRefused {
    #[error(
        "this is an old card code that anyone could copy; ask the shopper to open their card so it shows a new one"
    )]
    Unsigned,
    #[error("this card has no key yet; ask the shopper to open their card while online")]
    NoKey,
    #[error("this code was not made by this card: it may be forged or damaged")]
    BadSignature,
    #[error(
        "this code has expired; ask the shopper to show the card again (a screenshot stops working)"
    )]
    Expired,
    #[error("this code is from the future; the phone's or the till's clock is wrong")]
    FromTheFuture,
    #[error("this code was already used; ask the shopper to show the card again")]
    Replayed,
    #[error("a printed card collects stamps and points, but rewards need the card on a phone")]
    PrintedCannotRedeem,
    #[error("no card code came with this, and this card signs its codes; scan the card")]
    Missing,
}

impl CodeRefused {
    /// A stable machine-readable name for the API.
    pub fn code(&self) -> &'static str {
        match self {
            CodeRefused::Unsigned => "code_unsigned",
            CodeRefused::NoKey => "card_has_no_key",
            CodeRefused::BadSignature => "code_bad_signature",
            CodeRefused::Expired => "code_expired",
            CodeRefused::FromTheFuture => "code_from_the_future",
            CodeRefused::Replayed => "code_used",
            CodeRefused::PrintedCannotRedeem => "printed_card_cannot_redeem",
            CodeRefused::Missing => "code_missing",
        }
    }
}

/// How a code proved itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    /// The card's phone made it during this time step.
    Rotating { step: u32 },
    /// A printed card signed by the shop: stamps and points only.
    Printed,
}

/// The time step a rotating code made at `at` carries.
pub fn step_at(at: OffsetDateTime) -> u32 {
    u32::try_from(at.unix_timestamp().div_euclid(STEP_SECONDS)).unwrap_or(0)
}

/// Seconds left in the time step of `at`, from `STEP_SECONDS` down to 1: the card's countdown.
pub fn seconds_left_in_step(at: OffsetDateTime) -> i64 {
    STEP_SECONDS - at.unix_timestamp().rem_euclid(STEP_SECONDS)
}

/// A public key that verifies codes: a card's own key, or a shop's printed-card key. On the
/// wire it is the URL-safe base64 (no padding) of its SEC1 uncompressed form, the 65 bytes
/// WebCrypto's `exportKey("raw", ...)` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardKey(VerifyingKey);

/// The text is not a P-256 public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a P-256 public key (URL-safe base64 of its 65-byte uncompressed form)")]
pub struct BadKey;

impl CardKey {
    pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self, BadKey> {
        if bytes.len() != 65 || bytes[0] != 4 {
            return Err(BadKey);
        }
        VerifyingKey::from_sec1_bytes(bytes)
            .map(CardKey)
            .map_err(|_| BadKey)
    }

    /// Parses the wire form.
    pub fn from_base64(text: &str) -> Result<Self, BadKey> {
        if text.len() > 100 {
            return Err(BadKey);
        }
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| BadKey)?;
        Self::from_sec1_bytes(&bytes)
    }

    /// The wire form.
    pub fn to_base64(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0.to_encoded_point(false).as_bytes())
    }

    fn verifies(&self, message: &[u8], signature: &[u8; SIGNATURE_LEN]) -> bool {
        Signature::from_slice(signature).is_ok_and(|sig| self.0.verify(message, &sig).is_ok())
    }
}

impl From<&SigningKey> for CardKey {
    fn from(key: &SigningKey) -> Self {
        CardKey(*key.verifying_key())
    }
}

impl CardCode {
    pub fn card_id(&self) -> CardId {
        match self {
            CardCode::Static { card_id }
            | CardCode::Rotating { card_id, .. }
            | CardCode::Printed { card_id, .. } => *card_id,
        }
    }

    /// The bytes a rotating code's signature covers.
    pub fn rotating_message(card_id: CardId, step: u32) -> Vec<u8> {
        let mut message = Vec::with_capacity(ROTATING_DOMAIN.len() + 20);
        message.extend_from_slice(ROTATING_DOMAIN);
        message.extend_from_slice(card_id.0.as_bytes());
        message.extend_from_slice(&step.to_be_bytes());
        message
    }

    /// The bytes a printed card's signature covers.
    pub fn printed_message(card_id: CardId) -> Vec<u8> {
        let mut message = Vec::with_capacity(PRINTED_DOMAIN.len() + 16);
        message.extend_from_slice(PRINTED_DOMAIN);
        message.extend_from_slice(card_id.0.as_bytes());
        message
    }

    /// A rotating code from a signature made elsewhere (by WebCrypto on the phone).
    pub fn rotating(card_id: CardId, step: u32, signature: &[u8]) -> Option<Self> {
        Some(CardCode::Rotating {
            card_id,
            step,
            signature: signature.try_into().ok()?,
        })
    }

    /// Signs a rotating code with a key held in Rust (tests, benchmarks and tools; the phone
    /// signs with WebCrypto).
    pub fn sign_rotating(key: &SigningKey, card_id: CardId, step: u32) -> Self {
        let signature: Signature = key.sign(&Self::rotating_message(card_id, step));
        CardCode::Rotating {
            card_id,
            step,
            signature: signature.to_bytes().into(),
        }
    }

    /// Signs a printed card's code with the shop's key.
    pub fn sign_printed(key: &SigningKey, card_id: CardId) -> Self {
        let signature: Signature = key.sign(&Self::printed_message(card_id));
        CardCode::Printed {
            card_id,
            signature: signature.to_bytes().into(),
        }
    }

    /// The text to put in the QR code.
    pub fn encode(&self) -> String {
        match self {
            CardCode::Static { card_id } => {
                format!("{STATIC_PREFIX}{}", base45::encode(card_id.0.as_bytes()))
            }
            CardCode::Rotating {
                card_id,
                step,
                signature,
            } => {
                let mut bytes = Vec::with_capacity(84);
                bytes.extend_from_slice(card_id.0.as_bytes());
                bytes.extend_from_slice(&step.to_be_bytes());
                bytes.extend_from_slice(signature);
                format!("{ROTATING_PREFIX}{}", base45::encode(&bytes))
            }
            CardCode::Printed { card_id, signature } => {
                let mut bytes = Vec::with_capacity(80);
                bytes.extend_from_slice(card_id.0.as_bytes());
                bytes.extend_from_slice(signature);
                format!("{PRINTED_PREFIX}{}", base45::encode(&bytes))
            }
        }
    }

    /// Parses what a scanner read or a cashier typed. Surrounding whitespace is ignored.
    pub fn parse(input: &str) -> Result<Self, CardCodeError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(CardCodeError::Empty);
        }
        if trimmed.len() > MAX_LEN {
            return Err(CardCodeError::TooLong);
        }
        let (prefix, payload) = (trimmed.get(..2), trimmed.get(2..));
        let (Some(prefix), Some(payload)) = (prefix, payload) else {
            return Err(CardCodeError::UnknownPrefix);
        };
        let expected_len = match prefix {
            STATIC_PREFIX => 16,
            ROTATING_PREFIX => 84,
            PRINTED_PREFIX => 80,
            _ => return Err(CardCodeError::UnknownPrefix),
        };
        if !payload.chars().all(is_base45_char) {
            return Err(CardCodeError::NotBase45);
        }
        let bytes = base45::decode(payload).map_err(|_| CardCodeError::WrongLength)?;
        if bytes.len() != expected_len {
            return Err(CardCodeError::WrongLength);
        }
        let card_id = CardId(Uuid::from_bytes(
            bytes[..16]
                .try_into()
                .map_err(|_| CardCodeError::WrongLength)?,
        ));
        let signature = |from: usize| -> Result<[u8; SIGNATURE_LEN], CardCodeError> {
            bytes[from..]
                .try_into()
                .map_err(|_| CardCodeError::WrongLength)
        };
        Ok(match prefix {
            STATIC_PREFIX => CardCode::Static { card_id },
            ROTATING_PREFIX => {
                let step = u32::from_be_bytes(
                    bytes[16..20]
                        .try_into()
                        .map_err(|_| CardCodeError::WrongLength)?,
                );
                CardCode::Rotating {
                    card_id,
                    step,
                    signature: signature(20)?,
                }
            }
            _ => CardCode::Printed {
                card_id,
                signature: signature(16)?,
            },
        })
    }

    /// Checks the signature and, for a rotating code, that its step is within
    /// [`STEP_TOLERANCE`] of `now`. `card_key` is the card's registered key (None if it has
    /// none or the verifier does not know it), `printed_key` the shop's.
    pub fn verify(
        &self,
        card_key: Option<&CardKey>,
        printed_key: &CardKey,
        now: OffsetDateTime,
    ) -> Result<Verified, CodeRefused> {
        self.verify_checked(card_key, printed_key, now, None)
    }

    /// The key the code's signature must hold under: the card's for a rotating code (None if
    /// the card has none), the shop's for a printed card; None for an unsigned code.
    pub fn signer<'k>(
        &self,
        card_key: Option<&'k CardKey>,
        printed_key: &'k CardKey,
    ) -> Option<&'k CardKey> {
        match self {
            CardCode::Static { .. } => None,
            CardCode::Printed { .. } => Some(printed_key),
            CardCode::Rotating { .. } => card_key,
        }
    }

    /// Whether the signature holds under `signer` (see [`CardCode::signer`]), whatever the time:
    /// the costly part of [`CardCode::verify`], which a server can do ahead, in parallel.
    pub fn signature_holds(&self, signer: &CardKey) -> bool {
        match self {
            CardCode::Static { .. } => false,
            CardCode::Printed { card_id, signature } => {
                signer.verifies(&Self::printed_message(*card_id), signature)
            }
            CardCode::Rotating {
                card_id,
                step,
                signature,
            } => signer.verifies(&Self::rotating_message(*card_id, *step), signature),
        }
    }

    /// [`CardCode::verify`], given what [`CardCode::signature_holds`] answered for the same
    /// signer when it was asked ahead (`None`: check it now).
    pub fn verify_checked(
        &self,
        card_key: Option<&CardKey>,
        printed_key: &CardKey,
        now: OffsetDateTime,
        signature_holds: Option<bool>,
    ) -> Result<Verified, CodeRefused> {
        let holds =
            |signer: &CardKey| signature_holds.unwrap_or_else(|| self.signature_holds(signer));
        match self {
            CardCode::Static { .. } => Err(CodeRefused::Unsigned),
            CardCode::Printed { .. } => {
                if holds(printed_key) {
                    Ok(Verified::Printed)
                } else {
                    Err(CodeRefused::BadSignature)
                }
            }
            CardCode::Rotating { step, .. } => {
                let key = card_key.ok_or(CodeRefused::NoKey)?;
                if !holds(key) {
                    return Err(CodeRefused::BadSignature);
                }
                let offset = i64::from(*step) - i64::from(step_at(now));
                if offset < -STEP_TOLERANCE {
                    Err(CodeRefused::Expired)
                } else if offset > STEP_TOLERANCE {
                    Err(CodeRefused::FromTheFuture)
                } else {
                    Ok(Verified::Rotating { step: *step })
                }
            }
        }
    }
}

fn is_base45_char(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_uppercase() || " $%*+-./:".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(seed: u8) -> SigningKey {
        let mut bytes = [seed.max(1); 32];
        bytes[0] = 0x11;
        SigningKey::from_slice(&bytes).unwrap()
    }

    fn now() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_795_000_000).unwrap()
    }

    fn card(n: u128) -> CardId {
        CardId(Uuid::from_u128(n))
    }

    #[test]
    fn a_static_code_is_short_and_qr_alphanumeric() {
        let code = CardCode::Static {
            card_id: card(u128::MAX),
        }
        .encode();
        assert!(code.starts_with("R1"));
        assert_eq!(code.len(), 26);
        assert!(code.chars().all(is_base45_char));
    }

    #[test]
    fn signed_codes_have_fixed_lengths() {
        let rotating = CardCode::sign_rotating(&key(1), card(u128::MAX), u32::MAX).encode();
        assert_eq!(rotating.len(), 128);
        assert!(rotating.starts_with("R2") && rotating.chars().all(is_base45_char));
        let printed = CardCode::sign_printed(&key(2), card(1)).encode();
        assert_eq!(printed.len(), 122);
        assert!(printed.starts_with("R3") && printed.chars().all(is_base45_char));
    }

    /// A server checks a batch's signatures ahead: the answer it got stands in for the check,
    /// and the time rule still applies.
    #[test]
    fn a_signature_checked_ahead_stands_in_for_the_check_but_not_for_the_time() {
        let signer = key(4);
        let card_key = CardKey::from(&signer);
        let shop = CardKey::from(&key(5));
        let good = CardCode::sign_rotating(&signer, card(9), step_at(now()));
        assert_eq!(good.signer(Some(&card_key), &shop), Some(&card_key));
        assert!(good.signature_holds(&card_key));
        assert!(!good.signature_holds(&shop));
        assert_eq!(
            good.verify_checked(Some(&card_key), &shop, now(), Some(true)),
            good.verify(Some(&card_key), &shop, now())
        );
        assert_eq!(
            good.verify_checked(Some(&card_key), &shop, now(), Some(false)),
            Err(CodeRefused::BadSignature)
        );
        let old = CardCode::sign_rotating(&signer, card(9), step_at(now()) - 10);
        assert_eq!(
            old.verify_checked(Some(&card_key), &shop, now(), Some(true)),
            Err(CodeRefused::Expired)
        );
        let printed = CardCode::sign_printed(&key(5), card(9));
        assert_eq!(printed.signer(None, &shop), Some(&shop));
        assert!(printed.signature_holds(&shop));
    }

    #[test]
    fn bad_input_gets_its_own_reason() {
        assert_eq!(CardCode::parse("   "), Err(CardCodeError::Empty));
        assert_eq!(
            CardCode::parse(&"R".repeat(500)),
            Err(CardCodeError::TooLong)
        );
        assert_eq!(CardCode::parse("HELLO"), Err(CardCodeError::UnknownPrefix));
        assert_eq!(CardCode::parse("R"), Err(CardCodeError::UnknownPrefix));
        assert_eq!(CardCode::parse("R1ABC"), Err(CardCodeError::WrongLength));
        assert_eq!(CardCode::parse("R1ÄÖÜ#"), Err(CardCodeError::NotBase45));
        assert_eq!(CardCode::parse("R2abc"), Err(CardCodeError::NotBase45));
        let valid = CardCode::sign_rotating(&key(3), card(7), 5).encode();
        assert_eq!(
            CardCode::parse(&format!("{valid}00")),
            Err(CardCodeError::WrongLength)
        );
        assert_eq!(
            CardCode::parse(&valid[..valid.len() - 3]),
            Err(CardCodeError::WrongLength)
        );
        assert_eq!(
            CardCode::parse(&valid[..100]),
            Err(CardCodeError::WrongLength)
        );
        assert_eq!(
            CardCode::parse(&valid.to_lowercase()),
            Err(CardCodeError::UnknownPrefix)
        );
    }

    #[test]
    fn a_valid_rotating_code_verifies_within_two_steps() {
        let (signer, shop) = (key(4), CardKey::from(&key(5)));
        let step = step_at(now());
        for offset in -2i64..=2 {
            let code = CardCode::sign_rotating(&signer, card(9), (i64::from(step) + offset) as u32);
            let parsed = CardCode::parse(&code.encode()).unwrap();
            assert_eq!(
                parsed.verify(Some(&CardKey::from(&signer)), &shop, now()),
                Ok(Verified::Rotating {
                    step: (i64::from(step) + offset) as u32
                })
            );
        }
        let old = CardCode::sign_rotating(&signer, card(9), step - 3);
        assert_eq!(
            old.verify(Some(&CardKey::from(&signer)), &shop, now()),
            Err(CodeRefused::Expired)
        );
        let ahead = CardCode::sign_rotating(&signer, card(9), step + 3);
        assert_eq!(
            ahead.verify(Some(&CardKey::from(&signer)), &shop, now()),
            Err(CodeRefused::FromTheFuture)
        );
    }

    #[test]
    fn a_code_signed_by_another_cards_key_is_refused() {
        let step = step_at(now());
        let code = CardCode::sign_rotating(&key(6), card(1), step);
        let shop = CardKey::from(&key(8));
        assert_eq!(
            code.verify(Some(&CardKey::from(&key(7))), &shop, now()),
            Err(CodeRefused::BadSignature)
        );
        assert_eq!(code.verify(None, &shop, now()), Err(CodeRefused::NoKey));
        // The same signature moved to another card id.
        let CardCode::Rotating { signature, .. } = code else {
            unreachable!()
        };
        let moved = CardCode::Rotating {
            card_id: card(2),
            step,
            signature,
        };
        assert_eq!(
            moved.verify(Some(&CardKey::from(&key(6))), &shop, now()),
            Err(CodeRefused::BadSignature)
        );
    }

    #[test]
    fn printed_and_static_codes() {
        let shop_key = key(9);
        let printed = CardCode::sign_printed(&shop_key, card(3));
        let parsed = CardCode::parse(&printed.encode()).unwrap();
        assert_eq!(
            parsed.verify(None, &CardKey::from(&shop_key), now()),
            Ok(Verified::Printed)
        );
        assert_eq!(
            parsed.verify(None, &CardKey::from(&key(10)), now()),
            Err(CodeRefused::BadSignature)
        );
        let old = CardCode::parse(&CardCode::Static { card_id: card(3) }.encode()).unwrap();
        assert_eq!(
            old.verify(None, &CardKey::from(&shop_key), now()),
            Err(CodeRefused::Unsigned)
        );
    }

    #[test]
    fn every_single_bit_flip_of_a_valid_code_is_refused() {
        let signer = key(11);
        let public = CardKey::from(&signer);
        let shop = CardKey::from(&key(12));
        let text = CardCode::sign_rotating(&signer, card(42), step_at(now())).encode();
        let mut flips = 0;
        for i in 0..text.len() {
            for bit in 0..8 {
                let mut bytes = text.as_bytes().to_vec();
                bytes[i] ^= 1 << bit;
                let Ok(flipped) = String::from_utf8(bytes) else {
                    continue;
                };
                flips += 1;
                // A flip may make a code of another card: it must then fail that card's key too.
                let accepted = CardCode::parse(&flipped)
                    .is_ok_and(|c| c.verify(Some(&public), &shop, now()).is_ok());
                assert!(
                    !accepted,
                    "flipping bit {bit} of character {i} gave an accepted code"
                );
            }
        }
        assert_eq!(flips, text.len() * 7, "flips that stay ASCII");
        // The same over the decoded bytes: every flip of the card id, step or signature.
        let CardCode::Rotating {
            card_id,
            step,
            signature,
        } = CardCode::parse(&text).unwrap()
        else {
            unreachable!()
        };
        for i in 0..(16 + 4 + 64) * 8 {
            let (mut id, mut st, mut sig) = (*card_id.0.as_bytes(), step.to_be_bytes(), signature);
            let (byte, bit) = (i / 8, i % 8);
            match byte {
                0..16 => id[byte] ^= 1 << bit,
                16..20 => st[byte - 16] ^= 1 << bit,
                _ => sig[byte - 20] ^= 1 << bit,
            }
            let code = CardCode::Rotating {
                card_id: CardId(Uuid::from_bytes(id)),
                step: u32::from_be_bytes(st),
                signature: sig,
            };
            assert!(
                code.verify(Some(&public), &shop, now()).is_err(),
                "bit {i} flipped"
            );
        }
    }

    #[test]
    fn card_keys_round_trip_their_wire_form_and_refuse_junk() {
        let key = CardKey::from(&key(13));
        assert_eq!(CardKey::from_base64(&key.to_base64()), Ok(key));
        assert_eq!(key.to_base64().len(), 87);
        assert_eq!(CardKey::from_base64(""), Err(BadKey));
        assert_eq!(CardKey::from_base64("not base64!"), Err(BadKey));
        assert_eq!(
            CardKey::from_base64(&URL_SAFE_NO_PAD.encode([4u8; 65])),
            Err(BadKey)
        );
        assert_eq!(CardKey::from_base64(&"A".repeat(500)), Err(BadKey));
    }

    #[test]
    fn steps_and_countdown() {
        let t = OffsetDateTime::from_unix_timestamp(90).unwrap();
        assert_eq!(step_at(t), 3);
        assert_eq!(seconds_left_in_step(t), 30);
        assert_eq!(
            seconds_left_in_step(OffsetDateTime::from_unix_timestamp(119).unwrap()),
            1
        );
    }

    proptest! {
        #[test]
        fn every_code_round_trips(raw in any::<u128>(), step in any::<u32>(), sig in proptest::collection::vec(any::<u8>(), 64)) {
            let signature: [u8; 64] = sig.try_into().unwrap();
            for code in [
                CardCode::Static { card_id: card(raw) },
                CardCode::Rotating { card_id: card(raw), step, signature },
                CardCode::Printed { card_id: card(raw), signature },
            ] {
                prop_assert_eq!(CardCode::parse(&code.encode()), Ok(code));
                prop_assert_eq!(CardCode::parse(&format!("  {}\n", code.encode())), Ok(code));
            }
        }

        /// The fuzz target for the parser, run by CI as a bounded property test: arbitrary
        /// text, and valid codes with random edits, never panic.
        #[test]
        fn the_parser_never_panics(input in ".{0,300}") {
            let _ = CardCode::parse(&input);
        }

        #[test]
        fn edited_codes_never_panic_and_never_verify(cut in 0usize..130, insert in "[0-9A-Z $%*+./:-]{0,4}", seed in 1u8..200) {
            let signer = key(seed);
            let text = CardCode::sign_rotating(&signer, card(u128::from(seed)), step_at(now())).encode();
            let edited = format!("{}{}{}", &text[..cut.min(text.len())], insert, &text[(cut + insert.len()).min(text.len())..]);
            if let Ok(code) = CardCode::parse(&edited)
                && edited != text {
                    prop_assert!(code.verify(Some(&CardKey::from(&signer)), &CardKey::from(&key(seed.wrapping_add(1))), now()).is_err() || code.encode() == text);
                }
        }
    }
}
