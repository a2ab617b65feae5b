/**
 * Stored values as read and written by every context: the storage.local keys and pure functions that turn
 * what is stored into valid values (a malformed value falls back to the default for reading; nothing is
 * overwritten by a read). storage.ts wraps them in WXT storage items (versions, migrations) for the
 * background and the extension pages; page-storage.ts uses them with direct reads for the content script,
 * which is why nothing here builds a zod schema (values.ts checks settings and dismissals as their schemas do;
 * imported packs are parsed by the background and the extension pages only: stored-packs.ts).
 */
import type { Dismissal, Settings } from './schema';
import { DEFAULT_SETTINGS, isDismissal, isSettings, migrateSettingsV1 } from './values';

/**
 * storage.local keys (WXT's `local:<key>` items; WXT keeps an item's version under `<key>$`). The matcher
 * snapshot is no item: the background rewrites it whole (matcher-snapshot.ts) and pages only read it. The packs'
 * signature (`packsSignature`) is stored beside the packs by every write of them (storage.ts), so that a page
 * knows which packs its snapshot must be for without reading the packs (up to 2,000 incidents: in Chromium 500
 * took 63 ms to read, 22 ms of it one task on the page's main thread).
 */
export const STORAGE_KEYS = {
  settings: 'settings',
  dismissals: 'dismissals',
  packs: 'packs',
  packsSignature: 'packsSignature',
  matcherSnapshot: 'matcherSnapshot',
} as const;

/** What a page reads when it starts (page-storage.ts `readPageState`; the dismissals wait for a candidate). */
export const PAGE_START_KEYS: readonly string[] = [STORAGE_KEYS.settings, STORAGE_KEYS.packsSignature, STORAGE_KEYS.matcherSnapshot];

export const SETTINGS_VERSION = 2;
export const MAX_DISMISSALS = 10000;

const ignoring = (what: string, value: unknown): void => console.debug(`[grok-context] ignoring malformed ${what}`, value);

/**
 * Settings from a stored value. A value still in the v1 shape (read before the storage item's migration ran,
 * e.g. by a content script right after an update) is read through the v1 → v2 migration.
 */
export function settingsFrom(value: unknown): Settings {
  if (value == null) return DEFAULT_SETTINGS;
  if (isSettings(value)) return value;
  const migrated = migrateSettingsV1(value);
  if (isSettings(migrated)) return migrated;
  ignoring('settings', value);
  return DEFAULT_SETTINGS;
}

/** The valid dismissals of a stored list: one bad entry does not cost the user the others. */
export function dismissalsFrom(value: unknown): Dismissal[] {
  if (value == null) return [];
  if (!Array.isArray(value)) {
    ignoring('dismissals: not a list', typeof value);
    return [];
  }
  // The common case: all valid (the list as stored, within its limit).
  if (value.length <= MAX_DISMISSALS && value.every(isDismissal)) return value as Dismissal[];
  return value.filter((entry): entry is Dismissal => {
    const valid = isDismissal(entry);
    if (!valid) ignoring('entry of dismissals', entry);
    return valid;
  });
}

/** Adds (or refreshes) a dismissal; the oldest are dropped past the limit. Throws for an invalid dismissal. */
export function withDismissal(current: readonly Dismissal[], dismissal: Dismissal): Dismissal[] {
  if (!isDismissal(dismissal)) throw new TypeError('not a valid dismissal');
  const others = current.filter((d) => !(d.site === dismissal.site && d.key === dismissal.key));
  return [...others, { ...dismissal }].slice(-MAX_DISMISSALS);
}

/**
 * The stored matcher snapshot (src/core/matcher.ts compileSnapshot, packed: src/core/snapshot-pack.ts) with what
 * it was built from: the extension version (the bundled claims and the matcher's code) and the imported packs.
 */
export interface StoredMatcherSnapshot {
  version: string;
  /** `packsSignature` of the packs it was built from. */
  packs: string[];
  snapshot: unknown;
}

/**
 * What identifies the stored list of imported packs for the matcher: each entry's pack id and import time, in
 * order, read from the stored value as it is (the content script does not parse packs; a malformed entry is
 * `?`). Importing a pack again (an updated file) gives it a new import time, so a changed pack never keeps its
 * signature.
 */
export function packsSignature(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((entry: unknown) => {
    const { pack, importedAt } = (typeof entry === 'object' && entry !== null ? entry : {}) as { pack?: unknown; importedAt?: unknown };
    const id = typeof pack === 'object' && pack !== null ? (pack as { id?: unknown }).id : undefined;
    return typeof id === 'string' && typeof importedAt === 'number' ? `${id}@${importedAt}` : '?';
  });
}

/**
 * A stored packs signature (see STORAGE_KEYS), or null when there is none such: not stored yet (the packs were
 * written by a version before it) or malformed. The packs themselves then tell (`packsSignature`).
 */
export function storedSignatureFrom(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? (value as string[]) : null;
}

/** The value to store for a snapshot built for `version` from the packs stored as `storedPacks`. */
export function storedMatcherSnapshot(version: string, storedPacks: unknown, snapshot: unknown): StoredMatcherSnapshot {
  return { version, packs: packsSignature(storedPacks), snapshot };
}

/**
 * The snapshot of a stored value when it was built for this version and the packs of this signature
 * (`packsSignature`), else null. Only the key is checked here; the snapshot itself is checked by
 * createMatcherFromSnapshot.
 */
export function currentMatcherSnapshot(value: unknown, version: string, signature: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Partial<Record<keyof StoredMatcherSnapshot, unknown>>;
  const listed = stored.packs;
  if (stored.version !== version || !Array.isArray(listed)) return null;
  return sameSignature(listed, signature) ? (stored.snapshot ?? null) : null;
}

/** Whether two packs signatures are the same. */
export function sameSignature(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry === b[i]);
}
