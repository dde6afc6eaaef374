import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import type { StampProgram } from '../pages/owner-page';

function stampProgram(): StampProgram {
  const id = unique('nps');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Recommend Cafe ${id}`,
    rewardName: 'Free flat white',
    stampsPerReward: 6,
  };
}

test('after a visit the shopper answers the recommend question offline, and the owner sees it once the phone is back online', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);
  const question = shopper.page.getByRole('group', { name: `How likely are you to recommend ${program.shopName} to a friend?` });

  await test.step('before any visit the card does not ask', async () => {
    await expect(shopper.qr).toBeVisible();
    await expect(question).toHaveCount(0);
  });

  await test.step('the cashier gives a stamp; the card asks under its code', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await cashier.giveStamps(1);
    await shopper.reloadUntilBalance(1);
    await expect(question).toBeVisible();
    // The code comes first: the question sits below it and the QR stays whole on screen.
    const qr = await shopper.qr.boundingBox();
    const asked = await question.boundingBox();
    expect(qr && asked && asked.y >= qr.y + qr.height).toBeTruthy();
  });

  await test.step('without signal, the shopper picks 3, says why and sends', async () => {
    await shopper.page.context().setOffline(true);
    await shopper.page.getByRole('button', { name: 'Send my answer', exact: true }).tap();
    await expect(shopper.page.getByRole('alert').filter({ hasText: 'Pick a number from 0 to 10 first.' })).toBeVisible();
    await question.getByRole('radio', { name: '3', exact: true }).check();
    await shopper.page.getByLabel('Anything you would like to tell us? (optional)').fill('The queue at lunch is far too long');
    await shopper.page.getByRole('button', { name: 'Send my answer', exact: true }).tap();
    await expect(shopper.page.getByRole('status').filter({ hasText: 'Thank you!' })).toBeVisible();
    await expect(question).toHaveCount(0);
    await expect(shopper.page.getByTestId('offline-note')).toBeVisible();
  });

  await test.step('while the phone is offline the owner has no answer yet', async () => {
    await owner.page.getByRole('link', { name: 'Insights', exact: true }).click();
    const panel = owner.page.getByTestId('nps');
    await expect(panel).toContainText('No answers in this period yet.');
  });

  await test.step('back online, the answer reaches the owner: a score of -100 and the comment', async () => {
    await shopper.page.context().setOffline(false);
    const panel = owner.page.getByTestId('nps');
    await expect(async () => {
      await owner.page.reload();
      await expect(panel.getByTestId('nps-score').locator('.figure-number')).toHaveText('-100', { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(panel.getByTestId('nps-groups')).toHaveText('0 promoters (9-10), 0 passives (7-8), 1 detractor (0-6)');
    const comment = panel.getByTestId('nps-comments').getByRole('listitem');
    await expect(comment).toHaveCount(1);
    await expect(comment).toContainText('3 of 10');
    await expect(comment).toContainText('The queue at lunch is far too long');
  });

  await test.step("the comment leads to the member's page, which shows the answer", async () => {
    await owner.page.getByTestId('nps-comments').getByRole('link').click();
    const answers = owner.page.getByTestId('member-nps');
    await expect(answers).toContainText('3 of 10');
    await expect(answers).toContainText('The queue at lunch is far too long');
  });

  await test.step('the card does not ask again', async () => {
    await shopper.page.reload();
    await expect(shopper.qr).toBeVisible();
    await expect(shopper.page.getByTestId('last-synced')).toBeVisible();
    await expect(question).toHaveCount(0);
  });
});
