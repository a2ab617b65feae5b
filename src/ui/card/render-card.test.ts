// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { BALLOTS, CONTEXT_BASE, IRAN, KLAY, incidentModel, summaryModel } from './card-fixtures';
import type { CardModel } from './card-model';
import { renderCard } from './render-card';

const noop = { onDismiss: (): void => {}, onClose: (): void => {} };

function render(model: CardModel, handlers = noop): HTMLElement {
  return renderCard(document, model, handlers);
}

const text = (card: HTMLElement, selector: string): string => card.querySelector(selector)?.textContent ?? '';
const links = (card: HTMLElement, selector = 'a'): HTMLAnchorElement[] => [...card.querySelectorAll<HTMLAnchorElement>(selector)];

describe('renderCard for a known incident', () => {
  test('English card for a fabricated trending headline tells the whole story', () => {
    const card = render(incidentModel());
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-modal')).toBe('false');
    expect(card.getAttribute('dir')).toBe('ltr');
    expect(card.getAttribute('lang')).toBe('en');
    const title = card.querySelector(`#${card.getAttribute('aria-labelledby') ?? 'none'}`);
    expect(title?.textContent).toBe("Fabricated headline — written by Grok's trending summaries, 4 April 2024");
    expect(text(card, 'blockquote')).toBe('Iran Strikes Tel Aviv with Heavy Missiles');
    expect(card.textContent).toContain('What actually happened');
    expect(card.textContent).toContain(IRAN.happened.en);
    expect(card.textContent).toContain('Why it went wrong');
    expect(card.textContent).toContain(IRAN.why.en);
    expect(text(card, '.cautions')).toContain('13–14 April 2024');
    expect(card.textContent).toContain('Matches a documented false claim');
    expect(text(card, '.variant')).toBe('Iran Strikes Tel Aviv with Heavy Missiles');
    expect(card.textContent).toContain('92%');
  });

  test('sources with a url are links that open in a new tab without opener or referrer; others are text', () => {
    const card = render(incidentModel());
    const sources = links(card, '.sources a');
    expect(sources.map((a) => a.href)).toEqual([IRAN.sources[0]?.url, IRAN.sources[1]?.url]);
    expect(sources[0]?.textContent).toBe('AI Incident Database: Incident 719');
    for (const a of links(card)) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
    expect(text(card, '.sources')).toContain("Mashable: Elon Musk's X pushed a fake headline about Iran attacking Israel");
  });

  test('a source url that is not https never becomes a link', () => {
    const incident = { ...IRAN, sources: [{ publisher: 'Evil', title: 'Click', url: 'javascript:alert(1)' }] };
    const card = render(incidentModel({ incident }));
    expect(links(card, '.sources a')).toHaveLength(0);
    expect(text(card, '.sources')).toContain('Evil: Click');
  });

  test('"Full context" links to the context page at the incident', () => {
    const [context] = links(render(incidentModel()), 'a.context');
    expect(context?.textContent).toBe('Full context');
    expect(context?.href).toBe(`${CONTEXT_BASE}#iran-tel-aviv-2024`);
  });

  test('chatbot answers are labelled as such; a one-source incident says so', () => {
    const card = render(incidentModel({ incident: BALLOTS }));
    expect(text(card, 'h2')).toBe('False answer — Grok chatbot, 21 July 2024');
    expect(card.textContent).toContain('Documented by one source.');
  });

  test('an approximate date is shown in its own words', () => {
    expect(text(render(incidentModel({ incident: KLAY })), 'h2')).toBe(
      "Fabricated headline — written by Grok's trending summaries, night of 16–17 April 2024",
    );
  });

  test('Hebrew UI: right-to-left card, Hebrew label, claim and actions', () => {
    const card = render(incidentModel({ lang: 'he' }));
    expect(card.getAttribute('dir')).toBe('rtl');
    expect(card.getAttribute('lang')).toBe('he');
    expect(text(card, 'h2')).toBe('כותרת מפוברקת — נכתבה בסיכומי הנושאים החמים של Grok, \u20684 באפריל 2024\u2069');
    expect(text(card, 'blockquote')).toBe(IRAN.claim.he);
    expect(text(card, 'a.context')).toBe('ההקשר המלא');
    expect(text(card, 'button.dismiss')).toBe('לא זה');
    expect(card.querySelector('button.close')?.getAttribute('aria-label')).toBe('סגירה');
  });

  test('Hebrew page text inside an English card runs in its own direction', () => {
    const card = render(incidentModel({ text: 'איראן תוקפת את תל אביב בטילים כבדים' }));
    const found = card.querySelector('.found');
    expect(found?.textContent).toBe('איראן תוקפת את תל אביב בטילים כבדים');
    expect(found?.getAttribute('dir')).toBe('auto');
  });

  test('page text with markup is shown as text, never parsed', () => {
    const hostile = '<img src=x onerror="window.__gcPwned=1">Iran Strikes <b>Tel Aviv</b>';
    const card = render(incidentModel({ text: hostile, why: { rule: 'claim', variant: hostile, score: 1, lang: 'en' } }));
    expect(card.querySelector('img, b')).toBeNull();
    expect(text(card, '.found')).toBe(hostile);
    expect(text(card, '.variant')).toBe(hostile);
  });

  test('very long page text is quoted, not reproduced', () => {
    const found = text(render(incidentModel({ text: 'word '.repeat(200) })), '.found');
    expect(found.length).toBeLessThanOrEqual(240);
    expect(found.endsWith('…')).toBe(true);
  });
});

