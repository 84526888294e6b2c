//! Checking distance and length claims: measure every subject, build its
//! uncertainty budget, decide every reading, diagnose unit mix-ups.

use super::claim::{Claim, DistanceClaim, LengthClaim};
use super::explain::{self, Context};
use super::mixup;
use super::options::CheckOptions;
use super::quantifier::{Band, Quantifier, rounding};
use super::reference::{Reference, ReferenceData};
use super::subject::Subject;
use super::uncertainty::{
    APPROXIMATE_LENGTH_FRACTION, APPROXIMATE_LINE_ALLOWANCE, DEFAULT_SCALE, HAVERSINE_FRACTION,
    SURVEYED_LENGTH_FRACTION, SURVEYED_LINE_ALLOWANCE, Uncertainty, UncertaintyKind,
    UncertaintyPart, coordinate_precision, map_scale_error,
};
use super::verdict::{
    DistanceVerdict, Reading, ReadingVerdict, ReferenceInfo, SubjectResult, Verdict, Warning,
};
use crate::distance::{Distance, StatedDistance, Unit};
use crate::error::{Error, Result};
use crate::measure::{LengthMeasure as _, Method, Nearest, Target};
use crate::model::{FrontLine, GENERALISATION_TOLERANCES, Territory, generalised_lengths};
use crate::position::LatLon;
use crate::shape::Line;

/// A subject as measured, with the parts of its budget that do not depend
/// on the claim's figure (coordinates, reference data, method).
#[derive(Debug, Clone)]
pub(crate) struct Measured {
    pub(crate) name: String,
    pub(crate) position: Option<LatLon>,
    pub(crate) metres: f64,
    pub(crate) reference_point: Option<LatLon>,
    pub(crate) inside: bool,
    /// For a subject inside an area: how far inside, to the nearest point
    /// of the boundary, in metres, when it was needed (see [`assess`]).
    pub(crate) depth: Option<f64>,
    pub(crate) parts: Vec<UncertaintyPart>,
}

impl Measured {
    /// The sum of the figure-independent parts, in metres.
    pub(crate) fn other_parts(&self) -> f64 {
        self.parts.iter().map(|p| p.metres).sum()
    }
}

/// Every subject and every reading for one reading of the figure.
#[derive(Debug, Clone)]
pub(crate) struct Assessment {
    pub(crate) subjects: Vec<SubjectResult>,
    /// (reading, verdict, index of the deciding subject), in [`Reading::ALL`] order.
    pub(crate) readings: Vec<(Reading, Verdict, usize)>,
}

impl Assessment {
    pub(crate) fn verdict(&self, reading: Reading) -> Verdict {
        self.readings
            .iter()
            .find(|(r, ..)| *r == reading)
            .map_or(Verdict::NotSupported, |(_, v, _)| *v)
    }
}

/// Formats a figure as written in a claim, e.g. `4,300 mi`.
fn figure(stated: &StatedDistance) -> String {
    format!(
        "{} {}",
        explain::group(stated.value(), decimals_of(stated.resolution())),
        stated.unit().symbol()
    )
}

/// Decimals needed to show a number with this resolution.
fn decimals_of(resolution: f64) -> usize {
    if resolution >= 1.0 || resolution <= 0.0 {
        0
    } else {
        // Bounded: resolution < 1 gives a small positive count.
        (-resolution.log10()).ceil().clamp(0.0, 9.0) as usize
    }
}

/// The stated-precision part of the budget.
fn stated_part(
    quantifier: Quantifier,
    stated: &StatedDistance,
    options: &CheckOptions<'_>,
) -> UncertaintyPart {
    if let Some(d) = options.stated_precision() {
        return UncertaintyPart::new(
            UncertaintyKind::StatedPrecision,
            d.as_metres(),
            format!("set by the caller: {}", explain::km_mi(d.as_metres())),
        );
    }
    let unit = stated.unit();
    let h = quantifier.stated_precision(stated.value(), stated.resolution());
    let note = if quantifier.is_threshold() {
        let res = stated.resolution();
        format!(
            "\"{}\" is rounded to {} {}: half of that, at most 5 % of the figure, is {} {}",
            figure(stated),
            explain::group(res, decimals_of(res)),
            unit.symbol(),
            explain::group(h, decimals_of(res / 2.0)),
            unit.symbol()
        )
    } else {
        format!(
            "0: the band accepted by \"{}\" already allows for the rounding of \"{}\"",
            quantifier.phrase(),
            figure(stated)
        )
    };
    UncertaintyPart::new(UncertaintyKind::StatedPrecision, h * unit.metres(), note)
}

