// Builds the bundled country boundary data of strikemap from Natural Earth
// (via the npm package world-atlas) and Debian's iso-codes tables.
//
// Run it through build.sh, which installs the pinned npm packages into a
// scratch directory and passes its path:
//
//   node build.mjs --root <repo> --workdir <dir with node_modules> \
//                  --iso <iso_3166-1.json> --iso-version <version> \
//                  [--summary <file>]   (JSON summary for data/README.md)
//
// Outputs (compact JSON, deterministic):
//   data/countries-50m.geojson   all countries, 1:50m, 5 decimals
//   data/ukraine-10m.geojson     Ukraine only, 1:10m, 6 decimals
// Both with Crimea (incl. Sevastopol) assigned to Ukraine, see fixCrimea().
//
// Everything it learns (features without ISO codes, the Crimea polygons, the
// antimeridian cuts, dropped rings, counts) is printed to stdout; build.sh
// keeps that as scripts/countries/build.log. Any failed check exits non-zero.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i];
    if (!k.startsWith('--') || i + 1 >= argv.length) throw new Error(`bad argument ${k}`);
    out[k.slice(2)] = argv[i + 1];
  }
  // --summary <file> (optional): a JSON summary for the data README.
  for (const k of ['root', 'workdir', 'iso', 'iso-version']) {
    if (!out[k]) throw new Error(`missing --${k}`);
  }
  return out;
}
const args = parseArgs(process.argv.slice(2));
const require = createRequire(path.join(path.resolve(args.workdir), 'build.cjs'));
const topojson = require('topojson-client');
const WA_VERSION = require('world-atlas/package.json').version;
const TC_VERSION = require('topojson-client/package.json').version;
const WA_DIR = path.dirname(require.resolve('world-atlas/package.json'));

// world-atlas 2.x states the Natural Earth edition in its README.
const waReadme = fs.readFileSync(path.join(WA_DIR, 'README.md'), 'utf8');
const neMatch = /redistribution of \[Natural Earth\].*?version (\d+\.\d+\.\d+)/.exec(waReadme);
if (!neMatch) throw new Error('cannot find the Natural Earth version in the world-atlas README');
const NE_VERSION = neMatch[1];

let failures = 0;
const log = (...a) => console.log(...a);
function check(ok, what) {
  log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

log(`# strikemap country data build`);
log(`world-atlas ${WA_VERSION} (Natural Earth ${NE_VERSION}), topojson-client ${TC_VERSION}, iso-codes ${args['iso-version']}`);

// ---------------------------------------------------------------- ISO codes
const isoTable = JSON.parse(fs.readFileSync(args.iso, 'utf8'))['3166-1'];
const isoByNumeric = new Map(isoTable.map((e) => [e.numeric, e]));
// Codes for entities that world-atlas gives no ISO numeric id and that have a
// widely used user-assigned code (not in ISO 3166-1 itself).
const USER_ASSIGNED = new Map([
  ['Kosovo', { alpha_2: 'XK', alpha_3: 'XKX', numeric: null }],
]);

// ---------------------------------------------------------------- places checked
// [name, lon, lat, expected ISO alpha-2 of the one feature containing it]
const CHECK_POINTS = [
  ['Simferopol', 34.10, 44.95, 'UA'],
  ['Sevastopol', 33.52, 44.60, 'UA'],
  ['Kerch', 36.47, 45.36, 'UA'],
  ['Kyiv', 30.52, 50.45, 'UA'],
  ['Moscow', 37.62, 55.75, 'RU'],
  ['Krasnodar', 38.98, 45.04, 'RU'],
  ['Kaliningrad', 20.51, 54.71, 'RU'],
  ['Armiansk', 33.69, 46.11, 'UA'], // north Crimea, by the Perekop isthmus
  ['Melitopol', 35.37, 46.85, 'UA'],
  ['Taman peninsula', 37.00, 45.20, 'RU'], // east shore of the Kerch Strait
];
const CRIMEA_SEEDS = CHECK_POINTS.filter(([n]) => n === 'Simferopol' || n === 'Sevastopol');
const MODIFIED_CRIMEA = 'Crimea (incl. Sevastopol) assigned to Ukraine per UN GA resolution 68/262';

// ---------------------------------------------------------------- geometry helpers
function pointInRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function pointInPolygon(lon, lat, polygon) {
  if (!pointInRing(lon, lat, polygon[0])) return false;
  for (let k = 1; k < polygon.length; k++) if (pointInRing(lon, lat, polygon[k])) return false;
  return true;
}
const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);

