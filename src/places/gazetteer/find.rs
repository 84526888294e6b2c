//! Looking names up: ranked candidates ([`find`]) and the one place a name
//! means ([`resolve`]).

use super::entry::{Entry, EntryKind};
use super::table::table;
use crate::error::{Error, Result};
use crate::model::{CountryCode, Within, first_folded_char, fold};
use crate::places::{countries, regions};

/// How a candidate's name matched the query, best first.
///
/// ```
/// use strikemap::gazetteer::{self, Match};
/// assert_eq!(gazetteer::find("XLMO")[0].matched, Match::Code);
/// assert_eq!(gazetteer::find("Kharkiv")[0].matched, Match::Name);
/// assert_eq!(gazetteer::find("Kharkov")[0].matched, Match::OtherName);
/// assert!(matches!(gazetteer::find("Kharkiw")[0].matched, Match::OtherName | Match::CloseSpelling { .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Match {
    /// One of an airfield's codes (ICAO, IATA, local, OurAirports ident).
    Code,
    /// The name the place is known by (for an airfield also without its
    /// "Air Base"/"Airport"/... ending, and each part of a name such as
    /// "Sevastopol International Airport / Belbek Air Base").
    Name,
    /// One of its other names or spellings.
    OtherName,
    /// A name within a few edits of the query (case, diacritics and
    /// apostrophes aside).
    CloseSpelling {
        /// Characters inserted, deleted or replaced.
        edits: usize,
    },
}

/// A place a name may mean, with how it matched.
///
/// ```
/// let c = &strikemap::gazetteer::find("Kiev")[0];
/// assert_eq!((c.entry.name, c.name_matched), ("Kyiv", "Kiev"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Candidate {
    /// The place.
    pub entry: Entry,
    /// How its name matched.
    pub matched: Match,
    /// The name (or code) that matched, as the gazetteer spells it.
    pub name_matched: &'static str,
}

/// Words after a name that say it is an airfield or a town, matched on
/// the folded text: (ending, the kinds it allows).
const KIND_WORDS: [(&str, &[EntryKind]); 12] = [
    (" air force base", &[EntryKind::AirBase]),
    (" air base", &[EntryKind::AirBase, EntryKind::Airfield]),
    (" airbase", &[EntryKind::AirBase, EntryKind::Airfield]),
    (" afb", &[EntryKind::AirBase]),
    (" airfield", &[EntryKind::AirBase, EntryKind::Airfield]),
    (" air field", &[EntryKind::AirBase, EntryKind::Airfield]),
    (" aerodrome", &[EntryKind::AirBase, EntryKind::Airfield]),
    (" airport", &[EntryKind::AirBase, EntryKind::Airfield]),
    (" city", &[EntryKind::Place]),
    (" town", &[EntryKind::Place]),
    (" village", &[EntryKind::Place]),
    (" аэродром", &[EntryKind::AirBase, EntryKind::Airfield]),
];

/// Endings an airfield's name is also known without (folded).
const AIRFIELD_ENDINGS: [&str; 10] = [
    " international airport",
    " air force base",
    " naval air station",
    " air base",
    " airbase",
    " airport",
    " airfield",
    " air field",
    " aerodrome",
    " afb",
];

/// A query taken apart: the name, and what qualifies it.
#[derive(Debug, Clone)]
struct Query {
    /// The folded name.
    key: String,
    country: Option<CountryCode>,
    region: Option<&'static str>,
    kinds: Option<&'static [EntryKind]>,
}

impl Query {
    /// `NAME`, `NAME, COUNTRY` (`UA`, `Ukraine`), `NAME, REGION`
    /// (`Donetsk Oblast`, `UA-14`), `NAME air base` and the like.
    fn read(text: &str) -> Query {
        let mut name = text.trim();
        let (mut country, mut region) = (None, None);
        if let Some((head, qualifier)) = name.rsplit_once(',') {
            let qualifier = qualifier.trim();
            if let Ok(c) = countries::get(qualifier)
                && let Some(a2) = c.iso_a2
            {
                country = Some(a2);
                name = head.trim();
            } else if let Ok(r) = regions::get(qualifier) {
                region = Some(r.code.as_str());
                name = head.trim();
            }
        }
        Query {
            key: fold(name),
            country,
            region,
            kinds: None,
        }
    }

