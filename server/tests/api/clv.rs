//! Predicted value through the API: the models are fitted on the shop's visits as the models read
//! them (a visit is a shop-local day; weeks; visits after `as_of` left out), the lists, and a
//! plain warning instead of numbers for a thin history. Runs on both engines.

use regulars_protocol::insights::{ClvReport, ClvWarning};
use regulars_protocol::{CardId, EventBody, ProgramKind};
use regulars_server::insights::clv::{self, Customer};
use time::{Date, Duration, OffsetDateTime};

use crate::helpers::{Owner, TestApp, Till, code_at, error, json, setup_request};

fn noon(day: Date) -> OffsetDateTime {
    day.with_hms(12, 0, 0).unwrap().assume_utc()
}

fn stamp(till: &Till, card: CardId, day: Date, amount: i64) -> regulars_protocol::Event {
    let mut event = till.event(
        card,
        EventBody::StampsIssued {
            count: 1,
            amount_minor: Some(amount),
            category: Some(if amount > 900 { "food" } else { "coffee" }.into()),
        },
    );
    event.occurred_at = noon(day);
    event.code = Some(code_at(card, noon(day)));
    event
}

/// A shop open for years, so events dated in its past are facts, not impossible times.
async fn old_shop(app: &TestApp, email: &str) -> Owner {
    app.setup_open_for_years(&setup_request(email, ProgramKind::Stamps, 10))
        .await
}

