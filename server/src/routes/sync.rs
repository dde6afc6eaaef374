//! Sync: a device pushes a batch of events; the server stores them in one transaction and
//! answers per event. Pushing the same batch again changes nothing.

use axum::extract::State;
use regulars_protocol::ledger::Balance;
use regulars_protocol::program::minor_digits;
use regulars_protocol::wire::{
    ApiErrorBody, PullResponse, PushRequest, PushResponse, PushResult, PushStatus,
};
use std::collections::{HashMap, HashSet};

use regulars_protocol::{
    CardCode, CardId, CardKey, CodeRefused, Event, EventBody, EventId, Program, ProgramKind,
    Reward, StaffId, Verified,
};

use crate::auth::DeviceAuth;
use crate::db::{self, Tx};
use crate::error::{ApiError, Json, Query};
use crate::routes::till::till_program;
use crate::startup::AppState;

/// Most events one push may carry.
pub const MAX_BATCH: usize = 500;
/// A device clock further off than this marks the events it stamps.
const MAX_CLOCK_SKEW_MINUTES: i64 = 5;
const CLOCK_SKEW: &str = "clock_skew";
const DOUBLE_REDEMPTION: &str = "double_redemption";
const COMPENSATION: &str = "compensation";
/// Over the owner's limits (stored and flagged, never refused).
const CARD_DAILY_LIMIT: &str = "card_daily_limit";
const STAFF_HOURLY_LIMIT: &str = "staff_hourly_limit";
/// An event whose card code could not be checked (no code from an older till, or a card
/// without a key yet).
const UNVERIFIED: &str = "unverified";
const CODE_REQUIRED: &str = "code_required";
/// Compensating events get a name-based id (UUIDv5) from the event they balance, so a retried
/// push can never add a second one.
const COMPENSATION_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x8d3c_51f2_6a0e_4f7b_9c1d_2e5a_7b40_c6e1);
/// Most cards one pull returns.
const PULL_PAGE: i64 = 500;

/// Offline facts are never refused, but a device whose clock is far off gets its events marked
/// for the owner's review (their times may be wrong).
fn clock_flags(sent_at: Option<time::OffsetDateTime>) -> Vec<String> {
    match sent_at {
        Some(sent)
            if (sent - db::now()).abs() > time::Duration::minutes(MAX_CLOCK_SKEW_MINUTES) =>
        {
            vec![CLOCK_SKEW.to_string()]
        }
        _ => vec![],
    }
}

/// Query of `GET /api/v1/sync/pull`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullQuery {
    /// The `cursor` of the last answer; 0 or absent for everything.
    #[serde(default)]
    #[param(minimum = 0)]
    pub cursor: i64,
}

/// The tablet's sync: the program and the card directory entries changed after its cursor.
#[utoipa::path(get, path = "/api/v1/sync/pull", tag = "till", params(PullQuery),
    responses((status = 200, body = PullResponse), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody)),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn pull(
    State(state): State<AppState>,
    device: DeviceAuth,
    Query(query): Query<PullQuery>,
) -> Result<Json<PullResponse>, ApiError> {
    let after = query.cursor.max(0);
    let cards = db::cards::changed_since(&state.db, device.shop_id, after, PULL_PAGE).await?;
    let cursor = cards.last().map(|c| c.changed_seq).unwrap_or(after);
    Ok(Json(PullResponse {
        cursor,
        more: cards.len() as i64 == PULL_PAGE,
        till: till_program(&state, device.shop_id, device.location_id).await?,
        cards,
    }))
}

/// Stores a batch of events from this device, idempotently by event id.
#[utoipa::path(post, path = "/api/v1/sync/push", tag = "till", request_body = PushRequest,
    responses(
        (status = 200, description = "One result per event, in order", body = PushResponse),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 413, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err, fields(events = req.events.len()))]
