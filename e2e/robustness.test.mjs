// Robustness of the ranking: the seeded Monte Carlo table (always reproducible from its link),
// its consistency with the exact rank bounds, live recomputation from the weights and the range,
// the aggregation rules, and the sensitivity of a country's score to each weight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer, expectedRanking, MIDPOINT, PILLARS } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const RANKED = 21;

/** Opens a robustness URL and waits for its table. */
async function openRobustness(query, options) {
  const app = await Explorer.open(env, query, options);
  await app.page.locator('#robust-table tbody tr').first().waitFor();
  return app;
}

/** The Monte Carlo table as data: one object per row, in display order. */
async function robustRows(page) {
  const rows = await page.$$eval('#robust-table tbody tr', (trs) =>
    trs.map((tr) => ({
      iso3: tr.dataset.iso3,
      rank: tr.children[1].textContent.trim(),
      median: tr.querySelector('[data-testid="median"]').textContent.trim(),
      interval: tr.querySelector('[data-testid="interval"]').textContent.trim(),
      bounds: tr.querySelector('[data-testid="bounds"]').textContent.trim(),
      probabilities: [...tr.children].slice(5).map((td) => td.textContent.trim()),
    })),
  );
  return rows.map((r) => {
    const range = (text) => {
      const m = text.match(/^(\d+)–(\d+)$/); // en dash
      assert.ok(m, `a rank range: ${JSON.stringify(text)}`);
      return [Number(m[1]), Number(m[2])];
    };
    const [p5, p95] = range(r.interval);
    const [best, worst] = range(r.bounds);
    const probabilities = r.probabilities.map((p) => {
      const m = p.match(/^(\d+) %$/);
      assert.ok(m, `a percentage: ${JSON.stringify(p)}`);
      return Number(m[1]);
    });
    return { ...r, rank: Number(r.rank), median: Number(r.median), p5, p95, best, worst, probabilities };
  });
}

/** Everything the table says must hold together, row by row. */
function assertConsistent(rows, where) {
  assert.equal(rows.length, RANKED, `${where}: one row per ranked country`);
  for (const r of rows) {
    const at = `${where}, ${r.iso3}: ${JSON.stringify(r)}`;
    assert.ok(r.best >= 1 && r.worst <= RANKED, at);
    assert.ok(r.best <= r.p5, `best ≤ p5 (${at})`);
    assert.ok(r.p5 <= r.median, `p5 ≤ median (${at})`);
    assert.ok(r.median <= r.p95, `median ≤ p95 (${at})`);
    assert.ok(r.p95 <= r.worst, `p95 ≤ worst (${at})`);
    assert.ok(r.best <= r.rank && r.rank <= r.worst, `the current rank is within the bounds (${at})`);
    assert.equal(r.probabilities.length, 5, at);
    const sum = r.probabilities.reduce((a, b) => a + b, 0);
    // Five percentages, each rounded to a whole number.
    assert.ok(Math.abs(sum - 100) <= 2.5, `band probabilities sum to 100 % (${sum}; ${at})`);
  }
}

test('the analysis puts its seed in the link and shows one row per ranked country', async () => {
  const app = await Explorer.open(env, '?view=robustness');
  await app.waitForQuery((p) => p.get('seed') === '2025');
  const page = app.page;
  assert.equal(await page.getByLabel('Seed (for reproducible draws)').inputValue(), '2025');
  const rows = await robustRows(page);
  assert.equal(rows.length, RANKED);
  assert.deepEqual(
    rows.map((r) => [r.iso3, r.rank]),
    expectedRanking([1, 1, 1, 1, 1, 1, 1]).map((r) => [r.iso3, r.rank]),
  );
  assert.match(await page.getByTestId('mc-timing').innerText(), /^10,000 draws computed in your browser in [\d,.]+ ms\.$/);
  assert.match(await page.locator('#robust-table caption').innerText(), /weights ±50 % \(10,000 draws, seed 2025\)/);
  assert.deepEqual(app.errors, []);
});

