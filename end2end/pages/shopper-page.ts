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

  /** Opens the join link, taps Join and waits for the new card. */
  async join(joinUrl: string, shopName: string): Promise<void> {
    await this.page.goto(joinUrl);
    await expect(this.page.getByRole('heading', { level: 1, name: shopName, exact: true })).toBeVisible();
    await this.page.getByRole('button', { name: 'Join', exact: true }).tap();
    await expect(this.page).toHaveURL(/\/card\/[^/]+$/);
    await expect(this.page.getByRole('heading', { level: 1, name: shopName, exact: true })).toBeVisible();
    await expect(this.qr).toBeVisible();
  }

  /** The code under the QR, exactly as a cashier would type it. */
  async readCardCode(): Promise<string> {
    await expect(this.cardCode).toHaveText(/\S{6,}/);
    return ((await this.cardCode.textContent()) ?? '').trim();
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
