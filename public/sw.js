// Regulars service worker. `cargo xtask build` fills in the cache name (one per build) and the
// precache list (the app shell under its content-hashed names); this file is never cached by
// the server, so the browser sees a new build as soon as it checks.
const CACHE = "{{cache}}";
const PRECACHE = {{precache}};
const SHELL = "/index.html";

self.addEventListener("install", (event) => {
  // Download the new build in the background. It waits until the page says to take over, so a
  // page that is open keeps running the build it started with.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
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
    // Every client route is the same app shell: the network's copy when there is one, the
    // cached one without signal.
    event.respondWith(
      fetch(request)
        .then((response) => (response.ok ? response : caches.match(SHELL).then((cached) => cached || response)))
        .catch(() => caches.match(SHELL).then((cached) => cached || Response.error())),
    );
    return;
  }
  // Hashed assets, icons and the manifest: from the cache, else from the network.
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
