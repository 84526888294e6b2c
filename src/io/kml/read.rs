//! [`KmlReader`]: the Placemarks of a KML document, streamed one at a time
//! as GeoJSON Feature objects ([`Placemark`]).
//!
//! One pass with `quick-xml` over the document: elements are told by their
//! local name (so `kml:Placemark` and `Placemark` are the same), shared
//! `Style`/`StyleMap` elements and `Schema` fields are remembered as they
//! come (Google Earth and My Maps write them before the Placemarks), and
//! each Placemark is handed out when its end tag is read. Memory holds one
//! Placemark, the shared styles and the open elements, whatever the size of
//! the file.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::BufRead;
use std::rc::Rc;

use geojson::{JsonObject, JsonValue};
use quick_xml::events::{BytesStart, Event};
use serde_json::json;

use super::style::KmlStyle;
use super::value::read_value;
use crate::error::{Error, Result};

/// One Placemark of a KML document, as a GeoJSON Feature object.
///
/// The feature's properties are its `name`, `description`, the fields of
/// its `ExtendedData` (`Data` and `SchemaData`), `date` (a `TimeStamp`'s
/// `when`, or a `TimeSpan`'s `begin`, with `begin` and `end` kept too),
/// `folder` (the names of the Folders around it, outermost first, joined
/// by `" / "`) and its style as simplestyle properties (`marker-color`,
/// `stroke`, `stroke-width`, `stroke-opacity`, `fill`, `fill-opacity`);
/// a field of `ExtendedData` wins over the others of the same name (a field
/// named `geojson:NAME`, as strikemap writes a feature's foreign members, is
/// the member `NAME` of the feature). Its geometry is the Placemark's,
/// altitudes dropped.
///
/// ```
/// use strikemap::io::kml::KmlReader;
/// let kml = r#"<kml><Placemark><name>Kyiv</name><Point><coordinates>30.52,50.45,0</coordinates></Point></Placemark></kml>"#;
/// let mut names = Vec::new();
/// KmlReader::new(kml.as_bytes(), "map.kml").for_each(|p| {
///     let p = p?;
///     names.push((p.index, p.name.clone(), p.feature["geometry"]["coordinates"].clone()));
///     Ok(())
/// })?;
/// assert_eq!(names, [(0, Some("Kyiv".into()), serde_json::json!([30.52, 50.45]))]);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Placemark {
    /// Its position among the document's Placemarks (from 0).
    pub index: usize,
    /// Its `name`, if it has one.
    pub name: Option<String>,
    /// The line of its start tag (from 1).
    pub line: u64,
    /// The GeoJSON Feature object.
    pub feature: JsonValue,
}

impl Placemark {
    /// Where it is, for errors: `Placemark 3 "Kyiv" (line 42)`.
    ///
    /// ```
    /// let p = strikemap::io::kml::Placemark { index: 3, name: Some("Kyiv".into()), line: 42, feature: serde_json::Value::Null };
    /// assert_eq!(p.location(), "Placemark 3 \"Kyiv\" (line 42)");
    /// ```
    pub fn location(&self) -> String {
        location(self.index, self.name.as_deref(), self.line)
    }
}

/// `Placemark 3 "Kyiv" (line 42)`.
pub(crate) fn location(index: usize, name: Option<&str>, line: u64) -> String {
    match name {
        Some(name) => format!("Placemark {index} {name:?} (line {line})"),
        None => format!("Placemark {index} (line {line})"),
    }
}

/// The Placemarks of a KML document, read one at a time (see
/// [`Placemark`] for what each holds).
///
/// ```
/// use strikemap::io::kml::KmlReader;
/// let kml = "<kml><Placemark><name>Bad</name><Point><coordinates>30.5,abc</coordinates></Point></Placemark></kml>";
/// let mut errors = Vec::new();
/// KmlReader::new(kml.as_bytes(), "map.kml").for_each(|p| {
///     if let Err(e) = p { errors.push(e.report().to_string()); }
///     Ok(())
/// })?;
/// assert_eq!(errors, ["Placemark 0 \"Bad\" (line 1): coordinates[0]: \
///     expected longitude,latitude[,altitude] as numbers, found \"30.5,abc\""]);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub struct KmlReader<R> {
    reader: quick_xml::Reader<LineCounter<R>>,
    lines: Rc<Cell<u64>>,
    source: String,
}

