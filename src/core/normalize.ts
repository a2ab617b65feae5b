/**
 * Text folding for matching, done in one pass over the original string with no copy of it.
 *
 * The contract (shared with src/data): NFKC-compatible folding, case folding, Latin diacritics and Hebrew
 * niqqud/cantillation removed; zero-width characters, soft hyphens and bidi controls dropped without splitting
 * a word; apostrophes/quote marks inside a word dropped (Lowe's → lowes, צ'אט → צאט); other punctuation,
 * dashes and whitespace separate words; digit groups (50,000 / 50.000 / 50 000) become one number.
 *
 * Characters are classified through a lazily filled 64K table: the first time a code unit is seen it is
 * classified with Unicode property regexes, then every later sighting is one typed-array read. This keeps
 * start-up cheap (a content script runs on every page) and the scan loop free of regexes.
 */

/** Class of a UTF-16 code unit. Word classes are the largest values so `cls >= C_WORD` tests "word char". */
export const C_UNKNOWN = 0;
export const C_SEP = 1;
export const C_SPACE = 2;
export const C_NEWLINE = 3;
/** U+2029 PARAGRAPH SEPARATOR: always ends a block. */
export const C_PARA = 4;
/** . ! ? … and friends: end a sentence (a '.' followed by a word character does not: x.com, 3.5). */
export const C_SENT = 5;
/** Dropped without splitting a word: zero-width, soft hyphen, bidi controls, combining marks, niqqud. */
export const C_IGNORE = 6;
/** Dropped inside a word (Lowe's), a separator elsewhere. */
export const C_QUOTE = 7;
/** High surrogate: the pair is looked up as a code point (math letters fold, emoji separate). */
export const C_HIGH = 8;
/** A word character whose folding is more than one code unit (ß → ss, ﬁ → fi). */
export const C_MULTI = 9;
export const C_WORD = 10;
export const C_UPPER = 11;

/** Longest word (in folded code units) that can be vocabulary; longer words are skipped, not buffered. */
export const MAX_WORD = 64;

/** Per code unit: `class << 16 | folded code`. One read per character in the scan loop; 0 = not seen yet. */
const TBL = new Uint32Array(65536);
/** Smallest TBL value of a plain word character (C_WORD or C_UPPER). */
const WORD_MIN = C_WORD << 16;
const MULTI = new Map<number, { codes: number[]; upper: boolean }>();
const ASTRAL = new Map<number, number[] | null>();

const QUOTES = "'\u2019\u2018`\u00B4\u05F4\u05F3\"\u201C\u201D\u201B\u201E\u02BC\u02B9\u2032\u2033\uFF07\uFF02";
const SENTENCE_ENDS = '.!?\u2026\u061F\u06D4\u0589\u3002\uFF01\uFF1F\uFF0E\u203C\u2047\u2048\u2049';

const RE_SPACE = /\s/u;
const RE_MARK = /\p{M}/u;
const RE_FORMAT = /\p{Cf}/u;
const RE_WORD = /[\p{L}\p{N}]/u;
const RE_MARKS_G = /\p{M}/gu;

function isIgnorable(c: number): boolean {
  return (
    c === 0x00ad ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x061c
  );
}

/** NFKD, marks removed, then full case folding (upper-then-lower turns ß into ss and ς into σ). */
function foldString(s: string): string {
  return s.normalize('NFKD').replace(RE_MARKS_G, '').toUpperCase().toLowerCase();
}

/**
 * The classes known without Unicode regular expressions: surrogates, paragraph and line breaks, ignorable
 * controls, quote marks, sentence ends; C_UNKNOWN for every other code unit (the slow way's first steps).
 */
function markupClass(c: number): number {
  if (c >= 0xd800 && c <= 0xdbff) return C_HIGH;
  if (c >= 0xdc00 && c <= 0xdfff) return C_SEP;
  if (c === 0x2029) return C_PARA;
  if (c === 0x0a || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028) return C_NEWLINE;
  if (isIgnorable(c)) return C_IGNORE;
  const s = String.fromCharCode(c);
  if (QUOTES.includes(s)) return C_QUOTE;
  if (SENTENCE_ENDS.includes(s)) return C_SENT;
  return C_UNKNOWN;
}

