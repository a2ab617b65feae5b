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
 *
 * The matcher comes in two stages. At once, only the snapshot's candidate filter (src/core/snapshot-filter.ts):
 * the page's reader looks for candidates with it. The matcher itself (its code, with text folding, and the
 * snapshot's thorough check and restore) is loaded and restored the first time a candidate is to be matched
 * (`Matcher.whenReady`): most pages have none, and never pay for it. A snapshot that turns out not to restore
 * then is handled as one that did not restore at once: asked for again with `rebuild`.
 */
import { snapshotCandidates } from '../../src/core/snapshot-filter';
import type { Matcher } from '../../src/core/types';
import type { SnapshotAnswer } from '../../src/messaging/matcher-snapshot-client';
import type { LoadStage } from './matcher-stage-loader';

/** Asks the background for a snapshot (see requestMatcherSnapshot). */
export type AskSnapshot = (rebuild: boolean) => Promise<SnapshotAnswer>;

/**
 * The page's matcher for a snapshot: its candidate filter at once, its matching once `whenReady` has loaded the
 * matcher's bundle and restored the snapshot (one load, however often asked; a failed one stays failed:
 * `onUnrestorable` is called when the snapshot does not restore). Null when the snapshot is of another format
 * or its filter is malformed.
 */
export function stagedMatcher(snapshot: unknown, loadStage: LoadStage, onUnrestorable: () => void): Matcher | null {
  const candidates = snapshotCandidates(snapshot);
  if (candidates === undefined) return null;
  let restored: Matcher | null = null;
  let loading: Promise<void> | null = null;
  const restore = async (): Promise<void> => {
    const stage = await loadStage();
    const matcher = stage.createMatcherFromSnapshot(snapshot);
    if (matcher === null) {
      onUnrestorable();
      throw new Error('the matcher snapshot does not restore');
    }
    restored = matcher;
  };
  return {
    candidates,
    whenReady(): Promise<void> | null {
      if (restored !== null) return null;
      loading ??= restore();
      return loading;
    },
    match(text, options) {
      if (restored === null) throw new Error('the matcher is not loaded yet');
      return restored.match(text, options);
    },
  };
}

export type LoadedMatcher =
  | { matcher: Matcher; from: 'storage' | 'background' }
  | { matcher: null; problem: string; error?: unknown };

/**
 * The matcher made by `make` (null: not of this format, or malformed) from `stored` (the stored snapshot when it
 * is for this version and these packs, else null), or from the background's answer; `make` is told whether the
 * snapshot was asked for with `rebuild`. A stored snapshot that is malformed is asked again with `rebuild`
 * (also when `rebuild` is given), and so is an answer that is malformed (the background answered with a
 * damaged stored value it took for current): at most two requests, never a loop.
 */
export async function loadPageMatcher(
  stored: unknown,
  ask: AskSnapshot,
  make: (snapshot: unknown, rebuilt: boolean) => Matcher | null,
  rebuild = false,
): Promise<LoadedMatcher> {
  if (stored !== null) {
    const matcher = make(stored, false);
    if (matcher !== null) return { matcher, from: 'storage' };
    rebuild = true;
  }
  for (;;) {
    const answer = await ask(rebuild);
    if (!answer.ok) return { matcher: null, problem: answer.reason, ...(answer.error !== undefined ? { error: answer.error } : {}) };
    const matcher = make(answer.snapshot, rebuild);
    if (matcher !== null) return { matcher, from: 'background' };
    if (rebuild) return { matcher: null, problem: "the background's matcher snapshot does not restore" };
    rebuild = true;
  }
}

/** After imported packs change, how long the page waits for the background to store the new snapshot. */
export const SNAPSHOT_WAIT_MS = 5000;

export interface PageMatcherOptions {
  ask: AskSnapshot;
  /** Loads the matcher's bundle (the first time a page has a candidate). */
  loadStage: LoadStage;
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
  /** The background stored a snapshot; `snapshot` is it when it is for this version and the stored packs, else null. */
  snapshotStored(snapshot: unknown): void;
}

export function followPageMatcher(options: PageMatcherOptions): PageMatcherFollower {
  /** Whether the page has a matcher for the packs stored now. */
  let upToDate = false;
  /** Bumped by every change of packs and every new matcher: a load that started before is outdated. */
  let generation = 0;

  /** The matcher last handed over. */
  let current: Matcher | null = null;

  function use(matcher: Matcher): void {
    upToDate = true;
    generation += 1;
    current = matcher;
    try {
      options.onMatcher(matcher);
    } catch (error) {
      options.debug('could not apply the matcher', error);
    }
  }

  /** A staged matcher for `snapshot`; when it turns out not to restore, what a malformed snapshot gets. */
  function make(snapshot: unknown, rebuilt: boolean): Matcher | null {
    const matcher: Matcher | null = stagedMatcher(snapshot, options.loadStage, () => {
      // Only the matcher in use matters: one since replaced is nobody's concern.
      if (matcher !== current) return;
      upToDate = false;
      generation += 1;
      if (rebuilt) options.debug("the background's matcher snapshot does not restore: this page is not checked");
      else void load(null, true);
    });
    return matcher;
  }

  async function load(stored: unknown, rebuild = false): Promise<void> {
    const at = generation;
    let loaded: LoadedMatcher;
    try {
      loaded = await loadPageMatcher(stored, options.ask, make, rebuild);
    } catch (error) {
      loaded = { matcher: null, problem: 'could not load the matcher', error };
    }
    if (at !== generation) return;
    if (loaded.matcher !== null) use(loaded.matcher);
    else options.debug(`${loaded.problem}: this page is not checked`, ...(loaded.error !== undefined ? [loaded.error] : []));
  }

  return {
    start: (stored) => load(stored),
    packsChanged(): void {
      upToDate = false;
      generation += 1;
      const at = generation;
      options.schedule(() => {
        if (!upToDate && at === generation) void load(null);
      }, options.waitMs ?? SNAPSHOT_WAIT_MS);
    },
    snapshotStored(snapshot): void {
      // A rewrite of the snapshot the page already uses (or one for packs since replaced) changes nothing.
      if (upToDate || snapshot === null) return;
      const matcher = make(snapshot, false);
      if (matcher !== null) use(matcher);
      else {
        generation += 1;
        void load(snapshot);
      }
    },
  };
}