impl<R: BufRead> KmlReader<R> {
    /// Reads from `reader`; `source` names it in errors.
    ///
    /// ```
    /// let r = strikemap::io::kml::KmlReader::new(&b"<kml/>"[..], "empty.kml");
    /// assert!(r.for_each(|_| Ok(())).is_ok());
    /// ```
    pub fn new(reader: R, source: impl Into<String>) -> KmlReader<R> {
        let lines = Rc::new(Cell::new(0));
        let counter = LineCounter {
            inner: reader,
            lines: lines.clone(),
        };
        let mut reader = quick_xml::Reader::from_reader(counter);
        reader.config_mut().trim_text(false);
        KmlReader {
            reader,
            lines,
            source: source.into(),
        }
    }

    /// Hands every Placemark to `each`, in document order: `Ok` for one
    /// that reads, `Err` naming it (`Placemark 3 "Kyiv" (line 42)`, not the
    /// source: the caller knows it) and the element for one that does not (a coordinate that is not a number, a
    /// Placemark without geometry, a polygon ring of fewer than 4
    /// positions). Returning `Err` from `each` stops reading and returns
    /// that error; returning `Ok` goes on. The document's own `name`, if
    /// any, is returned.
    ///
    /// # Errors
    /// The first error `each` returns, as it is;
    /// [`Error::Format`] naming the line if the XML is not well formed or
    /// its root is not `kml`; [`Error::Io`] if reading fails.
    ///
    /// ```
    /// use strikemap::io::kml::KmlReader;
    /// let e = KmlReader::new(&b"<kml><Placemark>\n</Folder></kml>"[..], "bad.kml").for_each(|_| Ok(())).unwrap_err();
    /// assert!(e.report().to_string().starts_with("bad.kml: line 2: expected well-formed XML"), "{}", e.report());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn for_each(
        mut self,
        mut each: impl FnMut(Result<Placemark>) -> Result<()>,
    ) -> Result<Option<String>> {
        let source = self.source.clone();
        let mut state = State::default();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let event = match self.reader.read_event_into(&mut buf) {
                Ok(e) => e,
                Err(quick_xml::Error::Io(e)) => {
                    return Err(Error::io(
                        source,
                        std::io::Error::new(e.kind(), e.to_string()),
                    ));
                }
                Err(e) => return Err(xml_error(&e, self.lines.get()).at(source)),
            };
            let line = self.lines.get() + 1;
            let done = state.event(event, line, &mut each);
            // An error `each` returned goes back as it is; the walk's own
            // errors name the source.
            if let Some(e) = state.stopped.take() {
                return Err(e);
            }
            if done.map_err(|e| e.at(source.clone()))? {
                break;
            }
        }
        if !state.saw_root {
            return Err(Error::format("KML text", "a <kml> document", "no elements").at(source));
        }
        Ok(state.document_name)
    }
}

/// A bad-XML error at a line.
fn xml_error(e: &quick_xml::Error, line: u64) -> Error {
    Error::format(
        format!("line {}", line + 1),
        "well-formed XML",
        e.to_string(),
    )
}

/// A `BufRead` that counts the line breaks of the bytes consumed: the
/// parser consumes exactly the bytes it has parsed, so the count is the
/// line the parser is at.
struct LineCounter<R> {
    inner: R,
    lines: Rc<Cell<u64>>,
}

impl<R: BufRead> std::io::Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let breaks = buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        self.lines.set(self.lines.get() + breaks);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for LineCounter<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let n = amt.min(buf.len());
            let breaks = buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
            self.lines.set(self.lines.get() + breaks);
        }
        self.inner.consume(amt);
    }
}

