//! The server's integration tests: each starts the real server on port 0 with a fresh database.

mod access;
mod bad_input;
mod codes;
mod dishonest;
mod helpers;
mod join;
mod late;
mod migration;
mod openapi;
mod revoked;
mod setup;
mod staff;
mod static_files;
mod sync;
mod till;
