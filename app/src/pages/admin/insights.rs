//! `/admin/insights`: who the regulars are, when they come, what they spend. Numbers first, a
//! chart under each (SVG drawn here: bars and a heatmap), and one plain sentence saying what it
//! means. `/admin/insights/segments/:segment` lists a group's members (and downloads them as
//! CSV); `/admin/insights/members/:id` is one member's page. The definitions behind the numbers
//! are the server's (`server/src/insights.rs`) and the README's.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use regulars_protocol::CardId;
use regulars_protocol::insights::{
    ClvReport, ClvWarning, Figures, Heatmap, Hours, MemberInsights, NpsAnswer, NpsReport, Overview,
    Segment, SegmentMembers, Segments, Week,
};
use regulars_protocol::program::format_money;

use crate::api::{self, Period};
use crate::components::brand::brand_style;
use crate::components::feedback::{ErrorAlert, StatusLine};
use crate::i18n::{ImportMsg, Msg, OwnerMsg, t, ti, to};
use crate::pages::admin::dashboard::owner_shop;
use crate::pages::admin::refresh_owner;
use crate::state::{AppState, OwnerSession};

/// The owner's pages need a session: the page, or the way to the login.
pub(crate) fn with_session(page: fn() -> AnyView) -> impl IntoView {
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
            OwnerSession::Unknown => view! { <section class="page" aria-busy="true"></section> }.into_any(),
            OwnerSession::LoggedOut => view! {
                <section class="page page-narrow">
                    <h1>{t(Msg::NeedLogin)}</h1>
                    <a class="button" href="/admin">{t(Msg::GoToAdmin)}</a>
                </section>
            }
            .into_any(),
            OwnerSession::LoggedIn(_) => page(),
        }}
    }
}

fn percent_change(now: f64, before: f64) -> Option<i64> {
    (before > 0.0).then(|| ((now - before) / before * 100.0).round() as i64)
}

/// One headline figure: the number, the period before and the change.
#[derive(Clone)]
struct Figure {
    label: Msg,
    now: Option<f64>,
    before: Option<f64>,
    show: fn(f64, &str) -> String,
    testid: &'static str,
    /// Its value week by week, where it has one.
    weekly: Option<fn(&Week) -> i64>,
}

fn count(v: f64, _: &str) -> String {
    format!("{}", v.round() as i64)
}
fn ratio(v: f64, _: &str) -> String {
    format!("{:.1}", v)
}
fn share(v: f64, _: &str) -> String {
    format!("{} %", (v * 100.0).round() as i64)
}
fn money(v: f64, currency: &str) -> String {
    format_money(v.round() as i64, currency)
}

fn figures(now: &Figures, before: &Figures, has_amounts: bool) -> Vec<Figure> {
    type Show = fn(f64, &str) -> String;
    type ByWeek = Option<fn(&Week) -> i64>;
    let f =
        |label, now: Option<f64>, before: Option<f64>, show: Show, testid, weekly: ByWeek| Figure {
            label,
            now,
            before,
            show,
            testid,
            weekly,
        };
    let both = |n: i64, b: i64| (Some(n as f64), Some(b as f64));
    let (members, members_before) = both(now.members, before.members);
    let (new, new_before) = both(now.new_members, before.new_members);
    let (active, active_before) = both(now.active_members, before.active_members);
    let (visits, visits_before) = both(now.visits, before.visits);
    let (rewards, rewards_before) = both(now.rewards_redeemed, before.rewards_redeemed);
    let (revenue, revenue_before) = both(now.revenue_minor, before.revenue_minor);
    let mut list = vec![
        f(
            Msg::FigureMembers,
            members,
            members_before,
            count,
            "figure-members",
            None,
        ),
        f(
            Msg::FigureNewMembers,
            new,
            new_before,
            count,
            "figure-new-members",
            Some(|w| w.new_members),
        ),
        f(
            Msg::FigureActiveMembers,
            active,
            active_before,
            count,
            "figure-active",
            Some(|w| w.active_members),
        ),
        f(
            Msg::FigureVisits,
            visits,
            visits_before,
            count,
            "figure-visits",
            Some(|w| w.visits),
        ),
        f(
            Msg::FigureRepeatRate,
            now.repeat_rate_30d,
            before.repeat_rate_30d,
            share,
            "figure-repeat",
            None,
        ),
        f(
            Msg::FigureVisitsPerActive,
            now.visits_per_active_member(),
            before.visits_per_active_member(),
            ratio,
            "figure-visits-per-active",
            None,
        ),
        f(
            Msg::FigureRewards,
            rewards,
            rewards_before,
            count,
            "figure-rewards",
            Some(|w| w.rewards_redeemed),
        ),
    ];
    if has_amounts {
        list.push(f(
            Msg::FigureAverageSpend,
            now.average_spend_minor(),
            before.average_spend_minor(),
            money,
            "figure-average-spend",
            None,
        ));
        list.push(f(
            Msg::FigureRevenue,
            revenue,
            revenue_before,
            money,
            "figure-revenue",
            Some(|w| w.revenue_minor),
        ));
    }
    list
}