test('the same link gives the same table in two browsers', async () => {
  const query = '?view=robustness&seed=7&spread=30&draws=1000';
  const one = await openRobustness(query);
  const two = await openRobustness(query, { context: await env.browser.newContext() });
  const tableOne = await one.page.locator('#robust-table').innerText();
  const tableTwo = await two.page.locator('#robust-table').innerText();
  assert.equal(tableOne, tableTwo);
  for (const app of [one, two]) {
    const params = new URLSearchParams(app.query());
    assert.deepEqual([params.get('seed'), params.get('spread'), params.get('draws')], ['7', '30', '1000']);
    assert.match(await app.page.getByTestId('mc-timing').innerText(), /^1,000 draws/);
  }
  // The comparison means something: Kyrgyzstan's band really does vary between draws.
  const kgz = (await robustRows(one.page)).find((r) => r.iso3 === 'KGZ');
  assert.ok(kgz.probabilities.filter((p) => p > 0).length >= 2, JSON.stringify(kgz));
  assert.match(tableOne, /seed 7\)/);
});

test('a seed typed in the Seed field goes in the link; the table stays valid', async () => {
  const app = await openRobustness('?view=robustness&seed=7&spread=30&draws=1000');
  const page = app.page;
  const seed = page.getByLabel('Seed (for reproducible draws)');
  await seed.fill('12345');
  await seed.press('Enter');
  await app.waitForQuery((p) => p.get('seed') === '12345');
  await page.locator('#robust-table caption', { hasText: 'seed 12345' }).waitFor();
  assertConsistent(await robustRows(page), 'seed 12345');

  // Leaving the field (blur) also applies it.
  await seed.fill('99');
  await page.keyboard.press('Tab');
  await app.waitForQuery((p) => p.get('seed') === '99');
  await page.locator('#robust-table caption', { hasText: 'seed 99' }).waitFor();
  assertConsistent(await robustRows(page), 'seed 99');
  assert.deepEqual(app.errors, []);
});

test('"New seed" picks another seed, and its link reproduces the table', async () => {
  const app = await openRobustness('?view=robustness&seed=7&spread=30&draws=1000');
  const page = app.page;
  await page.getByRole('button', { name: 'New seed' }).click();
  await app.waitForQuery((p) => p.has('seed') && p.get('seed') !== '7');
  const seed = new URLSearchParams(app.query()).get('seed');
  assert.match(seed, /^\d+$/);
  assert.equal(await page.getByLabel('Seed (for reproducible draws)').inputValue(), seed);
  await page.locator('#robust-table caption', { hasText: `seed ${seed})` }).waitFor();
  const rows = await robustRows(page);
  assertConsistent(rows, `seed ${seed}`);
  const again = await openRobustness(app.query(), { context: await env.browser.newContext() });
  assert.equal(await again.page.locator('#robust-table').innerText(), await page.locator('#robust-table').innerText());
});

test('Monte Carlo ranks lie within the exact bounds, and band probabilities sum to 100 %', async () => {
  const queries = [
    '?view=robustness',
    '?view=robustness&seed=11&spread=100&draws=1000',
    '?view=robustness&w=10,1,1,1,0,1,1&spread=80&seed=3&draws=1000',
    '?view=robustness&w=1,1,3,1,1,1,1&agg=geometric&spread=60&seed=5&draws=1000',
  ];
  for (const query of queries) {
    const app = await openRobustness(query);
    const rows = await robustRows(app.page);
    assertConsistent(rows, query);
    assert.deepEqual(app.errors, [], query);
  }
  // At the default range, Honduras can tie with the eight countries fixed at 30, never better.
  const app = await openRobustness('?view=robustness');
  const hnd = (await robustRows(app.page)).find((r) => r.iso3 === 'HND');
  assert.deepEqual([hnd.best, hnd.worst], [7, 15]);
});

test('moving a weight slider updates the link and recomputes the table', async () => {
  const app = await openRobustness('?view=robustness&seed=2025');
  const page = app.page;
  const before = await page.locator('#robust-table tbody').innerText();
  await app.slider(1).focus();
  await page.keyboard.press('End');
  await app.waitForQuery((p) => p.get('w') === '10,1,1,1,1,1,1');
  await page.locator('#robust-table caption', { hasText: 'seed 2025' }).waitFor();
  await page.waitForFunction((old) => document.querySelector('#robust-table tbody').innerText !== old, before);
  const rows = await robustRows(page);
  assert.deepEqual(
    rows.map((r) => [r.iso3, r.rank]),
    expectedRanking([10, 1, 1, 1, 1, 1, 1]).map((r) => [r.iso3, r.rank]),
  );
  assert.equal(rows.find((r) => r.iso3 === 'KGZ').rank, 3, 'political commitment lifts Kyrgyzstan');
  assertConsistent(rows, 'w=10,1,1,1,1,1,1');
  assert.equal(new URLSearchParams(app.query()).get('seed'), '2025', 'the seed is kept');
});