    /// The same query without a kind word at its end, and the kinds that
    /// word allows; `None` if it ends in none.
    fn without_kind_word(&self) -> Option<Query> {
        KIND_WORDS.iter().find_map(|(word, kinds)| {
            let head = self.key.strip_suffix(word)?;
            (!head.is_empty()).then(|| Query {
                key: head.to_string(),
                kinds: Some(kinds),
                ..self.clone()
            })
        })
    }

    fn allows(&self, e: &Entry) -> bool {
        self.country.is_none_or(|c| e.country == c)
            && self.region.is_none_or(|r| e.region == Some(r))
            && self.kinds.is_none_or(|k| k.contains(&e.kind))
    }
}

/// The names an entry is known by as such (folded): its name, and for an
/// airfield each part of it and each without its ending.
fn own_keys(e: &Entry) -> Vec<String> {
    let mut keys = vec![fold(e.name)];
    if e.kind.is_airfield() {
        for part in e.name.split(" / ") {
            let k = fold(part);
            for ending in AIRFIELD_ENDINGS {
                if let Some(head) = k.strip_suffix(ending)
                    && !head.is_empty()
                {
                    keys.push(head.to_string());
                }
            }
            keys.push(k);
        }
    }
    keys
}

/// How `key` matched an entry found under it: code, own name or other name,
/// and (if `which`) the name that matched (else the entry's name, for
/// look-ups that only rank).
fn classify(e: &Entry, key: &str, which: bool) -> (Match, &'static str) {
    if let Some(code) = e.codes().find(|c| fold(c) == key) {
        return (Match::Code, code);
    }
    if own_keys(e).iter().any(|k| k == key) {
        return (Match::Name, e.name);
    }
    if !which {
        return (Match::OtherName, e.name);
    }
    // Only names that fold to the key's first character are folded whole.
    let first = key.chars().next();
    let other = e
        .names()
        .find(|n| first_folded_char(n) == first && fold(n) == key)
        .unwrap_or(e.name);
    (Match::OtherName, other)
}

/// The candidates a query's exact key finds, with the names that matched.
fn exact(query: &Query) -> Vec<Candidate> {
    exact_with(query, true)
}

/// The candidates a query's exact key finds; `which`: whether to find the
/// name that matched (find lists it; resolve does not need it).
fn exact_with(query: &Query, which: bool) -> Vec<Candidate> {
    let t = table();
    let mut rows: Vec<u32> = t.rows_for(&query.key).collect();
    rows.dedup();
    rows.into_iter()
        .filter_map(|row| Entry::from_row(t.rows[row as usize]))
        .filter(|e| query.allows(e))
        .map(|entry| {
            let (matched, name_matched) = classify(&entry, &query.key, which);
            Candidate {
                entry,
                matched,
                name_matched,
            }
        })
        .collect()
}

/// The most edits a close spelling of a key of this many characters may
/// have: a quarter of its length, at least 1, at most 3.
fn edit_limit(chars: usize) -> usize {
    (chars / 4).clamp(1, 3)
}

/// Keys within the edit limit of `key` (characters, edits, row, key), sorted;
/// the last answer is kept per thread, since a failed look-up asks twice
/// (the candidates, then the suggestions of its error).
fn close_keys(key: &str, key_chars: usize) -> Vec<(usize, u32, &'static str)> {
    type Found = Vec<(usize, u32, &'static str)>;
    thread_local! {
        static LAST: std::cell::RefCell<Option<(String, Found)>> = const { std::cell::RefCell::new(None) };
    }
    if let Some(found) = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, found)| found.clone())
    }) {
        return found;
    }
    let t = table();
    let limit = edit_limit(key_chars);
    let mut within = Within::new(key, limit);
    let by_length = t.keys_by_length();
    let lengths = key_chars.saturating_sub(limit)
        ..=(key_chars + limit).min(by_length.len().saturating_sub(1));
    let mut found: Found = lengths
        .flat_map(|n| by_length.get(n).into_iter().flatten())
        .filter_map(|i| {
            let (k, row) = t.keys[*i as usize];
            within.distance(k).map(|d| (d, row, k))
        })
        .collect();
    found.sort_unstable();
    LAST.set(Some((key.to_string(), found.clone())));
    found
}

/// The entries whose names are close spellings of the query's key.
fn close(query: &Query) -> Vec<Candidate> {
    let t = table();
    let key_chars = query.key.chars().count();
    if key_chars < 3 {
        return Vec::new();
    }
    let found = close_keys(&query.key, key_chars);
    let mut seen = std::collections::HashSet::new();
    found
        .into_iter()
        .filter(|(_, row, _)| seen.insert(*row))
        .filter_map(|(edits, row, key)| {
            let entry = Entry::from_row(t.rows[row as usize])?;
            let (_, name_matched) = classify(&entry, key, true);
            Some(Candidate {
                entry,
                matched: Match::CloseSpelling { edits },
                name_matched,
            })
        })
        .filter(|c| query.allows(&c.entry))
        .collect()
}

