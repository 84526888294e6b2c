//! From what the scanner found to findings with outcomes: resolve the
//! places and references, then check.

use crate::claim::{CheckOptions, DistanceClaim, LengthClaim, Quantifier, RateClaim};
use crate::distance::Convention;
use crate::error::Error;
use crate::measure::{Geodesic, Metric};
use crate::model::{ClaimedCount, CountKind, FrontLine, Place, PlaceKind};
use crate::places::{countries, regions};
use crate::{Distance, Verdict};

use super::context::Context;
use super::direction;
use super::finding::{CannotCheck, Check, Finding, FindingKind, Outcome, Span};
use super::lexicon::{self, GROUP_WORDS, PRONOUNS};
use super::resolve::{self, Target, Unresolved, Within};
use super::scan::{Found, capitalised_names, quantifier_before};
use super::text::{Prepared, Sentence, char_offset};

/// What the review remembers across sentences: the places named so far in
/// the paragraph, for group words and pronouns.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    paragraph: usize,
    /// The places each earlier sentence of the paragraph named.
    sentences: Vec<Vec<Place>>,
}

/// The findings of one sentence.
pub(crate) struct Judge<'c, 'a> {
    pub(crate) context: &'c Context<'a>,
    pub(crate) article: &'c str,
    pub(crate) front: Option<&'c FrontLine>,
    /// Why there is no front line, when there is none.
    pub(crate) front_missing: String,
}

/// A finding's parts before it gets its outcome.
struct Draft {
    kind: FindingKind,
    span: (usize, usize),
    figure: (usize, usize),
    quantifier: Option<Quantifier>,
    subjects: Option<String>,
    reference: Option<String>,
}

fn cannot(why: CannotCheck, reason: impl Into<String>) -> Outcome {
    Outcome::CannotCheck {
        why,
        reason: reason.into(),
    }
}

/// The first sentence of an explanation.
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text.to_string(),
    }
}

/// The one-line reason of a distance or length verdict: the stated
/// reading's explanation, and the unit mix-up if one is diagnosed.
fn verdict_reason(v: &crate::claim::DistanceVerdict) -> String {
    let mut reason = v
        .reading(v.reading)
        .map_or_else(|| first_sentence(&v.explanation), |r| r.explanation.clone());
    if let Some(m) = &v.unit_mixup {
        reason.push(' ');
        reason.push_str(&m.summary);
    }
    reason
}

/// The outcome of a distance or length check: its verdict, or unreadable
/// with the error's report.
fn distance_outcome(checked: crate::Result<crate::claim::DistanceVerdict>) -> Outcome {
    match checked {
        Ok(v) => Outcome::Checked {
            verdict: v.verdict,
            reason: verdict_reason(&v),
            check: Check::Distance(Box::new(v)),
        },
        Err(e) => cannot(CannotCheck::Unreadable, e.report().to_string()),
    }
}

/// A distance in km and miles, for reasons.
fn km_mi(d: Distance) -> String {
    format!("{:.0} km ({:.0} mi)", d.as_km(), d.as_miles())
}

impl Judge<'_, '_> {
    /// Every finding of `sentence`, in the order found.
    pub(crate) fn sentence(&self, sentence: Sentence, memory: &mut Memory) -> Vec<Finding> {
        if sentence.paragraph != memory.paragraph {
            memory.paragraph = sentence.paragraph;
            memory.sentences.clear();
        }
        let text = &self.article[sentence.start..sentence.end];
        let p = Prepared::new(text, sentence.start);
        let named_here = self.named_places(&p);
        let mut out = Vec::new();
        for found in super::scan::scan(&p) {
            let Some((draft, outcome)) = self.judge(&p, &found, &named_here, memory) else {
                continue;
            };
            out.push(self.finish(sentence, &p, draft, outcome));
            if let Some((draft, outcome)) = self.stated_share(&p, &found) {
                out.push(self.finish(sentence, &p, draft, outcome));
            }
        }
        // Landmarks ("near Moscow", "from Kyiv") are not what a later "the
        // targets" or "it" stands for.
        memory.sentences.push(
            named_here
                .into_iter()
                .filter(|(s, _, _)| !lexicon::after_landmark_word(&p.text[..*s]))
                .filter_map(|(_, _, place)| place)
                .collect(),
        );
        out
    }

