//! Working without a network: the service worker's glue, the outbox of submissions waiting to be
//! sent, the connection indicator, and kiosk mode (idle wipe, assisted mode, thermal receipts).

pub mod device;
pub mod kiosk;
pub mod kiosk_bar;
pub mod outbox;
pub mod sw;
