//! [`Projection`]: the map projections the renderer draws in, on WGS84.

use std::f64::consts::FRAC_PI_4;

use crate::LatLon;
use crate::measure::{WGS84_A, WGS84_F, wgs84};

/// A map projection on the WGS84 ellipsoid, giving plane coordinates in
/// metres (x east, y north) for a position.
///
/// - [`Projection::AzimuthalEquidistant`]: distances and directions from
///   the centre are true. It is computed exactly, as GeographicLib's
///   `AzimuthalEquidistant` does: the geodesic inverse from the centre gives
///   the distance `s` and azimuth `azi`, and `x = s·sin(azi)`,
///   `y = s·cos(azi)`. Claim maps use it, centred on the reference, so a
///   buffer's radius reads as what it is.
/// - [`Projection::LambertConformalConic`]: Lambert's conformal conic with
///   two standard parallels on the ellipsoid, after Snyder, *Map
///   Projections: A Working Manual* (USGS Professional Paper 1395, 1987),
///   equations 14-15 and 15-7 to 15-10 (pp. 107-108).
///   Regional maps use it: shapes are true locally and scale is true along
///   the two standard parallels.
///
/// Web Mercator is not offered: at world scale it makes a ring around a
/// Siberian base a band from the top of the map.
///
/// ```
/// use strikemap::{LatLon, render::Projection};
/// let kyiv = LatLon::new(50.45, 30.52)?;
/// let p = Projection::AzimuthalEquidistant { centre: kyiv };
/// let (x, y) = p.project(LatLon::new(51.17, 128.445)?).expect("not the antipode");
/// // The distance from the centre is the geodesic distance, here ~6,400 km.
/// assert!(((x * x + y * y).sqrt() / 1000.0 - 6_400.0).abs() < 100.0);
/// assert_eq!(p.name(), "azimuthal equidistant centred on 50.45°N 30.52°E (WGS84)");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Projection {
    /// Azimuthal equidistant on WGS84, centred on a point.
    AzimuthalEquidistant {
        /// The centre: distances and azimuths from it are true.
        centre: LatLon,
    },
    /// Lambert conformal conic on WGS84 with two standard parallels.
    LambertConformalConic {
        /// The latitude of the origin, degrees.
        lat0: f64,
        /// The central meridian, degrees.
        lon0: f64,
        /// The first standard parallel, degrees.
        lat1: f64,
        /// The second standard parallel, degrees.
        lat2: f64,
    },
}

/// Beyond this distance from its centre (metres) the azimuthal equidistant
/// projection is not drawn: near the antipode it tears.
pub(crate) const AZEQ_LIMIT_M: f64 = 17_000_000.0;

impl Projection {
    /// The conic for a region spanning latitudes `south..=north` and
    /// centred on longitude `lon0` (degrees): standard parallels at one
    /// sixth of the span in from each edge (Snyder's rule of thumb, p. 105).
    ///
    /// ```
    /// use strikemap::render::Projection;
    /// let p = Projection::conic_for(44.0, 53.0, 32.0);
    /// assert!(matches!(p, Projection::LambertConformalConic { lat1, lat2, .. } if lat1 == 45.5 && lat2 == 51.5));
    /// ```
    pub fn conic_for(south: f64, north: f64, lon0: f64) -> Projection {
        let span = north - south;
        Projection::LambertConformalConic {
            lat0: (south + north) / 2.0,
            lon0,
            lat1: south + span / 6.0,
            lat2: north - span / 6.0,
        }
    }

    /// The projection's name as printed on a map.
    ///
    /// ```
    /// let p = strikemap::render::Projection::conic_for(44.0, 53.0, 32.0);
    /// assert_eq!(p.name(), "Lambert conformal conic, standard parallels 45.5°N and 51.5°N (WGS84)");
    /// ```
    pub fn name(&self) -> String {
        match self {
            Projection::AzimuthalEquidistant { centre } => format!(
                "azimuthal equidistant centred on {} {} (WGS84)",
                hemi(centre.lat(), 'N', 'S'),
                hemi(centre.lon(), 'E', 'W')
            ),
            Projection::LambertConformalConic { lat1, lat2, .. } => format!(
                "Lambert conformal conic, standard parallels {} and {} (WGS84)",
                hemi(*lat1, 'N', 'S'),
                hemi(*lat2, 'N', 'S')
            ),
        }
    }

