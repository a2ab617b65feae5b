/**
 * What a page reads of a matcher snapshot before it has the matcher: the snapshot's format and its candidate
 * filter (./prefilter.ts). The content script carries only this and the filter's look; the matcher itself
 * (./matcher.ts with ./normalize.ts, and the snapshot's thorough check) is loaded the first time the filter
 * finds a candidate on the page, which most pages never have. Snapshots are stored packed (./snapshot-pack.ts):
 * the format and the filter are read as they are, the rest is parsed only by the matcher's bundle.
 */
import { foldedAt, wordAt } from './prefilter';
import type { CandidateFilter } from './types';

/**
 * The snapshot format. Bump it whenever Compiled's tables, or what they were computed with (folding,
 * stemming, hashing, the candidate filter), change meaning: a snapshot of another format is never used.
 */
export const MATCHER_SNAPSHOT_FORMAT = 2;

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * The candidate filter of a snapshot of this format: null when it has none, undefined when the snapshot is of
 * another format or its filter is malformed. Never throws.
 */
export function snapshotCandidates(snapshot: unknown): CandidateFilter | null | undefined {
  try {
    if (typeof snapshot !== 'object' || snapshot === null) return undefined;
    const { format, candidates } = snapshot as { format?: unknown; candidates?: unknown };
    if (format !== MATCHER_SNAPSHOT_FORMAT) return undefined;
    if (candidates === null) return null;
    if (typeof candidates !== 'object' || candidates === undefined) return undefined;
    const { words, wordsFlags, chars, charsFlags } = candidates as Record<string, unknown>;
    if (!isString(words) || !isString(wordsFlags) || !isString(chars) || !isString(charsFlags)) return undefined;
    const filter = { words: new RegExp(words, wordsFlags), wordAt, chars: new RegExp(chars, charsFlags), foldedAt };
    // The page's reader walks the hits with lastIndex: a non-global pattern would find its first hit forever.
    if (!filter.words.global || !filter.chars.global || filter.words.sticky || filter.chars.sticky) return undefined;
    return filter;
  } catch {
    // A regular expression that does not compile, or a getter on a hand-made object.
    return undefined;
  }
}