#[component]
pub fn InsightsPage() -> impl IntoView {
    with_session(|| view! { <Insights /> }.into_any())
}

#[component]
fn Insights() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(owner) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let period = RwSignal::new(Period::Days(30));
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let overview = RwSignal::new(None::<Overview>);
    let hours = RwSignal::new(None::<Hours>);
    let segments = RwSignal::new(None::<Segments>);
    let nps = RwSignal::new(None::<NpsReport>);
    let predicted = RwSignal::new(None::<(ClvReport, ClvReport)>);
    let model_check = RwSignal::new(None::<ClvReport>);
    let error = RwSignal::new(None::<String>);
    // Predictions are as of today, whatever the period: loaded once. The model's check is a
    // fit as of 13 weeks ago, against what its members did since.
    spawn_local(async move {
        match (
            api::insights_clv("top", None).await,
            api::insights_clv("drifting", None).await,
        ) {
            (Ok(top), Ok(drifting)) => {
                predicted.try_set(Some((top, drifting)));
            }
            (Err(e), _) | (_, Err(e)) => {
                error.try_set(Some(e.user_message()));
            }
        }
        let then = crate::clock::local(crate::clock::now()).date() - time::Duration::weeks(13);
        if let Ok(report) = api::insights_clv("top", Some(&then.to_string())).await {
            model_check.try_set(Some(report));
        }
    });
    Effect::new(move |_| {
        let chosen = period.get();
        spawn_local(async move {
            let (o, h, s, n) = (
                api::insights_overview(&chosen).await,
                api::insights_hours(&chosen).await,
                api::insights_segments(&chosen).await,
                api::insights_nps(&chosen).await,
            );
            match (o, h, s, n) {
                (Ok(o), Ok(h), Ok(s), Ok(n)) => {
                    error.try_set(None);
                    overview.try_set(Some(o));
                    hours.try_set(Some(h));
                    segments.try_set(Some(s));
                    nps.try_set(Some(n));
                }
                (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e)) => {
                    error.try_set(Some(e.user_message()));
                }
            }
        });
    });

    view! {
        <section class="page insights shop-page" style=brand_style(&owner.shop.brand_color)>
            <header class="insights-header">
                <p class="eyebrow"><a href="/admin">{owner.shop.name.clone()}</a></p>
                <h1>{t(Msg::InsightsTitle)}</h1>
                <p><a href="/admin/import">{ti(ImportMsg::Link)}</a></p>
                <div class="chips" role="group" aria-label=t(Msg::InsightsTitle)>
                    {[7_i64, 30, 90, 365].into_iter().map(|n| view! {
                        <button
                            type="button"
                            class="chip"
                            aria-pressed=move || (period.get() == Period::Days(n)).to_string()
                            on:click=move |_| period.set(Period::Days(n))
                        >
                            {t(Msg::LastDays(n))}
                        </button>
                    }).collect_view()}
                </div>
                <form class="period-range" on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    period.set(Period::Range(from.get_untracked(), to.get_untracked()));
                }>
                    <label class="field">
                        <span class="field-label">{t(Msg::PeriodFrom)}</span>
                        <input type="date" name="from" required bind:value=from />
                    </label>
                    <label class="field">
                        <span class="field-label">{t(Msg::PeriodTo)}</span>
                        <input type="date" name="to" required bind:value=to />
                    </label>
                    <button type="submit" class="button">{t(Msg::ShowPeriod)}</button>
                </form>
            </header>
            <ErrorAlert message=error />
            {move || overview.get().map(|o| view! { <OverviewPanel overview=o /> })}
            {move || hours.get().map(|h| view! { <HoursPanel hours=h period=period.get_untracked() /> })}
            {move || segments.get().map(|s| view! { <SegmentsPanel segments=s /> })}
            {move || nps.get().map(|n| view! { <NpsPanel report=n /> })}
            {
                let currency = owner.shop.currency.clone();
                move || predicted.get().map(|(top, drifting)| view! {
                    <PredictedPanel top drifting currency=currency.clone() checked=model_check.get() />
                })
            }
        </section>
    }
    .into_any()
}

