import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileSnapshot } from '../core/index';
import { matcherConfigWith } from '../data/matcher-config';
import { SNAPSHOT_TIMEOUT_MS, requestMatcherSnapshot } from './matcher-snapshot-client';
import { ContentToBackgroundSchema, MatcherSnapshotAnswerSchema, type MatcherSnapshotRequest } from './schema';

const snapshot = compileSnapshot(matcherConfigWith([]));

afterEach(() => {
  vi.useRealTimers();
});

describe('the matcher-snapshot message', () => {
  it('is a strict request: a rebuild flag and nothing else', () => {
    expect(ContentToBackgroundSchema.safeParse({ type: 'matcher-snapshot', rebuild: false }).success).toBe(true);
    expect(ContentToBackgroundSchema.safeParse({ type: 'matcher-snapshot', rebuild: true }).success).toBe(true);
    for (const bad of [
      { type: 'matcher-snapshot' },
      { type: 'matcher-snapshot', rebuild: 'yes' },
      { type: 'matcher-snapshot', rebuild: false, url: 'https://news.example/' },
    ]) {
      expect(ContentToBackgroundSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('answers with a snapshot object and nothing else', () => {
    expect(MatcherSnapshotAnswerSchema.safeParse({ snapshot }).success).toBe(true);
    for (const bad of [undefined, null, {}, { snapshot: null }, { snapshot: 'junk' }, { snapshot: {} }, { snapshot, extra: 1 }]) {
      expect(MatcherSnapshotAnswerSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('asking the background for a matcher snapshot', () => {
  it('sends the request and gives the snapshot answered', async () => {
    const sent: MatcherSnapshotRequest[] = [];
    const answer = await requestMatcherSnapshot(true, {
      send: (request) => {
        sent.push(request);
        return Promise.resolve({ snapshot });
      },
    });
    expect(sent).toEqual([{ type: 'matcher-snapshot', rebuild: true }]);
    expect(answer).toEqual({ ok: true, snapshot });
  });

  it('gives no snapshot for a malformed answer (nothing, a bare snapshot, junk, extra fields)', async () => {
    for (const raw of [undefined, null, snapshot, { snapshot: 'junk' }, { snapshot: [1, 2] }, { snapshot, also: 'page text' }]) {
      const answer = await requestMatcherSnapshot(false, { send: () => Promise.resolve(raw) });
      expect(answer.ok, JSON.stringify(raw)?.slice(0, 40)).toBe(false);
      expect(answer.ok ? '' : answer.reason).toBe('malformed matcher snapshot answer');
    }
  });

  it('gives no snapshot when the background fails or the extension is gone, and never rejects', async () => {
    const failures = [
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      () => {
        throw new Error('Extension context invalidated.');
      },
    ];
    for (const send of failures) {
      const answer = await requestMatcherSnapshot(false, { send });
      expect(answer.ok).toBe(false);
      expect(answer.ok ? undefined : answer.error).toBeInstanceOf(Error);
    }
  });

  it('gives no snapshot when the background does not answer in time', async () => {
    vi.useFakeTimers();
    const pending = requestMatcherSnapshot(false, { send: () => new Promise<unknown>(() => undefined) });
    await vi.advanceTimersByTimeAsync(SNAPSHOT_TIMEOUT_MS);
    const answer = await pending;
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : String(answer.error)).toContain('no answer in time');
    // The timer is cleared once answered: nothing is left running.
    expect(vi.getTimerCount()).toBe(0);
  });
});
