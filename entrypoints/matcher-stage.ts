/**
 * The matcher's bundle, imported into a page's content-script world the first time the page has a candidate to
 * match (entrypoints/content/matcher-stage-loader.ts): the matcher, its text folding, and the snapshot's check and
 * restore; and what follows a match: the findings index (with X's story cards), the highlights and the hover; and
 * the stream reader (all text, for a matcher without a candidate filter). The content script carries the
 * snapshot's candidate filter and the page's sparse reading.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createMatcherFromSnapshot } from '../src/core/matcher';
import { createHighlighter } from '../src/page/highlighter';
import { watchHover } from '../src/page/hit-test';
import { matchingParts } from '../src/page/matching-parts';
import { MATCHER_STAGE_GLOBAL, type MatcherStage } from './content/matcher-stage-loader';

export default defineUnlistedScript(() => {
  const stage: MatcherStage = { createMatcherFromSnapshot, ...matchingParts, createHighlighter, watchHover };
  (globalThis as Record<string, unknown>)[MATCHER_STAGE_GLOBAL] = stage;
});
