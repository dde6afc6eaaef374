import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import { exactNumber } from '../pages/cashier-page';
import type { StampProgram } from '../pages/owner-page';

function stampProgram(): StampProgram {
  const id = unique('insights');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Insight Bakery ${id}`,
    rewardName: 'Free loaf',
    stampsPerReward: 8,
  };
}

test('the owner renames a category, the cashier uses it with an amount, and Insights shows the visit, the heatmap and the member', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);

  await test.step('the owner renames Coffee to Sourdough and adds Pastries', async () => {
    const form = owner.page.getByTestId('categories-form');
    await form.getByLabel('Category 1', { exact: true }).fill('Sourdough');
    await form.getByRole('button', { name: 'Add a category', exact: true }).click();
    await form.getByLabel('Category 6', { exact: true }).fill('Pastries');
    await form.getByRole('button', { name: 'Save categories', exact: true }).click();
    await expect(form.getByRole('status')).toHaveText('Saved.');
  });

  await test.step('the till shows the new chips; the cashier tags Sourdough and types 4.50', async () => {
    await cashier.page.reload();
    const sourdough = cashier.page.getByRole('button', { name: 'Sourdough', exact: true });
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await expect(sourdough).toBeVisible();
    await expect(cashier.page.getByRole('button', { name: 'Pastries', exact: true })).toBeVisible();
    await expect(cashier.page.getByRole('button', { name: 'Coffee', exact: true })).toHaveCount(0);
    await sourdough.click();
    await cashier.page.getByLabel('Amount (optional)', { exact: true }).fill('4.50');
    await cashier.giveStamps(1);
  });

  await test.step('a typo in the amount is refused and gives nothing', async () => {
    await cashier.page.getByLabel('Amount (optional)', { exact: true }).fill('4,5x');
    await cashier.giveStampsButton().click();
    await expect(cashier.page.getByRole('alert').filter({ hasText: 'amount' })).toBeVisible();
    await expect(cashier.customerBalance).toHaveText(exactNumber(1));
  });

  await test.step('the owner opens Insights and sees the visit and the spend', async () => {
    await owner.page.getByRole('link', { name: 'Insights', exact: true }).click();
    await expect(owner.page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
    await expect(owner.page.getByTestId('figure-visits').locator('.figure-number')).toHaveText('1');
    await expect(owner.page.getByTestId('figure-active').locator('.figure-number')).toHaveText('1');
    await expect(owner.page.getByTestId('figure-revenue').locator('.figure-number')).toHaveText('4.50 EUR');
    await expect(owner.page.getByRole('img', { name: 'When they come' })).toBeVisible();
    await expect(owner.page.getByTestId('busiest')).toContainText('The busiest hour is');
  });

  await test.step('predicted value says plainly that one visit is too little history to fit', async () => {
    const panel = owner.page.getByTestId('clv');
    await expect(panel.getByRole('heading', { name: 'Predicted value' })).toBeVisible();
    await expect(panel.getByTestId('clv-warning')).toHaveText(
      'Predictions need at least 50 members who came back; 0 have so far. Keep stamping: they come with the history.',
    );
    await expect(panel.getByTestId('clv-top')).toHaveCount(0);
    await expect(panel).not.toContainText('NaN');
  });

  await test.step("a segment's members lead to the member's page, which shows the category", async () => {
    const row = owner.page.locator('tr', { has: owner.page.locator('.segment-count', { hasText: /^1$/ }) });
    await expect(row).toHaveCount(1);
    await row.getByRole('link').click();
    const list = owner.page.getByTestId('segment-members');
    await expect(list.locator('tbody tr')).toHaveCount(1);
    await list.getByRole('link').click();
    await expect(owner.page.getByTestId('member-totals')).toHaveText('1 visit, 4.50 EUR spent');
    await expect(owner.page.getByTestId('member-categories')).toHaveText('Sourdough: 1');
    await expect(owner.page.getByTestId('member-predicted')).toContainText('Predictions need at least 50 members');
  });
});
