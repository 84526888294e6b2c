//! The article as text: sentences, paragraphs, URLs masked, and numbers
//! written as words turned into digits, with every offset mapped back to
//! the article.

/// A sentence of the article: its byte range and its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte offset of the first character in the article.
    pub(crate) start: usize,
    /// Byte offset just past the last character.
    pub(crate) end: usize,
    /// The paragraph it is in, counting from 0.
    pub(crate) paragraph: usize,
}

/// Abbreviations whose full stop does not end a sentence (lower case,
/// without the final stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "st", "sen", "rep",
    "gov", "pres", "prof", "no", "nos", "vs", "approx", "ca", "e.g", "i.e", "etc", "jan", "feb",
    "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m",
    "km", "mi", "nmi",
];

/// Closing quotes and brackets that stay with the sentence they end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}'
    )
}

/// Whether the full stop at byte `at` of `text` follows an abbreviation or
/// an initial ("J. Smith"), so does not end a sentence.
fn after_abbreviation(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let word_start = head
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[word_start..];
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// The sentences of `text`, in order. A sentence ends at ".", "!" or "?"
/// (with any closing quotes or brackets after it) followed by white space,
/// unless the stop follows an abbreviation or an initial; a line break
/// ends a sentence too (a heading, a list item), and a blank line also ends
/// the paragraph.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    let push = |from: usize, to: usize, paragraph: usize, out: &mut Vec<Sentence>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(Sentence {
                start: from + lead,
                end: to - trail,
                paragraph,
            });
        }
    };
    while let Some((at, c)) = chars.next() {
        if c == '\n' {
            push(start, at, paragraph, &mut out);
            start = at + 1;
            // A blank line (only white space before the next line break)
            // ends the paragraph.
            let rest = &text[at + 1..];
            let line = rest.split('\n').next().unwrap_or("");
            if line.trim().is_empty() && rest.contains('\n') && !out.is_empty() {
                paragraph += 1;
                // Skip the blank line.
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if is_closer(d) || matches!(d, '.' | '!' | '?') {
                end = i + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let next_is_space = text[end..].chars().next().is_none_or(char::is_whitespace);
        if !next_is_space || (c == '.' && after_abbreviation(text, at)) {
            continue;
        }
        // "4.3" never gets here (no white space after the stop); "... at
        // 3 p.m. Kyiv time" stays one sentence only if the abbreviation
        // rule caught it.
        push(start, end, paragraph, &mut out);
        start = end;
    }
    push(start, text.len(), paragraph, &mut out);
    // Paragraph numbers count from 0 without gaps.
    out
}

/// Number words and their values.
const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

/// Multiplier words and their values.
const SCALES: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
];

/// Fraction words a number word may be part of ("two-thirds"): such a
/// number is a share, read elsewhere, not a figure.
const FRACTIONS: &[&str] = &[
    "third", "thirds", "quarter", "quarters", "half", "fifth", "fifths", "tenth", "tenths",
];

/// The value of one lower-case word.
fn word_value(word: &str) -> Option<(u64, bool)> {
    UNITS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| (*v, false))
        .or_else(|| {
            SCALES
                .iter()
                .find(|(w, _)| *w == word)
                .map(|(_, v)| (*v, true))
        })
}

/// The words of `text` from byte `from`: (start, end) of each run of ASCII
/// letters, stopping at anything but letters, spaces and single hyphens.
fn word_at(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let len = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    (len > 0).then_some((from, from + len))
}

/// A number written in words at byte `start` (the start of a word): its
/// end and value. "forty", "forty-five", "four thousand three hundred",
/// "a dozen" is not read ("a" is not a number word); "one hundred and
/// twenty" is.
fn number_words(text: &str, start: usize) -> Option<(usize, u64)> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut end = start;
    let mut at = start;
    let mut any = false;
    while let Some((ws, we)) = word_at(text, at) {
        let word = text[ws..we].to_ascii_lowercase();
        let Some((value, scale)) = word_value(&word) else {
            break;
        };
        if FRACTIONS.iter().any(|f| {
            let rest = text[we..].trim_start_matches(['-', ' ']);
            rest.len() >= f.len()
                && rest.is_char_boundary(f.len())
                && rest[..f.len()].eq_ignore_ascii_case(f)
        }) {
            // "two-thirds", "one half": a share.
            return None;
        }
        if scale {
            if !any {
                break;
            }
            current = current.max(1) * value;
            if value >= 1_000 {
                total += current;
                current = 0;
            }
        } else {
            // "two three" and "twenty twenty" are two numbers.
            if any
                && ((!current.is_multiple_of(10) && value < 10)
                    || (value >= 10 && !current.is_multiple_of(100)))
            {
                break;
            }
            current += value;
        }
        any = true;
        end = we;
        // Next: "-", " ", " and ".
        let rest = &text[we..];
        let gap = if rest.starts_with('-') {
            1
        } else if let Some(r) = rest.strip_prefix(' ') {
            if r.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("and ")) {
                5
            } else {
                1
            }
        } else {
            break;
        };
        at = we + gap;
        if at >= text.len() {
            break;
        }
    }
    any.then_some((end, total + current))
}

