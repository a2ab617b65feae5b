/**
 * The candidate filter's look: a cheap, native test that rules out text the matcher cannot find anything in, so
 * the page layer reads and matches only the few blocks that may hold a finding, and loads the matcher only for
 * them. The anchors it looks for are chosen when the matcher is compiled (./anchors.ts) and come with the
 * matcher's snapshot (./snapshot-filter.ts).
 *
 * One regular expression over the raw text finds the anchors case-insensitively, and `wordAt` checks each hit
 * stands at a word start (Hebrew: a whole word after up to three prefix letters, ו, ה, ב...); where the text was
 * joined from the page's separate text nodes, a boundary is taken to be possible.
 *
 * What the matcher folds and a plain regular expression does not see is found by `chars`: letters that fold
 * to a Latin or Hebrew letter (é, ß, ﬁ, fullwidth and mathematical letters, Hebrew presentation forms), and
 * marks or format characters (niqqud, soft hyphens, zero-width characters) right after a Latin or Hebrew
 * letter. Around them the text is folded natively as the matcher reads words and the anchors are looked for
 * again (`forEachAnchor`): a paragraph with an accented name is not a candidate for its accents (in the saved
 * real pages, 1,189 blocks were candidates when every block with such a character was one, about 250 now; 42
 * pages of 94 have a candidate at all, against 64). Not covered, by design: a quote mark inside the first
 * letters of a word on the page where the configured word has none (O'Brien against OBrien); and a character
 * that folds more than 160 characters from the start or end of the anchor or words in a row it belongs to.
 */
import type { CandidateFilter } from './types';

/**
 * Characters the matcher folds (see the module comment). Kept in step with normalize.ts by an exhaustive test
 * over every code unit (prefilter.test.ts).
 */
export const FOLDED_CHARS =
  /[\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u1D00-\u1EFF\u2070-\u209F\u2100-\u218F\u24B6-\u24E9\u2C60-\u2C7F\uA720-\uA7FF\uFB00-\uFB4F\uFF21-\uFF3A\uFF41-\uFF5A\u{10780}-\u{107BF}\u{1D400}-\u{1D7FF}]|(?<=[A-Za-z\u05D0-\u05EA])[\p{M}\p{Cf}\u2060-\u206F\uFF9E\uFF9F]/gu;

/**
 * Hebrew prefix letters the matcher strips (ו ה ב כ ל מ ש: normalize.ts `isHebrewPrefixLetter`, which a test holds
 * this to over every code unit; the page's look does not load the matcher's folding).
 */
export const isPrefixLetter = (code: number): boolean =>
  code === 0x05d5 || code === 0x05d4 || code === 0x05d1 || code === 0x05db || code === 0x05dc || code === 0x05de || code === 0x05e9;

/**
 * Plain text, for a quick first look for `FOLDED_CHARS` (a large Unicode class with a look-behind is slow over
 * Hebrew text): ASCII, the middle dot, Greek and Cyrillic letters, Hebrew letters and punctuation, Arabic
 * letters, general punctuation and spaces (not the zero-width and bidi controls among them), CJK and kana,
 * Hangul, and astral characters from the emoji blocks on (those before them hold the letters and marks the
 * matcher folds: mathematical letters, historic scripts' marks) — so a page in another script is not a
 * candidate at every letter. Kept to few ranges on purpose: measured in Chromium, one range more than this and
 * the class ran four times slower over Hebrew text. A test checks that the look finds every code unit where
 * `foldedAt` can find something.
 */
const PLAIN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x007f],
  [0x00a0, 0x00a0],
  [0x00b7, 0x00b7],
  [0x0370, 0x0482],
  [0x05be, 0x05be],
  [0x05d0, 0x05ea],
  [0x05f0, 0x05f4],
  [0x0620, 0x064a],
  [0x2000, 0x200a],
  [0x2010, 0x2029],
  [0x202f, 0x205f],
  [0x309b, 0x9fff],
  [0xac00, 0xd7a3],
  [0xd83b, 0xdb3f],
  [0xdb41, 0xdfff],
];