/**
 * A code unit's `class << 16 | folded code`, worked out the slow way (Unicode regular expressions, NFKD); a
 * multi-unit folding is recorded in MULTI.
 */
export function slowClassValue(c: number): number {
  let k = markupClass(c);
  let fold = 0;
  if (k === C_UNKNOWN) {
    const s = String.fromCharCode(c);
    if (RE_SPACE.test(s)) k = C_SPACE;
    else if (RE_MARK.test(s) || RE_FORMAT.test(s)) k = C_IGNORE;
    else if (RE_WORD.test(s)) {
      const folded = foldString(s);
      const upper = s !== s.toLowerCase();
      if (folded.length === 1) {
        fold = folded.charCodeAt(0);
        k = upper ? C_UPPER : C_WORD;
      } else if (folded.length === 0) {
        k = C_IGNORE;
      } else {
        MULTI.set(c, { codes: Array.from(folded, (ch) => ch.charCodeAt(0)), upper });
        k = C_MULTI;
      }
    } else k = C_SEP;
  }
  return (k << 16) | fold;
}

/** Classify a code unit the slow way and remember the answer. */
function classify(c: number): number {
  const value = slowClassValue(c);
  TBL[c] = value;
  return value >>> 16;
}

/** Class of code unit `c` (one typed-array read after the first sighting). */
export function classOf(c: number): number {
  const v = TBL[c]!;
  return v === 0 ? classify(c) : v >>> 16;
}

/** Folded code of a C_WORD/C_UPPER code unit. */
export function foldOf(c: number): number {
  return TBL[c]! & 0xffff;
}

/** Folded codes of an astral code point when it is a letter/number (math alphanumerics), else null. */
function astralFold(cp: number): number[] | null {
  let r = ASTRAL.get(cp);
  if (r === undefined) {
    const s = String.fromCodePoint(cp);
    r = RE_WORD.test(s) ? Array.from(foldString(s), (ch) => ch.charCodeAt(0)) : null;
    if (r !== null && r.length === 0) r = null;
    ASTRAL.set(cp, r);
  }
  return r;
}

