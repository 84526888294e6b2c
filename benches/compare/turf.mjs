// Times Turf.js (@turf/turf, pinned in package.json) on the data set that
// benches/compare/run.sh generates and prints the results as JSON, in the
// schema described at the top of peers.py.
//
// Usage: node turf.mjs DATA_DIR [--modules DIR] [--min-repeats R] [--min-time S] [--max-time S] [--warm-up N] [--only OPS]
//
// --modules is the folder whose node_modules holds @turf/turf (default: this
// script's folder). Turf measures on a sphere of radius 6,371,008.8 m, with
// edges as great circles: fast to write, but about 0.5 % off the ellipsoid.
// --only takes comma-separated operation ids (as in peers.py) and runs only
// those; Turf has no row for the reverse look-up.

import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opts = { modules: dirname(fileURLToPath(import.meta.url)), minRepeats: 3, minTime: 1, maxTime: 20, warmUp: 100, only: null };
let dataDir = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => {
    if (i + 1 >= args.length) throw new Error(`${a} needs a value`);
    return args[++i];
  };
  if (a === "--modules") opts.modules = next();
  else if (a === "--min-repeats") opts.minRepeats = Number(next());
  else if (a === "--min-time") opts.minTime = Number(next());
  else if (a === "--max-time") opts.maxTime = Number(next());
  else if (a === "--warm-up") opts.warmUp = Number(next());
  else if (a === "--only") opts.only = next().split(",");
  else if (dataDir === null && !a.startsWith("--")) dataDir = a;
  else throw new Error(`unexpected argument ${a}`);
}
if (dataDir === null) throw new Error("usage: node turf.mjs DATA_DIR [options]");

const want = (op) => opts.only === null || opts.only.includes(op);
const require = createRequire(join(opts.modules, "package.json"));
const skipped = [];
const results = [];
const versions = { node: process.versions.node };
let turf = null;
try {
  turf = require("@turf/turf");
  versions["@turf/turf"] = require("@turf/turf/package.json").version;
} catch (e) {
  for (const op of ["point-to-point", "point-to-ukraine", "point-to-front-line", "geojson-export"].filter(want)) {
    skipped.push({ op, tool: "Turf.js", why: `@turf/turf not found under ${opts.modules}/node_modules` });
  }
}

const readJson = (name) => JSON.parse(readFileSync(join(dataDir, name), "utf8"));

/** Times `one(x)` for every input; returns [seconds per query for each pass, answers of the first pass]. */
function time(inputs, one) {
  for (const x of inputs.slice(0, opts.warmUp)) one(x);
  const perQuery = [];
  let answers = null;
  const started = process.hrtime.bigint();
  for (;;) {
    const got = new Array(inputs.length);
    const t = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i++) got[i] = one(inputs[i]);
    perQuery.push(Number(process.hrtime.bigint() - t) / 1e9 / inputs.length);
    if (answers === null) answers = got;
    const total = Number(process.hrtime.bigint() - started) / 1e9;
    if ((perQuery.length >= opts.minRepeats && total >= opts.minTime) || total >= opts.maxTime) break;
  }
  return [perQuery, answers];
}

function push(op, tool, [perQuery, answers], note, setup = {}) {
  results.push({
    op,
    tool,
    family: "turf",
    n: answers.length,
    per_query_s: perQuery,
    answers_m: answers,
    reference: false,
    comparable: true,
    setup_s: setup,
    note,
  });
}

const step = (name) => process.stderr.write(`  node: ${name}\n`);

// Features in one pass of the GeoJSON export (as in peers.py and the Rust driver).
const EXPORT_FEATURES = 100_000;

/** The properties strikemap writes for the i-th exported event (see peers.py). */
function exportProperties(i) {
  const name = `event ${i}`;
  return {
    kind: "strike",
    name,
    target: name,
    date: "2025-06-01",
    timestamp: 1748736000000,
    weapon: "drone",
    strike_id: `ev-${i}`,
    counts: [{ kind: "launched", count: 3, claimed_by: "local officials" }],
    source: "synthetic",
    title: name,
    "marker-color": "#d62728",
    "marker-size": "medium",
    "marker-symbol": "danger",
  };
}

