//! `/admin/members`: the program's members with their balances; blocking a card; printed cards
//! for shoppers without a smartphone (a QR signed once by the shop's key, good for collecting
//! only, printed at bank-card size): made at the counter, and printed again ("Print card") for any
//! member without a phone, those an import of the shop's history brought in included.

use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::ProgramKind;
use regulars_protocol::wire::{Member, OwnerShop, PrintedCard, PrintedCardRequest};

use crate::api;
use crate::components::brand::brand_style;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::components::qr::QrImage;
use crate::i18n::{self, Msg, OwnerMsg, t, to};
use crate::pages::admin::dashboard::owner_shop;
use crate::pages::admin::refresh_owner;
use crate::state::{AppState, OwnerSession};

#[component]
pub fn MembersPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if state.owner.get_untracked() == OwnerSession::Unknown {
            refresh_owner(state, error);
        }
    });

    view! {
        <ErrorAlert message=error />
        {move || match state.owner.get() {
            OwnerSession::Unknown => view! { <section class="page members" aria-busy="true"></section> }.into_any(),
            OwnerSession::LoggedOut => view! {
                <section class="page page-narrow">
                    <h1>{t(Msg::NeedLogin)}</h1>
                    <a class="button" href="/admin">{t(Msg::GoToAdmin)}</a>
                </section>
            }
            .into_any(),
            OwnerSession::LoggedIn(_) => view! { <Members /> }.into_any(),
        }}
    }
}

/// How a member is called on the owner's screens.
fn member_name(member: &Member) -> String {
    member
        .first_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| {
            t(Msg::UnnamedMember(
                member.card_id.to_string()[..8].to_owned(),
            ))
        })
}

#[component]
fn Members() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(owner) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let kind = owner.program.kind;
    let members = RwSignal::new(None::<Vec<Member>>);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let printed = RwSignal::new(None::<PrintedCard>);

    spawn_local(async move {
        match api::members().await {
            Ok(list) => {
                members.try_set(Some(list));
            }
            Err(err) => {
                error.try_set(Some(err.user_message()));
            }
        }
    });

    let on_blocked = Callback::new(move |member: Member| {
        status.set(Some(t(Msg::CardBlockedDone(member_name(&member)))));
        members.update(|list| {
            if let Some(row) = list
                .iter_mut()
                .flatten()
                .find(|m| m.card_id == member.card_id)
            {
                *row = member;
            }
        });
    });
    let on_printed = Callback::new(move |card: PrintedCard| {
        status.set(Some(t(Msg::PrintedCardMade)));
        members.update(|list| {
            if let Some(list) = list {
                list.insert(0, card.member.clone());
            }
        });
        printed.set(Some(card));
    });
    let on_reprint = Callback::new(move |card: PrintedCard| {
        status.set(Some(to(OwnerMsg::CardToPrint(member_name(&card.member)))));
        printed.set(Some(card));
    });

    view! {
        <section class="page members shop-page" style=brand_style(&owner.shop.brand_color)>
            <header class="members-header no-print">
                <p class="eyebrow">{owner.shop.name.clone()}</p>
                <h1>{t(Msg::MembersHeading)}</h1>
                <p class="stat">
                    <span class="stat-number">
                        {move || members.with(|m| m.as_ref().map(|m| t(Msg::Members(m.len() as i64))))}
                    </span>
                </p>
            </header>
            <ErrorAlert message=error />
            <div class="no-print">
                <StatusLine message=status />
            </div>
            {
                let owner = owner.clone();
                move || printed.get().map(|card| view! {
                    <PrintableCard owner=owner.clone() card on_close=move |()| printed.set(None) />
                })
            }
            <PrintedCardForm kind on_printed />
            <p class="no-print">
                <a class="button button-quiet" download="" href=api::members_csv_path()>{t(Msg::DownloadMembersCsv)}</a>
            </p>
            <section class="panel no-print" aria-labelledby="members-heading">
                <h2 id="members-heading" class="visually-hidden">{t(Msg::MembersHeading)}</h2>
                {move || match members.get() {
                    None => view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any(),
                    Some(list) if list.is_empty() => view! { <p class="muted">{t(Msg::MembersEmpty)}</p> }.into_any(),
                    Some(list) => view! {
                        <ul class="member-list">
                            {list.into_iter().map(|member| view! { <MemberRow member kind on_blocked on_reprint /> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }}
            </section>
            <a class="button button-quiet no-print" href="/admin">{t(Msg::BackToDashboard)}</a>
        </section>
    }
    .into_any()
}

/// One member: name, tags, balance, "Print card" for a printed card, and "Block card" with a
/// confirmation.
#[component]
fn MemberRow(
    member: Member,
    kind: ProgramKind,
    on_blocked: Callback<Member>,
    on_reprint: Callback<PrintedCard>,
) -> impl IntoView {
    let name = member_name(&member);
    let blocked = member.revoked_at.is_some();
    let card_id = member.card_id;
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let block = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::revoke_card(card_id).await {
                Ok(member) => on_blocked.run(member),
                Err(err) => {
                    error.try_set(Some(err.user_message()));
                }
            }
            busy.try_set(false);
        });
    };
    let reprint = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::printed_card(card_id).await {
                Ok(card) => on_reprint.run(card),
                Err(err) => {
                    error.try_set(Some(err.user_message()));
                }
            }
            busy.try_set(false);
        });
    };

    let confirm_text = t(Msg::ConfirmBlock(name.clone()));
    view! {
        <li class="member-row" class:member-blocked=blocked data-testid="member">
            <div class="member-main">
                <a class="member-name" href=format!("/admin/insights/members/{card_id}")>{name}</a>
                {member.printed.then(|| view! { <span class="tag">{t(Msg::PrintedCardTag)}</span> })}
                {blocked.then(|| view! { <span class="tag tag-danger">{t(Msg::BlockedTag)}</span> })}
                <span class="member-since muted">{t(Msg::MemberSince(member.created_at))}</span>
            </div>
            <span class="member-balance">{t(Msg::Amount(kind, member.balance.balance))}</span>
            {(!blocked).then(|| view! {
                <div class="member-actions">
                    {member.printed.then(|| view! {
                        <button type="button" class="button button-quiet" on:click=reprint disabled=busy>
                            {to(OwnerMsg::PrintCard)}
                        </button>
                    })}
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="button button-quiet" on:click=move |_| confirming.set(true)>
                                {t(Msg::BlockCard)}
                            </button>
                        }
                    >
                        <div class="confirm" role="group" aria-label=t(Msg::BlockCard)>
                            <p>{confirm_text.clone()}</p>
                            <button type="button" class="button button-danger" on:click=block disabled=busy>
                                {t(Msg::ConfirmBlockButton)}
                            </button>
                            <button type="button" class="button button-quiet" on:click=move |_| confirming.set(false)>
                                {t(Msg::Cancel)}
                            </button>
                        </div>
                    </Show>
                    <ErrorAlert message=error />
                </div>
            })}
        </li>
    }
}

