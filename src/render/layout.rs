//! Laying a [`Sketch`] out on a canvas: the projection and extent, the
//! basemap and graticule, co-located points spread apart, labels placed
//! without overlaps, the legend and the scale bar.

use crate::{LatLon, countries, regions};

use super::Projection;
use super::projection::AZEQ_LIMIT_M;
use super::sketch::{Feature, Geometry, Sketch, Swatch, centre_of, densify};
use super::style::{Paint, Rgb};

/// A point on the canvas, in pixels from the top left.
pub(crate) type Px = (f64, f64);

/// The land colour of the basemap.
pub(crate) const LAND: Rgb = Rgb(0xf4, 0xf1, 0xea);
/// The sea colour of the basemap.
pub(crate) const SEA: Rgb = Rgb(0xd7, 0xe6, 0xf0);
/// Country borders.
pub(crate) const BORDER: Rgb = Rgb(0xa8, 0xa2, 0x98);

/// Beyond this half-diagonal (metres) a map is world-scale and drawn in the
/// azimuthal equidistant projection; within it, regional, in the conic.
const REGIONAL_M: f64 = 1_800_000.0;
/// Regions' borders are drawn when the map's half-diagonal is below this.
const REGIONS_M: f64 = 1_500_000.0;

/// A feature as drawn: fill rings, stroke paths and a marker, in pixels.
#[derive(Debug, Clone)]
pub(crate) struct Drawn {
    pub fill: Vec<Vec<Px>>,
    pub strokes: Vec<Vec<Px>>,
    /// Where the marker is drawn (moved apart from co-located points).
    pub marker: Option<Px>,
    /// Where the point really is.
    pub at: Option<Px>,
    pub paint: Paint,
    pub label: Option<String>,
    pub popup: Vec<(String, String)>,
}

/// A label placed on the canvas: its text, anchor (left end of the
/// baseline) and box.
#[derive(Debug, Clone)]
pub(crate) struct Label {
    /// The index of the feature labelled.
    pub feature: usize,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    /// A basemap label (a country's name), drawn in grey.
    pub muted: bool,
}

#[cfg(test)]
impl Label {
    /// The box the label was placed in.
    pub(crate) fn rect(&self) -> Rect {
        let bottom = self.y + 0.27 * self.size;
        Rect(
            self.x,
            bottom - self.size * 1.15,
            self.x + text_width(&self.text, self.size),
            bottom,
        )
    }
}

/// One legend line.
#[derive(Debug, Clone)]
pub(crate) struct LegendEntry {
    pub text: String,
    pub swatch: Swatch,
    pub paint: Paint,
}

/// A box on the canvas: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect(pub f64, pub f64, pub f64, pub f64);

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }
    fn inside(&self, o: &Rect) -> bool {
        self.0 >= o.0 && self.1 >= o.1 && self.2 <= o.2 && self.3 <= o.3
    }
}

/// A map laid out on its canvas, ready to be written as SVG, PNG or HTML.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub width: f64,
    pub height: f64,
    /// Pixels per "design pixel" of a 1,600 px wide map.
    pub u: f64,
    pub projection: Projection,
    /// Map area on the canvas (below the title band).
    pub frame: Rect,
    /// Projected (x, y) in metres to canvas: px = ox + x·k, py = oy − y·k.
    pub ox: f64,
    pub oy: f64,
    pub k: f64,
    pub title: String,
    pub notes: Vec<String>,
    pub attribution: String,
    pub basemap: Vec<Vec<Px>>,
    pub borders: Vec<Vec<Px>>,
    pub region_borders: Vec<Vec<Px>>,
    pub graticule: Vec<Vec<Px>>,
    pub features: Vec<Drawn>,
    pub labels: Vec<Label>,
    pub legend: Vec<LegendEntry>,
    pub legend_box: Rect,
    /// Scale bar: length in pixels and its label.
    pub scale_px: f64,
    pub scale_label: String,
    pub footer_box: Rect,
    /// Countries drawn, with the middle of their largest visible part, for
    /// their name labels.
    pub country_anchors: Vec<(String, Px, f64)>,
}

