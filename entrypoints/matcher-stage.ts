/**
 * The matcher's bundle, imported into a page's content-script world the first time the page has a candidate to
 * match (entrypoints/content/matcher-stage-loader.ts): the matcher, its text folding, and the snapshot's check and
 * restore; and what follows a match: the findings index (with X's story cards), the highlights and the hover. The
 * content script carries only the snapshot's candidate filter and the page's reading.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createMatcherFromSnapshot } from '../src/core/matcher';
import { createFindingsIndex } from '../src/page/findings';
import { createHighlighter } from '../src/page/highlighter';
import { watchHover } from '../src/page/hit-test';
import { MATCHER_STAGE_GLOBAL, type MatcherStage } from './content/matcher-stage-loader';

export default defineUnlistedScript(() => {
  const stage: MatcherStage = { createMatcherFromSnapshot, createFindingsIndex, createHighlighter, watchHover };
  (globalThis as Record<string, unknown>)[MATCHER_STAGE_GLOBAL] = stage;
});
