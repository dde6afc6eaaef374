// First-load benchmark, driven by bench/first-load.sh (which builds the app and the server and
// starts the server on a fresh data directory).
//
// A shopper meets Regulars through a join link on a phone with a poor connection, and comes back
// to the card in the shop without signal; a cashier scans one customer after another. This
// measures those three moments against floors that show what the bytes alone cost:
//
// 1. First visit, headless Chromium as a phone (1.6 Mbps down, 750 kbps up, 150 ms round trip,
//    CPU 4x slower), a fresh browser context a run (cold cache): join link to a usable Join
//    button (visible and enabled: the wasm app has started and the shop has loaded), and Join
//    click to the card with its QR (the recovery code's "Done" is tapped by the page the moment
//    it shows: no human reading time). The floor, in the same run and on the same emulated
//    network: a static page of as many bytes as the join page downloaded in that run (response
//    bodies as transferred), served by the same server, timed to its load event.
// 2. Cold start offline: in that context, once the service worker controls the card, the page
//    closes, the service worker is stopped, the context goes offline, and a new page (CPU 4x
//    slower) opens the card URL: time to QR visible. The floor: a page of as many bytes as the
//    card read from the service worker's cache, put into that same cache (as the shell the worker
//    answers navigations with when there is no network, and a script it answers from the cache),
//    opened the same way and timed to its load event.
// 3. The till on a tablet, on loopback, no throttling: "Next customer" to ready for the next scan
//    (no customer shown, "Card code" empty and focused), and a scan (the card code typed into
//    "Card code", "Find card" pressed) to the customer shown. The card is a printed card (an R3
//    code, which the till takes again and again; a phone's code is taken once per 30-second step).
//
// Times are taken in the page (performance.now(), from navigation start or from the click),
// so Playwright's own latency is not in them. Prints one table to stdout, progress to stderr.
//
// Usage: REGULARS_BENCH_DIST=<the dist copy the server serves> node bench/first-load.mjs <base-url>
// REGULARS_BENCH_RUNS (default 10) sets the runs of 1 and 2; REGULARS_BENCH_TILL_RUNS (default
// twice that) the scans of 3.

import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Playwright as the journeys use it, from end2end/node_modules; Debian's Chromium.
const { chromium, devices } = createRequire(path.join(root, 'end2end/package.json'))('@playwright/test');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const base = process.argv[2];
const dist = process.env.REGULARS_BENCH_DIST;
if (!base || !dist) {
  console.error('usage: REGULARS_BENCH_DIST=<dist dir the server serves> node bench/first-load.mjs <base-url>');
  process.exit(2);
}
const RUNS = positive(process.env.REGULARS_BENCH_RUNS, 10);
const TILL_RUNS = positive(process.env.REGULARS_BENCH_TILL_RUNS, 2 * RUNS);

// A phone on a poor mobile connection.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = {
  userAgent: devices['Pixel 7'].userAgent,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
};
const TABLET = { viewport: { width: 1180, height: 820 }, deviceScaleFactor: 2, hasTouch: true, locale: 'en-GB' };
const WAIT_MS = 60_000;
const VERBOSE = process.env.REGULARS_BENCH_VERBOSE === '1';

function positive(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const log = (line) => process.stderr.write(`${line}\n`);
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(v < 100 ? 1 : 0)} ms` : 'n/a');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// The shop: one owner set up through the API, as the setup form does.

async function setUpShop() {
  const response = await fetch(`${base}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'owner+first-load@example.test',
      password: 'correct horse battery staple',
      shop_name: 'First Load Bakery',
      program_kind: 'stamps',
      reward_name: 'Free bun',
      reward_cost: 10,
    }),
  });
  if (response.status !== 201) throw new Error(`setup: ${response.status} ${await response.text()}`);
  const setup = await response.json();
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('regulars_csrf='))?.slice('regulars_csrf='.length);
  const owner = (url, body) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    }).then(async (r) => {
      if (r.status !== 201) throw new Error(`${url}: ${r.status} ${await r.text()}`);
      return r.json();
    });
  const { code: pairingCode } = await owner('/api/v1/owner/pairing-codes', {});
  const { code: printedCode } = await owner('/api/v1/owner/printed-cards', { first_name: 'Bench' });
  return { shopName: setup.shop.name, joinUrl: `${base}${setup.join_path}`, pairingCode, printedCode };
}

