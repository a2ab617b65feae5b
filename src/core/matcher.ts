/**
 * The matcher: runs over the lookup tables compile.ts makes from a MatcherConfig (or that a snapshot of them
 * restores) and finds claims, labels and mentions in ONE linear pass over the words of a text (the
 * claim-matching contract in the project notes).
 *
 * How the pass stays cheap:
 * - The scanner (normalize.ts) folds each word into a reused buffer. A bitset of the vocabulary's first three
 *   letters rejects almost every other word with one read; a candidate gets a stem computed on the buffer,
 *   one hash probe and a compare. No string is allocated for any word, and no call is made for non-vocabulary
 *   words.
 * - Claims: each vocabulary word updates its slot in the claims that contain it (postings), then checks only
 *   those claims' few slots: work is proportional to hits, never to claims x text.
 * - Labels and mention terms are phrases matched by a small set of live partial matches that every hit
 *   advances or ends; a gap in word positions (a word outside the vocabulary) ends them all.
 * No regex touches the text.
 *
 * This module is the runtime only (restore a snapshot, match): the compiler lives in compile.ts, so the
 * content script, which only restores snapshots, does not bundle it.
 */
import {
  C_SENT,
  STEM_EXTRAS,
  WORD_BUF,
  bufHash,
  classOf,
  C_MULTI,
  isEllipsisEnd,
  isHebrewPrefixLetter,
  ScanState,
  TRIGRAM_BITS,
  scanHits,
  stemEnd,
  trigram,
  upperMaskAt,
  type HitSink,
  type WordFilter,
} from './normalize';
import { MATCHER_SNAPSHOT_FORMAT, snapshotCandidates } from './snapshot-filter';
import { unpackSnapshot } from './snapshot-pack';
import type {
  CandidateFilter,
  ClaimPattern,
  Finding,
  FindingKind,
  Lang,
  MatchOptions,
  MatchRule,
  Matcher,
} from './types';


// Local aliases of hot-path imports: when the module is run unbundled as CommonJS (tests, the Node scan
// command), every access to an imported binding is a getter call; a local const is read once.
const buf = WORD_BUF;
const extras = STEM_EXTRAS;
const stem = stemEnd;
const hashOf = bufHash;
const isPrefixLetter = isHebrewPrefixLetter;
const isEllipsis = isEllipsisEnd;
const classAt = classOf;
const upperMask = upperMaskAt;
const tri = trigram;

/** A mention finding is cut to this many characters around its match. */
export const MENTION_SPAN_MAX = 300;

/** Position jump at a block break: larger than any window or phrase, so nothing matches across blocks. */
const BLOCK_GAP = 1 << 16;

/** Phrase kinds (PhraseDef.kind). */
export const PH_LABEL = 0;
export const PH_SUBJECT = 1;
export const PH_TOPIC = 2;
export const PH_STANDALONE = 3;
export const PH_IDIOM = 4;

/** Live partial phrase matches are capped; more than this at one word only happens on adversarial text. */
const MAX_ACTIVE = 256;

/** The vocabulary table's slot for a hash (compile.ts fills the table with it, the lookup probes with it). */
export function mixSlot(h: number, shift: number): number {
  return Math.imul(h, 0x9e3779b1) >>> shift;
}

export interface PhraseDef {
  kind: number;
  /** Label index, or mention-pattern index. */
  owner: number;
  text: string;
  lang: Lang;
  concepts: number[];
  /** Per word: the folded surface a matchCase word must have (or that plus "s"), else null. */
  caseSurface: (Uint16Array | null)[];
  caseMask: number[];
  /** Labels: word j ends one of the label's sentences. */
  sentenceEnd: boolean[];
  prefixWords: number;
}

export interface ClaimDef {
  pattern: ClaimPattern;
  incident: number;
  slots: number;
  /** Words (slots) that must be found: all of them, or all but one for a long claim (LONG_CLAIM_WORDS). */
  needed: number;
  /** Distinctive words (see compile.ts distinctiveWords): each must be found, whatever `needed` allows. */
  keys: number;
  window: number;
  /** Sentence ends the claim's own text has between its words: a finding may span this many, no more. */
  sentences: number;
}

/** Every field of a Compiled (its tables, and the lookup's scratch `from`). */
export type CompiledFields = {
  -readonly [K in keyof Compiled as Compiled[K] extends (...args: never[]) => unknown ? never : K]: Compiled[K];
};

/**
 * The compiled form of a MatcherConfig (made by compile.ts, or rebuilt from a snapshot): its tables and the
 * lookup over them. Immutable once made; one per config.
 */
