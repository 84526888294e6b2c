//! Places bundled in the crate, usable offline: countries, admin-1 regions
//! and the gazetteer of towns and airfields; look-up by name and by
//! position.

mod bounds;
pub mod countries;
pub mod gazetteer;
pub mod regions;
