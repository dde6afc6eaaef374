import type { Page } from '@playwright/test';
import { expect, openPhone, openShop, PASSWORD, test, unique } from '../fixtures';
import { exactNumber } from '../pages/cashier-page';
import type { StampProgram } from '../pages/owner-page';
import { RECOVERY_CODE, SIGNED_CODE, sameCard } from '../pages/shopper-page';

function stampProgram(): StampProgram {
  const id = unique('signed');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Signed Bakery ${id}`,
    rewardName: 'Free croissant',
    stampsPerReward: 8,
  };
}

test("the shopper's code is signed anew on each 30-second step, and the new one works at the till", async ({ owner, shopper, cashier }) => {
  // The phone's clock is Playwright's (see fixtures.ts): the test jumps it over a step boundary
  // instead of waiting for one.
  const program = stampProgram();
  const { cardCode } = await openShop({ owner, shopper, cashier }, program);

  const countdown = shopper.page.getByTestId('code-countdown');
  const qrMarkup = () => shopper.qr.innerHTML();

  const before = await test.step('the card shows a live code with its countdown', async () => {
    expect(cardCode).toMatch(SIGNED_CODE);
    await expect(countdown).toHaveText(/New code in ([1-9]|[12]\d|30) s/);
    return { code: await shopper.readCardCode(), qr: await qrMarkup() };
  });

  await test.step('30 seconds later the code and the QR are new, for the same card', async () => {
    await shopper.page.clock.fastForward(30_000);
    await expect(shopper.cardCode).not.toHaveText(before.code);
    await expect(shopper.cardCode).toHaveText(sameCard(before.code));
    expect(await qrMarkup()).not.toBe(before.qr);
    await expect(shopper.qr).toBeVisible();
  });

  await test.step('the till accepts the new code', async () => {
    await cashier.typeCardCode(await shopper.readCardCode());
    await cashier.expectCustomer(0);
    await cashier.giveStamps(1);
  });

  await test.step('and again 30 seconds on', async () => {
    const second = await shopper.readCardCode();
    await shopper.page.clock.fastForward(30_000);
    await expect(shopper.cardCode).not.toHaveText(second);
    await expect(shopper.cardCode).toHaveText(sameCard(second));
  });
});

test('a card moves to a new phone with its recovery code, and the old phone stops working', async ({ browser, baseURL, owner, shopper, cashier }) => {
  // Two phones and the till, and a wait when the till has already seen the nearby steps.
  test.slow();
  const program = stampProgram();
  const { recoveryCode } = await openShop({ owner, shopper, cashier }, program);
  expect(recoveryCode).toMatch(RECOVERY_CODE);

  await test.step('the old phone collects two stamps', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await cashier.page.getByRole('button', { name: 'More stamps', exact: true }).click();
    await cashier.giveStamps(2);
    await cashier.nextCustomer();
    await shopper.reloadUntilBalance(2);
  });

  await test.step("the profile shows the same recovery code again", async () => {
    await shopper.page.getByRole('link', { name: 'Profile', exact: true }).click();
    await expect(shopper.page.getByRole('heading', { name: 'Your recovery code', exact: true })).toBeVisible();
    expect(await shopper.readRecoveryCode()).toBe(recoveryCode);
    await shopper.page.getByRole('link', { name: 'Back to my card', exact: true }).click();
    await expect(shopper.qr).toBeVisible();
  });

  const newPhone = await openPhone(browser, baseURL, 'new phone');
  try {
    await test.step('on the new phone, a wrong recovery code is refused', async () => {
      await newPhone.page.goto('/');
      await newPhone.page.getByRole('link', { name: 'Move a card to this phone', exact: true }).click();
      await expect(newPhone.page.getByRole('heading', { level: 1, name: 'Move a card to this phone' })).toBeVisible();
      await newPhone.page.getByLabel('Recovery code', { exact: true }).fill('ZZZZ-ZZZZ-ZZZZ');
      await newPhone.page.getByRole('button', { name: 'Move card', exact: true }).click();
      await expect(newPhone.page.getByRole('alert')).toContainText('This recovery code is wrong');
    });

    const newRecoveryCode = await test.step('the right one moves the card, with its stamps, and gives a new recovery code', async () => {
      // Typed the way people type it: lower case, spaces for dashes.
      await newPhone.page.getByLabel('Recovery code', { exact: true }).fill(recoveryCode.toLowerCase().replaceAll('-', ' '));
      await newPhone.page.getByRole('button', { name: 'Move card', exact: true }).click();
      const fresh = await newPhone.readRecoveryCode();
      expect(fresh).not.toBe(recoveryCode);
      await newPhone.page.getByRole('button', { name: 'Done', exact: true }).click();
      await expect(newPhone.page).toHaveURL(/\/card\/[^/]+$/);
      await expect(newPhone.page.getByRole('heading', { level: 1, name: program.shopName, exact: true })).toBeVisible();
      await expect(newPhone.balance).toHaveText(exactNumber(2));
      await expect(newPhone.qr).toBeVisible();
      return fresh;
    });

    await test.step("the old phone's code is refused at the till", async () => {
      // The old phone has not synced since: it still shows codes signed by its old key.
      const stale = await shopper.readCardCode();
      await cashier.typeCardCode(stale);
      await expect(cashier.alert.first()).toBeVisible();
      await expect(cashier.customerBalance).toBeHidden();
    });

    await test.step('once it syncs, the old phone says the card is no longer here and shows no code', async () => {
      await shopper.page.reload();
      await expect(shopper.page.getByRole('alert')).toContainText('This card no longer works on this phone');
      await expect(shopper.qr).toBeHidden();
      await expect(shopper.cardCode).toBeHidden();
    });

    await test.step("the new phone's code works at the till", async () => {
      await cashier.typeCardCode(await newPhone.codeForTill());
      await cashier.expectCustomer(2);
      await cashier.giveStamps(3);
      await newPhone.reloadUntilBalance(3);
    });

    await test.step('the old recovery code no longer works; the new one is in the profile', async () => {
      await newPhone.page.getByRole('link', { name: 'Profile', exact: true }).click();
      expect(await newPhone.readRecoveryCode()).toBe(newRecoveryCode);
      await newPhone.page.goto('/recover');
      await newPhone.page.getByLabel('Recovery code', { exact: true }).fill(recoveryCode);
      await newPhone.page.getByRole('button', { name: 'Move card', exact: true }).click();
      await expect(newPhone.page.getByRole('alert')).toContainText('This recovery code is wrong');
    });
  } finally {
    await newPhone.page.context().close();
  }
});

test('the owner lists members, makes a printed card, and blocks a card the phone then shows as blocked', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);

  await test.step('the shopper has a stamp', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await cashier.giveStamps(1);
  });

  const members = owner.page.getByTestId('member');
  await test.step('the Members page lists the shopper with the balance', async () => {
    await owner.page.getByRole('link', { name: 'Members and printed cards', exact: true }).click();
    await expect(owner.page.getByRole('heading', { level: 1, name: 'Members', exact: true })).toBeVisible();
    await expect(members).toHaveCount(1);
    await expect(members.first()).toContainText(/^Member [0-9a-f]{8}/);
    await expect(members.first()).toContainText('1 stamp');
  });

  await test.step('a printed card for Marta shows her name, the shop, its QR and "Stamps only", ready to print', async () => {
    await owner.page.getByLabel('First name', { exact: true }).fill('Marta');
    await owner.page.getByRole('button', { name: 'Make a printed card', exact: true }).click();
    const card = owner.page.getByTestId('printed-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText(program.shopName);
    await expect(card).toContainText('Marta');
    await expect(card).toContainText('Stamps only');
    await expect(card.getByRole('img', { name: 'Printed card QR code', exact: true }).locator('svg')).toBeVisible();
    await expect(owner.page.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
    await expect(members).toHaveCount(2);
    await expect(members.filter({ hasText: 'Marta' })).toContainText('Printed card');
    await owner.page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(card).toBeHidden();
  });

  await test.step("blocking asks first; Cancel keeps the card, confirming blocks it", async () => {
    const row = members.filter({ hasNotText: 'Marta' });
    await row.getByRole('button', { name: 'Block card', exact: true }).click();
    await expect(row).toContainText('Tills will refuse it from now on');
    await row.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(row.getByRole('button', { name: 'Yes, block card', exact: true })).toBeHidden();
    await row.getByRole('button', { name: 'Block card', exact: true }).click();
    await row.getByRole('button', { name: 'Yes, block card', exact: true }).click();
    await expect(owner.page.getByRole('status').filter({ hasText: "'s card is blocked." })).toBeVisible();
    await expect(row).toContainText('Blocked');
    await expect(row.getByRole('button', { name: 'Block card', exact: true })).toHaveCount(0);
  });

  await test.step('the phone, once it syncs, says the shop blocked the card and shows no code', async () => {
    await shopper.page.reload();
    await expect(shopper.page.getByRole('alert')).toContainText('The shop has blocked this card.');
    await expect(shopper.qr).toBeHidden();
  });
});

/** Puts a card into the phone's IndexedDB as an app from before signed codes kept it. */
async function keepOldCard(page: Page, joined: { token: string; card: { card: { id: string } }; recovery_code?: string }, withRecoveryCode: boolean): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'My cards' })).toBeVisible();
  await page.evaluate(
    ([joined, withRecoveryCode]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('cards', 'readwrite');
          tx.objectStore('cards').put({
            card_id: joined.card.card.id,
            token: joined.token,
            view: joined.card,
            synced_at: new Date().toISOString(),
            cursor: 0,
            full_synced_at: null,
            ...(withRecoveryCode ? { recovery_code: joined.recovery_code } : {}),
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [joined, withRecoveryCode] as const,
  );
}

/** Deletes every card key this phone keeps, as if the browser lost them. */
async function loseCardKeys(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('keys', 'readwrite');
          tx.objectStore('keys').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('a card made before signed codes gets its key on the phone; a lost key is set up again with the recovery code', async ({ owner, shopper, cashier }) => {
  test.slow();
  const program = stampProgram();
  const { joinUrl } = await openShop({ owner, shopper, cashier }, program);
  const slug = new URL(joinUrl).pathname.split('/').pop()!;
  const phone = shopper.page;

  const joined = await test.step('an older app joined without a key', async () => {
    const response = await phone.request.post(`/api/v1/shops/${slug}/join`, { data: {} });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body.card.card.has_key).toBe(false);
    return body;
  });

  await test.step('opened now, the card makes and registers its key and shows live codes the till accepts', async () => {
    await keepOldCard(phone, joined, false);
    await phone.goto(`/card/${joined.card.card.id}`);
    await expect(shopper.qr).toBeVisible();
    const code = await shopper.codeForTill();
    await cashier.typeCardCode(code);
    await cashier.expectCustomer(0);
    await cashier.giveStamps(1);
    await cashier.nextCustomer();
  });

  await test.step('with no recovery code on the phone, the profile makes one', async () => {
    await phone.getByRole('link', { name: 'Profile', exact: true }).click();
    await phone.getByRole('button', { name: 'Make a new recovery code', exact: true }).click();
    await shopper.readRecoveryCode();
    await expect(phone.getByRole('status').filter({ hasText: 'New recovery code made' })).toBeVisible();
    await phone.getByRole('link', { name: 'Back to my card', exact: true }).click();
    await expect(shopper.qr).toBeVisible();
  });

  await test.step('a phone that lost the key says so, and sets the card up again with the kept recovery code', async () => {
    await loseCardKeys(phone);
    await phone.reload();
    await expect(phone.getByRole('alert').filter({ hasText: "This card's key is not on this phone" })).toBeVisible();
    await expect(shopper.qr).toBeHidden();
    await phone.getByRole('button', { name: 'Set up the card again', exact: true }).click();
    await shopper.readRecoveryCode();
    await phone.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(shopper.qr).toBeVisible();
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(1);
  });
});
