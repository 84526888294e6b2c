//! Control maps read from files: a folder of daily snapshots, or one
//! FeatureCollection, GeoJSON Text Sequence or KML/KMZ with a date per
//! feature.
//!
//! - `read.rs`: [`read`] (a folder or a file), [`read_bytes`] (one file's
//!   bytes), [`ReadOptions`], [`Loaded`], [`SkippedSnapshot`];
//! - `dates.rs`: dates read from file names (`deepstatemap_data_20250602`)
//!   and from `date`/`as_of` properties.
//!
//! Every feature of a file is one piece of the held area on its date (a
//! `date` or `as_of` property, else the date in the file's name); the pieces
//! of one date are merged into one snapshot. DeepStateMap exports (one
//! MultiPolygon per day, no properties, an old-style `crs` member naming
//! CRS84), ISW/CTP control-of-terrain layers (several features with a
//! status property: pick one with [`ReadOptions::with_only`]) and drawings
//! of one's own all read this way. strikemap ships none of these data: their
//! terms forbid redistribution (see the README for the recipe).

mod dates;
mod read;

pub use dates::{date_from_name, date_from_value};
pub use read::{Loaded, ReadOptions, SkippedSnapshot, read, read_bytes};
