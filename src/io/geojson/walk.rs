//! [`FeatureWalk`]: the one streaming walk over a FeatureCollection, under
//! both public readers of one ([`FeatureCollectionReader`] into
//! [`MapFeature`](super::MapFeature)s,
//! [`PointFeatures`](crate::io::points::PointFeatures) into Point
//! features).
//!
//! It walks the top-level object member by member, in any order (a `bbox`
//! or foreign members before `features`, `type` last), hands out each
//! element of `features` as a JSON value with its index, and keeps the
//! other members. This is done here rather than with the `geojson` crate's
//! `FeatureReader`/`FeatureIterator`, which take the first `[` of the
//! document for the start of `features` (so a `bbox`, or a `[` in a name,
//! written before `features` is misread), cannot see members after
//! `features`, report a missing `features` as an end-of-file I/O error and
//! panic if polled after their end.
//!
//! Each value's bytes are found by a scan that follows only strings and
//! brackets, then parsed by `serde_json` from that slice, so memory holds
//! one feature at a time. The input is read through [`Counted`], which
//! knows the line and column of every byte it hands out: a syntax error
//! anywhere, between members or deep inside a feature, is reported as
//! `line L, column C: expected …` with the position in the whole input
//! (columns count bytes, as `serde_json`'s do). A UTF-8 byte order mark
//! before the document is skipped.
//!
//! [`FeatureCollectionReader`]: super::FeatureCollectionReader

use std::io::{BufRead, BufReader, Read};

use geojson::{JsonObject, JsonValue};

use super::geometry::describe;
use super::import::check_crs;
use crate::error::{Error, Result};
use crate::io::BOM;

/// A buffered reader that knows the line and column of what it has handed
/// out, through [`Read::read`] or [`BufRead::consume`].
struct Counted<R> {
    inner: BufReader<R>,
    /// The line of the next byte, from 1.
    line: usize,
    /// The bytes handed out since the last line feed.
    column: usize,
}

impl<R: Read> Counted<R> {
    fn new(reader: R) -> Counted<R> {
        Counted {
            inner: BufReader::new(reader),
            line: 1,
            column: 0,
        }
    }
}

/// Moves `(line, column)` past `bytes`.
fn advance(line: &mut usize, column: &mut usize, bytes: &[u8]) {
    match bytes.iter().rposition(|&b| b == b'\n') {
        Some(last) => {
            *line += bytes[..=last].iter().filter(|&&b| b == b'\n').count();
            *column = bytes.len() - last - 1;
        }
        None => *column += bytes.len(),
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        advance(&mut self.line, &mut self.column, &buf[..n]);
        Ok(n)
    }
}

impl<R: Read> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        let buffered = self.inner.buffer();
        let amt = amt.min(buffered.len());
        advance(&mut self.line, &mut self.column, &buffered[..amt]);
        self.inner.consume(amt);
    }
}

/// How far the walk has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Members { first: bool },
    Features { first: bool },
    End,
    Done,
}

