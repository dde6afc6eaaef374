//! What the ledger's rules make of each event a tablet scripts, foreseen by the tablet when it
//! makes the event, so the audit can hold the server to it.
//!
//! A tablet can foresee the verdicts because each tablet serves some cards alone (the cards it
//! shares with the other tablet of its shop only ever get stamps, whose verdict does not depend
//! on the balance), and its events reach the server in the order it made them: the outbox is
//! sent in order, one batch at a time, and an event leaves it only on a definite answer. So when
//! an event arrives, the server holds exactly the balance this book holds for its card.
//!
//! The rules foreseen, in the order the server applies them (`server/src/ledger.rs`):
//! 1. An outbox record holding a string that is no text (a lone UTF-16 surrogate) is refused
//!    alone, `invalid_event`: the server reads each event of a push on its own. (A push the
//!    server refuses whole, `400`, is split by the tablet until the one event is alone.)
//! 2. A tablet whose next push comes after the owner unpaired it: an online redemption (decided
//!    now) or an event made more than 5 minutes after the unpairing is refused
//!    `device_revoked`; what it made before is stored, flagged `device_revoked`.
//! 3. A card code scanned at most 10 minutes before the event (the till may hold a customer 15)
//!    is judged at the scan: no flag. One scanned 16 to 21 minutes before is flagged
//!    `held_too_long` and judged at the event's own time, when it has expired: `code_expired`,
//!    and a compensation balances the event.
//! 4. Stamps and points with a good code carry nothing else: the shops set no limits, every
//!    event names an active member, and redemptions and reversals carry a valid staff proof.
//! 5. An online redemption the card cannot cover is refused `not_enough`.
//! 6. An offline redemption is stored; if the card cannot cover it (and nothing else balanced
//!    it), it is flagged `double_redemption` and a compensation gives the cost back.
//! 7. A reversal must name a stored, unreversed, uncompensated event of the same card that is
//!    not itself a reversal, with the opposite delta, leave the balance at zero or more, and come
//!    from a manager (any event) or from the cashier who made it as their last action on the
//!    tablet within two minutes; undoing a redemption is flagged `reverses_redemption`.

use std::collections::{BTreeSet, HashMap};

use regulars_protocol::staff::may_reverse;
use regulars_protocol::{Balance, CardId, DeviceId, Event, EventBody, EventId, StaffId, StaffRole};
use time::Duration;

/// The server's answer a tablet foresees for one of its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// In the ledger with these flags, and balanced by a compensation or not.
    Stored {
        flags: BTreeSet<String>,
        compensated: bool,
    },
    /// Refused with this code (a per-event refusal, or the error of a push refused whole).
    Refused(String),
}

/// What the tablet meant to make: the rules depend on it as much as on the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Stamps or points, the card scanned up to 10 minutes before.
    Earn,
    /// Stamps or points for a customer held 16 to 21 minutes after the scan.
    EarnHeldTooLong,
    RedeemOnline,
    RedeemOffline,
    /// A cashier's undo or a manager's reversal.
    Reverse,
    /// An outbox record whose text is damaged (see [`super::tablet`]).
    Damaged,
    /// Made by an unpaired tablet more than five minutes after the unpairing (its own clock).
    AfterUnpairing,
}

/// The cards a tablet serves alone, as the server will hold them.
pub struct CardBook {
    cards: HashMap<CardId, CardLedger>,
    roles: HashMap<StaffId, StaffRole>,
    /// Each member's last stored action (not a reversal) per device: what a cashier may undo.
    last_action: HashMap<(DeviceId, StaffId), EventId>,
}

#[derive(Default)]
struct CardLedger {
    balance: Balance,
    entries: Vec<Entry>,
}

struct Entry {
    id: EventId,
    kind: &'static str,
    delta: i64,
    staff: Option<StaffId>,
    device: DeviceId,
    compensated: bool,
    reversed: bool,
}

impl CardBook {
    pub fn new(roles: HashMap<StaffId, StaffRole>) -> Self {
        Self {
            cards: HashMap::new(),
            roles,
            last_action: HashMap::new(),
        }
    }

    /// A card this tablet serves alone.
    pub fn add_card(&mut self, card_id: CardId) {
        self.cards.entry(card_id).or_default();
    }

    pub fn balance(&self, card_id: CardId) -> i64 {
        self.cards.get(&card_id).map_or(0, |c| c.balance.balance)
    }

    /// Events of the card a manager may reverse now: stored, not reversals, not reversed nor
    /// compensated, and the card can give back what they gave.
    pub fn reversible(&self, card_id: CardId) -> Vec<(EventId, i64)> {
        let Some(card) = self.cards.get(&card_id) else {
            return vec![];
        };
        card.entries
            .iter()
            .filter(|e| e.kind != "reversal" && !e.reversed && !e.compensated)
            .filter(|e| card.balance.balance - e.delta >= 0)
            .map(|e| (e.id, e.delta))
            .collect()
    }

