/**
 * The content script's access to stored values: one storage.local read, one change listener and the
 * dismissal write, parsed by the same functions as storage.ts's items (stored-values.ts). The content script
 * runs on every page; WXT's storage items (migration runner, locks, meta handling) would add about 9 KB to it.
 * Migrations stay with those items, which the background defines whenever it starts; a settings value still
 * in an earlier version is read through its migration (settingsFrom).
 */
import { browser } from 'wxt/browser';
import { incidentsOfPacks, type ImportedIncident } from '../data/pack';
import type { Dismissal, Settings } from './schema';
import { STORAGE_KEYS, currentMatcherSnapshot, dismissalsFrom, packsFrom, settingsFrom, withDismissal } from './stored-values';

export interface PageState {
  settings: Settings;
  dismissals: Dismissal[];
  /** Every incident of the imported packs. */
  imported: ImportedIncident[];
  /**
   * The matcher snapshot the background stored for this extension version and exactly these packs (not yet
   * checked: see createMatcherFromSnapshot), or null when there is none such.
   */
  matcherSnapshot: unknown;
}

export async function readPageState(): Promise<PageState> {
  const stored: Record<string, unknown> = await browser.storage.local.get(Object.values(STORAGE_KEYS));
  const packs = packsFrom(stored[STORAGE_KEYS.packs]);
  const version = extensionVersion();
  return {
    settings: settingsFrom(stored[STORAGE_KEYS.settings]),
    dismissals: dismissalsFrom(stored[STORAGE_KEYS.dismissals]),
    imported: incidentsOfPacks(packs),
    matcherSnapshot: version === null ? null : currentMatcherSnapshot(stored[STORAGE_KEYS.matcherSnapshot], version, packs),
  };
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

/** Calls back with the new (parsed) value of each part that changed. Returns the function that stops watching. */
export function watchPageState(onChange: (change: Partial<PageState>) => void): () => void {
  const listener = (changes: StorageChanges, area: string): void => {
    if (area !== 'local') return;
    const change: Partial<PageState> = {};
    const changed = (key: string): { newValue?: unknown } | undefined => (Object.hasOwn(changes, key) ? changes[key] : undefined);
    const settings = changed(STORAGE_KEYS.settings);
    if (settings) change.settings = settingsFrom(settings.newValue);
    const dismissals = changed(STORAGE_KEYS.dismissals);
    if (dismissals) change.dismissals = dismissalsFrom(dismissals.newValue);
    const packs = changed(STORAGE_KEYS.packs);
    if (packs) change.imported = incidentsOfPacks(packsFrom(packs.newValue));
    if (settings || dismissals || packs) onChange(change);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Adds (or refreshes) a dismissal. Dismissals are at version 1 and a plain write leaves WXT's version record
 * as it is (absent or 1, both meaning version 1), so storage.ts's item reads the value as before.
 */
export async function addPageDismissal(dismissal: Dismissal): Promise<void> {
  const stored: Record<string, unknown> = await browser.storage.local.get(STORAGE_KEYS.dismissals);
  await browser.storage.local.set({ [STORAGE_KEYS.dismissals]: withDismissal(dismissalsFrom(stored[STORAGE_KEYS.dismissals]), dismissal) });
}