    /// The places named in the sentence: (start, end) in the working copy
    /// and the place. Countries and regions are not places here.
    fn named_places(&self, p: &Prepared) -> Vec<(usize, usize, Option<Place>)> {
        capitalised_names(&p.text)
            .into_iter()
            .filter(|(s, e)| {
                let name = &p.text[*s..*e];
                // "in Saratov region": a region, not the city.
                let after = p.text[*e..].to_lowercase();
                let region_word = lexicon::REGION_SUFFIXES
                    .iter()
                    .any(|w| after.starts_with(w));
                !region_word && countries::get(name).is_err() && regions::group(name).is_err()
            })
            .map(|(s, e)| (s, e, self.named_place(&p.text, s, e)))
            .collect()
    }

    /// The place a name at `s..e` of the sentence means: followed by "air
    /// base(s)" or "airfield(s)" (after a list: "the Shaykovka and
    /// Savasleyka air bases"), the name with "Air Base" is tried first.
    fn named_place(&self, t: &str, s: usize, e: usize) -> Option<Place> {
        let name = &t[s..e];
        let clause = t[e..].split(['.', ',', ';', ':', '(']).next().unwrap_or("");
        let words: Vec<&str> = clause.split_whitespace().take(6).collect();
        let is_base = |i: usize| {
            let w = words[i].to_lowercase();
            w.starts_with("airbase")
                || w.starts_with("airfield")
                || (w == "air"
                    && words
                        .get(i + 1)
                        .is_some_and(|n| n.to_lowercase().starts_with("base")))
        };
        let base = (0..words.len()).find(|i| is_base(*i)).is_some_and(|i| {
            words[..i]
                .iter()
                .all(|w| *w == "and" || w.starts_with(char::is_uppercase))
        });
        if base {
            for suffix in ["Air Base", "Airfield"] {
                if let Some(p) = resolve::place_quick(self.context, &format!("{name} {suffix}")) {
                    return Some(p);
                }
            }
        }
        resolve::place_quick(self.context, name)
    }

    /// [`named_place`](Self::named_place) with the gazetteer's reason (and
    /// its close spellings) when the name resolves to nothing.
    fn resolve_named(&self, t: &str, s: usize, e: usize) -> Result<Place, String> {
        match self.named_place(t, s, e) {
            Some(p) => Ok(p),
            None => resolve::place(self.context, &t[s..e]),
        }
    }

    fn finish(&self, sentence: Sentence, p: &Prepared, d: Draft, outcome: Outcome) -> Finding {
        let a = self.article;
        let (s, e) = (p.article(d.span.0), p.article(d.span.1));
        let (fs, fe) = (p.article(d.figure.0), p.article(d.figure.1));
        Finding {
            sentence: a[sentence.start..sentence.end].to_string(),
            sentence_span: Span {
                start: char_offset(a, sentence.start),
                end: char_offset(a, sentence.end),
            },
            span: Span {
                start: char_offset(a, s),
                end: char_offset(a, e),
            },
            kind: d.kind,
            text: a[s..e].to_string(),
            figure: a[fs..fe].to_string(),
            quantifier: d.quantifier,
            subjects: d.subjects,
            reference: d.reference,
            outcome,
        }
    }