/// The approximate advance width of DejaVu Sans text, pixels.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' => 0.92,
            c if c.is_uppercase() => 0.72,
            c if c.is_ascii_digit() => 0.64,
            _ => 0.62,
        })
        .sum::<f64>()
        * size
}

impl Layout {
    /// Canvas position of projected metres.
    pub(crate) fn to_px(&self, (x, y): (f64, f64)) -> Px {
        (self.ox + x * self.k, self.oy - y * self.k)
    }

    /// Canvas position of a position, if the projection draws it.
    pub(crate) fn pixel_of(&self, p: LatLon) -> Option<Px> {
        self.projection.project(p).map(|xy| self.to_px(xy))
    }

    /// Lays a sketch out `width` pixels wide.
    pub(crate) fn new(
        sketch: &Sketch,
        width: u32,
        projection: Option<Projection>,
    ) -> crate::Result<Layout> {
        let width = f64::from(width.clamp(200, 10_000));
        // Text and markers shrink with the width, but stay legible.
        let u = (width / 1600.0).max(0.8);
        let centre = match sketch
            .centre
            .or_else(|| centre_of(sketch.features.iter().flat_map(|f| f.geometry.vertices())))
        {
            Some(c) => c,
            // An empty map: Ukraine's middle.
            None => LatLon::new(48.4, 31.2)?,
        };
        let projection = projection.unwrap_or_else(|| choose(sketch, centre));

        // The extent: every data vertex, padded.
        let mut ext = Extent::default();
        for f in &sketch.features {
            for v in f.geometry.vertices() {
                if let Some(xy) = projection.project(v) {
                    ext.add(xy);
                }
            }
        }
        if !ext.valid() {
            ext.add((-1_000_000.0, -1_000_000.0));
            ext.add((1_000_000.0, 1_000_000.0));
        }
        // At least 400 km across, and padded by 7 %.
        let (cx, cy) = ((ext.x0 + ext.x1) / 2.0, (ext.y0 + ext.y1) / 2.0);
        let half_w = ((ext.x1 - ext.x0) / 2.0).max(200_000.0) * 1.1;
        // More room below, for the legend and scale bar.
        let half_h = ((ext.y1 - ext.y0) / 2.0).max(200_000.0) * 1.16;
        let cy = cy - half_h * 0.06;

        let notes: Vec<String> = sketch
            .notes
            .iter()
            .flat_map(|n| wrap(n, 16.0 * u, width - 32.0 * u))
            .collect();
        let title_lines = 1 + notes.len();
        let top = (22.0 + 38.0 + 24.0 * (title_lines as f64 - 1.0) + 10.0) * u;
        let aspect = (half_h / half_w).clamp(0.5, 1.0);
        let map_h = (width * aspect).round();
        let height = top + map_h;
        let frame = Rect(0.0, top, width, height);
        // Fit the extent into the frame, keeping aspect.
        let k = (width / (2.0 * half_w)).min(map_h / (2.0 * half_h));
        let ox = width / 2.0 - cx * k;
        let oy = top + map_h / 2.0 + cy * k;

        let mut layout = Layout {
            width,
            height,
            u,
            projection,
            frame,
            ox,
            oy,
            k,
            title: sketch.title.clone(),
            notes,
            attribution: attribution(sketch),
            basemap: Vec::new(),
            borders: Vec::new(),
            region_borders: Vec::new(),
            graticule: Vec::new(),
            features: Vec::new(),
            labels: Vec::new(),
            legend: Vec::new(),
            legend_box: Rect(0.0, 0.0, 0.0, 0.0),
            scale_px: 0.0,
            scale_label: String::new(),
            footer_box: Rect(0.0, 0.0, 0.0, 0.0),
            country_anchors: Vec::new(),
        };
        let view_half_diag = (half_w * half_w + half_h * half_h).sqrt();
        layout.draw_basemap(view_half_diag < REGIONS_M);
        layout.draw_graticule(view_half_diag);
        layout.features = sketch
            .features
            .iter()
            .map(|f| layout.draw_feature(f))
            .collect();
        layout.spread_colocated();
        layout.legend = legend(&sketch.features);
        layout.place_boxes();
        layout.scale_bar();
        layout.place_labels(&sketch.features);
        Ok(layout)
    }

