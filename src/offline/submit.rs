//! From "Kirim" to the wire, for both forms: the body is serialised once, sent with its
//! idempotency key, and if the backend cannot be reached the same body waits in the outbox under
//! the same key, so that whatever happens the citizen is registered at most once.

use super::outbox::{can_wait, Kind, Outbox};
use crate::api::{decode, AnyBackend, ApiError, Backend};
use crate::contract::FieldError;
use crate::json::FromJson;

/// How a submission ended.
pub enum Sent<R> {
    /// Registered: the backend's receipt.
    Registered(R),
    /// The backend refused the answers: each error belongs at its field.
    Invalid(Vec<FieldError>),
    /// Waiting in the outbox (the backend could not be reached): its local reference.
    Queued(String),
    /// Neither sent nor kept (refused, or a device that keeps nothing): "Kirim lagi" sends the same
    /// key again.
    Failed(ApiError),
}

/// Sends `body` (the contract's JSON) as `kind` with `key`; queues it when it can wait.
pub async fn submit<R: FromJson>(
    backend: AnyBackend,
    outbox: Outbox,
    kind: Kind,
    key: String,
    body: String,
) -> Sent<R> {
    let result = backend
        .submit(kind, key.clone(), body.clone())
        .await
        .and_then(decode::<R>);
    match result {
        Ok(receipt) => Sent::Registered(receipt),
        Err(ApiError::Invalid(errors)) if !errors.is_empty() => Sent::Invalid(errors),
        Err(e) if can_wait(&e) => match outbox.queue(kind, key, body).await {
            Ok(local) => Sent::Queued(local),
            Err(()) => Sent::Failed(e),
        },
        Err(e) => Sent::Failed(e),
    }
}
