// Lighthouse's bars on the release, as a new visitor on a slow phone meets it (default mobile
// profile: simulated slow 4G, 4x CPU slowdown), with the deployment headers: the ranking, a
// profile and the map at their pre-rendered addresses. Performance >= 95 and largest
// contentful paint <= 2.5 s on the median of five runs (Lighthouse's own advice: one run
// varies by several points on a busy machine); accessibility, best practices and SEO 100 on
// every run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../scripts/serve-dist.mjs';
import { lighthouse, line } from '../scripts/lighthouse.mjs';

let served;
before(async () => { served = await startServer(process.env.DIST_DIR || 'dist', 0, '127.0.0.1', { headers: true }); });
after(() => served.server.close());

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const [name, path] of [['ranking', '/'], ['profile', '/country/KGZ/'], ['map', '/map/']]) {
  test(`Lighthouse, ${name}: performance >= 95, LCP <= 2.5 s, accessibility, best practices and SEO 100`, async () => {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const row = await lighthouse(`${served.url}${path}`, `test-${name}`);
      console.log(`  ${line(name, row)}`);
      assert.deepEqual(row.failing, [], `${name}: failing audits`);
      assert.equal(row.accessibility, 100);
      assert.equal(row.best_practices, 100);
      assert.equal(row.seo, 100);
      runs.push(row);
    }
    assert.ok(median(runs.map((r) => r.performance)) >= 95, `${name}: performance ${runs.map((r) => r.performance)}`);
    assert.ok(median(runs.map((r) => r.lcp_ms)) <= 2500, `${name}: LCP ${runs.map((r) => r.lcp_ms)} ms`);
    assert.ok(runs.every((r) => r.cls < 0.1), `${name}: CLS ${runs.map((r) => r.cls)}`);
  });
}