    fn project_path(&self, path: &[LatLon], strict: bool) -> Option<Vec<Vec<Px>>> {
        let mut parts = vec![Vec::new()];
        for p in path {
            match self.projection.project(*p) {
                Some(xy) => {
                    if let Some(part) = parts.last_mut() {
                        part.push(self.to_px(xy));
                    }
                }
                None if strict => return None,
                None => {
                    if parts.last().is_some_and(|p| !p.is_empty()) {
                        parts.push(Vec::new());
                    }
                }
            }
        }
        parts.retain(|p| p.len() > 1);
        Some(parts)
    }

    /// The bounding box of pixel paths overlaps the canvas.
    fn visible(&self, rings: &[Vec<Px>]) -> bool {
        let mut b = Extent::default();
        for p in rings.iter().flatten() {
            b.add(*p);
        }
        b.valid() && b.x0 < self.width && b.x1 > 0.0 && b.y0 < self.height && b.y1 > self.frame.1
    }

    /// A cheap estimate of where a position is drawn: the spherical
    /// azimuthal equidistant projection (within ~0.5 % of the exact one),
    /// or the exact conic.
    fn rough_px(&self, p: LatLon) -> Option<Px> {
        match self.projection {
            Projection::AzimuthalEquidistant { centre } => {
                let (p1, l1) = (centre.lat().to_radians(), centre.lon().to_radians());
                let (p2, l2) = (p.lat().to_radians(), p.lon().to_radians());
                let dl = l2 - l1;
                let cos_c = (p1.sin() * p2.sin() + p1.cos() * p2.cos() * dl.cos()).clamp(-1.0, 1.0);
                let c = cos_c.acos();
                let r = crate::measure::MEAN_RADIUS;
                if c * r > AZEQ_LIMIT_M {
                    return None;
                }
                let k = if c < 1e-12 { 1.0 } else { c / c.sin() };
                let x = r * k * p2.cos() * dl.sin();
                let y = r * k * (p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos());
                Some(self.to_px((x, y)))
            }
            Projection::LambertConformalConic { .. } => self.pixel_of(p),
        }
    }

    /// A basemap ring without the vertices that would be drawn within
    /// 0.6 px of the last one kept (the basemap only: data are drawn with
    /// every vertex), so that only the kept ones are projected exactly.
    fn thinned(&self, ring: &[LatLon]) -> Vec<LatLon> {
        let mut out = Vec::with_capacity(ring.len() / 2 + 2);
        let mut last: Option<Px> = None;
        let tolerance = 0.6 * self.u;
        for (i, p) in ring.iter().enumerate() {
            let px = self.rough_px(*p);
            let keep = i == 0
                || i + 1 == ring.len()
                || match (px, last) {
                    (Some(a), Some(b)) => (a.0 - b.0).hypot(a.1 - b.1) >= tolerance,
                    _ => true,
                };
            if keep {
                out.push(*p);
                last = px;
            }
        }
        out
    }

