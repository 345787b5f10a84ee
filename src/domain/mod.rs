//! Plain Rust rules: dates, working days, deadlines, objection eligibility, validation, search.

pub mod base64;
pub mod catalogue;
pub mod contrast;
pub mod date;
pub mod deadlines;
pub mod draft;
pub mod kiosk;
pub mod objection;
pub mod search;
pub mod theme;
pub mod validate;
pub mod workdays;
