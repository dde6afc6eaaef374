// Starts Regulars. The page names three bundles (JS glue and WebAssembly module, with their
// content hashes): the till's under /staff, the owner's under /admin, the shopper's everywhere
// else. The placeholder below is the rule of protocol/src/pages.rs as a function, written in by
// `cargo xtask build`. A file rather than an inline script, so the Content-Security-Policy allows
// scripts from this origin only.
const bundleFor = {{bundle_for_path}};
const bundle = bundleFor(location.pathname);
const [glue, wasm] = document
  .querySelector(`meta[name="regulars-${bundle}-bundle"]`)
  .content.split(' ');
import(glue).then((app) => app.default({ module_or_path: wasm }));
if (bundle !== 'shopper' && 'serviceWorker' in navigator) {
  // The service worker keeps the till's files only on tablets, the owner's only where they open.
  navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(`cache-${bundle}`));
}
