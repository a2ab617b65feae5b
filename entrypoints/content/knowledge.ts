/**
 * What the content script knows: the matcher over bundled and imported incidents, incident lookup for cards,
 * and the examples a Grok-summary card shows. Built once per change of imported packs.
 */
import { createMatcher } from '../../src/core/index';
import type { Matcher } from '../../src/core/types';
import { buildMatcherConfig, bundledMatcherConfig, incidentsById, knowledgeBase, type Incident } from '../../src/data/index';
import type { PageFinding } from '../../src/page/scanner';
import type { CardModel } from '../../src/ui/card/card-model';
import type { UiLang } from '../../src/ui/lang';

export interface Knowledge {
  matcher: Matcher;
  incident(id: string): Incident | undefined;
  /** Known fabricated headlines from Grok's trending summaries, shown on Grok-summary cards. */
  examples: Incident[];
}

export function buildKnowledge(imported: readonly Incident[]): Knowledge {
  // A bundled incident keeps its bundled text: a pack cannot replace what the extension ships.
  const extra = imported.filter((incident) => !incidentsById.has(incident.id));
  const importedById = new Map(extra.map((incident) => [incident.id, incident]));
  const config =
    extra.length === 0 ? bundledMatcherConfig : buildMatcherConfig([...knowledgeBase.incidents, ...extra], knowledgeBase.signals);
  return {
    matcher: createMatcher(config),
    incident: (id) => incidentsById.get(id) ?? importedById.get(id),
    examples: knowledgeBase.incidents
      .filter((incident) => incident.surface === 'trending-summary' && incident.claims.en.length > 0)
      .slice(0, 2),
  };
}

export interface CardModelContext {
  knowledge: Knowledge;
  lang: UiLang;
  /** The extension's context page URL without a fragment. */
  contextPage: string;
}

export function cardModelFor(finding: PageFinding, context: CardModelContext): CardModel {
  const incident = finding.incident === undefined ? undefined : context.knowledge.incident(finding.incident);
  return {
    findingId: finding.id,
    kind: finding.kind,
    text: finding.text,
    why: finding.why,
    ...(incident !== undefined ? { incident } : {}),
    examples: finding.kind === 'grok-summary' ? context.knowledge.examples : [],
    // Grok-summary cards link to the context page's section on X's labels and Grok's summaries.
    contextUrl: `${context.contextPage}#${incident?.id ?? 'labels'}`,
    lang: context.lang,
  };
}