/// The score an exact match ranks by: its weight (population; 100,000 for
/// an air base, 1,000 for another airfield), ten times over when the
/// query is the place's own name rather than one of its other names (a
/// town called Artemovsk is not outweighed by every town once called so).
fn score(c: &Candidate) -> u64 {
    let w = c.entry.weight();
    match c.matched {
        Match::OtherName => w,
        _ => w.saturating_mul(10),
    }
}

/// Best first: codes, then names and other names by [`score`], then close
/// spellings by edits and weight; ties by id.
fn rank(candidates: &mut [Candidate]) {
    let tier = |c: &Candidate| match c.matched {
        Match::Code => 0,
        Match::Name | Match::OtherName => 1,
        Match::CloseSpelling { edits } => 2 + edits,
    };
    candidates.sort_by(|a, b| {
        tier(a)
            .cmp(&tier(b))
            .then(score(b).cmp(&score(a)))
            .then(a.matched.cmp(&b.matched))
            .then(a.entry.id.cmp(b.entry.id))
    });
}

/// The places a name may mean, best first: exact matches of the name
/// (case, diacritics, apostrophes and punctuation aside), airfield codes
/// first, then own names and other names by score (the population; an air
/// base counts as 100,000 people, another airfield as 1,000; ten times
/// over for a place's own name); close spellings, fewest edits first, only
/// when nothing matches exactly.
///
/// Qualifiers narrow the search: a country (`"Pokrovsk, UA"`,
/// `"Pokrovsk, Ukraine"`), a region (`"Pokrovsk, Donetsk Oblast"`,
/// `"Pokrovsk, UA-14"`), or a kind word at the end (`"Olenya air base"`,
/// `"Engels airfield"`, `"Ivanovo city"`).
///
/// ```
/// use strikemap::gazetteer;
/// let all = gazetteer::find("Pokrovsk");
/// assert!(all.iter().any(|c| c.entry.country.as_str() == "UA"));
/// assert!(all.iter().any(|c| c.entry.country.as_str() == "RU"));
/// assert!(gazetteer::find("Pokrovsk, Donetsk Oblast").iter().all(|c| c.entry.region == Some("UA-14")));
/// assert_eq!(gazetteer::find("Engel’s airfield")[0].entry.kind, gazetteer::EntryKind::AirBase);
/// assert!(gazetteer::find("Qqxxzzvvy").is_empty());
/// ```
pub fn find(text: &str) -> Vec<Candidate> {
    let query = Query::read(text);
    let mut found = exact(&query);
    if found.is_empty()
        && let Some(narrowed) = query.without_kind_word()
    {
        found = exact(&narrowed);
    }
    if found.is_empty() {
        found = close(&query);
    }
    rank(&mut found);
    found
}

/// Whether a name (qualified or not) matches a place exactly: by code, own
/// name or other name, without the close-spelling search (cheap).
pub(crate) fn is_known(text: &str) -> bool {
    let query = Query::read(text);
    !exact(&query).is_empty()
        || query
            .without_kind_word()
            .is_some_and(|q| !exact(&q).is_empty())
}

/// How many times the score of the next candidate the best one needs to be
/// taken as what a name means: 20.
///
/// ```
/// use strikemap::gazetteer;
/// // Moscow, Russia (10,381,222 people) and Moscow, Idaho (25,060): over 20 times.
/// assert_eq!(gazetteer::resolve("Moscow")?.country.as_str(), "RU");
/// // Pokrovsk, Donetsk Oblast (60,127) and Pokrovsk, Sakha (9,763): not.
/// assert!(gazetteer::resolve("Pokrovsk").is_err());
/// assert_eq!(gazetteer::DOMINANCE, 20);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub const DOMINANCE: u64 = 20;

