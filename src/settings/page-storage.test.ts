import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Incident } from '../data/schema';
import { addPageDismissal, readPageState, watchPageState, type PageState } from './page-storage';
import { DEFAULT_SETTINGS, type Dismissal, type SettingsV1 } from './schema';
import { addDismissal, readDismissals, readImportedIncidents, readSettings, savePack, setPaused, setSiteEnabled } from './storage';

const dismissal: Dismissal = {
  site: 'example.org',
  key: 'iran strikes tel aviv with heavy missiles',
  text: 'Iran Strikes Tel Aviv with Heavy Missiles',
  kind: 'fabricated-headline',
  incident: 'iran-tel-aviv-2024',
  at: 1,
};

const incident: Incident = {
  id: 'moon-texas-2031',
  title: { en: 'Title', he: 'כותרת' },
  date: '2031-01-02',
  surface: 'trending-summary',
  rating: 'False',
  appearance: { en: 'Explore', he: 'Explore' },
  claims: { en: ['Moon Lands on Texas After Orbit Slip'], he: [] },
  claim: { en: 'Moon Lands on Texas', he: 'הירח נחת בטקסס' },
  happened: { en: 'h', he: 'h' },
  why: { en: 'w', he: 'w' },
  cautions: [],
  sources: [{ publisher: 'P', title: 'T' }],
  confidence: 'medium',
};

async function savePackOf(id: string): Promise<void> {
  const result = await savePack({
    format: 'grok-context-pack',
    version: 1,
    id,
    title: `Pack ${id}`,
    origin: { publisher: 'Example News' },
    incidents: [incident],
  });
  expect(result.ok).toBe(true);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});

describe("the content script's direct reads", () => {
  it('read defaults when nothing is stored', async () => {
    expect(await readPageState()).toEqual({ settings: DEFAULT_SETTINGS, dismissals: [], imported: [] });
  });

  it('read what the storage items wrote, as they read it', async () => {
    await setSiteEnabled('example.org', false);
    await addDismissal(dismissal);
    await savePackOf('example-pack');
    expect(await readPageState()).toEqual({
      settings: await readSettings(),
      dismissals: await readDismissals(),
      imported: await readImportedIncidents(),
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
    expect(await readPageState()).toEqual({ settings: DEFAULT_SETTINGS, dismissals: [dismissal], imported: [] });
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
