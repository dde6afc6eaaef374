//! The ledger's rules: what the server does with each pushed event. The handler
//! (`routes/sync.rs`) only authenticates and calls [`push`]; every rule lives here, by origin.
//!
//! Rules for till events (a paired device and the staff member at it):
//! - **Parsed one by one.** A batch is read event by event: one that does not parse, or whose
//!   time cannot be represented, is refused alone with a clear reason; the rest are stored.
//! - **Idempotent.** The id is the key: the same event again gets the first answer
//!   (`duplicate`, compared as parsed events); another event under a stored id is refused
//!   (`id_conflict`). Ids in the server's namespace (its compensations are UUIDv5) are refused
//!   (`reserved_id`): client events are UUIDv7. A device's sequence number is used once.
//! - **Times** ([`clock`]): an impossible time is replaced by the server's receive time for every
//!   rule and figure, kept as claimed and flagged `bad_clock`.
//! - **Card codes** ([`code`]): judged at the event's time (an online redemption at the server's
//!   own clock); a failed code is stored, flagged and balanced, except for an online redemption,
//!   which is refused.
//! - **Who acted** ([`staff`]): a till event names an active staff member of the shop; a
//!   redemption, reversal or adjustment also carries a proof from a staff session the server
//!   issued. Without it, or in a deactivated member's name, it is stored, flagged
//!   `unproven_staff` and balanced where it would credit the card (an online redemption is
//!   refused: the server decides now).
//! - **Judged by their own time**: a stamp given before the card was blocked is stored and
//!   flagged `before_block`; points follow the program version the event names.
//! - **Compensations** are events of the server's origin with a name-based id (UUIDv5 of the
//!   event they balance), naming that event: a retry never adds a second, and every insert is
//!   checked, so nothing can pre-empt one.

pub mod clock;
pub mod code;
pub mod offer;
pub mod phone;
pub mod staff;

use std::collections::HashMap;

use regulars_protocol::ledger::{MAX_CODE_LEN, MAX_HOLD, utc_time};
use regulars_protocol::program::minor_digits;
use regulars_protocol::wire::{PushResult, PushStatus};
use regulars_protocol::{
    Balance, CardId, CardKey, CompensationReason, DeviceId, Event, EventBody, EventId, Flag,
    Origin, Program, ProgramKind, Refusal, Reward, StaffId, StaffRole,
};
use time::OffsetDateTime;

use crate::auth::{DeviceAuth, PushingDevice};
use crate::db::{self, Tx, staff::StaffRow};
use crate::error::ApiError;
use crate::insights;
use crate::startup::AppState;

/// Most events one push may carry.
pub const MAX_BATCH: usize = 500;

/// Compensating events get a name-based id (UUIDv5) from the event they balance.
pub const COMPENSATION_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x8d3c_51f2_6a0e_4f7b_9c1d_2e5a_7b40_c6e1);

/// A push as it arrives: each event is parsed on its own, so one bad event is refused alone.
/// Events are kept as raw JSON text until then: a string that is valid JSON but no text (a lone
/// UTF-16 surrogate, as a damaged outbox record may hold) fails that event only.
#[derive(Debug, serde::Deserialize)]
pub struct RawPush {
    pub events: Vec<Box<serde_json::value::RawValue>>,
    #[serde(default)]
    pub sent_at: Option<Box<serde_json::value::RawValue>>,
}

impl RawPush {
    /// Reads a push body: only its shape (an object with a list of events) can refuse it whole.
    pub fn from_json(body: &[u8]) -> Result<Self, ApiError> {
        serde_json::from_slice(body).map_err(|e| {
            if e.is_data() {
                ApiError::validation("events", format!("events: {e}"))
            } else {
                ApiError::BadRequest {
                    code: "malformed_json",
                    message: "The request body is not valid JSON.".into(),
                }
            }
        })
    }
}

