// The embeddable widget on a partner's page served from another origin (another port on
// 127.0.0.1): by plain iframe and by the custom element; auto-height, settings from the host,
// events to the host, malformed or oversized messages ignored, an origin allowlist honoured,
// no console errors and no request to any other host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer, expectedRanking, bandOf, partnerPage, startHost, untilFrameFits } from './helpers.mjs';

let env;
let host;
let hostUrl;

const page = partnerPage;

before(async () => {
  env = await setup();
  const pages = {
    '/iframe.html': page(`<iframe src="${env.url}/embed/?view=rankings&index=gti-2025" title="Torture Index Explorer: GTI 2025 ranking" width="100%" height="640" style="border:0" id="plain"></iframe>`),
    '/element.html': page(`<script src="${env.url}/embed.js"></script>
      <torture-index-embed id="w1" view="card" country="KGZ" lang="ru" title="Kyrgyzstan card"></torture-index-embed>`),
    '/ranking.html': page(`<script src="${env.url}/embed.js"></script>
      <style>torture-index-embed { --tie-accent: #aa0000; }</style>
      <torture-index-embed id="w2" view="ranking" index="gti-2025"></torture-index-embed>`),
    ...Object.fromEntries(
      [['ranking', 'rankings', '#gti-table tbody tr'], ['card', 'country', '[data-testid="card-model"]'], ['map', 'map', '#world-map path.country'], ['trend', 'trends', '#embed-trend g.series']]
        .flatMap(([attr, view]) => [
          [`/each-iframe-${attr}.html`, page(`<iframe id="plain" src="${env.url}/embed/?view=${view}&country=KGZ" title="${attr}" width="100%" height="640" style="border:0"></iframe>`)],
          [`/each-element-${attr}.html`, page(`<script src="${env.url}/embed.js"></script><torture-index-embed view="${attr}" country="KGZ" title="${attr}"></torture-index-embed>`)],
        ]),
    ),
    '/foreign.html': page(`<iframe id="plain" title="Ranking" src="${env.url}/embed/?view=rankings&allow=https%3A%2F%2Fpartner.example" width="100%" height="600"></iframe>`),
  };
  host = await startHost(pages);
  hostUrl = host.url;
  assert.notEqual(new URL(hostUrl).origin, new URL(env.url).origin);
});
after(async () => {
  await env.close();
  await host.close();
});

async function open(path) {
  const context = await env.browser.newContext();
  const pageObj = await context.newPage();
  const app = new Explorer(pageObj, env.url);
  await pageObj.goto(hostUrl + path);
  return app;
}

const frameHeight = (page, sel) => page.$eval(sel, (f) => f.getBoundingClientRect().height);

test('plain iframe: the ranking renders and announces itself; requests stay on the two origins', async () => {
  const app = await open('/iframe.html');
  const frame = app.page.frameLocator('#plain');
  await frame.locator('#gti-table tbody tr').first().waitFor();
  assert.equal(await frame.locator('#gti-table tbody tr').count(), 23);
  await app.page.waitForFunction(() => window.messages.some((m) => m.data && m.data.type === 'tie:ready'));
  const ready = await app.page.evaluate(() => window.messages.find((m) => m.data.type === 'tie:ready'));
  assert.equal(ready.origin, env_url_placeholder());
  assert.equal(ready.data.source, 'torture-index-explorer');
  assert.equal(ready.data.view, 'rankings');
  const hosts = new Set(app.requests.map((u) => new URL(u).host));
  assert.deepEqual([...hosts].sort(), [new URL(env.url).host, new URL(hostUrl).host].sort());
  assert.deepEqual(app.errors, []);
});
function env_url_placeholder() { return new URL(env.url).origin; }

test('custom element: iframe with a title, height follows content, settings from attributes apply', async () => {
  const app = await open('/element.html');
  const page = app.page;
  await page.waitForFunction(() => window.events.some((e) => e.type === 'tie-ready'));
  const iframe = page.locator('torture-index-embed iframe');
  assert.equal(await iframe.getAttribute('title'), 'Kyrgyzstan card');
  const frame = page.frames().find((f) => f.url().includes('/embed/'));
  await frame.locator('[data-testid="card-model"]').waitFor();
  assert.match(await frame.locator('h1').textContent(), /Кыргызстан/);
  // The iframe is exactly as tall as its content: nothing cropped, no blank space.
  await page.waitForFunction(() => Math.abs(document.querySelector('torture-index-embed iframe').getBoundingClientRect().height - 480) > 1);
  const expectHeight = () => untilFrameFits(page, frame, 'torture-index-embed iframe');
  await expectHeight();
  const cardHeight = await frameHeight(page, 'torture-index-embed iframe');
  // Switch to the map by attribute: taller content, the iframe follows.
  await page.$eval('torture-index-embed', (el) => el.setAttribute('view', 'map'));
  await frame.locator('#world-map').waitFor();
  await expectHeight();
  assert.notEqual(await frameHeight(page, 'torture-index-embed iframe'), cardHeight);
  // Language and country by attribute, applied by message (no reload of the iframe).
  await page.$eval('torture-index-embed', (el) => { el.setAttribute('view', 'card'); el.setAttribute('lang', 'en'); el.setAttribute('country', 'HND'); });
  await frame.locator('h1', { hasText: 'Honduras' }).waitFor();
  assert.deepEqual(app.errors, []);
});

