use regulars_protocol::ProgramKind;

use regulars_protocol::wire::{PushResponse, PushStatus};

use crate::helpers::{error, json, setup_request, spawn_app};

#[tokio::test]
async fn malformed_json_is_a_400_with_a_json_body() {
    let app = spawn_app().await;
    let response = app
        .http
        .post(app.url("/api/v1/setup"))
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(error(response, 400).await.code, "malformed_json");
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415() {
    let app = spawn_app().await;
    let response = app
        .http
        .post(app.url("/api/v1/setup"))
        .body("email=a")
        .send()
        .await
        .unwrap();
    assert_eq!(error(response, 415).await.code, "unsupported_media_type");
}

#[tokio::test]
async fn a_body_too_large_is_a_413() {
    let app = spawn_app().await;
    let mut request = setup_request("ana@example.com", ProgramKind::Stamps, 5);
    request.shop_name = "x".repeat(200_000);
    let response = app.post("/api/v1/setup", None, &request).await;
    assert_eq!(error(response, 413).await.code, "body_too_large");
}

#[tokio::test]
async fn a_validation_error_is_a_422_naming_the_field() {
    let app = spawn_app().await;
    type Change = Box<dyn Fn(&mut regulars_protocol::wire::SetupRequest)>;
    let cases: Vec<(&str, Change)> = vec![
        ("email", Box::new(|r| r.email = "not-an-email".into())),
        ("password", Box::new(|r| r.password = "short".into())),
        ("shop_name", Box::new(|r| r.shop_name = "   ".into())),
        (
            "brand_color",
            Box::new(|r| r.brand_color = Some("orange".into())),
        ),
        ("reward_name", Box::new(|r| r.reward_name = String::new())),
        ("reward_cost", Box::new(|r| r.reward_cost = Some(0))),
        ("currency", Box::new(|r| r.currency = Some("EURO".into()))),
        (
            "time_zone",
            Box::new(|r| r.time_zone = Some("Mars/Base One".into())),
        ),
    ];
    for (field, change) in cases {
        let mut request = setup_request("ana@example.com", ProgramKind::Stamps, 5);
        change(&mut request);
        let body = error(app.post("/api/v1/setup", None, &request).await, 422).await;
        assert_eq!(body.field.as_deref(), Some(field));
        assert_eq!(body.code, "invalid_field");
    }
}

#[tokio::test]
async fn a_missing_or_mistyped_field_is_a_422_naming_it() {
    let app = spawn_app().await;
    let missing =
        serde_json::json!({"email": "ana@example.com", "shop_name": "A", "reward_name": "B"});
    let body = error(app.post("/api/v1/setup", None, &missing).await, 422).await;
    assert_eq!(body.field.as_deref(), Some("password"));
    let mistyped = serde_json::json!({"email": "ana@example.com", "password": "correct horse battery",
        "shop_name": "A", "reward_name": "B", "reward_cost": "five"});
    let body = error(app.post("/api/v1/setup", None, &mistyped).await, 422).await;
    assert_eq!(body.field.as_deref(), Some("reward_cost"));
}

#[tokio::test]
async fn an_unknown_endpoint_or_method_answers_in_json() {
    let app = spawn_app().await;
    assert_eq!(
        error(app.get("/api/v1/nothing-here", None).await, 404)
            .await
            .code,
        "no_such_endpoint"
    );
    let delete = app
        .http
        .delete(app.url("/api/v1/cards/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(error(delete, 405).await.code, "method_not_allowed");
}

#[tokio::test]
async fn an_empty_or_oversized_push_is_a_422() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let empty = app
        .post(
            "/api/v1/sync/push",
            Some(&till.token),
            &serde_json::json!({"events": []}),
        )
        .await;
    assert_eq!(error(empty, 422).await.field.as_deref(), Some("events"));
    let card = app.join(&owner).await;
    let events: Vec<_> = (0..501)
        .map(|_| till.stamps(card.card.card.id, 1))
        .collect();
    let response = app
        .post(
            "/api/v1/sync/push",
            Some(&till.token),
            &serde_json::json!({"events": events}),
        )
        .await;
    // 501 events fit in 256 KiB but not in the test server's 64 KiB limit: either answer is a clean refusal.
    assert!([413, 422].contains(&response.status().as_u16()));
    let unknown_kind = serde_json::json!({"events": [{
        "id": "0190e0d2-7a6f-7000-8000-000000000001", "card_id": card.card.card.id, "device_id": till.device_id,
        "device_seq": 1, "occurred_at": "2026-01-01T00:00:00Z", "body": {"type": "free_money", "amount": 5}
    }]});
    // Each event is read on its own: a kind the server does not know is refused alone.
    let answer: PushResponse = json(
        app.post("/api/v1/sync/push", Some(&till.token), &unknown_kind)
            .await,
        200,
    )
    .await;
    assert_eq!(answer.results.len(), 1);
    assert_eq!(answer.results[0].status, PushStatus::Rejected);
    assert_eq!(answer.results[0].code.as_deref(), Some("invalid_event"));
}

#[tokio::test]
async fn an_event_holding_a_string_that_is_no_text_is_refused_alone() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let till = app.pair(&owner).await;
    let card = app.join(&owner).await;
    let good = crate::helpers::prove(till.stamps(card.card.card.id, 1));
    let mut damaged = crate::helpers::prove(till.stamps(card.card.card.id, 1));
    damaged.body = regulars_protocol::EventBody::StampsIssued {
        count: 1,
        amount_minor: None,
        category: Some("CUT".to_owned()),
    };
    // Valid JSON, but `\ud83d` alone (half an emoji, as a damaged record may hold) is no text.
    let damaged_json = serde_json::to_string(&damaged)
        .unwrap()
        .replace("\"CUT\"", "\"\\ud83d\"");
    let body = format!(
        "{{\"events\": [{damaged_json}, {}]}}",
        serde_json::to_string(&good).unwrap()
    );
    let response = app
        .http
        .post(app.url("/api/v1/sync/push"))
        .bearer_auth(&till.token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let answer: PushResponse = json(response, 200).await;
    assert_eq!(answer.results[0].id, damaged.id);
    assert_eq!(answer.results[0].status, PushStatus::Rejected);
    assert_eq!(answer.results[0].code.as_ref().unwrap(), &"invalid_event");
    assert_eq!(answer.results[1].status, PushStatus::Accepted);
    assert_eq!(app.card(&card.token).await.balance.balance, 1);
}
