// A minimal static server for the built app (dist/), for the e2e tests and benchmarks.
// Usage: node scripts/serve-dist.mjs [dir] [port] [--headers]   (port 0 picks a free one)
// As a module: `startServer(dir, port, host, { headers })` resolves to { server, url }.
// With `headers`, it sends exactly the response headers of the release's dist/_headers.json
// (scripts/headers.mjs: the deployment's set) and serves none of its `_` files; without, it
// sends `no-store` so tests always see the files on disk. With `headers` it also compresses
// (gzip) what a static host would, for a client that accepts it, as the nginx block does.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { headersFor } from './headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ftl': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
};

const GZIPPED = new Map();

export function startServer(dir = 'dist', port = 0, host = '127.0.0.1', options = {}) {
  const root = resolve(dir);
  const rules = options.headers ? JSON.parse(readFileSync(join(root, '_headers.json'), 'utf8')) : null;
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (rules && /^\/_/.test(path)) {
        res.writeHead(404).end('not found');
        return;
      }
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) file = join(info ? file : root, 'index.html');
      let body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const compress = rules && /^(text|application\/(wasm|json|manifest)|image\/svg)/.test(type)
        && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      if (compress) {
        // Compressed once per file version, as a static host keeps it: compressing the wasm
        // on every request would take a core from the browser under test.
        const key = `${file}:${(await stat(file)).mtimeMs}`;
        if (!GZIPPED.has(key)) GZIPPED.set(key, gzipSync(body));
        body = GZIPPED.get(key);
      }
      res.writeHead(200, {
        'content-type': type,
        ...(rules ? headersFor(rules, path) : { 'cache-control': 'no-store' }),
        ...(compress ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, url: `http://${host}:${p}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const [dir = 'dist', port = '8080'] = args.filter((a) => a !== '--headers');
  const { url } = await startServer(dir, Number(port), '127.0.0.1', { headers: args.includes('--headers') });
  console.log(`serving ${dir} at ${url}`);
}
