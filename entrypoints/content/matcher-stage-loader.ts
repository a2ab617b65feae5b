/**
 * What a page needs once it has a candidate to match is left out of the content script, which runs on every
 * page: the matcher (its code, with text folding, and the snapshot's thorough check and restore) and what follows
 * a match: the findings index that keeps what was found (src/page/findings.ts, with X's story cards), the
 * highlights that paint it and the hover that opens its card; and the stream reader, which reads all text for a
 * matcher without a candidate filter. The first time the page has a candidate (`Matcher.whenReady`, and the
 * scanner's `matchingParts`), the content script imports the matcher's bundle
 * (entrypoints/matcher-stage.ts), which leaves a MatcherStage under MATCHER_STAGE_GLOBAL (./bundle-loader.ts).
 */
import type { Matcher } from '../../src/core/types';
import type { createHighlighter } from '../../src/page/highlighter';
import type { watchHover } from '../../src/page/hit-test';
import type { MatchingParts } from '../../src/page/scanner';
import { createBundleLoader, hasFunctions } from './bundle-loader';

/** What the matcher's bundle provides: the matcher, the scanner's matching parts, and the findings' painting and hover. */
export interface MatcherStage extends MatchingParts {
  /** The matcher of a snapshot, or null when it is malformed (src/core/matcher.ts). */
  createMatcherFromSnapshot(snapshot: unknown): Matcher | null;
  createHighlighter: typeof createHighlighter;
  watchHover: typeof watchHover;
}

/** The matcher's bundle: at once once loaded, else a promise for it (see ./bundle-loader.ts). */
export type LoadStage = () => MatcherStage | Promise<MatcherStage>;

/** Where the matcher's bundle leaves its MatcherStage (a property of the content-script world's global object). */
export const MATCHER_STAGE_GLOBAL = '__grokContextMatcher';

/**
 * The loader of the matcher's bundle (`importBundle`: a dynamic import of its extension URL): one import however
 * many wait for it; a failed load rejects those waiting for it, and the next call tries again.
 */
export function createMatcherStageLoader(options: { importBundle(): Promise<unknown>; scope: object }): LoadStage {
  return createBundleLoader({
    ...options,
    global: MATCHER_STAGE_GLOBAL,
    isBundle: (value): value is MatcherStage =>
      hasFunctions(value, ['createMatcherFromSnapshot', 'createFindingsIndex', 'createStreamReader', 'createHighlighter', 'watchHover']),
    missing: 'the matcher bundle left no matcher to make',
  });
}
