//! The operator's commands on the real server binary: `backup FILE` while tills push,
//! `pg_dump`/`pg_restore` for PostgreSQL, `migrate-to postgres://...`, and `reset-password EMAIL`.
//! Each restored or moved database is served by a real server, which must answer the same
//! balances.

use std::process::Output;

use regulars_protocol::ProgramKind;
use regulars_protocol::wire::{JoinResponse, OwnerShop, PasswordReset, PushStatus};
use regulars_server::maintenance::move_to_postgres::TABLES;

use crate::helpers::*;

/// Runs `regulars-server ARGS...` against a database, from an empty directory (so no
/// `regulars.toml` is read).
async fn server_command(database_url: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    tokio::process::Command::new(env!("CARGO_BIN_EXE_regulars-server"))
        .args(args)
        .current_dir(dir.path())
        .env("REGULARS_DATABASE_URL", database_url)
        .env("REGULARS_LOG", "error")
        .output()
        .await
        .expect("the server binary runs")
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A shop with a till, members with stamps, a redemption and a member's survey answer.
async fn busy_shop(app: &TestApp, email: &str) -> (Owner, Till, Vec<JoinResponse>) {
    let owner = app.setup(email, ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let mut cards = Vec::new();
    for _ in 0..6 {
        cards.push(app.join(&owner).await);
    }
    let batch: Vec<_> = cards
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            (0..=i)
                .map(|_| till.stamps(c.card.card.id, 2))
                .collect::<Vec<_>>()
        })
        .collect();
    let pushed = app.push(&till, &batch).await;
    assert!(
        pushed
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted)
    );
    let reward = owner.shop.program.rewards[0].clone();
    let last = cards.last().unwrap().card.card.id;
    let redeemed = app.push(&till, &[till.redeem(last, &reward)]).await;
    assert_eq!(redeemed.results[0].status, PushStatus::Accepted);
    (owner, till, cards)
}

async fn balances(app: &TestApp, cards: &[JoinResponse]) -> Vec<i64> {
    let mut out = Vec::new();
    for card in cards {
        out.push(app.card(&card.token).await.balance.balance);
    }
    out
}

/// A server on another database, started like the tests' others.
async fn serve(url: String) -> TestApp {
    spawn_app_with(move |s| s.database_url = Some(url)).await
}

// Backups

#[tokio::test]
async fn a_backup_taken_while_a_till_pushes_is_consistent_and_a_quiet_one_restores_every_balance() {
    if crate::database::postgres().is_some() {
        eprintln!("SQLite's backup command; PostgreSQL's pg_dump is tested below");
        return;
    }
    let app = spawn_app().await;
    let (_owner, till, cards) = busy_shop(&app, "ana@example.com").await;
    let dir = tempfile::tempdir().unwrap();

    // While the till goes on pushing, the backup runs: it holds one moment of the ledger, with
    // every cached balance the fold of the events beside it.
    let during = dir.path().join("during.db");
    let mut backup = tokio::process::Command::new(env!("CARGO_BIN_EXE_regulars-server"))
        .args(["backup", during.to_str().unwrap()])
        .current_dir(dir.path())
        .env("REGULARS_DATABASE_URL", app.database_url())
        .env("REGULARS_LOG", "error")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut pushes = 0;
    while backup.try_wait().unwrap().is_none() {
        let batch: Vec<_> = cards
            .iter()
            .map(|c| till.stamps(c.card.card.id, 1))
            .collect();
        app.push(&till, &batch).await;
        pushes += 1;
    }
    let finished = backup.wait_with_output().await.unwrap();
    assert!(finished.status.success(), "{}", said(&finished));
    assert!(said(&finished).contains("integrity check passed"));
    let check = server_command(
        &format!("sqlite://{}", during.display()),
        &["rebuild-balances"],
    )
    .await;
    assert!(
        said(&check).contains("0 differences"),
        "after {pushes} pushes beside the backup: {}",
        said(&check)
    );

    // Quiet: the restored server answers every balance the live one does.
    let quiet = dir.path().join("quiet.db");
    let done = server_command(&app.database_url(), &["backup", quiet.to_str().unwrap()]).await;
    assert!(done.status.success(), "{}", said(&done));
    let live = balances(&app, &cards).await;
    let restored = serve(format!("sqlite://{}", quiet.display())).await;
    assert_eq!(balances(&restored, &cards).await, live);
    // The restored server is the shop's server: the same till goes on where it stopped.
    let pushed = restored
        .push(&till, &[till.stamps(cards[0].card.card.id, 1)])
        .await;
    assert_eq!(pushed.results[0].status, PushStatus::Accepted);
    assert_eq!(pushed.results[0].balance.unwrap().balance, live[0] + 1);

    // A backup never overwrites a file.
    let again = server_command(&app.database_url(), &["backup", quiet.to_str().unwrap()]).await;
    assert!(!again.status.success());
    assert!(said(&again).contains("already exists"), "{}", said(&again));
}

