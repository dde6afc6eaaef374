//! `/staff`: the cashier's till. Pair once; then scan (or type) a card, give stamps or points,
//! redeem rewards.

mod customer;
mod pair;
mod wedge;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::wire::{Customer, LookupRequest, PushRequest, PushStatus};
use regulars_protocol::{Balance, CardId, Event, EventBody, EventId};

use crate::api::{self, ApiError};
use crate::clock;
use crate::components::brand::brand_style;
use crate::components::feedback::ErrorAlert;
use crate::i18n::{Msg, t};
use crate::offline::Pairing;
use crate::state::AppState;

use customer::CustomerPanel;
use pair::PairForm;

/// The till's state, shared by the parts of this page.
#[derive(Debug, Clone, Copy)]
struct TillContext {
    /// The pairing, as IndexedDB holds it (the device sequence is read from IndexedDB).
    pairing: RwSignal<Option<Pairing>>,
    /// Why the pairing form is shown again.
    notice: RwSignal<Option<String>>,
    /// The customer in front of the cashier.
    customer: RwSignal<Option<Customer>>,
    /// Their balance, updated after each action.
    balance: RwSignal<i64>,
    /// The last action's confirmation, readable from a metre away.
    confirmation: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    code_input: NodeRef<html::Input>,
}

impl TillContext {
    fn new() -> Self {
        Self {
            pairing: RwSignal::new(None),
            notice: RwSignal::new(None),
            customer: RwSignal::new(None),
            balance: RwSignal::new(0),
            confirmation: RwSignal::new(None),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
            code_input: NodeRef::new(),
        }
    }

    fn token(&self) -> Option<String> {
        self.pairing
            .with_untracked(|p| p.as_ref().map(|p| p.token.clone()))
    }

    /// Puts the cursor back in "Card code", ready for the next scan.
    fn focus_code(&self) {
        if let Some(input) = self.code_input.get_untracked() {
            let _ = input.focus();
        }
    }

    /// Clears the customer for the next one.
    fn next_customer(&self) {
        self.customer.set(None);
        self.confirmation.set(None);
        self.error.set(None);
        if let Some(input) = self.code_input.get_untracked() {
            input.set_value("");
        }
        self.focus_code();
    }

    /// The server no longer knows this device: forget the pairing and ask for a new one.
    fn unpaired(&self, state: AppState) {
        let this = *self;
        spawn_local(async move {
            if let Ok(store) = state.store().await {
                let _ = store.delete_pairing().await;
            }
            this.customer.set(None);
            this.confirmation.set(None);
            this.error.set(None);
            this.notice.set(Some(t(Msg::Unpaired)));
            this.pairing.set(None);
        });
    }

    /// Looks a card code up and shows its customer.
    fn lookup(&self, state: AppState, code: String) {
        let code = code.trim().to_owned();
        let Some(token) = self.token() else { return };
        if code.is_empty() || self.busy.get_untracked() {
            return;
        }
        let this = *self;
        this.busy.set(true);
        this.error.set(None);
        this.confirmation.set(None);
        spawn_local(async move {
            match api::lookup(&token, &LookupRequest { code }).await {
                Ok(customer) => {
                    this.balance.set(customer.balance.balance);
                    this.customer.set(Some(customer));
                    if let Some(input) = this.code_input.get_untracked() {
                        input.set_value("");
                    }
                }
                Err(err) if err.is_unauthorized() => this.unpaired(state),
                Err(err) => {
                    this.customer.set(None);
                    this.error.set(Some(err.user_message()));
                    this.focus_code();
                }
            }
            this.busy.set(false);
        });
    }

    /// Records an event for the current customer and shows the confirmation `confirm` builds
    /// from the new balance.
    fn record(
        &self,
        state: AppState,
        card_id: CardId,
        body: EventBody,
        confirm: impl FnOnce(i64) -> Msg + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        let this = *self;
        this.busy.set(true);
        this.error.set(None);
        this.confirmation.set(None);
        spawn_local(async move {
            match push_event(state, card_id, body).await {
                Ok(balance) => {
                    this.balance.set(balance.balance);
                    this.customer.update(|c| {
                        if let Some(c) = c {
                            c.balance = balance;
                        }
                    });
                    this.confirmation.set(Some(t(confirm(balance.balance))));
                    this.focus_code();
                }
                Err(PushError::Unpaired) => this.unpaired(state),
                Err(PushError::Failed(message)) => this.error.set(Some(message)),
            }
            this.busy.set(false);
        });
    }
}

/// Why an event was not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PushError {
    Unpaired,
    Failed(String),
}

impl From<ApiError> for PushError {
    fn from(err: ApiError) -> Self {
        if err.is_unauthorized() {
            PushError::Unpaired
        } else {
            PushError::Failed(err.user_message())
        }
    }
}