/// The end of a JSON object, array or string found by following its
/// strings and brackets only (the parser checks the rest).
#[derive(Debug, Default)]
struct Scan {
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl Scan {
    /// How many bytes of `chunk` the value still takes, if it ends there.
    fn end(&mut self, chunk: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < chunk.len() {
            if self.escaped {
                // The byte after a backslash is taken as it is.
                self.escaped = false;
                i += 1;
                continue;
            }
            if self.in_string {
                // Jump to the next quote or backslash.
                match chunk[i..].iter().position(|&b| b == b'"' || b == b'\\') {
                    None => return None,
                    Some(k) => i += k,
                }
                if chunk[i] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                i += 1;
                continue;
            }
            match chunk[i] {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }
}

/// Walks a FeatureCollection: the elements of `features` one at a time,
/// with their index, and the other top-level members.
///
/// After an error the walk is over: [`FeatureWalk::next_feature`] gives
/// `Ok(None)`.
pub(crate) struct FeatureWalk<R> {
    reader: Counted<R>,
    /// The input's name in I/O errors.
    source: String,
    state: State,
    index: usize,
    members: JsonObject,
    seen_features: bool,
    seen_type: bool,
    /// The bytes of the value being read (kept for its capacity).
    bytes: Vec<u8>,
}

impl<R: Read> FeatureWalk<R> {
    /// A walk over the FeatureCollection in `reader`; `source` names it in
    /// I/O errors.
    pub(crate) fn new(reader: R, source: impl Into<String>) -> FeatureWalk<R> {
        FeatureWalk {
            reader: Counted::new(reader),
            source: source.into(),
            state: State::Start,
            index: 0,
            members: JsonObject::new(),
            seen_features: false,
            seen_type: false,
            bytes: Vec::new(),
        }
    }

    /// Top-level members read so far, other than `type`, `features` and
    /// `bbox`.
    pub(crate) fn members(&self) -> &JsonObject {
        &self.members
    }

    /// The next element of `features` and its index, or `None` at the end
    /// of the collection.
    ///
    /// # Errors
    /// [`Error::Format`] for broken JSON (`line L, column C: …`, inside an
    /// element also naming it, `feature N: line L, …`), a document that is
    /// not a FeatureCollection (`type`, `features`) or a `crs` other than
    /// WGS84; [`Error::Io`] if the input cannot be read.
    pub(crate) fn next_feature(&mut self) -> Result<Option<(usize, JsonValue)>> {
        while self.state != State::Done {
            match self.step() {
                Ok(Some(feature)) => return Ok(Some(feature)),
                Ok(None) => {}
                Err(e) => {
                    self.state = State::Done;
                    return Err(e);
                }
            }
        }
        Ok(None)
    }

    /// An error at the next byte, `found` (or at the end of the input).
    fn unexpected(&self, expected: &str, found: Option<u8>) -> Error {
        let (column, found) = match found {
            Some(b) => (self.reader.column + 1, format!("{:?}", char::from(b))),
            None => (self.reader.column, "the end of the input".to_string()),
        };
        Error::format(
            format!("line {}, column {column}", self.reader.line),
            expected,
            found,
        )
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Result<Option<u8>> {
        loop {
            let buf = self
                .reader
                .fill_buf()
                .map_err(|e| Error::io(self.source.clone(), e))?;
            if buf.is_empty() {
                return Ok(None);
            }
            let ws = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if ws < buf.len() {
                let b = buf[ws];
                self.reader.consume(ws);
                return Ok(Some(b));
            }
            let n = buf.len();
            self.reader.consume(n);
        }
    }

    fn expect(&mut self, byte: u8, expected: &str) -> Result<()> {
        match self.peek()? {
            Some(b) if b == byte => {
                self.reader.consume(1);
                Ok(())
            }
            found => Err(self.unexpected(expected, found)),
        }
    }

    /// Skips a byte order mark at the start.
    fn skip_bom(&mut self) -> Result<()> {
        for &b in BOM.as_bytes() {
            let buf = self
                .reader
                .fill_buf()
                .map_err(|e| Error::io(self.source.clone(), e))?;
            if buf.first() != Some(&b) {
                // Not a mark: the JSON (or the error) starts here.
                return Ok(());
            }
            self.reader.consume(1);
        }
        // Editors do not show the mark: columns start after it.
        self.reader.column = 0;
        Ok(())
    }

    /// One JSON value, parsed from its bytes.
    fn value(&mut self) -> Result<JsonValue> {
        let first = self.peek()?;
        let (line, column) = (self.reader.line, self.reader.column);
        self.bytes.clear();
        match first {
            None | Some(b',' | b':' | b'}' | b']') => {
                return Err(self.unexpected("a JSON value", first));
            }
            Some(b'{' | b'[' | b'"') => self.nested()?,
            Some(_) => self.scalar()?,
        }
        serde_json::from_slice(&self.bytes).map_err(|e| json_error(&e, line, column))
    }

    /// The bytes of an object, array or string into `self.bytes` (all
    /// that is left, if the input ends first).
    fn nested(&mut self) -> Result<()> {
        let mut scan = Scan::default();
        loop {
            let buf = self
                .reader
                .fill_buf()
                .map_err(|e| Error::io(self.source.clone(), e))?;
            if buf.is_empty() {
                return Ok(());
            }
            let (n, done) = match scan.end(buf) {
                Some(n) => (n, true),
                None => (buf.len(), false),
            };
            self.bytes.extend_from_slice(&buf[..n]);
            self.reader.consume(n);
            if done {
                return Ok(());
            }
        }
    }

    /// The bytes of a number, `true`, `false` or `null`: up to the next
    /// white space, `,`, `}` or `]`, followed by a space if one of these
    /// ends it (so that a cut-off `tru}` is not taken for the end of the
    /// input).
    fn scalar(&mut self) -> Result<()> {
        loop {
            let buf = self
                .reader
                .fill_buf()
                .map_err(|e| Error::io(self.source.clone(), e))?;
            if buf.is_empty() {
                return Ok(());
            }
            let n = buf
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b',' | b'}' | b']'))
                .count();
            let done = n < buf.len();
            self.bytes.extend_from_slice(&buf[..n]);
            self.reader.consume(n);
            if done {
                self.bytes.push(b' ');
                return Ok(());
            }
        }
    }

    /// One step: a feature, or nothing yet.
    fn step(&mut self) -> Result<Option<(usize, JsonValue)>> {
        match self.state {
            State::Start => {
                self.skip_bom()?;
                self.expect(b'{', "a JSON object (a FeatureCollection)")?;
                self.state = State::Members { first: true };
                Ok(None)
            }
            State::Members { first } => {
                if self.peek()? == Some(b'}') {
                    self.reader.consume(1);
                    if !self.seen_features {
                        return Err(Error::format("features", "an array of features", "nothing"));
                    }
                    if !self.seen_type {
                        return Err(Error::format("type", "\"FeatureCollection\"", "nothing"));
                    }
                    self.state = State::End;
                    return Ok(None);
                }
                if !first {
                    self.expect(b',', "',' or '}' after a member")?;
                }
                let key = match self.value()? {
                    JsonValue::String(k) => k,
                    other => {
                        return Err(Error::format(
                            "GeoJSON text",
                            "a member name",
                            describe(Some(&other)),
                        ));
                    }
                };
                self.expect(b':', "':' after the member name")
                    .map_err(|e| e.at(key.clone()))?;
                self.state = State::Members { first: false };
                match key.as_str() {
                    "features" => {
                        if self.peek()? != Some(b'[') {
                            let found = self
                                .value()
                                .map(|v| describe(Some(&v)))
                                .unwrap_or_else(|_| "not an array".into());
                            return Err(Error::format("features", "an array of features", found));
                        }
                        self.reader.consume(1);
                        self.seen_features = true;
                        self.state = State::Features { first: true };
                    }
                    "type" => {
                        let v = self.value()?;
                        if v.as_str() != Some("FeatureCollection") {
                            return Err(Error::format(
                                "type",
                                "\"FeatureCollection\"",
                                describe(Some(&v)),
                            ));
                        }
                        self.seen_type = true;
                    }
                    _ => {
                        let v = self.value().map_err(|e| e.at(key.clone()))?;
                        if key != "bbox" {
                            self.members.insert(key, v);
                            check_crs(&self.members)?;
                        }
                    }
                }
                Ok(None)
            }
            State::Features { first } => {
                match self.peek()? {
                    Some(b']') => {
                        self.reader.consume(1);
                        self.state = State::Members { first: false };
                        return Ok(None);
                    }
                    None if first => return Err(self.unexpected("a feature or ']'", None)),
                    None => return Err(self.unexpected("',' or ']' between features", None)),
                    Some(_) => {}
                }
                let index = self.index;
                let in_feature = |e: Error| {
                    if e.is_io() {
                        e
                    } else {
                        e.at(format!("feature {index}"))
                    }
                };
                if !first {
                    self.expect(b',', "',' or ']' between features")
                        .map_err(in_feature)?;
                }
                let value = self.value().map_err(in_feature)?;
                self.index += 1;
                self.state = State::Features { first: false };
                Ok(Some((index, value)))
            }
            State::End => {
                if let Some(b) = self.peek()? {
                    return Err(self.unexpected("nothing after the FeatureCollection", Some(b)));
                }
                self.state = State::Done;
                Ok(None)
            }
            State::Done => Ok(None),
        }
    }
}

/// A `serde_json` error in a value that started after `column` bytes of
/// `line`, at its place in the whole input.
fn json_error(e: &serde_json::Error, line: usize, column: usize) -> Error {
    let (line, column) = match e.line() {
        0 => (line, column),
        1 => (line, column + e.column()),
        l => (line + l - 1, e.column()),
    };
    Error::format(
        format!("line {line}, column {column}"),
        "valid JSON",
        strip_position(&e.to_string()),
    )
}

/// `serde_json` appends " at line L column C"; the place says it already.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features and the error that ended the walk, if any.
    fn walk(text: &str) -> (Vec<(usize, JsonValue)>, Option<String>) {
        let mut walk = FeatureWalk::new(text.as_bytes(), "<input>");
        let mut features = Vec::new();
        loop {
            match walk.next_feature() {
                Ok(Some(f)) => features.push(f),
                Ok(None) => return (features, None),
                Err(e) => {
                    assert_eq!(walk.next_feature().ok(), Some(None));
                    return (features, Some(e.report().to_string()));
                }
            }
        }
    }

    #[test]
    fn counted_reader_counts_lines_and_columns() {
        let mut r = Counted::new(&b"ab\ncd\n\nefg"[..]);
        let mut two = [0u8; 2];
        r.read_exact(&mut two).unwrap();
        assert_eq!((r.line, r.column), (1, 2));
        r.consume(0);
        let _ = r.fill_buf().unwrap();
        r.consume(3);
        assert_eq!((r.line, r.column), (2, 2));
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"\n\nefg");
        assert_eq!((r.line, r.column), (4, 3));
    }

