// Lighthouse 12 (npm `lighthouse`) with Debian's Chromium, default mobile profile (simulated
// slow 4G, 4x CPU slowdown): one run on `url`, its scores and the timings that matter here.
// `make bench` reports them; e2e/lighthouse.test.mjs holds the release to the bars.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from '../e2e/browser.mjs';

/** Runs Lighthouse on `url`, writing its report to target/lighthouse-<name>.json. */
export async function lighthouse(url, name) {
  mkdirSync('target', { recursive: true });
  const out = join('target', `lighthouse-${name.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  const problem = await new Promise((ok) => execFile('node_modules/.bin/lighthouse', [url,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu', '--output=json', `--output-path=${out}`, '--quiet'],
  { env: { ...process.env, CHROME_PATH: CHROMIUM } }, (e, _out, err) => ok(e ? `${e.message} ${err}` : null)));
  if (!existsSync(out)) throw new Error(`Lighthouse did not run on ${url}: ${problem}`);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
  const failing = (c) => (r.categories[c]?.auditRefs ?? [])
    .filter((a) => a.weight > 0 && r.audits[a.id]?.score !== null && r.audits[a.id]?.score < 1)
    .map((a) => a.id);
  return {
    performance: score('performance'), accessibility: score('accessibility'),
    best_practices: score('best-practices'), seo: score('seo'),
    fcp_ms: Math.round(r.audits['first-contentful-paint'].numericValue),
    lcp_ms: Math.round(r.audits['largest-contentful-paint'].numericValue),
    tbt_ms: Math.round(r.audits['total-blocking-time'].numericValue),
    cls: r.audits['cumulative-layout-shift'].numericValue,
    failing: [...failing('accessibility'), ...failing('best-practices'), ...failing('seo')],
  };
}

/** One line for a report. */
export function line(name, row) {
  return `${name.padEnd(16)} ${row.performance} / ${row.accessibility} / ${row.best_practices} / ${row.seo}; FCP ${row.fcp_ms} ms, LCP ${row.lcp_ms} ms, TBT ${row.tbt_ms} ms, CLS ${row.cls.toFixed(3)}`;
}
