/**
 * The candidate filter: a cheap, native test that rules out text the matcher cannot find anything in, so the
 * page layer reads and matches only the few blocks that may hold a finding.
 *
 * Every finding needs certain words: a claim all its significant words but `slots - needed` of them, a label its
 * opening words, a mention every word of its subject or standalone term. The filter picks, per claim, the
 * `slots - needed + 1` concepts with the best anchors (so one of them is always present), and per label and
 * mention term the most telling of the words it needs, or those words in a row when none is telling alone
 * ("Stories on X"). A concept already chosen for another pattern is preferred to any other: its hits are paid for
 * already (in the saved real pages, reusing "Grok" rather than adding "feature" and "mistake" left 37% fewer
 * paragraphs with a hit: 251 of 38,391 against 397). A Latin anchor is the part of a key that every word folding
 * to that key starts with (stemming only cuts or rewrites a word's end), at most six letters; a Hebrew anchor is
 * the whole key (Hebrew is not stemmed). One regular expression over the raw text finds the anchors
 * case-insensitively, and `wordAt` checks each hit stands at a word start (Hebrew: a whole word after up to three
 * prefix letters, ו, ה, ב...); where the text was joined from the page's separate text nodes, a boundary is taken
 * to be possible.
 *
 * What the matcher folds and a plain regular expression does not see is found by `chars`: letters that fold
 * to a Latin or Hebrew letter (é, ß, ﬁ, fullwidth and mathematical letters, Hebrew presentation forms), and
 * marks or format characters (niqqud, soft hyphens, zero-width characters) right after a Latin or Hebrew
 * letter. Around them the text is folded natively as the matcher reads words and the anchors are looked for
 * again; a region where one is found is a candidate whole (`forEachAnchor`): a paragraph with an accented name
 * is not a candidate for its accents (in the saved real pages, 1,189 blocks were candidates when every block
 * with such a character was one, about 250 now; 42 pages of 94 have a candidate at all, against 64). Not covered, by design: a quote mark inside the first letters of a
 * word on the page where the configured word has none (O'Brien against OBrien); a character that folds more
 * than 160 characters from the start or end of the anchor or words in a row it belongs to; and anchors of
 * digits (digit groups fold): a concept whose keys hold digits is never chosen as an anchor, and when a
 * pattern has no usable anchor there is no filter at all (`null`): every block is matched.
 */
import { STEM_EXTRAS, isHebrewPrefixLetter as isPrefixLetter } from './normalize';
import type { CandidateFilter } from './types';

/** The matcher's compiled tables this needs (a structural view of matcher.ts's `Compiled`). */
export interface CompiledTables {
  readonly claims: ReadonlyArray<{ readonly slots: number; readonly needed: number }>;
  readonly postStart: Int32Array;
  readonly postClaim: Int32Array;
  readonly postSlot: Int32Array;
  readonly conceptCount: number;
  readonly entryConcept: Int32Array;
  readonly entryKeyOff: Int32Array;
  readonly entryKeyLen: Int32Array;
  readonly keyPool: Uint16Array;
  readonly phrases: ReadonlyArray<{ readonly concepts: readonly number[] }>;
}

const ANCHOR_MAX = 6;
/** Shorter anchors would make most blocks of a page candidates. */
const ANCHOR_MIN = 3;

/** Extras stemming appends to a key (i, or, ter, ization, z): the shared prefix ends before them. */
const EXTRAS = STEM_EXTRAS.map((codes) => String.fromCharCode(...codes)).filter((extra) => extra.length > 0);

const LATIN = /^[a-z]+$/;
const HEBREW = /^[\u05D0-\u05EA]+$/;
/** Hebrew prefix letters the matcher strips (ו ה ב כ ל מ ש, up to three: normalize.ts `isHebrewPrefixLetter`). */
const HEBREW_PREFIXES = '[\u05D5\u05D4\u05D1\u05DB\u05DC\u05DE\u05E9]{0,3}';

/**
 * Characters the matcher folds (see the module comment). Kept in step with normalize.ts by an exhaustive test
 * over every code unit (prefilter.test.ts).
 */