    #[test]
    fn scan_finds_the_end_across_chunks() {
        let text = br#"{"a": "x\"}\\", "b": [1, {"c": "]"}]} tail"#;
        let end = text.len() - " tail".len();
        for split in 1..text.len() {
            let mut scan = Scan::default();
            let found = match scan.end(&text[..split]) {
                Some(n) => Some(n),
                None => scan.end(&text[split..]).map(|n| split + n),
            };
            assert_eq!(found, Some(end), "split at {split}");
        }
        assert_eq!(Scan::default().end(br#""a\"b" 1"#), Some(6));
    }

    #[test]
    fn members_in_any_order_type_last() {
        let (features, error) = walk(
            "\u{feff}{\"bbox\": [30, 50, 31, 51], \"name\": \"a [tricky] {name}\", \"features\": [{\"id\": 1}, 2],\n\"crs\": {\"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}}, \"type\": \"FeatureCollection\"}\n",
        );
        assert_eq!(error, None);
        assert_eq!(features.len(), 2);
        assert_eq!(features[1], (1, JsonValue::from(2)));
        let mut walk = FeatureWalk::new(
            &b"{\"type\":\"FeatureCollection\",\"features\":[],\"x\":[true]}"[..],
            "-",
        );
        assert_eq!(walk.next_feature().ok(), Some(None));
        assert_eq!(walk.members()["x"], serde_json::json!([true]));
    }

    #[test]
    fn syntax_errors_are_placed_in_the_whole_input() {
        let (features, error) = walk(
            "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"a\": 1},\n  {\"b\": [1,, 2]}\n]}",
        );
        assert_eq!(features.len(), 1);
        assert_eq!(
            error.as_deref(),
            Some("feature 1: line 3, column 12: expected valid JSON, found expected value")
        );
        let (_, error) = walk("{\"features\": [],\n\n   \"type\" \"FeatureCollection\"}");
        assert_eq!(
            error.as_deref(),
            Some("type: line 3, column 11: expected ':' after the member name, found '\"'")
        );
        let (_, error) = walk("{\"type\": \"FeatureCollection\", \"features\": [1,]}");
        assert_eq!(
            error.as_deref(),
            Some("feature 1: line 1, column 46: expected a JSON value, found ']'")
        );
        let (_, error) = walk("{\"type\": \"FeatureCollection\",\n\"features\": [{\"a\": \"b");
        assert_eq!(
            error.as_deref(),
            Some(
                "feature 0: line 2, column 21: expected valid JSON, found EOF while parsing a string"
            )
        );
        let (_, error) = walk("{\"type\": \"FeatureCollection\", \"features\": [");
        assert_eq!(
            error.as_deref(),
            Some("line 1, column 43: expected a feature or ']', found the end of the input")
        );
        let (_, error) = walk("{\"type\": \"FeatureCollection\", \"features\": [], \"n\": tru}");
        assert_eq!(
            error.as_deref(),
            Some("n: line 1, column 55: expected valid JSON, found expected ident")
        );
        let (_, error) = walk("\u{feff}\u{feff}{}");
        assert_eq!(
            error.as_deref(),
            Some("line 1, column 1: expected a JSON object (a FeatureCollection), found 'ï'")
        );
    }

    #[test]
    fn not_a_collection() {
        for (text, want) in [
            (
                "{\"features\": []}",
                "type: expected \"FeatureCollection\", found nothing",
            ),
            (
                "{\"type\": \"FeatureCollection\"}",
                "features: expected an array of features, found nothing",
            ),
            (
                "{\"crs\": {\"properties\": {\"name\": \"EPSG:3857\"}}}",
                "crs: expected WGS84 longitude/latitude (urn:ogc:def:crs:OGC:1.3:CRS84), as RFC 7946 requires, found an object",
            ),
        ] {
            assert_eq!(walk(text).1.as_deref(), Some(want), "{text}");
        }
    }
}
