//! Name matching: case-insensitive keys and "did you mean" suggestions.

/// The key a name is looked up by: lower case, accents as typed, runs of
/// white space, hyphens and underscores folded to one space.
pub(crate) fn normalise_name(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Levenshtein distance over characters.
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

/// Up to three known names closest to `wanted`: those within an edit
/// distance of a third of the length (at least 2), or that contain it or are
/// contained in it, best first.
pub(crate) fn suggestions<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> Vec<String> {
    let key = normalise_name(wanted);
    let mut scored: Vec<(usize, String)> = known
        .filter_map(|name| {
            let k = normalise_name(name);
            let d = edit_distance(&key, &k);
            let limit = (key.chars().count() / 3).max(2);
            if d <= limit {
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
}
