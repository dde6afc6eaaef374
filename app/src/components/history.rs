//! A card's history, newest first.

use leptos::prelude::*;
use regulars_protocol::EventBody;
use regulars_protocol::program::format_money;
use regulars_protocol::wire::HistoryEntry;

use crate::i18n::{self, Msg, t};

/// The sentence for one history entry: "+1 stamp", "+12 points (12.50 EUR)", "Redeemed Free
/// coffee (-5)".
pub fn entry_text(entry: &HistoryEntry, currency: &str) -> String {
    let msg = match &entry.body {
        EventBody::StampsIssued { count, .. } => Msg::HistStamps(*count),
        EventBody::PointsEarned {
            points,
            amount_minor,
            ..
        } => Msg::HistPoints {
            points: *points,
            money: (*amount_minor > 0).then(|| format_money(*amount_minor, currency)),
        },
        EventBody::RewardRedeemed { cost, .. } => Msg::HistRedeemed {
            reward: entry.reward_name.clone(),
            cost: *cost,
        },
        EventBody::Adjustment { delta, reason } => Msg::HistAdjustment {
            delta: *delta,
            reason: reason.clone(),
        },
        EventBody::Reversal { delta, reason, .. } => Msg::HistReversal {
            delta: *delta,
            reason: reason.clone(),
        },
        EventBody::OfferUsed { count, .. } => Msg::HistOfferUsed(*count),
        EventBody::Unknown => Msg::HistUnknown,
    };
    t(msg)
}

/// The history list, newest first.
#[component]
pub fn HistoryList(entries: Vec<HistoryEntry>, #[prop(into)] currency: String) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="muted">{t(Msg::NoHistory)}</p> }.into_any();
    }
    let mut entries = entries;
    entries.sort_by(|a, b| b.occurred_at.cmp(&a.occurred_at).then(b.seq.cmp(&a.seq)));
    view! {
        <ul class="history">
            {entries
                .iter()
                .map(|entry| {
                    let kind = if entry.body.delta() < 0 { "history-item minus" } else { "history-item" };
                    view! {
                        <li class=kind data-testid="history-item">
                            <time datetime=entry.occurred_at.unix_timestamp().to_string()>
                                {i18n::date(entry.occurred_at)}
                            </time>
                            <span class="history-text">{entry_text(entry, &currency)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::entry_text;
    use regulars_protocol::wire::HistoryEntry;
    use regulars_protocol::{EventBody, EventId, RewardId};
    use time::macros::datetime;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn entry(body: EventBody, reward_name: Option<&str>) -> HistoryEntry {
        HistoryEntry {
            id: EventId::random(),
            seq: 1,
            occurred_at: datetime!(2026-11-02 10:00 UTC),
            body,
            reward_name: reward_name.map(str::to_owned),
        }
    }

    #[wasm_bindgen_test]
    fn history_reads_as_plain_sentences() {
        let one = entry(
            EventBody::StampsIssued {
                count: 1,
                amount_minor: None,
                category: None,
            },
            None,
        );
        assert_eq!(entry_text(&one, "EUR"), "+1 stamp");
        let two = entry(
            EventBody::StampsIssued {
                count: 2,
                amount_minor: None,
                category: None,
            },
            None,
        );
        assert_eq!(entry_text(&two, "EUR"), "+2 stamps");
        let points = entry(
            EventBody::PointsEarned {
                amount_minor: 1250,
                points: 12,
                program_version: 1,
                category: None,
                offer_id: None,
                offer_version: None,
            },
            None,
        );
        assert_eq!(entry_text(&points, "EUR"), "+12 points (12.50 EUR)");
        let redeemed = entry(
            EventBody::RewardRedeemed {
                reward_id: RewardId::random(),
                cost: 5,
                offline: false,
            },
            Some("Free coffee"),
        );
        assert_eq!(entry_text(&redeemed, "EUR"), "Redeemed Free coffee (-5)");
        let offer = |count| {
            entry(
                EventBody::OfferUsed {
                    offer_id: regulars_protocol::OfferId::random(),
                    offer_version: 1,
                    count,
                    offline: false,
                },
                None,
            )
        };
        assert_eq!(entry_text(&offer(0), "EUR"), "Offer used");
        assert_eq!(entry_text(&offer(2), "EUR"), "Offer used (+2 stamps)");
    }
}