// ---------------------------------------------------------------------------------------------
// The floor: a static page of `bytes` bytes (page and one script), written into the dist copy the
// server serves. The script is one comment of random bytes, so compression cannot shrink it: what
// goes over the wire is what it weighs.

function floorPage(bytes) {
  const page = `/floor-${bytes}.html`;
  const script = `/floor-${bytes}.js`;
  if (!existsSync(path.join(dist, page))) {
    const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Floor</title><script src="${script}"></script></head><body><p>Floor: ${bytes} bytes</p></body></html>\n`;
    const filler = randomBytes(Math.max(0, bytes - Buffer.byteLength(html) - 4));
    // No "*/" can end the comment early.
    for (let i = 0; i < filler.length; i++) if (filler[i] === 0x2a) filler[i] = 0x2b;
    writeFileSync(path.join(dist, script), Buffer.concat([Buffer.from('/*'), filler, Buffer.from('*/')]));
    writeFileSync(path.join(dist, page), html);
  }
  return { page, script };
}

// ---------------------------------------------------------------------------------------------
// In the shopper's pages: marks when the Join button is usable, when the recovery code shows
// (then taps Done at once) and when the card's QR is visible, in the page's own clock.

function shopperMarks() {
  const marks = {};
  const waiting = [];
  window.__bench = marks;
  window.__benchUntil = (name) =>
    new Promise((resolve) => {
      if (marks[name] !== undefined) resolve(marks[name]);
      else waiting.push({ name, resolve });
    });
  const shown = (el) => {
    if (!el || !el.isConnected || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const button = (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
  window.__benchJoinButton = () => button('Join');
  const check = () => {
    const now = performance.now();
    if (marks.join === undefined) {
      const join = button('Join');
      if (join && !join.disabled && shown(join)) marks.join = now;
    }
    if (marks.clicked !== undefined && marks.recovery === undefined) {
      const done = document.querySelector('.recovery-notice button');
      if (shown(document.querySelector('[data-testid=recovery-code]')) && done && shown(done)) {
        marks.recovery = now;
        done.click();
      }
    }
    if (marks.qr === undefined) {
      const qr = document.querySelector('[role=img][aria-label="Card QR code"]');
      if (qr && qr.querySelector('svg') && shown(qr)) marks.qr = now;
    }
    for (let i = waiting.length - 1; i >= 0; i--) {
      const { name, resolve } = waiting[i];
      if (marks[name] !== undefined) {
        waiting.splice(i, 1);
        resolve(marks[name]);
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** A page whose network (unless offline) and CPU are a phone's; its CDP session. */
async function phonePage(context, { network = true } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`  [page error] ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (network) await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp };
}

/** Response bodies as transferred, of the requests that finished so far (each on stderr with REGULARS_BENCH_VERBOSE=1). */
function transferred(page) {
  const finished = [];
  page.on('requestfinished', (request) =>
    finished.push(
      Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
        url: request.url(),
        bytes: sizes.responseBodySize,
        encoding: response?.headers()['content-encoding'] ?? 'identity',
      })),
    ),
  );
  return async () => {
    const done = await Promise.all([...finished]);
    if (VERBOSE) for (const r of done) log(`    ${String(r.bytes).padStart(8)} B ${r.encoding.padEnd(8)} ${r.url.slice(base.length)}`);
    return done.reduce((sum, r) => sum + r.bytes, 0);
  };
}

