//! KML `Style` and simplestyle properties, both ways.
//!
//! KML colours are `aabbggrr` hex (alpha, blue, green, red: the reverse of
//! the web's `#rrggbb`), with the opacity in the alpha byte; simplestyle
//! keeps the opacity apart (`stroke-opacity`, `fill-opacity`, 0 to 1).
//! Opacities read back from a KML alpha byte are rounded to 2 decimals
//! (a byte holds 1/255 steps), so 0.08 written is 0.08 read.

use geojson::{JsonObject, JsonValue};

/// The parts of a KML `Style` strikemap reads and writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct KmlStyle {
    icon_color: Option<String>,
    icon_scale: Option<f64>,
    line_color: Option<String>,
    line_width: Option<f64>,
    poly_color: Option<String>,
    poly_fill: Option<bool>,
}

/// `#rrggbb` (or `#rgb`) and an opacity as KML `aabbggrr`.
pub(crate) fn kml_colour(web: &str, opacity: f64) -> Option<String> {
    let hex = web.strip_prefix('#')?;
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    if !full.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full = full.to_ascii_lowercase();
    let alpha = (opacity.clamp(0.0, 1.0) * 255.0).round() as u8;
    Some(format!(
        "{alpha:02x}{}{}{}",
        &full[4..6],
        &full[2..4],
        &full[0..2]
    ))
}

/// KML `aabbggrr` as `#rrggbb` and an opacity (2 decimals).
pub(crate) fn web_colour(kml: &str) -> Option<(String, f64)> {
    let hex = kml.trim().trim_start_matches('#');
    if hex.len() != 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let hex = hex.to_ascii_lowercase();
    let alpha = u8::from_str_radix(&hex[0..2], 16).ok()?;
    let opacity = (f64::from(alpha) / 255.0 * 100.0).round() / 100.0;
    Some((
        format!("#{}{}{}", &hex[6..8], &hex[4..6], &hex[2..4]),
        opacity,
    ))
}

/// The icon scale of a `marker-size`, and back.
const SCALES: [(&str, f64); 3] = [("small", 0.8), ("medium", 1.0), ("large", 1.3)];

impl KmlStyle {
    /// Takes the text of an element inside a `Style`.
    pub(crate) fn read(&mut self, name: &str, parent: Option<&str>, text: &str) {
        match (parent, name) {
            (Some("IconStyle"), "color") => self.icon_color = Some(text.to_string()),
            (Some("IconStyle"), "scale") => self.icon_scale = text.parse().ok(),
            (Some("LineStyle"), "color") => self.line_color = Some(text.to_string()),
            (Some("LineStyle"), "width") => self.line_width = text.parse().ok(),
            (Some("PolyStyle"), "color") => self.poly_color = Some(text.to_string()),
            (Some("PolyStyle"), "fill") => self.poly_fill = Some(text != "0" && text != "false"),
            _ => {}
        }
    }

    /// Adds the style as simplestyle properties.
    pub(crate) fn to_simplestyle(&self, props: &mut JsonObject) {
        let mut set = |k: &str, v: JsonValue| {
            props.insert(k.to_string(), v);
        };
        if let Some((colour, _)) = self.icon_color.as_deref().and_then(web_colour) {
            set("marker-color", colour.into());
        }
        if let Some(scale) = self.icon_scale {
            let size = SCALES
                .iter()
                .min_by(|a, b| (a.1 - scale).abs().total_cmp(&(b.1 - scale).abs()))
                .map_or("medium", |s| s.0);
            set("marker-size", size.into());
        }
        if let Some((colour, opacity)) = self.line_color.as_deref().and_then(web_colour) {
            set("stroke", colour.into());
            set("stroke-opacity", opacity.into());
        }
        if let Some(width) = self.line_width {
            set("stroke-width", width.into());
        }
        if let Some((colour, opacity)) = self.poly_color.as_deref().and_then(web_colour) {
            set("fill", colour.into());
            let opacity = if self.poly_fill == Some(false) {
                0.0
            } else {
                opacity
            };
            set("fill-opacity", opacity.into());
        }
    }

    /// The style simplestyle properties ask for, as KML (`<Style>...`), or
    /// nothing if they set none. Opacities default as simplestyle-spec 1.1
    /// has them (stroke 1, fill 0.6).
    pub(crate) fn write_from(props: &JsonObject) -> Option<String> {
        let text = |k: &str| props.get(k).and_then(JsonValue::as_str);
        let number = |k: &str| props.get(k).and_then(JsonValue::as_f64);
        let mut out = String::new();
        if let Some(colour) = text("marker-color").and_then(|c| kml_colour(c, 1.0)) {
            let scale = text("marker-size")
                .and_then(|s| SCALES.iter().find(|(n, _)| *n == s))
                .map_or(1.0, |s| s.1);
            out.push_str(&format!(
                "<IconStyle><color>{colour}</color><scale>{scale}</scale>\
                 <Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle>"
            ));
        }
        if let Some(colour) =
            text("stroke").and_then(|c| kml_colour(c, number("stroke-opacity").unwrap_or(1.0)))
        {
            let width = number("stroke-width").unwrap_or(2.0);
            out.push_str(&format!(
                "<LineStyle><color>{colour}</color><width>{width}</width></LineStyle>"
            ));
        }
        if let Some(colour) =
            text("fill").and_then(|c| kml_colour(c, number("fill-opacity").unwrap_or(0.6)))
        {
            let outline = u8::from(text("stroke").is_some());
            out.push_str(&format!(
                "<PolyStyle><color>{colour}</color><fill>1</fill><outline>{outline}</outline></PolyStyle>"
            ));
        }
        (!out.is_empty()).then(|| format!("<Style>{out}</Style>"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_aabbggrr() {
        assert_eq!(kml_colour("#d62728", 1.0).as_deref(), Some("ff2827d6"));
        assert_eq!(kml_colour("#abc", 0.5).as_deref(), Some("80ccbbaa"));
        assert_eq!(kml_colour("red", 1.0), None);
        assert_eq!(web_colour("ff2827d6"), Some(("#d62728".into(), 1.0)));
        for opacity in [0.0, 0.08, 0.15, 0.5, 0.9, 1.0] {
            let kml = kml_colour("#2ca02c", opacity).unwrap_or_default();
            assert_eq!(web_colour(&kml).map(|c| c.1), Some(opacity), "{kml}");
        }
        assert_eq!(web_colour("ff00"), None);
    }
}
