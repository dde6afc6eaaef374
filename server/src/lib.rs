//! The Regulars server: the `/api/v1` JSON API over a SQLite ledger, and the built app.
//!
//! - [`startup`] builds the application (database, migrations, listener).
//! - [`routes`] is the whole route table; handlers live in `routes/<resource>.rs`.
//! - [`auth`] holds the extractors that say who may call a route.
//! - [`ledger`] holds the ledger's rules: what the server does with each pushed event.
//! - [`imports`] reads a shop's purchase history from a CSV file and commits it as a job.
//! - [`db`] holds every SQL statement, one file per aggregate.
//! - [`domain`] parses input into domain types at the edge.
#![forbid(unsafe_code)]

pub mod auth;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod export;
pub mod imports;
pub mod insights;
pub mod ledger;
pub mod limits;
pub mod maintenance;
pub mod offers;
pub mod openapi;
pub mod routes;
pub mod startup;
pub mod telemetry;
