/**
 * Firefox ESR (MV2 build): the content script finds and highlights a fabricated headline split across inline
 * elements, the card opens on hover, and the popup lists the page's findings. The extension's pages are
 * readable in light and dark. Screenshots of the card, the popup, the options and the context page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { closeCard, extensionTraces, hover } from './harness/card-checks';
import { waitPopupListed } from './harness/chromium';
import { STATIC_FIXTURES, findingKey, sorted } from './harness/expectations';
import { launchFirefox, withFirefox, type FirefoxSession } from './harness/firefox';
import { assertContentVisibility } from './harness/visibility-check';
import { foreignMutations, highlightedTexts, onSettledPage, readHighlights } from './harness/page-probe';
import type { Scheme } from './harness/contrast';
import { checkScheme } from './harness/scheme-checks';
import { screenPath } from './harness/screens';
import { TEST_TIMEOUT, waitFor } from './harness/wait';

const firefox = withFirefox();

function expected(path: string): string[] {
  const fixture = STATIC_FIXTURES.find((f) => f.path === path);
  assert.ok(fixture);
  return fixture.findings;
}

test('Firefox: a split fabricated headline is highlighted, its card opens on hover, the popup lists it', TEST_TIMEOUT, () =>
  onSettledPage(firefox, 'article-split.html', 2, async ({ page, errors }) => {
    const texts = highlightedTexts(await readHighlights(page));
    assert.ok(texts.some((t) => t.includes('Iran Strikes Tel Aviv with Heavy Missiles')), JSON.stringify(texts));

    const card = await hover(page, 'Iran Strikes');
    assert.ok(card.fullContext?.endsWith('context.html#iran-tel-aviv-2024'), String(card.fullContext));
    assert.ok(card.sourceLinks.length > 0);
    await page.screenshot({ path: screenPath('card-firefox-light') });
    await closeCard(page);
    // The card's bundle was imported into the extension's world: the page sees no trace of it.
    assert.deepEqual(await extensionTraces(page), []);

    const tabId = await firefox.tabIdOf(page);
    const listed = await firefox.popupFindings(tabId, 2);
    assert.deepEqual(sorted(listed.map(findingKey)), sorted(expected('article-split.html')));
    assert.deepEqual(await foreignMutations(page), []);
    assert.deepEqual(errors, []);
    // The recorder does see a change the page did not announce (so the check above can fail).
    await page.evaluate('document.querySelector("h1").setAttribute("data-x", "1")');
    assert.deepEqual(await foreignMutations(page), ['attribute data-x on html>body>article>h1']);

    await hover(page, 'Iran Strikes');
    // "Full context" opens the extension's context page at the incident (the background opens it).
    const link = await page.$('>>> a.context');
    assert.ok(link !== null, 'the card has a Full context link');
    await link.click();
    const wanted = firefox.extensionUrl('context.html#iran-tel-aviv-2024');
    // Puppeteer reports moz-extension pages as about:blank: ask each page where it is.
    const hrefOf = (each: Page): Promise<string> => each.evaluate('location.href').then(String, () => '');
    let context: Page | undefined;
    await waitFor(async () => {
      for (const each of await firefox.browser.pages()) if ((await hrefOf(each)) === wanted) context = each;
      return context !== undefined;
    }, 'the context page to open from the card');
    await context?.close();
  }),
);

test('Firefox: Grok story cards in the Hebrew UI, and the card on a dark page', TEST_TIMEOUT, async () => {
  for (const [path, text, screen] of [
    ['x-explore-he.html', 'קליי תומפסון', 'card-firefox-hebrew'],
    ['dark.html', 'PM Modi Ejected', 'card-firefox-dark'],
  ] as const) {
    await onSettledPage(firefox, path, expected(path).length, async ({ page, errors }) => {
      const card = await hover(page, text);
      assert.ok(card.contextLinks.length > 0);
      await page.screenshot({ path: screenPath(screen) });
      const tabId = await firefox.tabIdOf(page);
      const listed = await firefox.popupFindings(tabId, expected(path).length);
      assert.deepEqual(sorted(listed.map(findingKey)), sorted(expected(path)), path);
      assert.deepEqual(errors, []);
    });
  }
});

test('Firefox: under a strict CSP (scripts from the page\'s own origin only) the card still loads and opens', TEST_TIMEOUT, () =>
  onSettledPage(firefox, 'csp-strict.html', 1, async ({ page, errors }) => {
    const card = await hover(page, "Sun's Odd");
    assert.ok(card.fullContext?.endsWith('context.html#sun-eclipse-2024'), String(card.fullContext));
    assert.notEqual(card.style['background-color'], 'rgba(0, 0, 0, 0)', 'the card is styled');
    assert.deepEqual(errors, []);
  }),
);

test('Firefox: the popup of a page without findings says it was checked (the page answers it: it reports nothing)', TEST_TIMEOUT, () =>
  onSettledPage(firefox, 'genuine-news.html', 0, async ({ page, errors }) => {
    const tabId = await firefox.tabIdOf(page);
    const { page: popup } = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    try {
      const statusOf = (): Promise<unknown> => popup.evaluate('document.querySelector("[data-status]")?.getAttribute("data-status") ?? null');
      await waitFor(async () => (await statusOf()) === 'checked', 'the popup to show the page as checked');
      assert.equal(await popup.evaluate('document.querySelectorAll("[data-kind]").length'), 0);
      assert.deepEqual(errors, []);
    } finally {
      await popup.close();
    }
  }),
);

/** The popup (of a page with two findings), the options and the context page: texts readable, screenshots. */
async function checkExtensionPages(session: FirefoxSession, scheme: Scheme): Promise<void> {
  await onSettledPage(session, 'article-split.html', 2, async ({ page }) => {
    const tabId = await session.tabIdOf(page);
    for (const [path, name] of [
      [`popup.html?tab=${tabId}`, 'popup'],
      ['options.html', 'options'],
      ['context.html', 'context'],
    ] as const) {
      const opened = await session.openExtensionPage(path);
      try {
        if (name === 'popup') {
          await opened.page.setViewport({ width: 380, height: 600 });
          await waitPopupListed(opened.page, tabId, 2);
          assert.equal(await opened.page.evaluate('document.querySelectorAll("[data-kind]").length'), 2, 'the popup lists the findings');
        }
        await checkScheme(opened.page, scheme, `the ${name} page`, `${name}-firefox`);
        assert.deepEqual(opened.errors, []);
      } finally {
        await opened.page.close();
      }
    }
  });
}

test('Firefox: the popup, options and context pages follow the light and dark schemes, every text readable (4.5:1)', TEST_TIMEOUT, async () => {
  await checkExtensionPages(firefox, 'light');
  // Firefox over WebDriver BiDi cannot emulate the colour scheme: a second Firefox asks for dark pages.
  const dark = await launchFirefox(undefined, { 'layout.css.prefers-color-scheme.content-override': 0 });
  try {
    await checkExtensionPages(dark, 'dark');
    assert.deepEqual(dark.foreignRequests(), []);
  } finally {
    await dark.close();
  }
});

test('Firefox: no request left the browser', TEST_TIMEOUT, () => {
  assert.deepEqual(firefox.foreignRequests(), []);
});

test('Firefox: off-screen content-visibility cells: visible findings count, hidden ones go once rendered', TEST_TIMEOUT, () =>
  assertContentVisibility(firefox),
);
