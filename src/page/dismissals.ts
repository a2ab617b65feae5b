/**
 * "Not this": a dismissed finding is that text, of that kind, on that site. The key is the text normalised
 * the way a reader would not notice a difference (Unicode compatibility forms, case, zero-width and bidi
 * marks, runs of whitespace), so the same headline re-rendered with other markup stays dismissed.
 */
import type { FindingKind } from '../core/types';
import type { PageFinding } from './findings';

/** The dismissal fields the filter reads (src/settings `Dismissal` has these and more). */
export interface DismissalLike {
  site: string;
  key: string;
  kind: FindingKind;
}

const INVISIBLES = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]/g;
export const DISMISSAL_KEY_MAX = 300;

export function dismissalKey(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLES, '').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, DISMISSAL_KEY_MAX);
}

/** A filter for the scanner: keeps findings not dismissed on `site`. */
export function dismissalFilter(dismissals: readonly DismissalLike[], site: string): ((finding: PageFinding) => boolean) | undefined {
  const here = new Set(dismissals.filter((d) => d.site === site).map((d) => `${d.kind}\n${d.key}`));
  if (here.size === 0) return undefined;
  return (finding) => !here.has(`${finding.kind}\n${dismissalKey(finding.text)}`);
}