/// A verdict for every subject and every reading, for this figure.
pub(crate) fn assess(
    quantifier: Quantifier,
    stated: &StatedDistance,
    measured: &[Measured],
    options: &CheckOptions<'_>,
) -> Assessment {
    let unit = stated.unit();
    let band = quantifier
        .band(stated.value(), stated.resolution())
        .scaled(unit.metres());
    let stated_part = stated_part(quantifier, stated, options);
    let subjects: Vec<SubjectResult> = measured
        .iter()
        .map(|m| {
            let mut parts = vec![stated_part.clone()];
            parts.extend(m.parts.iter().cloned());
            let uncertainty = Uncertainty::new(parts);
            let u = uncertainty.total().as_metres();
            let margin = band.margin(m.metres);
            let satisfies = band.contains(m.metres);
            let verdict = match band.for_lengths() {
                // No distance is less than 0 m: the claim can never hold.
                None => Verdict::NotSupported,
                // Every distance passes: "at least 0 m".
                Some(Band {
                    low: None,
                    high: None,
                }) => Verdict::Supported,
                // A subject inside an area is decided by how far inside it
                // is: deeper than the uncertainty, its distance is 0 for sure.
                Some(lengths) => {
                    let signed = if m.inside {
                        -m.depth.unwrap_or(0.0)
                    } else {
                        m.metres
                    };
                    Verdict::decide(lengths.margin(signed), u, satisfies)
                }
            };
            SubjectResult {
                name: m.name.clone(),
                position: m.position,
                distance: Distance::from_metres(m.metres),
                unit,
                reference_point: m.reference_point,
                inside: m.inside,
                satisfies,
                verdict,
                margin: Distance::from_metres(margin),
                uncertainty,
            }
        })
        .collect();
    let readings = Reading::ALL
        .into_iter()
        .map(|reading| {
            let i = decider(reading, &subjects);
            (reading, subjects[i].verdict, i)
        })
        .collect();
    Assessment { subjects, readings }
}

/// The index of the subject that decides a reading: for every, the worst
/// (lowest verdict, then smallest margin); for any, the best; for farthest,
/// the farthest (the first of equals).
fn decider(reading: Reading, subjects: &[SubjectResult]) -> usize {
    let standing = |s: &SubjectResult| (s.verdict.rank(), s.margin.as_metres());
    let cmp = |a: &SubjectResult, b: &SubjectResult| {
        let (ra, ma) = standing(a);
        let (rb, mb) = standing(b);
        ra.cmp(&rb).then(ma.total_cmp(&mb))
    };
    let indices = 0..subjects.len();
    let pick = match reading {
        Reading::Every => indices.min_by(|&a, &b| cmp(&subjects[a], &subjects[b])),
        Reading::Any => indices
            .rev()
            .max_by(|&a, &b| cmp(&subjects[a], &subjects[b])),
        Reading::Farthest => indices
            .rev()
            .max_by(|&a, &b| subjects[a].distance.total_cmp(&subjects[b].distance)),
    };
    // Callers check that there is at least one subject.
    pick.unwrap_or(0)
}

/// The nearest point of the reference, with the chosen method.
fn nearest(reference: &impl Target, from: LatLon, method: Method) -> Nearest {
    match method {
        // The exact ellipsoidal measure, the default.
        Method::Geodesic => reference.nearest_to(from),
        Method::Haversine => reference.nearest_by(from, Method::Haversine),
    }
}

/// The method part of the budget for a measured distance.
fn method_part(method: Method, metres: f64) -> UncertaintyPart {
    match method {
        Method::Geodesic => UncertaintyPart::new(
            UncertaintyKind::Method,
            0.0,
            "0: measured on the WGS84 ellipsoid (Karney's geodesic algorithms, accurate to about 15 nanometres)",
        ),
        Method::Haversine => UncertaintyPart::new(
            UncertaintyKind::Method,
            HAVERSINE_FRACTION * metres,
            "measured on a sphere (haversine) as asked: up to 0.56 % of the distance off the WGS84 ellipsoid",
        ),
    }
}

/// The precision of a position, from the caller or from its decimals, with a note.
fn position_precision(name: &str, p: LatLon, options: &CheckOptions<'_>) -> (f64, String) {
    match options.coordinate_precision() {
        Some(d) => (
            d.as_metres(),
            format!(
                "{name}: {} (set by the caller)",
                explain::metres_text(d.as_metres())
            ),
        ),
        None => {
            let d = coordinate_precision(p).as_metres();
            (
                d,
                format!(
                    "{name} given as {}, {}: one unit in the last decimal place is {}",
                    p.lat(),
                    p.lon(),
                    explain::metres_text(d)
                ),
            )
        }
    }
}

