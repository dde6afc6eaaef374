use std::collections::BTreeSet;

use crate::helpers::{json, spawn_app};

#[tokio::test]
async fn the_openapi_document_covers_every_endpoint_with_error_schemas() {
    let app = spawn_app().await;
    let doc: serde_json::Value = json(app.get("/api/v1/openapi.json", None).await, 200).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    let expected: BTreeSet<String> = [
        "/healthz",
        "/api/v1/setup",
        "/api/v1/owner/login",
        "/api/v1/owner/logout",
        "/api/v1/owner/password",
        "/api/v1/owner/shop",
        "/api/v1/owner/rewards",
        "/api/v1/owner/rewards/{id}",
        "/api/v1/owner/pairing-codes",
        "/api/v1/owner/review",
        "/api/v1/shops/{slug}",
        "/api/v1/shops/{slug}/join",
        "/api/v1/cards/me",
        "/api/v1/devices/pair",
        "/api/v1/till/program",
        "/api/v1/till/lookup",
        "/api/v1/sync/push",
        "/api/v1/sync/pull",
        "/api/v1/sync/known",
        "/api/v1/cards/me/events",
        "/api/v1/cards/me/key",
        "/api/v1/cards/me/recovery-code",
        "/api/v1/cards/recover",
        "/api/v1/owner/cards",
        "/api/v1/owner/cards/{id}/revoke",
        "/api/v1/owner/printed-cards",
        "/api/v1/owner/cards/{id}/printed-card",
        "/api/v1/owner/imports",
        "/api/v1/owner/imports/{id}",
        "/api/v1/owner/imports/{id}/mapping",
        "/api/v1/owner/imports/{id}/start",
        "/api/v1/owner/staff",
        "/api/v1/owner/staff/{id}",
        "/api/v1/owner/staff/{id}/deactivate",
        "/api/v1/owner/devices",
        "/api/v1/owner/devices/{id}/revoke",
        "/api/v1/owner/anomalies",
        "/api/v1/owner/categories",
        "/api/v1/owner/insights/overview",
        "/api/v1/owner/insights/nps",
        "/api/v1/owner/insights/clv",
        "/api/v1/owner/insights/hours",
        "/api/v1/owner/insights/segments",
        "/api/v1/owner/insights/segments/{segment}/members",
        "/api/v1/owner/insights/members/{id}",
        "/api/v1/owner/insights/members/{id}/history",
        "/api/v1/owner/insights/members/{id}/note",
        "/api/v1/owner/password-reset",
        "/api/v1/owner/offers",
        "/api/v1/owner/offers/preview",
        "/api/v1/owner/offers/{id}",
        "/api/v1/owner/offers/{id}/status",
        "/api/v1/cards/me/offers",
        "/api/v1/till/staff-session",
        "/api/v1/till/pin-failures",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(paths, expected);
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let error_documented = responses.iter().any(|(status, response)| {
                status.starts_with('4')
                    || status.starts_with('5') && response.to_string().contains("ApiErrorBody")
            });
            assert!(error_documented, "{method} {path} documents no error");
            // Actions on one thing (`.../revoke`, `.../deactivate`) take no body.
            let bodiless = [
                "logout",
                "pairing-codes",
                "recovery-code",
                "revoke",
                "deactivate",
                "printed-card",
            ]
            .iter()
            .any(|end| path.ends_with(end));
            if ["post", "put", "patch"].contains(&method.as_str()) && !bodiless {
                assert!(
                    operation.get("requestBody").is_some(),
                    "{method} {path} documents no body"
                );
            }
        }
    }
    assert!(doc["components"]["schemas"].get("ApiErrorBody").is_some());
    assert!(
        doc["components"]["securitySchemes"]
            .get("device_token")
            .is_some()
    );
}

#[tokio::test]
async fn health_answers_ok() {
    let app = spawn_app().await;
    let health: regulars_protocol::wire::Health = json(app.get("/healthz", None).await, 200).await;
    assert_eq!(health.status, "ok");
}
