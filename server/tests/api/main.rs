//! The server's integration tests: each starts the real server on port 0 with a fresh database,
//! SQLite by default, PostgreSQL when `REGULARS_TEST_POSTGRES` names a server (`cargo xtask test
//! --only postgres` starts one): the same suite on both engines.

#[path = "../common/database.rs"]
mod database;

mod access;
mod bad_input;
mod clv;
mod codes;
mod dishonest;
mod helpers;
mod imports;
mod insights;
mod join;
mod late;
mod migration;
mod nps;
mod offers;
mod openapi;
mod operations;
mod replicas;
mod revoked;
mod setup;
mod staff;
mod static_files;
mod sync;
mod till;