/** Codes of an astral word character at `i` (a high surrogate), or null when it is not one. */
function astralAt(text: string, i: number): number[] | null {
  const lo = text.charCodeAt(i + 1);
  if (!(lo >= 0xdc00 && lo <= 0xdfff)) return null;
  return astralFold(((text.charCodeAt(i) - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
}

/**
 * The class of a code unit that is no letter, digit or mark (ASCII punctuation and controls, the common
 * punctuation below), without the regular expressions: their spaces are those `\s` has.
 */
function punctuationClass(c: number): number {
  const k = markupClass(c);
  if (k !== C_UNKNOWN) return k;
  if (c === 0x09 || c === 0x0d || c === 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) return C_SPACE;
  // U+206A–U+206F: deprecated format characters.
  return c >= 0x206a && c <= 0x206f ? C_IGNORE : C_SEP;
}
// ASCII, the Hebrew letters and the common punctuation are most of the pages we read: they are classified
// eagerly, and directly. The slow way compiles Unicode regular expressions and loads the NFKD tables, which took
// 2–12 ms of every page's start in Chromium; now only a page whose matched text holds other characters pays
// that, when they first come. normalize.test.ts holds these to the slow way's answers.
for (let c = 0; c < 128; c++) {
  const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if ((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39)) TBL[c] = ((lower === c ? C_WORD : C_UPPER) << 16) | lower;
  else TBL[c] = punctuationClass(c) << 16;
}
for (let c = 0x05d0; c <= 0x05ea; c++) TBL[c] = (C_WORD << 16) | c;
// The punctuation of English and Hebrew text outside ASCII (general punctuation: dashes, quotes, spaces, the
// ellipsis; «», the no-break space, the maqaf, geresh and gershayim): none is a letter, digit or mark, so none
// needs the regular expressions either.
for (const c of [0xa0, 0xab, 0xb4, 0xb7, 0xbb, 0x05be, 0x05c0, 0x05c3, 0x05c6, 0x05f3, 0x05f4, ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i)]) {
  TBL[c] = punctuationClass(c) << 16;
}

/* ------------------------------------------------------------------------------------------------------ */
/* Word hashing (only for words that pass the matcher's cheap filter, never per character of the text).   */

export const HASH_MUL = 0x01000193;

/**
 * The scanner's word buffer: folded code units of the current word (its first MAX_WORD). Valid only inside
 * `ScanSink.word`.
 */
export const WORD_BUF = new Uint16Array(MAX_WORD);

/** Hash of WORD_BUF[from..to) followed by `extra`. */
export function bufHash(from: number, to: number, extra: ArrayLike<number>): number {
  let h = 0;
  for (let j = from; j < to; j++) h = (Math.imul(h, HASH_MUL) + WORD_BUF[j]!) | 0;
  for (let j = 0; j < extra.length; j++) h = (Math.imul(h, HASH_MUL) + extra[j]!) | 0;
  return h;
}

/** Hash of a string (the same function as bufHash over its code units). */
export function stringHash(s: string): number {
  let h = 0;
  for (let j = 0; j < s.length; j++) h = (Math.imul(h, HASH_MUL) + s.charCodeAt(j)) | 0;
  return h;
}

/* ------------------------------------------------------------------------------------------------------ */
/* The scanner.                                                                                           */

export interface ScanEvents {
  /** A sentence ended; `end` is the offset just after its closing punctuation ("?!" and "..." are one end). */
  sentenceEnd(end: number): void;
  /** A block ended (blank line or U+2029) at offset `at`. */
  blockBreak(at: number): void;
}

/** Receives every word (configuration, tests, folding). */
export interface WordSink extends ScanEvents {
  /**
   * A word spans text[start, end) (ignorables inside it included, none at its ends). Its folded form is
   * WORD_BUF[0, min(len, MAX_WORD)).
   */
  word(start: number, end: number, len: number): void;
}

/** Decides, on the word buffer, whether a word is vocabulary: returns its id or -1. */
export interface WordFilter {
  /** Bit per `trigram` that starts a vocabulary key: words without one are not looked up. */
  readonly trigrams: Uint32Array;
  lookup(len: number): number;
}

/** Receives only the words a WordFilter accepts: the matcher's hot path makes no call for other words. */
export interface HitSink extends ScanEvents {
  /** `id` is the filter's answer; `pos` is the word's index among all words of the text. */
  hit(start: number, end: number, len: number, id: number, pos: number): void;
}

/** What the scanner knows about where it is, readable by sinks during events. */
export class ScanState {
  /** Words seen so far (the current word included). */
  pos = 0;
  /** Start of the current sentence's first word; -1 until a word follows a sentence end or block break. */
  sentStart = -1;
  /** End of the last word or sentence-closing punctuation. */
  lastEnd = 0;
}

function isDigitGroupSep(c: number): boolean {
  return c === 44 || c === 46 || c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** text[j..j+3) are digits and no word character follows them ("10 100m" is two words). */
function threeDigitsAt(text: string, j: number): boolean {
  return (
    isAsciiDigit(text.charCodeAt(j)) &&
    isAsciiDigit(text.charCodeAt(j + 1)) &&
    isAsciiDigit(text.charCodeAt(j + 2)) &&
    (j + 3 >= text.length || classOf(text.charCodeAt(j + 3)) < C_MULTI)
  );
}

/**
 * May the digit-group separator at the end of WORD_BUF[0..len) join the next three digits? Only when the
 * word so far is a digit group: 1-3 digits, then groups of exactly 3 (groups are only ever joined in 3s).
 */
function digitGroupSoFar(len: number): boolean {
  if (len === 0 || len > MAX_WORD || !isAsciiDigit(WORD_BUF[0]!)) return false;
  for (let j = 1; j < len; j++) if (!isAsciiDigit(WORD_BUF[j]!)) return false;
  return true;
}

/** Index of the word character after quotes/ignorables starting at i, or -1 when there is none. */
function wordCharAfter(text: string, i: number, n: number): number {
  for (let j = i; j < n; j++) {
    const k = classOf(text.charCodeAt(j));
    if (k === C_QUOTE || k === C_IGNORE) continue;
    if (k >= C_MULTI) return j;
    if (k === C_HIGH && astralAt(text, j) !== null) return j;
    return -1;
  }
  return -1;
}

/**
 * Prefilter on a word's first three folded units (fewer for shorter words): a bit per hashed trigram.
 * stemEnd never changes them (it keeps at least three units of any word it shortens, and its replacements
 * start with the unit they replace), so a word whose trigram starts no vocabulary key is not vocabulary.
 */
export const TRIGRAM_BITS = 18;
export function trigram(c0: number, c1: number, c2: number): number {
  return Math.imul((Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b)) + c2, 0xc2b2ae35) >>> (32 - TRIGRAM_BITS);
}

function isHebrewLetterRange(c: number): boolean {
  return c >= 0x05d0 && c <= 0x05ea;
}

/**
 * Did the sentence end reported at `end` close with an ellipsis ("…", "..")? Headlines use one as a pause
 * inside a sentence ("Iran strikes Tel Aviv... with heavy missiles"), so claim matching does not treat it as
 * the end of a sentence. Reads the punctuation run backwards: called once per sentence end, never per word.
 */
export function isEllipsisEnd(text: string, end: number): boolean {
  let dots = 0;
  for (let i = end - 1; i >= 0 && end - i <= 16; i--) {
    const c = text.charCodeAt(i);
    if (classOf(c) !== C_SENT) break;
    if (c === 0x2026) return true;
    if (c === 46 && ++dots === 2) return true;
  }
  return false;
}

/**
 * Walk `text` once, reporting every word, sentence end and block break to `sink`. Linear time: every code
 * unit is read a bounded number of times (a quote's look-ahead stops at the first non-quote).
 */
export function scanText(text: string, sink: WordSink, state: ScanState = new ScanState()): void {
  scan(text, sink, null, state);
}

/** Like scanText, but only words `filter` accepts reach the sink (the matcher's one pass). */
export function scanHits(text: string, filter: WordFilter, sink: HitSink, state: ScanState): void {
  scan(text, sink, filter, state);
}

function scan(text: string, sink: WordSink | HitSink, filter: WordFilter | null, st: ScanState): void {
  const n = text.length;
  const tbl = TBL;
  const buf = WORD_BUF;
  const trigrams = filter === null ? null : filter.trigrams;
  // Scanner state lives in locals on the hot path and is written to `st` only before a sink call.
  let pos = st.pos;
  let sentStart = st.sentStart;
  let lastEnd = st.lastEnd;
  let i = 0;
  let newlines = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let v = tbl[c]!;
    let k: number;
    if (v >= WORD_MIN) k = C_WORD;
    else {
      k = v === 0 ? classify(c) : v >>> 16;
      if (k === C_SPACE || k === C_IGNORE) {
        i++;
        continue;
      }
      if (k === C_HIGH && astralAt(text, i) === null) {
        newlines = 0;
        i += 2;
        continue;
      }
    }
    if (k >= C_MULTI || k === C_HIGH) {
      // ---- one word ----
      newlines = 0;
      const start = i;
      let len = 0;
      // Digit groups are joined in threes: "50,000" and "1.000.000", but not "2024 100".
      let groupStart = -1;
      for (;;) {
        if (v >= WORD_MIN) {
          if (len < MAX_WORD) buf[len] = v & 0xffff;
          len++;
          if (++i >= n) break;
          c = text.charCodeAt(i);
          v = tbl[c]!;
          continue;
        }
        k = v === 0 ? classify(c) : v >>> 16;
        if (k >= C_WORD) {
          v = tbl[c]!; // first sighting: the table has it now
          continue;
        }
        if (k === C_IGNORE) {
          // skipped below
        } else if (k === C_QUOTE) {
          const j = wordCharAfter(text, i + 1, n);
          if (j < 0) break;
          i = j - 1;
        } else if (k === C_MULTI || k === C_HIGH) {
          const codes = k === C_MULTI ? MULTI.get(c)!.codes : astralAt(text, i);
          if (codes === null) break;
          for (let j = 0; j < codes.length; j++) {
            if (len < MAX_WORD) buf[len] = codes[j]!;
            len++;
          }
          if (k === C_HIGH) i++;
        } else if (
          (groupStart < 0 ? len <= 3 : len - groupStart === 3) &&
          isAsciiDigit(buf[0]!) &&
          isDigitGroupSep(c) &&
          threeDigitsAt(text, i + 1) &&
          digitGroupSoFar(len)
        ) {
          groupStart = len;
        } else break;
        if (++i >= n) break;
        c = text.charCodeAt(i);
        v = tbl[c]!;
      }
      // Ignorables at the end are not part of the word.
      let end = i;
      while (classOf(text.charCodeAt(end - 1)) === C_IGNORE) end--;
      pos++;
      if (sentStart < 0) sentStart = start;
      lastEnd = end;
      if (trigrams === null) {
        st.pos = pos;
        st.sentStart = sentStart;
        st.lastEnd = lastEnd;
        (sink as WordSink).word(start, end, len);
      } else if (len <= MAX_WORD) {
        const b0 = buf[0]!;
        const tg = trigram(b0, len > 1 ? buf[1]! : 0, len > 2 ? buf[2]! : 0);
        if ((trigrams[tg >>> 5]! & (1 << (tg & 31))) !== 0 || (isHebrewLetterRange(b0) && isHebrewPrefixLetter(b0))) {
          const id = filter!.lookup(len);
          if (id >= 0) {
            st.pos = pos;
            st.sentStart = sentStart;
            st.lastEnd = lastEnd;
            (sink as HitSink).hit(start, end, len, id, pos);
          }
        }
      }
      continue;
    }
    switch (k) {
      case C_NEWLINE:
        if (++newlines === 2) {
          st.pos = pos;
          st.lastEnd = lastEnd;
          sink.blockBreak(i);
          sentStart = -1;
        }
        break;
      case C_PARA:
        st.pos = pos;
        st.lastEnd = lastEnd;
        sink.blockBreak(i);
        sentStart = -1;
        newlines = 2;
        break;
      case C_SENT: {
        newlines = 0;
        // "x.com", "3.5": a full stop glued to the next word does not end a sentence.
        if (c === 46 && i + 1 < n && classOf(text.charCodeAt(i + 1)) >= C_MULTI) break;
        let j = i + 1;
        while (j < n && classOf(text.charCodeAt(j)) === C_SENT) j++;
        lastEnd = j;
        st.pos = pos;
        st.sentStart = sentStart;
        st.lastEnd = lastEnd;
        sink.sentenceEnd(j);
        sentStart = -1;
        i = j;
        continue;
      }
      default:
        newlines = 0;
    }
    i++;
  }
  st.pos = pos;
  st.sentStart = sentStart;
  st.lastEnd = lastEnd;
}

/**
 * Uppercase mask of the word at text[start, end): bit j is set when folded unit j came from an uppercase
 * letter. Computed on demand (only case-sensitive terms need it), so the scan loop does not track case.
 */
export function upperMaskAt(text: string, start: number, end: number): number {
  let mask = 0;
  let j = 0;
  for (let i = start; i < end && j < 31; i++) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === C_UPPER) mask |= 1 << j;
    if (k >= C_WORD) j++;
    else if (k === C_MULTI) {
      const m = MULTI.get(c)!;
      if (m.upper) mask |= 1 << j;
      j += m.codes.length;
    } else if (k === C_HIGH) {
      const codes = astralAt(text, i);
      if (codes !== null) {
        j += codes.length;
        i++;
      }
    }
  }
  return mask;
}

