//! `/admin/offers`: the owner's offers. One short form makes an offer or a new version of one:
//! what it gives, when, who it is for, how often one member may use it and the share held out;
//! before saving it shows how many members the offer would reach (the server counts them,
//! `POST /owner/offers/preview`, a moment after the audience last changed). Under it, every
//! offer with its dates and what members did with it, and Pause or Resume, End and Edit.
//!
//! The form checks an offer with the protocol's own rules ([`OfferInput::validate`]) before
//! sending it, so the field at fault is shown at once; the server checks again and names the
//! field the same way. Dates are days in the browser's time zone (the owner's, in the shop):
//! an offer runs from the first day's midnight to the end of the last day.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use regulars_protocol::insights::Segment;
use regulars_protocol::offers::{
    Audience, DEFAULT_HOLDOUT_PERCENT, Difference, EffectVerdict, Gift, Hours, OfferEffect,
    OfferInput, OfferPreview, OfferStatus, OwnerOffer,
};
use regulars_protocol::program::{Category, format_money, parse_money};
use regulars_protocol::{OfferId, ProgramKind};
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime};

use crate::api::{self, ApiError};
use crate::clock;
use crate::components::brand::brand_style;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::i18n::{self, Msg, OwnerMsg, t, to};
use crate::pages::admin::dashboard::owner_shop;
use crate::pages::admin::insights::with_session;
use crate::state::AppState;

/// How long the audience must stay still before the members it reaches are counted, in
/// milliseconds.
const PREVIEW_DELAY_MS: u32 = 400;
/// The multipliers the form offers, in tenths.
const MULTIPLIERS: [i64; 3] = [15, 20, 30];
/// Longest a same-day offer runs, in hours.
const MAX_HOURS_AHEAD: i64 = 24;

#[component]
pub fn OffersPage() -> impl IntoView {
    with_session(|| view! { <Offers /> }.into_any())
}

/// What an offer gives, as the form's select names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GiftKind {
    ExtraStamps,
    Multiplier,
    CategoryMultiplier,
    FreeItem,
    AmountOff,
    PercentOff,
}

impl GiftKind {
    /// The kinds a program can give, in the select's order.
    fn for_program(kind: ProgramKind) -> &'static [GiftKind] {
        match kind {
            ProgramKind::Stamps => &[
                GiftKind::ExtraStamps,
                GiftKind::FreeItem,
                GiftKind::AmountOff,
                GiftKind::PercentOff,
            ],
            ProgramKind::Points => &[
                GiftKind::Multiplier,
                GiftKind::CategoryMultiplier,
                GiftKind::FreeItem,
                GiftKind::AmountOff,
                GiftKind::PercentOff,
            ],
        }
    }

    fn of(gift: &Gift) -> GiftKind {
        match gift {
            Gift::ExtraStamps { .. } => GiftKind::ExtraStamps,
            Gift::PointsMultiplier { .. } => GiftKind::Multiplier,
            Gift::CategoryMultiplier { .. } => GiftKind::CategoryMultiplier,
            Gift::FreeItem { .. } => GiftKind::FreeItem,
            Gift::AmountOff { .. } => GiftKind::AmountOff,
            Gift::PercentOff { .. } => GiftKind::PercentOff,
        }
    }

    fn value(self) -> &'static str {
        match self {
            GiftKind::ExtraStamps => "extra_stamps",
            GiftKind::Multiplier => "points_multiplier",
            GiftKind::CategoryMultiplier => "category_multiplier",
            GiftKind::FreeItem => "free_item",
            GiftKind::AmountOff => "amount_off",
            GiftKind::PercentOff => "percent_off",
        }
    }

    fn parse(value: &str) -> Option<GiftKind> {
        [
            GiftKind::ExtraStamps,
            GiftKind::Multiplier,
            GiftKind::CategoryMultiplier,
            GiftKind::FreeItem,
            GiftKind::AmountOff,
            GiftKind::PercentOff,
        ]
        .into_iter()
        .find(|k| k.value() == value)
    }

    fn label(self) -> String {
        to(match self {
            GiftKind::ExtraStamps => OwnerMsg::GiftExtraStamps,
            GiftKind::Multiplier => OwnerMsg::GiftMultiplier,
            GiftKind::CategoryMultiplier => OwnerMsg::GiftCategoryMultiplier,
            GiftKind::FreeItem => OwnerMsg::GiftFreeItem,
            GiftKind::AmountOff => OwnerMsg::GiftAmountOff,
            GiftKind::PercentOff => OwnerMsg::GiftPercentOff,
        })
    }
}

/// When an offer runs, as the form asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// From now, for a number of hours (a same-day offer).
    Hours,
    /// From the first day's start to the last day's end.
    Dates,
    /// As the offer being edited runs now.
    Kept,
}

/// A field the form or the server found wrong: its name (as [`OfferInput::validate`] and the
/// server give it: `gift.count`, `audience`, ...) and the sentence to show.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fault {
    field: String,
    message: String,
}

impl Fault {
    fn new(field: &str, message: String) -> Fault {
        Fault {
            field: field.to_owned(),
            message: to(OwnerMsg::OfferFault {
                field: field.to_owned(),
                message,
            }),
        }
    }

