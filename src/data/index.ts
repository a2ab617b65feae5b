/**
 * The bundled knowledge base, parsed and checked once at this boundary; everything downstream gets typed
 * data. A mistake in the data throws here, when the module is first imported (build, tests, extension start),
 * with a message naming the field, instead of surfacing later as a silent non-match.
 */
import * as z from 'zod/mini';
import type { ClaimPattern, MatcherConfig } from '../core/types';
import { bundledIncidents } from './incidents';
import { KnowledgeBaseSchema, type Incident, type KnowledgeBase, type Signals } from './schema';
import { bundledSignals } from './signals';

export const KNOWLEDGE_BASE_VERSION = 1;

/** Parses raw knowledge-base data; throws an Error listing every problem found. */
export function parseKnowledgeBase(raw: unknown): KnowledgeBase {
  const result = KnowledgeBaseSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`Grok Context: the knowledge base is invalid:\n${z.prettifyError(result.error)}`);
  }
  const seen = new Set<string>();
  for (const incident of result.data.incidents) {
    if (seen.has(incident.id)) throw new Error(`Grok Context: the knowledge base has two incidents with id "${incident.id}"`);
    seen.add(incident.id);
  }
  return result.data;
}

export const knowledgeBase: KnowledgeBase = parseKnowledgeBase({
  version: KNOWLEDGE_BASE_VERSION,
  incidents: bundledIncidents,
  signals: bundledSignals,
});

export const incidentsById: ReadonlyMap<string, Incident> = new Map(
  knowledgeBase.incidents.map((incident) => [incident.id, incident]),
);

/**
 * The core's matcher config for a set of incidents (bundled, or bundled plus imported packs) and signals.
 * Claims come from each incident's `claims.en` / `claims.he`; context-only incidents contribute none.
 */
export function buildMatcherConfig(incidents: readonly Incident[], signals: Signals): MatcherConfig {
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
      window: mention.window,
    })),
    lexicon: signals.lexicon.map((group) => [...group]),
  };
}

export const bundledMatcherConfig: MatcherConfig = buildMatcherConfig(knowledgeBase.incidents, knowledgeBase.signals);

export type { Incident, KnowledgeBase, Signals } from './schema';
