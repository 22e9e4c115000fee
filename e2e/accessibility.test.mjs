// axe-core finds no violations on the rankings and methods views (both indices, both
// languages), every control has a visible label, and the keyboard reaches everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

for (const [name, query] of [
  ['GTI rankings', ''],
  ['GTI rankings, custom weights, Russian', '?w=3,1,1,1,0,1,1&lang=ru'],
  ['CSP rankings', '?index=csp&year=2022'],
  ['methods', '?view=methods'],
  ['methods, Russian', '?view=methods&lang=ru'],
  ['notice shown', '?index=nope'],
  ['map', '?view=map'],
  ['map, CSP, Europe', '?view=map&index=csp&region=europe'],
  ['country profile', '?view=country&country=KGZ'],
  ['country profile, Russian', '?view=country&country=HND&lang=ru'],
  ['country chooser', '?view=country'],
  ['trends', '?view=trends'],
  ['compare', '?view=compare&compare=KGZ,IND,UKR'],
  ['cross-index', '?view=cross'],
]) {
  test(`axe-core: no violations on ${name}`, async () => {
    const app = await Explorer.open(env, query);
    // Open one disclosure so its content is checked too.
    const summary = app.page.locator('details.sources summary').first();
    if (await summary.count()) await summary.click();
    const violations = await app.axe();
    assert.deepEqual(violations, []);
  });
}

test('every form control has a visible label naming it', async () => {
  const app = await Explorer.open(env);
  // Controls inside a closed dialog are not on screen; the dialog test checks those.
  const controls = await app.page.$$eval('input, select, button', (els) =>
    els.filter((el) => !el.closest('dialog:not([open])')).map((el) => {
      const label = el.labels?.[0];
      const visible = label ? label.offsetParent !== null && label.textContent.trim() !== '' : el.textContent.trim() !== '';
      return { id: el.id || el.textContent.trim(), visible };
    }),
  );
  assert.ok(controls.length >= 12);
  for (const c of controls) assert.ok(c.visible, `control without a visible label: ${c.id}`);
  const slider = app.page.getByRole('slider', { name: 'I. Political commitment' });
  assert.equal(await slider.count(), 1);
});

test('keyboard alone: skip link, tab to a slider, change it, switch index and language', async () => {
  const app = await Explorer.open(env);
  await app.page.keyboard.press('Tab');
  assert.equal(await app.page.evaluate(() => document.activeElement.className), 'skip-link');
  // Tab until the first weight slider has focus.
  for (let i = 0; i < 30; i++) {
    await app.page.keyboard.press('Tab');
    if (await app.page.evaluate(() => document.activeElement.id === 'weight-1')) break;
  }
  assert.equal(await app.page.evaluate(() => document.activeElement.id), 'weight-1');
  await app.page.keyboard.press('ArrowRight');
  await app.waitForQuery((p) => p.get('w') === '1.5,1,1,1,1,1,1');
  // Back to the index radios: Shift+Tab, then arrow keys select the CSP Index.
  await app.page.locator('#index-gti-2025').focus();
  await app.page.keyboard.press('ArrowRight');
  await app.waitForQuery((p) => p.get('index') === 'csp');
  await app.page.locator('#csp-table').waitFor();
  // A sources disclosure opens with Enter.
  const summary = app.page.locator('#csp-table details.sources summary').first();
  await summary.focus();
  await app.page.keyboard.press('Enter');
  assert.equal(await app.page.locator('#csp-table details.sources').first().getAttribute('open'), '');
  // Language by keyboard.
  await app.page.locator('#lang-select').focus();
  await app.page.keyboard.press('ArrowDown');
  await app.waitForQuery((p) => p.get('lang') === 'es');
});

test('usable on a 320 px phone: no view scrolls sideways (wide tables scroll in their frame)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  for (const query of ['', '?index=csp', '?view=map', '?view=country&country=KGZ&lang=ru', '?view=trends',
    '?view=compare&compare=KGZ,IND,UKR', '?view=cross', '?view=simulate&country=KGZ', '?view=robustness', '?view=methods']) {
    const app = await Explorer.open(env, query, { context });
    const width = await app.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${query || 'rankings'}: page is ${width}px wide`);
    await app.page.close();
  }
});