// Twice the signed planar area, exact, on integer (scaled) coordinates.
function signedArea2(ring, scale) {
  let a = 0n;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = BigInt(Math.round(ring[i][0] * scale));
    const y0 = BigInt(Math.round(ring[i][1] * scale));
    const x1 = BigInt(Math.round(ring[i + 1][0] * scale));
    const y1 = BigInt(Math.round(ring[i + 1][1] * scale));
    a += x0 * y1 - x1 * y0;
  }
  return a;
}

// ---------------------------------------------------------------- antimeridian
// world-atlas 2.x ran Natural Earth through `geostitch`, so its rings are
// spherical: a few rings cross the antimeridian (a jump of more than 180
// degrees between consecutive positions) and Antarctica is a ring around the
// South Pole. RFC 7946 (3.1.9) asks for such geometries to be cut at the
// antimeridian, and strikemap tests points in lon/lat space, so they are cut
// here: the parts on either side get positions exactly at lon 180 / -180, and
// a ring around a pole is closed along the antimeridian and the pole
// (lat -90 or 90).
const isJump = (a, b) => Math.abs(a[0] - b[0]) > 180;
const onLine = (p) => Math.abs(p[0]) === 180;
const open = (ring) => ring.slice(0, ring.length - 1);
const close = (pts) => [...pts, pts[0]];
function normDelta(d) {
  while (d > 180) d -= 360;
  while (d <= -180) d += 360;
  return d;
}
// Continuous longitudes along the (open) ring, starting at index s.
function unwrap(pts, s) {
  const n = pts.length;
  const out = [[pts[s][0], pts[s][1]]];
  for (let k = 1; k < n; k++) {
    const p = pts[(s + k) % n];
    const prev = out[k - 1];
    out.push([prev[0] + normDelta(p[0] - pts[(s + k - 1) % n][0]), p[1]]);
  }
  return out;
}
function clipHalfPlane(pts, L, keepWest) {
  const inside = (p) => (keepWest ? p[0] <= L : p[0] >= L);
  const cut = (s, e) => [L, s[1] + ((L - s[0]) / (e[0] - s[0])) * (e[1] - s[1])];
  const out = [];
  for (let i = 0; i < pts.length; i++) {
    const s = pts[(i + pts.length - 1) % pts.length];
    const e = pts[i];
    if (inside(e)) {
      if (!inside(s)) out.push(cut(s, e));
      out.push(e);
    } else if (inside(s)) {
      out.push(cut(s, e));
    }
  }
  return out;
}
// Number of times an (unwrapped, open) ring changes side of x = L.
function sideChanges(pts, L) {
  const sides = pts.map((p) => Math.sign(p[0] - L)).filter((s) => s !== 0);
  let n = 0;
  for (let i = 0; i < sides.length; i++) if (sides[i] !== sides[(i + 1) % sides.length]) n++;
  return n;
}

