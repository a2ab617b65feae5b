// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { incidentsById } from '../../data/index';
import type { ReportedFinding, TabFindings } from '../../messaging/schema';
import { DEFAULT_SETTINGS, type Dismissal, type Settings } from '../../settings/schema';
import type { UiLang } from '../lang';
import { buildPopupModel, formatDate, renderPopup, type PopupActions, type PopupInput } from './render-popup';

const [incidentId, incident] = [...incidentsById.entries()][0] ?? [];
if (!incidentId || !incident) throw new Error('the knowledge base has no incidents');

const headline: ReportedFinding = {
  id: 'f1',
  kind: 'fabricated-headline',
  incident: incidentId,
  text: incident.claims.en[0] ?? incident.title.en,
  rule: 'claim',
};
const summary: ReportedFinding = { id: 'f2', kind: 'grok-summary', text: 'Grok can make mistakes', rule: 'label' };
const dismissal: Dismissal = { site: 'news.example', key: 'k', text: 'Dismissed text', kind: 'grok-summary', at: 5 };

type Overrides = Partial<Omit<PopupInput, 'tab' | 'settings'>> & { tab?: Partial<TabFindings>; settings?: Partial<Settings> };

function input(overrides: Overrides = {}): PopupInput {
  const { tab, settings, ...rest } = overrides;
  return {
    lang: 'en',
    // A given tab replaces the default one whole (a tab with no `site` has none).
    tab: tab?.tabId !== undefined ? { findings: [], status: 'checked', ...tab, tabId: tab.tabId } : { tabId: 3, status: 'checked', findings: [headline, summary], site: 'news.example', ...tab },
    settings: { ...DEFAULT_SETTINGS, ...settings },
    dismissals: [dismissal, { ...dismissal, site: 'elsewhere.example', key: 'other' }],
    lookup: (id) => incidentsById.get(id),
    contextUrl: 'chrome-extension://id/context.html',
    ...rest,
  };
}

function actions(): PopupActions & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      calls.push([name, ...args]);
    };
  return {
    calls,
    show: record('show'),
    setSiteEnabled: record('site'),
    setPaused: record('pause'),
    undo: record('undo'),
    openOptions: record('options'),
  };
}

function render(overrides: Overrides = {}, acts = actions()): HTMLElement {
  const root = renderPopup(document, buildPopupModel(input(overrides)), acts);
  document.body.replaceChildren(root);
  return root;
}

describe('popup', () => {
  it('lists each finding with data-kind, data-incident, its text, the incident title and date', () => {
    const root = render();
    const items = [...root.querySelectorAll<HTMLElement>('[data-kind]')];
    expect(items.map((el) => [el.dataset.kind, el.dataset.incident])).toEqual([
      ['fabricated-headline', incidentId],
      ['grok-summary', undefined],
    ]);
    expect(items[0]?.textContent).toContain(headline.text);
    expect(items[0]?.textContent).toContain(incident.title.en);
    expect(items[0]?.textContent).toContain(incident.dateText?.en ?? formatDate(incident.date, 'en'));
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe(`chrome-extension://id/context.html#${incidentId}`);
    expect(root.querySelector('h1')?.textContent).toBe('2 findings on this page');
  });

  it('"Show" asks for that finding', () => {
    const acts = actions();
    const root = render({}, acts);
    root.querySelectorAll<HTMLButtonElement>('.gc-show')[1]?.click();
    expect(acts.calls).toEqual([['show', 'f2']]);
  });

  it('says the page was checked and nothing was found', () => {
    const root = render({ tab: { findings: [] } });
    expect(root.querySelectorAll('[data-kind]')).toHaveLength(0);
    expect(root.querySelector('.gc-empty')?.textContent).toContain('Checked this page: nothing found.');
  });

  it('says when checking is off here, paused, or the page was not checked — and lists nothing then', () => {
    expect(render({ tab: { status: 'site-disabled', findings: [] } }).textContent).toContain('Checking is off on this site.');
    // Settings win over a report sent before the change.
    expect(render({ settings: { disabledSites: ['news.example'] } }).querySelectorAll('[data-kind]')).toHaveLength(0);
    const paused = render({ settings: { paused: true } });
    expect(paused.textContent).toContain('Checking is paused everywhere.');
    expect(paused.querySelectorAll('[data-kind]')).toHaveLength(0);
    const unknown = render({ tab: { tabId: 3, status: 'unavailable', findings: [] } });
    expect(unknown.textContent).toContain('This page has not been checked');
    expect(unknown.querySelector<HTMLInputElement>('#gc-site-toggle')?.disabled).toBe(true);
  });

  it('toggles "On this site" and "Pause everywhere"', () => {
    const acts = actions();
    const root = render({}, acts);
    const site = root.querySelector<HTMLInputElement>('#gc-site-toggle');
    const pause = root.querySelector<HTMLInputElement>('#gc-pause-toggle');
    expect([site?.checked, pause?.checked]).toEqual([true, false]);
    site?.click();
    pause?.click();
    expect(acts.calls).toEqual([
      ['site', false],
      ['pause', true],
    ]);
    expect(root.querySelector('label[for="gc-site-toggle"]')?.textContent).toBe('On this site');
  });

  it("lists this site's dismissals only, with undo", () => {
    const acts = actions();
    const root = render({}, acts);
    const entries = [...root.querySelectorAll('.gc-dismissed')];
    expect(entries.map((el) => el.querySelector('.gc-dismissed-text')?.textContent)).toEqual(['“Dismissed text”']);
    entries[0]?.querySelector('button')?.click();
    expect(acts.calls).toEqual([['undo', dismissal]]);
  });

  it('links to the context page and opens the options', () => {
    const acts = actions();
    const root = render({}, acts);
    expect(root.querySelector('footer a')?.getAttribute('href')).toBe('chrome-extension://id/context.html');
    root.querySelector<HTMLButtonElement>('footer button')?.click();
    expect(acts.calls).toEqual([['options']]);
  });

  it('speaks Hebrew right to left', () => {
    const lang: UiLang = 'he';
    const root = render({ lang });
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe('he');
    expect(root.querySelector('h1')?.textContent).toBe('2 ממצאים בדף הזה');
    expect(root.querySelector('[data-kind] .gc-incident-title')?.textContent).toBe(incident.title.he);
  });

  it('keeps page text as text', () => {
    const hostile: ReportedFinding = { ...summary, text: '<img src=x onerror="alert(1)">' };
    const root = render({ tab: { findings: [hostile] } });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.gc-found')?.textContent).toContain('<img');
  });

  it('marks imported incidents with their origin', () => {
    const lookup = vi.fn(() => ({ ...incident, id: 'imported-one', origin: { publisher: 'Fact Example' } }));
    const root = render({ lookup, tab: { findings: [{ ...headline, incident: 'imported-one' }] } });
    expect(root.querySelector('.gc-imported')?.textContent).toBe('Imported from Fact Example');
  });
});