/**
 * Bodies of the responses the service worker answered (as the page reads them from its cache),
 * and their addresses. (Playwright hands a script's body over as text: a script that is not
 * UTF-8, as the floor's, comes back longer than it is.)
 */
function fromWorker(page) {
  const bodies = [];
  page.on('response', (response) => {
    if (!response.fromServiceWorker()) return;
    bodies.push(response.body().then((b) => ({ url: response.url(), bytes: b.length }), () => ({ url: response.url(), bytes: 0 })));
  });
  return async () => {
    const done = await Promise.all([...bodies]);
    if (VERBOSE) for (const r of done) log(`    ${String(r.bytes).padStart(8)} B cached   ${r.url.slice(base.length)}`);
    return { bytes: done.reduce((sum, r) => sum + r.bytes, 0), paths: done.map((r) => new URL(r.url).pathname) };
  };
}

/** The load event of the page open in `page`, from navigation start. */
function loadEvent(page) {
  return page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
}

/**
 * Stops every service worker and waits until they have stopped, so the next navigation starts
 * the worker cold. (Go offline first: Playwright closes the context when it is told to go offline
 * while a worker it knew is stopped.)
 */
async function stopWorkers(cdp) {
  const running = new Map();
  let settle = () => {};
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
    settle();
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await withTimeout(
    new Promise((resolve) => {
      settle = () => [...running.values()].every((status) => status === 'stopped') && resolve();
      settle();
    }),
    'the service worker to stop',
  );
}

