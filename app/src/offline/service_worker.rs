//! The service worker (`public/sw.js`): registered once at start so the app shell works without
//! signal, and the page learns when a new build has downloaded and is waiting to take over.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// How often an open page checks for a new build, besides when it becomes visible again.
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

fn worker_container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Outside a secure context (plain http on a LAN address) browsers have no service worker.
    let present = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers the worker; `on_waiting` is called with a new build's worker once it has
/// downloaded everything and waits (only when this page already runs under a worker: the very
/// first install needs no prompt).
pub fn register(on_waiting: impl Fn(ServiceWorker) + 'static) {
    let Some(container) = worker_container() else {
        return;
    };
    let on_waiting: Rc<dyn Fn(ServiceWorker)> = Rc::new(on_waiting);
    let promise = container.register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let (Some(waiting), Some(_)) = (registration.waiting(), container.controller()) {
            on_waiting(waiting);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_waiting = on_waiting.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                let controlled = worker_container().and_then(|c| c.controller()).is_some();
                if worker.state() == ServiceWorkerState::Installed && controlled {
                    on_waiting(worker.clone());
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();

        // Look for a new build now and then while the page stays open.
        let checked = registration.clone();
        let check = Closure::<dyn Fn()>::new(move || {
            let _ = checked.update();
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
                check.as_ref().unchecked_ref(),
                UPDATE_CHECK_MS,
            );
            if let Some(document) = window.document() {
                let _ = document.add_event_listener_with_callback(
                    "visibilitychange",
                    check.as_ref().unchecked_ref(),
                );
            }
        }
        check.forget();
    });
}

/// Lets the waiting build take over, and reloads the page once it has.
pub fn activate(waiting: &ServiceWorker) {
    if let Some(container) = worker_container() {
        let reload = Closure::<dyn Fn()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
    }
    let _ = waiting.post_message(&"skip-waiting".into());
}
