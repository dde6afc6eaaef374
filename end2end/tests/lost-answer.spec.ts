import { expect, openShop, PASSWORD, test, unique } from '../fixtures';

/**
 * An online redemption reaches the server, which stores it, but its answer is lost on the way
 * back. The till does not say "no connection" and does not let the cashier redeem again: it
 * checks, sends the same event again, and the card pays once.
 */
test('a redemption whose answer is lost is checked again, not made again, and the card pays once', async ({ owner, shopper, cashier }) => {
  const id = unique('lost');
  const program = {
    kind: 'stamps' as const,
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Lost Answer Bakery ${id}`,
    rewardName: 'Free bun',
    stampsPerReward: 2,
  };
  await openShop({ owner, shopper, cashier }, program);

  await test.step('the customer has enough for the reward', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    for (let balance = 1; balance <= 4; balance++) await cashier.giveStamps(balance);
    await shopper.reloadUntilBalance(4);
  });

  let stored = 0;
  await test.step('the server stores the redemption, and the answer never reaches the till', async () => {
    await cashier.page.route('**/api/v1/sync/push', async (route) => {
      if (!route.request().postData()?.includes('reward_redeemed')) return route.continue();
      // The server gets it and answers; the tablet's connection drops before the answer arrives.
      const answer = await route.fetch();
      expect(answer.status()).toBe(200);
      stored += 1;
      await route.abort('connectionreset');
    });
    await cashier.redeemButton(program.rewardName).click();
    // The till says "checking" from the moment the redemption is in its outbox, which may be
    // before the server has answered the intercepted request: wait for the server's answer.
    await expect.poll(() => stored, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect(cashier.page.getByTestId('redemption-checking')).toBeVisible();
    // Enough for a second one is on the card, but not while the first is unanswered.
    await expect(cashier.redeemButton(program.rewardName)).toBeDisabled();
  });

  await test.step('the connection comes back: the same event gets its first answer', async () => {
    // A push still in the handler is let finish (its answer lost too) before the route goes.
    await cashier.page.unrouteAll({ behavior: 'wait' });
    await expect(cashier.confirmation).toContainText(`${program.rewardName} redeemed`, { timeout: 30_000 });
    await expect(cashier.page.getByTestId('redemption-checking')).toHaveCount(0);
    await expect(cashier.customerBalance).toHaveText(/^\s*2\s*$/);
    await expect(cashier.redeemButton(program.rewardName)).toBeEnabled();
  });

  await test.step('the card paid once', async () => {
    await shopper.reloadUntilBalance(2);
    await expect(shopper.page.getByText(/Redeemed Free bun/i)).toHaveCount(1);
  });
});
