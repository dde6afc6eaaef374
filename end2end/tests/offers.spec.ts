import { createHash } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, openPhone, openShop, PASSWORD, test, unique } from '../fixtures';
import type { OwnerPage, StampProgram } from '../pages/owner-page';
import type { ShopperPage } from '../pages/shopper-page';

function stampProgram(): StampProgram {
  const id = unique('offers');
  return {
    kind: 'stamps',
    email: `owner+${id}@example.test`,
    password: PASSWORD,
    shopName: `Regulars Bakery ${id}`,
    rewardName: 'Free loaf',
    stampsPerReward: 8,
  };
}

/**
 * Whether a card is in an offer's holdout. This mirrors the Rust draw
 * (`regulars_protocol::offers::held_out`, whose unit tests check it is deterministic and near its
 * share): SHA-256 over the ASCII label, the offer's 16 UUID bytes and the card's 16 UUID bytes;
 * the first 8 bytes as a big-endian u64, modulo 10,000, below the percentage in hundredths. The
 * journey checks the mirror against the server through the owner's counts and the cards.
 */
function heldOut(offerId: string, cardId: string, percent: number): boolean {
  const uuid = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
  const digest = createHash('sha256')
    .update('regulars offer holdout v1', 'ascii')
    .update(uuid(offerId))
    .update(uuid(cardId))
    .digest();
  return digest.readBigUInt64BE(0) % 10_000n < BigInt(percent * 100);
}

/** The id the owner's preview draws a new offer's holdout with (the offer has none yet). */
const PREVIEW_OFFER_ID = '00000000-0000-0000-0000-000000000000';

/** The offers page's names of the insights groups (`SegmentName` in app/src/i18n/en.rs). */
const SEGMENT_NAMES: Record<string, string> = {
  champions: 'Champions',
  loyal: 'Loyal',
  potential: 'Potential loyalists',
  new: 'New',
  promising: 'Promising',
  need_attention: 'Need attention',
  at_risk: 'At risk',
  cant_lose: "Can't lose them",
  hibernating: 'Hibernating',
  lost: 'Lost',
};

type Member = { phone: ShopperPage; cardId: string };
type OwnerOfferJson = { id: string; status: string; input: { title: string } };

function cardIdOf(phone: ShopperPage): string {
  const id = /\/card\/([0-9a-f-]{36})$/.exec(phone.page.url())?.[1];
  expect(id, `a card URL: ${phone.page.url()}`).toBeTruthy();
  return id as string;
}

/** GETs an owner endpoint with the owner's session (the page's cookies). */
async function ownerGet<T>(owner: OwnerPage, path: string): Promise<T> {
  const answer = await owner.page.request.get(new URL(path, owner.page.url()).toString());
  expect(answer.status(), `GET ${path}`).toBe(200);
  return (await answer.json()) as T;
}

/** Waits until the service worker has installed the app shell and controls the page. */
async function untilServiceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
}

/** "Reaches 5 members (2 held out)" as the form words it. */
function reachText(eligible: number, heldOutCount: number, withoutConsent = 0): string {
  const members = eligible === 1 ? 'member' : 'members';
  const consent = withoutConsent > 0 ? `; ${withoutConsent} did not agree to offers picked from their visits` : '';
  return `Reaches ${eligible} ${members} (${heldOutCount} held out${consent})`;
}

/** One offer's row in the owner's list, by its title. */
function offerRow(owner: OwnerPage, title: string): Locator {
  return owner.page.getByTestId('offer-row').filter({ has: owner.page.getByRole('heading', { name: title, exact: true }) });
}

/** One of the row's figures (`offer-used`, `offer-saved`, ...): its number. */
function figure(row: Locator, testId: string): Locator {
  return row.getByTestId(testId).locator('dd');
}

/** An offer under "For you" on a card, by its title. */
function cardOffer(phone: ShopperPage, title: string): Locator {
  return phone.page.getByTestId('offer').filter({ has: phone.page.getByRole('heading', { name: title, exact: true }) });
}

