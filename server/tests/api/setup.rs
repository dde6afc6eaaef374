use regulars_protocol::ProgramKind;
use regulars_protocol::wire::{
    ApiErrorBody, LoginRequest, OwnerShop, PairingCode, RewardInput, ShopSettings,
};

use crate::helpers::{error, json, setup_request, spawn_app};

#[tokio::test]
async fn an_owner_sets_up_a_stamp_program_with_one_form() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let shop = &owner.shop;
    assert_eq!(shop.shop.name, "Corner Café");
    assert_eq!(shop.shop.brand_color, "#225588");
    assert_eq!(shop.shop.currency, "EUR");
    assert_eq!(shop.shop.time_zone, "Europe/Paris");
    assert_eq!(shop.program.kind, ProgramKind::Stamps);
    assert_eq!(shop.program.stamps_per_visit, 1);
    assert_eq!(shop.program.rewards.len(), 1);
    assert_eq!(shop.program.rewards[0].cost, 5);
    assert_eq!(shop.join_path, format!("/join/{}", shop.shop.slug));
    assert!(shop.shop.slug.starts_with("corner-caf"));
    assert_eq!(shop.members, 0);
}

#[tokio::test]
async fn defaults_fill_everything_but_the_six_required_fields() {
    let app = spawn_app().await;
    let body = serde_json::json!({
        "email": "bo@example.com", "password": "correct horse battery",
        "shop_name": "Bo's Bakery", "reward_name": "Free bun", "program_kind": "points"
    });
    let shop: OwnerShop = json(app.post("/api/v1/setup", None, &body).await, 201).await;
    assert_eq!(shop.program.kind, ProgramKind::Points);
    assert_eq!(shop.program.points_per_unit, 1);
    assert_eq!(shop.program.rewards[0].cost, 100);
    assert_eq!(shop.shop.brand_color, "#b4532a");
    assert_eq!(shop.shop.time_zone, "UTC");
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_strict() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v1/setup",
            None,
            &setup_request("ana@example.com", ProgramKind::Stamps, 5),
        )
        .await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("regulars_session="));
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Strict"));
    assert!(!cookie.contains("Secure"), "plain http in tests");
}

#[tokio::test]
async fn setting_up_twice_with_one_email_is_a_conflict() {
    let app = spawn_app().await;
    app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let again = app
        .post(
            "/api/v1/setup",
            None,
            &setup_request("ANA@example.com", ProgramKind::Stamps, 5),
        )
        .await;
    assert_eq!(error(again, 409).await.code, "email_taken");
}

