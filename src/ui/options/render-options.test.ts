// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../data/pack';
import { DEFAULT_SETTINGS, type Dismissal } from '../../settings/schema';
import {
  applyOptionsDocument,
  applySettings,
  MAX_ERRORS_SHOWN,
  normalizeSiteInput,
  readSettingsFrom,
  renderDismissalList,
  renderOptionsPage,
  renderPackError,
  renderPackList,
  renderSiteList,
} from './render-options';

function mount(lang: 'en' | 'he' = 'en'): ReturnType<typeof renderOptionsPage> {
  const view = renderOptionsPage(document, lang);
  document.body.replaceChildren(view.root);
  return view;
}

const dismissals: Dismissal[] = [
  { site: 'x.com', key: 'iran strikes tel aviv', text: 'Iran Strikes Tel Aviv with Heavy Missiles', kind: 'fabricated-headline', incident: 'iran-tel-aviv-2024', at: 1_000 },
  { site: 'www.ynet.co.il', key: 'grok summary', text: 'סיכום של Grok', kind: 'grok-summary', at: 5_000 },
];

describe('options page controls', () => {
  it('labels every control and marks the pack message as an alert', () => {
    const view = mount();
    for (const input of view.root.querySelectorAll('input')) {
      const label = view.root.querySelector(`label[for="${input.id}"]`);
      expect(label?.textContent, input.id).toBeTruthy();
    }
    expect(view.packAlert.getAttribute('role')).toBe('alert');
    expect(view.styleInputs.map((input) => input.value)).toEqual(['underline', 'background', 'off']);
    expect(view.kindInputs.map((input) => input.value)).toEqual(['fabricated-headline', 'grok-summary']);
  });

  it('reflects stored settings and reads changes back without touching the site list', () => {
    const view = mount();
    const stored = {
      ...DEFAULT_SETTINGS,
      highlightStyle: 'background' as const,
      kinds: { 'fabricated-headline': true, 'grok-summary': false },
      badge: false,
      disabledSites: ['x.com'],
    };
    applySettings(view, stored);
    expect(view.styleInputs.find((input) => input.checked)?.value).toBe('background');
    expect(view.kindInputs.map((input) => input.checked)).toEqual([true, false]);
    expect(view.badgeInput.checked).toBe(false);
    expect(readSettingsFrom(view, stored)).toEqual(stored);

    (view.styleInputs[2] as HTMLInputElement).checked = true;
    view.pausedInput.checked = true;
    expect(readSettingsFrom(view, stored)).toEqual({ ...stored, highlightStyle: 'off', paused: true });
  });

  it('follows the language: Hebrew is right to left', () => {
    mount('he');
    applyOptionsDocument(document, 'he');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.title).toBe('הגדרות Grok Context');
    expect(document.querySelector('h1')?.textContent).toBe('הגדרות Grok Context');
  });
});

