//! HTML: one self-contained page (data, basemap, Leaflet 1.9.4 inlined)
//! that opens from disk with no network.
//!
//! Everything is projected in Rust, in the same projection and pixel space
//! as the static map, and shown with Leaflet's `L.CRS.Simple` (plane
//! coordinates, `[-y, x]` in canvas pixels): no web Mercator, and a ring or
//! arc across the antimeridian is one continuous shape.
//!
//! For tests, the page records what went wrong and what it drew on
//! `<body>`: `data-errors` (every `window.onerror` and `console.error`,
//! joined), `data-features` (the number of data features drawn), and
//! `data-transform` (`x0 y0 x1 y1`: where the static map's canvas corners
//! (0, 0) and (width, height) are on the page, in CSS pixels).

use serde_json::{Value, json};

use super::layout::{BORDER, LAND, Layout, Px, SEA};
use super::sketch::Swatch;
use super::style::escape;

static LEAFLET_JS: &str = include_str!("../../vendor/leaflet/leaflet.js");
static LEAFLET_CSS: &str = include_str!("../../vendor/leaflet/leaflet.css");

fn latlngs(paths: &[Vec<Px>]) -> Value {
    Value::Array(
        paths
            .iter()
            .map(|p| {
                Value::Array(
                    p.iter()
                        .map(|(x, y)| json!([round(-y), round(*x)]))
                        .collect(),
                )
            })
            .collect(),
    )
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The map as one HTML page.
pub(crate) fn write(l: &Layout) -> String {
    let features: Vec<Value> = l
        .features
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = &d.paint;
            json!({
                "fill": latlngs(&d.fill),
                "strokes": latlngs(&d.strokes),
                "marker": d.marker.map(|(x, y)| json!([round(-y), round(x)])),
                "at": d.at.map(|(x, y)| json!([round(-y), round(x)])),
                "stroke": p.stroke.map(|c| c.hex()),
                "weight": p.stroke_width,
                "opacity": p.stroke_opacity,
                "dash": p.dash,
                "fillColor": p.fill.map(|c| c.hex()),
                "fillOpacity": p.fill_opacity,
                "markerColor": p.marker.hex(),
                "radius": p.marker_radius,
                "label": d.label,
                "placed": l.labels.iter().any(|label| label.feature == i),
                "rank": l.labels.iter().position(|label| label.feature == i),
                "popup": d.popup,
            })
        })
        .collect();
    let legend: Vec<Value> = l
        .legend
        .iter()
        .map(|e| {
            let p = &e.paint;
            let swatch = match e.swatch {
                Swatch::Area => format!(
                    "<span class=sw style=\"background:{};opacity:{:.2};border:1px solid {}\"></span>",
                    p.fill.map_or("transparent".into(), |c| c.hex()),
                    p.fill_opacity.max(0.3),
                    p.stroke.map_or("transparent".into(), |c| c.hex())
                ),
                Swatch::Line => format!(
                    "<span class=sw style=\"height:0;border-top:3px {} {}\"></span>",
                    if p.dash { "dashed" } else { "solid" },
                    p.stroke.map_or("#555".into(), |c| c.hex())
                ),
                Swatch::Marker => format!(
                    "<span class=dot style=\"background:{}\"></span>",
                    p.marker.hex()
                ),
            };
            Value::String(format!("{swatch}{}", escape(&e.text)))
        })
        .collect();
    let data = json!({
        "width": l.width,
        "height": l.height,
        "frame": [l.frame.0, l.frame.1, l.frame.2, l.frame.3],
        "land": latlngs(&l.basemap),
        "borders": latlngs(&l.borders),
        "regions": latlngs(&l.region_borders),
        "graticule": latlngs(&l.graticule),
        "features": features,
        "legend": legend,
        "scalePx": l.scale_px,
        "k": l.k,
        "scaleLabel": l.scale_label,
        "colours": { "land": LAND.hex(), "sea": SEA.hex(), "border": BORDER.hex() },
    });
    // `</` cannot end the script element early.
    let data = data.to_string().replace("</", "<\\/");
    let leaflet = LEAFLET_JS.replace("//# sourceMappingURL=leaflet.js.map", "");
    let notes: String = l
        .notes
        .iter()
        .map(|n| format!("<p>{}</p>", escape(n)))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script>
