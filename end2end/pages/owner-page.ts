import { expect, type Locator, type Page } from '@playwright/test';

export type StampProgram = {
  kind: 'stamps';
  email: string;
  password: string;
  shopName: string;
  rewardName: string;
  stampsPerReward: number;
};

export type PointsProgram = {
  kind: 'points';
  email: string;
  password: string;
  shopName: string;
  rewardName: string;
  pointsPerReward: number;
  pointsPerEuro: number;
};

/** The owner's pages under /admin: first-time setup, then the dashboard. */
export class OwnerPage {
  readonly joinLink: Locator;
  readonly pairingCode: Locator;

  constructor(readonly page: Page) {
    this.joinLink = page.getByTestId('join-link');
    this.pairingCode = page.getByTestId('pairing-code');
  }

  async open(): Promise<void> {
    await this.page.goto('/admin');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Set up your loyalty program' })).toBeVisible();
  }

  /** Fills the one setup form and lands on the dashboard, whose heading is the shop's name. */
  async setUp(program: StampProgram | PointsProgram): Promise<void> {
    const page = this.page;
    await page.getByLabel('Email', { exact: true }).fill(program.email);
    await page.getByLabel('Password', { exact: true }).fill(program.password);
    await page.getByLabel('Shop name', { exact: true }).fill(program.shopName);
    await page.getByLabel('Reward name', { exact: true }).fill(program.rewardName);
    if (program.kind === 'stamps') {
      await page.getByRole('radio', { name: 'Stamps', exact: true }).check();
      await page.getByLabel('Stamps per reward', { exact: true }).fill(String(program.stampsPerReward));
    } else {
      await page.getByRole('radio', { name: 'Points', exact: true }).check();
      await page.getByLabel('Points per reward', { exact: true }).fill(String(program.pointsPerReward));
      await page.getByLabel('Points per 1 EUR spent', { exact: true }).fill(String(program.pointsPerEuro));
    }
    await page.getByRole('button', { name: 'Create program', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: program.shopName, exact: true })).toBeVisible();
  }

  /** The absolute join URL the dashboard shows (its text and its href). */
  async readJoinLink(): Promise<string> {
    await expect(this.joinLink).toHaveAttribute('href', /\/join\/[^/]+$/);
    const href = (await this.joinLink.getAttribute('href')) ?? '';
    await expect(this.joinLink).toHaveText(href);
    return href;
  }

  /** Creates a one-time tablet pairing code and returns it. */
  async createPairingCode(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create pairing code', exact: true }).click();
    await expect(this.pairingCode).toHaveText(/^\s*\S{8}\s*$/);
    return ((await this.pairingCode.textContent()) ?? '').trim();
  }

  /** Adds a cashier or manager with a PIN on the dashboard's Staff panel. */
  async addStaff(name: string, role: 'Cashier' | 'Manager', pin: string): Promise<void> {
    const panel = this.page.getByRole('region', { name: 'Staff', exact: true });
    await panel.getByLabel('Name', { exact: true }).fill(name);
    await panel.getByLabel('Role', { exact: true }).selectOption({ label: role });
    await panel.getByLabel('PIN', { exact: true }).fill(pin);
    await panel.getByRole('button', { name: 'Add staff member', exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText(`${name} can now switch in on the tablets.`);
    await expect(panel.getByTestId('staff-row').filter({ hasText: name })).toContainText(role);
  }
}