/// A geometry being read.
#[derive(Debug, Clone)]
enum Part {
    Point([f64; 2]),
    Line(Vec<[f64; 2]>),
    Polygon(Vec<Vec<[f64; 2]>>),
}

/// The Placemark being read.
#[derive(Debug, Default)]
struct Building {
    index: usize,
    line: u64,
    id: Option<String>,
    name: Option<String>,
    description: Option<String>,
    data: JsonObject,
    when: Option<String>,
    begin: Option<String>,
    end: Option<String>,
    style_url: Option<String>,
    style: Option<KmlStyle>,
    parts: Vec<Part>,
    /// The rings of the polygon being read.
    rings: Option<Vec<Vec<[f64; 2]>>>,
    /// An element that is refused (`gx:Track`, `Model`), if any.
    unsupported: Option<String>,
    /// The first error, if any: the Placemark is reported once it ends.
    error: Option<Error>,
    /// The name of the `Data` field being read, and its schema (SchemaData).
    data_name: Option<String>,
    schema: Option<String>,
}

/// Everything the walk keeps between events.
#[derive(Default)]
struct State {
    /// The local names of the open elements.
    path: Vec<String>,
    /// The text of the innermost element so far.
    text: String,
    saw_root: bool,
    document_name: Option<String>,
    /// Folder names (empty until their `name` is read), and whether the
    /// folder is one strikemap wrote (one per kind, not kept as a property).
    folders: Vec<(String, bool)>,
    styles: HashMap<String, KmlStyle>,
    /// StyleMap id -> the style URL of its `normal` pair.
    style_maps: HashMap<String, String>,
    /// The Style or StyleMap being read at document level, with its id.
    shared: Option<(String, KmlStyle)>,
    style_map: Option<(String, Option<String>, Option<String>)>,
    /// Schema id (or name) -> field name -> type.
    schemas: HashMap<String, HashMap<String, String>>,
    schema: Option<String>,
    placemark: Option<Building>,
    count: usize,
    /// The error `each` returned, if it stopped the walk.
    stopped: Option<Error>,
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// A predefined entity or character reference.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x').or_else(|| n.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

impl State {
    /// The parent of the innermost open element (the element itself is
    /// `path.last()`).
    fn parent(&self) -> Option<&str> {
        self.path
            .len()
            .checked_sub(2)
            .map(|i| self.path[i].as_str())
    }

    fn inside(&self, name: &str) -> bool {
        self.path.iter().any(|p| p == name)
    }