/** One run of parts 1 and 2, each in fresh browser contexts. */
async function shopperRun(browser, shop) {
  const run = {};

  // 1. First visit: the join link, Join, the card.
  const context = await browser.newContext(PHONE);
  try {
    await context.addInitScript(shopperMarks);
    // The service worker's own requests (its install) go past the page's network emulation:
    // REGULARS_BENCH_VERBOSE=1 shows when they come.
    const t0 = Date.now();
    if (VERBOSE) context.on('requestfinished', (r) => r.serviceWorker() && log(`    worker: ${r.url().slice(base.length)}, ${Date.now() - t0} ms after the context opened`));
    const { page } = await phonePage(context);
    const bytesSoFar = transferred(page);
    await page.goto(shop.joinUrl, { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
    run.join = await withTimeout(page.evaluate(() => window.__benchUntil('join')), 'a usable Join button');
    run.joinBytes = await bytesSoFar();
    const clicked = await page.evaluate(() => {
      window.__bench.clicked = performance.now();
      window.__benchJoinButton().click();
      return window.__bench.clicked;
    });
    run.card = (await withTimeout(page.evaluate(() => window.__benchUntil('qr')), 'the card QR after Join')) - clicked;
    const cardUrl = page.url();
    if (!/\/card\/[^/]+$/.test(cardUrl)) throw new Error(`after Join the page is ${cardUrl}, not a card`);
    // The card is installed once the service worker controls it; then nothing of ours runs while
    // the floor loads.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT_MS, polling: 100 });
    await page.close();

    // The floor of the first visit, in a context of its own.
    const floorContext = await browser.newContext(PHONE);
    try {
      const { page: floor } = await phonePage(floorContext);
      const floorBytes = transferred(floor);
      const { page: floorPath } = floorPage(run.joinBytes);
      await floor.goto(`${base}${floorPath}`, { waitUntil: 'load', timeout: WAIT_MS });
      run.joinFloor = await loadEvent(floor);
      run.joinFloorBytes = await floorBytes();
    } finally {
      await floorContext.close().catch(() => {});
    }

    // 2. Cold start offline: the installed card, opened without signal.
    {
      const { page: card, cdp } = await phonePage(context, { network: false });
      await context.setOffline(true);
      await stopWorkers(cdp);
      const cachedBytes = fromWorker(card);
      await card.goto(cardUrl, { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
      run.offline = await withTimeout(card.evaluate(() => window.__benchUntil('qr')), 'the card QR offline');
      run.offlineBytes = (await cachedBytes()).bytes;

      // Its floor: as many bytes, put into the same cache as the offline shell and a script.
      await context.setOffline(false);
      const floor = floorPage(run.offlineBytes);
      await card.evaluate(async ({ page, script }) => {
        const name = (await caches.keys()).find((n) => n.startsWith('regulars-'));
        const cache = await caches.open(name);
        await cache.put('/index.html', await fetch(page, { cache: 'no-store' }));
        await cache.put(script, await fetch(script, { cache: 'no-store' }));
      }, floor);
      await card.close();
    }
    {
      const { page: floorHtml, script: floorScript } = floorPage(run.offlineBytes);
      const { page: floor, cdp } = await phonePage(context, { network: false });
      await context.setOffline(true);
      await stopWorkers(cdp);
      const cachedBytes = fromWorker(floor);
      await floor.goto(cardUrl, { waitUntil: 'load', timeout: WAIT_MS });
      if ((await floor.title()) !== 'Floor') throw new Error('offline, the service worker did not answer with the floor page');
      run.offlineFloor = await loadEvent(floor);
      const cached = await cachedBytes();
      if (!cached.paths.includes(floorScript)) throw new Error("offline, the floor's script did not come from the service worker's cache");
      run.offlineFloorBytes = statSync(path.join(dist, floorHtml)).size + statSync(path.join(dist, floorScript)).size;
    }
  } finally {
    await context.close().catch(() => {});
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// 3. The till.

/** In the till page: press `label` and resolve with the milliseconds until `kind` holds. */
function tillStep({ label, kind }) {
  return new Promise((resolve, reject) => {
    const input = document.querySelector('input[name=card_code]');
    const shown = (el) => !!el && el.isConnected && el.getBoundingClientRect().height > 0;
    const ready =
      kind === 'customer'
        ? () => shown(document.querySelector('[data-testid=customer-name]')) && shown(document.querySelector('[data-testid=customer-balance]'))
        : () => !document.querySelector('[data-testid=customer-name]') && document.activeElement === input && input.value === '';
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
    if (!button) return reject(new Error(`no "${label}" button`));
    let finished = false;
    const observer = new MutationObserver(() => check());
    const stop = () => {
      finished = true;
      observer.disconnect();
      document.removeEventListener('focusin', check, true);
      clearTimeout(timer);
    };
    const check = () => {
      if (finished) return;
      if (ready()) {
        const elapsed = performance.now() - start;
        stop();
        resolve(elapsed);
      }
    };
    const timer = setTimeout(() => {
      stop();
      const alert = [...document.querySelectorAll('[role=alert]')].map((a) => a.textContent.trim()).filter(Boolean).join(' / ');
      reject(new Error(`"${label}": not ${kind} after 30 s${alert ? `; the till says: ${alert}` : ''}`));
    }, 30_000);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener('focusin', check, true);
    const start = performance.now();
    button.click();
    check();
  });
}

async function tillRuns(browser, shop) {
  const context = await browser.newContext({ ...TABLET, baseURL: base });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`  [till page error] ${error.message}`));
    await page.goto('/staff');
    await page.getByLabel('Pairing code', { exact: true }).fill(shop.pairingCode);
    await page.getByRole('button', { name: 'Pair tablet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: shop.shopName, exact: true }).waitFor({ timeout: WAIT_MS });
    const codeField = page.getByLabel('Card code', { exact: true });
    const scan = async () => {
      await codeField.fill(shop.printedCode);
      return page.evaluate(tillStep, { label: 'Find card', kind: 'customer' });
    };
    const next = () => page.evaluate(tillStep, { label: 'Next customer', kind: 'ready' });
    // One customer before timing: the first lookup opens the till's IndexedDB and warms it up.
    await scan();
    await next();
    const scans = [];
    const nexts = [];
    for (let i = 0; i < TILL_RUNS; i++) {
      scans.push(await scan());
      nexts.push(await next());
    }
    log(`till: ${TILL_RUNS} scans, scan -> customer p50 ${ms(percentile(scans, 50))}, Next customer -> ready p50 ${ms(percentile(nexts, 50))}`);
    return { scans, nexts };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------

function bundleSizes() {
  const build = JSON.parse(readFileSync(path.join(dist, 'build.json'), 'utf8'));
  const rows = {};
  for (const bundle of ['shopper', 'till', 'owner']) {
    const sizes = build.sizes?.[bundle] ?? {};
    rows[bundle] = ['wasm', 'js', 'css'].reduce((sum, part) => sum + (sizes[part]?.brotli ?? 0), 0);
  }
  // The join page's own files, brotli: the page (compressed here), then the shopper's bundle.
  const page = brotliCompressSync(readFileSync(path.join(dist, 'index.html'))).length;
  return { profile: build.profile, rows, joinPage: page + rows.shopper };
}

function table(rows) {
  const header = ['measure', 'ours (p50)', 'floor (p50)', 'ratio', 'goal', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  const shop = await setUpShop();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const runs = [];
  let till;
  try {
    for (let i = 0; i < RUNS; i++) {
      const run = await shopperRun(browser, shop);
      runs.push(run);
      log(
        `run ${i + 1}/${RUNS}: join ${ms(run.join)} (floor ${ms(run.joinFloor)}, ${kib(run.joinBytes)}), Join -> QR ${ms(run.card)}, offline QR ${ms(run.offline)} (floor ${ms(run.offlineFloor)}, ${kib(run.offlineBytes)})`,
      );
    }
    till = await tillRuns(browser, shop);
  } finally {
    await browser.close();
  }

  const p50 = (key) => percentile(runs.map((r) => r[key]), 50);
  const join = p50('join');
  const joinFloor = p50('joinFloor');
  const offline = p50('offline');
  const offlineFloor = p50('offlineFloor');
  const yes = (ok) => (ok ? 'yes' : 'NO');
  const sizes = bundleSizes();
  const dash = '-';
  const rows = [
    ['first visit: join link -> usable Join button', ms(join), ms(joinFloor), `${(join / joinFloor).toFixed(2)}x`, '< 2500 ms', yes(join < 2500)],
    ['first visit: Join click -> card QR visible', ms(p50('card')), dash, dash, dash, dash],
    ['cold start offline: card URL -> QR visible', ms(offline), ms(offlineFloor), `${(offline / offlineFloor).toFixed(2)}x`, '<= 2x floor', yes(offline <= 2 * offlineFloor)],
    ['till: Next customer -> ready, p50', ms(percentile(till.nexts, 50)), dash, dash, dash, dash],
    ['till: Next customer -> ready, p95', ms(percentile(till.nexts, 95)), dash, dash, dash, dash],
    ['till: scan (type code, Find card) -> customer, p50', ms(percentile(till.scans, 50)), dash, dash, dash, dash],
    ['till: scan (type code, Find card) -> customer, p95', ms(percentile(till.scans, 95)), dash, dash, dash, dash],
    ...['shopper', 'till', 'owner'].map((b) => [`bundle ${b}: wasm+js+css, brotli (build.json)`, kib(sizes.rows[b]), dash, dash, dash, dash]),
  ];
  console.log(table(rows));
  console.log(
    `\n${RUNS} runs (first visit, offline), ${TILL_RUNS} till scans; ${sizes.profile} build. Floor bytes, p50: first visit ${kib(p50('joinBytes'))} as transferred ` +
      `(floor page ${kib(p50('joinFloorBytes'))}; build.json brotli of page+css+js+wasm ${kib(sizes.joinPage)}), ` +
      `offline ${kib(p50('offlineBytes'))} read from the service worker's cache (floor page ${kib(p50('offlineFloorBytes'))} on disk); p50 is the nearest rank. ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
