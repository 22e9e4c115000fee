// The pre-rendered pages: without JavaScript (Tor Browser's safest level), the GTI and CSP
// rankings, every country's profile and the Methods page are complete and readable, linked to
// each other and to the other languages, and say what needs JavaScript; with JavaScript, the
// same address opens the app on the same view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('without JavaScript: rankings, a profile, the CSP Index and Methods, linked, in every language', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${env.url}/`);
  const copy = page.locator('.static-copy');
  assert.equal(await copy.isVisible(), true);
  assert.equal(await page.locator('.static-copy [role=main] h1').innerText(), 'OMCT Global Torture Index 2025');
  assert.match(await copy.locator('.notice').first().innerText(), /needs? JavaScript/);
  const rows = copy.locator('table.ranking tbody tr');
  assert.ok((await rows.count()) >= 20);
  assert.match(await rows.first().innerText(), /Moderate|Low|Considerable/);
  // What cannot work without JavaScript is not offered.
  assert.equal(await copy.locator('input[type=range]').first().isVisible(), false);
  assert.equal(await copy.getByRole('button').count(), 0);
  // A country's profile, by its link.
  await copy.locator('table.ranking').getByRole('link', { name: 'Kyrgyzstan', exact: true }).click();
  await page.waitForURL(/\/country\/KGZ\/$/);
  assert.equal(await page.locator('.static-copy [role=main] h1').first().innerText(), 'Kyrgyzstan');
  const profile = await page.locator('.static-copy [role=main]').innerText();
  assert.match(profile, /Political commitment/);
  assert.match(profile, /Sources/);
  // The same page in Spanish, then Arabic.
  await page.locator('.static-languages a', { hasText: 'Español' }).click();
  await page.waitForURL(/\/es\/country\/KGZ\/$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.match(await page.locator('.static-copy [role=main] h1').first().innerText(), /Kirguistán/);
  assert.match(await page.locator('.static-copy .notice').first().innerText(), /JavaScript/);
  await page.locator('.static-languages a', { hasText: 'العربية' }).click();
  await page.waitForURL(/\/ar\/country\/KGZ\/$/);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  // Methods and the CSP Index, from the header's links.
  await page.goto(`${env.url}/methods/`);
  assert.equal(await page.locator('.static-copy [role=main] h1').first().innerText(), 'Methods and sources');
  await page.goto(`${env.url}/csp/`);
  assert.ok((await page.locator('.static-copy table tbody tr').count()) >= 5);
  await page.goto(`${env.url}/fr/`);
  assert.match(await page.title(), /Explorateur/);
  assert.ok(requests.every((r) => r.startsWith(env.url)));
  await context.close();
});

test('with JavaScript, a pre-rendered address opens the app on its view, in its language', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.url}/es/country/KGZ/`);
  await page.locator('main h1').first().waitFor();
  assert.match(await page.locator('main h1').first().innerText(), /Kirguistán/);
  assert.equal(await page.locator('#lang-select').inputValue(), 'es');
  assert.equal(await page.locator('.static-copy').count(), 0);
  // The app's own links lead from the site's root.
  await page.getByRole('link', { name: 'Mapa' }).click();
  await page.locator('svg.map').waitFor();
  // The address is written from the site's root: a reload shows the map, not the profile.
  await page.waitForFunction(() => location.pathname === '/' && new URLSearchParams(location.search).get('view') === 'map');
  await page.reload();
  await page.locator('svg.map').waitFor();
  assert.equal(await page.locator('#lang-select').inputValue(), 'es');
  assert.deepEqual(errors, []);
  await context.close();
});