(function () {{
  var errors = [];
  function record(text) {{
    errors.push(String(text));
    if (document.body) document.body.setAttribute('data-errors', errors.join(' | '));
  }}
  window.addEventListener('error', function (e) {{ record(e.message || 'resource failed to load'); }}, true);
  window.addEventListener('unhandledrejection', function (e) {{ record(e.reason); }});
  var original = console.error;
  console.error = function () {{ record(Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); }};
  window.strikemapErrors = errors;
}})();
</script>
<style>{css}
html, body {{ margin: 0; height: 100%; font-family: "DejaVu Sans", Verdana, sans-serif; }}
body {{ overflow-x: hidden; }}
#head {{ padding: 8px 14px 6px; border-bottom: 1px solid #888; }}
#head h1 {{ font-size: 22px; margin: 0 0 4px; font-weight: normal; }}
#head p {{ font-size: 14px; margin: 0 0 2px; color: #333; }}
#map {{ width: 100%; height: min(calc(100vw * {aspect:.4}), calc(100vh - 70px)); min-height: 320px; background: {sea}; }}
.legend, .scale {{ background: rgba(255,255,255,0.92); padding: 6px 10px; border: 1px solid #999; border-radius: 4px; font-size: 14px; line-height: 22px; }}
.legend .sw {{ display: inline-block; width: 24px; height: 12px; margin-right: 8px; vertical-align: middle; }}
.legend .dot {{ display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin: 0 14px 0 6px; vertical-align: middle; border: 1px solid white; }}
.scale .bar {{ height: 6px; border: 2px solid #111; border-top: none; }}
.leaflet-tooltip.label {{ background: rgba(255,255,255,0.8); border: none; box-shadow: none; padding: 0 3px; font-size: 13px; }}
.leaflet-tooltip.label::before {{ display: none; }}
.leaflet-control-attribution {{ max-width: 60vw; white-space: normal; }}
.popup th {{ text-align: left; padding-right: 8px; vertical-align: top; }}
</style></head>
<body data-errors="" data-features="" data-transform="">
<div id="head"><h1>{title}</h1>{notes}</div>
<div id="map"></div>
<script>{leaflet}</script>
<script>
(function () {{
var D = {data};
var map = L.map('map', {{ crs: L.CRS.Simple, minZoom: -6, maxZoom: 6, zoomSnap: 0, attributionControl: true }});
map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a> (L.CRS.Simple)');
map.attributionControl.addAttribution({attribution});
var f = D.frame;
function fit() {{ map.invalidateSize(false); map.fitBounds([[-f[3], f[0]], [-f[1], f[2]]], {{ padding: [0, 0], animate: false }}); }}
fit();
var quiet = {{ interactive: false }};
L.polygon(D.land, Object.assign({{ stroke: false, fillColor: D.colours.land, fillOpacity: 1, fillRule: 'evenodd' }}, quiet)).addTo(map);
if (D.regions.length) L.polyline(D.regions, Object.assign({{ color: D.colours.border, weight: 0.6, dashArray: '3 2' }}, quiet)).addTo(map);
L.polyline(D.borders, Object.assign({{ color: D.colours.border, weight: 0.8 }}, quiet)).addTo(map);
L.polyline(D.graticule, Object.assign({{ color: '#7d8fa0', opacity: 0.45, weight: 0.7 }}, quiet)).addTo(map);
function esc(s) {{ return String(s).replace(/[&<>"']/g, function (c) {{ return {{ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }}[c]; }}); }}
function popup(rows) {{
  return '<table class="popup">' + rows.map(function (r) {{ return '<tr><th>' + esc(r[0]) + '</th><td>' + esc(r[1]) + '</td></tr>'; }}).join('') + '</table>';
}}
var drawn = 0, markers = [], labelled = [];
// Labels placed on the static map may collide at another zoom: show them in
// the static map's order, hiding each that overlaps one already shown.
function declutter() {{
  var shown = [];
  labelled.slice().sort(function (a, b) {{ return a.rank - b.rank; }}).forEach(function (l) {{
    var t = l.layer.getTooltip(), el = t && t.getElement();
    if (!el) return;
    el.style.visibility = 'visible';
    var r = el.getBoundingClientRect();
    var hit = shown.some(function (o) {{ return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom; }});
    if (hit) el.style.visibility = 'hidden'; else shown.push(r);
  }});
}}
D.features.forEach(function (ft) {{
  var g = L.featureGroup();
  if (ft.fill.length && ft.fillColor) L.polygon(ft.fill, {{ stroke: false, fillColor: ft.fillColor, fillOpacity: ft.fillOpacity, fillRule: 'evenodd' }}).addTo(g);
  if (ft.strokes.length && ft.stroke) L.polyline(ft.strokes, {{ color: ft.stroke, weight: ft.weight, opacity: ft.opacity, dashArray: ft.dash ? '9 6' : null }}).addTo(g);
  if (ft.marker) {{
    if (ft.at && (ft.at[0] !== ft.marker[0] || ft.at[1] !== ft.marker[1])) {{
      L.polyline([ft.at, ft.marker], {{ color: '#333', weight: 1, interactive: false }}).addTo(map);
      L.circleMarker(ft.at, {{ radius: 2, color: '#333', fillColor: '#333', fillOpacity: 1, weight: 0, interactive: false }}).addTo(map);
    }}
    markers.push(L.circleMarker(ft.marker, {{ radius: ft.radius, color: 'white', weight: 1.6, fillColor: ft.markerColor, fillOpacity: 1 }}).addTo(g));
  }}
  if (ft.label) g.bindTooltip(esc(ft.label), ft.placed ? {{ permanent: true, direction: 'right', offset: [ft.radius, 0], className: 'label' }} : {{}});
  if (ft.popup.length) g.bindPopup(popup(ft.popup));
  g.addTo(map);
  if (ft.placed) labelled.push({{ rank: ft.rank, layer: g }});
  drawn += 1;
}});
markers.forEach(function (m) {{ m.bringToFront(); }});
var legend = L.control({{ position: 'bottomleft' }});
legend.onAdd = function () {{ var d = L.DomUtil.create('div', 'legend'); d.innerHTML = D.legend.join('<br>'); return d; }};
if (D.legend.length) legend.addTo(map);
var scale = L.control({{ position: 'bottomright' }});
scale.onAdd = function () {{ var d = L.DomUtil.create('div', 'scale'); d.innerHTML = '<div>' + esc(D.scaleLabel) + '</div><div class="bar"></div>'; return d; }};
scale.addTo(map);
function update() {{
  var bar = document.querySelector('.scale .bar'), text = document.querySelector('.scale div');
  var pxPerM = D.k * map.getZoomScale(map.getZoom(), 0);
  if (bar && text && pxPerM > 0) {{
    var target = 180 / pxPerM / 1000, mag = Math.pow(10, Math.floor(Math.log10(target))), km = mag;
    [1, 2, 5, 10].forEach(function (m) {{ if (m * mag <= target * 1.2) km = m * mag; }});
    bar.style.width = (km * 1000 * pxPerM) + 'px';
    var mi = km / 1.609344;
    text.textContent = km.toLocaleString('en-US') + ' km (' + (mi < 10 ? mi.toFixed(1) : Math.round(mi).toLocaleString('en-US')) + ' mi)';
  }}
  var r = document.getElementById('map').getBoundingClientRect();
  var a = map.latLngToContainerPoint([0, 0]), b = map.latLngToContainerPoint([-D.height, D.width]);
  document.body.setAttribute('data-transform', [a.x + r.left, a.y + r.top, b.x + r.left, b.y + r.top].map(function (v) {{ return v.toFixed(2); }}).join(' '));
}}
map.on('zoomend moveend resize', function () {{ update(); declutter(); }});
update();
declutter();
window.addEventListener('load', function () {{ fit(); update(); declutter(); }});
document.body.setAttribute('data-features', String(drawn));
}})();
</script>
</body></html>
"#,
        title = escape(&l.title),
        css = LEAFLET_CSS,
        sea = SEA.hex(),
        aspect = (l.frame.3 - l.frame.1) / l.width,
        attribution = serde_json::to_string(&format!(
            "{} &middot; Projection: {}; {}",
            escape(&l.attribution),
            escape(&l.projection.name()),
            escape(l.projection.scale_note())
        ))
        .unwrap_or_default()
        .replace("</", "<\\/"),
    )
}