#[component]
fn OverviewPanel(overview: Overview) -> impl IntoView {
    let currency = overview.currency.clone();
    let weeks = overview.weeks.clone();
    let list = figures(&overview.current, &overview.previous, overview.has_amounts);
    let category_bars: Vec<(String, i64)> = overview
        .categories
        .iter()
        .map(|c| (c.name.clone(), c.purchases))
        .collect();
    let top_category = overview.categories.first().map(|c| {
        let total: i64 = overview.categories.iter().map(|c| c.purchases).sum();
        t(Msg::TopCategory(
            c.name.clone(),
            c.purchases * 100 / total.max(1),
        ))
    });
    let trend = percent_change(
        overview.current.visits as f64,
        overview.previous.visits as f64,
    );
    let bars: Vec<(String, i64)> = overview
        .weeks
        .iter()
        .map(|w| (w.start.clone(), w.visits))
        .collect();
    view! {
        <section class="panel" aria-labelledby="figures-heading">
            <h2 id="figures-heading" class="visually-hidden">{t(Msg::InsightsTitle)}</h2>
            <dl class="figures">
                {list.into_iter().map(|f| {
                    let shown = f.now.map(|v| (f.show)(v, &currency)).unwrap_or_else(|| t(Msg::NobodyNew));
                    let before = f.before.map(|b| {
                        let change = f.now.and_then(|n| percent_change(n, b));
                        t(Msg::Before((f.show)(b, &currency), change))
                    });
                    let label = t(f.label.clone());
                    let spark = f.weekly.map(|by_week| {
                        let bars: Vec<(String, i64)> = weeks.iter().map(|w| (w.start.clone(), by_week(w))).collect();
                        view! { <dd class="figure-trend"><BarChart bars label=label.clone() /></dd> }
                    });
                    view! {
                        <div class="figure" data-testid=f.testid>
                            <dt>{label.clone()}</dt>
                            <dd class="figure-number">{shown}</dd>
                            <dd class="figure-before muted">{before}</dd>
                            {spark}
                        </div>
                    }
                }).collect_view()}
            </dl>
            {(!overview.has_amounts).then(|| view! { <p class="muted">{t(Msg::NoAmountsYet)}</p> })}
            <h3>{t(Msg::WeeklyVisits)}</h3>
            <BarChart bars label=t(Msg::WeeklyVisits) />
            <p class="insight-sentence">{t(Msg::VisitsTrend(trend))}</p>
            <h3>{t(Msg::CategoriesBought)}</h3>
            {if overview.categories.is_empty() {
                view! { <p class="muted">{t(Msg::NoCategories)}</p> }.into_any()
            } else {
                let currency = currency.clone();
                view! {
                    <table class="table" data-testid="shop-categories">
                        <tbody>
                            {overview.categories.iter().map(|c| view! {
                                <tr>
                                    <th scope="row">{c.name.clone()}</th>
                                    <td>{c.purchases}</td>
                                    <td>{overview.has_amounts.then(|| format_money(c.amount_minor, &currency))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <BarChart bars=category_bars label=t(Msg::CategoriesBought) />
                    <p class="insight-sentence">{top_category}</p>
                }.into_any()
            }}
        </section>
    }
}

/// Would they recommend you: the score against the period before, the three groups, the score
/// by month and the comments, least happy first, each linking to the member's page.
#[component]
fn NpsPanel(report: NpsReport) -> impl IntoView {
    let signed = |s: i64| {
        if s > 0 {
            format!("+{s}")
        } else {
            s.to_string()
        }
    };
    let now = &report.current;
    let shown = now.score.map(signed);
    let before = report.previous.score.map(|b| {
        let change = now.score.map(|n| format!(" ({})", signed(n - b)));
        t(Msg::Before(signed(b), None)) + &change.unwrap_or_default()
    });
    // The bars are the score moved up by 100, so -100 draws as nothing and 100 as full.
    let months: Vec<(String, i64)> = report
        .months
        .iter()
        .map(|m| (m.month.clone(), m.figures.score.map_or(0, |s| s + 100)))
        .collect();
    view! {
        <section class="panel" aria-labelledby="nps-heading" data-testid="nps">
            <h2 id="nps-heading">{t(Msg::NpsTitle)}</h2>
            {if now.answers == 0 {
                view! { <p class="muted">{t(Msg::NpsNoAnswers)}</p> }.into_any()
            } else {
                view! {
                    <dl class="figures">
                        <div class="figure" data-testid="nps-score">
                            <dt>{t(Msg::NpsScore)}</dt>
                            <dd class="figure-number">{shown}</dd>
                            <dd class="figure-before muted">{before}</dd>
                        </div>
                    </dl>
                    <p data-testid="nps-groups">{t(Msg::NpsGroups {
                        promoters: now.promoters,
                        passives: now.passives,
                        detractors: now.detractors,
                    })}</p>
                    <p class="insight-sentence">{t(Msg::NpsSentence(now.score.unwrap_or(0), now.answers))}</p>
                }.into_any()
            }}
            <h3>{t(Msg::NpsByMonth)}</h3>
            <BarChart bars=months label=t(Msg::NpsByMonth) />
            <h3>{t(Msg::NpsComments)}</h3>
            {if report.comments.is_empty() {
                view! { <p class="muted">{t(Msg::NpsNoComments)}</p> }.into_any()
            } else {
                view! {
                    <ul class="nps-comments" data-testid="nps-comments">
                        {report.comments.iter().map(nps_answer).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// One answer: who (a link to their page), the score, the day and the comment.
fn nps_answer(a: &NpsAnswer) -> impl IntoView + use<> {
    view! {
        <li>
            <a href=format!("/admin/insights/members/{}", a.card_id)>{member_label(&a.first_name, a.card_id)}</a>
            " · "
            <strong>{t(Msg::NpsAnswerScore(a.score))}</strong>
            " · "
            <span class="muted">{a.day.clone()}</span>
            {a.comment.clone().map(|c| view! { <blockquote>{c}</blockquote> })}
        </li>
    }
}

/// Predicted value: the models in plain words (or why there are none yet), the top customers
/// and the drifting list, each a few rows with the whole list as CSV.
#[component]
fn PredictedPanel(
    top: ClvReport,
    drifting: ClvReport,
    currency: String,
    checked: Option<ClvReport>,
) -> impl IntoView {
    let check = checked.and_then(|r| {
        let as_of = r.as_of.clone();
        r.check.map(|c| (as_of, c))
    });
    let warning = top.warning.clone().map(clv_warning);
    let words = top.fit.clone().map(|fit| {
        let m = fit.bg_nbd;
        let every = m.alpha / m.r;
        let stop = (100.0 * m.a / (m.a + m.b)).round() as i64;
        let spend = fit
            .gamma_gamma
            .map(|g| format_money((g.p * g.gamma / (g.q - 1.0)).round() as i64, &currency));
        view! {
            <ul class="clv-words" data-testid="clv-words">
                <li>{t(Msg::ClvRhythm(format!("{every:.1}")))}</li>
                <li>{t(Msg::ClvDropout(stop))}</li>
                {spend.map(|s| view! { <li>{t(Msg::ClvSpendPerVisit(s))}</li> })}
            </ul>
        }
    });
    let has_fit = top.fit.is_some();
    view! {
        <section class="panel" aria-labelledby="clv-heading" data-testid="clv">
            <h2 id="clv-heading">{t(Msg::ClvTitle)}</h2>
            <p class="muted">{t(Msg::ClvAsOf(top.as_of.clone(), top.customers, top.repeat_customers))}</p>
            {warning.map(|w| view! { <p class="insight-sentence" data-testid="clv-warning">{w}</p> })}
            {words}
            {check.map(|(as_of, c)| {
                let last = c.weeks.last().cloned();
                view! {
                    <h3>{t(Msg::ClvCheckTitle)}</h3>
                    <CheckChart check=c.clone() label=t(Msg::ClvCheckTitle) />
                    {last.map(|w| view! {
                        <p class="insight-sentence" data-testid="clv-check">{t(Msg::ClvCheckSentence {
                            as_of: as_of.clone(),
                            weeks: w.week,
                            predicted: w.predicted.round() as i64,
                            actual: w.actual,
                        })}</p>
                    })}
                }
            })}
            {has_fit.then(|| view! {
                <h3>{t(Msg::ClvTopTitle(top.total))}</h3>
                <ClvTable report=top.clone() currency=currency.clone() testid="clv-top" />
                <a class="button button-quiet" download="" href=api::clv_csv_path("top")>{t(Msg::DownloadCsv)}</a>
                <h3>{t(Msg::ClvDriftingTitle)}</h3>
                {if drifting.members.is_empty() {
                    view! { <p class="muted">{t(Msg::ClvNoneDrifting)}</p> }.into_any()
                } else {
                    view! {
                        <ClvTable report=drifting.clone() currency=currency.clone() testid="clv-drifting" />
                        <a class="button button-quiet" download="" href=api::clv_csv_path("drifting")>{t(Msg::DownloadCsv)}</a>
                    }.into_any()
                }}
            })}
        </section>
    }
}

/// The model's check as SVG: the visits made by the end of each week after the fit (bars)
/// against the visits it expected (a line), both cumulative.
#[component]
fn CheckChart(check: regulars_protocol::insights::ClvCheck, label: String) -> impl IntoView {
    let max = check
        .weeks
        .iter()
        .map(|w| (w.actual as f64).max(w.predicted))
        .fold(1.0, f64::max);
    let width = 8.0 * check.weeks.len().max(1) as f64;
    let y = move |v: f64| 40.0 - 38.0 * v / max;
    let line: Vec<String> = check
        .weeks
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{:.2},{:.2}", i as f64 * 8.0 + 4.0, y(w.predicted)))
        .collect();
    view! {
        <svg class="bar-chart check-chart" role="img" aria-label=label viewBox=format!("0 0 {width} 40") preserveAspectRatio="none">
            {check.weeks.iter().enumerate().map(|(i, w)| {
                let h = 40.0 - y(w.actual as f64);
                view! {
                    <rect x=format!("{}", i as f64 * 8.0 + 1.0) y=format!("{:.2}", 40.0 - h) width="6" height=format!("{h:.2}")>
                        <title>{t(Msg::ClvCheckWeek(w.week, w.predicted.round() as i64, w.actual))}</title>
                    </rect>
                }
            }).collect_view()}
            <polyline class="check-predicted" fill="none" points=line.join(" ") />
        </svg>
    }
}

/// Why the predictions show no numbers (or no spend), in words.
fn clv_warning(w: ClvWarning) -> String {
    match w {
        ClvWarning::TooFewRepeatCustomers { have, need } => t(Msg::ClvTooFew(have, need)),
        ClvWarning::NotConverged => t(Msg::ClvNotConverged),
        ClvWarning::NoAmounts { have, need } => t(Msg::ClvNoAmounts(have, need)),
    }
}

/// The first rows of a predicted-value list.
#[component]
fn ClvTable(report: ClvReport, currency: String, testid: &'static str) -> impl IntoView {
    view! {
        <table class="table" data-testid=testid>
            <thead><tr>
                <th scope="col">{t(Msg::ColumnMember)}</th>
                <th scope="col">{t(Msg::ColumnLastVisit)}</th>
                <th scope="col">{t(Msg::ClvColumnVisits)}</th>
                <th scope="col">{t(Msg::ClvColumnFavourite)}</th>
                <th scope="col">{t(Msg::ClvColumnActive)}</th>
                <th scope="col">{t(Msg::ClvColumnPredicted)}</th>
            </tr></thead>
            <tbody>
                {report.members.iter().take(10).map(|m| view! {
                    <tr>
                        <td><a href=format!("/admin/insights/members/{}", m.card_id)>{member_label(&m.first_name, m.card_id)}</a></td>
                        <td>{m.last_visit.clone()}</td>
                        <td>{m.visits}</td>
                        <td>{m.favourite_category.clone().unwrap_or_default()}</td>
                        <td>{m.p_alive.map(|p| format!("{:.0} %", p * 100.0))}</td>
                        <td>{m.predicted_spend_12m_minor.map(|v| format_money(v, &currency))}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Bars of labelled values, as SVG (the label of each bar is its title).
#[component]
fn BarChart(bars: Vec<(String, i64)>, label: String) -> impl IntoView {
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let width = 8.0 * bars.len().max(1) as f64;
    view! {
        <svg class="bar-chart" role="img" aria-label=label viewBox=format!("0 0 {width} 40") preserveAspectRatio="none">
            {bars.into_iter().enumerate().map(|(i, (name, v))| {
                let h = 38.0 * v as f64 / max as f64;
                view! {
                    <rect x=format!("{}", i as f64 * 8.0 + 1.0) y=format!("{:.2}", 40.0 - h) width="6" height=format!("{h:.2}")>
                        <title>{format!("{name}: {v}")}</title>
                    </rect>
                }
            }).collect_view()}
        </svg>
    }
}

/// Visits by weekday (rows, Monday first) and hour (columns), as SVG cells.
#[component]
fn HeatmapChart(map: Heatmap, label: String) -> impl IntoView {
    let max = map
        .counts
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    view! {
        <svg class="heatmap" role="img" aria-label=label viewBox="0 0 250 74">
            {(0..7u8).map(|d| view! {
                <text x="0" y=format!("{}", d as u32 * 10 + 8) class="heatmap-day">{t(Msg::Weekday(d)).chars().take(2).collect::<String>()}</text>
            }).collect_view()}
            {map.counts.iter().enumerate().flat_map(|(d, row)| {
                row.iter().enumerate().map(move |(h, c)| {
                    let opacity = if *c == 0 { 0.05 } else { 0.15 + 0.85 * *c as f64 / max as f64 };
                    view! {
                        <rect
                            x=format!("{}", 12 + h * 10)
                            y=format!("{}", d * 10)
                            width="9"
                            height="9"
                            fill-opacity=format!("{opacity:.2}")
                        >
                            <title>{format!("{} {h:02}:00: {c}", t(Msg::Weekday(d as u8)))}</title>
                        </rect>
                    }
                }).collect::<Vec<_>>()
            }).collect_view()}
            {[0u32, 6, 12, 18].into_iter().map(|h| view! {
                <text x=format!("{}", 12 + h * 10) y="73" class="heatmap-hour">{format!("{h:02}")}</text>
            }).collect_view()}
        </svg>
    }
}

#[component]
fn HoursPanel(hours: Hours, period: Period) -> impl IntoView {
    // Everyone's visits over the period, or those of one group's members (as of its end).
    let group = RwSignal::new(String::new());
    let shown = RwSignal::new(hours);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |first: Option<()>| {
        let group = group.get();
        if first.is_none() {
            return;
        }
        let period = period.clone();
        spawn_local(async move {
            let segment = (!group.is_empty()).then_some(group.as_str());
            match api::insights_hours_of(&period, segment).await {
                Ok(h) => {
                    shown.try_set(h);
                }
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
        });
    });
    view! {
        <section class="panel" aria-labelledby="hours-heading" data-testid="hours">
            <h2 id="hours-heading">{t(Msg::WhenTheyCome)}</h2>
            <label class="field">
                <span class="field-label">{t(Msg::HeatmapOf)}</span>
                <select on:change=move |ev| group.set(event_target_value(&ev))>
                    <option value="" selected>{t(Msg::EveryMember)}</option>
                    {Segment::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str()>{t(Msg::SegmentName(s))}</option>
                    }).collect_view()}
                </select>
            </label>
            <ErrorAlert message=error />
            {move || view! { <HoursView hours=shown.get() /> }}
        </section>
    }
}

#[component]
fn HoursView(hours: Hours) -> impl IntoView {
    let busiest = hours
        .members
        .busiest
        .map(|s| t(Msg::BusiestSlot(s.weekday, s.hour)));
    let top = hours.top_customers.pattern.as_ref().map(|p| {
        t(Msg::TopCustomersCome(
            p.first_weekday,
            p.last_weekday,
            p.from_hour,
            p.to_hour,
        ))
    });
    view! {
        <div>
            <HeatmapChart map=hours.members.clone() label=t(Msg::WhenTheyCome) />
            <p class="insight-sentence" data-testid="busiest">
                {busiest.unwrap_or_else(|| t(Msg::NoVisitsYet))}
            </p>
            {top.map(|top| view! { <p class="insight-sentence" data-testid="top-customers-pattern">{top}</p> })}
        </div>
    }
}

#[component]
fn SegmentsPanel(segments: Segments) -> impl IntoView {
    let bars: Vec<(String, i64)> = segments
        .groups
        .iter()
        .map(|g| (t(Msg::SegmentName(g.segment)), g.members))
        .collect();
    view! {
        <section class="panel" aria-labelledby="segments-heading">
            <h2 id="segments-heading">{t(Msg::SegmentsTitle)}</h2>
            <table class="table segments">
                <tbody>
                    {segments.groups.iter().map(|g| {
                        let href = format!("/admin/insights/segments/{}", g.segment.as_str());
                        view! {
                            <tr data-testid=format!("segment-{}", g.segment.as_str())>
                                <th scope="row"><a href=href>{t(Msg::SegmentName(g.segment))}</a></th>
                                <td class="segment-count">{g.members}</td>
                                <td class="muted">{format!("+{} / -{}", g.moved_in, g.moved_out)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <BarChart bars label=t(Msg::SegmentsTitle) />
            <p class="insight-sentence">{t(Msg::SegmentsMoved(segments.moved, segments.previous_as_of.clone()))}</p>
            <p class="muted">{t(Msg::WithoutVisits(segments.without_visits))}</p>
        </section>
    }
}

#[component]
pub fn SegmentMembersPage() -> impl IntoView {
    with_session(|| view! { <SegmentMembersList /> }.into_any())
}

fn member_label(first_name: &Option<String>, card_id: CardId) -> String {
    first_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| t(Msg::UnnamedMember(card_id.to_string()[..8].to_owned())))
}

#[component]
fn SegmentMembersList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(owner) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let params = use_params_map();
    let segment = move || params.with(|p| p.get("segment").unwrap_or_default());
    let page = RwSignal::new(1_u32);
    let list = RwSignal::new(None::<SegmentMembers>);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let (segment, page) = (segment(), page.get());
        spawn_local(async move {
            match api::segment_members(&segment, page).await {
                Ok(l) => {
                    list.try_set(Some(l));
                }
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
        });
    });
    let currency = owner.shop.currency.clone();
    let title = move || match Segment::parse(&segment()) {
        Some(s) => t(Msg::SegmentName(s)),
        None => t(Msg::SegmentMembersTitle(segment())),
    };
    view! {
        <section class="page insights shop-page" style=brand_style(&owner.shop.brand_color)>
            <p class="eyebrow"><a href="/admin/insights">{t(Msg::InsightsTitle)}</a></p>
            <h1>{title}</h1>
            <ErrorAlert message=error />
            <a class="button" download="" href=move || api::segment_members_path(&segment(), 1, true)>{t(Msg::DownloadCsv)}</a>
            {move || list.get().map(|l| {
                let currency = currency.clone();
                view! {
                    <table class="table" data-testid="segment-members">
                        <thead><tr>
                            <th scope="col">{t(Msg::ColumnMember)}</th>
                            <th scope="col">{t(Msg::ColumnLastVisit)}</th>
                            <th scope="col">{t(Msg::ColumnVisits12m)}</th>
                            <th scope="col">{t(Msg::ColumnSpend12m)}</th>
                            <th scope="col">{t(Msg::ColumnScores)}</th>
                        </tr></thead>
                        <tbody>
                            {l.members.iter().map(|m| view! {
                                <tr>
                                    <td><a href=format!("/admin/insights/members/{}", m.card_id)>{member_label(&m.first_name, m.card_id)}</a></td>
                                    <td>{m.last_visit.clone().unwrap_or_default()}</td>
                                    <td>{m.visits_12m}</td>
                                    <td>{format_money(m.spend_12m_minor, &currency)}</td>
                                    <td>{format!("{} {} {}", m.r, m.f, m.m)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <nav class="pager">
                        <button type="button" class="button" disabled=l.page <= 1 on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>{t(Msg::PreviousPage)}</button>
                        <span>{t(Msg::PageOf(l.page, l.pages))}</span>
                        <button type="button" class="button" disabled=l.page >= l.pages on:click=move |_| page.update(|p| *p += 1)>{t(Msg::NextPage)}</button>
                    </nav>
                }
            })}
        </section>
    }
    .into_any()
}

#[component]
pub fn MemberInsightsPage() -> impl IntoView {
    with_session(|| view! { <MemberPage /> }.into_any())
}

#[component]
fn MemberPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(owner) = untrack(|| owner_shop(state)) else {
        return ().into_any();
    };
    let params = use_params_map();
    let card = move || params.with(|p| p.get("id").and_then(|id| id.parse::<CardId>().ok()));
    let member = RwSignal::new(None::<MemberInsights>);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(id) = card() else {
            error.set(Some(t(Msg::NotFoundTitle)));
            return;
        };
        spawn_local(async move {
            match api::member_insights(id).await {
                Ok(m) => {
                    note.try_set(m.note.clone());
                    member.try_set(Some(m));
                }
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
        });
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = card() else { return };
        let text = note.get_untracked();
        spawn_local(async move {
            match api::save_member_note(id, &text).await {
                Ok(_) => {
                    status.try_set(Some(t(Msg::Saved)));
                }
                Err(e) => {
                    error.try_set(Some(e.user_message()));
                }
            }
        });
    };
    let currency = owner.shop.currency.clone();
    view! {
        <section class="page insights shop-page" style=brand_style(&owner.shop.brand_color)>
            <p class="eyebrow"><a href="/admin/insights">{t(Msg::InsightsTitle)}</a></p>
            <ErrorAlert message=error />
            {move || member.get().map(|m| {
                let currency = currency.clone();
                let spend = (m.visits_with_amount > 0).then(|| format_money(m.spend_minor, &currency));
                let months: Vec<(String, i64)> = m.months.iter().map(|x| (x.month.clone(), x.visits)).collect();
                view! {
                    <h1 data-testid="member-name">{member_label(&m.row.first_name, m.row.card_id)}</h1>
                    {time::OffsetDateTime::parse(&m.joined, &time::format_description::well_known::Rfc3339).ok().map(|at| view! {
                        <p class="muted">{t(Msg::MemberSince(at))}</p>
                    })}
                    <p data-testid="member-totals">{t(Msg::MemberTotals { visits: m.row.visits, spend })}</p>
                    {m.row.segment.map(|s| view! {
                        <p data-testid="member-segment">
                            <a href=format!("/admin/insights/segments/{}", s.as_str())>{t(Msg::SegmentName(s))}</a>
                            {format!(" (R {} F {} M {})", m.row.r, m.row.f, m.row.m)}
                        </p>
                    })}
                    <section class="panel">
                        <h2>{t(Msg::VisitsByMonth)}</h2>
                        <BarChart bars=months label=t(Msg::VisitsByMonth) />
                    </section>
                    <section class="panel">
                        <h2>{t(Msg::CategoriesBought)}</h2>
                        {if m.categories.is_empty() {
                            view! { <p class="muted">{t(Msg::NoCategories)}</p> }.into_any()
                        } else {
                            view! {
                                <ul data-testid="member-categories">
                                    {m.categories.iter().map(|c| view! {
                                        <li>{format!("{}: {}", c.name, c.purchases)}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                    {m.predicted.clone().map(|p| {
                        let currency = currency.clone();
                        let line = p.member.p_alive.map(|active| t(Msg::ClvMemberLine {
                            active: (active * 100.0).round() as i64,
                            visits: format!("{:.1}", p.member.expected_visits_90d.unwrap_or(0.0)),
                            spend: p.member.predicted_spend_12m_minor.map(|v| format_money(v, &currency)),
                        }));
                        view! {
                            <section class="panel" data-testid="member-predicted">
                                <h2>{t(Msg::ClvTitle)}</h2>
                                {line.map(|l| view! { <p>{l}</p> })}
                                {p.warning.clone().map(|w| view! { <p class="muted">{clv_warning(w)}</p> })}
                                {p.top_rank.map(|rank| view! { <p><strong>{t(Msg::ClvMemberTop(rank))}</strong></p> })}
                                {p.drifting.then(|| view! { <p role="status">{t(Msg::ClvMemberDrifting)}</p> })}
                            </section>
                        }
                    })}
                    <section class="panel" data-testid="member-offers">
                        <h2>{to(OwnerMsg::MemberOffersTitle)}</h2>
                        {if m.offers.is_empty() {
                            view! { <p class="muted">{to(OwnerMsg::MemberOffersNone)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="member-offers">
                                    {m.offers.iter().map(|o| {
                                        let standing = match (o.place, o.withheld) {
                                            (Some(n), _) => to(OwnerMsg::OfferPlace(n)),
                                            (None, Some(w)) => to(OwnerMsg::OfferWithheld(w)),
                                            (None, None) => String::new(),
                                        };
                                        view! {
                                            <li data-testid="member-offer">
                                                <strong>{o.title.clone()}</strong>
                                                " · "
                                                <span data-testid="member-offer-place">{standing}</span>
                                                <ul class="offer-reasons">
                                                    {o.reasons.iter().map(|r| view! {
                                                        <li data-testid="member-offer-reason">{to(OwnerMsg::OfferReason(r.clone()))}</li>
                                                    }).collect_view()}
                                                </ul>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                    <section class="panel" data-testid="member-nps">
                        <h2>{t(Msg::NpsTitle)}</h2>
                        {if m.nps.is_empty() {
                            view! { <p class="muted">{t(Msg::NpsMemberNone)}</p> }.into_any()
                        } else {
                            view! { <ul class="nps-comments">{m.nps.iter().map(nps_answer).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                    <section class="panel">
                        <h2>{t(Msg::RecentHistory)}</h2>
                        <a class="button button-quiet" download="" href=api::member_history_csv_path(m.row.card_id)>{t(Msg::DownloadHistoryCsv)}</a>
                        <ul class="history">
                            {m.history.iter().map(|h| view! {
                                <li>{format!("{} {} {:+}", h.occurred_at.get(..16).unwrap_or_default().replace('T', " "), h.kind.replace('_', " "), h.delta)}</li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
            <form class="panel" on:submit=save>
                <label class="field">
                    <span class="field-label">{t(Msg::OwnerNote)}</span>
                    <textarea name="note" maxlength="2000" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </label>
                <button type="submit" class="button">{t(Msg::SaveNote)}</button>
                <StatusLine message=status />
            </form>
        </section>
    }
    .into_any()
}
