//! Owner insights on a small hand-made shop: the figures worked out here by hand, the
//! heatmap, the segments, a member's page, the categories, a rebuild that finds nothing to
//! repair, bad input, and that a shop sees only its own members. Runs on both engines.

use regulars_protocol::insights::{Hours, MemberInsights, Overview, SegmentMembers, Segments};
use regulars_protocol::wire::{CategoriesInput, CategoryInput, OwnerShop};
use regulars_protocol::{CardId, EventBody, ProgramKind};
use time::{Duration, OffsetDateTime};

use crate::helpers::{
    Owner, TestApp, Till, code_at, error, json, reversal_of, setup_request, spawn_app,
};

/// Noon UTC, `days` days ago: 17:30 in Kolkata (no daylight saving), on the same date.
fn noon(days: i64) -> OffsetDateTime {
    let today = OffsetDateTime::now_utc().date();
    (today - Duration::days(days))
        .with_hms(12, 0, 0)
        .unwrap()
        .assume_utc()
}

/// A till event the tablet made `days` ago at noon UTC, with the code the phone showed then.
fn purchase(
    till: &Till,
    card: CardId,
    days: i64,
    amount: Option<i64>,
    category: Option<&str>,
) -> regulars_protocol::Event {
    let mut event = till.event(
        card,
        EventBody::StampsIssued {
            count: 1,
            amount_minor: amount,
            category: category.map(str::to_owned),
        },
    );
    event.occurred_at = noon(days);
    event.code = Some(code_at(card, noon(days)));
    event
}

async fn shop_in_kolkata(app: &TestApp, email: &str) -> Owner {
    let mut request = setup_request(email, ProgramKind::Stamps, 3);
    request.time_zone = Some("Asia/Kolkata".into());
    app.setup_open_for_years(&request).await
}

async fn joined_days_ago(app: &TestApp, card: CardId, days: i64) {
    sqlx::query("UPDATE cards SET created_at = $1 WHERE id = $2")
        .bind(regulars_server::db::ts(noon(days)))
        .bind(card.to_string())
        .execute(&app.db)
        .await
        .unwrap();
}

async fn owner_get<T: serde::de::DeserializeOwned>(app: &TestApp, owner: &Owner, path: &str) -> T {
    json(owner.client.get(app.url(path)).send().await.unwrap(), 200).await
}

struct Shop {
    owner: Owner,
    ana: CardId,
    ben: CardId,
    cleo: CardId,
    dan: CardId,
}

/// Four members:
/// - Ana: 40 days ago two purchases (3.50 coffee, 12.00 food: one visit of 15.50), 35 days ago
///   5.00 (her second visit, 5 days after the first), 2 days ago 4.50, and a reward today;
/// - Ben: 20 days ago 8.00, reversed by the manager: no visit;
/// - Cleo: 10 and 5 days ago, no amounts;
/// - Dan: joined today, no visit yet.
///
/// Ana, Ben and Cleo joined 50 days ago.
async fn small_shop(app: &TestApp) -> Shop {
    let owner = shop_in_kolkata(app, "owner@example.com").await;
    let till = app.pair(&owner).await;
    let [ana, ben, cleo, dan] = [
        app.join(&owner).await.card.card.id,
        app.join(&owner).await.card.card.id,
        app.join(&owner).await.card.card.id,
        app.join(&owner).await.card.card.id,
    ];
    for card in [ana, ben, cleo] {
        joined_days_ago(app, card, 50).await;
    }
    let bens = purchase(&till, ben, 20, Some(800), Some("food"));
    let events = [
        purchase(&till, ana, 40, Some(350), Some("coffee")),
        purchase(&till, ana, 40, Some(1200), Some("food")),
        purchase(&till, ana, 35, Some(500), Some("coffee")),
        purchase(&till, ana, 2, Some(450), Some("coffee")),
        bens.clone(),
        purchase(&till, cleo, 10, None, None),
        purchase(&till, cleo, 5, None, Some("coffee")),
    ];
    let answer = app.push(&till, &events).await;
    assert!(
        answer.results.iter().all(|r| r.code.is_none()),
        "{answer:?}"
    );
    let reversal = reversal_of(&till, &bens, till.staff_id, OffsetDateTime::now_utc());
    let answer = app.push(&till, &[reversal]).await;
    assert!(answer.results[0].code.is_none(), "{answer:?}");
    let reward = till.program.program.rewards[0].clone();
    let mut redeem = till.redeem(ana, &reward);
    redeem.code = Some(crate::helpers::live_code(ana));
    let answer = app.push(&till, &[redeem]).await;
    assert!(answer.results[0].code.is_none(), "{answer:?}");
    Shop {
        owner,
        ana,
        ben,
        cleo,
        dan,
    }
}