/* ------------------------------------------------------------------------------------------------------ */
/* English stemming on the word buffer, without allocating.                                               */

/** Suffixes a stem may end with after its kept prefix (index = `stemPacked & 7`). */
export const STEM_EXTRAS: readonly (readonly number[])[] = ['', 'i', 'or', 'ter', 'ization', 'z'].map((s) =>
  Array.from(s, (ch) => ch.charCodeAt(0)),
);
const X_NONE = 0;
const X_I = 1;
const X_OR = 2;
const X_TER = 3;
const X_IZATION = 4;
const X_Z = 5;


const a = 97;
const ch = (s: string): number => s.charCodeAt(0);
const [A, C, D, E, G, H, I, N, O, R, S, T, U, X, Y, Z] = 'acdeghinorstuxyz'.split('').map(ch) as [
  number, number, number, number, number, number, number, number, number, number, number, number, number, number,
  number, number,
];

function isVowel(c: number): boolean {
  return c === A || c === E || c === I || c === O || c === U;
}
function isConsonant(c: number): boolean {
  return c >= a && c <= Z && !isVowel(c);
}

/**
 * English folding of WORD_BUF-like `b[from..to)`. Returns `end << 3 | extra`: the end of the kept prefix
 * and which of STEM_EXTRAS follows it (packed, so nothing is shared across modules on the hot path).
 * Folds plural/possessive (s, es, ies, 's), tense (ed, ing), doubled consonants (grokked, travelled),
 * final e (strike/striking), y/ies, and British spellings (-our, -tre, -ise, -isation). Only ASCII letters
 * are looked at, so Hebrew and other scripts pass through unchanged. The same function folds the
 * configured words, so both sides always agree even where the result is not a real stem.
 */
