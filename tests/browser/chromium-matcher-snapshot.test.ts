/**
 * The page's matcher comes whole from a compiled snapshot, never compiled on the page (issue 5). When the
 * stored snapshot is missing (the first page after an install, before the background stored it) or does not
 * restore, the page asks the background, is checked all the same, and the background stores a good one again.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Worker } from 'playwright-core';
import { withChromium } from './harness/chromium';
import { inPage } from './harness/in-page';
import { waitSettled } from './harness/page-probe';
import { waitFor } from './harness/wait';

/** article-split.html: two fabricated headlines. */
const FINDINGS = 2;

interface Stored {
  version?: string;
  packs?: string[];
  /** Packed (src/core/snapshot-pack.ts): the tables are in `body`, as JSON. */
  snapshot?: { format?: number; body?: string } & Record<string, unknown>;
}

type LocalArea = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> };

async function storedSnapshot(worker: Worker): Promise<Stored | undefined> {
  return (await worker.evaluate(
    inPage(async () => {
      const local = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local;
      return (await local.get('matcherSnapshot')).matcherSnapshot;
    }),
  )) as Stored | undefined;
}

async function storeSnapshot(worker: Worker, value: Stored | null): Promise<void> {
  await worker.evaluate(
    inPage(async (next: Stored | null) => {
      const local = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local;
      if (next === null) await local.remove('matcherSnapshot');
      else await local.set({ matcherSnapshot: next });
    }, value),
  );
}

describe("the page's matcher when the stored snapshot is missing, damaged or without a candidate filter", () => {
  const chromium = withChromium();

  test('with none stored, the page asks the background and is checked; the background stores it again', async () => {
    await waitFor(async () => (await storedSnapshot(chromium.worker))?.snapshot !== undefined, 'the start-up snapshot');
    await storeSnapshot(chromium.worker, null);
    const { page, errors } = await chromium.open('article-split.html');
    await waitSettled(page, FINDINGS);
    assert.deepEqual(errors, [], 'no error in the page');
    const stored = await storedSnapshot(chromium.worker);
    assert.equal(typeof stored?.snapshot?.format, 'number', 'a snapshot is stored again');
    await page.close();
  });

  test('with a damaged one stored, the page asks for a rebuild and is checked; the damaged value is replaced', async () => {
    const good = await storedSnapshot(chromium.worker);
    assert.ok(good?.snapshot?.body, 'a stored snapshot');
    const damagedBody = JSON.stringify({ ...(JSON.parse(good.snapshot.body) as object), table: [1, 1] });
    await storeSnapshot(chromium.worker, { ...good, snapshot: { ...good.snapshot, body: damagedBody } });
    const { page, errors } = await chromium.open('article-split.html');
    await waitSettled(page, FINDINGS);
    assert.deepEqual(errors, [], 'no error in the page');
    const replaced = await storedSnapshot(chromium.worker);
    assert.deepEqual(replaced, good, 'the damaged value is replaced by a good one');
    await page.close();
  });

  test('with one without a candidate filter (packs it cannot anchor), the page reads all its text with the matcher loaded first', async () => {
    const good = await storedSnapshot(chromium.worker);
    assert.ok(good?.snapshot, 'a stored snapshot');
    await storeSnapshot(chromium.worker, { ...good, snapshot: { ...good.snapshot, candidates: null } });
    const { page, errors } = await chromium.open('article-split.html');
    await waitSettled(page, FINDINGS);
    assert.deepEqual(errors, [], 'no error in the page');
    await page.close();
    await storeSnapshot(chromium.worker, good);
  });
});
