//! Who is at the till: the current staff member in the till's header, and switching with a PIN.
//!
//! How switching works, online and offline (the server side is `server/src/routes/staff.rs`):
//! - Online, the PIN typed on the pad goes to `POST /till/staff-session`. The server checks it
//!   and counts wrong PINs per tablet: after 5 in a row it pauses PIN checks for 30 seconds,
//!   doubling with each further wrong PIN, and the 10th unpairs the tablet.
//! - Offline (the server does not answer), the tablet checks a cashier's PIN itself against
//!   the member's argon2id hash from its till program (managers' and the owner's never reach a
//!   tablet: their switch needs the server) (`StaffMember::pin_hash`, the PHC string the
//!   server checks too), with the `argon2` crate compiled to wasm. It counts wrong PINs in
//!   IndexedDB ([`PinState`]) under the same rule (`regulars_protocol::staff::after_wrong_pins`):
//!   the same pauses, and after the 10th the till locks itself: no PIN is checked and no event
//!   is made. When the connection is back and the outbox has synced (so no coffee already
//!   served is lost), the tablet reports its wrong PINs (`POST /till/pin-failures`); they count
//!   towards the same pause and unpairing on the server, which unpairs a locked tablet.
//! - The member the tablet acts as is kept in IndexedDB beside the pairing's device id, so a
//!   reload keeps them and a new pairing starts with the owner (the till program's
//!   `default_staff_id`: the owner paired it, and the pairing gave the tablet the owner's staff
//!   session). Every event the till makes carries their id ([`acting_staff`]), and a redemption
//!   or reversal the proof of their staff session; a member the owner deactivated can no
//!   longer act.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::staff::{PinLockout, StaffSession, after_wrong_pins, is_valid_pin};
use regulars_protocol::wire::{PinFailuresReport, StaffMember, StaffSessionRequest};
use regulars_protocol::{DeviceId, StaffId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Refusal, TillContext};
use crate::api::{self, ApiError};
use crate::clock;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};
use crate::offline::sync;
use crate::offline::{OfflineError, Pairing, Store};
use crate::state::AppState;

/// The `device` store key of the [`PinState`].
const KEY: &str = "staff_session";

/// Who the till acts as, and its wrong PINs counted without a connection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct PinState {
    /// The pairing this belongs to: a new pairing starts afresh.
    device_id: Option<DeviceId>,
    /// The member switched to; `None`: the till program's default (the owner).
    staff_id: Option<StaffId>,
    /// Wrong PINs in a row checked on the tablet, not yet reported to the server.
    failures: u32,
    /// No PIN is checked before this time (by the server's clock).
    #[serde(default, with = "time::serde::rfc3339::option")]
    locked_until: Option<OffsetDateTime>,
    /// Ten wrong PINs in a row offline: locked until the server has heard of them.
    locked_out: bool,
    /// The staff session the server gave the member switched to: the till proves their
    /// redemptions and reversals with it (`regulars_protocol::staff::sign_event`). A switch
    /// checked offline has none, so those actions go to the server unproven and are flagged.
    #[serde(default)]
    session: Option<StaffSession>,
}

impl PinState {
    /// Seconds PIN checks stay paused, if they are.
    fn pause_left(&self) -> Option<i64> {
        let left = (self.locked_until? - clock::corrected_now()).whole_seconds();
        (left > 0).then_some(left)
    }
}

async fn load(store: &Store, device_id: DeviceId) -> PinState {
    match store.device_value::<PinState>(KEY).await {
        Ok(Some(state)) if state.device_id == Some(device_id) => state,
        _ => PinState {
            device_id: Some(device_id),
            ..PinState::default()
        },
    }
}

async fn save(store: &Store, state: &PinState) -> Result<(), OfflineError> {
    store.put_device_value(KEY, state).await
}

/// The member the till acts as: the one switched to, or the owner on a fresh pairing. `None` if
/// the member switched to is no longer active.
fn acting(pairing: &Pairing, state: &PinState) -> Option<StaffMember> {
    let id = state.staff_id.unwrap_or(pairing.till.default_staff_id);
    pairing.till.staff.iter().find(|s| s.id == id).cloned()
}

