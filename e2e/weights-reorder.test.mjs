// Moving weight sliders (by keyboard and by pointer) reorders the ranking exactly as the
// model predicts, computed here independently of the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, Explorer, expectedRanking, bandOf } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

function ranked(rows) {
  return rows.filter((r) => r.rank !== '—').map((r) => [r.iso3, Number(r.rank)]);
}

test('keyboard: raising political commitment and zeroing victims\' rights lifts Kyrgyzstan', async () => {
  const app = await Explorer.open(env);
  // Victims' rights (pillar V) to 0 with Home; political commitment (pillar I) to 10 with End.
  await app.slider(5).focus();
  await app.page.keyboard.press('Home');
  await app.slider(1).focus();
  await app.page.keyboard.press('End');
  await app.waitForQuery((p) => p.get('w') === '10,1,1,1,0,1,1');
  const weights = [10, 1, 1, 1, 0, 1, 1];
  const expected = expectedRanking(weights);
  const rows = await app.rows();
  assert.deepEqual(ranked(rows), expected.map((r) => [r.iso3, r.rank]));
  const kgz = rows.find((r) => r.iso3 === 'KGZ');
  const kgzExpected = expected.find((r) => r.iso3 === 'KGZ');
  assert.equal(kgz.score, kgzExpected.score.toFixed(1));
  assert.equal(kgz.band, bandOf(kgzExpected.score));
  assert.equal(kgz.band, 'Moderate');
  assert.equal(kgz.official, 'Considerable');
  assert.ok(kgz.differs, 'the band that differs from the official one is marked');
  assert.equal(await app.page.locator('[data-testid="custom-badge"]').count(), 1);
  assert.match(await app.caption(), /custom weights \(not the official index\)/);
  // The share shown beside a slider follows the weights.
  assert.match(await app.page.locator('#weight-1-value').textContent(), /10\.0 · 66\.7 %/);
});

test('every input event recomputes: stepping with arrow keys moves Honduras step by step', async () => {
  const app = await Explorer.open(env);
  await app.slider(3).focus();
  const scores = [];
  for (let i = 0; i < 4; i++) {
    await app.page.keyboard.press('ArrowRight');
    const w = 1 + 0.5 * (i + 1);
    await app.waitForQuery((p) => p.get('w')?.startsWith('1,1,' + String(w)));
    const hnd = (await app.rows()).find((r) => r.iso3 === 'HND');
    scores.push(Number(hnd.score));
    const expected = expectedRanking([1, 1, w, 1, 1, 1, 1]).find((r) => r.iso3 === 'HND');
    assert.equal(hnd.score, expected.score.toFixed(1));
  }
  // Detention is Honduras's weakest pillar: more weight on it lowers its score each time.
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i] < scores[i - 1]);
});

test('pointer: dragging a slider, then reset restores the official ranking', async () => {
  const app = await Explorer.open(env);
  await app.slider(4).scrollIntoViewIfNeeded();
  const box = await app.slider(4).boundingBox();
  await app.page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2);
  await app.waitForQuery((p) => p.has('w'));
  const value = Number(await app.slider(4).inputValue());
  assert.ok(value >= 6 && value <= 10, `pointer set ${value}`);
  assert.equal(new URLSearchParams(app.query()).get('w'), `1,1,1,${value},1,1,1`);
  assert.deepEqual(
    ranked(await app.rows()),
    expectedRanking([1, 1, 1, value, 1, 1, 1]).map((r) => [r.iso3, r.rank]),
  );
  await app.page.getByRole('button', { name: 'Reset to official weights' }).click();
  await app.waitForQuery((p) => !p.has('w'));
  assert.deepEqual(ranked(await app.rows()), expectedRanking([1, 1, 1, 1, 1, 1, 1]).map((r) => [r.iso3, r.rank]));
  assert.equal(await app.slider(4).inputValue(), '1');
});

test('all-zero weights show a message instead of a ranking, and reset recovers', async () => {
  const app = await Explorer.open(env, '?w=1,0,0,0,0,0,0');
  await app.slider(1).focus();
  await app.page.keyboard.press('Home');
  const error = app.page.locator('[data-testid="weight-error"]');
  await error.waitFor();
  assert.match(await error.textContent(), /Every pillar weight is zero/);
  await error.getByRole('button').click();
  await app.page.locator('#gti-table').waitFor();
  assert.equal((await app.rows()).length, 23);
  assert.deepEqual(app.errors, []);
});

test('the minimum coverage control is in the URL and shows its value', async () => {
  const app = await Explorer.open(env, '?cov=100');
  assert.equal(await app.page.locator('#min-coverage').inputValue(), '100');
  assert.match(await app.page.locator('output[for="min-coverage"]').textContent(), /100 %/);
  // The three countries with pillar data have all seven pillars: still recomputed at 100%.
  const kgz = (await app.rows()).find((r) => r.iso3 === 'KGZ');
  assert.equal(kgz.score, '41.4');
  await app.page.locator('#min-coverage').focus();
  await app.page.keyboard.press('Home');
  await app.waitForQuery((p) => p.get('cov') === '0');
});
