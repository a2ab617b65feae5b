/**
 * Chromium with a Hebrew UI: the card and the popup speak Hebrew and read right to left, on a Hebrew X page
 * and on an English article; so do the options and context pages, light and dark.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertReadable, cardAbout, hover } from './harness/card-checks';
import { withChromium } from './harness/chromium';
import { findingKey, sorted, STATIC_FIXTURES } from './harness/expectations';
import { onSettledPage, run } from './harness/page-probe';
import { checkSchemes, onTextPages } from './harness/scheme-checks';
import { screenPath } from './harness/screens';
import { TEST_TIMEOUT } from './harness/wait';

const chromium = withChromium({ lang: 'he' });

const HEBREW = /[\u0590-\u05FF]/;

test('Hebrew UI: the card reads right to left in Hebrew, and the popup lists the findings', TEST_TIMEOUT, async () => {
  const fixture = STATIC_FIXTURES.find((f) => f.path === 'x-explore-he.html');
  assert.ok(fixture);
  await onSettledPage(chromium, fixture.path, fixture.findings.length, async ({ page, errors }) => {
    const card = await cardAbout(page, 'קליי תומפסון', 'klay-thompson-bricks-2024');
    assert.equal(card.style.direction, 'rtl');
    assert.match(card.text, HEBREW);
    await assertReadable(page);
    await page.screenshot({ path: screenPath('card-chromium-hebrew') });

    const tabId = await chromium.tabIdOf(page);
    const popup = await chromium.openPopup(tabId, fixture.findings.length);
    try {
      const view = await run(popup.page, () => ({
        dir: getComputedStyle(document.body).direction,
        text: document.body.innerText,
        listed: [...document.querySelectorAll('[data-kind]')].map((el) => ({
          kind: el.getAttribute('data-kind'),
          incident: el.getAttribute('data-incident'),
        })),
      }));
      assert.equal(view.dir, 'rtl');
      assert.match(view.text, HEBREW);
      assert.deepEqual(sorted(view.listed.map(findingKey)), sorted(fixture.findings));
      await popup.page.setViewportSize({ width: 380, height: 600 });
      await popup.page.screenshot({ path: screenPath('popup-chromium-hebrew') });
    } finally {
      await popup.page.close();
    }
    assert.deepEqual(errors, []);
  });
});

test('Hebrew UI: the card for a finding on an English page is in Hebrew too', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'article-split.html', 2, async ({ page, errors }) => {
    const card = await hover(page, 'Iran Strikes');
    assert.ok(card.fullContext?.endsWith('context.html#iran-tel-aviv-2024'));
    assert.equal(card.style.direction, 'rtl');
    assert.match(card.text, HEBREW);
    await page.screenshot({ path: screenPath('card-chromium-hebrew-ui-english-page') });
    assert.deepEqual(errors, []);
  }),
);

test('Hebrew UI: the options and context pages read right to left in Hebrew, light and dark', TEST_TIMEOUT, () =>
  onTextPages(chromium.openExtensionPage, async (page, name) => {
    const view = await run(page, () => ({
      lang: document.documentElement.lang,
      dir: getComputedStyle(document.body).direction,
      heading: document.querySelector('h1')?.textContent ?? '',
    }));
    assert.equal(view.lang, 'he', name);
    assert.equal(view.dir, 'rtl', name);
    assert.match(view.heading, HEBREW, name);
    await checkSchemes(page, `the Hebrew ${name} page`, `${name}-chromium-hebrew`);
  }),
);

test('no request left the browser', TEST_TIMEOUT, () => {
  assert.deepEqual(chromium.foreignRequests, []);
});
