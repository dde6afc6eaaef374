import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import { exactNumber } from '../pages/cashier-page';
import type { StampProgram } from '../pages/owner-page';

function stampProgram(): StampProgram {
  const id = unique('stamps');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Corner Coffee ${id}`,
    rewardName: 'Free coffee',
    stampsPerReward: 5,
  };
}

test('a stamp card: five visits earn the reward, the cashier redeems it, the card shows it', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);

  await test.step('a new card starts empty', async () => {
    await expect(shopper.balance).toHaveText(exactNumber(0));
    await expect(shopper.page.getByTestId('stamp-grid')).toBeVisible();
    await expect(shopper.rewardProgress(program.rewardName)).toContainText('5 more stamps');
  });

  await test.step('visit 1: the cashier types the code and gives one stamp, tagged Coffee', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await expect(cashier.customerName).toHaveText('Member');
    await expect(cashier.stampCount).toHaveText(exactNumber(1));
    await expect(cashier.giveStampsButton()).toHaveAccessibleName('Give 1 stamp');
    const coffee = cashier.page.getByRole('button', { name: 'Coffee', exact: true });
    await coffee.click();
    await expect(coffee).toHaveAttribute('aria-pressed', 'true');
    await cashier.giveStamps(1);
    await expect(cashier.confirmation).toContainText('1 stamp given');
    await cashier.nextCustomer();
  });

  await test.step('visit 2: a USB scanner types the code and Enter with nothing focused', async () => {
    await cashier.scanCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(1);
    await cashier.page.getByRole('button', { name: 'More stamps', exact: true }).click();
    await expect(cashier.stampCount).toHaveText(exactNumber(2));
    await expect(cashier.giveStampsButton()).toHaveAccessibleName('Give 2 stamps');
    await cashier.page.getByRole('button', { name: 'Fewer stamps', exact: true }).click();
    await expect(cashier.stampCount).toHaveText(exactNumber(1));
    await cashier.giveStamps(2);
    await cashier.nextCustomer();
  });

  for (const visit of [3, 4, 5]) {
    await test.step(`visit ${visit}: one more stamp`, async () => {
      await cashier.typeCardCode(await shopper.codeForTill());
      await cashier.expectCustomer(visit - 1);
      await expect(cashier.redeemButton(program.rewardName)).toHaveCount(0);
      await cashier.giveStamps(visit);
      if (visit < 5) await cashier.nextCustomer();
    });
  }

  await test.step("the shopper's card shows five stamps and the reward ready", async () => {
    await shopper.reloadUntilBalance(5);
    await expect(shopper.rewardProgress(program.rewardName)).toContainText('Ready to redeem');
  });

  await test.step('the cashier redeems the reward', async () => {
    await cashier.redeem(program.rewardName, 0);
    await expect(cashier.redeemButton(program.rewardName)).toHaveCount(0);
  });

  await test.step("the shopper's card shows 0 stamps and the redemption in the history", async () => {
    await shopper.reloadUntilBalance(0);
    await expect(shopper.history).toHaveCount(6);
    await expect(shopper.history.first()).toContainText(`Redeemed ${program.rewardName}`);
    await expect(shopper.history.filter({ hasText: '+1 stamp' })).toHaveCount(5);
    await expect(shopper.rewardProgress(program.rewardName)).toContainText('5 more stamps');
  });

  await test.step('nothing went wrong, so the owner has nothing to review', async () => {
    await owner.page.reload();
    await expect(owner.page.getByRole('heading', { name: 'Needs review', exact: true })).toBeVisible();
    await expect(owner.page.getByText('Nothing to review.', { exact: true })).toBeVisible();
  });
});

test('a USB scanner finds the customer without a click', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);

  await cashier.scanCardCode(await shopper.codeForTill());
  await cashier.expectCustomer(0);
  await cashier.giveStamps(1);

  await test.step('the next scan works straight after "Next customer"', async () => {
    await cashier.nextCustomer();
    await cashier.scanCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(1);
  });
});
