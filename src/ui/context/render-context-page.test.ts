// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../data/index';
import type { Incident } from '../../data/schema';
import { contextStrings } from './context-strings';
import {
  applyContextDocument,
  renderContextPage,
  timelineItems,
  type ImportedIncidentView,
} from './render-context-page';

const bundled = knowledgeBase.incidents;

function importedIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'example-moon-2024',
    title: { en: 'A Grok headline said the Moon landing was postponed', he: 'כותרת של גרוק טענה שהנחיתה על הירח נדחתה' },
    date: '2024-06-02',
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: { en: 'Explore tab on X', he: 'לשונית גלו ב-X' },
    claims: { en: ['Moon Landing Postponed Indefinitely by NASA'], he: [] },
    claim: { en: 'Moon Landing Postponed Indefinitely by NASA', he: 'הנחיתה על הירח נדחתה' },
    happened: { en: 'An example entry.', he: 'רשומה לדוגמה.' },
    why: { en: 'Built from joke posts.', he: 'נבנתה מבדיחות.' },
    cautions: [],
    sources: [{ publisher: 'Example Newsroom', title: 'Fact-check', url: 'https://example.org/fact-check' }],
    confidence: 'medium',
    ...overrides,
  };
}

function render(imported: ImportedIncidentView[] = [], lang: 'en' | 'he' = 'en'): HTMLElement {
  const page = renderContextPage(document, { lang, incidents: bundled, imported });
  document.body.replaceChildren(page);
  return page;
}

describe('context page timeline', () => {
  it('has one addressable entry for every incident of the knowledge base', () => {
    const page = render();
    for (const incident of bundled) {
      const entry = document.getElementById(incident.id);
      expect(entry, incident.id).not.toBeNull();
      expect(entry?.tagName).toBe('ARTICLE');
      expect(entry?.querySelector('h3')?.textContent).toBe(incident.title.en);
    }
    const ids = [...page.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.querySelectorAll('.gc-entry')).toHaveLength(bundled.length);
  });

  it('lists the entries oldest first, with a contents link to each', () => {
    const page = render();
    const dates = [...page.querySelectorAll('.gc-facts time')].map((t) => t.getAttribute('datetime') ?? '');
    expect(dates).toEqual([...dates].sort());
    const tocTargets = [...page.querySelectorAll('.gc-toc-entries a')].map((a) => a.getAttribute('href'));
    expect(new Set(tocTargets)).toEqual(new Set(bundled.map((incident) => `#${incident.id}`)));
  });

  it('shows claim, surface, what happened, why, cautions and sources of an incident', () => {
    render();
    const iran = bundled.find((incident) => incident.id === 'iran-tel-aviv-2024');
    expect(iran).toBeDefined();
    const entry = document.getElementById('iran-tel-aviv-2024') as HTMLElement;
    const text = entry.textContent ?? '';
    expect(text).toContain(iran?.claim.en);
    expect(text).toContain(iran?.happened.en);
    expect(text).toContain(iran?.why.en);
    expect(text).toContain(contextStrings('en').surfaces['trending-summary']);
    for (const caution of iran?.cautions ?? []) expect(text).toContain(caution.en);
    expect(entry.querySelectorAll('.gc-sources li')).toHaveLength(iran?.sources.length ?? -1);
  });

  it('links a source only when it has a URL, opening it in a new tab without referrer or opener', () => {
    const page = render();
    const external = [...page.querySelectorAll<HTMLAnchorElement>('a[target="_blank"]')];
    expect(external.length).toBeGreaterThan(0);
    for (const link of external) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    }
    const withUrl = bundled.flatMap((incident) => incident.sources.filter((source) => source.url));
    const withoutUrl = bundled.flatMap((incident) => incident.sources.filter((source) => !source.url));
    expect(page.querySelectorAll('.gc-sources a')).toHaveLength(withUrl.length);
    expect(page.querySelectorAll('.gc-sources li:not(:has(a))')).toHaveLength(withoutUrl.length);
  });

  it('tells the story with the labels X uses and the verified link to the supercomputer report', () => {
    const page = render();
    const labels = [...page.querySelectorAll('.gc-labels .gc-label-text')].map((el) => el.textContent);
    expect(labels).toContain('Grok is an early feature and can make mistakes. Verify its outputs.');
    expect(labels).toContain(
      'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.',
    );
    expect(labels.length).toBeGreaterThanOrEqual(6);
    const hrefs = [...page.querySelectorAll('#report a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(
      'https://www.livemint.com/technology/tech-news/tech-giant-elon-musk-plans-supercomputer-four-times-larger-than-metas-for-xai-report-11716738836328.html',
    );
    expect(page.querySelector('#story')?.textContent).toContain('Stories on X');
  });
});

