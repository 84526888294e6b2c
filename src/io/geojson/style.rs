//! [`Style`]: simplestyle-spec properties, with a default per [`FeatureKind`].
//!
//! geojson.io, GitHub and many web maps colour features from these
//! properties (simplestyle-spec 1.1.0, <https://github.com/mapbox/simplestyle-spec>).
//! Colours are the Tableau 10 palette (Tableau Software, also matplotlib's
//! default cycle); marker symbols are Maki icon names
//! (<https://github.com/mapbox/maki>).

use geojson::{JsonObject, JsonValue};

use super::FeatureKind;
use crate::error::{Error, Result};

/// The simplestyle-spec property names, in the order of the spec.
pub(crate) const STYLE_KEYS: [&str; 10] = [
    "title",
    "description",
    "marker-size",
    "marker-symbol",
    "marker-color",
    "stroke",
    "stroke-opacity",
    "stroke-width",
    "fill",
    "fill-opacity",
];

/// The size of a point marker (`marker-size`).
///
/// ```
/// assert_eq!(strikemap::io::geojson::MarkerSize::Large.name(), "large");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerSize {
    /// `"small"`.
    Small,
    /// `"medium"` (the spec's default).
    Medium,
    /// `"large"`.
    Large,
}

impl MarkerSize {
    /// The value written as `marker-size`.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::MarkerSize::Small.name(), "small");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            MarkerSize::Small => "small",
            MarkerSize::Medium => "medium",
            MarkerSize::Large => "large",
        }
    }
}

/// Styling for one feature or one kind of feature: any of the ten
/// simplestyle-spec properties (`marker-color`, `marker-symbol`,
/// `marker-size`, `stroke`, `stroke-width`, `stroke-opacity`, `fill`,
/// `fill-opacity`, `title`, `description`). Unset properties are not written.
///
/// Styles layer: the default for the feature's kind
/// ([`Style::default_for`]), then the per-kind override of
/// [`ExportOptions::with_style`](crate::io::geojson::ExportOptions::with_style), then the
/// feature's own [`MapFeature::style`](crate::io::geojson::MapFeature::style); a later
/// layer's set properties win ([`Style::merged`]).
///
/// ```
/// use strikemap::{io::geojson::{FeatureKind, Style}};
/// let red = Style::new().with_stroke("#d62728")?.with_stroke_width(4.0)?;
/// let merged = Style::default_for(FeatureKind::FrontLine).merged(&red);
/// assert_eq!(merged.get("stroke"), Some(&serde_json::json!("#d62728")));
/// assert_eq!(merged.get("stroke-width"), Some(&serde_json::json!(4.0)));
/// assert!(Style::new().with_fill_opacity(1.5).is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Style {
    properties: JsonObject,
}

fn check_colour(key: &str, colour: &str) -> Result<()> {
    let hex = colour.strip_prefix('#').unwrap_or("");
    if (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(Error::format(
            key.to_string(),
            "a colour \"#rrggbb\" or \"#rgb\"",
            format!("{colour:?}"),
        ))
    }
}

fn check_number(field: &'static str, value: f64, max: f64, expected: &'static str) -> Result<()> {
    if value.is_finite() && (0.0..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::InvalidNumber {
            field,
            value,
            expected,
        })
    }
}

impl Style {
    /// A style that sets nothing.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::Style::new().is_empty());
    /// ```
    pub fn new() -> Style {
        Style::default()
    }

