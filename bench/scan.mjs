// Scanning benchmark, driven by bench/scan.sh (which builds what it needs first).
//
// 1. The decoder: N varied 640x480 frames (a phone or a printed card at a random size, angle,
//    tilt, contrast, light, blur and noise; made by `fake-camera frames` from two fixed seeds:
//    the set the decoder was tuned on and a held-out set) go one at a time to the till's real
//    decoder worker from dist/ in headless Chromium, through the till's chain (rxing's zxing-cpp
//    reader, then the grid reader) and through single readers alone (rqrr, the till's first
//    decoder; rxing's two ports). Prints the share decoded at the first frame and within three
//    (one pass a frame, as the live camera does), p50 and p95 milliseconds per frame (round trip
//    to the worker) at the first pass and p95 and the slowest over all three passes, zbar's
//    share on the same frames as a reference (bench/zbar_reference.py), and what the missed
//    frames are.
// 2. The till: a printed card's code in front of Chromium's fake camera, scanned S times through
//    the UI against the real server on loopback. Each scan: the cashier opens the camera (or
//    presses Next customer, which brings it back), the code is read, the stamp button is tapped
//    as soon as it shows (by the page itself: no human reaction time, no Playwright latency) and
//    the confirmation appears. Prints p50 and p95 of scan to confirmed stamp.
//
// Usage: node bench/scan.mjs --server BIN --fake-camera BIN --dist DIR [--frames N] [--scans N]