export class Compiled implements WordFilter {
  // vocabulary hash table
  declare readonly table: Int32Array;
  declare readonly shift: number;
  declare readonly entryHash: Int32Array;
  declare readonly entryConcept: Int32Array;
  declare readonly entryKeyOff: Int32Array;
  declare readonly entryKeyLen: Int32Array;
  /** 1 for a key that exists only as a configured word without its prefix letters (compile.ts, step 3). */
  declare readonly entryDerived: Uint8Array;
  declare readonly keyPool: Uint16Array;
  /** Bit per trigram (see `trigram`) that starts some key. */
  declare readonly trigrams: Uint32Array;
  // claims
  declare readonly claims: ClaimDef[];
  declare readonly incidents: string[];
  declare readonly claimBase: Int32Array;
  declare readonly postStart: Int32Array;
  declare readonly postClaim: Int32Array;
  declare readonly postSlot: Int32Array;
  declare readonly slotCount: number;
  /** Per claim slot: 1 when the slot's word is distinctive. */
  declare readonly slotKey: Uint8Array;
  // phrases
  declare readonly phrases: PhraseDef[];
  declare readonly phraseStarts: number[][];
  declare readonly mentionWindow: number[];
  declare readonly mentionLang: Lang[];
  declare readonly conceptCount: number;
  /** Keys of stopwords (never significant in a claim; poor anchors for the candidate filter). */
  declare readonly stopKeys: Set<string>;
  /** How many Hebrew prefix letters the last successful lookup stripped. */
  declare from: number;

  /**
   * A Compiled from its tables: compiled by compile.ts, or a snapshot's (checked by `tablesOf`); no compile runs,
   * and nothing is changed after this.
   */
  static fromTables(tables: CompiledFields): Compiled {
    return Object.assign(Object.create(Compiled.prototype) as Compiled, tables);
  }

  /** Concept of the word in buf[0..len), or -1 (WordFilter). */
  lookup(len: number): number {
    this.from = 0;
    const concept = this.lookupAt(0, len);
    if (concept >= 0 || len < 3 || !isPrefixLetter(buf[0]!)) return concept;
    // Hebrew prefix letters (ו ה ב כ ל מ ש, up to three) come off only when the rest is a known word.
    for (let s = 1; s <= 3 && len - s >= 2; s++) {
      if (!isPrefixLetter(buf[s - 1]!)) break;
      const r = this.lookupAt(s, len);
      if (r >= 0) {
        this.from = s;
        return r;
      }
    }
    return -1;
  }

  /** Concept of buf[from..to) after stemming, or -1. */
  lookupAt(from: number, to: number): number {
    const n = to - from;
    const tg = tri(buf[from]!, n > 1 ? buf[from + 1]! : 0, n > 2 ? buf[from + 2]! : 0);
    if ((this.trigrams[tg >>> 5]! & (1 << (tg & 31))) === 0) return -1;
    const packed = stem(buf, from, to);
    const L = packed >>> 3;
    const extra = extras[packed & 7]!;
    const h = hashOf(from, L, extra);
    const table = this.table;
    const mask = table.length - 1;
    let slot = mixSlot(h, this.shift);
    for (;;) {
      const e1 = table[slot]!;
      if (e1 === 0) return -1;
      const e = e1 - 1;
      if (this.entryHash[e]! === h && this.keyEquals(e, from, L, extra)) {
        // Prefix letters came off the text word: a derived key would take letters off both sides (compile.ts, step 3).
        return from > 0 && this.entryDerived[e]! !== 0 ? -1 : this.entryConcept[e]!;
      }
      slot = (slot + 1) & mask;
    }
  }

  private keyEquals(e: number, from: number, L: number, extra: readonly number[]): boolean {
    const klen = this.entryKeyLen[e]!;
    const plen = L - from;
    if (klen !== plen + extra.length) return false;
    const off = this.entryKeyOff[e]!;
    const pool = this.keyPool;
    for (let j = 0; j < plen; j++) if (pool[off + j]! !== buf[from + j]!) return false;
    for (let j = 0; j < extra.length; j++) if (pool[off + plen + j]! !== extra[j]!) return false;
    return true;
  }
}

