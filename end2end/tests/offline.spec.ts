import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import { exactNumber } from '../pages/cashier-page';
import type { StampProgram } from '../pages/owner-page';
import type { Page } from '@playwright/test';

function stampProgram(): StampProgram {
  const id = unique('offline');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Signal-free Café ${id}`,
    rewardName: 'Free coffee',
    stampsPerReward: 5,
  };
}

/** Waits until the service worker has installed the app shell and controls the page. */
async function untilServiceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
}

test('the card opens with its QR and balance with no network, after a reload and in a new tab', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  const { cardCode } = await openShop({ owner, shopper, cashier }, program);

  await test.step('the cashier gives two stamps and the phone syncs them', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await cashier.page.getByRole('button', { name: 'More stamps', exact: true }).click();
    await cashier.giveStamps(2);
    await shopper.reloadUntilBalance(2);
    await untilServiceWorkerControls(shopper.page);
  });

  const cardUrl = shopper.page.url();
  await shopper.page.context().setOffline(true);

  await test.step('reloaded without network, the card still shows', async () => {
    await shopper.page.reload();
    await expect(shopper.page.getByRole('heading', { level: 1, name: program.shopName, exact: true })).toBeVisible();
    await expect(shopper.qr).toBeVisible();
    await shopper.expectCodeOfCard(cardCode);
    await expect(shopper.balance).toHaveText(exactNumber(2));
    await expect(shopper.page.getByTestId('offline-note')).toBeVisible();
    await expect(shopper.page.getByTestId('last-synced')).toBeVisible();
  });

  await test.step('a new tab opening the card URL without network shows it too', async () => {
    const tab = await shopper.page.context().newPage();
    await tab.goto(cardUrl);
    await expect(tab.getByRole('img', { name: 'Card QR code' })).toBeVisible();
    await shopper.expectCodeOfCard(cardCode, tab);
    await expect(tab.getByTestId('balance')).toHaveText(exactNumber(2));
    await tab.close();
  });
  await shopper.page.context().setOffline(false);
});

test('the till stamps five times offline, keeps them across a reload, and syncs each once', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);
  const syncStatus = cashier.page.getByTestId('sync-status');
  const unsynced = cashier.page.getByTestId('unsynced-count');

  await test.step('online, the tablet knows the card', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await cashier.nextCustomer();
    await untilServiceWorkerControls(cashier.page);
    await expect(syncStatus).toHaveText('Online');
  });

  await cashier.page.context().setOffline(true);
  await expect(syncStatus).toHaveText('Offline');

  for (const visit of [1, 2, 3, 4, 5]) {
    await test.step(`offline visit ${visit}: the stamp shows at once`, async () => {
      await cashier.typeCardCode(await shopper.codeForTill());
      await cashier.expectCustomer(visit - 1);
      await cashier.giveStamps(visit);
      await expect(unsynced).toHaveText(`${visit} to sync`);
      await cashier.nextCustomer();
    });
  }

  await test.step('reloaded while still offline, the outbox still holds five', async () => {
    await cashier.page.reload();
    await expect(cashier.page.getByRole('heading', { level: 1, name: program.shopName, exact: true })).toBeVisible();
    await expect(syncStatus).toHaveText('Offline');
    await expect(unsynced).toHaveText('5 to sync');
    await cashier.page.getByRole('button', { name: 'Outbox', exact: true }).click();
    await expect(cashier.page.getByTestId('outbox-item')).toHaveCount(5);
    await cashier.page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  await test.step('back online, the outbox empties', async () => {
    await cashier.page.context().setOffline(false);
    await expect(syncStatus).toHaveText('Online', { timeout: 20_000 });
    await expect(unsynced).toHaveText('0 to sync', { timeout: 20_000 });
  });

  await test.step("the server has exactly five new events: the shopper's card shows them after its sync", async () => {
    await shopper.reloadUntilBalance(5);
    await expect(shopper.history).toHaveCount(5);
    await expect(shopper.history.filter({ hasText: '+1 stamp' })).toHaveCount(5);
    await expect(shopper.rewardProgress(program.rewardName)).toContainText('Ready to redeem');
  });
});

test("a phone loads only the shopper's bundle, the till only the till's, the owner's pages only the owner's", async ({ owner, shopper, cashier }) => {
  // The WebAssembly modules each page fetches itself (the service worker's precache is not the page's).
  const modules = (page: Page): string[] => {
    const seen: string[] = [];
    page.on('request', (request) => {
      const name = /\/assets\/([a-z]+)-[0-9a-f]{16}_bg\.wasm$/.exec(new URL(request.url()).pathname)?.[1];
      if (name && name !== 'scanner') seen.push(name);
    });
    return seen;
  };
  const phone = modules(shopper.page);
  const till = modules(cashier.page);
  const dashboard = modules(owner.page);
  await openShop({ owner, shopper, cashier }, stampProgram());

  expect(new Set(phone)).toEqual(new Set(['shopper']));
  expect(new Set(till)).toEqual(new Set(['till']));
  expect(new Set(dashboard)).toEqual(new Set(['owner']));

  await test.step("the phone's service worker keeps the shopper's files only; the tablet's keeps the till's", async () => {
    /** The asset paths in the page's service worker caches, once it has installed the build. */
    const cached = async (page: Page): Promise<string[]> => {
      await untilServiceWorkerControls(page);
      return page.evaluate(async () => {
        const paths: string[] = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
        }
        return paths;
      });
    };
    const wasm = (paths: string[], bundle: string) => paths.some((p) => new RegExp(`^/assets/${bundle}-[0-9a-f]{16}_bg\\.wasm$`).test(p));
    const onPhone = await cached(shopper.page);
    expect(wasm(onPhone, 'shopper'), 'the shopper bundle is kept on the phone').toBe(true);
    expect(wasm(onPhone, 'till'), 'the till is not downloaded to the phone').toBe(false);
    expect(wasm(onPhone, 'owner'), "the owner's pages are not downloaded to the phone").toBe(false);
    expect(wasm(onPhone, 'scanner'), 'the QR decoder is not downloaded to the phone').toBe(false);
    await expect.poll(async () => wasm(await cached(cashier.page), 'till'), { timeout: 20_000 }).toBe(true);
    expect(wasm(await cached(cashier.page), 'scanner'), 'the till keeps its QR decoder').toBe(true);
    expect(wasm(await cached(cashier.page), 'owner'), "the owner's pages are not kept on the tablet").toBe(false);
  });

  await test.step("a shopper who opens an owner page gets it from the owner's bundle", async () => {
    await shopper.page.goto('/admin');
    await expect(shopper.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(shopper.page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
    expect(phone).toContain('owner');
  });
});
