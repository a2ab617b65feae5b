/** Everything the annotation card shows for one finding: the content script builds it, the card renders it. */
import type { FindingKind, MatchReason } from '../../core/types';
import type { Incident } from '../../data/schema';
import type { UiLang } from '../lang';

export interface CardModel {
  /** Stable id of the finding on this page (the card reuses its element while the id stays the same). */
  findingId: string;
  kind: FindingKind;
  /** The text as found on the page: shown as text, never parsed as markup. */
  text: string;
  why: MatchReason;
  /** The known incident, for fabricated-headline findings (and grok-summary findings that repeat one). */
  incident?: Incident;
  /** One or two known fabricated headlines, shown on grok-summary cards. */
  examples: Incident[];
  /** Full URL of the extension's context page, with `#<incident id>` for incident cards. */
  contextUrl: string;
  lang: UiLang;
}
