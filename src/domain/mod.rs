//! Plain Rust rules: dates, working days, deadlines, objection eligibility, validation, search.

pub mod base64;
pub mod catalogue;
pub mod complaint;
pub mod date;
pub mod deadlines;
pub mod draft;
pub mod figures;
pub mod kiosk;
pub mod objection;
pub mod outbox;
pub mod search;
pub mod validate;
pub mod workdays;