    fn draw_basemap(&mut self, with_regions: bool) {
        for country in countries::all() {
            for polygon in country.territory.area().polygons() {
                let mut rings = Vec::new();
                let mut ok = true;
                let thinned: Vec<Vec<LatLon>> =
                    polygon.rings().iter().map(|r| self.thinned(r)).collect();
                // Skip what is clearly off the canvas before projecting exactly.
                let rough: Option<Vec<Px>> = thinned.first().and_then(|r| {
                    r.iter()
                        .map(|p| self.rough_px(*p))
                        .collect::<Option<Vec<Px>>>()
                });
                let Some(rough) = rough else { continue };
                let margin = 0.05 * self.width;
                let mut b = Extent::default();
                for p in &rough {
                    b.add(*p);
                }
                if !b.valid()
                    || b.x0 > self.width + margin
                    || b.x1 < -margin
                    || b.y0 > self.height + margin
                    || b.y1 < self.frame.1 - margin
                {
                    continue;
                }
                for ring in &thinned {
                    match self.project_path(ring, true) {
                        Some(mut parts) if parts.len() == 1 => rings.append(&mut parts),
                        Some(parts) if parts.is_empty() => {}
                        _ => ok = false,
                    }
                }
                if !ok || rings.is_empty() || !self.visible(&rings) {
                    continue;
                }
                for ring in &thinned {
                    let pieces: Vec<Vec<Px>> = seamless(ring)
                        .iter()
                        .filter_map(|r| self.project_path(r, true))
                        .flatten()
                        .collect();
                    self.borders.extend(pieces);
                }
                if let Some(outer) = rings.first() {
                    let n = outer.len() as f64;
                    let (sx, sy) = outer.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
                    let mut b = Extent::default();
                    for p in outer {
                        b.add(*p);
                    }
                    let size = (b.x1 - b.x0).min(b.y1 - b.y0);
                    let name = country.common_name();
                    match self.country_anchors.iter_mut().find(|a| a.0 == name) {
                        Some(a) if a.2 >= size => {}
                        Some(a) => *a = (name.to_string(), (sx / n, sy / n), size),
                        None => {
                            self.country_anchors
                                .push((name.to_string(), (sx / n, sy / n), size))
                        }
                    }
                }
                self.basemap.extend(rings);
            }
        }
        if with_regions {
            for region in regions::all() {
                for polygon in region.territory().area().polygons() {
                    let Some(rings) = self.project_path(polygon.exterior(), true) else {
                        continue;
                    };
                    if self.visible(&rings) {
                        self.region_borders.extend(rings);
                    }
                }
            }
        }
    }

    fn draw_graticule(&mut self, half_diag: f64) {
        let step = if half_diag > 5_000_000.0 {
            20.0
        } else if half_diag > 1_500_000.0 {
            10.0
        } else {
            5.0
        };
        let mut lines: Vec<Vec<LatLon>> = Vec::new();
        let mut lon = -180.0;
        while lon < 180.0 {
            lines.push(
                (-80..=80)
                    .filter_map(|lat| LatLon::new(f64::from(lat), lon).ok())
                    .collect(),
            );
            lon += step;
        }
        let mut lat = -80.0;
        while lat <= 80.0 {
            lines.push(
                (-180..=180)
                    .filter_map(|lon| LatLon::new(lat, f64::from(lon)).ok())
                    .collect(),
            );
            lat += step;
        }
        let jump = self.width / 4.0;
        for line in lines {
            for part in self.project_path(&line, false).unwrap_or_default() {
                // Break where the conic wraps at the back meridian.
                let mut piece: Vec<Px> = Vec::new();
                for p in part {
                    if let Some(last) = piece.last()
                        && ((p.0 - last.0).abs() > jump || (p.1 - last.1).abs() > jump)
                    {
                        self.graticule.push(std::mem::take(&mut piece));
                    }
                    piece.push(p);
                }
                self.graticule.push(piece);
            }
        }
        let mut graticule = std::mem::take(&mut self.graticule);
        graticule.retain(|p| p.len() > 1 && self.visible(std::slice::from_ref(p)));
        self.graticule = graticule;
    }

    fn draw_feature(&self, f: &Feature) -> Drawn {
        let mut d = Drawn {
            fill: Vec::new(),
            strokes: Vec::new(),
            marker: None,
            at: None,
            paint: f.paint.clone(),
            label: f.label.clone(),
            popup: f.popup.clone(),
        };
        match &f.geometry {
            Geometry::Area(polygons) => {
                for polygon in polygons {
                    for ring in polygon {
                        let dense = densify(ring);
                        d.fill
                            .extend(self.project_path(&dense, false).unwrap_or_default());
                        for piece in seamless(&dense) {
                            d.strokes
                                .extend(self.project_path(&piece, false).unwrap_or_default());
                        }
                    }
                }
            }
            Geometry::Line(parts) => {
                for part in parts {
                    d.strokes
                        .extend(self.project_path(&densify(part), false).unwrap_or_default());
                }
            }
            Geometry::Point(p) => {
                d.at = self.pixel_of(*p);
                d.marker = d.at;
            }
        }
        d
    }