// Returns a list of polygons (each a list of rings) for one source polygon.
function fixAntimeridian(polygon, label, stats) {
  const rings = polygon.filter((r) => {
    const polar = r.every((p) => p[1] <= -89.99) || r.every((p) => p[1] >= 89.99);
    if (polar) {
      stats.polarArtifacts.push(`${label}: dropped a ring of ${r.length} positions lying entirely at the pole (spherical artefact)`);
    }
    return !polar;
  });
  if (rings.length === 0) return [];
  const jumps = rings.map((r) => {
    let n = 0;
    for (let i = 0; i + 1 < r.length; i++) if (isJump(r[i], r[i + 1])) n++;
    return n;
  });
  if (jumps.every((n) => n === 0)) return [rings];
  if (rings.length > 1) throw new Error(`${label}: antimeridian cut of a polygon with holes is not supported`);
  const pts = open(rings[0]);
  const start = pts.findIndex((p) => !onLine(p));
  const u = unwrap(pts, start);
  const winding = u[u.length - 1][0] - u[0][0] + normDelta(pts[start][0] - pts[(start + pts.length - 1) % pts.length][0]);

  if (Math.abs(Math.abs(winding) - 360) < 1e-6) {
    // A ring around a pole: open it at its single antimeridian crossing.
    if (jumps[0] !== 1) throw new Error(`${label}: polar ring crosses the antimeridian ${jumps[0]} times`);
    const j = pts.findIndex((p, i) => isJump(p, pts[(i + 1) % pts.length]));
    const w = unwrap(pts, (j + 1) % pts.length);
    const xs = w.map((p) => p[0]);
    if (Math.min(...xs) < -180 || Math.max(...xs) > 180) throw new Error(`${label}: polar ring does not unwrap into [-180, 180]`);
    const east = winding > 0;
    const first = w[0];
    const last = w[w.length - 1];
    const endX = east ? 180 : -180;
    const nextX = first[0] + (east ? 360 : -360);
    const latCut = nextX === last[0] ? last[1] : last[1] + ((endX - last[0]) / (nextX - last[0])) * (first[1] - last[1]);
    const meanLat = w.reduce((s, p) => s + p[1], 0) / w.length;
    const pole = meanLat < 0 ? -90 : 90;
    const ring = [[-endX, latCut], ...w, [endX, latCut], [endX, pole], [-endX, pole]];
    stats.cuts.push(`${label}: ring of ${pts.length + 1} positions around the ${pole < 0 ? 'South' : 'North'} Pole opened at lon ${endX} (lat ${latCut.toFixed(5)}) and closed along lon ±180 and lat ${pole}`);
    return [[close(ring)]];
  }

  const xs = u.map((p) => p[0]);
  const mn = Math.min(...xs);
  const mx = Math.max(...xs);
  if (mx - mn >= 360) throw new Error(`${label}: ring spans 360 degrees of longitude`);
  if (mx <= 180 && mn >= -180) {
    // Touches the antimeridian with positions written as -180 on the +180
    // side (or the reverse): unwrapping alone puts them on the right side.
    stats.cuts.push(`${label}: ring of ${pts.length + 1} positions touching the antimeridian, positions at ±180 put on the side of the ring`);
    return [[close(u)]];
  }
  const L = mx > 180 ? 180 : -180;
  const changes = sideChanges(u, L);
  if (changes > 2) throw new Error(`${label}: ring crosses the antimeridian ${changes} times (only 2 supported)`);
  const keep = clipHalfPlane(u, L, L === 180);
  const moved = clipHalfPlane(u, L, L !== 180).map(([x, y]) => [x + (L === 180 ? -360 : 360), y]);
  const parts = [keep, moved].filter((p) => p.length >= 3).map((p) => [close(p)]);
  stats.cuts.push(`${label}: ring of ${pts.length + 1} positions cut at the antimeridian into ${parts.length} parts (${parts.map((p) => p[0].length).join(' + ')} positions)`);
  return parts;
}

// ---------------------------------------------------------------- rounding and cleaning
function cleanRing(ring, decimals, stats, label) {
  const scale = 10 ** decimals;
  const r = (v) => Math.round(v * scale) / scale;
  let pts = open(ring).map(([x, y]) => [r(x), r(y)]);
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  const dedupe = (ps) => ps.filter((p, i) => !same(p, ps[(i + ps.length - 1) % ps.length]));
  pts = dedupe(pts);
  // Remove zero-width spikes (A, B, A): they enclose nothing.
  for (let changed = true; changed && pts.length >= 3;) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const prev = pts[(i + pts.length - 1) % pts.length];
      const next = pts[(i + 1) % pts.length];
      if (same(prev, next)) {
        stats.spikes.push(`${label}: [${pts[i].join(', ')}]`);
        pts.splice(i, 1);
        pts = dedupe(pts);
        changed = true;
        break;
      }
    }
  }
  if (pts.length < 3) return null;
  const closed = close(pts);
  if (signedArea2(closed, scale) === 0n) {
    stats.zeroArea.push(`${label}: ring of ${closed.length} positions with zero area`);
    return null;
  }
  return closed;
}

