//! Working without a network: the service worker's glue, the one way from a form to the wire, the
//! outbox of submissions waiting to be sent, and what this device may keep of a citizen's data.
//! Mechanisms only: what the citizen sees of them is in `components/` (the connection indicator,
//! the provisional receipt, the update offer).

pub mod device;
pub mod outbox;
pub mod submit;
pub mod sw;
