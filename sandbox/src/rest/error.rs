//! Errors as Redis Software sends them: `{"error_code": ..., "description": ...}`.

use crate::state::change::{Rejection, RejectionKind};
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub error_code: &'static str,
    pub description: String,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        error_code: &'static str,
        description: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            error_code,
            description: description.into(),
        }
    }

    pub fn bad_request(description: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_schema", description)
    }

    pub fn db_not_found(uid: impl std::fmt::Display) -> ApiError {
        // UNCONFIRMED: the 404 code for GET/PUT/DELETE bdb is undocumented; `db_not_exist` is the
        // one documented for a missing database on /v1/bdbs/{uid}/modules/config.
        ApiError::new(
            StatusCode::NOT_FOUND,
            "db_not_exist",
            format!("database {uid} does not exist"),
        )
    }
}

impl From<Rejection> for ApiError {
    fn from(rejection: Rejection) -> ApiError {
        let status = match rejection.kind {
            RejectionKind::BadRequest => StatusCode::BAD_REQUEST,
            RejectionKind::NotFound => StatusCode::NOT_FOUND,
            RejectionKind::InvalidConfiguration => StatusCode::NOT_ACCEPTABLE,
            RejectionKind::Conflict => StatusCode::CONFLICT,
            RejectionKind::NotPersisted => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, rejection.error_code, rejection.description)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "error_code": self.error_code, "description": self.description });
        (self.status, Json(body)).into_response()
    }
}
