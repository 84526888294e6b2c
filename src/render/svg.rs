//! The SVG writer: a laid-out map as one SVG document (plain strings, every
//! text escaped).

use std::fmt::Write as _;

use super::layout::{BORDER, LAND, Layout, Px, Rect, SEA};
use super::sketch::Swatch;
use super::style::{Paint, escape};

/// The font family every text is set in (the bundled DejaVu Sans).
pub(crate) const FONT: &str = "DejaVu Sans";

/// `M x y L x y ... Z` for closed rings, without `Z` for open paths.
fn path_data(paths: &[Vec<Px>], closed: bool) -> String {
    let mut d = String::new();
    for path in paths {
        for (i, (x, y)) in path.iter().enumerate() {
            let _ = write!(d, "{}{:.1} {:.1}", if i == 0 { 'M' } else { 'L' }, x, y);
        }
        if closed {
            d.push('Z');
        }
    }
    d
}

fn stroke_attrs(p: &Paint, u: f64) -> String {
    match p.stroke {
        Some(c) if p.stroke_width > 0.0 => format!(
            r#" stroke="{}" stroke-width="{:.2}" stroke-opacity="{:.3}" stroke-linejoin="round" stroke-linecap="round"{}"#,
            c.hex(),
            p.stroke_width * u,
            p.stroke_opacity,
            if p.dash {
                format!(r#" stroke-dasharray="{:.1} {:.1}""#, 9.0 * u, 6.0 * u)
            } else {
                String::new()
            }
        ),
        _ => r#" stroke="none""#.to_string(),
    }
}

fn text(s: &mut String, x: f64, y: f64, size: f64, body: &str, extra: &str) {
    let _ = write!(
        s,
        r#"<text x="{x:.1}" y="{y:.1}" font-family="{FONT}" font-size="{size:.1}"{extra}>{}</text>"#,
        escape(body)
    );
}

/// The map as an SVG document.
pub(crate) fn write(l: &Layout) -> String {
    let u = l.u;
    let (w, h) = (l.width, l.height);
    let mut s = String::with_capacity(1 << 20);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}">"#
    );
    let f = l.frame;
    let _ = write!(
        s,
        r#"<rect width="{w:.0}" height="{h:.0}" fill="white"/><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
        f.0,
        f.1,
        f.2 - f.0,
        f.3 - f.1,
        SEA.hex()
    );
    // No clip path (a mask costs resvg more than the whole map): the title
    // band is painted over whatever runs above the frame.
    s.push_str("<g>");
    let _ = write!(
        s,
        r#"<path d="{}" fill="{}" fill-rule="evenodd" stroke="none"/>"#,
        path_data(&l.basemap, true),
        LAND.hex()
    );
    if !l.region_borders.is_empty() {
        let _ = write!(
            s,
            r#"<path d="{}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-dasharray="{:.1} {:.1}"/>"#,
            path_data(&l.region_borders, true),
            BORDER.hex(),
            0.6 * u,
            3.0 * u,
            2.0 * u
        );
    }
    let _ = write!(
        s,
        r#"<path d="{}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round"/>"#,
        path_data(&l.borders, false),
        BORDER.hex(),
        0.8 * u
    );
    let _ = write!(
        s,
        r##"<path d="{}" fill="none" stroke="#7d8fa0" stroke-opacity="0.45" stroke-width="{:.2}"/>"##,
        path_data(&l.graticule, false),
        0.7 * u
    );
    // Areas and lines, then leaders, then markers on top.
    for d in &l.features {
        if let Some(fill) = d.paint.fill.filter(|_| !d.fill.is_empty()) {
            let _ = write!(
                s,
                r#"<path d="{}" fill="{}" fill-opacity="{:.3}" fill-rule="evenodd" stroke="none"/>"#,
                path_data(&d.fill, true),
                fill.hex(),
                d.paint.fill_opacity
            );
        }
        if !d.strokes.is_empty() {
            let _ = write!(
                s,
                r#"<path d="{}" fill="none"{}/>"#,
                path_data(&d.strokes, false),
                stroke_attrs(&d.paint, u)
            );
        }
    }
    for d in &l.features {
        if let (Some(m), Some(at)) = (d.marker, d.at)
            && m != at
        {
            let _ = write!(
                s,
                r##"<path d="M{:.1} {:.1}L{:.1} {:.1}" stroke="#333333" stroke-width="{:.2}"/><circle cx="{:.1}" cy="{:.1}" r="{:.2}" fill="#333333"/>"##,
                at.0,
                at.1,
                m.0,
                m.1,
                1.0 * u,
                at.0,
                at.1,
                2.0 * u
            );
        }
    }
    for d in &l.features {
        if let Some((x, y)) = d.marker {
            let _ = write!(
                s,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.2}" fill="{}" stroke="white" stroke-width="{:.2}"/>"#,
                d.paint.marker_radius * u,
                d.paint.marker.hex(),
                1.6 * u
            );
        }
    }
    for label in &l.labels {
        let style = if label.muted {
            r##" fill="#8a8270""##.to_string()
        } else {
            format!(
                r##" fill="#1a1a1a" stroke="white" stroke-width="{:.2}" stroke-opacity="0.9" paint-order="stroke" stroke-linejoin="round""##,
                3.0 * u
            )
        };
        text(&mut s, label.x, label.y, label.size, &label.text, &style);
    }
    s.push_str("</g>");
    let _ = write!(
        s,
        r#"<rect width="{w:.0}" height="{:.1}" fill="white"/>"#,
        f.1
    );
    // Frame line, title band.
    let _ = write!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#888888" stroke-width="{:.2}"/>"##,
        f.0 + 0.5,
        f.1,
        f.2 - f.0 - 1.0,
        f.3 - f.1 - 0.5,
        u
    );
    text(
        &mut s,
        16.0 * u,
        46.0 * u,
        28.0 * u,
        &l.title,
        r##" fill="#111111""##,
    );
    for (i, note) in l.notes.iter().enumerate() {
        text(
            &mut s,
            16.0 * u,
            (46.0 + 28.0 + 24.0 * i as f64) * u,
            16.0 * u,
            note,
            r##" fill="#333333""##,
        );
    }
    legend(&mut s, l);
    scale(&mut s, l);
    // Footer: projection and attribution.
    let fb = l.footer_box;
    let _ = write!(
        s,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="white" fill-opacity="0.85"/>"#,
        fb.0 + u,
        fb.1,
        fb.2 - fb.0 - 2.0 * u,
        fb.3 - fb.1 - u
    );
    text(
        &mut s,
        14.0 * u,
        h - 11.0 * u,
        13.0 * u,
        &format!(
            "Projection: {}; {}",
            l.projection.name(),
            l.projection.scale_note()
        ),
        r##" fill="#333333""##,
    );
    text(
        &mut s,
        w - 14.0 * u,
        h - 11.0 * u,
        13.0 * u,
        &l.attribution,
        r##" fill="#333333" text-anchor="end""##,
    );
    s.push_str("</svg>\n");
    s
}

