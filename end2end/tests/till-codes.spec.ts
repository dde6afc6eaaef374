import { expect, openPhone, openShop, PASSWORD, test, unique } from '../fixtures';
import type { Locator } from '@playwright/test';
import type { StampProgram } from '../pages/owner-page';

/** The till refuses in words a person reads: no JSON, no status code, no Rust error. */
async function expectRefusal(alert: Locator, words: RegExp): Promise<void> {
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(words);
  for (const internal of ['{', 'undefined', 'JsValue', 'panicked', '403']) {
    await expect(alert).not.toContainText(internal);
  }
}

function stampProgram(tag: string, stampsPerReward = 3): StampProgram {
  const id = unique(tag);
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Till Codes Deli ${id}`,
    rewardName: 'Free soup',
    stampsPerReward,
  };
}

/** Base45 (RFC 9285) of `bytes`, as the card codes use. */
function base45(bytes: number[]): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = bytes[i] * 256 + bytes[i + 1];
    out += alphabet[n % 45] + alphabet[Math.floor(n / 45) % 45] + alphabet[Math.floor(n / 2025)];
  }
  return out;
}

/** The unsigned code (`R1`) cards showed before signed codes, for the card at `cardUrl`. */
function oldStaticCode(cardUrl: string): string {
  const id = cardUrl.match(/\/card\/([0-9a-f-]{36})/)?.[1];
  expect(id, `a card id in ${cardUrl}`).toBeTruthy();
  const hex = id!.replaceAll('-', '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  return `R1${base45(bytes)}`;
}

test('an old, a copied and an expired card code typed at the till are refused in plain words', async ({ owner, shopper, cashier }) => {
  // The tablet's clock is Playwright's, so the test can move it on instead of waiting.
  await cashier.page.clock.install();
  const program = stampProgram('refused');
  await openShop({ owner, shopper, cashier }, program);
  const checked = cashier.page.getByTestId('code-check');

  await test.step('the unsigned code cards showed before signed codes', async () => {
    await cashier.typeCardCode(oldStaticCode(shopper.page.url()));
    await expectRefusal(cashier.alert.first(), /old card code/i);
    await expect(cashier.customerBalance).toHaveCount(0);
  });

  const live = await test.step('the live code is checked and gets a stamp', async () => {
    const code = await shopper.codeForTill();
    await cashier.typeCardCode(code);
    await cashier.expectCustomer(0);
    await expect(checked).toHaveText('Card checked');
    await cashier.giveStamps(1);
    return code;
  });

  await test.step('the same code shown again for the next customer (a screenshot) is refused', async () => {
    await cashier.nextCustomer();
    await cashier.typeCardCode(live);
    await expectRefusal(cashier.alert.first(), /already used/i);
    await expect(cashier.customerBalance).toHaveCount(0);
  });

  await test.step('offline, with the tablet three minutes on, a code from now has expired', async () => {
    // A step the till has not accepted yet, so the refusal can only be for its age.
    const code = await shopper.codeForTill();
    await cashier.page.context().setOffline(true);
    await cashier.page.clock.fastForward('03:00');
    await cashier.typeCardCode(code);
    await expectRefusal(cashier.alert.first(), /expired/i);
    await expect(cashier.customerBalance).toHaveCount(0);
  });
});

test('a printed card collects stamps but its rewards need the phone', async ({ owner, shopper, cashier }) => {
  const program = stampProgram('printed', 2);
  await openShop({ owner, shopper, cashier }, program);

  const printed = await test.step('the owner makes a printed card', async () => {
    const csrf = (await owner.page.context().cookies()).find((c) => c.name === 'regulars_csrf')?.value;
    expect(csrf, 'the owner session has a CSRF token').toBeTruthy();
    const response = await owner.page.request.post('/api/v1/owner/printed-cards', {
      data: { first_name: 'Marta' },
      headers: { 'X-CSRF-Token': csrf! },
    });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body.code).toMatch(/^R3[0-9A-Z $%*+./:-]{120}$/);
    return body.code as string;
  });

  await test.step('the till checks it and gives stamps, but offers no reward', async () => {
    await cashier.scanCardCode(printed);
    await cashier.expectCustomer(0);
    await expect(cashier.customerName).toContainText('Marta');
    await expect(cashier.page.getByTestId('code-check')).toHaveText('Printed card: stamps and points only');
    await cashier.giveStamps(1);
    await cashier.giveStamps(2);
    await expect(cashier.page.getByTestId('redeem-needs-phone')).toBeVisible();
    await expect(cashier.redeemButton(program.rewardName)).toHaveCount(0);
  });

  await test.step('a tampered printed code is refused', async () => {
    await cashier.nextCustomer();
    const tampered = printed.slice(0, 60) + (printed[60] === 'A' ? 'B' : 'A') + printed.slice(61);
    await cashier.typeCardCode(tampered);
    await expectRefusal(cashier.alert.first(), /forged|damaged/i);
  });
});

test('offline, a card the tablet does not know yet gets stamps marked unchecked, which the server checks at sync', async ({ browser, baseURL, owner, shopper, cashier }) => {
  const program = stampProgram('unknown');
  const { joinUrl } = await openShop({ owner, shopper, cashier }, program);
  await cashier.page.context().setOffline(true);

  // A new shopper joins while the tablet is offline: its directory does not have the card.
  const newcomer = await openPhone(browser, baseURL, 'newcomer');
  try {
    await newcomer.join(joinUrl, program.shopName);
    const code = await newcomer.readCardCode();

    await test.step('the stamp is given and marked unchecked; rewards are not offered', async () => {
      await cashier.typeCardCode(code);
      await expect(cashier.page.getByTestId('code-check')).toHaveText(/Not checked yet/);
      await cashier.giveStamps(1);
    });

    await test.step('back online, the server checks the code and keeps the stamp', async () => {
      await cashier.page.context().setOffline(false);
      await expect(cashier.page.getByTestId('sync-status')).toHaveText('Online', { timeout: 20_000 });
      await expect(cashier.page.getByTestId('unsynced-count')).toHaveText('0 to sync', { timeout: 20_000 });
      await expect(cashier.page.getByTestId('rejected-count')).toHaveCount(0);
      await newcomer.reloadUntilBalance(1);
    });
  } finally {
    await newcomer.page.context().close();
  }
});
