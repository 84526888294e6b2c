//! Bounding boxes as RFC 7946 §5 defines them: `[west, south, east, north]`
//! in degrees, with `west > east` when the box crosses the antimeridian
//! (§5.2) and `[-180, south, 180, north]` for an area holding a pole (§5.3).
//!
//! Method: each part (point, line, ring) covers the longitudes from its
//! least to its greatest (RFC 7946 geometry is cut at the antimeridian);
//! these arcs lie on a circle, and the box's longitude range is the
//! complement of the largest gap between them (the smallest arc covering
//! everything).

use geojson::{Geometry, GeometryValue, Position};

/// Longitude arcs and a latitude range, accumulated.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extent {
    /// Arcs as (start in [-180, 180), length in degrees ≥ 0).
    arcs: Vec<(f64, f64)>,
    /// The (west, east) longitudes each arc was given with.
    raw: Vec<(f64, f64)>,
    /// The longitude of the only point added, kept as given (180 stays 180).
    single: Option<f64>,
    south: f64,
    north: f64,
    full: bool,
    empty: bool,
}

fn start_of(lon: f64) -> f64 {
    if lon >= 180.0 { lon - 360.0 } else { lon }
}

impl Extent {
    pub(crate) fn new() -> Extent {
        Extent {
            south: f64::INFINITY,
            north: f64::NEG_INFINITY,
            empty: true,
            ..Extent::default()
        }
    }

    fn lat(&mut self, lat: f64) {
        self.south = self.south.min(lat);
        self.north = self.north.max(lat);
    }

    /// Adds the longitudes from `west` to `east` (`west <= east`, not
    /// crossing the antimeridian), keeping a lone point's longitude as given.
    fn add_interval(&mut self, west: f64, east: f64) {
        self.single = if self.empty && west == east {
            Some(west)
        } else {
            None
        };
        self.empty = false;
        self.arcs.push((start_of(west), east - west));
        self.raw.push((west, east));
    }

    #[cfg(test)]
    fn add_point(&mut self, lon: f64, lat: f64) {
        self.add_interval(lon, lon);
        self.lat(lat);
    }

    /// Adds a box `[west, south, east, north]` (west > east across the antimeridian).
    pub(crate) fn add_bbox(&mut self, b: [f64; 4]) {
        let [west, south, east, north] = b;
        self.lat(south);
        self.lat(north);
        if west <= east {
            if west == -180.0 && east == 180.0 {
                self.full = true;
            }
            self.add_interval(west, east);
        } else {
            self.single = None;
            self.empty = false;
            self.arcs.push((start_of(west), east + 360.0 - west));
            self.raw.push((west, east));
        }
    }

    /// Marks every longitude as covered (an area holding a pole).
    pub(crate) fn cover_all_longitudes(&mut self) {
        self.full = true;
    }

    /// The box, if anything was added.
    pub(crate) fn to_bbox(&self) -> Option<[f64; 4]> {
        if self.empty {
            return None;
        }
        if let Some(lon) = self.single {
            return Some([lon, self.south, lon, self.north]);
        }
        let (west, east) = if self.full {
            (-180.0, 180.0)
        } else {
            self.longitudes()
        };
        Some([west, self.south, east, self.north])
    }

    fn longitudes(&self) -> (f64, f64) {
        // Each arc as (start, end) on the line, end > 180 when it wraps,
        // with the longitudes it came from, so that the box is written
        // with the values given rather than values shifted by ±360.
        let mut arcs: Vec<Arc> = self
            .arcs
            .iter()
            .map(|&(s, len)| Arc {
                start: s,
                end: s + len,
                west: s,
                east: if s + len > 180.0 {
                    s + len - 360.0
                } else {
                    s + len
                },
            })
            .collect();
        for (arc, raw) in arcs.iter_mut().zip(&self.raw) {
            arc.west = raw.0;
            arc.east = raw.1;
        }
        arcs.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut merged: Vec<Arc> = Vec::new();
        for arc in arcs {
            match merged.last_mut() {
                Some(last) if arc.start <= last.end => {
                    if arc.end > last.end {
                        last.end = arc.end;
                        last.east = arc.east;
                    }
                }
                _ => merged.push(arc),
            }
        }
        // Arcs reaching past 180 may cover the first ones again.
        while merged.len() > 1 {
            let (first, last) = (merged[0], merged[merged.len() - 1]);
            if last.end < first.start + 360.0 {
                break;
            }
            merged.remove(0);
            if let Some(l) = merged.last_mut()
                && first.end + 360.0 > l.end
            {
                l.end = first.end + 360.0;
                l.east = first.east;
            }
        }
        let (Some(&first), Some(&last)) = (merged.first(), merged.last()) else {
            return (-180.0, 180.0);
        };
        if merged.len() == 1 && last.end - first.start >= 360.0 {
            return (-180.0, 180.0);
        }
        // The gap across the wrap first, so that ties keep the plain box.
        let (mut west, mut east) = (first.west, last.east);
        let mut widest = first.start + 360.0 - last.end;
        for w in merged.windows(2) {
            let gap = w[1].start - w[0].end;
            if gap > widest {
                widest = gap;
                (west, east) = (w[1].west, w[0].east);
            }
        }
        if west == 180.0 {
            west = -180.0;
        }
        if east == -180.0 {
            east = 180.0;
        }
        (west, east)
    }
}

