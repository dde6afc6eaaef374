//! A shop's brand colour as a CSS custom property.
//!
//! The page sets only `--brand`, through the CSSOM (`style.setProperty`), never a `style`
//! attribute, so the Content-Security-Policy needs no `'unsafe-inline'`. The readable text
//! colour on it, `--brand-ink`, is derived in `style/main.css` from the colour's lightness with
//! the same threshold as [`ink_for`] (WCAG relative luminance 0.179, CIE L* 49.44).

/// `("--brand", "#rrggbb")` for a shop page's root element (`style=brand_style(..)` in a
/// view). An invalid colour gives an empty value: the app's default stays.
pub fn brand_style(color: &str) -> (&'static str, String) {
    let value = parse_hex(color)
        .map(|(r, g, b)| format!("#{r:02x}{g:02x}{b:02x}"))
        .unwrap_or_default();
    ("--brand", value)
}

/// The readable text colour on a brand colour: white on dark colours, black on light ones. The
/// stylesheet computes the same from `--brand` (`lch(0 0 0)` or `lch(100 0 0)`).
pub fn ink_for(color: &str) -> Option<&'static str> {
    let (r, g, b) = parse_hex(color)?;
    Some(if relative_luminance(r, g, b) > 0.179 {
        "#000000"
    } else {
        "#ffffff"
    })
}

/// The text colour derived for a brand colour (white or not) and its WCAG contrast ratio with
/// it: at least 4.5 whatever the colour (the larger of its contrasts with white and with
/// black never falls below about 4.58, at the threshold's luminance of 0.179; a near-black
/// would leave colours about there below AA).
pub fn ink_contrast(color: &str) -> Option<(bool, f64)> {
    let (r, g, b) = parse_hex(color)?;
    let brand = relative_luminance(r, g, b);
    let white = ink_for(color)? == "#ffffff";
    let ink = if white { 1.0 } else { 0.0 };
    let (light, dark) = if brand > ink {
        (brand, ink)
    } else {
        (ink, brand)
    };
    Some((white, (light + 0.05) / (dark + 0.05)))
}

/// The brand colour with sample text on it, and what the text colour is and how well it reads,
/// under the colour field of the setup and settings forms.
#[leptos::component]
pub fn BrandPreview(brand: leptos::prelude::RwSignal<String>) -> impl leptos::IntoView {
    use crate::i18n::{Msg, t};
    use leptos::prelude::*;
    let note = move || {
        ink_contrast(&brand.get()).map(|(white, ratio)| {
            t(Msg::BrandInk {
                white,
                // Rounded down, so the figure never claims more contrast than there is.
                ratio_tenths: (ratio * 10.0).floor() as i64,
            })
        })
    };
    view! {
        <div class="brand-preview" data-testid="brand-preview">
            <p class="brand-preview-sample" style=move || brand_style(&brand.get())>
                {t(Msg::BrandInkSample)}
            </p>
            <p class="field-hint" role="status">{note}</p>
        </div>
    }
}

fn parse_hex(color: &str) -> Option<(u8, u8, u8)> {
    let hex = color.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// WCAG relative luminance.
fn relative_luminance(r: u8, g: u8, b: u8) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

#[cfg(test)]
mod tests {
    use super::{brand_style, ink_contrast, ink_for};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn dark_brands_get_white_text_and_light_brands_dark_text() {
        assert_eq!(brand_style("#B4532A"), ("--brand", "#b4532a".to_string()));
        assert_eq!(ink_for("#b4532a"), Some("#ffffff"));
        assert_eq!(ink_for("#FFD700"), Some("#000000"));
    }

    #[wasm_bindgen_test]
    fn the_derived_text_meets_wcag_aa_on_every_colour() {
        // WCAG's own end points: white on black is 21:1.
        assert_eq!(
            ink_contrast("#000000").map(|(w, r)| (w, r.round())),
            Some((true, 21.0))
        );
        // The hardest colours sit where white and black read about alike.
        let mut worst = f64::MAX;
        for r in (0..=255).step_by(15) {
            for g in (0..=255).step_by(15) {
                for b in (0..=255).step_by(15) {
                    let (_, ratio) = ink_contrast(&format!("#{r:02x}{g:02x}{b:02x}")).unwrap();
                    worst = worst.min(ratio);
                }
            }
        }
        assert!(worst >= 4.5, "worst contrast {worst}");
        // The shop default's terracotta takes white text.
        let (white, ratio) = ink_contrast("#b4532a").unwrap();
        assert!(white && ratio > 4.5, "{ratio}");
        assert_eq!(ink_contrast("#ffd700").map(|(w, _)| w), Some(false));
        assert_eq!(ink_contrast("red"), None);
    }

    #[wasm_bindgen_test]
    fn an_invalid_colour_keeps_the_default() {
        for bad in ["red", "#12345", "#12345g"] {
            assert_eq!(brand_style(bad), ("--brand", String::new()));
            assert_eq!(ink_for(bad), None);
        }
    }
}
