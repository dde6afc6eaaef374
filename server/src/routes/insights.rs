//! The owner's Insights area and the shop's categories. Handlers parse, call
//! `crate::insights` and answer; the figures' definitions live there.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use regulars_protocol::insights::{
    CategoryShare, ClvMember, ClvReport, Heatmap, HistoryItem, Hours, MemberInsights, MemberNote,
    MemberPrediction, MemberRow, MonthVisits, NpsReport, Overview, Segment, SegmentCount,
    SegmentMembers, Segments,
};
use regulars_protocol::wire::{ApiErrorBody, CategoriesInput, OwnerShop};
use regulars_protocol::{CardId, Category};
use serde::Deserialize;

use crate::auth::OwnerAuth;
use crate::db;
use crate::error::{ApiError, Json, Path, Query};
use crate::export::{self, Format, Table};
use crate::insights::figures::{self, Period, PeriodQuery};
use crate::insights::local::{ShopClock, day_text, parse_day};
use crate::insights::predicted::Predicted;
use crate::insights::segments::{Pair, Scored, Scoring};
use crate::routes::owner::owner_shop;
use crate::startup::AppState;

/// Members one page of a list holds.
pub const PAGE_SIZE: usize = 50;

struct ShopInfo {
    clock: ShopClock,
    time_zone: String,
    currency: String,
}

