//! One module per route.

pub mod admin;
pub mod card;
pub mod join;
pub mod not_found;
pub mod poster;
pub mod profile;
pub mod recover;
pub mod till;
pub mod wallet;
