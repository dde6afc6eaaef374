//! Keyboard-wedge scanners: a USB or Bluetooth scanner "types" the card code and presses Enter.
//! When no text field has focus, the keys land on the document; collect them here.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Keys further apart than this start a new code.
const MAX_GAP_MS: f64 = 3_000.0;

/// Calls `on_code` with every code typed (and ended by Enter) while no text field has focus.
pub fn listen(on_code: impl Fn(String) + 'static) {
    let buffer = StoredValue::new(String::new());
    let last_key_at = StoredValue::new(0.0_f64);
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.is_composing() {
            return;
        }
        if text_field_has_focus() {
            buffer.update_value(String::clear);
            return;
        }
        let now = js_sys::Date::now();
        if now - last_key_at.get_value() > MAX_GAP_MS {
            buffer.update_value(String::clear);
        }
        last_key_at.set_value(now);
        let key = event.key();
        if key == "Enter" {
            let code = buffer.with_value(|b| b.trim().to_owned());
            buffer.update_value(String::clear);
            if !code.is_empty() {
                // Do not also press whatever button has focus.
                event.prevent_default();
                on_code(code);
            }
        } else if key == " " && buffer.with_value(String::is_empty) {
            // No code starts with a space: this one presses the focused button (keyboard users
            // press buttons with Space as well as Enter).
        } else if key.chars().count() == 1 {
            event.prevent_default();
            buffer.update_value(|b| b.push_str(&key));
        }
    });
    on_cleanup(move || handle.remove());
}

fn text_field_has_focus() -> bool {
    let Some(active) = document().active_element() else {
        return false;
    };
    let tag = active.tag_name().to_ascii_uppercase();
    if tag == "TEXTAREA" || tag == "SELECT" {
        return true;
    }
    if let Some(input) = active.dyn_ref::<web_sys::HtmlInputElement>() {
        // Checkboxes, radios and buttons do not take text.
        return !matches!(
            input.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "color" | "range" | "file"
        );
    }
    active
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|el| el.is_content_editable())
}