    /// The default style of a kind: a Maki marker and colour for points, a
    /// stroke for lines, a stroke and translucent fill for areas. Air bases
    /// have large markers and strikes medium ones, so that a strike at an
    /// air base's exact position (drawn on top of it) leaves both visible;
    /// range rings without a stroke of their own are coloured by their
    /// order in the export (see [`MapExport`](crate::MapExport)).
    ///
    /// ```
    /// use strikemap::{io::geojson::{FeatureKind, Style}};
    /// let base = Style::default_for(FeatureKind::AirBase);
    /// assert_eq!(base.get("marker-symbol"), Some(&serde_json::json!("airfield")));
    /// ```
    pub fn default_for(kind: FeatureKind) -> Style {
        let mut s = Style::new();
        let mut set = |key: &str, value: JsonValue| {
            s.properties.insert(key.to_string(), value);
        };
        let point =
            |set: &mut dyn FnMut(&str, JsonValue), colour: &str, symbol: &str, size: MarkerSize| {
                set("marker-color", colour.into());
                set("marker-symbol", symbol.into());
                set("marker-size", size.name().into());
            };
        match kind {
            // Large, under the medium strike marker: a strike on an air
            // base at the same position leaves the base's marker showing
            // around it (geojson.io and other simplestyle viewers draw
            // later features on top; the catalog writes strikes last).
            FeatureKind::AirBase => point(&mut set, "#1f77b4", "airfield", MarkerSize::Large),
            FeatureKind::City => point(&mut set, "#7f7f7f", "town-hall", MarkerSize::Small),
            FeatureKind::Site => point(&mut set, "#9467bd", "marker", MarkerSize::Small),
            FeatureKind::Strike => point(&mut set, "#d62728", "danger", MarkerSize::Medium),
            FeatureKind::StrikeArc => {
                set("stroke", "#ff7f0e".into());
                set("stroke-width", 2.0.into());
                set("stroke-opacity", 0.9.into());
            }
            FeatureKind::FrontLine => {
                set("stroke", "#8c564b".into());
                set("stroke-width", 3.0.into());
                set("stroke-opacity", 1.0.into());
            }
            FeatureKind::RangeRing => {
                set("stroke", "#2ca02c".into());
                set("stroke-width", 2.0.into());
                set("stroke-opacity", 0.9.into());
                set("fill", "#2ca02c".into());
                set("fill-opacity", 0.08.into());
            }
            // Colour and symbol come from the ring or arc and the role
            // (see `marker.rs`); the kind's style is written over them.
            FeatureKind::Marker => set("marker-size", MarkerSize::Small.name().into()),
            FeatureKind::Territory => {
                set("stroke", "#555555".into());
                set("stroke-width", 1.0.into());
                set("stroke-opacity", 1.0.into());
                set("fill", "#bcbd22".into());
                set("fill-opacity", 0.15.into());
            }
        }
        s
    }

    fn with(mut self, key: &str, value: JsonValue) -> Style {
        self.properties.insert(key.to_string(), value);
        self
    }

    /// Sets `marker-color`.
    ///
    /// # Errors
    /// [`Error::Format`] unless the colour is `"#rrggbb"` or `"#rgb"` (hex digits).
    ///
    /// ```
    /// assert!(strikemap::io::geojson::Style::new().with_marker_color("#00ff00").is_ok());
    /// assert!(strikemap::io::geojson::Style::new().with_marker_color("green").is_err());
    /// ```
    pub fn with_marker_color(self, colour: &str) -> Result<Style> {
        check_colour("marker-color", colour)?;
        Ok(self.with("marker-color", colour.into()))
    }

    /// Sets `marker-symbol`: a Maki icon name (`"airfield"`, `"danger"`) or a
    /// single letter or digit.
    ///
    /// ```
    /// let s = strikemap::io::geojson::Style::new().with_marker_symbol("rocket");
    /// assert_eq!(s.get("marker-symbol"), Some(&serde_json::json!("rocket")));
    /// ```
    #[must_use]
    pub fn with_marker_symbol(self, symbol: &str) -> Style {
        self.with("marker-symbol", symbol.into())
    }

    /// Sets `marker-size`.
    ///
    /// ```
    /// use strikemap::{io::geojson::{MarkerSize, Style}};
    /// let s = Style::new().with_marker_size(MarkerSize::Large);
    /// assert_eq!(s.get("marker-size"), Some(&serde_json::json!("large")));
    /// ```
    #[must_use]
    pub fn with_marker_size(self, size: MarkerSize) -> Style {
        self.with("marker-size", size.name().into())
    }

    /// Sets `stroke` (the line colour).
    ///
    /// # Errors
    /// [`Error::Format`] unless the colour is `"#rrggbb"` or `"#rgb"`.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::Style::new().with_stroke("#abc").is_ok());
    /// ```
    pub fn with_stroke(self, colour: &str) -> Result<Style> {
        check_colour("stroke", colour)?;
        Ok(self.with("stroke", colour.into()))
    }

