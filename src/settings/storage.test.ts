import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePack, type Pack } from '../data/pack';
import type { Incident } from '../data/schema';
import { testIncident, testPack } from '../data/test-fixtures';
import { DEFAULT_SETTINGS, type Dismissal, type SettingsV1 } from './schema';
import {
  addDismissal,
  packsItem,
  readDismissals,
  readImportedIncidents,
  readPacks,
  readSettings,
  removeDismissal,
  removePack,
  savePack,
  setPaused,
  setSiteEnabled,
  settingsItem,
} from './storage';
import { TEST_DISMISSAL } from './test-fixtures';

async function rawLocal(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('reads defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates v1 (highlight on) to v2', async () => {
    const v1: SettingsV1 = { highlight: true, badge: false, paused: true, disabledSites: ['example.org'] };
    await fakeBrowser.storage.local.set({ settings: v1 });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({
      highlightStyle: 'underline',
      kinds: { 'fabricated-headline': true, 'grok-summary': true },
      badge: false,
      paused: true,
      disabledSites: ['example.org'],
    });
    expect((await rawLocal())['settings$']).toEqual({ v: 2 });
  });

  it('migrates v1 with highlighting off to highlightStyle "off" (explicit v1 meta)', async () => {
    const v1: SettingsV1 = { highlight: false, badge: true, paused: false, disabledSites: [] };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect((await readSettings()).highlightStyle).toBe('off');
  });

  it('leaves a malformed v1 value as it was and reads defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { highlight: 'yes please' } });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await rawLocal())['settings']).toEqual({ highlight: 'yes please' });
  });

  it('falls back to defaults for a malformed v2 value and never overwrites it on read', async () => {
    await fakeBrowser.storage.local.set({ settings: { highlightStyle: 'neon' }, settings$: { v: 2 } });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await rawLocal())['settings']).toEqual({ highlightStyle: 'neon' });
  });

  it('turns a site off and on, and pauses everywhere', async () => {
    await setSiteEnabled('example.org', false);
    await setSiteEnabled('example.org', false);
    expect((await readSettings()).disabledSites).toEqual(['example.org']);
    await setSiteEnabled('example.org', true);
    expect((await readSettings()).disabledSites).toEqual([]);
    await setPaused(true);
    expect((await readSettings()).paused).toBe(true);
  });
});

describe('dismissals', () => {
  const dismissal: Dismissal = TEST_DISMISSAL;

  it('adds without duplicates and undoes', async () => {
    await addDismissal(dismissal);
    await addDismissal({ ...dismissal, at: 2 });
    await addDismissal({ ...dismissal, site: 'other.example' });
    expect(await readDismissals()).toHaveLength(2);
    await removeDismissal('example.org', dismissal.key);
    expect(await readDismissals()).toEqual([{ ...dismissal, site: 'other.example' }]);
  });

  it('keeps the valid entries of a partly malformed list', async () => {
    await fakeBrowser.storage.local.set({ dismissals: [dismissal, { site: 3 }] });
    expect(await readDismissals()).toEqual([dismissal]);
    expect((await rawLocal())['dismissals']).toHaveLength(2);
  });
});

function incident(id: string): Incident {
  return testIncident({ id, claims: { en: ['Moon Lands on Texas After Orbit Slip'], he: [] } });
}

function pack(id: string, incidentIds: string[]): Pack {
  return testPack(id, incidentIds.map(incident));
}

describe('packs', () => {
  it('saves, lists imported incidents with their origin, replaces by id and removes', async () => {
    expect(await savePack(pack('one', ['a-1', 'a-2']))).toEqual({ ok: true, replaced: false });
    expect(await savePack(pack('two', ['b-1']))).toEqual({ ok: true, replaced: false });
    const incidents = await readImportedIncidents();
    expect(incidents.map((i) => [i.id, i.packId, i.origin.publisher])).toEqual([
      ['a-1', 'one', 'Example News'],
      ['a-2', 'one', 'Example News'],
      ['b-1', 'two', 'Example News'],
    ]);
    expect(await savePack(pack('one', ['a-3']))).toEqual({ ok: true, replaced: true });
    expect((await readImportedIncidents()).map((i) => i.id)).toEqual(['a-3', 'b-1']);
    await removePack('one');
    expect((await readPacks()).map((p) => p.pack.id)).toEqual(['two']);
  });

  it('refuses incident ids another pack uses, and stores nothing', async () => {
    await savePack(pack('one', ['a-1']));
    const before = await rawLocal();
    const result = await savePack(pack('two', ['b-1', 'a-1']));
    expect(result).toEqual({
      ok: false,
      errors: ['incidents[1].id: "a-1" is already used by the imported pack "Pack one"'],
    });
    expect(await rawLocal()).toEqual(before);
  });

  it('a failed import (bad file) changes nothing stored', async () => {
    await savePack(pack('one', ['a-1']));
    await addDismissal({ site: 's', key: 'k', text: 't', kind: 'grok-summary', at: 1 });
    const before = structuredClone(await rawLocal());
    const parsed = parsePack('{"format":"grok-context-pack","version":1,"id":"one","title":"<b>x</b>"}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) await savePack(parsed.pack);
    expect(await rawLocal()).toEqual(before);
  });

  it('reads a malformed stored pack as absent without touching storage', async () => {
    await savePack(pack('one', ['a-1']));
    const stored = (await rawLocal())['packs'] as unknown[];
    await packsItem.setValue([...(stored as never[]), { pack: { id: 'broken' } } as never]);
    expect((await readPacks()).map((p) => p.pack.id)).toEqual(['one']);
    expect((await rawLocal())['packs']).toHaveLength(2);
  });
});
