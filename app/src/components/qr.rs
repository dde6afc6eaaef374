//! A QR code drawn as SVG by the `qrcode` crate, and the countdown of a card's live code.

use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::i18n::{Msg, t};

/// The QR code of `data` at error correction M (15 % of the symbol can be lost: a scratched
/// screen, a glare). Base45 text (a card code) is encoded in alphanumeric mode, so a phone's
/// 128-character code is a version 6 symbol.
fn qr_code(data: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).ok()
}

/// The SVG markup of a QR code for `data`: dark on light, with its quiet zone.
pub fn qr_svg(data: &str) -> Option<String> {
    let markup = qr_code(data)?
        .render::<svg::Color<'_>>()
        .min_dimensions(256, 256)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build();
    // Drop the XML declaration: the SVG is inlined into HTML.
    let start = markup.find("<svg").unwrap_or(0);
    Some(markup[start..].to_owned())
}

/// A QR code image with an accessible name.
#[component]
pub fn QrImage(
    /// The text to encode.
    #[prop(into)]
    data: Signal<String>,
    /// The accessible name, for example "Card QR code".
    #[prop(into)]
    label: String,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let markup = Memo::new(move |_| qr_svg(&data.read()).unwrap_or_default());
    view! {
        <div class=format!("qr {class}") role="img" aria-label=label inner_html=markup></div>
    }
}

/// A ring that empties while the current code's time runs out, and the seconds left: the
/// cashier sees the code is live, not a screenshot.
#[component]
pub fn CodeCountdown(
    /// Seconds until the next code, from `total` down to 1.
    #[prop(into)]
    left: Signal<i64>,
    /// Seconds a code lasts.
    total: i64,
) -> impl IntoView {
    let total = total.max(1);
    // The ring's length is 100 (`pathLength`): the offset is the part already used.
    let used = move || (100 - left.get().clamp(0, total) * 100 / total).to_string();
    view! {
        <span class="code-countdown" data-testid="code-countdown">
            <svg class="countdown-ring" viewBox="0 0 36 36" aria-hidden="true">
                <circle class="countdown-track" cx="18" cy="18" r="15" />
                <circle
                    class="countdown-fill"
                    cx="18"
                    cy="18"
                    r="15"
                    pathLength="100"
                    stroke-dasharray="100"
                    stroke-dashoffset=used
                    transform="rotate(-90 18 18)"
                />
            </svg>
            <span class="countdown-text">{move || t(Msg::NewCodeIn(left.get()))}</span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use qrcode::Version;
    use regulars_protocol::{CardCode, CardId};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn a_phones_rotating_code_is_a_version_6_qr_at_level_m() {
        let code = CardCode::Rotating {
            card_id: CardId(uuid::Uuid::from_u128(u128::MAX)),
            step: u32::MAX,
            signature: [0xff; 64],
        }
        .encode();
        assert_eq!(code.len(), 128);
        let qr = qr_code(&code).expect("a card code fits a QR code");
        assert_eq!(qr.error_correction_level(), EcLevel::M);
        assert_eq!(qr.version(), Version::Normal(6));
    }

    #[wasm_bindgen_test]
    fn any_128_character_base45_text_fits_version_7_or_lower() {
        // The worst case of the alphanumeric alphabet, not only real codes.
        let code = format!(
            "R2{}",
            "$%*+-./: Z9".repeat(12).get(..126).unwrap_or_default()
        );
        assert_eq!(code.len(), 128);
        let Version::Normal(version) = qr_code(&code).expect("fits").version() else {
            panic!("a micro QR code");
        };
        assert!(version <= 7, "version {version}");
    }

    #[wasm_bindgen_test]
    fn a_printed_cards_code_is_a_version_5_qr() {
        let code = CardCode::Printed {
            card_id: CardId(uuid::Uuid::from_u128(u128::MAX)),
            signature: [0xff; 64],
        }
        .encode();
        assert_eq!(code.len(), 122);
        assert_eq!(qr_code(&code).expect("fits").version(), Version::Normal(5));
    }
}
