/**
 * Chromium: the extension's own pages. The popup's `?tab=` contract and its "Show" button, the context page's
 * incident anchors, and the options page's settings surviving a reload (and taking effect).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledgeBase } from '../../src/data/index';
import { hover } from './harness/card-checks';
import { popupFindingsInPage, withChromium, type ChromeGlobal } from './harness/chromium';
import { inPage } from './harness/in-page';
import { findingKey, sorted } from './harness/expectations';
import {
  foreignMutations,
  highlightedTexts,
  onSettledPage,
  readHighlights,
  run,
  waitCard,
  waitSettled,
} from './harness/page-probe';
import { checkSchemes, onTextPages } from './harness/scheme-checks';
import { TEST_TIMEOUT, waitFor } from './harness/wait';

const chromium = withChromium();

async function storedSettings(): Promise<Record<string, unknown>> {
  const stored = (await chromium.worker.evaluate(
    inPage(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('settings')),
  )) as { settings?: Record<string, unknown> };
  return stored.settings ?? {};
}

/** Puts the settings back as they were, so the other tests see the defaults. */
async function restoreSettings(settings: Record<string, unknown>): Promise<void> {
  await chromium.worker.evaluate(
    inPage(
      (value: Record<string, unknown>) =>
        (globalThis as unknown as ChromeGlobal).chrome.storage.local.set(
          Object.keys(value).length > 0 ? { settings: value } : {},
        ),
      settings,
    ),
  );
  if (Object.keys(settings).length === 0) {
    await chromium.worker.evaluate(
      inPage(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.remove('settings')),
    );
  }
}

test('popup ?tab= lists that tab\'s findings, and "Show" scrolls to the finding and opens its card', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'article-split.html', 2, (article) =>
    // A second page with other findings: the popup must list the requested tab's, not the active tab's.
    onSettledPage(chromium, 'dark.html', 2, async (other) => {
      const tabId = await chromium.tabIdOf(article.page);
      await other.page.bringToFront();
      const popup = await chromium.openPopup(tabId, 2);
      try {
        const listed = await run(popup.page, popupFindingsInPage);
        assert.deepEqual(
          sorted(listed.map(findingKey)),
          sorted(['fabricated-headline:iran-tel-aviv-2024', 'fabricated-headline:klay-thompson-bricks-2024']),
        );
        await popup.page.setViewportSize({ width: 380, height: 600 });
        await checkSchemes(popup.page, 'the popup', 'popup-chromium');
        const klay = popup.page.locator('[data-incident="klay-thompson-bricks-2024"]');
        await klay.getByRole('button', { name: /show|הצג/i }).first().click();
        const card = await waitCard(article.page, true, 'the card to open after "Show"');
        assert.ok(
          card.fullContext?.endsWith('context.html#klay-thompson-bricks-2024'),
          `card is about the Klay Thompson incident: ${String(card.fullContext)}`,
        );
        const inView = await run(article.page, () => {
          const block = document.querySelector('blockquote') as Element;
          const r = block.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        });
        assert.ok(inView, 'the page scrolled to the finding');
        assert.deepEqual(popup.errors, [], 'no errors in the popup');
      } finally {
        await popup.page.close();
      }
    }),
  ),
);

test('popup of a page without findings says it was checked (asked of the page: it reports nothing) and lists nothing', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'genuine-news.html', 0, async (page) => {
    const tabId = await chromium.tabIdOf(page.page);
    const popup = await chromium.openPopup(tabId, 0);
    try {
      const state = await run(popup.page, () => ({
        listed: document.querySelectorAll('[data-kind]').length,
        text: document.body.innerText,
        status: document.querySelector('[data-status]')?.getAttribute('data-status') ?? null,
      }));
      assert.equal(state.listed, 0);
      assert.ok(state.text.trim().length > 0, 'the popup shows an empty state');
      assert.equal(state.status, 'checked', 'the page answered: checked, nothing found');
    } finally {
      await popup.page.close();
    }
  }),
);

test('popup: a page switched off for its site and on again shows as checked once it has been checked again', TEST_TIMEOUT, async () => {
  const before = await storedSettings();
  try {
    await onSettledPage(chromium, 'genuine-news.html', 0, async (page) => {
      const tabId = await chromium.tabIdOf(page.page);
      const popup = await chromium.openPopup(tabId, 0);
      const status = (): Promise<string | null> => run(popup.page, () => document.querySelector('[data-status]')?.getAttribute('data-status') ?? null);
      try {
        await waitFor(async () => (await status()) === 'checked', 'the popup to show the page checked');
        await popup.page.click('label[for="gc-site-toggle"]');
        await waitFor(async () => (await status()) === 'site-disabled', 'the popup to show the site switched off');
        // Switched on again: the page reads itself again and, finding nothing, reports nothing; the popup asks it.
        await popup.page.click('label[for="gc-site-toggle"]');
        await waitFor(async () => (await status()) === 'checked', 'the popup to show the page checked again');
        assert.deepEqual(popup.errors, []);
      } finally {
        await popup.page.close();
      }
    });
  } finally {
    await restoreSettings(before);
  }
});

