// Build-time converter for the explorer's own index, "Open indicators of torture risk": turns
// the raw open data (Political Terror Scale, V-Dem via Our World in Data, UN treaty status) into
// the compact index folder data/open-indicators/ that the engine's generic definition loader
// reads. Runs offline; output is deterministic (sorted rows, values as printed in the sources).
//
//   node scripts/build-open-data.mjs [RAW_DIR] [OUT_DIR]
//
// RAW_DIR defaults to $OPEN_DATA_DIR, else ../shared/data/open/ beside the repository;
// OUT_DIR defaults to data/open-indicators/. See data/README.md ("Open indicators of torture
// risk") for the sources, licences, codes, goalposts and weights.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iso from 'i18n-iso-countries';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const RAW_FILES = {
  pts: 'pts-2024.csv',
  civil_liberties: 'owid-vdem-human-rights-index.csv',
  rule_of_law: 'owid-vdem-rule-of-law-index.csv',
  cat: 'un-treaties-hr_status_cat.csv',
  opcat: 'un-treaties-hr_status_opcat.csv',
  cped: 'un-treaties-hr_status_cped.csv',
};

// The first year of the index is the first year of the Political Terror Scale; the last is the
// last year the PTS codes (read from the file), so that every year can have every pillar.
const FIRST_YEAR = 1976;

// Kosovo has no ISO 3166-1 code. PTS writes KSV and Our World in Data OWID_KOS; both become
// the user-assigned XKX that the EU, the IMF and the explorer's own map (scripts/build-map.mjs)
// use, so that Kosovo is scored and drawn rather than silently dropped.
const KOSOVO = 'XKX';
const KOSOVO_CODES = new Set(['KSV', 'OWID_KOS']);

// PTS series: column, indicator code.
const PTS_SERIES = [
  ['PTS_A', 'pts_a'],
  ['PTS_H', 'pts_h'],
  ['PTS_S', 'pts_s'],
];

// Treaties: indicator code, the year it opened for signature (before it, no state could be a
// party: the indicator does not exist and the value is a gap, not a zero).
const TREATIES = [
  ['cat', 1985], // Convention against Torture: adopted 10 Dec 1984, opened 4 Feb 1985
  ['opcat', 2003], // Optional Protocol (OPCAT): adopted 18 Dec 2002, opened 4 Feb 2003
  ['cped', 2007], // Convention on Enforced Disappearance: adopted 20 Dec 2006, opened 6 Feb 2007
];
// The treaty files give the status as of this date (upstream commit of 2022-08-25).
export const TREATY_STATUS_DATE = '2022-08-25';

// Source ids cited by each indicator (defined, with licence and citation, in data/sources.csv).
const SOURCE = {
  pts: 'pts-2024',
  vdem: 'vdem-owid',
  treaties: 'untc-2022',
};

// The framework: indicators (level 1) under three pillars (level 2) under the index.
// Goalposts are fixed, on each indicator's raw scale: the ends of the scale itself.
const INDEX_CODE = 'open';
const FRAMEWORK = [
  // code, level, parent, weight, direction, unit, goal_lower, goal_upper, name_en (the translations are in i18n/<lang>/data.csv)
  ['pts_a', 1, 'violence', 1, -1, 'PTS level (1 best - 5 worst)', 1, 5,
    'Political Terror Scale: Amnesty International reports'],
  ['pts_h', 1, 'violence', 1, -1, 'PTS level (1 best - 5 worst)', 1, 5,
    'Political Terror Scale: Human Rights Watch reports'],
  ['pts_s', 1, 'violence', 1, -1, 'PTS level (1 best - 5 worst)', 1, 5,
    'Political Terror Scale: US State Department reports'],
  ['civil_liberties', 1, 'rights', 1, 1, 'index (0 worst - 1 best)', 0, 1,
    'Civil liberties (V-Dem Human Rights Index)'],
  ['rule_of_law', 1, 'rights', 1, 1, 'index (0 worst - 1 best)', 0, 1,
    'Rule of law (V-Dem)'],
  ['cat', 1, 'safeguards', 1, 1, 'state party (1 yes - 0 no)', 0, 1,
    'Party to the Convention against Torture (CAT)'],
  ['opcat', 1, 'safeguards', 1, 1, 'state party (1 yes - 0 no)', 0, 1,
    'Party to the Optional Protocol to the CAT (OPCAT)'],
  ['cped', 1, 'safeguards', 1, 1, 'state party (1 yes - 0 no)', 0, 1,
    'Party to the Convention on Enforced Disappearance (CPED)'],
  ['violence', 2, INDEX_CODE, 2, '', '', '', '', 'State violence'],
  ['rights', 2, INDEX_CODE, 2, '', '', '', '', 'Rights and rule of law'],
  ['safeguards', 2, INDEX_CODE, 1, '', '', '', '', 'Legal safeguards'],
  [INDEX_CODE, 3, '', 1, '', '', '', '', 'Open indicators of torture risk'],
];