/// Builds the event (UUIDv7 id, the next device sequence, committed to IndexedDB first) and
/// pushes it. Returns the card's balance after it.
async fn push_event(
    state: AppState,
    card_id: CardId,
    body: EventBody,
) -> Result<Balance, PushError> {
    let storage =
        |e: crate::offline::OfflineError| PushError::Failed(t(Msg::StorageFailed(e.to_string())));
    let store = state.store().await.map_err(storage)?;
    let (pairing, device_seq) = store.take_device_seq().await.map_err(storage)?;
    let event = Event {
        id: EventId(clock::new_v7()),
        card_id,
        device_id: pairing.device_id,
        device_seq,
        staff_id: Some(pairing.till.default_staff_id),
        occurred_at: clock::now(),
        body,
    };
    let response = api::push(
        &pairing.token,
        &PushRequest {
            events: vec![event],
            sent_at: Some(clock::now()),
        },
    )
    .await?;
    let result = response
        .results
        .into_iter()
        .next()
        .ok_or_else(|| PushError::Failed(t(Msg::NoResult)))?;
    match result.status {
        PushStatus::Accepted | PushStatus::Duplicate => result
            .balance
            .ok_or_else(|| PushError::Failed(t(Msg::NoResult))),
        PushStatus::Rejected => Err(PushError::Failed(
            result
                .reason
                .or(result.code)
                .unwrap_or_else(|| t(Msg::NoResult)),
        )),
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = TillContext::new();
    provide_context(till);
    let loaded = RwSignal::new(false);
    let storage_error = RwSignal::new(None::<String>);

    // Sync with IndexedDB once, then refresh the program from the server when online.
    Effect::new(move |_| {
        spawn_local(async move {
            let store = match state.store().await {
                Ok(store) => store,
                Err(err) => {
                    storage_error.set(Some(t(Msg::StorageFailed(err.to_string()))));
                    loaded.set(true);
                    return;
                }
            };
            let stored = match store.pairing().await {
                Ok(p) => p,
                Err(err) => {
                    storage_error.set(Some(t(Msg::StorageFailed(err.to_string()))));
                    None
                }
            };
            let token = stored.as_ref().map(|p| p.token.clone());
            till.pairing.set(stored);
            loaded.set(true);
            let Some(token) = token else { return };
            match api::till_program(&token).await {
                Ok(program) => {
                    if let Ok(fresh) = store.update_till(program).await {
                        till.pairing.set(Some(fresh));
                    }
                }
                Err(err) if err.is_unauthorized() => till.unpaired(state),
                // Offline: keep the stored program.
                Err(_) => {}
            }
        });
    });

    let paired = Memo::new(move |_| till.pairing.with(|p| p.as_ref().map(|p| p.device_id)));

    view! {
        <ErrorAlert message=storage_error />
        {move || {
            if !loaded.get() {
                return view! { <section class="page till" aria-busy="true"></section> }.into_any();
            }
            match paired.get() {
                None => view! { <PairForm /> }.into_any(),
                Some(_) => view! { <Till /> }.into_any(),
            }
        }}
    }
}

/// The paired till.
#[component]
fn Till() -> impl IntoView {
    let state = expect_context::<AppState>();
    let till = expect_context::<TillContext>();
    let shop_name = move || {
        till.pairing.with(|p| {
            p.as_ref()
                .map(|p| p.till.shop.name.clone())
                .unwrap_or_default()
        })
    };
    let style = move || {
        till.pairing.with(|p| {
            p.as_ref()
                .map(|p| brand_style(&p.till.shop.brand_color))
                .unwrap_or_default()
        })
    };

    wedge::listen(move |code| till.lookup(state, code));

    // "Card code" is focused as soon as it is on the page.
    Effect::new(move |_| {
        if let Some(input) = till.code_input.get() {
            let _ = input.focus();
        }
    });

    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(input) = till.code_input.get_untracked() {
            till.lookup(state, input.value());
        }
    };
    let customer_key = Memo::new(move |_| till.customer.with(|c| c.as_ref().map(|c| c.card_id)));

    view! {
        <section class="page till shop-page" style=style>
            <header class="till-header">
                <h1>{shop_name}</h1>
            </header>
            <form class="till-lookup" on:submit=find>
                <label class="field field-grow">
                    <span class="field-label">{t(Msg::CardCode)}</span>
                    <input
                        type="text"
                        name="card_code"
                        node_ref=till.code_input
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        enterkeyhint="search"
                    />
                </label>
                <button type="submit" class="button button-primary" disabled=till.busy>{t(Msg::FindCard)}</button>
            </form>
            <p class="muted till-hint">{t(Msg::ScanHint)}</p>
            <ErrorAlert message=till.error />
            <Show when=move || till.confirmation.read().is_some()>
                <p role="status" class="confirmation" data-testid="confirmation">
                    {move || till.confirmation.get().unwrap_or_default()}
                </p>
            </Show>
            {move || customer_key.get().map(|card_id| view! { <CustomerPanel card_id /> })}
        </section>
    }
}
