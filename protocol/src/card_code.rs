//! The text inside a card's QR code. Every format goes through [`CardCode`], so the tablet, the
//! phone and the server parse codes the same way, and a new format is one more variant here.
//!
//! Codes use the base45 alphabet (`0-9`, `A-Z`, space and `$%*+-./:`) so the QR is encoded in
//! alphanumeric mode and stays small.
//!
//! Version 1 (`R1`): a static code, `R1` followed by the base45 of the card id's 16 bytes.

use uuid::Uuid;

use crate::ids::CardId;

/// Prefix of a version 1 (static) code.
pub const STATIC_PREFIX: &str = "R1";
/// No card code is longer than this; longer input is refused before it is decoded.
pub const MAX_LEN: usize = 200;

/// A parsed card code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardCode {
    /// A code that names the card and nothing else.
    Static { card_id: CardId },
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

impl CardCode {
    pub fn card_id(&self) -> CardId {
        match self {
            CardCode::Static { card_id } => *card_id,
        }
    }

    /// The text to put in the QR code (and to show under it).
    pub fn encode(&self) -> String {
        match self {
            CardCode::Static { card_id } => {
                format!("{STATIC_PREFIX}{}", base45::encode(card_id.0.as_bytes()))
            }
        }
    }

    /// Parses what a scanner read or a cashier typed. Surrounding whitespace is ignored and
    /// lower case is accepted.
    pub fn parse(input: &str) -> Result<Self, CardCodeError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(CardCodeError::Empty);
        }
        if trimmed.len() > MAX_LEN {
            return Err(CardCodeError::TooLong);
        }
        let upper = trimmed.to_ascii_uppercase();
        let Some(payload) = upper.strip_prefix(STATIC_PREFIX) else {
            return Err(CardCodeError::UnknownPrefix);
        };
        let bytes = base45::decode(payload).map_err(|_| {
            if payload.chars().all(is_base45_char) {
                CardCodeError::WrongLength
            } else {
                CardCodeError::NotBase45
            }
        })?;
        let bytes: [u8; 16] = bytes.try_into().map_err(|_| CardCodeError::WrongLength)?;
        Ok(CardCode::Static { card_id: CardId(Uuid::from_bytes(bytes)) })
    }
}

fn is_base45_char(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_uppercase() || " $%*+-./:".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_static_code_is_short_and_qr_alphanumeric() {
        let code = CardCode::Static { card_id: CardId(Uuid::from_u128(u128::MAX)) }.encode();
        assert!(code.starts_with("R1"));
        assert_eq!(code.len(), 26);
        assert!(code.chars().all(is_base45_char));
    }

    #[test]
    fn bad_input_gets_its_own_reason() {
        assert_eq!(CardCode::parse("   "), Err(CardCodeError::Empty));
        assert_eq!(CardCode::parse(&"R".repeat(500)), Err(CardCodeError::TooLong));
        assert_eq!(CardCode::parse("HELLO"), Err(CardCodeError::UnknownPrefix));
        assert_eq!(CardCode::parse("R1ABC"), Err(CardCodeError::WrongLength));
        assert_eq!(CardCode::parse("R1ÄÖÜ#"), Err(CardCodeError::NotBase45));
        let valid = CardCode::Static { card_id: CardId(Uuid::from_u128(7)) }.encode();
        assert_eq!(CardCode::parse(&format!("{valid}00")), Err(CardCodeError::WrongLength));
    }

    proptest! {
        #[test]
        fn every_card_id_round_trips(raw in any::<u128>()) {
            let code = CardCode::Static { card_id: CardId(Uuid::from_u128(raw)) };
            prop_assert_eq!(CardCode::parse(&code.encode()), Ok(code));
            prop_assert_eq!(CardCode::parse(&format!("  {}\n", code.encode().to_lowercase())), Ok(code));
        }

        #[test]
        fn the_parser_never_panics(input in ".{0,300}") {
            let _ = CardCode::parse(&input);
        }
    }
}