fn legend(s: &mut String, l: &Layout) {
    if l.legend.is_empty() {
        return;
    }
    let u = l.u;
    let b = l.legend_box;
    panel(s, b, u);
    for (i, e) in l.legend.iter().enumerate() {
        let cy = b.1 + 8.0 * u + 24.0 * u * (i as f64 + 0.5);
        let x = b.0 + 12.0 * u;
        let p = &e.paint;
        match e.swatch {
            Swatch::Area => {
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" fill-opacity="{:.3}"{}/>"#,
                    cy - 7.0 * u,
                    26.0 * u,
                    14.0 * u,
                    p.fill.map_or("none".to_string(), |c| c.hex()),
                    p.fill_opacity.max(0.15),
                    stroke_attrs(p, u)
                );
            }
            Swatch::Line => {
                let _ = write!(
                    s,
                    r#"<path d="M{x:.1} {cy:.1}h{:.1}" fill="none"{}/>"#,
                    26.0 * u,
                    stroke_attrs(p, u)
                );
            }
            Swatch::Marker => {
                let _ = write!(
                    s,
                    r#"<circle cx="{:.1}" cy="{cy:.1}" r="{:.2}" fill="{}" stroke="white" stroke-width="{:.2}"/>"#,
                    x + 13.0 * u,
                    p.marker_radius * u,
                    p.marker.hex(),
                    1.6 * u
                );
            }
        }
        text(
            s,
            x + 36.0 * u,
            cy + 5.0 * u,
            15.0 * u,
            &e.text,
            r##" fill="#1a1a1a""##,
        );
    }
}

/// The white, rounded box behind the legend and the scale bar.
fn panel(s: &mut String, b: Rect, u: f64) {
    let _ = write!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="white" fill-opacity="0.9" stroke="#999999" stroke-width="{:.2}"/>"##,
        b.0,
        b.1,
        b.2 - b.0,
        b.3 - b.1,
        4.0 * u,
        u
    );
}

fn scale(s: &mut String, l: &Layout) {
    let u = l.u;
    let b = l.scale_box();
    panel(s, b, u);
    let x = b.0 + 12.0 * u;
    let y = b.3 - 14.0 * u;
    let _ = write!(
        s,
        r##"<path d="M{x:.1} {:.1}V{y:.1}H{:.1}V{:.1}" fill="none" stroke="#111111" stroke-width="{:.2}"/>"##,
        y - 7.0 * u,
        x + l.scale_px,
        y - 7.0 * u,
        2.0 * u
    );
    text(
        s,
        x,
        y - 14.0 * u,
        14.0 * u,
        &l.scale_label,
        r##" fill="#111111""##,
    );
}