// The reforms the simulator offers, in an advocate's words: each moves one indicator's raw
// value by a step (kept within its goalposts).
const REFORMS = {
  pts_a: [-1, 'State violence falls one step on the Political Terror Scale (Amnesty International reports)'],
  pts_h: [-1, 'State violence falls one step on the Political Terror Scale (Human Rights Watch reports)'],
  pts_s: [-1, 'State violence falls one step on the Political Terror Scale (US State Department reports)'],
  civil_liberties: [0.1, 'Civil liberties rise by 0.1 on the V-Dem index'],
  rule_of_law: [0.1, 'Rule of law rises by 0.1 on the V-Dem index'],
  cat: [1, 'Ratify the Convention against Torture (CAT)'],
  opcat: [1, 'Ratify the Optional Protocol to the Convention against Torture (OPCAT)'],
  cped: [1, 'Ratify the Convention on Enforced Disappearance (CPED)'],
};

// The PTS's regions (World Bank regions): the units' `group.region`, in English (translated in
// i18n/<lang>/data.csv).
const REGIONS = {
  eap: ['East Asia and Pacific'],
  eca: ['Europe and Central Asia'],
  lac: ['Latin America and the Caribbean'],
  mena: ['Middle East and North Africa'],
  na: ['North America'],
  sa: ['South Asia'],
  ssa: ['Sub-Saharan Africa'],
};
const region = new Map();
const regionYear = new Map();

// The explorer's own five bands (data/bands.csv, scheme `explorer-risk`), so that a band of this
// index is never presented as one of OMCT's.
const BAND_SCHEME = 'explorer-risk';

const sourceOf = (indicator) =>
  indicator.startsWith('pts_') ? SOURCE.pts : TREATIES.some((t) => t[0] === indicator) ? SOURCE.treaties : SOURCE.vdem;

// ---- CSV ----

// RFC 4180: commas, double quotes (doubled inside), CRLF or LF line ends. Fields stay text:
// "NA" is a value here (Namibia's ISO alpha-2), so missing-value markers are left to callers.
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i] ?? ''])));
}

