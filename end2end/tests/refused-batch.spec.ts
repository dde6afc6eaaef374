import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import type { Request } from '@playwright/test';

/**
 * One bad event never blocks the outbox. Stamps given offline go up together when the signal
 * returns; the server (here, `page.route` in front of it) refuses any batch holding one of them
 * whole. The till halves the batch until that event is alone, moves it to the refused list with
 * the server's reason, and the other stamps reach the card. An event the server fails on (500)
 * is held, shown as held, and goes through once the server takes it.
 */
test('a batch the server refuses whole is split: the one bad stamp is refused with its reason, the others reach the card', async ({ owner, shopper, cashier }) => {
  const id = unique('refused');
  const program = {
    kind: 'stamps' as const,
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Split Batch Bakery ${id}`,
    rewardName: 'Free roll',
    stampsPerReward: 10,
  };
  await openShop({ owner, shopper, cashier }, program);
  const page = cashier.page;
  const unsynced = page.getByTestId('unsynced-count');
  const eventsOf = (request: Request): { id: string; device_seq: number }[] => request.postDataJSON()?.events ?? [];

  await test.step('three stamps are given offline', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await page.context().setOffline(true);
    for (let balance = 1; balance <= 3; balance++) await cashier.giveStamps(balance);
    await expect(unsynced).toHaveText('3 to sync');
  });

  let poisoned: string | undefined;
  const carrying: number[] = [];
  await test.step('back online, the server refuses every batch that holds the second stamp', async () => {
    await page.route('**/api/v1/sync/push', async (route) => {
      const events = eventsOf(route.request());
      if (poisoned === undefined && events.length >= 2) {
        poisoned = [...events].sort((a, b) => a.device_seq - b.device_seq)[1].id;
      }
      if (!events.some((e) => e.id === poisoned)) return route.continue();
      carrying.push(events.length);
      await route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'invalid_field', message: 'events: the server cannot read this stamp' }),
      });
    });
    await page.context().setOffline(false);
    await expect(unsynced).toHaveText('0 to sync', { timeout: 30_000 });
    await expect(page.getByTestId('rejected-count')).toHaveText('1 refused');
    // Split down to the one event, which was sent alone last.
    expect(carrying.length).toBeGreaterThanOrEqual(2);
    expect(carrying[0]).toBe(3);
    expect(carrying[carrying.length - 1]).toBe(1);
  });

  await test.step('the other two stamps are on the card; the refused one is in the outbox with the reason', async () => {
    await shopper.reloadUntilBalance(2);
    await page.getByRole('button', { name: 'Outbox', exact: true }).click();
    const refused = page.getByTestId('outbox-item').filter({ hasText: 'Refused' });
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText('the server cannot read this stamp');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  let failing: string | undefined;
  await test.step('a stamp the server fails on is held while the next one goes through', async () => {
    await page.unroute('**/api/v1/sync/push');
    await page.context().setOffline(true);
    await cashier.giveStamps(3);
    await cashier.giveStamps(4);
    await page.route('**/api/v1/sync/push', async (route) => {
      const events = eventsOf(route.request());
      if (failing === undefined && events.length >= 2) {
        failing = [...events].sort((a, b) => a.device_seq - b.device_seq)[0].id;
      }
      if (!events.some((e) => e.id === failing)) return route.continue();
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'internal', message: 'Something went wrong on the server.' }),
      });
    });
    await page.context().setOffline(false);
    await expect(page.getByTestId('held-count')).toHaveText('1 held', { timeout: 30_000 });
    await expect(unsynced).toHaveText('1 to sync');
    await shopper.reloadUntilBalance(3);
  });

  await test.step('once the server takes it, the held stamp goes through too', async () => {
    await page.unroute('**/api/v1/sync/push');
    await expect(page.getByTestId('held-count')).toHaveCount(0, { timeout: 45_000 });
    await expect(unsynced).toHaveText('0 to sync');
    await shopper.reloadUntilBalance(4);
  });
});