describe('options lists', () => {
  it('lists disabled sites, each with a button that names its site', () => {
    const list = renderSiteList(document, ['x.com', 'news.example'], 'en');
    const buttons = [...list.querySelectorAll('button[data-action="remove-site"]')];
    expect(buttons.map((b) => b.getAttribute('data-site'))).toEqual(['news.example', 'x.com']);
    expect(buttons[1]?.getAttribute('aria-label')).toContain('x.com');
    expect(buttons[1]?.getAttribute('aria-label')).toContain(buttons[1]?.textContent);
    expect(renderSiteList(document, [], 'en').textContent).toBe('None: checking is on for every site.');
  });

  it('lists dismissed findings newest first, each with an undo carrying its site and key', () => {
    const list = renderDismissalList(document, dismissals, 'en');
    const items = [...list.querySelectorAll('li')];
    expect(items.map((li) => li.dataset.key)).toEqual(['grok summary', 'iran strikes tel aviv']);
    const undo = items[1]?.querySelector('button[data-action="undo-dismissal"]') as HTMLButtonElement;
    expect(undo.dataset.site).toBe('x.com');
    expect(undo.dataset.key).toBe('iran strikes tel aviv');
    expect(undo.getAttribute('aria-label')).toContain('Iran Strikes Tel Aviv with Heavy Missiles');
    expect(items[0]?.textContent).toContain('Grok summary');
    expect(renderDismissalList(document, [], 'en').textContent).toBe('Nothing dismissed.');
  });

  it('shows dismissed text as text, never as markup', () => {
    const hostile: Dismissal = { site: 'a.example', key: 'k', text: '<img src=x onerror=alert(1)>', kind: 'grok-summary', at: 1 };
    const list = renderDismissalList(document, [hostile], 'en');
    expect(list.querySelector('img')).toBeNull();
    expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('lists imported packs with export and remove', () => {
    const list = renderPackList(
      document,
      [{ id: 'afp-2024', name: 'AFP fact-checks', origin: 'AFP', incidentCount: 3, importedAt: Date.UTC(2025, 0, 2) }],
      'en',
    );
    const item = list.querySelector('li[data-pack="afp-2024"]') as HTMLElement;
    expect(item.textContent).toContain('AFP fact-checks');
    expect(item.textContent).toContain('3 incidents');
    expect(item.querySelector('[data-action="export-pack"]')?.getAttribute('data-pack')).toBe('afp-2024');
    expect(item.querySelector('[data-action="remove-pack"]')?.getAttribute('aria-label')).toBe('Remove AFP fact-checks');
    expect(renderPackList(document, [], 'he').textContent).toBe('לא יובאו חבילות.');
  });
});

describe('a refused pack', () => {
  it('names the file, says nothing changed, and lists which field of which entry is wrong', () => {
    const result = parsePack(
      JSON.stringify({
        format: 'grok-context-pack',
        version: 1,
        id: 'broken',
        title: 'Broken',
        origin: { publisher: 'Someone' },
        incidents: [{ id: 'Bad Id', date: 'June 2024' }],
      }),
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const box = renderPackError(document, 'broken.json', errors, 'en');
    expect(box.querySelector('.gc-error-title')?.textContent).toBe('“broken.json” was not imported. Nothing was changed.');
    const lines = [...box.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(lines.some((line) => line.startsWith('incidents[0].id'))).toBe(true);
    expect(lines.some((line) => line.startsWith('incidents[0].date'))).toBe(true);
  });

  it('shows the first problems and counts the rest', () => {
    const errors = Array.from({ length: MAX_ERRORS_SHOWN + 3 }, (_, i) => `incidents[${i}].date: required`);
    const box = renderPackError(document, 'big.json', errors, 'en');
    expect(box.querySelectorAll('li')).toHaveLength(MAX_ERRORS_SHOWN);
    expect(box.textContent).toContain('…and 3 more problems.');
  });
});

describe('normalizeSiteInput', () => {
  it.each([
    ['x.com', 'x.com'],
    ['  X.COM  ', 'x.com'],
    ['https://www.ynet.co.il/news/article/1?x=1', 'www.ynet.co.il'],
    ['news.example.com/path', 'news.example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['xn--4dbrk0ce.example', 'xn--4dbrk0ce.example'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSiteInput(input)).toBe(expected);
  });

  it.each(['', '   ', 'not a site', 'javascript:alert(1)', 'foo', '-bad-.com', 'a'.repeat(300)])('refuses %j', (input) => {
    expect(normalizeSiteInput(input)).toBeUndefined();
  });

  it('takes a hostname of 253 characters, the longest there is, and refuses one of 254', () => {
    const name = (last: number): string => [63, 63, 63, last].map((length) => 'a'.repeat(length)).join('.');
    expect(name(61)).toHaveLength(253);
    expect(normalizeSiteInput(name(61))).toBe(name(61));
    expect(normalizeSiteInput(name(62))).toBeUndefined();
  });
});
