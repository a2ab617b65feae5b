/**
 * Storage items (WXT storage, versioned). Reads are validated: a malformed stored value is reported with a
 * debug log and replaced by the default *for reading only*; nothing here overwrites stored data on read.
 *
 * Versions and migrations (each migration has a test from every earlier version, storage.test.ts):
 * - settings v1 `{ highlight: boolean, badge, paused, disabledSites }` → v2 (current, see SettingsSchema).
 * - dismissals v1 (current), packs v1 (current).
 *
 * The content script reads (and adds dismissals to) the same keys directly, without these items:
 * page-storage.ts. A new version of a value needs its reader in stored-values.ts to read the earlier one too.
 */
import { storage } from 'wxt/utils/storage';
import { ImportedPackSchema, incidentsOfPacks, type ImportedIncident, type ImportedPack, type Pack } from '../data/pack';
import { DEFAULT_SETTINGS, SettingsSchema, migrateSettingsV1, type Dismissal, type Settings } from './schema';
import { MAX_IMPORTED_INCIDENTS, packsFrom } from './stored-packs';
import { SETTINGS_VERSION, STORAGE_KEYS, dismissalsFrom, packsSignature, settingsFrom, withDismissal } from './stored-values';

export { MAX_IMPORTED_INCIDENTS } from './stored-packs';
export { SETTINGS_VERSION } from './stored-values';

export const settingsItem = storage.defineItem<Settings>(`local:${STORAGE_KEYS.settings}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV1 },
});

export const dismissalsItem = storage.defineItem<Dismissal[]>(`local:${STORAGE_KEYS.dismissals}`, {
  fallback: [],
  version: 1,
});

/** Imported incident packs, in import order. */
export const packsItem = storage.defineItem<ImportedPack[]>(`local:${STORAGE_KEYS.packs}`, {
  fallback: [],
  version: 1,
});

// ---------------------------------------------------------------------------------------------------------
// Settings

export async function readSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem.getValue());
}

/** Applies a change to the current settings and stores the result (only a valid result is stored). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = SettingsSchema.parse(change(await readSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** "On this site": turns checking on or off for one hostname. */
export async function setSiteEnabled(site: string, enabled: boolean): Promise<Settings> {
  return updateSettings((current) => {
    const others = current.disabledSites.filter((s) => s !== site);
    return { ...current, disabledSites: enabled || !site ? others : [...others, site] };
  });
}

/** "Pause everywhere". */
export async function setPaused(paused: boolean): Promise<Settings> {
  return updateSettings((current) => ({ ...current, paused }));
}

// ---------------------------------------------------------------------------------------------------------
// Dismissals

export async function readDismissals(): Promise<Dismissal[]> {
  return dismissalsFrom(await dismissalsItem.getValue());
}

/** Adds (or refreshes) a dismissal; the oldest are dropped past the limit. */
export async function addDismissal(dismissal: Dismissal): Promise<Dismissal[]> {
  const next = withDismissal(await readDismissals(), dismissal);
  await dismissalsItem.setValue(next);
  return next;
}

/** Undo of a dismissal. */
export async function removeDismissal(site: string, key: string): Promise<Dismissal[]> {
  const current = await readDismissals();
  const next = current.filter((d) => !(d.site === site && d.key === key));
  if (next.length !== current.length) await dismissalsItem.setValue(next);
  return next;
}

// ---------------------------------------------------------------------------------------------------------
// Packs

export async function readPacks(): Promise<ImportedPack[]> {
  return packsFrom(await packsItem.getValue());
}

/** Every imported incident, with the origin of its pack. */
export async function readImportedIncidents(): Promise<ImportedIncident[]> {
  return incidentsOfPacks(await readPacks());
}

export type SavePackResult = { ok: true; replaced: boolean } | { ok: false; errors: string[] };

/**
 * Stores a parsed pack (see parsePack). A pack with the id of a stored pack replaces it (re-importing an
 * updated file); incident ids may not clash with another pack's. On any error nothing is stored.
 */
export async function savePack(pack: Pack, from: ImportedPack['from'] = 'pack'): Promise<SavePackResult> {
  const entry = ImportedPackSchema.safeParse({ pack, importedAt: Date.now(), from });
  if (!entry.success) return { ok: false, errors: ['pack: not a valid pack (parse the file with parsePack first)'] };
  const current = await readPacks();
  const others = current.filter((p) => p.pack.id !== pack.id);
  const taken = new Map<string, string>();
  for (const other of others) for (const incident of other.pack.incidents) taken.set(incident.id, other.pack.title);
  const errors: string[] = [];
  pack.incidents.forEach((incident, index) => {
    const owner = taken.get(incident.id);
    if (owner !== undefined) {
      errors.push(`incidents[${index}].id: "${incident.id}" is already used by the imported pack "${owner}"`);
    }
  });
  const total = others.reduce((sum, p) => sum + p.pack.incidents.length, 0) + pack.incidents.length;
  if (total > MAX_IMPORTED_INCIDENTS) {
    errors.push(`incidents: imported packs would hold ${total} incidents (the limit is ${MAX_IMPORTED_INCIDENTS}); remove a pack first`);
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 20) };
  const replaced = others.length !== current.length;
  const next = replaced
    ? current.map((p) => (p.pack.id === pack.id ? entry.data : p))
    : [...current, entry.data];
  await writePacks(next);
  return { ok: true, replaced };
}

export async function removePack(id: string): Promise<ImportedPack[]> {
  const current = await readPacks();
  const next = current.filter((p) => p.pack.id !== id);
  if (next.length !== current.length) await writePacks(next);
  return next;
}

/** Stores the packs with their signature beside them, in one write (see stored-values.ts STORAGE_KEYS). */
async function writePacks(next: ImportedPack[]): Promise<void> {
  await storage.setItems([
    { item: packsItem, value: next },
    { key: `local:${STORAGE_KEYS.packsSignature}`, value: packsSignature(next) },
  ]);
}
