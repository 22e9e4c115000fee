// Trunk post-build hook: allows exactly the inline scripts of index.html (Trunk's loader, and
// the explorer's first-paint script) by adding their SHA-256 to the Content-Security-Policy,
// so the page may run those and its own files, and nothing else (no other host, no eval).
//
// The explorer's page (index.html, `<div id="app">` without a mode) is pre-rendered
// (src/bin/prerender.rs): its loader is rewritten to fetch the app once the page has been
// drawn, without preloading it, so that on a slow network the page's own bytes come first
// and the copy is read while the app arrives. The widget and the workbench keep Trunk's.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The explorer's loader: once the browser reports the page's first contentful paint
 * (a paint timing entry, delivered once the frame is on screen), else after a frame; at the
 * latest after 2 s (200 ms for a tab hidden, and so drawn later); after a frame where the copy
 * is hidden until the app draws another view. A frame's callback runs
 * before that frame is painted, which on a slow phone can be a second later: fetching the app
 * then would put its download ahead of the page's largest paint (as Lighthouse models it). */
export function afterPaint(html) {
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  const js = loader && loader[1].match(/from '\.\/([\w-]+\.js)'/);
  const wasm = loader && loader[1].match(/module_or_path: '\.\/([\w-]+_bg\.wasm)'/);
  if (!js || !wasm) throw new Error("csp.mjs: Trunk's loader is not the expected one");
  const script = `
// The page is drawn first; then the app is fetched (scripts/csp.mjs). If it cannot start, the
// page is shown as it reads without JavaScript.
await new Promise((ok) => {
  setTimeout(ok, document.hidden ? 200 : 2000);
  // A copy hidden until the app draws another view (tie-fresh) paints nothing first.
  if (document.documentElement.classList.contains('tie-fresh')) return requestAnimationFrame(() => setTimeout(ok));
  try {
    new PerformanceObserver((list) => { if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) ok(); })
      .observe({ type: 'paint', buffered: true });
  } catch (e) {
    requestAnimationFrame(() => setTimeout(ok));
  }
});
try {
  const bindings = await import('./${js[1]}');
  const wasm = await bindings.default({ module_or_path: './${wasm[1]}' });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
} catch (e) {
  if (!document.documentElement.classList.contains('tie-live')) document.documentElement.classList.remove('js', 'tie-fresh');
  throw e;
}
`;
  return html
    .replace(loader[0], `<script type="module">${script}</script>`)
    .replace(/<link rel="modulepreload"[^>]*>/, '')
    .replace(/<link rel="preload"[^>]*_bg\.wasm"[^>]*>/, '');
}

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
if (html.includes('<div id="app">')) html = afterPaint(html);
const hashes = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const marker = "script-src 'self' 'wasm-unsafe-eval'";
if (!html.includes(marker)) {
  console.error('csp.mjs: no script-src to extend in index.html');
  process.exit(1);
}
html = html.replace(marker, `${marker} ${hashes.join(' ')}`);
writeFileSync(file, html);
console.log(`csp.mjs: allowed ${hashes.length} inline script(s)`);
