// Trunk post-build hook: allows exactly the inline loader Trunk writes into index.html by
// adding its SHA-256 to the Content-Security-Policy, so the page may run that script and its
// own files, and nothing else (no other host, no eval).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
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
console.log(`csp.mjs: allowed ${hashes.length} inline loader script(s)`);
