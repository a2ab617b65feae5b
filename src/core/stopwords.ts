/**
 * Words ignored when matching claims (they still count as words for windows, labels and phrases).
 * Kept short on purpose: every word here is a word a claim no longer needs, so "not", numbers and
 * prepositions that carry meaning stay out.
 */
export const ENGLISH_STOPWORDS: readonly string[] = (
  'a an the of in on at to for with from by and or vs v has have had is are was were be been as its it this that'
).split(' ');

/** Hebrew function words; prefixed forms (ואת, שזה) fold to these through prefix-letter stripping. */
export const HEBREW_STOPWORDS: readonly string[] = 'את של עם על אל כי גם זה זו הוא היא הם הן אשר או'.split(' ');
