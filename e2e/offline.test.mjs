// Offline after one visit: the service worker keeps the release; with the network off, a reload
// and every view of the explorer work, in any language. A new release installs beside the old
// one and is announced; the page keeps the old one (another tab too) until the visitor reloads
// through the notice; then the old release's cache is gone. And the manifest that makes the
// explorer installable. Runs on a copy of the release, into which it publishes a new one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../scripts/serve-dist.mjs';
import { writeServiceWorker } from '../scripts/sw.mjs';
import { launch } from './browser.mjs';

let dir;
let server;
let url;
let browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tie-offline-'));
  cpSync(process.env.DIST_DIR || 'dist', dir, { recursive: true });
  ({ server, url } = await startServer(dir, 0));
  browser = await launch();
});
after(async () => {
  await browser.close();
  await new Promise((ok) => server.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

/** A page of a visitor whose browser runs service workers, once the worker controls it. */
async function visit(query = '') {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/${query}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  return { context, page, errors };
}

test('after one visit, a reload and every view work with the network off, in any language', async () => {
  const { context, page, errors } = await visit();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
  await page.reload();
  await page.locator('table.ranking tbody tr').first().waitFor();
  assert.ok((await page.locator('table.ranking tbody tr').count()) >= 20);
  for (const [query, check] of [
    ['?view=map', 'svg.map path'],
    ['?view=country&country=KGZ', 'main h1'],
    ['?view=trends', 'svg.chart'],
    ['?view=compare&compare=KGZ,IND,UKR', 'main h1'],
    ['?view=cross', 'main table'],
    ['?view=simulate&country=KGZ', '[data-testid="sim-score"]'],
    ['?view=robustness', 'main table'],
    ['?view=methods', 'main h1'],
    ['?index=csp&year=2022', '#csp-table'],
  ]) {
    await page.goto(`${url}/${query}`);
    await page.locator(check).first().waitFor();
  }
  await page.goto(`${url}/?view=map`);
  await page.locator('svg.map path').first().waitFor();
  assert.ok((await page.locator('svg.map path').count()) > 100, 'the map has its geometry');
  // Languages are kept too: Spanish and Arabic, offline.
  await page.goto(`${url}/?lang=es`);
  await page.locator('table.ranking caption').filter({ hasText: /Países|países/ }).waitFor();
  await page.goto(`${url}/?view=country&country=TUN&lang=ar`);
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.match(await page.locator('main h1').innerText(), /تونس/);
  assert.equal(await page.locator('main [role="alert"]').count(), 0, 'no language failed to load');
  assert.ok(requests.every((r) => r.startsWith(url)), 'only the page\'s own host');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new release is announced, kept apart from the old one, and taken when the visitor reloads', async () => {
  const { context, page, errors } = await visit('?view=methods');
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);
  // Publish a new release: a changed page, and its service worker.
  const file = join(dir, 'index.html');
  writeFileSync(file, readFileSync(file, 'utf8').replace('<title>', '<meta name="tie-release" content="new"><title>'));
  writeServiceWorker(dir);
  // The browser looks for a new worker on navigation and now and then; here, at once.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const notice = page.getByTestId('update');
  await notice.waitFor({ timeout: 30000 });
  assert.match(await notice.innerText(), /newer version/);
  // Until the visitor chooses, every page of this visit is the old release: never mixed.
  const other = await context.newPage();
  await other.goto(`${url}/?view=methods`);
  await other.locator('main h1').first().waitFor();
  assert.equal(await other.locator('meta[name="tie-release"]').count(), 0, 'the old release in another tab');
  await other.close();
  assert.equal(await page.locator('meta[name="tie-release"]').count(), 0);
  // The notice's button: the new release takes over and the page reloads on it.
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button').click()]);
  await page.locator('main h1').first().waitFor();
  assert.equal(await page.locator('meta[name="tie-release"]').count(), 1, 'the new release after the reload');
  assert.equal(await page.getByTestId('update').count(), 0);
  const after = await page.evaluate(() => caches.keys());
  assert.equal(after.length, 1);
  assert.notEqual(after[0], before[0], 'the old release\'s cache is deleted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('installable: a manifest with the name, start address, colours and icons, all served from the release', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await page.request.get(new URL(href, `${url}/`).href);
  assert.equal(response.headers()['content-type'], 'application/manifest+json');
  const manifest = await response.json();
  assert.equal(manifest.name, 'Torture Index Explorer');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  const sizes = [];
  for (const icon of manifest.icons) {
    const r = await page.request.get(new URL(icon.src, `${url}/`).href);
    assert.equal(r.status(), 200, icon.src);
    assert.equal(r.headers()['content-type'], icon.type, icon.src);
    sizes.push(icon.sizes);
    // The browser decodes it at the size the manifest declares ("any" for the SVG).
    const drawn = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, new URL(icon.src, `${url}/`).href);
    if (icon.sizes !== 'any') assert.equal(drawn, icon.sizes, icon.src);
  }
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'));
  await context.close();
});