async fn shop(state: &AppState, owner: &OwnerAuth) -> Result<ShopInfo, ApiError> {
    let shop = db::shops::find(&state.db, owner.shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {} vanished", owner.shop_id))?;
    Ok(ShopInfo {
        clock: ShopClock::or_utc(&shop.time_zone),
        time_zone: shop.time_zone,
        currency: shop.currency,
    })
}

fn period(q: &PeriodQuery, info: &ShopInfo) -> Result<Period, ApiError> {
    Period::parse(q, info.clock.today(db::now()))
}

/// Scorings as of the period's last day and the day before it began.
async fn scorings(state: &AppState, owner: &OwnerAuth, p: Period) -> Result<Pair, ApiError> {
    let (as_of, then) = p.scoring_days();
    Ok(state
        .segments
        .get(&state.db, owner.shop_id, as_of, then)
        .await?)
}

/// Headline figures for a period against the period before, with a weekly trend.
#[utoipa::path(get, path = "/api/v1/owner/insights/overview", tag = "insights", params(PeriodQuery),
    responses(
        (status = 200, body = Overview),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 422, description = "A bad period", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn overview(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<Overview>, ApiError> {
    let info = shop(&state, &owner).await?;
    let p = period(&q, &info)?;
    Ok(Json(
        figures::overview(&state.db, owner.shop_id, &info.clock, &info.currency, p).await?,
    ))
}

/// Would they recommend the shop: the period's NPS against the period before, the trend by
/// month and the comments, detractors first.
#[utoipa::path(get, path = "/api/v1/owner/insights/nps", tag = "insights", params(PeriodQuery),
    responses(
        (status = 200, body = NpsReport),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 422, description = "A bad period", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn nps(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<NpsReport>, ApiError> {
    let info = shop(&state, &owner).await?;
    let p = period(&q, &info)?;
    Ok(Json(
        crate::insights::nps::read_report(&state.db, owner.shop_id, p).await?,
    ))
}

/// The period's three fields (see [`PeriodQuery`]), repeated in each query: serde's flatten
/// would read numbers in a query string as text.
fn period_of(days: Option<i64>, from: &Option<String>, to: &Option<String>) -> PeriodQuery {
    PeriodQuery {
        days,
        from: from.clone(),
        to: to.clone(),
    }
}

/// `?segment=` beside the period.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HoursQuery {
    /// The last N days up to today: 7, 30, 90 or 365 (default 30).
    pub days: Option<i64>,
    /// First day, `YYYY-MM-DD` in the shop's time zone (with `to`).
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
    /// One group's visits (over the 12 months to the period's end) instead of everyone's.
    pub segment: Option<String>,
}

fn segment_param(text: &str) -> Result<Segment, ApiError> {
    Segment::parse(text).ok_or_else(|| {
        ApiError::not_found(
            "unknown_segment",
            format!(
                "There is no segment {text:?}; segments are {}.",
                Segment::ALL.map(Segment::as_str).join(", ")
            ),
        )
    })
}

/// Visits by weekday and hour in the shop's time zone: everyone's over the period (or one
/// group's over the 12 months to its end), and the top customers'.
#[utoipa::path(get, path = "/api/v1/owner/insights/hours", tag = "insights", params(HoursQuery),
    responses(
        (status = 200, body = Hours),
        (status = 401, body = ApiErrorBody),
        (status = 404, description = "No such segment", body = ApiErrorBody),
        (status = 422, description = "A bad period", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn hours(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Query(q): Query<HoursQuery>,
) -> Result<Json<Hours>, ApiError> {
    let info = shop(&state, &owner).await?;
    let p = period(&period_of(q.days, &q.from, &q.to), &info)?;
    let segment = q.segment.as_deref().map(segment_param).transpose()?;
    let pair = scorings(&state, &owner, p).await?;
    let members = match segment {
        None => figures::shop_hours(&state.db, owner.shop_id, p).await?,
        Some(s) => figures::heatmap(pair.now.hours.get(&s).copied().unwrap_or([[0; 24]; 7])),
    };
    let top_customers: Heatmap = figures::heatmap(pair.now.top_hours);
    Ok(Json(Hours {
        from: day_text(p.from),
        to: day_text(p.to),
        time_zone: info.time_zone,
        segment,
        members,
        top_customers,
    }))
}

/// Members per RFM group at the period's end, and how many moved since the day before it began.
#[utoipa::path(get, path = "/api/v1/owner/insights/segments", tag = "insights", params(PeriodQuery),
    responses(
        (status = 200, body = Segments),
        (status = 401, body = ApiErrorBody),
        (status = 422, description = "A bad period", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn segments(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<Segments>, ApiError> {
    let info = shop(&state, &owner).await?;
    let p = period(&q, &info)?;
    let pair = scorings(&state, &owner, p).await?;
    let (now, then) = (&pair.now, &pair.then);
    let moved_from = |m: &Scored| then.of(m.card_id).map(|t| t.segment) != Some(m.segment);
    let groups = Segment::ALL
        .into_iter()
        .map(|segment| {
            let members = now.members.iter().filter(|m| m.segment == segment);
            SegmentCount {
                segment,
                members: now.count(segment),
                previous: then.count(segment),
                moved_in: members.filter(|m| moved_from(m)).count() as i64,
                moved_out: then
                    .members
                    .iter()
                    .filter(|t| t.segment == segment)
                    .filter(|t| now.of(t.card_id).map(|m| m.segment) != Some(segment))
                    .count() as i64,
            }
        })
        .collect();
    let total = db::insights::member_count(&state.db, owner.shop_id).await?;
    Ok(Json(Segments {
        as_of: day_text(now.as_of),
        previous_as_of: day_text(then.as_of),
        groups,
        without_visits: total - now.members.len() as i64,
        moved: now
            .members
            .iter()
            .filter(|m| then.of(m.card_id).is_some_and(|t| t.segment != m.segment))
            .count() as i64,
    }))
}

/// `?page=N&format=csv` beside the period.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The last N days up to today: 7, 30, 90 or 365 (default 30).
    pub days: Option<i64>,
    /// First day, `YYYY-MM-DD` in the shop's time zone (with `to`).
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
    /// From 1.
    #[param(minimum = 1)]
    pub page: Option<u32>,
    /// `csv` downloads the whole list as CSV.
    pub format: Option<String>,
}

fn row(m: &Scored, first_name: Option<String>, visits: i64) -> MemberRow {
    MemberRow {
        card_id: m.card_id,
        first_name,
        segment: Some(m.segment),
        r: m.scores.r,
        f: m.scores.f,
        m: m.scores.m,
        last_visit: Some(day_text(m.last_visit)),
        visits_12m: m.inputs.visits_12m,
        spend_12m_minor: m.inputs.spend_12m_minor,
        visits,
    }
}

/// The members of one group (or `all`, or `top` for the top customers), best first, a page at a
/// time or the whole list as CSV.
#[utoipa::path(get, path = "/api/v1/owner/insights/segments/{segment}/members", tag = "insights",
    params(("segment" = String, Path, description = "A segment, `all` or `top`"), ListQuery),
    responses(
        (status = 200, body = SegmentMembers, description = "A page; with format=csv, text/csv"),
        (status = 401, body = ApiErrorBody),
        (status = 404, description = "No such segment, or a page past the end", body = ApiErrorBody),
        (status = 422, description = "A bad period or format", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn segment_members(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(segment): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let info = shop(&state, &owner).await?;
    let p = period(&period_of(q.days, &q.from, &q.to), &info)?;
    let csv = Format::parse(q.format.as_deref())? == Format::Csv;
    let wanted: Option<Segment> = match segment.as_str() {
        "all" | "top" => None,
        other => Some(segment_param(other)?),
    };
    let pair = scorings(&state, &owner, p).await?;
    let now: &Scoring = &pair.now;
    let chosen: Vec<&Scored> = now
        .members
        .iter()
        .filter(|m| match (wanted, segment.as_str()) {
            (Some(s), _) => m.segment == s,
            (None, "top") => m.top,
            _ => true,
        })
        .collect();
    let total = chosen.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1) as u32;
    let page = q.page.unwrap_or(1);
    if page == 0 || page > pages {
        return Err(ApiError::not_found(
            "page_out_of_range",
            format!("There are {pages} pages of these members."),
        ));
    }
    let shown: Vec<&Scored> = if csv {
        chosen
    } else {
        chosen
            .into_iter()
            .skip((page as usize - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .collect()
    };
    let ids: Vec<CardId> = shown.iter().map(|m| m.card_id).collect();
    let listed = db::insights::listed(&state.db, owner.shop_id, &ids).await?;
    let rows: Vec<MemberRow> = shown
        .iter()
        .map(|m| {
            let l = listed.get(&m.card_id).cloned().unwrap_or_default();
            row(m, l.first_name, l.visits)
        })
        .collect();
    if csv {
        return Ok(csv_response(&segment, &day_text(now.as_of), &rows)?);
    }
    Ok(Json(SegmentMembers {
        segment: wanted.unwrap_or(Segment::Unknown),
        as_of: day_text(now.as_of),
        page,
        pages,
        total: total as i64,
        members: rows,
    })
    .into_response())
}

fn csv_response(name: &str, as_of: &str, rows: &[MemberRow]) -> anyhow::Result<Response> {
    let mut table = Table::new(&[
        "card_id",
        "first_name",
        "segment",
        "r",
        "f",
        "m",
        "last_visit",
        "visits_12m",
        "spend_12m_minor",
        "visits",
    ])?;
    for r in rows {
        table.row([
            r.card_id.to_string(),
            export::text(r.first_name.as_deref().unwrap_or_default()),
            r.segment.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            r.r.to_string(),
            r.f.to_string(),
            r.m.to_string(),
            r.last_visit.clone().unwrap_or_default(),
            r.visits_12m.to_string(),
            r.spend_12m_minor.to_string(),
            r.visits.to_string(),
        ])?;
    }
    table.into_response(&format!("{name}-{as_of}"))
}

/// The shop's card `card_id`, or 404 (another shop's card is as unknown as a made-up one).
async fn member_card(
    state: &AppState,
    owner: &OwnerAuth,
    card_id: CardId,
) -> Result<db::cards::CardRow, ApiError> {
    db::cards::find(&state.db, owner.shop_id, card_id)
        .await?
        .ok_or_else(|| ApiError::not_found("unknown_card", "No card with this id at this shop."))
}

/// One member: summary, segment, visits by month, categories, history and the owner's note.
#[utoipa::path(get, path = "/api/v1/owner/insights/members/{id}", tag = "insights",
    params(("id" = CardId, Path, description = "The member's card")),
    responses(
        (status = 200, body = MemberInsights),
        (status = 401, body = ApiErrorBody),
        (status = 404, description = "No such card at this shop", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn member(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(card_id): Path<CardId>,
) -> Result<Json<MemberInsights>, ApiError> {
    let card = member_card(&state, &owner, card_id).await?;
    let info = shop(&state, &owner).await?;
    let today = info.clock.today(db::now());
    let now = state
        .segments
        .as_of(&state.db, owner.shop_id, today)
        .await?;
    let summary = db::insights::member_summary(&state.db, card_id).await?;
    let names = db::insights::category_names(&state.db, owner.shop_id).await?;
    let visits = summary.as_ref().map_or(0, |s| s.visits);
    let row = match now.of(card_id) {
        Some(m) => row(m, card.first_name.clone(), visits),
        None => MemberRow {
            card_id,
            first_name: card.first_name.clone(),
            segment: None,
            r: 0,
            f: 0,
            m: 0,
            last_visit: None,
            visits_12m: 0,
            spend_12m_minor: 0,
            visits,
        },
    };
    Ok(Json(MemberInsights {
        row,
        joined: db::ts(card.created_at),
        first_visit: summary.as_ref().and_then(|s| s.first_day.clone()),
        spend_minor: summary.as_ref().map_or(0, |s| s.amount_minor),
        visits_with_amount: summary.as_ref().map_or(0, |s| s.amounts),
        months: db::insights::member_months(&state.db, card_id)
            .await?
            .into_iter()
            .map(|(month, visits, amount_minor)| MonthVisits {
                month,
                visits,
                amount_minor,
            })
            .collect(),
        categories: most_bought_first(
            db::insights::member_categories(&state.db, card_id)
                .await?
                .into_iter()
                .map(|(id, purchases, amount_minor)| CategoryShare {
                    name: names.get(&id).cloned().unwrap_or_else(|| id.clone()),
                    category_id: id,
                    purchases,
                    amount_minor,
                })
                .collect(),
        ),
        history: db::insights::member_history(&state.db, card_id, 100).await?,
        note: db::insights::note(&state.db, card_id).await?,
        // The page never waits for a fit: the shop's kept prediction, or none while one is made.
        predicted: match state.predictions.kept(owner.shop_id, today) {
            None => {
                state.predictions.make_soon(&state.db, owner.shop_id, today);
                None
            }
            Some(prediction) => {
                prediction
                    .of(card_id)
                    .map(|(m, top_rank, drifting)| MemberPrediction {
                        member: clv_member(m, card.first_name.clone(), None),
                        top_rank,
                        drifting,
                        warning: prediction.warning.clone(),
                    })
            }
        },
        offers: crate::offers::member_places(&state, owner.shop_id, card_id).await?,
        nps: db::card_events::member_answers(&state.db, card_id)
            .await?
            .iter()
            .map(|a| crate::insights::nps::answer(a, card.first_name.clone()))
            .collect(),
    }))
}

/// Most events one member's full history answers with (a card with more is not a shopper).
pub const MAX_HISTORY: i64 = 100_000;

/// `?format=csv`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `json` (the default) or `csv` for a download.
    pub format: Option<String>,
}

/// A member's whole history, newest first (the member page shows the latest 100), as JSON or
/// as a CSV download with the shop's category names.
#[utoipa::path(get, path = "/api/v1/owner/insights/members/{id}/history", tag = "insights",
    params(("id" = CardId, Path, description = "The member's card"), FormatQuery),
    responses(
        (status = 200, body = Vec<HistoryItem>, description = "With format=csv, text/csv"),
        (status = 401, body = ApiErrorBody),
        (status = 404, description = "No such card at this shop", body = ApiErrorBody),
        (status = 422, description = "A bad format", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn member_history(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(card_id): Path<CardId>,
    Query(q): Query<FormatQuery>,
) -> Result<Response, ApiError> {
    let format = Format::parse(q.format.as_deref())?;
    let card = member_card(&state, &owner, card_id).await?;
    let history = db::insights::member_history(&state.db, card_id, MAX_HISTORY).await?;
    if format == Format::Json {
        return Ok(Json(history).into_response());
    }
    let names = db::insights::category_names(&state.db, owner.shop_id).await?;
    let mut table = Table::new(&[
        "occurred_at",
        "kind",
        "delta",
        "amount_minor",
        "category",
        "flags",
        "event_id",
    ])?;
    for item in &history {
        let category = item
            .category
            .as_ref()
            .map(|id| names.get(id).unwrap_or(id).as_str())
            .unwrap_or_default();
        table.row([
            item.occurred_at.clone(),
            item.kind.clone(),
            item.delta.to_string(),
            item.amount_minor.map(|a| a.to_string()).unwrap_or_default(),
            export::text(category),
            item.flags
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            item.id.to_string(),
        ])?;
    }
    let who = card.first_name.as_deref().unwrap_or("member");
    Ok(table.into_response(&format!("history-{who}-{}", &card_id.to_string()[..8]))?)
}

/// Most bought first, then by name.
fn most_bought_first(mut shares: Vec<CategoryShare>) -> Vec<CategoryShare> {
    shares.sort_by(|a, b| {
        b.purchases
            .cmp(&a.purchases)
            .then_with(|| a.name.cmp(&b.name))
    });
    shares
}

/// Most characters of an owner's note on a member.
pub const MAX_NOTE: usize = 2000;

/// Saves the owner's note on a member (an empty note clears it).
#[utoipa::path(put, path = "/api/v1/owner/insights/members/{id}/note", tag = "insights",
    request_body = MemberNote,
    params(("id" = CardId, Path, description = "The member's card")),
    responses(
        (status = 200, body = MemberNote),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 404, description = "No such card at this shop", body = ApiErrorBody),
        (status = 422, description = "Too long", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn save_note(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(card_id): Path<CardId>,
    Json(input): Json<MemberNote>,
) -> Result<Json<MemberNote>, ApiError> {
    member_card(&state, &owner, card_id).await?;
    let note = input.note.trim();
    if note.chars().count() > MAX_NOTE {
        return Err(ApiError::validation(
            "note",
            format!("A note is at most {MAX_NOTE} characters."),
        ));
    }
    db::insights::save_note(&state.writer, owner.shop_id, card_id, note).await?;
    Ok(Json(MemberNote {
        note: note.to_owned(),
    }))
}

/// Every category the shop has named, active ones first (retired ones keep their history).
#[utoipa::path(get, path = "/api/v1/owner/categories", tag = "owner",
    responses((status = 200, body = Vec<Category>), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn categories(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<Json<Vec<Category>>, ApiError> {
    Ok(Json(
        db::insights::active_categories(&state.db, owner.shop_id).await?,
    ))
}

/// Replaces the shop's list of categories (renames keep history; left out: retired).
#[utoipa::path(put, path = "/api/v1/owner/categories", tag = "owner", request_body = CategoriesInput,
    responses(
        (status = 200, body = OwnerShop),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 422, description = "Too many, a duplicate, a bad name or an unknown id", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn save_categories(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(input): Json<CategoriesInput>,
) -> Result<Json<OwnerShop>, ApiError> {
    let known = db::insights::categories(&state.db, owner.shop_id).await?;
    let list = crate::domain::categories(&input, &known)?;
    let mut tx = state.writer.begin().await?;
    db::insights::save_categories(&mut tx, owner.shop_id, &list).await?;
    tx.commit().await?;
    Ok(Json(owner_shop(&state, owner.shop_id, owner.email).await?))
}

/// `?as_of=&list=&page=&format=` of the predicted-value report.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClvQuery {
    /// Fit on the visits up to this day, `YYYY-MM-DD` in the shop's time zone (default today).
    pub as_of: Option<String>,
    /// `top` (default: the 150 most valuable by predicted value), `drifting` (valuable members
    /// whose probability of being active fell below one half) or `all`.
    pub list: Option<String>,
    /// From 1.
    pub page: Option<u32>,
    /// `json` (default) or `csv` (the whole list).
    pub format: Option<String>,
}

/// Predicted value: BG/NBD and Gamma-Gamma fitted on the shop's visits up to `as_of`, and a
/// list of members with their predictions.
#[utoipa::path(get, path = "/api/v1/owner/insights/clv", tag = "insights", params(ClvQuery),
    responses(
        (status = 200, body = ClvReport, description = "A page; with format=csv, text/csv"),
        (status = 401, body = ApiErrorBody),
        (status = 404, description = "No such list, or a page past the end", body = ApiErrorBody),
        (status = 422, description = "A bad day or format", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn clv(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Query(q): Query<ClvQuery>,
) -> Result<Response, ApiError> {
    let info = shop(&state, &owner).await?;
    let today = info.clock.today(db::now());
    let as_of = match q.as_of.as_deref() {
        None => today,
        Some(text) => parse_day(text)
            .ok_or_else(|| ApiError::validation("as_of", "as_of must be a date as YYYY-MM-DD."))?,
    };
    if as_of > today {
        return Err(ApiError::validation(
            "as_of",
            "as_of cannot be after today in the shop's time zone.",
        ));
    }
    let csv = Format::parse(q.format.as_deref())? == Format::Csv;
    let list = q.list.as_deref().unwrap_or("top");
    let prediction = state
        .predictions
        .get(&state.db, owner.shop_id, as_of)
        .await?;
    let chosen: Vec<&Predicted> = match list {
        "top" => prediction.top(),
        "drifting" => prediction.drifting(),
        "all" => prediction.members.iter().collect(),
        other => {
            return Err(ApiError::not_found(
                "unknown_list",
                format!("There is no list called {other:?}: ask for top, drifting or all."),
            ));
        }
    };
    let total = chosen.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1) as u32;
    let page = q.page.unwrap_or(1);
    if page == 0 || page > pages {
        return Err(ApiError::not_found(
            "page_out_of_range",
            format!("There are {pages} pages of these members."),
        ));
    }
    let shown: Vec<&Predicted> = if csv {
        chosen
    } else {
        chosen
            .into_iter()
            .skip((page as usize - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .collect()
    };
    let ids: Vec<CardId> = shown.iter().map(|m| m.history.card_id).collect();
    let listed = db::insights::listed(&state.db, owner.shop_id, &ids).await?;
    let favourites = db::insights::favourite_categories(&state.db, owner.shop_id, &ids).await?;
    let rows: Vec<ClvMember> = shown
        .iter()
        .map(|m| {
            let id = m.history.card_id;
            clv_member(
                m,
                listed.get(&id).and_then(|l| l.first_name.clone()),
                favourites.get(&id).cloned(),
            )
        })
        .collect();
    if csv {
        return Ok(clv_csv(list, &day_text(as_of), &rows)?);
    }
    let check = if prediction.fit.is_some() && as_of < today {
        let after = db::insights::visits_after(&state.db, owner.shop_id, as_of, today).await?;
        crate::insights::predicted::check(&prediction, today, &after)
    } else {
        None
    };
    Ok(Json(ClvReport {
        check,
        as_of: day_text(as_of),
        time_unit: "week".into(),
        customers: prediction.customers,
        repeat_customers: prediction.repeat_customers,
        fit: prediction.fit.clone(),
        warning: prediction.warning.clone(),
        list: list.to_owned(),
        page,
        pages,
        total: total as i64,
        members: rows,
    })
    .into_response())
}

fn clv_member(m: &Predicted, first_name: Option<String>, favourite: Option<String>) -> ClvMember {
    let h = &m.history;
    ClvMember {
        card_id: h.card_id,
        first_name,
        visits: h.visits,
        spend_minor: h.spend_minor,
        first_visit: day_text(h.first),
        last_visit: day_text(h.last),
        favourite_category: favourite,
        p_alive: m.p_alive,
        expected_visits_90d: m.expected_visits_90d,
        predicted_spend_12m_minor: m.predicted_spend_12m_minor.map(|v| v.round() as i64),
    }
}

fn clv_csv(name: &str, as_of: &str, rows: &[ClvMember]) -> anyhow::Result<Response> {
    let mut table = Table::new(&[
        "card_id",
        "first_name",
        "visits",
        "spend_minor",
        "first_visit",
        "last_visit",
        "favourite_category",
        "p_alive",
        "expected_visits_90d",
        "predicted_spend_12m_minor",
    ])?;
    let number = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    for r in rows {
        table.row([
            r.card_id.to_string(),
            export::text(r.first_name.as_deref().unwrap_or_default()),
            r.visits.to_string(),
            r.spend_minor.to_string(),
            r.first_visit.clone(),
            r.last_visit.clone(),
            export::text(r.favourite_category.as_deref().unwrap_or_default()),
            number(r.p_alive),
            number(r.expected_visits_90d),
            r.predicted_spend_12m_minor
                .map(|v| v.to_string())
                .unwrap_or_default(),
        ])?;
    }
    table.into_response(&format!("clv-{name}-{as_of}"))
}
