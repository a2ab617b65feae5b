/** The detection core's public API: pure string work, no DOM, no browser. */
export { compileSnapshot, createMatcher } from './compile';
export {
  MATCHER_SNAPSHOT_FORMAT,
  MENTION_SPAN_MAX,
  createMatcherFromSnapshot,
  type MatcherSnapshot,
  type SnapshotClaim,
  type SnapshotPhrase,
} from './matcher';
export { packSnapshot, unpackSnapshot, type PackedSnapshot } from './snapshot-pack';
export { foldText, normalizeWords, toOriginalOffset, wordKeys, type FoldedText } from './normalize';
export { ENGLISH_STOPWORDS, HEBREW_STOPWORDS } from './stopwords';
export type * from './types';
