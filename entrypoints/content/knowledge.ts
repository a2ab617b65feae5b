/**
 * The card for a finding. The content script bundles no knowledge base: its matcher comes whole from a
 * compiled snapshot (page-matcher.ts), and an incident's card texts and the Grok-summary examples come from the
 * background (src/messaging/incident-details-client.ts, in the card's bundle): the first card asks for the
 * incidents of all the page's findings, later cards for what is still missing.
 */
import type { CardDetails, IncidentDetailsClient } from '../../src/messaging/incident-details-client';
import type { PageFinding } from '../../src/page/findings';
import type { CardModel } from '../../src/ui/card/card-model';
import type { UiLang } from '../../src/ui/lang';

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
