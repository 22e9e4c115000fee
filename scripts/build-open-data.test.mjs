// Checks the open-indicators index folder (data/open-indicators/) against the raw open data it
// is built from: scripts/build-open-data.mjs reproduces the committed files byte for byte, row
// counts, the code mapping (old World Bank and withdrawn ISO codes, Kosovo), and values read
// straight from the raw files. Skips, saying why, when the raw files are not beside the clone.
//
//   node --test scripts/build-open-data.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ISO_3166_3, RAW_FILES, withdrawnToAlpha3 } from './build-open-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rawDir = resolve(root, '..', 'shared', 'data', 'open');
const outDir = join(root, 'data/open-indicators');
const missing = [
  ...Object.values(RAW_FILES).filter((f) => !existsSync(join(rawDir, f))).map((f) => join(rawDir, f)),
  ...(existsSync(ISO_3166_3) ? [] : [`${ISO_3166_3} (Debian package iso-codes)`]),
];
const skip = missing.length ? `raw inputs not found: ${missing.join(', ')}` : false;
if (skip) console.log(`# build-open-data.test: skipped: ${skip}`);

const GZIP_BUDGET = 80_000; // bytes, the whole folder
const read = (name) => readFileSync(join(outDir, name), 'utf8');
const lines = (name) => read(name).trimEnd().split('\n');

// The committed wide values: `iso3,year` -> { indicator: text }.
function committedValues() {
  const [header, ...rows] = lines('values.csv');
  const cols = header.split(',');
  const out = new Map();
  for (const row of rows) {
    const f = row.split(',');
    out.set(`${f[0]},${f[1]}`, Object.fromEntries(cols.map((c, i) => [c, f[i]])));
  }
  return out;
}

// A PTS row from the raw (latin-1) file by World Bank code and year; names may hold quoted
// commas, so the fields are counted from the end: WB, UN, region, A, H, S, three statuses.
function rawPts(wb, year) {
  for (const line of readFileSync(join(rawDir, RAW_FILES.pts), 'latin1').split(/\r?\n/)) {
    const f = line.split(',');
    const [y, , , code, un, , a, h, s] = f.slice(-12);
    if (code === wb && y === String(year)) return { un, a, h, s };
  }
  return null;
}

function rawOwid(file, code, year) {
  const line = readFileSync(join(rawDir, file), 'utf8')
    .split(/\r?\n/)
    .find((l) => l.includes(`,${code},${year},`));
  return line?.split(',').at(-2);
}

