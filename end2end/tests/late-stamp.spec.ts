import { expect, openShop, PASSWORD, test, unique } from '../fixtures';

/**
 * A customer scans, then orders and pays; the cashier taps "Give 1 stamp" minutes later. The code
 * is judged when it was scanned, so the stamp counts; after 15 minutes the till asks for a fresh
 * scan.
 *
 * The tablet's clock is Playwright's, moved on while the tablet is offline (online, the till
 * corrects its clock by the server's at every sync, which would undo the move): to the server,
 * the stamp then comes 150 seconds after the scan, when the scanned code has long expired.
 */
test('a stamp given two and a half minutes after the scan still counts, and after 15 minutes the till asks for a new scan', async ({ owner, shopper, cashier }) => {
  await cashier.page.clock.install();
  const id = unique('late');
  const program = {
    kind: 'stamps' as const,
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Late Stamp Cafe ${id}`,
    rewardName: 'Free tea',
    stampsPerReward: 5,
  };
  await openShop({ owner, shopper, cashier }, program);

  await test.step('the customer is scanned, then served; the stamp comes 150 seconds later', async () => {
    const code = await shopper.codeForTill();
    await cashier.typeCardCode(code);
    await cashier.expectCustomer(0);
    await cashier.page.context().setOffline(true);
    await cashier.page.clock.fastForward('02:30');
    await cashier.giveStamps(1);
  });

  await test.step('the server keeps it: the phone shows the stamp and the till shows no warning', async () => {
    await cashier.page.context().setOffline(false);
    await shopper.reloadUntilBalance(1);
    await expect(cashier.page.getByText('0 to sync')).toBeVisible();
    await expect(cashier.page.getByTestId('server-flagged')).toHaveCount(0);
  });

  await test.step('a customer held for more than 15 minutes needs a fresh scan', async () => {
    await cashier.page.context().setOffline(true);
    await cashier.page.clock.fastForward('15:30');
    await cashier.giveStampsButton().click();
    const alert = cashier.alert.first();
    await expect(alert).toBeVisible();
    await expect(alert).toHaveText(/scan their card again/i);
    await cashier.page.context().setOffline(false);
    await shopper.reloadUntilBalance(1);
  });
});