    /// Points drawn within 3 px of each other are moved apart on a small
    /// circle around their true position (screen space only), each with a
    /// leader line to a dot at the true position.
    fn spread_colocated(&mut self) {
        let r = 11.0 * self.u;
        let n = self.features.len();
        let mut done = vec![false; n];
        for i in 0..n {
            let Some(a) = self.features[i].at else {
                continue;
            };
            if done[i] {
                continue;
            }
            let group: Vec<usize> = (i..n)
                .filter(|&j| {
                    !done[j]
                        && self.features[j]
                            .at
                            .is_some_and(|b| (a.0 - b.0).hypot(a.1 - b.1) < 3.0 * self.u)
                })
                .collect();
            if group.len() < 2 {
                continue;
            }
            for (slot, &j) in group.iter().enumerate() {
                done[j] = true;
                let angle = std::f64::consts::PI * (0.75 + 2.0 * slot as f64 / group.len() as f64);
                self.features[j].marker = Some((a.0 + r * angle.cos(), a.1 - r * angle.sin()));
            }
        }
    }

    fn place_boxes(&mut self) {
        let u = self.u;
        let line = 24.0 * u;
        let w = self
            .legend
            .iter()
            .map(|e| text_width(&e.text, 15.0 * u))
            .fold(0.0, f64::max)
            + 60.0 * u;
        let h = line * self.legend.len() as f64 + 16.0 * u;
        let left = 14.0 * u;
        let bottom = self.height - 40.0 * u;
        let top = self.frame.1 + 14.0 * u;
        let right = self.width - 14.0 * u;
        self.legend_box = if self.legend.is_empty() {
            Rect(left, bottom, left, bottom)
        } else {
            // The corner that hides the least of the data: bottom left
            // unless another (top left, top right; the scale bar holds the
            // bottom right) covers fewer markers and drawn vertices.
            [
                Rect(left, bottom - h, left + w, bottom),
                Rect(left, top, left + w, top + h),
                Rect(right - w, top, right, top + h),
            ]
            .into_iter()
            .enumerate()
            .min_by_key(|(i, r)| (self.covered(r), *i))
            .map_or(Rect(left, bottom - h, left + w, bottom), |(_, r)| r)
        };
        self.footer_box = Rect(0.0, self.height - 32.0 * u, self.width, self.height);
    }