test('an offer for a segment: the shopper keeps it offline, the till applies it offline, the owner counts it, the holdout never sees it', async ({ owner, shopper, cashier, browser, baseURL }) => {
  // Four phones, two offers and two syncs: longer than a one-phone journey.
  test.setTimeout(300_000);
  const program = stampProgram();
  // The fixture's shopper joins without agreeing to offers picked from their visits.
  const { joinUrl } = await openShop({ owner, shopper, cashier }, program);
  const unsynced = cashier.page.getByTestId('unsynced-count');
  const syncStatus = cashier.page.getByTestId('sync-status');

  const phones: ShopperPage[] = [];
  try {
    // Three members who agreed, each with a visit, so they are in a segment. A 50 % holdout
    // splits three members three times in four; when it does not, the offer is made again.
    const members: Member[] = await test.step('three more shoppers join, agreeing to offers picked from their visits', async () => {
      return Promise.all(
        [1, 2, 3].map(async (n) => {
          const phone = await openPhone(browser, baseURL, `member-${n}`);
          phones.push(phone);
          await phone.join(joinUrl, program.shopName, { offersConsent: true });
          return { phone, cardId: cardIdOf(phone) };
        }),
      );
    });
    const everyCard = () => [shopper, ...members.map((m) => m.phone)].map(cardIdOf);

    await test.step('each of the four gets a stamp at the till', async () => {
      for (const phone of [shopper, ...members.map((m) => m.phone)]) {
        await cashier.typeCardCode(await phone.codeForTill());
        await cashier.expectCustomer(0);
        await cashier.giveStamps(1);
        await cashier.nextCustomer();
      }
      // Segments are scored from what the server holds: every visit must be there first.
      await expect(unsynced).toHaveText('0 to sync');
    });

    const segments = await test.step("the owner's insights put the four members in a segment", async () => {
      const answer = await ownerGet<{ groups: { segment: string; members: number }[]; without_visits: number }>(
        owner,
        '/api/v1/owner/insights/segments',
      );
      expect(answer.without_visits).toBe(0);
      const groups = answer.groups.filter((g) => g.members > 0);
      expect(groups.reduce((sum, g) => sum + g.members, 0)).toBe(4);
      return groups.map((g) => SEGMENT_NAMES[g.segment]);
    });

    const form = owner.page.getByTestId('offer-form');
    const reach = owner.page.getByTestId('offer-reach');
    const createOffer = async (title: string) => {
      await form.getByRole('button', { name: 'Create offer', exact: true }).click();
      await expect(form.getByRole('status').filter({ hasText: 'saved' })).toHaveText(`“${title}” saved (version 1).`);
      await expect(offerRow(owner, title)).toBeVisible();
      const list = await ownerGet<{ offers: OwnerOfferJson[] }>(owner, '/api/v1/owner/offers');
      const made = list.offers.find((o) => o.input.title === title && o.status === 'active');
      expect(made, `the new offer ${title} in GET /owner/offers`).toBeTruthy();
      return (made as OwnerOfferJson).id;
    };

    const everyoneTitle = 'A cinnamon bun on us';
    const everyoneId = await test.step('the owner makes an offer for everyone: the form shows its reach first', async () => {
      await owner.page.getByRole('link', { name: 'Offers', exact: true }).click();
      await expect(owner.page.getByRole('heading', { level: 1, name: 'Offers', exact: true })).toBeVisible();
      await form.getByRole('textbox', { name: /^Title\b/ }).fill(everyoneTitle);
      await form.getByRole('combobox', { name: 'Gift', exact: true }).selectOption({ label: 'Something free' });
      await form.getByRole('textbox', { name: 'What is free', exact: true }).fill('Cinnamon bun');
      await expect(form.getByRole('radio', { name: 'Everyone', exact: true })).toBeChecked();
      await form.getByRole('spinbutton', { name: 'Held out (%)', exact: true }).fill('5');
      const expected = everyCard().filter((c) => heldOut(PREVIEW_OFFER_ID, c, 5)).length;
      await expect(reach).toHaveText(reachText(4, expected));
      return createOffer(everyoneTitle);
    });

    // The segment offer, made again (the last one ended) until its draw holds out at least one
    // member and leaves one who sees both offers; each member's side is the server's draw.
    let segmentTitle = '';
    let segmentId = '';
    let visible: Member | undefined;
    let held: Member | undefined;
    await test.step('the owner makes an extra-stamp offer for the segment, half held out', async () => {
      // Each draw fails to give both sides with three members one time in four or so; ten
      // draws fail together about once in a million runs.
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        if (segmentId) {
          const last = offerRow(owner, segmentTitle);
          await last.getByRole('button', { name: 'End', exact: true }).click();
          await last.getByRole('button', { name: 'End offer', exact: true }).click();
          await expect(last).toContainText('Ended');
        }
        segmentTitle = attempt === 1 ? 'An extra stamp for you' : `An extra stamp for you (${attempt})`;
        await form.getByRole('textbox', { name: /^Title\b/ }).fill(segmentTitle);
        await form.getByRole('textbox', { name: /^A line of text\b/ }).fill('On your next visit');
        await expect(form.getByRole('combobox', { name: 'Gift', exact: true })).toHaveValue('extra_stamps');
        await form.getByRole('spinbutton', { name: 'Extra stamps', exact: true }).fill('1');
        await form.getByRole('radio', { name: 'Some members: by group, by rule, or both', exact: true }).check();
        const groups = form.getByRole('group', { name: 'Groups', exact: true });
        for (const name of segments) await groups.getByRole('checkbox', { name, exact: true }).check();
        await form.getByRole('spinbutton', { name: 'Held out (%)', exact: true }).fill('50');
        // The member who did not agree is in the segment but not reached.
        const expected = members.filter((m) => heldOut(PREVIEW_OFFER_ID, m.cardId, 50)).length;
        await expect(reach).toHaveText(reachText(3, expected, 1));
        segmentId = await createOffer(segmentTitle);
        const seesBoth = (m: Member) => !heldOut(segmentId, m.cardId, 50) && !heldOut(everyoneId, m.cardId, 5);
        visible = members.find(seesBoth);
        // Held out of the segment offer (of the offer for everyone too, now and then: the last
        // step says what their card shows either way).
        held = members.find((m) => heldOut(segmentId, m.cardId, 50));
        if (visible && held) {
          test.info().annotations.push({ type: 'segment offer', description: `drawn ${attempt} time(s)` });
          break;
        }
      }
      expect(visible, 'a member who sees both offers').toBeTruthy();
      expect(held, 'a member held out of the segment offer').toBeTruthy();
    });
    const phone = (visible as Member).phone;
    const heldPhone = (held as Member).phone;

    await test.step("the owner's list: who is eligible, and the holdout the draw says", async () => {
      const row = offerRow(owner, segmentTitle);
      await expect(row).toContainText('Active');
      await expect(figure(row, 'offer-eligible')).toHaveText('3');
      const out = members.filter((m) => heldOut(segmentId, m.cardId, 50)).length;
      await expect(figure(row, 'offer-held-out')).toHaveText(String(out));
      const everyone = offerRow(owner, everyoneTitle);
      await expect(figure(everyone, 'offer-eligible')).toHaveText('4');
      await expect(figure(everyone, 'offer-held-out')).toHaveText(String(everyCard().filter((c) => heldOut(everyoneId, c, 5)).length));
      for (const testId of ['offer-used', 'offer-saved', 'offer-dismissed']) {
        await expect(figure(row, testId)).toHaveText('0');
      }
    });

    const forYou = phone.page.getByRole('region', { name: 'For you', exact: true });
    await test.step('online, the shopper\'s card loads both offers under "For you"', async () => {
      await phone.page.reload();
      await expect(cardOffer(phone, segmentTitle)).toBeVisible();
      await expect(cardOffer(phone, segmentTitle)).toContainText('+1 stamp');
      await expect(cardOffer(phone, everyoneTitle)).toContainText('Free Cinnamon bun');
      await expect(forYou.getByTestId('offer')).toHaveCount(2);
      await untilServiceWorkerControls(phone.page);
    });

    await test.step('in the shop with no signal, the card still shows both; "Not for me" and "Save" work offline', async () => {
      await phone.page.context().setOffline(true);
      await phone.page.reload();
      await expect(phone.page.getByTestId('offline-note')).toBeVisible();
      await expect(forYou.getByTestId('offer')).toHaveCount(2);
      const bun = cardOffer(phone, everyoneTitle);
      await bun.getByRole('button', { name: 'Not for me', exact: true }).tap();
      await expect(bun).toHaveCount(0);
      const stamp = cardOffer(phone, segmentTitle);
      await stamp.getByText('Details', { exact: true }).tap();
      await stamp.getByRole('button', { name: 'Save for my visit', exact: true }).tap();
      await expect(stamp.getByRole('status')).toHaveText('Saved: show your card at the till');
      await expect(stamp.getByRole('button', { name: 'Save for my visit', exact: true })).toHaveCount(0);
    });

    await test.step('reloaded offline, the dismissed offer stays away and the saved one stays saved', async () => {
      await phone.page.reload();
      await expect(phone.page.getByTestId('offline-note')).toBeVisible();
      await expect(cardOffer(phone, segmentTitle).getByRole('status')).toHaveText('Saved: show your card at the till');
      await expect(forYou.getByTestId('offer')).toHaveCount(1);
      await expect(cardOffer(phone, everyoneTitle)).toHaveCount(0);
    });

    // The till marks an offer "Saved" once the save has reached the server and the tablet has
    // pulled the card since: the phone syncs first, then the till pulls and goes offline.
    await test.step("back online, the phone's save, dismissal and opening reach the owner", async () => {
      await phone.page.context().setOffline(false);
      const stampRow = offerRow(owner, segmentTitle);
      const bunRow = offerRow(owner, everyoneTitle);
      await expect(async () => {
        await owner.page.reload();
        await expect(figure(stampRow, 'offer-saved')).toHaveText('1', { timeout: 3_000 });
        await expect(figure(bunRow, 'offer-dismissed')).toHaveText('1', { timeout: 3_000 });
      }).toPass({ timeout: 30_000 });
      await expect(figure(stampRow, 'offer-opened')).toHaveText('1');
      await expect(figure(stampRow, 'offer-shown')).toHaveText(/^[1-9]\d*$/);
      await expect(figure(stampRow, 'offer-dismissed')).toHaveText('0');
      await expect(figure(bunRow, 'offer-saved')).toHaveText('0');
      // Reloaded online, the card keeps the dismissal once it has the server's list again.
      const synced = phone.page.waitForResponse((r) => r.url().includes('/api/v1/cards/me/events') && r.ok());
      await phone.page.reload();
      await synced;
      await expect(cardOffer(phone, segmentTitle)).toBeVisible();
      await expect(forYou.getByTestId('offer')).toHaveCount(1);
      await expect(cardOffer(phone, everyoneTitle)).toHaveCount(0);
    });

    await test.step('the till pulls, loses its signal, and applies the saved offer with one tap', async () => {
      const pulled = cashier.page.waitForResponse((r) => r.url().includes('/api/v1/sync/pull') && r.ok());
      await cashier.page.reload();
      await pulled;
      await expect(cashier.page.getByRole('heading', { level: 1, name: program.shopName, exact: true })).toBeVisible();
      await cashier.page.context().setOffline(true);
      await expect(syncStatus).toHaveText('Offline');

      await cashier.typeCardCode(await phone.codeForTill());
      await cashier.expectCustomer(1);
      await expect(cashier.page.getByTestId('customer-regular')).toContainText('1 visit');
      const offers = cashier.page.getByTestId('till-offer');
      // The dismissed offer is not offered; the saved one is, marked as saved.
      await expect(offers).toHaveCount(1);
      await expect(offers).toContainText(segmentTitle);
      await expect(offers.getByTestId('offer-saved')).toHaveText('Saved');
      await offers.getByRole('button', { name: 'Apply', exact: true }).click();
      await expect(cashier.confirmation).toContainText(`Offer used: ${segmentTitle}. +1 stamp.`);
      await cashier.expectConfirmation(2);
      await expect(unsynced).toHaveText('1 to sync');
      // Used once, as meant: the till no longer offers it.
      await expect(offers).toHaveCount(0);
    });

    await test.step("back online, the till syncs and the owner's list counts the use", async () => {
      await cashier.page.context().setOffline(false);
      await expect(syncStatus).toHaveText('Online', { timeout: 20_000 });
      await expect(unsynced).toHaveText('0 to sync', { timeout: 20_000 });
      const stampRow = offerRow(owner, segmentTitle);
      await expect(async () => {
        await owner.page.reload();
        await expect(figure(stampRow, 'offer-used')).toHaveText('1', { timeout: 3_000 });
      }).toPass({ timeout: 30_000 });
      await expect(figure(stampRow, 'offer-saved')).toHaveText('1');
      await expect(figure(offerRow(owner, everyoneTitle), 'offer-dismissed')).toHaveText('1');
      await expect(figure(offerRow(owner, everyoneTitle), 'offer-used')).toHaveText('0');
      // Each offer's effect against its holdout, measured from its start (four members, so
      // one side is too small to say anything yet).
      await expect(stampRow.getByTestId('offer-effect')).toContainText('held out');
    });

    await test.step('the card shows the extra stamp, and no offer is left for it', async () => {
      await phone.reloadUntilBalance(2);
      await expect(phone.history.filter({ hasText: 'Offer used (+1 stamp)' })).toHaveCount(1);
      await expect(forYou).toHaveCount(0);
    });

    await test.step("a held-out member's card shows the offer for everyone, never the segment's", async () => {
      await heldPhone.page.reload();
      const seesEveryone = !heldOut(everyoneId, (held as Member).cardId, 5);
      if (seesEveryone) await expect(cardOffer(heldPhone, everyoneTitle)).toBeVisible();
      await expect(cardOffer(heldPhone, segmentTitle)).toHaveCount(0);
      await expect(heldPhone.page.getByTestId('offer')).toHaveCount(seesEveryone ? 1 : 0);
    });

    await test.step("the member pages say where each offer stands on the member's card, and why", async () => {
      const standing = (title: string) => owner.page.getByTestId('member-offer').filter({ hasText: title });
      await owner.page.goto(`/admin/insights/members/${(visible as Member).cardId}`);
      const panel = owner.page.getByTestId('member-offers');
      await expect(panel.getByRole('heading', { name: 'Their offers' })).toBeVisible();
      await expect(standing(segmentTitle).getByTestId('member-offer-place')).toHaveText('Not shown: used up');
      await expect(standing(everyoneTitle).getByTestId('member-offer-place')).toHaveText('Not shown: they dismissed it');
      // They saved the segment's offer before using it.
      await expect(standing(segmentTitle).getByTestId('member-offer-reason').first()).toHaveText('They saved it.');
      await owner.page.goto(`/admin/insights/members/${(held as Member).cardId}`);
      await expect(standing(segmentTitle).getByTestId('member-offer-place')).toHaveText(
        'Held out: never shown to them, so its effect can be measured',
      );
    });
  } finally {
    for (const p of phones) await p.page.context().close();
  }
});
