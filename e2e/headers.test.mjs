// The release behind exactly the response headers README "Deploying" gives (dist/_headers, from
// scripts/headers.mjs): every page works under its Content-Security-Policy header with no
// violation, the widgets can be framed by another site and the explorer and the workbench
// cannot, hashed files are cached for a year and everything else is revalidated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../scripts/serve-dist.mjs';
import { launch } from './browser.mjs';
import { partnerPage, startHost } from './helpers.mjs';

const DIST = process.env.DIST_DIR || 'dist';
let server;
let url;
let browser;

before(async () => {
  ({ server, url } = await startServer(DIST, 0, '127.0.0.1', { headers: true }));
  browser = await launch();
});
after(async () => {
  await browser.close();
  await new Promise((ok) => server.close(ok));
});

/** A page that records every response's headers and every CSP violation it reports. */
async function visit(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = new Map();
  const violations = [];
  page.on('response', (r) => responses.set(new URL(r.url()).pathname, r.headers()));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await page.goto(url + path);
  return { page, responses, violations, close: () => context.close() };
}

test('every page works under its CSP header, with the deployment headers on every file', async () => {
  for (const [path, ready] of [
    ['/', 'table tbody tr'],
    ['/?view=map', '#world-map path.country'],
    ['/embed/?view=rankings', 'table tbody tr'],
    ['/workbench/?index=open-indicators', 'tr[data-code]'],
    ['/workbench/embed/?index=open-indicators&view=map', 'svg path'],
  ]) {
    const v = await visit(path);
    await v.page.locator(ready).first().waitFor();
    const page = v.responses.get(new URL(url + path).pathname);
    assert.match(page['content-security-policy'], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/, path);
    const framed = path.includes('embed/');
    assert.match(page['content-security-policy'], framed ? /frame-ancestors \*$/ : /frame-ancestors 'none'$/, path);
    assert.equal(page['cache-control'], 'no-cache', path);
    assert.equal(page['x-content-type-options'], 'nosniff', path);
    assert.equal(page['referrer-policy'], 'no-referrer', path);
    for (const [file, headers] of v.responses) {
      const hashed = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(file);
      assert.equal(headers['cache-control'], hashed ? 'public, max-age=31536000, immutable' : 'no-cache', `${path}: ${file}`);
    }
    assert.deepEqual(v.violations, [], path);
    await v.close();
  }
});

test('the background thread and the data load under the headers', async () => {
  const v = await visit('/workbench/?index=open-indicators&view=robustness');
  await v.page.waitForFunction(() => /computed in/.test(document.querySelector('[data-testid="wb-robust-status"]')?.textContent ?? ''), null, { timeout: 60000 });
  assert.ok([...v.responses.keys()].some((f) => f.startsWith('/workbench/data/')));
  assert.deepEqual(v.violations, []);
  await v.close();
});

test('another site may frame the widgets, not the explorer or the workbench', async () => {
  const host = await startHost({
    '/widgets.html': partnerPage(`<script src="${url}/embed.js"></script>
      <torture-index-embed view="ranking" title="GTI ranking"></torture-index-embed>
      <torture-index-embed index="open-indicators" view="ranking" title="Open indicators"></torture-index-embed>`),
    '/pages.html': partnerPage(`<iframe id="e" src="${url}/" title="explorer"></iframe>
      <iframe id="w" src="${url}/workbench/" title="workbench"></iframe>`),
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host.url}/widgets.html`);
    await page.waitForFunction(() => window.events.filter((e) => e.type === 'tie-ready').length === 2, null, { timeout: 20000 });
    for (const f of page.frames().filter((f) => f !== page.mainFrame())) {
      await f.locator('table tbody tr').first().waitFor();
    }
    const blocked = await context.newPage();
    const refused = [];
    blocked.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
    await blocked.goto(`${host.url}/pages.html`);
    await blocked.waitForTimeout(1500);
    for (const f of blocked.frames().filter((f) => f !== blocked.mainFrame())) {
      assert.equal(await f.locator('main').count(), 0, `${f.url()} is not shown in a frame`);
    }
    assert.equal(refused.length, 2, refused.join('\n'));
    await context.close();
  } finally {
    await host.close();
  }
});