export function stemEnd(b: Uint16Array, from: number, to: number): number {
  let e = to;
  let n = e - from;
  if (n < 4) return e << 3;
  // 1. plural / possessive
  if (b[e - 1] === S) {
    const p = b[e - 2]!;
    if (n >= 5 && p === E && b[e - 3] === I) {
      return ((e - 3) << 3) | X_I;
    }
    if (p === E && n >= 5) {
      const q = b[e - 3]!;
      if (q === S || q === X || q === Z || (q === H && (b[e - 4] === C || b[e - 4] === S))) e -= 2;
      else e -= 1;
    } else if (p !== S && p !== U && p !== I) e -= 1;
  } else if (n >= 5 && b[e - 1] === D && b[e - 2] === E && b[e - 3] === I) {
    return ((e - 3) << 3) | X_I;
  }
  let stripped = e !== to;
  n = e - from;
  // 2. -isation / -ization (n >= 10 keeps three units: the matcher's trigram filter relies on it)
  if (
    n >= 10 &&
    b[e - 1] === N &&
    b[e - 2] === O &&
    b[e - 3] === I &&
    b[e - 4] === T &&
    b[e - 5] === A &&
    b[e - 6] === S &&
    b[e - 7] === I
  ) {
    return ((e - 7) << 3) | X_IZATION;
  }
  // 3. tense
  if (n >= 5 && b[e - 1] === D && b[e - 2] === E) {
    if (b[e - 3] === E) e -= 1;
    else {
      e -= 2;
      stripped = true;
    }
  } else if (n >= 6 && b[e - 1] === G && b[e - 2] === N && b[e - 3] === I) {
    e -= 3;
    stripped = true;
  }
  n = e - from;
  // 4. -our → -or (behaviour), 5. -tre → -ter (centre)
  if (n >= 6 && b[e - 1] === R && b[e - 2] === U && b[e - 3] === O) {
    return ((e - 3) << 3) | X_OR;
  }
  if (n >= 5 && b[e - 1] === E && b[e - 2] === R && b[e - 3] === T) {
    return ((e - 3) << 3) | X_TER;
  }
  // 6. doubled final consonant (grokked, travelled/traveled, miss/missed)
  if (n >= 4 && b[e - 1] === b[e - 2] && isConsonant(b[e - 1]!)) {
    e -= 1;
    n -= 1;
  }
  // 7. final e (strike/striking)
  if (n >= 4 && b[e - 1] === E && b[e - 2] !== E) {
    e -= 1;
    n -= 1;
    stripped = true;
  }
  // 8. -ise → -ize (only after a suffix came off, so "this" and "analysis" stay)
  if (stripped && n >= 5 && b[e - 1] === S && b[e - 2] === I) {
    return ((e - 1) << 3) | X_Z;
  }
  // 9. consonant + y → i (heavy/heavies)
  if (n >= 4 && b[e - 1] === Y && isConsonant(b[e - 2]!)) {
    return ((e - 1) << 3) | X_I;
  }
  return e << 3;
}

