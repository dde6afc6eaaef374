import { execFileSync } from 'node:child_process';
import { chromium, expect, type Browser, type LaunchOptions, type Locator, type Page } from '@playwright/test';
import type { OwnerPage } from './owner-page';

/**
 * A video of a phone showing `code`, made by the scanner crate's `fake-camera` tool (the path is
 * in FAKE_CAMERA; `cargo xtask test` builds it), for Chromium's fake camera.
 */
export function filmCardCode(code: string, file: string): void {
  const tool = process.env.FAKE_CAMERA;
  if (!tool) {
    throw new Error('FAKE_CAMERA names no fake-camera tool: run the journeys with `cargo xtask test --only e2e`');
  }
  execFileSync(tool, ['video', code, file], { stdio: 'inherit' });
}

/**
 * A browser whose only camera plays `video` (the launch flags are per browser, so it is started
 * once the code to film is known), or Chromium's moving test pattern without one, and grants it
 * without asking.
 */
export async function launchWithCamera(launchOptions: LaunchOptions, video?: string): Promise<Browser> {
  const camera = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
  if (video) camera.push(`--use-file-for-fake-video-capture=${video}`);
  return chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), ...camera] });
}

/** The owner makes a printed card (its R3 code never expires, so a video of it keeps working). */
export async function makePrintedCard(owner: OwnerPage, firstName: string): Promise<string> {
  const csrf = (await owner.page.context().cookies()).find((c) => c.name === 'regulars_csrf')?.value;
  expect(csrf, 'the owner session has a CSRF token').toBeTruthy();
  const response = await owner.page.request.post('/api/v1/owner/printed-cards', {
    data: { first_name: firstName },
    headers: { 'X-CSRF-Token': csrf! },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body.code).toMatch(/^R3[0-9A-Z $%*+./:-]{120}$/);
  return body.code as string;
}

/** The till's camera panel. */
export class TillCamera {
  readonly panel: Locator;
  readonly openButton: Locator;
  readonly closeButton: Locator;
  readonly video: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Camera', exact: true });
    this.openButton = page.getByRole('button', { name: 'Scan with camera', exact: true });
    this.closeButton = page.getByRole('button', { name: 'Close camera', exact: true });
    this.video = page.getByLabel('Camera view', { exact: true });
    this.problem = page.getByTestId('camera-problem');
  }

  async open(): Promise<void> {
    await this.openButton.click();
  }

  async expectOn(): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-camera', 'on');
    await expect(this.video).toBeVisible();
  }

  async expectOff(): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-camera', 'off');
    await expect(this.video).toBeHidden();
  }
}
