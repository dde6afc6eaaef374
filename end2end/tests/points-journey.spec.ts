import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import { exactNumber } from '../pages/cashier-page';
import type { PointsProgram } from '../pages/owner-page';

test('a points card: purchases earn points by amount, the cashier redeems, the card shows it', async ({ owner, shopper, cashier }) => {
  const id = unique('points');
  const program: PointsProgram = {
    kind: 'points',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Bakery ${id}`,
    rewardName: 'Free pastry',
    pointsPerReward: 20,
    pointsPerEuro: 1,
  };
  await openShop({ owner, shopper, cashier }, program);

  await test.step('a new card starts at 0 points', async () => {
    await expect(shopper.balance).toHaveText(exactNumber(0));
    await expect(shopper.rewardProgress(program.rewardName)).toContainText('20 more points');
  });

  await test.step('purchase 1: 12.50 EUR of food gives 12 points', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    const food = cashier.page.getByRole('button', { name: 'Food', exact: true });
    await food.click();
    await expect(food).toHaveAttribute('aria-pressed', 'true');
    await cashier.addPoints('12.50', 12, 12);
    await expect(cashier.redeemButton(program.rewardName)).toHaveCount(0);
    await cashier.nextCustomer();
  });

  await test.step('purchase 2 (scanned): 8.40 EUR gives 8 points, the reward is affordable', async () => {
    await cashier.scanCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(12);
    await cashier.addPoints('8.40', 8, 20);
    await expect(cashier.redeemButton(program.rewardName)).toBeVisible();
  });

  await test.step("the shopper's card shows 20 points and the reward ready", async () => {
    await shopper.reloadUntilBalance(20);
    await expect(shopper.rewardProgress(program.rewardName)).toContainText('Ready to redeem');
    await expect(shopper.history.filter({ hasText: '+12 points (12.50 EUR)' })).toHaveCount(1);
  });

  await test.step('the cashier redeems the reward', async () => {
    await cashier.redeem(program.rewardName, 0);
  });

  await test.step("the shopper's card shows 0 points and the redemption in the history", async () => {
    await shopper.reloadUntilBalance(0);
    await expect(shopper.history).toHaveCount(3);
    await expect(shopper.history.first()).toContainText(`Redeemed ${program.rewardName}`);
    await expect(shopper.history.first()).toContainText('-20');
  });
});
