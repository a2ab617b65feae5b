/**
 * The detection core's public types. The core is pure TypeScript: it takes text, returns findings with
 * offsets into that same text, and knows nothing about the DOM, the browser or where its config came from.
 */

export type Lang = 'en' | 'he';

export type FindingKind = 'fabricated-headline' | 'grok-summary';

/** Which rule produced a finding. */
export type MatchRule =
  /** A known incident's claim text (verbatim, or a tolerated variant of it). */
  | 'claim'
  /** One of X's labels on Grok-generated stories, matched by its opening words. */
  | 'label'
  /** Text that talks about Grok's trending summaries / AI-written headlines / Grok stories. */
  | 'mention'
  /** A site adapter (e.g. x.com) attributed a story's headline or summary to a label next to it. */
  | 'site-label';

export interface MatchReason {
  rule: MatchRule;
  /** The configured text that matched (claim text, label text, or the subject+topic words). */
  variant: string;
  /** 0..1: share of the variant's significant words found (1 for exact labels). */
  score: number;
  lang: Lang;
}

export interface Finding {
  kind: FindingKind;
  /** Incident id for `fabricated-headline` findings (and site-label findings whose text is a known claim). */
  incident?: string;
  /** UTF-16 offsets into the text given to `match`; `text === input.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  why: MatchReason;
}

/** A claim text to find: verbatim English from the facts, or a Hebrew rendering of it. */
export interface ClaimPattern {
  incident: string;
  lang: Lang;
  text: string;
}

/** A label X puts on Grok output; matched when its first `prefixWords` words appear in order. */
export interface LabelPattern {
  lang: Lang;
  text: string;
  prefixWords: number;
}

/** A word or phrase for the mention rule. `matchCase` keeps the English verb "grok" apart from "Grok". */
export interface Term {
  text: string;
  matchCase?: boolean;
}

/**
 * Mention rule: a subject term (e.g. "Grok", "גרוק") within `window` words of a topic term (e.g.
 * "trending", "headlines", "כותרות") in the same sentence; or a standalone phrase ("Stories on X").
 */
export interface MentionPattern {
  lang: Lang;
  subjects: Term[];
  topics: Term[];
  standalone: Term[];
  /**
   * Phrases in which a topic word means something else: "Grok makes headlines" says Grok is in the news, not
   * that it writes them. A topic that ends where an idiom ends, inside it, does not count (so an idiom ends
   * with its topic word).
   */
  idioms?: Term[];
  window: number;
}

export interface MatcherConfig {
  claims: ClaimPattern[];
  labels: LabelPattern[];
  mentions: MentionPattern[];
  /** Groups of words that count as the same word when matching claims (synonyms, spellings, inflections). */
  lexicon: string[][];
}

export interface MatchOptions {
  /** Which kinds to report (default: both). */
  kinds?: readonly FindingKind[];
}

export interface Matcher {
  match(text: string, options?: MatchOptions): Finding[];
  /**
   * A cheap test every text holding a finding passes (src/core/prefilter.ts): text with no match of either
   * pattern holds no finding. Absent or null: no such test, match everything.
   */
  readonly candidates?: CandidateFilter | null;
  /**
   * For a matcher whose matching part is loaded on first need (the content script's: its candidate filter
   * comes first, see entrypoints/content/page-matcher.ts): null once `match` can be called, else a promise
   * that resolves when it can, or rejects when it cannot be loaded. Absent: `match` can always be called.
   */
  whenReady?(): Promise<void> | null;
}

/** See `Matcher.candidates`. */
export interface CandidateFilter {
  /** Anchors: global, case-insensitive. A hit counts only where `wordAt` says it stands at a word. */
  readonly words: RegExp;
  /** See prefilter.ts `wordAt`: `joinedAt(i)` tells where `text` was joined from separate pieces. */
  wordAt(text: string, start: number, end: number, joinedAt: (index: number) => boolean): boolean;
  /**
   * Characters that may be ones the matcher folds away or rewrites (global; a quick, coarse test: it also
   * finds some that are not). `foldedAt` tells for a character `chars` found.
   */
  readonly chars: RegExp;
  foldedAt(text: string, index: number): boolean;
}
