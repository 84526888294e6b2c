// Fills scripts/countries/README.template.md with the build summary and the
// file sizes, and writes data/README.md.
//
//   node readme.mjs --root <repo> --summary <summary.json>

import fs from 'node:fs';
import path from 'node:path';

const arg = (k) => {
  const i = process.argv.indexOf(`--${k}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing --${k}`);
  return process.argv[i + 1];
};
const ROOT = arg('root');
const summary = JSON.parse(fs.readFileSync(arg('summary'), 'utf8'));
const size = (p) => fs.statSync(path.join(ROOT, p)).size;
const list = (xs) => xs.join(', ');

const ctx = {
  ...summary,
  size: {
    countries50m: size('data/countries-50m.geojson'),
    countries50mMB: (size('data/countries-50m.geojson') / 1e6).toFixed(2),
    ukraine10m: size('data/ukraine-10m.geojson'),
    frontline: size('benches/data/front-line-10k.geojson'),
  },
  c50: { ...summary.c50, noIsoList: list(summary.c50.noIso), atLineList: list(summary.c50.atLine), crimea: list(summary.c50.crimea) },
  u10: { ...summary.u10, crimea: list(summary.u10.crimea) },
  checksList: list(summary.checks),
};

const here = path.dirname(new URL(import.meta.url).pathname);
const template = fs.readFileSync(path.join(here, 'README.template.md'), 'utf8');
const out = template.replace(/\{\{([a-zA-Z0-9_.]+)\}\}/g, (_, key) => {
  const v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), ctx);
  if (v === undefined || (typeof v === 'object' && v !== null)) throw new Error(`README placeholder {{${key}}} has no value`);
  return String(v);
});
// data/README.md also holds the gazetteer part, written by
// scripts/gazetteer/build.sh between these markers after the country part:
// keep it as it is.
const README = path.join(ROOT, 'data', 'README.md');
const GAZ_BEGIN = '<!-- BEGIN scripts/gazetteer -->';
const GAZ_END = '<!-- END scripts/gazetteer -->';
let gazetteer = '';
if (fs.existsSync(README)) {
  const old = fs.readFileSync(README, 'utf8');
  const i = old.indexOf(GAZ_BEGIN);
  const j = old.indexOf(GAZ_END);
  if (i >= 0 && j > i) gazetteer = `\n${old.slice(i, j + GAZ_END.length)}\n`;
}
fs.writeFileSync(README, out + gazetteer);
console.log(`wrote data/README.md: ${Buffer.byteLength(out)} bytes (country part)${gazetteer ? ', gazetteer part kept' : ''}`);