    /// Where the scale is true, in words, for the scale bar.
    ///
    /// ```
    /// let p = strikemap::render::Projection::conic_for(44.0, 53.0, 32.0);
    /// assert_eq!(p.scale_note(), "scale bar true on the standard parallels");
    /// ```
    pub fn scale_note(&self) -> &'static str {
        match self {
            Projection::AzimuthalEquidistant { .. } => "scale bar true from the centre outwards",
            Projection::LambertConformalConic { .. } => "scale bar true on the standard parallels",
        }
    }

    /// Plane coordinates `(x, y)` in metres (x east, y north) of a
    /// position; `None` where the projection is not drawn (within 3,000 km
    /// of the azimuthal projection's antipode, or a pole the conic sends to
    /// infinity).
    ///
    /// ```
    /// use strikemap::{LatLon, render::Projection};
    /// let p = Projection::conic_for(44.0, 53.0, 32.0);
    /// let (x, _) = p.project(LatLon::new(48.5, 32.0)?).unwrap();
    /// assert!(x.abs() < 1e-6);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn project(&self, p: LatLon) -> Option<(f64, f64)> {
        match *self {
            Projection::AzimuthalEquidistant { centre } => {
                use geographiclib_rs::InverseGeodesic as _;
                let (s, azi, _azi2, _a12): (f64, f64, f64, f64) =
                    wgs84().inverse(centre.lat(), centre.lon(), p.lat(), p.lon());
                if s.is_nan() || s > AZEQ_LIMIT_M {
                    return None;
                }
                let (sin, cos) = azi.to_radians().sin_cos();
                Some((s * sin, s * cos))
            }
            Projection::LambertConformalConic {
                lat0,
                lon0,
                lat1,
                lat2,
            } => {
                let c = Conic::new(lat0, lat1, lat2);
                if p.lat().abs() >= 89.999 && p.lat().signum() != c.n.signum() {
                    return None;
                }
                let rho = c.rho(p.lat().to_radians());
                let mut dlon = p.lon() - lon0;
                dlon = (dlon + 540.0).rem_euclid(360.0) - 180.0;
                let theta = c.n * dlon.to_radians();
                let x = rho * theta.sin();
                let y = c.rho0 - rho * theta.cos();
                (x.is_finite() && y.is_finite()).then_some((x, y))
            }
        }
    }
}

/// The constants of a Lambert conformal conic (Snyder pp. 107-108).
struct Conic {
    n: f64,
    big_f: f64,
    rho0: f64,
}

impl Conic {
    fn new(lat0: f64, lat1: f64, lat2: f64) -> Conic {
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let (m1, m2) = (m(p1), m(p2));
        let (t1, t2) = (t(p1), t(p2));
        // Snyder 15-8 (15-8a when the parallels coincide).
        let n = if (lat1 - lat2).abs() < 1e-9 {
            p1.sin()
        } else {
            (m1.ln() - m2.ln()) / (t1.ln() - t2.ln())
        };
        let big_f = m1 / (n * t1.powf(n)); // 15-10
        let mut c = Conic {
            n,
            big_f,
            rho0: 0.0,
        };
        c.rho0 = c.rho(lat0.to_radians());
        c
    }

    /// Snyder 15-7: ρ = a F t^n.
    fn rho(&self, phi: f64) -> f64 {
        WGS84_A * self.big_f * t(phi).powf(self.n)
    }
}

/// The first eccentricity of WGS84.
fn ecc() -> f64 {
    (WGS84_F * (2.0 - WGS84_F)).sqrt()
}

/// Snyder 14-15: m = cos φ / sqrt(1 − e² sin² φ).
fn m(phi: f64) -> f64 {
    let e = ecc();
    phi.cos() / (1.0 - e * e * phi.sin().powi(2)).sqrt()
}

/// Snyder 15-9: t = tan(π/4 − φ/2) / ((1 − e sin φ)/(1 + e sin φ))^(e/2).
fn t(phi: f64) -> f64 {
    let e = ecc();
    let es = e * phi.sin();
    (FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
}

/// "50.45°N" for a latitude or longitude.
fn hemi(v: f64, pos: char, neg: char) -> String {
    let rounded = (v.abs() * 100.0).round() / 100.0;
    format!("{rounded}°{}", if v < 0.0 { neg } else { pos })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azeq_centre_is_origin_and_antipode_is_refused() {
        let c = LatLon::new(48.0, 31.0).unwrap();
        let p = Projection::AzimuthalEquidistant { centre: c };
        let (x, y) = p.project(c).unwrap();
        assert!(x.abs() < 1e-6 && y.abs() < 1e-6);
        assert!(p.project(LatLon::new(-48.0, -149.0).unwrap()).is_none());
    }
}
