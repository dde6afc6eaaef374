import { test as base, devices, type Browser, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';
import { CashierPage } from './pages/cashier-page';
import { OwnerPage, type PointsProgram, type StampProgram } from './pages/owner-page';
import { ShopperPage } from './pages/shopper-page';

/** The three people of every journey, each in a browser context of their own, open at once. */
const OWNER_DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
};
const SHOPPER_PHONE: BrowserContextOptions = {
  userAgent: devices['Pixel 7'].userAgent,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};
const CASHIER_TABLET: BrowserContextOptions = {
  viewport: { width: 1180, height: 820 },
  deviceScaleFactor: 2,
  hasTouch: true,
};

async function openPage(browser: Browser, baseURL: string | undefined, who: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ ...options, baseURL, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  // A panic in the wasm app or a failed request shows up in the test's output, named by who saw it.
  page.on('pageerror', (error) => console.log(`[${who}] page error: ${error.message}`));
  page.on('console', (message) => {
    // Answers of 4xx are part of the journeys (no session yet, a wrong code); anything else is news.
    const text = message.text();
    if (message.type() === 'error' && !/status of 4\d\d/.test(text)) console.log(`[${who}] console error: ${text}`);
  });
  return page;
}

/**
 * On failure, the text of each person's screen goes into the report (Playwright itself keeps a
 * screenshot of every page and the trace in test-results/).
 */
async function keepEvidence(page: Page, who: string, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus || page.isClosed()) return;
  const text = await page.locator('body').innerText().catch(() => '');
  await testInfo.attach(`${who}-screen.txt`, { body: `${page.url()}\n\n${text}`, contentType: 'text/plain' });
}

type People = { owner: OwnerPage; shopper: ShopperPage; cashier: CashierPage };

export const test = base.extend<People>({
  owner: async ({ browser, baseURL }, use, testInfo) => {
    const page = await openPage(browser, baseURL, 'owner', OWNER_DESKTOP);
    await use(new OwnerPage(page));
    await keepEvidence(page, 'owner', testInfo);
    await page.context().close();
  },
  shopper: async ({ browser, baseURL }, use, testInfo) => {
    const page = await openPhonePage(browser, baseURL, 'shopper');
    await use(new ShopperPage(page));
    await keepEvidence(page, 'shopper', testInfo);
    await page.context().close();
  },
  cashier: async ({ browser, baseURL }, use, testInfo) => {
    const page = await openPage(browser, baseURL, 'cashier', CASHIER_TABLET);
    await use(new CashierPage(page));
    await keepEvidence(page, 'cashier', testInfo);
    await page.context().close();
  },
});

export { expect } from '@playwright/test';

/** A value no other run has used: every journey sets up its own shop on the shared server. */
export function unique(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export const PASSWORD = 'correct horse battery staple';

/**
 * The join link, the shopper's first card code (signed for the 30 seconds it was read in: read
 * a fresh one with `shopper.readCardCode()` when the till needs it), and the recovery code.
 */
export type Opened = { joinUrl: string; cardCode: string; recoveryCode: string };

/** One more phone, for journeys with a second one (moving a card). Close its context after. */
export async function openPhone(browser: Browser, baseURL: string | undefined, who: string): Promise<ShopperPage> {
  return new ShopperPage(await openPhonePage(browser, baseURL, who));
}

/**
 * A phone's clock is Playwright's (it runs as usual until a test moves it), so a journey can show
 * the till the codes of later 30-second steps without waiting for them.
 */
async function openPhonePage(browser: Browser, baseURL: string | undefined, who: string): Promise<Page> {
  const page = await openPage(browser, baseURL, who, SHOPPER_PHONE);
  await page.clock.install();
  return page;
}

/**
 * The start every journey shares: the owner sets up `program`, the shopper joins through the join
 * link, the cashier's tablet pairs with a fresh code. Returns the join link and the shopper's code.
 */
export async function openShop(
  { owner, shopper, cashier }: People,
  program: StampProgram | PointsProgram,
): Promise<Opened> {
  const { joinUrl, pairingCode } = await test.step('the owner sets up the program', async () => {
    await owner.open();
    await owner.setUp(program);
    return { joinUrl: await owner.readJoinLink(), pairingCode: await owner.createPairingCode() };
  });
  const { cardCode, recoveryCode } = await test.step('the shopper joins on a phone', async () => {
    const recoveryCode = await shopper.join(joinUrl, program.shopName);
    return { cardCode: await shopper.readCardCode(), recoveryCode };
  });
  await test.step('the cashier pairs the tablet', async () => {
    await cashier.open();
    await cashier.pair(pairingCode, program.shopName);
  });
  return { joinUrl, cardCode, recoveryCode };
}
