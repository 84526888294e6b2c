//! Fuzz target `position_text`: positions and targets written as text
//! (`LatLon::parse`, `io::target_spec::TargetSpec::parse`,
//! `ClaimReference::parse`, `parse_endpoint`), country and region look-ups
//! (`countries::get`, `str::parse::<CountryCode>`, `regions::get`,
//! `regions::group`) and place names (`gazetteer::find`,
//! `gazetteer::resolve`).
//!
//! `TargetSpec::parse` and `ClaimReference::parse` read a file when the
//! text names one; those inputs (a path separator, a `.json`/`.geojson`
//! ending, or an existing path) are left out, so the target never reads a
//! file an input names. GeoJSON text is the `geojson_import` target's.
//!
//! Invariants: nothing panics; a position read lies in [-90, 90] ×
//! [-180, 180] and reads back from its own display (12 decimals) to within
//! 1e-9°; a target, endpoint or reference that is a point is the same point
//! `LatLon::parse` reads; an endpoint has a name; a name the gazetteer
//! resolves is among the candidates `find` lists, first among those of its
//! kind of match; a region found by name is found again by its code.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use std::path::Path;

use strikemap::io::target_spec::{ClaimReference, TargetSpec, parse_endpoint};
use strikemap::{CountryCode, LatLon, countries, gazetteer, regions};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 64 * 1024;

/// Whether `TargetSpec::parse` or `ClaimReference::parse` could take the
/// text as a file name (kept a superset of what they test).
fn may_name_a_file(text: &str) -> bool {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    trimmed.contains('/')
        || trimmed.contains('\\')
        || trimmed.contains(std::path::MAIN_SEPARATOR)
        || lower.ends_with(".json")
        || lower.ends_with(".geojson")
        || trimmed.is_empty()
        || Path::new(trimmed).exists()
        || trimmed
            .split_once('=')
            .is_some_and(|(_, p)| Path::new(p.trim()).exists())
}

fn check_position(text: &str, p: LatLon) {
    let (lat, lon) = (p.lat(), p.lon());
    assert!(
        lat.is_finite() && (-90.0..=90.0).contains(&lat),
        "{text:?} read with latitude {lat}"
    );
    assert!(
        lon.is_finite() && (-180.0..=180.0).contains(&lon),
        "{text:?} read with longitude {lon}"
    );
    let shown = format!("{p:.12}");
    match LatLon::parse(&shown) {
        Ok(q) => assert!(
            (q.lat() - lat).abs() <= 1e-9 && (q.lon() - lon).abs() <= 1e-9,
            "{text:?} read as {shown}, which reads back as {q:.12}"
        ),
        Err(e) => panic!(
            "{text:?} read as {shown}, which does not read back: {}",
            e.report()
        ),
    }
}

/// Runs one input.
pub fn run(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    let position = LatLon::parse(text);
    if let Ok(p) = position {
        check_position(text, p);
    }

    match parse_endpoint(text) {
        Ok(endpoint) => {
            assert!(
                !endpoint.name.trim().is_empty(),
                "{text:?} read as an endpoint without a name"
            );
            check_position(text, endpoint.position);
            if !text.contains('=') && position.is_ok() {
                assert_eq!(position.as_ref().ok(), Some(&endpoint.position), "{text:?}");
            }
        }
        Err(e) => {
            let _ = e.report().to_string();
        }
    }

    let _ = countries::get(text).map_err(|e| e.report().to_string());
    match regions::get(text) {
        Ok(r) => {
            let again = regions::get(&r.code).map(|q| q.code.as_str());
            assert_eq!(again.ok(), Some(r.code.as_str()), "{text:?}");
        }
        Err(e) => {
            let _ = e.report().to_string();
        }
    }
    let _ = regions::group(text).map_err(|e| e.report().to_string());
    let found = gazetteer::find(text);
    match gazetteer::resolve(text) {
        Ok(entry) => {
            let first = found
                .iter()
                .find(|c| c.entry.id == entry.id)
                .unwrap_or_else(|| {
                    panic!("{text:?} resolves to {entry}, which find does not list")
                });
            assert!(
                found.iter().all(|c| c.matched >= first.matched),
                "{text:?} resolves to {entry}, not the best match"
            );
        }
        Err(e) => {
            let _ = e.report().to_string();
        }
    }
    if let Ok(code) = text.parse::<CountryCode>() {
        let again = code.as_str().parse::<CountryCode>().ok();
        assert_eq!(again, Some(code), "{text:?}");
    }

    if may_name_a_file(text) {
        return;
    }
    match TargetSpec::parse(text) {
        Ok(TargetSpec::Point(p)) => {
            assert_eq!(position.as_ref().ok(), Some(&p), "{text:?}");
        }
        Ok(TargetSpec::File { path, .. }) => {
            panic!("{text:?} read as the file {}", path.display())
        }
        Ok(_) => {}
        Err(e) => {
            let _ = e.report().to_string();
        }
    }
    match ClaimReference::parse(text) {
        Ok(ClaimReference::Place(place)) => {
            check_position(text, place.position());
        }
        Ok(reference) => {
            let _ = reference.name();
        }
        Err(e) => {
            let _ = e.report().to_string();
        }
    }
}
