// Build-time generator for the world map: turns Natural Earth country shapes (the npm package
// world-atlas, TopoJSON) into compact, projected, simplified SVG path data that the app embeds
// with include_str! for its choropleth. Runs offline from node_modules; output is deterministic.
//
//   node scripts/build-map.mjs [out.tsv]     (default: data/map/world.tsv)
//
// Writes the TSV (header `iso3<TAB>name<TAB>bbox<TAB>path`, one row per country, sorted by iso3)
// and, next to it, viewbox.txt (`0 0 1000 H`). See data/map/README.md for the format.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoCentroid, geoContains, geoEqualEarth, geoPath } from 'd3-geo';
import iso from 'i18n-iso-countries';
import { feature, mergeArcs } from 'topojson-client';
import { filter, filterWeight, presimplify, simplify, sphericalRingArea } from 'topojson-simplify';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// ---- Parameters (documented in data/map/README.md; change them there too) ----
const SOURCE = 'world-atlas/countries-50m.json'; // Natural Earth 1:50m admin-0 countries
const WIDTH = 1000; // viewBox width; the height follows from the projection
const PAD = 2; // empty margin around the land, in view units
const CENTRAL_MERIDIAN = 11; // °E: puts the map's edge at 169°W, so Russia and Fiji stay whole
const MIN_POINT_AREA = 0.3; // Visvalingam: drop vertices whose triangle is < this many px²
const MIN_ISLAND_KM2 = 1500; // drop islands, exclaves and holes smaller than this (true area)
const MIN_SIZE = 1.5; // a country of interest narrower or shorter than this (px) gets a marker
const MARKER_RADIUS = 2; // px, circle drawn instead of a too-small country of interest
const ANTARCTICA = '010';
const EARTH_RADIUS_KM = 6371.0088; // mean radius, to turn km² into steradians
// Natural Earth 4.1 draws Crimea as part of Russia (its de facto convention). This map follows
// UN General Assembly resolution 68/262 instead: Crimea is drawn as part of Ukraine.
const CRIMEA_TO_UKRAINE = true;
const SIMFEROPOL = [34.1, 44.95]; // lon, lat: finds the Crimea polygon

// English names come from i18n-iso-countries (ISO 3166 English short names); where that is a
// long formal or inverted form ("Moldova, Republic of"), the common short name instead.
const NAME_OVERRIDES = {
  BRN: 'Brunei',
  CHN: 'China',
  CIV: "Côte d'Ivoire",
  COD: 'DR Congo',
  COG: 'Congo',
  CZE: 'Czechia',
  FLK: 'Falkland Islands',
  FSM: 'Micronesia',
  GMB: 'Gambia',
  IRN: 'Iran',
  LAO: 'Laos',
  MDA: 'Moldova',
  MKD: 'North Macedonia',
  PSE: 'Palestine',
  RUS: 'Russia',
  SYR: 'Syria',
  TWN: 'Taiwan',
  TZA: 'Tanzania',
  USA: 'United States',
  VAT: 'Vatican City',
  VGB: 'British Virgin Islands',
  VIR: 'U.S. Virgin Islands',
};

// Countries of interest = every country the app has data for (first column of these CSVs).
// They are never dropped: if too small to see, they are drawn as a circle marker.
function countriesOfInterest() {
  const codes = new Set();
  for (const file of ['data/gti-2025/countries.csv', 'data/csp/countries.csv']) {
    const lines = readFileSync(join(root, file), 'utf8').split(/\r?\n/).slice(1);
    for (const line of lines) if (line.trim()) codes.add(line.split(',')[0].trim());
  }
  return codes;
}

// ISO 3166-1 alpha-3 code for a world-atlas geometry (ids are ISO numeric, some are missing).
function codeOf(geometry) {
  const name = geometry.properties.name;
  if (geometry.id !== undefined) {
    return iso.numericToAlpha3(geometry.id) || `N-${geometry.id}`;
  }
  if (name === 'Kosovo') return 'XKX'; // user-assigned code used by the EU, IMF and others
  return `X-${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`; // e.g. X-SOMALILAND
}

function nameOf(code, geometry) {
  if (NAME_OVERRIDES[code]) return NAME_OVERRIDES[code];
  if (code === 'XKX') return 'Kosovo';
  return (/^[A-Z]{3}$/.test(code) && iso.getName(code, 'en')) || geometry.properties.name;
}

