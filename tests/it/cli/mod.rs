//! The `strikemap` binary, driven as a user would (feature `cli`; the
//! module is compiled out without it).

mod buffer;
mod check;
mod control;
mod distance;
mod distances;
mod docs;
mod geojson;
mod inputs;
mod kml;
mod places;
mod render;
mod review;