/** Times whole passes of `onePass()` (one untimed pass first); per feature. */
function passes(n, onePass) {
  onePass();
  const perFeature = [];
  const started = process.hrtime.bigint();
  for (;;) {
    const t = process.hrtime.bigint();
    onePass();
    perFeature.push(Number(process.hrtime.bigint() - t) / 1e9 / n);
    const total = Number(process.hrtime.bigint() - started) / 1e9;
    if ((perFeature.length >= opts.minRepeats && total >= opts.minTime) || total >= opts.maxTime) break;
  }
  return [perFeature, new Array(n).fill(0)];
}

if (turf !== null) {
  // Points are built as GeoJSON features once, outside the timed passes.
  const queries = readJson("queries.json").map((c) => turf.point(c));
  const pairs = readJson("pairs.json").map(([a, b]) => [turf.point(a), turf.point(b)]);
  const ukraine = readJson("ukraine-10m.geojson").features[0];
  const front = readJson("front-line-10k.geojson").features[0];
  const metres = { units: "meters" };

  if (want("point-to-point")) {
    step("turf.distance");
    push(
      "point-to-point",
      "Turf.js distance",
      time(pairs, ([a, b]) => turf.distance(a, b, metres)),
      "haversine on a sphere of radius 6,371,008.8 m",
    );
  }

  if (want("point-to-ukraine")) {
    step("turf point to Ukraine");
    if (typeof turf.pointToPolygonDistance === "function") {
      // Negative inside the polygon (distance to the boundary); strikemap says 0 inside.
      push(
        "point-to-ukraine",
        "Turf.js pointToPolygonDistance",
        time(queries, (q) => Math.max(0, turf.pointToPolygonDistance(q, ukraine, metres))),
        "sphere, great-circle edges; negative inside, clamped to 0 here",
      );
    } else {
      // Older Turf: distance to the rings as lines, 0 when inside.
      const t = process.hrtime.bigint();
      const rings = turf.flatten(turf.polygonToLine(ukraine)).features;
      const setup = { "polygonToLine + flatten": Number(process.hrtime.bigint() - t) / 1e9 };
      push(
        "point-to-ukraine",
        "Turf.js booleanPointInPolygon + pointToLineDistance to the rings",
        time(queries, (q) =>
          turf.booleanPointInPolygon(q, ukraine) ? 0 : Math.min(...rings.map((r) => turf.pointToLineDistance(q, r, metres))),
        ),
        "sphere, great-circle edges (no pointToPolygonDistance in this Turf version)",
        setup,
      );
    }
  }

  if (want("point-to-front-line")) {
    step("turf point to front line");
    push(
      "point-to-front-line",
      "Turf.js pointToLineDistance",
      time(queries, (q) => turf.pointToLineDistance(q, front, metres)),
      "sphere, great-circle edges (method 'geodesic', Turf's default)",
    );
  }
}

if (turf !== null && want("geojson-export")) {
  const coords = readJson("queries.json");
  const path = join(dataDir, "export-turf.geojson");
  step("turf featureCollection + JSON.stringify export");
  push(
    "geojson-export",
    "Turf.js point + featureCollection, JSON.stringify, writeFileSync",
    passes(EXPORT_FEATURES, () => {
      const features = new Array(EXPORT_FEATURES);
      for (let i = 0; i < EXPORT_FEATURES; i++) {
        features[i] = turf.point(coords[i % coords.length], exportProperties(i), { id: `strike/ev-${i}` });
      }
      writeFileSync(path, JSON.stringify(turf.featureCollection(features)));
    }),
    "the collection built in memory, then one string",
  );
  results[results.length - 1].comparable = false;
  results[results.length - 1].output = path;
}

process.stdout.write(JSON.stringify({ runner: "turf", versions, skipped, results }) + "\n");