/** State of one `match` call; it receives the scanner's vocabulary hits. */
class Run implements HitSink {
  findings: Finding[] = [];
  readonly state = new ScanState();
  /** Added to the scanner's word positions: grows by BLOCK_GAP at each block break. */
  private gap = 0;
  private lastHitPos = -1;
  private sentId = 0;
  // the current sentence's mention (one finding per sentence)
  private mention = -1;
  private mentionSentStart = 0;
  private mentionStart = 0;
  private mentionEnd = 0;
  private mentionVariant = '';
  // claims
  private readonly slotPos: Float64Array;
  private readonly slotStart: Int32Array;
  /** Per slot: the sentence (claimSentence) its last occurrence is in. */
  private readonly slotSentence: Int32Array;
  /** Sentence ends so far, ellipses excluded: claims count sentences by it. */
  private claimSentence = 0;
  private readonly curHas: Uint8Array;
  private readonly curFound: Int32Array;
  private readonly curStart: Int32Array;
  private readonly curEnd: Int32Array;
  private readonly curScore: Float64Array;
  private readonly curClaim: Int32Array;
  // live phrase matches
  private nAct = 0;
  private readonly actPhrase = new Int32Array(MAX_ACTIVE);
  private readonly actNext = new Int32Array(MAX_ACTIVE);
  private readonly actStart = new Int32Array(MAX_ACTIVE);
  private readonly actStartPos = new Float64Array(MAX_ACTIVE);
  private readonly actEnd = new Int32Array(MAX_ACTIVE);
  /** Labels matched in full wait for their block's end. */
  private readonly pendingLabels: { phrase: number; start: number }[] = [];
  // mentions: last subject/topic per mention pattern
  private readonly subjSent: Float64Array;
  private readonly subjEndPos: Float64Array;
  private readonly subjStart: Int32Array;
  private readonly subjPhrase: Int32Array;
  /** Word positions of the last idiom per mention pattern (a topic inside one does not count). */
  private readonly idiomStartPos: Float64Array;
  private readonly idiomEndPos: Float64Array;
  private readonly topicSent: Float64Array;
  private readonly topicEndPos: Float64Array;
  private readonly topicStart: Int32Array;
  private readonly topicPhrase: Int32Array;

  private text = '';
  private doClaims = true;
  private doSummary = true;

  constructor(private readonly c: Compiled) {
    this.slotPos = new Float64Array(c.slotCount);
    this.slotStart = new Int32Array(c.slotCount);
    this.slotSentence = new Int32Array(c.slotCount);
    const ni = c.incidents.length;
    this.curHas = new Uint8Array(ni);
    this.curFound = new Int32Array(ni);
    this.curStart = new Int32Array(ni);
    this.curEnd = new Int32Array(ni);
    this.curScore = new Float64Array(ni);
    this.curClaim = new Int32Array(ni);
    const nm = c.mentionWindow.length;
    this.subjSent = new Float64Array(nm);
    this.subjEndPos = new Float64Array(nm);
    this.subjStart = new Int32Array(nm);
    this.subjPhrase = new Int32Array(nm);
    this.idiomStartPos = new Float64Array(nm);
    this.idiomEndPos = new Float64Array(nm);
    this.topicSent = new Float64Array(nm);
    this.topicEndPos = new Float64Array(nm);
    this.topicStart = new Int32Array(nm);
    this.topicPhrase = new Int32Array(nm);
  }

  /** Start a new text: one Run serves every `match` call of its matcher, so small texts allocate little. */
  reset(text: string, doClaims: boolean, doSummary: boolean): void {
    this.text = text;
    this.doClaims = doClaims;
    this.doSummary = doSummary;
    this.findings = [];
    this.state.pos = 0;
    this.state.sentStart = -1;
    this.state.lastEnd = 0;
    this.gap = 0;
    this.lastHitPos = -1;
    this.sentId = 0;
    this.claimSentence = 0;
    this.mention = -1;
    this.nAct = 0;
    this.pendingLabels.length = 0;
    this.slotPos.fill(-Infinity);
    this.curHas.fill(0);
    this.subjSent.fill(-1);
    this.topicSent.fill(-1);
    this.idiomEndPos.fill(-1);
  }

  /* ---- scanner events ---- */

  hit(start: number, end: number, len: number, concept: number, scanPos: number): void {
    const pos = scanPos + this.gap;
    if (this.doClaims) {
      const c = this.c;
      const p0 = c.postStart[concept]!;
      const p1 = c.postStart[concept + 1]!;
      for (let p = p0; p < p1; p++) this.claimWord(c.postClaim[p]!, c.postSlot[p]!, pos, start, end);
    }
    if (this.doSummary) {
      // Phrases are contiguous: a word outside the vocabulary since the last hit ended them.
      if (this.nAct !== 0 && pos !== this.lastHitPos + 1) this.endAllPhrases();
      this.phraseWord(concept, start, end, pos, len);
    }
    this.lastHitPos = pos;
  }

  sentenceEnd(end: number): void {
    if (this.mention >= 0) this.emitMention(end);
    this.sentId++;
    if (!isEllipsis(this.text, end)) this.claimSentence++;
  }

  blockBreak(): void {
    this.endBlock();
  }

  finish(): void {
    this.endBlock();
    if (this.doClaims) for (let i = 0; i < this.curHas.length; i++) if (this.curHas[i]) this.emitClaim(i);
  }

  private endBlock(): void {
    this.gap += BLOCK_GAP;
    if (this.nAct !== 0) this.endAllPhrases();
    if (this.mention >= 0) this.emitMention(this.state.lastEnd);
    this.sentId++;
    const labels = this.pendingLabels;
    for (const p of labels) this.emitLabel(p.phrase, p.start, this.state.lastEnd);
    labels.length = 0;
  }

