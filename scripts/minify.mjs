// Release builds (Trunk's post-build hook, scripts/post-build.mjs): minifies the style sheets and wasm-bindgen's
// JavaScript glue in the staging folder, and updates their Subresource Integrity hashes in
// index.html. Trunk's own minifier (`--minify`) would also rewrite index.html, whose exact
// markup the loader rewrite (csp.mjs) and the pre-renderer (src/bin/prerender.rs) read.
// Figures: the explorer's style sheets 6.5 -> 5.4 KiB gzip, its glue 9.5 -> 7.5 KiB.
//
// `node scripts/minify.mjs DIR` minifies a built folder by hand; scripts/minify.test.mjs tests
// the CSS minifier.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';

/** CSS without comments or needless white space; strings are kept as written. White space
 * goes after `{ } ; , : > (` and before `{ } ; , > ) !`, and a block's last `;` goes; it stays
 * before `:` (`a :is(b)` is a descendant, `a:is(b)` is not) and around `+` and `-` (calc). */
export function minifyCss(css) {
  let out = '';
  let space = false;
  const flush = (next) => {
    if (space && out && !/[{};,:>(]$/.test(out) && !/^[{};,>)!]/.test(next)) out += ' ';
    space = false;
  };
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error('minify.mjs: an unclosed comment');
      i = end + 2;
      space = true;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      if (j >= css.length) throw new Error('minify.mjs: an unclosed string');
      flush(c);
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c)) {
      space = true;
      i += 1;
    } else {
      flush(c);
      if (c === '}' && out.endsWith(';')) out = out.slice(0, -1);
      out += c;
      i += 1;
    }
  }
  return out;
}

/** An ES module (the pages' glue) may have its top-level names shortened; a classic script
 * (the worker's glue, whose `wasm_bindgen` its loader calls by name) may not. */
const isModule = (bytes) => /^export /m.test(bytes.toString('utf8'));

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Minifies a built folder's style sheets and glue in place, and their integrity hashes. */
export async function minifyFolder(dir) {
  const page = join(dir, 'index.html');
  let html = existsSync(page) ? readFileSync(page, 'utf8') : null;
  const saved = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    const css = name.endsWith('.css');
    // wasm-bindgen's glue sits beside its module (a copied script, such as embed.js, does not).
    const glue = name.endsWith('.js') && existsSync(join(dir, name.replace(/\.js$/, '_bg.wasm')));
    if (!css && !glue) continue;
    const before = readFileSync(file);
    const after = Buffer.from(
      css
        ? minifyCss(before.toString('utf8'))
        : (await minify(before.toString('utf8'), { module: isModule(before), compress: true, mangle: true })).code,
    );
    writeFileSync(file, after);
    if (html) html = html.replaceAll(sri(before), sri(after));
    saved.push(`${name} ${before.length} -> ${after.length} B`);
  }
  if (html) writeFileSync(page, html);
  console.log(`minify.mjs: ${saved.join('; ') || 'nothing to minify'}`);
}

// Run as a script: `node scripts/minify.mjs DIR`.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await minifyFolder(process.argv[2] ?? 'dist');