    /// Whether the fault is in one of `fields` or one of their parts (`gift` covers
    /// `gift.count`).
    fn concerns(&self, fields: &[&str]) -> bool {
        fields.iter().any(|name| {
            self.field == *name
                || self
                    .field
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    }

    /// From an error answer: the field the server named, or none (the form as a whole).
    fn from_api(err: &ApiError) -> Fault {
        let field = match err {
            ApiError::Api { body, .. } => body.field.clone(),
            _ => None,
        };
        match field {
            Some(field) => Fault::new(&field, err.user_message()),
            None => Fault {
                field: String::new(),
                message: err.user_message(),
            },
        }
    }
}

fn whole(input: &str, field: &str) -> Result<i64, Fault> {
    input
        .trim()
        .parse::<i64>()
        .map_err(|_| Fault::new(field, to(OwnerMsg::OfferWholeNumber)))
}

/// An optional rule's figure: empty is no rule.
fn optional_whole(input: &str, field: &str) -> Result<Option<i64>, Fault> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    whole(input, field).map(Some)
}

fn money(input: &str, currency: &str, field: &str) -> Result<i64, Fault> {
    parse_money(input, currency).ok_or_else(|| Fault::new(field, to(OwnerMsg::OfferMoneyNeeded)))
}

/// Money as the form shows it: `2.50` for 250 EUR cents (the amount without the currency).
fn money_input(amount_minor: i64, currency: &str) -> String {
    format_money(amount_minor, currency)
        .trim_end_matches(currency)
        .trim()
        .to_owned()
}

fn iso_date(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

fn parse_date(input: &str) -> Option<Date> {
    Date::parse(input.trim(), format_description!("[year]-[month]-[day]")).ok()
}

/// The start of a day in the browser's time zone.
fn local_midnight(date: Date) -> OffsetDateTime {
    let naive = date.midnight();
    let offset = clock::local(naive.assume_utc()).offset();
    naive.assume_offset(offset).to_offset(time::UtcOffset::UTC)
}

/// Today in the browser's time zone.
fn today() -> Date {
    clock::local(clock::now()).date()
}

/// The form's fields, each a signal (what the owner typed, as typed).
#[derive(Debug, Clone, Copy)]
struct Draft {
    title: RwSignal<String>,
    text: RwSignal<String>,
    gift: RwSignal<GiftKind>,
    stamps: RwSignal<String>,
    times_tenths: RwSignal<i64>,
    gift_category: RwSignal<String>,
    item: RwSignal<String>,
    amount: RwSignal<String>,
    percent: RwSignal<String>,
    when: RwSignal<When>,
    hours_ahead: RwSignal<String>,
    start_date: RwSignal<String>,
    end_date: RwSignal<String>,
    /// The window of the offer being edited (for [`When::Kept`]).
    kept: RwSignal<Option<(OffsetDateTime, OffsetDateTime)>>,
    /// Monday first.
    weekdays: [RwSignal<bool>; 7],
    from_hour: RwSignal<String>,
    to_hour: RwSignal<String>,
    everyone: RwSignal<bool>,
    segments: RwSignal<Vec<Segment>>,
    min_visits: RwSignal<String>,
    min_spend: RwSignal<String>,
    lapsed_days: RwSignal<String>,
    overdue: RwSignal<bool>,
    category: RwSignal<String>,
    top_customers: RwSignal<bool>,
    uses: RwSignal<String>,
    holdout: RwSignal<String>,
}

impl Draft {
    fn new(kind: ProgramKind) -> Draft {
        let draft = Draft {
            title: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            gift: RwSignal::new(GiftKind::FreeItem),
            stamps: RwSignal::new(String::new()),
            times_tenths: RwSignal::new(20),
            gift_category: RwSignal::new(String::new()),
            item: RwSignal::new(String::new()),
            amount: RwSignal::new(String::new()),
            percent: RwSignal::new(String::new()),
            when: RwSignal::new(When::Dates),
            hours_ahead: RwSignal::new(String::new()),
            start_date: RwSignal::new(String::new()),
            end_date: RwSignal::new(String::new()),
            kept: RwSignal::new(None),
            weekdays: std::array::from_fn(|_| RwSignal::new(false)),
            from_hour: RwSignal::new(String::new()),
            to_hour: RwSignal::new(String::new()),
            everyone: RwSignal::new(true),
            segments: RwSignal::new(Vec::new()),
            min_visits: RwSignal::new(String::new()),
            min_spend: RwSignal::new(String::new()),
            lapsed_days: RwSignal::new(String::new()),
            overdue: RwSignal::new(false),
            category: RwSignal::new(String::new()),
            top_customers: RwSignal::new(false),
            uses: RwSignal::new(String::new()),
            holdout: RwSignal::new(String::new()),
        };
        draft.reset(kind);
        draft
    }

    /// A fresh form: everyone, for a week from today, once per member, the default holdout.
    fn reset(self, kind: ProgramKind) {
        self.title.set(String::new());
        self.text.set(String::new());
        self.gift.set(GiftKind::for_program(kind)[0]);
        self.stamps.set("1".into());
        self.times_tenths.set(20);
        self.gift_category.set(String::new());
        self.item.set(String::new());
        self.amount.set(String::new());
        self.percent.set("10".into());
        self.when.set(When::Dates);
        self.hours_ahead.set("3".into());
        let today = today();
        self.start_date.set(iso_date(today));
        self.end_date
            .set(iso_date(today.saturating_add(Duration::days(6))));
        self.kept.set(None);
        for day in self.weekdays {
            day.set(false);
        }
        self.from_hour.set(String::new());
        self.to_hour.set(String::new());
        self.everyone.set(true);
        self.segments.set(Vec::new());
        self.min_visits.set(String::new());
        self.min_spend.set(String::new());
        self.lapsed_days.set(String::new());
        self.overdue.set(false);
        self.category.set(String::new());
        self.top_customers.set(false);
        self.uses.set("1".into());
        self.holdout.set(DEFAULT_HOLDOUT_PERCENT.to_string());
    }

    /// Shows an offer to edit: its window is kept as it is unless the owner picks another.
    fn fill(self, input: &OfferInput, currency: &str) {
        self.title.set(input.title.clone());
        self.text.set(input.text.clone());
        self.gift.set(GiftKind::of(&input.gift));
        match &input.gift {
            Gift::ExtraStamps { count } => self.stamps.set(count.to_string()),
            Gift::PointsMultiplier { times_tenths } => self.times_tenths.set(*times_tenths),
            Gift::CategoryMultiplier {
                category,
                times_tenths,
            } => {
                self.times_tenths.set(*times_tenths);
                self.gift_category.set(category.clone());
            }
            Gift::FreeItem { item } => self.item.set(item.clone()),
            Gift::AmountOff { amount_minor } => {
                self.amount.set(money_input(*amount_minor, currency))
            }
            Gift::PercentOff { percent } => self.percent.set(percent.to_string()),
        }
        self.when.set(When::Kept);
        self.kept.set(Some((input.starts_at, input.ends_at)));
        self.start_date
            .set(iso_date(clock::local(input.starts_at).date()));
        self.end_date.set(iso_date(
            clock::local(input.ends_at - Duration::seconds(1)).date(),
        ));
        for (n, day) in self.weekdays.iter().enumerate() {
            day.set(input.weekdays.contains(&(n as u8 + 1)));
        }
        let (from, to) = input
            .hours
            .map(|h| (h.from.to_string(), h.to.to_string()))
            .unwrap_or_default();
        self.from_hour.set(from);
        self.to_hour.set(to);
        let a = &input.audience;
        self.everyone.set(a.everyone);
        self.segments.set(a.segments.clone());
        let figure = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        self.min_visits.set(figure(a.min_visits));
        self.min_spend.set(
            a.min_spend_minor
                .map(|m| money_input(m, currency))
                .unwrap_or_default(),
        );
        self.lapsed_days.set(figure(a.lapsed_days));
        self.overdue.set(a.overdue);
        self.category.set(a.category.clone().unwrap_or_default());
        self.top_customers.set(a.top_customers);
        self.uses.set(input.uses_per_member.to_string());
        self.holdout.set(input.holdout_percent.to_string());
    }

    /// Who the offer is for (read with tracking, so the preview follows it).
    fn audience(self, currency: &str) -> Result<Audience, Fault> {
        if self.everyone.get() {
            return Ok(Audience {
                everyone: true,
                ..Audience::default()
            });
        }
        let spend = self.min_spend.get();
        Ok(Audience {
            everyone: false,
            segments: self.segments.get(),
            min_visits: optional_whole(&self.min_visits.get(), "audience.min_visits")?,
            min_spend_minor: if spend.trim().is_empty() {
                None
            } else {
                Some(money(&spend, currency, "audience.min_spend_minor")?)
            },
            lapsed_days: optional_whole(&self.lapsed_days.get(), "audience.lapsed_days")?,
            overdue: self.overdue.get(),
            category: Some(self.category.get()).filter(|c| !c.is_empty()),
            top_customers: self.top_customers.get(),
        })
    }

    fn holdout_percent(self) -> Result<i64, Fault> {
        whole(&self.holdout.get(), "holdout_percent")
    }

    fn gift(self, currency: &str) -> Result<Gift, Fault> {
        Ok(match self.gift.get_untracked() {
            GiftKind::ExtraStamps => Gift::ExtraStamps {
                count: whole(&self.stamps.get_untracked(), "gift.count")?,
            },
            GiftKind::Multiplier => Gift::PointsMultiplier {
                times_tenths: self.times_tenths.get_untracked(),
            },
            GiftKind::CategoryMultiplier => Gift::CategoryMultiplier {
                category: self.gift_category.get_untracked(),
                times_tenths: self.times_tenths.get_untracked(),
            },
            GiftKind::FreeItem => Gift::FreeItem {
                item: self.item.get_untracked().trim().to_owned(),
            },
            GiftKind::AmountOff => Gift::AmountOff {
                amount_minor: money(&self.amount.get_untracked(), currency, "gift.amount_minor")?,
            },
            GiftKind::PercentOff => Gift::PercentOff {
                percent: whole(&self.percent.get_untracked(), "gift.percent")?,
            },
        })
    }

    /// When it runs, from `now` for a same-day offer.
    fn window(self, now: OffsetDateTime) -> Result<(OffsetDateTime, OffsetDateTime), Fault> {
        match self.when.get_untracked() {
            When::Hours => {
                let hours = whole(&self.hours_ahead.get_untracked(), "ends_at")?;
                if !(1..=MAX_HOURS_AHEAD).contains(&hours) {
                    return Err(Fault::new(
                        "ends_at",
                        to(OwnerMsg::OfferHoursAheadRange(MAX_HOURS_AHEAD)),
                    ));
                }
                Ok((now, now + Duration::hours(hours)))
            }
            When::Dates => {
                let day = |input: RwSignal<String>, field| {
                    parse_date(&input.get_untracked())
                        .ok_or_else(|| Fault::new(field, to(OwnerMsg::OfferDateNeeded)))
                };
                let first = day(self.start_date, "starts_at")?;
                let last = day(self.end_date, "ends_at")?;
                let after_last = last.next_day().unwrap_or(last);
                Ok((local_midnight(first), local_midnight(after_last)))
            }
            When::Kept => self
                .kept
                .get_untracked()
                .ok_or_else(|| Fault::new("starts_at", to(OwnerMsg::OfferDateNeeded))),
        }
    }

    fn hours(self) -> Result<Option<Hours>, Fault> {
        let (from, to_hour) = (self.from_hour.get_untracked(), self.to_hour.get_untracked());
        match (from.is_empty(), to_hour.is_empty()) {
            (true, true) => Ok(None),
            (false, false) => Ok(Some(Hours {
                from: from.parse().unwrap_or(0),
                to: to_hour.parse().unwrap_or(24),
            })),
            _ => Err(Fault::new("hours", to(OwnerMsg::OfferHoursBoth))),
        }
    }

    /// The offer as the server takes it, checked by the protocol's rules.
    fn input(self, kind: ProgramKind, currency: &str) -> Result<OfferInput, Fault> {
        let gift = self.gift(currency)?;
        let (starts_at, ends_at) = self.window(clock::now())?;
        let weekdays = (1..=7u8)
            .zip(self.weekdays)
            .filter(|(_, on)| on.get_untracked())
            .map(|(day, _)| day)
            .collect();
        let input = OfferInput {
            title: self.title.get_untracked().trim().to_owned(),
            text: self.text.get_untracked().trim().to_owned(),
            gift,
            starts_at,
            ends_at,
            weekdays,
            hours: self.hours()?,
            audience: untrack(|| self.audience(currency))?,
            holdout_percent: untrack(|| self.holdout_percent())?,
            uses_per_member: whole(&self.uses.get_untracked(), "uses_per_member")?,
        };
        input
            .validate(kind == ProgramKind::Points)
            .map_err(|e| Fault::new(e.field, e.message))?;
        Ok(input)
    }
}

/// What the preview asks the server: the audience and holdout as the form has them, around an
/// offer valid in every other way (the count does not depend on the rest).
fn preview_input(audience: Audience, holdout_percent: i64) -> Result<OfferInput, Fault> {
    let now = clock::now();
    let input = OfferInput {
        title: "Preview".into(),
        text: String::new(),
        gift: Gift::FreeItem {
            item: "Preview".into(),
        },
        starts_at: now,
        ends_at: now + Duration::hours(1),
        weekdays: Vec::new(),
        hours: None,
        audience,
        holdout_percent,
        uses_per_member: 1,
    };
    input
        .validate(false)
        .map_err(|e| Fault::new(e.field, e.message))?;
    Ok(input)
}

/// What the form says about the members the offer would reach.
#[derive(Debug, Clone, PartialEq)]
enum Reach {
    Nothing,
    Counting,
    Counted {
        preview: OfferPreview,
        targeted: bool,
    },
    Wrong(String),
}

#[component]
fn Offers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(owner) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let kind = owner.program.kind;
    let currency = owner.shop.currency.clone();
    let categories = owner.program.categories.clone();
    let offers = RwSignal::new(None::<Vec<OwnerOffer>>);
    let error = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<(OfferId, i32)>);
    let draft = Draft::new(kind);
    let title_input = NodeRef::<leptos::html::Input>::new();
    let (form_currency, form_categories) = (currency.clone(), categories.clone());

