//! Guides: the long form behind the README, one module per topic. The
//! modules hold no code; their text lives in `docs/` and every example in
//! it runs as a doc test.
//!
//! - [`measuring`]: what is measured and how exactly.
//! - [`claims`]: checking claims: quantifiers, uncertainty, verdicts.
//! - [`maps`]: GeoJSON for map tools.
//! - [`countries`]: the bundled boundaries and your own.
//! - [`places`]: the gazetteer, admin-1 regions and reverse look-up.
//! - [`control`]: control maps: who held what, when; the line of contact.
//! - [`command_line`]: the `strikemap` command.
//! - [`speed`]: benches and the comparison with other tools.
//! - [`rendering`]: pictures: claim maps, PNG/SVG images, HTML pages.
//! - [`buffers`]: the area within a distance of a shape, on the ellipsoid.
//! - [`formats`]: KML and KMZ in and out, GeoParquet out and in.

#[doc = include_str!("../docs/measuring.md")]
pub mod measuring {}

#[doc = include_str!("../docs/claims.md")]
pub mod claims {}

#[doc = include_str!("../docs/maps.md")]
pub mod maps {}

#[doc = include_str!("../docs/countries.md")]
pub mod countries {}

#[doc = include_str!("../docs/places.md")]
pub mod places {}

#[doc = include_str!("../docs/control.md")]
pub mod control {}

#[doc = include_str!("../docs/command_line.md")]
pub mod command_line {}

#[doc = include_str!("../docs/speed.md")]
pub mod speed {}

#[doc = include_str!("../docs/rendering.md")]
pub mod rendering {}
#[doc = include_str!("../docs/buffers.md")]
pub mod buffers {}
#[doc = include_str!("../docs/formats.md")]
pub mod formats {}
