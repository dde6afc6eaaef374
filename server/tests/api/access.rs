//! Who may call what, table-driven from the OpenAPI document: every documented operation is
//! called with another shop's (or another card's) credentials against shop A's things, and must
//! answer 401, 403 or 404, or an answer about the caller's own shop only, never leaking A.
//! Then the owner's session details: CSRF tokens, changing the password, rate limits and the
//! security headers.

use std::collections::BTreeSet;

use regulars_protocol::wire::{OwnerShop, PasswordChange};
use regulars_protocol::{ProgramKind, StaffRole};
use serde_json::{Value, json as j};

use crate::helpers::{
    csrf_cookie, error, json, live_code, owner_client, spawn_app, spawn_app_with,
};

/// Who calls.
#[derive(Debug, Clone, Copy)]
enum As {
    Nobody,
    OtherOwner,
    OtherCard,
    OtherTablet,
}

#[tokio::test]
async fn another_shops_or_cards_credentials_reach_nothing_of_shop_a_on_any_endpoint() {
    let app = spawn_app().await;
    // Shop A, with a member, a tablet, a staff member and a printed card.
    let a = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let renamed = a
        .client
        .patch(app.url("/api/v1/owner/shop"))
        .json(&j!({"shop_name": "Ana's Secret Bakery"}))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), 200);
    let a_till = app.pair(&a).await;
    let a_card = app.join(&a).await;
    let a_card_id = a_card.card.card.id;
    let a_stored = a_till.stamps(a_card_id, 2);
    app.push(&a_till, std::slice::from_ref(&a_stored)).await;
    let a_staff = app
        .add_staff(&a, "Paula Privatova", StaffRole::Cashier, "4821")
        .await;
    let a_reward = a.shop.program.rewards[0].id;
    let a_import: regulars_protocol::imports::ImportJob = json(
        a.client
            .post(app.url("/api/v1/owner/imports?file_name=ana.csv"))
            .header("content-type", "text/csv")
            .body("customer,date,amount\nAna's regular,2025-01-02,3\n")
            .send()
            .await
            .unwrap(),
        201,
    )
    .await;
    let a_import = a_import.id;
    let now = time::OffsetDateTime::now_utc();
    let a_offer_body = j!({
        "title": "Ana's Secret Offer",
        "gift": {"type": "free_item", "item": "Secret bun"},
        "starts_at": (now - time::Duration::hours(1)).format(&time::format_description::well_known::Rfc3339).unwrap(),
        "ends_at": (now + time::Duration::days(2)).format(&time::format_description::well_known::Rfc3339).unwrap(),
        "audience": {"everyone": true},
    });
    let a_offer: regulars_protocol::offers::OwnerOffer = json(
        a.client
            .post(app.url("/api/v1/owner/offers"))
            .json(&a_offer_body)
            .send()
            .await
            .unwrap(),
        201,
    )
    .await;
    let a_offer = a_offer.id;
    let mut b_offer_body = a_offer_body.clone();
    b_offer_body["title"] = j!("Bo's own offer");
    // Shop B and its people: the callers.
    let b = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let b_till = app.pair(&b).await;
    let b_card = app.join(&b).await;

    // What shop A's data looks like in a body: none of it may appear in an answer to B.
    let secrets = [
        "Ana's Secret Bakery".to_string(),
        a.shop.shop.slug.clone(),
        a_card_id.to_string(),
        a_till.device_id.to_string(),
        a_staff.id.to_string(),
        "ana@example.com".to_string(),
        "Paula Privatova".to_string(),
        "Ana's regular".to_string(),
        a_import.clone(),
        "Ana's Secret Offer".to_string(),
        a_offer.to_string(),
    ];
    let a_code = live_code(a_card_id);
    let a_event = serde_json::to_value(b_till.stamps(a_card_id, 1)).unwrap();

    // Every operation of the document, with the call that tries to reach shop A.
    let table: Vec<(&str, &str, String, Value, As)> = vec![
        (
            "get",
            "/api/v1/owner/shop",
            "/api/v1/owner/shop".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "patch",
            "/api/v1/owner/shop",
            "/api/v1/owner/shop".into(),
            j!({}),
            As::Nobody,
        ),
        (
            "put",
            "/api/v1/owner/password",
            "/api/v1/owner/password".into(),
            j!({"current_password": "x", "new_password": "y"}),
            As::Nobody,
        ),
        (
            "post",
            "/api/v1/owner/rewards",
            "/api/v1/owner/rewards".into(),
            j!({"name": "x", "cost": 3}),
            As::Nobody,
        ),
        (
            "put",
            "/api/v1/owner/rewards/{id}",
            format!("/api/v1/owner/rewards/{a_reward}"),
            j!({"name": "Mine now", "cost": 1}),
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/pairing-codes",
            "/api/v1/owner/pairing-codes".into(),
            Value::Null,
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/owner/review",
            "/api/v1/owner/review".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/anomalies",
            "/api/v1/owner/anomalies".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/cards",
            "/api/v1/owner/cards".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/cards/{id}/revoke",
            format!("/api/v1/owner/cards/{a_card_id}/revoke"),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/printed-cards",
            "/api/v1/owner/printed-cards".into(),
            j!({}),
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/owner/staff",
            "/api/v1/owner/staff".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/staff",
            "/api/v1/owner/staff".into(),
            j!({"name": "x", "role": "cashier", "pin": "1234"}),
            As::Nobody,
        ),
        (
            "patch",
            "/api/v1/owner/staff/{id}",
            format!("/api/v1/owner/staff/{}", a_staff.id),
            j!({"name": "Renamed"}),
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/staff/{id}/deactivate",
            format!("/api/v1/owner/staff/{}/deactivate", a_staff.id),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/devices",
            "/api/v1/owner/devices".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/devices/{id}/revoke",
            format!("/api/v1/owner/devices/{}/revoke", a_till.device_id),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/cards/me",
            "/api/v1/cards/me".into(),
            Value::Null,
            As::OtherCard,
        ),
        (
            "patch",
            "/api/v1/cards/me",
            "/api/v1/cards/me".into(),
            j!({"first_name": "Eve"}),
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/cards/me/events",
            "/api/v1/cards/me/events".into(),
            Value::Null,
            As::OtherCard,
        ),
        (
            "post",
            "/api/v1/cards/me/events",
            "/api/v1/cards/me/events".into(),
            j!({"events": [{"id": uuid::Uuid::now_v7(), "card_seq": 1,
                "occurred_at": "2026-01-01T00:00:00Z", "kind": "nps_dismissed"}]}),
            As::OtherCard,
        ),
        (
            "put",
            "/api/v1/cards/me/key",
            "/api/v1/cards/me/key".into(),
            j!({"public_key": "x"}),
            As::Nobody,
        ),
        (
            "post",
            "/api/v1/cards/me/recovery-code",
            "/api/v1/cards/me/recovery-code".into(),
            Value::Null,
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/till/program",
            "/api/v1/till/program".into(),
            Value::Null,
            As::OtherTablet,
        ),
        (
            "post",
            "/api/v1/till/lookup",
            "/api/v1/till/lookup".into(),
            j!({"code": a_code}),
            As::OtherTablet,
        ),
        (
            "post",
            "/api/v1/sync/push",
            "/api/v1/sync/push".into(),
            j!({"events": [a_event]}),
            As::OtherTablet,
        ),
        (
            "post",
            "/api/v1/sync/known",
            "/api/v1/sync/known".into(),
            j!({"ids": [a_stored.id]}),
            As::OtherTablet,
        ),
        (
            "get",
            "/api/v1/sync/pull",
            "/api/v1/sync/pull".into(),
            Value::Null,
            As::OtherTablet,
        ),
        (
            "post",
            "/api/v1/till/staff-session",
            "/api/v1/till/staff-session".into(),
            j!({"staff_id": a_staff.id, "pin": "4821"}),
            As::OtherTablet,
        ),
        (
            "post",
            "/api/v1/till/pin-failures",
            "/api/v1/till/pin-failures".into(),
            j!({"count": 1}),
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/owner/categories",
            "/api/v1/owner/categories".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "put",
            "/api/v1/owner/categories",
            "/api/v1/owner/categories".into(),
            j!({"categories": [{"name": "Beans"}]}),
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/owner/insights/overview",
            "/api/v1/owner/insights/overview".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/insights/clv",
            "/api/v1/owner/insights/clv?list=all".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/insights/nps",
            "/api/v1/owner/insights/nps".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/insights/hours",
            "/api/v1/owner/insights/hours".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/insights/segments",
            "/api/v1/owner/insights/segments".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/insights/segments/{segment}/members",
            "/api/v1/owner/insights/segments/all/members?format=csv".into(),
            Value::Null,
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/owner/insights/members/{id}",
            format!("/api/v1/owner/insights/members/{a_card_id}"),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/insights/members/{id}/history",
            format!("/api/v1/owner/insights/members/{a_card_id}/history?format=csv"),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "put",
            "/api/v1/owner/insights/members/{id}/note",
            format!("/api/v1/owner/insights/members/{a_card_id}/note"),
            j!({"note": "mine now"}),
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/cards/{id}/printed-card",
            format!("/api/v1/owner/cards/{a_card_id}/printed-card"),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/imports",
            "/api/v1/owner/imports".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/imports",
            "/api/v1/owner/imports".into(),
            Value::Null,
            As::Nobody,
        ),
        (
            "get",
            "/api/v1/owner/imports/{id}",
            format!("/api/v1/owner/imports/{a_import}"),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "put",
            "/api/v1/owner/imports/{id}/mapping",
            format!("/api/v1/owner/imports/{a_import}/mapping"),
            j!({"customer": "customer", "date": "date", "amount": "amount"}),
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/imports/{id}/start",
            format!("/api/v1/owner/imports/{a_import}/start"),
            j!({"skip_bad_rows": true}),
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/owner/offers",
            "/api/v1/owner/offers".into(),
            Value::Null,
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/offers",
            "/api/v1/owner/offers".into(),
            b_offer_body.clone(),
            As::Nobody,
        ),
        (
            "post",
            "/api/v1/owner/offers/preview",
            "/api/v1/owner/offers/preview".into(),
            b_offer_body.clone(),
            As::Nobody,
        ),
        (
            "put",
            "/api/v1/owner/offers/{id}",
            format!("/api/v1/owner/offers/{a_offer}"),
            b_offer_body.clone(),
            As::OtherOwner,
        ),
        (
            "post",
            "/api/v1/owner/offers/{id}/status",
            format!("/api/v1/owner/offers/{a_offer}/status"),
            j!({"status": "ended"}),
            As::OtherOwner,
        ),
        (
            "get",
            "/api/v1/cards/me/offers",
            "/api/v1/cards/me/offers".into(),
            Value::Null,
            As::OtherCard,
        ),
        // Last: it ends B's session.
        (
            "post",
            "/api/v1/owner/logout",
            "/api/v1/owner/logout".into(),
            Value::Null,
            As::Nobody,
        ),
    ];

    // The table covers every operation that needs credentials.
    let doc: Value = json(app.get("/api/v1/openapi.json", None).await, 200).await;
    let mut secured = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if operation.get("security").is_some() {
                secured.insert((method.clone(), path.clone()));
            }
        }
    }
    let covered: BTreeSet<(String, String)> = table
        .iter()
        .map(|(m, p, ..)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        covered, secured,
        "every secured operation has an access case"
    );

    for (method, documented, path, body, caller) in &table {
        let method: reqwest::Method = method.to_uppercase().parse().unwrap();
        // First without any credentials: always 401.
        let mut anonymous = app.http.request(method.clone(), app.url(path));
        if !body.is_null() {
            anonymous = anonymous.json(body);
        }
        let response = anonymous.send().await.unwrap();
        assert_eq!(
            response.status(),
            401,
            "{method} {documented} without credentials"
        );

        // Then as someone of shop B.
        let mut request = match caller {
            As::OtherOwner | As::Nobody if documented.starts_with("/api/v1/owner") => {
                b.client.request(method.clone(), app.url(path))
            }
            As::OtherCard | As::Nobody if documented.starts_with("/api/v1/cards") => app
                .http
                .request(method.clone(), app.url(path))
                .bearer_auth(&b_card.token),
            _ => app
                .http
                .request(method.clone(), app.url(path))
                .bearer_auth(&b_till.token),
        };
        if !body.is_null() {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{method} {documented} as {caller:?} leaked {secret}: {text}"
            );
        }
        if matches!(caller, As::OtherOwner | As::OtherCard | As::OtherTablet)
            && documented.contains('{')
        {
            assert!(
                [403, 404].contains(&status),
                "{method} {documented} as {caller:?}: {status} {text}"
            );
        }
        if *documented == "/api/v1/till/lookup" {
            assert_eq!(
                status, 404,
                "a card of another shop is unknown at this till: {text}"
            );
        }
        if *documented == "/api/v1/sync/known" {
            assert_eq!(
                (status, text.as_str()),
                (200, r#"{"stored":[]}"#),
                "another shop's tablet learns nothing of shop A's events"
            );
        }
        if *documented == "/api/v1/sync/push" {
            assert!(text.contains("unknown_card"), "{text}");
        }
        if *documented == "/api/v1/till/staff-session" {
            assert!(
                [403, 404].contains(&status),
                "another shop's staff cannot switch in here: {status} {text}"
            );
        }
    }

    // Shop A's things are as they were.
    let a_view = app.card(&a_card.token).await;
    assert_eq!(a_view.balance.balance, 2);
    assert!(a_view.program.rewards.iter().all(|r| r.name != "Mine now"));
    assert_eq!(
        app.lookup(&a_till, &live_code(a_card_id)).await.status(),
        200
    );
}

