/** The detection core's public API: pure string work, no DOM, no browser. */
export { createMatcher, MENTION_SPAN_MAX } from './matcher';
export { foldText, normalizeWords, toOriginalOffset, wordKeys, type FoldedText } from './normalize';
export { ENGLISH_STOPWORDS, HEBREW_STOPWORDS } from './stopwords';
export type * from './types';