    spawn_local(async move {
        match api::offers().await {
            Ok(list) => {
                offers.try_set(Some(list.offers));
            }
            Err(err) => {
                error.try_set(Some(err.user_message()));
            }
        }
    });

    let saved = Callback::new(move |offer: OwnerOffer| {
        offers.update(|list| {
            let list = list.get_or_insert_with(Vec::new);
            match list.iter_mut().find(|o| o.id == offer.id) {
                Some(row) => *row = offer,
                None => list.insert(0, offer),
            }
        });
    });
    let edit = {
        let currency = currency.clone();
        Callback::new(move |offer: OwnerOffer| {
            draft.fill(&offer.input, &currency);
            editing.set(Some((offer.id, offer.version)));
            if let Some(input) = title_input.get_untracked() {
                let _ = input.focus();
            }
        })
    };

    view! {
        <section class="page offers shop-page" style=brand_style(&owner.shop.brand_color)>
            <header>
                <p class="eyebrow">{owner.shop.name.clone()}</p>
                <h1>{to(OwnerMsg::OffersTitle)}</h1>
                <p class="muted">{to(OwnerMsg::OffersIntro)}</p>
            </header>
            <ErrorAlert message=error />
            <OfferForm
                kind
                currency=form_currency
                categories=form_categories
                draft
                editing
                title_input
                on_saved=saved
            />
            <section class="panel" aria-labelledby="offer-list-heading">
                <h2 id="offer-list-heading">{to(OwnerMsg::OffersListTitle)}</h2>
                {move || match offers.get() {
                    None => view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any(),
                    Some(list) if list.is_empty() => {
                        view! { <p class="muted">{to(OwnerMsg::OffersEmpty)}</p> }.into_any()
                    }
                    Some(list) => {
                        let currency = currency.clone();
                        let categories = categories.clone();
                        view! {
                            <OfferComparison offers=list.clone() currency=currency.clone() />
                            <ul class="offer-list">
                                {list
                                    .into_iter()
                                    .map(|offer| {
                                        view! {
                                            <OfferRow
                                                offer
                                                currency=currency.clone()
                                                categories=categories.clone()
                                                on_changed=saved
                                                on_edit=edit
                                            />
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
            </section>
            <a class="button button-quiet" href="/admin">{t(Msg::BackToDashboard)}</a>
        </section>
    }
    .into_any()
}

/// The offers that have an effect so far, side by side on the same measures: visits and spend
/// per member against the holdout (with the interval), dismissals, the verdict.
#[component]
fn OfferComparison(offers: Vec<OwnerOffer>, currency: String) -> impl IntoView {
    let measured: Vec<(String, OfferEffect)> = offers
        .into_iter()
        .filter_map(|o| o.effect.map(|e| (o.input.title, e)))
        .filter(|(_, e)| e.verdict != EffectVerdict::TooFewMembers)
        .collect();
    if measured.is_empty() {
        return ().into_any();
    }
    let visits = |d: Difference| {
        format!(
            "{:+.2} ({:+.2} to {:+.2})",
            d.estimate as f64 / 1000.0,
            d.low as f64 / 1000.0,
            d.high as f64 / 1000.0
        )
    };
    let money = move |m: i64| {
        let sign = if m < 0 { "-" } else { "+" };
        format!("{sign}{}", format_money(m.abs(), &currency))
    };
    let spend = move |d: Difference| {
        format!(
            "{} ({} to {})",
            money(d.estimate),
            money(d.low),
            money(d.high)
        )
    };
    view! {
        <div class="table-scroll">
            <table class="offer-comparison" data-testid="offer-comparison">
                <caption>{to(OwnerMsg::CompareTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{to(OwnerMsg::CompareOffer)}</th>
                        <th scope="col">{to(OwnerMsg::CompareVisits)}</th>
                        <th scope="col">{to(OwnerMsg::CompareSpend)}</th>
                        <th scope="col">{to(OwnerMsg::CompareDismissed)}</th>
                        <th scope="col">{to(OwnerMsg::CompareVerdict)}</th>
                    </tr>
                </thead>
                <tbody>
                    {measured.into_iter().map(|(title, e)| view! {
                        <tr>
                            <th scope="row">{title}</th>
                            <td>{visits(e.visits)}</td>
                            <td>{spend(e.spend_minor)}</td>
                            <td>{format!("{} %", e.dismissed_percent)}</td>
                            <td>{to(OwnerMsg::VerdictShort(e.verdict))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The fault's sentence when it concerns one of `fields` (a field or its parts: `gift` covers
/// `gift.count`).
#[component]
fn FieldFault(fault: RwSignal<Option<Fault>>, fields: &'static [&'static str]) -> impl IntoView {
    let message = move || {
        fault.with(|f| {
            f.as_ref()
                .filter(|f| f.concerns(fields))
                .map(|f| f.message.clone())
        })
    };
    view! {
        {move || message().map(|m| view! { <p class="field-error">{m}</p> })}
    }
}

#[component]
fn OfferForm(
    kind: ProgramKind,
    currency: String,
    categories: Vec<Category>,
    draft: Draft,
    editing: RwSignal<Option<(OfferId, i32)>>,
    title_input: NodeRef<leptos::html::Input>,
    on_saved: Callback<OwnerOffer>,
) -> impl IntoView {
    let fault = RwSignal::new(None::<Fault>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let reach = RwSignal::new(Reach::Nothing);
    let at_fault = move |fields: &'static [&'static str]| {
        move || fault.with(|f| f.as_ref().is_some_and(|f| f.concerns(fields)))
    };
    let alert = Signal::derive(move || fault.with(|f| f.as_ref().map(|f| f.message.clone())));

    // The members it would reach: counted by the server a moment after the audience or the
    // holdout last changed; an answer that arrives after a newer question is dropped.
    let asked = StoredValue::new(0_u64);
    let open = StoredValue::new(true);
    on_cleanup(move || {
        open.try_set_value(false);
    });
    {
        let currency = currency.clone();
        Effect::new(move |_| {
            let audience = draft.audience(&currency);
            let holdout = draft.holdout_percent();
            let question = asked.get_value() + 1;
            asked.set_value(question);
            let input = match audience
                .and_then(|a| holdout.map(|h| (a, h)))
                .and_then(|(a, h)| preview_input(a, h))
            {
                Ok(input) => input,
                Err(f) => {
                    reach.set(Reach::Wrong(f.message));
                    return;
                }
            };
            let targeted = input.audience.is_targeted();
            reach.set(Reach::Counting);
            spawn_local(async move {
                TimeoutFuture::new(PREVIEW_DELAY_MS).await;
                let current = move || {
                    open.try_get_value() == Some(true) && asked.try_get_value() == Some(question)
                };
                if !current() {
                    return;
                }
                let answer = api::preview_offer(&input).await;
                if !current() {
                    return;
                }
                reach.try_set(match answer {
                    Ok(preview) => Reach::Counted { preview, targeted },
                    Err(err) => Reach::Wrong(Fault::from_api(&err).message),
                });
            });
        });
    }

    let submit = {
        let currency = currency.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            status.set(None);
            let input = match draft.input(kind, &currency) {
                Ok(input) => input,
                Err(f) => {
                    fault.set(Some(f));
                    return;
                }
            };
            fault.set(None);
            busy.set(true);
            let target = editing.get_untracked();
            spawn_local(async move {
                let answer = match target {
                    Some((id, _)) => api::update_offer(id, &input).await,
                    None => api::create_offer(&input).await,
                };
                match answer {
                    Ok(offer) => {
                        status.try_set(Some(to(OwnerMsg::OfferSaved {
                            title: offer.input.title.clone(),
                            version: offer.version,
                        })));
                        on_saved.run(offer);
                        editing.try_set(None);
                        draft.reset(kind);
                    }
                    Err(err) => {
                        fault.try_set(Some(Fault::from_api(&err)));
                    }
                }
                busy.try_set(false);
            });
        }
    };
    let stop_editing = move |_| {
        editing.set(None);
        fault.set(None);
        draft.reset(kind);
    };

    let amount_label = to(OwnerMsg::AmountOffLabel(currency.clone()));
    let spend_label = to(OwnerMsg::MinSpend(currency.clone()));
    let gift_categories = categories.clone();
    let rule_categories = categories;

    view! {
        <section class="panel offer-form-panel" aria-labelledby="offer-form-heading">
            <h2 id="offer-form-heading">
                {move || match editing.get() {
                    Some(_) => to(OwnerMsg::EditingOffer(draft.title.get())),
                    None => to(OwnerMsg::NewOffer),
                }}
            </h2>
            {move || editing.get().map(|(_, version)| view! {
                <p class="offer-version-note" data-testid="offer-version-note">
                    {to(OwnerMsg::SavingMakesVersion(version + 1))}
                </p>
            })}
            <form class="form offer-form" on:submit=submit novalidate data-testid="offer-form">
                <label class="field">
                    <span class="field-label">{to(OwnerMsg::OfferTitle)}</span>
                    <input
                        type="text"
                        name="offer_title"
                        maxlength="60"
                        required
                        node_ref=title_input
                        aria-invalid=move || at_fault(&["title"])().to_string()
                        bind:value=draft.title
                    />
                    <span class="field-hint">{to(OwnerMsg::OfferTitleHint)}</span>
                    <FieldFault fault fields=&["title"] />
                </label>
                <label class="field">
                    <span class="field-label">{to(OwnerMsg::OfferText)}</span>
                    <input
                        type="text"
                        name="offer_text"
                        maxlength="200"
                        aria-invalid=move || at_fault(&["text"])().to_string()
                        bind:value=draft.text
                    />
                    <span class="field-hint">{to(OwnerMsg::OfferTextHint)}</span>
                    <FieldFault fault fields=&["text"] />
                </label>

                <fieldset class="field offer-group">
                    <legend class="field-label">{to(OwnerMsg::OfferGives)}</legend>
                    <div class="form-row">
                        <label class="field field-grow">
                            <span class="field-label">{to(OwnerMsg::GiftKindLabel)}</span>
                            <select
                                name="gift_kind"
                                prop:value=move || draft.gift.get().value()
                                on:change=move |ev| {
                                    if let Some(k) = GiftKind::parse(&event_target_value(&ev)) {
                                        draft.gift.set(k);
                                    }
                                }
                            >
                                {GiftKind::for_program(kind)
                                    .iter()
                                    .map(|k| {
                                        let k = *k;
                                        view! { <option value=k.value() selected=move || draft.gift.get() == k>{k.label()}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </label>
                        {move || match draft.gift.get() {
                            GiftKind::ExtraStamps => view! {
                                <label class="field field-small">
                                    <span class="field-label">{to(OwnerMsg::ExtraStampsCount)}</span>
                                    <input type="number" name="gift_count" min="1" max="20" inputmode="numeric" bind:value=draft.stamps />
                                </label>
                            }
                            .into_any(),
                            GiftKind::Multiplier | GiftKind::CategoryMultiplier => view! {
                                <label class="field field-small">
                                    <span class="field-label">{to(OwnerMsg::MultiplierLabel)}</span>
                                    <select
                                        name="gift_multiplier"
                                        prop:value=move || draft.times_tenths.get().to_string()
                                        on:change=move |ev| {
                                            if let Ok(n) = event_target_value(&ev).parse() {
                                                draft.times_tenths.set(n);
                                            }
                                        }
                                    >
                                        {MULTIPLIERS
                                            .iter()
                                            .map(|n| {
                                                let n = *n;
                                                view! { <option value=n.to_string() selected=move || draft.times_tenths.get() == n>{to(OwnerMsg::Multiplier(n))}</option> }
                                            })
                                            .collect_view()}
                                    </select>
                                </label>
                            }
                            .into_any(),
                            GiftKind::FreeItem => view! {
                                <label class="field field-grow">
                                    <span class="field-label">{to(OwnerMsg::FreeItemName)}</span>
                                    <input type="text" name="gift_item" maxlength="60" bind:value=draft.item />
                                </label>
                            }
                            .into_any(),
                            GiftKind::AmountOff => view! {
                                <label class="field field-small">
                                    <span class="field-label">{amount_label.clone()}</span>
                                    <input type="text" name="gift_amount" inputmode="decimal" bind:value=draft.amount />
                                </label>
                            }
                            .into_any(),
                            GiftKind::PercentOff => view! {
                                <label class="field field-small">
                                    <span class="field-label">{to(OwnerMsg::PercentOffLabel)}</span>
                                    <input type="number" name="gift_percent" min="1" max="90" inputmode="numeric" bind:value=draft.percent />
                                </label>
                            }
                            .into_any(),
                        }}
                        <Show when=move || draft.gift.get() == GiftKind::CategoryMultiplier>
                            <label class="field field-grow">
                                <span class="field-label">{to(OwnerMsg::GiftCategory)}</span>
                                <select
                                    name="gift_category"
                                    prop:value=move || draft.gift_category.get()
                                    on:change=move |ev| draft.gift_category.set(event_target_value(&ev))
                                >
                                    <option value="">{to(OwnerMsg::PickCategory)}</option>
                                    {gift_categories
                                        .iter()
                                        .map(|c| {
                                            let id = c.id.clone();
                                            let picked = id.clone();
                                            view! { <option value=id selected=move || draft.gift_category.with(|g| *g == picked)>{c.name.clone()}</option> }
                                        })
                                        .collect_view()}
                                </select>
                            </label>
                        </Show>
                    </div>
                    <FieldFault fault fields=&["gift"] />
                </fieldset>

                <fieldset class="field offer-group">
                    <legend class="field-label">{to(OwnerMsg::WhenLegend)}</legend>
                    <div class="radio-group">
                        <label class="radio">
                            <input
                                type="radio"
                                name="offer_when"
                                value="hours"
                                prop:checked=move || draft.when.get() == When::Hours
                                on:change=move |_| draft.when.set(When::Hours)
                            />
                            <span>{to(OwnerMsg::WhenHours)}</span>
                        </label>
                        <label class="radio">
                            <input
                                type="radio"
                                name="offer_when"
                                value="dates"
                                prop:checked=move || draft.when.get() == When::Dates
                                on:change=move |_| draft.when.set(When::Dates)
                            />
                            <span>{to(OwnerMsg::WhenDates)}</span>
                        </label>
                        {move || draft.kept.get().map(|(from, until)| view! {
                            <label class="radio">
                                <input
                                    type="radio"
                                    name="offer_when"
                                    value="kept"
                                    prop:checked=move || draft.when.get() == When::Kept
                                    on:change=move |_| draft.when.set(When::Kept)
                                />
                                <span>{to(OwnerMsg::WhenKept(i18n::date_time(from), i18n::date_time(until)))}</span>
                            </label>
                        })}
                    </div>
                    {move || match draft.when.get() {
                        When::Hours => view! {
                            <label class="field field-small">
                                <span class="field-label">{to(OwnerMsg::HoursAhead)}</span>
                                <input type="number" name="hours_ahead" min="1" max=MAX_HOURS_AHEAD.to_string() inputmode="numeric" bind:value=draft.hours_ahead />
                            </label>
                        }
                        .into_any(),
                        When::Dates => view! {
                            <div class="form-row">
                                <label class="field">
                                    <span class="field-label">{to(OwnerMsg::StartDate)}</span>
                                    <input type="date" name="start_date" bind:value=draft.start_date />
                                </label>
                                <label class="field">
                                    <span class="field-label">{to(OwnerMsg::EndDate)}</span>
                                    <input type="date" name="end_date" bind:value=draft.end_date />
                                </label>
                            </div>
                        }
                        .into_any(),
                        When::Kept => ().into_any(),
                    }}
                    <FieldFault fault fields=&["starts_at", "ends_at"] />
                </fieldset>

                <fieldset class="field offer-group">
                    <legend class="field-label">{to(OwnerMsg::DaysLegend)}</legend>
                    <p class="field-hint">{to(OwnerMsg::DaysHint)}</p>
                    <div class="offer-checks">
                        {draft
                            .weekdays
                            .iter()
                            .enumerate()
                            .map(|(n, day)| {
                                let day = *day;
                                view! {
                                    <label class="radio">
                                        <input type="checkbox" name="weekday" value=(n + 1).to_string() bind:checked=day />
                                        <span>{t(Msg::Weekday(n as u8))}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                    <div class="form-row">
                        <HourSelect label=to(OwnerMsg::FromHour) name="from_hour" value=draft.from_hour hours=0..=23 />
                        <HourSelect label=to(OwnerMsg::ToHour) name="to_hour" value=draft.to_hour hours=1..=24 />
                    </div>
                    <FieldFault fault fields=&["weekdays", "hours"] />
                </fieldset>

                <fieldset class="field offer-group">
                    <legend class="field-label">{to(OwnerMsg::WhoLegend)}</legend>
                    <div class="radio-group">
                        <label class="radio">
                            <input
                                type="radio"
                                name="offer_who"
                                value="everyone"
                                prop:checked=move || draft.everyone.get()
                                on:change=move |_| draft.everyone.set(true)
                            />
                            <span>{to(OwnerMsg::OfferEveryone)}</span>
                        </label>
                        <label class="radio">
                            <input
                                type="radio"
                                name="offer_who"
                                value="some"
                                prop:checked=move || !draft.everyone.get()
                                on:change=move |_| draft.everyone.set(false)
                            />
                            <span>{to(OwnerMsg::SomeMembers)}</span>
                        </label>
                    </div>
                    <Show when=move || !draft.everyone.get()>
                        <p class="field-hint">{to(OwnerMsg::SomeMembersHint)}</p>
                        <fieldset class="field">
                            <legend class="field-label">{to(OwnerMsg::GroupsLegend)}</legend>
                            <div class="offer-checks">
                                {Segment::ALL
                                    .into_iter()
                                    .map(|segment| {
                                        let ticked = move || draft.segments.with(|s| s.contains(&segment));
                                        let toggle = move |ev: leptos::ev::Event| {
                                            let on = event_target_checked(&ev);
                                            draft.segments.update(|s| {
                                                s.retain(|x| *x != segment);
                                                if on {
                                                    s.push(segment);
                                                }
                                            });
                                        };
                                        view! {
                                            <label class="radio">
                                                <input
                                                    type="checkbox"
                                                    name="segment"
                                                    value=segment.as_str()
                                                    prop:checked=ticked
                                                    on:change=toggle
                                                />
                                                <span>{t(Msg::SegmentName(segment))}</span>
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        </fieldset>
                        <fieldset class="field">
                            <legend class="field-label">{to(OwnerMsg::RulesLegend)}</legend>
                            <div class="offer-rules">
                                <label class="field">
                                    <span class="field-label">{to(OwnerMsg::MinVisits)}</span>
                                    <input type="number" name="min_visits" min="1" inputmode="numeric" bind:value=draft.min_visits />
                                </label>
                                <label class="field">
                                    <span class="field-label">{spend_label.clone()}</span>
                                    <input type="text" name="min_spend" inputmode="decimal" bind:value=draft.min_spend />
                                </label>
                                <label class="field">
                                    <span class="field-label">{to(OwnerMsg::LapsedDays)}</span>
                                    <input type="number" name="lapsed_days" min="1" inputmode="numeric" bind:value=draft.lapsed_days />
                                </label>
                                <label class="field">
                                    <span class="field-label">{to(OwnerMsg::BoughtCategory)}</span>
                                    <select
                                        name="audience_category"
                                        prop:value=move || draft.category.get()
                                        on:change=move |ev| draft.category.set(event_target_value(&ev))
                                    >
                                        <option value="">{to(OwnerMsg::AnyCategory)}</option>
                                        {rule_categories
                                            .iter()
                                            .map(|c| {
                                                let id = c.id.clone();
                                                let picked = id.clone();
                                                view! { <option value=id selected=move || draft.category.with(|g| *g == picked)>{c.name.clone()}</option> }
                                            })
                                            .collect_view()}
                                    </select>
                                </label>
                            </div>
                            <label class="radio">
                                <input type="checkbox" name="overdue" bind:checked=draft.overdue />
                                <span>{to(OwnerMsg::Overdue)}</span>
                            </label>
                            <label class="radio">
                                <input type="checkbox" name="top_customers" bind:checked=draft.top_customers />
                                <span>{to(OwnerMsg::TopCustomers)}</span>
                            </label>
                        </fieldset>
                    </Show>
                    <FieldFault fault fields=&["audience"] />
                </fieldset>

                <div class="form-row">
                    <label class="field field-small">
                        <span class="field-label">{to(OwnerMsg::UsesPerMember)}</span>
                        <input type="number" name="uses_per_member" min="1" max="100" inputmode="numeric" bind:value=draft.uses />
                    </label>
                    <label class="field field-small">
                        <span class="field-label">{to(OwnerMsg::OfferHoldout)}</span>
                        <input type="number" name="holdout_percent" min="5" max="50" inputmode="numeric" bind:value=draft.holdout />
                    </label>
                </div>
                <p class="field-hint">
                    {move || {
                        let percent = draft
                            .holdout
                            .get()
                            .trim()
                            .parse()
                            .unwrap_or(DEFAULT_HOLDOUT_PERCENT);
                        to(OwnerMsg::HoldoutHint(percent))
                    }}
                </p>
                <FieldFault fault fields=&["uses_per_member", "holdout_percent"] />

                <p class="offer-reach" role="status" data-testid="offer-reach">
                    {move || match reach.get() {
                        Reach::Nothing => String::new(),
                        Reach::Counting => to(OwnerMsg::OfferCounting),
                        Reach::Counted { preview, targeted } => to(OwnerMsg::OfferReaches {
                            eligible: preview.eligible,
                            held_out: preview.held_out,
                            without_consent: targeted.then_some(preview.without_consent),
                        }),
                        Reach::Wrong(message) => message,
                    }}
                </p>
                <ErrorAlert message=alert />
                <StatusLine message=status />
                <div class="form-row">
                    <button type="submit" class="button button-primary" disabled=busy>
                        {move || match editing.get() {
                            Some((_, version)) => to(OwnerMsg::SaveVersion(version + 1)),
                            None => to(OwnerMsg::CreateOffer),
                        }}
                    </button>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" class="button button-quiet" on:click=stop_editing>
                            {to(OwnerMsg::StopEditing)}
                        </button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

/// A select of whole hours ("" for none).
#[component]
fn HourSelect(
    label: String,
    name: &'static str,
    value: RwSignal<String>,
    hours: std::ops::RangeInclusive<u8>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <select
                name=name
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">{to(OwnerMsg::AnyHour)}</option>
                {hours
                    .map(|h| {
                        let hour = h.to_string();
                        let picked = hour.clone();
                        view! { <option value=hour selected=move || value.with(|v| *v == picked)>{format!("{h:02}:00")}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// What an offer gives, in a few words.
fn gift_words(gift: &Gift, currency: &str, categories: &[Category]) -> String {
    to(match gift {
        Gift::ExtraStamps { count } => OwnerMsg::GivesStamps(*count),
        Gift::PointsMultiplier { times_tenths } => OwnerMsg::GivesMultiplier(*times_tenths),
        Gift::CategoryMultiplier {
            category,
            times_tenths,
        } => OwnerMsg::GivesCategoryMultiplier(*times_tenths, category_name(category, categories)),
        Gift::FreeItem { item } => OwnerMsg::GivesItem(item.clone()),
        Gift::AmountOff { amount_minor } => {
            OwnerMsg::GivesAmountOff(format_money(*amount_minor, currency))
        }
        Gift::PercentOff { percent } => OwnerMsg::GivesPercentOff(*percent),
    })
}

fn category_name(id: &str, categories: &[Category]) -> String {
    categories
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| id.to_owned())
}

/// Who an offer is for, in a few words.
fn audience_words(audience: &Audience, currency: &str, categories: &[Category]) -> String {
    if audience.everyone {
        return to(OwnerMsg::OfferEveryone);
    }
    let mut parts: Vec<String> = Vec::new();
    if !audience.segments.is_empty() {
        parts.push(
            audience
                .segments
                .iter()
                .map(|s| t(Msg::SegmentName(*s)))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(n) = audience.min_visits {
        parts.push(to(OwnerMsg::RuleMinVisits(n)));
    }
    if let Some(m) = audience.min_spend_minor {
        parts.push(to(OwnerMsg::RuleMinSpend(format_money(m, currency))));
    }
    if let Some(d) = audience.lapsed_days {
        parts.push(to(OwnerMsg::RuleLapsed(d)));
    }
    if audience.overdue {
        parts.push(to(OwnerMsg::RuleOverdue));
    }
    if let Some(c) = &audience.category {
        parts.push(to(OwnerMsg::RuleCategory(category_name(c, categories))));
    }
    if audience.top_customers {
        parts.push(to(OwnerMsg::RuleTop));
    }
    parts.join("; ")
}

/// The days and hours an offer can be used, when it is limited to some.
fn usable_words(input: &OfferInput) -> Option<String> {
    let days = (!input.weekdays.is_empty()).then(|| {
        input
            .weekdays
            .iter()
            .map(|d| t(Msg::Weekday(d.saturating_sub(1))))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let hours = input
        .hours
        .map(|h| format!("{:02}:00–{:02}:00", h.from, h.to));
    match (days, hours) {
        (None, None) => None,
        (Some(d), None) => Some(d),
        (None, Some(h)) => Some(h),
        (Some(d), Some(h)) => Some(format!("{d}, {h}")),
    }
}

/// One offer: title, status, when, what and for whom, the counts, and its buttons.
#[component]
fn OfferRow(
    offer: OwnerOffer,
    currency: String,
    categories: Vec<Category>,
    on_changed: Callback<OwnerOffer>,
    on_edit: Callback<OwnerOffer>,
) -> impl IntoView {
    let id = offer.id;
    let status = offer.status;
    let busy = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let change = move |to_status: OfferStatus| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::set_offer_status(id, to_status).await {
                Ok(offer) => on_changed.run(offer),
                Err(err) => {
                    error.try_set(Some(err.user_message()));
                }
            }
            busy.try_set(false);
        });
    };
    let input = &offer.input;
    let title = input.title.clone();
    let counts = offer.counts;
    let figures = [
        (OwnerMsg::CountEligible, counts.eligible, "eligible"),
        (OwnerMsg::CountHeldOut, counts.held_out, "held-out"),
        (OwnerMsg::CountShown, counts.shown, "shown"),
        (OwnerMsg::CountOpened, counts.opened, "opened"),
        (OwnerMsg::CountSaved, counts.saved, "saved"),
        (OwnerMsg::CountDismissed, counts.dismissed, "dismissed"),
        (OwnerMsg::CountUsed, counts.used, "used"),
    ];
    // Where the rankings put it, while it runs.
    let placed = (status == OfferStatus::Active).then_some([
        (OwnerMsg::CountOnCards, counts.on_cards, "on-cards"),
        (OwnerMsg::CountFirstOn, counts.first_on, "first-on"),
    ]);
    let stored = StoredValue::new(offer.clone());
    let ended = status == OfferStatus::Ended;
    let status_class = format!("badge offer-status offer-status-{}", status.as_str());

    view! {
        <li class="offer-row" class:offer-ended=ended data-testid="offer-row">
            <div class="offer-row-head">
                <h3 class="offer-row-title">{title.clone()}</h3>
                <span class=status_class>{to(OwnerMsg::OfferStatusName(status))}</span>
                <span class="muted">{to(OwnerMsg::OfferVersion(offer.version))}</span>
            </div>
            {(!input.text.is_empty()).then(|| view! { <p class="offer-row-text">{input.text.clone()}</p> })}
            <p class="offer-row-facts">
                <span>{gift_words(&input.gift, &currency, &categories)}</span>
                <span>{to(OwnerMsg::OfferDates(i18n::date_time(input.starts_at), i18n::date_time(input.ends_at)))}</span>
                {usable_words(input).map(|w| view! { <span>{w}</span> })}
                <span>{to(OwnerMsg::ForWhom(audience_words(&input.audience, &currency, &categories)))}</span>
                <span>{to(OwnerMsg::UsesSummary(input.uses_per_member))}</span>
                <span>{to(OwnerMsg::HoldoutSummary(input.holdout_percent))}</span>
            </p>
            <dl class="offer-counts">
                {figures
                    .into_iter()
                    .map(|(label, n, testid)| view! {
                        <div class="offer-count" data-testid=format!("offer-{testid}")>
                            <dt>{to(label)}</dt>
                            <dd>{n}</dd>
                        </div>
                    })
                    .collect_view()}
                {placed.into_iter().flatten().map(|(label, n, testid)| view! {
                    <div class="offer-count" data-testid=format!("offer-{testid}")>
                        <dt>{to(label)}</dt>
                        <dd>{n}</dd>
                    </div>
                }).collect_view()}
            </dl>
            {offer.effect.map(|effect| view! {
                <p class="offer-effect" data-testid="offer-effect">
                    {to(OwnerMsg::OfferEffect(effect, currency.clone()))}
                    {effect.finished.then(|| view! { " " <strong data-testid="offer-result-kept">{to(OwnerMsg::OfferResultKept)}</strong> })}
                </p>
            })}
            {(!ended).then(|| view! {
                <div class="offer-row-actions">
                    {match status {
                        OfferStatus::Paused => view! {
                            <button type="button" class="button button-small" disabled=busy on:click=move |_| change(OfferStatus::Active)>
                                {to(OwnerMsg::ResumeOffer)}
                            </button>
                        }
                        .into_any(),
                        _ => view! {
                            <button type="button" class="button button-small" disabled=busy on:click=move |_| change(OfferStatus::Paused)>
                                {to(OwnerMsg::PauseOffer)}
                            </button>
                        }
                        .into_any(),
                    }}
                    <button type="button" class="button button-small" on:click=move |_| on_edit.run(stored.get_value())>
                        {t(Msg::Edit)}
                    </button>
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="button button-small button-quiet" on:click=move |_| confirming.set(true)>
                                {to(OwnerMsg::EndOffer)}
                            </button>
                        }
                    >
                        <div class="confirm" role="group" aria-label=to(OwnerMsg::EndOffer)>
                            <p>{to(OwnerMsg::ConfirmEndOffer(stored.with_value(|o| o.input.title.clone())))}</p>
                            <button type="button" class="button button-danger" disabled=busy on:click=move |_| change(OfferStatus::Ended)>
                                {to(OwnerMsg::ConfirmEndOfferButton)}
                            </button>
                            <button type="button" class="button button-quiet" on:click=move |_| confirming.set(false)>
                                {t(Msg::Cancel)}
                            </button>
                        </div>
                    </Show>
                </div>
            })}
            <ErrorAlert message=error />
        </li>
    }
}
