//! Checks an HTML map as Chromium drew it (CI runs this; see `.ci/run`).
//!
//! ```text
//! cargo run --example page_check -- write DIR
//!     writes DIR/page.geojson: Ukraine (its default fill) and Ukrainka (its
//!     default marker), for `strikemap render DIR/page.geojson -o DIR/page.html`
//! cargo run --example page_check -- check DIR/page.geojson DOM SCREENSHOT [--pixels]
//!     DOM: the page as `chromium --headless --dump-dom` printed it;
//!     SCREENSHOT: its `--screenshot` PNG. Fails unless the page recorded no
//!     error, drew as many features as the file holds, and (--pixels) Kyiv
//!     shows Ukraine's fill and Ukrainka its marker colour.
//! cargo run --example page_check -- review REVIEW.json DOM SCREENSHOT
//!     a `strikemap review --html` page: the DOM Chromium built has one note
//!     per finding of REVIEW.json (`--json` of the same review) and its
//!     highlights, and the screenshot shows every highlight colour the DOM
//!     uses (the page has no script: what is checked is what it draws).
//! ```
//!
//! The page writes `data-errors`, `data-features` and `data-transform` on
//! its `<body>` (see `strikemap::render`); the pixel positions come from
//! the same layout in Rust, moved by the page's transform.

use std::path::{Path, PathBuf};

use resvg::tiny_skia::Pixmap;
use strikemap::{
    AirBase, CountryCode, LatLon, MapExport, countries,
    io::geojson::{ExportOptions, MapFeature},
    render::{Map, MapOptions},
};

type Fallible<T = ()> = Result<T, Box<dyn std::error::Error>>;

fn attribute(dom: &str, name: &str) -> Fallible<String> {
    let body = dom
        .find("<body")
        .map(|i| &dom[i..])
        .ok_or("no <body> in the DOM dump")?;
    let body = &body[..body.find('>').ok_or("unterminated <body>")?];
    let key = format!("{name}=\"");
    let start = body
        .find(&key)
        .ok_or_else(|| format!("no {name} on <body>"))?
        + key.len();
    let end = body[start..].find('"').ok_or("unterminated attribute")?;
    Ok(body[start..start + end].to_string())
}

fn hex(text: &str) -> Fallible<[u8; 3]> {
    let t = text.trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(t.get(i..i + 2).unwrap_or("zz"), 16);
    Ok([c(0)?, c(2)?, c(4)?])
}

fn write(dir: &Path) -> Fallible {
    std::fs::create_dir_all(dir)?;
    let mut map = MapExport::new(ExportOptions::default());
    map.add(MapFeature::new(countries::get("UA")?.territory.clone()))?;
    map.add(MapFeature::new(AirBase::new(
        "Ukrainka",
        LatLon::new(51.17, 128.445)?,
        CountryCode::new("RU")?,
    )))?;
    map.write_file(dir.join("page.geojson"))?;
    println!("wrote {}", dir.join("page.geojson").display());
    Ok(())
}

