//! Mounts the whole of Regulars on the page body: the bundle for the till (`/staff`) and the
//! owner's pages (`/admin`). `src/bin/shopper.rs` mounts the shopper's smaller one.
#![forbid(unsafe_code)]

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(regulars_app::App);
}