/** `\uXXXX` of a code unit. */
const unit = (code: number): string => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Everything but plain text, as a class of the code units to look at rather than the negation of the plain
 * ones: Chromium's regular expressions skip ahead through text none of whose code units the class can hold,
 * but test a negated class at every one (over 1 MB of English text: none measurable against 2.7 ms).
 */
export const UNPLAIN_CHARS = /* @__PURE__ */ ((): RegExp => {
  let source = '';
  let next = 0;
  for (const [from, to] of PLAIN_RANGES) {
    if (from > next) source += from - 1 > next ? `${unit(next)}-${unit(from - 1)}` : unit(next);
    next = to + 1;
  }
  if (next <= 0xffff) source += `${unit(next)}-${unit(0xffff)}`;
  return new RegExp(`[${source}]`, 'g');
})();

const FOLDED_AT = new RegExp(FOLDED_CHARS.source, 'uy');

/**
 * A wider class for the quick look to start with over Hebrew text (`forEachAnchor`'s `wideFirst`): everything but
 * ASCII, the middle dot, Greek and Cyrillic letters, and the Hebrew block's letters, ligatures and punctuation.
 * It holds every code unit where `foldedAt` can find something (a test checks each), and Chromium finds a class of
 * so few ranges in Hebrew text several times faster than the quick look's own (1 MB: 0.7–0.9 ms against 3–4; the
 * same in Russian; slower in English with curly quotes, and it stops at every letter of Arabic or Chinese). Where
 * it stops, the quick look's own class is asked at that one place (`UNPLAIN_AT`).
 */
export const WIDE_CHARS = /[\u0080-\u00B6\u00B8-\u036F\u0483-\u05CF\u05F5-\uFFFF]/g;
const UNPLAIN_AT = new RegExp(UNPLAIN_CHARS.source, 'y');
/**
 * The wider class gives way to the quick look's own for the rest of a text after more than one stop, plus one per
 * 2^WIDE_MISS_SPACING characters, at characters the quick look passes over (dashes, quote marks, emoji, letters
 * of other scripts): a stop costs about as much as the quick look over some 50 characters.
 */
const WIDE_MISS_SPACING = 8;
/** The quick-look class last asked about, and whether it is the quick look's own (for which WIDE_CHARS may stand in). */
let knownChars: RegExp | null = null;
let knownUnplain = false;

/** Whether a character the matcher folds starts at `index` of `text` (after a letter, for a mark). */
export function foldedAt(text: string, index: number): boolean {
  FOLDED_AT.lastIndex = index;
  return FOLDED_AT.test(text);
}

const isHebrewLetter = (code: number): boolean => code >= 0x05d0 && code <= 0x05ea;
const isLatinAlnum = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);

/**
 * Whether a hit of `words` at [start, end) of `text` stands where the matcher can see a word: a Latin anchor at
 * a word start (no letter or digit right before); a Hebrew word whole, after at most three prefix letters.
 * `joinedAt(i)` tells where `text` was joined from separate pieces (the page's text nodes): a block may start
 * or end there against its neighbour's letters, so a word boundary is taken to be possible.
 */
export function wordAt(text: string, start: number, end: number, joinedAt: (index: number) => boolean): boolean {
  if (isHebrewLetter(text.charCodeAt(start))) {
    if (end < text.length && isHebrewLetter(text.charCodeAt(end)) && !joinedAt(end)) return false;
    let at = start;
    for (let prefixes = 0; at > 0 && isHebrewLetter(text.charCodeAt(at - 1)) && !joinedAt(at); prefixes++) {
      if (prefixes === 3 || !isPrefixLetter(text.charCodeAt(at - 1))) return false;
      at--;
    }
    return true;
  }
  return start === 0 || !isLatinAlnum(text.charCodeAt(start - 1)) || joinedAt(start);
}

