/**
 * Chromium: the card. It opens on hover over a finding with the right incident and links, stays while the
 * pointer moves onto it, closes on Esc, opens from the keyboard command, reads right to left in Hebrew, is
 * readable on light and dark pages, and is styled on a page whose CSP forbids inline styles.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEAVE_GRACE_MS } from '../../src/ui/card/card-ui';
import { withBundleLoads } from './harness/bundle-loads';
import { withChromium } from './harness/chromium';
import { assertAboutIncident, assertReadable, cardAbout, closeCard, extensionTraces, hover } from './harness/card-checks';
import type { CardInfo } from './harness/in-page';
import { foreignMutations, onSettledPage, readCard, run } from './harness/page-probe';
import { screenPath } from './harness/screens';
import { TEST_TIMEOUT, waitFor } from './harness/wait';

const chromium = withChromium();

test('hover opens the card for the incident with its sources; the pointer can move onto it; Esc closes it', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'article-split.html', 2, async ({ page, errors }) => {
    const card = await cardAbout(page, 'Iran Strikes', 'iran-tel-aviv-2024');
    assert.match(card.text, /13.14 April 2024|13 April/, 'the card says Iran really attacked later');
    await assertReadable(page);
    await page.screenshot({ path: screenPath('card-chromium-light') });

    // WCAG 1.4.13: the card stays while the pointer travels onto it.
    const box = card.rect as NonNullable<CardInfo['rect']>;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(40, box.height / 2), { steps: 4 });
    // Leaving the text closes the card after a grace period, unless the pointer reached the card: outlast it.
    await run(page, (ms) => new Promise((done) => setTimeout(done, ms)), LEAVE_GRACE_MS * 2);
    assert.equal((await readCard(page)).open, true, 'the card stays open under the pointer');
    await closeCard(page);

    await cardAbout(page, 'Klay Thompson', 'klay-thompson-bricks-2024');
    await closeCard(page);

    // The card's bundle and the matcher's were imported into the extension's world: the page sees no trace of
    // them, and cannot load them from the extension's fixed address to learn that the extension is installed.
    assert.deepEqual(await extensionTraces(page), []);
    const before = errors.length;
    for (const bundle of ['card-ui.js', 'matcher-stage.js']) {
      const probe = await page.evaluate(
        (url) => fetch(url).then((answer) => `loaded ${answer.status}`, () => 'refused'),
        chromium.extensionUrl(bundle),
      );
      assert.equal(probe, 'refused', `the page cannot load ${bundle} at the fixed address`);
    }
    // The refused load is logged to the page's console: that is the probe's, not ours.
    errors.splice(before);

    assert.deepEqual(await foreignMutations(page), []);
    assert.deepEqual(errors, []);
  }),
);

test("the card's Full context link opens the extension's context page at the incident", TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'article-split.html', 2, async ({ page, errors }) => {
    await cardAbout(page, 'Iran Strikes', 'iran-tel-aviv-2024');
    const opened = chromium.context.waitForEvent('page');
    await page.getByRole('link', { name: 'Full context' }).click();
    const context = await opened;
    await context.waitForLoadState();
    assert.equal(context.url(), chromium.extensionUrl('context.html#iran-tel-aviv-2024'));
    await context.close();
    assert.deepEqual(errors, []);
  }),
);

test('the next/previous-finding command opens the card of each finding in turn', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'article-split.html', 2, async ({ page, errors }) => {
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
    await closeCard(page);
    assert.deepEqual(await foreignMutations(page), []);
    assert.deepEqual(errors, []);
  }),
);

test('a Grok story card explains Grok summaries; its fabricated headline names the incident', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'x-explore-en.html', 4, async ({ page, errors }) => {
    const summary = await hover(page, 'Champions League: Real Madrid');
    assert.ok(summary.fullContext?.includes('context.html'), 'the card links the context page');
    assert.ok(!summary.fullContext?.endsWith('#iran-tel-aviv-2024'), 'a true story is not tied to an incident');
    assert.match(summary.text, /Grok/);
    assert.doesNotMatch(summary.text, /\u201C"|"\u201D/, 'an example that carries its own quotation marks is not quoted again');
    await page.screenshot({ path: screenPath('card-chromium-summary') });
    await closeCard(page);
    await cardAbout(page, 'Iran Strikes Tel Aviv', 'iran-tel-aviv-2024');
    await page.screenshot({ path: screenPath('card-chromium-x-explore') });
    assert.deepEqual(errors, []);
  }),
);

test('on a Hebrew page in an English browser the card speaks English and quotes the Hebrew text', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'x-explore-he.html', 3, async ({ page, errors }) => {
    const card = await cardAbout(page, 'קליי תומפסון', 'klay-thompson-bricks-2024');
    assert.equal(card.style.direction, 'ltr');
    assert.match(card.text, /Fabricated headline/);
    await assertReadable(page);
    await page.screenshot({ path: screenPath('card-chromium-hebrew-page-english-ui') });
    assert.deepEqual(errors, []);
  }),
);

test('on a dark page the card is readable', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'dark.html', 2, async ({ page, errors }) => {
    await cardAbout(page, 'PM Modi Ejected', 'modi-ejected-2024');
    await assertReadable(page);
    await page.screenshot({ path: screenPath('card-chromium-dark') });
    assert.deepEqual(errors, []);
  }),
);

test('under a strict CSP the card is styled as on any other page', TEST_TIMEOUT, async () => {
  let expected: Record<string, string> = {};
  await onSettledPage(chromium, 'article-split.html', 2, async ({ page }) => {
    expected = (await hover(page, 'Iran Strikes')).style;
  });
  await onSettledPage(chromium, 'csp-strict.html', 1, async ({ page, errors }) => {
    const card = await cardAbout(page, "Sun's Odd", 'sun-eclipse-2024');
    // Unstyled, the card would be transparent, square and without shadow.
    assert.notEqual(card.style['background-color'], 'rgba(0, 0, 0, 0)');
    assert.notEqual(card.style['border-top-left-radius'], '0px');
    assert.notEqual(card.style['box-shadow'], 'none');
    assert.deepEqual(card.style, expected, 'same computed style as on a page without CSP');
    await page.screenshot({ path: screenPath('card-chromium-csp') });
    assert.deepEqual(errors, []);
  });
});

test('the card is loaded when a card is first asked for: not by a page without findings, nor by one only scanned', TEST_TIMEOUT, () =>
  withBundleLoads(chromium, '/card-ui.js', async (loads) => {
    await onSettledPage(chromium, 'genuine-news.html', 0, async ({ page, errors }) => {
      assert.equal((await readCard(page)).open, false);
      assert.deepEqual(errors, []);
    });
    await onSettledPage(chromium, 'article-split.html', 2, async ({ page }) => {
      // Requests are reported in order: had either page loaded the card while scanning, that load would come
      // before this card's.
      await cardAbout(page, 'Iran Strikes', 'iran-tel-aviv-2024');
      await waitFor(async () => loads.length > 0, 'the card bundle load to be reported');
      assert.deepEqual([...new Set(loads)], [page.url()], 'loaded by the page whose card opened, and no other');
      const requests = loads.length;
      await closeCard(page);
      await cardAbout(page, 'Klay Thompson', 'klay-thompson-bricks-2024');
      assert.equal(loads.length, requests, 'the next card needs no second load');
    });
  }),
);

test('no request left the browser', TEST_TIMEOUT, () => {
  assert.deepEqual(chromium.foreignRequests, []);
});
