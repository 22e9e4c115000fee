// The GTI's public record as a visitor sees it: the bands reported since the first bundle, the
// slots of the published distribution still open (never filled), claims traced to the source
// that makes them, pillar-level and count conflicts, reported recommendations, computed flags.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('the ranking names 23 members, 21 banded, and says which bands remain open', async () => {
  const app = await Explorer.open(env);
  const rows = await app.rows();
  assert.equal(rows.length, 23);
  for (const iso3 of ['CMR', 'COD', 'MYS', 'PAK']) {
    const row = rows.find((r) => r.iso3 === iso3);
    assert.equal(row.official, 'High', iso3);
    assert.equal(row.rank, '7', iso3);
  }
  assert.deepEqual(rows.filter((r) => r.rank === '—').map((r) => r.iso3), ['HUN', 'PHL']);
  const notes = await app.page.locator('[data-testid="gti-record"]').allTextContents();
  assert.deepEqual(notes, [
    'The index covers 26 countries; 23 are named in the sources we hold, and 3 are not identified in any of them.',
    'Bands still open: by the published distribution, the 5 members without a band in any source we hold fill High: 3, Considerable: 1, Moderate: 1. The explorer never assigns them a band.',
  ]);
  assert.deepEqual(app.errors, []);
});

test('a member without a band shows the open slots, never a band of its own', async () => {
  const app = await Explorer.open(env, '?view=country&country=PHL');
  const card = app.page.locator('[data-testid="official-card"]');
  assert.match(await card.textContent(), /No source we hold gives this member's band/);
  assert.match(await card.textContent(), /High: 3, Considerable: 1, Moderate: 1/);
  await app.goto('?view=country&country=PAK');
  await app.page.getByRole('heading', { level: 1, name: 'Pakistan' }).waitFor();
  const pak = app.page.locator('[data-testid="official-card"]');
  assert.match(await pak.textContent(), /High/);
  assert.equal(await pak.locator('[data-testid="open-slots"]').count(), 0);
  assert.equal(
    await pak.getByRole('link', { name: 'La Crónica de Hoy (Mexico)' }).getAttribute('href'),
    'https://www.cronica.com.mx/nacional/2025/07/01/la-cndh-responde-al-informe-de-tortura-de-la-omct',
  );
});

test('India: the outlet that disagrees is shown on each pillar, not on the overall band', async () => {
  const app = await Explorer.open(env, '?view=country&country=IND');
  const alternatives = app.page.locator('[data-testid="pillar"] [data-testid="pillar-alternative"]');
  assert.equal(await alternatives.count(), 7);
  assert.match(await alternatives.first().textContent(), /Kashmir English says Very high/);
  assert.equal(
    await alternatives.first().getByRole('link').getAttribute('href'),
    'https://kashmirenglish.pk/global-torture-index-2025-designates-india-as-high-risk-country/',
  );
  assert.doesNotMatch(await app.page.locator('main').textContent(), /Another report says/);
  // The launch release is cited for the membership, not for India's band.
  const official = await app.page.locator('[data-testid="official-card"]').textContent();
  assert.doesNotMatch(official, /OMCT/);
});

test('press-reported recommendations appear with their sources and confidence', async () => {
  const app = await Explorer.open(env, '?view=country&country=SLV');
  const recs = app.page.locator('[data-testid="reported-recs"] li');
  assert.equal(await recs.count(), 5);
  assert.match(await recs.first().textContent(), /El Diario de Hoy.*Secondary/i);
  assert.match(await recs.nth(4).textContent(), /Contrapunto/);
  assert.doesNotMatch(await app.page.locator('main').textContent(), /No recommendation list/);
  await app.goto('?view=country&country=TGO');
  await app.page.getByRole('heading', { level: 1, name: 'Togo' }).waitFor();
  assert.equal(await app.page.locator('[data-testid="reported-recs"] li').count(), 3);
});

test('Methods lists the open slots and every new flag; every source has an address', async () => {
  const app = await Explorer.open(env, '?view=methods');
  const open = (slug) => app.page.locator(`[data-testid="open-${slug}"]`).textContent();
  assert.deepEqual(
    await Promise.all(['very-high', 'high', 'considerable', 'moderate', 'low'].map(open)),
    ['0', '3', '1', '1', '0'],
  );
  const flags = (await app.page.locator('[data-testid="flags"] li').allTextContents()).join('\n');
  assert.match(flags, /India, pillars I–VII: Kashmir English reports Very high on each; The Leaflet \(India\) report Considerable \(I\), High \(II–VII\)/);
  assert.match(flags, /Members at High risk: El Mundo \(El Salvador\) counts 13, Diálogo Jerez counts 11/);
  assert.match(flags, /CSP 2024: the release's summary says that scores hardly changed, but its own table shows changes of −15\.87 \(Kyrgyzstan\), \+12\.14 \(Kazakhstan\), −11\.25 \(Ukraine\)/);
  assert.match(flags, /Kyrgyzstan: the factsheet prints a prison population rate of 1,125 per 100,000, but its own figures .* give about 106/);
  assert.match(flags, /Tunisia, “UN Convention against Torture”: the value is our reading/);
  assert.match(flags, /Mexico: .* report High; MVS Noticias \(Mexico\), buzos \(Mexico\) reports Considerable/);
  const hrefs = await app.page.$$eval('table.sources-table tbody tr', (trs) =>
    trs.map((tr) => tr.querySelector('a')?.getAttribute('href') ?? null));
  assert.ok(hrefs.length >= 39);
  assert.deepEqual(hrefs.filter((h) => !h || !/^https?:\/\//.test(h)), []);
});

test('Russian: OPCAT agrees with "протокол"; the pre-trial share keeps its reference', async () => {
  const app = await Explorer.open(env, '?view=country&country=KGZ&lang=ru');
  const facts = await app.page.locator('table.facts').textContent();
  assert.match(facts, /Факультативный протокол \(ФП-КПП\)\s*Ратифицирован(?!а)/);
  assert.match(facts, /Доля лиц в предварительном заключении \(от численности заключённых\)/);
});
