import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bundledMatcherConfig, knowledgeBase } from '../data/index';
import { genuineHeadlines } from '../data/genuine-headlines';
import { compileSnapshot, createMatcher } from './compile';
import { MATCHER_SNAPSHOT_FORMAT, createMatcherFromSnapshot, type MatcherSnapshot } from './matcher';
import { snapshotCandidates } from './snapshot-filter';
import { packSnapshot, unpackSnapshot } from './snapshot-pack';
import { TEST_CONFIG } from './test-config';
import type { Matcher, MatcherConfig } from './types';

/** Every string literal of a test file: the texts the matcher's and the data's own tests run. */
function literalsOf(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ESNext, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (/\p{L}/u.test(node.text)) out.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const here = import.meta.dirname;
const testTexts = [
  ...literalsOf(join(here, 'matcher.test.ts')),
  ...literalsOf(join(here, 'prefilter.test.ts')),
  ...literalsOf(join(here, '..', 'data', 'matching.test.ts')),
];
const dataTexts = [
  ...knowledgeBase.incidents.flatMap((incident) => [
    ...incident.claims.en,
    ...incident.claims.he,
    incident.claim.en,
    incident.claim.he,
    incident.happened.en,
    incident.happened.he,
    incident.why.en,
    incident.why.he,
  ]),
  ...genuineHeadlines.map((headline) => headline.text),
  ...knowledgeBase.signals.labels.map((label) => label.text),
  ...knowledgeBase.signals.mentions.flatMap((mention) => [...mention.subjects, ...mention.topics, ...mention.standalone].map((term) => term.text)),
];
const texts = [...testTexts, ...dataTexts];
/** Variants that exercise state carried across words, sentences and blocks. */
const samples = [
  ...texts,
  ...texts.map((text) => text.toUpperCase()),
  ...texts.map((text) => `Grok's trending summary said: ${text}. Experts say that is false.`),
  texts.join('\n\n'),
  texts.join(' '),
  texts.join('. '),
];

/** The matcher of a snapshot as the background stores it and a page reads it: packed, through JSON. */
function roundTripped(config: MatcherConfig): Matcher | null {
  return createMatcherFromSnapshot(JSON.parse(JSON.stringify(packSnapshot(compileSnapshot(config)))));
}

describe.each([
  ['the bundled config', bundledMatcherConfig],
  ["the core's test config", TEST_CONFIG],
])('a matcher from a JSON snapshot of %s', { timeout: 60_000 }, (_name, config) => {
  const compiled = createMatcher(config);
  const restored = roundTripped(config);

  it('is made', () => {
    expect(restored).not.toBeNull();
    // The texts are many and varied: thousands of samples, findings of every rule among them.
    expect(samples.length).toBeGreaterThan(1000);
    const rules = new Set(samples.flatMap((text) => compiled.match(text).map((finding) => finding.why.rule)));
    expect([...rules].sort()).toEqual(['claim', 'label', 'mention']);
  });

  it('finds exactly what the compiled matcher finds, in every text and for every choice of kinds', () => {
    const kindsChoices = [undefined, ['fabricated-headline'], ['grok-summary']] as const;
    const differ: string[] = [];
    for (const text of samples) {
      for (const kinds of kindsChoices) {
        const options = kinds === undefined ? undefined : { kinds };
        const want = JSON.stringify(compiled.match(text, options));
        const got = JSON.stringify(restored?.match(text, options));
        if (got !== want) differ.push(`${kinds?.join() ?? 'all'}: ${text.slice(0, 80)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('has the same candidate filter: every pattern with the same source and flags, every function the same', () => {
    const want = compiled.candidates as unknown as Record<string, unknown>;
    const got = restored?.candidates as unknown as Record<string, unknown>;
    expect(want).toBeTruthy();
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const key of Object.keys(want)) {
      const value = want[key];
      if (value instanceof RegExp) {
        expect(got[key]).toBeInstanceOf(RegExp);
        expect([(got[key] as RegExp).source, (got[key] as RegExp).flags], key).toEqual([value.source, value.flags]);
        // Its own object: the page's reader moves lastIndex.
        expect(got[key]).not.toBe(value);
      } else {
        expect(got[key], key).toBe(value);
      }
    }
  });
});

describe('snapshots', () => {
  it('are stored packed: the page reads the candidate filter as it is, the rest as one string, restored as the snapshot itself', () => {
    const snapshot = compileSnapshot(bundledMatcherConfig);
    const packed = packSnapshot(snapshot);
    expect(Object.keys(packed).sort()).toEqual(['body', 'candidates', 'format']);
    expect(typeof packed.body).toBe('string');
    const [fromPacked, fromSnapshot] = [snapshotCandidates(packed), snapshotCandidates(snapshot)];
    expect([fromPacked?.words.source, fromPacked?.chars.source]).toEqual([fromSnapshot?.words.source, fromSnapshot?.chars.source]);
    const text = 'Reports said Iran Strikes Tel Aviv with Heavy Missiles overnight.';
    expect(createMatcherFromSnapshot(packed)?.match(text)).toEqual(createMatcherFromSnapshot(snapshot)?.match(text));
    expect(createMatcherFromSnapshot(packed)?.match(text)).toHaveLength(1);
  });

  it('unpack to null, never throwing, when the body is no JSON object or cannot be read', () => {
    const packed = packSnapshot(compileSnapshot(TEST_CONFIG));
    const unreadable = Object.defineProperty({ ...packed }, 'body', {
      get() {
        throw new Error('no');
      },
    });
    for (const value of [{ ...packed, body: '[1' }, { ...packed, body: '[]' }, { ...packed, body: '7' }, unreadable]) {
      let result: unknown;
      expect(() => (result = unpackSnapshot(value))).not.toThrow();
      expect(result).toBeNull();
    }
  });

  it('are plain data: JSON gives them back unchanged, and compiling twice gives the same snapshot', () => {
    const snapshot = compileSnapshot(bundledMatcherConfig);
    expect(snapshot.format).toBe(MATCHER_SNAPSHOT_FORMAT);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(compileSnapshot(bundledMatcherConfig)).toEqual(snapshot);
  });

  it('of a config without patterns match nothing and have no candidate filter, as the compiled matcher', () => {
    const empty: MatcherConfig = { claims: [], labels: [], mentions: [], lexicon: [] };
    const restored = roundTripped(empty);
    expect(restored).not.toBeNull();
    expect(restored?.candidates).toBeNull();
    expect(createMatcher(empty).candidates).toBeNull();
    expect(restored?.match('Iran Strikes Tel Aviv with Heavy Missiles')).toEqual([]);
  });

  it('reject a malformed config as createMatcher does', () => {
    expect(() => compileSnapshot({ claims: [{ text: 3 }] } as unknown as MatcherConfig)).toThrow(TypeError);
  });

  it('are not shared with the matcher made from them: changing one afterwards changes nothing', () => {
    const snapshot = JSON.parse(JSON.stringify(compileSnapshot(TEST_CONFIG))) as MatcherSnapshot;
    const restored = createMatcherFromSnapshot(snapshot);
    const text = 'Iran Strikes Tel Aviv with Heavy Missiles. Trending now on X: Grok wrote this headline.';
    const before = restored?.match(text);
    expect(before?.length).toBeGreaterThan(0);
    for (const phrase of snapshot.phrases) phrase.concepts.fill(0);
    for (const claim of snapshot.claims) claim.slots = 1;
    snapshot.table.fill(0);
    snapshot.mentionWindow.fill(0);
    expect(restored?.match(text)).toEqual(before);
  });
});

describe('malformed snapshots give null and never throw', () => {
  const good = (): MatcherSnapshot => JSON.parse(JSON.stringify(compileSnapshot(TEST_CONFIG))) as MatcherSnapshot;
  const broken = (change: (s: MatcherSnapshot) => unknown): unknown => {
    const s = good();
    const replaced = change(s);
    return replaced === undefined ? s : replaced;
  };
  const firstPhraseOf = (s: MatcherSnapshot, kind: number) => s.phrases.find((p) => p.kind === kind)!;

  const cases: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a string', JSON.stringify(compileSnapshot(TEST_CONFIG))],
    ['a number', 1],
    ['an array', [compileSnapshot(TEST_CONFIG)]],
    ['an empty object', {}],
    ['another format', broken((s) => void (s.format = MATCHER_SNAPSHOT_FORMAT + 1))],
    ['the format as a string', broken((s) => void ((s as unknown as Record<string, unknown>).format = String(MATCHER_SNAPSHOT_FORMAT)))],
    ['no format', broken((s) => void delete (s as Partial<MatcherSnapshot>).format)],
    // vocabulary
    ['a truncated hash table', broken((s) => void s.table.pop())],
    ['a hash table without an empty slot (a probe would never end)', broken((s) => void s.table.fill(1))],
    ['a hash table entry past the entries', broken((s) => void (s.table[s.table.indexOf(0)] = s.entryHash.length + 1))],
    ['a negative hash table entry', broken((s) => void (s.table[s.table.indexOf(0)] = -1))],
    ['a shift that does not fit the table', broken((s) => void (s.shift += 1))],
    ['the table as a string', broken((s) => void ((s as unknown as Record<string, unknown>).table = 'abc'))],
    ['the table as an array-like object', broken((s) => void ((s as unknown as Record<string, unknown>).table = { length: s.table.length }))],
    ['truncated entry hashes', broken((s) => void s.entryHash.pop())],
    ['truncated entry concepts', broken((s) => void s.entryConcept.pop())],
    ['an entry concept out of range', broken((s) => void (s.entryConcept[0] = s.conceptCount))],
    ['a key past the key pool', broken((s) => void (s.entryKeyOff[s.entryKeyOff.length - 1] = s.keyPool.length))],
    ['an empty key', broken((s) => void (s.entryKeyLen[0] = 0))],
    ['a truncated key pool', broken((s) => void (s.keyPool.length = s.keyPool.length - 1))],
    ['a missing key pool', broken((s) => void delete (s as Partial<MatcherSnapshot>).keyPool)],
    ['a negative concept count', broken((s) => void (s.conceptCount = -1))],
    ['a fractional concept count', broken((s) => void (s.conceptCount += 0.5))],
    // claims
    ['claims as an object', broken((s) => void ((s as unknown as Record<string, unknown>).claims = { 0: s.claims[0] }))],
    ['a null claim', broken((s) => void ((s.claims as unknown[])[0] = null))],
    ['a claim of an unknown incident', broken((s) => void (s.claims[0]!.incident = s.incidents.length))],
    ['a claim without slots', broken((s) => void (s.claims[0]!.slots = 0))],
    ['a claim with more slots than the slot list', broken((s) => void (s.claims[0]!.slots += 1))],
    ['a claim in another language', broken((s) => void ((s.claims[0] as unknown as Record<string, unknown>).lang = 'fr'))],
    ['a claim text as a number', broken((s) => void ((s.claims[0] as unknown as Record<string, unknown>).text = 7))],
    ['a claim window as a string', broken((s) => void ((s.claims[0] as unknown as Record<string, unknown>).window = '9'))],
    ['an incident id as a number', broken((s) => void ((s.incidents as unknown[])[0] = 1))],
    ['a truncated slot list', broken((s) => void s.slotKey.pop())],
    ['postings starts of the wrong length', broken((s) => void s.postStart.pop())],
    ['postings starts going backwards', broken((s) => void (s.postStart[1] = s.postStart[2]! + 1))],
    ['postings not starting at 0', broken((s) => void (s.postStart[0] = 1))],
    ['a posting of a claim out of range', broken((s) => void (s.postClaim[0] = s.claims.length))],
    ['a posting of a slot out of range', broken((s) => void (s.postSlot[0] = s.claims[s.postClaim[0]!]!.slots))],
    ['truncated posting slots', broken((s) => void s.postSlot.pop())],
    // phrases and mentions
    ['phrases missing', broken((s) => void delete (s as Partial<MatcherSnapshot>).phrases)],
    ['a phrase of an unknown kind', broken((s) => void (s.phrases[0]!.kind = 9))],
    ['a phrase concept out of range', broken((s) => void s.phrases[0]!.concepts.push(s.conceptCount))],
    ['a phrase without words', broken((s) => void (s.phrases[0]!.concepts = []))],
    ['a phrase with fewer case surfaces than words', broken((s) => void s.phrases[0]!.caseSurface.pop())],
    ['a case surface as a string', broken((s) => void ((s.phrases[0]!.caseSurface as unknown[])[0] = 'grok'))],
    ['a phrase with fewer sentence ends than words', broken((s) => void s.phrases[0]!.sentenceEnd.pop())],
    ['a mention phrase of an unknown mention', broken((s) => void (firstPhraseOf(s, 1).owner = s.mentionWindow.length))],
    ['a label prefix of no words', broken((s) => void (firstPhraseOf(s, 0).prefixWords = 0))],
    ['mention languages not one per mention', broken((s) => void s.mentionLang.pop())],
    ['a mention window as a string', broken((s) => void ((s.mentionWindow as unknown[])[0] = '6'))],
    ['stop keys as a string', broken((s) => void ((s as unknown as Record<string, unknown>).stopKeys = 'the'))],
    // candidate filter
    ['a candidate filter that is no regular expression', broken((s) => void (s.candidates!.words = '(unclosed'))],
    ['a candidate filter that is not global (the reader would loop)', broken((s) => void (s.candidates!.wordsFlags = 'i'))],
    ['a candidate filter with unknown flags', broken((s) => void (s.candidates!.charsFlags = 'gq'))],
    ['a candidate filter without its sources', broken((s) => void ((s as unknown as Record<string, unknown>).candidates = {}))],
    ['a candidate filter missing', broken((s) => void delete (s as Partial<MatcherSnapshot>).candidates)],
    // packed (as stored)
    ['packed, its body no JSON', { ...packSnapshot(good()), body: '{"table": [1, 2' }],
    ['packed, its body an array', { ...packSnapshot(good()), body: '[]' }],
    ['packed, its body null', { ...packSnapshot(good()), body: 'null' }],
    ['packed, its body empty', { ...packSnapshot(good()), body: '{}' }],
    ['packed, of another format', { ...packSnapshot(good()), format: MATCHER_SNAPSHOT_FORMAT + 1 }],
    ['packed, without its candidate filter', { ...packSnapshot(good()), candidates: undefined }],
    ['packed, its tables damaged', packSnapshot(broken((s) => void s.table.fill(1)) as MatcherSnapshot)],
    [
      'packed, a getter that throws',
      Object.defineProperty({ ...packSnapshot(good()) }, 'body', {
        get() {
          throw new Error('no');
        },
      }),
    ],
    [
      'a getter that throws',
      broken((s) =>
        Object.defineProperty(s, 'table', {
          get() {
            throw new Error('no');
          },
        }),
      ),
    ],
  ];

  it.each(cases)('%s', (_name, snapshot) => {
    let result: Matcher | null | undefined;
    expect(() => {
      result = createMatcherFromSnapshot(snapshot);
    }).not.toThrow();
    expect(result).toBeNull();
  });

  it('while the unbroken snapshot of each case gives a matcher', () => {
    expect(createMatcherFromSnapshot(good())).not.toBeNull();
  });

  it('random damage to its numbers gives null or a matcher that never throws or loops', { timeout: 60_000 }, () => {
    // A fixed-seed generator: the same damage on every run.
    let seed = 0x2545f491;
    const random = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const numberLists = (s: MatcherSnapshot): number[][] => [
      s.table,
      s.entryHash,
      s.entryConcept,
      s.entryKeyOff,
      s.entryKeyLen,
      s.entryDerived,
      s.keyPool,
      s.postStart,
      s.postClaim,
      s.postSlot,
      s.slotKey,
      s.mentionWindow,
      ...s.phrases.flatMap((p) => [p.concepts, p.caseMask, ...p.caseSurface.filter((x): x is number[] => x !== null)]),
    ];
    const text = testTexts.slice(0, 120).join('\n');
    let made = 0;
    for (let round = 0; round < 200; round++) {
      const s = good();
      const lists = numberLists(s).filter((list) => list.length > 0);
      for (let hits = 1 + random(3); hits > 0; hits--) {
        const list = lists[random(lists.length)]!;
        const values = [0, 1, -1, 2, list.length, list.length - 1, 65535, random(1 << 20), 2 ** 31 - 1];
        list[random(list.length)] = values[random(values.length)]!;
      }
      const claim = s.claims[random(s.claims.length)]!;
      if (random(4) === 0) claim.window = random(40) - 20;
      if (random(4) === 0) claim.needed = random(10);
      let matcher: Matcher | null = null;
      expect(() => (matcher = createMatcherFromSnapshot(s))).not.toThrow();
      if (matcher === null) continue;
      made++;
      expect(() => (matcher as Matcher | null)?.match(text)).not.toThrow();
    }
    // Much of the damage is not detectable by shape (a wrong hash, another concept in range): it still matches.
    expect(made).toBeGreaterThan(0);
  });
});
