#!/usr/bin/env node
// Writes i18n/<lang>/countries.csv (iso3,name) for every language but English, from CLDR's
// country names as the npm package i18n-iso-countries carries them, for every country the
// data names (data/*/countries.csv). English names stay the data's own.
//
// A few names are the explorer's choice, not the package's first (official) form: a short
// name where the official one is a long formula ("Congo (República Democrática del)"), the
// forms the CSP's Russian releases use, and Kosovo, which ISO 3166 does not list. They are in
// OVERRIDES below, each a deliberate, reviewable line.
//
//   node scripts/country-names.mjs          write the files
//   node scripts/country-names.mjs --check  fail if a written file differs (make test)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './build-open-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');

export const LANGS = ['ru', 'es', 'fr', 'ar'];

export const OVERRIDES = {
  ru: { KGZ: 'Кыргызстан', COD: 'ДР Конго', MDA: 'Молдова', RUS: 'Россия', XKX: 'Косово' },
  es: { COD: 'República Democrática del Congo', XKX: 'Kosovo', PRK: 'Corea del Norte', KOR: 'Corea del Sur' },
  fr: { XKX: 'Kosovo', USA: 'États-Unis', SWZ: 'Eswatini', CIV: "Côte d'Ivoire", CZE: 'Tchéquie' },
  ar: { XKX: 'كوسوفو', SWZ: 'إسواتيني' },
};

function codes() {
  const out = new Set();
  for (const f of ['data/gti-2025/countries.csv', 'data/csp/countries.csv', 'data/open-indicators/countries.csv']) {
    for (const row of parseCsv(readFileSync(join(root, f), 'utf8'))) out.add(row.iso3);
  }
  return [...out].sort();
}

const field = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function build() {
  const files = {};
  for (const lang of LANGS) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    const rows = codes().map((iso3) => {
      const name = OVERRIDES[lang][iso3] ?? countries.getName(countries.alpha3ToAlpha2(iso3) ?? '', lang);
      if (!name) throw new Error(`${lang}: no name for ${iso3}`);
      return `${iso3},${field(name)}`;
    });
    files[lang] = `iso3,name\n${rows.join('\n')}\n`;
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = [];
  for (const [lang, text] of Object.entries(build())) {
    const path = join(root, 'i18n', lang, 'countries.csv');
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(path);
    } else writeFileSync(path, text);
  }
  if (stale.length) {
    console.error(`out of date (run node scripts/country-names.mjs): ${stale.join(', ')}`);
    process.exit(1);
  }
}
