/**
 * Keeps a compiled matcher snapshot in storage.local, so that pages never compile the matcher: cold, the
 * compile is a long task on every page load (issue 5), and the compiler with the knowledge base's matching data
 * would be most of the content script; rebuilding a matcher from its snapshot takes a few milliseconds. The
 * stored value names the extension version and the imported packs it was built from (stored-values.ts
 * `StoredMatcherSnapshot`): a page uses it only when both are its own, else it asks for one (`snapshot`).
 *
 * Written when the background starts (after an install or update, at browser start-up, and whenever the
 * service worker wakes and finds it missing or stale), rewritten unconditionally after an install or update
 * (a reload with an unchanged version may still change the code), whenever the imported packs change, and
 * when a page found that the stored one does not restore. Whether the stored one is current is checked
 * cheaply (version, packs, snapshot format), as a worker wakes often: restoring it is the page's check.
 * Writes run one at a time, each reading the packs as they are then; only this key is ever written.
 */
import type { WxtBrowser } from 'wxt/browser';
import { MATCHER_SNAPSHOT_FORMAT, compileSnapshot, packSnapshot } from '../core/index';
import { matcherConfigWith } from '../data/matcher-config';
import { incidentsOfPacks } from '../data/pack';
import { packsFrom } from '../settings/stored-packs';
import {
  STORAGE_KEYS,
  currentMatcherSnapshot,
  packsSignature,
  sameSignature,
  storedMatcherSnapshot,
  storedSignatureFrom,
} from '../settings/stored-values';

/** The parts of the browser API this needs. */
export type MatcherSnapshotApi = {
  runtime: Pick<WxtBrowser['runtime'], 'getManifest'> & { onInstalled?: { addListener(callback: () => void): void } };
  storage: Pick<WxtBrowser['storage'], 'local' | 'onChanged'>;
};

export interface MatcherSnapshotKeeper {
  /**
   * Stores a fresh snapshot unless the stored one is current (`force`: in any case). Resolves once this and
   * every earlier write are done; never rejects (a failure is logged).
   */
  refresh(force?: boolean): Promise<void>;
  /**
   * The snapshot for this version and the packs stored now, for a page that asks: the stored one when it is
   * current, else a fresh one (stored as `refresh` stores it). `rebuild` (the page's copy did not restore)
   * always makes and stores a fresh one, so a damaged stored value is never sent twice; rebuild requests that
   * come while one is pending share it. Runs in turn with the writes; rejects when no snapshot could be made
   * (a snapshot that could not be stored is still answered).
   */
  snapshot(rebuild: boolean): Promise<unknown>;
}

const KEY = STORAGE_KEYS.matcherSnapshot;

/** The cheap check of a stored snapshot that names this version and these packs: is it of this format, packed? */
function isCurrentFormat(snapshot: unknown): boolean {
  if (typeof snapshot !== 'object' || snapshot === null) return false;
  const { format, body } = snapshot as { format?: unknown; body?: unknown };
  return format === MATCHER_SNAPSHOT_FORMAT && typeof body === 'string';
}

export function keepMatcherSnapshot(api: MatcherSnapshotApi, debug: (...args: unknown[]) => void): MatcherSnapshotKeeper {
  let queue: Promise<void> = Promise.resolve();
  /** A forced write asked for by a page, until it is done. */
  let pendingRebuild: Promise<unknown> | null = null;

  /** Stores a fresh snapshot unless the stored one is current (or `force`); resolves with the current one. */
  async function write(force: boolean): Promise<unknown> {
    const version = api.runtime.getManifest().version;
    const stored: Record<string, unknown> = await api.storage.local.get([STORAGE_KEYS.packs, STORAGE_KEYS.packsSignature, KEY]);
    const signature = packsSignature(stored[STORAGE_KEYS.packs]);
    // Packs written by a version that did not store their signature beside them: pages read it from here on.
    const listed = storedSignatureFrom(stored[STORAGE_KEYS.packsSignature]);
    if (listed === null || !sameSignature(listed, signature)) await api.storage.local.set({ [STORAGE_KEYS.packsSignature]: signature });
    if (!force) {
      const current = currentMatcherSnapshot(stored[KEY], version, signature);
      if (isCurrentFormat(current)) return current;
    }
    // The packs are parsed only to compile: a current snapshot is known by the stored packs' signature.
    // Packed (src/core/snapshot-pack.ts): every page reads the stored value, and most need only its filter.
    const snapshot = packSnapshot(compileSnapshot(matcherConfigWith(incidentsOfPacks(packsFrom(stored[STORAGE_KEYS.packs])))));
    try {
      await api.storage.local.set({ [KEY]: storedMatcherSnapshot(version, stored[STORAGE_KEYS.packs], snapshot) });
    } catch (error) {
      // Out of quota, say: pages then ask for the snapshot. Drop a stale one that might still look current.
      await api.storage.local.remove(KEY).catch(() => undefined);
      debug('matcher snapshot not stored', error);
    }
    return snapshot;
  }

  /** Queues a write after every earlier one; the queue itself never rejects. */
  function enqueue(force: boolean): Promise<unknown> {
    const done = queue.then(() => write(force));
    queue = done.then(
      () => undefined,
      (error: unknown) => debug('matcher snapshot not stored', error),
    );
    return done;
  }

  const refresh = (force = false): Promise<void> => {
    void enqueue(force).catch(() => undefined);
    return queue;
  };

  const snapshot = (rebuild: boolean): Promise<unknown> => {
    if (!rebuild) return enqueue(false);
    if (pendingRebuild !== null) return pendingRebuild;
    const done = enqueue(true);
    pendingRebuild = done;
    const clear = (): void => {
      if (pendingRebuild === done) pendingRebuild = null;
    };
    done.then(clear, clear);
    return done;
  };

  // Listeners first, synchronously (MV3 delivers the event that woke the worker only to listeners added at once).
  api.runtime.onInstalled?.addListener(() => {
    void refresh(true);
  });
  api.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, STORAGE_KEYS.packs)) void refresh();
  });
  void refresh();
  return { refresh, snapshot };
}
