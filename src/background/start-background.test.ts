import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { incidentsById, summaryExamples } from '../data/index';
import type { Incident } from '../data/schema';
import { testIncident } from '../data/test-fixtures';
import type { FindingsReport, IncidentDetails, ReportedFinding, TabFindings } from '../messaging/schema';
import { savePack, setSiteEnabled, updateSettings } from '../settings/storage';
import { startBackground, type BackgroundApi } from './start-background';
import { FRESH_REPORT_MS } from './tab-registry';

const POPUP = { url: 'chrome-extension://test-extension-id/popup.html' };
const PAGE_URL = 'https://news.example/story';
// onUpdated's third argument; the registry does not read it.
const TAB = {} as Parameters<Parameters<typeof fakeBrowser.tabs.onUpdated.addListener>[0]>[2];

function finding(id: string, overrides: Partial<ReportedFinding> = {}): ReportedFinding {
  return {
    id,
    kind: 'fabricated-headline',
    incident: 'iran-tel-aviv-2024',
    text: 'Iran Strikes Tel Aviv with Heavy Missiles',
    rule: 'claim',
    ...overrides,
  };
}

function report(findings: ReportedFinding[], extra: Partial<FindingsReport> = {}): FindingsReport {
  return { type: 'findings', status: 'checked', findings, site: 'news.example', ...extra };
}

/** Delivers a message the way the browser does, resolving with the listener's response (if any). */
function send(message: unknown, sender: object): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve).then((results: unknown[]) => {
      if (!results.includes(true)) resolve(undefined);
    });
  });
}

function fromTab(tabId: number, frameId = 0, url = PAGE_URL): object {
  return { tab: { id: tabId }, frameId, url };
}

async function tabFindings(tabId: number): Promise<TabFindings> {
  return (await send({ type: 'get-tab-findings', tabId }, POPUP)) as TabFindings;
}

async function badge(tabId: number): Promise<string> {
  return fakeBrowser.action.getBadgeText({ tabId });
}

/** Plays a service-worker restart: listeners and memory are gone, storage.session stays. */
function restart(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.tabs.onUpdated.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  startBackground(fakeBrowser as unknown as BackgroundApi);
}

let debugLog: { mock: { calls: unknown[][] }; mockClear(): void };

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // The background logs what it drops at debug level; keep test output readable and check the calls.
  debugLog = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  startBackground(fakeBrowser as unknown as BackgroundApi);
});

describe('tab registry', () => {
  it('stores a tab report, answers the popup and sets the badge', async () => {
    expect(await send(report([finding('f1'), finding('f2', { kind: 'grok-summary', rule: 'label' })]), fromTab(7))).toEqual({
      ok: true,
    });
    const answer = await tabFindings(7);
    expect(answer.status).toBe('checked');
    expect(answer.site).toBe('news.example');
    expect(answer.findings.map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(await badge(7)).toBe('2');
  });

  it('replaces the previous report and shows no badge for none', async () => {
    await send(report([finding('f1'), finding('f2')]), fromTab(7));
    await send(report([]), fromTab(7));
    expect((await tabFindings(7)).findings).toEqual([]);
    expect(await badge(7)).toBe('');
  });

  it('keeps tabs apart and reports an unknown tab as unavailable', async () => {
    await send(report([finding('f1')]), fromTab(7));
    await send(report([finding('a'), finding('b'), finding('c')]), fromTab(8));
    expect(await badge(7)).toBe('1');
    expect(await badge(8)).toBe('3');
    expect(await tabFindings(9)).toEqual({ tabId: 9, status: 'unavailable', findings: [] });
  });

  it('takes the site from the sender URL when the report has none', async () => {
    await send({ type: 'findings', status: 'site-disabled', findings: [] }, fromTab(7, 0, 'https://x.com/home'));
    expect(await tabFindings(7)).toEqual({ tabId: 7, status: 'site-disabled', findings: [], site: 'x.com' });
  });

  it('drops reports from frames, from no tab, and malformed messages', async () => {
    debugLog.mockClear();
    await send(report([finding('f1')]), fromTab(7, 3));
    await send(report([finding('f1')]), { url: PAGE_URL });
    await send({ type: 'findings', status: 'checked', findings: [{ id: 'x' }] }, fromTab(7));
    await send({ type: 'findings', status: 'checked', findings: [], extra: 1 }, fromTab(7));
    await send('hello', fromTab(7));
    expect((await tabFindings(7)).status).toBe('unavailable');
    expect(await badge(7)).toBe('');
    expect(debugLog.mock.calls.map((call) => call[1])).toEqual([
      "dropping findings not from a tab's top frame",
      "dropping findings not from a tab's top frame",
      'dropping malformed message',
      'dropping malformed message',
      'dropping malformed message',
    ]);
  });

  it('does not answer a web page that asks for a tab\'s findings', async () => {
    await send(report([finding('f1')]), fromTab(7));
    expect(await send({ type: 'get-tab-findings', tabId: 7 }, fromTab(8))).toBeUndefined();
  });

  it('clears a tab when it navigates to another page, keeping a report the new page already sent', async () => {
    await send(report([finding('f1')]), fromTab(7));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: `${PAGE_URL}#comments` }, TAB);
    expect((await tabFindings(7)).findings).toHaveLength(1);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, TAB);
    expect((await tabFindings(7)).findings).toHaveLength(1);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: 'https://other.example/' }, TAB);
    expect((await tabFindings(7)).status).toBe('unavailable');
    expect(await badge(7)).toBe('');
  });

  it('clears a tab that starts loading when the browser does not say where (no tabs permission)', async () => {
    const reportedAt = Date.now();
    await send(report([finding('f1')]), fromTab(7));
    const clock = vi.spyOn(Date, 'now').mockReturnValue(reportedAt + FRESH_REPORT_MS + 1);
    try {
      await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, TAB);
    } finally {
      clock.mockRestore();
    }
    expect((await tabFindings(7)).status).toBe('unavailable');
  });

  it('keeps a report sent just before a same-document navigation\'s loading event (pushState)', async () => {
    await send(report([finding('f1')]), fromTab(7));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, TAB);
    expect((await tabFindings(7)).findings.map((f) => f.id)).toEqual(['f1']);
    expect(await badge(7)).toBe('1');
  });

  it('forgets a closed tab', async () => {
    await send(report([finding('f1')]), fromTab(7));
    await fakeBrowser.tabs.onRemoved.trigger(7, { isWindowClosing: false, windowId: 1 });
    expect((await tabFindings(7)).status).toBe('unavailable');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('survives a service-worker restart', async () => {
    await send(report([finding('f1'), finding('f2')]), fromTab(7));
    restart();
    expect((await tabFindings(7)).findings.map((f) => f.id)).toEqual(['f1', 'f2']);
    await fakeBrowser.tabs.onRemoved.trigger(7, { isWindowClosing: false, windowId: 1 });
    expect((await tabFindings(7)).status).toBe('unavailable');
  });

  it('shows no badge when the user turns it off, and restores it when turned on', async () => {
    await send(report([finding('f1'), finding('f2')]), fromTab(7));
    await updateSettings((s) => ({ ...s, badge: false }));
    await vi.waitFor(async () => expect(await badge(7)).toBe(''));
    await send(report([finding('f1')]), fromTab(7));
    expect(await badge(7)).toBe('');
    await updateSettings((s) => ({ ...s, badge: true }));
    await vi.waitFor(async () => expect(await badge(7)).toBe('1'));
    // Unrelated settings changes leave the badge alone.
    await setSiteEnabled('news.example', false);
    expect(await badge(7)).toBe('1');
  });
});

