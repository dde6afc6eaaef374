// Starts Regulars: imports the app's JavaScript glue and hands it the WebAssembly module, both
// named (with their content hashes) by the preload links of index.html. A file rather than an
// inline script, so the Content-Security-Policy allows scripts from this origin only.
const glue = document.getElementById('app-js').href;
const wasm = document.getElementById('app-wasm').href;
import(glue).then((app) => app.default({ module_or_path: wasm }));
