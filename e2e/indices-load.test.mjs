// Both indices load: the GTI ranking at official weights, then the CSP Index by year.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer, expectedRanking } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('GTI 2025 loads ranked at the official weights, matching the published bands', async () => {
  const app = await Explorer.open(env);
  assert.match(await app.caption(), /official \(equal\) weights/);
  assert.equal(await app.page.locator('h1').textContent(), 'OMCT Global Torture Index 2025');
  const rows = await app.rows();
  assert.equal(rows.length, 23);
  const expected = expectedRanking([1, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual(
    rows.filter((r) => r.rank !== '—').map((r) => [r.iso3, Number(r.rank)]),
    expected.map((r) => [r.iso3, r.rank]),
  );
  // At the official weights every recomputed band equals the published one.
  for (const r of rows.filter((r) => r.rank !== '—')) assert.equal(r.band, r.official, r.iso3);
  assert.equal(rows.filter((r) => r.differs).length, 0);
  // Members without a published band are listed, unranked.
  assert.deepEqual(rows.filter((r) => r.rank === '—').map((r) => r.iso3), ['HUN', 'PHL']);
  assert.equal(await app.page.locator('[data-testid="custom-badge"]').count(), 0);
  assert.deepEqual(app.errors, []);
});

test('CSP Index loads by year, with missing values shown as missing', async () => {
  const app = await Explorer.open(env);
  await app.page.getByRole('radio', { name: 'CSP Index on Torture' }).check();
  await app.waitForQuery((p) => p.get('index') === 'csp');
  await app.page.locator('#csp-table').waitFor();
  let rows = await app.rows();
  assert.deepEqual(rows.map((r) => r.iso3), ['KAZ', 'MDA', 'ARM', 'UKR', 'KGZ', 'RUS', 'BLR']);
  assert.match(await app.caption(), /2024/);
  // Kyrgyzstan 2024: the release's words and its table disagree; both are on screen.
  const kgz = app.page.locator('#csp-table tr[data-iso3="KGZ"]');
  assert.match(await kgz.textContent(), /−15\.87/);
  assert.match(await kgz.textContent(), /−11\.29/);

  await app.page.getByLabel('Year').selectOption('2022');
  await app.waitForQuery((p) => p.get('year') === '2022');
  rows = await app.rows();
  assert.equal(rows.length, 9);
  const missing = rows.filter((r) => r.rank === '—').map((r) => r.iso3).sort();
  assert.deepEqual(missing, ['POL', 'TJK']);
  const pol = app.page.locator('#csp-table tr[data-iso3="POL"]');
  assert.match(await pol.textContent(), /not in any source we hold/);
  assert.doesNotMatch(await pol.locator('[data-testid="score"]').textContent(), /\d/);

  await app.page.getByLabel('Year').selectOption('2023');
  await app.waitForQuery((p) => p.get('year') === '2023');
  const kaz = app.page.locator('#csp-table tr[data-iso3="KAZ"]');
  assert.match(await kaz.textContent(), /122\.51/);
  assert.match(await kaz.textContent(), /132\.51/);
  assert.deepEqual(app.errors, []);
});
