//! What the Regulars phone, tablet and server agree on.
//!
//! - [`ids`]: typed ids (`CardId`, `ShopId`, ...), never bare strings.
//! - [`program`]: the earning rule and the rewards of a shop's loyalty program.
//! - [`ledger`]: the events that change a balance and the fold that turns them into one.
//! - [`card_code`]: the text inside a card's QR code, behind one codec.
//! - [`card_events`]: what a shopper does on the card (survey answers), pushed from the phone.
//! - [`nps`]: the recommend question's rules and its score.
//! - [`offers`]: what an offer gives whom and when, and the holdout every offer keeps.
//! - [`codes`]: what the server says about events (flags, refusals, compensation reasons,
//!   origins), as codes the app says in words.
//! - [`staff`]: staff roles, PINs, the pause after wrong PINs and who may undo what.
//! - [`insights`]: what the owner's Insights pages read.
//! - [`wire`]: request and response bodies of the `/api/v1` JSON API.
//!
//! This crate compiles for `wasm32-unknown-unknown` and for the server: it holds no I/O.
#![forbid(unsafe_code)]

pub mod card_code;
pub mod card_events;
pub mod codes;
pub mod ids;
pub mod imports;
pub mod insights;
pub mod ledger;
pub mod nps;
pub mod offers;
pub mod pages;
pub mod program;
pub mod staff;
pub mod wire;

pub use card_code::{CardCode, CardCodeError, CardKey, CodeRefused, Verified};
pub use codes::{CompensationReason, ErrorCode, Flag, Origin, Refusal};
pub use ids::*;
pub use ledger::{Balance, Event, EventBody, RedemptionRefused};
pub use program::{Category, Program, ProgramKind, Reward};
pub use staff::StaffRole;
