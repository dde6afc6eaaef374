//! Mounts the owner's pages (`/admin`) on the page body. `src/bin/shopper.rs` mounts the
//! shopper's card and `src/bin/till.rs` the till.
#![forbid(unsafe_code)]

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(regulars_app::OwnerApp);
}