// Source polygons (GeoJSON coordinates) to cleaned RFC 7946 MultiPolygon
// coordinates: antimeridian cut, rounded, deduplicated, degenerate rings
// dropped, exterior rings counter-clockwise and holes clockwise.
function toMultiPolygon(polygons, decimals, name, stats) {
  const scale = 10 ** decimals;
  const out = [];
  polygons.forEach((polygon, pi) => {
    const label = `${name} polygon ${pi}`;
    for (const piece of fixAntimeridian(polygon, label, stats)) {
      const rings = piece.map((r, ri) => {
        const c = cleanRing(r, decimals, stats, `${label} ring ${ri}`);
        if (!c) stats.dropped.push(`${label} ring ${ri} (${ri === 0 ? 'exterior' : 'hole'}, ${r.length} positions before rounding)`);
        return c;
      });
      if (!rings[0]) {
        for (let k = 1; k < rings.length; k++) {
          if (rings[k]) stats.dropped.push(`${label} ring ${k} (hole of a dropped exterior)`);
        }
        continue;
      }
      const kept = rings.filter(Boolean).map((r, k) => {
        const a = signedArea2(r, scale);
        const wantPositive = k === 0;
        return (a > 0n) === wantPositive ? r : [...r].reverse();
      });
      out.push(kept);
    }
  });
  return out;
}

// Structural checks of the final coordinates.
function validate(name, coords, decimals) {
  const scale = 10 ** decimals;
  const problems = [];
  coords.forEach((polygon, pi) => polygon.forEach((ring, ri) => {
    const where = `${name} polygon ${pi} ring ${ri}`;
    if (ring.length < 4) problems.push(`${where}: fewer than 4 positions`);
    const f = ring[0];
    const l = ring[ring.length - 1];
    if (f[0] !== l[0] || f[1] !== l[1]) problems.push(`${where}: not closed`);
    for (let i = 0; i < ring.length; i++) {
      const [x, y] = ring[i];
      if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) problems.push(`${where}: position out of range ${x},${y}`);
      if (Math.round(x * scale) / scale !== x || Math.round(y * scale) / scale !== y) problems.push(`${where}: not rounded`);
      if (i > 0) {
        const p = ring[i - 1];
        if (p[0] === x && p[1] === y) problems.push(`${where}: consecutive duplicate`);
        // An edge along a pole (lat -90 or 90) may run from lon 180 to -180.
        const alongPole = Math.abs(y) === 90 && p[1] === y;
        if (Math.abs(p[0] - x) > 180 && !alongPole) problems.push(`${where}: crosses the antimeridian`);
      }
    }
    const a = signedArea2(ring, scale);
    if (ri === 0 && !(a > 0n)) problems.push(`${where}: exterior not counter-clockwise`);
    if (ri > 0 && !(a < 0n)) problems.push(`${where}: hole not clockwise`);
  }));
  return problems;
}

