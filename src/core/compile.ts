/**
 * The matcher's compiler: turns a MatcherConfig into the lookup tables matcher.ts runs over (see the comment at
 * the top of matcher.ts for how the pass uses them), and into a snapshot of those tables for storing.
 *
 * Kept apart from the runtime so that code which only restores a snapshot and matches (the content script, on
 * every page) never bundles the compiler, the stopword lists or the knowledge base's matching data.
 */
import { MAX_WORD, TRIGRAM_BITS, analyzeWords, isHebrewPrefixLetter as isPrefixLetter, scanText, stringHash, trigram as tri } from './normalize';
import {
  Compiled,
  MATCHER_SNAPSHOT_FORMAT,
  PH_IDIOM,
  PH_LABEL,
  PH_STANDALONE,
  PH_SUBJECT,
  PH_TOPIC,
  matcherOver,
  mixSlot,
  type ClaimDef,
  type CompiledFields,
  type MatcherSnapshot,
  type PhraseDef,
} from './matcher';
import { createCandidateFilter } from './anchors';
import { ENGLISH_STOPWORDS, HEBREW_STOPWORDS } from './stopwords';
import type { CandidateFilter, ClaimPattern, Lang, Matcher, MatcherConfig } from './types';

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r]! !== r) r = this.parent[r]!;
    while (this.parent[x]! !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(x: number, y: number): void {
    const a = this.find(x);
    const b = this.find(y);
    if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
  }
}

/** A claim of this many significant words (or more) may miss one of its ordinary words. */
const LONG_CLAIM_WORDS = 7;

/** Dashes, colons and bars split a headline into parts ("Adams vs. Earthquake: 50,000 Cops ..."). */
const PART_BREAK = /[:|\u2013\u2014]|\s-|-\s/u;
const HAS_DIGIT = /[0-9]/u;
const LATIN_START = /^[a-z]/u;

/**
 * Which significant words of a claim are distinctive: the words a long claim may never be missing, because a
 * text without one of them may well be about something else ("Lowe's CEO urges conservatives to shop at
 * Target" is not the Home Depot claim). Worked out from the claim text alone, with no word list:
 *  1. numbers (a word with a digit): "50,000 cops", "2024";
 *  2. names written with a capital letter: in a claim written in sentence case (at least one significant
 *     Latin word all in lower case), every capitalised word; in a Hebrew claim, every word in Latin letters
 *     (names left in their own script: "Lowe's", "Home Depot");
 *  3. where capitals tell nothing (Title Case, all caps, Hebrew), the headline's subject: the first two
 *     significant words of each of its parts (parts are split by a colon, a spaced dash, a bar or a sentence
 *     end), where a headline names who or what it is about ("Klay Thompson", "קליי תומפסון").
 * Known limit: a Hebrew or Title Case name later in a part (a place at the end) is not recognised.
 */
function distinctiveWords(
  lang: Lang,
  text: string,
  info: ReturnType<typeof analyzeWords>,
  significant: readonly boolean[],
): boolean[] {
  const n = info.keys.length;
  const key = new Array<boolean>(n).fill(false);
  const isLatin = (i: number): boolean => LATIN_START.test(info.surfaces[i]!);
  let sentenceCase = false;
  for (let i = 0; i < n; i++) if (significant[i] && isLatin(i) && info.uppers[i] === 0) sentenceCase = true;
  let inPart = 0;
  for (let i = 0; i < n; i++) {
    const newPart =
      i === 0 ||
      info.sentences[i] !== info.sentences[i - 1] ||
      PART_BREAK.test(text.slice(info.ends[i - 1]!, info.starts[i]!));
    if (newPart) inPart = 0;
    if (!significant[i]) continue;
    inPart++;
    const surface = info.surfaces[i]!;
    if (HAS_DIGIT.test(surface)) key[i] = true;
    else if (lang === 'he' && isLatin(i)) key[i] = true;
    else if (sentenceCase && isLatin(i) && (info.uppers[i]! & 1) !== 0) key[i] = true;
    else if (inPart <= 2) key[i] = true;
  }
  return key;
}

