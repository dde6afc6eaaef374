//! The grid of stamp boxes on a stamp card.

use leptos::prelude::*;

use crate::i18n::{Msg, t};

/// How many boxes of a grid of `size` are filled at `balance`: full once the balance reaches
/// the grid, otherwise the balance.
pub fn filled_boxes(balance: i64, size: i64) -> i64 {
    let size = size.max(1);
    balance.clamp(0, size)
}

/// `size` boxes, `filled` of them stamped.
#[component]
pub fn StampGrid(filled: i64, size: i64) -> impl IntoView {
    let size = size.clamp(1, 50);
    let label = t(Msg::StampGridLabel { filled, size });
    view! {
        <ol class="stamp-grid" data-testid="stamp-grid" aria-label=label>
            {(0..size)
                .map(|i| {
                    let on = i < filled;
                    view! {
                        <li class="stamp" class:stamp-filled=on data-filled=on.to_string() aria-hidden="true"></li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use super::filled_boxes;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_grid_fills_up_to_its_size_and_stays_full() {
        assert_eq!(filled_boxes(0, 10), 0);
        assert_eq!(filled_boxes(3, 10), 3);
        assert_eq!(filled_boxes(10, 10), 10);
        assert_eq!(filled_boxes(14, 10), 10);
        assert_eq!(filled_boxes(-2, 10), 0);
        assert_eq!(filled_boxes(1, 0), 1);
    }
}
