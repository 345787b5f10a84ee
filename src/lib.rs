//! PPID portal: the citizen-facing front door of a public information service (UU 14/2008).
//!
//! `contract`, `domain`, `json` and `reference` are plain Rust and build on the host; everything
//! that touches the browser is compiled for wasm32 only.

pub mod contract;
pub mod domain;
pub mod i18n;
pub mod json;
pub mod reference;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod kiosk;
#[cfg(target_arch = "wasm32")]
pub mod offline;
#[cfg(target_arch = "wasm32")]
pub mod pages;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;
