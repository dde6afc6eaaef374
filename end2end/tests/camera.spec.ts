import type { Browser, TestInfo } from '@playwright/test';
import { expect, PASSWORD, test, unique } from '../fixtures';
import { launchWithCamera, filmCardCode, makePrintedCard, TillCamera } from '../pages/camera';
import { CashierPage, exactNumber } from '../pages/cashier-page';
import type { StampProgram } from '../pages/owner-page';

/** On failure, the text of the till's screen (its browser is not one of the fixtures'). */
async function keepTillEvidence(browser: Browser, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      const text = await page.locator('body').innerText().catch(() => '');
      await testInfo.attach('till-screen.txt', { body: `${page.url()}\n\n${text}`, contentType: 'text/plain' });
      await testInfo.attach('till-screenshot.png', { body: await page.screenshot().catch(() => Buffer.from('')), contentType: 'image/png' });
    }
  }
}

function stampProgram(tag: string): StampProgram {
  const id = unique(tag);
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Camera Bakery ${id}`,
    rewardName: 'Free bun',
    stampsPerReward: 8,
  };
}

test('the till reads a card with the camera (rqrr in a worker), gives the stamp, and is ready for the next customer', async ({ owner, baseURL, launchOptions }, testInfo) => {
  const program = stampProgram('camera');
  const { pairingCode, code } = await test.step('the owner sets up the program and prints a card', async () => {
    await owner.open();
    await owner.setUp(program);
    return { pairingCode: await owner.createPairingCode(), code: await makePrintedCard(owner, 'Ada') };
  });

  // Chromium's camera flags are per browser: film the code, then start the till's browser.
  const video = testInfo.outputPath('printed-card.y4m');
  filmCardCode(code, video);
  const browser = await launchWithCamera(launchOptions, video);
  try {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1180, height: 820 },
      hasTouch: true,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`[till] page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.log(`[till] console ${message.type()}: ${message.text()}`);
    });
    const cashier = new CashierPage(page);
    const camera = new TillCamera(page);

    await test.step('the cashier pairs the tablet', async () => {
      await cashier.open();
      await cashier.pair(pairingCode, program.shopName);
      await camera.expectOff();
    });

    await test.step('the camera reads the card: the customer is shown and the camera stops', async () => {
      await camera.open();
      await expect(cashier.customerName).toContainText('Ada', { timeout: 20_000 });
      await cashier.expectCustomer(0);
      // Headless Chromium on Linux has no BarcodeDetector: the frames went to the rqrr worker.
      await expect(camera.panel).toHaveAttribute('data-decoder', 'worker');
      await camera.expectOff();
      await expect(camera.openButton).toBeVisible();
    });

    await test.step('one tap gives the stamp; the confirmation is large', async () => {
      await expect(cashier.giveStampsButton()).toBeFocused();
      await expect(cashier.giveStampsButton()).toHaveAccessibleName('Give 1 stamp');
      await cashier.giveStamps(1);
      const size = await cashier.confirmation.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(28);
    });

    await test.step('next customer: the camera comes back by itself and reads the next card', async () => {
      await page.getByRole('button', { name: 'Next customer', exact: true }).click();
      await expect(cashier.customerBalance).toHaveText(exactNumber(1), { timeout: 20_000 });
      await camera.expectOff();
      await cashier.giveStamps(2);
    });

  } finally {
    await keepTillEvidence(browser, testInfo);
    await browser.close();
  }
});

test('the camera with no card in view keeps looking until the cashier closes it; the switch shows only with several cameras', async ({ owner, baseURL, launchOptions }, testInfo) => {
  const program = stampProgram('camera-empty');
  await owner.open();
  await owner.setUp(program);
  const pairingCode = await owner.createPairingCode();
  // Chromium's own fake camera: a moving test pattern, no code.
  const browser = await launchWithCamera(launchOptions);
  try {
    const page = await (await browser.newContext({ baseURL, locale: 'en-GB' })).newPage();
    const cashier = new CashierPage(page);
    const camera = new TillCamera(page);
    await cashier.open();
    await cashier.pair(pairingCode, program.shopName);

    await camera.open();
    await camera.expectOn();
    await expect(page.getByText("Hold the card's code inside the frame.")).toBeVisible();
    // Frames are going to the worker and nothing is found.
    await expect(camera.panel).toHaveAttribute('data-decoder', 'worker');
    await expect(cashier.customerName).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Switch camera', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Torch', exact: true })).toHaveCount(0);

    await camera.closeButton.click();
    await camera.expectOff();
  } finally {
    await keepTillEvidence(browser, testInfo);
    await browser.close();
  }
});

test('a refused, missing or insecure camera says so in plain words, and typing and scanners still work', async ({ owner, shopper, cashier }) => {
  const program = stampProgram('no-camera');
  // The cashier said no to the camera: getUserMedia rejects as browsers do then.
  await cashier.page.addInitScript(() => {
    const refuse = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia: refuse, enumerateDevices: async () => [] },
    });
  });
  await owner.open();
  await owner.setUp(program);
  const pairingCode = await owner.createPairingCode();
  await shopper.join(await owner.readJoinLink(), program.shopName);
  await cashier.open();
  await cashier.pair(pairingCode, program.shopName);
  const camera = new TillCamera(cashier.page);

  await test.step('refused: the message says how to allow it, and what to do meanwhile', async () => {
    await camera.open();
    await expect(camera.problem).toHaveText(/camera is blocked.*type the code, or use a USB or Bluetooth scanner/i);
    await expect(camera.problem).toHaveRole('alert');
    await expect(camera.openButton).toBeVisible();
  });

  await test.step('a USB scanner still finds the customer, and the stamp is given', async () => {
    await cashier.scanCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await cashier.giveStamps(1);
    await cashier.nextCustomer();
  });

  await test.step('a tablet without a camera says so', async () => {
    await cashier.page.evaluate(() => {
      Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: undefined });
    });
    await camera.open();
    await expect(camera.problem).toHaveText(/No camera was found.*type the code/i);
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(1);
  });

  await test.step('on an insecure (http) address the till says the camera needs https', async () => {
    await cashier.nextCustomer();
    await cashier.page.evaluate(() => Object.defineProperty(window, 'isSecureContext', { configurable: true, value: false }));
    await camera.open();
    await expect(camera.problem).toHaveText(/secure \(https\) address.*type the code/i);
  });
});

test('the till can be muted, and stays muted after a reload', async ({ owner, cashier }) => {
  const program = stampProgram('mute');
  await owner.open();
  await owner.setUp(program);
  const pairingCode = await owner.createPairingCode();
  await cashier.open();
  await cashier.pair(pairingCode, program.shopName);
  const sound = cashier.page.getByRole('button', { name: 'Sound', exact: true });
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  await cashier.page.reload();
  await expect(cashier.page.getByRole('button', { name: 'Sound', exact: true })).toHaveAttribute('aria-pressed', 'false');
});
