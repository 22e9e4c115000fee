// CSP trends (line and slope charts with tables, gaps as gaps, movers), compare and
// cross-index views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('trends: a line per country, gaps not zeros, slope between chosen years, movers', async () => {
  const app = await Explorer.open(env, '?view=trends');
  const page = app.page;
  assert.equal(await page.locator('#csp-lines g.series').count(), 9);
  // Poland has one value (2020): one dot and a single-point path, no line to zero.
  const pol = page.locator('#csp-lines g.series[data-iso3="POL"]');
  assert.equal(await pol.locator('circle').count(), 1);
  assert.doesNotMatch(await pol.locator('path').getAttribute('d'), /L/);
  await page.getByText('Show the data as a table').click();
  const table = page.locator('#trends-caption').locator('xpath=ancestor::table');
  assert.match(await table.locator('tr', { hasText: 'Tajikistan' }).textContent(), /^Tajikistan(—)+$/);
  await page.getByLabel('From', { exact: true }).selectOption('2021');
  await page.getByLabel('To', { exact: true }).selectOption('2023');
  await app.waitForQuery((p) => p.get('from') === '2021' && p.get('to') === '2023');
  const movers = await page.locator('#movers tbody tr').allTextContents();
  assert.match(movers[0], /^Ukraine.*−53\.55$/);
  assert.match(await page.locator('#csp-slope').textContent(), /Kazakhstan 107\.17/);
});

test('compare: add and remove countries by keyboard, side-by-side table', async () => {
  const app = await Explorer.open(env, '?view=compare');
  const page = app.page;
  assert.match(await page.locator('main').textContent(), /Choose at least two countries/);
  await page.getByLabel('Add a country').selectOption('KGZ');
  await app.waitForQuery((p) => p.get('compare') === 'KGZ');
  await page.getByLabel('Add a country').selectOption('IND');
  await app.waitForQuery((p) => p.get('compare') === 'KGZ,IND');
  await page.getByLabel('Add a country').selectOption('UKR');
  await app.waitForQuery((p) => p.get('compare') === 'KGZ,IND,UKR');
  const table = page.locator('#compare-table');
  assert.match(await table.locator('tr', { hasText: 'I. Political commitment' }).textContent(), /Moderate.*Considerable.*—/);
  assert.match(await table.locator('tr', { hasText: 'CSP Index on Torture 2024' }).textContent(), /64\.49.*—.*80\.77/);
  await page.getByRole('button', { name: 'Remove India' }).focus();
  await page.keyboard.press('Enter');
  await app.waitForQuery((p) => p.get('compare') === 'KGZ,UKR');
  assert.equal(await page.locator('#compare-table thead th').count(), 3);
});

test('cross-index: the countries in both indices, GTI band beside CSP score', async () => {
  const app = await Explorer.open(env, '?view=cross');
  const rows = await app.page.locator('#cross-table tbody tr').evaluateAll((trs) => trs.map((t) => t.dataset.iso3));
  assert.deepEqual(rows, ['BLR', 'KGZ', 'RUS']);
  assert.match(await app.page.locator('#cross-table tr[data-iso3="KGZ"]').textContent(), /Considerable.*41\.4.*64\.49.*5 of 7/);
  await app.page.getByLabel('CSP year').selectOption('2019');
  await app.waitForQuery((p) => p.get('year') === '2019');
  assert.match(await app.page.locator('#cross-table tr[data-iso3="KGZ"]').textContent(), /9\.45/);
  assert.match(await app.page.locator('main').textContent(), /why they can disagree/);
});

test('keyboard only: slope years, the data table, a mover\'s profile, the cross-index year', async () => {
  const app = await Explorer.open(env, '?view=trends');
  const page = app.page;
  await page.locator('#slope-from').focus();
  await page.keyboard.press('ArrowDown');
  await app.waitForQuery((p) => p.get('from') === '2020');
  assert.match(await page.locator('#csp-slope title').textContent(), /from 2020 to 2024/);
  // The line chart's table opens with the keyboard.
  await page.getByText('Show the data as a table').focus();
  await page.keyboard.press('Enter');
  await page.locator('#trends-caption').waitFor();
  // The first mover's name is a link: Enter opens its profile.
  await page.locator('#movers tbody tr th a').first().focus();
  await page.keyboard.press('Enter');
  await app.waitForQuery((p) => p.get('view') === 'country');
  await page.locator('main h1').waitFor();
  await app.goto('?view=cross');
  await page.locator('#cross-year').focus();
  await page.keyboard.press('ArrowDown');
  await app.waitForQuery((p) => p.get('year') === '2023');
  assert.match(await page.locator('#cross-caption').textContent(), /2023/);
  assert.deepEqual(app.errors, []);
});
