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
  const copy = page.locator('#app');
  assert.equal(await copy.isVisible(), true);
  assert.equal(await page.locator('main h1').innerText(), 'OMCT Global Torture Index 2025');
  assert.match(await page.locator('.static-extra .notice').innerText(), /needs? JavaScript/);
  const rows = copy.locator('table.ranking tbody tr');
  assert.ok((await rows.count()) >= 20);
  assert.match(await rows.first().innerText(), /Moderate|Low|Considerable/);
  // What cannot work without JavaScript is not offered.
  assert.equal(await copy.locator('input[type=range]').first().isVisible(), false);
  assert.equal(await copy.getByRole('button').count(), 0);
  // A country's profile, by its link.
  await copy.locator('table.ranking').getByRole('link', { name: 'Kyrgyzstan', exact: true }).click();
  await page.waitForURL(/\/country\/KGZ\/$/);
  assert.equal(await page.locator('main h1').first().innerText(), 'Kyrgyzstan');
  const profile = await page.locator('main').innerText();
  assert.match(profile, /Political commitment/);
  assert.match(profile, /Sources/);
  // The same page in Spanish, then Arabic.
  await page.locator('.static-languages a', { hasText: 'Español' }).click();
  await page.waitForURL(/\/es\/country\/KGZ\/$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.match(await page.locator('main h1').first().innerText(), /Kirguistán/);
  assert.match(await page.locator('.static-extra .notice').first().innerText(), /JavaScript/);
  await page.locator('.static-languages a', { hasText: 'العربية' }).click();
  await page.waitForURL(/\/ar\/country\/KGZ\/$/);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  // Methods and the CSP Index, from the header's links.
  await page.goto(`${env.url}/methods/`);
  assert.equal(await page.locator('main h1').first().innerText(), 'Methods and sources');
  await page.goto(`${env.url}/csp/`);
  assert.ok((await page.locator('main table tbody tr').count()) >= 5);
  await page.goto(`${env.url}/fr/`);
  assert.match(await page.title(), /Explorateur/);
  assert.ok(requests.every((r) => r.startsWith(env.url)));
  await context.close();
});

/** A page whose app is held back until `release()`: what a visitor sees while it loads. */
async function heldBack(options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return { context, page, errors, release };
}

test('with JavaScript, the app takes the pre-rendered page over where it stands: same nodes, no second drawing', async () => {
  for (const [path, heading] of [['/', 'OMCT Global Torture Index 2025'], ['/country/KGZ/', 'Kyrgyzstan'], ['/es/country/KGZ/', 'Kirguistán'], ['/ar/csp/', null], ['/methods/', 'Methods and sources']]) {
    const { context, page, errors, release } = await heldBack();
    await page.goto(`${env.url}${path}`, { waitUntil: 'domcontentloaded' });
    // Before the app: the page is readable, and marked as scripted (its controls shown).
    const h1 = page.locator('main h1').first();
    await h1.waitFor();
    if (heading) assert.match(await h1.innerText(), new RegExp(heading));
    assert.equal(await page.evaluate(() => document.documentElement.className), 'js');
    const before = await h1.innerText();
    await page.evaluate(() => { document.querySelector('main h1').dataset.seen = 'before the app'; });
    release();
    await page.locator('html.tie-live').waitFor({ state: 'attached' });
    // The same element, adopted by the app, showing the same heading.
    assert.equal(await h1.getAttribute('data-seen'), 'before the app', path);
    assert.equal(await h1.innerText(), before);
    assert.deepEqual(errors, [], path);
    await context.close();
  }
  // Taken over, it works: a weight moves the ranking, the language menu changes the language.
  const { context, page, errors, release } = await heldBack();
  await page.goto(`${env.url}/`, { waitUntil: 'domcontentloaded' });
  release();
  await page.locator('html.tie-live').waitFor({ state: 'attached' });
  const first = () => page.locator('table.ranking tbody tr').first().innerText();
  const top = await first();
  const slider = page.locator('.weights input[type=range]').first();
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('End');
  await page.waitForFunction(() => new URLSearchParams(location.search).has('w'));
  await page.locator('#lang-select').selectOption('fr');
  await page.waitForFunction(() => /Indice mondial/.test(document.querySelector('main h1').textContent));
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.ok(top.length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with JavaScript, an address or a browser language that asks for another view never shows the copy first', async () => {
  for (const [path, locale, expect] of [['/?view=map', 'en-US', 'svg.map'], ['/', 'es-ES', null], ['/country/KGZ/?lang=fr', 'en-US', null]]) {
    const { context, page, errors, release } = await heldBack({ locale });
    await page.goto(`${env.url}${path}`, { waitUntil: 'domcontentloaded' });
    await page.locator('main h1').first().waitFor({ state: 'attached' });
    // The copy of another view is there, unseen, while the app loads.
    assert.equal(await page.locator('main h1').first().isVisible(), false, path);
    release();
    await page.locator('html.tie-live').waitFor({ state: 'attached' });
    await page.locator('main h1').first().waitFor();
    if (expect) await page.locator(expect).waitFor();
    if (locale === 'es-ES') assert.equal(await page.getAttribute('html', 'lang'), 'es');
    if (path.includes('lang=fr')) assert.match(await page.locator('main h1').first().innerText(), /Kirghizistan/);
    assert.equal(await page.locator('main').count(), 1);
    assert.deepEqual(errors, [], path);
    await context.close();
  }
});

test('JavaScript without WebAssembly (Tor Browser\'s safer level), or an app that cannot load: the page reads as it does without JavaScript', async () => {
  for (const [path, block] of [['/', false], ['/?view=simulate', false], ['/country/KGZ/', true]]) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    if (block) await page.route(/_bg\.wasm$/, (route) => route.abort());
    else await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(`${env.url}${path}`);
    const h1 = page.locator('main h1').first();
    await h1.waitFor();
    if (block) await page.waitForFunction(() => !document.documentElement.classList.contains('js'));
    assert.equal(await h1.isVisible(), true, path);
    // What cannot work is not offered.
    assert.equal(await page.locator('.weights input[type=range]').first().isVisible().catch(() => false), false, path);
    assert.equal(await page.locator('main').getByRole('button').count(), 0, path);
    await context.close();
  }
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
  assert.equal(await page.locator('main').count(), 1);
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
