//! The OpenAPI 3 document of the API, served at `/api/v1/openapi.json`.

use axum::response::IntoResponse;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "Regulars API", description = "Loyalty cards, tills and programs for independent shops."),
    paths(
        routes::health::check,
        routes::owner::setup,
        routes::owner::login,
        routes::owner::logout,
        routes::owner::show,
        routes::owner::update,
        routes::owner::create_reward,
        routes::owner::update_reward,
        routes::devices::create_pairing_code,
        routes::devices::pair,
        routes::shops::show,
        routes::cards::join,
        routes::cards::show,
        routes::cards::update,
        routes::till::program,
        routes::till::lookup,
        routes::sync::push,
    ),
    modifiers(&Security),
    tags(
        (name = "owner", description = "Account, program setup and settings"),
        (name = "shopper", description = "Joining and the shopper's own card"),
        (name = "till", description = "Paired tablets: lookups and events"),
        (name = "health", description = "Liveness"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "owner_session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(crate::auth::SESSION_COOKIE))),
        );
        let bearer = || SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build());
        components.add_security_scheme("card_token", bearer());
        components.add_security_scheme("device_token", bearer());
    }
}

pub async fn document() -> impl IntoResponse {
    axum::Json(ApiDoc::openapi())
}
