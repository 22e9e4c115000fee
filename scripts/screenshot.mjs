// Takes screenshots of the built app in headless Chromium: node scripts/screenshot.mjs OUT.png [query] [width] [height]
import { chromium } from 'playwright-core';
import { startServer } from './serve-dist.mjs';
import { CHROMIUM, LAUNCH_ARGS } from '../e2e/browser.mjs';

const [out = 'screenshot.png', query = '', width = '1280', height = '900', full = ''] = process.argv.slice(2);
const { server, url } = await startServer('dist', 0);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(`${url}/${query}`);
  await page.waitForSelector('main h1');
  await page.screenshot({ path: out, fullPage: full === 'full' });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