#[tokio::test]
async fn the_headline_figures_of_a_small_shop_are_the_ones_worked_out_by_hand() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let o: Overview = owner_get(&app, &shop.owner, "/api/v1/owner/insights/overview?days=30").await;
    let now = &o.current;
    assert_eq!(
        (now.members, now.new_members),
        (4, 1),
        "Dan joined in the period"
    );
    // Ana 2 days ago, Cleo 10 and 5 days ago; Ben's visit was reversed.
    assert_eq!((now.active_members, now.visits), (2, 3));
    assert_eq!(now.visits_per_active_member(), Some(1.5));
    // Cleo's first visit fell in the period, her second 5 days later.
    assert_eq!((now.first_visits, now.repeat_rate_30d), (1, Some(1.0)));
    assert_eq!((now.visits_with_amount, now.revenue_minor), (1, 450));
    assert_eq!(now.average_spend_minor(), Some(450.0));
    assert_eq!(now.rewards_redeemed, 1);

    let before = &o.previous;
    assert_eq!((before.members, before.new_members), (3, 3));
    assert_eq!((before.active_members, before.visits), (1, 2));
    assert_eq!(
        (before.first_visits, before.repeat_rate_30d),
        (1, Some(1.0))
    );
    // 15.50 and 5.00 over two visits with amounts.
    assert_eq!((before.visits_with_amount, before.revenue_minor), (2, 2050));
    assert_eq!(before.average_spend_minor(), Some(1025.0));
    assert_eq!(before.rewards_redeemed, 0);

    // Ana and Cleo have two visits or more, of four members.
    assert_eq!(o.repeat_rate_ever, Some(0.5));
    assert!(o.has_amounts);
    assert_eq!(o.weeks.iter().map(|w| w.visits).sum::<i64>(), 3);
    assert_eq!(o.weeks.iter().map(|w| w.new_members).sum::<i64>(), 1);
    assert_eq!(o.weeks.first().unwrap().start, o.from);
    // In the period: Ana's coffee 2 days ago (4.50) and Cleo's 5 days ago (no amount); Ben's food
    // was reversed, Cleo's visit 10 days ago named no category.
    let categories: Vec<(&str, i64, i64)> = o
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.purchases, c.amount_minor))
        .collect();
    assert_eq!(categories, [("Coffee", 2, 450)]);
}

/// The Monday of the week of the day `days` ago (a visit at noon UTC is on that date in Kolkata).
fn monday_of(days: i64) -> time::Date {
    let day = noon(days).date();
    day - Duration::days(i64::from(day.weekday().number_days_from_monday()))
}