/// The same territory at another scale, if known: from the options, or
/// the one the territory carries ([`Territory::other_scale`]).
fn other_scale<'a>(territory: &'a Territory, options: &CheckOptions<'a>) -> Option<&'a Territory> {
    options.other_scale().or_else(|| territory.other_scale())
}

/// The reference-data part for a territory, or (`territory` `None`) a bare
/// area of unknown scale.
fn territory_part(
    territory: Option<&Territory>,
    other: Option<&Territory>,
    from: LatLon,
    metres: f64,
    method: Method,
) -> UncertaintyPart {
    let name = territory.map_or("the area", |t| t.name.as_str());
    let given = territory.and_then(|t| t.scale.as_deref());
    let (scale, assumed) = match given {
        Some(s) if map_scale_error(s).is_some() => (s, false),
        _ => (DEFAULT_SCALE, true),
    };
    let figure = map_scale_error(scale).map_or(0.0, Distance::as_metres);
    let mut note = format!(
        "{name} at {scale}{}: 0.07 mm on the map, {}",
        if assumed {
            " (scale not given, assumed)"
        } else {
            ""
        },
        explain::metres_text(figure)
    );
    let mut size = figure;
    if let Some(moved) = territory.and_then(Territory::simplification_error) {
        note.push_str(&format!(
            ", plus {} by which simplifying the boundary for size moved it",
            explain::metres_text(moved.as_metres())
        ));
        size += moved.as_metres();
    }
    if let Some(other) = other {
        let d_other = nearest(other, from, method).distance.as_metres();
        let diff = (metres - d_other).abs();
        note.push_str(&format!(
            "; the same boundary at {} gives a distance {} different",
            other.scale.as_deref().unwrap_or("another scale"),
            explain::metres_text(diff)
        ));
        size = size.max(diff);
    }
    UncertaintyPart::new(UncertaintyKind::ReferenceData, size, note)
}

/// The reference-data part for a distance to a front line, or (`front`
/// `None`) a bare line, allowed for as a mapped line.
fn front_line_part(front: Option<&FrontLine>) -> UncertaintyPart {
    let name = front.map_or("the line".to_string(), |f| {
        format!("front line \"{}\"", f.name)
    });
    if front.is_some_and(|f| f.approximate) {
        UncertaintyPart::new(
            UncertaintyKind::ReferenceData,
            APPROXIMATE_LINE_ALLOWANCE.as_metres(),
            format!(
                "{name} is an approximate sketch: allowance {}",
                explain::metres_text(APPROXIMATE_LINE_ALLOWANCE.as_metres())
            ),
        )
    } else {
        UncertaintyPart::new(
            UncertaintyKind::ReferenceData,
            SURVEYED_LINE_ALLOWANCE.as_metres(),
            format!(
                "{name}: allowance {} for a mapped line of contact",
                explain::metres_text(SURVEYED_LINE_ALLOWANCE.as_metres())
            ),
        )
    }
}

/// Measures one subject against the reference.
fn measure<S: Subject, R: Reference>(
    subject: &S,
    reference: &R,
    data: &ReferenceData<'_>,
    other: Option<&Territory>,
    options: &CheckOptions<'_>,
) -> Measured {
    let method = options.method();
    let p = subject.position();
    let near = nearest(reference, p, method);
    let metres = near.distance.as_metres();
    let (mut coords, mut note) = position_precision(subject.name(), p, options);
    if let ReferenceData::Point { name, position } = data {
        let (c, n) = position_precision(name, *position, options);
        coords += c;
        note = format!("{note}; {n}");
    }
    let part = match (options.reference_resolution(), data) {
        (Some(d), _) => UncertaintyPart::new(
            UncertaintyKind::ReferenceData,
            d.as_metres(),
            format!("set by the caller: {}", explain::metres_text(d.as_metres())),
        ),
        (None, ReferenceData::Point { name, .. }) => UncertaintyPart::new(
            UncertaintyKind::ReferenceData,
            0.0,
            format!("0: {name} is a point (its position is counted under coordinates)"),
        ),
        (None, ReferenceData::Territory(t)) => territory_part(Some(t), other, p, metres, method),
        (None, ReferenceData::Area) => territory_part(None, None, p, metres, method),
        (None, ReferenceData::FrontLine(f)) => front_line_part(Some(f)),
        (None, ReferenceData::Line) => front_line_part(None),
    };
    Measured {
        name: subject.name().to_string(),
        position: Some(p),
        metres,
        reference_point: Some(near.point),
        inside: near.inside,
        depth: None,
        parts: vec![
            UncertaintyPart::new(UncertaintyKind::Coordinates, coords, note),
            part,
            method_part(method, metres),
        ],
    }
}

