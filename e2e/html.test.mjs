// The Nu HTML checker (npm vnu-jar, with the machine's Java) finds no error in the release's
// pages as served, nor in the pages as the app renders them: every view of the explorer in
// English and Arabic, the workbench's views and both widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup } from './helpers.mjs';

const require = createRequire(import.meta.url);
const VNU = require.resolve('vnu-jar/build/dist/vnu.jar');

let env;
let dir;
before(async () => {
  env = await setup();
  dir = mkdtempSync(join(tmpdir(), 'tie-vnu-'));
});
after(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The checker's errors for `files`, as "file: line: message". */
function vnu(files) {
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--stdout', ...files], { maxBuffer: 1 << 26 }, (error, stdout) => {
      try {
        const { messages } = JSON.parse(stdout);
        resolve(messages.filter((m) => m.type === 'error').map((m) => `${m.url.split('/').pop()}: ${m.lastLine}: ${m.message}`));
      } catch (e) {
        reject(error || e);
      }
    });
  });
}

const PAGES = [
  ['explorer', '/'],
  ['widget', '/embed/'],
  ['workbench', '/workbench/'],
  ['workbench-widget', '/workbench/embed/'],
  ['static-country', '/country/KGZ/'],
  ['static-es-methods', '/es/methods/'],
  ['static-ar-csp', '/ar/csp/'],
];

const RENDERED = [
  ['rankings', '/?'],
  ['rankings-csp', '/?index=csp&year=2022&'],
  ['map', '/?view=map&'],
  ['country', '/?view=country&country=KGZ&'],
  ['trends', '/?view=trends&'],
  ['compare', '/?view=compare&compare=KGZ,IND,UKR&'],
  ['cross', '/?view=cross&'],
  ['simulate', '/?view=simulate&country=KGZ&'],
  ['robustness', '/?view=robustness&'],
  ['methods', '/?view=methods&'],
  ['widget-card', '/embed/?view=card&country=KGZ&'],
  ['widget-ranking', '/embed/?view=ranking&'],
  ['workbench-ranking', '/workbench/?index=open-indicators&'],
  ['workbench-profile', '/workbench/?index=open-indicators&view=profile&unit=KGZ&'],
  ['workbench-map', '/workbench/?index=open-indicators&view=map&'],
  ['workbench-simulate', '/workbench/?index=open-indicators&view=simulate&unit=KGZ&'],
  ['workbench-widget', '/workbench/embed/?index=open-indicators&view=ranking&'],
];

test('the Nu HTML checker: no errors in the pages as served', async () => {
  const files = [];
  for (const [name, path] of PAGES) {
    const response = await fetch(`${env.url}${path}`);
    const file = join(dir, `served-${name}.html`);
    writeFileSync(file, await response.text());
    files.push(file);
  }
  assert.deepEqual(await vnu(files), []);
});

test('the Nu HTML checker: no errors in every view as rendered, in English and in Arabic', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const files = [];
  for (const lang of ['en', 'ar']) {
    for (const [name, path] of RENDERED) {
      await page.goto(`${env.url}${path}lang=${lang}`);
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForTimeout(150);
      const file = join(dir, `rendered-${name}-${lang}.html`);
      writeFileSync(file, await page.content());
      files.push(file);
    }
  }
  assert.deepEqual(await vnu(files), []);
  await context.close();
});
