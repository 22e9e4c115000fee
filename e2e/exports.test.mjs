// Sharing and exports: copy link, CSV with its header block (and the custom-weighting label),
// SVG and PNG charts, the view state as JSON out and back in; bad files are refused politely.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8'), bytes: readFileSync(path) };
}

test('CSV export names index, weights, data version, and says when weights are custom', async () => {
  const app = await Explorer.open(env, '?w=10,1,1,1,0,1,1', { contextOptions: { acceptDownloads: true } });
  const { name, text } = await download(app.page, () => app.page.getByTestId('export-csv').click());
  assert.equal(name, 'gti-2025-ranking.csv');
  const lines = text.split('\n');
  assert.match(lines[1], /# OMCT Global Torture Index 2025/);
  assert.match(text, /# Data version [0-9a-f]{8}/);
  assert.match(text, /# Weights: I 10\.0 · II 1\.0 · III 1\.0 · IV 1\.0 · V 0\.0 · VI 1\.0 · VII 1\.0; arithmetic mean; minimum coverage 65 %/);
  assert.match(text, /# Custom weighting: not the official index/);
  const header = lines.findIndex((l) => l.startsWith('rank,'));
  assert.equal(lines[header], 'rank,iso3,country,score,band,official_band,basis,confidence,sources');
  assert.match(text, /\n3,KGZ,Kyrgyzstan,60\.67,Moderate,Considerable,recomputed,primary,https:\/\/www\.omct\.org/);
});

test('charts export as SVG with their caption, and as PNG', async () => {
  const app = await Explorer.open(env, '?view=map&w=1,1,3,1,1,1,1', { contextOptions: { acceptDownloads: true } });
  const svg = await download(app.page, () => app.page.getByTestId('export-svg').click());
  assert.equal(svg.name, 'gti-2025-map.svg');
  assert.match(svg.text, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg.text, /Weights: I 1\.0 · II 1\.0 · III 3\.0/);
  assert.match(svg.text, /Custom weighting: not the official index/);
  const png = await download(app.page, () => app.page.getByTestId('export-png').click());
  assert.equal(png.name, 'gti-2025-map.png');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 10000);
  assert.deepEqual(app.errors, []);
});

test('copy link puts the current address on the clipboard', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const app = await Explorer.open(env, '?index=csp&year=2020', { context });
  await app.page.getByTestId('copy-link').click();
  await app.page.getByTestId('announcement').filter({ hasText: 'Link copied' }).waitFor();
  const copied = await app.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, app.page.url());
});

test('the view state saves as JSON and loads back; a bad file is refused with a message', async () => {
  const app = await Explorer.open(env, '?view=compare&compare=KGZ,RUS&w=2,1,1,1,1,1,1&lang=ru', { contextOptions: { acceptDownloads: true } });
  const saved = await download(app.page, () => app.page.getByTestId('save-state').click());
  const json = JSON.parse(saved.text);
  assert.equal(json.app, 'torture-index-explorer');
  assert.equal(json.version, 1);
  assert.equal(json.query, 'view=compare&w=2,1,1,1,1,1,1&compare=KGZ,RUS&lang=ru');
  const dir = mkdtempSync(join(tmpdir(), 'tie-'));
  const good = join(dir, 'view.json');
  writeFileSync(good, saved.text);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"app": "something else", "version": 1, "query": ""}');
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{not json');

  const other = await Explorer.open(env, '');
  await other.page.getByTestId('load-state').setInputFiles(broken);
  await other.page.getByTestId('announcement').filter({ hasText: 'not JSON' }).waitFor();
  await other.page.getByTestId('load-state').setInputFiles(bad);
  await other.page.getByTestId('announcement').filter({ hasText: 'not a Torture Index Explorer view' }).waitFor();
  assert.equal(other.query(), '', 'nothing changed');
  await other.page.getByTestId('load-state').setInputFiles(good);
  await other.page.locator('#compare-table').waitFor();
  assert.equal(other.query(), '?view=compare&w=2,1,1,1,1,1,1&compare=KGZ,RUS&lang=ru');
  assert.deepEqual(other.errors, []);
});

test('a simulation exports as CSV labelled as a simulation, with its changes', async () => {
  const app = await Explorer.open(env, '?view=simulate&country=KGZ&scenario=KGZ.5.high,KGZ.3.considerable&sname=Reform%20A', {
    contextOptions: { acceptDownloads: true },
  });
  const { name, text } = await download(app.page, () => app.page.getByTestId('export-csv').click());
  assert.equal(name, 'simulation.csv');
  assert.match(text, /^# Torture Index Explorer\n# Simulation: not the official index and not a forecast\n# Scenario name: Reform A\n/);
  assert.match(text, /# Changes: Kyrgyzstan, Pillar V: Very high → High; Kyrgyzstan, Pillar III: High → Considerable\./);
  assert.match(text, /\n5,KGZ,Kyrgyzstan,47\.14,Considerable,Considerable\n/);
});

test('the cross-index CSV names the weights of its GTI scores, whichever index was chosen', async () => {
  const app = await Explorer.open(env, '?view=cross&index=csp&w=2,1,1,1,1,1,1', { contextOptions: { acceptDownloads: true } });
  const { name, text } = await download(app.page, () => app.page.getByTestId('export-csv').click());
  assert.equal(name, 'cross-index-2024.csv');
  assert.match(text, /\n# Weights: I 2\.0 · II 1\.0 · III 1\.0 · IV 1\.0 · V 1\.0 · VI 1\.0 · VII 1\.0; arithmetic mean; minimum coverage 65 %\n/);
  assert.match(text, /\n# Custom weighting: not the official index\n/);
  assert.match(text, /\niso3,country,gti_official_band,explorer_score,explorer_band,csp_year,csp_score,csp_rank\n/);
});

test('CSV fields are escaped: separators quoted, formulas neutralised, negative numbers kept', async () => {
  const sim = await Explorer.open(env, '?view=simulate&country=KGZ&scenario=KGZ.5.high&sname=A%2C%3D1%2B1', {
    contextOptions: { acceptDownloads: true },
  });
  const simulation = await download(sim.page, () => sim.page.getByTestId('export-csv').click());
  // A name from a shared link cannot split into a cell that a spreadsheet would run.
  assert.match(simulation.text, /\n"# Scenario name: A,=1\+1"\n/);
  const csp = await Explorer.open(env, '?index=csp', { contextOptions: { acceptDownloads: true } });
  const table = await download(csp.page, () => csp.page.getByTestId('export-csv').click());
  // Kyrgyzstan's 2024 change is negative: a number, not a formula.
  assert.match(table.text, /\n\d+,KGZ,Kyrgyzstan,[\d.]+,-\d+\.\d\d,/);
});
