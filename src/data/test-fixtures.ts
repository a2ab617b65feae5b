/** Incidents and packs for unit tests (never shipped: only tests import it). */
import type { Pack } from './pack';
import type { Incident } from './schema';

/** A made-up incident that passes the schema; `overrides` set what a test is about. */
export function testIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'moon-landing-fake-2025',
    title: { en: 'A made-up moon headline', he: 'כותרת מומצאת על הירח' },
    date: '2025-01-02',
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: { en: 'Explore tab', he: 'לשונית גלו' },
    claims: { en: ['Moon Lands on Texas After Orbit Slip'], he: ['הירח נחת בטקסס אחרי תקלה במסלול'] },
    claim: { en: 'Moon Lands on Texas After Orbit Slip', he: 'הירח נחת בטקסס' },
    happened: { en: 'Jokes became a headline.', he: 'בדיחות הפכו לכותרת.' },
    why: { en: 'Summaries of joke posts.', he: 'סיכום של פוסטים מבודחים.' },
    cautions: [],
    sources: [{ publisher: 'Example News', title: 'The moon did not land', url: 'https://example.org/moon' }],
    confidence: 'medium',
    ...overrides,
  };
}

/** A pack in our format holding `incidents`. */
export function testPack(id: string, incidents: readonly Incident[], overrides: Partial<Pack> = {}): Pack {
  return {
    format: 'grok-context-pack',
    version: 1,
    id,
    title: `Pack ${id}`,
    origin: { publisher: 'Example News', url: 'https://example.org/' },
    incidents: [...incidents],
    ...overrides,
  };
}