/// The one place a name means (see [`find`] for how names match, how they
/// rank and what qualifies them): the only exact match, or the best one if
/// its score is at least [`DOMINANCE`] (20) times that of the next
/// (`"Moscow"` is Moscow, Russia, not Moscow, Idaho; `"Ukrainka"` the air
/// base, not the village in Crimea). An airfield code (`XLMO`) competes
/// only with other codes.
///
/// # Errors
/// [`Error::Ambiguous`] listing the candidates with their country and
/// region, and how to qualify the name; [`Error::UnknownName`] with close
/// spellings as suggestions when nothing matches.
///
/// ```
/// use strikemap::gazetteer;
/// assert_eq!(gazetteer::resolve("Kiev")?.name, "Kyiv");
/// assert_eq!(gazetteer::resolve("Artemivsk, Donetsk Oblast")?.name, "Bakhmut");
/// assert_eq!(gazetteer::resolve("Moscow")?.country.as_str(), "RU");
/// assert_eq!(gazetteer::resolve("Pokrovsk, UA")?.region, Some("UA-14"));
/// let err = gazetteer::resolve("Pokrovsk").unwrap_err();
/// assert!(err.is_ambiguous_name());
/// assert!(err.report().to_string().contains("Donetsk Oblast"));
/// assert!(gazetteer::resolve("Kharkiwx").unwrap_err().is_unknown_name());
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn resolve(text: &str) -> Result<Entry> {
    match pick(text) {
        Picked::One(entry) => Ok(entry),
        Picked::Several(found) => {
            let codes = found[0].matched == Match::Code;
            let rivals: Vec<&Candidate> = found[1..]
                .iter()
                .filter(|c| (c.matched == Match::Code) == codes)
                .collect();
            Err(ambiguous(text, &found[0], &rivals))
        }
        Picked::None(query) => {
            let mut near = close(&query);
            rank(&mut near);
            Err(Error::UnknownName {
                kind: "place",
                name: text.trim().to_string(),
                suggestions: near
                    .iter()
                    .take(3)
                    .map(|c| format!("{}", c.entry))
                    .collect(),
            })
        }
    }
}

/// What a name picks out.
enum Picked {
    /// The one place it means.
    One(Entry),
    /// Several about equally, ranked.
    Several(Vec<Candidate>),
    /// Nothing exactly (the query, for suggestions).
    None(Query),
}

fn pick(text: &str) -> Picked {
    let query = Query::read(text);
    let mut found = exact_with(&query, false);
    if found.is_empty()
        && let Some(narrowed) = query.without_kind_word()
    {
        found = exact_with(&narrowed, false);
    }
    if found.is_empty() {
        return Picked::None(query);
    }
    rank(&mut found);
    let best = found[0];
    let codes = best.matched == Match::Code;
    let next = found[1..]
        .iter()
        .find(|c| (c.matched == Match::Code) == codes);
    match next {
        None => Picked::One(best.entry),
        Some(next) if score(&best) >= DOMINANCE.saturating_mul(score(next).max(1)) => {
            Picked::One(best.entry)
        }
        Some(_) => Picked::Several(found),
    }
}

/// The error for a name that several places share about equally.
fn ambiguous(text: &str, best: &Candidate, rivals: &[&Candidate]) -> Error {
    let shown: Vec<String> = std::iter::once(best)
        .chain(rivals.iter().copied())
        .take(5)
        .map(|c| format!("{}", c.entry))
        .collect();
    let more = rivals.len() + 1 - shown.len();
    let mut candidates = shown;
    if more > 0 {
        candidates.push(format!("{more} more (strikemap find {:?})", text.trim()));
    }
    let name = text.trim();
    // The first qualified form that picks out the best candidate alone.
    let e = best.entry;
    let name_only = name.rsplit_once(',').map_or(name, |(head, _)| head.trim());
    let mut forms = Vec::new();
    if best.matched == Match::OtherName {
        // Its own name (Bakhmut for Artemivsk).
        forms.extend([e.name.to_string(), format!("{}, {}", e.name, e.country)]);
    }
    forms.push(format!("{name_only}, {}", e.country));
    if let Some(region) = e.region_name() {
        forms.push(format!("{name_only}, {region}"));
    }
    if e.kind.is_airfield() {
        forms.push(format!("{name_only} air base"));
        forms.extend(e.code().map(str::to_string));
    }
    let works = |form: &String| matches!(pick(form), Picked::One(one) if one.id == e.id);
    let hint = match forms.iter().find(|f| works(f)) {
        Some(form) => format!("e.g. \"{form}\" for the first"),
        None => format!(
            "use its position, {}={:.5},{:.5}",
            e.name,
            e.position.lat(),
            e.position.lon()
        ),
    };
    Error::Ambiguous {
        kind: "place",
        name: name.to_string(),
        candidates: candidates.into(),
        hint: hint.into(),
    }
}
