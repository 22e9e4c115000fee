// Country profiles: custom and official side by side, pillar bars with their markers,
// general information with flagged values, recommendations, CSP trend; a print brief.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('Kyrgyzstan: bands, pillars, facts with the flagged prison rate, recommendations, CSP trend', async () => {
  const app = await Explorer.open(env, '?view=country&country=KGZ');
  const page = app.page;
  assert.match(await page.locator('[data-testid="model-card"]').textContent(), /41\.4.*Considerable/);
  assert.match(await page.locator('[data-testid="official-card"]').textContent(), /Considerable.*OMCT/);
  const pillars = page.locator('[data-testid="pillar"]');
  assert.equal(await pillars.count(), 7);
  assert.match(await pillars.nth(0).textContent(), /Political commitment.*Moderate.*estimated from band/);
  assert.match(await pillars.nth(4).textContent(), /Victims' rights.*Very high/);
  const facts = page.locator('table.facts');
  assert.match(await facts.textContent(), /People deprived of liberty\s*7,728/);
  const prison = facts.locator('tr.flagged', { hasText: 'Prison population' });
  assert.match(await prison.textContent(), /1,125.*about 106 per 100,000/);
  assert.equal(await page.locator('ol.recs li').count(), 5);
  // The CSP trend, with the stated-change mismatch of 2024 flagged.
  const trend = page.locator('#csp-profile-caption').locator('xpath=ancestor::table');
  assert.match(await trend.textContent(), /2024\s*64\.49.*−15\.87.*−11\.29/s);
  assert.equal(await page.locator('#trend-KGZ').count(), 1);
  assert.match(await page.locator('.print-only').first().textContent(), /Weights: I 1\.0/);
});

test('Honduras marks the inferred pillar; Mexico shows the disagreeing report; Russia has no pillar bands', async () => {
  const app = await Explorer.open(env, '?view=country&country=HND');
  assert.match(await app.page.locator('[data-testid="pillar"]').nth(6).textContent(), /inferred/);
  await app.goto('?view=country&country=MEX');
  await app.page.getByRole('heading', { level: 1, name: 'Mexico' }).waitFor();
  assert.match(await app.page.locator('main').textContent(), /Another report says Considerable/);
  await app.goto('?view=country&country=RUS');
  await app.page.getByRole('heading', { level: 1, name: 'Russian Federation' }).waitFor();
  assert.match(await app.page.locator('main').textContent(), /No pillar band is published/);
});

test('choosing a country by keyboard from the profile chooser', async () => {
  const app = await Explorer.open(env, '?view=country');
  await app.page.getByRole('heading', { level: 1, name: 'Country profile' }).waitFor();
  await app.page.getByLabel('Country', { exact: true }).selectOption('UKR');
  await app.page.getByRole('heading', { level: 1, name: 'Ukraine' }).waitFor();
  assert.equal(new URLSearchParams(app.query()).get('country'), 'UKR');
  // A CSP-only country says it is not a GTI member.
  assert.match(await app.page.locator('main').textContent(), /not among the members of the Global Torture Index/);
});

test('the print stylesheet turns the profile into a brief that fits one A4 and one Letter page', async () => {
  const app = await Explorer.open(env, '?view=country&country=KGZ');
  await app.page.emulateMedia({ media: 'print' });
  assert.equal(await app.page.locator('.site-header nav').isVisible(), false);
  assert.equal(await app.page.locator('.share-bar').first().isVisible(), false);
  assert.equal(await app.page.locator('.print-only').first().isVisible(), true);
  // Kyrgyzstan has the fullest profile: if it fits one page, every profile does.
  for (const lang of ['en', 'ru']) {
    await app.goto(`?view=country&country=KGZ&lang=${lang}`);
    for (const format of ['A4', 'Letter']) {
      const pdf = await app.page.pdf({ format, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.equal(pages, 1, `${lang} ${format}: ${pages} pages`);
    }
  }
});