/// Active members are counted three ways (the members whose last visit falls in the period, a
/// look at each member who came later, or the period's visits once per member) and the weekly
/// trend two ways (weeks kept by the push, and the cut first and last weeks counted from the
/// visits): whichever is used, each is the number of members with a visit in the period or
/// week, worked out here from the visits pushed. One visit of a member is reversed, and a
/// member visits twice in some weeks.
#[tokio::test]
async fn active_members_of_any_period_and_week_are_the_members_who_visited_in_it() {
    let app = spawn_app().await;
    let owner = shop_in_kolkata(&app, "owner@example.com").await;
    let till = app.pair(&owner).await;
    let mut visits: Vec<(usize, i64)> = Vec::new();
    let mut events = Vec::new();
    for member in 0..12usize {
        let card = app.join(&owner).await.card.card.id;
        joined_days_ago(&app, card, 130).await;
        // Member n comes every n + 1 days from 120 days ago, the last one only until 60 days ago.
        let until = if member == 11 { 60 } else { 0 };
        for days in (until..=120).rev().step_by(member + 1) {
            events.push((member, days, purchase(&till, card, days, Some(300), None)));
        }
    }
    for chunk in events.chunks(100) {
        let batch: Vec<_> = chunk.iter().map(|(_, _, e)| e.clone()).collect();
        let answer = app.push(&till, &batch).await;
        assert!(
            answer.results.iter().all(|r| r.code.is_none()),
            "{answer:?}"
        );
    }
    // Member 0's visit 30 days ago is taken back.
    let (_, _, taken_back) = events.iter().find(|(m, d, _)| *m == 0 && *d == 30).unwrap();
    let reversal = reversal_of(&till, taken_back, till.staff_id, OffsetDateTime::now_utc());
    assert!(app.push(&till, &[reversal]).await.results[0].code.is_none());
    for (m, d, _) in &events {
        if (*m, *d) != (0, 30) {
            visits.push((*m, *d));
        }
    }

    let day = |days: i64| noon(days).date().to_string();
    for (from, to) in [
        (120, 40),
        (100, 61),
        (10, 3),
        (29, 0),
        (59, 30),
        (120, 0),
        (6, 6),
    ] {
        let path = format!(
            "/api/v1/owner/insights/overview?from={}&to={}",
            day(from),
            day(to)
        );
        let o: Overview = owner_get(&app, &owner, &path).await;
        let active: std::collections::BTreeSet<usize> = visits
            .iter()
            .filter(|(_, d)| *d <= from && *d >= to)
            .map(|(m, _)| *m)
            .collect();
        assert_eq!(o.current.active_members, active.len() as i64, "{path}");
        // Each week of the trend: its members once, the first and last weeks cut to the period.
        for week in &o.weeks {
            let start: i64 = (0..=from)
                .find(|d| day(*d) == week.start)
                .unwrap_or_else(|| panic!("{path}: week {} outside the period", week.start));
            let in_week: std::collections::BTreeSet<usize> = visits
                .iter()
                .filter(|(_, d)| *d <= start && *d >= to && monday_of(*d) == monday_of(start))
                .map(|(m, _)| *m)
                .collect();
            assert_eq!(
                week.active_members,
                in_week.len() as i64,
                "{path}: week of {}",
                week.start
            );
        }
        let visits_in: i64 = o.weeks.iter().map(|w| w.visits).sum();
        assert_eq!(visits_in, o.current.visits, "{path}");
    }
}

#[tokio::test]
async fn visits_fall_in_the_shops_hour_and_weekday_and_the_top_customers_are_named() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let h: Hours = owner_get(&app, &shop.owner, "/api/v1/owner/insights/hours?days=30").await;
    assert_eq!(h.time_zone, "Asia/Kolkata");
    assert_eq!(h.members.total, 3);
    // Noon UTC is 17:30 in Kolkata: every visit is in the 17:00 column, on its weekday.
    for days in [2, 10, 5] {
        let weekday = noon(days).weekday().number_days_from_monday() as usize;
        assert!(h.members.counts[weekday][17] >= 1, "{days} days ago");
    }
    let column: i64 = h.members.counts.iter().map(|r| r[17]).sum();
    assert_eq!(column, 3);
    assert_eq!(h.members.busiest.map(|s| s.hour), Some(17));
    // The top fifth of two scored members is one: Ana (she spends), and in the period she came
    // once (2 days ago; 35 and 40 days ago are before it).
    assert_eq!(h.top_customers.total, 1);
    let h365: Hours = owner_get(&app, &shop.owner, "/api/v1/owner/insights/hours?days=365").await;
    assert_eq!(h365.top_customers.total, 3);
    let pattern = h.top_customers.pattern.unwrap();
    assert_eq!((pattern.from_hour, pattern.to_hour), (17, 18));
}