    fn judge(
        &self,
        p: &Prepared,
        found: &Found,
        named: &[(usize, usize, Option<Place>)],
        memory: &Memory,
    ) -> Option<(Draft, Outcome)> {
        let t = p.text.as_str();
        // "near Russia", "near Kursk region" with nothing named before:
        // too vague to report.
        if let Found::Near { places, near, .. } = found
            && places.is_empty()
        {
            let name = t[near.0..near.1].trim_start_matches("near ").trim();
            let after = t[near.1..].to_ascii_lowercase();
            if countries::get(name).is_ok()
                || regions::group(name).is_ok()
                || lexicon::REGION_SUFFIXES
                    .iter()
                    .any(|w| after.starts_with(w))
            {
                return None;
            }
        }
        // A place claim whose place nothing knows is dropped when the
        // pattern alone does not make it a place ("Ukraine's General Staff").
        if let Found::Place {
            place,
            strict: true,
            ..
        }
        | Found::Direction {
            place,
            strict: true,
            ..
        } = found
        {
            let name = &t[place.0..place.1];
            if self.resolve_named(t, place.0, place.1).is_err() && regions::get(name).is_err() {
                return None;
            }
        }
        Some(match found {
            Found::Distance {
                figure,
                claim_from,
                reference,
                depth,
            } => self.distance(p, *figure, *claim_from, *reference, *depth, named, memory),
            Found::Length {
                figure,
                claim_from,
                line,
            } => self.length(t, *figure, *claim_from, *line),
            Found::Count {
                figure,
                value,
                end,
                quantifier,
                parts,
            } => {
                let start = quantifier.map_or(figure.0, |(_, s)| s);
                let draft = Draft {
                    kind: FindingKind::Count,
                    span: (start, *end),
                    figure: *figure,
                    quantifier: Some(quantifier.map_or(Quantifier::Exactly, |(q, _)| q)),
                    subjects: None,
                    reference: None,
                };
                let outcome = if parts.is_empty() {
                    cannot(
                        CannotCheck::NeedsSource,
                        "a count: the article gives nothing to check it against; it needs a source (an official tally, imagery, another report)",
                    )
                } else {
                    let sum: f64 = parts.iter().sum();
                    let consistent = sum <= *value;
                    Outcome::Checked {
                        verdict: if consistent {
                            Verdict::Supported
                        } else {
                            Verdict::NotSupported
                        },
                        reason: format!(
                            "internally {}: the parts given add up to {sum} {} the total of {value}; the total itself needs a source",
                            if consistent {
                                "consistent"
                            } else {
                                "inconsistent"
                            },
                            if consistent { "within" } else { "more than" },
                        ),
                        check: Check::Counts {
                            part: sum,
                            whole: *value,
                            consistent,
                        },
                    }
                };
                (draft, outcome)
            }
            Found::Pair {
                figure,
                part,
                whole,
                ..
            } => {
                let draft = Draft {
                    kind: FindingKind::Share,
                    span: *figure,
                    figure: *figure,
                    quantifier: quantifier_before(t, figure.0).map(|(q, _)| q),
                    subjects: None,
                    reference: None,
                };
                let consistent = part <= whole;
                let outcome = Outcome::Checked {
                    verdict: if consistent {
                        Verdict::Supported
                    } else {
                        Verdict::NotSupported
                    },
                    reason: if consistent {
                        format!(
                            "internally consistent: {part} of {whole} is {:.0} %; the counts themselves need a source",
                            100.0 * part / whole.max(1.0)
                        )
                    } else {
                        format!(
                            "internally inconsistent: the part ({part}) is more than the whole ({whole})"
                        )
                    },
                    check: Check::Counts {
                        part: *part,
                        whole: *whole,
                        consistent,
                    },
                };
                (draft, outcome)
            }
            Found::Share { figure, start } => (
                Draft {
                    kind: FindingKind::Share,
                    span: (*start, figure.1),
                    figure: *figure,
                    quantifier: quantifier_before(t, *start.min(&figure.0))
                        .map(|(q, _)| q)
                        .or(Some(Quantifier::Exactly)),
                    subjects: None,
                    reference: None,
                },
                cannot(
                    CannotCheck::NeedsSource,
                    "a share of a whole the article does not count; it needs a source for both",
                ),
            ),
            Found::Place {
                place,
                within,
                span,
                ..
            } => self.place(t, *place, *within, *span),
            Found::Direction {
                place,
                direction,
                country,
                span,
                ..
            } => self.direction(t, *place, *direction, *country, *span),
            Found::Near { places, near, span } => self.near(t, places, *near, *span),
        })
    }

    /// A stated share beside a count pair, checked against the pair.
    fn stated_share(&self, p: &Prepared, found: &Found) -> Option<(Draft, Outcome)> {
        let Found::Pair {
            part,
            whole,
            stated: Some((s, e)),
            ..
        } = found
        else {
            return None;
        };
        let t = p.text.as_str();
        let text = &t[*s..*e];
        let draft = Draft {
            kind: FindingKind::Share,
            span: (*s, *e),
            figure: (*s, *e),
            quantifier: quantifier_before(t, *s).map(|(q, _)| q),
            subjects: None,
            reference: None,
        };
        let count =
            ClaimedCount::new(CountKind::Hit, *part as u32, "the article").out_of(*whole as u32);
        let outcome = match RateClaim::parse_with(text, self.context.convention)
            .and_then(|c| c.check(&count))
        {
            Ok(v) => Outcome::Checked {
                verdict: v.verdict,
                reason: first_sentence(&v.explanation),
                check: Check::Rate(Box::new(v)),
            },
            Err(e) => cannot(CannotCheck::Unreadable, e.report().to_string()),
        };
        Some((draft, outcome))
    }

