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

/// The readable text colour on a brand colour: white on dark colours, near-black on light
/// ones. The stylesheet computes the same from `--brand`.
pub fn ink_for(color: &str) -> Option<&'static str> {
    let (r, g, b) = parse_hex(color)?;
    Some(if relative_luminance(r, g, b) > 0.179 {
        "#111111"
    } else {
        "#ffffff"
    })
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
    use super::{brand_style, ink_for};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn dark_brands_get_white_text_and_light_brands_dark_text() {
        assert_eq!(brand_style("#B4532A"), ("--brand", "#b4532a".to_string()));
        assert_eq!(ink_for("#b4532a"), Some("#ffffff"));
        assert_eq!(ink_for("#FFD700"), Some("#111111"));
    }

    #[wasm_bindgen_test]
    fn an_invalid_colour_keeps_the_default() {
        for bad in ["red", "#12345", "#12345g"] {
            assert_eq!(brand_style(bad), ("--brand", String::new()));
            assert_eq!(ink_for(bad), None);
        }
    }
}