export const FOLDED_CHARS =
  /[\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u1D00-\u1EFF\u2070-\u209F\u2100-\u218F\u24B6-\u24E9\u2C60-\u2C7F\uA720-\uA7FF\uFB00-\uFB4F\uFF21-\uFF3A\uFF41-\uFF5A\u{10780}-\u{107BF}\u{1D400}-\u{1D7FF}]|(?<=[A-Za-z\u05D0-\u05EA])[\p{M}\p{Cf}\u2060-\u206F\uFF9E\uFF9F]/gu;

/** Letters at the end of a Latin key that stemming may have appended (see `EXTRAS`). */
function extraLength(key: string): number {
  let cut = 0;
  for (const extra of EXTRAS) if (key.endsWith(extra)) cut = Math.max(cut, extra.length);
  return cut;
}

/** A single anchor this good (five letters, not a stopword) is telling enough on its own. */
const STRONG_SCORE = 5 * 64 - 8;
/** Phrase words matched in a row at most. */
const SEQUENCE_MAX = 4;
/** The rest of a Latin word after its stem: letters, digits, in-word quote marks. */
const LATIN_TAIL = "[a-z0-9'\u2018\u2019`\u00B4]*";
/** Between two words of a phrase: anything but letters and digits, or nothing (an element boundary). */
const SEPARATORS = '[^a-z0-9\u05D0-\u05EA]*';

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

/** The index of the last of `sorted` at or before `value` (0 when none is). */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] as number) <= value) low = mid;
    else high = mid - 1;
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
 */
export function forEachAnchor(
  filter: CandidateFilter,
  text: string,
  joinedAt: (index: number) => boolean,
  onAnchor: (at: number) => number | void,
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
  }
  // Regions around the characters that fold: a hit within reach of the region before extends it.
  const chars = filter.chars;
  chars.lastIndex = 0;
  let from = -1;
  let to = -1;
  /** Calls `found(start, end)` for each anchor of `folded` that may stand at a word. */
  const anchorsIn = (folded: string, found: (start: number, end: number) => boolean | void): void => {
    // Where text nodes meet is unknown in the folded text: any place may be a boundary.
    words.lastIndex = 0;
    for (let hit = words.exec(folded); hit !== null; hit = words.exec(folded)) {
      const end = hit.index + hit[0].length;
      if (!filter.wordAt(folded, hit.index, end, () => true)) words.lastIndex = hit.index + 1;
      else if (found(hit.index, end) === true) return;
    }
  };
  const lookFolded = (): void => {
    if (from < 0) return;
    let held = false;
    anchorsIn(foldNatively(text.slice(from, to)), () => (held = true));
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
      const piece = lastAtOrBefore(foldedStarts, index);
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
    anchorsIn(folded, (start, end) => {
      for (let at = originalAt(start), last = originalAt(end - 1); at <= last; ) {
        const next = onAnchor(at);
        at = typeof next === 'number' && next > at ? next : at + 1;
      }
    });
  };
  for (let hit = chars.exec(text); hit !== null; hit = chars.exec(text)) {
    const at = hit.index;
    if (!filter.foldedAt(text, at)) continue;
    // Those passed over (up to FOLD_CONTEXT on) have their context inside [at - FOLD_CONTEXT, at + 2 * FOLD_CONTEXT).
    const start = Math.max(0, at - FOLD_CONTEXT);
    const end = Math.min(text.length, at + 2 * FOLD_CONTEXT);
    if (from >= 0 && start <= to && to - from < REGION_MAX) to = end;
    else {
      lookFolded();
      from = start;
      to = end;
    }
    chars.lastIndex = Math.max(chars.lastIndex, at + FOLD_CONTEXT);
  }
  lookFolded();
}

interface Anchor {
  text: string;
  hebrew: boolean;
}

/**
 * The anchor of a key, or null when it cannot anchor. Latin keys: the leading letters every word folding to
 * the key starts with (a word start: no letter or digit before it). Hebrew keys are whole words (the matcher
 * does not stem Hebrew): the key itself, after up to three prefix letters, with no Hebrew letter on either side.
 */
