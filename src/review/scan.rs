//! Finding claims in one sentence: figures with units (distances and
//! lengths), counts and shares, and what the sentence says about where
//! places are. Works on a [`Prepared`] copy (URLs blanked, number words as
//! digits); every range found is in that copy's bytes.

use crate::claim::Quantifier;
use crate::claim::phrase::{figures, starts_with_word, unit_end};

use super::lexicon::{
    self, COUNT_STOP_WORDS, DIRECTIONS, LINE_WORDS, NOT_COUNTED, PLACE_NOUNS, is_plural,
};
use super::text::Prepared;

/// What was found, before anything is resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Found {
    /// A figure with a unit that is a distance.
    Distance {
        /// Where the figure (with its unit) is.
        figure: (usize, usize),
        /// Where the text to parse as a claim starts (before the quantifier).
        claim_from: usize,
        /// Where the reference phrase ("from Ukraine") is, if any.
        reference: Option<(usize, usize)>,
        /// "deep inside", "into": a depth with no reference.
        depth: bool,
    },
    /// A figure with a unit that is a length of a line.
    Length {
        figure: (usize, usize),
        claim_from: usize,
        /// The line word as written ("front line", "border").
        line: (usize, usize),
    },
    /// A count of things: "472 drones".
    Count {
        figure: (usize, usize),
        value: f64,
        /// The end of the counted noun phrase (or its breakdown).
        end: usize,
        quantifier: Option<(Quantifier, usize)>,
        /// Parts given with "including": their values.
        parts: Vec<f64>,
    },
    /// "N out of M", "N of the M".
    Pair {
        figure: (usize, usize),
        part: f64,
        whole: f64,
        end: usize,
        /// A share stated beside the pair ("nearly two-thirds", "65%"):
        /// the range of its text.
        stated: Option<(usize, usize)>,
    },
    /// A share with no count to check it: "a third of the fleet", "30%".
    Share {
        figure: (usize, usize),
        start: usize,
    },
    /// A place said to be in a country, a region or a group of regions.
    Place {
        place: (usize, usize),
        within: (usize, usize),
        span: (usize, usize),
        /// Dropped unless the place resolves.
        strict: bool,
    },
    /// A place said to be in a part of a country.
    Direction {
        place: (usize, usize),
        direction: (usize, usize),
        country: (usize, usize),
        span: (usize, usize),
        /// Dropped unless the place resolves.
        strict: bool,
    },
    /// Places said to be near another.
    Near {
        places: Vec<(usize, usize)>,
        near: (usize, usize),
        span: (usize, usize),
    },
}

/// Lower-case ASCII copy with the same byte offsets (non-ASCII bytes kept).
fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// The next word after byte `at` (skipping spaces and one hyphen): its range.
fn next_word(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let skip = rest.len() - rest.trim_start_matches([' ', '-', '\u{a0}']).len();
    let from = at + skip;
    let len = text[from..]
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .unwrap_or(text.len() - from);
    (len > 0).then_some((from, from + len))
}

/// Whether the figure at `start..end` is not a quantity: part of a
/// designation (Tu-95, S-400), money, a time, a date, a year, an ordinal,
/// an age, a number label.
fn not_a_quantity(t: &str, start: usize, end: usize) -> bool {
    let before = &t[..start];
    let after = &t[end..];
    let prev = before.chars().next_back();
    if let Some(p) = prev {
        if "$€£¥#№".contains(p) {
            return true;
        }
        if p == '-' || p == '\u{2011}' {
            // "Tu-95", "S-400", "Kh-101": a letter before the hyphen.
            if before[..before.len() - p.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                return true;
            }
        }
        if p == '/' || p == ':' {
            return true;
        }
    }
    let next = after.chars().next();
    if next.is_some_and(|c| {
        c.is_alphabetic()
            || c == '/'
            || c == ':' && after[1..].starts_with(|d: char| d.is_ascii_digit())
    }) {
        // "5th", "10am", "2/6", "3:40"; but "4,300km" has a unit and is
        // not asked here.
        return true;
    }
    let la = lower(after);
    let la = la.trim_start();
    if [
        "a.m",
        "p.m",
        "am ",
        "pm ",
        "gmt",
        "utc",
        "bst",
        "-year",
        "year-old",
        "years old",
        "hours gmt",
    ]
    .iter()
    .any(|w| la.starts_with(w))
    {
        return true;
    }
    let lb = lower(before);
    let lb = lb.trim_end();
    if lexicon::MONTHS
        .iter()
        .any(|m| lb.ends_with(m) || la.starts_with(m))
        || [
            "no.",
            "number",
            "page",
            "route",
            "flight",
            "resolution",
            "article",
            "chapter",
            "section",
            "highway",
            "m-",
            "e-",
        ]
        .iter()
        .any(|w| lb.ends_with(w))
    {
        return true;
    }
    let figure = &t[start..end];
    if figure.len() == 4
        && figure.bytes().all(|b| b.is_ascii_digit())
        && figure
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
    {
        return true;
    }
    false
}

