import type { Locator, Page } from '@playwright/test';
import { expect, openShop, PASSWORD, test, unique } from '../fixtures';
import { exactNumber } from '../pages/cashier-page';
import type { StampProgram } from '../pages/owner-page';

/**
 * The till with the keyboard alone: after the setup (the helpers, as in every journey), no mouse,
 * no `click()` or `fill()`: only Tab, Shift+Tab, Enter, Space and typing, with visible focus at
 * every stop, the confirmation announced and the cursor back where a scanner types.
 */

function stampProgram(): StampProgram {
  const id = unique('keys');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Keyboard Cafe ${id}`,
    rewardName: 'Free coffee',
    stampsPerReward: 5,
  };
}

/** What the focused element looks like, and what the same element looks like unfocused. */
type FocusLook = {
  name: string;
  focusVisible: boolean;
  focused: string;
  unfocused: string;
  ring: boolean;
};

/**
 * Reads the focused element's outline and box-shadow, and those of an unfocused copy of it put
 * beside it for a moment (the same classes and place in the page, so the same rules but focus).
 */
async function focusLook(page: Page): Promise<FocusLook | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const look = (s: CSSStyleDeclaration) =>
      `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow: ${s.boxShadow}`;
    const style = getComputedStyle(el);
    const focused = look(style);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const copy = el.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    copy.setAttribute('aria-hidden', 'true');
    el.after(copy);
    const unfocused = look(getComputedStyle(copy));
    copy.remove();
    const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    return { name, focusVisible: el.matches(':focus-visible'), focused, unfocused, ring: outline || shadow };
  });
}

/** The focused element shows that it is: `:focus-visible`, with an outline or shadow of its own. */
async function expectVisibleFocus(page: Page): Promise<string> {
  const look = await focusLook(page);
  expect(look, 'something has focus').not.toBeNull();
  const { name, focusVisible, focused, unfocused, ring } = look!;
  expect(focusVisible, `${name} matches :focus-visible`).toBe(true);
  expect(ring, `${name} has an outline or a box-shadow when focused (${focused})`).toBe(true);
  expect(focused, `${name} looks different focused and unfocused`).not.toBe(unfocused);
  return name;
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking the focus is visible at every
 * stop on the way. Fails if it is not reached in `max` presses.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}): Promise<void> {
  const key = back ? 'Shift+Tab' : 'Tab';
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    passed.push(await expectVisibleFocus(page));
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${key} never reached the control; passed: ${passed.join(', ')}`);
}

/** Every visible control on the page is at least 44 by 44 CSS px (a box or its label). */
async function expectTouchTargets(page: Page, where: string): Promise<void> {
  const small = await page.evaluate(() => {
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      // A checkbox or radio is hit through its label too.
      const input = el as HTMLInputElement;
      const label = (input.type === 'checkbox' || input.type === 'radio') ? el.closest('label') : null;
      const hit = label ? label.getBoundingClientRect() : box;
      if (hit.width < 44 || hit.height < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40);
        found.push(`${el.tagName.toLowerCase()} "${name}" ${hit.width.toFixed(1)}×${hit.height.toFixed(1)}`);
      }
    }
    return found;
  });
  expect(small, `controls under 44×44 px on ${where}`).toEqual([]);
}

