//! A card's secrets on this phone: its signing key and its recovery code.
//!
//! At join the phone makes an ECDSA P-256 key pair with WebCrypto. The private half is
//! *non-extractable*: no script, not even this app, can read its bytes. IndexedDB keeps the
//! `CryptoKey` object itself (browsers store it by structured clone, still non-extractable),
//! in the `keys` store under the card id. The public half goes to the server once, in the
//! [`CardKey`] wire form. Every 30 seconds the card signs
//! [`CardCode::rotating_message`] for the current time step and shows the `R2` code; no signal
//! is needed for that.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use regulars_protocol::{CardCode, CardId, CardKey};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, CryptoKeyPair, EcKeyGenParams, EcdsaParams, SubtleCrypto};

use regulars_protocol::wire::JoinResponse;

use super::records::StoredCard;
use super::store::{CARDS, KEYS, OfflineError, Store};
use crate::api::ApiError;
use crate::clock;
use crate::i18n::{Msg, t};

/// A fresh key pair: the private key to keep, the public key to register.
#[derive(Debug, Clone)]
pub struct CardKeyPair {
    /// Non-extractable; signs codes.
    pub private_key: CryptoKey,
    pub public_key: CardKey,
}

/// Why the phone could not make, use or keep a card key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// No WebCrypto: an old browser, or a page not served over HTTPS.
    #[error(
        "this browser cannot make secure card codes here (it needs HTTPS and a recent browser)"
    )]
    NoWebCrypto,
    #[error("the browser's cryptography failed: {0}")]
    Crypto(String),
    #[error("the browser made a public key Regulars cannot read")]
    BadPublicKey,
    #[error(transparent)]
    Storage(#[from] OfflineError),
}

impl KeyError {
    /// A sentence for people.
    pub fn user_message(&self) -> String {
        match self {
            KeyError::NoWebCrypto => t(Msg::NoWebCrypto),
            KeyError::Crypto(why) => t(Msg::CardKeyFailed(why.clone())),
            KeyError::BadPublicKey => t(Msg::CardKeyFailed(self.to_string())),
            KeyError::Storage(err) => t(Msg::StorageFailed(err.to_string())),
        }
    }
}

fn crypto_error(value: JsValue) -> KeyError {
    let text = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"));
    KeyError::Crypto(text)
}

/// `crypto.subtle` of the window (or worker), if this context has it: browsers only offer it
/// in a secure context (HTTPS, or localhost).
fn subtle() -> Result<SubtleCrypto, KeyError> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .filter(|c| c.is_object())
        .ok_or(KeyError::NoWebCrypto)?
        .unchecked_into::<Crypto>();
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .filter(|s| s.is_object())
        .ok_or(KeyError::NoWebCrypto)?;
    Ok(subtle.unchecked_into())
}

fn ecdsa_sha256() -> EcdsaParams {
    EcdsaParams::new_with_str("ECDSA", "SHA-256")
}

/// Makes a new card key pair. The private key can sign and nothing else, and cannot be
/// exported.
pub async fn generate() -> Result<CardKeyPair, KeyError> {
    let subtle = subtle()?;
    let params = EcKeyGenParams::new("ECDSA", "P-256");
    let usages = Array::of1(&JsValue::from_str("sign"));
    // `extractable` applies to the private key; a public key is always exportable.
    let promise = subtle
        .generate_key_with_object(&params, false, &usages)
        .map_err(crypto_error)?;
    let pair: CryptoKeyPair = JsFuture::from(promise)
        .await
        .map_err(crypto_error)?
        .unchecked_into();
    let public = pair.get_public_key();
    let raw = JsFuture::from(subtle.export_key("raw", &public).map_err(crypto_error)?)
        .await
        .map_err(crypto_error)?;
    let bytes = Uint8Array::new(&raw.unchecked_into::<ArrayBuffer>()).to_vec();
    let public_key = CardKey::from_sec1_bytes(&bytes).map_err(|_| KeyError::BadPublicKey)?;
    Ok(CardKeyPair {
        private_key: pair.get_private_key(),
        public_key,
    })
}

/// Signs the code of `card_id` for time `step`: the `R2...` text for the QR.
pub async fn sign_code(key: &CryptoKey, card_id: CardId, step: u32) -> Result<String, KeyError> {
    let subtle = subtle()?;
    let message = Uint8Array::from(CardCode::rotating_message(card_id, step).as_slice());
    let promise = subtle
        .sign_with_object_and_js_u8_array(&ecdsa_sha256(), key, &message)
        .map_err(crypto_error)?;
    let signature = JsFuture::from(promise).await.map_err(crypto_error)?;
    let signature = Uint8Array::new(&signature.unchecked_into::<ArrayBuffer>()).to_vec();
    CardCode::rotating(card_id, step, &signature)
        .map(|code| code.encode())
        .ok_or_else(|| KeyError::Crypto(format!("a signature of {} bytes", signature.len())))
}

