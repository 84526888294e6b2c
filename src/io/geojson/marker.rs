//! Marker Points derived from range rings (the centre) and strike arcs
//! (the launch point and the point of impact), written right after their
//! ring or arc by every collection writer ([`MapExport`](crate::MapExport),
//! [`FeatureCollectionWriter`](crate::io::geojson::FeatureCollectionWriter),
//! [`SequenceWriter`](crate::io::geojson::SequenceWriter)), all through
//! [`markers`].
//!
//! A marker is derived: the import skips it, and exporting what was
//! imported writes it again from its ring or arc, so a round trip gives the
//! same file. Its properties: `kind: "marker"`, `name`, `marker_of` (the
//! ring's or arc's name), `role` (`centre`, `launch`, `impact`), `title`,
//! then its style: `marker-color` the ring's or arc's `stroke` as written,
//! `marker-symbol` by role (Maki `cross`, `rocket`, `danger`), then the
//! style of [`FeatureKind::Marker`] (by default `marker-size: small`).

use geojson::feature::Id;
use geojson::{Feature, JsonObject, JsonValue};

use super::drawn::Drawn;
use super::export::Ids;
use super::geometry::Shape;
use super::schema::key;
use super::{ExportOptions, FeatureKind, MapFeature, MapItem, geometry_bbox};
use crate::error::Result;
use crate::position::LatLon;

/// What a marker marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A range ring's centre.
    Centre,
    /// A strike arc's launch point.
    Launch,
    /// A strike arc's target.
    Impact,
}

impl Role {
    /// The `role` property.
    const fn name(self) -> &'static str {
        match self {
            Role::Centre => "centre",
            Role::Launch => "launch",
            Role::Impact => "impact",
        }
    }

    /// The Maki icon (`marker-symbol`).
    const fn symbol(self) -> &'static str {
        match self {
            Role::Centre => "cross",
            Role::Launch => "rocket",
            Role::Impact => "danger",
        }
    }
}

/// The `stroke` the feature is written with: its extra properties, its own
/// style, or its kind's style, the later winning as when it is written.
fn stroke<'a>(feature: &'a MapFeature, options: &'a ExportOptions) -> Option<&'a JsonValue> {
    feature
        .properties
        .get("stroke")
        .or_else(|| feature.style.get("stroke"))
        .or_else(|| options.styles().get(feature.kind()).get("stroke"))
        .filter(|v| v.is_string())
}

fn id_text(id: &Id) -> String {
    match id {
        Id::String(s) => s.clone(),
        Id::Number(n) => n.to_string(),
    }
}

/// The marker features of `feature` (a range ring or strike arc, as
/// written: after [`ranked`](super::export::ranked) gave a ring its
/// colour), which was written with the id `parent`: none for other kinds
/// or when the options ask for none. Each marker's id is the parent's with
/// `/centre`, `/launch` or `/impact` added, made unique by `ids`.
///
/// Positions are those written for the ring or arc: `drawn` is its
/// geometry as written.
///
/// # Errors
/// As rounding the positions to the export precision (which the ring or
/// arc itself passed).
pub(crate) fn markers(
    feature: &MapFeature,
    drawn: &Drawn,
    parent: &Id,
    options: &ExportOptions,
    ids: &mut Ids,
) -> Result<Vec<Feature>> {
    if !options.markers() {
        return Ok(Vec::new());
    }
    let of = feature.item.name();
    let named = |name: &str, role: Role| match name.trim().is_empty() {
        true => format!("{} of {of}", role.name()),
        false => name.to_string(),
    };
    // Where the ring or arc is written: the rounded centre; the first and
    // last positions of the arc as drawn (what the import reads back as
    // its ends, also where a pole makes the longitude arbitrary).
    let points: Vec<(Role, String, LatLon)> = match (&feature.item, &drawn.shape) {
        (MapItem::RangeRing(r), _) => {
            let centre = match drawn.at {
                Some(at) => at,
                None => options.quantize(r.centre)?,
            };
            vec![(Role::Centre, format!("centre of {of}"), centre)]
        }
        (MapItem::StrikeArc(a), shape) => {
            let (first, last) = match shape {
                Shape::Lines(parts) => (
                    parts.first().and_then(|p| p.first()).copied(),
                    parts.last().and_then(|p| p.last()).copied(),
                ),
                _ => (None, None),
            };
            let launch = match first {
                Some(p) => p,
                None => options.quantize(a.launch.position)?,
            };
            let target = match last {
                Some(p) => p,
                None => options.quantize(a.target.position)?,
            };
            vec![
                (Role::Launch, named(&a.launch.name, Role::Launch), launch),
                (Role::Impact, named(&a.target.name, Role::Impact), target),
            ]
        }
        _ => return Ok(Vec::new()),
    };
    let colour = stroke(feature, options);
    let parent = id_text(parent);
    let mut out = Vec::with_capacity(points.len());
    for (role, name, at) in points {
        let geometry = Shape::Point(at).to_geometry();
        let mut props = JsonObject::new();
        props.insert(key::KIND.into(), FeatureKind::Marker.name().into());
        props.insert(key::NAME.into(), name.as_str().into());
        props.insert(key::MARKER_OF.into(), of.as_str().into());
        props.insert(key::ROLE.into(), role.name().into());
        props.insert(key::TITLE.into(), name.into());
        if let Some(c) = colour {
            props.insert("marker-color".into(), c.clone());
        }
        props.insert("marker-symbol".into(), role.symbol().into());
        for (k, v) in options.styles().get(FeatureKind::Marker).properties() {
            props.insert(k.clone(), v.clone());
        }
        let bbox = match options.bbox() {
            true => geometry_bbox(&geometry).map(|b| b.to_vec()),
            false => None,
        };
        out.push(Feature {
            bbox,
            geometry: Some(geometry),
            id: Some(ids.assign_text(format!("{parent}/{}", role.name()))),
            properties: Some(props),
            foreign_members: None,
        });
    }
    Ok(out)
}
