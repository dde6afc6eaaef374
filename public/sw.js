// Regulars service worker. `cargo xtask build` fills in the cache name (one per build) and the
// precache lists (the app shell under its content-hashed names); this file is never cached by
// the server, so the browser sees a new build as soon as it checks.
const CACHE = "{{cache}}";
// What every device keeps: the page, styles, icons and the shopper's bundle.
const PRECACHE = {{precache}};
// What only the till and the owner's pages load: the whole app and the QR decoder worker. A
// shopper's phone never downloads it; a tablet keeps it so the till starts without a connection.
const BUSINESS = {{precache_business}};
// The rule of protocol/src/pages.rs, written in by `cargo xtask build`.
const BUSINESS_PATH = {{business_path}};
// The page without signal: the one preloading the whole app under /staff and /admin.
const SHELL = "/index.html";
const BUSINESS_SHELL = "/business.html";

/** Adds the business files that `cache` lacks. */
async function cacheBusiness(cache) {
  const missing = [];
  for (const path of BUSINESS) {
    if (!(await cache.match(path))) missing.push(path);
  }
  await cache.addAll(missing);
}

/** Whether this device runs the till or the owner's pages: one is open, or the last build kept them. */
async function runsBusiness() {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  if (windows.some((client) => BUSINESS_PATH.test(new URL(client.url).pathname))) {
    return true;
  }
  for (const name of await caches.keys()) {
    if (!name.startsWith("regulars-") || name === CACHE) continue;
    const kept = await (await caches.open(name)).keys();
    if (kept.some((request) => new URL(request.url).pathname.startsWith("/assets/regulars-"))) {
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
      if (await runsBusiness()) {
        await cacheBusiness(cache);
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
  } else if (event.data === "cache-business") {
    // A till or owner page started on a device that had only the shopper's files.
    event.waitUntil(caches.open(CACHE).then(cacheBusiness));
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
      (BUSINESS_PATH.test(url.pathname) ? caches.match(BUSINESS_SHELL) : Promise.resolve(undefined)).then(
        (cached) => cached || caches.match(SHELL),
      );
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
