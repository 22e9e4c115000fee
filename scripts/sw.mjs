// Writes dist/sw.js (the service worker, from static/sw.js) for the release in `dir`: the list of
// files it keeps for offline use (everything the explorer's views load: its page, wasm, script
// and styles, the map's geometry, every language's files, the manifest and icons) and a release
// id that changes whenever any of them does. `make build` runs it after the four Trunk builds,
// before scripts/headers.mjs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The explorer's files, as paths relative to `dir` (the service worker's scope). */
export function precache(dir) {
  const top = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
  const page = top.filter((f) => /\.(html|js|wasm|css|webmanifest|svg|png)$/.test(f) && !['sw.js', 'embed.js'].includes(f));
  const map = existsSync(join(dir, 'map')) ? readdirSync(join(dir, 'map')).map((f) => `map/${f}`) : [];
  const languages = existsSync(join(dir, 'i18n'))
    ? readdirSync(join(dir, 'i18n'))
      .filter((l) => l !== 'en')
      .flatMap((l) => ['common.ftl', 'app.ftl', 'data.csv', 'countries.csv'].map((f) => `i18n/${l}/${f}`))
      .filter((f) => existsSync(join(dir, f)))
    : [];
  return [...page, ...map, ...languages].sort();
}

export function writeServiceWorker(dir) {
  const files = precache(dir);
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  const template = readFileSync(join(root, 'static', 'sw.js'), 'utf8');
  hash.update(template);
  const release = hash.digest('hex').slice(0, 16);
  const body = template
    .replace("'__RELEASE__'", `'${release}'`)
    .replace('__PRECACHE__', JSON.stringify(files));
  writeFileSync(join(dir, 'sw.js'), body);
  return { release, files };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] || 'dist';
  const { release, files } = writeServiceWorker(dir);
  console.log(`sw.mjs: release ${release}, ${files.length} files kept for offline use`);
}
