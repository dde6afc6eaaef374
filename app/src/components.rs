//! Reusable components. They take props only; pages own the state.

pub mod brand;
pub mod feedback;
pub mod history;
pub mod nps_question;
pub mod offers;
pub mod qr;
pub mod recovery_code;
pub mod reward_progress;
pub mod stamp_grid;
pub mod update_prompt;
