//! Patterns in the ledger worth the owner's look, beside the flagged events of the review.

use axum::extract::State;
use regulars_protocol::wire::{Anomalies, ApiErrorBody, CardAnomaly, StaffAnomaly};
use regulars_protocol::{CardId, StaffId};
use time::Duration;

use crate::auth::OwnerAuth;
use crate::db;
use crate::error::{ApiError, Json};
use crate::startup::AppState;

/// The window the rules look at.
const WINDOW_DAYS: i64 = 30;
/// A card is unusual with at least this many visits in the window...
const CARD_MIN_VISITS: i64 = 8;
/// ...and more than this many times the visits of the shop's typical card.
const CARD_FACTOR: i64 = 3;
/// A staff member is unusual with at least this many redemptions in the window...
const STAFF_MIN_REDEMPTIONS: i64 = 5;
/// ...and at least this many times everyone else's redemptions per action...
const STAFF_FACTOR: i64 = 2;
/// ...provided everyone else recorded at least this many actions to compare with.
const STAFF_MIN_OTHERS_ACTIONS: i64 = 10;

/// Unusual cards and staff over the last 30 days, by two simple rules:
///
/// - **Cards**: a card with at least 8 visits (events that earned stamps or points) that is more
///   than 3 times the visits of the shop's typical card (the median of the cards that visited
///   at all). A card stamped that often may be shared, or stamped without a purchase.
/// - **Staff**: a staff member who handed over at least 5 rewards, and whose rewards per action
///   (visits and redemptions they recorded) are at least twice everyone else's together. A
///   cashier who redeems far more often than colleagues at the same shop may be giving rewards
///   away. Everyone else must have recorded at least 10 actions, or there is nothing to compare.
///
/// Reversed events do not count.
#[utoipa::path(get, path = "/api/v1/owner/anomalies", tag = "owner",
    responses((status = 200, body = Anomalies), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn list(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<Json<Anomalies>, ApiError> {
    let from = db::now() - Duration::days(WINDOW_DAYS);
    let visits = db::staff::card_visits(&state.db, owner.shop_id, from).await?;
    let redemptions = db::staff::staff_redemptions(&state.db, owner.shop_id, from).await?;
    let (typical_visits, cards) = unusual_cards(visits);
    Ok(Json(Anomalies {
        window_days: WINDOW_DAYS,
        typical_visits,
        cards,
        card_min_visits: CARD_MIN_VISITS,
        card_factor: CARD_FACTOR,
        staff: unusual_staff(redemptions),
        staff_min_redemptions: STAFF_MIN_REDEMPTIONS,
        staff_factor: STAFF_FACTOR,
    }))
}

/// The typical card's visits (the lower median) and the cards far above it, most visits first.
fn unusual_cards(mut visits: Vec<(CardId, Option<String>, i64)>) -> (i64, Vec<CardAnomaly>) {
    if visits.is_empty() {
        return (0, vec![]);
    }
    let mut counts: Vec<i64> = visits.iter().map(|(_, _, n)| *n).collect();
    counts.sort_unstable();
    let typical = counts[(counts.len() - 1) / 2];
    visits.retain(|(_, _, n)| *n >= CARD_MIN_VISITS && *n > CARD_FACTOR * typical);
    visits.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let cards = visits
        .into_iter()
        .map(|(card_id, first_name, visits)| CardAnomaly {
            card_id,
            first_name,
            visits,
        })
        .collect();
    (typical, cards)
}

/// Staff whose redemptions per action are far above everyone else's, most redemptions first.
fn unusual_staff(staff: Vec<(StaffId, String, i64, i64)>) -> Vec<StaffAnomaly> {
    let total_redemptions: i64 = staff.iter().map(|s| s.2).sum();
    let total_actions: i64 = staff.iter().map(|s| s.3).sum();
    let mut unusual: Vec<StaffAnomaly> = staff
        .into_iter()
        .filter_map(|(staff_id, name, redemptions, actions)| {
            let others_redemptions = total_redemptions - redemptions;
            let others_actions = total_actions - actions;
            let far_above = redemptions >= STAFF_MIN_REDEMPTIONS
                && actions > 0
                && others_actions >= STAFF_MIN_OTHERS_ACTIONS
                // theirs / actions >= FACTOR * others' / others' actions, without division
                && redemptions * others_actions >= STAFF_FACTOR * others_redemptions * actions;
            far_above.then(|| StaffAnomaly {
                staff_id,
                name,
                redemptions,
                actions,
                percent: redemptions * 100 / actions,
                others_percent: others_redemptions * 100 / others_actions,
            })
        })
        .collect();
    unusual.sort_by(|a, b| {
        b.redemptions
            .cmp(&a.redemptions)
            .then(a.staff_id.cmp(&b.staff_id))
    });
    unusual
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(visits: i64) -> (CardId, Option<String>, i64) {
        (CardId::random(), None, visits)
    }

    #[test]
    fn a_card_far_above_the_typical_card_is_unusual() {
        let (typical, cards) = unusual_cards(vec![card(1), card(2), card(1), card(12), card(7)]);
        assert_eq!(typical, 2);
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].visits, 12);
    }

    #[test]
    fn a_shop_with_one_busy_card_or_few_visits_has_nothing_unusual() {
        assert!(unusual_cards(vec![card(40)]).1.is_empty());
        assert!(unusual_cards(vec![card(1), card(1), card(7)]).1.is_empty());
        assert_eq!(unusual_cards(vec![]), (0, vec![]));
    }

    #[test]
    fn a_cashier_who_redeems_far_more_often_than_the_others_is_unusual() {
        let (ana, bo, cy) = (StaffId::random(), StaffId::random(), StaffId::random());
        let found = unusual_staff(vec![
            (ana, "Ana".into(), 6, 12),
            (bo, "Bo".into(), 1, 20),
            (cy, "Cy".into(), 1, 20),
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].staff_id, ana);
        assert_eq!((found[0].percent, found[0].others_percent), (50, 5));
        // Same share as everyone else: nothing unusual.
        assert!(
            unusual_staff(vec![(ana, "Ana".into(), 6, 60), (bo, "Bo".into(), 6, 60)]).is_empty()
        );
        // Nobody else to compare with.
        assert!(unusual_staff(vec![(ana, "Ana".into(), 6, 12)]).is_empty());
    }
}
