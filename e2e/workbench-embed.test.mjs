// The workbench's widget (workbench/embed/): the open indicators (any index the workbench
// holds) embedded on a partner's page of another origin, by the loader's custom element and by
// plain iframe: the same figures as the full workbench, auto-height, the host told when it is
// ready, links to the full view in a new tab, only the shown index's folder fetched, nothing
// from any other host; the Embed dialog writes snippets that work; axe-core clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer, partnerPage, startHost, untilFrameFits } from './helpers.mjs';

let env;
let host;
let hostUrl;

const page = partnerPage;

before(async () => {
  env = await setup();
  const pages = {
    '/ranking.html': page(`<script src="${env.url}/embed.js"></script>
      <torture-index-embed id="o1" index="open-indicators" view="ranking" title="Open indicators ranking"></torture-index-embed>`),
    '/card.html': page(`<script src="${env.url}/embed.js"></script>
      <torture-index-embed id="o2" index="open-indicators" view="card" country="KGZ" lang="ru" year="2020" title="Kyrgyzstan"></torture-index-embed>`),
    '/iframe-map.html': page(`<iframe id="plain" src="${env.url}/workbench/embed/?index=open-indicators&view=map&theme=dark" title="Open indicators map" width="100%" height="640" style="border:0"></iframe>`),
  };
  host = await startHost(pages);
  hostUrl = host.url;
});
after(async () => {
  await env.close();
  await host.close();
});

async function open(path) {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  const app = new Explorer(p, env.url);
  await p.goto(hostUrl + path);
  return app;
}

const RANKING_ROWS = 'table:has(#wb-ranking-caption) tbody tr';
const rowsOf = (frame) =>
  frame.$$eval('table:has(#wb-ranking-caption) tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.code, ...[...tr.children].map((c) => c.textContent.trim())].join('|')),
  );