describe('keyboard commands', () => {
  it('sends step-finding to the active tab', async () => {
    const listeners: Array<(command: string) => void> = [];
    const sendMessage = vi.fn(async () => undefined);
    const api = {
      ...fakeBrowser,
      tabs: { ...fakeBrowser.tabs, query: async () => [{ id: 12 }], sendMessage },
      commands: { onCommand: { addListener: (cb: (command: string) => void) => listeners.push(cb) } },
    } as unknown as BackgroundApi;
    startBackground(api);
    listeners[0]?.('next-finding');
    listeners[0]?.('previous-finding');
    listeners[0]?.('unknown-command');
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(2));
    expect(sendMessage).toHaveBeenNthCalledWith(1, 12, { type: 'step-finding', direction: 'next' }, { frameId: 0 });
    expect(sendMessage).toHaveBeenNthCalledWith(2, 12, { type: 'step-finding', direction: 'previous' }, { frameId: 0 });
  });
});

describe('incident details', () => {
  const imported: Incident = testIncident({
    id: 'moon-texas-2031',
    claims: { en: ['Moon Lands on Texas After Orbit Slip'], he: [] },
    title: { en: 'Grok said the Moon landed on Texas', he: 'גרוק אמר שהירח נחת בטקסס' },
    rating: 'Fabricated',
    happened: { en: 'Nothing landed.', he: 'שום דבר לא נחת.' },
    why: { en: 'Jokes.', he: 'בדיחות.' },
    sources: [{ publisher: 'Example News', title: 'No, the Moon did not land' }],
  });

  async function details(ids: string[], examples = false, sender: object = fromTab(3)): Promise<IncidentDetails | undefined> {
    return (await send({ type: 'incident-details', ids, examples }, sender)) as IncidentDetails | undefined;
  }

  it('answers a content script with the bundled incidents it knows, leaving unknown ids out', async () => {
    const answer = await details(['iran-tel-aviv-2024', 'not-known-2030']);
    expect(answer?.incidents).toEqual([incidentsById.get('iran-tel-aviv-2024')]);
    expect(answer?.examples).toEqual([]);
  });

  it('sends the Grok-summary examples when asked, also to a frame', async () => {
    const answer = await details([], true, fromTab(3, 2));
    expect(answer?.examples.map((example) => example.id)).toEqual(summaryExamples.map((example) => example.id));
    expect(answer?.examples).toHaveLength(2);
  });

  it('answers from imported packs, without the pack fields', async () => {
    const saved = await savePack({
      format: 'grok-context-pack',
      version: 1,
      id: 'example-pack',
      title: 'Example pack',
      origin: { publisher: 'Example News' },
      incidents: [imported],
    });
    expect(saved.ok).toBe(true);
    const answer = await details(['moon-texas-2031', 'adams-earthquake-2024']);
    expect(answer?.incidents.map((incident) => incident.id)).toEqual(['adams-earthquake-2024', 'moon-texas-2031']);
    expect(answer?.incidents[1]).toEqual(imported);
  });

  it('drops a malformed request', async () => {
    expect(await send({ type: 'incident-details', ids: ['<script>'], examples: false }, fromTab(3))).toBeUndefined();
    expect(await send({ type: 'incident-details', ids: [], examples: false, url: 'https://x.com/' }, fromTab(3))).toBeUndefined();
    expect(debugLog.mock.calls.some((call) => String(call[1]).includes('malformed'))).toBe(true);
  });
});