test('the context page has an entry for every incident id, and #<id> lands on it', TEST_TIMEOUT, async () => {
  const ids = knowledgeBase.incidents.map((incident) => incident.id);
  assert.ok(ids.length >= 13, 'the knowledge base has its incidents');
  const context = await chromium.openExtensionPage('context.html#klay-thompson-bricks-2024');
  try {
    const missing = await run(context.page, (list: string[]) => list.filter((id) => !document.getElementById(id)), ids);
    assert.deepEqual(missing, [], 'every incident has an element with its id');
    const target = await run(context.page, () => {
      const el = document.querySelector(':target');
      return el ? { id: el.id, top: el.getBoundingClientRect().top, text: (el as HTMLElement).innerText } : null;
    });
    assert.equal(target?.id, 'klay-thompson-bricks-2024');
    assert.ok((target?.top ?? -1) >= 0 && (target?.top ?? 9999) < 800, 'the entry is scrolled into view');
    assert.match(target?.text ?? '', /Klay Thompson/);
    assert.deepEqual(context.errors, []);
  } finally {
    await context.page.close();
  }
});

test('the options and context pages follow the light and dark schemes, every text readable (4.5:1)', TEST_TIMEOUT, () =>
  onTextPages(chromium.openExtensionPage, (page, name) => checkSchemes(page, `the ${name} page`, `${name}-chromium`)),
);

test('options: a changed setting survives a reload and takes effect', TEST_TIMEOUT, async () => {
  const before = await storedSettings();
  const options = await chromium.openExtensionPage('options.html');
  try {
    await options.page.locator('#style-underline').waitFor();
    await options.page.click('label[for="style-background"]');
    await options.page.click('label[for="badge"]');
    await waitFor(async () => {
      const s = await storedSettings();
      return s.highlightStyle === 'background' && s.badge === false;
    }, 'the settings to be stored');
    await options.page.reload();
    await options.page.locator('#style-background').waitFor();
    assert.equal(await options.page.isChecked('#style-background'), true, 'highlight style kept');
    assert.equal(await options.page.isChecked('#badge'), false, 'badge setting kept');

    // The badge is off: a page with findings shows no count.
    await onSettledPage(chromium, 'article-split.html', 2, async (article) => {
      const tabId = await chromium.tabIdOf(article.page);
      // Once the popup lists the findings, the background has them: only then is an empty badge meaningful.
      assert.equal((await chromium.popupFindings(tabId, 2)).length, 2);
      assert.equal(await chromium.badgeText(tabId), '');
    });

    assert.deepEqual(options.errors, []);
  } finally {
    await options.page.close();
    await restoreSettings(before);
  }
});

test('"Not this" hides the finding on this site; the popup lists it as dismissed and Undo brings it back', TEST_TIMEOUT, async () => {
  try {
    await onSettledPage(chromium, 'article-split.html', 2, async (opened) => {
      await hover(opened.page, 'Klay Thompson');
      const shadowButton = opened.page.locator('gc-root .card button.dismiss');
      await shadowButton.click();
      await waitCard(opened.page, false, 'the card to close after "Not this"');
      await waitSettled(opened.page, 1);
      const texts = highlightedTexts(await readHighlights(opened.page));
      assert.ok(!texts.some((t) => t.includes('Klay Thompson')), 'the dismissed finding is no longer marked');
      assert.ok(texts.some((t) => t.includes('Iran Strikes Tel Aviv')), 'the other finding stays');
      // A page loaded afterwards reads the dismissals at its first candidate, before it shows any finding.
      await onSettledPage(chromium, 'article-split.html', 1, async (again) => {
        const shown = highlightedTexts(await readHighlights(again.page));
        assert.ok(!shown.some((t) => t.includes('Klay Thompson')), 'the dismissed finding is not marked on a new load');
        assert.deepEqual(again.errors, []);
      });

      const tabId = await chromium.tabIdOf(opened.page);
      const popup = await chromium.openPopup(tabId, 1);
      try {
        const listed = (await run(popup.page, popupFindingsInPage)).map(findingKey);
        assert.deepEqual(listed, ['fabricated-headline:iran-tel-aviv-2024']);
        await popup.page.locator('.gc-dismissed button').first().click();
        await waitSettled(opened.page, 2);
        assert.ok(highlightedTexts(await readHighlights(opened.page)).some((t) => t.includes('Klay Thompson')));
      } finally {
        await popup.page.close();
      }
      assert.deepEqual(await foreignMutations(opened.page), []);
      assert.deepEqual(opened.errors, []);
    });
  } finally {
    await chromium.worker.evaluate(
      inPage(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.remove('dismissals')),
    );
  }
});

test('no request left the browser', TEST_TIMEOUT, () => {
  assert.deepEqual(chromium.foreignRequests, []);
});
