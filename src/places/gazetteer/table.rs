//! The bundled tables as read: `data/places.tsv` (one row per place) and
//! `data/place-keys.tsv` (folded names to rows, sorted), both borrowed from
//! the binary, not copied.

use std::sync::OnceLock;

const PLACES: &str = include_str!("../../../data/places.tsv");
const KEYS: &str = include_str!("../../../data/place-keys.tsv");

/// The columns `data/places.tsv` has, in order.
#[cfg(test)]
pub(super) const COLUMNS: [&str; 10] = [
    "id",
    "kind",
    "name",
    "lat",
    "lon",
    "country",
    "region",
    "population",
    "names",
    "codes",
];

/// The two tables, split into lines.
#[derive(Debug)]
pub(super) struct Table {
    /// The data rows of places.tsv (header left out), in file order.
    pub rows: Vec<&'static str>,
    /// (folded key, row), sorted by key then row.
    pub keys: Vec<(&'static str, u32)>,
    by_length: OnceLock<Vec<Vec<u32>>>,
}

impl Table {
    /// The indexes into `keys` of the keys of each length in characters
    /// (built on first use: close spellings only look at keys whose length
    /// is within the edit limit).
    pub fn keys_by_length(&self) -> &[Vec<u32>] {
        self.by_length.get_or_init(|| {
            let mut by: Vec<Vec<u32>> = Vec::new();
            for (i, (k, _)) in self.keys.iter().enumerate() {
                let n = k.chars().count();
                if by.len() <= n {
                    by.resize_with(n + 1, Vec::new);
                }
                if let Ok(i) = u32::try_from(i) {
                    by[n].push(i);
                }
            }
            by
        })
    }

    /// The rows whose key is `key`, in row order.
    pub fn rows_for<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.keys.partition_point(|(k, _)| *k < key);
        self.keys[start..]
            .iter()
            .take_while(move |(k, _)| *k == key)
            .map(|(_, row)| *row)
    }
}

/// Splits the bundled text (a header and rows of places; lines of keys).
fn split(places: &'static str, keys: &'static str) -> Table {
    let mut lines = places.lines();
    let _header = lines.next();
    let rows = lines.filter(|l| !l.is_empty()).collect();
    let keys = keys
        .lines()
        .filter_map(|l| {
            let (key, row) = l.rsplit_once('\t')?;
            Some((key, row.parse().ok()?))
        })
        .collect();
    Table {
        rows,
        keys,
        by_length: OnceLock::new(),
    }
}

/// The bundled tables, split afresh.
pub(super) fn split_bundled() -> Table {
    split(PLACES, KEYS)
}

/// The bundled tables (split once, on first use).
pub(super) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(split_bundled)
}

/// The header line of the bundled places table.
#[cfg(test)]
pub(super) fn header() -> &'static str {
    PLACES.lines().next().unwrap_or_default()
}