    #[allow(clippy::too_many_arguments)]
    fn distance(
        &self,
        p: &Prepared,
        figure: (usize, usize),
        claim_from: usize,
        reference: Option<(usize, usize)>,
        depth: bool,
        named: &[(usize, usize, Option<Place>)],
        memory: &Memory,
    ) -> (Draft, Outcome) {
        let t = p.text.as_str();
        let q = quantifier_before(t, figure.0);
        let start = q.map_or(figure.0, |(_, s)| s.max(claim_from));
        let end = reference.map_or(figure.1, |(_, e)| e);
        let mut draft = Draft {
            kind: FindingKind::Distance,
            span: (start, end),
            figure,
            quantifier: q.map(|(q, _)| q).or(Some(Quantifier::Exactly)),
            subjects: None,
            reference: reference.map(|(s, e)| t[s..e].trim().to_string()),
        };
        let claim = match DistanceClaim::parse_with(&t[claim_from..], self.context.convention) {
            // The claim as the span says it (the window read first also
            // holds what came before, for ranges and alternatives).
            Ok(c) => {
                DistanceClaim::parse_with(&t[start..end], self.context.convention).unwrap_or(c)
            }
            Err(e) => {
                return (
                    draft,
                    parse_error(&e, &t[claim_from..], self.context.convention),
                );
            }
        };
        draft.quantifier = Some(claim.quantifier);
        let Some((rs, re)) = reference else {
            let why = if depth {
                "says how deep, not from where (the border? the front? the launch site?): name the reference, e.g. \"from Ukraine\""
            } else {
                "says how far, but not from what"
            };
            return (draft, cannot(CannotCheck::NoReference, why));
        };
        // The reference first (its name is never a subject), but a missing
        // subject is reported before a reference that does not resolve.
        let target = resolve::reference(self.context, &t[rs..re], self.front);
        let reference_name = match &target {
            Ok((_, Target::Place(p))) => Some(p.name().to_string()),
            _ => None,
        };
        let (subjects_text, subjects) =
            match self.subjects(t, start, named, memory, (rs, re), reference_name.as_deref()) {
                Ok(s) => s,
                Err((written, outcome)) => {
                    draft.subjects = written;
                    return (draft, outcome);
                }
            };
        draft.subjects = Some(subjects_text);
        let target = match target {
            Ok((name, target)) => {
                draft.reference = Some(name);
                target
            }
            Err(Unresolved::Front) => {
                return (
                    draft,
                    cannot(CannotCheck::NeedsControlMap, self.front_missing.clone()),
                );
            }
            Err(Unresolved::Border) => {
                return (
                    draft,
                    cannot(
                        CannotCheck::NoReference,
                        "\"the border\" does not say whose: write \"the Ukrainian border\" or \"the border with Russia\"",
                    ),
                );
            }
            Err(Unresolved::Unknown(why)) => {
                return (draft, cannot(CannotCheck::UnknownPlace, why));
            }
        };
        let options = CheckOptions::new().with_method(self.context.method);
        let claim = claim.with_reading(self.context.reading());
        (
            draft,
            distance_outcome(claim.check_with(&subjects, target.as_ref(), &options)),
        )
    }

