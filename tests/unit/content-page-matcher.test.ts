import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SNAPSHOT_WAIT_MS, followPageMatcher, type AskSnapshot, type PageMatcherFollower } from '../../entrypoints/content/page-matcher';
import { compileSnapshot } from '../../src/core/index';
import type { Matcher } from '../../src/core/types';
import { matcherConfigWith } from '../../src/data/matcher-config';
import { testIncident } from '../../src/data/test-fixtures';

const MOON = 'Moon Lands on Texas After Orbit Slip';
const IRAN = 'Iran Strikes Tel Aviv with Heavy Missiles';
const bundled = compileSnapshot(matcherConfigWith([]));
const withMoon = compileSnapshot(matcherConfigWith([testIncident({ id: 'moon-texas-2031', claims: { en: [MOON], he: [] } })]));

const finds = (matcher: Matcher | undefined, text: string): boolean =>
  (matcher?.match(text, { kinds: ['fabricated-headline'] }).length ?? 0) > 0;

let matchers: Matcher[];
let debug: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;
let asked: boolean[];
let answer: Awaited<ReturnType<AskSnapshot>>;
let follower: PageMatcherFollower;

beforeEach(() => {
  vi.useFakeTimers();
  matchers = [];
  debug = vi.fn<(...args: unknown[]) => void>();
  asked = [];
  answer = { ok: true, snapshot: bundled };
  follower = followPageMatcher({
    ask: (rebuild) => {
      asked.push(rebuild);
      return Promise.resolve(answer);
    },
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
    expect(finds(matchers[0], IRAN)).toBe(true);
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
    expect(finds(matchers[0], IRAN)).toBe(true);
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
    expect(finds(matchers[1], MOON)).toBe(true);
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
    expect(finds(matchers[1], MOON)).toBe(true);
  });

  it('asks for a rebuild when a newly stored snapshot does not restore', async () => {
    await follower.start(bundled);
    follower.packsChanged();
    answer = { ok: true, snapshot: withMoon };
    follower.snapshotStored({ ...withMoon, table: [1, 1] });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([true]);
    expect(matchers).toHaveLength(2);
    expect(finds(matchers[1], MOON)).toBe(true);
  });

  it('drops an answer that comes after the packs changed again', async () => {
    let release: (value: Awaited<ReturnType<AskSnapshot>>) => void = () => undefined;
    const slow = followPageMatcher({
      ask: () => new Promise((resolve) => (release = resolve)),
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
    expect(finds(matchers[0], MOON)).toBe(true);
  });

  it('never lets an error from applying the matcher escape', async () => {
    const throwing = followPageMatcher({
      ask: () => Promise.resolve(answer),
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
