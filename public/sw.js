// Regulars service worker. `cargo xtask build` fills in the cache name (one per build) and the
// precache lists (the app shell under its content-hashed names); this file is never cached by
// the server, so the browser sees a new build as soon as it checks.
const CACHE = "{{cache}}";
// What every device keeps: the pages, styles, icons and the shopper's bundle.
const PRECACHE = {{precache}};
// What only some devices load, by bundle: the till's (with the QR decoder worker) and the
// owner's. A shopper's phone downloads neither; a tablet keeps the till's so it starts without a
// connection.
const BUNDLES = {{precache_bundles}};
// The page of each bundle, which preloads it: what a navigation gets without signal.
const PAGES = {{pages}};
// The rule of protocol/src/pages.rs, written in by `cargo xtask build`.
const bundleFor = {{bundle_for_path}};

/** Adds the files of `bundle` that `cache` lacks. */
async function cacheBundle(cache, bundle) {
  const missing = [];
  for (const path of BUNDLES[bundle]) {
    if (!(await cache.match(path))) missing.push(path);
  }
  await cache.addAll(missing);
}

/** Whether this device runs `bundle`: one of its pages is open, or the last build kept it. */
async function runs(bundle) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  if (windows.some((client) => bundleFor(new URL(client.url).pathname) === bundle)) {
    return true;
  }
  for (const name of await caches.keys()) {
    if (!name.startsWith("regulars-") || name === CACHE) continue;
    const kept = await (await caches.open(name)).keys();
    if (kept.some((request) => new URL(request.url).pathname.startsWith(`/assets/${bundle}-`))) {
      return true;
    }
  }
  return false;
}

self.addEventListener("install", (event) => {
  // Download the new build in the background. It waits until the page says to take over, so a
  // page that is open keeps running the build it started with.
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await cache.addAll(PRECACHE);
      for (const bundle of Object.keys(BUNDLES)) {
        if (await runs(bundle)) {
          await cacheBundle(cache, bundle);
        }
      }
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("regulars-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  } else if (typeof event.data === "string" && event.data.startsWith("cache-")) {
    // A till or owner page started on a device that did not keep its bundle yet.
    const bundle = event.data.slice("cache-".length);
    if (bundle in BUNDLES) {
      event.waitUntil(caches.open(CACHE).then((cache) => cacheBundle(cache, bundle)));
    }
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/") || url.pathname === "/healthz") {
    // The API is never cached here: the app keeps its data in IndexedDB.
    return;
  }
  if (request.mode === "navigate") {
    // Every client route is an app shell: the network's copy when there is one, the cached one
    // without signal.
    const shell = () =>
      caches.match(PAGES[bundleFor(url.pathname)]).then((cached) => cached || caches.match(PAGES.shopper));
    event.respondWith(
      fetch(request)
        .then((response) => (response.ok ? response : shell().then((cached) => cached || response)))
        .catch(() => shell().then((cached) => cached || Response.error())),
    );
    return;
  }
  // Hashed assets, icons and the manifest: from the cache, else from the network.
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