    /// Handles one event; `true` at the end of the document.
    fn event(
        &mut self,
        event: Event<'_>,
        line: u64,
        each: &mut impl FnMut(Result<Placemark>) -> Result<()>,
    ) -> Result<bool> {
        match event {
            Event::Start(e) => self.start(&e, line)?,
            Event::Empty(e) => {
                self.start(&e, line)?;
                self.end(each)?;
            }
            Event::End(_) => self.end(each)?,
            Event::Text(t) => self.text.push_str(&t.xml10_content()),
            Event::CData(c) => self.text.push_str(&c.into_inner()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                match entity(&name) {
                    Some(c) => self.text.push(c),
                    None => {
                        return Err(Error::format(
                            format!("line {line}"),
                            "a predefined entity (&amp; &lt; &gt; &quot; &apos;) or a character reference",
                            format!("&{name};"),
                        ));
                    }
                }
            }
            Event::Eof => {
                if let Some(open) = self.path.last() {
                    return Err(Error::format(
                        format!("line {line}"),
                        "well-formed XML",
                        format!("the end of the file inside <{open}>"),
                    ));
                }
                return Ok(true);
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
        Ok(false)
    }

    fn start(&mut self, e: &BytesStart<'_>, line: u64) -> Result<()> {
        let name = local(e);
        if self.path.is_empty() {
            if name != "kml" {
                return Err(Error::format(
                    format!("line {line}"),
                    "a <kml> root element",
                    format!("<{name}>"),
                ));
            }
            self.saw_root = true;
        }
        self.text.clear();
        match name.as_str() {
            "Folder" => {
                let ours = attribute(e, "id").is_some_and(|id| id.starts_with("strikemap-"));
                self.folders.push((String::new(), ours));
            }
            "Placemark" if self.placemark.is_none() => {
                self.placemark = Some(Building {
                    index: self.count,
                    line,
                    id: attribute(e, "id"),
                    ..Building::default()
                });
                self.count += 1;
            }
            "Style" if self.placemark.is_none() && self.style_map.is_none() => {
                let id = attribute(e, "id").unwrap_or_default();
                self.shared = Some((id, KmlStyle::default()));
            }
            "Style" => {
                if let Some(p) = &mut self.placemark {
                    p.style = Some(KmlStyle::default());
                }
            }
            "StyleMap" => {
                let id = attribute(e, "id").unwrap_or_default();
                self.style_map = Some((id, None, None));
            }
            "Schema" => {
                let id = attribute(e, "id")
                    .or_else(|| attribute(e, "name"))
                    .unwrap_or_default();
                self.schemas.entry(id.clone()).or_default();
                self.schema = Some(id);
            }
            "SimpleField" => {
                if let (Some(schema), Some(field)) = (&self.schema, attribute(e, "name")) {
                    let kind = attribute(e, "type").unwrap_or_default();
                    if let Some(fields) = self.schemas.get_mut(schema) {
                        fields.insert(field, kind);
                    }
                }
            }
            _ => {}
        }
        if let Some(p) = &mut self.placemark {
            match name.as_str() {
                "Data" | "SimpleData" => p.data_name = attribute(e, "name"),
                "SchemaData" => {
                    p.schema = attribute(e, "schemaUrl").map(|u| u.trim_start_matches('#').into());
                }
                "Polygon" => p.rings = Some(Vec::new()),
                "Track" | "MultiTrack" | "Model" if p.unsupported.is_none() => {
                    p.unsupported = Some(name.clone());
                }
                _ => {}
            }
        }
        self.path.push(name);
        Ok(())
    }

    fn end(&mut self, each: &mut impl FnMut(Result<Placemark>) -> Result<()>) -> Result<()> {
        let Some(name) = self.path.last().cloned() else {
            return Ok(());
        };
        let text = std::mem::take(&mut self.text);
        let parent = self.parent().map(str::to_string);
        if self.placemark.is_some() {
            self.placemark_end(&name, parent.as_deref(), text, each)?;
        } else {
            self.document_end(&name, parent.as_deref(), text);
        }
        self.path.pop();
        Ok(())
    }

    /// The end of an element outside any Placemark.
    fn document_end(&mut self, name: &str, parent: Option<&str>, text: String) {
        let text = text.trim().to_string();
        match (name, parent) {
            ("name", Some("Document"))
                if self.document_name.is_none() && !self.inside("Folder") =>
            {
                self.document_name = Some(text);
            }
            ("name", Some("Folder")) => {
                if let Some(folder) = self.folders.last_mut() {
                    folder.0 = text;
                }
            }
            ("Folder", _) => {
                self.folders.pop();
            }
            ("Style", _) => {
                if let Some((id, style)) = self.shared.take() {
                    self.styles.insert(id, style);
                }
            }
            ("Schema", _) => self.schema = None,
            ("key", Some("Pair")) => {
                if let Some(map) = &mut self.style_map {
                    map.1 = Some(text);
                }
            }
            ("styleUrl", Some("Pair")) => {
                if let Some(map) = &mut self.style_map
                    && map.1.as_deref() == Some("normal")
                {
                    map.2 = Some(text);
                }
            }
            ("Pair", _) => {
                if let Some(map) = &mut self.style_map {
                    map.1 = None;
                }
            }
            ("StyleMap", _) => {
                if let Some((id, _, Some(url))) = self.style_map.take() {
                    self.style_maps.insert(id, url);
                }
            }
            _ => {
                if let Some((_, style)) = &mut self.shared {
                    style.read(name, parent, &text);
                }
            }
        }
    }

    /// The end of an element inside a Placemark.
    fn placemark_end(
        &mut self,
        name: &str,
        parent: Option<&str>,
        text: String,
        each: &mut impl FnMut(Result<Placemark>) -> Result<()>,
    ) -> Result<()> {
        let in_style = self.inside("Style");
        let Some(p) = &mut self.placemark else {
            return Ok(());
        };
        if in_style && name != "Style" {
            if let Some(style) = &mut p.style {
                style.read(name, parent, text.trim());
            }
            return Ok(());
        }
        match (name, parent) {
            ("name", Some("Placemark")) => p.name = Some(text.trim().to_string()),
            ("description", Some("Placemark")) => p.description = Some(text.trim().to_string()),
            ("styleUrl", Some("Placemark")) => p.style_url = Some(text.trim().to_string()),
            ("when", Some("TimeStamp")) => p.when = Some(text.trim().to_string()),
            ("begin", Some("TimeSpan")) => p.begin = Some(text.trim().to_string()),
            ("end", Some("TimeSpan")) => p.end = Some(text.trim().to_string()),
            ("value", Some("Data")) => {
                if let Some(key) = p.data_name.clone() {
                    p.data.insert(key, read_value(&text));
                }
            }
            ("SimpleData", _) => {
                if let Some(key) = p.data_name.take() {
                    let kind = p
                        .schema
                        .as_ref()
                        .and_then(|s| self.schemas.get(s))
                        .and_then(|fields| fields.get(&key))
                        .map(String::as_str);
                    p.data.insert(key, super::value::read_typed(&text, kind));
                }
            }
            ("Data", _) => p.data_name = None,
            ("coordinates", Some(owner)) => {
                let read = read_coordinates(&text);
                match (read, owner) {
                    (Err(e), _) => {
                        if p.error.is_none() {
                            p.error = Some(e);
                        }
                    }
                    (Ok(mut positions), "Point") => {
                        if positions.len() == 1 {
                            p.parts.push(Part::Point(positions.remove(0)));
                        } else if p.error.is_none() {
                            p.error = Some(Error::format(
                                "Point.coordinates",
                                "one position longitude,latitude[,altitude]",
                                format!("{} positions", positions.len()),
                            ));
                        }
                    }
                    (Ok(positions), "LineString") => {
                        if positions.len() < 2 && p.error.is_none() {
                            p.error = Some(Error::format(
                                "LineString.coordinates",
                                "a line of at least 2 positions",
                                format!("{} position(s)", positions.len()),
                            ));
                        }
                        p.parts.push(Part::Line(positions));
                    }
                    (Ok(positions), "LinearRing") => {
                        let boundary = if self.path.iter().any(|e| e == "innerBoundaryIs") {
                            "innerBoundaryIs"
                        } else {
                            "outerBoundaryIs"
                        };
                        if positions.len() < 4 && p.error.is_none() {
                            p.error = Some(Error::format(
                                format!("Polygon.{boundary}.LinearRing.coordinates"),
                                "a ring of at least 4 positions, the last equal to the first",
                                format!("{} position(s)", positions.len()),
                            ));
                        }
                        match &mut p.rings {
                            Some(rings) if boundary == "outerBoundaryIs" => {
                                rings.insert(0, positions)
                            }
                            Some(rings) => rings.push(positions),
                            // A LinearRing on its own is an area.
                            None => p.parts.push(Part::Polygon(vec![positions])),
                        }
                    }
                    (Ok(_), _) => {}
                }
            }
            ("Polygon", _) => {
                if let Some(rings) = p.rings.take() {
                    if rings.is_empty() && p.error.is_none() {
                        p.error = Some(Error::format(
                            "Polygon",
                            "an outerBoundaryIs ring",
                            "no ring",
                        ));
                    }
                    p.parts.push(Part::Polygon(rings));
                }
            }
            ("Placemark", _) => {
                let Some(done) = self.placemark.take() else {
                    return Ok(());
                };
                let folder = self.folder();
                let index = done.index;
                let name = done.name.clone();
                let line = done.line;
                let read = self.finish(done, folder);
                let at = location(index, name.as_deref(), line);
                if let Err(e) = each(read.map_err(|e| e.at(at))) {
                    self.stopped = Some(e);
                    return Err(Error::format("Placemark", "", "stopped"));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The folder path of the Placemark being ended (strikemap's own
    /// per-kind folders left out).
    fn folder(&self) -> Option<String> {
        let names: Vec<&str> = self
            .folders
            .iter()
            .filter(|(name, ours)| !ours && !name.is_empty())
            .map(|(name, _)| name.as_str())
            .collect();
        (!names.is_empty()).then(|| names.join(" / "))
    }

    /// The Placemark as a GeoJSON Feature object.
    fn finish(&self, p: Building, folder: Option<String>) -> Result<Placemark> {
        if let Some(e) = p.error {
            return Err(e);
        }
        if let Some(element) = &p.unsupported {
            return Err(Error::format(
                element.clone(),
                "a Point, LineString, Polygon or MultiGeometry of them",
                format!("a {element} (not read by strikemap)"),
            ));
        }
        let geometry = geometry(&p.parts).ok_or_else(|| {
            Error::format(
                "Placemark",
                "a geometry (Point, LineString, Polygon or MultiGeometry)",
                "an empty Placemark",
            )
        })?;
        let mut props = JsonObject::new();
        if let Some(name) = &p.name {
            props.insert("name".into(), name.clone().into());
        }
        if let Some(text) = &p.description
            && !text.is_empty()
        {
            props.insert("description".into(), text.clone().into());
        }
        if let Some(folder) = folder {
            props.insert("folder".into(), folder.into());
        }
        match (&p.when, &p.begin) {
            (Some(when), _) => {
                props.insert("date".into(), when.clone().into());
            }
            (None, Some(begin)) => {
                props.insert("date".into(), begin.clone().into());
            }
            _ => {}
        }
        if p.when.is_none() {
            if let Some(begin) = &p.begin {
                props.insert("begin".into(), begin.clone().into());
            }
            if let Some(end) = &p.end {
                props.insert("end".into(), end.clone().into());
            }
        }
        let style = p.style.clone().or_else(|| {
            let url = p.style_url.as_deref()?.trim_start_matches('#');
            let url = self
                .style_maps
                .get(url)
                .map_or(url, |normal| normal.trim_start_matches('#'));
            self.styles.get(url).cloned()
        });
        if let Some(style) = style {
            style.to_simplestyle(&mut props);
        }
        let mut members = JsonObject::new();
        for (k, v) in p.data {
            match k.strip_prefix(super::write::MEMBER) {
                Some(member) => members.insert(member.to_string(), v),
                None => props.insert(k, v),
            };
        }
        let mut feature = json!({"type": "Feature", "properties": props, "geometry": geometry});
        for (k, v) in members {
            if !matches!(
                k.as_str(),
                "type" | "id" | "properties" | "geometry" | "bbox"
            ) {
                feature[k] = v;
            }
        }
        if let Some(id) = p.id {
            let id = match id.parse::<u64>() {
                Ok(n) if !id.starts_with('0') || id == "0" => JsonValue::from(n),
                _ => JsonValue::from(id),
            };
            feature["id"] = id;
        }
        Ok(Placemark {
            index: p.index,
            name: p.name,
            line: p.line,
            feature,
        })
    }
}

/// The GeoJSON geometry of the parts read: one part as itself; several of
/// one kind as a Multi- geometry; several kinds as a GeometryCollection.
fn geometry(parts: &[Part]) -> Option<JsonValue> {
    let one = |part: &Part| match part {
        Part::Point(p) => json!({"type": "Point", "coordinates": p}),
        Part::Line(l) => json!({"type": "LineString", "coordinates": l}),
        Part::Polygon(r) => json!({"type": "Polygon", "coordinates": r}),
    };
    match parts {
        [] => None,
        [part] => Some(one(part)),
        _ => {
            let all = |f: fn(&Part) -> bool| parts.iter().all(f);
            let coordinates = |part: &Part| match part {
                Part::Point(p) => json!(p),
                Part::Line(l) => json!(l),
                Part::Polygon(r) => json!(r),
            };
            let list: Vec<JsonValue> = parts.iter().map(coordinates).collect();
            if all(|p| matches!(p, Part::Point(_))) {
                Some(json!({"type": "MultiPoint", "coordinates": list}))
            } else if all(|p| matches!(p, Part::Line(_))) {
                Some(json!({"type": "MultiLineString", "coordinates": list}))
            } else if all(|p| matches!(p, Part::Polygon(_))) {
                Some(json!({"type": "MultiPolygon", "coordinates": list}))
            } else {
                let geometries: Vec<JsonValue> = parts.iter().map(one).collect();
                Some(json!({"type": "GeometryCollection", "geometries": geometries}))
            }
        }
    }
}

/// Reads the text of a `coordinates` element: tuples
/// `longitude,latitude[,altitude]` separated by white space (white space
/// after a comma is tolerated, as Google Earth does); altitudes dropped.
fn read_coordinates(text: &str) -> Result<Vec<[f64; 2]>> {
    // Join "30.5, 50.4" into one tuple.
    let mut tuples: Vec<String> = Vec::new();
    for token in text.split_ascii_whitespace() {
        match tuples.last_mut() {
            Some(last) if last.ends_with(',') || token.starts_with(',') => last.push_str(token),
            _ => tuples.push(token.to_string()),
        }
    }
    tuples
        .iter()
        .enumerate()
        .map(|(i, tuple)| {
            let numbers: Option<Vec<f64>> = tuple
                .split(',')
                .map(|n| n.parse::<f64>().ok().filter(|x| x.is_finite()))
                .collect();
            match numbers.as_deref() {
                Some([lon, lat]) | Some([lon, lat, _]) => Ok([*lon, *lat]),
                _ => Err(Error::format(
                    format!("coordinates[{i}]"),
                    "longitude,latitude[,altitude] as numbers",
                    format!("{tuple:?}"),
                )),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(kml: &str) -> Vec<std::result::Result<Placemark, String>> {
        let mut out = Vec::new();
        KmlReader::new(kml.as_bytes(), "t.kml")
            .for_each(|p| {
                out.push(p.map_err(|e| e.report().to_string()));
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}", e.report()));
        out
    }

    #[test]
    fn coordinates_with_spaces_after_commas_and_altitudes() {
        assert_eq!(
            read_coordinates(" 30.5, 50.4,0\n\t31,51 ").ok(),
            Some(vec![[30.5, 50.4], [31.0, 51.0]])
        );
        assert!(read_coordinates("30.5,50.4,0,9").is_err());
        assert!(read_coordinates("30.5").is_err());
        assert!(read_coordinates("NaN,1").is_err());
    }

    #[test]
    fn polygon_with_a_hole_and_multigeometry() {
        let kml = r#"<?xml version="1.0"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Area</name><Polygon>
 <innerBoundaryIs><LinearRing><coordinates>30.2,50.2 30.4,50.2 30.4,50.4 30.2,50.2</coordinates></LinearRing></innerBoundaryIs>
 <outerBoundaryIs><LinearRing><coordinates>30,50 31,50 31,51 30,51 30,50</coordinates></LinearRing></outerBoundaryIs>
</Polygon></Placemark>
<Placemark><MultiGeometry><LineString><coordinates>1,1 2,2</coordinates></LineString><LineString><coordinates>3,3 4,4</coordinates></LineString></MultiGeometry></Placemark>
<Placemark><MultiGeometry><Point><coordinates>1,1</coordinates></Point><LineString><coordinates>3,3 4,4</coordinates></LineString></MultiGeometry></Placemark>
</Document></kml>"#;
        let got = read(kml);
        let area = got[0].as_ref().unwrap();
        assert_eq!(area.line, 3);
        let rings = &area.feature["geometry"]["coordinates"];
        assert_eq!(rings[0][0], json!([30.0, 50.0]));
        assert_eq!(rings[1][0], json!([30.2, 50.2]));
        assert_eq!(
            got[1].as_ref().unwrap().feature["geometry"]["type"],
            "MultiLineString"
        );
        assert_eq!(
            got[2].as_ref().unwrap().feature["geometry"]["type"],
            "GeometryCollection"
        );
    }

    #[test]
    fn bad_placemarks_are_named_and_the_rest_read() {
        let kml = "<kml><Document>\n<Placemark><name>Empty</name></Placemark>\n\
            <Placemark><name>Short</name><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,1 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n\
            <Placemark><Point><coordinates>1,2</coordinates></Point></Placemark></Document></kml>";
        let got = read(kml);
        assert_eq!(
            got[0].as_ref().unwrap_err(),
            "Placemark 0 \"Empty\" (line 2): Placemark: expected a geometry (Point, LineString, Polygon or MultiGeometry), found an empty Placemark"
        );
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .starts_with("Placemark 1 \"Short\" (line 3): Polygon.outerBoundaryIs.LinearRing.coordinates: expected a ring of at least 4 positions"),
            "{:?}",
            got[1]
        );
        assert_eq!(got[2].as_ref().unwrap().index, 2);
    }

    #[test]
    fn extended_data_styles_times_and_folders() {
        let kml = r##"<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Doc</name>
<Style id="red"><LineStyle><color>ff0000ff</color><width>4</width></LineStyle></Style>
<StyleMap id="m"><Pair><key>normal</key><styleUrl>#red</styleUrl></Pair><Pair><key>highlight</key><styleUrl>#x</styleUrl></Pair></StyleMap>
<Schema name="s" id="s"><SimpleField name="count" type="int"/><SimpleField name="code" type="string"/></Schema>
<Folder><name>Outer</name><Folder><name>Inner</name>
<Placemark><name>A &amp; B</name><styleUrl>#m</styleUrl><TimeSpan><begin>2025-06-01</begin><end>2025-06-02</end></TimeSpan>
<ExtendedData><Data name="note"><value>x</value></Data><SchemaData schemaUrl="#s"><SimpleData name="count">12</SimpleData><SimpleData name="code">007</SimpleData></SchemaData></ExtendedData>
<LineString><coordinates>1,1 2,2</coordinates></LineString></Placemark>
</Folder></Folder></Document></kml>"##;
        let mut name = None;
        let mut props = JsonObject::new();
        let doc = KmlReader::new(kml.as_bytes(), "t.kml")
            .for_each(|p| {
                let p = p?;
                name = p.name.clone();
                props = p.feature["properties"]
                    .as_object()
                    .cloned()
                    .unwrap_or_default();
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}", e.report()));
        assert_eq!(doc.as_deref(), Some("Doc"));
        assert_eq!(name.as_deref(), Some("A & B"));
        assert_eq!(props["folder"], "Outer / Inner");
        assert_eq!(props["date"], "2025-06-01");
        assert_eq!(props["end"], "2025-06-02");
        assert_eq!(props["count"], 12);
        assert_eq!(props["code"], "007");
        assert_eq!(props["note"], "x");
        assert_eq!(props["stroke"], "#ff0000");
        assert_eq!(props["stroke-width"], 4.0);
    }

    #[test]
    fn not_kml_is_refused() {
        let e = KmlReader::new(&b"<gpx/>"[..], "t.gpx")
            .for_each(|_| Ok(()))
            .unwrap_err();
        assert_eq!(
            e.report().to_string(),
            "t.gpx: line 1: expected a <kml> root element, found <gpx>"
        );
        let e = KmlReader::new(&b"<kml><Placemark>"[..], "t.kml")
            .for_each(|_| Ok(()))
            .unwrap_err();
        assert!(
            e.report()
                .to_string()
                .contains("end of the file inside <Placemark>"),
            "{}",
            e.report()
        );
    }
}