/// The value of a figure in the working copy (digits, "," grouping): `None`
/// for decimals and anything odd (counts are whole numbers).
fn whole_value(figure: &str) -> Option<f64> {
    let digits: String = figure.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // "4,300" groups thousands only with groups of three.
    if figure.contains(',') && figure.split(',').skip(1).any(|g| g.len() != 3) {
        return None;
    }
    digits.parse::<f64>().ok()
}

/// The quantifier ending right before byte `start`, and where its words start.
pub(crate) fn quantifier_before(t: &str, start: usize) -> Option<(Quantifier, usize)> {
    let before = &t[..start];
    let (q, wording) = Quantifier::ending(before)?;
    let lb = lower(before);
    let n_words = wording.split_whitespace().count();
    // Walk back over as many words as the wording has.
    let mut at = lb.trim_end().len();
    for _ in 0..n_words {
        let head = lb[..at].trim_end();
        at = head.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        if wording.starts_with(['~', '≈']) {
            at = head.len() - head.chars().next_back().map_or(0, char::len_utf8);
        }
    }
    Some((q, at))
}

/// Scans one sentence.
pub(crate) fn scan(p: &Prepared) -> Vec<Found> {
    let t = p.text.as_str();
    let l = lower(t);
    let figs = figures(t);
    let mut found = Vec::new();
    let mut consumed_to = 0;
    let mut previous_unit_end: Option<usize> = None;
    for (k, &(start, end)) in figs.iter().enumerate() {
        if start < consumed_to {
            continue;
        }
        if let Some(unit) = unit_end(t, end) {
            // A conversion in brackets right after a distance is part of it.
            if let Some(prev) = previous_unit_end {
                let gap = t[prev..start].trim();
                if gap == "(" || gap == "," && t[start..].contains(')') || gap == "or about" {
                    previous_unit_end = Some(unit);
                    continue;
                }
            }
            previous_unit_end = Some(unit);
            let claim_from = figs[..k]
                .iter()
                .rev()
                .find(|(_, e)| unit_end(t, *e).is_some())
                .map_or(0, |&(_, e)| unit_end(t, e).unwrap_or(e));
            found.push(distance_or_length(t, &l, start, unit, claim_from));
            continue;
        }
        if not_a_quantity(t, start, end) {
            continue;
        }
        let Some(value) = whole_value(&t[start..end]) else {
            continue;
        };
        if let Some(f) = pair(t, &l, start, end, value, &figs[k + 1..]) {
            if let Found::Pair { end: e, .. } = f {
                consumed_to = e;
            }
            found.push(f);
            continue;
        }
        let after = l[end..].trim_start();
        if after.starts_with('%') || after.starts_with("percent") || after.starts_with("per cent") {
            let q = quantifier_before(t, start).map_or(start, |(_, s)| s);
            let pct_end = end
                + (l[end..].len() - after.len())
                + if after.starts_with('%') {
                    1
                } else if after.starts_with("percent") {
                    7
                } else {
                    8
                };
            found.push(Found::Share {
                figure: (start, pct_end),
                start: q,
            });
            continue;
        }
        if let Some(f) = count(t, &l, start, end, value, &figs[k + 1..]) {
            if let Found::Count { end: e, .. } = f {
                consumed_to = e;
            }
            found.push(f);
        }
    }
    fraction_shares(t, &l, &mut found);
    places(t, &l, &mut found);
    found
}