/// The index of the nearest and farthest measured subject.
fn extremes(measured: &[Measured]) -> (usize, usize) {
    let order = |a: &usize, b: &usize| measured[*a].metres.total_cmp(&measured[*b].metres);
    let nearest = (0..measured.len()).min_by(order).unwrap_or(0);
    let farthest = (0..measured.len()).rev().max_by(order).unwrap_or(0);
    (nearest, farthest)
}

/// Builds the verdict from measurements.
fn verdict(
    claim: Claim,
    quantifier: Quantifier,
    stated: &StatedDistance,
    stated_reading: Reading,
    reference: Option<ReferenceInfo>,
    measured: &[Measured],
    options: &CheckOptions<'_>,
) -> DistanceVerdict {
    let assessment = assess(quantifier, stated, measured, options);
    let unit = stated.unit();
    let band = quantifier
        .band(stated.value(), stated.resolution())
        .scaled(unit.metres());
    let reference_name = reference.as_ref().map(|r| r.name.clone());
    let ctx = Context {
        quantifier,
        stated,
        band,
        reference: reference_name.as_deref(),
        length: reference.is_none(),
    };
    let readings: Vec<ReadingVerdict> = assessment
        .readings
        .iter()
        .map(|&(reading, verdict, i)| ReadingVerdict {
            reading,
            verdict,
            decided_by: assessment.subjects[i].name.clone(),
            explanation: explain::reading(
                reading,
                verdict,
                &assessment.subjects[i],
                &assessment.subjects,
                &ctx,
            ),
        })
        .collect();
    let verdict = assessment.verdict(stated_reading);
    // A claim no distance can meet ("less than 0 m") and a figure of 0 (the
    // same in every unit) say nothing about units.
    let possible = band.for_lengths().is_some();
    let unit_mixup = if verdict == Verdict::NotSupported && possible && stated.value() > 0.0 {
        mixup::diagnose(quantifier, stated, measured, options)
    } else {
        None
    };
    let (near, far) = extremes(measured);
    let uncertainty = Uncertainty::largest(assessment.subjects.iter().map(|s| &s.uncertainty));
    let mut v = DistanceVerdict {
        claim,
        verdict,
        reading: stated_reading,
        method: options.method(),
        unit,
        reference,
        subjects: assessment.subjects,
        nearest: measured[near].name.clone(),
        farthest: measured[far].name.clone(),
        readings,
        unit_mixup,
        uncertainty,
        warnings: Vec::new(),
        explanation: String::new(),
    };
    v.explanation = explain::distance(&v, &ctx);
    if !possible {
        v.explanation = format!(
            "No distance is {} {}: the claim can never hold. {}",
            quantifier.phrase(),
            figure(stated),
            v.explanation
        );
    }
    v
}

/// Checks a distance claim.
pub(crate) fn distance<S: Subject, R: Reference>(
    claim: &DistanceClaim,
    subjects: &[S],
    reference: &R,
    options: &CheckOptions<'_>,
) -> Result<DistanceVerdict> {
    options.validate()?;
    if subjects.is_empty() {
        return Err(Error::NoSubjects {
            claim: claim.text.clone(),
        });
    }
    let data = reference.reference_data();
    let other = match data {
        ReferenceData::Territory(t) if options.reference_resolution().is_none() => {
            other_scale(t, options)
        }
        _ => None,
    };
    let mut measured: Vec<Measured> = subjects
        .iter()
        .map(|s| measure(s, reference, &data, other, options))
        .collect();
    if let ReferenceData::Territory(t) = data {
        add_depths(claim, t, &mut measured, options);
    }
    let mut v = verdict(
        Claim::Distance(claim.clone()),
        claim.quantifier,
        &claim.stated,
        claim.reading,
        Some(data.info()),
        &measured,
        options,
    );
    if let Some(stated) = claim.reference.as_deref()
        && !data.answers_to(stated)
    {
        let warning = Warning::ReferenceMismatch {
            stated: stated.to_string(),
            measured_to: data.info().name,
        };
        v.explanation = format!("{warning}. {}", v.explanation);
        v.warnings.push(warning);
    }
    Ok(v)
}

