// Bad input never breaks the app: a garbage URL shows a notice and the default table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('a garbage URL shows a dismissible notice and the default table', async () => {
  const clean = await Explorer.open(env);
  const defaults = await clean.rows();
  const app = await Explorer.open(
    env,
    '?index=zzz&w=NaN,1,,1&view=%%%3Cscript%3E&lang=tlh&year=1899&country=%F0%9F%92%A5&cov=-4&utm_source=x',
  );
  const notice = app.page.locator('[data-testid="url-notice"]');
  await notice.waitFor();
  const text = await notice.textContent();
  for (const param of ['index', 'w', 'view', 'lang', 'year', 'country', 'cov', 'utm_source']) {
    assert.match(text, new RegExp(`“${param}”`), param);
  }
  assert.deepEqual(await app.rows(), defaults);
  // Nothing from the link was rendered as markup: the only scripts are the page's loader, its
  // first-paint script and the service worker's registration.
  assert.equal(await app.page.locator('script:not([type]):not([src="sw-register.js"]), script[type="module"]').count(), 2);
  assert.equal(await app.page.locator('script:not([src])').count(), 2);
  assert.equal(await app.page.locator('script[src="sw-register.js"]').count(), 1);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await notice.waitFor({ state: 'detached' });
  // The address now holds only what the app could use.
  assert.equal(app.query(), '');
  assert.deepEqual(app.errors, []);
});

test('an oversized or binary query is survived', async () => {
  const app = await Explorer.open(env, `?${'w='.repeat(3000)}&%00%ff=%ZZ`);
  await app.page.locator('[data-testid="url-notice"]').waitFor();
  assert.equal((await app.rows()).length, 23);
  assert.deepEqual(app.errors, []);
});

test('an unknown country code is reported, the rest of the link applies', async () => {
  const app = await Explorer.open(env, '?country=FRA&w=1,1,1,1,1,1,3');
  const notice = app.page.locator('[data-testid="url-notice"]');
  assert.match(await notice.textContent(), /“FRA” is not part of this index/);
  assert.equal(await app.slider(7).inputValue(), '3');
});