/* ------------------------------------------------------------------------------------------------------ */
/* Convenience functions on strings (configuration, tests, data checks): not on the hot path.            */

class CollectSink implements WordSink {
  readonly surfaces: string[] = [];
  readonly keys: string[] = [];
  readonly uppers: number[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Per word: how many sentence ends (ellipses excluded, see isEllipsisEnd) came before it. */
  readonly sentences: number[] = [];
  private sentenceCount = 0;
  constructor(private readonly text: string) {}
  word(start: number, end: number, len: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.sentences.push(this.sentenceCount);
    const l = Math.min(len, MAX_WORD);
    this.surfaces.push(String.fromCharCode(...WORD_BUF.subarray(0, l)));
    const packed = stemEnd(WORD_BUF, 0, l);
    this.keys.push(String.fromCharCode(...WORD_BUF.subarray(0, packed >>> 3), ...STEM_EXTRAS[packed & 7]!));
    this.uppers.push(upperMaskAt(this.text, start, end));
  }
  sentenceEnd(end: number): void {
    if (!isEllipsisEnd(this.text, end)) this.sentenceCount++;
  }
  blockBreak(): void {}
}

/** The folded words of `text` (lowercase, no diacritics/niqqud/ignorables/in-word quotes), in order. */
export function normalizeWords(text: string): string[] {
  const sink = new CollectSink(text);
  scanText(text, sink);
  return sink.surfaces;
}

/** Folded, stemmed words: the keys the matcher compares (strikes/striking → strik, behaviour → behavior). */
export function wordKeys(text: string): string[] {
  const sink = new CollectSink(text);
  scanText(text, sink);
  return sink.keys;
}

/** @internal Words with their case masks, offsets and sentence numbers, for compiling configured terms. */
export function analyzeWords(text: string): {
  surfaces: string[];
  keys: string[];
  uppers: number[];
  starts: number[];
  ends: number[];
  sentences: number[];
} {
  const sink = new CollectSink(text);
  scanText(text, sink);
  return sink;
}

export interface FoldedText {
  /** The folded text: words folded, ignorables/in-word quotes/digit-group separators dropped. */
  text: string;
  /**
   * `map[j]` is the offset in the original of folded code unit j (`map[folded.length]` = original length).
   * Null when folding kept every offset (the fast path): then offsets are the same in both.
   */
  map: Int32Array | null;
}

/** Fast path: fold code unit by code unit while nothing is dropped or expanded; null when that fails. */
function foldSimple(text: string): string | null {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k >= C_WORD) {
      out[i] = TBL[c]! & 0xffff;
      continue;
    }
    if (k === C_IGNORE || k === C_QUOTE || k === C_MULTI || k === C_HIGH) return null;
    if (isDigitGroupSep(c) && i > 0 && isAsciiDigit(text.charCodeAt(i - 1)) && threeDigitsAt(text, i + 1)) return null;
    out[i] = c;
  }
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...out.subarray(i, Math.min(n, i + 8192)));
  return s;
}

