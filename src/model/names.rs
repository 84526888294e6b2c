//! Name matching: case-insensitive keys, folded keys that ignore
//! diacritics and apostrophes, and "did you mean" suggestions.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// The key a name is looked up by: lower case, accents as typed, runs of
/// white space, hyphens and underscores folded to one space.
pub(crate) fn normalise_name(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key the gazetteer looks a name up by, ignoring case, diacritics,
/// apostrophes and punctuation: lower case; compatibility decomposition
/// (NFKD) with every combining mark dropped (`é` → `e`, `ї` → `і`, `й` →
/// `и`); `ø ł đ ð þ æ œ ß ı` spelt `o l d d th ae oe ss i`; apostrophes and
/// quotes (`' ’ ‘ ʼ ʹ ` ´ ʻ ″ "`) deleted; every other character that is not
/// a letter or digit a space; runs of spaces one, none at either end.
///
/// The bundled `data/place-keys.tsv` is written with the same rule by
/// `scripts/gazetteer/build.py` (a test checks every key against this
/// function).
pub(crate) fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    let lower = name.to_lowercase();
    for c in lower.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        let spelt: &str = match c {
            'ø' => "o",
            'ł' => "l",
            'đ' | 'ð' => "d",
            'þ' => "th",
            'æ' => "ae",
            'œ' => "oe",
            'ß' => "ss",
            'ı' => "i",
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02B9}' | '`' | '\u{00B4}'
            | '\u{02BB}' | '\u{2033}' | '"' => continue,
            c if c.is_alphanumeric() => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                continue;
            }
            _ => {
                space = true;
                continue;
            }
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push_str(spelt);
    }
    out
}

/// Levenshtein distance over characters (the reference the banded
/// [`edit_distance_within`] is tested against).
#[cfg(test)]
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The first character of [`fold`]`(name)`, found without folding the
/// whole name (a cheap test before a full fold); `None` if it folds to
/// nothing.
pub(crate) fn first_folded_char(name: &str) -> Option<char> {
    for c in name.chars() {
        let mut buf = [0u8; 4];
        let folded = fold(c.encode_utf8(&mut buf));
        if let Some(first) = folded.chars().next() {
            return Some(first);
        }
    }
    None
}

/// The Levenshtein distance over characters if it is at most `limit`,
/// else `None`: only the band of `limit` cells either side of the diagonal
/// is computed, and the work stops once every cell of a row is past the
/// limit, so a long text costs O(length × limit), not O(length²).
pub(crate) fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    Within::new(a, limit).distance(b)
}

/// [`edit_distance_within`] from one text to many: the text's characters
/// and the working rows are kept between calls (no allocation per call),
/// and two ASCII texts are compared as bytes, without decoding.
#[derive(Debug, Clone)]
pub(crate) struct Within {
    a: Vec<char>,
    /// The text's bytes if it is ASCII.
    a_ascii: Option<Vec<u8>>,
    limit: usize,
    b: Vec<char>,
    row: Vec<usize>,
}

impl Within {
    pub(crate) fn new(a: &str, limit: usize) -> Within {
        Within {
            a: a.chars().collect(),
            a_ascii: a.is_ascii().then(|| a.as_bytes().to_vec()),
            limit,
            b: Vec::new(),
            row: Vec::new(),
        }
    }

    /// The distance to `b` if it is at most the limit.
    pub(crate) fn distance(&mut self, b: &str) -> Option<usize> {
        let limit = self.limit;
        // Each character is at least one byte and at most four.
        if b.len() + limit < self.a.len() || b.len() > 4 * (self.a.len() + limit) {
            return None;
        }
        if let Some(a) = &self.a_ascii
            && b.is_ascii()
        {
            return banded(a, b.as_bytes(), limit, &mut self.row);
        }
        self.b.clear();
        self.b.extend(b.chars());
        banded(&self.a, &self.b, limit, &mut self.row)
    }
}

/// The banded Levenshtein distance of two sequences if at most `limit`.
fn banded<T: PartialEq>(a: &[T], b: &[T], limit: usize, row: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let big = limit + 1;
    // row[j] = distance between a[..i] and b[..j], capped at `big`.
    row.clear();
    row.extend((0..=b.len()).map(|j| j.min(big)));
    for (i, ca) in a.iter().enumerate() {
        let i = i + 1;
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(b.len());
        let mut prev = row[lo - 1];
        row[lo - 1] = if lo == 1 { i.min(big) } else { big };
        let mut best = row[lo - 1];
        for j in lo..=hi {
            let cur = row[j];
            let v = if *ca == b[j - 1] {
                prev
            } else {
                1 + prev.min(row[j - 1]).min(cur)
            };
            row[j] = v.min(big);
            best = best.min(row[j]);
            prev = cur;
        }
        if hi < b.len() {
            row[hi + 1] = big;
        }
        if best > limit {
            return None;
        }
    }
    Some(row[b.len()]).filter(|d| *d <= limit)
}

/// Up to three known names closest to `wanted`: those within an edit
/// distance of a third of the length (at least 2), or that contain it or are
/// contained in it, best first.
pub(crate) fn suggestions<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> Vec<String> {
    let key = normalise_name(wanted);
    let mut scored: Vec<(usize, String)> = known
        .filter_map(|name| {
            let k = normalise_name(name);
            let limit = (key.chars().count() / 3).max(2);
            if let Some(d) = edit_distance_within(&key, &k, limit) {
                Some((d, name.to_string()))
            } else if !key.is_empty() && (k.contains(&key) || key.contains(&k)) && k.len() > 2 {
                Some((limit + 1, name.to_string()))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_suggestions() {
        assert_eq!(normalise_name("  Ivanovo-Severny "), "ivanovo severny");
        assert_eq!(edit_distance("olenia", "olenya"), 1);
        assert_eq!(edit_distance_within("olenia", "olenya", 1), Some(1));
        assert_eq!(edit_distance_within("kitten", "sitting", 3), Some(3));
        assert_eq!(edit_distance_within("kitten", "sitting", 2), None);
        assert_eq!(edit_distance_within("", "abc", 3), Some(3));
        assert_eq!(edit_distance_within("abc", "", 2), None);
        assert_eq!(edit_distance_within(&"x".repeat(100_000), "xx", 3), None);
        let known = [
            "Olenya",
            "Belaya",
            "Dyagilevo",
            "Ivanovo Severny",
            "Ukrainka",
        ];
        assert_eq!(suggestions("Olenia", known.iter().copied()), vec!["Olenya"]);
        assert_eq!(
            suggestions("Ivanovo", known.iter().copied()),
            vec!["Ivanovo Severny"]
        );
        assert!(suggestions("Paris", known.iter().copied()).is_empty());
    }

    proptest::proptest! {
        /// The banded distance is the full one whenever it is within the limit.
        #[test]
        fn banded_distance_agrees(a in "[abc]{0,12}", b in "[abc]{0,12}", limit in 0usize..6) {
            let full = edit_distance(&a, &b);
            let banded = edit_distance_within(&a, &b, limit);
            proptest::prop_assert_eq!(banded, (full <= limit).then_some(full));
        }
    }

    #[test]
    fn folded_keys_ignore_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Engel’s"), fold("Engel's"));
        assert_eq!(fold("Engel's"), "engels");
        assert_eq!(fold("  Çırağan   Palace "), "ciragan palace");
        assert_eq!(fold("Київ"), "киів");
        assert_eq!(fold("Zaporizhzhia-Sich"), "zaporizhzhia sich");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ivanovo (Severny)"), "ivanovo severny");
        assert_eq!(fold("!!!"), "");
        for name in [
            "Київ",
            "  Çırağan",
            "'Ærø",
            "ß",
            "!!!",
            "",
            "Engel’s",
            "İstanbul",
        ] {
            assert_eq!(first_folded_char(name), fold(name).chars().next(), "{name}");
        }
    }
}
