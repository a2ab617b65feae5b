import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MATCHER_STAGE_GLOBAL, createMatcherStageLoader, type MatcherStage } from '../../entrypoints/content/matcher-stage-loader';
import { SNAPSHOT_WAIT_MS, followPageMatcher, stagedMatcher, type AskSnapshot, type PageMatcherFollower } from '../../entrypoints/content/page-matcher';
import { compileSnapshot, createMatcherFromSnapshot, packSnapshot } from '../../src/core/index';
import { createHighlighter } from '../../src/page/highlighter';
import { watchHover } from '../../src/page/hit-test';
import { matchingParts } from '../../src/page/matching-parts';
import type { Matcher } from '../../src/core/types';
import { matcherConfigWith } from '../../src/data/matcher-config';
import { testIncident } from '../../src/data/test-fixtures';
import { bundleWorld, type BundleWorld, type ImportOutcome } from './bundle-world';

const MOON = 'Moon Lands on Texas After Orbit Slip';
const IRAN = 'Iran Strikes Tel Aviv with Heavy Missiles';
// As the background stores and sends them: packed (src/core/snapshot-pack.ts).
const compiled = compileSnapshot(matcherConfigWith([]));
const compiledWithMoon = compileSnapshot(matcherConfigWith([testIncident({ id: 'moon-texas-2031', claims: { en: [MOON], he: [] } })]));
const bundled = packSnapshot(compiled);
const withMoon = packSnapshot(compiledWithMoon);

/** Whether `matcher` finds a claim in `text`, loading its matching part first as the page's scanner does. */
async function finds(matcher: Matcher | undefined, text: string): Promise<boolean> {
  if (matcher === undefined) return false;
  await matcher.whenReady?.();
  return matcher.match(text, { kinds: ['fabricated-headline'] }).length > 0;
}

/** What the matcher's bundle leaves (entrypoints/matcher-stage.ts). */
const stage: MatcherStage = { createMatcherFromSnapshot, ...matchingParts, createHighlighter, watchHover };

/** The matcher's bundle as the content script loads it: counted. */
let stageLoads: number;
const loadStage = (): Promise<MatcherStage> => {
  stageLoads++;
  return Promise.resolve(stage);
};

let matchers: Matcher[];
let debug: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;
let asked: boolean[];
let answer: Awaited<ReturnType<AskSnapshot>>;
let follower: PageMatcherFollower;