test('weights from the host change ranks, and the host hears rank and band changes', async () => {
  const app = await open('/ranking.html');
  const page = app.page;
  await page.waitForFunction(() => window.events.some((e) => e.type === 'tie-ready'));
  const frame = page.frames().find((f) => f.url().includes('/embed/'));
  // Colours through CSS custom properties on the element.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#aa0000');
  await page.$eval('torture-index-embed', (el) => el.setAttribute('weights', '10,1,1,1,0,1,1'));
  await page.waitForFunction(() => window.events.some((e) => e.type === 'tie-band-changed'));
  const events = await page.evaluate(() => window.events);
  const ranks = events.find((e) => e.type === 'tie-rank-changed').detail.changes;
  assert.deepEqual(ranks.find((c) => c.iso3 === 'KGZ'), { iso3: 'KGZ', from: '5', to: '3' });
  const bands = events.find((e) => e.type === 'tie-band-changed').detail.changes;
  // Exactly the band changes the model predicts (computed here without the app).
  const slug = (b) => b.toLowerCase().replace(' ', '-');
  const before = Object.fromEntries(expectedRanking([1, 1, 1, 1, 1, 1, 1]).map((r) => [r.iso3, slug(bandOf(r.score))]));
  const expected = expectedRanking([10, 1, 1, 1, 0, 1, 1])
    .filter((r) => slug(bandOf(r.score)) !== before[r.iso3])
    .map((r) => ({ iso3: r.iso3, from: before[r.iso3], to: slug(bandOf(r.score)) }))
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
  assert.deepEqual(expected.map((c) => c.iso3), ['HND', 'IND', 'KGZ']);
  assert.deepEqual(bands.sort((a, b) => a.iso3.localeCompare(b.iso3)), expected);
  await frame.locator('[data-testid="custom-badge"]').waitFor();
  assert.deepEqual(app.errors, []);
});

test('malformed, oversized or foreign messages are ignored without error', async () => {
  const app = await open('/iframe.html');
  const page = app.page;
  await page.waitForFunction(() => window.messages.some((m) => m.data && m.data.type === 'tie:ready'));
  const frame = page.frames().find((f) => f.url().includes('/embed/'));
  const before = await frame.locator('#gti-table tbody').textContent();
  const target = new URL(env.url).origin;
  await page.evaluate((origin) => {
    const w = document.getElementById('plain').contentWindow;
    const bad = [
      'tie:settings',
      null,
      { type: 'tie:settings' },
      { type: 'tie:settings', weights: [1, 2] },
      { type: 'tie:settings', weights: [1, 1, 1, 1, 1, 1, 1], extra: true },
      { type: 'tie:settings', weights: ['a', 1, 1, 1, 1, 1, 1] },
      { type: 'tie:settings', view: 'methods' },
      { type: 'tie:settings', country: '<img src=x onerror=alert(1)>' },
      { type: 'tie:settings', colors: { accent: 'url(https://evil.example/x)' } },
      { type: 'tie:settings', lang: 'ru', pad: 'x'.repeat(10000) },
      { type: 'something:else', weights: [9, 9, 9, 9, 9, 9, 9] },
    ];
    for (const m of bad) w.postMessage(m, origin);
    // A valid message last: when it is applied, every earlier one has been handled.
    w.postMessage({ type: 'tie:settings', lang: 'ru' }, origin);
  }, target);
  await frame.locator('html[lang="ru"]').waitFor();
  const after = await frame.locator('#gti-table tbody').textContent();
  // Same ranking (only the language changed): weights were never applied.
  assert.equal(after.replace(/[^0-9]/g, '').length > 0, true);
  assert.equal(new URL(frame.url()).searchParams.get('w'), null);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').includes('evil')), false);
  assert.ok(before.length > 0);
  assert.deepEqual(app.errors, []);
});

