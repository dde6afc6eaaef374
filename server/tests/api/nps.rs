//! The recommend question: the phone's own pushes (idempotent per event, one sequence per card
//! whichever phone holds it), the 90-day rule judged by the server, and what the owner reads.

use regulars_protocol::card_events::{
    CardEvent, CardEventKind, CardEventsPush, CardEventsPushResponse,
};
use regulars_protocol::insights::{MemberInsights, NpsReport};
use regulars_protocol::wire::{JoinResponse, PushStatus, RecoverRequest};
use regulars_protocol::{CardId, CardKey, EventId, ProgramKind, Refusal};
use serde_json::json as j;
use time::{Duration, OffsetDateTime};

use crate::helpers::{TestApp, error, json, new_card_key, spawn_app};

fn answer(seq: i64, at: OffsetDateTime, score: i64, comment: Option<&str>) -> CardEvent {
    CardEvent {
        id: EventId(uuid::Uuid::now_v7()),
        card_seq: seq,
        occurred_at: at,
        kind: CardEventKind::NpsAnswered,
        score: Some(score),
        comment: comment.map(str::to_owned),
        offer_id: None,
        offer_version: None,
    }
}

fn dismissed(seq: i64, at: OffsetDateTime) -> CardEvent {
    CardEvent {
        kind: CardEventKind::NpsDismissed,
        score: None,
        ..answer(seq, at, 0, None)
    }
}

async fn push(app: &TestApp, token: &str, events: &[CardEvent]) -> CardEventsPushResponse {
    let body = CardEventsPush {
        events: events.to_vec(),
    };
    json(
        app.post("/api/v1/cards/me/events", Some(token), &body)
            .await,
        200,
    )
    .await
}

/// Makes the card a member since two years ago, so answers can be dated in its past.
async fn joined_long_ago(app: &TestApp, card_id: CardId) {
    let at = regulars_server::db::ts(OffsetDateTime::now_utc() - Duration::days(730));
    sqlx::query("UPDATE cards SET created_at = $1 WHERE id = $2")
        .bind(at)
        .bind(card_id.to_string())
        .execute(&app.db)
        .await
        .unwrap();
}

fn statuses(r: &CardEventsPushResponse) -> Vec<(PushStatus, Option<Refusal>)> {
    r.results
        .iter()
        .map(|r| (r.status, r.code.clone()))
        .collect()
}

#[tokio::test]
async fn a_phones_push_is_stored_once_whatever_the_retries() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let card = app.join(&owner).await;
    let now = OffsetDateTime::now_utc();
    let first = answer(1, now, 9, Some("Lovely"));
    let batch = vec![first.clone(), dismissed(2, now)];

    let once = push(&app, &card.token, &batch).await;
    assert_eq!(
        statuses(&once),
        [(PushStatus::Accepted, None), (PushStatus::Accepted, None)]
    );
    assert_eq!(once.state.last_seq, 2);
    assert!(once.state.last_answer.is_some());
    // The answer was lost after the commit: the phone sends the batch again, twice.
    for _ in 0..2 {
        let again = push(&app, &card.token, &batch).await;
        assert_eq!(
            statuses(&again),
            [(PushStatus::Duplicate, None), (PushStatus::Duplicate, None)]
        );
        assert_eq!(again.results[0].seq, Some(1));
    }
    // Another event under a stored id, and another event under a used number.
    let changed = CardEvent {
        score: Some(2),
        ..first.clone()
    };
    let reused = dismissed(2, now);
    let r = push(&app, &card.token, &[changed, reused]).await;
    assert_eq!(
        statuses(&r),
        [
            (PushStatus::Rejected, Some(Refusal::IdConflict)),
            (PushStatus::Rejected, Some(Refusal::SequenceUsed)),
        ]
    );
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM card_events")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 2);
    // Another card cannot take the event's id either, and learns nothing of it.
    let other = app.join(&owner).await;
    let r = push(
        &app,
        &other.token,
        &[CardEvent {
            card_seq: 1,
            ..first
        }],
    )
    .await;
    assert_eq!(r.results[0].code, Some(Refusal::IdConflict));
    assert_eq!(r.state.last_seq, 0);
    // The card's view tells the phone what the server holds.
    let view = app.card(&card.token).await;
    assert_eq!(view.card_events.last_seq, 2);
    // A phone event never changes a balance.
    assert_eq!(view.balance.balance, 0);
}

