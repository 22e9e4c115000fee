// Five languages as visitors use them: rankings, a profile and the simulator in Spanish,
// French and Arabic; Arabic right to left (the document, the tables, a time chart mirrored, the
// map not); the browser's preferred language without `lang`; a language whose files cannot be
// read falls back to English and says so; axe-core on every view in every language; no view
// scrolls sideways at 320 px in Arabic; the workbench in every language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const LANGS = ['en', 'es', 'fr', 'ru', 'ar'];

// What each language calls things, as its message files and CLDR have them.
const WORDS = {
  es: { kgz: 'Kirguistán', high: 'Alto', year: 'Año', decimal: /\d,\d/ },
  fr: { kgz: 'Kirghizistan', high: 'Élevé', year: 'Année', decimal: /\d,\d/ },
  ar: { kgz: 'قيرغيزستان', high: 'مرتفع', year: 'السنة', decimal: /\d\.\d/ },
};

const VIEWS = [
  ['rankings', ''],
  ['CSP rankings', '?index=csp&year=2022'],
  ['map', '?view=map'],
  ['country profile', '?view=country&country=KGZ'],
  ['trends', '?view=trends'],
  ['compare', '?view=compare&compare=KGZ,IND,UKR'],
  ['cross-index', '?view=cross'],
  ['simulator', '?view=simulate&country=KGZ'],
  ['robustness', '?view=robustness'],
  ['methods', '?view=methods'],
];

const withLang = (query, lang) => (query ? `${query}&lang=${lang}` : `?lang=${lang}`);

for (const lang of ['es', 'fr', 'ar']) {
  const w = WORDS[lang];

  test(`${lang}: rankings in the language, a slider recomputes, the language menu names each language in itself`, async () => {
    const app = await Explorer.open(env, `?lang=${lang}`);
    const page = app.page;
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const names = await page.locator('#lang-select option').allTextContents();
    assert.deepEqual(names, ['English', 'Español', 'Français', 'Русский', 'العربية']);
    assert.equal(await page.locator('#lang-select').inputValue(), lang);
    // Country names from CLDR, band names from the language's messages.
    const kgz = page.locator('table.ranking tbody tr[data-iso3="KGZ"]');
    assert.match(await kgz.textContent(), new RegExp(w.kgz));
    const bands = await page.locator('table.ranking [data-testid="band"] .band-label').allTextContents();
    assert.ok(bands.some((b) => b.trim() === w.high), `${lang}: a band named ${w.high} in ${bands.join(', ')}`);
    // Scores are written the language's way (decimal comma in es and fr).
    const score = (await kgz.locator('[data-testid="score"]').innerText()).trim();
    assert.match(score, w.decimal, score);
    // No English left in the page's own text (the sources' titles are not translated).
    const chrome = await page.locator('header.site-header, main h1, table.ranking caption').allInnerTexts();
    assert.doesNotMatch(chrome.join(' '), /\b(Rankings|Language|Countries ranked)\b/);
    // A slider still recomputes.
    const before = await app.rows();
    await page.locator('#weight-1').fill('10');
    await app.waitForQuery((p) => p.get('w')?.startsWith('10,'));
    assert.notDeepEqual(await app.rows(), before);
    assert.deepEqual(app.errors, []);
  });

  test(`${lang}: a country profile and the simulator`, async () => {
    const app = await Explorer.open(env, `?view=country&country=KGZ&lang=${lang}`);
    const page = app.page;
    assert.match(await page.locator('main h1').innerText(), new RegExp(w.kgz));
    // The factsheet's own text is translated from the catalog (its figures stay as published).
    const facts = await page.locator('main').innerText();
    assert.doesNotMatch(facts, /UN Convention against Torture|Ratified/);
    await app.goto(`?view=simulate&country=KGZ&lang=${lang}`);
    const before = (await page.getByTestId('sim-score').innerText()).trim();
    const select = page.locator('#sim-pillar-3');
    const options = await select.locator('option').allTextContents();
    await select.selectOption({ label: options[options.length - 1].trim() });
    await app.waitForQuery((p) => (p.get('scenario') || '').startsWith('KGZ.3.'));
    await page.waitForFunction((b) => document.querySelector('[data-testid="sim-score"]')?.innerText.trim() !== b, before);
    assert.match((await page.getByTestId('sim-score').innerText()).trim(), w.decimal);
    assert.deepEqual(app.errors, []);
  });
}

test('Arabic reads right to left: tables and controls mirrored, a time chart runs right to left, the map is not mirrored', async () => {
  const app = await Explorer.open(env, '?lang=ar');
  const page = app.page;
  // The table's first column (rank) is on the right.
  const [rank, name] = await page.$$eval('table.ranking thead th', (ths) => ths.slice(0, 2).map((t) => t.getBoundingClientRect().x));
  assert.ok(rank > name, 'the rank column is right of the name column');
  await app.goto('?view=trends&lang=ar');
  // The latest year is on the left of the earliest.
  const years = await page.$$eval('svg.chart text', (ts) =>
    ts.filter((t) => /^20\d\d$/.test(t.textContent.trim())).map((t) => [Number(t.textContent), t.getBoundingClientRect().x]));
  assert.ok(years.length >= 2);
  const first = years.reduce((a, b) => (a[0] < b[0] ? a : b));
  const last = years.reduce((a, b) => (a[0] > b[0] ? a : b));
  assert.ok(last[1] < first[1], `time runs right to left: ${JSON.stringify(years)}`);
  // The map: Europe stays left of Asia.
  await app.goto('?view=map&lang=ar');
  const x = async (iso3) => page.locator(`svg.map [data-iso3="${iso3}"]`).first().evaluate((e) => e.getBoundingClientRect().x);
  assert.ok((await x('MEX')) < (await x('IND')), 'Mexico is left of India');
  await page.screenshot({ path: 'target/e2e-arabic-map.png' });
  await app.goto('?lang=ar');
  await page.screenshot({ path: 'target/e2e-arabic-rankings.png', fullPage: false });
});