test('custom element: the open indicators ranking, the same rows as the workbench, auto-height, links in a new tab', async () => {
  const app = await open('/ranking.html');
  const page = app.page;
  await page.waitForFunction(() => window.events.length > 0, null, { timeout: 15000 });
  const ready = await page.evaluate(() => window.events.find((e) => e.type === 'tie-ready').detail);
  assert.equal(ready.index, 'open-indicators');
  assert.equal(ready.view, 'ranking');
  assert.equal(ready.eid, 'o1');
  const iframe = page.locator('torture-index-embed iframe');
  assert.equal(await iframe.getAttribute('title'), 'Open indicators ranking');
  const frame = page.frames().find((f) => f.url().includes('/workbench/embed/'));
  assert.ok(frame, 'the widget is the workbench embed');
  await frame.locator(RANKING_ROWS).first().waitFor();
  const rows = await rowsOf(frame);
  assert.ok(rows.length >= 190, `${rows.length} rows`);
  assert.match(await frame.locator('h1').textContent(), /Open indicators of torture risk, 20\d\d/);
  // Honest about what it is, and where its figures come from.
  assert.match(await frame.locator('.callout').first().textContent(), /not an official index/);
  assert.ok((await frame.locator('.embed-foot details.sources li').count()) >= 3);
  // No weight sliders and no download in the widget; every unit link opens the full view.
  assert.equal(await frame.locator('input[type="range"]').count(), 0);
  const link = frame.locator(`${RANKING_ROWS} a`).first();
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('href'), /^\.\.\/\?.*view=profile.*unit=[A-Z]{3}$/);
  assert.equal(await frame.locator('[data-testid="full-view"]').getAttribute('target'), '_blank');
  // The iframe is as tall as its content.
  await untilFrameFits(page, frame, 'torture-index-embed iframe');
  // The same rows as the full workbench at the same link.
  const full = await Explorer.open(env, 'workbench/?index=open-indicators');
  await full.page.locator(RANKING_ROWS).first().waitFor();
  assert.deepEqual(await rowsOf(full.page), rows);
  // Only this index's folder (and the shared files) came over the wire, and nothing foreign.
  const data = app.requests.filter((u) => u.includes('/workbench/data/'));
  assert.ok(data.some((u) => u.includes('/open-indicators/values.csv')));
  assert.deepEqual(data.filter((u) => /\/(gti-2025|csp)\//.test(u)), []);
  const hosts = new Set(app.requests.map((u) => new URL(u).host));
  assert.deepEqual([...hosts].sort(), [new URL(env.url).host, new URL(hostUrl).host].sort());
  assert.deepEqual(app.errors, []);
});

test('custom element: a country card in Russian for a chosen year; an attribute change reloads it', async () => {
  const app = await open('/card.html');
  const page = app.page;
  await page.waitForFunction(() => window.events.length > 0, null, { timeout: 15000 });
  const frame = () => page.frames().find((f) => f.url().includes('/workbench/embed/'));
  await frame().locator('#wb-profile-title').waitFor();
  assert.match(await frame().locator('#wb-profile-title').textContent(), /Кыргызстан/);
  assert.match(await frame().locator('h1').textContent(), /2020/);
  assert.match(frame().url(), /view=profile/);
  assert.match(frame().url(), /unit=KGZ/);
  // Every indicator row names its value and source.
  assert.ok((await frame().locator('#wb-profile-caption').count()) === 1);
  // Weights by attribute: the card says the weights are the visitor's.
  await page.$eval('torture-index-embed', (el) => { el.setAttribute('country', 'FRA'); el.setAttribute('weights', 'violence:3'); });
  await page.waitForFunction(() => [...document.querySelector('torture-index-embed iframe').src.matchAll(/unit=FRA/g)].length === 1);
  await page.waitForFunction(() => window.events.length > 1, null, { timeout: 15000 });
  await frame().locator('#wb-profile-title', { hasText: 'Франция' }).waitFor();
  assert.equal(await frame().locator('[data-testid="custom-badge"]').count(), 1);
  assert.deepEqual(app.errors, []);
});

test('plain iframe: the map, dark, filled for most of the world', async () => {
  const app = await open('/iframe-map.html');
  const frame = app.page.frameLocator('#plain');
  await frame.locator('svg.map path.country').first().waitFor();
  await app.page.waitForFunction(() => window.messages.some((m) => m.data && m.data.type === 'tie:ready'));
  const fills = await frame.locator('svg.map path.country').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
  const filled = fills.filter((f) => f !== '#e4e6ea').length;
  assert.ok(filled >= 150, `${filled} of ${fills.length} shapes filled`);
  assert.equal(await frame.locator('html').getAttribute('data-theme'), 'dark');
  assert.deepEqual(app.errors, []);
});

for (const [name, query, shown] of [
  ['ranking', '?index=open-indicators', RANKING_ROWS],
  ['map, dark', '?index=open-indicators&view=map&theme=dark', 'svg.map path.country'],
  ['card, Russian', '?index=open-indicators&view=profile&unit=KGZ&lang=ru', '#wb-profile-caption'],
]) {
  test(`workbench embed page: axe-core clean, keyboard reaches it (${name})`, async () => {
    const app = await Explorer.open(env, `workbench/embed/${query}`);
    await app.page.locator(shown).first().waitFor();
    assert.deepEqual(await app.axe(), []);
    await app.page.keyboard.press('Tab');
    assert.notEqual(await app.page.evaluate(() => document.activeElement.tagName), 'BODY');
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
}

test('a bad link or an unknown index in the embed says so and still shows an index', async () => {
  const app = await Explorer.open(env, 'workbench/embed/?index=open-indicators&view=nope&eid=<b>&w=x:y');
  await app.page.locator(RANKING_ROWS).first().waitFor();
  assert.match(await app.page.locator('main > .notice').first().textContent(), /`view`.*`eid`.*`w`|`eid`.*`view`/);
  const other = await Explorer.open(env, 'workbench/embed/?index=no-such-index');
  await other.page.locator('main table').first().waitFor();
  assert.equal(await other.page.locator('text=The link names an index that is not here').count(), 1);
  assert.deepEqual([...app.errors, ...other.errors], []);
});

test('the workbench Embed dialog writes snippets that show the same view', async () => {
  const app = await Explorer.open(env, 'workbench/?index=open-indicators&view=map');
  const page = app.page;
  await page.locator('[data-testid="wb-embed-open"]').click();
  await page.locator('#wb-embed-title').waitFor();
  const iframe = await page.locator('[data-testid="wb-embed-iframe"]').inputValue();
  assert.match(iframe, /src="http:\/\/127\.0\.0\.1:\d+\/workbench\/embed\/\?index=open-indicators&amp;view=map"/);
  const element = await page.locator('[data-testid="wb-embed-element"]').inputValue();
  assert.match(element, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>/);
  assert.match(element, /index="open-indicators" view="map"/);
  // A card: the unit in focus, chosen from the dialog's select.
  await page.selectOption('#wb-embed-kind', 'profile');
  assert.match(await page.locator('[data-testid="wb-embed-element"]').inputValue(), /view="card" country="[A-Z]{3}"/);
  const preview = page.frameLocator('[data-testid="wb-embed-preview"]');
  await preview.locator('#wb-profile-title').waitFor();
  assert.deepEqual(await app.axe(), []);
  await page.keyboard.press('Escape');
  await page.locator('#wb-embed-title').waitFor({ state: 'hidden' });
  assert.deepEqual(app.errors, []);
});

test('the explorer leads every visitor to the open indicators: beside the index choice, and from any country profile', async () => {
  const app = await Explorer.open(env, '?lang=ru');
  const link = app.page.getByTestId('open-indicators-link');
  assert.equal(await link.getAttribute('href'), 'workbench/?index=open-indicators&lang=ru');
  await link.click();
  await app.page.locator(RANKING_ROWS).first().waitFor();
  assert.ok((await app.page.locator(RANKING_ROWS).count()) >= 190);
  // France: in neither the GTI nor the CSP Index; the profile says so and links to its open indicators.
  const fra = await Explorer.open(env, '?view=country&country=FRA');
  const note = fra.page.getByTestId('open-indicators-elsewhere');
  assert.match(await note.textContent(), /Neither the GTI 2025 nor the CSP Index covers “FRA”/);
  await note.locator('a').click();
  await fra.page.locator('#wb-profile-title', { hasText: 'France' }).waitFor();
  // A covered country links to its open indicators too.
  const kgz = await Explorer.open(env, '?view=country&country=KGZ');
  assert.equal(await kgz.page.getByTestId('open-indicators-profile').getAttribute('href'), 'workbench/?index=open-indicators&view=profile&unit=KGZ');
  assert.deepEqual([...app.errors, ...fra.errors, ...kgz.errors], []);
});
