// Shared browser settings: Debian's Chromium, launched so that it reaches no outside host.
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium for a test: every context blocks service workers unless the test asks
 * for them (`serviceWorkers: 'allow'`, e2e/offline.test.mjs), so that each test sees the
 * network as a first visit does and its routes see every request.
 */
export async function launch() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

/** Until the explorer has its page: a pre-rendered page is on screen before the app takes it
 *  over (`tie-live` on `<html>`); any other page is the app's from the start. */
export function appLive(page) {
  return page.waitForFunction(() => !document.documentElement.hasAttribute('data-page')
    || document.documentElement.classList.contains('tie-live'));
}
