/**
 * The page's matcher, always rebuilt from a compiled snapshot and never compiled here: the compiler and the
 * knowledge base's matching data would be most of the content script, which runs on every page (issue 5).
 *
 * The snapshot comes from storage (the background keeps one for this version and the imported packs: see
 * src/background/matcher-snapshot.ts), else from the background on request: the first page after an install
 * may load before the background has stored one, and a stored one may be for other packs or fail to restore.
 * When the imported packs change, the page keeps its matcher until the background stores the new snapshot
 * (the storage watch hands it over), and asks for it after a while if none came. When no snapshot can be had,
 * the page is not checked and one debug line says why.
 */
import { createMatcherFromSnapshot } from '../../src/core/matcher';
import type { Matcher } from '../../src/core/types';
import type { SnapshotAnswer } from '../../src/messaging/matcher-snapshot-client';

/** Asks the background for a snapshot (see requestMatcherSnapshot). */
export type AskSnapshot = (rebuild: boolean) => Promise<SnapshotAnswer>;

export type LoadedMatcher =
  | { matcher: Matcher; from: 'storage' | 'background' }
  | { matcher: null; problem: string; error?: unknown };

/**
 * The matcher from `stored` (the stored snapshot when it is for this version and these packs, else null), or
 * from the background's answer. A stored snapshot that does not restore is asked again with `rebuild`, and so
 * is an answer that does not restore (the background answered with a damaged stored value it took for
 * current): at most two requests, never a loop.
 */
export async function loadPageMatcher(stored: unknown, ask: AskSnapshot): Promise<LoadedMatcher> {
  if (stored !== null) {
    const restored = createMatcherFromSnapshot(stored);
    if (restored !== null) return { matcher: restored, from: 'storage' };
  }
  let rebuild = stored !== null;
  for (;;) {
    const answer = await ask(rebuild);
    if (!answer.ok) return { matcher: null, problem: answer.reason, ...(answer.error !== undefined ? { error: answer.error } : {}) };
    const restored = createMatcherFromSnapshot(answer.snapshot);
    if (restored !== null) return { matcher: restored, from: 'background' };
    if (rebuild) return { matcher: null, problem: "the background's matcher snapshot does not restore" };
    rebuild = true;
  }
}

/** After imported packs change, how long the page waits for the background to store the new snapshot. */
export const SNAPSHOT_WAIT_MS = 5000;

export interface PageMatcherOptions {
  ask: AskSnapshot;
  /** A (new) matcher to check the page with. */
  onMatcher(matcher: Matcher): void;
  debug(...args: unknown[]): void;
  /** Runs `callback` once after `ms` (the content script's context timer: cancelled when it goes away). */
  schedule(callback: () => void, ms: number): void;
  waitMs?: number;
}

export interface PageMatcherFollower {
  /** Loads the first matcher from readPageState's snapshot (null: none current). Never rejects. */
  start(stored: unknown): Promise<void>;
  /** The imported packs changed: the current matcher is out of date until the new snapshot comes. */
  packsChanged(): void;
  /** The background stored a snapshot; `current` is it when it is for this version and the stored packs, else null. */
  snapshotStored(current: unknown): void;
}

export function followPageMatcher(options: PageMatcherOptions): PageMatcherFollower {
  /** Whether the page has a matcher for the packs stored now. */
  let upToDate = false;
  /** Bumped by every change of packs and every new matcher: a load that started before is outdated. */
  let generation = 0;

  function use(matcher: Matcher): void {
    upToDate = true;
    generation += 1;
    try {
      options.onMatcher(matcher);
    } catch (error) {
      options.debug('could not apply the matcher', error);
    }
  }

  async function load(stored: unknown): Promise<void> {
    const at = generation;
    let loaded: LoadedMatcher;
    try {
      loaded = await loadPageMatcher(stored, options.ask);
    } catch (error) {
      loaded = { matcher: null, problem: 'could not load the matcher', error };
    }
    if (at !== generation) return;
    if (loaded.matcher !== null) use(loaded.matcher);
    else options.debug(`${loaded.problem}: this page is not checked`, ...(loaded.error !== undefined ? [loaded.error] : []));
  }

  return {
    start: load,
    packsChanged(): void {
      upToDate = false;
      generation += 1;
      const at = generation;
      options.schedule(() => {
        if (!upToDate && at === generation) void load(null);
      }, options.waitMs ?? SNAPSHOT_WAIT_MS);
    },
    snapshotStored(current): void {
      // A rewrite of the snapshot the page already uses (or one for packs since replaced) changes nothing.
      if (upToDate || current === null) return;
      const restored = createMatcherFromSnapshot(current);
      if (restored !== null) use(restored);
      else {
        generation += 1;
        void load(current);
      }
    },
  };
}
