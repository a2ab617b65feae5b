import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPageMatcher, type AskSnapshot } from '../../entrypoints/content/page-matcher';
import { keepMatcherSnapshot, type MatcherSnapshotApi } from '../background/matcher-snapshot';
import { compileSnapshot, createMatcher, createMatcherFromSnapshot, packSnapshot } from '../core/index';
import type { Matcher } from '../core/types';
import { matcherConfigWith } from '../data/matcher-config';
import type { Incident } from '../data/schema';
import { testIncident, testPack } from '../data/test-fixtures';
import { addPageDismissal, readPageDismissals, readPageState, watchPageState, type PageStateChange } from './page-storage';
import { DEFAULT_SETTINGS, type Dismissal, type SettingsV1 } from './schema';
import { addDismissal, readDismissals, readSettings, removePack, savePack, setPaused, setSiteEnabled } from './storage';
import { storedMatcherSnapshot } from './stored-values';
import { TEST_DISMISSAL } from './test-fixtures';

const dismissal: Dismissal = TEST_DISMISSAL;

const incident: Incident = testIncident({ id: 'moon-texas-2031', claims: { en: ['Moon Lands on Texas After Orbit Slip'], he: [] } });

async function savePackOf(id: string): Promise<void> {
  const result = await savePack(testPack(id, [incident], { origin: { publisher: 'Example News' } }));
  expect(result.ok).toBe(true);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});

describe("the content script's direct reads", () => {
  it('read defaults when nothing is stored', async () => {
    expect(await readPageState()).toEqual({ settings: DEFAULT_SETTINGS, matcherSnapshot: null });
    expect(await readPageDismissals()).toEqual([]);
  });

  it('read what the storage items wrote, as they read it', async () => {
    await setSiteEnabled('example.org', false);
    await addDismissal(dismissal);
    await savePackOf('example-pack');
    expect(await readPageState()).toEqual({ settings: await readSettings(), matcherSnapshot: null });
    expect(await readPageDismissals()).toEqual(await readDismissals());
  });

  it('leave the dismissals out of the start-up read (a page reads them at its first candidate)', async () => {
    await addDismissal(dismissal);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await readPageState();
    expect(get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]))).not.toContain('dismissals');
  });

  it('read v1 settings that no migration has rewritten yet as v2', async () => {
    const v1: SettingsV1 = { highlight: false, badge: true, paused: true, disabledSites: ['example.org'] };
    await fakeBrowser.storage.local.set({ settings: v1 });
    const { settings } = await readPageState();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'off', paused: true, disabledSites: ['example.org'] });
  });

  it('fall back for malformed values, keep the valid dismissals, and never write on read', async () => {
    const stored = { settings: { highlightStyle: 'neon' }, dismissals: [dismissal, { site: 3 }], packs: 'not a list' };
    await fakeBrowser.storage.local.set(stored);
    expect(await readPageState()).toEqual({ settings: DEFAULT_SETTINGS, matcherSnapshot: null });
    expect(await readPageDismissals()).toEqual([dismissal]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
  });
});

describe("the content script's watch", () => {
  it('reports each changed part, parsed, until stopped', async () => {
    const changes: PageStateChange[] = [];
    const stop = watchPageState((change) => changes.push(change));
    await setPaused(true);
    await addDismissal(dismissal);
    await savePackOf('example-pack');
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.session.set({ settings: { paused: false } });
    expect(changes).toHaveLength(3);
    expect(changes[0]?.settings?.paused).toBe(true);
    expect(changes[1]).toEqual({ dismissals: [dismissal] });
    expect(changes[2]).toEqual({ packs: true });

    stop();
    await setPaused(false);
    expect(changes).toHaveLength(3);
  });
});