/** Compiles a (checked) config into the matcher's tables. */
function compileTables(config: MatcherConfig): CompiledFields {
  const trigrams = new Uint32Array((1 << TRIGRAM_BITS) / 32);
  const claims: ClaimDef[] = [];
  const incidents: string[] = [];
  const phrases: PhraseDef[] = [];
  const uf = new UnionFind();
  const keyId = new Map<string, number>();
  const keyOf = (key: string): number => {
    let id = keyId.get(key);
    if (id === undefined) {
      id = uf.add();
      keyId.set(key, id);
    }
    return id;
  };
  const stopKeys = new Set<string>();
  for (const w of [...ENGLISH_STOPWORDS, ...HEBREW_STOPWORDS]) for (const k of analyzeWords(w).keys) stopKeys.add(k);

  // 1. Words of every pattern (claims: significant words only; phrases: every word).
  interface ClaimWords {
    pattern: ClaimPattern;
    keys: string[];
    /** Per entry of `keys`: a distinctive word (see distinctiveWords). */
    distinctive: boolean[];
    total: number;
    sentences: number;
  }
  const claimWords: ClaimWords[] = [];
  for (const pattern of config.claims) {
    const info = analyzeWords(pattern.text);
    const { keys } = info;
    const significant = keys.map((k) => !stopKeys.has(k) && k.length <= MAX_WORD);
    const distinctive = distinctiveWords(pattern.lang, pattern.text, info, significant);
    const sig = keys.filter((_, i) => significant[i]);
    for (const k of sig) keyOf(k);
    claimWords.push({
      pattern,
      keys: sig,
      distinctive: distinctive.filter((_, i) => significant[i]),
      total: keys.length,
      sentences: keys.length === 0 ? 0 : info.sentences[keys.length - 1]! - info.sentences[0]!,
    });
  }
  interface PhraseWords {
    def: Omit<PhraseDef, 'concepts'>;
    keys: string[];
  }
  const phraseWords: PhraseWords[] = [];
  const addPhrase = (
    kind: number,
    owner: number,
    text: string,
    lang: Lang,
    matchCase: boolean,
    prefixWords: number,
  ): void => {
    const sentenceEnds: number[] = [];
    const surfaces: string[] = [];
    const keys: string[] = [];
    const uppers: number[] = [];
    // Collect words and where the label's sentences end, with the same scanner the text goes through.
    const info = analyzeWords(text);
    surfaces.push(...info.surfaces);
    keys.push(...info.keys);
    uppers.push(...info.uppers);
    let count = 0;
    scanText(text, {
      word(): void {
        count++;
      },
      sentenceEnd(): void {
        if (count > 0) sentenceEnds.push(count - 1);
      },
      blockBreak(): void {},
    });
    if (keys.length === 0 || keys.some((k) => k.length > MAX_WORD)) return;
    for (const k of keys) keyOf(k);
    phraseWords.push({
      def: {
        kind,
        owner,
        text,
        lang,
        caseSurface: surfaces.map((s, j) =>
          matchCase ? Uint16Array.from(s, (c) => c.charCodeAt(0)) : null,
        ),
        caseMask: uppers.map((u) => (matchCase ? u : 0)),
        sentenceEnd: keys.map((_, j) => sentenceEnds.includes(j)),
        prefixWords: Math.max(1, Math.min(prefixWords, keys.length)),
      },
      keys,
    });
  };
  config.labels.forEach((label, i) => {
    addPhrase(PH_LABEL, i, label.text, label.lang, false, label.prefixWords);
  });
  const mentionWindow = config.mentions.map((m) => m.window);
  const mentionLang = config.mentions.map((m) => m.lang);
  config.mentions.forEach((m, i) => {
    // Idioms first: at a word where an idiom and a topic both end, the idiom must be known before the topic.
    for (const t of m.idioms ?? []) addPhrase(PH_IDIOM, i, t.text, m.lang, t.matchCase === true, 0);
    for (const t of m.subjects) addPhrase(PH_SUBJECT, i, t.text, m.lang, t.matchCase === true, 0);
    for (const t of m.topics) addPhrase(PH_TOPIC, i, t.text, m.lang, t.matchCase === true, 0);
    for (const t of m.standalone) addPhrase(PH_STANDALONE, i, t.text, m.lang, t.matchCase === true, 0);
  });

  // 2. Lexicon groups are one word; single-word entries only (a multi-word entry cannot be one word).
  for (const group of config.lexicon) {
    const ids: number[] = [];
    for (const entry of group) {
      const { keys } = analyzeWords(entry);
      if (keys.length === 1 && keys[0]!.length <= MAX_WORD) ids.push(keyOf(keys[0]!));
    }
    for (let j = 1; j < ids.length; j++) uf.union(ids[0]!, ids[j]!);
  }
  // 3. Hebrew prefix letters on configured words: בטילים in one rendering is טילים in another ("עם
  //    טילים"), and השמש is שמש. The text side strips prefixes only down to a known word, so the
  //    configured side registers its words without their prefix letters too (remainders of three letters
  //    or more; a two-letter remainder only when it is configured anyway).
  //    Such a remainder is a guess (the מ of מספר is no prefix: ספר is "book"), so it is marked derived: a
  //    text word matches it as it stands ("טילים" for "בטילים"), never after losing prefix letters of its
  //    own, or "הספר" (the book) would be "מספר" (several) with a different letter taken off each side.
  const derived = new Set<string>();
  for (const [key, id] of [...keyId]) {
    for (let s = 1; s <= 3 && s < key.length; s++) {
      if (!isPrefixLetter(key.charCodeAt(s - 1))) break;
      const rest = key.slice(s);
      if (rest.length >= 3) {
        if (!keyId.has(rest)) derived.add(rest);
        uf.union(id, keyOf(rest));
      } else if (rest.length === 2 && keyId.has(rest)) uf.union(id, keyId.get(rest)!);
    }
  }

  // 4. Dense concept ids.
  const conceptOfRoot = new Map<number, number>();
  const conceptOf = (key: string): number => {
    const root = uf.find(keyId.get(key)!);
    let c = conceptOfRoot.get(root);
    if (c === undefined) {
      c = conceptOfRoot.size;
      conceptOfRoot.set(root, c);
    }
    return c;
  };
  const keys = [...keyId.keys()];
  const concepts = keys.map(conceptOf);
  const conceptCount = conceptOfRoot.size;

  // 5. Hash table of keys.
  let size = 1024;
  while (size < keys.length * 4) size *= 2;
  const shift = 32 - Math.log2(size);
  const table = new Int32Array(size);
  const entryHash = new Int32Array(keys.length);
  const entryConcept = new Int32Array(keys.length);
  const entryKeyOff = new Int32Array(keys.length);
  const entryKeyLen = new Int32Array(keys.length);
  const entryDerived = new Uint8Array(keys.length);
  const keyPool = new Uint16Array(keys.reduce((sum, k) => sum + k.length, 0));
  let off = 0;
  keys.forEach((key, e) => {
    for (let j = 0; j < key.length; j++) keyPool[off + j] = key.charCodeAt(j);
    const h = stringHash(key);
    const tg = tri(key.charCodeAt(0), key.length > 1 ? key.charCodeAt(1) : 0, key.length > 2 ? key.charCodeAt(2) : 0);
    trigrams[tg >>> 5]! |= 1 << (tg & 31);
    entryHash[e] = h;
    entryConcept[e] = concepts[e]!;
    entryKeyOff[e] = off;
    entryKeyLen[e] = key.length;
    entryDerived[e] = derived.has(key) ? 1 : 0;
    off += key.length;
    let slot = mixSlot(h, shift);
    while (table[slot]! !== 0) slot = (slot + 1) & (size - 1);
    table[slot] = e + 1;
  });

  // 6. Claims and their postings.
  const incidentIndex = new Map<string, number>();
  const postings: { claim: number; slot: number }[][] = Array.from({ length: conceptCount }, () => []);
  let slotTotal = 0;
  const bases: number[] = [];
  const slotKeys: number[] = [];
  for (const cw of claimWords) {
    const cs = [...new Set(cw.keys.map(conceptOf))];
    const key = cs.map((c) => cw.keys.some((k, j) => cw.distinctive[j] === true && conceptOf(k) === c));
    // One significant word would fire on any page that uses it: a claim needs two.
    if (cs.length < 2) continue;
    let inc = incidentIndex.get(cw.pattern.incident);
    if (inc === undefined) {
      inc = incidents.length;
      incidentIndex.set(cw.pattern.incident, inc);
      incidents.push(cw.pattern.incident);
    }
    const k = claims.length;
    claims.push({
      pattern: cw.pattern,
      incident: inc,
      slots: cs.length,
      needed: cs.length >= LONG_CLAIM_WORDS ? cs.length - 1 : cs.length,
      keys: key.filter(Boolean).length,
      window: cw.total + 3,
      sentences: cw.sentences,
    });
    for (const d of key) slotKeys.push(d ? 1 : 0);
    bases.push(slotTotal);
    cs.forEach((c, s) => postings[c]!.push({ claim: k, slot: s }));
    slotTotal += cs.length;
  }
  const slotCount = slotTotal;
  const slotKey = Uint8Array.from(slotKeys);
  const claimBase = Int32Array.from(bases);
  const postStart = new Int32Array(conceptCount + 1);
  const flat = postings.flat();
  const postClaim = Int32Array.from(flat, (p) => p.claim);
  const postSlot = Int32Array.from(flat, (p) => p.slot);
  let acc = 0;
  postings.forEach((list, c) => {
    postStart[c] = acc;
    acc += list.length;
  });
  postStart[conceptCount] = acc;

  // 7. Phrases, indexed by their first word.
  const phraseStarts: number[][] = Array.from({ length: conceptCount }, () => []);
  for (const pw of phraseWords) {
    const id = phrases.length;
    phrases.push({ ...pw.def, concepts: pw.keys.map(conceptOf) });
    phraseStarts[conceptOf(pw.keys[0]!)]!.push(id);
  }

  return {
    table,
    shift,
    entryHash,
    entryConcept,
    entryKeyOff,
    entryKeyLen,
    entryDerived,
    keyPool,
    trigrams,
    claims,
    incidents,
    claimBase,
    postStart,
    postClaim,
    postSlot,
    slotCount,
    slotKey,
    phrases,
    phraseStarts,
    mentionWindow,
    mentionLang,
    conceptCount,
    stopKeys,
    from: 0,
  };
}

