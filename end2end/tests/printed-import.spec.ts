import { expect, PASSWORD, test, unique } from '../fixtures';
import type { Page, Response } from '@playwright/test';

/** The answer of the next "Print card" (or "Make a printed card") call, as JSON. */
async function printedCardAnswer(page: Page, path: RegExp, click: () => Promise<void>): Promise<{ code: string; member: { card_id: string } }> {
  const answer = page.waitForResponse((r: Response) => path.test(new URL(r.url()).pathname) && r.request().method() === 'POST');
  await click();
  const response = await answer;
  expect(response.ok(), `${response.url()} answered ${response.status()}`).toBe(true);
  return response.json();
}

test('members an import of purchase history brought in get a printed card, and a lost printed card prints again with the same code', async ({ owner }) => {
  const id = unique('printed');
  const shopName = `Corner Bakery ${id}`;
  const page = owner.page;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const csv = [
    'customer,date,amount,first_name',
    `K0001,${day(30)},4.50,Ada Brandt`,
    `K0002,${day(20)},12.00,Ben Costa`,
    `K0001,${day(10)},3.80,Ada Brandt`,
  ].join('\n') + '\n';

  await test.step('the owner sets up the shop and imports a short history: two customers', async () => {
    await owner.open();
    await owner.setUp({
      kind: 'stamps',
      email: `owner+${id}@example.test`,
      password: PASSWORD,
      shopName,
      rewardName: 'Free loaf',
      stampsPerReward: 8,
    });
    await page.getByRole('link', { name: 'Import purchase history', exact: true }).click();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'bakery.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Import 3 purchases', exact: true }).click({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-new-members').locator('dd')).toHaveText('2');
  });

  const members = page.getByTestId('member');
  const card = page.getByTestId('printed-card');
  const ada = members.filter({ hasText: 'Ada Brandt' });

  await test.step('on Members, an imported member has the printed tag and "Print card" shows her card to print', async () => {
    await page.goto('/admin/members');
    await expect(page.getByRole('heading', { level: 1, name: 'Members', exact: true })).toBeVisible();
    await expect(members).toHaveCount(2);
    await expect(ada).toContainText('Printed card');
    await expect(card).toHaveCount(0);

    const printed = await printedCardAnswer(page, /\/owner\/cards\/[^/]+\/printed-card$/, () =>
      ada.getByRole('button', { name: 'Print card', exact: true }).click(),
    );
    expect(printed.code).toMatch(/^R3[0-9A-Z $%*+./:-]{120}$/);
    await expect(card).toBeVisible();
    await expect(card).toContainText(shopName);
    await expect(card).toContainText('Ada Brandt');
    await expect(card).toContainText('Stamps only');
    await expect(card.getByRole('img', { name: 'Printed card QR code', exact: true }).locator('svg')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: "Ada Brandt's printed card: print it and hand it over." })).toBeVisible();
    // The card shows above the list: the focus moves to its "Print" button.
    await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeFocused();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(card).toHaveCount(0);
  });

  await test.step('a card made at the counter and lost prints again with the very same code', async () => {
    await page.getByLabel('First name', { exact: true }).fill('Marta');
    const made = await printedCardAnswer(page, /\/owner\/printed-cards$/, () =>
      page.getByRole('button', { name: 'Make a printed card', exact: true }).click(),
    );
    await expect(card).toContainText('Marta');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(members).toHaveCount(3);

    const marta = members.filter({ hasText: 'Marta' });
    const again = await printedCardAnswer(page, /\/owner\/cards\/[^/]+\/printed-card$/, () =>
      marta.getByRole('button', { name: 'Print card', exact: true }).click(),
    );
    expect(again.member.card_id).toBe(made.member.card_id);
    expect(again.code).toBe(made.code);
    await expect(card).toContainText('Marta');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
  });

  await test.step('a card blocked since the list was loaded is refused in words, in its row', async () => {
    const ben = members.filter({ hasText: 'Ben Costa' });
    const href = (await ben.getByRole('link', { name: 'Ben Costa', exact: true }).getAttribute('href')) ?? '';
    const cardId = href.split('/').pop();
    expect(cardId, 'the row links to the member').toMatch(/^[0-9a-f-]{36}$/);
    const csrf = (await page.context().cookies()).find((c) => c.name === 'regulars_csrf')?.value;
    expect(csrf, 'the owner session has a CSRF token').toBeTruthy();
    const blocked = await page.request.post(`/api/v1/owner/cards/${cardId}/revoke`, { headers: { 'X-CSRF-Token': csrf! } });
    expect(blocked.status()).toBe(200);

    await ben.getByRole('button', { name: 'Print card', exact: true }).click();
    await expect(ben.getByRole('alert')).toHaveText('This card is blocked.');
    await expect(card).toHaveCount(0);
    await expect(ben.getByRole('button', { name: 'Print card', exact: true })).toBeEnabled();
  });
});