#[tokio::test]
async fn an_owner_change_without_the_sessions_csrf_token_is_refused() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    // A client with the session cookie but no token: what a forged cross-site request has.
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let plain = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .build()
        .unwrap();
    let login = plain
        .post(app.url("/api/v1/owner/login"))
        .json(&j!({"email": "ana@example.com", "password": "correct horse battery"}))
        .send()
        .await
        .unwrap();
    let csrf = csrf_cookie(&login).expect("login sets the CSRF cookie");
    assert_eq!(login.status(), 200);
    assert_eq!(
        plain
            .get(app.url("/api/v1/owner/shop"))
            .send()
            .await
            .unwrap()
            .status(),
        200,
        "reading needs no token"
    );
    let forged = plain
        .post(app.url("/api/v1/owner/pairing-codes"))
        .send()
        .await
        .unwrap();
    assert_eq!(error(forged, 403).await.code, "csrf_failed");
    let wrong = plain
        .post(app.url("/api/v1/owner/pairing-codes"))
        .header("x-csrf-token", "0".repeat(64))
        .send()
        .await
        .unwrap();
    assert_eq!(error(wrong, 403).await.code, "csrf_failed");
    // Another session's token does not fit this one.
    let other_token = owner
        .client
        .post(app.url("/api/v1/owner/pairing-codes"))
        .send()
        .await
        .unwrap();
    assert_eq!(other_token.status(), 201);
    let with_token = owner_client(jar, &csrf)
        .post(app.url("/api/v1/owner/pairing-codes"))
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), 201);
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let elsewhere = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let login = |client: &reqwest::Client, password: &str| {
        client
            .post(app.url("/api/v1/owner/login"))
            .json(&j!({"email": "ana@example.com", "password": password}))
            .send()
    };
    assert_eq!(
        login(&elsewhere, "correct horse battery")
            .await
            .unwrap()
            .status(),
        200
    );

    let change = |current: &str, new: &str| {
        owner
            .client
            .put(app.url("/api/v1/owner/password"))
            .json(&PasswordChange {
                current_password: current.into(),
                new_password: new.into(),
            })
            .send()
    };
    assert_eq!(
        error(
            change("wrong password!", "a new long password")
                .await
                .unwrap(),
            403
        )
        .await
        .code,
        "wrong_password"
    );
    let short = error(change("correct horse battery", "short").await.unwrap(), 422).await;
    assert_eq!(short.field.as_deref(), Some("new_password"));
    assert_eq!(
        change("correct horse battery", "a new long password")
            .await
            .unwrap()
            .status(),
        204
    );

    let _: OwnerShop = json(
        owner
            .client
            .get(app.url("/api/v1/owner/shop"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    let ended = elsewhere
        .get(app.url("/api/v1/owner/shop"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(ended, 401).await.code,
        "session_expired",
        "the other session ended"
    );
    let fresh = reqwest::Client::new();
    assert_eq!(
        login(&fresh, "correct horse battery")
            .await
            .unwrap()
            .status(),
        401
    );
    assert_eq!(
        login(&fresh, "a new long password").await.unwrap().status(),
        200
    );
}

#[tokio::test]
async fn guessing_pairing_codes_or_logging_in_in_a_loop_hits_the_rate_limit() {
    let app = spawn_app().await;
    let mut statuses = Vec::new();
    for _ in 0..30 {
        let response = app
            .post("/api/v1/devices/pair", None, &j!({"code": "ZZZZ2345"}))
            .await;
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            let retry_after = response
                .headers()
                .get("retry-after")
                .expect("Retry-After")
                .to_str()
                .unwrap()
                .to_owned();
            assert!(retry_after.parse::<u64>().unwrap() >= 1);
            let body = error(response, 429).await;
            assert_eq!(body.code, "rate_limited");
            break;
        }
    }
    assert!(
        statuses.iter().take(10).all(|s| *s == 401),
        "the first tries are answered: {statuses:?}"
    );
    assert_eq!(statuses.last(), Some(&429), "then the limit: {statuses:?}");
    // The limit is per route: joining still works.
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let _ = app.join(&owner).await;

    let mut login_statuses = Vec::new();
    for _ in 0..40 {
        let status = app
            .post(
                "/api/v1/owner/login",
                None,
                &j!({"email": "x@example.com", "password": "nope nope nope"}),
            )
            .await
            .status();
        login_statuses.push(status.as_u16());
        if status == 429 {
            break;
        }
    }
    assert_eq!(login_statuses.last(), Some(&429), "{login_statuses:?}");

    // Limits can be turned off (a load test on loopback).
    let unlimited = spawn_app_with(|s| s.rate_limits = false).await;
    for _ in 0..30 {
        assert_eq!(
            unlimited
                .post("/api/v1/devices/pair", None, &j!({"code": "ZZZZ2345"}))
                .await
                .status(),
            401
        );
    }
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/api/v1/openapi.json", "/healthz", "/card/x"] {
        let response = app.get(path, None).await;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        let csp = header("content-security-policy");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
            "nothing broader: {csp}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("referrer-policy"), "strict-origin-when-cross-origin");
    }
}

#[tokio::test]
async fn a_request_that_takes_too_long_gets_a_json_408() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app_with(|s| s.request_timeout_secs = 1).await;
    let host = app.address.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
    // A body announced as 100 bytes of which 2 ever arrive: the server waits, then gives up.
    let head = format!(
        "POST /api/v1/setup HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\""
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&answer).contains("}") {
        let n = stream.read(&mut buf).await.unwrap();
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("\"code\":\"timeout\""), "{text}");
}
