//! The outbox: submissions made without a connection, kept in IndexedDB with their idempotency
//! key and sent exactly once when the backend can be reached.

use leptos::prelude::*;

/// The connection indicator and the outbox's sender, shown in every bundle's shell.
#[component]
pub fn Connection() -> impl IntoView {}

/// Deletes every outbox entry that has been accepted (and any other outbox data), keeping only the
/// submissions not yet sent: the kiosk's wipe calls this.
pub async fn keep_only_unsent() {}
