// No request leaves 127.0.0.1 and no cookie is set, through a whole visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('a full visit makes requests only to its own host and sets no cookie', async () => {
  const context = await env.browser.newContext();
  const app = await Explorer.open(env, '', { context });
  await app.slider(2).focus();
  await app.page.keyboard.press('End');
  await app.page.getByRole('radio', { name: 'CSP Index on Torture' }).check();
  await app.page.getByLabel('Year').selectOption('2019');
  await app.waitForQuery((p) => p.get('year') === '2019');
  // Open every sources disclosure: links are shown, never fetched.
  for (const d of await app.page.locator('details.sources summary').all()) await d.click();
  await app.page.getByRole('link', { name: 'Methods and sources' }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Methods and sources' }).waitFor();
  await app.page.getByLabel('Language').selectOption('ru');
  await app.page.getByRole('heading', { level: 1, name: 'Методы и источники' }).waitFor();
  // Every other view, in Russian.
  const views = [['Карта', 'map'], ['Динамика CSP', 'trends'], ['Сравнение', 'compare'], ['Два индекса', 'cross'],
    ['Симулятор реформ', 'simulate'], ['Устойчивость', 'robustness']];
  for (const [name, view] of views) {
    await app.page.getByRole('link', { name, exact: true }).click();
    await app.waitForQuery((p) => p.get('view') === view);
    await app.page.locator('main h1').waitFor();
    if (view === 'map') {
      // The map is drawn from the bundled geometry: its shapes are there, and fetched nothing.
      await app.page.locator('#world-map path.country').first().waitFor();
      assert.ok(await app.page.locator('#world-map path.country').count() > 0);
    }
  }
  await app.goto('?view=country&country=KGZ&lang=ru');
  await app.page.locator('#trend-KGZ').waitFor();
  assert.deepEqual(app.foreignRequests(), []);
  assert.ok(app.requests.every((u) => u.startsWith('http://127.0.0.1:')), app.requests.join('\n'));
  assert.deepEqual(await context.cookies(), []);
  const storage = await app.page.evaluate(() => [localStorage.length, sessionStorage.length]);
  assert.deepEqual(storage, [0, 0]);
  // Outbound links never send a referrer.
  const links = await app.page.$$eval('a[href^="http"]', (as) => as.map((a) => a.rel));
  assert.ok(links.length > 20);
  assert.ok(links.every((rel) => rel.includes('noreferrer')));
  assert.deepEqual(app.errors, []);
});

test('the page carries a Content-Security-Policy that allows its own host only', async () => {
  const app = await Explorer.open(env);
  const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /https?:/);
  assert.deepEqual(app.errors, [], 'the loader script is allowed by its hash');
});