/// An arc of longitudes during the merge.
#[derive(Debug, Clone, Copy)]
struct Arc {
    start: f64,
    end: f64,
    /// The longitude given for `start`.
    west: f64,
    /// The longitude given for `end`.
    east: f64,
}

/// Adds one part (a point, a line, a ring): its edges are straight on the
/// longitude/latitude plane and, in RFC 7946 GeoJSON, never cross the
/// antimeridian, so the part spans its least to its greatest longitude.
/// Returns whether it touches a pole.
fn add_part<'a>(extent: &mut Extent, positions: impl Iterator<Item = &'a Position>) -> bool {
    let (mut west, mut east) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut pole = false;
    for p in positions {
        let c = p.as_slice();
        if let (Some(&lon), Some(&lat)) = (c.first(), c.get(1)) {
            west = west.min(lon);
            east = east.max(lon);
            extent.lat(lat);
            pole |= lat.abs() == 90.0;
        }
    }
    if west <= east {
        extent.add_interval(west, east);
    }
    pole
}

fn add_rings(extent: &mut Extent, rings: &[Vec<Position>]) {
    let mut pole = false;
    for ring in rings {
        pole |= add_part(extent, ring.iter());
    }
    if pole {
        extent.cover_all_longitudes();
    }
}

pub(crate) fn add_geometry(extent: &mut Extent, geometry: &Geometry) {
    match &geometry.value {
        GeometryValue::Point { coordinates } => {
            add_part(extent, std::iter::once(coordinates));
        }
        GeometryValue::MultiPoint { coordinates } => {
            for p in coordinates {
                add_part(extent, std::iter::once(p));
            }
        }
        GeometryValue::LineString { coordinates } => {
            add_part(extent, coordinates.iter());
        }
        GeometryValue::MultiLineString { coordinates } => {
            for part in coordinates {
                add_part(extent, part.iter());
            }
        }
        GeometryValue::Polygon { coordinates } => add_rings(extent, coordinates),
        GeometryValue::MultiPolygon { coordinates } => {
            for rings in coordinates {
                add_rings(extent, rings);
            }
        }
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries {
                add_geometry(extent, g);
            }
        }
    }
}

/// The bounding box `[west, south, east, north]` of a geometry in degrees,
/// following RFC 7946 §5: across the antimeridian `west > east`; a
/// polygon touching a pole (closed along it, as strikemap writes areas
/// holding a pole) spans every longitude, `[-180, south, 180, north]`.
/// `None` for a geometry without positions.
///
/// ```
/// let across: geojson::Geometry =
///     r#"{"type":"MultiLineString","coordinates":[[[179,10],[180,10.5]],[[-180,10.5],[-179,11]]]}"#.parse()?;
/// assert_eq!(strikemap::io::geojson::geometry_bbox(&across), Some([179.0, 10.0, -179.0, 11.0]));
/// let plain: geojson::Geometry = r#"{"type":"LineString","coordinates":[[30,50],[31,51]]}"#.parse()?;
/// assert_eq!(strikemap::io::geojson::geometry_bbox(&plain), Some([30.0, 50.0, 31.0, 51.0]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn geometry_bbox(geometry: &Geometry) -> Option<[f64; 4]> {
    let mut extent = Extent::new();
    add_geometry(&mut extent, geometry);
    extent.to_bbox()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lons(points: &[f64]) -> Option<[f64; 4]> {
        let mut e = Extent::new();
        for &l in points {
            e.add_point(l, 0.0);
        }
        e.to_bbox()
    }

    #[test]
    fn smallest_arc() {
        assert_eq!(lons(&[10.0, 20.0]), Some([10.0, 0.0, 20.0, 0.0]));
        assert_eq!(
            lons(&[170.0, 180.0, -180.0, -170.0]),
            Some([170.0, 0.0, -170.0, 0.0])
        );
        assert_eq!(lons(&[170.0, 180.0]), Some([170.0, 0.0, 180.0, 0.0]));
        assert_eq!(lons(&[-180.0, -170.0]), Some([-180.0, 0.0, -170.0, 0.0]));
        assert_eq!(lons(&[180.0]), Some([180.0, 0.0, 180.0, 0.0]));
        assert_eq!(lons(&[]), None);
    }

    #[test]
    fn union_of_boxes() {
        let mut e = Extent::new();
        e.add_bbox([170.0, -20.0, -170.0, -10.0]);
        e.add_bbox([30.0, 40.0, 40.0, 50.0]);
        assert_eq!(e.to_bbox(), Some([30.0, -20.0, -170.0, 50.0]));
        let mut e = Extent::new();
        e.add_bbox([-10.0, 0.0, 10.0, 1.0]);
        e.add_bbox([5.0, 0.0, -5.0, 1.0]);
        assert_eq!(e.to_bbox(), Some([-180.0, 0.0, 180.0, 1.0]));
        let mut e = Extent::new();
        e.add_bbox([100.0, 0.0, 120.0, 1.0]);
        e.add_bbox([-180.0, 60.0, 180.0, 90.0]);
        assert_eq!(e.to_bbox(), Some([-180.0, 0.0, 180.0, 90.0]));
    }
}
