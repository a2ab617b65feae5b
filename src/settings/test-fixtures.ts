/** A stored dismissal for the settings tests: the Iran headline, dismissed on example.org. */
import type { Dismissal } from './schema';

export const TEST_DISMISSAL: Dismissal = {
  site: 'example.org',
  key: 'iran strikes tel aviv with heavy missiles',
  text: 'Iran Strikes Tel Aviv with Heavy Missiles',
  kind: 'fabricated-headline',
  incident: 'iran-tel-aviv-2024',
  at: 1,
};