describe('renderCard without the incident\'s details (the background did not answer)', () => {
  test('still shows what was found, why, and the link to the incident on the context page', () => {
    const { incident: _incident, ...model } = incidentModel();
    const card = render(model);
    expect(text(card, 'h2')).toBe('Matches a documented false claim');
    expect(text(card, 'blockquote')).toBe('Iran Strikes Tel Aviv with Heavy Missiles');
    expect(card.textContent).not.toContain("X's AI trending summary");
    expect(links(card, 'a.context')[0]?.href).toBe(`${CONTEXT_BASE}#iran-tel-aviv-2024`);
  });
});

describe('renderCard for a Grok summary', () => {
  test('explains the trending summaries with two past fabrications and the context link', () => {
    const card = render(summaryModel());
    expect(card.dataset.kind).toBe('grok-summary');
    expect(text(card, 'h2')).toBe("Written by Grok — X's AI trending summary");
    expect(card.textContent).toContain('Since April 2024');
    expect(card.textContent).toContain('Grok can make mistakes');
    expect(card.textContent).toContain('fabricated headlines before');
    const examples = links(card, '.examples a');
    expect(examples.map((a) => a.textContent)).toEqual([
      '“Iran Strikes Tel Aviv with Heavy Missiles”',
      '“Klay Thompson Accused in Bizarre Brick-Vandalism Spree”',
    ]);
    expect(examples[0]?.href).toBe(`${CONTEXT_BASE}#iran-tel-aviv-2024`);
    expect(links(card, 'a.context')[0]?.href).toBe(CONTEXT_BASE);
    expect(card.textContent).toContain("Shown next to X's Grok label");
    expect(card.textContent).toContain('100%');
    expect(card.querySelector('blockquote')).toBeNull();
  });

  test('text that only talks about the summaries is not called Grok-written', () => {
    const card = render(summaryModel({ why: { rule: 'mention', variant: 'Grok trending', score: 1, lang: 'en' } }));
    expect(text(card, 'h2')).toBe("About Grok's trending summaries");
    expect(text(card, 'h2')).not.toContain('Written by');
  });

  test('Hebrew summary card', () => {
    const card = render(summaryModel({ lang: 'he' }));
    expect(card.getAttribute('dir')).toBe('rtl');
    expect(card.textContent).toContain('מאז אפריל 2024');
    expect(links(card, '.examples a')[0]?.textContent).toBe(`"${IRAN.claim.he}"`);
  });

  test('an example claim that carries its own quotation marks is not quoted twice', () => {
    const quoted = '"Adams vs. Earthquake: 50,000 Cops in Subway Showdown" — the summary said the mayor ordered police to "shoot the earthquake".';
    const model = summaryModel();
    const card = render({ ...model, examples: [{ ...(model.examples[0] as (typeof model.examples)[number]), claim: { en: quoted, he: quoted } }] });
    expect(links(card, '.examples a')[0]?.textContent).toBe(quoted);
  });
});

describe('renderCard actions', () => {
  test('"Not this" calls onDismiss and the close button calls onClose', () => {
    const handlers = { onDismiss: vi.fn(), onClose: vi.fn() };
    const card = render(incidentModel(), handlers);
    card.querySelector<HTMLButtonElement>('button.dismiss')?.click();
    expect(handlers.onDismiss).toHaveBeenCalledTimes(1);
    expect(handlers.onClose).not.toHaveBeenCalled();
    card.querySelector<HTMLButtonElement>('button.close')?.click();
    expect(handlers.onClose).toHaveBeenCalledTimes(1);
  });
});
