//! The card-code acceptance rule, in one place: the till's lookup, every pushed event and the
//! till's own offline check (through the same `regulars_protocol::card_code`) ask it.
//!
//! A code proves itself: the phone's code signed by the card's key for a time step within two
//! of the time it is judged at, and not shown at another till before; or a printed card signed
//! by the shop (stamps and points only). For a card that signs its codes (it has a key) or a
//! printed card, a missing or unsigned code is a failed code. Only a card the tablet could not
//! know yet (no key registered) may be credited unverified.

use std::collections::HashMap;

use regulars_protocol::{
    CardCode, CardId, CardKey, CodeRefused, DeviceId, Flag, Refusal, ShopId, Verified,
};
use time::OffsetDateTime;

use crate::db::{self, Tx};

/// What the card looks like to the rule.
#[derive(Debug, Clone, Copy)]
pub struct CardKeys {
    pub card_id: CardId,
    /// The phone's registered key.
    pub key: Option<CardKey>,
    pub printed: bool,
    /// The shop's printed-card key.
    pub printed_key: CardKey,
}

impl CardKeys {
    /// The card signs its codes (a phone with a key, or a printed card): nothing less will do.
    fn signs(&self) -> bool {
        self.key.is_some() || self.printed
    }
}

/// What the code is asked to allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Stamps or points.
    Earn,
    /// A reward, with the tablet online: the server decides now.
    RedeemOnline,
    /// A reward already handed over by a tablet without a connection.
    RedeemOffline,
}

/// The rule's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// The code checked out.
    Accepted(Verified),
    /// No proof could be had for a card the tablet could not know: stored and flagged
    /// `unverified`; a redemption is balanced.
    Unverified,
    /// The code failed: refused when the server decides now (an online redemption, a lookup),
    /// else stored, flagged and balanced.
    Failed(CodeRefused),
    /// Not a code for this card at all.
    Refused(Refusal),
}

impl Judgement {
    /// The flag a stored event gets, if any.
    pub fn flag(&self) -> Option<Flag> {
        match self {
            Judgement::Accepted(_) | Judgement::Refused(_) => None,
            Judgement::Unverified => Some(Flag::Unverified),
            Judgement::Failed(reason) => Some(Flag::from(*reason)),
        }
    }
}

/// Signatures of a push's codes, checked before its transaction: a P-256 check costs about
/// 0.3 ms, and checked inside, the shop's lock (and on SQLite the one writer) would wait for
/// every one. Keyed by the code's text and the key it was checked under, so a card whose key
/// changed in between is checked again in the transaction.
#[derive(Debug, Default)]
pub struct Signatures(HashMap<(String, String), bool>);