fn check(file: &Path, dom: &Path, shot: &Path, pixels: bool) -> Fallible {
    let dom = std::fs::read_to_string(dom)?;
    let errors = attribute(&dom, "data-errors")?;
    if !errors.is_empty() {
        return Err(format!("the page reported errors: {errors}").into());
    }
    let text = std::fs::read_to_string(file)?;
    let value: serde_json::Value = serde_json::from_str(&text)?;
    let features = value["features"].as_array().ok_or("no features")?;
    let drawn: usize = attribute(&dom, "data-features")?.parse()?;
    if drawn != features.len() {
        return Err(format!("{drawn} features drawn, the file holds {}", features.len()).into());
    }
    println!("page: no errors; {drawn} features drawn, as in the file");
    if !pixels {
        return Ok(());
    }
    let t: Vec<f64> = attribute(&dom, "data-transform")?
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    let [x0, y0, x1, y1] = t[..] else {
        return Err("data-transform is not four numbers".into());
    };
    let document: geojson::GeoJson = text.parse()?;
    let title = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let map = Map::from_geojson(&document, &MapOptions::default().with_title(title))?;
    let (w, h) = map.size();
    let png = Pixmap::load_png(shot)?;
    let at = |p: LatLon| -> Fallible<[u8; 3]> {
        let (x, y) = map.pixel_of(p).ok_or("not drawn")?;
        let (px, py) = (
            x0 + x / f64::from(w) * (x1 - x0),
            y0 + y / f64::from(h) * (y1 - y0),
        );
        let c = png
            .pixel(px.round() as u32, py.round() as u32)
            .ok_or_else(|| format!("({px:.0}, {py:.0}) is off the screenshot"))?;
        Ok([c.red(), c.green(), c.blue()])
    };
    let props = |i: usize| &features[i]["properties"];
    let fill = hex(props(0)["fill"].as_str().ok_or("no fill")?)?;
    let opacity = props(0)["fill-opacity"].as_f64().ok_or("no fill-opacity")?;
    let marker = hex(props(1)["marker-color"].as_str().ok_or("no marker-color")?)?;
    let land = at(LatLon::new(52.4345, 30.9754)?)?; // Gomel (Belarus): land outside Ukraine
    let mix =
        |b: u8, t: u8| (f64::from(b) * (1.0 - opacity) + f64::from(t) * opacity).round() as u8;
    let expected = [
        mix(land[0], fill[0]),
        mix(land[1], fill[1]),
        mix(land[2], fill[2]),
    ];
    let near = |a: [u8; 3], b: [u8; 3], tol: u8| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tol);
    let kyiv = at(LatLon::new(50.4501, 30.5234)?)?;
    if !near(kyiv, expected, 6) || near(kyiv, land, 2) {
        return Err(format!(
            "Kyiv is {kyiv:?}: not Ukraine's fill {expected:?} over land {land:?}"
        )
        .into());
    }
    let ukrainka = at(LatLon::new(51.17, 128.445)?)?;
    if !near(ukrainka, marker, 6) {
        return Err(format!("Ukrainka is {ukrainka:?}, its marker {marker:?}").into());
    }
    println!("pixels: Kyiv {kyiv:?} is Ukraine's fill; Ukrainka {ukrainka:?} is its marker colour");
    Ok(())
}

/// The highlight classes of a review page and their backgrounds (as in
/// `strikemap::review`'s HTML).
const HIGHLIGHTS: [(&str, [u8; 3]); 4] = [
    ("supported", [0xda, 0xfb, 0xe1]),
    ("not-supported", [0xff, 0xeb, 0xe9]),
    ("borderline", [0xff, 0xf8, 0xc5]),
    ("cannot-check", [0xf6, 0xf8, 0xfa]),
];

fn review(json: &Path, dom: &Path, shot: &Path) -> Fallible {
    let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(json)?)?;
    let findings = value["findings"].as_array().ok_or("no findings")?.len();
    let dom = std::fs::read_to_string(dom)?;
    if dom.contains("<script") {
        return Err("the review page has a script".into());
    }
    let notes = dom.matches("<li id=\"n").count();
    if notes != findings || findings == 0 {
        return Err(format!("{notes} notes in the page, {findings} findings in the review").into());
    }
    let png = Pixmap::load_png(shot)?;
    let mut counts = Vec::new();
    for (class, colour) in HIGHLIGHTS {
        let marks = dom.matches(&format!("<mark class=\"{class}\"")).count();
        let pixels = png
            .pixels()
            .iter()
            .filter(|p| [p.red(), p.green(), p.blue()] == colour)
            .count();
        // A highlight is a line of text high and a few words wide: hundreds
        // of pixels of its background at least.
        if marks > 0 && pixels < 200 * marks {
            return Err(format!(
                "{marks} {class} highlights, but only {pixels} pixels of {colour:?} in the screenshot"
            )
            .into());
        }
        counts.push(format!("{class} {marks} ({pixels} px)"));
    }
    println!(
        "review page: {notes} notes for {findings} findings, no script; highlights drawn: {}",
        counts.join(", ")
    );
    Ok(())
}

fn main() -> Fallible {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["write", dir] => write(&PathBuf::from(dir)),
        ["check", file, dom, shot] => check(file.as_ref(), dom.as_ref(), shot.as_ref(), false),
        ["check", file, dom, shot, "--pixels"] => {
            check(file.as_ref(), dom.as_ref(), shot.as_ref(), true)
        }
        ["review", json, dom, shot] => review(json.as_ref(), dom.as_ref(), shot.as_ref()),
        _ => Err(
            "usage: page_check write DIR | check FILE DOM SCREENSHOT [--pixels] | review JSON DOM SCREENSHOT"
                .into(),
        ),
    }
}