function assertConfig(config: MatcherConfig): void {
  const fail = (what: string): never => {
    throw new TypeError(`createMatcher: ${what}`);
  };
  if (typeof config !== 'object' || config === null) fail('config must be an object');
  for (const key of ['claims', 'labels', 'mentions', 'lexicon'] as const) {
    if (!Array.isArray(config[key])) fail(`config.${key} must be an array`);
  }
  config.claims.forEach((c, i) => {
    if (typeof c?.text !== 'string' || typeof c.incident !== 'string') fail(`claims[${i}] needs text and incident strings`);
  });
  config.labels.forEach((l, i) => {
    if (typeof l?.text !== 'string' || !Number.isInteger(l.prefixWords) || l.prefixWords < 1) {
      fail(`labels[${i}] needs a text and a positive integer prefixWords`);
    }
  });
  config.mentions.forEach((m, i) => {
    const terms = [m?.subjects, m?.topics, m?.standalone, m?.idioms ?? []];
    if (!terms.every((t) => Array.isArray(t) && t.every((x) => typeof x?.text === 'string'))) {
      fail(`mentions[${i}] needs subjects, topics and standalone (and optional idioms) arrays of { text }`);
    }
    if (!Number.isInteger(m.window) || m.window < 0) fail(`mentions[${i}].window must be a non-negative integer`);
  });
  config.lexicon.forEach((g, i) => {
    if (!Array.isArray(g) || !g.every((w) => typeof w === 'string')) fail(`lexicon[${i}] must be an array of strings`);
  });
}

