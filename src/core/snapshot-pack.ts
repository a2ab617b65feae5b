/**
 * A matcher snapshot as it is stored and sent to pages: its format and candidate filter as they are, and
 * everything else (the tables, some 7,000 numbers, and the phrases and claims) as one JSON string.
 *
 * Every page reads the stored snapshot when it starts, and most pages need only its candidate filter
 * (./snapshot-filter.ts): the tables are wanted when a page first has a candidate. A browser hands a stored
 * object to the page as a tree of values, converted one by one on the page's main thread; a string is handed
 * over whole (Chromium, in the content script's world: the read took 6.1–7.8 ms and blocked the main thread
 * for 2.3–3.9 ms with the snapshot as arrays and objects, 1.5–2.0 ms and 0.45–0.6 ms packed). The matcher's
 * bundle parses the string natively when it restores the snapshot.
 */

/** A packed snapshot: what `snapshotCandidates` reads, and the rest of the snapshot as JSON. */
export interface PackedSnapshot {
  format: unknown;
  candidates: unknown;
  body: string;
}

/** The packed form of a snapshot made by compileSnapshot. */
export function packSnapshot<Snapshot extends { format: number; candidates: unknown }>(snapshot: Snapshot): PackedSnapshot {
  const { format, candidates, ...rest } = snapshot;
  return { format, candidates, body: JSON.stringify(rest) };
}

/**
 * The snapshot of a packed one, for restoring; a value that is not packed is returned as it is (restoring it
 * checks it). Null when the body is not the JSON of an object. Never throws.
 */
export function unpackSnapshot(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    // A getter on a hand-made object may throw: malformed too.
    const { format, candidates, body } = value as Partial<Record<keyof PackedSnapshot, unknown>>;
    if (typeof body !== 'string') return value;
    const rest: unknown = JSON.parse(body);
    if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) return null;
    return { ...rest, format, candidates };
  } catch {
    return null;
  }
}
