//! Mounts the shopper's part of Regulars (the card, joining, recovery) on the page body: the
//! smaller bundle a phone loads. `src/main.rs` mounts the whole app for the till and the owner.
#![forbid(unsafe_code)]

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(regulars_app::ShopperApp);
}