/// "Make a printed card": an optional first name, then the card to print.
#[component]
fn PrintedCardForm(kind: ProgramKind, on_printed: Callback<PrintedCard>) -> impl IntoView {
    let first_name = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let name = first_name.get_untracked().trim().to_owned();
        let request = PrintedCardRequest {
            first_name: (!name.is_empty()).then_some(name),
        };
        spawn_local(async move {
            match api::create_printed_card(&request).await {
                Ok(card) => {
                    first_name.try_set(String::new());
                    on_printed.run(card);
                }
                Err(err) => {
                    error.try_set(Some(err.user_message()));
                }
            }
            busy.try_set(false);
        });
    };

    view! {
        <section class="panel no-print" aria-labelledby="printed-heading">
            <h2 id="printed-heading">{t(Msg::MakePrintedCard)}</h2>
            <p class="muted">{t(Msg::PrintedCardIntro)}" "{t(Msg::PrintedCardOnly(kind))}"."</p>
            <form class="form form-inline" on:submit=make>
                <label class="field">
                    <span class="field-label">{t(Msg::FirstName)}</span>
                    <input type="text" name="first_name" maxlength="50" autocomplete="off" bind:value=first_name />
                </label>
                <ErrorAlert message=error />
                <button type="submit" class="button button-primary" disabled=busy>{t(Msg::MakePrintedCard)}</button>
            </form>
        </section>
    }
}

/// The printed card at bank-card size: shop name and colours, the member's first name, the
/// QR of its `R3` code, and what it is good for. Only the card prints.
#[component]
fn PrintableCard(
    owner: OwnerShop,
    card: PrintedCard,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let name = card
        .member
        .first_name
        .clone()
        .filter(|n| !n.trim().is_empty());
    let print = move |_| {
        let _ = window().print();
    };
    // The card appears away from the button that asked for it (above the list): the focus
    // moves to "Print", which brings the card into view.
    let print_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = print_button.get() {
            let _ = button.focus();
        }
    });
    view! {
        <section class="printed-card-wrap" aria-label=t(Msg::PrintedCardTag)>
            <article class="printed-card" style=brand_style(&owner.shop.brand_color) data-testid="printed-card">
                <header class="printed-card-header">{owner.shop.name.clone()}</header>
                <div class="printed-card-body">
                    <QrImage data=card.code.clone() label=t(Msg::PrintedCardQrLabel) class="qr-printed" />
                    <div class="printed-card-text">
                        {name.map(|n| view! { <p class="printed-card-name">{n}</p> })}
                        <p class="printed-card-note">{t(Msg::PrintedCardOnly(owner.program.kind))}</p>
                        <p class="printed-card-pitch">{i18n::pitch(&owner.program)}</p>
                    </div>
                </div>
            </article>
            <div class="printed-card-actions no-print">
                <button type="button" class="button button-primary" on:click=print node_ref=print_button>{t(Msg::Print)}</button>
                <button type="button" class="button button-quiet" on:click=move |_| on_close.run(())>{t(Msg::Done)}</button>
            </div>
        </section>
    }
}
