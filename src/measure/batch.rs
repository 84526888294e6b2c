//! Many queries against one target, in parallel.

use rayon::prelude::*;

use super::{Method, Nearest, Target};
use crate::position::LatLon;

/// The nearest point of `target` to each of `points`, computed in parallel
/// on all cores (rayon), in the order given. Use a prepared target
/// ([`PreparedArea`](crate::measure::PreparedArea), [`PreparedLine`](crate::measure::PreparedLine),
/// or a [`Territory`](crate::Territory) / [`FrontLine`](crate::FrontLine), which
/// prepare themselves) for large batches.
///
/// ```
/// use strikemap::{LatLon, countries, measure::nearest_many};
/// let ukraine = &countries::get("UA")?.territory;
/// let events = vec![LatLon::new(50.45, 30.52)?, LatLon::new(55.75, 37.62)?];
/// let found = nearest_many(ukraine, &events, strikemap::Method::Geodesic);
/// assert!(found[0].inside && !found[1].inside);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn nearest_many<T: Target + Sync + ?Sized>(
    target: &T,
    points: &[LatLon],
    method: Method,
) -> Vec<Nearest> {
    points
        .par_iter()
        .with_min_len(256)
        .map(|p| target.nearest_by(*p, method))
        .collect()
}
