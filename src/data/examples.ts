import type { Incident } from './schema';

/** Known fabricated headlines from Grok's trending summaries, shown as examples on Grok-summary cards. */
export function summaryExamplesOf(incidents: readonly Incident[]): Incident[] {
  return incidents.filter((incident) => incident.surface === 'trending-summary' && incident.claims.en.length > 0).slice(0, 2);
}
