import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileSnapshot, createMatcherFromSnapshot, packSnapshot } from '../core/index';
import { bundledMatcherConfig } from '../data/matcher-config';
import { requestMatcherSnapshot } from '../messaging/matcher-snapshot-client';
import { keepMatcherSnapshot, type MatcherSnapshotApi, type MatcherSnapshotKeeper } from './matcher-snapshot';
import { startBackground, type BackgroundApi } from './start-background';

const PAGE = { tab: { id: 3 }, frameId: 0, url: 'https://news.example/story' };

/** Delivers a message the way the browser does, resolving with the listener's response (if any). */
function send(message: unknown, sender: object = PAGE): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve).then((results: unknown[]) => {
      if (!results.includes(true)) resolve(undefined);
    });
  });
}

function api(): MatcherSnapshotApi {
  const getManifest = (): ReturnType<MatcherSnapshotApi['runtime']['getManifest']> =>
    ({ manifest_version: 3, name: 'Grok Context', version: '1.2.0' }) as ReturnType<MatcherSnapshotApi['runtime']['getManifest']>;
  return { ...fakeBrowser, runtime: { ...fakeBrowser.runtime, getManifest } };
}

let keeper: MatcherSnapshotKeeper;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  keeper = keepMatcherSnapshot(api(), () => undefined);
  startBackground(fakeBrowser as unknown as BackgroundApi, { matcherSnapshot: keeper });
});

describe("the background's answer to a page's matcher-snapshot request", () => {
  it('is a snapshot that restores to the bundled matcher, also for the first page after an install', async () => {
    // The page may ask before the start-up write is done: the answer comes after it, from the same work.
    const answer = await requestMatcherSnapshot(false, { send: (request) => send(request) });
    expect(answer).toEqual({ ok: true, snapshot: packSnapshot(compileSnapshot(bundledMatcherConfig)) });
    const matcher = createMatcherFromSnapshot(answer.ok ? answer.snapshot : null);
    expect(matcher?.match('Iran Strikes Tel Aviv with Heavy Missiles', { kinds: ['fabricated-headline'] })).toHaveLength(1);
  });

  it('rewrites the stored snapshot for a rebuild request', async () => {
    await keeper.refresh();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await send({ type: 'matcher-snapshot', rebuild: false })).toEqual({ snapshot: packSnapshot(compileSnapshot(bundledMatcherConfig)) });
    expect(set).not.toHaveBeenCalled();
    expect(await send({ type: 'matcher-snapshot', rebuild: true })).toEqual({ snapshot: packSnapshot(compileSnapshot(bundledMatcherConfig)) });
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('is nothing for a malformed request', async () => {
    expect(await send({ type: 'matcher-snapshot' })).toBeUndefined();
    expect(await send({ type: 'matcher-snapshot', rebuild: true, url: 'https://news.example/' })).toBeUndefined();
  });

  it('is nothing when the snapshot cannot be made, and the page then has none', async () => {
    vi.spyOn(keeper, 'snapshot').mockRejectedValue(new Error('compile failed'));
    expect(await send({ type: 'matcher-snapshot', rebuild: false })).toBeUndefined();
    const answer = await requestMatcherSnapshot(false, { send: (request) => send(request) });
    expect(answer.ok).toBe(false);
  });

  it('is nothing from a background started without a snapshot keeper', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    startBackground(fakeBrowser as unknown as BackgroundApi);
    expect(await send({ type: 'matcher-snapshot', rebuild: false })).toBeUndefined();
  });
});
