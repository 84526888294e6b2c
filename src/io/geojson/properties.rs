//! A feature's properties, written by one function for two destinations:
//! a JSON object ([`MapExport`](crate::MapExport),
//! [`MapFeature::to_feature`]) or straight into a serializer (the stream
//! writers, which so never build a map per feature). Both give the same
//! properties; `tests/it/geojson/stream.rs` compares them.
//!
//! The properties come in layers, later ones winning over earlier ones of
//! the same name: strikemap's own (kind, name, dates, distances, ...) and
//! `title`, then the kind's style, the feature's style, and the feature's
//! extra properties.

use std::fmt::Display;

use geojson::JsonObject;
use jiff::civil::Date;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::drawn::Drawn;
use super::schema::key;
use super::{ExportOptions, MapFeature, MapItem};
use crate::distance::Distance;
use crate::error::Error;
use crate::model::{Place, Site, Source};

/// Where properties are written.
pub(crate) trait PropertySink {
    /// What writing can fail with.
    type Error;
    /// Writes one property.
    fn put<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), Self::Error>;
    /// Starts the next layer: its names win over those written before.
    fn next_layer(&mut self) {}
}

/// Into a JSON object: a later property replaces one of the same name.
impl PropertySink for JsonObject {
    type Error = Error;

    fn put<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), Error> {
        let value = serde_json::to_value(value).map_err(|e| {
            Error::format(
                format!("properties.{key}"),
                "a value JSON can hold",
                e.to_string(),
            )
        })?;
        self.insert(key.to_string(), value);
        Ok(())
    }
}

/// Into a serializer's map, which cannot take a name back once written: a
/// property is skipped when a later layer has the same name.
pub(crate) struct MapSink<'a, M> {
    map: &'a mut M,
    later: [&'a JsonObject; 3],
    layer: usize,
}

impl<'a, M: SerializeMap> MapSink<'a, M> {
    pub(crate) fn new(map: &'a mut M, feature: &'a MapFeature, options: &'a ExportOptions) -> Self {
        MapSink {
            map,
            later: style_layers(feature, options),
            layer: 0,
        }
    }
}

impl<M: SerializeMap> PropertySink for MapSink<'_, M> {
    type Error = M::Error;

    fn put<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), M::Error> {
        let later = self.later.get(self.layer..).unwrap_or_default();
        if later.iter().any(|layer| layer.contains_key(key)) {
            return Ok(());
        }
        self.map.serialize_entry(key, value)
    }

    fn next_layer(&mut self) {
        self.layer += 1;
    }
}

/// The layers written after strikemap's own properties, in order: the
/// kind's style, the feature's style, the extra properties.
fn style_layers<'a>(feature: &'a MapFeature, options: &'a ExportOptions) -> [&'a JsonObject; 3] {
    [
        options.styles().get(feature.kind()).properties(),
        feature.style.properties(),
        &feature.properties,
    ]
}

/// Every property of `feature`, drawn as `drawn`, in layers.
pub(crate) fn write_properties<S: PropertySink>(
    feature: &MapFeature,
    drawn: &Drawn,
    options: &ExportOptions,
    sink: &mut S,
) -> Result<(), S::Error> {
    let name = feature.item.name();
    own_properties(&feature.item, &name, drawn, sink)?;
    sink.put(key::TITLE, &name)?;
    for layer in style_layers(feature, options) {
        sink.next_layer();
        for (k, v) in layer {
            sink.put(k, v)?;
        }
    }
    Ok(())
}

/// A value written as its `Display` text (a date, say), without building
/// a `String` first when the sink is a serializer.
struct Text<T>(T);

