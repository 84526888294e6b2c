//! Shared helpers for the integration tests: reading committed fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

pub mod rich_map;

use std::collections::HashMap;
use std::path::PathBuf;

/// Path of a file under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// One CSV row: the `case` column as text, every other column as f64.
pub struct Row {
    pub line: usize,
    pub case: String,
    pub values: HashMap<String, f64>,
}

impl Row {
    pub fn get(&self, column: &str) -> f64 {
        *self
            .values
            .get(column)
            .unwrap_or_else(|| panic!("line {}: no column {column}", self.line))
    }
}

/// Reads a fixture CSV: `#` comment lines, a header, then rows.
pub fn read_csv(name: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let (_, header) = lines.next().expect("header");
    let columns: Vec<&str> = header.split(',').collect();
    lines
        .map(|(i, l)| {
            let cells: Vec<&str> = l.split(',').collect();
            assert_eq!(cells.len(), columns.len(), "{name} line {}", i + 1);
            let mut values = HashMap::new();
            let mut case = String::new();
            for (c, v) in columns.iter().zip(cells) {
                if *c == "case" {
                    case = v.to_string();
                } else {
                    let x: f64 = v
                        .parse()
                        .unwrap_or_else(|_| panic!("{name} line {}: {c}={v}", i + 1));
                    values.insert(c.to_string(), x);
                }
            }
            Row {
                line: i + 1,
                case,
                values,
            }
        })
        .collect()
}

/// Difference of two angles in degrees, wrapped into [0, 180].
pub fn angle_diff(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

/// Deterministic pseudo-random positions (xorshift64) in a lat/lon box, the
/// same sequence on every machine.
pub fn points(n: usize, seed: u64, lat: (f64, f64), lon: (f64, f64)) -> Vec<strikemap::LatLon> {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            strikemap::LatLon::new(
                lat.0 + (lat.1 - lat.0) * next(),
                lon.0 + (lon.1 - lon.0) * next(),
            )
            .expect("inside the box")
        })
        .collect()
}

/// Panics if any JSON object in `text` names a member twice (parsing into
/// a `serde_json::Value` would silently keep the last one).
pub fn assert_unique_keys(text: &[u8]) {
    use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

    struct Checked;
    struct CheckedVisitor;

    impl<'de> Deserialize<'de> for Checked {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Checked, D::Error> {
            d.deserialize_any(CheckedVisitor)
        }
    }

    impl<'de> Visitor<'de> for CheckedVisitor {
        type Value = Checked;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(A::Error::custom(format!("member {key:?} written twice")));
                }
                map.next_value::<Checked>()?;
            }
            Ok(Checked)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
            while seq.next_element::<Checked>()?.is_some() {}
            Ok(Checked)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_unit<E>(self) -> Result<Checked, E> {
            Ok(Checked)
        }
    }

    if let Err(e) = serde_json::from_slice::<Checked>(text) {
        panic!("{e}");
    }
}