  /* ---- claims ---- */

  /**
   * A word of claim `k` at `pos`. Each slot holds its word's latest occurrence, so the words found in the
   * window ending here span the tightest window that ends at this word. A slot counts only inside the claim's
   * window and, for a claim written as one sentence, inside the current sentence: a word of the previous
   * sentence never starts a finding.
   */
  private claimWord(k: number, slot: number, pos: number, start: number, end: number): void {
    const c = this.c;
    const claim = c.claims[k]!;
    const base = c.claimBase[k]!;
    const slotPos = this.slotPos;
    const slotStart = this.slotStart;
    const slotSentence = this.slotSentence;
    const slotKey = c.slotKey;
    slotPos[base + slot] = pos;
    slotStart[base + slot] = start;
    slotSentence[base + slot] = this.claimSentence;
    const minPos = pos - claim.window + 1;
    const minSentence = this.claimSentence - claim.sentences;
    let found = 0;
    let keys = 0;
    let first = start;
    for (let q = base, qe = base + claim.slots; q < qe; q++) {
      if (slotPos[q]! >= minPos && slotSentence[q]! >= minSentence) {
        found++;
        keys += slotKey[q]!;
        if (slotStart[q]! < first) first = slotStart[q]!;
      }
    }
    if (found < claim.needed || keys < claim.keys) return;
    const score = found / claim.slots;
    const inc = claim.incident;
    if (this.curHas[inc]) {
      if (first < this.curEnd[inc]!) {
        // Overlapping matches of one incident: the better explained (higher share, then more words found),
        // then the tighter span.
        const cs = this.curScore[inc]!;
        const cf = this.curFound[inc]!;
        if (
          score > cs ||
          (score === cs &&
            (found > cf || (found === cf && end - first < this.curEnd[inc]! - this.curStart[inc]!)))
        ) {
          this.setCandidate(inc, k, first, end, score, found);
        }
        return;
      }
      this.emitClaim(inc);
    }
    this.setCandidate(inc, k, first, end, score, found);
  }

  private setCandidate(inc: number, k: number, start: number, end: number, score: number, found: number): void {
    this.curHas[inc] = 1;
    this.curClaim[inc] = k;
    this.curStart[inc] = start;
    this.curEnd[inc] = end;
    this.curScore[inc] = score;
    this.curFound[inc] = found;
  }

  private emitClaim(inc: number): void {
    this.curHas[inc] = 0;
    const claim = this.c.claims[this.curClaim[inc]!]!;
    const start = this.curStart[inc]!;
    const end = this.curEnd[inc]!;
    this.findings.push({
      kind: 'fabricated-headline',
      incident: claim.pattern.incident,
      start,
      end,
      text: this.text.slice(start, end),
      why: { rule: 'claim', variant: claim.pattern.text, score: this.curScore[inc]!, lang: claim.pattern.lang },
    });
  }

  /* ---- phrases: labels and mention terms ---- */

  private caseOk(ph: number, j: number, start: number, end: number, len: number): boolean {
    const def = this.c.phrases[ph]!;
    const surface = def.caseSurface[j];
    if (surface === null || surface === undefined) return true;
    const from = this.c.from;
    const wlen = len - from;
    const slen = surface.length;
    // The term itself, or its possessive with the apostrophe dropped (Grok's → groks); not grokked/grokking.
    if (wlen !== slen && !(wlen === slen + 1 && buf[len - 1] === 115)) return false;
    for (let j2 = 0; j2 < slen; j2++) if (buf[from + j2]! !== surface[j2]!) return false;
    const mask = def.caseMask[j]!;
    return ((upperMask(this.text, start, end) >>> from) & mask) === mask;
  }

  private phraseWord(concept: number, start: number, end: number, pos: number, len: number): void {
    const phrases = this.c.phrases;
    let w = 0;
    for (let r = 0; r < this.nAct; r++) {
      const ph = this.actPhrase[r]!;
      const def = phrases[ph]!;
      let j = this.actNext[r]!;
      if (def.concepts[j] === concept && this.caseOk(ph, j, start, end, len)) {
        this.actEnd[r] = def.sentenceEnd[j] ? this.withClosingPunctuation(end) : end;
        j++;
        if (j === def.concepts.length) {
          this.completePhrase(ph, this.actStart[r]!, this.actEnd[r]!, this.actStartPos[r]!, pos, true);
          continue;
        }
        this.actNext[r] = j;
        if (w !== r) this.moveActive(r, w);
        w++;
      } else {
        this.endPhrase(r);
      }
    }
    this.nAct = w;
    const starts = this.c.phraseStarts[concept]!;
    for (let s = 0; s < starts.length; s++) {
      const ph = starts[s]!;
      if (!this.caseOk(ph, 0, start, end, len)) continue;
      const def = phrases[ph]!;
      const e = def.sentenceEnd[0] ? this.withClosingPunctuation(end) : end;
      if (def.concepts.length === 1) {
        this.completePhrase(ph, start, e, pos, pos, true);
        continue;
      }
      if (this.nAct === MAX_ACTIVE) continue;
      const r = this.nAct++;
      this.actPhrase[r] = ph;
      this.actNext[r] = 1;
      this.actStart[r] = start;
      this.actStartPos[r] = pos;
      this.actEnd[r] = e;
    }
  }