test('without lang, the browser\'s preferred languages decide; then English', async () => {
  for (const [locale, want] of [['fr-FR', 'fr'], ['es-MX', 'es'], ['de-DE', 'en'], ['ar', 'ar']]) {
    const context = await env.browser.newContext({ locale });
    const app = await Explorer.open(env, '', { context });
    assert.equal(await app.page.getAttribute('html', 'lang'), want, locale);
    await context.close();
  }
  // The link's lang wins over the browser's.
  const context = await env.browser.newContext({ locale: 'fr-FR' });
  const app = await Explorer.open(env, '?lang=ru', { context });
  assert.equal(await app.page.getAttribute('html', 'lang'), 'ru');
  await context.close();
});

test('a language whose files cannot be read: English, with a message naming the file; the rest works', async () => {
  const context = await env.browser.newContext();
  await context.route('**/i18n/es/app.ftl', (route) => route.fulfill({ status: 404, body: 'not here' }));
  const app = await Explorer.open(env, '?lang=es', { context });
  const alert = app.page.locator('main [role="alert"]').first();
  await alert.waitFor();
  assert.match(await alert.innerText(), /Español.*i18n\/es\/app\.ftl.*404.*English/s);
  assert.match(await app.caption(), /Countries ranked/);
  // Another language still loads.
  await app.page.locator('#lang-select').selectOption('fr');
  await app.page.waitForFunction(() => document.documentElement.lang === 'fr');
  await app.page.locator('table.ranking caption').filter({ hasText: /Pays|pays/ }).waitFor();
  await context.close();
});

for (const lang of LANGS) {
  test(`axe-core: no violations on any view in ${lang}`, async () => {
    const context = await env.browser.newContext();
    const app = await Explorer.open(env, withLang('', lang), { context });
    for (const [name, query] of VIEWS) {
      await app.goto(withLang(query, lang));
      const summary = app.page.locator('details.sources summary').first();
      if (await summary.count()) await summary.click();
      assert.deepEqual(await app.axe(), [], `${lang} ${name}`);
    }
    assert.deepEqual(app.errors, []);
    await context.close();
  });
}

test('Arabic on a 320 px phone: no view scrolls sideways', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  const app = await Explorer.open(env, '?lang=ar', { context });
  for (const [name, query] of VIEWS) {
    await app.goto(withLang(query, 'ar'));
    // Right to left, an overflow would grow to the left: scrollWidth counts it either way.
    const width = await app.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${name}: page is ${width}px wide`);
  }
  await context.close();
});

test('the print brief stays one page in every language', async () => {
  const app = await Explorer.open(env, '?view=country&country=KGZ');
  await app.page.emulateMedia({ media: 'print' });
  for (const lang of LANGS) {
    await app.goto(`?view=country&country=KGZ&lang=${lang}`);
    for (const format of ['A4', 'Letter']) {
      const pdf = await app.page.pdf({ format, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.equal(pages, 1, `${lang} ${format}: ${pages} pages`);
    }
  }
});

test('the workbench and its widget in every language: names from CLDR and the catalog, right to left in Arabic', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const want = { en: 'Kyrgyzstan', es: 'Kirguistán', fr: 'Kirghizistan', ru: 'Кыргызстан', ar: 'قيرغيزستان' };
  for (const lang of LANGS) {
    await page.goto(`${env.url}/workbench/?index=open-indicators&view=profile&unit=KGZ&lang=${lang}`);
    await page.locator('#wb-profile-title').waitFor();
    assert.match(await page.locator('#wb-profile-title').innerText(), new RegExp(want[lang]), lang);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    await page.goto(`${env.url}/workbench/embed/?index=open-indicators&view=profile&unit=KGZ&lang=${lang}`);
    await page.locator('main h2, main h1').first().waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(want[lang]), `widget ${lang}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the workbench: axe-core on every view in Spanish, French and Arabic; in Arabic no view wider than 320 px', async () => {
  const views = ['', '&view=profile&unit=KGZ', '&view=map', '&view=trend&unit=KGZ', '&view=simulate&unit=KGZ', '&view=agreement'];
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Through the DevTools protocol, as the helpers do: the page's CSP forbids inline scripts.
  const axe = async () => new Explorer(page, env.url).axe();
  for (const lang of ['es', 'fr', 'ar']) {
    for (const q of views) {
      await page.goto(`${env.url}/workbench/?index=open-indicators${q}&lang=${lang}`);
      await page.locator('main h2').first().waitFor();
      assert.deepEqual(await axe(), [], `${lang} ${q}`);
    }
  }
  const phone = await (await env.browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true })).newPage();
  for (const q of [...views, '&view=robustness']) {
    await phone.goto(`${env.url}/workbench/?index=open-indicators${q}&lang=ar`);
    await phone.locator('main h2').first().waitFor();
    await phone.waitForTimeout(200);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${q}: ${width}px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