/** Characters each side of a character the matcher folds within which the anchor or words in a row it is part of lie. */
const FOLD_CONTEXT = 160;
/** Regions around such characters are merged up to this length (a French paragraph is one region, a page several). */
const REGION_MAX = 4096;
/**
 * What the matcher drops inside words once text is decomposed: marks and format characters (soft hyphens,
 * zero-width and bidi controls; U+2065, unassigned, with the invisible operators).
 */
const DROPPED = /[\p{M}\p{Cf}\u2065]/gu;
/** Pieces a region is folded in to tell where an anchor found in it stands. */
const FOLD_PIECE = 32;

/** Text folded natively as the matcher reads words: decomposed, marks and format characters dropped, case folded. */
const foldNatively = (text: string): string => text.normalize('NFKD').replace(DROPPED, '').toUpperCase().toLowerCase();

/** The index of the last of the first `count` of `starts` (ascending) at or before `offset` (0 when none is). */
export function lastAtOrBefore(starts: ArrayLike<number>, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Calls `onAnchor(at)` for each place of `text` where the filter finds an anchor standing at a word (`wordAt`;
 * `joinedAt` as there), and where it may: first in the text as read; then, around the characters the matcher
 * folds (`chars`, `foldedAt`), in that text folded natively (NFKD, marks and format characters dropped, case
 * folded) as the matcher reads words ("Irán", "mis\u00ADsiles" and pointed Hebrew are read as "iran",
 * "missiles" and plain letters). A character that folds is no candidate of its own: an accented name in a
 * French or Portuguese paragraph does not make it one. The native fold keeps no offsets (the matcher's own
 * folding, which does, is not loaded for the look): a region that holds an anchor is folded again in pieces of
 * 32 characters, and the pieces an anchor begins and ends in a character at a time, to tell where it stands;
 * `onAnchor` is called at its first character, and again wherever it says to go on, to its last (the reader
 * marks the nodes there). `onAnchor` may return where to go on (a hit marks a whole node of the page).
 * `wideFirst`: the text is Hebrew as a rule (the page says so); the characters that fold are looked for with
 * `WIDE_CHARS` first, which finds the same.
 */
export function forEachAnchor(
  filter: CandidateFilter,
  text: string,
  joinedAt: (index: number) => boolean,
  onAnchor: (at: number) => number | void,
  wideFirst = false,
): void {
  const words = filter.words;
  words.lastIndex = 0;
  for (let hit = words.exec(text); hit !== null; hit = words.exec(text)) {
    if (!filter.wordAt(text, hit.index, hit.index + hit[0].length, joinedAt)) {
      words.lastIndex = hit.index + 1;
      continue;
    }
    const next = onAnchor(hit.index);
    if (typeof next === 'number') words.lastIndex = Math.max(words.lastIndex, next);
    // A hit of no length (a stored pattern that can match nothing, malformed) would be found again forever.
    if (words.lastIndex <= hit.index) words.lastIndex = hit.index + 1;
  }
  // Regions around the characters that fold: a hit within reach of the region before extends it.
  const chars = filter.chars;
  if (wideFirst && chars !== knownChars) {
    knownChars = chars;
    knownUnplain = chars.source === UNPLAIN_CHARS.source;
  }
  let wide = wideFirst && knownUnplain;
  let misses = 0;
  let from = -1;
  let to = -1;
  for (let next = 0; ; ) {
    let at: number;
    if (wide) {
      WIDE_CHARS.lastIndex = next;
      if (!WIDE_CHARS.test(text)) break;
      at = WIDE_CHARS.lastIndex - 1;
      next = at + 1;
      UNPLAIN_AT.lastIndex = at;
      if (!UNPLAIN_AT.test(text)) {
        // A character the quick look passes over (a dash, a quote mark, an emoji, a letter of another script):
        // where they come often, the quick look's own class looks on.
        if (++misses > 1 + (at >> WIDE_MISS_SPACING)) wide = false;
        continue;
      }
    } else {
      chars.lastIndex = next;
      const hit = chars.exec(text);
      if (hit === null) break;
      at = hit.index;
      next = Math.max(at + 1, chars.lastIndex);
    }
    if (!filter.foldedAt(text, at)) continue;
    // Those passed over (up to FOLD_CONTEXT on) have their context inside [at - FOLD_CONTEXT, at + 2 * FOLD_CONTEXT).
    const start = Math.max(0, at - FOLD_CONTEXT);
    const end = Math.min(text.length, at + 2 * FOLD_CONTEXT);
    if (from >= 0 && start <= to && to - from < REGION_MAX) to = end;
    else {
      if (from >= 0) lookFolded(filter, text, from, to, onAnchor);
      from = start;
      to = end;
    }
    next = Math.max(next, at + FOLD_CONTEXT);
  }
  if (from >= 0) lookFolded(filter, text, from, to, onAnchor);
}

/** Where text nodes meet is unknown in folded text: any place may be a boundary. */
const ANYWHERE = (): boolean => true;

/** Calls `found(start, end)` for each anchor of `folded` that may stand at a word, until it returns true. */
function anchorsIn(filter: CandidateFilter, folded: string, found: (start: number, end: number) => boolean | void): void {
  const words = filter.words;
  words.lastIndex = 0;
  for (let hit = words.exec(folded); hit !== null; hit = words.exec(folded)) {
    const end = hit.index + hit[0].length;
    if (!filter.wordAt(folded, hit.index, end, ANYWHERE)) words.lastIndex = hit.index + 1;
    else if (found(hit.index, end) === true) return;
    else if (words.lastIndex <= hit.index) words.lastIndex = hit.index + 1;
  }
}

/** `forEachAnchor`'s look at [from, to) of `text`, a region around characters the matcher folds, folded natively. */
function lookFolded(filter: CandidateFilter, text: string, from: number, to: number, onAnchor: (at: number) => number | void): void {
  let held = false;
  anchorsIn(filter, foldNatively(text.slice(from, to)), () => (held = true));
  if (!held) return;
  // Folding is done character by character, so the region folded in short pieces is the same text, with
  // the pieces' starts known: an anchor's first and last characters are found in their pieces.
  let folded = '';
  const foldedStarts: number[] = [];
  const starts: number[] = [];
  for (let at = from; at < to; ) {
    let end = Math.min(to, at + FOLD_PIECE);
    // Never between the halves of a surrogate pair.
    if (end < to && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end++;
    foldedStarts.push(folded.length);
    starts.push(at);
    folded += foldNatively(text.slice(at, end));
    at = end;
  }
  starts.push(to);
  /** The character of `text` that folded index `index` comes from (its piece folded again a character at a time). */
  const originalAt = (index: number): number => {
    const piece = lastAtOrBefore(foldedStarts, foldedStarts.length, index);
    let length = foldedStarts[piece] as number;
    const pieceEnd = starts[piece + 1] as number;
    for (let at = starts[piece] as number; at < pieceEnd; ) {
      const size = (text.charCodeAt(at) & 0xfc00) === 0xd800 ? 2 : 1;
      length += foldNatively(text.slice(at, at + size)).length;
      if (length > index) return at;
      at += size;
    }
    return pieceEnd - 1;
  };
  anchorsIn(filter, folded, (start, end) => {
    for (let at = originalAt(start), last = originalAt(end - 1); at <= last; ) {
      const next = onAnchor(at);
      at = typeof next === 'number' && next > at ? next : at + 1;
    }
  });
}

/** Whether the filter finds an anchor anywhere in `text`, read as one block (`forEachAnchor`). */
export function hasAnchor(filter: CandidateFilter, text: string): boolean {
  let found = false;
  forEachAnchor(filter, text, () => false, () => {
    found = true;
    // Nothing more to look for in the text as read.
    return text.length;
  });
  return found;
}
