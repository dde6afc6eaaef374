//! A shop's brand colour as CSS custom properties.

/// `--brand` and a readable text colour on it (`--brand-ink`), for the `style` attribute of a
/// shop page's root element. An invalid colour falls back to the app's default.
pub fn brand_style(color: &str) -> String {
    let Some((r, g, b)) = parse_hex(color) else {
        return String::new();
    };
    let ink = if relative_luminance(r, g, b) > 0.179 {
        "#111111"
    } else {
        "#ffffff"
    };
    format!("--brand: #{r:02x}{g:02x}{b:02x}; --brand-ink: {ink};")
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
    use super::brand_style;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn dark_brands_get_white_text_and_light_brands_dark_text() {
        assert_eq!(
            brand_style("#b4532a"),
            "--brand: #b4532a; --brand-ink: #ffffff;"
        );
        assert_eq!(
            brand_style("#FFD700"),
            "--brand: #ffd700; --brand-ink: #111111;"
        );
    }

    #[wasm_bindgen_test]
    fn an_invalid_colour_keeps_the_default() {
        assert_eq!(brand_style("red"), "");
        assert_eq!(brand_style("#12345"), "");
        assert_eq!(brand_style("#12345g"), "");
    }
}