async fn member_since(app: &TestApp, owner: &Owner, day: Date) -> CardId {
    let card = app.join(owner).await.card.card.id;
    sqlx::query("UPDATE cards SET created_at = $1 WHERE id = $2")
        .bind(regulars_server::db::ts(noon(day) - Duration::days(1)))
        .bind(card.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    card
}

async fn report(app: &TestApp, owner: &Owner, query: &str) -> ClvReport {
    json(
        owner
            .client
            .get(app.url(&format!("/api/v1/owner/insights/clv?{query}")))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[tokio::test]
async fn the_models_are_fitted_on_the_shops_visits_as_the_models_read_them() {
    // 160 members join from one address: past the joining limit, which is not what this tests.
    let app = crate::helpers::spawn_app_with(|s| s.rate_limits = false).await;
    let owner = old_shop(&app, "clv@example.com").await;
    let till = app.pair(&owner).await;
    let today = OffsetDateTime::now_utc().date();
    let as_of = today - Duration::days(5);

    // 160 members with made-up but varied habits: when they first came, how often, how many
    // times, what they spend; some come twice on one day (one visit), some after `as_of`.
    let mut events = Vec::new();
    let mut expected: Vec<(CardId, Customer)> = Vec::new();
    let mut visit_days: Vec<Vec<Date>> = Vec::new();
    for i in 0..160_i64 {
        let first = today - Duration::days(60 + (i * 37) % 300);
        let card = member_since(&app, &owner, first).await;
        let gap = 2 + (i * 7) % 23;
        let times = 1 + (i * 13) % 9;
        let spend = 300 + (i * 97) % 1500;
        let mut days: Vec<Date> = Vec::new();
        for k in 0..times {
            let day = first + Duration::days(k * gap);
            if day > today {
                break;
            }
            events.push(stamp(&till, card, day, spend + k * 10));
            days.push(day);
        }
        if i % 10 == 0 {
            // A second purchase on the first day: the same visit.
            events.push(stamp(&till, card, first, 250));
        }
        visit_days.push(days.clone());
        let seen: Vec<Date> = days.iter().copied().filter(|d| *d <= as_of).collect();
        if seen.is_empty() {
            continue;
        }
        let weeks = |a: Date, b: Date| (b - a).whole_days() as f64 / 7.0;
        let repeat: Vec<i64> = seen
            .iter()
            .enumerate()
            .skip(1)
            .map(|(k, _)| spend + k as i64 * 10)
            .collect();
        expected.push((
            card,
            Customer {
                x: (seen.len() - 1) as f64,
                t_x: weeks(seen[0], *seen.last().unwrap()),
                t: weeks(seen[0], as_of),
                mean_spend: (!repeat.is_empty())
                    .then(|| repeat.iter().sum::<i64>() as f64 / repeat.len() as f64),
            },
        ));
    }
    for batch in events.chunks(100) {
        app.push(&till, batch).await;
    }

    let r = report(&app, &owner, &format!("as_of={as_of}&list=all")).await;
    let customers: Vec<Customer> = expected.iter().map(|(_, c)| *c).collect();
    assert_eq!(r.as_of, as_of.to_string());
    assert_eq!(r.time_unit, "week");
    assert_eq!(r.customers, customers.len() as i64);
    let repeaters = customers.iter().filter(|c| c.x > 0.0).count() as i64;
    assert_eq!(r.repeat_customers, repeaters);
    let fit = r.fit.clone().expect("a fit");
    assert!(fit.converged && r.warning.is_none(), "{:?}", r.warning);
    let by_hand = clv::fit_bg_nbd(&customers).unwrap().params;
    let got = fit.bg_nbd;
    for (a, b) in [
        (got.r, by_hand.r),
        (got.alpha, by_hand.alpha),
        (got.a, by_hand.a),
        (got.b, by_hand.b),
    ] {
        assert!(close(a, b), "{got:?} against {by_hand:?}");
    }
    let spend_by_hand = clv::fit_gamma_gamma(&customers).unwrap().params;
    let spend = fit.gamma_gamma.expect("a spend fit");
    assert!(close(spend.p, spend_by_hand.p) && close(spend.q, spend_by_hand.q));

    // Every member's predictions are the models' at the fitted parameters.
    assert_eq!(r.total, customers.len() as i64);
    let mut all = r.members.clone();
    for page in 2..=r.pages {
        all.extend(
            report(&app, &owner, &format!("as_of={as_of}&list=all&page={page}"))
                .await
                .members,
        );
    }
    assert_eq!(all.len(), customers.len());
    for m in &all {
        let (_, c) = expected.iter().find(|(id, _)| *id == m.card_id).unwrap();
        assert_eq!(m.visits, c.x as i64 + 1);
        assert!(close(m.p_alive.unwrap(), by_hand.p_alive(c)));
        assert!(close(
            m.expected_visits_90d.unwrap(),
            by_hand.expected_visits(90.0 / 7.0, c)
        ));
        assert!(m.favourite_category.is_some());
    }
    // The list is the most valuable first.
    let values: Vec<i64> = all
        .iter()
        .map(|m| m.predicted_spend_12m_minor.unwrap())
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");

    // The top customers are at most 150, the most valuable; the drifting are valuable members
    // the model thinks have probably left.
    let top = report(&app, &owner, &format!("as_of={as_of}&list=top")).await;
    assert_eq!(top.total, 150);
    assert_eq!(top.members[0].card_id, all[0].card_id);
    let drifting = report(&app, &owner, &format!("as_of={as_of}&list=drifting")).await;
    assert!(drifting.members.iter().all(|m| m.p_alive.unwrap() < 0.5));
    // The model's check: fitted five weeks ago, what it expected of those members week by week
    // against the visits they made.
    let earlier = today - Duration::days(35);
    let checked = report(&app, &owner, &format!("as_of={earlier}&list=top")).await;
    let then: Vec<Customer> = visit_days
        .iter()
        .filter_map(|days| {
            let seen: Vec<Date> = days.iter().copied().filter(|d| *d <= earlier).collect();
            let weeks = |a: Date, b: Date| (b - a).whole_days() as f64 / 7.0;
            (!seen.is_empty()).then(|| Customer {
                x: (seen.len() - 1) as f64,
                t_x: weeks(seen[0], *seen.last().unwrap()),
                t: weeks(seen[0], earlier),
                mean_spend: None,
            })
        })
        .collect();
    let model = clv::fit_bg_nbd(&then).unwrap().params;
    let check = checked.check.expect("a check of a fit five weeks old");
    assert_eq!(check.weeks.len(), 5);
    for w in &check.weeks {
        let end = earlier + Duration::days(7 * w.week);
        let actual: usize = visit_days
            .iter()
            .filter(|days| days.first().is_some_and(|d| *d <= earlier))
            .map(|days| days.iter().filter(|d| **d > earlier && **d <= end).count())
            .sum();
        assert_eq!(w.actual, actual as i64, "week {}", w.week);
        let predicted: f64 = then
            .iter()
            .map(|c| model.expected_visits(w.week as f64, c))
            .sum();
        assert!(
            (w.predicted - predicted).abs() < 1e-6 * predicted,
            "week {}",
            w.week
        );
    }
    assert!(r.check.is_none(), "five days is not a whole week");

    // The member's page shows their prediction as of today (once the shop's fit for today is
    // made: the page never waits for it), and their place among the best.
    report(&app, &owner, "list=top").await;
    let page: regulars_protocol::insights::MemberInsights = json(
        owner
            .client
            .get(app.url(&format!(
                "/api/v1/owner/insights/members/{}",
                all[0].card_id
            )))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    let predicted = page.predicted.expect("a prediction on the member's page");
    assert!(predicted.member.p_alive.is_some() && predicted.warning.is_none());
    assert!(
        predicted
            .top_rank
            .is_some_and(|rank| (1..=150).contains(&rank))
    );
    // As CSV, the whole list.
    let csv = owner
        .client
        .get(app.url(&format!(
            "/api/v1/owner/insights/clv?as_of={as_of}&list=top&format=csv"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert_eq!(text.lines().count(), 151);
    assert!(text.starts_with("card_id,first_name,visits,spend_minor"));
}

#[tokio::test]
async fn a_thin_history_gets_a_plain_warning_and_bad_questions_a_clear_error() {
    let app = crate::helpers::spawn_app().await;
    let owner = old_shop(&app, "thin@example.com").await;
    let till = app.pair(&owner).await;
    let today = OffsetDateTime::now_utc().date();
    for i in 0..5 {
        let first = today - Duration::days(30 + i);
        let card = member_since(&app, &owner, first).await;
        app.push(
            &till,
            &[
                stamp(&till, card, first, 500),
                stamp(&till, card, first + Duration::days(7), 500),
            ],
        )
        .await;
    }
    let r = report(&app, &owner, "").await;
    assert_eq!(r.customers, 5);
    assert_eq!(
        r.warning,
        Some(ClvWarning::TooFewRepeatCustomers { have: 5, need: 50 })
    );
    assert!(r.fit.is_none());
    assert_eq!(r.total, 0, "no top customers without a fit");
    let all = report(&app, &owner, "list=all").await;
    assert_eq!(all.total, 5);
    assert!(all.members.iter().all(|m| m.p_alive.is_none()));
    let first = all.members[0].card_id;
    let page: regulars_protocol::insights::MemberInsights = json(
        owner
            .client
            .get(app.url(&format!("/api/v1/owner/insights/members/{first}")))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    let predicted = page.predicted.unwrap();
    assert_eq!(predicted.top_rank, None);
    assert!(predicted.member.p_alive.is_none());
    assert!(matches!(
        predicted.warning,
        Some(ClvWarning::TooFewRepeatCustomers { .. })
    ));

    let after_today = format!("as_of={}", today + Duration::days(2));
    for (query, status, code) in [
        ("as_of=2026-13-01", 422, "invalid_field"),
        (after_today.as_str(), 422, "invalid_field"),
        ("list=best", 404, "unknown_list"),
        ("list=all&page=9", 404, "page_out_of_range"),
        ("format=xml", 422, "invalid_field"),
    ] {
        let response = owner
            .client
            .get(app.url(&format!("/api/v1/owner/insights/clv?{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(error(response, status).await.code, code, "{query}");
    }
}