  private moveActive(from: number, to: number): void {
    this.actPhrase[to] = this.actPhrase[from]!;
    this.actNext[to] = this.actNext[from]!;
    this.actStart[to] = this.actStart[from]!;
    this.actStartPos[to] = this.actStartPos[from]!;
    this.actEnd[to] = this.actEnd[from]!;
  }

  /** A partial match stopped: a label whose prefix was found is still a finding. */
  private endPhrase(r: number): void {
    const ph = this.actPhrase[r]!;
    const def = this.c.phrases[ph]!;
    if (def.kind === PH_LABEL && this.actNext[r]! >= def.prefixWords) {
      this.completePhrase(ph, this.actStart[r]!, this.actEnd[r]!, this.actStartPos[r]!, this.lastHitPos, false);
    }
  }

  private endAllPhrases(): void {
    for (let r = 0; r < this.nAct; r++) this.endPhrase(r);
    this.nAct = 0;
  }

  private withClosingPunctuation(end: number): number {
    const text = this.text;
    let e = end;
    while (e < text.length && e - end < 4 && classAt(text.charCodeAt(e)) === C_SENT) e++;
    return e;
  }

  private completePhrase(ph: number, start: number, end: number, startPos: number, endPos: number, full: boolean): void {
    const def = this.c.phrases[ph]!;
    const m = def.owner;
    const c = this.c;
    switch (def.kind) {
      case PH_LABEL:
        // The whole label: the finding runs to the end of its block (the story it labels).
        if (full) this.pendingLabels.push({ phrase: ph, start });
        else this.emitLabel(ph, start, end);
        return;
      case PH_STANDALONE:
        this.recordMention(start, end, def.text, m);
        return;
      case PH_SUBJECT:
        if (this.topicSent[m] === this.sentId && startPos - this.topicEndPos[m]! <= c.mentionWindow[m]!) {
          const topic = c.phrases[this.topicPhrase[m]!]!.text;
          this.recordMention(Math.min(start, this.topicStart[m]!), end, `${def.text} + ${topic}`, m);
        }
        this.subjSent[m] = this.sentId;
        this.subjEndPos[m] = endPos;
        this.subjStart[m] = start;
        this.subjPhrase[m] = ph;
        return;
      case PH_IDIOM:
        this.idiomStartPos[m] = startPos;
        this.idiomEndPos[m] = endPos;
        return;
      case PH_TOPIC:
        // "Grok makes headlines again": the topic word is part of an idiom that means something else.
        if (this.idiomEndPos[m] === endPos && this.idiomStartPos[m]! <= startPos) return;
        if (this.subjSent[m] === this.sentId && startPos - this.subjEndPos[m]! <= c.mentionWindow[m]!) {
          const subject = c.phrases[this.subjPhrase[m]!]!.text;
          this.recordMention(Math.min(start, this.subjStart[m]!), end, `${subject} + ${def.text}`, m);
        }
        this.topicSent[m] = this.sentId;
        this.topicEndPos[m] = endPos;
        this.topicStart[m] = start;
        this.topicPhrase[m] = ph;
        return;
    }
  }

  private emitLabel(ph: number, start: number, end: number): void {
    const def = this.c.phrases[ph]!;
    if (end <= start) return;
    this.findings.push({
      kind: 'grok-summary',
      start,
      end,
      text: this.text.slice(start, end),
      why: { rule: 'label', variant: def.text, score: 1, lang: def.lang },
    });
  }

  /* ---- mentions: one finding per sentence ---- */

  private recordMention(start: number, end: number, variant: string, mention: number): void {
    if (this.mention >= 0) return;
    this.mention = mention;
    const ss = this.state.sentStart;
    this.mentionSentStart = ss >= 0 && ss < start ? ss : start;
    this.mentionStart = start;
    this.mentionEnd = end;
    this.mentionVariant = variant;
  }

