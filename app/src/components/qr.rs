//! A QR code drawn as SVG by the `qrcode` crate.

use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG markup of a QR code for `data`: dark on light, with its quiet zone. Base45 text
/// (a card code) is encoded in alphanumeric mode.
pub fn qr_svg(data: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).ok()?;
    let markup = code
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