function anchorOf(key: string): Anchor | null {
  if (HEBREW.test(key)) return key.length >= ANCHOR_MIN ? { text: key, hebrew: true } : null;
  if (!LATIN.test(key)) return null;
  const length = Math.min(key.length - extraLength(key), ANCHOR_MAX);
  return length >= ANCHOR_MIN ? { text: key.slice(0, length), hebrew: false } : null;
}

export function createCandidateFilter(
  tables: CompiledTables,
  /** How many leading words of phrase `index` every finding through it contains (0: it finds nothing alone). */
  requiredWords: (index: number) => number,
  stopKeys: ReadonlySet<string>,
): CandidateFilter | null {
  // Entries (keys) of each concept; a key's text is decoded only for the concepts asked about.
  const entriesOf: number[][] = Array.from({ length: tables.conceptCount }, () => []);
  for (let e = 0; e < tables.entryConcept.length; e++) entriesOf[tables.entryConcept[e] as number]?.push(e);
  const keyText = (e: number): string => {
    const off = tables.entryKeyOff[e] as number;
    let key = '';
    for (let i = 0; i < (tables.entryKeyLen[e] as number); i++) key += String.fromCharCode(tables.keyPool[off + i] as number);
    return key;
  };
  // A concept's anchors, and how telling they are: longer first, Hebrew whole words before Latin stems, never
  // a stopword unless nothing else is left, then fewer anchors. Worked out only for the concepts asked about.
  const memo = new Map<number, { anchors: Anchor[]; score: number } | null>();
  const anchorsFor = (concept: number): { anchors: Anchor[]; score: number } | null => {
    let entry = memo.get(concept);
    if (entry !== undefined) return entry;
    const keys = (entriesOf[concept] ?? []).map(keyText);
    const anchors = keys.map(anchorOf);
    if (anchors.length === 0 || anchors.some((anchor) => anchor === null)) entry = null;
    else {
      const usable = anchors as Anchor[];
      let shortest = ANCHOR_MAX + 1;
      for (const anchor of usable) shortest = Math.min(shortest, Math.min(anchor.text.length, ANCHOR_MAX) + (anchor.hebrew ? 1 : 0));
      const common = keys.some((key) => stopKeys.has(key));
      entry = { anchors: usable, score: (common ? 0 : shortest * 64) - keys.length };
    }
    memo.set(concept, entry);
    return entry;
  };
  /** A pattern for phrase words in a row: each word any key of its concept, separators (or none) between. */
  const sequenceOf = (concepts: readonly number[]): string | null => {
    const words: string[] = [];
    for (const concept of concepts) {
      const forms = new Set<string>();
      for (const key of (entriesOf[concept] ?? []).map(keyText)) {
        if (HEBREW.test(key)) forms.add(`${HEBREW_PREFIXES}${key}`);
        else if (LATIN.test(key)) forms.add(`${key.slice(0, key.length - extraLength(key))}${LATIN_TAIL}`);
        else return null;
      }
      if (forms.size === 0) return null;
      words.push(`(?:${[...forms].sort((a, b) => b.length - a.length).join('|')})`);
    }
    return words.join(SEPARATORS);
  };
  const usableOf = (concepts: readonly number[]): number[] => [...new Set(concepts)].filter((c) => c >= 0 && anchorsFor(c) !== null);
  const scoreOf = (concept: number): number => anchorsFor(concept)?.score ?? 0;
  const chosen = new Set<number>();
  const sequences = new Set<string>();

  // What the filter must cover. A claim: any `slots - needed + 1` of its concepts include one that is always
  // present. A phrase (label, mention term): one of the words it cannot be found without; when none of them is
  // telling on its own ("Stories on X"), the words in a row.
  interface Need {
    usable: number[];
    count: number;
    phrase?: { concepts: readonly number[]; required: number };
  }
  const needs: Need[] = [];
  const conceptsOfClaim: number[][] = tables.claims.map((claim) => new Array<number>(claim.slots).fill(-1));
  for (let c = 0; c < tables.conceptCount; c++) {
    for (let p = tables.postStart[c] as number; p < (tables.postStart[c + 1] as number); p++) {
      const slots = conceptsOfClaim[tables.postClaim[p] as number];
      if (slots !== undefined) slots[tables.postSlot[p] as number] = c;
    }
  }
  for (let k = 0; k < tables.claims.length; k++) {
    const claim = tables.claims[k] as { slots: number; needed: number };
    const need = { usable: usableOf(conceptsOfClaim[k] as number[]), count: claim.slots - claim.needed + 1 };
    if (need.usable.length < need.count) return null;
    needs.push(need);
  }
  for (let index = 0; index < tables.phrases.length; index++) {
    const phrase = tables.phrases[index] as CompiledTables['phrases'][number];
    const required = requiredWords(index);
    if (required > 0) needs.push({ usable: usableOf(phrase.concepts.slice(0, required)), count: 1, phrase: { concepts: phrase.concepts, required } });
  }
  // Every anchor costs its hits on every page: a concept already chosen covers a need at no further cost. The
  // needs with the least choice go first, so that the others can reuse what those had to take ("Grok" alone
  // covers every label that needs it).
  needs.sort((a, b) => a.usable.length - a.count - (b.usable.length - b.count));
  for (const need of needs) {
    const picked = need.usable.sort((a, b) => Number(chosen.has(b)) - Number(chosen.has(a)) || scoreOf(b) - scoreOf(a)).slice(0, need.count);
    const phrase = need.phrase;
    if (phrase === undefined) {
      for (const c of picked) chosen.add(c);
      continue;
    }
    const first = picked[0];
    if (first !== undefined && chosen.has(first)) continue;
    const strong = first !== undefined && scoreOf(first) >= STRONG_SCORE;
    const sequence = strong || phrase.required < 2 ? null : sequenceOf(phrase.concepts.slice(0, Math.min(phrase.required, SEQUENCE_MAX)));
    if (sequence !== null) sequences.add(sequence);
    else if (first !== undefined) chosen.add(first);
    else return null;
  }
  if (chosen.size === 0 && sequences.size === 0) return null;

  // An anchor implied by a shorter one is left out: a Latin stem by its own start, a Hebrew word by the
  // same word without prefix letters.
  const dedupe = (texts: string[], shorterForms: (text: string) => string[]): string[] => {
    const kept = new Set<string>();
    for (const text of [...new Set(texts)].sort((a, b) => a.length - b.length)) {
      if (!shorterForms(text).some((shorter) => kept.has(shorter))) kept.add(text);
    }
    return [...kept].sort();
  };
  const anchors = [...chosen].flatMap((c) => anchorsFor(c)?.anchors ?? []);
  const latin = dedupe(
    anchors.filter((anchor) => !anchor.hebrew).map((anchor) => anchor.text),
    (text) => Array.from({ length: Math.max(0, text.length - ANCHOR_MIN) }, (_, i) => text.slice(0, ANCHOR_MIN + i)),
  );
  const hebrew = dedupe(
    anchors.filter((anchor) => anchor.hebrew).map((anchor) => anchor.text),
    (text) => {
      const forms: string[] = [];
      for (let s = 1; s <= 3 && s < text.length && isPrefixLetter(text.charCodeAt(s - 1)); s++) forms.push(text.slice(s));
      return forms;
    },
  );
  const alternatives: string[] = [...sequences];
  // Longest first: at one place the pattern takes the first alternative that matches, and a shorter Hebrew
  // word inside a longer one (תנהגות in תנהגותה) would fail `wordAt` where the longer one stands.
  const longestFirst = (texts: string[]): string => [...texts].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
  if (latin.length > 0) alternatives.push(`(?:${longestFirst(latin)})`);
  if (hebrew.length > 0) alternatives.push(`(?:${longestFirst(hebrew)})`);
  return { words: new RegExp(alternatives.join('|'), 'gi'), wordAt, chars: new RegExp(UNPLAIN_CHARS.source, 'g'), foldedAt };
}
