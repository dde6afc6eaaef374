//! Regulars in the browser: the shopper's cards (`/`, `/join/:slug`, `/card/:id`), the cashier's
//! till (`/staff`) and the owner's pages (`/admin`): one Leptos crate, two bundles (see `app.rs`).
#![forbid(unsafe_code)]

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod i18n;
pub mod offline;
pub mod pages;
pub mod state;

pub use app::{OwnerApp, ShopperApp, TillApp};