#[tokio::test]
async fn segments_members_and_the_member_page() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let s: Segments = owner_get(&app, &shop.owner, "/api/v1/owner/insights/segments?days=30").await;
    // Scored: Ana (2 days, 3 visits, 25.00) and Cleo (5 days, 2 visits, nothing). Ana's
    // percentiles are (1 + 1/2)/2, scores 4; Cleo's (0 + 1/2)/2, scores 2: loyal, and
    // hibernating.
    let count = |seg: &str| {
        s.groups
            .iter()
            .find(|g| g.segment.as_str() == seg)
            .map(|g| g.members)
            .unwrap()
    };
    assert_eq!(count("loyal"), 1);
    assert_eq!(count("hibernating"), 1);
    assert_eq!(s.groups.iter().map(|g| g.members).sum::<i64>(), 2);
    assert_eq!(s.without_visits, 2, "Ben (reversed) and Dan");
    // 31 days ago only Ana had come: alone, she sat in the middle (3, 3, 3: need attention),
    // and has moved to loyal since.
    let group = |seg: &str| s.groups.iter().find(|g| g.segment.as_str() == seg).unwrap();
    let was = group("need_attention");
    assert_eq!((was.previous, was.members, was.moved_out), (1, 0, 1));
    assert_eq!(group("loyal").moved_in, 1);
    assert_eq!(s.moved, 1);

    let list: SegmentMembers = owner_get(
        &app,
        &shop.owner,
        "/api/v1/owner/insights/segments/loyal/members?days=30",
    )
    .await;
    assert_eq!((list.total, list.pages), (1, 1));
    let ana = &list.members[0];
    assert_eq!(ana.card_id, shop.ana);
    assert_eq!((ana.r, ana.f, ana.m), (4, 4, 4));
    assert_eq!(
        (ana.visits_12m, ana.spend_12m_minor, ana.visits),
        (3, 2500, 3)
    );

    let csv = shop
        .owner
        .client
        .get(app.url("/api/v1/owner/insights/segments/all/members?days=30&format=csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "a header and two members: {text}");
    assert!(lines[0].starts_with("card_id,first_name,segment"));
    assert!(lines[1].starts_with(&shop.ana.to_string()));

    let page: MemberInsights = owner_get(
        &app,
        &shop.owner,
        &format!("/api/v1/owner/insights/members/{}", shop.ana),
    )
    .await;
    assert_eq!(page.row.visits, 3);
    assert_eq!((page.spend_minor, page.visits_with_amount), (2500, 3));
    let purchases: Vec<(&str, i64, i64)> = page
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.purchases, c.amount_minor))
        .collect();
    assert_eq!(purchases, [("Coffee", 3, 1300), ("Food", 1, 1200)]);
    assert_eq!(page.months.iter().map(|m| m.visits).sum::<i64>(), 3);
    assert_eq!(page.history.len(), 5, "four purchases and the reward");

    // The owner's note.
    let saved = shop
        .owner
        .client
        .put(app.url(&format!(
            "/api/v1/owner/insights/members/{}/note",
            shop.cleo
        )))
        .json(&serde_json::json!({"note": "Oat milk, no sugar"}))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 200);
    let cleo: MemberInsights = owner_get(
        &app,
        &shop.owner,
        &format!("/api/v1/owner/insights/members/{}", shop.cleo),
    )
    .await;
    assert_eq!(cleo.note, "Oat milk, no sugar");
    assert_eq!(cleo.visits_with_amount, 0);
    let too_long = shop
        .owner
        .client
        .put(app.url(&format!(
            "/api/v1/owner/insights/members/{}/note",
            shop.cleo
        )))
        .json(&serde_json::json!({"note": "x".repeat(2001)}))
        .send()
        .await
        .unwrap();
    assert_eq!(error(too_long, 422).await.code, "invalid_field");
    // Ben's only visit was reversed: a member page without a segment.
    let ben: MemberInsights = owner_get(
        &app,
        &shop.owner,
        &format!("/api/v1/owner/insights/members/{}", shop.ben),
    )
    .await;
    assert_eq!((ben.row.visits, ben.row.segment), (0, None));
    let _ = shop.dan;
}

