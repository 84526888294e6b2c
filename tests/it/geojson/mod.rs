//! GeoJSON: export, drawn geometry, import and streamed output.

mod defaults;
mod export;
mod geometry;
mod import;
mod markers;
mod stream;
