//! Working without a network: the service worker's glue, the outbox of submissions waiting to be
//! sent, and the connection indicator.

pub mod device;
pub mod outbox;
pub mod sw;