/// Compass words between a distance and "of" ("400 km east of Moscow");
/// longest first. The bearing they state is not checked.
const COMPASS_WORDS: &[&str] = &[
    "north-northeast",
    "north-northwest",
    "south-southeast",
    "south-southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north",
    "south",
    "east",
    "west",
];

/// A figure with a unit: a length when a line word follows it ("620-mile
/// front line", "1,000 km long") or the sentence says the line "stretches"
/// it; otherwise a distance, with its reference after "from" or "of".
fn distance_or_length(t: &str, l: &str, start: usize, unit: usize, claim_from: usize) -> Found {
    let rest = &l[unit..];
    let gap = rest.len() - rest.trim_start_matches([' ', '-']).len();
    let after = &rest[gap..];
    // "620-mile front line", "a 1,000-km border", "620 miles long".
    let after_adj = ["long ", "-long "]
        .iter()
        .find_map(|w| after.strip_prefix(w.trim_start_matches('-')))
        .unwrap_or(after);
    let adj_skip = after.len() - after_adj.len();
    for word in LINE_WORDS {
        if starts_with_word(after_adj, word) {
            let from = unit + gap + adj_skip;
            return Found::Length {
                figure: (start, unit),
                claim_from,
                line: (from, from + word.len()),
            };
        }
    }
    if starts_with_word(after, "long") {
        // "the front line is 620 miles long": the line word is before.
        if let Some((s, e)) = line_word_before(l, start) {
            return Found::Length {
                figure: (start, unit),
                claim_from,
                line: (s, e),
            };
        }
    }
    let before = l[claim_from..start].trim_end();
    if [
        "stretches",
        "stretching",
        "runs",
        "running",
        "spans",
        "spanning",
        "extends",
        "extending",
        "measures",
        "measuring",
    ]
    .iter()
    .any(|v| before.contains(v))
        && let Some(line) = line_word_before(l, start)
    {
        return Found::Length {
            figure: (start, unit),
            claim_from,
            line,
        };
    }
    // The reference: "from X", "of X", "away from X", "east of X", and
    // after a conversion in brackets: "40 kilometers (25 miles) from X".
    let mut depth = false;
    let mut r = after;
    if r.starts_with('(')
        && let Some(close) = r.find(')')
        && r[1..close]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        r = r[close + 1..].trim_start();
    }
    for w in ["away", "deep", "further", "farther"] {
        if starts_with_word(r, w) {
            r = r[w.len()..].trim_start();
        }
    }
    if let Some(w) = COMPASS_WORDS
        .iter()
        .find(|w| starts_with_word(r, w) && starts_with_word(r[w.len()..].trim_start(), "of"))
    {
        r = r[w.len()..].trim_start();
    }
    let mut reference = None;
    for w in ["from", "of"] {
        if starts_with_word(r, w) {
            let from = t.len() - r.len() + w.len();
            let tail = &t[from..];
            let lead = tail.len() - tail.trim_start().len();
            let end = tail
                .find([
                    '.', ',', ';', ':', '!', '?', '(', ')', '"', '\u{201c}', '\u{201d}',
                    '\u{2018}', '\u{2019}',
                ])
                .unwrap_or(tail.len());
            if end > lead {
                reference = Some((from + lead, from + end));
            }
            break;
        }
    }
    if reference.is_none()
        && ["inside", "into", "within", "behind", "across"]
            .iter()
            .any(|w| starts_with_word(r, w))
    {
        depth = true;
    }
    Found::Distance {
        figure: (start, unit),
        claim_from,
        reference,
        depth,
    }
}

/// The last line word before byte `at`, if any.
fn line_word_before(l: &str, at: usize) -> Option<(usize, usize)> {
    LINE_WORDS
        .iter()
        .filter_map(|w| l[..at].rfind(w).map(|s| (s, s + w.len())))
        .max_by_key(|(s, e)| (*s, *e))
}

