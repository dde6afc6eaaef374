//! Mounts the Regulars app on the page body.
#![forbid(unsafe_code)]

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(regulars_app::App);
}