/**
 * How many leading words of a phrase every finding through it contains: a label's opening words, every word
 * of a subject or standalone term; none of a topic (a mention is found through its subject) or of an idiom
 * (it only rules findings out).
 */
function requiredWords(phrase: PhraseDef): number {
  if (phrase.kind === PH_TOPIC || phrase.kind === PH_IDIOM) return 0;
  if (phrase.kind === PH_LABEL) return Math.max(1, Math.min(phrase.prefixWords, phrase.concepts.length));
  return phrase.concepts.length;
}

/**
 * Compile `config` once; the returned matcher is reused for every text. Throws a TypeError naming the bad
 * entry when the config is malformed; `match` itself never throws on any string.
 */
export function createMatcher(config: MatcherConfig): Matcher {
  assertConfig(config);
  const compiled = Compiled.fromTables(compileTables(config));
  return matcherOver(compiled, candidateFilterOf(compiled));
}

/** The candidate filter of a compiled config (see prefilter.ts). */
function candidateFilterOf(compiled: Compiled): CandidateFilter | null {
  // Topic terms need a subject beside them: a mention's subject (or a standalone term) is what it needs;
  // an idiom alone finds nothing.
  return createCandidateFilter(compiled, (index) => requiredWords(compiled.phrases[index] as PhraseDef), compiled.stopKeys);
}

