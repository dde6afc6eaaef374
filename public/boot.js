// Starts Regulars. index.html names two bundles (JS glue and WebAssembly module, with their
// content hashes): the till's and owner's under /staff and /admin, the shopper's smaller one
// everywhere else. The business-path placeholder below is the rule of protocol/src/pages.rs, written in by
// `cargo xtask build`. A file rather than an inline script, so the Content-Security-Policy allows
// scripts from this origin only.
const business = {{business_path}}.test(location.pathname);
const [glue, wasm] = document
  .querySelector(`meta[name="regulars-${business ? 'business' : 'shopper'}-bundle"]`)
  .content.split(' ');
import(glue).then((app) => app.default({ module_or_path: wasm }));
if (business && 'serviceWorker' in navigator) {
  // The service worker keeps the whole app only on devices that run the till or the owner's pages.
  navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage('cache-business'));
}