import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Playwright as the journeys use it, from end2end/node_modules; Debian's Chromium.
const { chromium } = createRequire(path.join(root, 'end2end/package.json'))('@playwright/test');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function options() {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const server = get('server');
  const fakeCamera = get('fake-camera');
  if (!server || !fakeCamera) throw new Error('usage: node bench/scan.mjs --server BIN --fake-camera BIN --dist DIR [--frames N] [--scans N]');
  return {
    server,
    fakeCamera,
    dist: get('dist', path.join(root, 'dist')),
    frames: Number(get('frames', '240')),
    scans: Number(get('scans', '20')),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const ms = (v) => `${v.toFixed(1)} ms`;

/** The release server on a free port with a fresh data directory, as `cargo xtask run` starts it. */
async function startServer(binary, dist, work) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(binary, [], {
    env: { ...process.env, REGULARS_LISTEN: `127.0.0.1:${port}`, REGULARS_DATA_DIR: path.join(work, 'data'), REGULARS_DIST_DIR: dist, RUST_LOG: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error('the server did not answer /healthz within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { base, stop: () => child.kill('SIGTERM') };
}

/** The decoders the worker can run: the till's chain first, then single readers alone. */
const DECODERS = [
  ['chain', "the till's chain (rxing zxing-cpp, then grid)"],
  ['rqrr', "rqrr alone (the till's first decoder)"],
  ['rxing-cpp', "rxing's zxing-cpp reader alone"],
  ['rxing-java', "rxing's Java ZXing reader alone"],
];

/** Part 1: every frame of one set through the worker, with each decoder, three passes each. */
async function benchDecoder(browser, base, framesDir, setName) {
  const meta = JSON.parse(readFileSync(path.join(framesDir, 'frames.json'), 'utf8'));
  const pixels = readFileSync(path.join(framesDir, 'frames.bin'));
  // No service worker: once it controls the page, the frames' fetch would go past page.route.
  const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/bench/frames.bin', (route) => route.fulfill({ body: pixels, contentType: 'application/octet-stream' }));
  await page.goto('/staff');
  const worker = await page.locator('meta[name=regulars-scanner-worker]').getAttribute('content');
  const results = await page.evaluate(
    async ({ worker, width, height, count, codes, decoders }) => {
      const all = new Uint8Array(await (await fetch('/bench/frames.bin')).arrayBuffer());
      const decoder = new Worker(worker, { type: 'module' });
      const ask = (message, transfer) =>
        new Promise((resolve, reject) => {
          decoder.onmessage = (event) => resolve(event.data);
          decoder.onerror = (event) => reject(new Error(event.message));
          decoder.postMessage(message, transfer);
        });
      const rgba = (i) => {
        const gray = all.subarray(i * width * height, (i + 1) * width * height);
        const out = new Uint8ClampedArray(width * height * 4);
        for (let p = 0; p < gray.length; p++) {
          out[4 * p] = out[4 * p + 1] = out[4 * p + 2] = gray[p];
          out[4 * p + 3] = 255;
        }
        return out;
      };
      // Warm up: the worker loads and compiles its wasm.
      const warm = rgba(0);
      await ask({ id: -1, width, height, pixels: warm.buffer, frame: 0 }, [warm.buffer]);
      const byDecoder = {};
      for (const name of decoders) {
        const passes = [[], [], []];
        for (let pass = 0; pass < 3; pass++) {
          for (let i = 0; i < count; i++) {
            const frame = rgba(i);
            const started = performance.now();
            const answer = await ask({ id: i, width, height, pixels: frame.buffer, frame: pass, decoder: name }, [frame.buffer]);
            const roundTrip = performance.now() - started;
            if (answer.error) throw new Error(answer.error);
            passes[pass].push({ roundTrip, read: answer.texts.length === 1 && answer.texts[0] === codes[i] });
          }
        }
        byDecoder[name] = passes;
      }
      decoder.terminate();
      return byDecoder;
    },
    { worker, ...meta, decoders: DECODERS.map(([name]) => name) },
  );
  await context.close();

  const total = meta.count;
  const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
  console.log(`\n(1) decoder, ${setName} set (seed ${meta.set}): ${total} varied ${meta.width}x${meta.height} frames, the worker in headless Chromium, one pass a frame (plain, enlarged, sharpened)`);
  let missedByChain = [];
  for (const [name, label] of DECODERS) {
    const passes = results[name];
    const readBy = new Array(total).fill(false);
    passes.forEach((pass) => pass.forEach((r, f) => (readBy[f] ||= r.read)));
    const trips = passes[0].map((r) => r.roundTrip);
    const allTrips = passes.flat().map((r) => r.roundTrip);
    const first = passes[0].filter((r) => r.read).length;
    const any = readBy.filter(Boolean).length;
    if (name === 'chain') missedByChain = readBy.flatMap((read, f) => (read ? [] : [f]));
    console.log(
      `  ${label.padEnd(46)} first frame ${pct(first).padStart(7)}, within three ${pct(any).padStart(7)} (${any}/${total}); p50 ${ms(percentile(trips, 50))}, p95 ${ms(percentile(trips, 95))} a frame; all three passes p95 ${ms(percentile(allTrips, 95))}, slowest ${ms(Math.max(...allTrips))}`,
    );
  }
  const zbar = zbarReference(framesDir);
  if (zbar) {
    console.log(
      `  ${'zbar 0.23 (reference, native, pyzbar)'.padEnd(46)} one frame   ${pct(zbar.read).padStart(7)}                (${zbar.read}/${total}); p50 ${ms(zbar.p50)}, p95 ${ms(zbar.p95)} a frame`,
    );
    const both = missedByChain.filter((f) => zbar.missed.includes(f)).length;
    console.log(`  of the ${missedByChain.length} frames the chain misses within three, zbar misses ${both}`);
  }
  console.log(`  frames the chain misses within three: ${missedByChain.map((f) => describe(f, meta.shots[f], meta)).join('; ') || 'none'}`);
}

/** The decoder worker's files in dist/ (fetched only by tills without BarcodeDetector). */
function workerSize(dist) {
  const assets = path.join(dist, 'assets');
  // The build also writes .br and .gz copies beside each file: those are not more to fetch.
  const files = readdirSync(assets).filter((f) => f.startsWith('scanner') && !/\.(br|gz)$/.test(f));
  let raw = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(assets, file));
    raw += bytes.length;
    brotli += brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`decoder worker (${files.length} files: wasm, glue, worker): ${(raw / 1024).toFixed(1)} KiB, ${(brotli / 1024).toFixed(1)} KiB brotli`);
}

/** What makes a frame hard, in a few words. */
function describe(index, shot, { width, height }) {
  if (!shot) return String(index);
  const parts = [`#${index} ${shot.phone ? 'phone' : 'card'} ${shot.module_px.toFixed(1)} px/module`];
  if (shot.blur > 0) parts.push(`blur ${shot.blur}`);
  // The code's corners reach this far from the frame's centre once turned (a rough bound).
  const turn = ((shot.angle % 90) * Math.PI) / 180;
  const reach = (shot.qr_side / 2) * (Math.abs(Math.cos(turn)) + Math.abs(Math.sin(turn)));
  if (reach + Math.abs(shot.offset[1]) > height / 2 || reach + Math.abs(shot.offset[0]) > width / 2) parts.push('corners near or past the edge');
  if (Math.max(Math.abs(shot.tilt[0]), Math.abs(shot.tilt[1])) > 18) parts.push(`tilt ${Math.max(Math.abs(shot.tilt[0]), Math.abs(shot.tilt[1])).toFixed(0)} deg`);
  if (shot.contrast[1] - shot.contrast[0] < 120) parts.push('low contrast');
  return parts.join(', ');
}

/** zbar over the same frames (bench/zbar_reference.py), or null when it is not installed. */
function zbarReference(framesDir) {
  const python = process.env.ZBAR_PYTHON;
  if (!python) return null;
  try {
    const out = execFileSync(python, [path.join(root, 'bench/zbar_reference.py'), framesDir], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop());
  } catch (error) {
    console.log(`  zbar reference failed: ${error.message}`);
    return null;
  }
}

/** The owner sets up a stamp program and makes a printed card; returns the pairing code and the card's code. */
async function setUpShop(browser, base) {
  const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
  const page = await context.newPage();
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const shopName = `Bench Bakery ${id}`;
  await page.goto('/admin');
  await page.getByLabel('Email', { exact: true }).fill(`owner+bench-${id}@example.test`);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('Shop name', { exact: true }).fill(shopName);
  await page.getByLabel('Reward name', { exact: true }).fill('Free bun');
  await page.getByRole('radio', { name: 'Stamps', exact: true }).check();
  await page.getByLabel('Stamps per reward', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Create program', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: shopName, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Create pairing code', exact: true }).click();
  const codeLocator = page.getByTestId('pairing-code');
  await page.waitForFunction(() => /^\s*\S{8}\s*$/.test(document.querySelector('[data-testid=pairing-code]')?.textContent ?? ''));
  const pairingCode = (await codeLocator.textContent()).trim();
  const csrf = (await context.cookies()).find((c) => c.name === 'regulars_csrf')?.value;
  const response = await page.request.post('/api/v1/owner/printed-cards', { data: { first_name: 'Bench' }, headers: { 'X-CSRF-Token': csrf } });
  if (response.status() !== 201) throw new Error(`printed card: ${response.status()} ${await response.text()}`);
  const { code } = await response.json();
  await context.close();
  return { shopName, pairingCode, code };
}

/** Part 2: scan to confirmed stamp through the till's UI with the fake camera. */
async function benchTill(base, fakeCamera, work, scans) {
  const setupBrowser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const { shopName, pairingCode, code } = await setUpShop(setupBrowser, base);
  await setupBrowser.close();

  const video = path.join(work, 'printed-card.y4m');
  execFileSync(fakeCamera, ['video', code, video]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...BROWSER_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  const page = await (await browser.newContext({ baseURL: base, locale: 'en-GB', viewport: { width: 1180, height: 820 } })).newPage();
  page.on('pageerror', (error) => console.log(`  [till] page error: ${error.message}`));
  await page.goto('/staff');
  await page.getByLabel('Pairing code', { exact: true }).fill(pairingCode);
  await page.getByRole('button', { name: 'Pair tablet', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: shopName, exact: true }).waitFor();

  const runs = [];
  for (let i = 0; i < scans; i++) {
    const button = i === 0 ? 'Scan with camera' : 'Next customer';
    // In the page: press the button, note when the camera is on, when the customer shows, tap
    // "Give 1 stamp" the moment it can be tapped, note when the confirmation shows.
    await page.evaluate((button) => {
      const run = { start: performance.now() };
      window.__scan = run;
      const press = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button);
      const observer = new MutationObserver(() => {
        const now = performance.now();
        if (!run.cameraOn && document.querySelector('section.camera[data-camera=on]')) run.cameraOn = now;
        // The previous customer leaves before the camera comes back: a name after that is the new one.
        if (run.cameraOn && !run.customer && document.querySelector('[data-testid=customer-name]')) run.customer = now;
        const give = [...document.querySelectorAll('button')].find((b) => /^Give 1 stamp$/.test(b.textContent.trim()));
        if (run.customer && !run.tapped && give && !give.disabled) {
          run.tapped = now;
          give.click();
        }
        const confirmation = document.querySelector('[data-testid=confirmation]');
        if (run.tapped && !run.confirmed && confirmation && /stamp given/i.test(confirmation.textContent)) {
          run.confirmed = now;
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      press.click();
    }, button);
    await page.waitForFunction(() => window.__scan.confirmed, null, { timeout: 60_000 });
    runs.push(await page.evaluate(() => window.__scan));
    // The stamp reached the server before the next customer (online on loopback).
    await page.waitForFunction(() => /^0 to sync$/.test(document.querySelector('[data-testid=unsynced-count]')?.textContent?.trim() ?? ''), null, { timeout: 30_000 });
  }
  const balance = (await page.getByTestId('customer-balance').textContent())?.trim();
  await browser.close();

  const total = runs.map((r) => r.confirmed - r.start);
  const fromCamera = runs.map((r) => r.confirmed - r.cameraOn);
  const toCustomer = runs.map((r) => r.customer - r.cameraOn);
  console.log(`\n(2) till: scan to confirmed stamp through the UI, ${scans} scans of a printed card, fake camera, server on loopback`);
  console.log(`  camera on -> code read and customer shown: p50 ${ms(percentile(toCustomer, 50))}, p95 ${ms(percentile(toCustomer, 95))}`);
  console.log(`  camera on -> stamp confirmed:              p50 ${ms(percentile(fromCamera, 50))}, p95 ${ms(percentile(fromCamera, 95))}`);
  console.log(`  tap (Scan / Next customer) -> confirmed:   p50 ${ms(percentile(total, 50))}, p95 ${ms(percentile(total, 95))}  (includes starting the camera)`);
  console.log(`  the card's balance after the run: ${balance} stamps (expected ${scans})`);
}

async function main() {
  const opts = options();
  const work = mkdtempSync(path.join(tmpdir(), 'regulars-scan-bench-'));
  const server = await startServer(opts.server, opts.dist, work);
  try {
    console.log(`server: ${server.base} (data in ${work})`);
    workerSize(opts.dist);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
    try {
      for (const set of ['tuned', 'held-out']) {
        const framesDir = path.join(work, `frames-${set}`);
        execFileSync(opts.fakeCamera, ['frames', framesDir, '--count', String(opts.frames), '--set', set]);
        await benchDecoder(browser, server.base, framesDir, set);
      }
    } finally {
      await browser.close();
    }
    await benchTill(server.base, opts.fakeCamera, work, opts.scans);
  } finally {
    server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