// Moves the Crimea polygon from Russia's MultiPolygon into Ukraine's and merges it there, so
// the Perekop border arc disappears. Edits the topology's geometry objects in place.
function crimeaToUkraine(topology) {
  const geometries = topology.objects.countries.geometries;
  const rus = geometries.find((g) => g.id === '643');
  const ukr = geometries.find((g) => g.id === '804');
  const i = rus.arcs.findIndex((polygon) =>
    geoContains(feature(topology, { type: 'Polygon', arcs: polygon }), SIMFEROPOL),
  );
  if (i < 0 || ukr.type !== 'MultiPolygon') throw new Error('Crimea not found where expected');
  const [crimea] = rus.arcs.splice(i, 1);
  ukr.arcs = mergeArcs(topology, [ukr, { type: 'Polygon', arcs: crimea }]).arcs;
}

// Collects the projected (and clipped) rings that d3-geo's geoPath would draw, as lists of
// points in tenths of a view unit (integers), so that rounding happens exactly once.
function projectRings(path, geo) {
  const rings = [];
  let ring = null;
  path.context({
    moveTo(x, y) {
      ring = [[Math.round(x * 10), Math.round(y * 10)]];
      rings.push(ring);
    },
    lineTo(x, y) {
      ring.push([Math.round(x * 10), Math.round(y * 10)]);
    },
    closePath() {},
    arc() {
      throw new Error('unexpected point geometry');
    },
  });
  path(geo);
  return rings;
}

// Removes repeated points (after rounding), the closing point, and collapsed rings.
function cleanRing(points) {
  const out = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out.at(-1)[0] && out[0][1] === out.at(-1)[1]) out.pop();
  return out;
}

// Area in px² (points are in tenths, hence / 100); sign gives the winding.
function ringArea(points) {
  let sum = 0;
  for (let i = 0, n = points.length; i < n; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % n];
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 200;
}

// A number given in tenths, as short as SVG allows: 12 -> "1.2", -3 -> "-.3", 40 -> "4".
function num(tenths) {
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  const int = Math.floor(a / 10);
  const frac = a % 10;
  return sign + (frac ? `${int || ''}.${frac}` : `${int}`);
}

// Appends numbers with a space only where a minus sign does not already separate them.
function joinNumbers(values) {
  let s = '';
  for (const v of values) {
    const t = num(v);
    s += s && t[0] !== '-' ? ` ${t}` : t;
  }
  return s;
}

