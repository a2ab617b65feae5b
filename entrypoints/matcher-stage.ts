/**
 * The matcher's bundle, imported into a page's content-script world the first time the page has a candidate to
 * match (entrypoints/content/page-matcher.ts): the matcher, its text folding, and the snapshot's check and
 * restore. The content script carries only the snapshot's candidate filter.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createMatcherFromSnapshot } from '../src/core/matcher';
import { MATCHER_STAGE_GLOBAL, type MatcherStage } from './content/page-matcher';

export default defineUnlistedScript(() => {
  const stage: MatcherStage = { createMatcherFromSnapshot };
  (globalThis as Record<string, unknown>)[MATCHER_STAGE_GLOBAL] = stage;
});
