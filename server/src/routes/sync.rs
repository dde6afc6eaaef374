//! Sync: a device pushes a batch of events; the server stores them in one transaction and
//! answers per event. Pushing the same batch again changes nothing.

use axum::extract::State;
use regulars_protocol::ledger::Balance;
use regulars_protocol::program::minor_digits;
use regulars_protocol::wire::{ApiErrorBody, PullResponse, PushRequest, PushResponse, PushResult, PushStatus};
use std::collections::{HashMap, HashSet};

use regulars_protocol::{CardId, Event, EventBody, EventId, Program, ProgramKind, Reward, StaffId};

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
/// Compensating events get a name-based id (UUIDv5) from the event they balance, so a retried
/// push can never add a second one.
const COMPENSATION_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x8d3c_51f2_6a0e_4f7b_9c1d_2e5a_7b40_c6e1);
/// Most cards one pull returns.
const PULL_PAGE: i64 = 500;

/// Offline facts are never refused, but a device whose clock is far off gets its events marked
/// for the owner's review (their times may be wrong).
fn clock_flags(sent_at: Option<time::OffsetDateTime>) -> Vec<String> {
    match sent_at {
        Some(sent) if (sent - db::now()).abs() > time::Duration::minutes(MAX_CLOCK_SKEW_MINUTES) => {
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
#[tracing::instrument(skip_all, err)]
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
        return Err(ApiError::validation("events", format!("Push between 1 and {MAX_BATCH} events at a time.")));
    }
    let shop = db::shops::find(&state.db, device.shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {} vanished", device.shop_id))?;
    let mut tx = state.writer.begin().await?;
    if !db::events::lock_shop(&mut tx, device.shop_id).await? {
        return Err(anyhow::anyhow!("shop {} vanished", device.shop_id).into());
    }
    let mut batch = Batch::load(&mut tx, &device, shop.currency, clock_flags(req.sent_at)).await?;
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
}

struct CardState {
    revoked: bool,
    balance: Balance,
    /// The shop counter value of this batch's last event for the card, if any.
    changed_at: Option<i64>,
}

impl Batch {
    async fn load(tx: &mut Tx, device: &DeviceAuth, currency: String, flags: Vec<String>) -> Result<Self, ApiError> {
        let rule = db::shops::rule(&mut **tx, device.shop_id, None)
            .await?
            .ok_or_else(|| anyhow::anyhow!("shop {} has no program", device.shop_id))?;
        Ok(Self {
            device: *device,
            currency,
            flags,
            rule,
            rewards: db::shops::rewards(&mut **tx, device.shop_id).await?,
            offline_redemption_max_cost: db::shops::offline_redemption_max_cost(&mut **tx, device.shop_id).await?,
            staff: db::shops::staff_ids(&mut **tx, device.shop_id).await?,
            cards: HashMap::new(),
        })
    }

    async fn card(&mut self, tx: &mut Tx, card_id: CardId) -> Result<Option<&mut CardState>, ApiError> {
        if !self.cards.contains_key(&card_id) {
            let state = match db::cards::find(&mut **tx, self.device.shop_id, card_id).await? {
                Some(card) => Some(CardState {
                    revoked: card.revoked,
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
            return Ok(rejected(event, "id_conflict", "Another event was already recorded with this id."));
        }
        if event.device_id != self.device.device_id {
            return Ok(rejected(event, "wrong_device", "This event names another device."));
        }
        if event.device_seq < 1 {
            return Ok(rejected(event, "invalid_event", "device_seq: must count from 1"));
        }
        if let Err(invalid) = event.body.validate() {
            return Ok(rejected(event, "invalid_event", invalid.to_string()));
        }
        if event.staff_id.is_some_and(|id| !self.staff.contains(&id)) {
            return Ok(rejected(event, "unknown_staff", "No such staff member at this shop."));
        }
        let balance = match self.card(tx, event.card_id).await? {
            None => return Ok(rejected(event, "unknown_card", "No card with this id at this shop.")),
            Some(card) if card.revoked => {
                return Ok(rejected(event, "card_revoked", "This card has been blocked by the shop."));
            }
            Some(card) => card.balance,
        };
        let verdict = match self.check_rules(tx, event, &balance).await? {
            Err(refusal) => return Ok(refusal),
            Ok(verdict) => verdict,
        };
        let mut flags = self.flags.clone();
        if event.occurred_at > db::now() + time::Duration::minutes(MAX_CLOCK_SKEW_MINUTES) && flags.is_empty() {
            flags.push(CLOCK_SKEW.to_string());
        }
        flags.extend(verdict.flags.iter().map(|f| f.to_string()));
        let ordinal = match (&event.body, verdict.compensate) {
            (EventBody::RewardRedeemed { .. }, None) => Some(db::events::next_redemption_ordinal(tx, event.card_id).await?),
            _ => None,
        };
        let seq = db::events::next_seq(tx, self.device.shop_id).await?;
        let mut after = balance;
        after.apply(&event.body);
        let compensation = verdict.compensate.map(|(delta, reason)| Event {
            id: EventId(uuid::Uuid::new_v5(&COMPENSATION_NAMESPACE, event.id.0.as_bytes())),
            card_id: event.card_id,
            device_id: event.device_id,
            device_seq: event.device_seq,
            staff_id: None,
            occurred_at: event.occurred_at,
            body: EventBody::Adjustment { delta, reason: reason.to_string() },
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
            if let Some(CardState { balance, changed_at: Some(seq), .. }) = card {
                db::events::set_balance(tx, *card_id, balance, *seq).await?;
                db::cards::mark_changed(tx, *card_id, *seq).await?;
            }
        }
        Ok(())
    }

    /// The program's rules for each kind of event: a refusal, or acceptance with any marks
    /// for the owner and a compensating adjustment to add.
    async fn check_rules(&self, tx: &mut Tx, event: &Event, balance: &Balance) -> Result<Result<Verdict, PushResult>, ApiError> {
        let accept = Ok(Verdict::default());
        let refuse = |code: &str, reason: String| Err(rejected(event, code, reason));
        let verdict = match &event.body {
            EventBody::StampsIssued { .. } if self.rule.kind != ProgramKind::Stamps => {
                refuse("wrong_program_kind", "This shop's program collects points, not stamps.".into())
            }
            EventBody::StampsIssued { .. } => accept,
            EventBody::PointsEarned { amount_minor, points, program_version, .. } => {
                let rule = if *program_version == self.rule.version {
                    Some(self.rule)
                } else {
                    db::shops::rule(&mut **tx, self.device.shop_id, Some(*program_version)).await?
                };
                match rule {
                    None => refuse("unknown_program_version", "This program version does not exist.".into()),
                    Some(rule) if rule.kind != ProgramKind::Points => {
                        refuse("wrong_program_kind", "This shop's program collects stamps, not points.".into())
                    }
                    Some(rule) => {
                        let program = Program {
                            version: rule.version,
                            kind: rule.kind,
                            stamps_per_visit: rule.stamps_per_visit,
                            points_per_unit: rule.points_per_unit,
                            rewards: vec![],
                            offline_redemption_max_cost: None,
                        };
                        let expected = program.points_for(*amount_minor, minor_digits(&self.currency));
                        if expected == *points {
                            accept
                        } else {
                            refuse("points_mismatch", format!("This purchase earns {expected} points, not {points}."))
                        }
                    }
                }
            }
            EventBody::RewardRedeemed { reward_id, cost, offline } => {
                let Some(reward) = self.rewards.iter().find(|r| r.id == *reward_id) else {
                    return Ok(refuse("unknown_reward", "This shop has no such reward.".into()));
                };
                if *offline {
                    // The reward was already handed over: store the fact, and mark what was wrong.
                    let mut verdict = Verdict::default();
                    if self.offline_redemption_max_cost.is_none_or(|max| *cost > max) {
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
                        verdict.compensate = Some((*cost, "Compensates an offline redemption the card could not cover"));
                    }
                    Ok(verdict)
                } else if !reward.active {
                    refuse("reward_retired", format!("{} is no longer offered.", reward.name))
                } else if reward.cost != *cost {
                    refuse("reward_cost_changed", format!("{} now costs {}. Look the card up again.", reward.name, reward.cost))
                } else if balance.check_redemption(*cost).is_err() {
                    refuse(
                        "not_enough",
                        format!("Not enough for {}: the card has {}, it costs {}.", reward.name, balance.balance, cost),
                    )
                } else {
                    accept
                }
            }
            EventBody::Adjustment { .. } | EventBody::Reversal { .. } => {
                refuse("not_allowed", "Corrections are made by a manager, not from the till.".into())
            }
        };
        Ok(verdict)
    }
}

/// An accepted event's marks, and the adjustment the server adds to balance it, if any.
#[derive(Debug, Default)]
struct Verdict {
    flags: Vec<&'static str>,
    compensate: Option<(i64, &'static str)>,
}
