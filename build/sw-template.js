// Baoxun's service worker: the page, its scripts, styles, WASM (sql.js, jieba) and the sample
// corpus are cached at install, so the page opens and searches offline after the first visit
// (the corpus itself is in the browser's storage). PRECACHE and VERSION are written above this
// line by the build (build/site-plugins.ts). A new build has a new VERSION: it installs, takes
// over and deletes the caches of older versions.
/* global PRECACHE, VERSION */
const CACHE = `baoxun-${VERSION}`;
/** Fetched from the network first (they change without a new build), cached as a fallback. */
const FRESH = ['./', './index.html', './corpus/manifest.json'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'reload' so an HTTP cache cannot hand a file of an older build to this one.
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('baoxun-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

const scope = new URL(self.registration.scope);
const fresh = new Set(FRESH.map((p) => new URL(p, scope).href));

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && request.method === 'GET') await cache.put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (e) {
    const cached = (await cache.match(fallbackUrl ?? request, { ignoreSearch: true }));
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  if (request.mode === 'navigate') {
    // Any address of the page (?q=… &a=…) is the same page.
    event.respondWith(networkFirst(request, new URL('./index.html', scope).href));
    return;
  }
  const bare = `${url.origin}${url.pathname}`;
  if (fresh.has(bare)) {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
    return cached ?? fetch(request);
  })());
});