  /** Emit the current sentence's mention: the sentence, cut to MENTION_SPAN_MAX around the match. */
  private emitMention(sentenceEnd: number): void {
    const text = this.text;
    const ms = this.mentionStart;
    const me = this.mentionEnd;
    let start = this.mentionSentStart;
    let end = Math.max(sentenceEnd, me);
    if (end - start > MENTION_SPAN_MAX) {
      const room = Math.max(0, MENTION_SPAN_MAX - (me - ms));
      let s = Math.max(start, ms - (room >> 1));
      const e0 = Math.min(end, s + Math.max(MENTION_SPAN_MAX, me - ms));
      s = Math.max(start, Math.min(s, e0 - MENTION_SPAN_MAX));
      let e = e0;
      // Do not cut a word in two at either end.
      while (s < ms && classAt(text.charCodeAt(s - 1)) >= C_MULTI) s++;
      while (e > me && classAt(text.charCodeAt(e)) >= C_MULTI) e--;
      start = s;
      end = e;
    }
    this.findings.push({
      kind: 'grok-summary',
      start,
      end,
      text: text.slice(start, end),
      why: { rule: 'mention', variant: this.mentionVariant, score: 1, lang: this.c.mentionLang[this.mention]! },
    });
    this.mention = -1;
  }
}

const RULE_RANK: Record<MatchRule, number> = { 'site-label': 3, label: 2, claim: 1, mention: 0 };

/** Is `a` the stronger of two overlapping findings of one kind? */
function stronger(a: Finding, b: Finding): boolean {
  if (a.why.score !== b.why.score) return a.why.score > b.why.score;
  const ra = RULE_RANK[a.why.rule];
  const rb = RULE_RANK[b.why.rule];
  if (ra !== rb) return ra > rb;
  return a.end - a.start > b.end - b.start;
}

/** Sort by start; within one kind, of two overlapping findings keep the stronger. */
function resolve(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const byStart = (x: Finding, y: Finding): number => x.start - y.start || y.end - x.end;
  const out: Finding[] = [];
  for (const kind of ['fabricated-headline', 'grok-summary'] as const) {
    const list = findings.filter((f) => f.kind === kind).sort(byStart);
    const kept: Finding[] = [];
    for (const f of list) {
      const last = kept[kept.length - 1];
      if (last !== undefined && f.start < last.end) {
        if (stronger(f, last)) kept[kept.length - 1] = f;
        continue;
      }
      kept.push(f);
    }
    for (const f of kept) out.push(f);
  }
  return out.sort(byStart);
}

const ALL_KINDS: readonly FindingKind[] = ['fabricated-headline', 'grok-summary'];

/** The matcher over compiled tables, however they were made (compiled by compile.ts, or rebuilt from a snapshot). */
export function matcherOver(compiled: Compiled, candidates: CandidateFilter | null): Matcher {
  const run = new Run(compiled);
  return {
    candidates,
    match(text: string, options?: MatchOptions): Finding[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      const kinds = options?.kinds ?? ALL_KINDS;
      const doClaims = kinds.includes('fabricated-headline');
      const doSummary = kinds.includes('grok-summary');
      if (!doClaims && !doSummary) return [];
      run.reset(text, doClaims, doSummary);
      scanHits(text, compiled, run, run.state);
      run.finish();
      return resolve(run.findings);
    },
  };
}

/* ------------------------------------------------------------------------------------------------------ */
/* Snapshots: the compiled tables as plain data, so a page can skip the compile.                          */

/** The snapshot format (defined with what a page reads of a snapshot before it has the matcher). */
export { MATCHER_SNAPSHOT_FORMAT };

/** A claim of a snapshot (ClaimDef with its pattern inlined). */
export interface SnapshotClaim {
  /** Index into `incidents`. */
  incident: number;
  lang: Lang;
  text: string;
  slots: number;
  needed: number;
  keys: number;
  window: number;
  sentences: number;
}

/** A phrase of a snapshot (PhraseDef with its typed arrays as numbers). */
export interface SnapshotPhrase {
  kind: number;
  owner: number;
  text: string;
  lang: Lang;
  caseSurface: (number[] | null)[];
  caseMask: number[];
  sentenceEnd: boolean[];
  prefixWords: number;
  concepts: number[];
}

/**
 * A compiled matcher as a plain, JSON-serialisable object: what Compiled holds, typed arrays as number
 * arrays and sets as arrays, plus the candidate filter's regular expressions. Left out because they are
 * cheaper to derive than to store and check: the trigram bitset (from the keys), each claim's first slot
 * and the slot count (from the claims' slot counts), and phrases by first concept (from the phrases).
 */
export interface MatcherSnapshot {
  format: number;
  shift: number;
  table: number[];
  entryHash: number[];
  entryConcept: number[];
  entryKeyOff: number[];
  entryKeyLen: number[];
  entryDerived: number[];
  keyPool: number[];
  conceptCount: number;
  incidents: string[];
  claims: SnapshotClaim[];
  postStart: number[];
  postClaim: number[];
  postSlot: number[];
  slotKey: number[];
  phrases: SnapshotPhrase[];
  mentionWindow: number[];
  mentionLang: Lang[];
  stopKeys: string[];
  candidates: { words: string; wordsFlags: string; chars: string; charsFlags: string } | null;
}

