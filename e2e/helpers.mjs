// Shared e2e setup: serve dist/ on a free loopback port, launch Debian's Chromium, and a page
// object for the explorer. Every test records the requests the page makes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { startServer } from '../scripts/serve-dist.mjs';
import { appLive, launch } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Starts the server and the browser; returns { url, browser, close }. */
export async function setup() {
  // DIST_DIR lets a test run against another build (a snapshot) than dist/.
  const { server, url } = await startServer(process.env.DIST_DIR || 'dist', 0);
  const browser = await launch();
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A partner's page embedding `body`: it records every message it receives in
 * `window.messages` and the loader's events in `window.events` (`{ type, detail }`).
 */
export function partnerPage(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partner page</title></head>
<body><main><h1>A partner's article</h1><p>Some text before the widget.</p>${body}<p>Text after.</p></main>
<script>
  window.messages = [];
  window.events = [];
  addEventListener('message', (e) => window.messages.push({ origin: e.origin, data: e.data }));
  for (const t of ['tie-ready', 'tie-rank-changed', 'tie-band-changed'])
    document.addEventListener(t, (e) => window.events.push({ type: t, detail: e.detail }));
</script></body></html>`;
}

/** Serves `pages` (path -> HTML) from another origin (another loopback port): { url, close }. */
export async function startHost(pages) {
  const host = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body || 'not found');
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${host.address().port}`, close: () => new Promise((ok) => host.close(ok)) };
}

/** A visitor's view of the explorer. */
export class Explorer {
  constructor(page, base) {
    this.page = page;
    this.base = base;
    this.requests = [];
    this.errors = [];
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  static async open(env, query = '', options = {}) {
    const context = options.context || (await env.browser.newContext(options.contextOptions));
    const page = await context.newPage();
    const explorer = new Explorer(page, env.url);
    await explorer.goto(query);
    return explorer;
  }

  async goto(query = '') {
    await this.page.goto(`${this.base}/${query}`);
    await appLive(this.page);
    await this.page.locator('main h1').first().waitFor();
  }

  /** The ranking table as data: one object per row, in display order. */
  async rows() {
    return this.page.$$eval('table.ranking tbody tr', (trs) =>
      trs.map((tr) => ({
        iso3: tr.dataset.iso3,
        rank: tr.children[0].textContent.match(/^\d+/)?.[0] ?? '—',
        score: tr.querySelector('[data-testid="score"]')?.firstChild?.textContent.trim() ?? '',
        band: tr.querySelector('[data-testid="band"] .band-label')?.textContent.trim() ?? null,
        official: tr.querySelector('[data-testid="official"]')?.textContent.trim() ?? null,
        differs: !!tr.querySelector('[data-testid="differs"]'),
      })),
    );
  }

  async caption() {
    return (await this.page.locator('table.ranking caption').textContent()).trim();
  }

  slider(pillar) {
    return this.page.locator(`#weight-${pillar}`);
  }

  /** The query string currently in the address bar. */
  query() {
    return new URL(this.page.url()).search;
  }

  /** Waits until the address bar satisfies `predicate(URLSearchParams)` (history API included). */
  async waitForQuery(predicate) {
    await this.page.waitForURL((url) => predicate(url.searchParams), { waitUntil: 'commit' });
  }

  /** Runs axe-core on the page; returns its violations. */
  async axe() {
    // Evaluated through the DevTools protocol: the page's CSP (rightly) forbids inline scripts.
    await this.page.evaluate(`${AXE_SOURCE};0`);
    return this.page.evaluate(async () => {
      const result = await window.axe.run(document, {
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }));
    });
  }

  /** Requests to any host other than the one serving the app. */
  foreignRequests() {
    const own = new URL(this.base).host;
    return this.requests.filter((u) => {
      const url = new URL(u);
      return !(url.protocol === 'data:' || url.protocol === 'blob:' || url.host === own);
    });
  }
}

/**
 * An independent oracle for the GTI model: the published pillar bands of the countries that
 * have them, and the published overall bands of the others (from data/gti-2025/values.csv).
 */
export const MIDPOINT = { 'Very High': 10, High: 30, Considerable: 50, Moderate: 70, Low: 90 };
export const PILLARS = {
  KGZ: ['Moderate', 'Considerable', 'High', 'High', 'Very High', 'Considerable', 'Considerable'],
  IND: ['Considerable', 'High', 'High', 'High', 'High', 'High', 'High'],
  HND: ['Considerable', 'High', 'Very High', 'Very High', 'Very High', 'High', 'High'],
};
export const OVERALL = {
  ITA: 'Moderate', ESP: 'Moderate', ARG: 'Considerable', TGO: 'Considerable', KGZ: 'Considerable',
  IND: 'High', COL: 'High', MEX: 'High', TUN: 'High', TUR: 'High', HND: 'High',
  CMR: 'High', COD: 'High', MYS: 'High', PAK: 'High',
  BHR: 'Very High', BLR: 'Very High', SLV: 'Very High', ETH: 'Very High', LBY: 'Very High', RUS: 'Very High',
};
export const NAMES = {
  ITA: 'Italy', ESP: 'Spain', ARG: 'Argentina', TGO: 'Togo', KGZ: 'Kyrgyzstan', IND: 'India',
  COL: 'Colombia', MEX: 'Mexico', TUN: 'Tunisia', TUR: 'Türkiye', HND: 'Honduras', BHR: 'Bahrain',
  BLR: 'Belarus', SLV: 'El Salvador', ETH: 'Ethiopia', LBY: 'Libya', RUS: 'Russian Federation',
  CMR: 'Cameroon', COD: 'DR Congo', MYS: 'Malaysia', PAK: 'Pakistan',
};

export function bandOf(score) {
  if (score < 20) return 'Very high';
  if (score < 40) return 'High';
  if (score < 60) return 'Considerable';
  if (score < 80) return 'Moderate';
  return 'Low';
}

/** Expected ranked rows [{iso3, rank, score}] for `weights`, computed without the app. */
export function expectedRanking(weights) {
  const rows = Object.keys(OVERALL).map((iso3) => {
    const pillars = PILLARS[iso3];
    let score = MIDPOINT[OVERALL[iso3]];
    if (pillars) {
      const total = weights.reduce((a, b) => a + b, 0);
      score = pillars.reduce((s, b, i) => s + MIDPOINT[b] * weights[i], 0) / total;
    }
    return { iso3, score };
  });
  const key = (s) => Math.round(s * 1e6);
  rows.sort((a, b) => key(b.score) - key(a.score) || (NAMES[a.iso3] < NAMES[b.iso3] ? -1 : 1));
  let previous = null;
  rows.forEach((r, i) => {
    r.rank = previous && key(previous.score) === key(r.score) ? previous.rank : i + 1;
    previous = r;
  });
  return rows;
}

/**
 * Until the iframe `selector` on `page` is as tall as the document in `frame` (within 1 px),
 * both read afresh each time: the content may still be settling when the test first looks
 * (a busy machine), and the iframe follows it. Fails after `timeout` ms with both heights.
 */
export async function untilFrameFits(page, frame, selector, timeout = 15000) {
  const heights = async () => [
    await frame.evaluate(() => document.documentElement.scrollHeight),
    await page.$eval(selector, (f) => f.getBoundingClientRect().height),
  ];
  let [content, iframe] = await heights();
  for (const start = Date.now(); Math.abs(content - iframe) > 1 && Date.now() - start < timeout;) {
    await page.waitForTimeout(100);
    [content, iframe] = await heights();
  }
  if (Math.abs(content - iframe) > 1) throw new Error(`the iframe is ${iframe} px tall, its content ${content} px`);
}