#[tokio::test]
async fn renamed_categories_keep_their_history_and_the_till_gets_the_new_list() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let put = |list: Vec<CategoryInput>| {
        shop.owner
            .client
            .put(app.url("/api/v1/owner/categories"))
            .json(&CategoriesInput { categories: list })
            .send()
    };
    let renamed = put(vec![
        CategoryInput {
            id: Some("coffee".into()),
            name: "Espresso bar".into(),
        },
        CategoryInput {
            id: None,
            name: "Pastries".into(),
        },
        CategoryInput {
            id: Some("food".into()),
            name: "Lunch".into(),
        },
    ])
    .await
    .unwrap();
    let owner_shop: OwnerShop = json(renamed, 200).await;
    let names: Vec<&str> = owner_shop
        .program
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Espresso bar", "Pastries", "Lunch"]);
    let pastries = owner_shop.program.categories[1].id.clone();
    assert!(pastries.starts_with("c-"));

    // A tablet paired now gets the new chips.
    let till = app.pair(&shop.owner).await;
    assert_eq!(
        till.program.program.categories,
        owner_shop.program.categories
    );
    app.push(
        &till,
        &[purchase(&till, shop.ana, 1, Some(300), Some(&pastries))],
    )
    .await;

    let page: MemberInsights = owner_get(
        &app,
        &shop.owner,
        &format!("/api/v1/owner/insights/members/{}", shop.ana),
    )
    .await;
    let names: Vec<(&str, i64)> = page
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.purchases))
        .collect();
    assert_eq!(names, [("Espresso bar", 3), ("Lunch", 1), ("Pastries", 1)]);

    // Too many, two with one name, an id the shop does not have: refused, nothing changed.
    let thirteen = (0..13)
        .map(|i| CategoryInput {
            id: None,
            name: format!("C{i}"),
        })
        .collect();
    let twice = vec![
        CategoryInput {
            id: None,
            name: "Cakes".into(),
        },
        CategoryInput {
            id: None,
            name: "cakes".into(),
        },
    ];
    let stranger = vec![CategoryInput {
        id: Some("c-notours".into()),
        name: "Beans".into(),
    }];
    for bad in [thirteen, twice, stranger] {
        let answer = put(bad).await.unwrap();
        assert_eq!(error(answer, 422).await.code, "invalid_field");
    }
    let now: Vec<regulars_protocol::Category> =
        owner_get(&app, &shop.owner, "/api/v1/owner/categories").await;
    assert_eq!(now, owner_shop.program.categories);
}

/// A push keeps its visit days and writes them together; a member's visits on several days of
/// one week in one batch still count the member once in that week's active members, as a
/// rebuild from the events does.
#[tokio::test]
async fn visits_on_several_days_of_a_week_in_one_batch_summarise_as_a_rebuild_does() {
    let app = spawn_app().await;
    let owner = shop_in_kolkata(&app, "owner@example.com").await;
    let till = app.pair(&owner).await;
    let ana = app.join(&owner).await.card.card.id;
    let ben = app.join(&owner).await.card.card.id;
    for card in [ana, ben] {
        joined_days_ago(&app, card, 30).await;
    }
    let events = [
        purchase(&till, ana, 9, Some(300), Some("coffee")),
        purchase(&till, ana, 8, Some(200), Some("coffee")),
        purchase(&till, ben, 8, Some(500), Some("food")),
        purchase(&till, ana, 8, Some(100), None),
        purchase(&till, ana, 7, Some(400), Some("food")),
        purchase(&till, ben, 1, None, None),
    ];
    let answer = app.push(&till, &events).await;
    assert!(
        answer.results.iter().all(|r| r.code.is_none()),
        "{answer:?}"
    );
    let done = regulars_server::maintenance::rebuild_summaries(&app.db, false)
        .await
        .unwrap();
    let ours = done
        .iter()
        .find(|d| d.shop_id == owner.shop.shop.id)
        .unwrap();
    assert!(ours.report.rows > 0);
    assert_eq!(ours.report.differences, 0, "{:?}", ours.report.examples);
}