impl<T: Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// A number of kilometres or miles as written: to the metre (3 decimals).
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Milliseconds since 1970-01-01T00:00:00Z at the start of `date` in UTC
/// (the `timestamp` kepler.gl plays back).
pub(crate) fn unix_ms(date: Date) -> i64 {
    days_from_civil(date) * 86_400_000
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`, <https://howardhinnant.github.io/date_algorithms.html>):
/// plain arithmetic, much cheaper than a time-zone conversion per feature.
fn days_from_civil(date: Date) -> i64 {
    let (m, d) = (i64::from(date.month()), i64::from(date.day()));
    let y = i64::from(date.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn put_opt<S: PropertySink>(sink: &mut S, key: &str, value: Option<&str>) -> Result<(), S::Error> {
    match value {
        Some(v) => sink.put(key, v),
        None => Ok(()),
    }
}

fn put_list<S: PropertySink>(sink: &mut S, key: &str, items: &[String]) -> Result<(), S::Error> {
    match items.is_empty() {
        true => Ok(()),
        false => sink.put(key, items),
    }
}

/// `{stem}_km` and `{stem}_mi`, to the metre.
fn put_distance<S: PropertySink>(
    sink: &mut S,
    [km, mi]: [&str; 2],
    d: Distance,
) -> Result<(), S::Error> {
    sink.put(km, &round3(d.as_km()))?;
    sink.put(mi, &round3(d.as_miles()))
}

fn put_date<S: PropertySink>(sink: &mut S, date: Date) -> Result<(), S::Error> {
    sink.put(key::DATE, &Text(date))?;
    sink.put(key::TIMESTAMP, &unix_ms(date))
}

/// `source`, `source_url`, `source_date`, unless the source is empty.
fn put_source<S: PropertySink>(sink: &mut S, source: &Source) -> Result<(), S::Error> {
    if *source == Source::default() {
        return Ok(());
    }
    sink.put(key::SOURCE, source.title.as_str())?;
    put_opt(sink, key::SOURCE_URL, source.url.as_deref())?;
    match source.date {
        Some(d) => sink.put(key::SOURCE_DATE, &Text(d)),
        None => Ok(()),
    }
}

fn put_site<S: PropertySink>(sink: &mut S, site: &Site) -> Result<(), S::Error> {
    sink.put(key::COUNTRY, site.country.as_str())?;
    put_opt(sink, key::REGION, site.region.as_deref())?;
    put_list(sink, key::ALIASES, &site.aliases)?;
    put_opt(sink, key::CATEGORY, site.category.as_deref())?;
    put_source(sink, &site.source)
}

/// strikemap's own properties of an item, measured on `drawn`.
fn own_properties<S: PropertySink>(
    item: &MapItem,
    name: &str,
    drawn: &Drawn,
    sink: &mut S,
) -> Result<(), S::Error> {
    sink.put(key::KIND, item.kind().name())?;
    sink.put(key::NAME, name)?;
    match item {
        MapItem::Place(place) => {
            put_site(sink, place.site())?;
            match place {
                Place::AirBase(b) => put_opt(sink, key::ICAO, b.icao.as_deref())?,
                Place::City(c) => {
                    if let Some(n) = c.population {
                        sink.put(key::POPULATION, &n)?;
                    }
                }
                Place::Site(_) => {}
            }
        }
        MapItem::FrontLine(front) => {
            put_date(sink, front.as_of)?;
            sink.put(key::APPROXIMATE, &front.approximate)?;
            put_list(sink, key::WAYPOINTS, &front.waypoints)?;
            if !front.sources.is_empty() {
                sink.put(key::SOURCES, &front.sources)?;
            }
        }
        MapItem::Territory(t) => {
            put_opt(sink, key::COUNTRY, t.country.as_ref().map(|c| c.as_str()))?;
            put_list(sink, key::ALIASES, &t.aliases)?;
            put_opt(sink, key::SCALE, t.scale.as_deref())?;
            put_source(sink, &t.source)?;
            if let Some(km2) = drawn.area_km2 {
                sink.put(key::AREA_KM2, &round3(km2))?;
            }
        }
        MapItem::Strike(s) => {
            sink.put(key::TARGET, s.target.name.as_str())?;
            put_date(sink, s.date)?;
            sink.put(key::WEAPON, s.weapon.name())?;
            put_opt(sink, key::STRIKE_ID, s.id.as_deref())?;
            if let (Some(launch), Some(at)) = (&s.launch, drawn.at) {
                sink.put(key::LAUNCH, launch.name.as_str())?;
                sink.put(key::LAUNCH_POSITION, &at.to_lon_lat())?;
            }
            if !s.counts.is_empty() {
                sink.put(key::COUNTS, &s.counts)?;
            }
            put_opt(sink, key::DESCRIPTION, s.description.as_deref())?;
            put_source(sink, &s.source)?;
        }
        MapItem::StrikeArc(a) => {
            sink.put(key::LAUNCH, a.launch.name.as_str())?;
            sink.put(key::TARGET, a.target.name.as_str())?;
            if let Some(d) = a.date {
                put_date(sink, d)?;
            }
            if let Some(w) = a.weapon {
                sink.put(key::WEAPON, w.name())?;
            }
            put_opt(sink, key::STRIKE_ID, a.strike_id.as_deref())?;
        }
        MapItem::RangeRing(_) => {
            if let (Some(centre), Some(radius)) = (drawn.at, drawn.distance) {
                sink.put(key::CENTRE, &centre.to_lon_lat())?;
                sink.put(key::RADIUS_M, &radius.as_metres())?;
            }
        }
    }
    if let Some(d) = drawn.distance {
        let stem = match item {
            MapItem::FrontLine(_) => [key::LENGTH_KM, key::LENGTH_MI],
            MapItem::RangeRing(_) => [key::RADIUS_KM, key::RADIUS_MI],
            _ => [key::DISTANCE_KM, key::DISTANCE_MI],
        };
        put_distance(sink, stem, d)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_is_utc_midnight() {
        assert_eq!(unix_ms(crate::Date::constant(1970, 1, 2)), 86_400_000);
        assert_eq!(
            unix_ms(crate::Date::constant(2025, 6, 1)),
            1_748_736_000_000
        );
    }

    #[test]
    fn days_agree_with_jiff() {
        for (y, m, d) in [
            (1970, 1, 1),
            (1969, 12, 31),
            (2000, 2, 29),
            (2025, 6, 2),
            (1900, 3, 1),
            (-44, 3, 15),
            (9999, 12, 30),
        ] {
            let date = crate::Date::constant(y, m, d);
            let want = date
                .to_zoned(jiff::tz::TimeZone::UTC)
                .unwrap()
                .timestamp()
                .as_millisecond();
            assert_eq!(unix_ms(date), want, "{date}");
        }
    }

    #[test]
    fn a_later_layer_wins_in_an_object() {
        let mut object = JsonObject::new();
        object.put("a", &1).unwrap();
        object.next_layer();
        object.put("a", &2).unwrap();
        assert_eq!(object["a"], 2);
    }
}