// ---------------------------------------------------------------- Crimea
// In Natural Earth's default countries (admin 0), Crimea and Sevastopol are
// part of Russia's geometry. strikemap uses the internationally recognised
// borders (UN GA resolution 68/262), so the polygon(s) of Russia containing
// Simferopol and Sevastopol are taken out of Russia and merged into Ukraine
// with topojson-client's merge, which drops the arcs the two shared (the land
// border on the Perekop isthmus and the Arabat Spit).
function fixCrimea(topology, resolution) {
  const geoms = topology.objects.countries.geometries;
  const ru = geoms.find((g) => g.id === '643');
  const ua = geoms.find((g) => g.id === '804');
  if (!ru || !ua) throw new Error('Russia (643) or Ukraine (804) missing');
  const ruPolys = ru.type === 'Polygon' ? [ru.arcs] : ru.arcs;
  const uaPolys = ua.type === 'Polygon' ? [ua.arcs] : ua.arcs;
  const selected = [];
  ruPolys.forEach((arcs, i) => {
    const coords = topojson.feature(topology, { type: 'Polygon', arcs }).geometry.coordinates;
    const seeds = CRIMEA_SEEDS.filter(([, lon, lat]) => pointInPolygon(lon, lat, coords));
    if (seeds.length) {
      const xs = coords[0].map((p) => p[0]);
      const ys = coords[0].map((p) => p[1]);
      selected.push({ index: i, arcs, seeds: seeds.map((s) => s[0]), bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], positions: coords[0].length, rings: coords.length });
    }
  });
  log(`\n## Crimea at 1:${resolution}`);
  log(`Russia (643) is a ${ru.type} of ${ruPolys.length} polygons; Ukraine (804) a ${ua.type} of ${uaPolys.length}.`);
  for (const s of selected) {
    log(`Russia polygon index ${s.index} contains ${s.seeds.join(' and ')}: ${s.rings} ring(s), ${s.positions} positions in its exterior, bbox [${s.bbox.map((v) => v.toFixed(3)).join(', ')}]`);
  }
  const seedsFound = new Set(selected.flatMap((s) => s.seeds));
  check(CRIMEA_SEEDS.every(([n]) => seedsFound.has(n)), `1:${resolution} Simferopol and Sevastopol are each in a polygon of Russia's geometry`);
  check(selected.length >= 1 && selected.length < ruPolys.length, `1:${resolution} Crimea is ${selected.length} separate polygon(s) of Russia's MultiPolygon (not part of mainland Russia's polygon)`);
  // Crimea must be small and where Crimea is: a mistaken selection of the
  // mainland polygon would have a huge bounding box.
  check(selected.every((s) => s.bbox[0] > 32 && s.bbox[2] < 37 && s.bbox[1] > 44 && s.bbox[3] < 46.5), `1:${resolution} selected polygon(s) lie within lon 32..37, lat 44..46.5`);
  const uaArcs = new Set(uaPolys.flat(2).map((a) => (a < 0 ? ~a : a)));
  const crimeaArcs = selected.flatMap((s) => s.arcs.flat()).map((a) => (a < 0 ? ~a : a));
  const shared = [...new Set(crimeaArcs.filter((a) => uaArcs.has(a)))].sort((a, b) => a - b);
  log(`Crimea shares ${shared.length} arc(s) with Ukraine (the land border): [${shared.join(', ')}]`);
  check(shared.length > 0, `1:${resolution} Crimea shares border arcs with Ukraine, so merge fuses them`);

  const crimea = { type: 'MultiPolygon', arcs: selected.map((s) => s.arcs) };
  const merged = topojson.mergeArcs(topology, [ua, crimea]);
  const drop = new Set(selected.map((s) => s.index));
  const ruNew = { type: 'MultiPolygon', id: ru.id, properties: ru.properties, arcs: ruPolys.filter((_, i) => !drop.has(i)) };
  const uaNew = { type: 'MultiPolygon', id: ua.id, properties: ua.properties, arcs: merged.arcs };
  const remaining = new Set(merged.arcs.flat(2).map((a) => (a < 0 ? ~a : a)));
  check(shared.every((a) => !remaining.has(a)), `1:${resolution} the shared border arcs are gone from the merged Ukraine`);
  log(`Ukraine after merge: ${merged.arcs.length} polygon(s) (was ${uaPolys.length} + ${selected.length} Crimea); rings per polygon: [${merged.arcs.map((p) => p.length).join(', ')}]`);
  log(`Russia after removal: ${ruNew.arcs.length} polygons (was ${ruPolys.length})`);
  return { ru: ruNew, ua: uaNew, crimeaIndices: selected.map((s) => s.index), sharedArcs: shared.length };
}

