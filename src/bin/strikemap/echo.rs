//! Every point read from the command line, shown with the country and
//! region it lies in, so that a swapped latitude and longitude is seen at
//! once: `30.5234°N, 50.4501°E — in Iran, Markazi`.

use strikemap::{LatLon, regions};

/// Where a point lies: `in Ukraine, Kharkiv Oblast`, or `in no country (at
/// sea)`, by exact containment in the bundled 1:50m countries and 1:10m
/// regions ([`regions::locate`]).
pub fn country_of(p: LatLon) -> String {
    match regions::locate(p) {
        (Some(c), Some(r)) => format!("in {}, {}", c.common_name(), r.name),
        (Some(c), None) => format!("in {}", c.common_name()),
        (None, _) => "in no country (at sea)".to_string(),
    }
}

/// `50.4501°N, 30.5234°E — in Ukraine`.
pub fn point(p: LatLon) -> String {
    format!("{p} — {}", country_of(p))
}

/// `Kyiv: 50.4501°N, 30.5234°E — in Ukraine`, or without the name when it
/// is the position's own text.
pub fn named(name: &str, p: LatLon) -> String {
    if name
        .chars()
        .any(|c| c.is_alphabetic() && !matches!(c, 'N' | 'S' | 'E' | 'W'))
    {
        format!("{name}: {}", point(p))
    } else {
        point(p)
    }
}

/// Writes `strikemap: read ARG as POINT — in COUNTRY` on stderr, for
/// commands whose standard output is JSON or GeoJSON.
pub fn to_stderr(argument: &str, shown: &str) {
    crate::print_stderr(&format!("strikemap: read {argument} as {shown}"));
}
