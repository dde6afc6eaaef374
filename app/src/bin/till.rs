//! Mounts the cashier's till (`/staff`) on the page body: the bundle a shop's tablet loads.
#![forbid(unsafe_code)]

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(regulars_app::TillApp);
}
