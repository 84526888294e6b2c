//! Typed places and events: air bases, cities, other sites, front lines,
//! territories, strikes, and the [`Catalog`] that holds and answers questions
//! about them.

mod air_base;
mod arc;
mod catalog;
mod city;
mod control;
mod country_code;
mod front_line;
mod names;
mod place;
mod ring;
mod site;
mod source;
mod strike;
mod territory;

pub use air_base::AirBase;
pub use arc::StrikeArc;
pub use catalog::{Catalog, Ranked, TargetRef};
pub use city::City;
pub(crate) use control::union as control_union;
pub use control::{
    AsOf, Change, ContactOptions, ControlMap, DEFAULT_BORDER_TOLERANCE, GENERALISATION_TOLERANCES,
    Generalised, Snapshot, generalised_lengths,
};
pub use country_code::CountryCode;
pub use front_line::FrontLine;
pub use place::{Place, PlaceKind};
pub use ring::RangeRing;
pub use site::Site;
pub use source::Source;
pub use strike::{ClaimedCount, CountKind, Endpoint, Strike, Weapon};
pub use territory::Territory;

pub(crate) use names::{
    Within, edit_distance_within, first_folded_char, fold, normalise_name, suggestions,
};