#[tokio::test]
async fn a_rebuild_finds_what_the_push_wrote_and_repairs_a_damaged_summary() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let done = regulars_server::maintenance::rebuild_summaries(&app.db, false)
        .await
        .unwrap();
    let ours = done
        .iter()
        .find(|d| d.shop_id == shop.owner.shop.shop.id)
        .unwrap();
    assert_eq!(ours.report.differences, 0, "{:?}", ours.report.examples);
    assert!(ours.report.rows > 0);

    sqlx::query("UPDATE visit_days SET earnings = 7 WHERE card_id = $1")
        .bind(shop.cleo.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("DELETE FROM shop_hours WHERE shop_id = $1")
        .bind(shop.owner.shop.shop.id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    let done = regulars_server::maintenance::rebuild_summaries(&app.db, false)
        .await
        .unwrap();
    let ours = done
        .iter()
        .find(|d| d.shop_id == shop.owner.shop.shop.id)
        .unwrap();
    assert!(ours.report.differences >= 3, "{:?}", ours.report);
    let again = regulars_server::maintenance::rebuild_summaries(&app.db, false)
        .await
        .unwrap();
    let ours = again
        .iter()
        .find(|d| d.shop_id == shop.owner.shop.shop.id)
        .unwrap();
    assert_eq!(ours.report.differences, 0);
}

/// Migration 0008 fills the weeks' active members of a database summarised before it from the
/// week each visit day carries: what it writes is what the push keeps and a rebuild makes.
#[tokio::test]
async fn the_weeks_a_migration_fills_are_the_ones_the_push_keeps() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let migration = include_str!("../../migrations/sqlite/0008_insights_weekly_and_covering.sql");
    let fill = &migration[migration.find("INSERT INTO shop_weeks").unwrap()..];
    let fill = &fill[..fill.find(';').unwrap()];
    let kept: Vec<(String, i64)> =
        sqlx::query_as("SELECT week, active FROM shop_weeks WHERE shop_id = $1 ORDER BY week")
            .bind(shop.owner.shop.shop.id.to_string())
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert!(!kept.is_empty());
    sqlx::query("DELETE FROM shop_weeks")
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query(fill).execute(&app.db).await.unwrap();
    let filled: Vec<(String, i64)> = sqlx::query_as(
        "SELECT week, active FROM shop_weeks WHERE shop_id = $1 AND active <> 0 ORDER BY week",
    )
    .bind(shop.owner.shop.shop.id.to_string())
    .fetch_all(&app.db)
    .await
    .unwrap();
    let kept: Vec<(String, i64)> = kept.into_iter().filter(|(_, a)| *a != 0).collect();
    assert_eq!(filled, kept);
    let done = regulars_server::maintenance::rebuild_summaries(&app.db, false)
        .await
        .unwrap();
    let ours = done
        .iter()
        .find(|d| d.shop_id == shop.owner.shop.shop.id)
        .unwrap();
    assert_eq!(ours.report.differences, 0, "{:?}", ours.report.examples);
}

#[tokio::test]
async fn bad_periods_segments_and_pages_are_clear_errors() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let get = |path: &str| shop.owner.client.get(app.url(path)).send();
    for (path, status, code) in [
        (
            "/api/v1/owner/insights/overview?days=8",
            422,
            "invalid_field",
        ),
        (
            "/api/v1/owner/insights/overview?from=2026-03-02&to=2026-03-01",
            422,
            "invalid_field",
        ),
        (
            "/api/v1/owner/insights/overview?from=2026-02-30&to=2026-03-01",
            422,
            "invalid_field",
        ),
        (
            "/api/v1/owner/insights/overview?from=2026-02-01",
            422,
            "invalid_field",
        ),
        ("/api/v1/owner/insights/overview?days=ten", 400, "bad_query"),
        (
            "/api/v1/owner/insights/hours?segment=whales",
            404,
            "unknown_segment",
        ),
        (
            "/api/v1/owner/insights/segments/whales/members",
            404,
            "unknown_segment",
        ),
        (
            "/api/v1/owner/insights/segments/all/members?page=2",
            404,
            "page_out_of_range",
        ),
        (
            "/api/v1/owner/insights/segments/all/members?page=0",
            404,
            "page_out_of_range",
        ),
        (
            "/api/v1/owner/insights/segments/all/members?format=xml",
            422,
            "invalid_field",
        ),
    ] {
        let answer = get(path).await.unwrap();
        let body = error(answer, status).await;
        assert_eq!(body.code, code, "{path}: {body:?}");
    }
}

