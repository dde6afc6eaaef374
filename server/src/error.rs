//! One error type for every handler. Its body is always `{code, message}` (plus `field` for a
//! validation error); a 500 says nothing of its cause, which is logged once.

use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use regulars_protocol::wire::ApiErrorBody;

use crate::domain::Invalid;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    #[error("{field}: {message}")]
    Validation { field: String, message: String },
    #[error("{message}")]
    Unauthorized { code: &'static str, message: String },
    #[error("{message}")]
    Forbidden { code: &'static str, message: String },
    #[error("{message}")]
    NotFound { code: &'static str, message: String },
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// Too many tries: wait `retry_after_secs` (sent as `Retry-After`).
    #[error("{message}")]
    TooManyRequests {
        code: &'static str,
        message: String,
        retry_after_secs: u64,
    },
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("This endpoint does not accept that method.")]
    MethodNotAllowed,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::NotFound {
            code,
            message: message.into(),
        }
    }

    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> Self {
        Self::Unauthorized {
            code,
            message: message.into(),
        }
    }

    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self::Forbidden {
            code,
            message: message.into(),
        }
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::Conflict {
            code,
            message: message.into(),
        }
    }

    pub fn too_many(code: &'static str, message: impl Into<String>, retry_after_secs: u64) -> Self {
        Self::TooManyRequests {
            code,
            message: message.into(),
            retry_after_secs,
        }
    }

    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> ApiErrorBody {
        let (code, field) = match self {
            ApiError::BadRequest { code, .. }
            | ApiError::Unauthorized { code, .. }
            | ApiError::Forbidden { code, .. }
            | ApiError::NotFound { code, .. }
            | ApiError::Conflict { code, .. }
            | ApiError::TooManyRequests { code, .. } => (*code, None),
            ApiError::Validation { field, .. } => ("invalid_field", Some(field.clone())),
            ApiError::PayloadTooLarge => ("body_too_large", None),
            ApiError::UnsupportedMediaType(_) => ("unsupported_media_type", None),
            ApiError::MethodNotAllowed => ("method_not_allowed", None),
            ApiError::Internal(_) => ("internal", None),
        };
        let message = match self {
            ApiError::Internal(_) => {
                "Something went wrong on our side. Please try again.".to_string()
            }
            ApiError::Validation { message, .. } => message.clone(),
            other => other.to_string(),
        };
        ApiErrorBody {
            code: regulars_protocol::ErrorCode::parse(code),
            message,
            field,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut aborted = false;
        if let ApiError::Internal(cause) = &self {
            aborted = crate::db::engine::was_aborted(cause);
            if aborted {
                tracing::warn!(error = %cause, "the database aborted a transaction");
            } else {
                tracing::error!(error = ?cause, "request failed");
            }
        }
        let mut response = (self.status(), axum::Json(self.body())).into_response();
        if aborted {
            // `routes::retry_aborted` runs the request again.
            response.extensions_mut().insert(crate::db::engine::Aborted);
        }
        if let ApiError::TooManyRequests {
            retry_after_secs, ..
        } = &self
        {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, (*retry_after_secs).into());
        }
        response
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::Internal(e.into())
    }
}

impl From<Invalid> for ApiError {
    fn from(e: Invalid) -> Self {
        ApiError::validation(e.field, e.message)
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::not_found(
            "not_found",
            format!("Nothing here: {}", rejection.body_text()),
        )
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadRequest {
            code: "bad_query",
            message: rejection.body_text(),
        }
    }
}

/// A JSON request body. Stricter than `axum::Json`: the body must be a JSON object, a number
/// like `5.0` counts as the integer 5, and every refusal is an [`ApiError`] naming the field.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

/// A JSON request body's bytes, not yet parsed: the content type is checked and the size
/// limit applies. The push reads its events one by one from these, so one event that is no
/// text refuses that event, not the batch.
#[derive(Debug, Clone)]
pub struct JsonBytes(pub axum::body::Bytes);

impl<S> FromRequest<S> for JsonBytes
where
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = media_type(&req).is_some_and(|mime| {
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        });
        if !is_json {
            return Err(ApiError::UnsupportedMediaType(
                "Send the request body as JSON with Content-Type: application/json.".into(),
            ));
        }
        Ok(JsonBytes(body_bytes(req, state).await?))
    }
}

/// The request's media type, lower-cased, without its parameters.
fn media_type(req: &Request) -> Option<String> {
    req.headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|mime| mime.trim().to_ascii_lowercase())
}

async fn body_bytes<S: Send + Sync>(
    req: Request,
    state: &S,
) -> Result<axum::body::Bytes, ApiError> {
    axum::body::Bytes::from_request(req, state)
        .await
        .map_err(|e: BytesRejection| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::BadRequest {
                    code: "bad_request",
                    message: "The request body could not be read.".into(),
                }
            }
        })
}

/// A CSV file as the request body (`text/csv`; also `text/plain`, `application/vnd.ms-excel`
/// and `application/octet-stream`, which browsers and spreadsheets send for `.csv` files).
#[derive(Debug, Clone)]
pub struct CsvBytes(pub axum::body::Bytes);

impl<S> FromRequest<S> for CsvBytes
where
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_csv = media_type(&req).is_some_and(|mime| {
            matches!(
                mime.as_str(),
                "text/csv" | "text/plain" | "application/vnd.ms-excel" | "application/octet-stream"
            )
        });
        if !is_csv {
            return Err(ApiError::UnsupportedMediaType(
                "Send the file itself as the request body with Content-Type: text/csv.".into(),
            ));
        }
        Ok(CsvBytes(body_bytes(req, state).await?))
    }
}

impl<T, S> FromRequest<S> for Json<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let JsonBytes(bytes) = JsonBytes::from_request(req, state).await?;
        let mut value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| ApiError::BadRequest {
                code: "malformed_json",
                message: "The request body is not valid JSON.".into(),
            })?;
        if !value.is_object() {
            return Err(ApiError::validation(
                "body",
                "The request body must be a JSON object.",
            ));
        }
        integral_floats_to_integers(&mut value);
        serde_path_to_error::deserialize(value)
            .map(Json)
            .map_err(|e| {
                let path = e.path().to_string();
                let inner = e.into_inner().to_string();
                let field = match inner
                    .split("missing field `")
                    .nth(1)
                    .and_then(|rest| rest.split('`').next())
                {
                    Some(missing) if path == "." => missing.to_string(),
                    Some(missing) => format!("{path}.{missing}"),
                    None if path == "." => "body".to_string(),
                    None => path,
                };
                ApiError::validation(field.clone(), format!("{field}: {inner}"))
            })
    }
}

/// JSON has one number type; `5.0` is a fine way to write the integer 5.
pub(crate) fn integral_floats_to_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f > i64::MIN as f64
                && f < i64::MAX as f64
            {
                *n = serde_json::Number::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_floats_to_integers),
        serde_json::Value::Object(map) => map.values_mut().for_each(integral_floats_to_integers),
        _ => {}
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Path`, with rejections turned into [`ApiError`] bodies.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

/// `axum::extract::Query`, with rejections turned into [`ApiError`] bodies.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);