    /// Sets `stroke-width`, in screen pixels.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] unless the width is finite and in [0, 100].
    ///
    /// ```
    /// assert!(strikemap::io::geojson::Style::new().with_stroke_width(2.5).is_ok());
    /// assert!(strikemap::io::geojson::Style::new().with_stroke_width(f64::NAN).is_err());
    /// ```
    pub fn with_stroke_width(self, pixels: f64) -> Result<Style> {
        check_number(
            "stroke-width",
            pixels,
            100.0,
            "a width in pixels from 0 to 100",
        )?;
        Ok(self.with("stroke-width", pixels.into()))
    }

    /// Sets `stroke-opacity`, from 0 (invisible) to 1 (opaque).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] unless the opacity is in [0, 1].
    ///
    /// ```
    /// assert!(strikemap::io::geojson::Style::new().with_stroke_opacity(0.5).is_ok());
    /// ```
    pub fn with_stroke_opacity(self, opacity: f64) -> Result<Style> {
        check_number("stroke-opacity", opacity, 1.0, "an opacity from 0 to 1")?;
        Ok(self.with("stroke-opacity", opacity.into()))
    }

    /// Sets `fill` (the area colour).
    ///
    /// # Errors
    /// [`Error::Format`] unless the colour is `"#rrggbb"` or `"#rgb"`.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::Style::new().with_fill("#ff000").is_err());
    /// ```
    pub fn with_fill(self, colour: &str) -> Result<Style> {
        check_colour("fill", colour)?;
        Ok(self.with("fill", colour.into()))
    }

    /// Sets `fill-opacity`, from 0 (invisible) to 1 (opaque).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] unless the opacity is in [0, 1].
    ///
    /// ```
    /// assert!(strikemap::io::geojson::Style::new().with_fill_opacity(0.2).is_ok());
    /// ```
    pub fn with_fill_opacity(self, opacity: f64) -> Result<Style> {
        check_number("fill-opacity", opacity, 1.0, "an opacity from 0 to 1")?;
        Ok(self.with("fill-opacity", opacity.into()))
    }

    /// Sets `title` (shown in pop-ups; strikemap writes the feature's name by default).
    ///
    /// ```
    /// let s = strikemap::io::geojson::Style::new().with_title("Olenya air base");
    /// assert_eq!(s.get("title"), Some(&serde_json::json!("Olenya air base")));
    /// ```
    #[must_use]
    pub fn with_title(self, title: &str) -> Style {
        self.with("title", title.into())
    }

    /// Sets `description` (shown in pop-ups).
    ///
    /// ```
    /// let s = strikemap::io::geojson::Style::new().with_description("Claimed 41 aircraft hit");
    /// assert!(s.get("description").is_some());
    /// ```
    #[must_use]
    pub fn with_description(self, text: &str) -> Style {
        self.with("description", text.into())
    }

    /// The value of one simplestyle property, if set.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::Style::new().get("stroke"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        self.properties.get(key)
    }

    /// Every property set, by simplestyle name.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::Style::new().with_title("x").properties().len(), 1);
    /// ```
    pub fn properties(&self) -> &JsonObject {
        &self.properties
    }

    /// Whether nothing is set.
    ///
    /// ```
    /// assert!(!strikemap::io::geojson::Style::new().with_title("x").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.properties.is_empty()
    }

    /// This style with every property `over` sets replacing its own.
    ///
    /// ```
    /// use strikemap::io::geojson::Style;
    /// let a = Style::new().with_stroke("#000000")?.with_title("a");
    /// let b = Style::new().with_stroke("#ffffff")?;
    /// let m = a.merged(&b);
    /// assert_eq!(m.get("stroke"), Some(&serde_json::json!("#ffffff")));
    /// assert_eq!(m.get("title"), Some(&serde_json::json!("a")));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn merged(&self, over: &Style) -> Style {
        let mut out = self.clone();
        for (k, v) in &over.properties {
            out.properties.insert(k.clone(), v.clone());
        }
        out
    }

    /// Removes from `props` every simplestyle property of a usable type
    /// (strings for colours and text, one of the three sizes, numbers for
    /// widths and opacities) and returns them as a style; properties of
    /// another type stay in `props`.
    pub(crate) fn take_from(props: &mut JsonObject) -> Style {
        let mut style = Style::new();
        for key in STYLE_KEYS {
            let usable = match (key, props.get(key)) {
                (_, None) => false,
                ("marker-size", Some(JsonValue::String(s))) => {
                    matches!(s.as_str(), "small" | "medium" | "large")
                }
                ("stroke-width" | "stroke-opacity" | "fill-opacity", Some(v)) => v.is_number(),
                ("marker-size", Some(_)) => false,
                (_, Some(v)) => v.is_string(),
            };
            if usable && let Some(v) = props.remove(key) {
                style.properties.insert(key.to_string(), v);
            }
        }
        style
    }

    /// Unsets one property.
    pub(crate) fn remove(&mut self, key: &str) {
        self.properties.remove(key);
    }

    /// The properties of this style that differ from `base` (for recording
    /// per-feature overrides on import).
    pub(crate) fn without(&self, base: &Style) -> Style {
        let properties = self
            .properties
            .iter()
            .filter(|(k, v)| base.properties.get(*k) != Some(*v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Style { properties }
    }
}

/// The style of every [`FeatureKind`]: the defaults of
/// [`Style::default_for`], each overridable.
///
/// ```
/// use strikemap::{io::geojson::{FeatureKind, Style, Styles}};
/// let styles = Styles::default().with(FeatureKind::Strike, Style::new().with_marker_color("#000000")?);
/// let strike = styles.get(FeatureKind::Strike);
/// assert_eq!(strike.get("marker-color"), Some(&serde_json::json!("#000000")));
/// assert_eq!(strike.get("marker-symbol"), Some(&serde_json::json!("danger")));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Styles {
    by_kind: [Style; 9],
}

