import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageMatcher } from '../../entrypoints/content/knowledge';
import { keepMatcherSnapshot, type MatcherSnapshotApi } from '../background/matcher-snapshot';
import { compileSnapshot, createMatcher } from '../core/index';
import type { Matcher } from '../core/types';
import { matcherConfigWith } from '../data/matcher-config';
import type { Incident } from '../data/schema';
import { testIncident, testPack } from '../data/test-fixtures';
import { addPageDismissal, readPageState, watchPageState, type PageState } from './page-storage';
import { DEFAULT_SETTINGS, type Dismissal, type SettingsV1 } from './schema';
import { addDismissal, readDismissals, readImportedIncidents, readSettings, savePack, setPaused, setSiteEnabled } from './storage';
import { storedMatcherSnapshot } from './stored-values';

const dismissal: Dismissal = {
  site: 'example.org',
  key: 'iran strikes tel aviv with heavy missiles',
  text: 'Iran Strikes Tel Aviv with Heavy Missiles',
  kind: 'fabricated-headline',
  incident: 'iran-tel-aviv-2024',
  at: 1,
};

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
    expect(await readPageState()).toEqual({ settings: DEFAULT_SETTINGS, dismissals: [], imported: [], matcherSnapshot: null });
  });

  it('read what the storage items wrote, as they read it', async () => {
    await setSiteEnabled('example.org', false);
    await addDismissal(dismissal);
    await savePackOf('example-pack');
    expect(await readPageState()).toEqual({
      settings: await readSettings(),
      dismissals: await readDismissals(),
      imported: await readImportedIncidents(),
      matcherSnapshot: null,
    });
    expect((await readPageState()).imported.map((imported) => imported.id)).toEqual(['moon-texas-2031']);
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
    expect(await readPageState()).toEqual({ settings: DEFAULT_SETTINGS, dismissals: [dismissal], imported: [], matcherSnapshot: null });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
  });
});

describe("the content script's watch", () => {
  it('reports each changed part, parsed, until stopped', async () => {
    const changes: Array<Partial<PageState>> = [];
    const stop = watchPageState((change) => changes.push(change));
    await setPaused(true);
    await addDismissal(dismissal);
    await savePackOf('example-pack');
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.session.set({ settings: { paused: false } });
    expect(changes).toHaveLength(3);
    expect(changes[0]?.settings?.paused).toBe(true);
    expect(changes[1]).toEqual({ dismissals: [dismissal] });
    expect(changes[2]?.imported?.map((imported) => imported.id)).toEqual(['moon-texas-2031']);

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

describe("the content script's matcher: from the background's snapshot when it is current", () => {
  const MOON = 'Moon Lands on Texas After Orbit Slip';
  const page = `Trending now. ${MOON}. Iran Strikes Tel Aviv with Heavy Missiles, said a Grok trending summary.`;
  let version = '1.2.0';
  const incidentsIn = (matcher: Matcher): string[] =>
    matcher.match(page, { kinds: ['fabricated-headline'] }).map((finding) => finding.incident ?? '');

  beforeEach(() => {
    version = '1.2.0';
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockImplementation(
      () => ({ manifest_version: 3, name: 'Grok Context', version }) as ReturnType<typeof fakeBrowser.runtime.getManifest>,
    );
  });

  /** The background's start-up write (and its later rewrites on pack changes). */
  async function backgroundWrites(): Promise<void> {
    await keepMatcherSnapshot(fakeBrowser as unknown as MatcherSnapshotApi, () => undefined).refresh();
  }

  it('uses the stored snapshot: no compile, the same findings as compiling', async () => {
    await backgroundWrites();
    const state = await readPageState();
    expect(state.matcherSnapshot).toEqual(compileSnapshot(matcherConfigWith([])));
    const { matcher, fromSnapshot } = createPageMatcher(state.imported, state.matcherSnapshot);
    expect(fromSnapshot).toBe(true);
    expect(matcher.match(page)).toEqual(createMatcher(matcherConfigWith([])).match(page));
    expect(incidentsIn(matcher)).toEqual(['iran-tel-aviv-2024']);
  });

  it('uses a snapshot with the imported packs, and finds their claims', async () => {
    await savePackOf('example-pack');
    await backgroundWrites();
    const state = await readPageState();
    const { matcher, fromSnapshot } = createPageMatcher(state.imported, state.matcherSnapshot);
    expect(fromSnapshot).toBe(true);
    expect(incidentsIn(matcher)).toEqual(['moon-texas-2031', 'iran-tel-aviv-2024']);
  });

  it('compiles when the snapshot was built for another version or other packs, or the version is unknown', async () => {
    await backgroundWrites();
    version = '1.3.0';
    expect((await readPageState()).matcherSnapshot).toBeNull();

    version = '1.2.0';
    // A pack imported while no background was listening: the stored snapshot lacks its claims.
    fakeBrowser.storage.onChanged.removeAllListeners();
    await savePackOf('example-pack');
    const state = await readPageState();
    expect(state.matcherSnapshot).toBeNull();
    const { matcher, fromSnapshot } = createPageMatcher(state.imported, state.matcherSnapshot);
    expect(fromSnapshot).toBe(false);
    expect(incidentsIn(matcher)).toEqual(['moon-texas-2031', 'iran-tel-aviv-2024']);

    await backgroundWrites();
    expect((await readPageState()).matcherSnapshot).not.toBeNull();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockImplementation(() => {
      throw new Error('runtime.getManifest is not available');
    });
    expect((await readPageState()).matcherSnapshot).toBeNull();
  });

  it('compiles, throws nothing and writes nothing, for a malformed stored snapshot', async () => {
    const current = storedMatcherSnapshot('1.2.0', [], compileSnapshot(matcherConfigWith([])));
    const values: unknown[] = [
      'junk',
      42,
      [current],
      { ...current, packs: 'none' },
      { ...current, version: 1 },
      { ...current, snapshot: null },
      { ...current, snapshot: { ...current.snapshot as object, format: 0 } },
      { ...current, snapshot: { ...current.snapshot as object, postClaim: [1e6] } },
    ];
    for (const value of values) {
      await fakeBrowser.storage.local.set({ matcherSnapshot: value, settings: { paused: true } });
      const before = await fakeBrowser.storage.local.get(null);
      const state = await readPageState();
      const { matcher, fromSnapshot } = createPageMatcher(state.imported, state.matcherSnapshot);
      expect(fromSnapshot).toBe(false);
      expect(incidentsIn(matcher)).toEqual(['iran-tel-aviv-2024']);
      expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    }
  });

  it('a snapshot rewrite is no change the page reacts to', async () => {
    const changes: Array<Partial<PageState>> = [];
    const stop = watchPageState((change) => changes.push(change));
    await backgroundWrites();
    stop();
    expect(changes).toEqual([]);
  });
});