test('a step after a quiet moment is answered at once; a dragged slider holds the results, marked busy, until it rests', async () => {
  const app = await openRobustness('?view=robustness&seed=7&spread=30&draws=1000');
  const page = app.page;
  const held = await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    const slider = document.getElementById('weight-1');
    const results = document.querySelector('.results');
    const table = () => document.querySelector('#robust-table tbody').innerText;
    const input = (value) => {
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const start = table();
    // One step: the table is recomputed in the same render, nothing is held.
    let before = performance.now();
    input(10);
    await frame();
    const step = { busy: results.getAttribute('aria-busy'), changed: table() !== start };
    const afterStep = table();
    // A drag: an input every frame. The results stay those shown before each input, marked
    // busy. (Each input is timed from the one before: on a machine so loaded that a frame
    // outlasts the 150 ms of rest, the results may rightly follow; those inputs are not held.)
    const drag = [];
    let shown = afterStep;
    for (let i = 0; i < 12; i++) {
      const now = performance.now();
      input(9 - (i % 9) * 0.5);
      await frame();
      const gap = now - before;
      drag.push({ gap, busy: results.getAttribute('aria-busy'), same: table() === shown });
      before = now;
      shown = table();
    }
    return { step, drag, last: slider.value };
  });
  assert.deepEqual(held.step, { busy: 'false', changed: true }, 'a single step recomputes at once');
  const quick = held.drag.filter((d) => d.gap < 100);
  assert.ok(quick.length >= 6, `inputs less than 100 ms apart: ${JSON.stringify(held.drag)}`);
  assert.ok(quick.every((d) => d.busy === 'true' && d.same), JSON.stringify(held.drag));
  // Once the slider rests the results follow: the table the final weights' link gives.
  await page.locator('.results[aria-busy="false"]').waitFor();
  const weight = Number(held.last).toString();
  await app.waitForQuery((p) => p.get('w') === `${weight},1,1,1,1,1,1`);
  const settled = await page.locator('#robust-table').innerText();
  const fresh = await openRobustness(app.query(), { context: await env.browser.newContext() });
  assert.equal(settled, await fresh.page.locator('#robust-table').innerText());
  assertConsistent(await robustRows(page), `w=${weight},1,1,1,1,1,1`);
  assert.equal(await page.locator('#agg-table').locator('xpath=ancestor::section').getAttribute('aria-busy'), 'false');
  assert.deepEqual(app.errors, []);
});

test('a zero weight range collapses every interval and bound to the current rank', async () => {
  const app = await openRobustness('?view=robustness&seed=2025');
  const page = app.page;
  const hnd = (await robustRows(page)).find((r) => r.iso3 === 'HND');
  assert.notEqual(hnd.best, hnd.worst, 'at ±50 % Honduras has a range of ranks');
  await page.locator('#mc-spread').focus();
  await page.keyboard.press('Home');
  await app.waitForQuery((p) => p.get('spread') === '0');
  assert.match(await page.locator('output[for="mc-spread"]').innerText(), /± 0 %/);
  await page.locator('#robust-table caption', { hasText: 'weights ±0 %' }).waitFor();
  const rows = await robustRows(page);
  assert.equal(rows.length, RANKED);
  for (const r of rows) {
    assert.deepEqual([r.median, r.p5, r.p95, r.best, r.worst], Array(5).fill(r.rank), JSON.stringify(r));
    assert.deepEqual(r.probabilities.filter((p) => p !== 0), [100], `one band for sure: ${JSON.stringify(r)}`);
  }
});

test('the weakest-pillar rule goes in the link, is labelled custom, and drops Kyrgyzstan to 14', async () => {
  const app = await openRobustness('?view=robustness&seed=2025');
  const page = app.page;
  const select = page.getByLabel('Aggregation', { exact: true });
  await select.selectOption({ label: 'weakest pillar' });
  await app.waitForQuery((p) => p.get('agg') === 'minimum');
  const custom = page.getByTestId('custom-badge');
  await custom.waitFor();
  assert.equal((await custom.innerText()).trim(), 'Custom weighting: not the official index');
  assert.ok(await custom.isVisible());
  const kgz = page.locator('#agg-table tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Kyrgyzstan' }) });
  assert.equal(await kgz.count(), 1);
  const cells = (await kgz.locator('td').allInnerTexts()).map((t) => t.trim());
  // arithmetic, geometric, weakest pillar: its weakest pillar (victims' rights) is Very high.
  assert.deepEqual(cells, ['5', '5', '14 (▼9)']);
  assert.match(await page.locator('#agg-table thead').innerText(), /arithmetic mean\s+geometric mean\s+weakest pillar/);
  // The Monte Carlo table follows the rule: Kyrgyzstan is rank 14 whatever the weights.
  const row = (await robustRows(page)).find((r) => r.iso3 === 'KGZ');
  assert.deepEqual([row.rank, row.best, row.worst], [14, 14, 14]);
});

