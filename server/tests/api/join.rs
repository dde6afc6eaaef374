use regulars_protocol::wire::{CardView, ProfileUpdate, PublicShop};
use regulars_protocol::{CardCode, ProgramKind};

use crate::helpers::{error, json, spawn_app};

#[tokio::test]
async fn a_shopper_joins_with_one_tap_and_gets_a_card() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let public: PublicShop = json(
        app.get(&format!("/api/v1/shops/{}", owner.shop.shop.slug), None)
            .await,
        200,
    )
    .await;
    assert_eq!(public.shop.name, "Corner Café");
    assert_eq!(public.program.rewards[0].name, "Free coffee");

    let joined = app.join(&owner).await;
    assert_eq!(joined.card.shop.id, owner.shop.shop.id);
    assert_eq!(joined.card.balance.balance, 0);
    assert!(joined.card.history.is_empty());
    assert_eq!(
        CardCode::parse(&joined.card.card.code).unwrap().card_id(),
        joined.card.card.id
    );
    assert!(joined.token.len() >= 40);

    let card = app.card(&joined.token).await;
    assert_eq!(card.card.id, joined.card.card.id);
    let stored_hash: String = sqlx::query_scalar("SELECT token_hash FROM cards")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_ne!(
        stored_hash, joined.token,
        "the server keeps only a hash of the token"
    );
}

#[tokio::test]
async fn each_card_token_reads_only_its_own_card() {
    let app = spawn_app().await;
    let ana = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let bo = app.setup("bo@example.com", ProgramKind::Points, 50).await;
    let first = app.join(&ana).await;
    let second = app.join(&bo).await;
    assert_eq!(app.card(&first.token).await.card.id, first.card.card.id);
    assert_eq!(app.card(&second.token).await.card.id, second.card.card.id);
    assert_eq!(app.card(&second.token).await.shop.id, bo.shop.shop.id);
    assert_eq!(
        error(
            app.get("/api/v1/cards/me", Some("made-up-token")).await,
            401
        )
        .await
        .code,
        "unknown_card_token"
    );
    assert_eq!(
        error(app.get("/api/v1/cards/me", None).await, 401)
            .await
            .code,
        "missing_card_token"
    );
}

#[tokio::test]
async fn joining_an_unknown_shop_is_not_found() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v1/shops/no-such-shop/join",
            None,
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(error(response, 404).await.code, "unknown_shop");
    assert_eq!(
        error(app.get("/api/v1/shops/no-such-shop", None).await, 404)
            .await
            .code,
        "unknown_shop"
    );
}

#[tokio::test]
async fn the_profile_is_optional_and_can_be_changed_and_cleared() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let joined = app.join(&owner).await;
    assert_eq!(joined.card.card.first_name, None);

    let update = ProfileUpdate {
        first_name: Some(" Lea ".into()),
        email: Some("Lea@Example.com".into()),
        offers_consent: None,
    };
    let card: CardView = json(
        app.http
            .patch(app.url("/api/v1/cards/me"))
            .bearer_auth(&joined.token)
            .json(&update)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(card.card.first_name.as_deref(), Some("Lea"));
    assert_eq!(card.card.email.as_deref(), Some("lea@example.com"));

    let only_email = ProfileUpdate {
        first_name: None,
        email: Some(String::new()),
        offers_consent: None,
    };
    let card: CardView = json(
        app.http
            .patch(app.url("/api/v1/cards/me"))
            .bearer_auth(&joined.token)
            .json(&only_email)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(
        card.card.first_name.as_deref(),
        Some("Lea"),
        "absent fields are kept"
    );
    assert_eq!(card.card.email, None, "an empty field is cleared");

    let bad = ProfileUpdate {
        first_name: None,
        email: Some("not an email".into()),
        offers_consent: None,
    };
    let body = error(
        app.http
            .patch(app.url("/api/v1/cards/me"))
            .bearer_auth(&joined.token)
            .json(&bad)
            .send()
            .await
            .unwrap(),
        422,
    )
    .await;
    assert_eq!(body.field.as_deref(), Some("email"));
}

#[tokio::test]
async fn a_name_given_at_join_is_kept() {
    let app = spawn_app().await;
    let owner = app.setup("ana@example.com", ProgramKind::Stamps, 5).await;
    let path = format!("/api/v1/shops/{}/join", owner.shop.shop.slug);
    let joined: regulars_protocol::wire::JoinResponse = json(
        app.post(&path, None, &serde_json::json!({"first_name": "Sam"}))
            .await,
        201,
    )
    .await;
    assert_eq!(joined.card.card.first_name.as_deref(), Some("Sam"));
    let owner_view: regulars_protocol::wire::OwnerShop = json(
        owner
            .client
            .get(app.url("/api/v1/owner/shop"))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(owner_view.members, 1);
}
