//! Sync: a device pushes a batch of events; the server stores them in one transaction and
//! answers per event. Pushing the same batch again changes nothing.

use axum::extract::State;
use regulars_protocol::ledger::Balance;
use regulars_protocol::program::minor_digits;
use regulars_protocol::wire::{ApiErrorBody, PullResponse, PushRequest, PushResponse, PushResult, PushStatus};
use std::collections::{HashMap, HashSet};

use regulars_protocol::{CardId, Event, EventBody, Program, ProgramKind, Reward, StaffId};

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
        if let Some(refusal) = self.check_rules(tx, event, &balance).await? {
            return Ok(refusal);
        }
        let mut flags = self.flags.clone();
        if event.occurred_at > db::now() + time::Duration::minutes(MAX_CLOCK_SKEW_MINUTES) && flags.is_empty() {
            flags.push(CLOCK_SKEW.to_string());
        }
        let seq = db::events::next_seq(tx, self.device.shop_id).await?;
        let mut after = balance;
        after.apply(&event.body);
        db::events::insert(tx, self.device.shop_id, seq, self.device.location_id, event, &canonical, &after, &flags)
            .await?;
        if let Some(card) = self.card(tx, event.card_id).await? {
            card.balance = after;
            card.changed_at = Some(seq);
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

    /// The program's rules for each kind of event.
    async fn check_rules(&self, tx: &mut Tx, event: &Event, balance: &Balance) -> Result<Option<PushResult>, ApiError> {
        let refusal = match &event.body {
            EventBody::StampsIssued { .. } if self.rule.kind != ProgramKind::Stamps => {
                Some(rejected(event, "wrong_program_kind", "This shop's program collects points, not stamps."))
            }
            EventBody::StampsIssued { .. } => None,
            EventBody::PointsEarned { amount_minor, points, program_version, .. } => {
                let rule = if *program_version == self.rule.version {
                    Some(self.rule)
                } else {
                    db::shops::rule(&mut **tx, self.device.shop_id, Some(*program_version)).await?
                };
                match rule {
                    None => Some(rejected(event, "unknown_program_version", "This program version does not exist.")),
                    Some(rule) if rule.kind != ProgramKind::Points => {
                        Some(rejected(event, "wrong_program_kind", "This shop's program collects stamps, not points."))
                    }
                    Some(rule) => {
                        let program = Program {
                            version: rule.version,
                            kind: rule.kind,
                            stamps_per_visit: rule.stamps_per_visit,
                            points_per_unit: rule.points_per_unit,
                            rewards: vec![],
                        };
                        let expected = program.points_for(*amount_minor, minor_digits(&self.currency));
                        (expected != *points).then(|| {
                            rejected(event, "points_mismatch", format!("This purchase earns {expected} points, not {points}."))
                        })
                    }
                }
            }
            EventBody::RewardRedeemed { reward_id, cost } => match self.rewards.iter().find(|r| r.id == *reward_id) {
                None => Some(rejected(event, "unknown_reward", "This shop has no such reward.")),
                Some(reward) if !reward.active => {
                    Some(rejected(event, "reward_retired", format!("{} is no longer offered.", reward.name)))
                }
                Some(reward) if reward.cost != *cost => Some(rejected(
                    event,
                    "reward_cost_changed",
                    format!("{} now costs {}. Look the card up again.", reward.name, reward.cost),
                )),
                Some(reward) => balance.check_redemption(*cost).err().map(|_| {
                    rejected(
                        event,
                        "not_enough",
                        format!("Not enough for {}: the card has {}, it costs {}.", reward.name, balance.balance, cost),
                    )
                }),
            },
            EventBody::Adjustment { .. } | EventBody::Reversal { .. } => Some(rejected(
                event,
                "not_allowed",
                "Corrections are made by a manager, not from the till.",
            )),
        };
        Ok(refusal)
    }
}