// ---------------------------------------------------------------- features
function isoFor(g) {
  const waName = g.properties && g.properties.name;
  if (g.id != null && isoByNumeric.has(g.id)) {
    const e = isoByNumeric.get(g.id);
    const aliases = [];
    for (const n of [waName, e.official_name, e.common_name]) {
      if (n && n !== e.name && !aliases.includes(n)) aliases.push(n);
    }
    return { iso_a2: e.alpha_2, iso_a3: e.alpha_3, iso_n3: e.numeric, name: e.name, aliases };
  }
  const ua = USER_ASSIGNED.get(waName);
  return { iso_a2: ua ? ua.alpha_2 : null, iso_a3: ua ? ua.alpha_3 : null, iso_n3: ua ? ua.numeric : null, name: waName, aliases: [] };
}

function newStats() {
  return { cuts: [], polarArtifacts: [], dropped: [], zeroArea: [], spikes: [] };
}

function buildFeature(topology, g, decimals, source, modified, stats) {
  const props = isoFor(g);
  const geometry = topojson.feature(topology, g).geometry;
  const coordinates = toMultiPolygon(polygonsOf(geometry), decimals, props.name, stats);
  return {
    type: 'Feature',
    properties: { ...props, source, modified: modified || null },
    geometry: { type: 'MultiPolygon', coordinates },
  };
}

function countsOf(features) {
  const c = { features: features.length, polygons: 0, rings: 0, holes: 0, positions: 0 };
  for (const f of features) {
    for (const p of f.geometry.coordinates) {
      c.polygons += 1;
      c.rings += p.length;
      c.holes += p.length - 1;
      for (const r of p) c.positions += r.length;
    }
  }
  c.vertices = c.positions - c.rings; // without the repeated closing position
  return c;
}

function reportStats(title, stats) {
  log(`\n## ${title}: cleaning`);
  log(`antimeridian / pole handling (${stats.cuts.length}):`);
  for (const s of stats.cuts) log(`  ${s}`);
  log(`polar artefact rings dropped (${stats.polarArtifacts.length}):`);
  for (const s of stats.polarArtifacts) log(`  ${s}`);
  log(`degenerate rings dropped after rounding (${stats.dropped.length}):`);
  for (const s of stats.dropped) log(`  ${s}`);
  log(`  of which zero-area: ${stats.zeroArea.length}${stats.zeroArea.map((s) => `\n    ${s}`).join('')}`);
  log(`zero-width spike positions (A, B, A) removed (${stats.spikes.length}):`);
  for (const s of stats.spikes) log(`  ${s}`);
}

function runChecks(title, features, points) {
  log(`\n## ${title}: point checks (planar point-in-polygon on lon/lat)`);
  const ua = features.find((f) => f.properties.iso_a2 === 'UA');
  const at = (n) => points.find((p) => p[0] === n);
  const fused = ua.geometry.coordinates.findIndex((p) => ['Kyiv', 'Simferopol', 'Sevastopol', 'Kerch'].every((n) => pointInPolygon(at(n)[1], at(n)[2], p)));
  check(fused >= 0, `${title}: Kyiv, Simferopol, Sevastopol and Kerch are in one polygon of Ukraine (index ${fused}): Crimea is fused with the mainland`);
  for (const [name, lon, lat, want] of points) {
    const hits = features
      .filter((f) => f.geometry.coordinates.some((p) => pointInPolygon(lon, lat, p)))
      .map((f) => f.properties.iso_a2 || f.properties.name);
    check(hits.length === 1 && hits[0] === want, `${title}: ${name} (${lat} N, ${lon} E) is in ${want}; found in [${hits.join(', ')}]`);
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value) + '\n');
  log(`wrote ${path.relative(args.root, file)}: ${fs.statSync(file).size} bytes`);
}

const compareCodes = (a, b) => {
  const ka = a.properties.iso_a3;
  const kb = b.properties.iso_a3;
  if (ka && kb) return ka < kb ? -1 : ka > kb ? 1 : 0;
  if (ka) return -1;
  if (kb) return 1;
  return a.properties.name < b.properties.name ? -1 : a.properties.name > b.properties.name ? 1 : 0;
};