impl Default for Styles {
    fn default() -> Styles {
        Styles {
            by_kind: FeatureKind::ALL.map(Style::default_for),
        }
    }
}

impl Styles {
    /// The style of a kind.
    ///
    /// ```
    /// use strikemap::{io::geojson::{FeatureKind, Styles}};
    /// assert!(Styles::default().get(FeatureKind::Territory).get("fill").is_some());
    /// ```
    pub fn get(&self, kind: FeatureKind) -> &Style {
        &self.by_kind[kind.index()]
    }

    /// These styles with `over` merged into the style of `kind`
    /// (see [`Style::merged`]).
    ///
    /// ```
    /// use strikemap::{io::geojson::{FeatureKind, Style, Styles}};
    /// let s = Styles::default().with(FeatureKind::City, Style::new().with_marker_symbol("star"));
    /// assert_eq!(s.get(FeatureKind::City).get("marker-symbol"), Some(&serde_json::json!("star")));
    /// ```
    #[must_use]
    pub fn with(mut self, kind: FeatureKind, over: Style) -> Styles {
        let i = kind.index();
        self.by_kind[i] = self.by_kind[i].merged(&over);
        self
    }

    /// Styles that set nothing for any kind (plain, unstyled output).
    ///
    /// ```
    /// use strikemap::{io::geojson::{FeatureKind, Styles}};
    /// assert!(Styles::none().get(FeatureKind::City).is_empty());
    /// ```
    pub fn none() -> Styles {
        Styles {
            by_kind: FeatureKind::ALL.map(|_| Style::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_simplestyle() {
        for kind in FeatureKind::ALL {
            let s = Style::default_for(kind);
            assert!(!s.is_empty(), "{kind}");
            for (k, v) in s.properties() {
                assert!(STYLE_KEYS.contains(&k.as_str()), "{k}");
                if let Some(c) = v
                    .as_str()
                    .filter(|_| k.ends_with("color") || k == "stroke" || k == "fill")
                {
                    check_colour(k, c).unwrap();
                }
            }
        }
    }

    #[test]
    fn take_from_leaves_unusable_values() {
        let mut props: JsonObject = serde_json::from_value(serde_json::json!({
            "stroke": "#ff0000", "stroke-width": "3", "marker-size": "huge", "fill-opacity": 0.5, "other": 1
        }))
        .unwrap();
        let s = Style::take_from(&mut props);
        assert_eq!(s.properties().len(), 2);
        assert_eq!(props.len(), 3);
        assert!(props.contains_key("stroke-width") && props.contains_key("marker-size"));
    }

    #[test]
    fn without_keeps_differences() {
        let base = Style::default_for(FeatureKind::FrontLine);
        let changed = base.merged(&Style::new().with_stroke("#000000").unwrap().with_title("t"));
        let diff = changed.without(&base);
        assert_eq!(diff.properties().len(), 2);
        assert_eq!(base.merged(&diff), changed);
    }
}