beforeEach(() => {
  vi.useFakeTimers();
  matchers = [];
  stageLoads = 0;
  debug = vi.fn<(...args: unknown[]) => void>();
  asked = [];
  answer = { ok: true, snapshot: bundled };
  follower = followPageMatcher({
    ask: (rebuild) => {
      asked.push(rebuild);
      return Promise.resolve(answer);
    },
    loadStage,
    onMatcher: (matcher) => matchers.push(matcher),
    debug,
    schedule: (callback, ms) => setTimeout(callback, ms),
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the page's matcher over time", () => {
  it('starts from the stored snapshot without asking', async () => {
    await follower.start(bundled);
    expect(asked).toEqual([]);
    expect(matchers).toHaveLength(1);
    expect(await finds(matchers[0], IRAN)).toBe(true);
    expect(debug).not.toHaveBeenCalled();
  });

  it('is not started, with one debug line, when no snapshot can be had; a snapshot stored later starts it', async () => {
    answer = { ok: false, reason: 'no matcher snapshot from the background', error: new Error('no answer in time') };
    await follower.start(null);
    expect(asked).toEqual([false]);
    expect(matchers).toEqual([]);
    expect(debug).toHaveBeenCalledTimes(1);
    expect(String(debug.mock.calls[0]?.[0])).toContain('not checked');

    follower.snapshotStored(bundled);
    expect(matchers).toHaveLength(1);
    expect(await finds(matchers[0], IRAN)).toBe(true);
  });

  it('after a pack change, keeps its matcher until the new snapshot is stored, then uses it without asking', async () => {
    await follower.start(bundled);
    follower.packsChanged();
    expect(matchers).toHaveLength(1);
    // A snapshot for packs since replaced (reported as null) changes nothing.
    follower.snapshotStored(null);
    expect(matchers).toHaveLength(1);
    follower.snapshotStored(withMoon);
    expect(matchers).toHaveLength(2);
    expect(await finds(matchers[1], MOON)).toBe(true);
    // A rewrite of the snapshot in use changes nothing, and the wait is over.
    follower.snapshotStored(withMoon);
    await vi.advanceTimersByTimeAsync(SNAPSHOT_WAIT_MS);
    expect(matchers).toHaveLength(2);
    expect(asked).toEqual([]);
  });

  it('after a pack change, asks the background when no snapshot came in time', async () => {
    await follower.start(bundled);
    follower.packsChanged();
    answer = { ok: true, snapshot: withMoon };
    await vi.advanceTimersByTimeAsync(SNAPSHOT_WAIT_MS);
    expect(asked).toEqual([false]);
    expect(matchers).toHaveLength(2);
    expect(await finds(matchers[1], MOON)).toBe(true);
  });

  it('loads the matcher only when a candidate is first matched, once, and with a filter ready before', async () => {
    await follower.start(bundled);
    expect(stageLoads).toBe(0);
    const words = matchers[0]?.candidates?.words;
    expect(words !== undefined && new RegExp(words.source, 'i').test(IRAN)).toBe(true);
    expect(await finds(matchers[0], IRAN)).toBe(true);
    expect(await finds(matchers[0], MOON)).toBe(false);
    expect(matchers[0]?.whenReady?.()).toBeNull();
    expect(stageLoads).toBe(1);
  });

  it('asks for a rebuild when the stored snapshot turns out not to restore, and checks the page with the answer', async () => {
    // Of this format and with a good filter, so the page starts with it; its tables are damaged.
    await follower.start(packSnapshot({ ...compiled, postClaim: [1e6] }));
    expect(asked).toEqual([]);
    expect(matchers).toHaveLength(1);
    await expect(matchers[0]?.whenReady?.()).rejects.toThrow('does not restore');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([true]);
    expect(matchers).toHaveLength(2);
    expect(await finds(matchers[1], IRAN)).toBe(true);
  });

  it('asks for a rebuild when a newly stored snapshot does not restore', async () => {
    await follower.start(bundled);
    follower.packsChanged();
    answer = { ok: true, snapshot: withMoon };
    follower.snapshotStored(packSnapshot({ ...compiledWithMoon, table: [1, 1] }));
    expect(matchers).toHaveLength(2);
    await expect(matchers[1]?.whenReady?.()).rejects.toThrow('does not restore');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([true]);
    expect(matchers).toHaveLength(3);
    expect(await finds(matchers[2], MOON)).toBe(true);
  });

  it('asks at once, for a rebuild, when a stored snapshot is of another format or its filter is malformed', async () => {
    await follower.start({ ...bundled, format: 0 });
    expect(asked).toEqual([true]);
    expect(matchers).toHaveLength(1);
    expect(await finds(matchers[0], IRAN)).toBe(true);
    follower.packsChanged();
    answer = { ok: true, snapshot: withMoon };
    follower.snapshotStored({ ...withMoon, candidates: { words: '(', wordsFlags: 'g', chars: 'x', charsFlags: 'g' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([true, true]);
    expect(await finds(matchers.at(-1), MOON)).toBe(true);
  });

  it('stops, with one debug line, when the rebuilt answer does not restore either: never a loop', async () => {
    answer = { ok: true, snapshot: packSnapshot({ ...compiled, postClaim: [1e6] }) };
    await follower.start(packSnapshot({ ...compiled, table: [1, 1] }));
    await expect(matchers[0]?.whenReady?.()).rejects.toThrow('does not restore');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([true]);
    await expect(matchers[1]?.whenReady?.()).rejects.toThrow('does not restore');
    await vi.advanceTimersByTimeAsync(SNAPSHOT_WAIT_MS);
    expect(asked).toEqual([true]);
    expect(matchers).toHaveLength(2);
    expect(debug).toHaveBeenCalledTimes(1);
    expect(String(debug.mock.calls[0]?.[0])).toContain('not checked');
  });

  it('does not ask about a matcher that does not restore once it was replaced', async () => {
    await follower.start(packSnapshot({ ...compiled, table: [1, 1] }));
    follower.packsChanged();
    follower.snapshotStored(withMoon);
    await expect(matchers[0]?.whenReady?.()).rejects.toThrow('does not restore');
    await vi.advanceTimersByTimeAsync(SNAPSHOT_WAIT_MS);
    expect(asked).toEqual([]);
    expect(await finds(matchers[1], MOON)).toBe(true);
  });

  it('drops an answer that comes after the packs changed again', async () => {
    let release: (value: Awaited<ReturnType<AskSnapshot>>) => void = () => undefined;
    const slow = followPageMatcher({
      ask: () => new Promise((resolve) => (release = resolve)),
      loadStage,
      onMatcher: (matcher) => matchers.push(matcher),
      debug,
      schedule: (callback, ms) => setTimeout(callback, ms),
    });
    const started = slow.start(null);
    slow.packsChanged();
    slow.snapshotStored(withMoon);
    release({ ok: true, snapshot: bundled });
    await started;
    expect(matchers).toHaveLength(1);
    expect(await finds(matchers[0], MOON)).toBe(true);
  });

  it('never lets an error from applying the matcher escape', async () => {
    const throwing = followPageMatcher({
      ask: () => Promise.resolve(answer),
      loadStage,
      onMatcher: () => {
        throw new Error('page session failed');
      },
      debug,
      schedule: (callback, ms) => setTimeout(callback, ms),
    });
    await expect(throwing.start(bundled)).resolves.toBeUndefined();
    expect(() => throwing.snapshotStored(bundled)).not.toThrow();
    expect(debug).toHaveBeenCalledWith('could not apply the matcher', expect.any(Error));
  });
});

describe("the matcher's bundle", () => {
  /** A content-script world, and a bundle that leaves the matcher in it when evaluated (or fails, or leaves something else). */
  const world = (outcomes: readonly ImportOutcome[]): BundleWorld =>
    bundleWorld(MATCHER_STAGE_GLOBAL, stage, { createMatcherFromSnapshot }, outcomes);

  it('is imported once however many matchers wait for it; a failed or empty import fails their load, not the next', async () => {
    const bundle = world(['fails', 'leaves-half', 'loads']);
    const load = createMatcherStageLoader(bundle);
    const unrestorable = vi.fn();
    const failed = stagedMatcher(bundled, load, unrestorable);
    await expect(failed?.whenReady?.()).rejects.toThrow('import failed');
    // A failed load stays failed for that matcher: the scanner drops what it read for it.
    await expect(failed?.whenReady?.()).rejects.toThrow('import failed');
    expect(() => failed?.match(IRAN)).toThrow('not loaded');
    const empty = stagedMatcher(bundled, load, unrestorable);
    await expect(empty?.whenReady?.()).rejects.toThrow('left no matcher');
    const [a, b] = [stagedMatcher(bundled, load, unrestorable), stagedMatcher(withMoon, load, unrestorable)];
    await Promise.all([a?.whenReady?.(), b?.whenReady?.()]);
    expect(bundle.imports()).toBe(3);
    expect(await finds(a ?? undefined, IRAN)).toBe(true);
    expect(await finds(b ?? undefined, MOON)).toBe(true);
    expect(unrestorable).not.toHaveBeenCalled();
  });

  it('is not what a snapshot of another format, or with a malformed filter, needs: those give no matcher', () => {
    const load = createMatcherStageLoader(world([]));
    expect(stagedMatcher({ ...bundled, format: 1 }, load, () => undefined)).toBeNull();
    expect(stagedMatcher({ ...bundled, candidates: { words: 'grok', wordsFlags: 'i', chars: 'x', charsFlags: 'g' } }, load, () => undefined)).toBeNull();
    expect(stagedMatcher('junk', load, () => undefined)).toBeNull();
    expect(stagedMatcher({ ...bundled, candidates: null }, load, () => undefined)?.candidates).toBeNull();
  });
});