describe('imported incidents on the context page', () => {
  it('appear in the timeline marked as imported, with their origin', () => {
    const page = render([{ incident: importedIncident(), origin: 'Example Newsroom' }]);
    const entry = document.getElementById('example-moon-2024') as HTMLElement;
    expect(entry.classList.contains('gc-entry--imported')).toBe(true);
    expect(entry.querySelector('.gc-tag--imported')?.textContent).toBe('Imported');
    expect(entry.textContent).toContain('Imported from Example Newsroom');
    expect(page.querySelector('a[href="#example-moon-2024"]')?.textContent).toContain('Imported');
    // Bundled entries are not marked.
    expect(document.getElementById('iran-tel-aviv-2024')?.querySelector('.gc-tag--imported')).toBeNull();
    expect(page.querySelectorAll('.gc-entry')).toHaveLength(bundled.length + 1);
  });

  it('never lets an imported entry take a bundled incident id', () => {
    const clash = importedIncident({ id: 'iran-tel-aviv-2024', title: { en: 'Impostor', he: 'מתחזה' } });
    const items = timelineItems(bundled, [{ incident: clash, origin: 'Someone' }]);
    expect(items.filter((item) => item.incident.id === 'iran-tel-aviv-2024')).toHaveLength(1);
    render([{ incident: clash, origin: 'Someone' }]);
    expect(document.getElementById('iran-tel-aviv-2024')?.querySelector('h3')?.textContent).not.toBe('Impostor');
  });

  it('shows hostile text as text and drops links that are not https', () => {
    const hostile = importedIncident({
      title: { en: '<img src=x onerror="alert(1)">', he: '<b>x</b>' },
      sources: [{ publisher: '<script>', title: 'Bad link', url: 'javascript:alert(1)' }],
    });
    const page = render([{ incident: hostile, origin: '<i>origin</i>' }]);
    const entry = document.getElementById('example-moon-2024') as HTMLElement;
    expect(entry.querySelector('h3')?.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(page.querySelector('img, script, i, b')).toBeNull();
    expect(entry.querySelector('.gc-sources a')).toBeNull();
    expect(entry.textContent).toContain('Imported from <i>origin</i>');
  });
});

describe('context page in Hebrew', () => {
  it('uses the Hebrew texts and a right-to-left document', () => {
    const page = render([{ incident: importedIncident(), origin: 'Example Newsroom' }], 'he');
    applyContextDocument(document, 'he');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('he');
    const iran = bundled.find((incident) => incident.id === 'iran-tel-aviv-2024');
    expect(document.getElementById('iran-tel-aviv-2024')?.querySelector('h3')?.textContent).toBe(iran?.title.he);
    expect(page.querySelector('h1')?.textContent).toBe(contextStrings('he').heading);
    expect(document.getElementById('example-moon-2024')?.querySelector('.gc-tag--imported')?.textContent).toBe('מיובא');
    // English labels keep their own direction on the Hebrew page.
    const english = [...page.querySelectorAll<HTMLElement>('.gc-label-text')].find((el) => el.lang === 'en');
    expect(english?.dir).toBe('ltr');
  });
});
