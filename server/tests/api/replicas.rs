//! Two replicas on one database, as a chain runs them behind a load balancer: nothing one keeps
//! in memory is needed by the other. On PostgreSQL (`cargo xtask test --only postgres`) this is
//! the real deployment; on SQLite two servers on one file hold to the same rules.

use futures::future::join_all;
use regulars_protocol::ProgramKind;
use regulars_protocol::wire::PushStatus;

use crate::helpers::{error, live_code, spawn_app};

#[tokio::test]
async fn of_fifty_redemptions_of_one_reward_at_two_replicas_exactly_one_wins() {
    let a = spawn_app().await;
    let owner = a.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let tills = [
        a.pair(&owner).await,
        a.pair(&owner).await,
        a.pair(&owner).await,
    ];
    let b = a.replica().await;
    let card = a.join(&owner).await;
    let card_id = card.card.card.id;
    a.push(&tills[0], &[tills[0].stamps(card_id, 5)]).await;
    let reward = owner.shop.program.rewards[0].clone();

    let pushes = (0..50).map(|i| {
        let till = &tills[i % tills.len()];
        let replica = if i % 2 == 0 { &a } else { &b };
        let redemption = [till.redeem(card_id, &reward)];
        async move { replica.push(till, &redemption).await }
    });
    let answers = join_all(pushes).await;
    let statuses: Vec<PushStatus> = answers.iter().map(|r| r.results[0].status).collect();
    let accepted = statuses
        .iter()
        .filter(|s| **s == PushStatus::Accepted)
        .count();
    assert_eq!(accepted, 1, "{statuses:?}");
    assert_eq!(a.card(&card.token).await.balance.balance, 0);
    assert_eq!(b.card(&card.token).await.balance.balance, 0);
    let redemptions: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM events WHERE card_id = $1 AND kind = 'reward_redeemed'",
    )
    .bind(card_id.to_string())
    .fetch_one(&a.db)
    .await
    .unwrap();
    assert_eq!(redemptions, 1);
}

/// A tablet whose push timed out at one replica sends the batch again, and the load balancer
/// takes it to the other while the first is still at work: each event is stored once, and the
/// two answers agree on every event (stored by one, a duplicate for the other).
#[tokio::test]
async fn one_batch_pushed_to_two_replicas_at_once_is_stored_once() {
    let a = spawn_app().await;
    let owner = a.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = a.pair(&owner).await;
    let b = a.replica().await;
    let mut cards = Vec::new();
    for _ in 0..4 {
        cards.push(a.join(&owner).await);
    }
    for round in 0..5 {
        let batch: Vec<_> = (0..40)
            .map(|i| till.stamps(cards[i % cards.len()].card.card.id, 1))
            .collect();
        let (at_a, at_b) = tokio::join!(a.push(&till, &batch), b.push(&till, &batch));
        for (i, (x, y)) in at_a.results.iter().zip(&at_b.results).enumerate() {
            let mut statuses = [x.status, y.status];
            statuses.sort_by_key(|s| format!("{s:?}"));
            assert_eq!(
                statuses,
                [PushStatus::Accepted, PushStatus::Duplicate],
                "round {round}, event {i}: {x:?} {y:?}"
            );
            assert_eq!(x.balance, y.balance, "the same answer from both");
        }
    }
    for card in &cards {
        assert_eq!(a.card(&card.token).await.balance.balance, 50);
    }
}

#[tokio::test]
async fn a_code_shown_at_two_tills_on_two_replicas_at_once_is_taken_by_one() {
    let a = spawn_app().await;
    let owner = a.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let first = a.pair(&owner).await;
    let second = a.pair(&owner).await;
    let b = a.replica().await;
    for _ in 0..8 {
        let card = a.join(&owner).await;
        let code = live_code(card.card.card.id);
        let (at_a, at_b) = tokio::join!(a.lookup(&first, &code), b.lookup(&second, &code));
        let mut statuses = [at_a.status().as_u16(), at_b.status().as_u16()];
        statuses.sort();
        assert_eq!(
            statuses,
            [200, 403],
            "one till takes the code, the other is refused"
        );
        let refused = if at_a.status() == 403 { at_a } else { at_b };
        assert_eq!(error(refused, 403).await.code, "code_used");
    }
}

#[tokio::test]
async fn an_owner_signed_in_at_one_replica_is_signed_in_at_the_other_and_signing_out_ends_it_at_both()
 {
    let a = spawn_app().await;
    let owner = a.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let b = a.replica().await;
    for replica in [&a, &b] {
        let shown = owner
            .client
            .get(replica.url("/api/v1/owner/shop"))
            .send()
            .await
            .unwrap();
        assert_eq!(shown.status(), 200);
    }
    let out = owner
        .client
        .post(b.url("/api/v1/owner/logout"))
        .send()
        .await
        .unwrap();
    assert!(out.status().is_success(), "{}", out.status());
    for replica in [&a, &b] {
        let shown = owner
            .client
            .get(replica.url("/api/v1/owner/shop"))
            .send()
            .await
            .unwrap();
        assert_eq!(shown.status(), 401);
    }
}

