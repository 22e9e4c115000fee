// Checks the generated world map (data/map/world.tsv, viewbox.txt) that the app fetches: format,
// countries of interest present and visible, valid SVG path data, size budget, and that
// scripts/build-map.mjs reproduces the committed files byte for byte.
//
//   node --test scripts/build-map.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsvFile = join(root, 'data/map/world.tsv');
const tsv = readFileSync(tsvFile);
const text = tsv.toString('utf8');
const lines = text.split('\n');
const rows = lines.slice(1, -1).map((line) => line.split('\t'));
const byCode = new Map(rows.map((r) => [r[0], r]));
const viewBox = readFileSync(join(root, 'data/map/viewbox.txt'), 'utf8').trim().split(' ').map(Number);
const [, , vbWidth, vbHeight] = viewBox;

const GZIP_BUDGET = 90_000; // bytes
const MIN_SIZE = 1.5; // px, in view units

// The countries the app has data for: the list from the brief, plus whatever the data has now.
const INTEREST = new Set(
  'ARG ARM BHR BLR CMR COD COL ESP ETH HND HUN IND ITA KAZ KGZ LBY MDA MEX MYS PHL POL RUS SLV TGO TJK TUN TUR UKR'.split(' '),
);
for (const file of ['data/gti-2025/countries.csv', 'data/csp/countries.csv']) {
  for (const line of readFileSync(join(root, file), 'utf8').split(/\r?\n/).slice(1)) {
    if (line.trim()) INTEREST.add(line.split(',')[0].trim());
  }
}

// Parses the path subset the generator writes (m, l, a, z, absolute or relative; implicit
// repeated pairs) and returns its extent, or throws on anything malformed.
function pathExtent(d) {
  const token = /\s*,?\s*([MmLlAaZz]|-?(?:\d+\.?\d*|\.\d+))/y;
  const tokens = [];
  let m;
  while (token.lastIndex < d.length && (m = token.exec(d))) tokens.push(m[1]);
  if (token.lastIndex !== d.length) throw new Error(`unparsable at ${token.lastIndex}: ${d.slice(token.lastIndex, token.lastIndex + 20)}`);
  let i = 0;
  let cmd = null;
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const see = (px, py) => {
    box[0] = Math.min(box[0], px);
    box[1] = Math.min(box[1], py);
    box[2] = Math.max(box[2], px);
    box[3] = Math.max(box[3], py);
  };
  const number = () => {
    const t = tokens[i++];
    if (t === undefined || /[A-Za-z]/.test(t)) throw new Error(`${cmd}: number expected, got ${t}`);
    return Number(t);
  };
  let first = true;
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i])) cmd = tokens[i++];
    else if (!cmd || cmd === 'z' || cmd === 'Z') throw new Error(`number without command at token ${i}`);
    const rel = cmd === cmd.toLowerCase() && !(first && cmd === 'm');
    switch (cmd.toLowerCase()) {
      case 'm':
      case 'l': {
        const nx = number();
        const ny = number();
        [x, y] = rel ? [x + nx, y + ny] : [nx, ny];
        if (cmd.toLowerCase() === 'm') {
          [sx, sy] = [x, y];
          cmd = rel || cmd === 'm' ? 'l' : 'L'; // further pairs are line-tos
        }
        see(x, y);
        break;
      }
      case 'a': {
        const [rx, ry, , large, sweep, nx, ny] = [number(), number(), number(), number(), number(), number(), number()];
        assert.ok(rx > 0 && ry > 0 && [0, 1].includes(large) && [0, 1].includes(sweep), 'arc parameters');
        const [ex, ey] = rel ? [x + nx, y + ny] : [nx, ny];
        // The generator only writes half circles: centre halfway, radius rx.
        const [cx, cy] = [(x + ex) / 2, (y + ey) / 2];
        see(cx - rx, cy - ry);
        see(cx + rx, cy + ry);
        [x, y] = [ex, ey];
        break;
      }
      case 'z':
        [x, y] = [sx, sy];
        break;
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
    first = false;
  }
  return box;
}

