//! Plain Rust rules: dates, working days, deadlines, validation, search.

pub mod base64;
pub mod catalogue;
pub mod date;
pub mod deadlines;
pub mod draft;
pub mod search;
pub mod validate;
pub mod workdays;
