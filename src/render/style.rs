//! Colours and paint: simplestyle properties read once, as drawn.

use serde_json::{Map as JsonMap, Value};

/// An opaque sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rgb` or `#rrggbb` (simplestyle's forms, with or without `#`).
    pub(crate) fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().trim_start_matches('#');
        let digit = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub(crate) fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// How one feature is drawn: strokes and fills as simplestyle has them,
/// markers as a filled circle of a radius in pixels (at 1600 px wide).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Paint {
    pub stroke: Option<Rgb>,
    pub stroke_width: f64,
    pub stroke_opacity: f64,
    pub dash: bool,
    pub fill: Option<Rgb>,
    pub fill_opacity: f64,
    pub marker: Rgb,
    pub marker_radius: f64,
}

impl Default for Paint {
    fn default() -> Paint {
        Paint {
            stroke: Some(Rgb(0x55, 0x55, 0x55)),
            stroke_width: 2.0,
            stroke_opacity: 1.0,
            dash: false,
            fill: None,
            fill_opacity: 0.25,
            marker: Rgb(0x7e, 0x7e, 0x7e),
            marker_radius: 7.0,
        }
    }
}

impl Paint {
    /// The paint of a GeoJSON feature from its simplestyle properties
    /// (`stroke`, `stroke-width`, `stroke-opacity`, `fill`, `fill-opacity`,
    /// `marker-color`, `marker-size`); what is missing or unreadable keeps
    /// the default (simplestyle's own: grey, a 0.6 fill opacity for areas).
    pub(crate) fn from_simplestyle(props: &JsonMap<String, Value>, is_area: bool) -> Paint {
        let mut p = Paint::default();
        let colour = |k: &str| props.get(k).and_then(Value::as_str).and_then(Rgb::parse);
        let number = |k: &str| {
            props
                .get(k)
                .and_then(Value::as_f64)
                .filter(|v| v.is_finite())
        };
        if let Some(c) = colour("stroke") {
            p.stroke = Some(c);
        }
        if let Some(w) = number("stroke-width") {
            p.stroke_width = w.clamp(0.0, 20.0);
        }
        if let Some(o) = number("stroke-opacity") {
            p.stroke_opacity = o.clamp(0.0, 1.0);
        }
        if is_area {
            p.fill = Some(colour("fill").unwrap_or(Rgb(0x55, 0x55, 0x55)));
            p.fill_opacity = number("fill-opacity").map_or(0.6, |o| o.clamp(0.0, 1.0));
        }
        if let Some(c) = colour("marker-color") {
            p.marker = c;
        }
        p.marker_radius = match props.get("marker-size").and_then(Value::as_str) {
            Some("small") => 5.5,
            Some("large") => 9.0,
            _ => 7.0,
        };
        p
    }
}

/// Text escaped for XML and HTML (element content and quoted attributes).
pub(crate) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => s.push(c),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_escapes() {
        assert_eq!(Rgb::parse("#1f77b4"), Some(Rgb(0x1f, 0x77, 0xb4)));
        assert_eq!(Rgb::parse("f00"), Some(Rgb(255, 0, 0)));
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("#gg0000"), None);
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
