//! Names as written in an article → places, references and regions: the
//! scenario first (its names win), then the bundled gazetteer, countries
//! and regions.

use crate::model::{Catalog, FrontLine, Place, TargetRef, Territory, normalise_name};
use crate::places::countries::{self, Country};
use crate::places::gazetteer;
use crate::places::regions::{self, Region, RegionGroup};

use super::context::Context;
use super::lexicon;

/// A place by name: a scenario place (by name or alias, or the one whose
/// name starts with the words given: "Ivanovo" for "Ivanovo Severny"), else
/// the gazetteer's one place of that name.
///
/// # Errors
/// The gazetteer's error ([`crate::Error::UnknownName`],
/// [`crate::Error::Ambiguous`]) as text.
pub(crate) fn place(context: &Context<'_>, name: &str) -> Result<Place, String> {
    place_or_error(context, name).map_err(|e| e.report().to_string())
}

/// [`place`] without the error: a name the gazetteer does not know exactly
/// is `None` at once, without the close-spelling search that suggestions
/// need (most capitalised words of an article are no place: "Officials",
/// "Defence Ministry"). `Some` exactly when [`place`] is `Ok`.
pub(crate) fn place_quick(context: &Context<'_>, name: &str) -> Option<Place> {
    let name = name.trim();
    let in_scenario = context
        .scenario
        .is_some_and(|c| c.place(name).is_ok() || scenario_prefix(c, name).is_some());
    if !in_scenario && !gazetteer::is_known(name) {
        return None;
    }
    place_or_error(context, name).ok()
}

/// [`place`] with the gazetteer's error as it is.
pub(crate) fn place_or_error(context: &Context<'_>, name: &str) -> crate::Result<Place> {
    let name = name.trim();
    if let Some(c) = context.scenario {
        if let Ok(p) = c.place(name) {
            return Ok(p.clone());
        }
        if let Some(p) = scenario_prefix(c, name) {
            return Ok(p.clone());
        }
    }
    match gazetteer::resolve(name) {
        Ok(e) => Ok(e.to_place()),
        Err(e) if e.is_ambiguous_name() => only_town(name).ok_or(e),
        Err(e) => Err(e),
    }
}

/// A bare name that the gazetteer finds ambiguous only between one town
/// and airfields named after it ("Chernihiv": the city, not Chernihiv Air
/// Base; "Izmail": the town Izmayil by its other spelling, not Izmail
/// International Airport) means the town: an article says "air base" or
/// "airport" when it means one (see `judge::named_place`).
fn only_town(name: &str) -> Option<Place> {
    let exact: Vec<gazetteer::Candidate> = gazetteer::find(name)
        .into_iter()
        .filter(|c| {
            matches!(
                c.matched,
                gazetteer::Match::Name | gazetteer::Match::OtherName
            )
        })
        .collect();
    let mut towns = exact
        .iter()
        .filter(|c| c.entry.kind == gazetteer::EntryKind::Place);
    let town = towns.next()?;
    towns.next().is_none().then(|| town.entry.to_place())
}

/// The one scenario place whose name starts with `name` and a space.
fn scenario_prefix<'c>(c: &'c Catalog, name: &str) -> Option<&'c Place> {
    let key = format!("{} ", normalise_name(name));
    let mut hits = c
        .places()
        .iter()
        .filter(|p| normalise_name(p.name()).starts_with(&key));
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// What a distance is measured to.
#[derive(Debug, Clone)]
pub(crate) enum Target<'a> {
    /// A place.
    Place(Place),
    /// A country or a scenario territory.
    Territory(&'a Territory),
    /// A front line from the scenario or a control map.
    Front(&'a FrontLine),
}

impl Target<'_> {
    /// As the claim checker takes it.
    pub(crate) fn as_ref(&self) -> TargetRef<'_> {
        match self {
            Target::Place(p) => TargetRef::Place(p),
            Target::Territory(t) => TargetRef::Territory(t),
            Target::Front(f) => TargetRef::FrontLine(f),
        }
    }
}

/// Why a reference did not resolve.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Unresolved {
    /// The front line, and no line to measure it with.
    Front,
    /// "the border" with no country named.
    Border,
    /// A name nothing knows: the reason.
    Unknown(String),
}

/// Words that mean the front line as a reference.
fn is_front_phrase(words: &str) -> bool {
    let w = words.trim_start_matches("the ");
    [
        "front",
        "front line",
        "frontline",
        "front-line",
        "line of contact",
        "contact line",
        "frontlines",
        "front lines",
    ]
    .contains(&w)
}

/// How many leading words are "the [adjective] city of" (a place noun of
/// [`lexicon::PLACE_NOUNS`], "of"), if they are followed by a name.
fn place_noun_of(all: &[&str], lower: &[String]) -> Option<usize> {
    let mut i = usize::from(lower.first().is_some_and(|w| w == "the"));
    if all
        .get(i)
        .is_some_and(|w| lexicon::country_of_adjective(w).is_some())
    {
        i += 1;
    }
    let noun = lower.get(i)?;
    (lexicon::PLACE_NOUNS.contains(&noun.as_str())
        && lower.get(i + 1).is_some_and(|w| w == "of")
        && lower.len() > i + 2)
        .then_some(i + 2)
}

