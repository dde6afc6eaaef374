import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, PASSWORD, test, unique } from '../fixtures';
import type { StampProgram } from '../pages/owner-page';

function stampProgram(): StampProgram {
  const id = unique('a11y');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Open Door Cafe ${id}`,
    rewardName: 'Free coffee',
    stampsPerReward: 5,
  };
}

/** WCAG 2.0 and 2.1, levels A and AA: what the style guide promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Impacts that fail the journey; the others are printed. */
const BLOCKING = new Set(['serious', 'critical']);

type Finding = { screen: string; scheme: 'light' | 'dark'; id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core on what `page` shows now, once in the light colour scheme and once in the dark
 * one, and keeps every violation in `findings`. Reduced motion is on so that no colour is read in
 * the middle of a transition after the scheme changes.
 */
async function audit(page: Page, screen: string, findings: Finding[]): Promise<void> {
  await test.step(`axe: ${screen}`, async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await expect.poll(() => page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme)).toBe(true);
      // A button's background eases to the new scheme's colour: read the colours once it has.
      await page.evaluate(() =>
        Promise.allSettled(
          document
            .getAnimations()
            .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
            .map((animation) => animation.finished),
        ),
      );
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      // Text the same colour as its background is only "to review" for axe (it may be a way of
      // hiding text, which this app never uses): here it is invisible text, so a violation.
      const invisible = results.incomplete
        .filter((rule) => rule.id === 'color-contrast')
        .map((rule) => ({ ...rule, nodes: rule.nodes.filter((node) => node.any.some((check) => check.data?.messageKey === 'equalRatio')) }))
        .filter((rule) => rule.nodes.length > 0)
        .map((rule) => ({ ...rule, id: 'color-contrast-equal', impact: 'serious' as const, help: 'Text must not be the colour of its background' }));
      results.violations.push(...invisible);
      const counts: Record<string, number> = {};
      for (const violation of results.violations) {
        const impact = violation.impact ?? 'unknown';
        counts[impact] = (counts[impact] ?? 0) + violation.nodes.length;
        findings.push({
          screen,
          scheme,
          id: violation.id,
          impact,
          help: violation.help,
          targets: violation.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
        });
      }
      const summary = Object.entries(counts).map(([impact, n]) => `${impact} ${n}`).join(', ') || 'no violations';
      // What axe could not decide (text over a gradient, say) is worth a look by hand.
      const unsure = results.incomplete.map((rule) => `${rule.id} ×${rule.nodes.length}`).join(', ');
      const contrast = results.passes.find((rule) => rule.id === 'color-contrast')?.nodes.length ?? 0;
      console.log(
        `[axe] ${screen} (${scheme}): ${results.passes.length} rules pass (contrast of ${contrast} elements); ${summary}${unsure ? `; needs review: ${unsure}` : ''}`,
      );
    }
  });
}

test('axe-core finds no serious or critical violation on any page of any role, light or dark', async ({ owner, shopper, cashier }) => {
  test.setTimeout(180_000);
  const program = stampProgram();
  const findings: Finding[] = [];

  // The owner: setup, the dashboard with all its panels, the printable poster.
  await owner.open();
  await audit(owner.page, 'owner: setup', findings);
  await owner.setUp(program);
  const joinUrl = await owner.readJoinLink();
  const pairingCode = await owner.createPairingCode();
  await owner.addStaff('Bo', 'Cashier', '2468');
  await audit(owner.page, 'owner: dashboard', findings);

  // The shopper: the join page, the recovery code shown once, the card, the profile, the wallet, moving a card.
  await shopper.page.goto(joinUrl);
  await expect(shopper.page.getByRole('heading', { level: 1, name: program.shopName, exact: true })).toBeVisible();
  await audit(shopper.page, 'shopper: join', findings);
  await shopper.page.getByRole('button', { name: 'Join', exact: true }).tap();
  await shopper.readRecoveryCode();
  await audit(shopper.page, 'shopper: recovery code after joining', findings);
  await shopper.page.getByRole('button', { name: 'Done', exact: true }).tap();
  await expect(shopper.qr).toBeVisible();

  // The cashier: pairing, the empty till, a customer, the confirmation, the PIN pad.
  await cashier.open();
  await expect(cashier.page.getByLabel('Pairing code', { exact: true })).toBeVisible();
  await audit(cashier.page, 'till: pairing', findings);
  await cashier.pair(pairingCode, program.shopName);
  await audit(cashier.page, 'till: waiting for a card', findings);
  await cashier.typeCardCode(await shopper.codeForTill());
  await cashier.expectCustomer(0);
  await audit(cashier.page, 'till: a customer', findings);
  await cashier.page.getByRole('button', { name: 'Coffee', exact: true }).click();
  await cashier.page.getByLabel('Amount (optional)', { exact: true }).fill('3.20');
  await cashier.giveStamps(1);
  await audit(cashier.page, 'till: confirmation', findings);
  const staffDialog = cashier.page.getByRole('dialog');
  await cashier.page.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(staffDialog.getByRole('button', { name: /^Bo\b/ })).toBeVisible();
  await audit(cashier.page, 'till: staff list', findings);
  await staffDialog.getByRole('button', { name: /^Bo\b/ }).click();
  await expect(staffDialog.getByRole('heading', { name: 'PIN for Bo', exact: true })).toBeVisible();
  await audit(cashier.page, 'till: staff PIN pad', findings);

  await shopper.reloadUntilBalance(1);
  await expect(shopper.history).toHaveCount(1);
  await audit(shopper.page, 'shopper: card', findings);
  await shopper.page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(shopper.page.getByRole('heading', { name: 'Your recovery code', exact: true })).toBeVisible();
  await audit(shopper.page, 'shopper: profile', findings);
  await shopper.page.goto('/');
  await expect(shopper.page.getByRole('link', { name: 'Move a card to this phone', exact: true })).toBeVisible();
  await audit(shopper.page, 'shopper: wallet', findings);
  await shopper.page.getByRole('link', { name: 'Move a card to this phone', exact: true }).click();
  await expect(shopper.page.getByRole('heading', { level: 1, name: 'Move a card to this phone' })).toBeVisible();
  await audit(shopper.page, 'shopper: move a card', findings);
  await shopper.page.goto('/no-such-page');
  await expect(shopper.page.getByRole('heading', { level: 1, name: 'Page not found', exact: true })).toBeVisible();
  await audit(shopper.page, 'not found', findings);

  // The owner's other pages, with the visit in them.
  const ownerPage = owner.page;
  await ownerPage.goto('/admin/poster');
  await expect(ownerPage.getByRole('heading', { level: 1, name: program.shopName, exact: true })).toBeVisible();
  await audit(ownerPage, 'owner: poster', findings);
  await ownerPage.goto('/admin/members');
  await expect(ownerPage.locator('a.member-name')).toHaveCount(1);
  await audit(ownerPage, 'owner: members', findings);
  await ownerPage.goto('/admin/insights');
  await expect(ownerPage.getByTestId('figure-visits').locator('.figure-number')).toHaveText('1');
  await expect(ownerPage.getByTestId('clv-warning')).toBeVisible();
  await audit(ownerPage, 'owner: insights', findings);
  await ownerPage.locator('tr', { has: ownerPage.locator('.segment-count', { hasText: /^1$/ }) }).getByRole('link').click();
  await expect(ownerPage.getByTestId('segment-members').locator('tbody tr')).toHaveCount(1);
  await audit(ownerPage, 'owner: segment members', findings);
  await ownerPage.getByTestId('segment-members').getByRole('link').click();
  await expect(ownerPage.getByTestId('member-totals')).toHaveText('1 visit, 3.20 EUR spent');
  await audit(ownerPage, 'owner: member', findings);
  await ownerPage.goto('/admin/import');
  await expect(ownerPage.getByRole('heading', { level: 1, name: 'Import purchase history', exact: true })).toBeVisible();
  await audit(ownerPage, 'owner: import', findings);
  await ownerPage.goto('/admin/offers');
  await expect(ownerPage.getByRole('heading', { level: 1, name: 'Offers', exact: true })).toBeVisible();
  await audit(ownerPage, 'owner: offers', findings);
  await ownerPage.goto('/admin/reset');
  await expect(ownerPage.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await audit(ownerPage, 'owner: reset password', findings);
  await ownerPage.goto('/admin');
  await ownerPage.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(ownerPage.getByRole('heading', { level: 1, name: 'Log in', exact: true })).toBeVisible();
  await audit(ownerPage, 'owner: log in', findings);

  for (const f of findings) {
    console.log(`[axe] ${f.impact.padEnd(8)} ${f.screen} (${f.scheme}) ${f.id}: ${f.help}\n  ${f.targets.join('\n  ')}`);
  }
  const blocking = findings.filter((f) => BLOCKING.has(f.impact)).map((f) => `${f.impact} ${f.screen} (${f.scheme}) ${f.id}: ${f.targets.join(' | ')}`);
  expect(blocking, 'serious or critical axe-core violations').toEqual([]);
});

/** The colour a CSS colour value paints, as sRGB 0..255 (a 1x1 canvas reads any CSS colour). */
async function painted(page: Page, testId: string, property: 'color' | 'backgroundColor'): Promise<number[]> {
  return page.getByTestId(testId).locator('.brand-preview-sample').evaluate((element, p) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.fillStyle = getComputedStyle(element)[p];
    context.fillRect(0, 0, 1, 1);
    return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }, property);
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

test('the setup form shows the text colour derived for the brand colour, readable on any colour', async ({ owner }) => {
  await owner.open();
  const page = owner.page;
  const preview = page.getByTestId('brand-preview');
  // A light gold takes black text, a dark navy white text, and the mid-tones where white and
  // black read about alike still meet AA (4.5:1): what the page paints, not what it says.
  for (const [colour, ink] of [
    ['#ffd700', 'black'],
    ['#1a237e', 'white'],
    ['#777777', 'black'],
    ['#0f8a8a', 'black'],
    ['#e0004d', 'white'],
  ] as const) {
    await page.getByLabel('Brand colour', { exact: true }).fill(colour);
    await expect(preview.getByRole('status')).toContainText(`Text on it will be ${ink} (contrast`);
    await expect(preview.getByRole('status')).toContainText('meets WCAG AA');
    const [text, background] = [await painted(page, 'brand-preview', 'color'), await painted(page, 'brand-preview', 'backgroundColor')];
    expect(background, colour).toEqual([1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)));
    expect(contrast(text, background), `${colour}: ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    // The ratio the form states is the one painted, rounded down to a tenth.
    const stated = Number((await preview.getByRole('status').textContent())?.match(/contrast ([\d.]+):1/)?.[1]);
    expect(Math.abs(stated - contrast(text, background)), colour).toBeLessThan(0.15);
  }
});