/// The staff id for a new event and the session that proves it (the one from the member's
/// switch, or on a fresh pairing the owner's from the pairing), or why the till cannot make one
/// now.
pub(super) async fn acting_staff(
    store: &Store,
) -> Result<(StaffId, Option<StaffSession>), Refusal> {
    let pairing = store.pairing().await?.ok_or(OfflineError::NotPaired)?;
    let state = load(store, pairing.device_id).await;
    if state.locked_out {
        return Err(Refusal::Message(t(Msg::PinUnpairPending)));
    }
    let member = acting(&pairing, &state).ok_or_else(|| Refusal::Message(t(Msg::NobodyAtTill)))?;
    let session = match state.staff_id {
        Some(_) => state.session,
        None => pairing.staff_session,
    }
    .filter(|session| session.staff_id == member.id);
    Ok((member.id, session))
}

/// Checks a PIN against its argon2id hash (the PHC string carries the salt and parameters).
/// Slow on purpose, like on the server: about a second on a small tablet.
pub fn pin_matches(pin: &str, pin_hash: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(pin_hash)
        .map(|hash| {
            argon2::Argon2::default()
                .verify_password(pin.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// What a PIN led to.
enum Outcome {
    Switched(StaffMember),
    Refused(String),
    Unpaired,
}

/// Tries `pin` for `member`: with the server when it answers, else on the tablet.
async fn try_pin(store: &Store, member: &StaffMember, pin: &str) -> Result<Outcome, Refusal> {
    let pairing = store.pairing().await?.ok_or(OfflineError::NotPaired)?;
    let mut state = load(store, pairing.device_id).await;
    if state.locked_out {
        return Ok(Outcome::Refused(t(Msg::PinUnpairPending)));
    }
    if let Some(left) = state.pause_left() {
        return Ok(Outcome::Refused(t(Msg::PinPaused(left))));
    }
    if sync::browser_online() {
        match report(store, &pairing, &mut state).await {
            Ok(()) => {}
            Err(err) if err.is_unauthorized() => return Ok(Outcome::Unpaired),
            Err(_) => {}
        }
        if let Some(left) = state.pause_left() {
            return Ok(Outcome::Refused(t(Msg::PinPaused(left))));
        }
        let request = StaffSessionRequest {
            staff_id: member.id,
            pin: pin.to_owned(),
        };
        match api::staff_session(&pairing.token, &request).await {
            Ok(answer) => return switched(store, state, member, answer.session).await,
            Err(err) if err.is_unauthorized() => return Ok(Outcome::Unpaired),
            Err(err) if !err.is_network() => return Ok(Outcome::Refused(err.user_message())),
            Err(_) => {}
        }
    }
    // No answer from the server: the tablet checks the PIN itself, under the same rule. Only
    // cashiers' hashes are on the tablet: a manager or the owner switches with the server.
    let Some(hash) = member.pin_hash.as_deref() else {
        return Ok(Outcome::Refused(t(if member.has_pin {
            Msg::SwitchNeedsConnection
        } else {
            Msg::NoStaffWithPin
        })));
    };
    // Let "Checking…" paint before argon2 takes the main thread.
    gloo_timers::future::TimeoutFuture::new(30).await;
    if pin_matches(pin, hash) {
        return switched(store, state, member, None).await;
    }
    state.failures += 1;
    let message = match after_wrong_pins(state.failures) {
        PinLockout::TryAgain { tries_left } => t(Msg::PinWrong(tries_left)),
        PinLockout::Pause(wait) => {
            state.locked_until = Some(clock::corrected_now() + wait);
            t(Msg::PinPaused(wait.whole_seconds()))
        }
        PinLockout::Unpair => {
            state.locked_out = true;
            t(Msg::PinUnpairPending)
        }
    };
    save(store, &state).await?;
    Ok(Outcome::Refused(message))
}

async fn switched(
    store: &Store,
    mut state: PinState,
    member: &StaffMember,
    session: Option<StaffSession>,
) -> Result<Outcome, Refusal> {
    state.staff_id = Some(member.id);
    state.session = session;
    state.failures = 0;
    state.locked_until = None;
    save(store, &state).await?;
    Ok(Outcome::Switched(member.clone()))
}

/// Tells the server about wrong PINs typed offline, and takes over any pause it answers with.
async fn report(store: &Store, pairing: &Pairing, state: &mut PinState) -> Result<(), ApiError> {
    if state.failures == 0 {
        return Ok(());
    }
    // Enough of them unpair the tablet: they wait until the outbox has drained, so what was
    // given before reaches the server first.
    if store.outbox_len().await.map_or(true, |waiting| waiting > 0) {
        return Ok(());
    }
    let count = state
        .failures
        .min(regulars_protocol::staff::PIN_TRIES_BEFORE_UNPAIR);
    let status = api::report_pin_failures(&pairing.token, &PinFailuresReport { count }).await?;
    state.failures = 0;
    state.locked_until = status.locked_until.or(state.locked_until);
    let _ = save(store, state).await;
    Ok(())
}

/// Loads who the till acts as into [`TillContext::staff`].
async fn refresh(store: &Store, till: TillContext) {
    let Ok(Some(pairing)) = store.pairing().await else {
        return;
    };
    let state = load(store, pairing.device_id).await;
    till.staff.try_set(if state.locked_out {
        None
    } else {
        acting(&pairing, &state)
    });
}

/// The till header's line: who is at the till, and "Switch".
#[component]
pub(super) fn StaffBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let open = RwSignal::new(false);
    // Nothing is said until IndexedDB has told who is at the till.
    let known = RwSignal::new(false);

    // Who acts follows the pairing (a pull may bring a changed staff list).
    Effect::new(move |_| {
        till.pairing.track();
        spawn_local(async move {
            if let Ok(store) = state.store().await {
                refresh(&store, till).await;
            }
            known.try_set(true);
        });
    });
    // Back online with an empty outbox: report wrong PINs typed offline (a till locked by them
    // is unpaired by the server's answer).
    Effect::new(move |_| {
        if !till.status.online.get() || till.status.unsynced.get() > 0 {
            return;
        }
        spawn_local(async move {
            let Ok(store) = state.store().await else {
                return;
            };
            let Ok(Some(pairing)) = store.pairing().await else {
                return;
            };
            let mut pins = load(&store, pairing.device_id).await;
            if let Err(err) = report(&store, &pairing, &mut pins).await
                && err.is_unauthorized()
            {
                till.unpaired(state);
            }
        });
    });

    let name = move || match till.staff.get() {
        Some(member) => t(Msg::ActingAs(member.name)),
        None if known.get() => t(Msg::NobodyAtTill),
        None => String::new(),
    };
    view! {
        <div class="staff-bar">
            <span class="staff-bar-name" data-testid="acting-staff">{name}</span>
            <button type="button" class="button button-small" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {t(Msg::SwitchStaff)}
            </button>
        </div>
        <Show when=move || open.get()>
            <SwitchPanel open />
        </Show>
    }
}

/// Picking a name, then the PIN pad.
#[component]
fn SwitchPanel(open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let picked = RwSignal::new(None::<StaffMember>);
    let pin = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let pin_input = NodeRef::<html::Input>::new();
    let with_pin = move || {
        till.pairing.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.till
                        .staff
                        .iter()
                        .filter(|s| s.pin_hash.is_some() || s.has_pin)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    // Staff the owner added a moment ago show at once: fetch the till program when online.
    Effect::new(move |_| till.refresh_program(state));
    Effect::new(move |_| {
        if picked.read().is_some()
            && let Some(input) = pin_input.get()
        {
            let _ = input.focus();
        }
    });

    let close = move || {
        open.set(false);
        till.focus_code();
    };
    let press = move |digit: char| {
        message.set(None);
        pin.update(|p| {
            if p.len() < regulars_protocol::staff::PIN_MAX_LEN {
                p.push(digit);
            }
        });
    };
    let confirm = move || {
        let Some(member) = picked.get_untracked() else {
            return;
        };
        let typed = pin.get_untracked();
        if busy.get_untracked() {
            return;
        }
        if !is_valid_pin(&typed) {
            message.set(Some(t(Msg::PinMustBeDigits)));
            return;
        }
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let outcome = match state.store().await {
                Ok(store) => try_pin(&store, &member, &typed).await,
                Err(err) => Err(err.into()),
            };
            busy.try_set(false);
            pin.try_set(String::new());
            match outcome {
                Ok(Outcome::Switched(member)) => {
                    till.staff.try_set(Some(member.clone()));
                    till.confirmation
                        .try_set(Some(t(Msg::SwitchedTo(member.name))));
                    close();
                }
                Ok(Outcome::Refused(why)) | Err(Refusal::Message(why)) => {
                    message.try_set(Some(why));
                    if let Some(input) = pin_input.get_untracked() {
                        let _ = input.focus();
                    }
                }
                Ok(Outcome::Unpaired) | Err(Refusal::Unpaired) => till.unpaired(state),
                Err(Refusal::Checking) => {}
            }
        });
    };

    view! {
        <section class="switch-panel" role="dialog" aria-labelledby="switch-heading">
            <div class="switch-header">
                <h2 id="switch-heading">
                    {move || match picked.get() {
                        Some(member) => t(Msg::PinFor(member.name)),
                        None => t(Msg::SwitchTitle),
                    }}
                </h2>
                <button type="button" class="button button-quiet button-small" on:click=move |_| close()>{t(Msg::Close)}</button>
            </div>
            {move || match picked.get() {
                None => {
                    let staff = with_pin();
                    if staff.is_empty() {
                        return view! { <p class="muted">{t(Msg::NoStaffWithPin)}</p> }.into_any();
                    }
                    view! {
                        <ul class="staff-pick">
                            {staff.into_iter().map(|member| {
                                let label = member.name.clone();
                                let role = regulars_protocol::StaffRole::parse(&member.role)
                                    .map(|r| t(Msg::RoleName(r)))
                                    .unwrap_or_default();
                                view! {
                                    <li>
                                        <button type="button" class="button button-wide staff-pick-button"
                                            on:click=move |_| { message.set(None); picked.set(Some(member.clone())); }>
                                            <span class="staff-pick-name">{label}</span>
                                            <span class="muted">{role}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
                Some(_) => view! {
                    <form class="pin-form" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); confirm(); }>
                        <label class="field pin-field">
                            <span class="field-label">{t(Msg::Pin)}</span>
                            <input type="password" name="pin" inputmode="numeric" autocomplete="off" maxlength="6"
                                pattern="[0-9]*" node_ref=pin_input bind:value=pin />
                        </label>
                        <div class="pin-pad">
                            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].into_iter().map(|digit| view! {
                                <button type="button" class="button pin-key" on:click=move |_| press(digit) disabled=busy>{digit.to_string()}</button>
                            }).collect_view()}
                            <button type="button" class="button pin-key" aria-label=t(Msg::PinDelete) disabled=busy
                                on:click=move |_| pin.update(|p| { p.pop(); })>"⌫"</button>
                            <button type="button" class="button pin-key" on:click=move |_| press('0') disabled=busy>"0"</button>
                            <button type="submit" class="button button-primary pin-key" disabled=busy>
                                {move || if busy.get() { t(Msg::PinChecking) } else { t(Msg::PinConfirm) }}
                            </button>
                        </div>
                        <ErrorAlert message=message />
                        <button type="button" class="button button-quiet" on:click=move |_| { picked.set(None); pin.set(String::new()); message.set(None); }>
                            {t(Msg::OtherStaff)}
                        </button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regulars_protocol::staff::PIN_TRIES_BEFORE_PAUSE;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// "2468", hashed by the server (`auth::hash_password`: argon2id, default parameters).
    const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$bOAq5yAZFVoaAGrxg8+wEA$MzDD7kLpcld96QcqWXJDyJJ0NGd+SgW93fTbtbDoscI";

    #[wasm_bindgen_test]
    fn the_tablet_checks_a_pin_against_the_servers_hash() {
        assert!(pin_matches("2468", HASH));
        assert!(!pin_matches("2469", HASH));
        assert!(!pin_matches("2468", "not a hash"));
    }

    #[wasm_bindgen_test]
    fn a_pause_left_is_counted_on_the_corrected_clock() {
        let mut state = PinState::default();
        assert_eq!(state.pause_left(), None);
        state.locked_until = Some(clock::corrected_now() + time::Duration::seconds(30));
        assert!(matches!(state.pause_left(), Some(29..=30)));
        state.locked_until = Some(clock::corrected_now() - time::Duration::seconds(1));
        assert_eq!(state.pause_left(), None);
        assert!(matches!(
            after_wrong_pins(PIN_TRIES_BEFORE_PAUSE),
            PinLockout::Pause(_)
        ));
    }
}
