// The explorer's "Embed…" dialog: both snippets for the current view, options, a live
// preview, keyboard operation, and the snippets actually work on a page of another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('keyboard: open the dialog, pick a card, read both snippets, see the preview, close with Escape', async () => {
  const app = await Explorer.open(env, '?view=country&country=HND&lang=ru&w=1,1,2,1,1,1,1');
  const page = app.page;
  await page.getByTestId('embed-open').focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog.embed-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('open'), '');
  // The dialog opens on the view being looked at: a country card.
  assert.equal(await page.locator('#embed-kind').inputValue(), 'card');
  const element = await page.getByTestId('embed-element').inputValue();
  assert.match(element, /^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>\n<torture-index-embed /);
  assert.match(element, /view="card" country="HND" weights="1,1,2,1,1,1,1" lang="ru"/);
  const iframe = await page.getByTestId('embed-iframe').inputValue();
  assert.match(iframe, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/\?view=country&amp;country=HND&amp;w=1,1,2,1,1,1,1&amp;lang=ru" title="[^"]+" width="100%" height="640"/);
  // The live preview shows the card, in Russian, marked as custom weighting.
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await preview.locator('[data-testid="card-model"]').waitFor();
  assert.match(await preview.locator('h1').textContent(), /Гондурас/);
  await preview.locator('[data-testid="custom-badge"]').waitFor();
  // Switch to the map with the keyboard; the snippets follow.
  await page.locator('#embed-kind').focus();
  await page.locator('#embed-kind').selectOption('map');
  await page.waitForFunction(() => /view="map"/.test(document.querySelector('[data-testid="embed-element"]').value));
  assert.match(await page.getByTestId('embed-element').inputValue(), /view="map"/);
  assert.deepEqual(await app.axe(), []);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('embed-preview').count(), 0, 'the preview is unloaded once closed');
  assert.deepEqual(app.errors, []);
});

test('the generated snippets work on a partner page of another origin', async () => {
  const app = await Explorer.open(env, '?index=csp&year=2021');
  await app.page.getByTestId('embed-open').click();
  const element = await app.page.getByTestId('embed-element').inputValue();
  const iframe = await app.page.getByTestId('embed-iframe').inputValue();
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partner</title></head>
      <body><main><h1>Partner</h1>${req.url.includes('plain') ? iframe : element}</main></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${host.address().port}`;
  try {
    for (const path of ['/widget', '/plain']) {
      const page = await (await env.browser.newContext()).newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(base + path);
      const frame = page.frameLocator('iframe');
      await frame.locator('#csp-table tbody tr').first().waitFor();
      assert.match(await frame.locator('caption').textContent(), /2021/);
      assert.deepEqual(errors, [], path);
    }
  } finally {
    host.close();
  }
});
