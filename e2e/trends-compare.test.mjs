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

test('the trend\'s titles name the span of the data in every language, on the page, the profile, the comparison and the widget', async () => {
  const app = await Explorer.open(env, '?view=trends');
  const page = app.page;
  await page.getByRole('heading', { level: 1, name: 'CSP Index trends, 2019–2024' }).waitFor();
  assert.equal(await page.title(), 'CSP Index trends, 2019–2024 · Torture Index Explorer');
  assert.equal(await page.locator('#csp-lines-svg-title').textContent(), 'CSP Index on Torture: published totals by country, 2019–2024');
  // In other languages: the page's heading and each chart's title, with the data's years filled in.
  const views = [
    ['ru', '?view=trends&lang=ru', '#csp-lines'],
    ['ar', '?view=country&country=KGZ&lang=ar', '#trend-KGZ'],
    ['es', '?view=compare&compare=KGZ,UKR&lang=es', '#compare-csp'],
  ];
  for (const [lang, query, chart] of views) {
    await app.goto(query);
    // Once the language's messages are in: the chart's title no longer the English one.
    await page.waitForFunction((id) => {
      const t = document.querySelector(id)?.textContent ?? '';
      return t !== '' && !t.startsWith('CSP Index on Torture');
    }, `${chart}-svg-title`);
    for (const text of [await page.locator('main h1').first().textContent(), await page.locator(`${chart}-svg-title`).textContent()]) {
      assert.doesNotMatch(text, /[$]|[{]/, `${lang}: ${text}`);
    }
    assert.match(await page.locator(`${chart}-svg-title`).textContent(), /2019–2024/, lang);
    if (lang === 'ru') assert.equal(await page.locator('main h1').first().textContent(), 'Динамика индекса CSP, 2019–2024');
  }
  // The widget's trend of one country, in French.
  await page.goto(`${env.url}/embed/?view=trends&country=KGZ&lang=fr`);
  await page.waitForFunction(() => document.querySelector('#embed-trend-svg-title')?.textContent.includes('Kirghizistan'));
  assert.equal(await page.locator('#embed-trend-svg-title').textContent(), 'Indice de la CSP sur la torture, Kirghizistan, 2019–2024');
  assert.match(await page.locator('h1').textContent(), /^Évolution de l'indice de la CSP, 2019–2024$/);
  // The profile's caption names the country and the span.
  await app.goto('?view=country&country=KGZ');
  assert.equal(await page.locator('#csp-profile-caption').textContent(), 'CSP Index on Torture, Kyrgyzstan, 2019–2024');
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
  // The last row: each country's sources, behind a disclosure, each value named.
  const sources = table.locator('tr.sources-row');
  assert.equal((await sources.locator('th').textContent()).trim(), 'Sources');
  const [kgz, ind, ukr] = await sources.locator('td').allTextContents();
  assert.match(kgz, /Pillar V: /);
  assert.match(kgz, /Total 2019: /);
  assert.match(kgz, /OMCT — Global Torture Index 2025: Kyrgyzstan factsheet/);
  assert.match(kgz, /Civic Solidarity Platform — /);
  assert.match(ind, /Official band: /);
  assert.doesNotMatch(ind, /Total \d{4}/, 'India is not in the CSP Index');
  assert.match(ukr, /Total 2024: /);
  await sources.locator('td').first().locator('summary').click();
  const kgzLinks = sources.locator('td').first().locator('a[href^="https://"]');
  assert.ok(await kgzLinks.count() >= 2);
  assert.ok(await kgzLinks.first().isVisible());
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
