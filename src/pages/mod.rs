//! One page (route) per file.

pub mod about;
pub mod catalogue;
pub mod dispute;
pub mod down;
pub mod home;
pub mod item;
pub mod not_found;
pub mod objection;
pub mod objection_form;
pub mod register;
pub mod request;
pub mod statistics;
pub mod status;