    /// How much of the data a box would hide: markers count 20 each, and
    /// lines and area outlines 1 for every 8 px of them inside.
    fn covered(&self, r: &Rect) -> usize {
        let inside = |&(x, y): &Px| x >= r.0 && x <= r.2 && y >= r.1 && y <= r.3;
        let step = 8.0 * self.u;
        let along = |path: &Vec<Px>| -> usize {
            path.windows(2)
                .map(|w| {
                    let (a, b) = (w[0], w[1]);
                    let n = ((b.0 - a.0).hypot(b.1 - a.1) / step).ceil().clamp(1.0, 1e4) as usize;
                    (0..n)
                        .filter(|&i| {
                            let t = i as f64 / n as f64;
                            inside(&(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
                        })
                        .count()
                })
                .sum()
        };
        self.features
            .iter()
            .map(|d| {
                let markers = d
                    .marker
                    .iter()
                    .chain(d.at.iter())
                    .filter(|p| inside(p))
                    .count();
                let lines: usize = d.strokes.iter().chain(d.fill.iter()).map(along).sum();
                20 * markers + lines
            })
            .sum()
    }

    /// A round scale-bar length near 220 design pixels.
    fn scale_bar(&mut self) {
        let target_km = 220.0 * self.u / self.k / 1000.0;
        let mag = 10f64.powf(target_km.log10().floor());
        let km = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * mag)
            .filter(|v| *v <= target_km * 1.2)
            .fold(mag, f64::max);
        self.scale_px = km * 1000.0 * self.k;
        let mi = km / 1.609_344;
        self.scale_label = format!(
            "{} km ({} mi)",
            super::thousands(km),
            super::thousands(mi.round())
        );
    }

    /// Greedy placement: labels in priority order, each at the first of
    /// eight positions around its marker that overlaps no marker, label,
    /// legend, title or footer and stays on the map; the rest are dropped.
    fn place_labels(&mut self, features: &[Feature]) {
        let u = self.u;
        let size = 15.0 * u;
        let mut taken: Vec<Rect> = vec![self.legend_box, self.footer_box, self.scale_box()];
        for d in &self.features {
            if let Some((x, y)) = d.marker {
                let r = d.paint.marker_radius * u + 1.5 * u;
                taken.push(Rect(x - r, y - r, x + r, y + r));
            }
        }
        let mut order: Vec<usize> = (0..self.features.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(features[i].priority));
        let inner = Rect(
            self.frame.0 + 4.0 * u,
            self.frame.1 + 4.0 * u,
            self.frame.2 - 4.0 * u,
            self.frame.3 - 4.0 * u,
        );
        for i in order {
            let d = &self.features[i];
            let (Some(text), Some((x, y))) = (d.label.as_ref(), d.marker) else {
                continue;
            };
            let w = text_width(text, size);
            let h = size * 1.15;
            let gap = d.paint.marker_radius * u + 4.0 * u;
            let candidates = [
                (x + gap, y - h / 2.0),
                (x - gap - w, y - h / 2.0),
                (x - w / 2.0, y - gap - h),
                (x - w / 2.0, y + gap),
                (x + gap * 0.7, y - gap * 0.7 - h),
                (x + gap * 0.7, y + gap * 0.7),
                (x - gap * 0.7 - w, y - gap * 0.7 - h),
                (x - gap * 0.7 - w, y + gap * 0.7),
            ];
            let found = candidates.into_iter().find_map(|(l, t)| {
                let b = Rect(l, t, l + w, t + h);
                (b.inside(&inner) && !taken.iter().any(|o| o.overlaps(&b))).then_some(b)
            });
            if let Some(b) = found {
                taken.push(b);
                self.labels.push(Label {
                    feature: i,
                    text: text.clone(),
                    x: b.0,
                    y: b.3 - 0.27 * size,
                    size,
                    muted: false,
                });
            }
        }
        // Country names, in grey, where they fit, largest countries first.
        let mut anchors = self.country_anchors.clone();
        anchors.sort_by(|a, b| b.2.total_cmp(&a.2));
        let size = 13.0 * u;
        for (name, (x, y), extent) in anchors {
            let w = text_width(&name, size);
            if extent < w * 1.2 {
                continue;
            }
            let h = size * 1.15;
            let b = Rect(x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0);
            if b.inside(&inner) && !taken.iter().any(|o| o.overlaps(&b)) {
                taken.push(b);
                self.labels.push(Label {
                    feature: usize::MAX,
                    text: name,
                    x: b.0,
                    y: b.3 - 0.27 * size,
                    size,
                    muted: true,
                });
            }
        }
    }

    /// The box of the scale bar and projection note, bottom right.
    pub(crate) fn scale_box(&self) -> Rect {
        let u = self.u;
        let w = self.scale_px.max(text_width(&self.scale_label, 14.0 * u)) + 24.0 * u;
        let right = self.width - 14.0 * u;
        let bottom = self.height - 40.0 * u;
        Rect(right - w, bottom - 50.0 * u, right, bottom)
    }
}

/// Text broken into lines no wider than `width` pixels at `size`.
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// "Natural Earth", then the sketch's own sources.
fn attribution(sketch: &Sketch) -> String {
    let mut names = vec!["Natural Earth".to_string()];
    for a in &sketch.attribution {
        if !names.contains(a) {
            names.push(a.clone());
        }
    }
    format!("Data: {}", names.join(", "))
}

/// The legend: one entry per distinct legend text, in order of first use.
fn legend(features: &[Feature]) -> Vec<LegendEntry> {
    let mut out: Vec<LegendEntry> = Vec::new();
    for f in features {
        if let Some(text) = &f.legend
            && !out.iter().any(|e| &e.text == text)
        {
            out.push(LegendEntry {
                text: text.clone(),
                swatch: f.swatch(),
                paint: f.paint.clone(),
            });
        }
    }
    out
}

/// Azimuthal equidistant for world-scale maps, the conic for regional ones.
fn choose(sketch: &Sketch, centre: LatLon) -> Projection {
    let azeq = Projection::AzimuthalEquidistant { centre };
    if sketch.centre.is_some() {
        return azeq;
    }
    let mut far = 0.0f64;
    let (mut south, mut north) = (90.0f64, -90.0f64);
    for v in sketch.features.iter().flat_map(|f| f.geometry.vertices()) {
        if let Some((x, y)) = azeq.project(v) {
            far = far.max(x.hypot(y));
        } else {
            far = AZEQ_LIMIT_M;
        }
        south = south.min(v.lat());
        north = north.max(v.lat());
    }
    if far <= REGIONAL_M && north - south < 40.0 && north.abs().max(south.abs()) < 80.0 {
        Projection::conic_for(south, north, centre.lon())
    } else {
        azeq
    }
}

/// A ring split where it runs along the antimeridian (an RFC 7946 cut),
/// so that its stroke does not draw the cut.
fn seamless(ring: &[LatLon]) -> Vec<Vec<LatLon>> {
    let mut out = vec![Vec::new()];
    for pair in ring.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let seam =
            a.lon().abs() >= 179.9999 && b.lon().abs() >= 179.9999 && a.lon() * b.lon() > 0.0;
        if let Some(part) = out.last_mut() {
            if part.is_empty() {
                part.push(a);
            }
            if seam {
                out.push(Vec::new());
            } else {
                part.push(b);
            }
        }
    }
    out.retain(|p| p.len() > 1);
    out
}