    /// The subjects of a distance: the phrase as written and the places.
    /// Whichever comes last before the figure wins: a phrase mapped with
    /// `--subjects` or a group word, a pronoun, or a place name (with the
    /// names listed with it: "Dyagilevo and Ivanovo"). The reference is
    /// never its own subject.
    #[allow(
        clippy::type_complexity,
        clippy::result_large_err,
        reason = "called once per distance claim; the error is the finding's outcome"
    )]
    fn subjects(
        &self,
        t: &str,
        before: usize,
        named: &[(usize, usize, Option<Place>)],
        memory: &Memory,
        reference: (usize, usize),
        reference_name: Option<&str>,
    ) -> Result<(String, Vec<Place>), (Option<String>, Outcome)> {
        let head = &t[..before];
        let lower = head.to_ascii_lowercase();
        let explicit = self
            .context
            .subjects
            .iter()
            .filter_map(|(phrase, _)| find_word(&lower, phrase).map(|i| (i, phrase.len())));
        let groups = GROUP_WORDS
            .iter()
            .filter_map(|(w, _)| find_word(&lower, w).map(|i| (i, w.len())));
        let group = explicit.chain(groups).max_by_key(|(i, len)| (*i, *len));
        let pronoun = PRONOUNS
            .iter()
            .filter_map(|w| find_word(&lower, w).map(|i| (i, w.len())))
            .max_by_key(|(i, len)| (*i, *len));
        let before_figure: Vec<&(usize, usize, Option<Place>)> = named
            .iter()
            .filter(|(s, e, p)| {
                *e <= before
                    && !(*s >= reference.0 && *e <= reference.1)
                    && reference_name.is_none_or(|r| p.as_ref().is_none_or(|p| p.name() != r))
            })
            .collect();
        // A landmark ("from Odesa" of an earlier claim, "near Tulcea") is a
        // subject only when the sentence names nothing else.
        let not_landmarks: Vec<&(usize, usize, Option<Place>)> = before_figure
            .iter()
            .copied()
            .filter(|(s, _, _)| !lexicon::after_landmark_word(&t[..*s]))
            .collect();
        let names = if not_landmarks.is_empty() {
            before_figure
        } else {
            not_landmarks
        };
        let last_name = names.last().map(|(s, _, _)| *s);
        let at = |x: Option<(usize, usize)>| x.map(|(i, _)| i);
        let latest = [at(group), at(pronoun), last_name]
            .into_iter()
            .flatten()
            .max();
        let Some(latest) = latest else {
            return Err((
                None,
                cannot(
                    CannotCheck::NoSubjects,
                    "the sentence names no place the distance is of; name it, or map the phrase with --subjects",
                ),
            ));
        };
        if let Some((i, len)) = group.filter(|(i, _)| *i == latest) {
            let written = head[i..i + len].to_string();
            return match self.group(&written, memory) {
                Ok(p) if !p.is_empty() => Ok((written, p)),
                Ok(_) => Err((
                    Some(written.clone()),
                    cannot(
                        CannotCheck::NoSubjects,
                        format!(
                            "{written:?} names no places: pass --subjects \"{}=PLACE,PLACE\" or a --scenario",
                            written.to_lowercase()
                        ),
                    ),
                )),
                Err(why) => Err((Some(written), cannot(CannotCheck::UnknownPlace, why))),
            };
        }
        if let Some((i, len)) = pronoun.filter(|(i, _)| *i == latest) {
            let written = head[i..i + len].to_string();
            return match memory.sentences.iter().rev().find_map(|s| s.last()) {
                Some(p) => Ok((written, vec![p.clone()])),
                None => Err((
                    Some(written),
                    cannot(
                        CannotCheck::NoSubjects,
                        "the pronoun refers to no place named before it in the paragraph",
                    ),
                )),
            };
        }
        // The last name and the names listed with it.
        let mut list = vec![
            names
                .last()
                .copied()
                .ok_or_else(|| (None, cannot(CannotCheck::NoSubjects, "no subjects")))?,
        ];
        for pair in names.windows(2).rev() {
            let (prev, next) = (pair[0], pair[1]);
            if next.0 != list[0].0 {
                continue;
            }
            let gap = t[prev.1..next.0].trim();
            if ["and", ",", ", and", "or", "&"].contains(&gap) {
                list.insert(0, prev);
            } else {
                break;
            }
        }
        let written = list
            .iter()
            .map(|(s, e, _)| &t[*s..*e])
            .collect::<Vec<_>>()
            .join(", ");
        let mut places = Vec::new();
        for (s, e, p) in &list {
            match p {
                Some(p) => places.push(p.clone()),
                None => {
                    let why = resolve::place(self.context, &t[*s..*e])
                        .err()
                        .unwrap_or_else(|| format!("{:?} is no place strikemap knows", &t[*s..*e]));
                    return Err((Some(written), cannot(CannotCheck::UnknownPlace, why)));
                }
            }
        }
        Ok((written, places))
    }

    /// The places a group word stands for: an explicit mapping, else the
    /// scenario's places of its kind, else the places named earlier in the
    /// paragraph.
    fn group(&self, written: &str, memory: &Memory) -> Result<Vec<Place>, String> {
        if let Some(names) = self.context.subjects_for(written) {
            return names
                .iter()
                .map(|n| resolve::place(self.context, n))
                .collect();
        }
        let lower = written.to_lowercase();
        let kind = GROUP_WORDS
            .iter()
            .find(|(w, _)| *w == lower)
            .and_then(|(_, k)| *k);
        if let Some(c) = self.context.scenario {
            let of_kind: Vec<Place> = c
                .places()
                .iter()
                .filter(|p| p.kind() == kind.unwrap_or(PlaceKind::AirBase))
                .cloned()
                .collect();
            if !of_kind.is_empty() {
                return Ok(of_kind);
            }
        }
        // The places of the latest earlier sentence of the paragraph that
        // named some of the kind.
        Ok(memory
            .sentences
            .iter()
            .rev()
            .map(|named| {
                named
                    .iter()
                    .filter(|p| kind.is_none_or(|k| p.kind() == k))
                    .cloned()
                    .collect::<Vec<Place>>()
            })
            .find(|v| !v.is_empty())
            .unwrap_or_default())
    }

    fn length(
        &self,
        t: &str,
        figure: (usize, usize),
        claim_from: usize,
        line: (usize, usize),
    ) -> (Draft, Outcome) {
        let q = quantifier_before(t, figure.0);
        let start = q.map_or(figure.0, |(_, s)| s.max(claim_from));
        let draft = Draft {
            kind: FindingKind::Length,
            span: (start.min(line.0), figure.1.max(line.1)),
            figure,
            quantifier: q.map(|(q, _)| q).or(Some(Quantifier::Exactly)),
            subjects: None,
            reference: Some(t[line.0..line.1].to_string()),
        };
        let word = t[line.0..line.1].to_lowercase();
        if !lexicon::is_front(&word) {
            return (
                draft,
                cannot(
                    CannotCheck::NotMeasured,
                    format!(
                        "the length of a {word}: strikemap measures front lines, not borders or coastlines"
                    ),
                ),
            );
        }
        let (s, e) = (start.min(line.0), figure.1.max(line.1));
        let claim = match LengthClaim::parse_with(&t[claim_from..], self.context.convention) {
            Ok(c) => LengthClaim::parse_with(&t[s..e], self.context.convention).unwrap_or(c),
            Err(e) => {
                return (
                    draft,
                    parse_error(&e, &t[claim_from..], self.context.convention),
                );
            }
        };
        let Some(front) = self.front else {
            return (
                draft,
                cannot(CannotCheck::NeedsControlMap, self.front_missing.clone()),
            );
        };
        let options = CheckOptions::new().with_method(self.context.method);
        (draft, distance_outcome(claim.check_with(front, &options)))
    }

    fn place(
        &self,
        t: &str,
        place: (usize, usize),
        within: (usize, usize),
        span: (usize, usize),
    ) -> (Draft, Outcome) {
        let draft = Draft {
            kind: FindingKind::Place,
            span,
            figure: place,
            quantifier: None,
            subjects: Some(t[place.0..place.1].to_string()),
            reference: Some(t[within.0..within.1].to_string()),
        };
        let name = &t[place.0..place.1];
        let Some(region) = resolve::within(self.context, &t[within.0..within.1]) else {
            return (
                draft,
                cannot(
                    CannotCheck::UnknownPlace,
                    format!(
                        "{:?} is no country, region or group of regions strikemap knows",
                        &t[within.0..within.1]
                    ),
                ),
            );
        };
        // A region named as a place ("the Ukrainian peninsula of Crimea").
        let (resolved, country, admin1, by_record) = match self.resolve_named(t, place.0, place.1) {
            Ok(p) => {
                let (country, admin1) = regions::locate(p.position());
                // Off the drawn coastline (a palace on the Bosphorus): the
                // nearest region of the place's country, if the point lies
                // within that region's drawing error of it.
                let off = if admin1.is_none() {
                    nearest_region(&p)
                } else {
                    None
                };
                let admin1 = admin1.or(off.map(|(r, _)| r));
                let country = country
                    .or_else(|| off.and_then(|(r, _)| countries::get(r.country.as_str()).ok()));
                (PlaceOrRegion::Place(p), country, admin1, off)
            }
            Err(why) => match regions::get(name) {
                Ok(r) => (
                    PlaceOrRegion::Region(r),
                    countries::get(r.country.as_str()).ok(),
                    Some(r),
                    None,
                ),
                Err(_) => return (draft, cannot(CannotCheck::UnknownPlace, why)),
            },
        };
        let pos = resolved.position();
        let (verdict, how) = match region {
            Within::Country(c) => {
                let inside = country.is_some_and(|k| k.iso_a2 == c.iso_a2);
                (
                    if inside {
                        Verdict::Supported
                    } else {
                        Verdict::NotSupported
                    },
                    String::new(),
                )
            }
            Within::Region(r) => {
                let inside = admin1.is_some_and(|a| a.code == r.code);
                (
                    if inside {
                        Verdict::Supported
                    } else {
                        Verdict::NotSupported
                    },
                    String::new(),
                )
            }
            Within::Group(g) => match admin1.and_then(|a| g.holds(&a.code)) {
                Some(true) => (Verdict::Supported, String::new()),
                Some(false) => (
                    Verdict::Borderline,
                    format!(" (its region is only partly in the {})", g.name),
                ),
                None => (Verdict::NotSupported, String::new()),
            },
        };
        let (verdict, how) = match (verdict, by_record) {
            (Verdict::Supported, Some((r, d))) => (
                Verdict::Borderline,
                format!(
                    "{how}; the point lies {:.0} m outside the 1:10m outline of {}, within its drawing error of {:.1} km",
                    d.as_metres(),
                    r.name,
                    r.boundary_error.as_km()
                ),
            ),
            (v, _) => (v, how),
        };
        let where_ = match (admin1, country) {
            (Some(a), Some(c)) => format!("{}, {}", a.name, c.common_name()),
            (None, Some(c)) => c.common_name().to_string(),
            _ => "no country (at sea?)".to_string(),
        };
        let reason = format!(
            "{} ({:.4}°N, {:.4}°E) lies in {where_}{}: {} in {}{how}",
            resolved.name(),
            pos.lat(),
            pos.lon(),
            if by_record.is_some() {
                " (nearest region)"
            } else {
                ""
            },
            if verdict == Verdict::NotSupported {
                "not"
            } else {
                ""
            },
            region.name()
        )
        .replace(":  in", ": in");
        let check = Check::Place {
            place: resolved.name().to_string(),
            position: [pos.lat(), pos.lon()],
            country: country.map(|c| c.common_name().to_string()),
            region: admin1.map(|a| a.name.clone()),
            claimed: region.name(),
            inside: verdict != Verdict::NotSupported,
        };
        (
            draft,
            Outcome::Checked {
                verdict,
                reason,
                check,
            },
        )
    }

    fn direction(
        &self,
        t: &str,
        place: (usize, usize),
        word: (usize, usize),
        country: (usize, usize),
        span: (usize, usize),
    ) -> (Draft, Outcome) {
        let draft = Draft {
            kind: FindingKind::Direction,
            span,
            figure: word,
            quantifier: None,
            subjects: Some(t[place.0..place.1].to_string()),
            reference: Some(t[country.0..country.1].to_string()),
        };
        let resolved = match self.resolve_named(t, place.0, place.1) {
            Ok(p) => p,
            Err(why) => return (draft, cannot(CannotCheck::UnknownPlace, why)),
        };
        let Some(named) = lexicon::direction(&t[word.0..word.1]) else {
            return (
                draft,
                cannot(CannotCheck::Unreadable, "not a direction word"),
            );
        };
        let (name, territory) = match resolve::within(self.context, &t[country.0..country.1]) {
            Some(Within::Country(c)) => (c.common_name().to_string(), &c.territory),
            Some(Within::Region(r)) => (r.name.clone(), r.territory()),
            _ => {
                return (
                    draft,
                    cannot(
                        CannotCheck::UnknownPlace,
                        format!(
                            "{:?} is no country or region strikemap knows",
                            &t[country.0..country.1]
                        ),
                    ),
                );
            }
        };
        let Some(c) = direction::centroid(territory.area()) else {
            return (
                draft,
                cannot(CannotCheck::NotMeasured, "the territory has no centroid"),
            );
        };
        let pos = resolved.position();
        let inside = territory.contains(pos);
        let bearing = Geodesic.initial_bearing(c, pos).as_degrees();
        let from_centre = Geodesic.distance(c, pos);
        let radius_km = (territory.area_km2() / std::f64::consts::PI).sqrt();
        let fraction = from_centre.as_km() / radius_km;
        let (mut verdict, off) = direction::verdict(named, bearing, fraction);
        if !inside {
            verdict = Verdict::NotSupported;
        }
        let reason = if inside {
            format!(
                "{} is {:.0} km from {name}'s centroid ({:.2}°N, {:.2}°E) at a bearing of {bearing:.0}°{}",
                resolved.name(),
                from_centre.as_km(),
                c.lat(),
                c.lon(),
                match off {
                    Some(off) => format!(
                        ", {off:.0}° off {} ({:.0}°; up to {:.0}° supports, {:.1}° is borderline)",
                        &t[word.0..word.1],
                        named.unwrap_or(0.0),
                        direction::DIRECTION_TOLERANCE_DEG,
                        direction::DIRECTION_TOLERANCE_DEG + direction::DIRECTION_BORDERLINE_DEG
                    ),
                    None => format!(
                        ", {:.0} % of the equivalent radius ({radius_km:.0} km)",
                        100.0 * fraction
                    ),
                }
            )
        } else {
            format!("{} does not lie in {name} at all", resolved.name())
        };
        let check = Check::Direction {
            place: resolved.name().to_string(),
            country: name,
            centroid: [c.lat(), c.lon()],
            bearing_deg: bearing,
            named_deg: named,
            off_by_deg: off,
            radius_fraction: fraction,
        };
        (
            draft,
            Outcome::Checked {
                verdict,
                reason,
                check,
            },
        )
    }

    fn near(
        &self,
        t: &str,
        places: &[(usize, usize)],
        near: (usize, usize),
        span: (usize, usize),
    ) -> (Draft, Outcome) {
        let near_name = t[near.0..near.1].trim_start_matches("near ").trim();
        let draft = Draft {
            kind: FindingKind::Near,
            span,
            figure: near,
            quantifier: None,
            subjects: (!places.is_empty()).then(|| {
                places
                    .iter()
                    .map(|(s, e)| &t[*s..*e])
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            reference: Some(near_name.to_string()),
        };
        let centre = match resolve::place(self.context, near_name) {
            Ok(p) => p,
            Err(why) => return (draft, cannot(CannotCheck::UnknownPlace, why)),
        };
        if places.is_empty() {
            let p = centre.position();
            return (
                draft,
                cannot(
                    CannotCheck::NoDistanceStated,
                    format!(
                        "\"near\" states no distance, and what is near {} ({:.4}°N, {:.4}°E) is not named: a location to confirm from a source",
                        centre.name(),
                        p.lat(),
                        p.lon()
                    ),
                ),
            );
        }
        let mut parts = Vec::new();
        for (s, e) in places {
            match self.resolve_named(t, *s, *e) {
                Ok(p) => parts.push(format!(
                    "{} is {} from {}",
                    p.name(),
                    km_mi(Geodesic.distance(p.position(), centre.position())),
                    centre.name()
                )),
                Err(_) => parts.push(format!("{:?} is no place strikemap knows", &t[*s..*e])),
            }
        }
        (
            draft,
            cannot(
                CannotCheck::NoDistanceStated,
                format!(
                    "\"near\" states no distance; measured: {}",
                    parts.join("; ")
                ),
            ),
        )
    }
}

/// The region of a place's country nearest to it, if the place lies within
/// that region's drawing error ([`Region::boundary_error`](crate::regions::Region))
/// of its outline, with the distance.
fn nearest_region(p: &Place) -> Option<(&'static crate::places::regions::Region, Distance)> {
    regions::of_country(p.site().country)
        .map(|r| (r, Geodesic.distance(p.position(), r.territory())))
        .filter(|(r, d)| *d <= r.boundary_error)
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// A place claim's subject: a place, or a region named like one.
enum PlaceOrRegion {
    Place(Place),
    Region(&'static crate::places::regions::Region),
}

impl PlaceOrRegion {
    fn name(&self) -> &str {
        match self {
            PlaceOrRegion::Place(p) => p.name(),
            PlaceOrRegion::Region(r) => &r.name,
        }
    }

    /// A point inside it: the place, or the region's centroid.
    fn position(&self) -> crate::LatLon {
        match self {
            PlaceOrRegion::Place(p) => p.position(),
            PlaceOrRegion::Region(r) => direction::centroid(r.territory().area())
                .unwrap_or_else(|| r.territory().area().polygons()[0].exterior()[0]),
        }
    }
}

/// The whole-word occurrence of `word` in `text` furthest right.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .filter(|(i, _)| {
            let before_ok = *i == 0 || !text[..*i].ends_with(char::is_alphanumeric);
            let after_ok = !text[i + word.len()..].starts_with(char::is_alphanumeric);
            before_ok && after_ok
        })
        .map(|(i, _)| i)
        .last()
}

/// A claim text the parser refused: ambiguous (including a figure that
/// reads only with a decimal comma, "4,3 km", in a text that does not say
/// it writes them), or unreadable with its reason.
fn parse_error(e: &Error, text: &str, convention: Convention) -> Outcome {
    let european = convention == Convention::Unstated
        && DistanceClaim::parse_with(text, Convention::DecimalComma).is_ok();
    if e.is_ambiguous() || european {
        cannot(CannotCheck::AmbiguousNumber, e.report().to_string())
    } else {
        cannot(CannotCheck::Unreadable, e.report().to_string())
    }
}
