import { expect, type Locator, type Page } from '@playwright/test';

/** The shopper's phone: the join page and the card. */
export class ShopperPage {
  readonly cardCode: Locator;
  readonly balance: Locator;
  readonly qr: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.cardCode = page.getByTestId('card-code');
    this.balance = page.getByTestId('balance');
    this.qr = page.getByRole('img', { name: 'Card QR code' });
    this.history = page.getByTestId('history-item');
  }

  /**
   * Opens the join link, taps Join, reads the recovery code shown once, taps Done and waits for
   * the new card. Returns the recovery code.
   */
  async join(joinUrl: string, shopName: string): Promise<string> {
    await this.page.goto(joinUrl);
    await expect(this.page.getByRole('heading', { level: 1, name: shopName, exact: true })).toBeVisible();
    await this.page.getByRole('button', { name: 'Join', exact: true }).tap();
    const recoveryCode = await this.readRecoveryCode();
    await this.page.getByRole('button', { name: 'Done', exact: true }).tap();
    await expect(this.page).toHaveURL(/\/card\/[^/]+$/);
    await expect(this.page.getByRole('heading', { level: 1, name: shopName, exact: true })).toBeVisible();
    await expect(this.qr).toBeVisible();
    return recoveryCode;
  }

  /** The recovery code on screen (after joining, after moving the card, on the profile). */
  async readRecoveryCode(): Promise<string> {
    const code = this.page.getByTestId('recovery-code');
    await expect(code).toHaveText(RECOVERY_CODE);
    return ((await code.textContent()) ?? '').trim();
  }

  /**
   * The live code under the QR, exactly as a cashier would type it: signed by the phone for the
   * current 30-second step, so read it right before the till needs it.
   */
  async readCardCode(): Promise<string> {
    await expect(this.cardCode).toHaveText(SIGNED_CODE);
    return ((await this.cardCode.textContent()) ?? '').trim();
  }

  /** Waits until the card shows a live code of the same card as `code` (any time step). */
  async expectCodeOfCard(code: string, page: Page = this.page): Promise<void> {
    await expect(page.getByTestId('card-code')).toHaveText(sameCard(code));
  }

  /**
   * Reloads the card until it shows `balance`: the tablet's events reach the server through its
   * sync queue, so the first reload may come a moment before the last push has landed.
   */
  async reloadUntilBalance(balance: number): Promise<void> {
    await expect(async () => {
      await this.page.reload();
      await expect(this.balance).toHaveText(new RegExp(`^\\s*${balance}\\s*$`), { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  }

  rewardProgress(rewardName: string): Locator {
    return this.page.getByTestId('reward-progress').filter({ hasText: rewardName });
  }
}

/** A phone's signed code: `R2` and 126 base45 characters. */
export const SIGNED_CODE = /^\s*R2[0-9A-Z $%*+\-./:]{126}\s*$/;
/** `XXXX-XXXX-XXXX`. */
export const RECOVERY_CODE = /^\s*[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\s*$/;

/**
 * Any signed code of the card `code` belongs to: its first 26 characters (`R2` and the base45 of
 * the 16-byte card id) stay; the time step and the signature change.
 */
export function sameCard(code: string): RegExp {
  const card = code.trim().slice(0, 26).replace(/[$*+\-./]/g, '\\$&');
  return new RegExp(`^\\s*${card}[0-9A-Z $%*+\\-./:]{102}\\s*$`);
}