test('viewbox.txt is "0 0 1000 H"', () => {
  assert.equal(viewBox.length, 4);
  assert.deepEqual(viewBox.slice(0, 3), [0, 0, 1000]);
  assert.ok(Number.isInteger(vbHeight) && vbHeight > 400 && vbHeight < 520, `height ${vbHeight}`);
});

test('header, one row per country, four fields, newline at the end', () => {
  assert.equal(lines[0], 'iso3\tname\tbbox\tpath');
  assert.equal(lines.at(-1), '', 'file ends with a newline');
  assert.ok(rows.length > 150, `${rows.length} rows`);
  for (const r of rows) assert.equal(r.length, 4, `row ${r[0]} has ${r.length} fields`);
  assert.ok(!text.includes('\r'), 'no carriage returns');
});

test('iso3 codes are unique, sorted and well-formed', () => {
  const codes = rows.map((r) => r[0]);
  assert.equal(new Set(codes).size, codes.length, 'duplicate codes');
  assert.deepEqual(codes, [...codes].sort(), 'rows sorted by code');
  for (const c of codes) assert.match(c, /^(?:[A-Z]{3}|N-\d{3}|X-[A-Z0-9]+)$/);
  for (const r of rows) assert.ok(r[1].trim().length > 0, `${r[0]} has a name`);
  assert.ok(!byCode.has('ATA'), 'Antarctica is removed');
});

test('every country of interest is present, inside the viewBox and visible', () => {
  for (const code of INTEREST) {
    const row = byCode.get(code);
    assert.ok(row, `${code} missing`);
    const [x0, y0, x1, y1] = row[2].split(',').map(Number);
    assert.ok(x1 - x0 >= MIN_SIZE && y1 - y0 >= MIN_SIZE, `${code} bbox ${row[2]} too small`);
    assert.ok(row[3].length > 10, `${code} has a path`);
  }
});

test('bboxes are integers inside the viewBox and match their paths', () => {
  for (const [code, , bbox, d] of rows) {
    assert.match(bbox, /^\d+,\d+,\d+,\d+$/, `${code} bbox`);
    const [x0, y0, x1, y1] = bbox.split(',').map(Number);
    assert.ok(x0 < x1 && y0 < y1, `${code} bbox ${bbox} is empty`);
    assert.ok(x1 <= vbWidth && y1 <= vbHeight, `${code} bbox ${bbox} outside the viewBox`);
    const e = pathExtent(d);
    const eps = 1e-6;
    assert.ok(
      Math.floor(e[0] + eps) === x0 && Math.floor(e[1] + eps) === y0 && Math.ceil(e[2] - eps) === x1 && Math.ceil(e[3] - eps) === y1,
      `${code}: bbox ${bbox} but path spans ${e.map((v) => v.toFixed(1))}`,
    );
  }
});

test('paths are SVG path data: start with a moveto, only path characters', () => {
  for (const [code, , , d] of rows) {
    assert.match(d, /^[Mm]/, `${code} starts with a moveto`);
    assert.match(d, /^[MmLlHhVvCcSsQqTtAaZz0-9.,\- ]+$/, `${code} has only path characters`);
    assert.doesNotThrow(() => pathExtent(d), `${code} parses`);
  }
});

test(`size: gzip at most ${GZIP_BUDGET} bytes`, () => {
  const gz = gzipSync(tsv, { level: 9 }).length;
  assert.ok(gz <= GZIP_BUDGET, `world.tsv is ${tsv.length} bytes, ${gz} gzipped`);
});

test('the generator is deterministic and reproduces the committed files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-map-'));
  try {
    const script = join(root, 'scripts/build-map.mjs');
    for (const run of ['a', 'b']) {
      execFileSync(process.execPath, [script, join(dir, run, 'world.tsv')], { stdio: 'pipe' });
    }
    const a = readFileSync(join(dir, 'a/world.tsv'));
    assert.ok(a.equals(readFileSync(join(dir, 'b/world.tsv'))), 'two runs differ');
    assert.ok(a.equals(tsv), 'data/map/world.tsv is stale: run node scripts/build-map.mjs');
    assert.equal(
      readFileSync(join(dir, 'a/viewbox.txt'), 'utf8'),
      readFileSync(join(root, 'data/map/viewbox.txt'), 'utf8'),
      'data/map/viewbox.txt is stale',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