// Relative path: every ring is `m dx dy dx dy … z`. The first `m` of a path is absolute; after
// `z` the current point is the ring's start, which the next `m` is relative to. The pairs after
// an `m` are implicit relative line-tos.
function pathData(rings) {
  let d = '';
  let sx = 0;
  let sy = 0;
  for (const ring of rings) {
    const values = [ring[0][0] - sx, ring[0][1] - sy];
    for (let i = 1; i < ring.length; i++) {
      values.push(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
    }
    d += `m${joinNumbers(values)}z`;
    [sx, sy] = ring[0];
  }
  return d;
}

// A circle of radius r around (cx, cy), all in tenths, as two relative half-circle arcs
// (`a rx ry rotation large-arc-flag sweep-flag dx dy`; the flags are plain 0/1, not tenths).
function markerPath(cx, cy, r) {
  const R = num(r);
  return `m${joinNumbers([cx - r, cy])}a${R} ${R} 0 1 0 ${num(2 * r)} 0a${R} ${R} 0 1 0 ${num(-2 * r)} 0z`;
}

export function buildMap() {
  const sourceFile = require.resolve(SOURCE);
  const topology = JSON.parse(readFileSync(sourceFile, 'utf8'));
  if (CRIMEA_TO_UKRAINE) crimeaToUkraine(topology);
  const geometries = topology.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA);
  const interest = countriesOfInterest();

  // Drop Antarctica, and every island, exclave or hole whose true area is below
  // MIN_ISLAND_KM2. Countries left with no ring disappear (or become markers, below).
  const world = { ...topology, objects: { countries: { type: 'GeometryCollection', geometries } } };
  const minSteradians = MIN_ISLAND_KM2 / EARTH_RADIUS_KM ** 2;
  const kept = filter(world, filterWeight(world, minSteradians, sphericalRingArea));
  // filter() copies each geometry but keeps its properties object: use that to match them up.
  const keptOf = new Map(kept.objects.countries.geometries.map((g) => [g.properties, g]));

  // Equal Earth, fitted to the width of the kept land (unsimplified), with a margin.
  const projection = geoEqualEarth()
    .rotate([-CENTRAL_MERIDIAN, 0])
    .precision(0) // no adaptive resampling: the simplified edges are short enough
    .fitWidth(WIDTH - 2 * PAD, feature(kept, kept.objects.countries));
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD, ty + PAD]);

  // Topology-preserving simplification (shared borders stay shared: no gaps, no overlaps),
  // weighting each vertex by the area of its triangle as drawn on the map, in px².
  const area = (t) => {
    const [a, b, c] = t.map((p) => projection(p));
    return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  };
  const simplified = simplify(presimplify(kept, area), MIN_POINT_AREA);
  const path = geoPath(projection);

  const byCode = new Map(); // code -> { name, rings, originals }
  for (const g of geometries) {
    const code = codeOf(g);
    const k = keptOf.get(g.properties);
    // Rings that collapsed to a line or a point once simplified and rounded are left out.
    const rings = k
      ? projectRings(path, feature(simplified, k))
          .map(cleanRing)
          .filter((r) => r.length >= 3 && ringArea(r) !== 0)
      : [];
    const entry = byCode.get(code) ?? { name: nameOf(code, g), rings: [], originals: [] };
    entry.rings.push(...rings);
    entry.originals.push(g);
    byCode.set(code, entry);
  }

  const rows = [];
  const dropped = [];
  const markers = [];
  let height = 0;
  for (const code of [...byCode.keys()].sort()) {
    const { name, rings, originals } = byCode.get(code);
    const pts = rings.flat();
    let bbox = pts.length
      ? [
          Math.min(...pts.map((p) => p[0])),
          Math.min(...pts.map((p) => p[1])),
          Math.max(...pts.map((p) => p[0])),
          Math.max(...pts.map((p) => p[1])),
        ]
      : null;
    let d;
    const tooSmall = !bbox || bbox[2] - bbox[0] < MIN_SIZE * 10 || bbox[3] - bbox[1] < MIN_SIZE * 10;
    if (tooSmall && interest.has(code)) {
      // Centroid of the full-resolution shape (all parts), projected.
      const whole = { type: 'FeatureCollection', features: originals.map((g) => feature(topology, g)) };
      const [cx, cy] = projection(geoCentroid(whole)).map((v) => Math.round(v * 10));
      const r = MARKER_RADIUS * 10;
      d = markerPath(cx, cy, r);
      bbox = [cx - r, cy - r, cx + r, cy + r];
      markers.push(code);
    } else if (!rings.length) {
      dropped.push(code);
      continue;
    } else {
      d = pathData(rings);
    }
    const box = [Math.floor(bbox[0] / 10), Math.floor(bbox[1] / 10), Math.ceil(bbox[2] / 10), Math.ceil(bbox[3] / 10)];
    height = Math.max(height, box[3]);
    rows.push([code, name, box.join(','), d].join('\t'));
  }
  for (const code of interest) {
    if (!byCode.has(code)) throw new Error(`country of interest ${code} is not in ${SOURCE}`);
  }

  const viewBox = [0, 0, WIDTH, height + PAD];
  return {
    tsv: `iso3\tname\tbbox\tpath\n${rows.join('\n')}\n`,
    viewBox: `${viewBox.join(' ')}\n`,
    dropped,
    markers,
    projection: { scale: projection.scale(), translate: projection.translate() },
    source: `${SOURCE} (world-atlas ${require('world-atlas/package.json').version})`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(root, 'data/map/world.tsv');
  const result = buildMap();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.tsv);
  writeFileSync(join(dirname(out), 'viewbox.txt'), result.viewBox);
  const p = result.projection;
  console.log(`build-map: ${out}: ${Buffer.byteLength(result.tsv)} bytes, viewBox ${result.viewBox.trim()}`);
  console.log(`build-map: source ${result.source}`);
  console.log(
    `build-map: projection geoEqualEarth().rotate([-${CENTRAL_MERIDIAN}, 0]).scale(${p.scale}).translate([${p.translate}])`,
  );
  console.log(`build-map: markers (too small to see): ${result.markers.join(' ') || 'none'}`);
  console.log(`build-map: dropped (smaller than ${MIN_ISLAND_KM2} km²): ${result.dropped.join(' ') || 'none'}`);
}
