/**
 * The candidate filter's anchors, chosen when the matcher is compiled (the page looks for them: ./prefilter.ts).
 *
 * Every finding needs certain words: a claim all its significant words but `slots - needed` of them, a label its
 * opening words, a mention every word of its subject or standalone term. The filter picks, per claim, the
 * `slots - needed + 1` concepts with the best anchors (so one of them is always present), and per label and
 * mention term the most telling of the words it needs, or those words in a row when none is telling alone
 * ("Stories on X"). A concept already chosen for another pattern is preferred to any other: its hits are paid for
 * already (in the saved real pages, reusing "Grok" rather than adding "feature" and "mistake" left 37% fewer
 * paragraphs with a hit: 251 of 38,391 against 397). A Latin anchor is the part of a key that every word folding
 * to that key starts with (stemming only cuts or rewrites a word's end), at most six letters; a Hebrew anchor is
 * the whole key (Hebrew is not stemmed). Digits are never anchors (digit groups fold): a concept whose keys hold
 * digits is never chosen, and when a pattern has no usable anchor there is no filter at all (`null`): every
 * block is matched.
 */
import { STEM_EXTRAS, isHebrewPrefixLetter as isPrefixLetter } from './normalize';
import { UNPLAIN_CHARS, foldedAt, wordAt } from './prefilter';
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
const LATIN_TAIL = "[a-zA-Z0-9'\u2018\u2019`\u00B4]*";
/** Between two words of a phrase: anything but letters and digits, or nothing (an element boundary). */
const SEPARATORS = '[^a-zA-Z0-9\u05D0-\u05EA]*';

/**
 * A Latin anchor in either case, each letter a class of its two cases ("grok": `[gG][rR][oO][kK]`). The pattern
 * has no `i` flag: over Hebrew text, Chromium ran it a quarter faster without (1 MB: 4.8 to 4.1 ms, a feed 5.2
 * to 3.6), the same over English. Without the `u` flag, `i` matches an ASCII letter only in its two cases (no
 * other character folds to one), so the two patterns find the same (a test holds this over every code unit).
 */
export function eitherCase(text: string): string {
  return text.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);
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
        else if (LATIN.test(key)) forms.add(`${eitherCase(key.slice(0, key.length - extraLength(key)))}${LATIN_TAIL}`);
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
  if (latin.length > 0) alternatives.push(`(?:${eitherCase(longestFirst(latin))})`);
  if (hebrew.length > 0) alternatives.push(`(?:${longestFirst(hebrew)})`);
  return { words: new RegExp(alternatives.join('|'), 'g'), wordAt, chars: new RegExp(UNPLAIN_CHARS.source, 'g'), foldedAt };
}