pub async fn push(
    State(state): State<AppState>,
    device: DeviceAuth,
    Json(req): Json<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    if req.events.is_empty() || req.events.len() > MAX_BATCH {
        return Err(ApiError::validation(
            "events",
            format!("Push between 1 and {MAX_BATCH} events at a time."),
        ));
    }
    let shop = db::shops::find(&state.db, device.shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {} vanished", device.shop_id))?;
    // Read before the transaction: making a missing key writes through the one writer.
    let printed_key =
        CardKey::from(&db::shops::printed_card_signer(&state.writer, device.shop_id).await?);
    let mut tx = state.writer.begin().await?;
    if !db::events::lock_shop(&mut tx, device.shop_id).await? {
        return Err(anyhow::anyhow!("shop {} vanished", device.shop_id).into());
    }
    let mut batch = Batch::load(&mut tx, &device, shop.currency, clock_flags(req.sent_at)).await?;
    batch.printed_key = Some(printed_key);
    let mut results = Vec::with_capacity(req.events.len());
    for event in &req.events {
        results.push(batch.store(&mut tx, event).await?);
    }
    batch.save_balances(&mut tx).await?;
    tx.commit().await?;
    Ok(Json(PushResponse { results }))
}

fn rejected(event: &Event, code: &str, reason: impl Into<String>) -> PushResult {
    PushResult {
        id: event.id,
        status: PushStatus::Rejected,
        seq: None,
        balance: None,
        code: Some(code.to_string()),
        reason: Some(reason.into()),
        flags: vec![],
    }
}

/// What one push transaction knows: the program, rewards and staff are read once per batch,
/// and each card's balance once, then kept up to date in memory and written at the end.
struct Batch {
    device: DeviceAuth,
    currency: String,
    flags: Vec<String>,
    rule: db::shops::Rule,
    rewards: Vec<Reward>,
    offline_redemption_max_cost: Option<i64>,
    staff: HashSet<StaffId>,
    cards: HashMap<CardId, Option<CardState>>,
    /// The shop's key for printed cards.
    printed_key: Option<CardKey>,
    /// Codes already checked in this batch (one visit's events share a code), by code text and
    /// the time step of the event.
    checked: HashMap<(String, u32), Result<Verified, CodeRefused>>,
}

struct CardState {
    revoked: bool,
    /// The card's registered key, for its rotating codes.
    key: Option<CardKey>,
    balance: Balance,
    /// The shop counter value of this batch's last event for the card, if any.
    changed_at: Option<i64>,
}

impl Batch {
    async fn load(
        tx: &mut Tx,
        device: &DeviceAuth,
        currency: String,
        flags: Vec<String>,
    ) -> Result<Self, ApiError> {
        let rule = db::shops::rule(&mut **tx, device.shop_id, None)
            .await?
            .ok_or_else(|| anyhow::anyhow!("shop {} has no program", device.shop_id))?;
        Ok(Self {
            device: *device,
            currency,
            flags,
            rule,
            rewards: db::shops::rewards(&mut **tx, device.shop_id).await?,
            offline_redemption_max_cost: db::shops::offline_redemption_max_cost(
                &mut **tx,
                device.shop_id,
            )
            .await?,
            staff: db::shops::staff_ids(&mut **tx, device.shop_id).await?,
            cards: HashMap::new(),
            printed_key: None,
            checked: HashMap::new(),
        })
    }

    async fn card(
        &mut self,
        tx: &mut Tx,
        card_id: CardId,
    ) -> Result<Option<&mut CardState>, ApiError> {
        if !self.cards.contains_key(&card_id) {
            let state = match db::cards::find(&mut **tx, self.device.shop_id, card_id).await? {
                Some(card) => Some(CardState {
                    revoked: card.revoked,
                    key: card
                        .public_key
                        .as_deref()
                        .and_then(|k| CardKey::from_base64(k).ok()),
                    balance: db::events::balance(&mut **tx, card_id).await?,
                    changed_at: None,
                }),
                None => None,
            };
            self.cards.insert(card_id, state);
        }
        Ok(self.cards.get_mut(&card_id).and_then(Option::as_mut))
    }

    /// Stores one event, or says why not. Only database failures are errors: they abort the batch.
    async fn store(&mut self, tx: &mut Tx, event: &Event) -> Result<PushResult, ApiError> {
        let canonical = serde_json::to_string(event).map_err(anyhow::Error::from)?;
        if let Some(stored) = db::events::find(tx, event.id).await? {
            if stored.shop_id == self.device.shop_id && stored.body == canonical {
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
                "id_conflict",
                "Another event was already recorded with this id.",
            ));
        }
        if event.device_id != self.device.device_id {
            return Ok(rejected(
                event,
                "wrong_device",
                "This event names another device.",
            ));
        }
        if event.device_seq < 1 {
            return Ok(rejected(
                event,
                "invalid_event",
                "device_seq: must count from 1",
            ));
        }
        if let Err(invalid) = event.body.validate() {
            return Ok(rejected(event, "invalid_event", invalid.to_string()));
        }
        if event.staff_id.is_some_and(|id| !self.staff.contains(&id)) {
            return Ok(rejected(
                event,
                "unknown_staff",
                "No such staff member at this shop.",
            ));
        }
        let (balance, key) = match self.card(tx, event.card_id).await? {
            None => {
                return Ok(rejected(
                    event,
                    "unknown_card",
                    "No card with this id at this shop.",
                ));
            }
            Some(card) if card.revoked => {
                return Ok(rejected(
                    event,
                    "card_revoked",
                    "This card has been blocked by the shop.",
                ));
            }
            Some(card) => (card.balance, card.key),
        };
        let code_verdict = match self.check_code(tx, event, key).await? {
            Err(refusal) => return Ok(refusal),
            Ok(verdict) => verdict,
        };
        let mut verdict = match self.check_rules(tx, event, &balance).await? {
            Err(refusal) => return Ok(refusal),
            Ok(verdict) => verdict,
        };
        verdict.flags.extend(code_verdict.flags);
        if verdict.compensate.is_none() {
            verdict.compensate = code_verdict.compensate;
        }
        let mut flags = self.flags.clone();
        if event.occurred_at > db::now() + time::Duration::minutes(MAX_CLOCK_SKEW_MINUTES)
            && flags.is_empty()
        {
            flags.push(CLOCK_SKEW.to_string());
        }
        flags.extend(verdict.flags.iter().map(|f| f.to_string()));
        flags.extend(self.limit_flags(tx, event).await?);
        let ordinal = match (&event.body, verdict.compensate) {
            (EventBody::RewardRedeemed { .. }, None) => {
                Some(db::events::next_redemption_ordinal(tx, event.card_id).await?)
            }
            _ => None,
        };
        let seq = db::events::next_seq(tx, self.device.shop_id).await?;
        let mut after = balance;
        after.apply(&event.body);
        let compensation = verdict.compensate.map(|(delta, reason)| Event {
            id: EventId(uuid::Uuid::new_v5(
                &COMPENSATION_NAMESPACE,
                event.id.0.as_bytes(),
            )),
            card_id: event.card_id,
            device_id: event.device_id,
            device_seq: event.device_seq,
            staff_id: None,
            occurred_at: event.occurred_at,
            body: EventBody::Adjustment {
                delta,
                reason: reason.to_string(),
            },
            code: None,
        });
        let mut final_balance = after;
        if let Some(compensation) = &compensation {
            final_balance.apply(&compensation.body);
        }
        // A retry of the event gets this same answer: the balance after the event and
        // anything the server added for it.
        db::events::insert(
            tx,
            self.device.shop_id,
            seq,
            self.device.location_id,
            event,
            &canonical,
            &final_balance,
            &flags,
            ordinal,
        )
        .await?;
        let mut last_seq = seq;
        if let Some(compensation) = &compensation {
            last_seq = db::events::next_seq(tx, self.device.shop_id).await?;
            let json = serde_json::to_string(compensation).map_err(anyhow::Error::from)?;
            let marks = [COMPENSATION.to_string()];
            db::events::insert(
                tx,
                self.device.shop_id,
                last_seq,
                self.device.location_id,
                compensation,
                &json,
                &final_balance,
                &marks,
                None,
            )
            .await?;
        }
        let after = final_balance;
        if let Some(card) = self.card(tx, event.card_id).await? {
            card.balance = after;
            card.changed_at = Some(last_seq);
        }
        Ok(PushResult {
            id: event.id,
            status: PushStatus::Accepted,
            seq: Some(seq),
            balance: Some(after),
            code: None,
            reason: None,
            flags,
        })
    }

    /// Writes the balance cache and the directory cursor of every card the batch changed.
    async fn save_balances(&self, tx: &mut Tx) -> Result<(), ApiError> {
        for (card_id, card) in &self.cards {
            if let Some(CardState {
                balance,
                changed_at: Some(seq),
                ..
            }) = card
            {
                db::events::set_balance(tx, *card_id, balance, *seq).await?;
                db::cards::mark_changed(tx, *card_id, *seq).await?;
            }
        }
        Ok(())
    }

    /// The card code the till scanned for the event (see `regulars_protocol::card_code`):
    /// checked again here, at the event's own time. A redemption made online needs the card's
    /// own fresh code, not used at another till; anything else that fails is an offline fact:
    /// stored, flagged, and balanced by a compensating adjustment so a copied or forged code
    /// gains nothing. An event with no code (older tills) or whose card has no key yet is
    /// stored and marked `unverified`.
    async fn check_code(
        &mut self,
        tx: &mut Tx,
        event: &Event,
        key: Option<CardKey>,
    ) -> Result<Result<Verdict, PushResult>, ApiError> {
        // Corrections name an earlier event, not a card shown at the till: no code to check.
        if matches!(
            event.body,
            EventBody::Reversal { .. } | EventBody::Adjustment { .. }
        ) {
            return Ok(Ok(Verdict::default()));
        }
        // Corrections (a manager's reversal, a cashier's undo) are not made from a scan.
        if matches!(
            event.body,
            EventBody::Adjustment { .. } | EventBody::Reversal { .. }
        ) && event.code.is_none()
        {
            return Ok(Ok(Verdict::default()));
        }
        let online_redemption =
            matches!(event.body, EventBody::RewardRedeemed { offline: false, .. });
        let is_redemption = matches!(event.body, EventBody::RewardRedeemed { .. });
        let balance_it = |flag: &'static str| Verdict {
            flags: vec![flag],
            compensate: Some((
                -event.body.delta(),
                "Balances an event whose card code did not check out",
            )),
        };
        let Some(text) = event.code.as_deref() else {
            if online_redemption {
                return Ok(Err(rejected(
                    event,
                    CODE_REQUIRED,
                    "Scan the card: a reward needs the card's own code.",
                )));
            }
            return Ok(Ok(if is_redemption {
                balance_it(UNVERIFIED)
            } else {
                Verdict {
                    flags: vec![UNVERIFIED],
                    compensate: None,
                }
            }));
        };
        let code = match CardCode::parse(text) {
            Ok(code) => code,
            Err(e) => return Ok(Err(rejected(event, e.code(), format!("code: {e}")))),
        };
        if code.card_id() != event.card_id {
            return Ok(Err(rejected(
                event,
                "code_card_mismatch",
                "The code belongs to another card than the event.",
            )));
        }
        let step = regulars_protocol::card_code::step_at(event.occurred_at);
        let printed_key = self
            .printed_key
            .ok_or_else(|| anyhow::anyhow!("printed-card key not loaded"))?;
        let checked = *self
            .checked
            .entry((text.to_string(), step))
            .or_insert_with(|| code.verify(key.as_ref(), &printed_key, event.occurred_at));
        let refusal = match checked {
            Ok(Verified::Rotating { step }) => {
                let first =
                    db::cards::use_code(tx, event.card_id, step, self.device.device_id).await?;
                (first != self.device.device_id).then_some(CodeRefused::Replayed)
            }
            Ok(Verified::Printed) if is_redemption => Some(CodeRefused::PrintedCannotRedeem),
            Ok(Verified::Printed) => None,
            Err(CodeRefused::Unsigned | CodeRefused::NoKey) if !is_redemption => {
                return Ok(Ok(Verdict {
                    flags: vec![UNVERIFIED],
                    compensate: None,
                }));
            }
            Err(reason) => Some(reason),
        };
        Ok(match refusal {
            None => Ok(Verdict::default()),
            Some(reason) if online_redemption => Err(rejected(
                event,
                reason.code(),
                crate::routes::till::refused(reason).to_string(),
            )),
            Some(reason) => Ok(balance_it(reason.code())),
        })
    }

    /// The program's rules for each kind of event: a refusal, or acceptance with any marks
    /// for the owner and a compensating adjustment to add.
    async fn check_rules(
        &self,
        tx: &mut Tx,
        event: &Event,
        balance: &Balance,
    ) -> Result<Result<Verdict, PushResult>, ApiError> {
        let accept = Ok(Verdict::default());
        let refuse = |code: &str, reason: String| Err(rejected(event, code, reason));
        let verdict = match &event.body {
            EventBody::StampsIssued { .. } if self.rule.kind != ProgramKind::Stamps => refuse(
                "wrong_program_kind",
                "This shop's program collects points, not stamps.".into(),
            ),
            EventBody::StampsIssued { .. } => accept,
            EventBody::PointsEarned {
                amount_minor,
                points,
                program_version,
                ..
            } => {
                let rule = if *program_version == self.rule.version {
                    Some(self.rule)
                } else {
                    db::shops::rule(&mut **tx, self.device.shop_id, Some(*program_version)).await?
                };
                match rule {
                    None => refuse(
                        "unknown_program_version",
                        "This program version does not exist.".into(),
                    ),
                    Some(rule) if rule.kind != ProgramKind::Points => refuse(
                        "wrong_program_kind",
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
                        };
                        let expected =
                            program.points_for(*amount_minor, minor_digits(&self.currency));
                        if expected == *points {
                            accept
                        } else {
                            refuse(
                                "points_mismatch",
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
                    return Ok(refuse(
                        "unknown_reward",
                        "This shop has no such reward.".into(),
                    ));
                };
                if *offline {
                    // The reward was already handed over: store the fact, and mark what was wrong.
                    let mut verdict = Verdict::default();
                    if self
                        .offline_redemption_max_cost
                        .is_none_or(|max| *cost > max)
                    {
                        verdict.flags.push("offline_not_allowed");
                    }
                    if !reward.active {
                        verdict.flags.push("reward_retired");
                    }
                    if reward.cost != *cost {
                        verdict.flags.push("reward_cost_changed");
                    }
                    if balance.check_redemption(*cost).is_err() {
                        verdict.flags.push(DOUBLE_REDEMPTION);
                        verdict.compensate = Some((
                            *cost,
                            "Compensates an offline redemption the card could not cover",
                        ));
                    }
                    Ok(verdict)
                } else if !reward.active {
                    refuse(
                        "reward_retired",
                        format!("{} is no longer offered.", reward.name),
                    )
                } else if reward.cost != *cost {
                    refuse(
                        "reward_cost_changed",
                        format!(
                            "{} now costs {}. Look the card up again.",
                            reward.name, reward.cost
                        ),
                    )
                } else if balance.check_redemption(*cost).is_err() {
                    refuse(
                        "not_enough",
                        format!(
                            "Not enough for {}: the card has {}, it costs {}.",
                            reward.name, balance.balance, cost
                        ),
                    )
                } else {
                    accept
                }
            }
            EventBody::Adjustment { .. } => refuse(
                "not_allowed",
                "Corrections are made by a manager, not from the till.".into(),
            ),
            EventBody::Reversal {
                reverses, delta, ..
            } => {
                return self
                    .check_reversal(tx, event, balance, *reverses, *delta)
                    .await;
            }
        };
        Ok(verdict)
    }

    /// A reversal undoes one earlier event of the same card and shop, once, with the opposite
    /// delta. A manager (or the owner) may reverse any such event; a cashier only their own last
    /// action on this tablet, within two minutes of it (`regulars_protocol::staff::may_reverse`,
    /// on the tablet's clock for both events). It never takes the balance below zero. Accepted,
    /// it is noted in `reversals` in this same transaction (nothing after this check refuses
    /// an event), so a second reversal of the event, in this batch or a later one, is refused.
    async fn check_reversal(
        &self,
        tx: &mut Tx,
        event: &Event,
        balance: &Balance,
        reverses: EventId,
        delta: i64,
    ) -> Result<Result<Verdict, PushResult>, ApiError> {
        let refuse = |code: &str, reason: String| Ok(Err(rejected(event, code, reason)));
        let Some(original) = db::staff::reversible(tx, reverses)
            .await?
            .filter(|o| o.shop_id == self.device.shop_id)
        else {
            return refuse(
                "unknown_event",
                "There is no such event at this shop to reverse.".into(),
            );
        };
        if original.card_id != event.card_id {
            return refuse(
                "wrong_card",
                "The event to reverse belongs to another card.".into(),
            );
        }
        if original.kind == "reversal" {
            return refuse("not_reversible", "A reversal cannot be reversed.".into());
        }
        if delta != -original.delta {
            return refuse(
                "wrong_delta",
                format!(
                    "Reversing this event changes the balance by {}, not {delta}.",
                    -original.delta
                ),
            );
        }
        if db::staff::is_reversed(tx, reverses).await? {
            return refuse(
                "already_reversed",
                "This event was already reversed.".into(),
            );
        }
        let Some(staff_id) = event.staff_id else {
            return refuse(
                "staff_required",
                "A reversal names the staff member who makes it.".into(),
            );
        };
        let Some(role) = db::staff::role(tx, self.device.shop_id, staff_id).await? else {
            return refuse("unknown_staff", "No such staff member at this shop.".into());
        };
        let own = original.staff_id == Some(staff_id) && original.device_id == event.device_id;
        let last = own
            && db::staff::last_action(tx, event.device_id, staff_id, event.device_seq).await?
                == Some(reverses);
        if let Err(why) = regulars_protocol::staff::may_reverse(
            role,
            own,
            last,
            event.occurred_at - original.occurred_at,
        ) {
            return refuse(
                "not_allowed",
                format!("Only a manager can reverse this: {why}."),
            );
        }
        if balance.balance + delta < 0 {
            return refuse(
                "not_enough",
                format!(
                    "The card has {} left: not enough to take back {}.",
                    balance.balance, -delta
                ),
            );
        }
        db::staff::record_reversal(tx, self.device.shop_id, reverses, event.id).await?;
        Ok(Ok(Verdict::default()))
    }

    /// The owner's limits: a visit that takes its card over the stamps allowed in 24 hours, or
    /// its staff member over the stamps allowed in an hour (points programs: purchases), is
    /// stored as usual and flagged `card_daily_limit` or `staff_hourly_limit` for review.
    async fn limit_flags(&self, tx: &mut Tx, event: &Event) -> Result<Vec<String>, ApiError> {
        let this = match &event.body {
            EventBody::StampsIssued { count, .. } => *count,
            EventBody::PointsEarned { .. } => 1,
            _ => return Ok(vec![]),
        };
        let limits = db::staff::limits(&mut **tx, self.device.shop_id).await?;
        let at = event.occurred_at;
        let mut flags = vec![];
        if let Some(max) = limits.card_daily_limit {
            let before =
                db::staff::card_earned(tx, event.card_id, at - time::Duration::days(1), at).await?;
            if before + this > max {
                flags.push(CARD_DAILY_LIMIT.to_string());
            }
        }
        if let (Some(max), Some(staff_id)) = (limits.staff_hourly_limit, event.staff_id) {
            let before =
                db::staff::staff_earned(tx, staff_id, at - time::Duration::hours(1), at).await?;
            if before + this > max {
                flags.push(STAFF_HOURLY_LIMIT.to_string());
            }
        }
        Ok(flags)
    }
}

/// An accepted event's marks, and the adjustment the server adds to balance it, if any.
#[derive(Debug, Default)]
struct Verdict {
    flags: Vec<&'static str>,
    compensate: Option<(i64, &'static str)>,
}