/// A bounding box being grown.
#[derive(Debug, Clone, Copy)]
struct Extent {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Default for Extent {
    fn default() -> Extent {
        Extent {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        }
    }
}

impl Extent {
    fn add(&mut self, (x, y): (f64, f64)) {
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x);
        self.y1 = self.y1.max(y);
    }
    fn valid(&self) -> bool {
        self.x0 <= self.x1 && self.y0 <= self.y1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(lat: f64, lon: f64, name: &str) -> Feature {
        let mut f = Feature::new(
            Geometry::Point(LatLon::new(lat, lon).unwrap()),
            Paint::default(),
        );
        f.label = Some(name.to_string());
        f
    }

    #[test]
    fn labels_never_overlap_markers_labels_or_boxes() {
        let mut sketch = Sketch::default();
        // A dense cluster (most labels cannot fit) and two places far apart.
        for i in 0..40 {
            let (lat, lon) = (
                50.0 + f64::from(i % 7) * 0.15,
                30.0 + f64::from(i / 7) * 0.2,
            );
            sketch
                .features
                .push(point(lat, lon, &format!("Place number {i}")));
        }
        sketch.features.push(point(60.0, 60.0, "Far"));
        let l = Layout::new(&sketch, 1600, None).unwrap();
        assert!(
            l.labels.len() >= 5,
            "some labels placed: {}",
            l.labels.len()
        );
        assert!(l.labels.len() < 41, "the rest are dropped");
        let rects: Vec<Rect> = l.labels.iter().map(Label::rect).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            for d in &l.features {
                let (x, y) = d.marker.unwrap();
                let r = d.paint.marker_radius * l.u;
                assert!(
                    !a.overlaps(&Rect(x - r, y - r, x + r, y + r)),
                    "label over a marker"
                );
            }
            assert!(!a.overlaps(&l.legend_box) && !a.overlaps(&l.scale_box()));
            assert!(a.inside(&l.frame));
        }
    }