#[tokio::test]
async fn backup_of_a_postgres_database_points_to_pg_dump_and_a_dump_restores_every_balance() {
    let Some(admin) = crate::database::postgres() else {
        eprintln!("PostgreSQL only: cargo xtask test --only postgres");
        return;
    };
    let app = spawn_app().await;
    let (_owner, till, cards) = busy_shop(&app, "ana@example.com").await;
    let refused = server_command(&app.database_url(), &["backup", "/tmp/never.db"]).await;
    assert!(!refused.status.success());
    assert!(said(&refused).contains("pg_dump"), "{}", said(&refused));

    // README, "Backups": pg_dump -Fc, then pg_restore into an empty database.
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("regulars.dump");
    let dumped = tokio::process::Command::new(pg_tool("pg_dump"))
        .args(["-Fc", "-f", dump.to_str().unwrap(), &app.database_url()])
        .output()
        .await
        .unwrap();
    assert!(dumped.status.success(), "{}", said(&dumped));
    let target = crate::database::empty(dir.path()).await;
    assert!(target.starts_with(admin.rsplit_once('/').unwrap().0));
    let restored = tokio::process::Command::new(pg_tool("pg_restore"))
        .args(["--no-owner", "-d", &target, dump.to_str().unwrap()])
        .output()
        .await
        .unwrap();
    assert!(restored.status.success(), "{}", said(&restored));
    let live = balances(&app, &cards).await;
    let restored = serve(target).await;
    assert_eq!(balances(&restored, &cards).await, live);
    let pushed = restored
        .push(&till, &[till.stamps(cards[1].card.card.id, 1)])
        .await;
    assert_eq!(pushed.results[0].status, PushStatus::Accepted);
}

/// A PostgreSQL client tool: the one on the PATH, or the newest Debian installs.
fn pg_tool(name: &str) -> String {
    let mut installed: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|d| d.path().join("bin").join(name))
        .filter(|p| p.exists())
        .collect();
    installed.sort();
    installed
        .pop()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| name.to_owned())
}

// Moving to PostgreSQL