test('the till works with the keyboard alone: scan, give, next, with visible focus', async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);
  const page = cashier.page;
  const give = cashier.giveStampsButton();
  const next = page.getByRole('button', { name: 'Next customer', exact: true });

  await test.step('the empty till: every control is large enough to tap', async () => {
    await expectTouchTargets(page, 'the empty till');
  });

  await test.step('the cursor waits in "Card code", visibly', async () => {
    await expect(cashier.cardCodeInput).toBeFocused();
    await expectVisibleFocus(page);
  });

  await test.step('a scanner types the code and Enter: the customer shows', async () => {
    await page.keyboard.type(await shopper.codeForTill());
    await page.keyboard.press('Enter');
    await cashier.expectCustomer(0);
    await expect(give).toHaveAccessibleName('Give 1 stamp');
  });

  await test.step('with a customer, every control is large enough to tap', async () => {
    await expectTouchTargets(page, 'the till with a customer');
  });

  await test.step('Tab reaches "Give 1 stamp" from "Card code", every stop visibly focused', async () => {
    // Wherever the till put the cursor, start again from where a scanner types.
    await tabTo(page, cashier.cardCodeInput, { back: true });
    await tabTo(page, give);
    await expect(give).toBeFocused();
  });

  await test.step('Enter gives the stamp; the confirmation is announced', async () => {
    // The status region is there, empty, before anything is confirmed.
    await expect(cashier.page.getByTestId('till-status')).toHaveRole('status');
    await expect(cashier.page.getByTestId('till-status')).toHaveText('');
    await page.keyboard.press('Enter');
    // Inside the status region that was on the page before it: announced by every screen reader.
    await expect(cashier.page.getByTestId('till-status')).toHaveAttribute('role', 'status');
    await expect(cashier.page.getByTestId('till-status').getByTestId('confirmation')).toBeVisible();
    await expect(cashier.confirmation).toContainText('1 stamp given');
    await cashier.expectConfirmation(1);
  });

  await test.step('after the stamp, "Card code" has the cursor again, visibly', async () => {
    await expect(cashier.cardCodeInput).toBeFocused();
    await expectVisibleFocus(page);
  });

  await test.step('Tab reaches "Next customer"; Space presses it', async () => {
    await tabTo(page, next);
    await page.keyboard.press('Space');
    await expect(cashier.customerBalance).toBeHidden();
    await expect(cashier.confirmation).toBeHidden();
  });

  await test.step('the till is ready for the next scan: "Card code" focused and empty', async () => {
    await expect(cashier.cardCodeInput).toBeFocused();
    await expect(cashier.cardCodeInput).toHaveValue('');
    await expectVisibleFocus(page);
  });

  await test.step('the next scan works at once; Shift+Tab and Tab reach "Give", Space gives', async () => {
    await page.keyboard.type(await shopper.codeForTill());
    await page.keyboard.press('Enter');
    await cashier.expectCustomer(1);
    await tabTo(page, cashier.cardCodeInput, { back: true });
    await tabTo(page, give);
    await page.keyboard.press('Space');
    // Inside the status region that was on the page before it: announced by every screen reader.
    await expect(cashier.page.getByTestId('till-status')).toHaveAttribute('role', 'status');
    await expect(cashier.page.getByTestId('till-status').getByTestId('confirmation')).toBeVisible();
    await cashier.expectConfirmation(2);
    await expect(cashier.cardCodeInput).toBeFocused();
  });

  await test.step('Next customer by Enter; the cursor is back in "Card code"', async () => {
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect(cashier.customerBalance).toBeHidden();
    await expect(cashier.cardCodeInput).toBeFocused();
    await expect(cashier.cardCodeInput).toHaveValue('');
  });
});

test("the shopper's card announces its sync state", async ({ owner, shopper, cashier }) => {
  const program = stampProgram();
  await openShop({ owner, shopper, cashier }, program);

  const syncLine = shopper.page.locator('.sync-line');
  await test.step('"Last synced" is in a polite live region', async () => {
    await expect(syncLine).toHaveAttribute('aria-live', 'polite');
    await expect(syncLine.getByTestId('last-synced')).toContainText('Last synced');
  });

  await test.step('a stamp arrives: the line tells of the new sync', async () => {
    await cashier.typeCardCode(await shopper.codeForTill());
    await cashier.expectCustomer(0);
    await cashier.giveStamps(1);
    await shopper.reloadUntilBalance(1);
    await expect(syncLine).toHaveAttribute('aria-live', 'polite');
    await expect(syncLine.getByTestId('last-synced')).toContainText('Last synced');
    await expect(shopper.balance).toHaveText(exactNumber(1));
  });

  await test.step('the connection drops: "offline" is announced too', async () => {
    await shopper.page.context().setOffline(true);
    const note = shopper.page.getByTestId('offline-note');
    await expect(note).toBeVisible();
    const live = shopper.page.locator('[role="status"], [aria-live="polite"]').filter({ has: note });
    const ownRole = await note.getAttribute('role');
    const ownLive = await note.getAttribute('aria-live');
    expect(ownRole === 'status' || ownLive === 'polite' || (await live.count()) > 0, 'the offline note is in a live region').toBe(true);
    await shopper.page.context().setOffline(false);
  });
});