impl Signatures {
    /// Checks the signatures of `codes` (the card each names, and the code's text) under the
    /// cards' keys as the database has them now, or the shop's printed-card key, spread over the
    /// processor's cores.
    pub async fn check(
        db: &db::Db,
        shop_id: ShopId,
        printed_key: CardKey,
        codes: &[(CardId, &str)],
    ) -> anyhow::Result<Signatures> {
        let mut card_ids: Vec<CardId> = codes.iter().map(|(id, _)| *id).collect();
        card_ids.sort();
        card_ids.dedup();
        let keys: HashMap<CardId, CardKey> = db::cards::find_many(db, shop_id, &card_ids)
            .await?
            .into_iter()
            .filter_map(|card| {
                let key = CardKey::from_base64(card.public_key.as_deref()?).ok()?;
                Some((card.id, key))
            })
            .collect();
        let mut jobs: Vec<(String, CardCode, CardKey)> = Vec::new();
        for (card_id, text) in codes {
            let Ok(code) = CardCode::parse(text) else {
                continue;
            };
            if let Some(signer) = code.signer(keys.get(card_id), &printed_key) {
                jobs.push(((*text).to_owned(), code, *signer));
            }
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per_thread = jobs.len().div_ceil(threads).max(1);
        let mut handles = Vec::new();
        while !jobs.is_empty() {
            let rest = jobs.split_off(jobs.len().saturating_sub(per_thread));
            handles.push(tokio::task::spawn_blocking(move || {
                rest.into_iter()
                    .map(|(text, code, signer)| {
                        ((text, signer.to_base64()), code.signature_holds(&signer))
                    })
                    .collect::<Vec<_>>()
            }));
        }
        let mut checked = HashMap::new();
        for handle in handles {
            checked.extend(handle.await?);
        }
        Ok(Signatures(checked))
    }

    /// The signature of one code of `card`, checked now (before the caller's transaction).
    pub fn of_one(card: &CardKeys, text: &str) -> Signatures {
        let mut checked = HashMap::new();
        if let Ok(code) = CardCode::parse(text)
            && let Some(signer) = code.signer(card.key.as_ref(), &card.printed_key)
        {
            checked.insert(
                (text.to_owned(), signer.to_base64()),
                code.signature_holds(signer),
            );
        }
        Signatures(checked)
    }

    /// What the check ahead answered for this code under this signer, if it was asked.
    fn answer(&self, text: &str, signer: &CardKey) -> Option<bool> {
        self.0.get(&(text.to_owned(), signer.to_base64())).copied()
    }
}

/// Judges `text` (None: the event came without a code) for `card` at `at`, for a `use_` by
/// `device`. A rotating code is claimed for the device in `code_uses`, so the same (card, step)
/// shown at a second till is `Replayed` (a visit's events, which share a code, come from one
/// till, which already owns the step).
pub async fn judge(
    tx: &mut Tx,
    card: &CardKeys,
    text: Option<&str>,
    at: OffsetDateTime,
    use_: Use,
    device: DeviceId,
    signatures: &Signatures,
) -> anyhow::Result<Judgement> {
    let redeeming = use_ != Use::Earn;
    let Some(text) = text else {
        return Ok(match use_ {
            Use::RedeemOnline => Judgement::Refused(Refusal::CodeRequired),
            _ if card.signs() => Judgement::Failed(CodeRefused::Missing),
            _ => Judgement::Unverified,
        });
    };
    let code = match CardCode::parse(text) {
        Ok(code) => code,
        Err(_) => return Ok(Judgement::Refused(Refusal::InvalidCode)),
    };
    if code.card_id() != card.card_id {
        return Ok(Judgement::Refused(Refusal::CodeCardMismatch));
    }
    let ahead = code
        .signer(card.key.as_ref(), &card.printed_key)
        .and_then(|signer| signatures.answer(text, signer));
    let verified = match code.verify_checked(card.key.as_ref(), &card.printed_key, at, ahead) {
        Ok(verified) => verified,
        // An unsigned code (or a signed one the server has no key for) proves nothing; it is
        // only let through, unverified, for a card that does not sign its codes yet.
        Err(CodeRefused::Unsigned | CodeRefused::NoKey) if !card.signs() && !redeeming => {
            return Ok(Judgement::Unverified);
        }
        Err(reason) => return Ok(Judgement::Failed(reason)),
    };
    Ok(match verified {
        Verified::Rotating { step } => {
            let first = db::cards::use_code(tx, card.card_id, step, device).await?;
            if first == device {
                Judgement::Accepted(verified)
            } else {
                Judgement::Failed(CodeRefused::Replayed)
            }
        }
        Verified::Printed if redeeming => Judgement::Failed(CodeRefused::PrintedCannotRedeem),
        Verified::Printed => Judgement::Accepted(verified),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::SigningKey;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_slice(&[seed; 32]).unwrap()
    }

    /// An answer checked ahead is used only under the key it was checked under: a card whose
    /// key changed before the transaction is checked again there.
    #[test]
    fn a_signature_checked_ahead_answers_only_for_its_own_key() {
        let phone = key(3);
        let card_id = CardId(uuid::Uuid::from_u128(7));
        let text = CardCode::sign_rotating(&phone, card_id, 1000).encode();
        let keys = CardKeys {
            card_id,
            key: Some(CardKey::from(&phone)),
            printed: false,
            printed_key: CardKey::from(&key(9)),
        };
        let ahead = Signatures::of_one(&keys, &text);
        assert_eq!(ahead.answer(&text, &CardKey::from(&phone)), Some(true));
        assert_eq!(ahead.answer(&text, &CardKey::from(&key(4))), None);
        let forged = CardCode::sign_rotating(&key(4), card_id, 1000).encode();
        assert_eq!(
            Signatures::of_one(&keys, &forged).answer(&forged, &CardKey::from(&phone)),
            Some(false)
        );
    }
}
