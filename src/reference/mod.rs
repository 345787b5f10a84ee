//! The contract's behaviour in plain Rust, no browser types.
//! Run in the browser by the demo adapter and natively behind the test HTTP server.

pub mod seed;
pub use seed::{Seed, StoredObjection, StoredRequest};