#[tokio::test]
async fn one_answer_in_90_days_and_a_bad_answer_loses_nothing_else_in_its_batch() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let card = app.join(&owner).await;
    joined_long_ago(&app, card.card.card.id).await;
    let now = OffsetDateTime::now_utc();
    let day = |n: i64| now - Duration::days(200) + Duration::days(n);
    let batch = vec![
        answer(1, day(0), 9, None),
        // 89 days later: too soon.
        answer(2, day(89), 3, Some("Changed my mind")),
        dismissed(3, day(89)),
        answer(4, day(95), 11, None),
        answer(5, day(95), 10, Some(&"x".repeat(501))),
        // Exactly 90 days after the first: allowed.
        answer(6, day(90), 4, Some(&"é".repeat(500))),
        // An answer between the two stored ones, dated before the first: too soon after day 0.
        answer(7, day(-30), 8, None),
    ];
    let mut raw = serde_json::to_value(CardEventsPush { events: batch }).unwrap();
    raw["events"]
        .as_array_mut()
        .unwrap()
        .push(j!({"id": uuid::Uuid::now_v7(), "card_seq": "eight", "kind": "nps_answered"}));
    let r: CardEventsPushResponse = json(
        app.post("/api/v1/cards/me/events", Some(&card.token), &raw)
            .await,
        200,
    )
    .await;
    assert_eq!(
        statuses(&r),
        [
            (PushStatus::Accepted, None),
            (PushStatus::Rejected, Some(Refusal::AnsweredRecently)),
            (PushStatus::Accepted, None),
            (PushStatus::Rejected, Some(Refusal::InvalidScore)),
            (PushStatus::Rejected, Some(Refusal::CommentTooLong)),
            (PushStatus::Accepted, None),
            (PushStatus::Rejected, Some(Refusal::AnsweredRecently)),
            (PushStatus::Rejected, Some(Refusal::InvalidEvent)),
        ]
    );
    assert!(r.results[1].reason.as_deref().unwrap().contains("90 days"));
    assert!(r.results[7].reason.as_deref().unwrap().contains("card_seq"));
    let answers: Vec<(i64,)> =
        sqlx::query_as("SELECT score FROM card_events WHERE kind = 'nps_answered' ORDER BY day")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(answers, [(9,), (4,)]);
}

#[tokio::test]
async fn two_answers_pushed_at_once_from_two_replicas_store_one() {
    let app = spawn_app().await;
    let other = app.replica().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    for _ in 0..5 {
        let card = app.join(&owner).await;
        let now = OffsetDateTime::now_utc();
        let (a, b) = (answer(1, now, 10, None), answer(2, now, 0, None));
        let (ra, rb) = tokio::join!(
            push(&app, &card.token, std::slice::from_ref(&a)),
            push(&other, &card.token, std::slice::from_ref(&b)),
        );
        let accepted = [&ra, &rb]
            .iter()
            .filter(|r| r.results[0].status == PushStatus::Accepted)
            .count();
        assert_eq!(accepted, 1, "{ra:?} {rb:?}");
        let refused = if ra.results[0].status == PushStatus::Accepted {
            &rb
        } else {
            &ra
        };
        assert_eq!(refused.results[0].code, Some(Refusal::AnsweredRecently));
    }
}

#[tokio::test]
async fn a_card_moved_to_a_new_phone_goes_on_from_the_servers_sequence() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let card = app.join(&owner).await;
    let now = OffsetDateTime::now_utc();
    push(
        &app,
        &card.token,
        &[answer(1, now, 7, None), dismissed(2, now)],
    )
    .await;
    let request = RecoverRequest {
        recovery_code: card.recovery_code.clone().unwrap(),
        public_key: CardKey::from(&new_card_key()).to_base64(),
    };
    let moved: JoinResponse =
        json(app.post("/api/v1/cards/recover", None, &request).await, 200).await;
    assert_eq!(moved.card.card_events.last_seq, 2);
    assert!(moved.card.card_events.last_answer.is_some());
    let next = moved.card.card_events.last_seq + 1;
    let r = push(&app, &moved.token, &[dismissed(next, now)]).await;
    assert_eq!(statuses(&r), [(PushStatus::Accepted, None)]);
    // The old phone's token no longer pushes.
    let old = app
        .post(
            "/api/v1/cards/me/events",
            Some(&card.token),
            &CardEventsPush {
                events: vec![dismissed(4, now)],
            },
        )
        .await;
    assert_eq!(error(old, 401).await.code, "unknown_card_token");
}