/// PostgreSQL breaks a deadlock by aborting one of the transactions in it. Here the push is the
/// one aborted: another session holds the card's balance row and then waits for the shop's
/// row, which the push holds while it waits for the balance row. The push runs again once the
/// other session gives up, and the tablet is answered as if nothing happened.
#[tokio::test]
async fn a_push_the_database_aborts_to_break_a_deadlock_is_run_again_not_answered_500() {
    if crate::database::postgres().is_none() {
        eprintln!("PostgreSQL only (deadlocks need row locks): cargo xtask test --only postgres");
        return;
    }
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let card_id = card.card.card.id;
    app.push(&till, &[till.stamps(card_id, 1)]).await;

    let mut other = app.db.begin().await.unwrap();
    // The push's session (deadlock_timeout 1 s) finds the deadlock first and is the one aborted.
    sqlx::query("SET LOCAL deadlock_timeout = '60s'")
        .execute(&mut *other)
        .await
        .unwrap();
    sqlx::query("UPDATE balances SET updated_at = updated_at WHERE card_id = $1")
        .bind(card_id.to_string())
        .execute(&mut *other)
        .await
        .unwrap();
    let stamp = till.stamps(card_id, 1);
    let stamp_id = stamp.id;
    let batch = [stamp];
    let other_session = async {
        // Until the push waits for the balance row (the batch's upsert of its cards' balances),
        // with the shop's row in hand.
        let started = std::time::Instant::now();
        loop {
            let waiting: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'
                   AND query LIKE 'INSERT INTO balances%'",
            )
            .fetch_one(&app.db)
            .await
            .unwrap();
            if waiting > 0 {
                break;
            }
            assert!(started.elapsed().as_secs() < 20, "the push never waited");
            tokio::task::yield_now().await;
        }
        sqlx::query("UPDATE shops SET event_seq = event_seq WHERE id = $1")
            .bind(owner.shop.shop.id.to_string())
            .execute(&mut *other)
            .await
            .expect("the other session is the one that goes on");
        other.rollback().await.unwrap();
    };
    let (answer, ()) = tokio::join!(app.push(&till, &batch), other_session);
    assert_eq!(answer.results[0].status, PushStatus::Accepted, "{answer:?}");
    assert_eq!(answer.results[0].balance.unwrap().balance, 2);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE id = $1")
        .bind(stamp_id.to_string())
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn guessing_pairing_codes_over_two_replicas_hits_one_shared_limit() {
    let a = spawn_app().await;
    let b = a.replica().await;
    let mut statuses = Vec::new();
    for i in 0..16 {
        let replica = if i % 2 == 0 { &a } else { &b };
        let response = replica
            .post(
                "/api/v1/devices/pair",
                None,
                &serde_json::json!({"code": "ZZZZ2345"}),
            )
            .await;
        statuses.push(response.status().as_u16());
    }
    // Ten tries in all (the pairing burst), not ten at each replica.
    assert!(statuses[..10].iter().all(|s| *s == 401), "{statuses:?}");
    assert!(statuses[10..].iter().all(|s| *s == 429), "{statuses:?}");
}

#[tokio::test]
async fn the_shared_limit_lets_a_burst_through_at_once_then_one_per_interval_and_forgets_full_buckets()
 {
    use regulars_server::db::limits::{prune, take};
    let a = spawn_app().await;
    let b = a.replica().await;
    let key = "203.0.113.7";
    // An hour ahead, so the replicas' own pruning (on the real clock) leaves these rows alone.
    let t0 = (time::OffsetDateTime::now_utc().unix_timestamp() + 3600) * 1000;
    // Forty tries at one instant, half through each replica's pool: exactly the burst passes.
    let tries = (0..40).map(|i| {
        let db = if i % 2 == 0 { &a.db } else { &b.db };
        take(db, "test:burst", key, t0, 1_000, 10)
    });
    let answers: Vec<Result<(), i64>> = join_all(tries)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        answers.iter().filter(|a| a.is_ok()).count(),
        10,
        "{answers:?}"
    );
    // One more every second, and the refusal says how long to wait.
    assert_eq!(
        take(&a.db, "test:burst", key, t0 + 400, 1_000, 10)
            .await
            .unwrap(),
        Err(600)
    );
    assert_eq!(
        take(&b.db, "test:burst", key, t0 + 1_000, 1_000, 10)
            .await
            .unwrap(),
        Ok(())
    );
    assert!(
        take(&a.db, "test:burst", key, t0 + 1_000, 1_000, 10)
            .await
            .unwrap()
            .is_err()
    );
    // Another key and another limit count on their own.
    assert_eq!(
        take(&a.db, "test:burst", "198.51.100.1", t0 + 1_000, 1_000, 10)
            .await
            .unwrap(),
        Ok(())
    );
    assert_eq!(
        take(&a.db, "test:other", key, t0 + 1_000, 1_000, 10)
            .await
            .unwrap(),
        Ok(())
    );
    // Once a bucket is full again its row goes; a bucket still draining stays.
    assert_eq!(prune(&a.db, t0 + 3_000).await.unwrap(), 2);
    assert_eq!(prune(&a.db, t0 + 11_000).await.unwrap(), 1);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rate_limits")
        .fetch_one(&a.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}