#[tokio::test]
async fn a_shop_sees_only_its_own_members() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    let other = shop_in_kolkata(&app, "other@example.com").await;
    let till = app.pair(&other).await;
    let stranger = app.join(&other).await.card.card.id;
    app.push(
        &till,
        &[purchase(&till, stranger, 3, Some(9900), Some("coffee"))],
    )
    .await;

    let o: Overview = owner_get(&app, &shop.owner, "/api/v1/owner/insights/overview?days=30").await;
    assert_eq!(
        (o.current.members, o.current.visits, o.current.revenue_minor),
        (4, 3, 450)
    );
    let theirs: Overview = owner_get(&app, &other, "/api/v1/owner/insights/overview?days=30").await;
    assert_eq!(
        (
            theirs.current.members,
            theirs.current.visits,
            theirs.current.revenue_minor
        ),
        (1, 1, 9900)
    );
    let all: SegmentMembers = owner_get(
        &app,
        &shop.owner,
        "/api/v1/owner/insights/segments/all/members",
    )
    .await;
    assert!(all.members.iter().all(|m| m.card_id != stranger));
    let page = shop
        .owner
        .client
        .get(app.url(&format!("/api/v1/owner/insights/members/{stranger}")))
        .send()
        .await
        .unwrap();
    assert_eq!(error(page, 404).await.code, "unknown_card");
    let note = shop
        .owner
        .client
        .put(app.url(&format!("/api/v1/owner/insights/members/{stranger}/note")))
        .json(&serde_json::json!({"note": "not mine"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error(note, 404).await.code, "unknown_card");
}

#[tokio::test]
async fn every_list_downloads_as_csv_and_typed_text_stays_text() {
    let app = spawn_app().await;
    let shop = small_shop(&app).await;
    // A shopper who typed a formula as their name.
    sqlx::query("UPDATE cards SET first_name = '=HYPERLINK(\"http://evil\")' WHERE id = $1")
        .bind(shop.ana.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    let get = |path: String| {
        let client = shop.owner.client.clone();
        let url = app.url(&path);
        async move { client.get(url).send().await.unwrap() }
    };
    let csv_rows = |text: &str| -> Vec<csv::StringRecord> {
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap())
            .collect()
    };

    // Every member, with balances.
    let members = get("/api/v1/owner/cards?format=csv".into()).await;
    assert_eq!(members.status(), 200);
    assert!(
        members.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"regulars-members-")
    );
    let text = members.text().await.unwrap();
    assert!(text.starts_with("card_id,first_name,email,printed,balance,"));
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), 4, "Ana, Ben, Cleo and Dan: {text}");
    let ana = rows.iter().find(|r| r[0] == shop.ana.to_string()).unwrap();
    assert_eq!(&ana[1], "'=HYPERLINK(\"http://evil\")");
    // Four stamps earned, the reward's cost spent: the same sums the members page shows.
    let listed: Vec<regulars_protocol::wire::Member> =
        owner_get(&app, &shop.owner, "/api/v1/owner/cards").await;
    let listed_ana = listed.iter().find(|m| m.card_id == shop.ana).unwrap();
    assert_eq!(ana[4].parse::<i64>().unwrap(), listed_ana.balance.balance);
    assert_eq!(ana[5].parse::<i64>().unwrap(), listed_ana.balance.earned);
    assert_eq!(ana[5].parse::<i64>().unwrap(), 4);

    // A member's whole history, with the shop's category names.
    let history = get(format!(
        "/api/v1/owner/insights/members/{}/history?format=csv",
        shop.ana
    ))
    .await;
    assert_eq!(history.status(), 200);
    let text = history.text().await.unwrap();
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), 5, "four purchases and the reward: {text}");
    let categories: Vec<&str> = rows.iter().map(|r| &r[4]).collect();
    assert_eq!(
        categories.iter().filter(|c| **c == "Coffee").count(),
        3,
        "{text}"
    );
    assert!(categories.contains(&"Food"));
    let json_history: Vec<regulars_protocol::insights::HistoryItem> = owner_get(
        &app,
        &shop.owner,
        &format!("/api/v1/owner/insights/members/{}/history", shop.ana),
    )
    .await;
    assert_eq!(json_history.len(), 5);

    // The segment list writes names the same way.
    let segment = get("/api/v1/owner/insights/segments/all/members?days=30&format=csv".into())
        .await
        .text()
        .await
        .unwrap();
    assert!(segment.contains("'=HYPERLINK"), "{segment}");

    // Bad input: a clear error, on each list.
    for path in [
        "/api/v1/owner/cards?format=xlsx".to_string(),
        format!(
            "/api/v1/owner/insights/members/{}/history?format=xlsx",
            shop.ana
        ),
    ] {
        assert_eq!(error(get(path).await, 422).await.code, "invalid_field");
    }
    let unknown = get(format!(
        "/api/v1/owner/insights/members/{}/history?format=csv",
        CardId::random()
    ))
    .await;
    assert_eq!(error(unknown, 404).await.code, "unknown_card");
}