/// "N out of M", "N of the M", "N of M": a part and a whole.
fn pair(
    t: &str,
    l: &str,
    start: usize,
    end: usize,
    part: f64,
    later: &[(usize, usize)],
) -> Option<Found> {
    let &(s2, e2) = later.first()?;
    let gap = l[end..s2].trim();
    if ![
        "out of",
        "of",
        "of the",
        "out of the",
        "of a total of",
        "out of a total of",
    ]
    .contains(&gap)
    {
        return None;
    }
    let whole = whole_value(&t[s2..e2])?;
    let mut stop = e2;
    let noun = head_noun(l, e2);
    if let Some((_, we)) = noun {
        stop = we;
    }
    // A share stated beside it: ", nearly two-thirds", " (65%)".
    let tail = &l[stop..];
    let mut stated = None;
    let window_end = tail.find(['.', ';']).map_or(l.len(), |i| stop + i);
    let window = &l[stop..window_end];
    for w in lexicon::FRACTION_WORDS
        .iter()
        .chain(["%", "percent", "per cent"].iter())
    {
        if let Some(i) = window.find(w) {
            let mut s = stop + i;
            if *w == "%" || w.contains("cent") {
                s = l[..s]
                    .trim_end()
                    .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .len();
            }
            let from = quantifier_before(t, s).map_or(s, |(_, q)| q);
            let share_end = stop + i + w.len();
            // "about 15% of the fleet's fuel": a share of another whole,
            // not of the pair ("two-thirds of them", "of the drones" are).
            if of_another_whole(l, share_end, noun.map(|(ns, ne)| &l[ns..ne])) {
                break;
            }
            stated = Some((from, share_end));
            break;
        }
    }
    Some(Found::Pair {
        figure: (start, stop),
        part,
        whole,
        end: stated.map_or(stop, |(_, e)| e),
        stated,
    })
}

/// Whether the share ending at `end` goes on to name a whole of its own:
/// " of " and words that are neither a pronoun ("them", "those") nor the
/// pair's noun.
fn of_another_whole(l: &str, end: usize, pair_noun: Option<&str>) -> bool {
    let Some(rest) = l[end..].strip_prefix(" of ") else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if ["them", "those", "these", "it", "all", "which"].contains(first) {
        return false;
    }
    let stem = |w: &str| w.trim_end_matches('s').to_string();
    !pair_noun.is_some_and(|n| words.iter().any(|w| stem(w) == stem(n)))
}

/// The plural noun that a figure counts: the first plural word within the
/// next four words, before any stop word.
fn head_noun(l: &str, end: usize) -> Option<(usize, usize)> {
    let mut at = end;
    for _ in 0..4 {
        let (ws, we) = next_word(l, at)?;
        // Punctuation between words ends the noun phrase.
        if l[at..ws].contains([',', ';', ':', '(', ')', '.', '"', '\u{201c}', '\u{201d}']) {
            return None;
        }
        let w = &l[ws..we];
        if COUNT_STOP_WORDS.contains(&w) {
            return None;
        }
        let last = w.rsplit('-').next().unwrap_or(w);
        if NOT_COUNTED.contains(&last) {
            return None;
        }
        if is_plural(last) {
            return Some((ws, we));
        }
        at = we;
    }
    None
}

/// A count: a figure and the plural noun it counts, with a breakdown
/// ("over eight Russian regions") and parts ("including 400 Shaheds and
/// 80 decoys") taken into the same finding.
fn count(
    t: &str,
    l: &str,
    start: usize,
    end: usize,
    value: f64,
    later: &[(usize, usize)],
) -> Option<Found> {
    let (_, noun_end) = head_noun(l, end)?;
    let mut stop = noun_end;
    let mut parts = Vec::new();
    let mut rest_figs = later.iter().filter(|(s, _)| *s >= noun_end).peekable();
    // A breakdown: "over eight Russian regions".
    if let Some(&&(s, e)) = rest_figs.peek() {
        let gap = l[stop..s].trim();
        if ["over", "across", "in", "from"].contains(&gap)
            && let Some((_, ne)) = head_noun(l, e)
        {
            stop = ne;
            rest_figs.next();
        }
    }
    // Parts: ", including 400 Shaheds and 80 decoys".
    let tail = &l[stop..];
    let lead = tail.trim_start_matches([',', ' ', '(', '\u{2014}', '\u{2013}']);
    if lead.starts_with("including ")
        || lead.starts_with("of which ")
        || lead.starts_with("among them ")
    {
        let clause_end = l[stop..]
            .find([';', '.', ')'])
            .map_or(l.len(), |i| stop + i);
        let from = stop;
        for &(s, e) in later.iter().filter(|(s, _)| *s > from && *s < clause_end) {
            if unit_end(t, e).is_some() {
                break;
            }
            let Some(v) = whole_value(&t[s..e]) else {
                continue;
            };
            if let Some((_, ne)) = head_noun(l, e) {
                parts.push(v);
                stop = ne;
            } else if elided_noun(&l[e..clause_end]) {
                // "including 22 over Belgorod region and 17 over Kursk".
                parts.push(v);
                stop = e;
            }
        }
    }
    Some(Found::Count {
        figure: (start, noun_end),
        value,
        end: stop,
        quantifier: quantifier_before(t, start),
        parts,
    })
}