#[tokio::test]
async fn a_batch_that_is_not_a_batch_is_a_clear_error() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let card = app.join(&owner).await;
    let path = "/api/v1/cards/me/events";
    let empty = app.post(path, Some(&card.token), &j!({"events": []})).await;
    assert_eq!(error(empty, 422).await.code, "invalid_field");
    let many: Vec<CardEvent> = (1..=101)
        .map(|n| dismissed(n, OffsetDateTime::now_utc()))
        .collect();
    let too_many = app
        .post(path, Some(&card.token), &CardEventsPush { events: many })
        .await;
    assert_eq!(error(too_many, 422).await.code, "invalid_field");
    let not_json = app
        .http
        .post(app.url(path))
        .bearer_auth(&card.token)
        .header("content-type", "application/json")
        .body("{\"events\": [")
        .send()
        .await
        .unwrap();
    assert_eq!(error(not_json, 400).await.code, "malformed_json");
    let nobody = app
        .post(path, None, &CardEventsPush { events: vec![] })
        .await;
    assert_eq!(error(nobody, 401).await.code, "missing_card_token");
}

#[tokio::test]
async fn the_owner_sees_the_score_the_months_and_the_comments_detractors_first() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let now = OffsetDateTime::now_utc();
    // Five members answer in the last 30 days: 2 promoters, 1 passive, 2 detractors.
    let said = [
        (10, Some("Best croissants in town")),
        (9, None),
        (8, Some("Good, a bit pricey")),
        (6, Some("Queue too long")),
        (1, Some("Rude at the till")),
    ];
    let mut cards = Vec::new();
    for (i, (score, comment)) in said.iter().enumerate() {
        let card = app.join(&owner).await;
        let at = now - Duration::days(i as i64 + 1);
        let r = push(&app, &card.token, &[answer(1, at, *score, *comment)]).await;
        assert_eq!(r.results[0].status, PushStatus::Accepted);
        cards.push(card);
    }
    // One member answered in the period before (45 days ago): a detractor.
    let earlier = app.join(&owner).await;
    joined_long_ago(&app, earlier.card.card.id).await;
    push(
        &app,
        &earlier.token,
        &[answer(1, now - Duration::days(45), 3, None)],
    )
    .await;
    // Another shop's answers never show.
    let other = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let stranger = app.join(&other).await;
    push(
        &app,
        &stranger.token,
        &[answer(1, now, 0, Some("Elsewhere"))],
    )
    .await;

    let report: NpsReport = json(
        owner
            .client
            .get(app.url("/api/v1/owner/insights/nps?days=30"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    // (2 - 2) / 5 = 0; the period before: one detractor of one, -100.
    assert_eq!(report.current.answers, 5);
    assert_eq!(
        (
            report.current.promoters,
            report.current.passives,
            report.current.detractors
        ),
        (2, 1, 2)
    );
    assert_eq!(report.current.score, Some(0));
    assert_eq!(report.previous.score, Some(-100));
    assert_eq!(report.months.len(), 12);
    let in_months: i64 = report.months.iter().map(|m| m.figures.answers).sum();
    assert_eq!(in_months, 6);
    let comments: Vec<(i64, &str)> = report
        .comments
        .iter()
        .map(|c| (c.score, c.comment.as_deref().unwrap()))
        .collect();
    assert_eq!(
        comments,
        [
            (1, "Rude at the till"),
            (6, "Queue too long"),
            (8, "Good, a bit pricey"),
            (10, "Best croissants in town"),
        ]
    );
    assert_eq!(report.comments[0].card_id, cards[4].card.card.id);
    // The member's page shows their answer.
    let member: MemberInsights = json(
        owner
            .client
            .get(app.url(&format!(
                "/api/v1/owner/insights/members/{}",
                cards[4].card.card.id
            )))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(member.nps.len(), 1);
    assert_eq!(member.nps[0].score, 1);
    // A bad period is a clear error.
    let bad = owner
        .client
        .get(app.url("/api/v1/owner/insights/nps?from=2026-03-02&to=2026-03-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(error(bad, 422).await.code, "invalid_field");
}