// ---------------------------------------------------------------- 1:50m
function build50m() {
  const decimals = 5;
  const topology = JSON.parse(fs.readFileSync(path.join(WA_DIR, 'countries-50m.json'), 'utf8'));
  const source = `Natural Earth ${NE_VERSION} 1:50m via world-atlas ${WA_VERSION}`;
  const geoms = topology.objects.countries.geometries;
  log(`\n# countries-50m: ${geoms.length} world-atlas geometries`);

  const crimea = fixCrimea(topology, '50m');

  // world-atlas has two geometries with id 036: Australia and the Ashmore and
  // Cartier Islands (an Australian external territory). Their polygons are
  // joined into one Australia feature so that ISO codes stay unique.
  const byId = new Map();
  for (const g of geoms) if (g.id != null) byId.set(g.id, [...(byId.get(g.id) || []), g]);
  const joined = new Map();
  const modified = new Map([['643', MODIFIED_CRIMEA], ['804', MODIFIED_CRIMEA]]);
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    const iso = isoByNumeric.get(id);
    const main = list.find((g) => iso && g.properties.name === iso.name);
    if (!main) throw new Error(`duplicate id ${id} without a geometry named as in ISO 3166-1`);
    const others = list.filter((g) => g !== main);
    const polys = [main, ...others].flatMap((g) => (g.type === 'Polygon' ? [g.arcs] : g.arcs));
    joined.set(main, { type: 'MultiPolygon', id: main.id, properties: main.properties, arcs: polys });
    for (const o of others) joined.set(o, null);
    const names = others.map((o) => o.properties.name).join(', ');
    modified.set(id, `${names} (world-atlas geometry with the same ISO numeric code ${id}) joined to ${iso.name}`);
    log(`joined ${names} into ${main.properties.name} (both id ${id})`);
  }

  const stats = newStats();
  const features = [];
  const noIso = [];
  for (const g of geoms) {
    let geom = g;
    if (g.id === '643') geom = crimea.ru;
    else if (g.id === '804') geom = crimea.ua;
    else if (joined.has(g)) geom = joined.get(g);
    if (geom === null) continue;
    const f = buildFeature(topology, geom, decimals, source, modified.get(g.id), stats);
    if (!(g.id != null && isoByNumeric.has(g.id))) {
      noIso.push(`${g.properties.name} (world-atlas id ${g.id == null ? 'missing' : g.id}) -> iso_a2 ${f.properties.iso_a2}, iso_a3 ${f.properties.iso_a3}`);
    }
    if (f.geometry.coordinates.length === 0) {
      log(`dropped feature ${f.properties.name}: no polygon left after cleaning`);
      continue;
    }
    features.push(f);
  }
  features.sort(compareCodes);

  log(`\n## countries-50m: features without an ISO 3166-1 match (${noIso.length})`);
  for (const s of noIso) log(`  ${s}`);
  reportStats('countries-50m', stats);

  const problems = features.flatMap((f) => validate(f.properties.name, f.geometry.coordinates, decimals));
  for (const p of problems.slice(0, 50)) log(`  ${p}`);
  check(problems.length === 0, `countries-50m: all rings closed, >= 4 positions, rounded to ${decimals} decimals, no consecutive duplicates, none crossing the antimeridian, exteriors CCW, holes CW (${problems.length} problems)`);
  for (const key of ['iso_a2', 'iso_a3', 'iso_n3']) {
    const vals = features.map((f) => f.properties[key]).filter((v) => v != null);
    check(new Set(vals).size === vals.length, `countries-50m: ${key} values are unique (${vals.length} non-null)`);
  }
  check(features.length >= 230 && features.length <= 250, `countries-50m: ${features.length} features (expected about 240)`);
  runChecks('countries-50m', features, CHECK_POINTS);

  // Where the features touch the antimeridian, for the record.
  log(`\n## countries-50m: features with positions at lon 180 or -180`);
  for (const f of features) {
    let east = 0;
    let west = 0;
    for (const p of f.geometry.coordinates) for (const r of p) for (const q of r) { if (q[0] === 180) east++; if (q[0] === -180) west++; }
    if (east || west) log(`  ${f.properties.name}: ${east} positions at lon 180, ${west} at lon -180`);
  }

  const counts = countsOf(features);
  log(`\n## countries-50m: counts ${JSON.stringify({ ...counts, droppedDegenerateRings: stats.dropped.length, droppedPolarArtifactRings: stats.polarArtifacts.length, spikePositionsRemoved: stats.spikes.length })}`);
  writeJson(path.join(args.root, 'data', 'countries-50m.geojson'), { type: 'FeatureCollection', features });
  const noIsoFeatures = features.filter((f) => f.properties.iso_n3 == null).map((f) => `${f.properties.name}${f.properties.iso_a2 ? ` (${f.properties.iso_a2}/${f.properties.iso_a3}, user-assigned)` : ''}`);
  const atLine = features.filter((f) => f.geometry.coordinates.some((p) => p.some((r) => r.some((q) => Math.abs(q[0]) === 180)))).map((f) => f.properties.name);
  return { counts, stats, noIsoFeatures, crimea, atLine };
}