    /// Whether `id` is stored and may still be undone by the member who made it, as their last
    /// action on the device.
    pub fn undoable(&self, card_id: CardId, id: EventId) -> bool {
        let Some(card) = self.cards.get(&card_id) else {
            return false;
        };
        card.entries.iter().any(|e| {
            e.id == id
                && !e.compensated
                && !e.reversed
                && e.staff
                    .is_some_and(|s| self.last_action.get(&(e.device, s)) == Some(&id))
        })
    }

    /// Foresees the server's answer to `event` and, if it will be stored, books it. `unpaired`:
    /// the tablet's next push comes after the owner unpaired it.
    pub fn expect(&mut self, event: &Event, script: Script, unpaired: bool) -> Expect {
        let verdict = self.verdict(event, script, unpaired);
        if let Expect::Stored { compensated, .. } = &verdict {
            self.book(event, *compensated);
        }
        verdict
    }

    fn verdict(&self, event: &Event, script: Script, unpaired: bool) -> Expect {
        let refused = |code: &str| Expect::Refused(code.to_owned());
        if script == Script::Damaged {
            return refused("invalid_event");
        }
        let mut flags = BTreeSet::new();
        let mut compensated = false;
        if unpaired {
            if script == Script::AfterUnpairing || script == Script::RedeemOnline {
                return refused("device_revoked");
            }
            flags.insert("device_revoked".to_owned());
        }
        if script == Script::EarnHeldTooLong {
            flags.insert("held_too_long".to_owned());
            flags.insert("code_expired".to_owned());
            compensated = true;
        }
        let Some(card) = self.cards.get(&event.card_id) else {
            // A card shared with another tablet: stamps only, whatever its balance.
            assert!(
                matches!(script, Script::Earn | Script::EarnHeldTooLong),
                "shared cards only get stamps: {event:?}"
            );
            return Expect::Stored { flags, compensated };
        };
        let balance = card.balance.balance;
        match (&event.body, script) {
            (EventBody::RewardRedeemed { cost, .. }, Script::RedeemOnline) if balance < *cost => {
                return refused("not_enough");
            }
            (EventBody::RewardRedeemed { cost, .. }, Script::RedeemOffline)
                if !compensated && balance < *cost =>
            {
                flags.insert("double_redemption".to_owned());
                compensated = true;
            }
            (
                EventBody::Reversal {
                    reverses, delta, ..
                },
                _,
            ) => {
                let Some(original) = card.entries.iter().find(|e| e.id == *reverses) else {
                    return refused("unknown_event");
                };
                if original.kind == "reversal" {
                    return refused("not_reversible");
                }
                if *delta != -original.delta {
                    return refused("wrong_delta");
                }
                if original.reversed {
                    return refused("already_reversed");
                }
                if original.compensated {
                    return refused("already_compensated");
                }
                let staff = event.staff_id.expect("till events name their staff");
                let role = self
                    .roles
                    .get(&staff)
                    .copied()
                    .unwrap_or(StaffRole::Cashier);
                let own = original.staff == Some(staff) && original.device == event.device_id;
                let last =
                    own && self.last_action.get(&(event.device_id, staff)) == Some(&original.id);
                // The undo follows its event at once: no time to speak of passes between them.
                if may_reverse(role, own, last, Duration::ZERO).is_err() {
                    return refused("not_allowed");
                }
                if balance + delta < 0 {
                    return refused("not_enough");
                }
                if original.kind == "reward_redeemed" {
                    flags.insert("reverses_redemption".to_owned());
                }
            }
            _ => {}
        }
        Expect::Stored { flags, compensated }
    }

    fn book(&mut self, event: &Event, compensated: bool) {
        // Any stored action counts as the member's last, on a shared card too.
        if !matches!(event.body, EventBody::Reversal { .. })
            && let Some(staff) = event.staff_id
        {
            self.last_action.insert((event.device_id, staff), event.id);
        }
        let Some(card) = self.cards.get_mut(&event.card_id) else {
            return;
        };
        card.balance.apply(&event.body);
        if compensated {
            card.balance.apply(&EventBody::Adjustment {
                delta: -event.body.delta(),
                reason: "compensation".into(),
            });
        }
        if let EventBody::Reversal { reverses, .. } = &event.body
            && let Some(original) = card.entries.iter_mut().find(|e| e.id == *reverses)
        {
            original.reversed = true;
        }
        card.entries.push(Entry {
            id: event.id,
            kind: event.body.kind(),
            delta: event.body.delta(),
            staff: event.staff_id,
            device: event.device_id,
            compensated,
            reversed: false,
        });
    }
}
