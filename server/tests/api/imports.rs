//! Importing a shop's purchase history through the API: matching customers to members,
//! idempotency (the same file twice, identical rows in one file), each bad input, a server
//! stopped mid-import and a chunk committed twice. Runs on both engines.

use std::time::Duration;

use regulars_protocol::imports::{ColumnMapping, ImportJob, ImportStatus, StartImport};
use regulars_protocol::wire::JoinRequest;
use regulars_protocol::{CardKey, ErrorCode, ProgramKind};
use regulars_server::config::Settings;

use crate::helpers::{
    Owner, TestApp, error, json, new_card_key, remember_key, setup_request, spawn_app_with,
};

async fn shop(app: &TestApp, email: &str) -> Owner {
    app.setup_open_for_years(&setup_request(email, ProgramKind::Stamps, 10))
        .await
}

async fn upload(
    app: &TestApp,
    owner: &Owner,
    name: &str,
    csv: impl Into<reqwest::Body>,
) -> reqwest::Response {
    owner
        .client
        .post(app.url(&format!("/api/v1/owner/imports?file_name={name}")))
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap()
}

async fn show(app: &TestApp, owner: &Owner, id: &str) -> ImportJob {
    json(
        owner
            .client
            .get(app.url(&format!("/api/v1/owner/imports/{id}")))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await
}

async fn start(app: &TestApp, owner: &Owner, id: &str, skip_bad_rows: bool) -> reqwest::Response {
    owner
        .client
        .post(app.url(&format!("/api/v1/owner/imports/{id}/start")))
        .json(&StartImport { skip_bad_rows })
        .send()
        .await
        .unwrap()
}

/// Polls the job until `done` says so (the worker runs in the background), for at most 60 s.
async fn wait_for(
    app: &TestApp,
    owner: &Owner,
    id: &str,
    done: impl Fn(&ImportJob) -> bool,
) -> ImportJob {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let job = show(app, owner, id).await;
        if done(&job) {
            return job;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "import stuck: {job:?}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn import(app: &TestApp, owner: &Owner, csv: &str) -> ImportJob {
    let job: ImportJob = json(upload(app, owner, "history.csv", csv.to_owned()).await, 201).await;
    assert_eq!(job.status, ImportStatus::Ready, "{job:?}");
    let _: ImportJob = json(start(app, owner, &job.id, false).await, 202).await;
    wait_for(app, owner, &job.id, |j| j.status == ImportStatus::Done).await
}

async fn count(app: &TestApp, sql: &str, shop: &Owner) -> i64 {
    sqlx::query_scalar(sql)
        .bind(shop.shop.shop.id.to_string())
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn imported_events(app: &TestApp, owner: &Owner) -> i64 {
    count(
        app,
        "SELECT COUNT(*) FROM events WHERE shop_id = $1 AND origin = 'import'",
        owner,
    )
    .await
}

/// Every summary the import kept equals what a rebuild from the events makes.
async fn summaries_match_the_events(app: &TestApp) {
    for done in regulars_server::maintenance::rebuild_summaries(&app.db, false)
        .await
        .unwrap()
    {
        assert_eq!(done.report.differences, 0, "{:?}", done.report.examples);
    }
}

/// A deterministic history: `customers` customers with `visits` purchases each, a week apart,
/// from 2025-01-06.
fn history(customers: usize, visits: usize) -> String {
    let mut csv = String::from("customer,date,amount,category\n");
    for c in 0..customers {
        for v in 0..visits {
            let day =
                time::macros::date!(2025 - 01 - 06) + time::Duration::days((7 * v + c % 5) as i64);
            csv.push_str(&format!(
                "K{c:03},{day},{}.{:02},coffee\n",
                3 + c % 4,
                (c * 7 + v) % 100
            ));
        }
    }
    csv
}

#[tokio::test]
async fn an_imported_history_counts_in_every_figure_and_never_in_a_balance() {
    let app = spawn_app_with(|s| s.rate_limits = false).await;
    let owner = shop(&app, "import-match@example.com").await;
    // A member who joined on their phone with an e-mail, and has stamps.
    let key = new_card_key();
    let joined: regulars_protocol::wire::JoinResponse = json(
        app.post(
            &format!("/api/v1/shops/{}/join", owner.shop.shop.slug),
            None,
            &JoinRequest {
                email: Some("Ann@Example.org".into()),
                first_name: Some("Ann".into()),
                public_key: Some(CardKey::from(&key).to_base64()),
                offers_consent: None,
            },
        )
        .await,
        201,
    )
    .await;
    remember_key(joined.card.card.id, key);
    let till = app.pair(&owner).await;
    let stamp = till.stamps(joined.card.card.id, 2);
    app.push(&till, &[stamp]).await;
    let balance_before = app.card(&joined.token).await.balance;

    let job = import(
        &app,
        &owner,
        "customer,date,amount,email,first_name\n\
         A-1,2025-03-01,4.50,ann@example.org,\n\
         A-1,2025-04-01 09:30,5.00,,\n\
         B-2,2025-03-02,3.00,,Bea\n\
         B-2,2025-05-02,3.00,,Bea\n\
         C-3,2025-06-01T18:00:00Z,12.00,cem@example.org,Cem\n",
    )
    .await;
    assert_eq!(job.progress.purchases_added, 5);
    assert_eq!(job.progress.matched_by_email, 1, "{job:?}");
    assert_eq!(job.progress.new_members, 2, "{job:?}");
    assert_eq!(job.progress.rows_done, 5);
    assert!(job.finished_at.is_some());

    // Ann's imported purchases are hers, and her balance is what the till gave.
    let card = app.card(&joined.token).await;
    assert_eq!(card.balance, balance_before);
    assert!(
        card.history.iter().all(|h| h.body.kind() != "unknown"),
        "the shopper's card does not list the imported purchases"
    );
    let ann: regulars_protocol::insights::MemberInsights = json(
        owner
            .client
            .get(app.url(&format!(
                "/api/v1/owner/insights/members/{}",
                joined.card.card.id
            )))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(ann.row.visits, 3, "two imported visits and today's stamp");
    assert_eq!(ann.spend_minor, 950);
    // New members: no phone, a printed card can be made; joined at their first purchase.
    let (printed, joined_at): (i64, String) = sqlx::query_as(
        "SELECT CASE WHEN c.printed THEN 1 ELSE 0 END, c.created_at FROM cards c
         JOIN import_customers i ON i.card_id = c.id WHERE i.shop_id = $1 AND i.customer = 'B-2'",
    )
    .bind(owner.shop.shop.id.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(printed, 1);
    assert!(joined_at.starts_with("2025-03-02"), "{joined_at}");
    // Bea can be given a printed card (the code her card was made for); Ann's card is her phone.
    let bea: String = sqlx::query_scalar(
        "SELECT card_id FROM import_customers WHERE shop_id = $1 AND customer = 'B-2'",
    )
    .bind(owner.shop.shop.id.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    let print = |card: String| {
        owner
            .client
            .post(app.url(&format!("/api/v1/owner/cards/{card}/printed-card")))
            .send()
    };
    let card: regulars_protocol::wire::PrintedCard =
        json(print(bea.clone()).await.unwrap(), 200).await;
    assert_eq!(card.member.first_name.as_deref(), Some("Bea"));
    assert_eq!(card.member.card_id.to_string(), bea);
    let again: regulars_protocol::wire::PrintedCard = json(print(bea).await.unwrap(), 200).await;
    assert_eq!(again.code, card.code, "the same card, printed again");
    let till_reads: regulars_protocol::wire::Customer =
        json(app.lookup(&till, &card.code).await, 200).await;
    assert_eq!(
        till_reads.card_id.to_string(),
        card.member.card_id.to_string()
    );
    let refused = error(print(joined.card.card.id.to_string()).await.unwrap(), 409).await;
    assert_eq!(refused.code, ErrorCode::NotAPrintedCard);
    // The imported purchases change no balance.
    assert_eq!(
        count(&app, "SELECT CAST(COALESCE(SUM(delta), 0) AS BIGINT) FROM events WHERE shop_id = $1 AND origin = 'import'", &owner).await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT CAST(COALESCE(SUM(balance), 0) AS BIGINT) FROM balances WHERE shop_id = $1",
            &owner
        )
        .await,
        balance_before.balance
    );
    // Bea's purchases came with a date alone: visits of those days at no hour, left out of the
    // hour x weekday figures; Cem's came with a time.
    let hours: Vec<(String, i32)> = sqlx::query_as(
        "SELECT day, hour FROM shop_hours WHERE shop_id = $1 AND visits > 0 AND day < '2026-01-01' ORDER BY day",
    )
    .bind(owner.shop.shop.id.to_string())
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        hours,
        [
            ("2025-04-01".to_string(), 9),
            ("2025-06-01".to_string(), 20)
        ],
        "only the purchases with a time have an hour (18:00 UTC is 20:00 in Paris)"
    );
    summaries_match_the_events(&app).await;

    // A second file: Bea again by her customer value, Ann by e-mail under another value.
    let job = import(
        &app,
        &owner,
        "customer,date,amount,email\nB-2,2025-07-02,3.00,\nZZ,2025-07-03,1.00,ANN@example.org\n",
    )
    .await;
    assert_eq!(job.progress.matched_by_customer, 1, "{job:?}");
    assert_eq!(job.progress.matched_by_email, 1, "{job:?}");
    assert_eq!(job.progress.new_members, 0, "{job:?}");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM cards WHERE shop_id = $1",
            &owner
        )
        .await,
        3
    );
}

#[tokio::test]
async fn the_same_file_twice_adds_nothing_and_identical_rows_are_both_kept() {
    let app = spawn_app_with(|s| s.rate_limits = false).await;
    let owner = shop(&app, "import-twice@example.com").await;
    // Two coffees on one day are two rows alike.
    let csv = "customer,date,amount\nK1,2025-03-01,2.50\nK1,2025-03-01,2.50\nK2,2025-03-01,2.50\n";
    let first = import(&app, &owner, csv).await;
    assert_eq!(first.progress.purchases_added, 3);
    let again = import(&app, &owner, csv).await;
    assert_eq!(again.progress.purchases_added, 0);
    assert_eq!(again.progress.purchases_already_there, 3);
    assert_eq!(again.progress.new_members, 0);
    assert_eq!(imported_events(&app, &owner).await, 3);
    // A longer export with the same rows adds only the new one.
    let longer = import(&app, &owner, &format!("{csv}K1,2025-03-01,2.50\n")).await;
    assert_eq!(longer.progress.purchases_added, 1);
    assert_eq!(imported_events(&app, &owner).await, 4);
    summaries_match_the_events(&app).await;
}

#[tokio::test]
async fn bad_rows_are_reported_and_nothing_is_imported_until_they_are_skipped() {
    let app = spawn_app_with(|s| s.rate_limits = false).await;
    let owner = shop(&app, "import-bad@example.com").await;
    let csv = "customer,date,amount,category\n\
               K1,2025-03-01,2.50,coffee\n\
               K2,01/03/2025,2.50,\n\
               K3,2025-03-01,two,\n\
               K4,2025-03-01,2.50,Cake\n\
               K5,2025-03-02,4,Food\n";
    let job: ImportJob = json(upload(&app, &owner, "bad.csv", csv).await, 201).await;
    assert_eq!(job.status, ImportStatus::Invalid);
    assert_eq!((job.rows, job.bad_rows), (5, 3));
    let bad: Vec<(u64, &str)> = job
        .bad
        .iter()
        .map(|b| (b.line, b.column.as_str()))
        .collect();
    assert_eq!(bad, [(3, "date"), (4, "amount"), (5, "category")]);
    assert_eq!(job.preview.len(), 2);
    assert_eq!(job.preview[1].category.as_deref(), Some("food"));

    let refused = error(start(&app, &owner, &job.id, false).await, 409).await;
    assert_eq!(refused.code, ErrorCode::ImportHasBadRows);
    assert_eq!(imported_events(&app, &owner).await, 0);
    assert_eq!(
        show(&app, &owner, &job.id).await.status,
        ImportStatus::Invalid
    );

    let _: ImportJob = json(start(&app, &owner, &job.id, true).await, 202).await;
    let done = wait_for(&app, &owner, &job.id, |j| j.status == ImportStatus::Done).await;
    assert_eq!(done.progress.purchases_added, 2);
    assert_eq!(imported_events(&app, &owner).await, 2);
    // Done is done: no second start, no new mapping.
    let again = error(start(&app, &owner, &job.id, true).await, 409).await;
    assert_eq!(again.code, ErrorCode::ImportNotReady);
}

#[tokio::test]
async fn a_file_with_other_column_names_is_read_once_the_owner_maps_them() {
    let app = spawn_app_with(|s| s.rate_limits = false).await;
    let owner = shop(&app, "import-map@example.com").await;
    let csv = "Client;Day;Total;Mail\nK-1;2025-01-05;2,50;a@b.nl\nK-2;2025-01-06 08:00;3;\n";
    let job: ImportJob = json(upload(&app, &owner, "kassa.csv", csv).await, 201).await;
    assert_eq!(job.status, ImportStatus::NeedsMapping);
    assert_eq!(job.columns, ["Client", "Day", "Total", "Mail"]);
    assert_eq!(job.file_name, "kassa.csv");
    let refused = error(start(&app, &owner, &job.id, false).await, 409).await;
    assert_eq!(refused.code, ErrorCode::ImportNotReady);

    let map = |mapping: &ColumnMapping| {
        owner
            .client
            .put(app.url(&format!("/api/v1/owner/imports/{}/mapping", job.id)))
            .json(mapping)
            .send()
    };
    let wrong = ColumnMapping {
        customer: "Client".into(),
        date: "Day".into(),
        amount: "Amount".into(),
        ..Default::default()
    };
    let refused = error(map(&wrong).await.unwrap(), 422).await;
    assert_eq!(refused.field.as_deref(), Some("amount"));
    let twice = ColumnMapping {
        amount: "Day".into(),
        ..wrong.clone()
    };
    assert_eq!(
        error(map(&twice).await.unwrap(), 422)
            .await
            .field
            .as_deref(),
        Some("amount")
    );

    let right = ColumnMapping {
        amount: "Total".into(),
        email: Some("Mail".into()),
        ..wrong
    };
    let mapped: ImportJob = json(map(&right).await.unwrap(), 200).await;
    assert_eq!(mapped.status, ImportStatus::Ready);
    assert_eq!(mapped.preview[0].amount_minor, 250);
    assert_eq!(mapped.preview[0].email.as_deref(), Some("a@b.nl"));
    assert_eq!(mapped.preview[1].local_time, "2025-01-06 08:00");
}

#[tokio::test]
async fn a_bad_file_gets_a_clear_error_and_leaves_nothing_behind() {
    let app = spawn_app_with(|s| s.rate_limits = false).await;
    let owner = shop(&app, "import-files@example.com").await;
    let not_utf8 = error(
        upload(
            &app,
            &owner,
            "x.csv",
            b"customer,date,amount\nK\xff,2025-01-01,1\n".to_vec(),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(not_utf8.code, ErrorCode::InvalidField);
    assert!(not_utf8.message.contains("UTF-8"), "{}", not_utf8.message);
    // PostgreSQL keeps no NUL in text: such a file is refused as what it is, on both engines.
    let nul = error(
        upload(
            &app,
            &owner,
            "x.csv",
            "customer,date,amount\nK\0,2025-01-01,1\n",
        )
        .await,
        422,
    )
    .await;
    assert!(nul.message.contains("not text"), "{}", nul.message);
    let empty = error(upload(&app, &owner, "x.csv", "").await, 422).await;
    assert!(empty.message.contains("empty"), "{}", empty.message);
    let twice = error(
        upload(&app, &owner, "x.csv", "customer,Customer\n").await,
        422,
    )
    .await;
    assert!(twice.message.contains("Two columns"), "{}", twice.message);
    let as_json = owner
        .client
        .post(app.url("/api/v1/owner/imports"))
        .json(&serde_json::json!({"customer": "K"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(as_json, 415).await.code,
        ErrorCode::UnsupportedMediaType
    );
    // Over 50 MB: refused by its own limit (the API's other routes take 64 KiB here).
    let huge = vec![b'a'; regulars_protocol::imports::MAX_IMPORT_BYTES + 1];
    assert_eq!(
        error(upload(&app, &owner, "x.csv", huge).await, 413)
            .await
            .code,
        ErrorCode::BodyTooLarge
    );
    // A file of a few hundred kilobytes is fine (more than the API's usual limit).
    let big = history(200, 60);
    assert!(big.len() > 64 * 1024);
    let job: ImportJob = json(upload(&app, &owner, "big.csv", big).await, 201).await;
    assert_eq!((job.rows, job.bad_rows), (12_000, 0));
    // Nobody else's job, and no job at all.
    let other = shop(&app, "import-other@example.com").await;
    assert_eq!(
        error(
            other
                .client
                .get(app.url(&format!("/api/v1/owner/imports/{}", job.id)))
                .send()
                .await
                .unwrap(),
            404
        )
        .await
        .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        error(
            owner
                .client
                .get(app.url("/api/v1/owner/imports/not-a-job"))
                .send()
                .await
                .unwrap(),
            404
        )
        .await
        .code,
        ErrorCode::NotFound
    );
    let anonymous = app
        .http
        .get(app.url("/api/v1/owner/imports"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    // Failed uploads left no job; the good one is listed.
    let list: regulars_protocol::imports::ImportList = json(
        owner
            .client
            .get(app.url("/api/v1/owner/imports"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(list.imports.len(), 1);
    assert_eq!(imported_events(&app, &owner).await, 0);
}

fn restartable(s: &mut Settings) {
    s.rate_limits = false;
    s.import_chunk_rows = 50;
    // Chunks of 50 whatever their speed, so the stop after two chunks falls at row 100.
    s.import_chunk_millis = 600_000;
    s.import_lease_secs = 1;
    s.import_poll_ms = 50;
}

#[tokio::test]
async fn a_server_stopped_mid_import_is_carried_on_by_the_next_without_losing_or_repeating_a_row() {
    // This server stops working after two chunks, as if killed, holding the job.
    let app = spawn_app_with(|s| {
        restartable(s);
        s.import_stop_after_chunks = Some(2);
    })
    .await;
    let owner = shop(&app, "import-restart@example.com").await;
    let csv = history(60, 4); // 240 purchases: five chunks of 50.
    let job: ImportJob = json(upload(&app, &owner, "h.csv", csv.clone()).await, 201).await;
    let _: ImportJob = json(start(&app, &owner, &job.id, false).await, 202).await;
    let stalled = wait_for(&app, &owner, &job.id, |j| j.progress.rows_done == 100).await;
    assert_eq!(stalled.status, ImportStatus::Running);
    assert_eq!(imported_events(&app, &owner).await, 100);

    // The next server (a restart, or another replica) takes the job up once its lease ran out.
    let next = app
        .replica_with(|s| {
            restartable(s);
            s.import_stop_after_chunks = None;
        })
        .await;
    let done = wait_for(&next, &owner, &job.id, |j| j.status == ImportStatus::Done).await;
    assert_eq!(done.progress.rows_done, 240);
    assert_eq!(done.progress.purchases_added, 240);
    assert_eq!(done.progress.purchases_already_there, 0);
    assert_eq!(imported_events(&app, &owner).await, 240);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM cards WHERE shop_id = $1",
            &owner
        )
        .await,
        60,
        "one member per customer, whichever server made them"
    );
    summaries_match_the_events(&app).await;

    // Progress lost after a commit (the job's row set back, as a torn write would): running
    // the chunks again adds nothing.
    sqlx::query("UPDATE imports SET status = 'running', rows_done = 0, lease_until = NULL, content = $2 WHERE id = $1")
        .bind(&job.id)
        .bind(&csv)
        .execute(&app.db)
        .await
        .unwrap();
    let again = wait_for(&next, &owner, &job.id, |j| j.status == ImportStatus::Done).await;
    assert_eq!(again.progress.purchases_added, 240);
    assert_eq!(again.progress.purchases_already_there, 240);
    assert_eq!(imported_events(&app, &owner).await, 240);
    summaries_match_the_events(&app).await;
}

#[tokio::test]
async fn an_imported_history_feeds_the_predicted_value_models() {
    let app = spawn_app_with(|s| s.rate_limits = false).await;
    let owner = shop(&app, "import-clv@example.com").await;
    // 80 customers, each with visits a week apart: more than 50 repeat customers.
    import(&app, &owner, &history(80, 6)).await;
    let report: regulars_protocol::insights::ClvReport = json(
        owner
            .client
            .get(app.url("/api/v1/owner/insights/clv?as_of=2025-12-31&list=top"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(report.customers, 80);
    assert_eq!(report.repeat_customers, 80);
    assert!(
        report.warning.is_none() && report.fit.is_some(),
        "{report:?}"
    );
    assert!(!report.members.is_empty());
}

#[tokio::test]
async fn a_till_pushing_while_an_import_runs_loses_nothing_and_the_figures_add_up() {
    let app = spawn_app_with(|s| {
        s.rate_limits = false;
        s.import_chunk_rows = 20;
        s.import_chunk_millis = 600_000;
        s.import_poll_ms = 50;
    })
    .await;
    let owner = shop(&app, "import-busy@example.com").await;
    let till = app.pair(&owner).await;
    let member = app.join(&owner).await;
    let job: ImportJob = json(upload(&app, &owner, "h.csv", history(100, 6)).await, 201).await;
    let _: ImportJob = json(start(&app, &owner, &job.id, false).await, 202).await;
    // Stamps one at a time, as the import commits its chunks between them.
    let mut pushed = 0;
    loop {
        let stamp = till.stamps(member.card.card.id, 1);
        let answer = app.push(&till, &[stamp]).await;
        assert!(
            answer
                .results
                .iter()
                .all(|r| r.status == regulars_protocol::wire::PushStatus::Accepted),
            "{answer:?}"
        );
        pushed += 1;
        if show(&app, &owner, &job.id).await.status == ImportStatus::Done || pushed == 200 {
            break;
        }
    }
    let done = wait_for(&app, &owner, &job.id, |j| j.status == ImportStatus::Done).await;
    assert_eq!(done.progress.purchases_added, 600);
    assert_eq!(app.card(&member.token).await.balance.balance, pushed);
    let events: i64 = count(
        &app,
        "SELECT COUNT(*) FROM events WHERE shop_id = $1",
        &owner,
    )
    .await;
    assert_eq!(events, 600 + pushed);
    summaries_match_the_events(&app).await;
}