/**
 * Fold `text` per the contract, keeping separators as they are, with a map from folded offsets back to
 * the original (pure string work, like a quote anchor's normalisation).
 */
export function foldText(text: string): FoldedText {
  const simple = foldSimple(text);
  if (simple !== null) return { text: simple, map: null };
  const out: number[] = [];
  const map: number[] = [];
  let gapFrom = 0;
  const pushGap = (to: number): void => {
    for (let j = gapFrom; j < to; j++) {
      const c = text.charCodeAt(j);
      if (classOf(c) === C_IGNORE) continue;
      out.push(c);
      map.push(j);
    }
  };
  scanText(text, {
    word(start: number, end: number): void {
      pushGap(start);
      for (let j = start; j < end; j++) {
        const c = text.charCodeAt(j);
        const k = classOf(c);
        if (k >= C_WORD) {
          out.push(TBL[c]! & 0xffff);
          map.push(j);
        } else if (k === C_MULTI) {
          for (const f of MULTI.get(c)!.codes) {
            out.push(f);
            map.push(j);
          }
        } else if (k === C_HIGH) {
          const codes = astralAt(text, j);
          if (codes !== null) {
            for (const f of codes) {
              out.push(f);
              map.push(j);
            }
            j++;
          }
        }
        // ignorables, in-word quotes and digit-group separators are dropped
      }
      gapFrom = end;
    },
    sentenceEnd(): void {},
    blockBreak(): void {},
  });
  pushGap(text.length);
  map.push(text.length);
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.slice(i, i + 8192));
  return { text: s, map: Int32Array.from(map) };
}

/** Original offset of folded offset `j`. */
export function toOriginalOffset(folded: FoldedText, j: number): number {
  return folded.map === null ? j : folded.map[Math.max(0, Math.min(j, folded.map.length - 1))]!;
}

/* ------------------------------------------------------------------------------------------------------ */
/* Hebrew prefix letters: ו ה ב כ ל מ ש.                                                                   */

export function isHebrewPrefixLetter(c: number): boolean {
  return c === 0x05d5 || c === 0x05d4 || c === 0x05d1 || c === 0x05db || c === 0x05dc || c === 0x05de || c === 0x05e9;
}
