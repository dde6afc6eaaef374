import { expect, PASSWORD, test, unique } from '../fixtures';
import type { Locator } from '@playwright/test';

/** An alert a person can read: words, not JSON, a status code or a Rust error. */
async function expectReadableAlert(alert: Locator): Promise<void> {
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(/[A-Za-z]{2,}\s+[A-Za-z]{2,}/);
  for (const internal of ['{', 'undefined', 'null', 'JsValue', 'panicked', 'Error(']) {
    await expect(alert).not.toContainText(internal);
  }
}

/** A well-formed card code (prefix R1 and the base45 of 16 random bytes) that no card has. */
function unknownCardCode(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  const bytes = Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  let out = 'R1';
  for (let i = 0; i < bytes.length; i += 2) {
    const n = bytes[i] * 256 + bytes[i + 1];
    out += alphabet[n % 45] + alphabet[Math.floor(n / 45) % 45] + alphabet[Math.floor(n / 2025)];
  }
  return out;
}

test('a wrong pairing code is refused in plain words', async ({ cashier }) => {
  await cashier.open();
  await cashier.tryPairing('ZZZZ2345');
  await expectReadableAlert(cashier.alert.first());
  await expect(cashier.page.getByLabel('Pairing code', { exact: true })).toBeVisible();
  await expect(cashier.cardCodeInput).toHaveCount(0);
});

test('an unknown or malformed card code is refused in plain words', async ({ owner, cashier }) => {
  const id = unique('bad-input');
  const shopName = `Bad Input Books ${id}`;
  await owner.open();
  await owner.setUp({
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName,
    rewardName: 'Free bookmark',
    stampsPerReward: 5,
  });
  const pairingCode = await owner.createPairingCode();
  await cashier.open();
  await cashier.pair(pairingCode, shopName);

  await test.step('a well-formed code of a card nobody has', async () => {
    await cashier.typeCardCode(unknownCardCode());
    await expectReadableAlert(cashier.alert.first());
    await expect(cashier.customerBalance).toHaveCount(0);
  });

  await test.step('the tablet stays paired across a reload', async () => {
    await cashier.page.reload();
    await expect(cashier.page.getByRole('heading', { level: 1, name: shopName, exact: true })).toBeVisible();
    await expect(cashier.cardCodeInput).toBeVisible();
  });

  await test.step('a typed code that is not a Regulars code', async () => {
    await cashier.typeCardCode('HELLO-WORLD');
    await expectReadableAlert(cashier.alert.first());
    await expect(cashier.customerBalance).toHaveCount(0);
  });

  await test.step('a scanned code cut short', async () => {
    await cashier.page.reload();
    await expect(cashier.cardCodeInput).toBeVisible();
    await cashier.scanCardCode('R1ABC');
    await expectReadableAlert(cashier.alert.first());
    await expect(cashier.customerBalance).toHaveCount(0);
  });
});