/**
 * The matcher of a snapshot made by compileSnapshot, or of its packed form as stored (./snapshot-pack.ts),
 * without compiling: the same findings and candidate filter as createMatcher(config). The snapshot is checked
 * cheaply (format, types, lengths, and every index the matcher follows is in range, so a bad one can neither
 * read out of bounds nor loop); anything malformed gives null (then compile the config), never an error. A
 * snapshot of a different config is not detected: the caller keys it with what it was built from.
 */
export function createMatcherFromSnapshot(stored: unknown): Matcher | null {
  try {
    const snapshot = unpackSnapshot(stored);
    const tables = tablesOf(snapshot);
    if (tables === null) return null;
    const candidates = snapshotCandidates(snapshot);
    if (candidates === undefined) return null;
    return matcherOver(Compiled.fromTables(tables), candidates);
  } catch {
    // A regular expression that does not compile, or a getter on a hand-made object: malformed too.
    return null;
  }
}

const isInt = (value: unknown): value is number => Number.isInteger(value);
const isIndex = (value: unknown, length: number): value is number => isInt(value) && value >= 0 && value < length;
const isLang = (value: unknown): value is Lang => value === 'en' || value === 'he';
const isString = (value: unknown): value is string => typeof value === 'string';

/** A typed array with the values of a stored number array, or null when it is none (values are coerced). */
function typedOf<T>(value: unknown, make: new (values: ArrayLike<number>) => T): T | null {
  return Array.isArray(value) ? new make(value as ArrayLike<number>) : null;
}