/**
 * Compiles `config` into a snapshot (for storing; see createMatcherFromSnapshot). Throws a TypeError for a
 * malformed config, as createMatcher does.
 */
export function compileSnapshot(config: MatcherConfig): MatcherSnapshot {
  assertConfig(config);
  const c = Compiled.fromTables(compileTables(config));
  const candidates = candidateFilterOf(c);
  return {
    format: MATCHER_SNAPSHOT_FORMAT,
    shift: c.shift,
    table: Array.from(c.table),
    entryHash: Array.from(c.entryHash),
    entryConcept: Array.from(c.entryConcept),
    entryKeyOff: Array.from(c.entryKeyOff),
    entryKeyLen: Array.from(c.entryKeyLen),
    entryDerived: Array.from(c.entryDerived),
    keyPool: Array.from(c.keyPool),
    conceptCount: c.conceptCount,
    incidents: [...c.incidents],
    claims: c.claims.map((claim) => ({
      incident: claim.incident,
      lang: claim.pattern.lang,
      text: claim.pattern.text,
      slots: claim.slots,
      needed: claim.needed,
      keys: claim.keys,
      window: claim.window,
      sentences: claim.sentences,
    })),
    postStart: Array.from(c.postStart),
    postClaim: Array.from(c.postClaim),
    postSlot: Array.from(c.postSlot),
    slotKey: Array.from(c.slotKey),
    phrases: c.phrases.map((p) => ({
      kind: p.kind,
      owner: p.owner,
      text: p.text,
      lang: p.lang,
      caseSurface: p.caseSurface.map((surface) => (surface === null ? null : Array.from(surface))),
      caseMask: [...p.caseMask],
      sentenceEnd: [...p.sentenceEnd],
      prefixWords: p.prefixWords,
      concepts: [...p.concepts],
    })),
    mentionWindow: [...c.mentionWindow],
    mentionLang: [...c.mentionLang],
    stopKeys: [...c.stopKeys],
    candidates:
      candidates === null
        ? null
        : {
            words: candidates.words.source,
            wordsFlags: candidates.words.flags,
            chars: candidates.chars.source,
            charsFlags: candidates.chars.flags,
          },
  };
}
