//! How far a card is from each reward.

use leptos::prelude::*;
use regulars_protocol::{Program, ProgramKind};

use crate::i18n::{Msg, t};

/// One line per active reward: its name and "Ready to redeem" or "N more stamps".
#[component]
pub fn RewardProgress(program: Program, balance: i64) -> impl IntoView {
    let kind: ProgramKind = program.kind;
    view! {
        <ul class="rewards">
            {program
                .active_rewards()
                .map(|reward| {
                    let missing = reward.cost - balance;
                    let ready = missing <= 0;
                    let status = if ready { t(Msg::ReadyToRedeem) } else { t(Msg::MoreToGo(kind, missing)) };
                    let percent = if reward.cost > 0 {
                        (balance.clamp(0, reward.cost) * 100 / reward.cost).to_string()
                    } else {
                        "100".to_owned()
                    };
                    view! {
                        <li class="reward" class:reward-ready=ready data-testid="reward-progress">
                            <span class="reward-name">{reward.name.clone()}</span>
                            <span class="reward-status">{status}</span>
                            <span class="meter" aria-hidden="true">
                                <span class="meter-fill" style=("width", format!("{percent}%"))></span>
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