#[tokio::test]
async fn every_table_of_the_schema_is_moved() {
    let app = spawn_app().await;
    let sql = if crate::database::postgres().is_some() {
        "SELECT table_name::TEXT FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    };
    let mut tables: Vec<String> = sqlx::query_scalar(sql).fetch_all(&app.db).await.unwrap();
    tables.retain(|t| t != "_sqlx_migrations");
    tables.sort();
    let mut moved: Vec<String> = TABLES.iter().map(|t| t.to_string()).collect();
    moved.sort();
    assert_eq!(
        tables, moved,
        "move_to_postgres::TABLES lists every table, once"
    );
}

#[tokio::test]
async fn migrate_to_moves_a_shop_into_postgres_where_tills_phones_and_the_owner_carry_on() {
    if crate::database::postgres().is_none() {
        eprintln!("needs a PostgreSQL server: cargo xtask test --only postgres");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("regulars.db");
    let source_url = format!("sqlite://{}", source.display());
    let app = serve(source_url.clone()).await;
    let (owner, till, cards) = busy_shop(&app, "ana@example.com").await;
    let (_other, other_till, other_cards) = busy_shop(&app, "ben@example.com").await;
    let live = balances(&app, &cards).await;
    let other_live = balances(&app, &other_cards).await;

    let target = crate::database::empty(dir.path()).await;
    let moved = server_command(&source_url, &["migrate-to", &target]).await;
    assert!(moved.status.success(), "{}", said(&moved));
    let report = said(&moved);
    assert!(report.contains("every table has the same rows"), "{report}");
    assert!(report.contains("the 12 cards' balances"), "{report}");

    let moved_app = serve(target.clone()).await;
    assert_eq!(balances(&moved_app, &cards).await, live);
    assert_eq!(balances(&moved_app, &other_cards).await, other_live);
    // The till's token, its staff session and the phones' signed codes (the server's keys
    // moved too) work on the new server.
    let pushed = moved_app
        .push(&till, &[till.stamps(cards[2].card.card.id, 1)])
        .await;
    assert_eq!(pushed.results[0].status, PushStatus::Accepted);
    assert_eq!(pushed.results[0].balance.unwrap().balance, live[2] + 1);
    let looked_up = moved_app
        .lookup(&other_till, &live_code(other_cards[0].card.card.id))
        .await;
    assert_eq!(looked_up.status(), 200);
    // The owner's session cookie too.
    let shop: OwnerShop = json(
        owner
            .client
            .get(moved_app.url("/api/v1/owner/shop"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(shop.members, cards.len() as i64);

    // A second move into the same database is refused, and changes nothing there.
    let events_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&moved_app.db)
        .await
        .unwrap();
    let again = server_command(&source_url, &["migrate-to", &target]).await;
    assert!(!again.status.success());
    assert!(said(&again).contains("not empty"), "{}", said(&again));
    let events_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&moved_app.db)
        .await
        .unwrap();
    assert_eq!(events_after, events_before);
}

#[tokio::test]
async fn migrate_to_refuses_what_it_cannot_move() {
    let dir = tempfile::tempdir().unwrap();
    let missing = format!("sqlite://{}", dir.path().join("none.db").display());
    let no_source =
        server_command(&missing, &["migrate-to", "postgres://nobody@127.0.0.1:1/x"]).await;
    assert!(!no_source.status.success());
    assert!(
        said(&no_source).contains("there is no SQLite database"),
        "{}",
        said(&no_source)
    );
    assert!(
        !dir.path().join("none.db").exists(),
        "nothing made on the way"
    );

    let app = spawn_app_with(|s| s.database_url = None).await;
    let not_postgres = server_command(
        &app.database_url(),
        &[
            "migrate-to",
            &format!("sqlite://{}", dir.path().join("x.db").display()),
        ],
    )
    .await;
    assert!(!not_postgres.status.success());
    assert!(
        said(&not_postgres).contains("postgres://"),
        "{}",
        said(&not_postgres)
    );
    let no_target = server_command(&app.database_url(), &["migrate-to"]).await;
    assert!(
        said(&no_target).contains("missing POSTGRES_URL"),
        "{}",
        said(&no_target)
    );
}

// Password resets

fn reset_code(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .map(str::trim)
        .find(|l| l.len() == 19 && l.split('-').count() == 4)
        .unwrap_or_else(|| panic!("no code in {text}"))
        .to_owned()
}

async fn reset(app: &TestApp, code: &str, password: &str) -> reqwest::Response {
    let body = PasswordReset {
        code: code.to_owned(),
        new_password: password.to_owned(),
    };
    app.post("/api/v1/owner/password-reset", None, &body).await
}

#[tokio::test]
async fn a_reset_code_from_the_console_ends_every_session_and_sets_a_new_password_once() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let printed = server_command(&app.database_url(), &["reset-password", "Ana@Example.com"]).await;
    assert!(printed.status.success(), "{}", said(&printed));
    let code = reset_code(&printed);
    assert!(said(&printed).contains(&format!("/admin/reset#code={code}")));

    // The session that was open has ended.
    let ended = owner
        .client
        .get(app.url("/api/v1/owner/shop"))
        .send()
        .await
        .unwrap();
    assert_eq!(ended.status(), 401);

    assert_eq!(
        error(
            reset(&app, "AAAA-BBBB-CCCC-DDDD", "a new long password").await,
            403
        )
        .await
        .code,
        "invalid_reset_code"
    );
    // A password too short is refused without spending the code.
    assert_eq!(
        error(reset(&app, &code, "short").await, 422).await.code,
        "invalid_field"
    );
    // Typed in lower case with spaces: the same code.
    let typed = code.to_lowercase().replace('-', " ");
    let response = reset(&app, &typed, "a new long password").await;
    assert!(csrf_cookie(&response).is_some(), "logged in");
    let shop: OwnerShop = json(response, 200).await;
    assert_eq!(shop.email, "ana@example.com");
    assert_eq!(
        error(reset(&app, &code, "another long password").await, 403)
            .await
            .code,
        "invalid_reset_code",
        "a code works once"
    );

    let login = |password: &'static str| {
        let app = &app;
        async move {
            app.post(
                "/api/v1/owner/login",
                None,
                &regulars_protocol::wire::LoginRequest {
                    email: "ana@example.com".into(),
                    password: password.into(),
                },
            )
            .await
            .status()
        }
    };
    assert_eq!(
        login("correct horse battery").await,
        401,
        "the old password is gone"
    );
    assert_eq!(login("a new long password").await, 200);
}

#[tokio::test]
async fn a_newer_code_replaces_the_older_an_hour_old_code_is_refused_and_strangers_get_none() {
    let app = spawn_app().await;
    app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let first = reset_code(
        &server_command(&app.database_url(), &["reset-password", "ana@example.com"]).await,
    );
    let second = reset_code(
        &server_command(&app.database_url(), &["reset-password", "ana@example.com"]).await,
    );
    assert_eq!(
        error(reset(&app, &first, "a new long password").await, 403)
            .await
            .code,
        "invalid_reset_code"
    );
    sqlx::query("UPDATE owner_password_resets SET expires_at = '2020-01-01T00:00:00.000000Z'")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(
        error(reset(&app, &second, "a new long password").await, 403)
            .await
            .code,
        "invalid_reset_code"
    );

    let stranger =
        server_command(&app.database_url(), &["reset-password", "eve@example.com"]).await;
    assert!(!stranger.status.success());
    assert!(said(&stranger).contains("no owner has the e-mail eve@example.com"));
    let resets: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM owner_password_resets")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(resets, 1, "only ana's (expired) code");
}