function rawTreatyYear(treaty, iso2) {
  const line = readFileSync(join(rawDir, RAW_FILES[treaty]), 'utf8')
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${iso2},`));
  return line.match(/,([01]),(\d{4})?,[01],[01],/).slice(1);
}

test('the converter is deterministic and reproduces the committed files', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'open-data-'));
  try {
    const script = join(root, 'scripts/build-open-data.mjs');
    for (const run of ['a', 'b']) {
      execFileSync(process.execPath, [script, rawDir, join(dir, run)], { stdio: 'pipe' });
    }
    const names = readdirSync(join(dir, 'a')).sort();
    assert.deepEqual(names, readdirSync(outDir).filter((n) => n.endsWith('.csv')).sort());
    for (const name of names) {
      const a = readFileSync(join(dir, 'a', name));
      assert.ok(a.equals(readFileSync(join(dir, 'b', name))), `${name}: two runs differ`);
      assert.ok(a.equals(readFileSync(join(outDir, name))), `data/open-indicators/${name} is stale: run make open-data`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row counts, years and countries', { skip }, () => {
  const values = committedValues();
  assert.equal(lines('values.csv')[0], 'iso3,year,pts_a,pts_h,pts_s,civil_liberties,rule_of_law,cat,opcat,cped');
  assert.equal(values.size, 9090);
  assert.equal(lines('countries.csv').length - 1, 199);
  assert.equal(lines('treaties.csv').length - 1, 3 * 193);
  assert.equal(lines('framework.csv').length - 1, 12);
  const years = [...values.keys()].map((k) => Number(k.split(',')[1]));
  assert.equal(Math.min(...years), 1976);
  assert.equal(Math.max(...years), 2023, 'the last year of the Political Terror Scale');
  assert.match(read('index.csv'), /^periods,1976-2023$/m);
  // Every country of the last year with any value; about 190 expected.
  const last = [...values.keys()].filter((k) => k.endsWith(',2023')).length;
  assert.ok(last >= 185 && last <= 200, `${last} countries in 2023`);
  // Every code is ISO 3166-1 alpha-3 shaped, unique, sorted; no aggregates.
  const codes = lines('countries.csv').slice(1).map((l) => l.split(',')[0]);
  assert.deepEqual(codes, [...new Set(codes)].sort());
  for (const c of codes) assert.match(c, /^[A-Z]{3}$/);
  for (const c of ['OWI', 'WLD', 'EUU']) assert.ok(!codes.includes(c));
  for (const k of values.keys()) assert.ok(codes.includes(k.split(',')[0]), `${k}: unknown country`);
  // Numbers as printed: no float noise.
  for (const v of values.values()) {
    for (const c of ['civil_liberties', 'rule_of_law']) assert.match(v[c], /^(|0|1|0\.\d{1,3})$/, `${v.iso3} ${v.year} ${c}`);
    for (const c of ['pts_a', 'pts_h', 'pts_s']) assert.match(v[c], /^[1-5]?$/);
    for (const c of ['cat', 'opcat', 'cped']) assert.match(v[c], /^[01]?$/);
  }
});

test('codes: old World Bank codes, withdrawn ISO codes and Kosovo', { skip }, () => {
  const values = committedValues();
  // iso3, then the English name (quoted where it holds a comma), then the Russian name.
  const countries = new Map(lines('countries.csv').slice(1).map((l) => [l.slice(0, 3), l.slice(4).match(/^("(?:[^"]|"")*"|[^,]*)/)[1]]));
  for (const [old, iso3, year] of [
    ['ZAR', 'COD', 1980],
    ['ROM', 'ROU', 1985],
    ['TMP', 'TLS', 2010],
    ['ADO', 'AND', 2005],
    ['WBG', 'PSE', 2010],
    ['KSV', 'XKX', 2015],
  ]) {
    const raw = rawPts(old, year);
    assert.ok(raw, `${old} ${year} in the raw PTS`);
    const row = values.get(`${iso3},${year}`);
    assert.ok(row, `${old} -> ${iso3} ${year}`);
    assert.equal(row.pts_s, raw.s === 'NA' ? '' : raw.s, `${old} -> ${iso3} ${year} PTS_S`);
    for (const gone of [old]) assert.ok(!countries.has(gone) || gone === iso3, `${gone} left as is`);
  }
  assert.equal(countries.get('XKX'), 'Kosovo');
  // English names and regions only: every other language's names are in i18n/<lang>/
  // (countries.csv from CLDR, data.csv for the regions), checked by the app's tests.
  const fields = (l) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, 3);
  const rows = lines('countries.csv').slice(1).map(fields);
  assert.equal(lines('countries.csv')[0], 'iso3,name_en,group.region');
  assert.ok(rows.every((f) => f[1] && !/[А-Яа-яЁё]/.test(f.join())), 'a name missing or not English');
  // Regions are the PTS's (World Bank regions), for nearly all.
  const regions = new Set(rows.map((f) => f[2]).filter(Boolean));
  assert.equal(regions.size, 7, [...regions].join('; '));
  assert.ok(rows.filter((f) => f[2]).length >= 190, 'too few countries with a region');
  assert.deepEqual(rows.find((f) => f[0] === 'KGZ').slice(2), ['Europe and Central Asia']);
  assert.match(lines('countries.csv').find((l) => l.startsWith('KGZ,')), /^KGZ,Kyrgyzstan,\S+/);
  // Two maintained sources agree: ISO 3166-3 (iso-codes) maps the withdrawn codes the same way
  // as the PTS's UN numeric codes do (ROM and ADO were never ISO codes: only the numeric route).
  assert.equal(withdrawnToAlpha3('ZAR'), 'COD');
  assert.equal(withdrawnToAlpha3('ROM'), null);
  assert.equal(withdrawnToAlpha3('TMP'), 'TLS');
  assert.equal(withdrawnToAlpha3('TP'), 'TLS');
  // Kosovo from V-Dem (OWID_KOS) lands on the same row as Kosovo from the PTS (KSV).
  assert.equal(values.get('XKX,2015').civil_liberties, rawOwid(RAW_FILES.civil_liberties, 'OWID_KOS', 2015));
  // Historical states are left out, not merged into a successor.
  assert.ok(!countries.has('YUG') && !countries.has('SUN') && !countries.has('CSK'));
});

test('values match the raw files', { skip }, () => {
  const values = committedValues();
  // One value of each PTS series.
  const afg = rawPts('AFG', 2023);
  const row = values.get('AFG,2023');
  assert.deepEqual([row.pts_a, row.pts_h, row.pts_s], [afg.a, afg.h, afg.s].map((v) => (v === 'NA' ? '' : v)));
  assert.ok(afg.a !== 'NA' || afg.h !== 'NA');
  const usa = rawPts('USA', 2010);
  assert.equal(values.get('USA,2010').pts_a, usa.a);
  assert.equal(values.get('USA,2010').pts_s, usa.s === 'NA' ? '' : usa.s);
  const mex = rawPts('MEX', 2020);
  assert.equal(values.get('MEX,2020').pts_h, mex.h);
  // V-Dem, as printed.
  assert.equal(values.get('RUS,2000').civil_liberties, rawOwid(RAW_FILES.civil_liberties, 'RUS', 2000));
  assert.equal(values.get('KGZ,2023').rule_of_law, rawOwid(RAW_FILES.rule_of_law, 'KGZ', 2023));
  // Treaties: party from the year of ratification or accession, 0 before; a gap before the
  // treaty opened for signature; the mid-2022 status carried into 2023.
  const [party, year] = rawTreatyYear('cat', 'AF');
  assert.equal(party, '1');
  assert.equal(values.get(`AFG,${Number(year) - 1}`).cat, '0');
  assert.equal(values.get(`AFG,${year}`).cat, '1');
  assert.equal(values.get('AFG,1984').cat, '', 'CAT opened for signature in 1985');
  const [tlsParty, tlsYear] = rawTreatyYear('cat', 'TP');
  assert.equal(tlsParty, '1');
  assert.equal(values.get(`TLS,${tlsYear}`).cat, '1');
  assert.equal(values.get(`TLS,${Number(tlsYear) - 1}`).cat, '0');
  const [usOpcat] = rawTreatyYear('opcat', 'US');
  assert.equal(usOpcat, '0');
  assert.equal(values.get('USA,2023').opcat, '0');
  const [, mxCped] = rawTreatyYear('cped', 'MX');
  assert.equal(values.get(`MEX,${mxCped}`).cped, '1');
  assert.equal(values.get('MEX,2006').cped, '', 'CPED opened for signature in 2007');
  assert.match(read('treaties.csv'), new RegExp(`^AFG,cat,1,${year},0$`, 'm'));
  // Not a UN member in the treaty files: a gap, never a zero.
  assert.equal(values.get('TWN,2020').cat, '');
});

test(`size: the folder is at most ${GZIP_BUDGET} bytes gzipped`, () => {
  let raw = 0;
  let gz = 0;
  for (const name of readdirSync(outDir)) {
    const b = readFileSync(join(outDir, name));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  assert.ok(gz <= GZIP_BUDGET, `data/open-indicators/ is ${raw} bytes, ${gz} gzipped`);
});