// ---------------------------------------------------------------- 1:10m Ukraine
function build10m() {
  const decimals = 6;
  const topology = JSON.parse(fs.readFileSync(path.join(WA_DIR, 'countries-10m.json'), 'utf8'));
  const source = `Natural Earth ${NE_VERSION} 1:10m via world-atlas ${WA_VERSION}`;
  log(`\n# ukraine-10m: ${topology.objects.countries.geometries.length} world-atlas geometries`);
  const crimea = fixCrimea(topology, '10m');
  const stats = newStats();
  const ua = buildFeature(topology, crimea.ua, decimals, source, MODIFIED_CRIMEA, stats);
  // Russia at 1:10m is built only to check the result; it is not written.
  const ruStats = newStats();
  const ru = buildFeature(topology, crimea.ru, decimals, source, MODIFIED_CRIMEA, ruStats);
  reportStats('ukraine-10m', stats);
  reportStats('russia-10m (checks only, not written)', ruStats);
  const problems = [ua, ru].flatMap((f) => validate(f.properties.name, f.geometry.coordinates, decimals));
  for (const p of problems.slice(0, 50)) log(`  ${p}`);
  check(problems.length === 0, `10m: Ukraine and Russia rings valid (${problems.length} problems)`);
  runChecks('10m', [ua, ru], CHECK_POINTS);
  const counts = countsOf([ua]);
  log(`\n## ukraine-10m: counts ${JSON.stringify({ ...counts, droppedDegenerateRings: stats.dropped.length, spikePositionsRemoved: stats.spikes.length })}`);
  writeJson(path.join(args.root, 'data', 'ukraine-10m.geojson'), { type: 'FeatureCollection', features: [ua] });
  return { counts, stats, crimea };
}

try {
  const w = build50m();
  const u = build10m();
  if (args.summary) {
    const summary = {
      world_atlas_version: WA_VERSION,
      ne_version: NE_VERSION,
      topojson_client_version: TC_VERSION,
      iso_codes_version: args['iso-version'],
      c50: { ...w.counts, dropped: w.stats.dropped.length, polar: w.stats.polarArtifacts.length, spikes: w.stats.spikes.length, cuts: w.stats.cuts, crimea: w.crimea.crimeaIndices, shared: w.crimea.sharedArcs, noIso: w.noIsoFeatures, atLine: w.atLine },
      u10: { ...u.counts, dropped: u.stats.dropped.length, spikes: u.stats.spikes.length, crimea: u.crimea.crimeaIndices, shared: u.crimea.sharedArcs },
      checks: CHECK_POINTS.map(([n, lon, lat, want]) => `${n} (${lat} N, ${lon} E): ${want}`),
    };
    fs.writeFileSync(args.summary, JSON.stringify(summary, null, 1));
  }
} catch (e) {
  log(`FAIL ${e.stack || e}`);
  failures += 1;
}
log(`\n${failures === 0 ? 'all checks passed' : `${failures} check(s) failed`}`);
process.exit(failures === 0 ? 0 : 1);
