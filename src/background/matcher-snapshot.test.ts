import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileSnapshot, createMatcherFromSnapshot, packSnapshot } from '../core/index';
import { bundledMatcherConfig } from '../data/matcher-config';
import type { Pack } from '../data/pack';
import type { Incident } from '../data/schema';
import { testIncident, testPack } from '../data/test-fixtures';
import { removePack, savePack } from '../settings/storage';
import type { StoredMatcherSnapshot } from '../settings/stored-values';
import { keepMatcherSnapshot, type MatcherSnapshotApi, type MatcherSnapshotKeeper } from './matcher-snapshot';

const MOON = 'Moon Lands on Texas After Orbit Slip';

const incident: Incident = testIncident({ id: 'moon-texas-2031', claims: { en: [MOON], he: [] } });

const pack: Pack = testPack('example-pack', [incident], { title: 'Example pack', origin: { publisher: 'Example News' } });

let version = '1.2.0';
const debug = vi.fn();

function api(): MatcherSnapshotApi {
  const getManifest = (): ReturnType<MatcherSnapshotApi['runtime']['getManifest']> =>
    ({ manifest_version: 3, name: 'Grok Context', version }) as ReturnType<MatcherSnapshotApi['runtime']['getManifest']>;
  return { ...fakeBrowser, runtime: { ...fakeBrowser.runtime, getManifest } };
}

async function stored(): Promise<StoredMatcherSnapshot | undefined> {
  return (await fakeBrowser.storage.local.get('matcherSnapshot')).matcherSnapshot as StoredMatcherSnapshot | undefined;
}

/** Starts the keeper as a (re)started background does, and waits for its start-up write. */
async function start(): Promise<MatcherSnapshotKeeper> {
  // A restarted worker has only its new listeners.
  fakeBrowser.runtime.onInstalled.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  const keeper = keepMatcherSnapshot(api(), debug);
  await keeper.refresh();
  return keeper;
}

/** Does a matcher from the stored snapshot find `text` as a fabricated headline? */
async function storedFinds(text: string): Promise<boolean> {
  const matcher = createMatcherFromSnapshot((await stored())?.snapshot);
  expect(matcher).not.toBeNull();
  return (matcher?.match(text, { kinds: ['fabricated-headline'] }).length ?? 0) > 0;
}

beforeEach(() => {
  fakeBrowser.reset();
  version = '1.2.0';
  debug.mockReset();
  vi.restoreAllMocks();
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});

