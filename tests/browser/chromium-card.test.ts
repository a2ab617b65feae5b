/**
 * Chromium: the card. It opens on hover over a finding with the right incident and links, stays while the
 * pointer moves onto it, closes on Esc, opens from the keyboard command, reads right to left in Hebrew, is
 * readable on light and dark pages, and is styled on a page whose CSP forbids inline styles.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { incidentsById } from '../../src/data/index';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { contrastRatio } from './harness/contrast';
import { assertReadable, assertSourceLinks, hover } from './harness/card-checks';
import type { CardInfo } from './harness/in-page';
import { foreignMutations, locateText, readCard, run, waitCard, waitSettled } from './harness/page-probe';
import { screenPath } from './harness/screens';
import { HOOK_TIMEOUT, TEST_TIMEOUT, waitFor } from './harness/wait';

let chromium: ChromiumSession;

before(async () => {
  chromium = await launchChromium();
}, HOOK_TIMEOUT);

after(async () => {
  await chromium?.close();
}, HOOK_TIMEOUT);

function assertAboutIncident(card: CardInfo, incident: string): void {
  assert.ok(
    card.fullContext?.endsWith(`context.html#${incident}`),
    `"Full context" leads to context.html#${incident}: ${String(card.fullContext)}`,
  );
  assertSourceLinks(card, incident);
}

test('hover opens the card for the incident with its sources; the pointer can move onto it; Esc closes it', TEST_TIMEOUT, async () => {
  const { page, errors } = await chromium.open('article-split.html');
  try {
    await waitSettled(page, 2);
    const card = await hover(page, 'Iran Strikes');
    assertAboutIncident(card, 'iran-tel-aviv-2024');
    assert.match(card.text, /13.14 April 2024|13 April/, 'the card says Iran really attacked later');
    await assertReadable(page);
    await page.screenshot({ path: screenPath('card-chromium-light') });

    // WCAG 1.4.13: the card stays while the pointer travels onto it.
    const box = card.rect as NonNullable<CardInfo['rect']>;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(40, box.height / 2), { steps: 4 });
    assert.equal((await readCard(page)).open, true, 'the card stays open under the pointer');

    await page.keyboard.press('Escape');
    await waitCard(page, false, 'Esc to close the card');

    const klay = await hover(page, 'Klay Thompson');
    assertAboutIncident(klay, 'klay-thompson-bricks-2024');
    await page.keyboard.press('Escape');
    await waitCard(page, false, 'Esc to close the card');

    assert.deepEqual(await foreignMutations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('the next/previous-finding command opens the card of each finding in turn', TEST_TIMEOUT, async () => {
  const { page, errors } = await chromium.open('article-split.html');
  try {
    await waitSettled(page, 2);
    const tabId = await chromium.tabIdOf(page);
    const step = async (direction: 'next' | 'previous', incident: string): Promise<void> => {
      await chromium.sendToTab(tabId, { type: 'step-finding', direction });
      // The card may already be open for the previous finding: wait for it to show this one.
      let card = await readCard(page);
      await waitFor(async () => {
        card = await readCard(page);
        return card.fullContext?.endsWith(`#${incident}`) === true;
      }, `the card for ${incident} to open on step-finding ${direction}`).catch(() => undefined);
      assertAboutIncident(card, incident);
    };
    await step('next', 'iran-tel-aviv-2024');
    await step('next', 'klay-thompson-bricks-2024');
    await step('previous', 'iran-tel-aviv-2024');
    await page.keyboard.press('Escape');
    await waitCard(page, false, 'Esc to close the card');
    assert.deepEqual(await foreignMutations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a Grok story card explains Grok summaries; its fabricated headline names the incident', TEST_TIMEOUT, async () => {
  const { page, errors } = await chromium.open('x-explore-en.html');
  try {
    await waitSettled(page, 4);
    const summary = await hover(page, 'Champions League: Real Madrid');
    assert.ok(summary.fullContext?.includes('context.html'), 'the card links the context page');
    assert.ok(!summary.fullContext?.endsWith('#iran-tel-aviv-2024'), 'a true story is not tied to an incident');
    assert.match(summary.text, /Grok/);
    await page.keyboard.press('Escape');
    await waitCard(page, false, 'Esc to close the card');
    const fabricated = await hover(page, 'Iran Strikes Tel Aviv');
    assertAboutIncident(fabricated, 'iran-tel-aviv-2024');
    await page.screenshot({ path: screenPath('card-chromium-x-explore') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('on a Hebrew page in an English browser the card speaks English and quotes the Hebrew text', TEST_TIMEOUT, async () => {
  const { page, errors } = await chromium.open('x-explore-he.html');
  try {
    await waitSettled(page, 3);
    const card = await hover(page, 'קליי תומפסון');
    assertAboutIncident(card, 'klay-thompson-bricks-2024');
    assert.equal(card.style.direction, 'ltr');
    assert.match(card.text, /Fabricated headline/);
    await assertReadable(page);
    await page.screenshot({ path: screenPath('card-chromium-hebrew-page-english-ui') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('on a dark page the card is readable', TEST_TIMEOUT, async () => {
  const { page, errors } = await chromium.open('dark.html');
  try {
    await waitSettled(page, 2);
    const card = await hover(page, 'PM Modi Ejected');
    assertAboutIncident(card, 'modi-ejected-2024');
    await assertReadable(page);
    await page.screenshot({ path: screenPath('card-chromium-dark') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('under a strict CSP the card is styled as on any other page', TEST_TIMEOUT, async () => {
  const reference = await chromium.open('article-split.html');
  let expected: Record<string, string>;
  try {
    await waitSettled(reference.page, 2);
    expected = (await hover(reference.page, 'Iran Strikes')).style;
  } finally {
    await reference.page.close();
  }
  const { page, errors } = await chromium.open('csp-strict.html');
  try {
    await waitSettled(page, 1);
    const card = await hover(page, "Sun's Odd");
    assertAboutIncident(card, 'sun-eclipse-2024');
    // Unstyled, the card would be transparent, square and without shadow.
    assert.notEqual(card.style['background-color'], 'rgba(0, 0, 0, 0)');
    assert.notEqual(card.style['border-top-left-radius'], '0px');
    assert.notEqual(card.style['box-shadow'], 'none');
    assert.deepEqual(card.style, expected, 'same computed style as on a page without CSP');
    await page.screenshot({ path: screenPath('card-chromium-csp') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('no request left the browser', TEST_TIMEOUT, () => {
  assert.deepEqual(chromium.foreignRequests, []);
});
