/**
 * Imported packs as stored, parsed with their zod schema: by the background and the extension pages only (the
 * content script needs none of a pack: its matcher comes whole from the stored snapshot, which names the packs
 * it was built from by `packsSignature`, stored-values.ts).
 */
import { ImportedPackSchema, MAX_PACK_INCIDENTS, type ImportedPack } from '../data/pack';

/** All imported packs together may hold this many incidents (storage.local has a 10 MB quota). */
export const MAX_IMPORTED_INCIDENTS = 4 * MAX_PACK_INCIDENTS;

/** The valid packs of a stored list: one bad entry does not cost the user the others. */
export function packsFrom(value: unknown): ImportedPack[] {
  if (!Array.isArray(value)) {
    if (value != null) console.debug('[grok-context] ignoring malformed packs: not a list');
    return [];
  }
  const out: ImportedPack[] = [];
  for (const entry of value) {
    const result = ImportedPackSchema.safeParse(entry);
    if (result.success) out.push(result.data);
    else console.debug('[grok-context] ignoring a malformed entry of packs', result.error.issues.slice(0, 3));
  }
  return out;
}
