import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import type { StampProgram } from '../pages/owner-page';
import type { Page } from '@playwright/test';

/*
 * This journey deploys a new build by changing the service worker the server serves. Every
 * open page of that server would see the "deploy", so it runs against a server of its own
 * (`DEPLOY_BASE_URL`) serving its own copy of the build (`DEPLOY_DIST_DIR`).
 */
const distDir = process.env.DEPLOY_DIST_DIR;
test.use({ baseURL: process.env.DEPLOY_BASE_URL });

function stampProgram(): StampProgram {
  const id = unique('deploy');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `New Build Café ${id}`,
    rewardName: 'Free coffee',
    stampsPerReward: 5,
  };
}

/** Waits until the service worker has installed the app shell and controls the page. */
async function untilServiceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
}

test('deploying a new build while a page is open shows the update prompt', async ({ owner, shopper, cashier }) => {
  test.skip(!distDir, 'needs DEPLOY_BASE_URL and DEPLOY_DIST_DIR: a server of its own and the folder it serves (cargo xtask test sets both)');
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);
  const page = shopper.page;
  await untilServiceWorkerControls(page);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeHidden();

  const worker = path.join(distDir!, 'sw.js');
  const original = fs.readFileSync(worker);
  try {
    await test.step('a new build is deployed: its service worker differs', async () => {
      fs.writeFileSync(worker, Buffer.concat([original, Buffer.from(`\n// build deployed ${unique('at')}\n`)]));
      // What the page does every half hour and whenever it becomes visible again.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    });
    await test.step('the open page keeps working and offers a reload', async () => {
      await expect(prompt).toBeVisible({ timeout: 20_000 });
      await expect(prompt).toHaveRole('status');
      await expect(prompt).toContainText('A new version of Regulars is ready.');
      await expect(shopper.qr).toBeVisible();
    });
    await test.step('Reload switches to the new build', async () => {
      await prompt.getByRole('button', { name: 'Reload', exact: true }).click();
      await expect(prompt).toBeHidden({ timeout: 20_000 });
      await expect(shopper.qr).toBeVisible();
    });
  } finally {
    fs.writeFileSync(worker, original);
  }
});