/** Points per unit of weight, computed here: ∂/∂wᵢ of Σwv/Σw at equal weights = (vᵢ − score) / 7. */
function sensitivity(iso3) {
  const values = PILLARS[iso3].map((b) => MIDPOINT[b]);
  const score = values.reduce((a, b) => a + b) / values.length;
  return values.map((v) => (v - score) / values.length);
}

async function tornadoTable(page) {
  const rows = await page.$$eval('#tornado-table tbody tr', (trs) =>
    trs.map((tr) => [tr.children[0].textContent.trim(), tr.children[1].textContent.trim()]),
  );
  return rows.map(([pillar, value]) => ({ pillar, value: Number(value.replace('−', '-')) }));
}

test('sensitivity: victims\' rights pulls Kyrgyzstan down most, political commitment lifts it most', async () => {
  const app = await openRobustness('?view=robustness&seed=2025');
  const page = app.page;
  const section = page.getByRole('region', { name: /^Sensitivity of/ });
  assert.equal((await page.locator('#tornado-title').innerText()).trim(), "Sensitivity of Kyrgyzstan's score to each weight");
  assert.equal(await page.locator('#tornado-table').isVisible(), false, 'the table is behind a disclosure');
  await section.locator('details').filter({ has: page.locator('#tornado-table') }).locator('summary').click();
  await page.locator('#tornado-table').waitFor({ state: 'visible' });
  const rows = await tornadoTable(page);
  assert.equal(rows.length, 7);
  const lowest = rows.reduce((a, b) => (b.value < a.value ? b : a));
  const highest = rows.reduce((a, b) => (b.value > a.value ? b : a));
  assert.equal(lowest.pillar, "V. Victims' rights");
  assert.ok(lowest.value < 0);
  assert.equal(highest.pillar, 'I. Political commitment');
  assert.ok(highest.value > 0);
  const expected = sensitivity('KGZ');
  for (const r of rows) {
    const index = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'].indexOf(r.pillar.split('.')[0]);
    assert.equal(r.value.toFixed(3), expected[index].toFixed(3), r.pillar);
  }
});

test('sensitivity: the country chips switch the chart to India and Honduras', async () => {
  const app = await openRobustness('?view=robustness&seed=2025');
  const page = app.page;
  const section = page.getByRole('region', { name: /^Sensitivity of/ });
  for (const [name, iso3] of [['India', 'IND'], ['Honduras', 'HND']]) {
    await section.getByRole('link', { name, exact: true }).click();
    await app.waitForQuery((p) => p.get('country') === iso3);
    await page.locator('#tornado-title', { hasText: `Sensitivity of ${name}'s score to each weight` }).waitFor();
    assert.equal(await section.locator('a[aria-current="page"]').innerText(), name);
    assert.equal(new URLSearchParams(app.query()).get('seed'), '2025');
    assert.match(await page.locator('#tornado-table caption').textContent(), new RegExp(`Sensitivity of ${name}'s score`));
    const rows = await tornadoTable(page);
    assert.equal(rows.length, 7);
    const top = Math.max(...rows.map((r) => Math.abs(r.value)));
    assert.equal(top.toFixed(3), Math.max(...sensitivity(iso3).map(Math.abs)).toFixed(3));
  }
  // Political commitment is the top positive effect for Honduras too (50 against an average of 24.3).
  const [first] = await tornadoTable(page);
  assert.deepEqual(first, { pillar: 'I. Political commitment', value: 3.673 });
});

test('axe: no violations on the robustness view', async () => {
  const app = await openRobustness('?view=robustness');
  await app.waitForQuery((p) => p.has('seed'));
  assert.equal((await robustRows(app.page)).length, RANKED);
  assert.deepEqual(await app.axe(), []);
});

test('axe: no violations on the robustness view in Russian', async () => {
  const app = await openRobustness('?view=robustness&lang=ru');
  await app.waitForQuery((p) => p.has('seed'));
  assert.equal(await app.page.locator('html').getAttribute('lang'), 'ru');
  assert.match(await app.page.getByTestId('mc-timing').innerText(), /^10\s000 выборок/);
  assert.deepEqual(await app.axe(), []);
});