describe('the stored matcher snapshot', () => {
  it('is written at start-up: the bundled config, keyed with the version and no packs', async () => {
    await start();
    expect(await stored()).toEqual({ version: '1.2.0', packs: [], snapshot: packSnapshot(compileSnapshot(bundledMatcherConfig)) });
    expect(await storedFinds('Iran Strikes Tel Aviv with Heavy Missiles')).toBe(true);
    expect(debug).not.toHaveBeenCalled();
  });

  it('is not rewritten when the worker starts again and it is current', async () => {
    await start();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await start();
    expect(set).not.toHaveBeenCalled();
  });

  it('is rewritten after an update (another version), and after an install or reload even with the same version', async () => {
    await start();
    version = '1.3.0';
    await start();
    expect((await stored())?.version).toBe('1.3.0');

    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const keeper = await start();
    expect(set).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '1.3.0' });
    await keeper.refresh();
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('follows the imported packs: a pack import adds its claims, its removal takes them away', async () => {
    const keeper = await start();
    expect(await storedFinds(MOON)).toBe(false);

    // The storage change alone starts the rewrite.
    expect((await savePack(pack)).ok).toBe(true);
    await vi.waitFor(async () => expect((await stored())?.packs).toHaveLength(1));
    await keeper.refresh();
    const withPack = await stored();
    expect(withPack?.packs).toHaveLength(1);
    expect(withPack?.packs[0]).toMatch(/^example-pack@\d+$/);
    expect(await storedFinds(MOON)).toBe(true);

    await removePack(pack.id);
    await vi.waitFor(async () => expect((await stored())?.packs).toEqual([]));
    expect((await stored())?.packs).toEqual([]);
    expect(await storedFinds(MOON)).toBe(false);
  });

  it('replaces a stored value that is malformed, of another shape or of another snapshot format, or not packed', async () => {
    const oldFormat: StoredMatcherSnapshot = { version: '1.2.0', packs: [], snapshot: packSnapshot({ ...compileSnapshot(bundledMatcherConfig), format: 1 }) };
    // Restorable, but every page would read it as thousands of separate values (src/core/snapshot-pack.ts).
    const unpacked: StoredMatcherSnapshot = { version: '1.2.0', packs: [], snapshot: compileSnapshot(bundledMatcherConfig) };
    for (const value of ['junk', null, 42, { version: '1.2.0' }, { version: '1.2.0', packs: [], snapshot: 'junk' }, oldFormat, unpacked]) {
      await fakeBrowser.storage.local.set({ matcherSnapshot: value });
      await start();
      expect(await stored()).toEqual({ version: '1.2.0', packs: [], snapshot: packSnapshot(compileSnapshot(bundledMatcherConfig)) });
      expect(await storedFinds('Iran Strikes Tel Aviv with Heavy Missiles')).toBe(true);
    }
    expect(debug).not.toHaveBeenCalled();
  });

  it('checks a stored value cheaply on start-up, without restoring it: a damaged one is replaced when a page asks for a rebuild', async () => {
    const damaged: StoredMatcherSnapshot = { version: '1.2.0', packs: [], snapshot: packSnapshot({ ...compileSnapshot(bundledMatcherConfig), table: [1, 1] }) };
    await fakeBrowser.storage.local.set({ matcherSnapshot: damaged });
    const keeper = await start();
    expect(await stored()).toEqual(damaged);
    // Without a rebuild the page gets what is stored (it then asks again with one: see page-matcher.ts).
    expect(await keeper.snapshot(false)).toEqual(damaged.snapshot);

    const answer = await keeper.snapshot(true);
    expect(createMatcherFromSnapshot(answer)).not.toBeNull();
    expect(await stored()).toEqual({ version: '1.2.0', packs: [], snapshot: answer });
    expect(await storedFinds('Iran Strikes Tel Aviv with Heavy Missiles')).toBe(true);
  });

  it('answers a page with the stored snapshot when it is current, writing nothing', async () => {
    const keeper = await start();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await keeper.snapshot(false)).toEqual((await stored())?.snapshot);
    expect(set).not.toHaveBeenCalled();
  });

  it('answers a page with a fresh snapshot for the packs stored now, after the writes before it', async () => {
    const keeper = await start();
    fakeBrowser.storage.onChanged.removeAllListeners();
    expect((await savePack(pack)).ok).toBe(true);
    const answer = await keeper.snapshot(false);
    expect(createMatcherFromSnapshot(answer)?.match(MOON, { kinds: ['fabricated-headline'] })).toHaveLength(1);
    expect((await stored())?.snapshot).toEqual(answer);
  });

  it('compiles once for rebuild requests that come together (several tabs found the same damaged value)', async () => {
    const keeper = await start();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const answers = await Promise.all([keeper.snapshot(true), keeper.snapshot(true), keeper.snapshot(true)]);
    expect(set).toHaveBeenCalledTimes(1);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    // A later request is a new rebuild.
    await keeper.snapshot(true);
    expect(set).toHaveBeenCalledTimes(2);
  });

  it('still answers a page when the snapshot cannot be stored', async () => {
    const keeper = await start();
    version = '2.0.0';
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const answer = await keeper.snapshot(false);
    expect(createMatcherFromSnapshot(answer)).not.toBeNull();
    expect(await stored()).toBeUndefined();
    expect(debug).toHaveBeenCalledWith('matcher snapshot not stored', expect.any(Error));
  });

  it('never touches other stored data, and a failed write leaves no stale snapshot and throws nothing', async () => {
    expect((await savePack(pack)).ok).toBe(true);
    await fakeBrowser.storage.local.set({ settings: { paused: true }, dismissals: 'kept as it is', other: [1, 2] });
    const before = await fakeBrowser.storage.local.get(null);
    await start();
    const after = await fakeBrowser.storage.local.get(null);
    const { matcherSnapshot, ...rest } = after;
    expect(rest).toEqual(before);
    expect(matcherSnapshot).toBeDefined();

    version = '2.0.0';
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(start()).resolves.toBeDefined();
    expect(debug).toHaveBeenCalledWith('matcher snapshot not stored', expect.any(Error));
    expect(await stored()).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
