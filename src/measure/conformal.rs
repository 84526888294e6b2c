//! Gauss's conformal sphere: a tight lower bound on geodesic distances near a
//! target, for pruning.
//!
//! Gauss's conformal (double) projection maps the ellipsoid onto a sphere of
//! radius R = √(M₀N₀) so that angles are kept and the scale factor k(φ)
//! depends on latitude only, with k(φ₀) = 1 and k′ = k″ = 0 there: over a band
//! of ±10° around φ₀, k stays within about 10⁻⁵ of 1. Any path on the
//! ellipsoid that stays inside a latitude band where k ≤ k_max is at least
//! `R·σ / k_max` long, σ being the angle between the end points' images. A
//! path that leaves the band must cross to one of its edges and back, which
//! is at least the meridian arc to that edge: `M_min·Δφ`. The smaller of the
//! two bounds a shortest path from below, with slack of metres instead of the
//! 0.3 % (kilometres) of the geocentric bound.
//!
//! References: C. F. Gauss (1843), *Untersuchungen über Gegenstände der
//! höheren Geodäsie*; the formulas as in J. P. Snyder, *Map Projections: A
//! Working Manual* (USGS PP 1395, 1987), and the double stereographic
//! projection of EPSG guidance note 7-2, §3.1.7.

use super::{WGS84_A, WGS84_F};
use crate::position::LatLon;

/// Latitude grid step for the tabulated scale factor, degrees.
const GRID_STEP: f64 = 0.05;
const GRID_LEN: usize = (180.0 / GRID_STEP) as usize + 1;
const BLOCK: usize = 32;

/// Gauss's conformal sphere for a target, centred on latitude φ₀ and
/// longitude λ₀.
#[derive(Debug, Clone)]
pub(crate) struct GaussSphere {
    e: f64,
    c: f64,
    ln_k: f64,
    radius: f64,
    lon0: f64,
    /// An upper bound of k(φ) over each 0.05° cell from −90° to 90°, and
    /// over each block of 32 cells.
    grid: Vec<f64>,
    blocks: Vec<f64>,
}

fn e2() -> f64 {
    WGS84_F * (2.0 - WGS84_F)
}

impl GaussSphere {
    pub(crate) fn new(lat0: f64, lon0: f64) -> GaussSphere {
        let e2 = e2();
        let e = e2.sqrt();
        let p0 = lat0.to_radians();
        let (s0, c0) = p0.sin_cos();
        let c = (1.0 + e2 * c0.powi(4) / (1.0 - e2)).sqrt();
        let chi0 = (s0 / c).asin();
        let psi0 = s0.atanh() - e * (e * s0).atanh();
        let ln_k = chi0.sin().atanh() - c * psi0;
        let w = 1.0 - e2 * s0 * s0;
        let radius = WGS84_A * (1.0 - e2).sqrt() / w;
        let mut sphere = GaussSphere {
            e,
            c,
            ln_k,
            radius,
            lon0,
            grid: Vec::new(),
            blocks: Vec::new(),
        };
        let samples: Vec<f64> = (0..GRID_LEN)
            .map(|i| sphere.scale((-90.0 + i as f64 * GRID_STEP).clamp(-89.999, 89.999)))
            .collect();
        // Cell i spans [φᵢ, φᵢ₊₁]; k is smooth there, so its maximum is bounded
        // by the larger end value plus the change across the cell.
        let grid: Vec<f64> = samples
            .windows(2)
            .map(|w| w[0].max(w[1]) + (w[1] - w[0]).abs())
            .collect();
        sphere.blocks = grid
            .chunks(BLOCK)
            .map(|b| b.iter().copied().fold(0.0, f64::max))
            .collect();
        sphere.grid = grid;
        sphere
    }

    /// The sphere's radius, metres.
    pub(crate) fn radius(&self) -> f64 {
        self.radius
    }

    /// Conformal latitude on the sphere, radians.
    fn chi(&self, lat: f64) -> f64 {
        let s = lat.to_radians().sin();
        let psi = s.atanh() - self.e * (self.e * s).atanh();
        (self.c * psi + self.ln_k).tanh().asin()
    }

    /// The scale factor (sphere length / ellipsoid length) at latitude `lat`.
    pub(crate) fn scale(&self, lat: f64) -> f64 {
        let p = lat.to_radians();
        let n = WGS84_A / (1.0 - e2() * p.sin().powi(2)).sqrt();
        self.radius * self.c * self.chi(lat).cos() / (n * p.cos())
    }