/** A snapshot's tables, checked, with the derived ones rebuilt; null when anything is malformed. */
function tablesOf(value: unknown): CompiledFields | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as { [K in keyof MatcherSnapshot]?: unknown };
  if (s.format !== MATCHER_SNAPSHOT_FORMAT) return null;
  const conceptCount = s.conceptCount;
  if (!isInt(conceptCount) || conceptCount < 0) return null;

  // Vocabulary: every probe ends at an empty slot, and every entry's key lies inside the pool.
  const table = typedOf(s.table, Int32Array);
  const entryHash = typedOf(s.entryHash, Int32Array);
  const entryConcept = typedOf(s.entryConcept, Int32Array);
  const entryKeyOff = typedOf(s.entryKeyOff, Int32Array);
  const entryKeyLen = typedOf(s.entryKeyLen, Int32Array);
  const entryDerived = typedOf(s.entryDerived, Uint8Array);
  const keyPool = typedOf(s.keyPool, Uint16Array);
  if (
    table === null ||
    entryHash === null ||
    entryConcept === null ||
    entryKeyOff === null ||
    entryKeyLen === null ||
    entryDerived === null ||
    keyPool === null
  ) {
    return null;
  }
  const entries = entryHash.length;
  if (entryConcept.length !== entries || entryKeyOff.length !== entries || entryKeyLen.length !== entries || entryDerived.length !== entries) {
    return null;
  }
  const size = table.length;
  if (size < 2 || (size & (size - 1)) !== 0 || s.shift !== 32 - Math.log2(size)) return null;
  // A slot holds 0 (empty) or an entry's number, and one at least is empty (a probe ends there): the least is 0
  // and the greatest at most `entries`. Sorted natively: a loop over the slots runs in the interpreter on a
  // page's first candidate (0.7 ms in Chromium).
  const sorted = table.slice().sort();
  if (sorted[0] !== 0 || sorted[size - 1]! > entries) return null;
  const trigrams = new Uint32Array((1 << TRIGRAM_BITS) / 32);
  for (let e = 0; e < entries; e++) {
    const off = entryKeyOff[e]!;
    const len = entryKeyLen[e]!;
    const concept = entryConcept[e]!;
    if (off < 0 || len < 1 || off + len > keyPool.length || concept < 0 || concept >= conceptCount) return null;
    // As compile.ts sets it (step 5): the trigram of the key's first letters.
    const tg = tri(keyPool[off]!, len > 1 ? keyPool[off + 1]! : 0, len > 2 ? keyPool[off + 2]! : 0);
    trigrams[tg >>> 5]! |= 1 << (tg & 31);
  }

  // Claims: slots are laid out claim after claim, as compile.ts lays them out (step 6).
  const incidents = s.incidents;
  if (!Array.isArray(incidents) || !incidents.every(isString)) return null;
  if (!Array.isArray(s.claims)) return null;
  const claims: ClaimDef[] = [];
  const claimBase = new Int32Array(s.claims.length);
  let slotCount = 0;
  for (const raw of s.claims as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return null;
    const { incident, lang, text, slots, needed, keys, window, sentences } = raw as { [K in keyof SnapshotClaim]?: unknown };
    if (!isIndex(incident, incidents.length) || !isLang(lang) || !isString(text)) return null;
    if (!isInt(slots) || slots < 1 || !isInt(needed) || !isInt(keys) || !isInt(window) || !isInt(sentences)) return null;
    claimBase[claims.length] = slotCount;
    claims.push({ pattern: { incident: incidents[incident]!, lang, text }, incident, slots, needed, keys, window, sentences });
    slotCount += slots;
  }
  const slotKey = typedOf(s.slotKey, Uint8Array);
  // The slot key list's real length also bounds the per-slot arrays each match run allocates.
  if (slotKey === null || slotKey.length !== slotCount) return null;
  const postStart = typedOf(s.postStart, Int32Array);
  const postClaim = typedOf(s.postClaim, Int32Array);
  const postSlot = typedOf(s.postSlot, Int32Array);
  if (postStart === null || postClaim === null || postSlot === null) return null;
  const postings = postClaim.length;
  if (postStart.length !== conceptCount + 1 || postSlot.length !== postings || postStart[0] !== 0 || postStart[conceptCount] !== postings) {
    return null;
  }
  for (let c = 0; c < conceptCount; c++) if (postStart[c + 1]! < postStart[c]!) return null;
  for (let p = 0; p < postings; p++) {
    const k = postClaim[p]!;
    if (k < 0 || k >= claims.length || postSlot[p]! < 0 || postSlot[p]! >= claims[k]!.slots) return null;
  }

  // Mentions and phrases (compile.ts step 7: phrases indexed by their first concept).
  const mentionWindow = s.mentionWindow;
  const mentionLang = s.mentionLang;
  if (!Array.isArray(mentionWindow) || !mentionWindow.every(isInt)) return null;
  if (!Array.isArray(mentionLang) || mentionLang.length !== mentionWindow.length || !mentionLang.every(isLang)) return null;
  if (!Array.isArray(s.phrases)) return null;
  const phrases: PhraseDef[] = [];
  const phraseStarts: number[][] = Array.from({ length: conceptCount }, () => []);
  for (const raw of s.phrases as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return null;
    const { kind, owner, text, lang, caseSurface, caseMask, sentenceEnd, prefixWords, concepts } = raw as {
      [K in keyof SnapshotPhrase]?: unknown;
    };
    if (!isInt(kind) || kind < PH_LABEL || kind > PH_IDIOM || !isInt(owner) || !isString(text) || !isLang(lang)) return null;
    // A mention phrase's owner indexes the per-mention state.
    if (kind !== PH_LABEL && !isIndex(owner, mentionWindow.length)) return null;
    if (!isInt(prefixWords) || prefixWords < 1) return null;
    if (!Array.isArray(concepts) || concepts.length === 0 || !concepts.every((c) => isIndex(c, conceptCount))) return null;
    const n = concepts.length;
    if (!Array.isArray(caseSurface) || caseSurface.length !== n) return null;
    if (!Array.isArray(caseMask) || caseMask.length !== n || !caseMask.every(isInt)) return null;
    if (!Array.isArray(sentenceEnd) || sentenceEnd.length !== n || !sentenceEnd.every((b) => typeof b === 'boolean')) return null;
    const surfaces: (Uint16Array | null)[] = [];
    for (const surface of caseSurface as unknown[]) {
      if (surface === null) surfaces.push(null);
      else if (Array.isArray(surface)) surfaces.push(new Uint16Array(surface as number[]));
      else return null;
    }
    phraseStarts[concepts[0] as number]!.push(phrases.length);
    // Copies: the matcher never shares an array with the snapshot it came from.
    phrases.push({
      kind,
      owner,
      text,
      lang,
      caseSurface: surfaces,
      caseMask: (caseMask as number[]).slice(),
      sentenceEnd: (sentenceEnd as boolean[]).slice(),
      prefixWords,
      concepts: (concepts as number[]).slice(),
    });
  }
  const stopKeys = s.stopKeys;
  if (!Array.isArray(stopKeys) || !stopKeys.every(isString)) return null;

  return {
    table,
    shift: s.shift as number,
    entryHash,
    entryConcept,
    entryKeyOff,
    entryKeyLen,
    entryDerived,
    keyPool,
    trigrams,
    claims,
    incidents: incidents.slice(),
    claimBase,
    postStart,
    postClaim,
    postSlot,
    slotCount,
    slotKey,
    phrases,
    phraseStarts,
    mentionWindow: mentionWindow.slice(),
    mentionLang: mentionLang.slice(),
    conceptCount,
    stopKeys: new Set(stopKeys),
    from: 0,
  };
}

