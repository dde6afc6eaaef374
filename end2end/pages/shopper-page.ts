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
   * the new card. Returns the recovery code. With `offersConsent` the shopper first ticks that
   * offers may be picked for them from their visits (unticked by default).
   */
  async join(joinUrl: string, shopName: string, { offersConsent = false } = {}): Promise<string> {
    await this.page.goto(joinUrl);
    await expect(this.page.getByRole('heading', { level: 1, name: shopName, exact: true })).toBeVisible();
    if (offersConsent) {
      const consent = this.page.getByRole('checkbox', { name: 'Pick offers for me from my visits', exact: true });
      await expect(consent).not.toBeChecked();
      await consent.check();
    }
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

  /**
   * A live code for the till, as a shopper coming back another time would show: the till refuses
   * a code (card and 30-second step) it accepted for an earlier customer, so each visit needs a
   * step no till has seen yet, and the server takes steps within two of its own. The phone's
   * clock (Playwright's) is set to such a step; when the five steps around the server's are all
   * used, this waits for the server's clock to move on.
   */
  async codeForTill(): Promise<string> {
    const card = (await this.readCardCode()).slice(0, 26);
    const shown = stepsShown.get(card) ?? new Set<number>();
    stepsShown.set(card, shown);
    let target: number;
    for (;;) {
      const now = serverStep();
      // A code two steps old is refused once the server's step moves on: only with time to spare.
      target = msLeftInStep() > 8_000 ? now - STEP_TOLERANCE : now - STEP_TOLERANCE + 1;
      while (shown.has(target)) target += 1;
      if (target <= now + STEP_TOLERANCE) break;
      await expect.poll(serverStep, { timeout: STEP_MS + 5_000 }).toBeGreaterThan(now);
    }
    let code = await this.readCardCode();
    await expect(async () => {
      code = await this.readCardCode();
      const step = stepOf(code);
      if (step === target) return;
      // To the middle of the target step (by the phone's countdown), so it does not move on
      // before the till reads it.
      const left = Number(/(\d+) s/.exec((await this.page.getByTestId('code-countdown').textContent()) ?? '')?.[1] ?? 15);
      const phoneNow = await this.page.evaluate(() => Date.now());
      await this.page.clock.setSystemTime(phoneNow + (target - step) * STEP_MS + (left - 15) * 1_000);
      await expect(this.cardCode).not.toHaveText(code, { timeout: 3_000 });
      code = await this.readCardCode();
      expect(stepOf(code)).toBe(target);
    }).toPass({ timeout: 20_000 });
    shown.add(target);
    return code;
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

/** A code's time step is 30 seconds (`STEP_SECONDS` in protocol/src/card_code.rs)... */
const STEP_MS = 30_000;
/** ...and the server accepts steps this far either side of its own. */
const STEP_TOLERANCE = 2;
/** The steps of each card (by its code's first 26 characters) the till has been shown. */
const stepsShown = new Map<string, Set<number>>();
const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** The server's time step now: it runs on this machine's clock, which Playwright does not fake. */
function serverStep(): number {
  return Math.floor(Date.now() / STEP_MS);
}

function msLeftInStep(): number {
  return STEP_MS - (Date.now() % STEP_MS);
}

/** The time step inside a signed code: bytes 16 to 19 (big endian) of its base45 payload. */
export function stepOf(code: string): number {
  const chars = code.trim().slice(2 + 24, 2 + 30);
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i += 3) {
    const n = BASE45.indexOf(chars[i]) + BASE45.indexOf(chars[i + 1]) * 45 + BASE45.indexOf(chars[i + 2]) * 45 * 45;
    bytes.push(n >> 8, n & 0xff);
  }
  return ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
}