/// Whether the words after a part's figure show that its noun is left out
/// ("22 over Belgorod region", "17 in Kursk", "22 and 17"): a preposition
/// or "and"/"or" next, or the end of the clause.
fn elided_noun(after: &str) -> bool {
    let a = after.trim_start();
    a.is_empty()
        || a.starts_with([',', ';', ')'])
        || [
            "over", "in", "on", "at", "near", "above", "across", "and", "or",
        ]
        .iter()
        .any(|w| starts_with_word(a, w))
}

/// Shares written as fraction words: "a third of the fleet", "nearly half
/// of its bombers".
fn fraction_shares(t: &str, l: &str, found: &mut Vec<Found>) {
    for w in lexicon::FRACTION_WORDS {
        let mut from = 0;
        while let Some(i) = l[from..].find(w) {
            let s = from + i;
            from = s + w.len();
            let boundary_before = l[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = &l[s + w.len()..];
            if !boundary_before || !after.starts_with(" of ") {
                continue;
            }
            let inside_other = found.iter().any(|f| match f {
                Found::Pair {
                    stated: Some((a, b)),
                    ..
                } => s >= *a && s < *b,
                Found::Share { figure: (a, b), .. } => s >= *a && s < *b,
                _ => false,
            });
            if inside_other || l[..s].ends_with("-") {
                continue;
            }
            let start = quantifier_before(t, s).map_or(s, |(_, q)| q);
            found.push(Found::Share {
                figure: (s, s + w.len()),
                start,
            });
        }
    }
}

/// A capitalised name starting at byte `at`: up to four capitalised words
/// (hyphens and apostrophes inside words allowed), stopping before a
/// possessive "'s". A name never starts with a word of
/// [`NOT_NAME_WORDS`](lexicon::NOT_NAME_WORDS) ("In", "Meanwhile").
pub(crate) fn name_at(t: &str, at: usize) -> Option<(usize, usize)> {
    let mut end = at;
    let mut i = at;
    let mut words = 0;
    while words < 4 {
        // `at` may come from a search of the lower-cased copy: not at a
        // character boundary, no name.
        let c = t.get(i..)?.chars().next()?;
        if !c.is_uppercase() {
            break;
        }
        let len = t[i..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
            .unwrap_or(t.len() - i);
        let mut word_end = i + len;
        for poss in ["'s", "\u{2019}s"] {
            if t[i..word_end].ends_with(poss) {
                word_end -= poss.len();
            }
        }
        let word = &t[i..word_end];
        if lexicon::NOT_NAME_WORDS.contains(&word)
            || lexicon::country_of_adjective(word).is_some()
            || is_designation(word)
        {
            if words == 0 {
                return None;
            }
            break;
        }
        end = word_end;
        words += 1;
        if word_end < i + len || !t[word_end..].starts_with(' ') {
            break;
        }
        i = word_end + 1;
        if i >= t.len() {
            break;
        }
    }
    (words > 0).then_some((at, end))
}

/// A weapon or unit designation such as "S-400", "Tu-95", "MiG-29",
/// "Kh-101": up to three letters, a hyphen, digits. ("Soltsy-2" is a
/// name: its letters are a word.)
fn is_designation(word: &str) -> bool {
    let Some((letters, digits)) = word.split_once('-') else {
        return false;
    };
    (1..=3).contains(&letters.len())
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// The start of each capitalised word of the sentence.
fn capitalised_words(t: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        if c.is_uppercase()
            && prev.is_none_or(|p| !p.is_alphanumeric() && p != '\'' && p != '\u{2019}' && p != '-')
        {
            out.push(i);
        }
        prev = Some(c);
    }
    out
}

/// Every capitalised name of the sentence (see [`name_at`]), none inside
/// another.
pub(crate) fn capitalised_names(t: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for a in capitalised_words(t) {
        if out.last().is_some_and(|(_, e)| a < *e) {
            continue;
        }
        if let Some(n) = name_at(t, a) {
            out.push(n);
        }
    }
    out
}

/// A direction word at byte `at`, written in lower case ("North Ossetia"
/// is a name): its end.
fn direction_at(t: &str, l: &str, at: usize) -> Option<usize> {
    if !t[at..].starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    DIRECTIONS
        .iter()
        .filter(|(w, _)| starts_with_word(&l[at..], w))
        .map(|(w, _)| at + w.len())
        .max()
}

/// A lower-case direction word ending right before byte `at` (after
/// trimming spaces): its range.
fn direction_before(t: &str, l: &str, at: usize) -> Option<(usize, usize)> {
    let head = l[..at].trim_end();
    DIRECTIONS
        .iter()
        .filter_map(|(w, _)| {
            head.strip_suffix(w)
                .filter(|h| h.is_empty() || h.ends_with([' ', '(', '"', '\u{201c}']))
                .map(|h| (h.len(), h.len() + w.len()))
        })
        .filter(|(s, _)| t[*s..].starts_with(|c: char| c.is_ascii_lowercase()))
        .min_by_key(|(s, _)| *s)
}

/// The end of a lower-case place noun right after byte `at` ("air base"
/// in "the Engels air base"), if one follows.
fn noun_after(l: &str, at: usize) -> Option<usize> {
    let rest = l[at..].strip_prefix(' ')?;
    lexicon::AFTER_NAME_NOUNS
        .iter()
        .filter(|n| starts_with_word(rest, n))
        .map(|n| at + 1 + n.len())
        .max()
}

/// Pushes a place claim, or a direction claim when there is a direction
/// word (a direction claim says the place is in the country too).
fn push_place(
    found: &mut Vec<Found>,
    place: (usize, usize),
    within: (usize, usize),
    direction: Option<(usize, usize)>,
    span: (usize, usize),
    strict: bool,
) {
    found.push(match direction {
        Some(direction) => Found::Direction {
            place,
            direction,
            country: within,
            span,
            strict,
        },
        None => Found::Place {
            place,
            within,
            span,
            strict,
        },
    });
}

/// The place claims of the sentence (see the module docs of `review` for
/// the patterns).
fn places(t: &str, l: &str, found: &mut Vec<Found>) {
    let caps = capitalised_words(t);
    let mut taken: Vec<(usize, usize)> = Vec::new();
    // P1: "the (DIR) ADJ (word) (word) NOUN of NAME".
    for &a in &caps {
        let Some((adj_s, adj_e)) = next_word(t, a).filter(|(s, _)| *s == a) else {
            continue;
        };
        if lexicon::country_of_adjective(&t[adj_s..adj_e]).is_none() {
            continue;
        }
        let Some(of_at) = place_noun_then_of(l, adj_e) else {
            continue;
        };
        let Some(place) = name_at(t, of_at + 4) else {
            continue;
        };
        let dir = direction_before(t, l, adj_s);
        let span_start = dir.map_or(adj_s, |(s, _)| s);
        let the = if l[..span_start].ends_with("the ") {
            span_start - 4
        } else {
            span_start
        };
        push_place(found, place, (adj_s, adj_e), dir, (the, place.1), false);
        taken.push(place);
    }
    // P2: "NAME (noun)(,) in (the) (DIR) REGION" and P4: "NAME (noun) (and
    // NAME) near NAME3".
    let mut listed: Vec<(usize, usize)> = Vec::new();
    for &a in &caps {
        if taken.iter().any(|(s, e)| a >= *s && a < *e) {
            continue;
        }
        let Some(place) = name_at(t, a) else { continue };
        let mut rest_at = place.1;
        let noun = noun_after(l, rest_at);
        if let Some(e) = noun {
            rest_at = e;
        }
        if t[rest_at..].starts_with(',') {
            rest_at += 1;
        }
        let rest = &l[rest_at..];
        let trimmed = rest.trim_start();
        let at = rest_at + (rest.len() - trimmed.len());
        if starts_with_word(trimmed, "and") {
            listed.push(place);
            continue;
        }
        if trimmed.starts_with("near ") {
            if let Some(other) = name_at(t, at + 5) {
                let mut places_here = std::mem::take(&mut listed);
                places_here.push(place);
                let span = (places_here[0].0, other.1);
                found.push(Found::Near {
                    places: places_here,
                    near: (at, other.1),
                    span,
                });
                taken.push(other);
            }
            continue;
        }
        listed.clear();
        if !trimmed.starts_with("in ") {
            continue;
        }
        let mut w = at + 3;
        if l[w..].starts_with("the ") {
            w += 4;
        }
        let dir = direction_at(t, l, w).map(|e| (w, e));
        if let Some((_, e)) = dir {
            w = e + 1;
            if !t.is_char_boundary(w) {
                continue;
            }
        }
        let Some((rs, re)) = name_at(t, w) else {
            continue;
        };
        // "in Russia's Arctic", "in Ryazan region".
        let mut within = (rs, re);
        for poss in ["'s ", "\u{2019}s "] {
            if t[re..].starts_with(poss)
                && let Some((_, e2)) = name_at(t, re + poss.len())
            {
                within = (rs, e2);
            }
        }
        for suffix in [" region", " oblast", " province", " krai", " republic"] {
            if l[within.1..].starts_with(suffix) {
                within.1 += suffix.len();
            }
        }
        // A name introduced as a place ("the village of X", "the X air
        // base") is a place claim even if nothing knows the name; a bare
        // name must resolve ("Zelensky in Kyiv" claims nothing).
        let introduced = noun.is_some() || l[..place.0].ends_with(" of ");
        push_place(found, place, within, dir, (place.0, within.1), !introduced);
        taken.push(within);
        taken.push(place);
    }
    // P3: "(DIR) NAME2's NAME": "Istanbul's Ciragan Palace", "western
    // Ukraine's Lviv". NAME must resolve ("Ukraine's General Staff" is no
    // place).
    for &a in &caps {
        let Some((s, e)) = name_at(t, a) else {
            continue;
        };
        if taken.iter().any(|(ts, te)| s >= *ts && s < *te) {
            continue;
        }
        let Some(poss) = ["'s ", "\u{2019}s "]
            .iter()
            .find(|p| t[e..].starts_with(**p))
        else {
            continue;
        };
        let Some(place) = name_at(t, e + poss.len()) else {
            continue;
        };
        if taken.contains(&place) {
            continue;
        }
        let dir = direction_before(t, l, s);
        let span = (dir.map_or(s, |(d, _)| d), place.1);
        push_place(found, place, (s, e), dir, span, true);
        taken.push(place);
    }
    // P5: "a field near Tulcea", "airfields near Murmansk": a location
    // stated without a distance, the thing near it not named.
    let mut from = 0;
    while let Some(i) = l[from..].find("near ") {
        let at = from + i;
        from = at + 5;
        let word_start = l[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let Some(other) = name_at(t, at + 5).filter(|_| word_start) else {
            continue;
        };
        let covered = found.iter().any(|f| match f {
            Found::Near { near, .. } => near.0 <= at && at < near.1,
            _ => false,
        }) || taken.iter().any(|(ts, te)| other.0 >= *ts && other.0 < *te);
        if !covered {
            found.push(Found::Near {
                places: Vec::new(),
                near: (at, other.1),
                span: (at, other.1),
            });
        }
    }
}

/// After a country adjective ending at `adj_e`: up to two lower-case words
/// then a place noun and " of " ("city of", "border town of", "port city
/// of"). Returns where " of " starts.
fn place_noun_then_of(l: &str, adj_e: usize) -> Option<usize> {
    let mut at = adj_e;
    for _ in 0..3 {
        let rest = l[at..].strip_prefix(' ')?;
        if let Some(n) = PLACE_NOUNS
            .iter()
            .filter(|n| starts_with_word(rest, n))
            .max_by_key(|n| n.len())
        {
            let of_at = at + 1 + n.len();
            if l[of_at..].starts_with(" of ") {
                return Some(of_at);
            }
        }
        let word_len = rest.find(|c: char| !c.is_ascii_lowercase() && c != '-')?;
        if word_len == 0 {
            return None;
        }
        at += 1 + word_len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        let p = Prepared::new(text, 0);
        scan(&p)
            .iter()
            .map(|f| match f {
                Found::Distance { figure, .. } => {
                    format!("distance {}", &p.text[figure.0..figure.1])
                }
                Found::Length { figure, .. } => format!("length {}", &p.text[figure.0..figure.1]),
                Found::Count { figure, .. } => format!("count {}", &p.text[figure.0..figure.1]),
                Found::Pair { figure, .. } => format!("pair {}", &p.text[figure.0..figure.1]),
                Found::Share { figure, .. } => format!("share {}", &p.text[figure.0..figure.1]),
                Found::Place { place, within, .. } => format!(
                    "place {} in {}",
                    &p.text[place.0..place.1],
                    &p.text[within.0..within.1]
                ),
                Found::Direction {
                    place,
                    direction,
                    country,
                    ..
                } => format!(
                    "direction {} {} {}",
                    &p.text[place.0..place.1],
                    &p.text[direction.0..direction.1],
                    &p.text[country.0..country.1]
                ),
                Found::Near { near, .. } => format!("near {}", &p.text[near.0..near.1]),
            })
            .collect()
    }

    #[test]
    fn figures_with_units() {
        assert_eq!(
            kinds("the targets were more than 4,300 miles from Ukraine"),
            ["distance 4,300 miles"]
        );
        assert_eq!(
            kinds("fighting along the roughly 620-mile front line"),
            ["length 620-mile"]
        );
        assert_eq!(kinds("a 1,000-km border"), ["length 1,000-km"]);
        assert_eq!(
            kinds("some forty miles from the border"),
            ["distance 40 miles"]
        );
        assert_eq!(
            kinds("it was 4,300 miles (6,920 km) from Ukraine"),
            ["distance 4,300 miles"]
        );
    }

    #[test]
    fn counts_and_false_friends() {
        assert_eq!(
            kinds("Russia launched 472 drones in one night"),
            ["count 472 drones"]
        );
        assert_eq!(
            kinds("4,300 troops arrived in 2025 on June 3 at 3 a.m."),
            ["count 4,300 troops"]
        );
        assert_eq!(kinds("Tu-95 and S-400 systems"), Vec::<String>::new());
        assert_eq!(
            kinds("two ballistic missiles struck, one near a school"),
            ["count 2 ballistic missiles"]
        );
        assert_eq!(
            kinds("it damaged 52 out of 80 drones"),
            ["pair 52 out of 80 drones"]
        );
        assert_eq!(kinds("a 45-year-old man"), Vec::<String>::new());
        assert_eq!(kinds("nearly a third of the fleet"), ["share a third"]);
        assert_eq!(
            kinds("downed 162 Ukrainian drones over eight Russian regions overnight"),
            ["count 162 Ukrainian drones"]
        );
    }

    #[test]
    fn place_patterns() {
        assert_eq!(
            kinds("in the north-eastern Ukrainian city of Kharkiv"),
            ["direction Kharkiv north-eastern Ukrainian"]
        );
        assert_eq!(
            kinds("the Ukrainian border town of Vovchansk"),
            ["place Vovchansk in Ukrainian"]
        );
        assert_eq!(
            kinds("Mozdok, in North Ossetia"),
            ["place Mozdok in North Ossetia"]
        );
        assert_eq!(
            kinds("In Lutsk, in north-western Ukraine"),
            ["direction Lutsk north-western Ukraine"]
        );
        assert_eq!(
            kinds("the Engels air base, in Saratov region"),
            ["place Engels in Saratov region"]
        );
        assert_eq!(
            kinds("the Alabuga plant near Yelabuga"),
            ["near near Yelabuga"]
        );
        assert_eq!(
            kinds("talks in Istanbul's Ciragan Palace"),
            ["place Ciragan Palace in Istanbul"]
        );
        assert_eq!(
            kinds("Olenya in the Arctic, Belaya in Siberia"),
            ["place Olenya in Arctic", "place Belaya in Siberia"]
        );
        assert_eq!(
            kinds("Dyagilevo and Ivanovo near Moscow"),
            ["near near Moscow"]
        );
        assert_eq!(
            kinds("Olenya, in Russia's Arctic"),
            ["place Olenya in Russia's Arctic"]
        );
    }
}
