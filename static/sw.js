/* Torture Index Explorer's service worker: the release, kept in this browser after the first
 * visit, so that every view of the explorer opens and reloads with the network off.
 *
 * `scripts/sw.mjs` (the end of `make build`) writes dist/sw.js from this file: RELEASE is a hash
 * of every precached file, PRECACHE their paths. One cache per release; a page is served by one
 * release only. A new release installs beside the old one and waits: the page is told
 * (`tie-update-ready`) and says "a newer version is available: reload"; only when the visitor
 * reloads through that notice (or every tab of the old release is closed) does the new one take
 * over, and the old cache is deleted. The worker talks to no host but its own. */
const RELEASE = '__RELEASE__';
const PRECACHE = __PRECACHE__;
const CACHE = `tie-${RELEASE}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  // Through the HTTP cache: the hashed files the page has just loaded are not fetched twice
  // (they are immutable); the rest (no-cache) is revalidated, so it is this release's.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tie-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'tie:activate') self.skipWaiting();
  if (event.data === 'tie:release' && event.source) event.source.postMessage({ type: 'tie:release', release: RELEASE });
});

/** The page a navigation opens: the explorer's own page for its address, whatever the query. */
function pageFor(url) {
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (path === '' || path === 'index.html') return 'index.html';
  return null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const page = request.mode === 'navigate' ? pageFor(url) : null;
    const hit = await cache.match(page ? new URL(page, SCOPE).href : request);
    if (hit) return hit;
    // Not part of the precached release (the workbench, a widget, their data): from the
    // network, and kept in this release's cache for the next time offline.
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
      return response;
    } catch (e) {
      const stale = await cache.match(request, { ignoreSearch: true });
      if (stale) return stale;
      throw e;
    }
  })());
});