function csvField(v) {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

// ---- Codes ----

/** ISO 3166-1 alpha-3 for a PTS row, or null (with the reason) for an entity with none. */
export function ptsCode(row) {
  const wb = row.WordBank_Code_A;
  const un = row.UN_Code_N;
  if (KOSOVO_CODES.has(wb)) return { code: KOSOVO };
  const valid = /^[A-Z]{3}$/.test(wb) && iso.isValid(wb);
  if (un !== 'NA') {
    // The UN M49 numeric code is ISO 3166-1 numeric: it maps old World Bank codes (ZAR, ROM,
    // TMP, ADO, WBG) onto today's alpha-3 through the package, not through a hand-made table.
    const code = iso.numericToAlpha3(un);
    if (!code) return { code: null, why: `UN code ${un} is not in ISO 3166-1` };
    if (valid && wb !== code) throw new Error(`PTS ${row.Country}: ${wb} but UN code ${un} is ${code}`);
    return { code };
  }
  if (valid) return { code: wb }; // Taiwan: no UN code, a current ISO alpha-3
  return { code: null, why: 'no ISO 3166-1 code (historical state, territory or aggregate)' };
}

/** ISO alpha-3 for an Our World in Data code, or null for aggregates and historical entities. */
export function owidCode(code) {
  if (KOSOVO_CODES.has(code)) return KOSOVO;
  if (!/^[A-Z]{3}$/.test(code)) return null; // empty (regions) or OWID_* (aggregates, old states)
  if (!iso.isValid(code)) throw new Error(`OWID code ${code} is not ISO 3166-1 alpha-3`);
  return code;
}

// Debian's iso-codes (ISO 3166-3, formerly used codes): a withdrawn code's numeric code is
// the numeric code of the country today, which the package maps to its alpha-3. The treaty
// files still write East Timor's withdrawn alpha-2 TP.
export const ISO_3166_3 = join(process.env.ISO_CODES_DIR || '/usr/share/iso-codes/json', 'iso_3166-3.json');
let withdrawn = null;

/** Today's alpha-3 for a withdrawn ISO 3166 alpha-2 or alpha-3 code (ISO 3166-3), or null. */
export function withdrawnToAlpha3(code) {
  if (!withdrawn) {
    if (!existsSync(ISO_3166_3)) throw new Error(`${ISO_3166_3} not found: apt-get install iso-codes (or set ISO_CODES_DIR)`);
    withdrawn = JSON.parse(readFileSync(ISO_3166_3, 'utf8'))['3166-3'];
  }
  const entry = withdrawn.find((e) => e.alpha_2 === code || e.alpha_3 === code);
  return (entry?.numeric && iso.numericToAlpha3(entry.numeric)) || null;
}

/** A country's short name in English or Russian, from the i18n-iso-countries package. */
function nameOf(code, lang = 'en') {
  if (code === KOSOVO) return lang === 'ru' ? 'Косово' : 'Kosovo';
  const name = iso.getName(code, lang);
  if (!name) throw new Error(`no ${lang} name for ${code}`);
  return name;
}

// ---- Build ----

export function defaultRawDir() {
  return process.env.OPEN_DATA_DIR || resolve(root, '..', 'shared', 'data', 'open');
}

export function buildOpenData(rawDir = defaultRawDir()) {
  const read = (file, encoding = 'utf8') => readFileSync(join(rawDir, file), encoding);
  const log = { droppedPts: new Map(), droppedOwid: new Set(), mapped: new Map() };
  // values: iso3 -> indicator -> year -> text
  const values = new Map();
  const put = (code, indicator, year, text) => {
    if (!values.has(code)) values.set(code, new Map());
    const byIndicator = values.get(code);
    if (!byIndicator.has(indicator)) byIndicator.set(indicator, new Map());
    const byYear = byIndicator.get(indicator);
    if (byYear.has(year)) throw new Error(`${code} ${indicator} ${year}: two values`);
    byYear.set(year, text);
  };

  // Political Terror Scale (latin-1).
  const pts = parseCsv(read(RAW_FILES.pts, 'latin1'));
  const lastYear = Math.max(...pts.map((r) => Number(r.Year)));
  for (const r of pts) {
    const year = Number(r.Year);
    // The PTS's region (World Bank regions), from the latest year that names one.
    const regionCode = ptsCode(r).code;
    if (regionCode && REGIONS[r.Region] && year >= (regionYear.get(regionCode) ?? 0)) {
      region.set(regionCode, r.Region);
      regionYear.set(regionCode, year);
    }
    const scored = PTS_SERIES.filter(([col]) => r[col] !== 'NA');
    if (year < FIRST_YEAR || !scored.length) continue;
    const { code, why } = ptsCode(r);
    if (!code) {
      log.droppedPts.set(r.Country, why);
      continue;
    }
    if (code !== r.WordBank_Code_A) log.mapped.set(r.WordBank_Code_A, code);
    for (const [col, indicator] of scored) {
      if (!/^[1-5]$/.test(r[col])) throw new Error(`PTS ${r.Country} ${year} ${col}: ${r[col]}`);
      put(code, indicator, year, r[col]);
    }
  }

  // V-Dem via Our World in Data: Entity, Code, Year, <value>, region.
  for (const indicator of ['civil_liberties', 'rule_of_law']) {
    const rows = parseCsv(read(RAW_FILES[indicator]));
    const column = Object.keys(rows[0])[3];
    for (const r of rows) {
      const year = Number(r.Year);
      if (year < FIRST_YEAR || year > lastYear || r[column] === '') continue;
      const code = owidCode(r.Code);
      if (!code) {
        log.droppedOwid.add(r.Entity);
        continue;
      }
      if (code !== r.Code) log.mapped.set(r.Code, code);
      const x = Number(r[column]);
      if (!(x >= 0 && x <= 1)) throw new Error(`${RAW_FILES[indicator]} ${r.Entity} ${year}: ${r[column]}`);
      put(code, indicator, year, r[column]);
    }
  }

  // A country is observed in a year when the PTS or V-Dem has a value for it: treaty status is
  // recorded only then, so that no score rests on treaty status alone and no state is scored
  // before it existed.
  const observed = (code, year) =>
    [...(values.get(code)?.values() ?? [])].some((byYear) => byYear.has(year));

  // UN treaty status as of mid-2022: party in year Y if ratified or acceded in or before Y.
  const treatyRows = [];
  for (const [treaty, opened] of TREATIES) {
    for (const r of parseCsv(read(RAW_FILES[treaty]))) {
      const code = iso.alpha2ToAlpha3(r.iso2) ?? withdrawnToAlpha3(r.iso2);
      if (code && !iso.alpha2ToAlpha3(r.iso2)) log.mapped.set(r.iso2, code);
      if (!code) throw new Error(`${RAW_FILES[treaty]}: unknown ISO alpha-2 ${r.iso2}`);
      const party = r['state party'] === '1';
      const since = party ? Number(r['year ratification or accession']) : null;
      if (party && !(since >= opened && since <= lastYear + 10)) {
        throw new Error(`${RAW_FILES[treaty]} ${r.iso2}: year ${r['year ratification or accession']}`);
      }
      treatyRows.push([code, treaty, party ? 1 : 0, party ? since : '', r.signatory === '1' ? 1 : 0]);
      for (let year = opened; year <= lastYear; year++) {
        if (observed(code, year)) put(code, treaty, year, party && since <= year ? '1' : '0');
      }
    }
  }
  treatyRows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : TREATIES.findIndex((t) => t[0] === a[1]) - TREATIES.findIndex((t) => t[0] === b[1])));

  const codes = [...values.keys()].sort();
  const indicators = FRAMEWORK.filter((n) => n[1] === 1).map((n) => n[0]);
  // One row per country and year with any value, one column per indicator; empty = missing.
  const valueRows = [];
  for (const code of codes) {
    const byIndicator = values.get(code);
    const years = new Set();
    for (const byYear of byIndicator.values()) for (const y of byYear.keys()) years.add(y);
    for (const year of [...years].sort((a, b) => a - b)) {
      valueRows.push([code, year, ...indicators.map((i) => byIndicator.get(i)?.get(year) ?? '')]);
    }
  }

  const index = [
    ['id', 'open-indicators'],
    ['name.en', 'Open indicators of torture risk'],
    ['short.en', 'Open indicators'],
    ['publisher', "Torture Index Explorer (the explorer's own composite)"],
    ['kind', 'explorer'],
    ['periods', `${FIRST_YEAR}-${lastYear}`],
    ['scale.min', '0'],
    ['scale.max', '100'],
    ['direction', 'higher-is-better'],
    ['bands', BAND_SCHEME],
    // Fixed goalposts (framework.csv, goal_lower/goal_upper); values.csv is wide (a column per
    // indicator; each indicator's sources in framework.csv); the index needs two of its three
    // pillars (coverage.min.3), a pillar one of its indicators (coverage.min).
    ['normalisation', 'goalposts'],
    ['aggregation', 'arithmetic'],
    ['coverage.basis', 'count'],
    ['coverage.min', '0.3'],
    ['coverage.min.3', '0.6'],
    ['fallback', 'none'],
    ['units.file', 'countries.csv'],
    ['units.code', 'iso3'],
    ['values.file', 'values.csv'],
    ['values.layout', 'wide'],
    ['values.unit', 'iso3'],
    ['values.period', 'year'],
    ['framework.sources', 'sources'],
  ];

  const files = {
    'index.csv': csv(['key', 'value'], index),
    'framework.csv': csv(
      ['code', 'level', 'parent', 'weight', 'direction', 'unit', 'goal_lower', 'goal_upper', 'sources', 'name_en',
        'reform_step', 'reform_en'],
      FRAMEWORK.map((n) => [...n.slice(0, 8), n[1] === 1 ? sourceOf(n[0]) : '', ...n.slice(8), ...(REFORMS[n[0]] ?? ['', ''])]),
    ),
    'countries.csv': csv(['iso3', 'name_en', 'group.region'],
      codes.map((c) => [c, nameOf(c), REGIONS[region.get(c)]?.[0] ?? ''])),
    'values.csv': csv(['iso3', 'year', ...indicators], valueRows),
    'treaties.csv': csv(['iso3', 'treaty', 'party', 'year', 'signatory'], treatyRows),
  };
  return {
    files,
    lastYear,
    log,
    package: `i18n-iso-countries ${require('i18n-iso-countries/package.json').version}`,
  };
}