/// Stores a batch of events from this device in one transaction, idempotently by event id, and
/// answers per event in order. Only database failures are errors: they abort the batch, which
/// the tablet sends again.
pub async fn push(
    state: &AppState,
    pushing: &PushingDevice,
    raw: RawPush,
) -> Result<Vec<PushResult>, ApiError> {
    let device = &pushing.auth;
    if raw.events.is_empty() || raw.events.len() > MAX_BATCH {
        return Err(ApiError::validation(
            "events",
            format!("Push between 1 and {MAX_BATCH} events at a time."),
        ));
    }
    let sent_at = raw
        .sent_at
        .and_then(|v| serde_json::from_str::<Rfc3339>(v.get()).ok())
        .and_then(|t| utc_time(t.0).ok());
    let shop = db::shops::find(&state.db, device.shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {} vanished", device.shop_id))?;
    // Read before the transaction: making a missing key writes through the one writer.
    let printed_key = db::shops::printed_card_key(&state.db, &state.writer, device.shop_id).await?;
    let events: Vec<Result<Event, Box<PushResult>>> = raw.events.iter().map(|v| parse(v)).collect();
    let codes: Vec<(CardId, &str)> = events
        .iter()
        .filter_map(|e| e.as_ref().ok())
        .filter_map(|e| Some((e.card_id, e.code.as_deref()?)))
        .collect();
    let signatures =
        code::Signatures::check(&state.db, device.shop_id, printed_key, &codes).await?;
    let mut tx = state.writer.begin().await?;
    let Some(locked) = db::events::lock_shop_for_push(&mut tx, device.shop_id).await? else {
        return Err(anyhow::anyhow!("shop {} vanished", device.shop_id).into());
    };
    let clock_now = db::now();
    let clock = clock::Context {
        now: clock_now,
        shop_created: locked.created_at,
        last_push: db::devices::note_push(&mut tx, device.device_id).await?,
        sent_at,
    };
    let context = Context {
        currency: shop.currency,
        time_zone: shop.time_zone.clone(),
        printed_key,
        clock,
        locked,
        signatures,
    };
    let mut batch = Batch::load(&mut tx, state, device, context, &events).await?;
    let mut summaries = if state.settings.insight_summaries {
        insights::summaries::Recorder::new(device.shop_id, &shop.time_zone)
    } else {
        insights::summaries::Recorder::disabled(device.shop_id)
    };
    let mut cards: Vec<CardId> = batch.cards.keys().copied().collect();
    cards.sort();
    summaries.expect(&mut tx, &cards, clock_now).await?;
    batch.revoked_at = pushing.revoked_at;
    let mut results = Vec::with_capacity(raw.events.len());
    for parsed in events {
        let result = match parsed {
            Ok(event) => batch.store(&mut tx, &event, &mut summaries).await?,
            Err(refusal) => *refusal,
        };
        results.push(result);
    }
    batch.save(&mut tx).await?;
    summaries.finish(&mut tx).await?;
    tx.commit().await?;
    Ok(results)
}

#[derive(serde::Deserialize)]
struct Rfc3339(#[serde(with = "time::serde::rfc3339")] OffsetDateTime);

/// A till event from its JSON ([`read_one`]), with its times checked, or its refusal.
fn parse(raw: &serde_json::value::RawValue) -> Result<Event, Box<PushResult>> {
    let (id, event): (EventId, Event) = read_one(raw)?;
    let occurred_at = utc_time(event.occurred_at)
        .map_err(|e| Box::new(rejected_id(id, Refusal::InvalidEvent, e.to_string())))?;
    let scanned_at = event.scanned_at.map(utc_time).transpose().map_err(|_| {
        Box::new(rejected_id(
            id,
            Refusal::InvalidEvent,
            "scanned_at: the time cannot be represented (it must fall between 1970 and 9000)",
        ))
    })?;
    Ok(Event {
        occurred_at,
        scanned_at,
        ..event
    })
}

/// One pushed event of any origin from its JSON, with its id, or its refusal: the id when one
/// can be read (else the nil id; the answer's place in the list says which event it is), and
/// what is wrong, naming the field.
pub(crate) fn read_one<T: serde::de::DeserializeOwned>(
    raw: &serde_json::value::RawValue,
) -> Result<(EventId, T), Box<PushResult>> {
    /// Only the id: the other fields are skipped unread, so it is found even when they are bad.
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<String>,
    }
    let id = serde_json::from_str::<IdOnly>(raw.get())
        .ok()
        .and_then(|only| only.id)
        .and_then(|id| id.parse::<EventId>().ok())
        .unwrap_or(EventId(uuid::Uuid::nil()));
    let mut value: serde_json::Value = serde_json::from_str(raw.get()).map_err(|e| {
        Box::new(rejected_id(
            id,
            Refusal::InvalidEvent,
            format!("the event is not readable text: {e}"),
        ))
    })?;
    crate::error::integral_floats_to_integers(&mut value);
    let read: T = serde_path_to_error::deserialize(value).map_err(|e| {
        Box::new(rejected_id(
            id,
            Refusal::InvalidEvent,
            format!("{}: {}", e.path(), e.inner()),
        ))
    })?;
    Ok((id, read))
}

pub(crate) fn rejected_id(id: EventId, code: Refusal, reason: impl Into<String>) -> PushResult {
    PushResult {
        id,
        status: PushStatus::Rejected,
        seq: None,
        balance: None,
        code: Some(code),
        reason: Some(reason.into()),
        flags: vec![],
    }
}

fn rejected(event: &Event, code: Refusal, reason: impl Into<String>) -> PushResult {
    rejected_id(event.id, code, reason)
}

/// What a push reads before its batch: the shop's currency, its key for printed cards, the
/// clock's context and the shop's locked row.
struct Context {
    currency: String,
    time_zone: String,
    printed_key: CardKey,
    clock: clock::Context,
    locked: db::events::LockedShop,
    /// The batch's code signatures, checked before the transaction.
    signatures: code::Signatures,
}

/// What one push transaction knows: the program, rewards, staff and limits are read once per
/// batch, and each card once, then kept up to date in memory and written at the end. Which of
/// the batch's ids and device numbers the ledger already holds is asked once for the whole
/// batch; the shop's counter is taken under its lock and counted on here.
struct Batch {
    device: DeviceAuth,
    /// When the pushing tablet was unpaired, if it was.
    revoked_at: Option<OffsetDateTime>,
    staff_key: std::sync::Arc<[u8]>,
    currency: String,
    /// The shop's time zone: an offer's days and hours are the shop's.
    shop_clock: insights::local::ShopClock,
    clock: clock::Context,
    rule: db::shops::Rule,
    rewards: Vec<Reward>,
    offline_redemption_max_cost: Option<i64>,
    limits: regulars_protocol::wire::ShopLimits,
    staff: HashMap<StaffId, StaffRow>,
    /// Events the ledger held under this batch's ids before it began.
    known: HashMap<EventId, db::events::Stored>,
    /// The pushing tablet's sequence numbers taken, before the batch and by it.
    taken_seqs: std::collections::HashSet<i64>,
    /// Ids this batch stored (a repeat within the batch is read back from the ledger).
    stored_here: std::collections::HashSet<EventId>,
    /// Events stored but not yet written: they are written together, before anything of the
    /// batch reads the ledger back ([`Batch::write_pending`]) and before the commit.
    pending: Vec<Pending>,
    /// The shop's event counter: the last number taken, and where it stood at the start.
    seq: i64,
    seq_at_start: i64,
    cards: HashMap<CardId, Option<CardState>>,
    signatures: code::Signatures,
}

struct CardState {
    revoked_at: Option<OffsetDateTime>,
    keys: code::CardKeys,
    balance: Balance,
    /// The shop counter value of this batch's last event for the card, if any.
    changed_at: Option<i64>,
}

impl CardState {
    fn of(card: db::cards::CardRow, balance: Option<Balance>, printed_key: CardKey) -> Self {
        CardState {
            revoked_at: card.revoked_at,
            keys: code::CardKeys {
                card_id: card.id,
                key: card
                    .public_key
                    .as_deref()
                    .and_then(|k| CardKey::from_base64(k).ok()),
                printed: card.printed,
                printed_key,
            },
            balance: balance.unwrap_or_default(),
            changed_at: None,
        }
    }
}

/// An event the batch stored, waiting to be written with the others ([`Batch::write_pending`]).
struct Pending {
    seq: i64,
    event: Event,
    occurred_at: OffsetDateTime,
    claimed_at: Option<OffsetDateTime>,
    balance_after: Balance,
    flags: Vec<Flag>,
    redemption_ordinal: Option<i64>,
    compensates: Option<EventId>,
}

/// An accepted event's marks, and whether the server balances it (with the reason).
#[derive(Debug, Default)]
struct Verdict {
    flags: Vec<Flag>,
    compensate: Option<CompensationReason>,
    /// What the compensation takes back when it is not the whole event (an offer's extra
    /// points on a purchase that stands).
    compensate_amount: Option<i64>,
}

impl Verdict {
    fn flag(&mut self, flag: Flag) {
        if !self.flags.contains(&flag) {
            self.flags.push(flag);
        }
    }

    /// Flags the event and balances it (the first reason found stands).
    fn balance(&mut self, flag: Flag, reason: CompensationReason) {
        self.flag(flag);
        self.compensate.get_or_insert(reason);
    }

    /// Flags the event and takes back `amount` of what it added, unless it is already balanced
    /// whole.
    fn balance_part(&mut self, flag: Flag, reason: CompensationReason, amount: i64) {
        self.flag(flag);
        if self.compensate.is_none() {
            self.compensate = Some(reason);
            self.compensate_amount = Some(amount);
        }
    }
}

impl Batch {
    async fn load(
        tx: &mut Tx,
        state: &AppState,
        device: &DeviceAuth,
        context: Context,
        events: &[Result<Event, Box<PushResult>>],
    ) -> Result<Self, ApiError> {
        let rule = db::shops::rule(&mut **tx, device.shop_id, None)
            .await?
            .ok_or_else(|| anyhow::anyhow!("shop {} has no program", device.shop_id))?;
        let parsed = || events.iter().filter_map(|e| e.as_ref().ok());
        let ids: Vec<EventId> = parsed().map(|e| e.id).collect();
        let seqs: Vec<i64> = parsed()
            .filter(|e| e.device_id == device.device_id)
            .map(|e| e.device_seq)
            .collect();
        let locked = context.locked;
        let mut card_ids: Vec<CardId> = parsed().map(|e| e.card_id).collect();
        card_ids.sort();
        card_ids.dedup();
        let mut balances = db::events::balances_of(tx, &card_ids).await?;
        let mut cards: HashMap<CardId, Option<CardState>> =
            card_ids.iter().map(|id| (*id, None)).collect();
        for card in db::cards::find_many(&mut **tx, device.shop_id, &card_ids).await? {
            let id = card.id;
            let state = CardState::of(card, balances.remove(&id), context.printed_key);
            cards.insert(id, Some(state));
        }
        Ok(Self {
            device: *device,
            revoked_at: None,
            staff_key: state.keys.staff_sessions.clone(),
            shop_clock: insights::local::ShopClock::or_utc(&context.time_zone),
            currency: context.currency,
            clock: context.clock,
            rule,
            rewards: db::shops::rewards(&mut **tx, device.shop_id).await?,
            offline_redemption_max_cost: locked.offline_redemption_max_cost,
            limits: locked.limits,
            staff: db::staff::list(&mut **tx, device.shop_id)
                .await?
                .into_iter()
                .map(|s| (s.id, s))
                .collect(),
            known: db::events::find_many(tx, &ids).await?,
            taken_seqs: db::events::device_seqs_taken(tx, device.device_id, &seqs).await?,
            stored_here: Default::default(),
            pending: Vec::new(),
            seq: locked.seq,
            seq_at_start: locked.seq,
            cards,
            signatures: context.signatures,
        })
    }

    /// The next number of the shop's event counter (written back by [`Batch::save`]).
    fn next_seq(&mut self) -> i64 {
        self.seq += 1;
        self.seq
    }

    /// The batch's state of one of its cards (every card the batch names was read at its start;
    /// `None`: no such card at this shop).
    fn card(&mut self, card_id: CardId) -> Option<&mut CardState> {
        self.cards.get_mut(&card_id).and_then(Option::as_mut)
    }

    /// Stores one till event, or says why not.
    async fn store(
        &mut self,
        tx: &mut Tx,
        event: &Event,
        summaries: &mut insights::summaries::Recorder,
    ) -> Result<PushResult, ApiError> {
        let repeated = if self.stored_here.contains(&event.id) {
            self.write_pending(tx).await?;
            db::events::find(tx, event.id).await?
        } else {
            None
        };
        if let Some(stored) = repeated.as_ref().or_else(|| self.known.get(&event.id)) {
            if stored.shop_id == self.device.shop_id && stored.event == *event {
                return Ok(PushResult {
                    id: event.id,
                    status: PushStatus::Duplicate,
                    seq: Some(stored.seq),
                    balance: Some(stored.balance_after),
                    code: None,
                    reason: None,
                    flags: vec![],
                });
            }
            return Ok(rejected(
                event,
                Refusal::IdConflict,
                "Another event was already recorded with this id.",
            ));
        }
        if event.id.0.get_version_num() != 7 {
            return Ok(rejected(
                event,
                Refusal::ReservedId,
                "Event ids are UUIDv7, made on the device; other ids are the server's.",
            ));
        }
        if event.origin != Origin::Till {
            return Ok(rejected(
                event,
                Refusal::InvalidEvent,
                "origin: a tablet pushes till events only",
            ));
        }
        if event.device_id != self.device.device_id {
            return Ok(rejected(
                event,
                Refusal::WrongDevice,
                "This event names another device.",
            ));
        }
        if event.device_seq < 1 {
            return Ok(rejected(
                event,
                Refusal::InvalidEvent,
                "device_seq: must count from 1",
            ));
        }
        if event.code.as_ref().is_some_and(|c| c.len() > MAX_CODE_LEN) {
            return Ok(rejected(
                event,
                Refusal::InvalidEvent,
                format!("code: at most {MAX_CODE_LEN} characters"),
            ));
        }
        if let Err(invalid) = event.body.validate() {
            return Ok(rejected(event, Refusal::InvalidEvent, invalid.to_string()));
        }
        if self.taken_seqs.contains(&event.device_seq) {
            return Ok(rejected(
                event,
                Refusal::InvalidEvent,
                "device_seq: this tablet already recorded another event under this number",
            ));
        }
        let Some(staff_id) = event.staff_id else {
            return Ok(rejected(
                event,
                Refusal::StaffRequired,
                "A till event names the staff member who made it.",
            ));
        };
        let Some(member) = self.staff.get(&staff_id).cloned() else {
            return Ok(rejected(
                event,
                Refusal::UnknownStaff,
                "No such staff member at this shop.",
            ));
        };
        let timing = clock::judge(event.occurred_at, &self.clock);
        let at = timing.at;
        let (balance, keys, revoked_at) = match self.card(event.card_id) {
            None => {
                return Ok(rejected(
                    event,
                    Refusal::UnknownCard,
                    "No card with this id at this shop.",
                ));
            }
            Some(card) => (card.balance, card.keys, card.revoked_at),
        };
        let online_redemption =
            matches!(event.body, EventBody::RewardRedeemed { offline: false, .. });
        let mut verdict = Verdict {
            flags: timing.flags.clone(),
            compensate: None,
            compensate_amount: None,
        };
        // An unpaired tablet: what it made before the unpairing still stands (flagged), what it
        // made after does not, and an online redemption is decided now. A time the server could
        // not keep (`bad_clock`) proves nothing, so it counts as after.
        if let Some(revoked) = self.revoked_at {
            if online_redemption || timing.claimed.is_some() || at > revoked + clock::MAX_CLOCK_SKEW
            {
                return Ok(rejected(
                    event,
                    Refusal::DeviceRevoked,
                    "This tablet was unpaired before this was made.",
                ));
            }
            verdict.flag(Flag::DeviceRevoked);
        }
        // Judged by its own time: made before the card was blocked, it stands (flagged). An
        // online redemption is decided now.
        match revoked_at {
            Some(blocked) if at < blocked && !online_redemption => verdict.flag(Flag::BeforeBlock),
            Some(_) => {
                return Ok(rejected(
                    event,
                    Refusal::CardRevoked,
                    "This card has been blocked by the shop.",
                ));
            }
            None => {}
        }
        // Who acted.
        let active_then = member.deactivated_at.is_none_or(|until| at < until);
        if !active_then {
            verdict.flag(Flag::StaffDeactivated);
        }
        if event.body.needs_staff_proof() {
            let proven = staff::proves(
                tx,
                &self.staff_key,
                self.device.shop_id,
                event,
                event.staff_proof.as_ref(),
                at,
            )
            .await?;
            if !proven || !active_then {
                if online_redemption {
                    return Ok(rejected(
                        event,
                        Refusal::StaffProofRequired,
                        "Switch to yourself with your PIN first: a reward needs the staff member's own session.",
                    ));
                }
                verdict.flag(Flag::UnprovenStaff);
                if event.body.delta() > 0 {
                    verdict
                        .compensate
                        .get_or_insert(CompensationReason::UnprovenStaff);
                }
            }
        }
        // The card's code.
        if !matches!(
            event.body,
            EventBody::Reversal { .. } | EventBody::Adjustment { .. }
        ) {
            let use_ = match event.body {
                EventBody::RewardRedeemed { offline: false, .. } => code::Use::RedeemOnline,
                EventBody::RewardRedeemed { offline: true, .. } => code::Use::RedeemOffline,
                _ => code::Use::Earn,
            };
            // The code is judged when it was scanned, if the till held the customer no longer
            // than it may; an online redemption is decided by the server's clock, from a scan
            // it can vouch for (within the hold of now).
            let reference = if online_redemption {
                self.clock.now
            } else {
                at
            };
            let code_at = match event.scanned_at {
                Some(scanned) if timing.claimed.is_none() => {
                    let held = reference - scanned;
                    if (-clock::MAX_CLOCK_SKEW..=MAX_HOLD).contains(&held) {
                        scanned
                    } else {
                        verdict.flag(Flag::HeldTooLong);
                        reference
                    }
                }
                _ => reference,
            };
            let judgement = code::judge(
                tx,
                &keys,
                event.code.as_deref(),
                code_at,
                use_,
                self.device.device_id,
                &self.signatures,
            )
            .await?;
            match judgement {
                code::Judgement::Accepted(_) => {}
                code::Judgement::Refused(refusal) => {
                    let words = code_refusal_words(&refusal);
                    return Ok(rejected(event, refusal, words));
                }
                code::Judgement::Failed(reason) if online_redemption => {
                    return Ok(rejected(
                        event,
                        Refusal::from(reason),
                        crate::routes::till::sentence(reason),
                    ));
                }
                code::Judgement::Failed(reason) => {
                    verdict.balance(Flag::from(reason), CompensationReason::CodeFailed);
                }
                code::Judgement::Unverified if use_ == code::Use::Earn => {
                    verdict.flag(Flag::Unverified);
                }
                code::Judgement::Unverified => {
                    verdict.balance(Flag::Unverified, CompensationReason::CodeFailed);
                }
            }
        }
        // The ledger is read back by a reversal's rules (and its summary), and by the stamp
        // limits: the batch's events so far are written first.
        let limited =
            self.limits.card_daily_limit.is_some() || self.limits.staff_hourly_limit.is_some();
        if matches!(event.body, EventBody::Reversal { .. }) || limited {
            self.write_pending(tx).await?;
        }
        if let Err(refusal) = self
            .check_rules(tx, event, at, &balance, &mut verdict)
            .await?
        {
            return Ok(refusal);
        }
        verdict.flags.extend(self.limit_flags(tx, event, at).await?);
        let ordinal = match (&event.body, &verdict.compensate) {
            (EventBody::RewardRedeemed { .. }, None) => {
                self.write_pending(tx).await?;
                Some(db::events::next_redemption_ordinal(tx, event.card_id).await?)
            }
            _ => None,
        };
        let seq = self.next_seq();
        let mut after = balance;
        after.apply(&event.body);
        let taken_back = verdict
            .compensate_amount
            .unwrap_or_else(|| event.body.delta());
        let compensation = verdict.compensate.as_ref().map(|reason| Event {
            id: EventId(uuid::Uuid::new_v5(
                &COMPENSATION_NAMESPACE,
                event.id.0.as_bytes(),
            )),
            card_id: event.card_id,
            device_id: DeviceId(uuid::Uuid::nil()),
            device_seq: 0,
            staff_id: None,
            occurred_at: at,
            body: EventBody::Adjustment {
                delta: taken_back.saturating_neg(),
                reason: reason.as_str().to_owned(),
            },
            code: None,
            staff_proof: None,
            origin: Origin::Server,
            scanned_at: None,
        });
        let mut final_balance = after;
        if let Some(compensation) = &compensation {
            final_balance.apply(&compensation.body);
        }
        // A retry of the event gets this same answer: the balance after the event and
        // anything the server added for it.
        self.pending.push(Pending {
            seq,
            event: event.clone(),
            occurred_at: at,
            claimed_at: timing.claimed,
            balance_after: final_balance,
            flags: verdict.flags.clone(),
            redemption_ordinal: ordinal,
            compensates: None,
        });
        self.stored_here.insert(event.id);
        self.taken_seqs.insert(event.device_seq);
        let mut last_seq = seq;
        if let Some(compensation) = compensation.clone() {
            self.stored_here.insert(compensation.id);
            last_seq = self.next_seq();
            self.pending.push(Pending {
                seq: last_seq,
                event: compensation,
                occurred_at: at,
                claimed_at: None,
                balance_after: final_balance,
                flags: vec![Flag::Compensation],
                redemption_ordinal: None,
                compensates: Some(event.id),
            });
        }
        if compensation.is_none() {
            self.summarize(tx, event, at, summaries).await?;
        }
        if let Some(card) = self.card(event.card_id) {
            card.balance = final_balance;
            card.changed_at = Some(last_seq);
        }
        Ok(PushResult {
            id: event.id,
            status: PushStatus::Accepted,
            seq: Some(seq),
            balance: Some(final_balance),
            code: None,
            reason: None,
            flags: verdict.flags,
        })
    }

    /// What a stored event the server did not balance changes in the insight summaries.
    async fn summarize(
        &self,
        tx: &mut Tx,
        event: &Event,
        at: OffsetDateTime,
        summaries: &mut insights::summaries::Recorder,
    ) -> Result<(), ApiError> {
        use insights::visits::{Earning, Redemption};
        match &event.body {
            EventBody::StampsIssued { .. } | EventBody::PointsEarned { .. } => {
                let earning = Earning {
                    card_id: event.card_id,
                    at,
                    location_id: Some(self.device.location_id),
                    amount_minor: event.body.amount_minor(),
                    category: event.body.category().map(str::to_owned),
                    date_only: false,
                };
                summaries.earning(tx, &earning, 1).await?;
            }
            EventBody::RewardRedeemed { reward_id, .. } => {
                let redemption = Redemption {
                    at,
                    location_id: Some(self.device.location_id),
                    value_minor: self
                        .rewards
                        .iter()
                        .find(|r| r.id == *reward_id)
                        .and_then(|r| r.value_minor),
                };
                summaries.redemption(&redemption, 1);
            }
            EventBody::Reversal { reverses, .. } => {
                match db::insights::reversed(tx, *reverses).await? {
                    db::insights::Reversed::Earning(e) => summaries.earning(tx, &e, -1).await?,
                    db::insights::Reversed::Redemption(r) => summaries.redemption(&r, -1),
                    db::insights::Reversed::Other => {}
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Writes the events stored since the last write, in as few statements as may be. Every
    /// one must go in: one that does not (an id, a device number, a redemption ordinal or a
    /// compensation taken meanwhile) aborts the whole batch.
    async fn write_pending(&mut self, tx: &mut Tx) -> Result<(), ApiError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let rows: Vec<db::events::NewRow<'_>> = pending
            .iter()
            .map(|p| db::events::NewRow {
                shop_id: self.device.shop_id,
                seq: p.seq,
                location_id: Some(self.device.location_id),
                event: &p.event,
                occurred_at: p.occurred_at,
                claimed_at: p.claimed_at,
                balance_after: &p.balance_after,
                flags: &p.flags,
                redemption_ordinal: p.redemption_ordinal,
                compensates: p.compensates,
            })
            .collect();
        let inserted = db::events::insert_many(tx, &rows).await?;
        if inserted != rows.len() as u64 {
            return Err(anyhow::anyhow!(
                "{} of the batch's {} events were not stored (pre-empted)",
                rows.len() as u64 - inserted,
                rows.len()
            )
            .into());
        }
        Ok(())
    }

    /// Writes the events not yet written, the shop's event counter, and the balance cache and
    /// the directory cursor of every card the batch changed.
    async fn save(&mut self, tx: &mut Tx) -> Result<(), ApiError> {
        self.write_pending(tx).await?;
        if self.seq != self.seq_at_start {
            db::events::set_seq(tx, self.device.shop_id, self.seq).await?;
        }
        let changed: Vec<(CardId, Balance, i64)> = self
            .cards
            .iter()
            .filter_map(|(card_id, card)| match card {
                Some(CardState {
                    balance,
                    changed_at: Some(seq),
                    ..
                }) => Some((*card_id, *balance, *seq)),
                _ => None,
            })
            .collect();
        db::events::set_balances(tx, self.device.shop_id, &changed).await?;
        let marks: Vec<(CardId, i64)> = changed.iter().map(|(id, _, seq)| (*id, *seq)).collect();
        db::cards::mark_many_changed(tx, &marks).await?;
        Ok(())
    }

    /// The program's rules for each kind of event: a refusal, or acceptance with any marks
    /// for the owner added to `verdict`.
    async fn check_rules(
        &self,
        tx: &mut Tx,
        event: &Event,
        at: OffsetDateTime,
        balance: &Balance,
        verdict: &mut Verdict,
    ) -> Result<Result<(), PushResult>, ApiError> {
        let refuse = |code: Refusal, reason: String| Ok(Err(rejected(event, code, reason)));
        match &event.body {
            EventBody::StampsIssued { .. } if self.rule.kind != ProgramKind::Stamps => refuse(
                Refusal::WrongProgramKind,
                "This shop's program collects points, not stamps.".into(),
            ),
            EventBody::StampsIssued { .. } => Ok(Ok(())),
            EventBody::PointsEarned {
                amount_minor,
                points,
                program_version,
                ..
            } => {
                // Judged by the program version the event names.
                let rule = if *program_version == self.rule.version {
                    Some(self.rule)
                } else {
                    db::shops::rule(&mut **tx, self.device.shop_id, Some(*program_version)).await?
                };
                match rule {
                    None => refuse(
                        Refusal::UnknownProgramVersion,
                        "This program version does not exist.".into(),
                    ),
                    Some(rule) if rule.kind != ProgramKind::Points => refuse(
                        Refusal::WrongProgramKind,
                        "This shop's program collects stamps, not points.".into(),
                    ),
                    Some(rule) => {
                        let program = Program {
                            version: rule.version,
                            kind: rule.kind,
                            stamps_per_visit: rule.stamps_per_visit,
                            points_per_unit: rule.points_per_unit,
                            rewards: vec![],
                            offline_redemption_max_cost: None,
                            categories: vec![],
                        };
                        let expected =
                            program.points_for(*amount_minor, minor_digits(&self.currency));
                        if event.body.offer().is_some() {
                            // The offer's rule checks the points with its multiplier.
                            self.apply_offer(tx, event, at, Some(expected), verdict)
                                .await
                        } else if expected == *points {
                            Ok(Ok(()))
                        } else {
                            refuse(
                                Refusal::PointsMismatch,
                                format!("This purchase earns {expected} points, not {points}."),
                            )
                        }
                    }
                }
            }
            EventBody::RewardRedeemed {
                reward_id,
                cost,
                offline,
            } => {
                let Some(reward) = self.rewards.iter().find(|r| r.id == *reward_id) else {
                    return refuse(
                        Refusal::UnknownReward,
                        "This shop has no such reward.".into(),
                    );
                };
                if *offline {
                    // The reward was already handed over: store the fact, and mark what was wrong.
                    if self
                        .offline_redemption_max_cost
                        .is_none_or(|max| reward.cost > max || *cost > max)
                    {
                        verdict.flag(Flag::OfflineNotAllowed);
                    }
                    if !reward.active {
                        verdict.flag(Flag::RewardRetired);
                    }
                    if reward.cost != *cost {
                        verdict.flag(Flag::RewardCostChanged);
                    }
                    if verdict.compensate.is_none() && balance.check_redemption(*cost).is_err() {
                        verdict.balance(
                            Flag::DoubleRedemption,
                            CompensationReason::RedemptionNotCovered,
                        );
                    }
                    Ok(Ok(()))
                } else if !reward.active {
                    refuse(
                        Refusal::RewardRetired,
                        format!("{} is no longer offered.", reward.name),
                    )
                } else if reward.cost != *cost {
                    refuse(
                        Refusal::RewardCostChanged,
                        format!(
                            "{} now costs {}. Look the card up again.",
                            reward.name, reward.cost
                        ),
                    )
                } else if balance.check_redemption(*cost).is_err() {
                    refuse(
                        Refusal::NotEnough,
                        format!(
                            "Not enough for {}: the card has {}, it costs {}.",
                            reward.name, balance.balance, cost
                        ),
                    )
                } else {
                    Ok(Ok(()))
                }
            }
            EventBody::OfferUsed { .. } => self.apply_offer(tx, event, at, None, verdict).await,
            EventBody::Adjustment { .. } => refuse(
                Refusal::NotAllowed,
                "Corrections are made by a manager, not from the till.".into(),
            ),
            EventBody::Reversal {
                reverses, delta, ..
            } => {
                self.check_reversal(tx, event, at, balance, *reverses, *delta, verdict)
                    .await
            }
            EventBody::Unknown => refuse(
                Refusal::InvalidEvent,
                "This kind of event is not known.".into(),
            ),
        }
    }

    /// An event's use of an offer ([`offer`]): refused, stored and balanced, or recorded as a
    /// use that stands (only when nothing else balances the event).
    async fn apply_offer(
        &self,
        tx: &mut Tx,
        event: &Event,
        at: OffsetDateTime,
        base_points: Option<i64>,
        verdict: &mut Verdict,
    ) -> Result<Result<(), PushResult>, ApiError> {
        let judged = offer::judge(
            tx,
            self.device.shop_id,
            &self.shop_clock,
            event,
            at,
            base_points,
        )
        .await?;
        match judged {
            offer::Judgement::None => Ok(Ok(())),
            offer::Judgement::Refused(code, words) => Ok(Err(rejected(event, code, words))),
            offer::Judgement::Broken { flag, amount } if amount > 0 => {
                verdict.balance_part(flag, offer::REASON, amount);
                Ok(Ok(()))
            }
            offer::Judgement::Broken { flag, .. } => {
                verdict.flag(flag);
                Ok(Ok(()))
            }
            offer::Judgement::Stands(used) if verdict.compensate.is_none() => {
                let recorded = db::offers::insert_use(
                    tx,
                    &db::offers::NewUse {
                        shop_id: self.device.shop_id,
                        offer_id: used.offer_id,
                        offer_version: used.offer_version,
                        card_id: event.card_id,
                        use_no: used.use_no,
                        event_id: event.id,
                        occurred_at: at,
                    },
                )
                .await?;
                if !recorded {
                    return Err(anyhow::anyhow!(
                        "offer {} use {} of card {} was taken meanwhile",
                        used.offer_id,
                        used.use_no,
                        event.card_id
                    )
                    .into());
                }
                Ok(Ok(()))
            }
            // Balanced for another reason: the use does not stand.
            offer::Judgement::Stands(_) => Ok(Ok(())),
        }
    }

    /// A reversal undoes one earlier event of the same card and shop, once, with the opposite
    /// delta, and never takes the balance below zero. A manager (or the owner) may reverse any
    /// such event; a cashier only their own last action on this tablet, within two minutes of
    /// it ([`regulars_protocol::staff::may_reverse`]), measured on the server's clock where it
    /// can be (from when the server stored the event to now) and never shorter than on the
    /// tablet's. A reversal of a redemption or of a compensation is flagged; an event the
    /// server already compensated cannot be reversed. Accepted, it is noted in `reversals` in
    /// this same transaction (nothing after this check refuses an event), so a second reversal
    /// of the event, in this batch or a later one, is refused.
    #[allow(clippy::too_many_arguments)]
    async fn check_reversal(
        &self,
        tx: &mut Tx,
        event: &Event,
        at: OffsetDateTime,
        balance: &Balance,
        reverses: EventId,
        delta: i64,
        verdict: &mut Verdict,
    ) -> Result<Result<(), PushResult>, ApiError> {
        let refuse = |code: Refusal, reason: String| Ok(Err(rejected(event, code, reason)));
        let Some(original) = db::events::reversible(tx, reverses)
            .await?
            .filter(|o| o.shop_id == self.device.shop_id)
        else {
            return refuse(
                Refusal::UnknownEvent,
                "There is no such event at this shop to reverse.".into(),
            );
        };
        if original.card_id != event.card_id {
            return refuse(
                Refusal::WrongCard,
                "The event to reverse belongs to another card.".into(),
            );
        }
        if original.kind == "reversal" {
            return refuse(
                Refusal::NotReversible,
                "A reversal cannot be reversed.".into(),
            );
        }
        if delta != original.delta.saturating_neg() {
            return refuse(
                Refusal::WrongDelta,
                format!(
                    "Reversing this event changes the balance by {}, not {delta}.",
                    original.delta.saturating_neg()
                ),
            );
        }
        if db::events::is_reversed(tx, reverses).await? {
            return refuse(
                Refusal::AlreadyReversed,
                "This event was already reversed.".into(),
            );
        }
        if db::events::is_compensated(tx, reverses).await? {
            return refuse(
                Refusal::AlreadyCompensated,
                "Regulars already balanced this event; the owner reviews it.".into(),
            );
        }
        let staff_id = event.staff_id.expect("checked before the rules");
        let role = self
            .staff
            .get(&staff_id)
            .map(|s| s.role)
            .unwrap_or(StaffRole::Cashier);
        let own =
            original.staff_id == Some(staff_id) && original.device_id == Some(event.device_id);
        let last = own
            && db::events::last_action(tx, event.device_id, staff_id, event.device_seq).await?
                == Some(reverses);
        let elapsed = (self.clock.now - original.recorded_at).max(at - original.occurred_at);
        if let Err(why) = regulars_protocol::staff::may_reverse(role, own, last, elapsed) {
            return refuse(
                Refusal::NotAllowed,
                format!("Only a manager can reverse this: {why}."),
            );
        }
        if balance.balance.saturating_add(delta) < 0 {
            return refuse(
                Refusal::NotEnough,
                format!(
                    "The card has {} left: not enough to take back {}.",
                    balance.balance,
                    delta.saturating_neg()
                ),
            );
        }
        if original.kind == "reward_redeemed" {
            verdict.flag(Flag::ReversesRedemption);
        }
        if original.origin == Origin::Server {
            verdict.flag(Flag::ReversesCompensation);
        }
        if original.kind == "offer_used" || original.kind == "points_earned" {
            // A use undone is not a use: the member may use the offer again.
            db::offers::drop_use(tx, reverses).await?;
        }
        db::events::record_reversal(tx, self.device.shop_id, reverses, event.id).await?;
        Ok(Ok(()))
    }

    /// The owner's limits: a visit that takes its card over the stamps allowed in 24 hours, or
    /// its staff member over the stamps allowed in an hour (points programs: purchases), is
    /// stored as usual and flagged `card_daily_limit` or `staff_hourly_limit` for review.
    async fn limit_flags(
        &self,
        tx: &mut Tx,
        event: &Event,
        at: OffsetDateTime,
    ) -> Result<Vec<Flag>, ApiError> {
        let this = match &event.body {
            EventBody::StampsIssued { count, .. } => *count,
            EventBody::PointsEarned { .. } => 1,
            _ => return Ok(vec![]),
        };
        let limits = self.limits;
        let mut flags = vec![];
        if let Some(max) = limits.card_daily_limit {
            let before =
                db::events::card_earned(tx, event.card_id, at - time::Duration::days(1), at)
                    .await?;
            if before.saturating_add(this) > max {
                flags.push(Flag::CardDailyLimit);
            }
        }
        if let (Some(max), Some(staff_id)) = (limits.staff_hourly_limit, event.staff_id) {
            let before =
                db::events::staff_earned(tx, staff_id, at - time::Duration::hours(1), at).await?;
            if before.saturating_add(this) > max {
                flags.push(Flag::StaffHourlyLimit);
            }
        }
        Ok(flags)
    }
}

/// The reason for a refusal about the code itself, for people.
fn code_refusal_words(refusal: &Refusal) -> String {
    match refusal {
        Refusal::CodeRequired => "Scan the card: a reward needs the card's own code.".into(),
        Refusal::CodeCardMismatch => "The code belongs to another card than the event.".into(),
        Refusal::InvalidCode => "code: this is not a Regulars card code.".into(),
        other => other.as_str().replace('_', " "),
    }
}
