/**
 * What the content script knows: the matcher over the bundled and imported claims, and the card for a
 * finding. It bundles only what matching needs (src/data/matcher-config.ts); an incident's card texts and the
 * Grok-summary examples come from the background (src/messaging/incident-details-client.ts), prefetched when
 * a scan settles with findings and asked when a card is about to open.
 */
import { createMatcher, createMatcherFromSnapshot } from '../../src/core/index';
import type { Matcher } from '../../src/core/types';
import { matcherConfigWith, type ClaimSource } from '../../src/data/matcher-config';
import type { CardDetails, IncidentDetailsClient } from '../../src/messaging/incident-details-client';
import type { PageFinding } from '../../src/page/scanner';
import type { CardModel } from '../../src/ui/card/card-model';
import type { UiLang } from '../../src/ui/lang';

export interface PageMatcher {
  matcher: Matcher;
  /** Rebuilt from the stored snapshot (else compiled here). */
  fromSnapshot: boolean;
}

/**
 * The matcher over the bundled claims plus those of imported packs (a pack cannot replace a bundled incident).
 * Rebuilt from `snapshot` when it is a valid one, which skips the compile (a long task on a cold page);
 * compiled otherwise. `snapshot` must have been built for these packs (readPageState checks that).
 */
export function createPageMatcher(imported: readonly ClaimSource[], snapshot: unknown = null): PageMatcher {
  const restored = snapshot === null ? null : createMatcherFromSnapshot(snapshot);
  if (restored !== null) return { matcher: restored, fromSnapshot: true };
  return { matcher: createMatcher(matcherConfigWith(imported)), fromSnapshot: false };
}

export interface CardModelContext {
  details: IncidentDetailsClient;
  lang: UiLang;
  /** The extension's context page URL without a fragment. */
  contextPage: string;
}

/** The card for a finding: at once when its details are known, else once they came (or could not be had). */
export function cardModelFor(finding: PageFinding, context: CardModelContext): CardModel | Promise<CardModel> {
  const details = context.details.detailsFor(finding);
  return details instanceof Promise ? details.then((known) => toCardModel(finding, known, context)) : toCardModel(finding, details, context);
}

/** Pure: the card model from a finding and what is known about its incident. */
function toCardModel(finding: PageFinding, details: CardDetails, context: Omit<CardModelContext, 'details'>): CardModel {
  return {
    findingId: finding.id,
    kind: finding.kind,
    text: finding.text,
    why: finding.why,
    ...(details.incident !== undefined ? { incident: details.incident } : {}),
    examples: details.examples,
    // Incident cards link to the incident's section of the context page (also when its details are missing);
    // Grok-summary cards to the section on X's labels and Grok's summaries.
    contextUrl: `${context.contextPage}#${finding.incident ?? 'labels'}`,
    lang: context.lang,
  };
}
