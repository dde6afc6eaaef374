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
        routes::owner::change_password,
        routes::owner::reset_password,
        routes::owner::show,
        routes::owner::update,
        routes::owner::create_reward,
        routes::owner::update_reward,
        routes::owner::review,
        routes::anomalies::list,
        routes::staff::list,
        routes::staff::create,
        routes::staff::update,
        routes::staff::deactivate,
        routes::staff::switch,
        routes::staff::report_pin_failures,
        routes::devices::list,
        routes::devices::revoke,
        routes::members::list,
        routes::members::revoke,
        routes::members::create_printed,
        routes::insights::categories,
        routes::insights::save_categories,
        routes::insights::overview,
        routes::insights::hours,
        routes::insights::segments,
        routes::insights::segment_members,
        routes::insights::member,
        routes::insights::nps,
        routes::insights::clv,
        routes::insights::member_history,
        routes::insights::save_note,
        routes::members::printed_card,
        routes::offers::list,
        routes::offers::preview,
        routes::offers::create,
        routes::offers::update,
        routes::offers::set_status,
        routes::offers::mine,
        routes::imports::upload,
        routes::imports::list,
        routes::imports::show,
        routes::imports::set_mapping,
        routes::imports::start,
        routes::devices::create_pairing_code,
        routes::devices::pair,
        routes::shops::show,
        routes::cards::join,
        routes::cards::show,
        routes::cards::update,
        routes::cards::events,
        routes::cards::push_events,
        routes::cards::register_key,
        routes::cards::new_recovery_code,
        routes::cards::recover,
        routes::till::program,
        routes::till::lookup,
        routes::sync::push,
        routes::sync::pull,
        routes::sync::known,
    ),
    modifiers(&Security, &CommonErrors),
    tags(
        (name = "owner", description = "Account, program setup and settings"),
        (name = "insights", description = "The owner's figures, segments and member pages"),
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
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::auth::SESSION_COOKIE,
            ))),
        );
        let bearer =
            || SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build());
        components.add_security_scheme("card_token", bearer());
        components.add_security_scheme("device_token", bearer());
        components.add_security_scheme(
            "csrf_token",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-CSRF-Token",
                "The value of the `regulars_csrf` cookie set with the session: required on every owner change.",
            ))),
        );
        // Every owner operation that changes something needs the session and its CSRF token.
        let owner_change = utoipa::openapi::security::SecurityRequirement::new(
            "owner_session",
            Vec::<String>::new(),
        )
        .add("csrf_token", Vec::<String>::new());
        for item in openapi.paths.paths.values_mut() {
            let changes = [
                item.post.as_mut(),
                item.put.as_mut(),
                item.patch.as_mut(),
                item.delete.as_mut(),
            ];
            for operation in changes.into_iter().flatten() {
                let by_owner = operation.security.as_ref().is_some_and(|requirements| {
                    serde_json::to_string(requirements)
                        .is_ok_and(|json| json.contains("owner_session"))
                });
                if by_owner {
                    operation.security = Some(vec![owner_change.clone()]);
                }
            }
        }
    }
}

/// Answers any operation can give, documented once here: every body-taking operation may
/// answer 400 (malformed JSON), 413 (too large), 415 (not JSON) and 422 (invalid field); every
/// operation may answer 405, 408 (timeout) and 500.
struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let error = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ApiErrorBody")))
                        .build(),
                )
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let limited = crate::limits::LIMITED_PATHS.contains(&path.as_str());
            let operations = [
                item.get.as_mut(),
                item.post.as_mut(),
                item.put.as_mut(),
                item.patch.as_mut(),
                item.delete.as_mut(),
            ];
            for operation in operations.into_iter().flatten() {
                let responses = &mut operation.responses.responses;
                let mut add = |status: &str, description: &str| {
                    responses
                        .entry(status.to_string())
                        .or_insert_with(|| error(description).into());
                };
                if operation.request_body.is_some() {
                    add("400", "The body is not valid JSON");
                    add("413", "The body is too large");
                    add("415", "The body is not sent as application/json");
                    add("422", "A field is missing or invalid; `field` names it");
                }
                if operation.security.is_some() {
                    add("401", "Missing, unknown or expired credentials");
                }
                let needs_csrf = operation.security.as_ref().is_some_and(|requirements| {
                    serde_json::to_string(requirements)
                        .is_ok_and(|json| json.contains("csrf_token"))
                });
                if needs_csrf {
                    add(
                        "403",
                        "No or wrong CSRF token (`csrf_failed`), or not allowed",
                    );
                }
                if limited {
                    add(
                        "429",
                        "Too many tries from this address: wait `Retry-After` seconds",
                    );
                }
                add("405", "The endpoint does not take this method");
                add("408", "The request took too long");
                add("500", "Something went wrong on the server");
            }
        }
    }
}

pub async fn document() -> impl IntoResponse {
    axum::Json(ApiDoc::openapi())
}
