import { expect, type Locator, type Page } from '@playwright/test';

/** The till on a tablet at /staff. */
export class CashierPage {
  readonly cardCodeInput: Locator;
  readonly customerName: Locator;
  readonly customerBalance: Locator;
  readonly confirmation: Locator;
  readonly stampCount: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.cardCodeInput = page.getByLabel('Card code', { exact: true });
    this.customerName = page.getByTestId('customer-name');
    this.customerBalance = page.getByTestId('customer-balance');
    this.confirmation = page.getByTestId('confirmation');
    this.stampCount = page.getByTestId('stamp-count');
    this.alert = page.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/staff');
  }

  /** Types the owner's pairing code; the till then shows the shop and waits for a card. */
  async pair(code: string, shopName: string): Promise<void> {
    await this.page.getByLabel('Pairing code', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Pair tablet', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: shopName, exact: true })).toBeVisible();
    await expect(this.cardCodeInput).toBeFocused();
  }

  /** Tries a pairing code that is expected to fail. */
  async tryPairing(code: string): Promise<void> {
    await this.page.getByLabel('Pairing code', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Pair tablet', exact: true }).click();
  }

  /** Types a card code into the field and presses "Find card". */
  async typeCardCode(code: string): Promise<void> {
    await this.cardCodeInput.fill(code);
    await this.page.getByRole('button', { name: 'Find card', exact: true }).click();
  }

  /**
   * A USB or Bluetooth scanner is a keyboard: it types the code and presses Enter into whatever has
   * focus. Nothing is focused here, so the page itself must catch it.
   */
  async scanCardCode(code: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(this.cardCodeInput).not.toBeFocused();
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  async expectCustomer(balance: number): Promise<void> {
    await expect(this.customerName).toBeVisible();
    await expect(this.customerBalance).toHaveText(exactNumber(balance));
  }

  giveStampsButton(): Locator {
    return this.page.getByRole('button', { name: /^Give \d+ stamps?$/ });
  }

  /** Gives the stamps shown in `stamp-count` and checks the confirmation and the new balance. */
  async giveStamps(expectedBalance: number): Promise<void> {
    await this.giveStampsButton().click();
    await this.expectConfirmation(expectedBalance);
  }

  /** Records a purchase on a points program. */
  async addPoints(amount: string, expectedPoints: number, expectedBalance: number): Promise<void> {
    const field = this.page.getByLabel('Purchase amount', { exact: true });
    await expect(field).toBeFocused();
    await field.fill(amount);
    await this.page.getByRole('button', { name: 'Add points', exact: true }).click();
    await expect(this.confirmation).toContainText(`${expectedPoints} points added`);
    await this.expectConfirmation(expectedBalance);
  }

  redeemButton(rewardName: string): Locator {
    return this.page.getByRole('button', { name: `Redeem ${rewardName}`, exact: true });
  }

  async redeem(rewardName: string, expectedBalance: number): Promise<void> {
    await this.redeemButton(rewardName).click();
    await expect(this.confirmation).toContainText(`${rewardName} redeemed`);
    await this.expectConfirmation(expectedBalance);
  }

  async expectConfirmation(balance: number): Promise<void> {
    // Announced: the confirmation appears inside the till's always-present status region.
    await expect(this.page.getByTestId('till-status')).toHaveRole('status');
    await expect(this.page.getByTestId('till-status').getByTestId('confirmation')).toBeVisible();
    await expect(this.confirmation).toContainText(new RegExp(`Balance: ${balance}(?!\\d)`));
    await expect(this.customerBalance).toHaveText(exactNumber(balance));
  }

  async nextCustomer(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next customer', exact: true }).click();
    await expect(this.customerBalance).toBeHidden();
    await expect(this.cardCodeInput).toBeFocused();
    await expect(this.cardCodeInput).toHaveValue('');
  }

  /** Who the till says is at it: "At the till: Bo". */
  actingStaff(): Locator {
    return this.page.getByTestId('acting-staff');
  }

  /** Opens "Switch" and picks a staff member by name; the PIN pad shows. */
  async pickStaff(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Switch', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
    await expect(dialog.getByRole('heading', { name: `PIN for ${name}`, exact: true })).toBeVisible();
  }

  /** Taps a PIN on the pad and Confirm. */
  async tapPin(pin: string): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    for (const digit of pin) {
      await dialog.getByRole('button', { name: digit, exact: true }).click();
    }
    await expect(dialog.getByLabel('PIN', { exact: true })).toHaveValue(pin);
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
  }

  /** Switches the till to a staff member with their PIN. */
  async switchStaff(name: string, pin: string): Promise<void> {
    await this.pickStaff(name);
    await this.tapPin(pin);
    await expect(this.page.getByRole('dialog')).toBeHidden();
    await expect(this.actingStaff()).toHaveText(`At the till: ${name}`);
  }

  /** The till's last actions, newest first. */
  recentActions(): Locator {
    return this.page.getByTestId('recent-action');
  }
}

export function exactNumber(n: number): RegExp {
  return new RegExp(`^\\s*${n}\\s*$`);
}
