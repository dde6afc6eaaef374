//! State shared by pages, provided once by [`crate::App`] as context.

use leptos::prelude::*;
use regulars_protocol::wire::OwnerShop;

use crate::offline::{OfflineError, Store};

/// What the owner's pages know about the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerSession {
    /// Not asked yet.
    Unknown,
    /// No session (401): show the setup and login forms.
    LoggedOut,
    LoggedIn(Box<OwnerShop>),
}

/// The app's shared state. Pages read it with `expect_context::<AppState>()`.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The IndexedDB database this app uses (tests use another).
    pub db_name: &'static str,
    /// The owner's session, shared by the dashboard and the poster.
    pub owner: RwSignal<OwnerSession>,
}

impl AppState {
    pub fn new(db_name: &'static str) -> Self {
        Self {
            db_name,
            owner: RwSignal::new(OwnerSession::Unknown),
        }
    }

    /// Opens the app's IndexedDB database.
    pub async fn store(&self) -> Result<Store, OfflineError> {
        Store::open(self.db_name).await
    }
}