export function writeOpenData(result, outDir) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(result.files)) writeFileSync(join(outDir, name), text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rawDir = resolve(process.argv[2] ?? defaultRawDir());
  const outDir = resolve(process.argv[3] ?? join(root, 'data/open-indicators'));
  if (!existsSync(join(rawDir, RAW_FILES.pts))) {
    console.error(`build-open-data: raw files not found in ${rawDir} (give RAW_DIR or set OPEN_DATA_DIR)`);
    process.exit(1);
  }
  const result = buildOpenData(rawDir);
  writeOpenData(result, outDir);
  const { log } = result;
  console.log(`build-open-data: ${rawDir} -> ${outDir} (${result.package}), years ${FIRST_YEAR}-${result.lastYear}`);
  for (const [name, text] of Object.entries(result.files)) {
    console.log(`build-open-data:   ${name}: ${text.split('\n').length - 2} rows, ${Buffer.byteLength(text)} bytes`);
  }
  console.log(`build-open-data: codes mapped: ${[...log.mapped].map(([a, b]) => `${a}->${b}`).join(' ')}`);
  console.log(`build-open-data: PTS entities left out: ${[...log.droppedPts].map(([n, why]) => `${n} (${why})`).join('; ')}`);
  console.log(`build-open-data: OWID entities left out: ${[...log.droppedOwid].sort().join('; ')}`);
}
