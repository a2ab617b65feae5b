/**
 * Stored values as read and written by every context: the storage.local keys and pure functions that turn
 * what is stored into valid values (a malformed value falls back to the default for reading; nothing is
 * overwritten by a read). storage.ts wraps them in WXT storage items (versions, migrations) for the
 * background and the extension pages; page-storage.ts uses them with direct reads for the content script.
 */
import type * as z from 'zod/mini';
import { ImportedPackSchema, MAX_PACK_INCIDENTS, type ImportedPack } from '../data/pack';
import {
  DEFAULT_SETTINGS,
  DismissalSchema,
  DismissalsSchema,
  SettingsSchema,
  migrateSettingsV1,
  type Dismissal,
  type Settings,
} from './schema';

/**
 * storage.local keys (WXT's `local:<key>` items; WXT keeps an item's version under `<key>$`). The matcher
 * snapshot is no item: the background rewrites it whole (matcher-snapshot.ts) and pages only read it.
 */
export const STORAGE_KEYS = {
  settings: 'settings',
  dismissals: 'dismissals',
  packs: 'packs',
  matcherSnapshot: 'matcherSnapshot',
} as const;

export const SETTINGS_VERSION = 2;
/** All imported packs together may hold this many incidents (storage.local has a 10 MB quota). */
export const MAX_IMPORTED_INCIDENTS = 4 * MAX_PACK_INCIDENTS;
export const MAX_DISMISSALS = 10000;

export function parseOr<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  console.debug(`[grok-context] ignoring malformed ${what}`, result.error.issues.slice(0, 3));
  return fallback;
}

/** Keeps the valid entries of a stored list: one bad entry does not cost the user the others. */
function parseEach<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T[] {
  if (!Array.isArray(value)) {
    if (value != null) console.debug(`[grok-context] ignoring malformed ${what}: not a list`);
    return [];
  }
  const out: T[] = [];
  for (const entry of value) {
    const result = schema.safeParse(entry);
    if (result.success) out.push(result.data);
    else console.debug(`[grok-context] ignoring a malformed entry of ${what}`, result.error.issues.slice(0, 3));
  }
  return out;
}

/**
 * Settings from a stored value. A value still in the v1 shape (read before the storage item's migration ran,
 * e.g. by a content script right after an update) is read through the v1 → v2 migration.
 */
export function settingsFrom(value: unknown): Settings {
  if (value == null) return DEFAULT_SETTINGS;
  const current = SettingsSchema.safeParse(value);
  if (current.success) return current.data;
  return parseOr(SettingsSchema, migrateSettingsV1(value), DEFAULT_SETTINGS, 'settings');
}

export function dismissalsFrom(value: unknown): Dismissal[] {
  if (value == null) return [];
  // Fast path for the common, valid case; otherwise keep what is still readable.
  const whole = DismissalsSchema.safeParse(value);
  return whole.success ? whole.data : parseEach(DismissalSchema, value, 'dismissals');
}

export function packsFrom(value: unknown): ImportedPack[] {
  return parseEach(ImportedPackSchema, value, 'packs');
}

/** Adds (or refreshes) a dismissal; the oldest are dropped past the limit. Throws for an invalid dismissal. */
export function withDismissal(current: readonly Dismissal[], dismissal: Dismissal): Dismissal[] {
  const valid = DismissalSchema.parse(dismissal);
  const others = current.filter((d) => !(d.site === valid.site && d.key === valid.key));
  return [...others, valid].slice(-MAX_DISMISSALS);
}

/**
 * The stored matcher snapshot (see src/core/matcher.ts compileSnapshot) with what it was built from: the
 * extension version (the bundled claims and the matcher's code) and the imported packs.
 */
export interface StoredMatcherSnapshot {
  version: string;
  /** `packsSignature` of the packs it was built from. */
  packs: string[];
  snapshot: unknown;
}

/**
 * What identifies a list of stored packs for the matcher: each pack's id and import time, in order. Importing a
 * pack again (an updated file) gives it a new import time, so a changed pack never keeps its signature.
 */
export function packsSignature(packs: readonly ImportedPack[]): string[] {
  return packs.map((entry) => `${entry.pack.id}@${entry.importedAt}`);
}

export function storedMatcherSnapshot(version: string, packs: readonly ImportedPack[], snapshot: unknown): StoredMatcherSnapshot {
  return { version, packs: packsSignature(packs), snapshot };
}

/**
 * The snapshot of a stored value when it was built for this version and these packs, else null. Only the
 * key is checked here; the snapshot itself is checked by createMatcherFromSnapshot.
 */
export function currentMatcherSnapshot(value: unknown, version: string, packs: readonly ImportedPack[]): unknown {
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Partial<Record<keyof StoredMatcherSnapshot, unknown>>;
  const listed = stored.packs;
  if (stored.version !== version || !Array.isArray(listed)) return null;
  const signature = packsSignature(packs);
  if (listed.length !== signature.length || signature.some((entry, i) => listed[i] !== entry)) return null;
  return stored.snapshot ?? null;
}