/// The reference of a distance, from the words after "from"/"of" (at most
/// six): the longest leading run of words that names something.
pub(crate) fn reference<'a>(
    context: &Context<'a>,
    words: &str,
    front: Option<&'a FrontLine>,
) -> Result<(String, Target<'a>), Unresolved> {
    let mut all: Vec<&str> = words.split_whitespace().take(8).collect();
    let mut lower: Vec<String> = all.iter().map(|w| w.to_lowercase()).collect();
    // "the city of Nikopol", "the Ukrainian port of Izmail": the name.
    if let Some(skip) = place_noun_of(&all, &lower) {
        all.drain(..skip);
        lower.drain(..skip);
    }
    all.truncate(6);
    lower.truncate(6);
    for n in (1..=all.len()).rev() {
        let phrase = lower[..n].join(" ");
        if is_front_phrase(&phrase) {
            return front
                .map(|f| (all[..n].join(" "), Target::Front(f)))
                .ok_or(Unresolved::Front);
        }
    }
    // "the border", "the Russian border", "the border with Russia".
    if let Some(i) = lower.iter().position(|w| w == "border" || w == "frontier") {
        let adjective = all[..i]
            .iter()
            .rev()
            .find_map(|w| lexicon::country_of_adjective(w));
        let with = (lower.get(i + 1).map(String::as_str) == Some("with"))
            .then(|| all.get(i + 2))
            .flatten();
        let code = adjective.map(str::to_string).or_else(|| {
            with.and_then(|w| countries::get(w.trim_end_matches(['.', ','])).ok())
                .and_then(|c| c.iso_a2.map(|c| c.as_str().to_string()))
        });
        return match code.and_then(|c| countries::get(&c).ok()) {
            Some(country) => Ok((
                all[..=i.max(1).min(all.len() - 1)].join(" "),
                Target::Territory(&country.territory),
            )),
            None => Err(Unresolved::Border),
        };
    }
    let mut for_error: Option<String> = None;
    for n in (1..=all.len()).rev() {
        let raw = all[..n].join(" ");
        let name = raw.trim_start_matches("the ").trim_start_matches("The ");
        if !name.starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(c) = context.scenario {
            if let Ok(t) = c.territory(name) {
                return Ok((name.to_string(), Target::Territory(t)));
            }
            if let Ok(f) = c.front_line(name) {
                return Ok((name.to_string(), Target::Front(f)));
            }
        }
        if let Ok(country) = countries::get(name) {
            return Ok((name.to_string(), Target::Territory(&country.territory)));
        }
        match place_quick(context, name) {
            Some(p) => return Ok((name.to_string(), Target::Place(p))),
            None => {
                if n == 1 || for_error.is_none() {
                    for_error = Some(name.to_string());
                }
            }
        }
        if let Ok(r) = regions::get(name) {
            return Ok((name.to_string(), Target::Territory(r.territory())));
        }
    }
    // The reason (with close spellings) for the shortest name tried.
    let why = for_error.and_then(|name| place(context, &name).err());
    Err(Unresolved::Unknown(why.unwrap_or_else(|| {
        format!("{words:?} names no place, country or region")
    })))
}

/// What a place is said to be in.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Within {
    /// A country.
    Country(&'static Country),
    /// An admin-1 region.
    Region(&'static Region),
    /// A group of regions ("Siberia"), with the country it is of.
    Group(&'static RegionGroup),
}

impl Within {
    /// Its name as resolved.
    pub(crate) fn name(&self) -> String {
        match self {
            Within::Country(c) => c.common_name().to_string(),
            Within::Region(r) => r.name.clone(),
            Within::Group(g) => g.name.clone(),
        }
    }
}

/// A region phrase as written: "Ukrainian", "Russia's Arctic", "Siberia",
/// "the Far East", "Ryazan region", "Istanbul", "Ukraine".
pub(crate) fn within(context: &Context<'_>, written: &str) -> Option<Within> {
    let w = written.trim().trim_start_matches("the ");
    if let Some(code) = lexicon::country_of_adjective(w) {
        return countries::get(code).ok().map(Within::Country);
    }
    // "Russia's Arctic": the part after the possessive, of that country.
    let (country_part, rest) = match w.find("'s ").or_else(|| w.find("\u{2019}s ")) {
        Some(i) => {
            let skip = if w[i..].starts_with('\'') { 3 } else { 5 };
            (Some(&w[..i]), &w[i + skip..])
        }
        None => (None, w),
    };
    let rest = rest.trim();
    let group = |name: &str| {
        regions::group(name).ok().or_else(|| {
            let l = name.to_lowercase();
            (l == "arctic" || l == "the arctic")
                .then(|| regions::group("Arctic zone of the Russian Federation").ok())
                .flatten()
        })
    };
    if let Some(g) = group(rest) {
        let ok = country_part.is_none_or(|c| {
            countries::get(c).is_ok_and(|c| c.iso_a2.is_some_and(|code| code.as_str() == "RU"))
        });
        if ok {
            return Some(Within::Group(g));
        }
    }
    if country_part.is_none()
        && let Ok(c) = countries::get(rest)
    {
        return Some(Within::Country(c));
    }
    let stripped = [
        "region", "Region", "oblast", "Oblast", "province", "Province",
    ]
    .iter()
    .find_map(|s| rest.strip_suffix(s))
    .map(str::trim);
    for name in [Some(rest), stripped].into_iter().flatten() {
        if let Ok(r) = regions::get(name) {
            return Some(Within::Region(r));
        }
        if let Ok(r) = regions::get(&format!("{name} Oblast")) {
            return Some(Within::Region(r));
        }
    }
    // A city: the region it lies in ("Istanbul's Ciragan Palace").
    let city = place(context, rest).ok()?;
    regions::containing(city.position()).map(Within::Region)
}