/// A replacement made in the working copy: `len` bytes at `at` in the copy
/// stand for `orig_len` bytes at `orig` in the article.
#[derive(Debug, Clone, Copy)]
struct Replaced {
    at: usize,
    len: usize,
    orig: usize,
    orig_len: usize,
}

/// A sentence ready to scan: URLs blanked out and number words written as
/// digits, with a map back to the article's byte offsets.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// The working copy.
    pub(crate) text: String,
    /// Where the sentence starts in the article.
    offset: usize,
    replaced: Vec<Replaced>,
}

impl Prepared {
    /// Prepares `sentence` (starting at byte `offset` of the article).
    pub(crate) fn new(sentence: &str, offset: usize) -> Prepared {
        let masked = mask_urls(sentence);
        let mut text = String::with_capacity(masked.len());
        let mut replaced = Vec::new();
        let mut i = 0;
        while i < masked.len() {
            let at_word_start = masked[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-');
            if at_word_start && let Some((end, value)) = number_words(&masked, i) {
                let digits = value.to_string();
                replaced.push(Replaced {
                    at: text.len(),
                    len: digits.len(),
                    orig: i,
                    orig_len: end - i,
                });
                text.push_str(&digits);
                i = end;
                continue;
            }
            let c = masked[i..].chars().next().unwrap_or(' ');
            text.push(c);
            i += c.len_utf8();
        }
        Prepared {
            text,
            offset,
            replaced,
        }
    }

    /// The article byte offset of working-copy byte `at` (a replaced number
    /// maps to its words: its start to theirs, its end to theirs).
    pub(crate) fn article(&self, at: usize) -> usize {
        let mut shift: isize = 0;
        for r in &self.replaced {
            if at < r.at {
                break;
            }
            if at < r.at + r.len {
                return self.offset + r.orig;
            }
            if at == r.at + r.len {
                return self.offset + r.orig + r.orig_len;
            }
            shift += r.orig_len as isize - r.len as isize;
        }
        self.offset + (at as isize + shift) as usize
    }
}

/// The text with every URL (a word containing "://" or starting "www.")
/// replaced by spaces of the same byte length.
fn mask_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.contains("://") || word.to_ascii_lowercase().starts_with("www.") {
            out.extend(std::iter::repeat_n(' ', word.len()));
        } else {
            out.push_str(word);
        }
        rest = &rest[word_len..];
        let space_len = rest.len() - rest.trim_start().len();
        out.push_str(&rest[..space_len]);
        rest = &rest[space_len..];
    }
    out
}

/// The number of characters in `text[..byte]`.
pub(crate) fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_and_abbreviations() {
        let text = "Mr. Smith said it was 4.3 km away. \u{201c}It hit at 3 a.m. local time,\u{201d} he said.\n\nNew paragraph? Yes!";
        let s = split(text);
        assert_eq!(
            s,
            [
                "Mr. Smith said it was 4.3 km away.",
                "\u{201c}It hit at 3 a.m. local time,\u{201d} he said.",
                "New paragraph?",
                "Yes!"
            ]
        );
        let p: Vec<usize> = sentences(text).iter().map(|s| s.paragraph).collect();
        assert_eq!(p, [0, 0, 1, 1]);
    }

    #[test]
    fn number_words_become_digits() {
        let p = Prepared::new(
            "some forty-five miles and four thousand three hundred troops, two-thirds",
            10,
        );
        assert_eq!(p.text, "some 45 miles and 4300 troops, two-thirds");
        // "45" maps back to "forty-five".
        assert_eq!((p.article(5), p.article(7)), (15, 25));
        // After a replacement, offsets shift by the difference.
        assert_eq!(p.article(8), 26);
    }

    #[test]
    fn urls_are_masked() {
        let p = Prepared::new("see https://example.org/2025-km-report now", 0);
        assert!(!p.text.contains("2025"));
        assert_eq!(
            p.text.len(),
            "see https://example.org/2025-km-report now".len()
        );
    }
}
