/**
 * Keeps a compiled matcher snapshot in storage.local, so that pages skip compiling the matcher: cold, the
 * compile is a long task on every page load (issue 5), while rebuilding a matcher from its snapshot takes a
 * few milliseconds. The stored value names the extension version and the imported packs it was built from
 * (stored-values.ts `StoredMatcherSnapshot`): a page uses it only when both are its own, else it compiles.
 *
 * Written when the background starts (after an install or update, at browser start-up, and whenever the
 * service worker wakes and finds it missing or stale), rewritten unconditionally after an install or update
 * (a reload with an unchanged version may still change the code), and whenever the imported packs change.
 * Writes run one at a time, each reading the packs as they are then; only this key is ever written.
 */
import type { WxtBrowser } from 'wxt/browser';
import { compileSnapshot, createMatcherFromSnapshot } from '../core/index';
import { matcherConfigWith } from '../data/matcher-config';
import { incidentsOfPacks } from '../data/pack';
import { STORAGE_KEYS, currentMatcherSnapshot, packsFrom, storedMatcherSnapshot } from '../settings/stored-values';

/** The parts of the browser API this needs. */
export type MatcherSnapshotApi = {
  runtime: Pick<WxtBrowser['runtime'], 'getManifest'> & { onInstalled?: { addListener(callback: () => void): void } };
  storage: Pick<WxtBrowser['storage'], 'local' | 'onChanged'>;
};

export interface MatcherSnapshotKeeper {
  /**
   * Stores a fresh snapshot unless the stored one is current and valid (`force`: in any case). Resolves once
   * this and every earlier write are done; never rejects (a failure is logged).
   */
  refresh(force?: boolean): Promise<void>;
}

const KEY = STORAGE_KEYS.matcherSnapshot;

export function keepMatcherSnapshot(api: MatcherSnapshotApi, debug: (...args: unknown[]) => void): MatcherSnapshotKeeper {
  let queue: Promise<void> = Promise.resolve();

  async function write(force: boolean): Promise<void> {
    const version = api.runtime.getManifest().version;
    const stored: Record<string, unknown> = await api.storage.local.get([STORAGE_KEYS.packs, KEY]);
    const packs = packsFrom(stored[STORAGE_KEYS.packs]);
    if (!force) {
      const current = currentMatcherSnapshot(stored[KEY], version, packs);
      if (current !== null && createMatcherFromSnapshot(current) !== null) return;
    }
    const snapshot = compileSnapshot(matcherConfigWith(incidentsOfPacks(packs)));
    try {
      await api.storage.local.set({ [KEY]: storedMatcherSnapshot(version, packs, snapshot) });
    } catch (error) {
      // Out of quota, say: pages compile as before. Drop a stale snapshot that might still look current.
      await api.storage.local.remove(KEY).catch(() => undefined);
      throw error;
    }
  }

  const refresh = (force = false): Promise<void> => {
    queue = queue.then(() => write(force)).catch((error: unknown) => debug('matcher snapshot not stored', error));
    return queue;
  };

  // Listeners first, synchronously (MV3 delivers the event that woke the worker only to listeners added at once).
  api.runtime.onInstalled?.addListener(() => {
    void refresh(true);
  });
  api.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, STORAGE_KEYS.packs)) void refresh();
  });
  void refresh();
  return { refresh };
}
