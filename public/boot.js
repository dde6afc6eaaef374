// Starts Regulars. index.html names two bundles (JS glue and WebAssembly module, with their
// content hashes): the till's and owner's under /staff and /admin, the shopper's smaller one
// everywhere else (the list is `BUSINESS_PATHS` in app/src/app.rs). A file rather than an inline
// script, so the Content-Security-Policy allows scripts from this origin only.
const business = /^\/(staff|admin)(\/|$)/.test(location.pathname);
const [glue, wasm] = document
  .querySelector(`meta[name="regulars-${business ? 'business' : 'shopper'}-bundle"]`)
  .content.split(' ');
import(glue).then((app) => app.default({ module_or_path: wasm }));
if (business && 'serviceWorker' in navigator) {
  // The service worker keeps the whole app only on devices that run the till or the owner's pages.
  navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage('cache-business'));
}