/// Why a card could not be taken onto this phone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TakeCardError {
    /// No key pair: nothing was asked of the server.
    #[error(transparent)]
    Key(KeyError),
    #[error(transparent)]
    Api(ApiError),
    /// The server made (or moved) the card, but this phone could not keep it. The recovery
    /// code, if the answer had one, is the way back.
    #[error("the card was made but not kept on this phone: {error}")]
    NotKept {
        recovery_code: Option<String>,
        error: OfflineError,
    },
}

impl TakeCardError {
    /// A sentence for people (with the recovery code, when the card was not kept).
    pub fn user_message(&self) -> String {
        match self {
            TakeCardError::Key(err) => err.user_message(),
            TakeCardError::Api(err) => err.user_message(),
            TakeCardError::NotKept {
                error,
                recovery_code,
            } => t(Msg::CardNotKept {
                why: error.to_string(),
                code: recovery_code.clone(),
            }),
        }
    }
}

/// Takes a card onto this phone: makes a key pair, lets `ask` get the card from the server
/// with the public key (its wire form), then keeps the card and the private key together.
/// Used to join, to move a card here, and to set a card up again.
pub async fn take_card(
    store: &Store,
    ask: impl AsyncFnOnce(String) -> Result<JoinResponse, ApiError>,
) -> Result<StoredCard, TakeCardError> {
    let pair = generate().await.map_err(TakeCardError::Key)?;
    let answer = ask(pair.public_key.to_base64())
        .await
        .map_err(TakeCardError::Api)?;
    let card = StoredCard::from_join(answer, clock::now());
    match store.put_card_with_key(&card, &pair.private_key).await {
        Ok(()) => Ok(card),
        Err(error) => Err(TakeCardError::NotKept {
            recovery_code: card.recovery_code,
            error,
        }),
    }
}

impl Store {
    /// Keeps `key` (the `CryptoKey` object itself) as the signing key of `card_id`, replacing
    /// any earlier one.
    pub async fn put_card_key(&self, card_id: CardId, key: &CryptoKey) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(KEYS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        put_key(&tx.object_store(KEYS)?, card_id, key).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The signing key of `card_id`, if this phone has it.
    pub async fn card_key(&self, card_id: CardId) -> Result<Option<CryptoKey>, OfflineError> {
        let tx = self.db.transaction(KEYS).build()?;
        let value: Option<JsValue> = tx
            .object_store(KEYS)?
            .get(card_id.to_string())
            .primitive()?
            .await?;
        // Anything else under the card's id is not a key this app wrote.
        Ok(value.and_then(|v| v.dyn_into::<CryptoKey>().ok()))
    }

    /// Forgets the signing key of `card_id`.
    pub async fn delete_card_key(&self, card_id: CardId) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(KEYS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(KEYS)?
            .delete(card_id.to_string())
            .primitive()?
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Keeps a card and its signing key in one transaction: both or neither (after joining,
    /// or moving a card to this phone).
    pub async fn put_card_with_key(
        &self,
        card: &StoredCard,
        key: &CryptoKey,
    ) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction([CARDS, KEYS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(CARDS)?.put(card).serde()?.await?;
        put_key(&tx.object_store(KEYS)?, card.card_id, key).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Keeps a new recovery code in the stored card. Returns the updated card, or `None` if
    /// the card is not on this phone.
    pub async fn set_recovery_code(
        &self,
        card_id: CardId,
        recovery_code: String,
    ) -> Result<Option<StoredCard>, OfflineError> {
        let tx = self
            .db
            .transaction(CARDS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(CARDS)?;
        let current: Option<StoredCard> = store.get(card_id.to_string()).serde()?.await?;
        let Some(mut card) = current else {
            return Ok(None);
        };
        card.recovery_code = Some(recovery_code);
        store.put(&card).serde()?.await?;
        tx.commit().await?;
        Ok(Some(card))
    }
}

async fn put_key(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    card_id: CardId,
    key: &CryptoKey,
) -> Result<(), OfflineError> {
    let value: &JsValue = key.as_ref();
    store
        .put(value.clone())
        .with_key(card_id.to_string())
        .without_key_type()
        .primitive()?
        .await?;
    Ok(())
}

/// Whether `key` can be exported (a card key never can): for tests and diagnostics.
pub fn is_extractable(key: &CryptoKey) -> bool {
    key.extractable()
}

/// The algorithm name and curve of `key`, for example `("ECDSA", "P-256")`.
pub fn algorithm(key: &CryptoKey) -> Option<(String, String)> {
    let algorithm: Object = key.algorithm().ok()?;
    let get = |name: &str| {
        Reflect::get(&algorithm, &JsValue::from_str(name))
            .ok()?
            .as_string()
    };
    Some((get("name")?, get("namedCurve")?))
}