    #[test]
    fn the_legend_goes_where_it_hides_the_least() {
        let mut sketch = Sketch::default();
        // A dense grid of places of ten kinds (a tall legend) over the whole
        // map but its top right corner.
        for i in 0..30 {
            for j in 0..30 {
                if i >= 18 && j >= 18 {
                    continue;
                }
                let (lat, lon) = (45.0 + 0.2 * f64::from(j), 20.0 + 0.3 * f64::from(i));
                let mut f = point(lat, lon, "x");
                f.legend = Some(format!("kind {}", (i + j) % 10));
                sketch.features.push(f);
            }
        }
        let l = Layout::new(&sketch, 1600, None).unwrap();
        let b = l.legend_box;
        let (w, h) = (b.2 - b.0, b.3 - b.1);
        let bottom = l.height - 40.0 * l.u;
        let bottom_left = Rect(14.0 * l.u, bottom - h, 14.0 * l.u + w, bottom);
        // The bottom left corner is full of data: the legend moved to a
        // corner that hides less, at the top of the map.
        assert!(l.covered(&bottom_left) > 100, "{}", l.covered(&bottom_left));
        assert!(
            l.covered(&b) < l.covered(&bottom_left) / 4,
            "{b:?}: {}",
            l.covered(&b)
        );
        assert!(
            b.1 < l.frame.1 + 20.0 * l.u,
            "legend at {b:?}, not at the top"
        );
    }

    #[test]
    fn colocated_points_are_both_shown() {
        let mut sketch = Sketch::default();
        sketch.features.push(point(51.17, 128.445, "Ukrainka"));
        sketch.features.push(point(51.17, 128.445, "strike"));
        sketch.features.push(point(50.0, 127.0, "other"));
        let l = Layout::new(&sketch, 1600, None).unwrap();
        let (a, b) = (l.features[0].marker.unwrap(), l.features[1].marker.unwrap());
        let r = l.features[0].paint.marker_radius * l.u;
        assert!(
            (a.0 - b.0).hypot(a.1 - b.1) >= 2.0 * r,
            "markers apart: {a:?} {b:?}"
        );
        // The true position is kept for the leader line; the lone point stays.
        assert_eq!(l.features[0].at, l.features[1].at);
        assert_eq!(l.features[2].marker, l.features[2].at);
    }

    #[test]
    fn world_scale_is_azimuthal_and_regional_is_conic() {
        let mut sketch = Sketch::default();
        sketch.features.push(point(50.45, 30.52, "Kyiv"));
        sketch.features.push(point(49.99, 36.23, "Kharkiv"));
        let l = Layout::new(&sketch, 800, None).unwrap();
        assert!(matches!(
            l.projection,
            Projection::LambertConformalConic { .. }
        ));
        assert!(!l.region_borders.is_empty(), "regions drawn when zoomed in");
        sketch.features.push(point(51.17, 128.445, "Ukrainka"));
        let l = Layout::new(&sketch, 800, None).unwrap();
        assert!(matches!(
            l.projection,
            Projection::AzimuthalEquidistant { .. }
        ));
        assert!(l.region_borders.is_empty());
    }

    #[test]
    fn the_antimeridian_cut_is_not_stroked() {
        let ring = [
            (-170.0, 60.0),
            (-180.0, 60.0),
            (-180.0, 65.0),
            (-170.0, 65.0),
            (-170.0, 60.0),
        ]
        .map(|(lon, lat)| LatLon::new(lat, lon).unwrap());
        let pieces = seamless(&ring);
        assert_eq!(pieces.len(), 2);
        assert!(pieces.iter().all(|p| {
            p.windows(2)
                .all(|w| !(w[0].lon() == -180.0 && w[1].lon() == -180.0))
        }));
    }
}
