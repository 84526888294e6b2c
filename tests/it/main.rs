//! The integration tests of strikemap, in one binary (one link of the crate
//! instead of one per file): a module per capability, shared helpers in
//! `common`, reference data in `tests/fixtures/`.
//!
//! Run one capability with a filter, e.g. `cargo test --test it accuracy::`
//! or `cargo test --test it cli::distances::`.

mod common;

mod accuracy;
mod bad_input;
mod buffer;
mod claims;
#[cfg(feature = "cli")]
mod cli;
mod control;
mod countries;
mod fuzz_corpus;
mod geojson;
mod kml;
#[cfg(feature = "parquet")]
mod parquet;
mod places;
mod points;
mod prepared;
mod properties;
mod render;
mod review;
