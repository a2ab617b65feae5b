/**
 * What matching needs and nothing more: the core's matcher config built from the incidents' claim texts and
 * the signals. The content script imports this module, never the knowledge base (index.ts): the cards' texts
 * stay out of its bundle and no page load pays for parsing them (the background answers card details).
 * The bundled data is checked by the knowledge-base tests, which also assert that this config equals the one
 * built from the parsed knowledge base.
 */
import type { ClaimPattern, MatcherConfig } from '../core/types';
import { bundledClaims, type IncidentClaims } from './claims';
import type { Signals } from './schema';
import { bundledSignals } from './signals';

/** The part of an incident matching reads (an Incident, bundled or imported, is one). */
export interface ClaimSource {
  id: string;
  claims: IncidentClaims;
}

/**
 * The core's matcher config for a set of incidents (bundled, or bundled plus imported packs) and signals.
 * Claims come from each incident's `claims.en` / `claims.he`; context-only incidents contribute none.
 */
export function buildMatcherConfig(incidents: readonly ClaimSource[], signals: Signals): MatcherConfig {
  const claims: ClaimPattern[] = [];
  for (const incident of incidents) {
    for (const text of incident.claims.en) claims.push({ incident: incident.id, lang: 'en', text });
    for (const text of incident.claims.he) claims.push({ incident: incident.id, lang: 'he', text });
  }
  return {
    claims,
    labels: signals.labels.map((label) => ({ ...label })),
    mentions: signals.mentions.map((mention) => ({
      lang: mention.lang,
      subjects: mention.subjects.map((term) => ({ ...term })),
      topics: mention.topics.map((term) => ({ ...term })),
      standalone: mention.standalone.map((term) => ({ ...term })),
      ...(mention.idioms === undefined ? {} : { idioms: mention.idioms.map((term) => ({ ...term })) }),
      window: mention.window,
    })),
    lexicon: signals.lexicon.map((group) => [...group]),
  };
}

const bundledSources: ClaimSource[] = Object.entries(bundledClaims).map(([id, claims]) => ({ id, claims }));

/** Ids of the bundled incidents, matched or context-only. */
export const bundledIncidentIds: ReadonlySet<string> = new Set(Object.keys(bundledClaims));

export const bundledMatcherConfig: MatcherConfig = buildMatcherConfig(bundledSources, bundledSignals);

/**
 * The bundled config plus the claims of imported incidents. A pack cannot replace a bundled incident: an
 * imported incident with a bundled id adds nothing.
 */
export function matcherConfigWith(imported: readonly ClaimSource[]): MatcherConfig {
  const extra = imported.filter((incident) => !bundledIncidentIds.has(incident.id));
  return extra.length === 0 ? bundledMatcherConfig : buildMatcherConfig([...bundledSources, ...extra], bundledSignals);
}