    /// The unit vector of a position's image on the sphere.
    pub(crate) fn unit(&self, p: LatLon) -> [f64; 3] {
        let chi = if p.lat().abs() >= 90.0 {
            p.lat().signum() * std::f64::consts::FRAC_PI_2
        } else {
            self.chi(p.lat())
        };
        let dlon = (p.lon() - self.lon0 + 180.0).rem_euclid(360.0) - 180.0;
        let lam = self.c * dlon.to_radians();
        let (sc, cc) = chi.sin_cos();
        [cc * lam.cos(), cc * lam.sin(), sc]
    }

    /// Whether longitudes this far from λ₀ map without a seam for paths to the target.
    pub(crate) fn accepts_lon(&self, lon: f64) -> bool {
        let dlon = (lon - self.lon0 + 180.0).rem_euclid(360.0) - 180.0;
        dlon.abs() <= 120.0
    }

    /// An upper bound on k over the latitude band [lo, hi] (degrees).
    pub(crate) fn max_scale(&self, lo: f64, hi: f64) -> f64 {
        let cells = self.grid.len();
        let cell = |lat: f64| (((lat + 90.0) / GRID_STEP).floor().max(0.0) as usize).min(cells - 1);
        let (a, b) = (cell(lo), cell(hi));
        let mut best = 0.0f64;
        let mut i = a;
        while i <= b {
            if i % BLOCK == 0 && i + BLOCK - 1 <= b {
                best = best.max(self.blocks[i / BLOCK]);
                i += BLOCK;
            } else {
                best = best.max(self.grid[i]);
                i += 1;
            }
        }
        best
    }
}

/// The meridian radius of curvature M(φ), metres.
pub(crate) fn meridian_radius(lat: f64) -> f64 {
    let e2 = e2();
    let s = lat.to_radians().sin();
    WGS84_A * (1.0 - e2) / (1.0 - e2 * s * s).powf(1.5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::{Geodesic, Metric as _};

    #[test]
    fn scale_is_one_at_the_centre_and_flat_nearby() {
        let g = GaussSphere::new(49.0, 31.0);
        assert!((g.scale(49.0) - 1.0).abs() < 1e-12);
        for d in [-10.0, -5.0, 5.0, 10.0] {
            let k = g.scale(49.0 + d);
            assert!((k - 1.0).abs() < 2e-5, "{d}: {k}");
        }
        assert!(g.max_scale(39.0, 59.0) >= g.scale(59.0));
        assert!(g.max_scale(39.0, 59.0) >= g.scale(39.0));
    }

    #[test]
    fn bound_never_exceeds_geodesic_within_band() {
        let g = GaussSphere::new(49.0, 31.0);
        let pts: Vec<LatLon> = (0..400)
            .map(|i| {
                let f = f64::from(i);
                LatLon::new(
                    40.0 + (f * 0.37).sin().abs() * 18.0,
                    10.0 + (f * 0.71).cos().abs() * 50.0,
                )
                .unwrap()
            })
            .collect();
        let k = g.max_scale(30.0, 70.0);
        for a in &pts {
            for b in pts.iter().step_by(13) {
                let (ua, ub) = (g.unit(*a), g.unit(*b));
                let chord: f64 = (0..3).map(|i| (ua[i] - ub[i]).powi(2)).sum::<f64>().sqrt();
                let sigma = 2.0 * (chord / 2.0).min(1.0).asin();
                let bound = g.radius() * sigma / k;
                let d = Geodesic.distance(*a, *b).as_metres();
                assert!(bound <= d + 1e-6, "{a} {b}: {bound} > {d}");
                assert!(d - bound < 2e-3 * d + 1.0, "{a} {b}: slack {}", d - bound);
            }
        }
    }

    #[test]
    fn bound_is_tight_near_the_centre() {
        let g = GaussSphere::new(48.5, 31.5);
        let k = g.max_scale(40.0, 58.0);
        assert!(k - 1.0 < 1e-4, "{k}");
        let pts: Vec<LatLon> = (0..200)
            .map(|i| {
                let f = f64::from(i);
                LatLon::new(
                    44.0 + (f * 0.37).sin().abs() * 10.0,
                    22.0 + (f * 0.71).cos().abs() * 19.0,
                )
                .unwrap()
            })
            .collect();
        for a in &pts {
            for b in pts.iter().step_by(7) {
                let (ua, ub) = (g.unit(*a), g.unit(*b));
                let chord: f64 = (0..3).map(|i| (ua[i] - ub[i]).powi(2)).sum::<f64>().sqrt();
                let bound = g.radius() * 2.0 * (chord / 2.0).min(1.0).asin() / k;
                let d = Geodesic.distance(*a, *b).as_metres();
                assert!(
                    bound <= d + 1e-6 && d - bound < 1e-4 * d + 0.01,
                    "{a} {b}: {bound} vs {d}"
                );
            }
        }
    }
}
