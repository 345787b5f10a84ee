//! The answers' shapes: JSON bodies, problem+json, and the few problems every route may give.

use super::Reply;
use crate::contract::{field_code, problem_code, FieldError, Problem};
use serde::Serialize;

/// The content type of a JSON answer.
pub(super) const JSON: &str = "application/json";
const PROBLEM: &str = "application/problem+json";

pub(super) fn ok<T: Serialize>(value: &T) -> Reply {
    Reply {
        status: 200,
        content_type: JSON,
        body: to_json(value),
        retry_after: None,
        replayed: false,
    }
}

pub(super) fn created<T: Serialize>(value: &T) -> Reply {
    Reply {
        status: 201,
        content_type: JSON,
        body: to_json(value),
        retry_after: None,
        replayed: false,
    }
}

pub(super) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// A problem+json answer.
pub fn problem(status: u16, code: &str, title: &str, errors: Vec<FieldError>) -> Reply {
    let p = Problem {
        kind: format!("https://ppid.example/problems/{code}"),
        title: title.into(),
        status,
        detail: None,
        code: code.into(),
        errors,
        retry_after: None,
    };
    Reply {
        status,
        content_type: PROBLEM,
        body: to_json(&p),
        retry_after: None,
        replayed: false,
    }
}

/// The one answer for a wrong number or a wrong verifier: nothing tells which.
pub(super) fn not_found_generic() -> Reply {
    problem(
        404,
        problem_code::NOT_FOUND,
        "No request matches this number and verifier",
        vec![],
    )
}

pub(super) fn problem_code_internal() -> &'static str {
    problem_code::INTERNAL
}

/// The platform gave no random bytes for an access token: nothing is registered.
pub(super) fn no_randomness() -> Reply {
    problem(
        500,
        problem_code::INTERNAL,
        "No random source for the access token",
        vec![],
    )
}

/// A 429 answer.
pub fn rate_limited(seconds: u32) -> Reply {
    let mut r = problem(429, problem_code::RATE_LIMITED, "Too many attempts", vec![]);
    if let Ok(mut p) = serde_json::from_str::<Problem>(&r.body) {
        p.retry_after = Some(seconds);
        r.body = to_json(&p);
    }
    r.retry_after = Some(seconds);
    r
}

pub(super) fn shape_problem(e: &serde_json::Error) -> Reply {
    // serde's message names the field; keep it generic for the pointer.
    let _ = e;
    problem(
        422,
        problem_code::VALIDATION,
        "The body does not have the contract's shape",
        vec![FieldError::new(String::new(), field_code::INVALID_FORMAT)],
    )
}