describe("the content script's dismissal", () => {
  it('is read back by the storage item, without duplicates', async () => {
    await addPageDismissal(dismissal);
    await addPageDismissal({ ...dismissal, at: 2 });
    await addDismissal({ ...dismissal, site: 'other.example' });
    expect(await readDismissals()).toEqual([{ ...dismissal, at: 2 }, { ...dismissal, site: 'other.example' }]);
  });

  it('rejects an invalid dismissal and stores nothing', async () => {
    await expect(addPageDismissal({ ...dismissal, key: '' })).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe("the content script's matcher: from the background's snapshot, never compiled on the page", () => {
  const MOON = 'Moon Lands on Texas After Orbit Slip';
  const page = `Trending now. ${MOON}. Iran Strikes Tel Aviv with Heavy Missiles, said a Grok trending summary.`;
  let version = '1.2.0';
  const incidentsIn = (matcher: Matcher | null): string[] =>
    (matcher?.match(page, { kinds: ['fabricated-headline'] }) ?? []).map((finding) => finding.incident ?? '');

  beforeEach(() => {
    version = '1.2.0';
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockImplementation(
      () => ({ manifest_version: 3, name: 'Grok Context', version }) as ReturnType<typeof fakeBrowser.runtime.getManifest>,
    );
  });

  function keeper(): ReturnType<typeof keepMatcherSnapshot> {
    return keepMatcherSnapshot(fakeBrowser as unknown as MatcherSnapshotApi, () => undefined);
  }

  /** The background's start-up write (and its later rewrites on pack changes). */
  async function backgroundWrites(): Promise<void> {
    await keeper().refresh();
  }

  /** The background as the page's request reaches it (the message itself is tested with startBackground). */
  function background(): { ask: AskSnapshot; asked: boolean[] } {
    const asked: boolean[] = [];
    const answering = keeper();
    return {
      asked,
      ask: vi.fn(async (rebuild: boolean) => {
        asked.push(rebuild);
        return { ok: true as const, snapshot: (await answering.snapshot(rebuild)) as object };
      }),
    };
  }

  /** The matcher restored at once (the content script restores it when the page first has a candidate: see content-page-matcher.test.ts). */
  const restoreNow = (snapshot: unknown): Matcher | null => createMatcherFromSnapshot(snapshot);

  const noBackground: AskSnapshot = () => Promise.resolve({ ok: false, reason: 'no matcher snapshot from the background' });

  it('uses the stored snapshot without asking: the same findings as compiling', async () => {
    await backgroundWrites();
    const state = await readPageState();
    expect(state.matcherSnapshot).toEqual(packSnapshot(compileSnapshot(matcherConfigWith([]))));
    const ask = vi.fn(noBackground);
    const loaded = await loadPageMatcher(state.matcherSnapshot, ask, restoreNow);
    expect(loaded.matcher === null ? null : loaded.from).toBe('storage');
    expect(ask).not.toHaveBeenCalled();
    expect(loaded.matcher?.match(page)).toEqual(createMatcher(matcherConfigWith([])).match(page));
    expect(incidentsIn(loaded.matcher)).toEqual(['iran-tel-aviv-2024']);
  });

  it('uses a stored snapshot with the imported packs, and finds their claims', async () => {
    await savePackOf('example-pack');
    await backgroundWrites();
    const loaded = await loadPageMatcher((await readPageState()).matcherSnapshot, noBackground, restoreNow);
    expect(loaded.matcher === null ? null : loaded.from).toBe('storage');
    expect(incidentsIn(loaded.matcher)).toEqual(['moon-texas-2031', 'iran-tel-aviv-2024']);
  });

  it('asks the background when nothing is stored yet (the first page after an install)', async () => {
    const state = await readPageState();
    expect(state.matcherSnapshot).toBeNull();
    const { ask, asked } = background();
    const loaded = await loadPageMatcher(state.matcherSnapshot, ask, restoreNow);
    expect(asked).toEqual([false]);
    expect(loaded.matcher === null ? null : loaded.from).toBe('background');
    expect(incidentsIn(loaded.matcher)).toEqual(['iran-tel-aviv-2024']);
  });

  it('asks the background when the stored snapshot is for another version or other packs, or the version is unknown', async () => {
    await backgroundWrites();
    version = '1.3.0';
    expect((await readPageState()).matcherSnapshot).toBeNull();

    version = '1.2.0';
    // A pack imported while no background was listening: the stored snapshot lacks its claims.
    fakeBrowser.storage.onChanged.removeAllListeners();
    await savePackOf('example-pack');
    const state = await readPageState();
    expect(state.matcherSnapshot).toBeNull();
    const { ask, asked } = background();
    const loaded = await loadPageMatcher(state.matcherSnapshot, ask, restoreNow);
    expect(asked).toEqual([false]);
    expect(incidentsIn(loaded.matcher)).toEqual(['moon-texas-2031', 'iran-tel-aviv-2024']);
    // The background stored what it answered: the next page needs no request.
    expect((await readPageState()).matcherSnapshot).toEqual(packSnapshot(compileSnapshot(matcherConfigWith([incident]))));

    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockImplementation(() => {
      throw new Error('runtime.getManifest is not available');
    });
    expect((await readPageState()).matcherSnapshot).toBeNull();
  });

  it("know the packs by the signature stored beside them, without reading the packs; from the packs when it is missing", async () => {
    await savePackOf('example-pack');
    await backgroundWrites();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect((await readPageState()).matcherSnapshot).toEqual(packSnapshot(compileSnapshot(matcherConfigWith([incident]))));
    expect(get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]))).not.toContain('packs');

    // Packs stored by a version that kept no signature beside them: a page reads them, and the snapshot built
    // for them is current.
    fakeBrowser.storage.onChanged.removeAllListeners();
    const { packsSignature } = await fakeBrowser.storage.local.get('packsSignature');
    await fakeBrowser.storage.local.remove('packsSignature');
    get.mockClear();
    expect((await readPageState()).matcherSnapshot).toEqual(packSnapshot(compileSnapshot(matcherConfigWith([incident]))));
    expect(get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]))).toContain('packs');
    // The background stores the signature when it starts.
    await keeper().refresh();
    expect((await fakeBrowser.storage.local.get('packsSignature')).packsSignature).toEqual(packsSignature);
  });

  it('asks for a rebuild when the stored snapshot does not restore, and the background replaces it', async () => {
    const good = compileSnapshot(matcherConfigWith([]));
    const damaged = storedMatcherSnapshot('1.2.0', [], packSnapshot({ ...good, postClaim: [1e6] }));
    await fakeBrowser.storage.local.set({ matcherSnapshot: damaged });
    const state = await readPageState();
    expect(state.matcherSnapshot).not.toBeNull();
    const { ask, asked } = background();
    const loaded = await loadPageMatcher(state.matcherSnapshot, ask, restoreNow);
    expect(asked).toEqual([true]);
    expect(incidentsIn(loaded.matcher)).toEqual(['iran-tel-aviv-2024']);
    expect((await readPageState()).matcherSnapshot).toEqual(packSnapshot(good));
  });

  it('asks once more, for a rebuild, when the answer does not restore (a damaged value the background took for current)', async () => {
    const good = compileSnapshot(matcherConfigWith([]));
    await fakeBrowser.storage.local.set({ matcherSnapshot: storedMatcherSnapshot('1.2.0', [], packSnapshot({ ...good, table: [1, 1] })) });
    const { ask, asked } = background();
    // The page saw nothing current (say, the packs changed meanwhile), so its first request is no rebuild.
    const loaded = await loadPageMatcher(null, ask, restoreNow);
    expect(asked).toEqual([false, true]);
    expect(incidentsIn(loaded.matcher)).toEqual(['iran-tel-aviv-2024']);
  });

  it('gives no matcher, after at most two requests, when no snapshot can be had; throws nothing, writes nothing', async () => {
    const good = compileSnapshot(matcherConfigWith([]));
    const answers: Array<Awaited<ReturnType<AskSnapshot>>> = [
      { ok: false, reason: 'no matcher snapshot from the background', error: new Error('no answer in time') },
      { ok: false, reason: 'malformed matcher snapshot answer' },
      { ok: true, snapshot: { ...good, format: 0 } },
      { ok: true, snapshot: { ...good, postClaim: [1e6] } },
    ];
    for (const stored of [null, { ...good, table: 'junk' }]) {
      for (const answer of answers) {
        const before = await fakeBrowser.storage.local.get(null);
        const ask = vi.fn<AskSnapshot>(() => Promise.resolve(answer));
        const loaded = await loadPageMatcher(stored, ask, restoreNow);
        expect(loaded.matcher).toBeNull();
        expect(loaded.matcher === null && loaded.problem.length > 0).toBe(true);
        expect(ask.mock.calls.length).toBeLessThanOrEqual(2);
        expect(ask.mock.calls.at(-1)).toEqual([answer.ok || stored !== null]);
        expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
      }
    }
  });

  it('hears of a new snapshot after a pack import or removal, once it is for the packs stored now', async () => {
    const changes: PageStateChange[] = [];
    const stop = watchPageState((change) => changes.push(change));
    const snapshots = (): unknown[] => changes.filter((change) => 'matcherSnapshot' in change).map((change) => change.matcherSnapshot);
    const background = keeper();
    await background.refresh();
    await vi.waitFor(() => expect(snapshots().at(-1)).toEqual(packSnapshot(compileSnapshot(matcherConfigWith([])))));

    changes.length = 0;
    await savePackOf('example-pack');
    expect(changes[0]).toEqual({ packs: true });
    await background.refresh();
    await vi.waitFor(() => expect(snapshots().at(-1)).toEqual(packSnapshot(compileSnapshot(matcherConfigWith([incident])))));

    changes.length = 0;
    await removePack('example-pack');
    await background.refresh();
    await vi.waitFor(() => expect(snapshots().at(-1)).toEqual(packSnapshot(compileSnapshot(matcherConfigWith([])))));
    stop();

    // A snapshot stored for packs that are no longer the stored ones is reported as none.
    fakeBrowser.storage.onChanged.removeAllListeners();
    changes.length = 0;
    const stopAgain = watchPageState((change) => changes.push(change));
    await savePackOf('other-pack');
    await fakeBrowser.storage.local.set({ matcherSnapshot: storedMatcherSnapshot('1.2.0', [], packSnapshot(compileSnapshot(matcherConfigWith([])))) });
    await vi.waitFor(() => expect(snapshots()).toHaveLength(1));
    expect(snapshots()).toEqual([null]);
    stopAgain();
  });
});