/// Measures how far inside the territory each inside subject is, where the
/// verdict depends on it: the claim's band has an end within the subject's
/// uncertainty of 0 m ("within 0 km", "more than 0 m"). Deeper inside than
/// its uncertainty, a subject's distance is 0 whatever the errors are.
fn add_depths(
    claim: &DistanceClaim,
    territory: &Territory,
    measured: &mut [Measured],
    options: &CheckOptions<'_>,
) {
    let stated = &claim.stated;
    let band = claim
        .quantifier
        .band(stated.value(), stated.resolution())
        .scaled(stated.unit().metres());
    let Some(lengths) = band.for_lengths() else {
        return;
    };
    let stated_metres = stated_part(claim.quantifier, stated, options).metres;
    let mut boundary: Option<Option<Line>> = None;
    for m in measured.iter_mut().filter(|m| m.inside) {
        let u = stated_metres + m.other_parts();
        if lengths.margin(0.0).abs() > u {
            continue;
        }
        let line = boundary.get_or_insert_with(|| {
            let rings: Vec<Vec<LatLon>> = territory
                .area()
                .polygons()
                .iter()
                .flat_map(|p| p.rings().iter().cloned())
                .collect();
            Line::new(rings).ok()
        });
        if let (Some(line), Some(p)) = (line.as_ref(), m.position) {
            m.depth = Some(nearest(line, p, options.method()).distance.as_metres());
        }
    }
}

/// The spread of a line's length over drawing resolutions: its length as
/// drawn less its length generalised at the coarsest of
/// [`GENERALISATION_TOLERANCES`] (5 km), with every length in the note.
fn resolution_part(front: &FrontLine) -> UncertaintyPart {
    let lengths = generalised_lengths(front.line(), &GENERALISATION_TOLERANCES);
    let full = lengths[0].length.as_metres();
    let least = lengths
        .iter()
        .map(|g| g.length.as_metres())
        .fold(full, f64::min);
    let listed: Vec<String> = lengths[1..]
        .iter()
        .map(|g| {
            format!(
                "{} at {}",
                explain::metres_text(g.length.as_metres()),
                g.tolerance
            )
        })
        .collect();
    UncertaintyPart::new(
        UncertaintyKind::Resolution,
        full - least,
        format!(
            "{} as drawn, {} when generalised (Douglas–Peucker)",
            explain::metres_text(full),
            listed.join(", ")
        ),
    )
}

/// Checks a length claim.
pub(crate) fn length(
    claim: &LengthClaim,
    front: &FrontLine,
    options: &CheckOptions<'_>,
) -> Result<DistanceVerdict> {
    options.validate()?;
    let method = options.method();
    let metres = method.length(front.line()).as_metres();
    let coords = match options.coordinate_precision() {
        Some(d) => UncertaintyPart::new(
            UncertaintyKind::Coordinates,
            2.0 * d.as_metres(),
            format!(
                "set by the caller: {} per vertex, counted at both ends",
                explain::metres_text(d.as_metres())
            ),
        ),
        None => {
            let coarsest = front
                .line()
                .parts()
                .iter()
                .flatten()
                .map(|v| coordinate_precision(*v).as_metres())
                .fold(0.0, f64::max);
            UncertaintyPart::new(
                UncertaintyKind::Coordinates,
                2.0 * coarsest,
                format!(
                    "the coarsest vertex is given to {}, counted at both ends",
                    explain::metres_text(coarsest)
                ),
            )
        }
    };
    let data = match options.reference_resolution() {
        Some(d) => UncertaintyPart::new(
            UncertaintyKind::ReferenceData,
            d.as_metres(),
            format!("set by the caller: {}", explain::metres_text(d.as_metres())),
        ),
        None => {
            let (fraction, what) = if front.approximate {
                (APPROXIMATE_LENGTH_FRACTION, "an approximate sketch")
            } else {
                (SURVEYED_LENGTH_FRACTION, "a mapped line")
            };
            UncertaintyPart::new(
                UncertaintyKind::ReferenceData,
                fraction * metres,
                format!(
                    "\"{}\" is {what}: {} % of its length, {}",
                    front.name,
                    fraction * 100.0,
                    explain::metres_text(fraction * metres)
                ),
            )
        }
    };
    let measured = [Measured {
        name: front.name.clone(),
        position: None,
        metres,
        reference_point: None,
        inside: false,
        depth: None,
        parts: vec![
            coords,
            data,
            resolution_part(front),
            method_part(method, metres),
        ],
    }];
    Ok(verdict(
        Claim::Length(claim.clone()),
        claim.quantifier,
        &claim.stated,
        Reading::Every,
        None,
        &measured,
        options,
    ))
}

/// The figure's own rounding in metres when read in `unit` (for mix-up matches).
pub(crate) fn rounding_in(stated: &StatedDistance, unit: Unit) -> f64 {
    rounding(stated.value(), stated.resolution()) * unit.metres()
}
