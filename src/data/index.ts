/**
 * The bundled knowledge base, parsed and checked once at this boundary; everything downstream gets typed
 * data. A mistake in the data throws here, when the module is first imported (build, tests, extension start),
 * with a message naming the field, instead of surfacing later as a silent non-match.
 */
import * as z from 'zod/mini';
import { summaryExamplesOf } from './examples';
import { bundledIncidents } from './incidents';
import { KnowledgeBaseSchema, type Incident, type KnowledgeBase } from './schema';
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

/** Known fabricated headlines from Grok's trending summaries, shown as examples on Grok-summary cards. */
export const summaryExamples: readonly Incident[] = summaryExamplesOf(knowledgeBase.incidents);

export { buildMatcherConfig, bundledMatcherConfig, matcherConfigWith, type ClaimSource } from './matcher-config';
export type { Incident, KnowledgeBase, Signals } from './schema';