#[tokio::test]
async fn an_owner_logs_in_with_the_right_password_only() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let wrong = LoginRequest {
        email: "ana@example.com".into(),
        password: "wrong password!".into(),
    };
    assert_eq!(
        error(app.post("/api/v1/owner/login", None, &wrong).await, 401)
            .await
            .code,
        "wrong_credentials"
    );
    let nobody = LoginRequest {
        email: "nobody@example.com".into(),
        password: "correct horse battery".into(),
    };
    assert_eq!(
        error(app.post("/api/v1/owner/login", None, &nobody).await, 401)
            .await
            .code,
        "wrong_credentials"
    );

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let right = LoginRequest {
        email: "Ana@Example.com".into(),
        password: "correct horse battery".into(),
    };
    let shop: OwnerShop = json(
        client
            .post(app.url("/api/v1/owner/login"))
            .json(&right)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(shop.shop.id, owner.shop.shop.id);
    let again: OwnerShop = json(
        client
            .get(app.url("/api/v1/owner/shop"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(again.shop.id, owner.shop.shop.id);
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let shop = owner
        .client
        .get(app.url("/api/v1/owner/shop"))
        .send()
        .await
        .unwrap();
    assert_eq!(shop.status(), 200);
    let out = owner
        .client
        .post(app.url("/api/v1/owner/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    let after = owner
        .client
        .get(app.url("/api/v1/owner/shop"))
        .send()
        .await
        .unwrap();
    assert_eq!(error(after, 401).await.code, "not_logged_in");
}

#[tokio::test]
async fn owner_pages_need_a_session() {
    let app = spawn_app().await;
    assert_eq!(
        error(app.get("/api/v1/owner/shop", None).await, 401)
            .await
            .code,
        "not_logged_in"
    );
    let forged = app
        .http
        .get(app.url("/api/v1/owner/shop"))
        .header("cookie", "regulars_session=forged")
        .send()
        .await
        .unwrap();
    assert_eq!(error(forged, 401).await.code, "session_expired");
    let code = app
        .http
        .post(app.url("/api/v1/owner/pairing-codes"))
        .send()
        .await
        .unwrap();
    assert_eq!(code.status(), 401);
}

#[tokio::test]
async fn rewards_can_be_added_edited_and_retired() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let cake = RewardInput {
        name: "Free cake".into(),
        cost: 8,
        value_minor: Some(350),
        active: true,
    };
    let shop: OwnerShop = json(
        owner
            .client
            .post(app.url("/api/v1/owner/rewards"))
            .json(&cake)
            .send()
            .await
            .unwrap(),
        201,
    )
    .await;
    assert_eq!(shop.program.rewards.len(), 2);
    let id = shop
        .program
        .rewards
        .iter()
        .find(|r| r.name == "Free cake")
        .unwrap()
        .id;

    let edit = RewardInput {
        name: "Slice of cake".into(),
        cost: 9,
        value_minor: None,
        active: true,
    };
    let shop: OwnerShop = json(
        owner
            .client
            .put(app.url(&format!("/api/v1/owner/rewards/{id}")))
            .json(&edit)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    let edited = shop.program.reward(id).unwrap();
    assert_eq!(
        (edited.name.as_str(), edited.cost, edited.value_minor),
        ("Slice of cake", 9, None)
    );

    let retire = RewardInput {
        active: false,
        ..edit
    };
    let shop: OwnerShop = json(
        owner
            .client
            .put(app.url(&format!("/api/v1/owner/rewards/{id}")))
            .json(&retire)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert!(!shop.program.reward(id).unwrap().active);
    assert_eq!(shop.program.active_rewards().count(), 1);
    assert_eq!(
        shop.program.rewards.last().unwrap().id,
        id,
        "retired rewards come last"
    );
}

#[tokio::test]
async fn a_reward_of_another_shop_cannot_be_edited() {
    let app = spawn_app().await;
    let ana = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let bo = app.setup("bo@example.com", ProgramKind::Stamps, 5).await;
    let bos_reward = bo.shop.program.rewards[0].id;
    let edit = RewardInput {
        name: "Mine now".into(),
        cost: 1,
        value_minor: None,
        active: true,
    };
    let response = ana
        .client
        .put(app.url(&format!("/api/v1/owner/rewards/{bos_reward}")))
        .json(&edit)
        .send()
        .await
        .unwrap();
    assert_eq!(error(response, 404).await.code, "unknown_reward");
    let not_an_id = ana
        .client
        .put(app.url("/api/v1/owner/rewards/not-an-id"))
        .json(&edit)
        .send()
        .await
        .unwrap();
    error(not_an_id, 404).await;
}

#[tokio::test]
async fn changing_the_earning_rule_makes_a_new_program_version() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Points, 50).await;
    assert_eq!(owner.shop.program.version, 1);
    let change = ShopSettings {
        points_per_unit: Some(2),
        shop_name: Some("Corner Café & Co".into()),
        ..Default::default()
    };
    let shop: OwnerShop = json(
        owner
            .client
            .patch(app.url("/api/v1/owner/shop"))
            .json(&change)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(shop.program.version, 2);
    assert_eq!(shop.program.points_per_unit, 2);
    assert_eq!(shop.shop.name, "Corner Café & Co");
    let colour_only = ShopSettings {
        brand_color: Some("#000000".into()),
        ..Default::default()
    };
    let shop: OwnerShop = json(
        owner
            .client
            .patch(app.url("/api/v1/owner/shop"))
            .json(&colour_only)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(
        shop.program.version, 2,
        "only a rule change makes a version"
    );
    let bad = ShopSettings {
        brand_color: Some("blue".into()),
        ..Default::default()
    };
    let body: ApiErrorBody = error(
        owner
            .client
            .patch(app.url("/api/v1/owner/shop"))
            .json(&bad)
            .send()
            .await
            .unwrap(),
        422,
    )
    .await;
    assert_eq!(body.field.as_deref(), Some("brand_color"));
}

#[tokio::test]
async fn a_pairing_code_is_eight_unambiguous_characters_valid_ten_minutes() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let code: PairingCode = app.pairing_code(&owner).await;
    assert_eq!(code.code.len(), 8);
    assert!(
        code.code
            .chars()
            .all(|c| "ABCDEFGHJKMNPQRSTUVWXYZ23456789".contains(c)),
        "{}",
        code.code
    );
    let minutes = (code.expires_at - time::OffsetDateTime::now_utc()).whole_minutes();
    assert!((9..=10).contains(&minutes));
}

/// A database the server cannot open stops start-up with a message that says which database
/// and why, without its password; never a panic.
#[tokio::test]
async fn a_wrong_or_unreachable_database_url_stops_start_up_with_a_clear_reason() {
    use regulars_server::config::Settings;
    use regulars_server::startup::Application;
    let free_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            format!("postgres://regulars:hunter2@127.0.0.1:{free_port}/shop"),
            "Connection refused",
        ),
        (
            "mysql://root:hunter2@db/shop".to_string(),
            "must start with sqlite:// or postgres://",
        ),
        (
            format!("sqlite://{}/missing/dir/x.db", dir.path().display()),
            "opening the SQLite database",
        ),
    ];
    for (url, reason) in cases {
        let settings = Settings {
            listen: "127.0.0.1:0".parse().unwrap(),
            data_dir: dir.path().join("data"),
            database_url: Some(url.clone()),
            ..Settings::default()
        };
        let Err(e) = Application::build(settings).await else {
            panic!("{url} should not open");
        };
        let message = format!("{e:#}");
        assert!(message.contains(reason), "{url}: {message}");
        assert!(!message.contains("hunter2"), "{url}: {message}");
    }
}