test('an origin allowlist is honoured: settings from other origins are ignored', async () => {
  const app = await open('/foreign.html');
  const page = app.page;
  const frame = page.frameLocator('#plain');
  await frame.locator('#gti-table tbody tr').first().waitFor();
  await page.evaluate((origin) => {
    document.getElementById('plain').contentWindow.postMessage({ type: 'tie:settings', lang: 'ru' }, origin);
  }, new URL(env.url).origin);
  // Give the widget a chance to (wrongly) apply it: a round trip through the iframe.
  const f = page.frames().find((x) => x.url().includes('/embed/'));
  await f.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  assert.equal(await f.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(app.errors, []);
});

for (const [name, query] of [
  ['ranking', '?view=rankings'],
  ['CSP ranking, dark', '?view=rankings&index=csp&theme=dark'],
  ['card', '?view=country&country=KGZ&lang=ru'],
  ['card with scenario', '?view=country&country=KGZ&scenario=KGZ.5.high'],
  ['map', '?view=map'],
  ['trend', '?view=trends&country=KGZ'],
]) {
  test(`embed page: axe-core clean, keyboard usable (${name})`, async () => {
    const app = await Explorer.open(env, `embed/${query}`);
    assert.deepEqual(await app.axe(), []);
    // Keyboard: the first Tab lands on something inside the widget.
    await app.page.keyboard.press('Tab');
    assert.notEqual(await app.page.evaluate(() => document.activeElement.tagName), 'BODY');
    assert.equal(await app.page.locator('[data-testid="full-view"]').getAttribute('target'), '_blank');
    assert.deepEqual(app.errors, []);
  });
}

for (const [attr, selector] of [['ranking', '#gti-table tbody tr'], ['card', '[data-testid="card-model"]'], ['map', '#world-map path.country'], ['trend', '#embed-trend g.series']]) {
  test(`each view embeds by iframe and by custom element: ${attr}`, async () => {
    for (const how of ['iframe', 'element']) {
      const app = await open(`/each-${how}-${attr}.html`);
      const page = app.page;
      await page.waitForFunction(() => window.messages.some((m) => m.data && m.data.type === 'tie:ready'));
      const frame = page.frames().find((f) => f.url().includes('/embed/'));
      await frame.locator(selector).first().waitFor();
      assert.equal(await page.locator('iframe').getAttribute('title'), attr);
      if (how === 'element') {
        // The element's iframe is exactly as tall as its content.
        await untilFrameFits(page, frame, 'iframe');
      }
      const hosts = new Set(app.requests.map((u) => new URL(u).host));
      assert.ok([...hosts].every((h) => h === new URL(env.url).host || h === new URL(hostUrl).host), [...hosts].join());
      assert.deepEqual(app.errors, [], `${how} ${attr}`);
      await page.context().close();
    }
  });
}

test('the card: a section per index that covers the country, each figure with its sources', async () => {
  const app = await Explorer.open(env, 'embed/?view=country&country=KGZ');
  const page = app.page;
  await page.locator('[data-testid="card-model"]').waitFor();
  // The GTI: the explorer's band beside the published one and transparency, each pillar,
  // and the sources of every value shown (membership, published band, pillars, transparency).
  const gti = page.locator('section.card-gti');
  assert.equal(await gti.locator('h2').textContent(), 'OMCT Global Torture Index 2025');
  assert.match(await gti.locator('[data-testid="card-official"]').textContent(), /Transparency: \S/);
  assert.equal(await gti.locator('.card-pillars li').count(), 7);
  const values = await gti.locator('.sources .values li').allTextContents();
  assert.ok(values.some((v) => v.startsWith('Membership: ')), values.join());
  assert.ok(values.some((v) => v.startsWith('Official band: ')), values.join());
  for (const n of ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']) {
    assert.ok(values.some((v) => v.startsWith(`Pillar ${n}: `)), `Pillar ${n}`);
  }
  assert.ok(values.some((v) => v.startsWith('Transparency: ')), values.join());
  // The CSP Index: the latest year's score and that year's source only.
  const csp = page.locator('section.card-csp');
  assert.equal(await csp.locator('h2').textContent(), 'CSP Index on Torture');
  assert.equal(await csp.locator('p').first().textContent(), '64.49 (2024)');
  assert.deepEqual(await csp.locator('.sources .values li').allTextContents(), ['Total 2024: primary']);
  assert.deepEqual(await app.axe(), []);
  // A country of one index only has one section: Honduras is not in the CSP Index.
  await app.goto('embed/?view=country&country=HND');
  await page.locator('[data-testid="card-model"]').waitFor();
  assert.equal(await page.locator('.card-body section').count(), 1);
  // Armenia is in the CSP Index only: no explorer score, the CSP's latest.
  await app.goto('embed/?view=country&country=ARM');
  await page.locator('section.card-csp').waitFor();
  assert.equal(await page.locator('[data-testid="card-model"]').count(), 0);
  assert.equal(await page.locator('.card-body section').count(), 1);
  assert.deepEqual(app.errors, []);
});
