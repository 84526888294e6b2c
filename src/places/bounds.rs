//! Latitude/longitude boxes that surely hold an area, for skipping exact
//! tests far from a point.

use crate::position::LatLon;
use crate::shape::Area;

/// A latitude/longitude box that surely holds an area, for skipping the
/// exact test (and building the index) of countries far from a point. Its
/// margin covers how far a geodesic edge can bulge past its ends: at most
/// a quarter of the edge's angular length, plus 0.1°.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    lat: (f64, f64),
    /// `None` when the area spans the antimeridian or comes near a pole
    /// (every longitude is a candidate then).
    lon: Option<(f64, f64)>,
}

impl Bounds {
    pub(crate) fn of(area: &Area) -> Bounds {
        let (extent, longest, wraps) = Bounds::measure(area);
        Bounds::from_extent(extent.0, extent.1, longest, wraps)
    }

    /// What a box is made from: the vertices' (latitude, longitude)
    /// extent, the longest edge as `hypot(Δlat, Δlon)` in degrees (Δlon
    /// wrapped), and whether an edge crosses the antimeridian. The build
    /// script writes the same three for each region, so that a region's
    /// box is known before its geometry is read.
    #[allow(
        clippy::type_complexity,
        reason = "the three values the build script writes, as from_extent takes them"
    )]
    pub(crate) fn measure(area: &Area) -> (((f64, f64), (f64, f64)), f64, bool) {
        let (mut lat, mut lon) = ((90.0f64, -90.0f64), (180.0f64, -180.0f64));
        let mut longest = 0.0f64;
        let mut wraps = false;
        for (_, _, _, a, b) in area.segments() {
            for v in [a, b] {
                lat = (lat.0.min(v.lat()), lat.1.max(v.lat()));
                lon = (lon.0.min(v.lon()), lon.1.max(v.lon()));
            }
            let dlat = (b.lat() - a.lat()).abs();
            let dlon = crate::position::wrap180(b.lon() - a.lon()).abs();
            wraps |= (b.lon() - a.lon()).abs() > 180.0;
            longest = longest.max(dlat.hypot(dlon));
        }
        ((lat, lon), longest, wraps)
    }

    /// The box for a vertex extent, longest edge and antimeridian crossing
    /// (see [`Bounds::measure`]).
    pub(crate) fn from_extent(
        lat: (f64, f64),
        lon: (f64, f64),
        longest: f64,
        wraps: bool,
    ) -> Bounds {
        let margin = longest / 4.0 + 0.1;
        let lat = ((lat.0 - margin).max(-90.0), (lat.1 + margin).min(90.0));
        let near_pole = lat.0 <= -80.0 || lat.1 >= 80.0;
        let lon = (!wraps && !near_pole).then_some((lon.0 - margin, lon.1 + margin));
        Bounds { lat, lon }
    }

    /// Whether this box holds another, to within `slack` degrees (for
    /// checking a stored box against the geometry, rounding aside).
    #[cfg(test)]
    pub(crate) fn holds_box(&self, other: &Bounds, slack: f64) -> bool {
        let lat = self.lat.0 <= other.lat.0 + slack && self.lat.1 >= other.lat.1 - slack;
        let lon = match (self.lon, other.lon) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a.0 <= b.0 + slack && a.1 >= b.1 - slack,
        };
        lat && lon
    }

    pub(crate) fn may_hold(&self, p: LatLon) -> bool {
        (self.lat.0..=self.lat.1).contains(&p.lat())
            && self.lon.is_none_or(|(w, e)| (w..=e).contains(&p.lon()))
    }
    /// The box as an rstar envelope, [west, south] to [east, north] (every
    /// longitude when it has none).
    pub(crate) fn envelope(&self) -> rstar::AABB<[f64; 2]> {
        let (w, e) = self.lon.unwrap_or((-181.0, 181.0));
        rstar::AABB::from_corners([w, self.lat.0], [e, self.lat.1])
    }
}
