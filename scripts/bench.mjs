// In-browser benchmarks of the release build (dist/): bundle sizes, load time and the latency
// from a slider's input event to the updated table. Prints numbers; asserts nothing.
//
// Method: Debian's Chromium, headless, on loopback. Load: 10 fresh page loads, time from
// navigation start to the first ranking row in the DOM (a MutationObserver installed before
// any page script). Slider: 100 input events on pillar sliders with values that change the
// ranking, each timed from just before dispatch to the table's mutation, then to the next
// animation frame (the update is on screen).
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startServer } from './serve-dist.mjs';
import { CHROMIUM, LAUNCH_ARGS } from '../e2e/browser.mjs';

const DIST = 'dist';
const kb = (n) => (n / 1024).toFixed(1);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
};

function sizes() {
  const rows = readdirSync(DIST)
    .filter((f) => statSync(join(DIST, f)).isFile())
    .map((f) => {
      const body = readFileSync(join(DIST, f));
      return { file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { rows, total };
}

const { server, url } = await startServer(DIST, 0);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
const results = {};
try {
  const s = sizes();
  console.log('\nrelease bundle (dist/)');
  for (const r of s.rows) console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(8)} KB  ${kb(r.gzip).padStart(7)} KB gzip`);
  console.log(`  ${'total'.padEnd(48)} ${kb(s.total.raw).padStart(8)} KB  ${kb(s.total.gzip).padStart(7)} KB gzip`);
  results.size = s;

  const loads = [];
  for (let i = 0; i < 10; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('table tbody tr')) {
          window.__firstRow = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${url}/`);
    await page.waitForSelector('table tbody tr');
    loads.push(await page.evaluate(() => window.__firstRow));
    await context.close();
  }
  results.load = { median: pct(loads, 0.5), p95: pct(loads, 0.95), max: Math.max(...loads) };
  console.log(`\nload to first ranking row (10 fresh loads): median ${results.load.median.toFixed(1)} ms, p95 ${results.load.p95.toFixed(1)} ms`);

  for (const [name, query] of [['rankings', '']]) {
    const page = await browser.newPage();
    await page.goto(`${url}/${query}`);
    await page.waitForSelector('#gti-table tbody tr');
    page.on('console', (m) => { if (m.type() === 'warning') console.log('  ', m.text()); });
    const samples = await page.evaluate(async () => {
      // Observe the whole page: the slider's output and the table change in one render pass.
      const root = document.querySelector('main');
      const out = [];
      for (let i = 0; i < 100; i++) {
        const slider = document.getElementById(`weight-${(i % 7) + 1}`);
        let value = String(((i * 3) % 20) / 2 + 0.5);
        if (value === slider.value) value = String(Number(value) === 10 ? 9.5 : Number(value) + 0.5);
        // Rendered when the slider's own output shows the new weight (the table is updated
        // in the same render pass).
        const output = document.getElementById(`${slider.id}-value`);
        const done = () => output.textContent.startsWith(Number(value).toFixed(1) + ' ');
        const changed = new Promise((ok) => {
          const obs = new MutationObserver(() => {
            if (done()) {
              obs.disconnect();
              ok(performance.now());
            }
          });
          obs.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
        });
        const t0 = performance.now();
        slider.value = value;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = done() ? performance.now() : await Promise.race([changed, new Promise((ok) => setTimeout(() => ok(null), 500))]);
        await new Promise((ok) => requestAnimationFrame(() => ok()));
        const t2 = performance.now();
        if (t1 !== null) out.push({ dom: t1 - t0, frame: t2 - t0 });
        else console.warn('no update', i, slider.id, value);
      }
      return out;
    });
    const dom = samples.map((s) => s.dom);
    const frame = samples.map((s) => s.frame);
    results[`slider_${name}`] = {
      n: samples.length,
      dom_p50: pct(dom, 0.5), dom_p95: pct(dom, 0.95),
      frame_p50: pct(frame, 0.5), frame_p95: pct(frame, 0.95),
    };
    const r = results[`slider_${name}`];
    console.log(`slider input -> page updated (${name}, ${r.n} inputs): p50 ${r.dom_p50.toFixed(2)} ms, p95 ${r.dom_p95.toFixed(2)} ms; to next frame p95 ${r.frame_p95.toFixed(2)} ms`);
    await page.close();
  }
  mkdirSync('target', { recursive: true });
  writeFileSync('target/bench.json', JSON.stringify(results, null, 2));
  console.log('\n(written to target/bench.json)');
} finally {
  await browser.close();
  server.close();
}
