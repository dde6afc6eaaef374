// The till's QR decoder: a module worker around the regulars-scanner wasm (rxing's reader, then
// the grid reader), so decoding a camera frame never holds up the page. `cargo xtask build`
// fills in the content-hashed names of wasm-bindgen's glue and the wasm, and precaches all three
// for the till to scan offline.
//
// Message in:  { id, width, height, pixels: ArrayBuffer (RGBA), frame: number, decoder?: string }
//              (frame: the frame's number, which picks the pass; decoder: the till's chain when
//              absent, bench/scan.mjs names each single reader)
// Message out: { id, texts: string[], ms } or { id, error }
import init, { decodeRgba } from "{{glue}}";

const ready = init({ module_or_path: "{{wasm}}" });

self.addEventListener("message", async (event) => {
  const { id, width, height, pixels, frame, decoder } = event.data;
  try {
    await ready;
    const started = performance.now();
    const texts = decodeRgba(width, height, new Uint8Array(pixels), frame >>> 0, decoder ?? "");
    self.postMessage({ id, texts, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
});
