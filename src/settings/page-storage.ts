/**
 * The content script's access to stored values: one storage.local read at start, one of the dismissals when
 * they are first needed, one change listener and the dismissal write, parsed by the same functions as
 * storage.ts's items (stored-values.ts). The content script runs on every page; WXT's storage items (migration
 * runner, locks, meta handling) would add about 9 KB to it.
 * Migrations stay with those items, which the background defines whenever it starts; a settings value still
 * in an earlier version is read through its migration (settingsFrom).
 */
import { browser } from 'wxt/browser';
import type { Dismissal, Settings } from './schema';
import {
  PAGE_START_KEYS,
  STORAGE_KEYS,
  currentMatcherSnapshot,
  dismissalsFrom,
  packsSignature,
  settingsFrom,
  storedSignatureFrom,
  withDismissal,
} from './stored-values';

/**
 * What a page reads when it starts. Not the dismissals: only a finding can be dismissed, and most pages have
 * none; they are read when the page first has a candidate (`readPageDismissals`; the list holds up to 10,000
 * entries, and a stored list is converted value by value on the page's main thread: in Chromium 1,000 entries
 * took 21 ms to read, 8.7 ms of it one task, and 10,000 took 201 ms with a 72 ms task).
 */
export interface PageState {
  settings: Settings;
  /**
   * The matcher snapshot the background stored for this extension version and exactly the imported packs
   * (not yet checked: see createMatcherFromSnapshot), or null when there is none such. The page needs nothing
   * else of the packs: its matcher comes whole from the snapshot, and card texts from the background.
   */
  matcherSnapshot: unknown;
}

/** What changed in storage, each part parsed as readPageState parses it. */
export interface PageStateChange {
  settings?: Settings;
  dismissals?: Dismissal[];
  /** The imported packs changed: a matcher from before is out of date until the background stores a new snapshot. */
  packs?: true;
  /**
   * The background stored a matcher snapshot (or removed it): the snapshot when it is for this version and the
   * packs stored now, else null. Reported on its own, after the packs are read.
   */
  matcherSnapshot?: unknown;
}

export async function readPageState(): Promise<PageState> {
  const stored: Record<string, unknown> = await browser.storage.local.get([...PAGE_START_KEYS]);
  return {
    settings: settingsFrom(stored[STORAGE_KEYS.settings]),
    matcherSnapshot: snapshotFor(stored[STORAGE_KEYS.matcherSnapshot], await signatureOf(stored[STORAGE_KEYS.packsSignature])),
  };
}

/** The packs' signature as stored beside them; where there is none yet, from the packs themselves (one more read). */
async function signatureOf(stored: unknown): Promise<readonly string[]> {
  const signature = storedSignatureFrom(stored);
  if (signature !== null) return signature;
  const packs: Record<string, unknown> = await browser.storage.local.get(STORAGE_KEYS.packs);
  return packsSignature(packs[STORAGE_KEYS.packs]);
}

/** The stored dismissals, parsed as the storage item parses them (see PageState on when a page reads them). */
export async function readPageDismissals(): Promise<Dismissal[]> {
  const stored: Record<string, unknown> = await browser.storage.local.get(STORAGE_KEYS.dismissals);
  return dismissalsFrom(stored[STORAGE_KEYS.dismissals]);
}

/** The snapshot of a stored value when it is for this version and the packs of this signature, else null. */
function snapshotFor(value: unknown, signature: readonly string[]): unknown {
  const version = extensionVersion();
  return version === null ? null : currentMatcherSnapshot(value, version, signature);
}

/** This extension's version; null where it cannot be known (then no stored snapshot counts as current). */
function extensionVersion(): string | null {
  try {
    const version = browser.runtime.getManifest().version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

type StorageChanges = Record<string, { newValue?: unknown }>;

/**
 * Calls back with the new (parsed) value of each part that changed. A stored matcher snapshot is reported on
 * its own once the packs it must match are read (a failed read is logged and reports nothing). Returns the
 * function that stops watching.
 */
export function watchPageState(onChange: (change: PageStateChange) => void): () => void {
  let watching = true;
  const listener = (changes: StorageChanges, area: string): void => {
    if (area !== 'local') return;
    const change: PageStateChange = {};
    const changed = (key: string): { newValue?: unknown } | undefined => (Object.hasOwn(changes, key) ? changes[key] : undefined);
    const settings = changed(STORAGE_KEYS.settings);
    if (settings) change.settings = settingsFrom(settings.newValue);
    const dismissals = changed(STORAGE_KEYS.dismissals);
    if (dismissals) change.dismissals = dismissalsFrom(dismissals.newValue);
    const packs = changed(STORAGE_KEYS.packs);
    if (packs) change.packs = true;
    if (settings || dismissals || packs) onChange(change);
    const snapshot = changed(STORAGE_KEYS.matcherSnapshot);
    if (snapshot) {
      browser.storage.local
        .get(STORAGE_KEYS.packsSignature)
        .then((stored: Record<string, unknown>) => signatureOf(stored[STORAGE_KEYS.packsSignature]))
        .then((signature) => {
          if (watching) onChange({ matcherSnapshot: snapshotFor(snapshot.newValue, signature) });
        })
        .catch((error: unknown) => console.debug('[grok-context] could not read the packs for a new matcher snapshot', error));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    watching = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

/**
 * Adds (or refreshes) a dismissal. Dismissals are at version 1 and a plain write leaves WXT's version record
 * as it is (absent or 1, both meaning version 1), so storage.ts's item reads the value as before.
 */
export async function addPageDismissal(dismissal: Dismissal): Promise<void> {
  const stored: Record<string, unknown> = await browser.storage.local.get(STORAGE_KEYS.dismissals);
  await browser.storage.local.set({ [STORAGE_KEYS.dismissals]: withDismissal(dismissalsFrom(stored[STORAGE_KEYS.dismissals]), dismissal) });
}
