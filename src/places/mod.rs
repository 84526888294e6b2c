//! Places bundled in the crate, usable offline: countries today.

pub mod countries;
