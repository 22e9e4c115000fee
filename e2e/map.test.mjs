// The world map: coloured members, hatched unpublished ones, tooltips on hover and focus,
// Enter or click opens the profile, region presets, the table alternative, the legend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('GTI map: band fills, hatched unpublished members, legend naming every band', async () => {
  const app = await Explorer.open(env, '?view=map');
  const kgz = app.page.locator('#world-map path.country[data-iso3="KGZ"]');
  assert.equal(await kgz.getAttribute('fill'), '#ee8a3c');
  assert.equal(await app.page.locator('#world-map path.country[data-iso3="PHL"]').getAttribute('fill'), 'url(#hatch)');
  assert.equal(await app.page.locator('#world-map path.country').count(), 23);
  const legend = await app.page.locator('#world-map').textContent();
  for (const b of ['Very high', 'High', 'Considerable', 'Moderate', 'Low', 'Member, no published band', 'Not named as a member in our sources']) {
    assert.ok(legend.includes(b), b);
  }
  // Each coloured country has an accessible name with its band and source.
  assert.match(await kgz.getAttribute('aria-label'), /Kyrgyzstan; Score \(0–100\): 41\.4; Risk band: Considerable; Official band: Considerable; Sources: OMCT/);
  assert.equal((await app.page.locator('#map-table tbody tr').count()), 23);
});

test('hover and keyboard focus show a tooltip; Enter and click open the profile', async () => {
  const app = await Explorer.open(env, '?view=map');
  await app.page.locator('#world-map path.country[data-iso3="IND"]').hover();
  const tip = app.page.locator('[data-testid="map-tooltip"]');
  await tip.waitFor();
  assert.match(await tip.textContent(), /India.*Score \(0–100\): 32\.9.*Risk band: High.*Official band: High/);
  // Keyboard: focus Kyrgyzstan's shape, then Enter.
  await app.page.locator('#world-map path.country[data-iso3="KGZ"]').focus();
  assert.match(await tip.textContent(), /Kyrgyzstan/);
  await app.page.keyboard.press('Enter');
  await app.page.getByRole('heading', { level: 1, name: 'Kyrgyzstan' }).waitFor();
  assert.equal(new URLSearchParams(app.query()).get('view'), 'country');
  await app.page.goBack();
  await app.page.locator('#world-map').waitFor();
  await app.page.locator('#world-map path.country[data-iso3="TGO"]').click();
  await app.page.getByRole('heading', { level: 1, name: 'Togo' }).waitFor();
});

test('CSP map by year, region presets in the URL', async () => {
  const app = await Explorer.open(env, '?view=map&index=csp&year=2022');
  assert.equal(await app.page.locator('#world-map path.country[data-iso3="BLR"]').getAttribute('fill'), '#b2182b');
  assert.equal(await app.page.locator('#world-map path.country[data-iso3="POL"]').getAttribute('fill'), 'url(#hatch)');
  await app.page.getByLabel('Europe and Central Asia').check();
  await app.waitForQuery((p) => p.get('region') === 'europe');
  assert.match(await app.page.locator('#world-map').getAttribute('viewBox'), /^395 2 300 /);
  await app.page.getByLabel('Americas').check();
  await app.waitForQuery((p) => p.get('region') === 'americas');
  assert.deepEqual(app.errors, []);
});

test('the map geometry is fetched only when a map is shown; if it fails, the table still has the figures', async () => {
  const app = await Explorer.open(env);
  await app.page.locator('#gti-table tbody tr').first().waitFor();
  assert.ok(!app.requests.some((u) => u.endsWith('/map/world.tsv')), 'the ranking fetched the map');
  await app.page.locator('.site-header nav a', { hasText: 'Map' }).click();
  await app.page.locator('#world-map path.country').first().waitFor();
  assert.equal(app.requests.filter((u) => u.endsWith('/map/world.tsv')).length, 1);

  const context = await env.browser.newContext();
  await context.route('**/map/world.tsv', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const broken = await Explorer.open(env, '?view=map', { context });
  await broken.page.getByRole('alert').filter({ hasText: 'The map could not be loaded' }).waitFor();
  assert.equal(await broken.page.locator('#map-table tbody tr').count(), 23);
  assert.equal(await broken.page.locator('#world-map').count(), 0);
});

test('drawn afresh, the page keeps its layout while the map\'s shapes arrive: the frame and the share bar hold their place', async () => {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/world\.tsv$/, async (route) => { await held; await route.continue(); });
  const app = new Explorer(page, env.url);
  await app.goto('?view=map');
  const status = page.locator('.map-status');
  await status.waitFor();
  assert.match(await status.textContent(), /Loading the map/);
  // The share bar is there but unseen, out of the keyboard's reach, until the map is.
  assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0);
  const table = page.locator('details.data-table');
  const before = await table.boundingBox();
  release();
  await page.locator('#world-map path.country').first().waitFor();
  assert.equal(await status.count(), 0);
  await page.getByRole('button', { name: 'Copy link' }).waitFor();
  assert.deepEqual(await table.boundingBox(), before);
  assert.equal(await page.evaluate(() => window.shifts), 0);
  assert.deepEqual(app.errors, []);
  await context.close();
});
