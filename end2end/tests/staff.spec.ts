import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import { exactNumber } from '../pages/cashier-page';
import type { StampProgram } from '../pages/owner-page';

function stampProgram(): StampProgram {
  const id = unique('staff');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Staff Coffee ${id}`,
    rewardName: 'Free coffee',
    stampsPerReward: 5,
  };
}

test('a cashier switches in with a PIN, gives a stamp and undoes it; wrong PINs pause the till', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);

  await test.step('a freshly paired tablet acts as the owner', async () => {
    await expect(cashier.actingStaff()).toHaveText('At the till: Owner');
  });

  await test.step('the owner adds a cashier with a PIN', async () => {
    await owner.addStaff('Bo', 'Cashier', '2468');
  });

  await test.step('the cashier switches in on the tablet with the PIN pad', async () => {
    await cashier.switchStaff('Bo', '2468');
    await expect(cashier.confirmation).toHaveText('Bo is at the till.');
  });

  await test.step('the cashier gives a stamp; the last actions name them', async () => {
    await cashier.typeCardCode(await shopper.readCardCode());
    await cashier.expectCustomer(0);
    await cashier.giveStamps(1);
    await expect(cashier.recentActions()).toHaveCount(1);
    await expect(cashier.recentActions().first()).toContainText('+1 stamp');
    await expect(cashier.recentActions().first()).toContainText('by Bo');
  });

  await test.step('the cashier undoes it at once', async () => {
    await cashier.recentActions().first().getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(cashier.confirmation).toContainText('Undone. Balance: 0');
    await expect(cashier.customerBalance).toHaveText(exactNumber(0));
    await expect(cashier.recentActions()).toHaveCount(2);
    await expect(cashier.recentActions().nth(1)).toContainText('undone');
    await expect(cashier.page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  });

  await test.step("the shopper's card shows the stamp and its undoing", async () => {
    await shopper.reloadUntilBalance(0);
    await expect(shopper.history.first()).toContainText('Undone -1: Undone at the till');
  });

  await test.step('wrong PINs count down, then pause the till with how long to wait', async () => {
    await cashier.pickStaff('Bo');
    for (const left of [4, 3, 2, 1]) {
      await cashier.tapPin('1111');
      await expect(cashier.page.getByRole('dialog').getByRole('alert')).toHaveText(
        `Wrong PIN. ${left} more wrong ${left === 1 ? 'PIN' : 'PINs'} and the till pauses.`,
      );
    }
    await cashier.tapPin('1111');
    await expect(cashier.page.getByRole('dialog').getByRole('alert')).toHaveText(
      'Wrong PIN 5 times in a row. Try again in 30 seconds.',
    );
    await cashier.tapPin('2468');
    await expect(cashier.page.getByRole('dialog').getByRole('alert')).toContainText('Too many wrong PINs. Try again in');
    await expect(cashier.actingStaff()).toHaveText('At the till: Bo');
  });
});
