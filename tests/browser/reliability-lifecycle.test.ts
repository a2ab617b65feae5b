/**
 * Lifecycle in Chromium (MV3):
 * - The extension is reloaded (chrome://extensions' reload) while a page is open: the old content script
 *   must stop cleanly (no error in the page when the page changes afterwards, its host and highlights gone),
 *   and after a page reload the new one alone checks the page.
 * - The service worker is stopped (as Chromium does after 30 s idle): the badge and the popup's list survive,
 *   and the next page change still reaches the background.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page, Worker } from 'playwright-core';
import { withChromium, type ChromiumSession, type OpenedPage } from './harness/chromium';
import { findingKey, sorted } from './harness/expectations';
import { inPage } from './harness/in-page';
import { highlightHealth, rootState, waitSettled } from './harness/page-probe';
import { waitFor } from './harness/wait';

const EXPECTED = ['fabricated-headline:iran-tel-aviv-2024', 'fabricated-headline:klay-thompson-bricks-2024'];
const ADDED = 'fabricated-headline:modi-ejected-2024';

/** The page adds a paragraph quoting another fabricated headline (as its own script would). */
async function addHeadline(page: Page): Promise<void> {
  await page.evaluate(
    inPage(() =>
      (window.__gcPageWrite ?? ((f: () => void) => f()))(() => {
        const p = document.createElement('p');
        p.textContent = 'Later: PM Modi Ejected from Indian Government';
        document.body.append(p);
      }),
    ),
  );
}

/** The extension's current service worker (a new one after a reload or restart). */
async function currentWorker(session: ChromiumSession, not?: Worker): Promise<Worker> {
  let found: Worker | undefined;
  await waitFor(() => {
    found = session.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${session.extensionId}/`) && w !== not);
    return found !== undefined;
  }, 'the extension service worker');
  return found as Worker;
}

async function badgeOf(worker: Worker, tabId: number): Promise<string> {
  return (await worker.evaluate(
    inPage((id: number) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId),
  )) as string;
}

describe('extension reload while a page is open', () => {
  const chromium = withChromium();
  let opened: OpenedPage;
  let tabId: number;

  before(async () => {
    opened = await chromium.open('article-split.html');
    await waitSettled(opened.page, EXPECTED.length);
    tabId = await chromium.tabIdOf(opened.page);
    // What the reload button of chrome://extensions does. Developer mode first: without it Chromium refuses
    // to re-enable a command-line unpacked extension after a reload.
    const extensions = await chromium.context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(
      inPage(async (id: string) => {
        const dev = (globalThis as unknown as {
          chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void>; reload(id: string, o: object): Promise<void> } };
        }).chrome.developerPrivate;
        await dev.updateProfileConfiguration({ inDeveloperMode: true });
        await dev.reload(id, { failQuietly: true });
      }, chromium.extensionId),
    );
    await extensions.close();
    await currentWorker(chromium, chromium.worker);
  });

  test(
    'a page change after the reload causes no error in the page',
    async () => {
      await addHeadline(opened.page);
      // The old script's debounced report runs 150 ms after the change; give it a few frames past that.
      await waitFor(async () => opened.errors.length > 0 || (await rootState(opened.page)).count === 0, 'the old content script to react', 3_000).catch(() => undefined);
      assert.deepEqual(opened.errors, [], 'no error in the page');
    },
  );

  test(
    // The old script learns that the extension is gone when it next talks to it (the page change above).
    'the old content script then removes its host and highlights',
    async () => {
      await waitFor(async () => (await rootState(opened.page)).count === 0 && (await highlightHealth(opened.page)).total === 0, 'the old host and highlights to go', 5_000);
    },
  );

  test('after a page reload the new content script alone checks the page', async () => {
    opened.errors.length = 0;
    await opened.page.reload({ waitUntil: 'load' });
    const state = await waitSettled(opened.page, EXPECTED.length);
    assert.equal(state.count, 1, 'exactly one <gc-root>');
    const listed = await chromium.popupFindings(tabId, EXPECTED.length);
    assert.deepEqual(sorted(listed.map(findingKey)), sorted(EXPECTED));
    assert.equal(await badgeOf(await currentWorker(chromium), tabId), String(EXPECTED.length));
    assert.deepEqual(opened.errors, [], 'no error in the page');
  });
});

describe('MV3 service-worker restart', () => {
  const chromium = withChromium();

  test('the badge and the popup keep their data, and later changes still arrive', async () => {
    const { page, errors } = await chromium.open('article-split.html');
    await waitSettled(page, EXPECTED.length);
    const tabId = await chromium.tabIdOf(page);
    await waitFor(async () => (await chromium.badgeText(tabId)) === '2', 'badge "2"');

    // A mark in the worker's global scope: a restarted worker no longer has it.
    await chromium.worker.evaluate('self.__gcBeforeRestart = true');
    const cdp = await chromium.context.newCDPSession(page);
    const stopped = new Promise<void>((done) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (event.versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${chromium.extensionId}/`) && v.runningStatus === 'stopped')) done();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;

    // The popup wakes the worker with its question; the answer comes from storage.session.
    const listed = await chromium.popupFindings(tabId, EXPECTED.length);
    assert.deepEqual(sorted(listed.map(findingKey)), sorted(EXPECTED), 'the popup lists the findings after the restart');
    const worker = await currentWorker(chromium);
    assert.equal(await worker.evaluate('self.__gcBeforeRestart'), undefined, 'the worker did restart');
    assert.equal(await badgeOf(worker, tabId), '2', 'the badge survives the restart');

    await addHeadline(page);
    await waitSettled(page, EXPECTED.length + 1);
    await waitFor(async () => (await badgeOf(await currentWorker(chromium), tabId)) === '3', 'badge "3" after a later change');
    const after = await chromium.popupFindings(tabId, EXPECTED.length + 1);
    assert.deepEqual(sorted(after.map(findingKey)), sorted([...EXPECTED, ADDED]));
    assert.deepEqual(errors, [], 'no page errors');
    await page.close();
  });
});
