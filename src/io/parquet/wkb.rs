//! Well-Known Binary (OGC Simple Features 1.2.1 §8.2; ISO 13249-3), the
//! geometry encoding GeoParquet's `WKB` names: little-endian 2D geometries
//! written, points of either byte order (2D, Z, M or ZM, ISO or EWKB-style
//! type codes) read.

use geojson::{GeometryValue, PointType};

use crate::error::{Error, Result};

fn push_f64(out: &mut Vec<u8>, x: f64) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn push_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn header(out: &mut Vec<u8>, code: u32) {
    out.push(1);
    out.extend_from_slice(&code.to_le_bytes());
}

fn positions(out: &mut Vec<u8>, points: &[PointType]) {
    push_u32(out, points.len());
    for p in points {
        position(out, p);
    }
}

fn position(out: &mut Vec<u8>, p: &PointType) {
    let c = p.as_slice();
    push_f64(out, c.first().copied().unwrap_or(f64::NAN));
    push_f64(out, c.get(1).copied().unwrap_or(f64::NAN));
}

fn rings(out: &mut Vec<u8>, rings: &[Vec<PointType>]) {
    push_u32(out, rings.len());
    for ring in rings {
        positions(out, ring);
    }
}

/// A GeoJSON geometry as little-endian 2D WKB (altitudes dropped).
pub(crate) fn write(value: &GeometryValue, out: &mut Vec<u8>) {
    match value {
        GeometryValue::Point { coordinates } => {
            header(out, 1);
            position(out, coordinates);
        }
        GeometryValue::LineString { coordinates } => {
            header(out, 2);
            positions(out, coordinates);
        }
        GeometryValue::Polygon { coordinates } => {
            header(out, 3);
            rings(out, coordinates);
        }
        GeometryValue::MultiPoint { coordinates } => {
            header(out, 4);
            push_u32(out, coordinates.len());
            for p in coordinates {
                header(out, 1);
                position(out, p);
            }
        }
        GeometryValue::MultiLineString { coordinates } => {
            header(out, 5);
            push_u32(out, coordinates.len());
            for l in coordinates {
                header(out, 2);
                positions(out, l);
            }
        }
        GeometryValue::MultiPolygon { coordinates } => {
            header(out, 6);
            push_u32(out, coordinates.len());
            for p in coordinates {
                header(out, 3);
                rings(out, p);
            }
        }
        GeometryValue::GeometryCollection { geometries } => {
            header(out, 7);
            push_u32(out, geometries.len());
            for g in geometries {
                write(&g.value, out);
            }
        }
    }
}

/// The GeoParquet name of a geometry's type (`"Point"`, ...).
pub(crate) fn type_name(value: &GeometryValue) -> &'static str {
    value.type_name()
}

/// Reads a WKB Point as `[x, y]` (longitude, latitude).
pub(crate) fn read_point(bytes: &[u8]) -> Result<[f64; 2]> {
    let bad = |found: String| Error::format("geometry", "a WKB Point", found);
    let (&order, rest) = bytes.split_first().ok_or_else(|| bad("no bytes".into()))?;
    let little = match order {
        1 => true,
        0 => false,
        b => return Err(bad(format!("byte order {b}"))),
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = rest.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let f64_at = |at: usize| -> Option<f64> {
        let b: [u8; 8] = rest.get(at..at + 8)?.try_into().ok()?;
        Some(if little {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        })
    };
    let code = u32_at(0).ok_or_else(|| bad(format!("{} bytes", bytes.len())))?;
    // ISO codes 1, 1001, 2001, 3001; EWKB sets the high bits for Z/M/SRID.
    let srid = code & 0x2000_0000 != 0;
    let base = (code & 0x0fff_ffff) % 1000;
    if base != 1 {
        return Err(bad(format!("a WKB geometry of type code {code}")));
    }
    let start = if srid { 8 } else { 4 };
    match (f64_at(start), f64_at(start + 8)) {
        (Some(x), Some(y)) => Ok([x, y]),
        _ => Err(bad(format!("{} bytes", bytes.len()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_21_bytes_and_reads_back() {
        let mut out = Vec::new();
        write(&GeometryValue::new_point([30.5, 50.25]), &mut out);
        assert_eq!(out.len(), 21);
        assert_eq!(&out[..5], &[1, 1, 0, 0, 0]);
        assert_eq!(read_point(&out).ok(), Some([30.5, 50.25]));
        // Big-endian, and Z.
        let mut be = vec![0, 0, 0, 0x03, 0xe9];
        be.extend(30.5f64.to_be_bytes());
        be.extend(50.25f64.to_be_bytes());
        be.extend(0f64.to_be_bytes());
        assert_eq!(read_point(&be).ok(), Some([30.5, 50.25]));
        assert!(read_point(&out[..10]).is_err());
        let mut line = Vec::new();
        write(
            &GeometryValue::new_line_string([[0.0, 0.0], [1.0, 1.0]]),
            &mut line,
        );
        assert!(read_point(&line).is_err());
    }
}
