import { describe, expect, it } from 'vitest';
import { bundledMatcherConfig } from '../data/index';
import { eitherCase } from './anchors';
import { createMatcher } from './compile';
import { C_IGNORE, C_MULTI, C_WORD, classOf, foldOf, isHebrewPrefixLetter, normalizeWords } from './normalize';
import type { CandidateFilter, MatcherConfig } from './types';
import { FOLDED_CHARS, UNPLAIN_CHARS, WIDE_CHARS, foldedAt, forEachAnchor, isPrefixLetter } from './prefilter';

const matcher = createMatcher(bundledMatcherConfig);
const filter = matcher.candidates as CandidateFilter;

/** Whether the filter finds an anchor in `text` (as the page's reader looks: forEachAnchor). */
function passes(text: string, joinedAt: (index: number) => boolean = () => false): boolean {
  let found = false;
  forEachAnchor(filter, text, joinedAt, () => {
    found = true;
  });
  return found;
}

const isTarget = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x5d0 && code <= 0x5ea);
const isPlain = (code: number): boolean => code < 0x80 || (code >= 0x5d0 && code <= 0x5ea);

describe('candidate filter: characters the matcher folds', () => {
  const folded = new RegExp(FOLDED_CHARS.source, 'u');

  it("takes the matcher's Hebrew prefix letters for prefixes, and no other code unit", () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isPrefixLetter(c) !== isHebrewPrefixLetter(c)) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('catches every code unit that folds to a Latin or Hebrew letter, and every ignorable one after a letter', () => {
    const missed: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const cls = classOf(c);
      const char = String.fromCharCode(c);
      if (cls >= C_WORD && !isPlain(c) && isTarget(foldOf(c)) && !folded.test(char)) missed.push(`U+${c.toString(16)} letter`);
      if (cls === C_MULTI && normalizeWords(char).some((word) => [...word].some((ch) => isTarget(ch.charCodeAt(0)))) && !folded.test(char)) {
        missed.push(`U+${c.toString(16)} multi`);
      }
      if (cls === C_IGNORE && (!folded.test(`a${char}`) || !folded.test(`א${char}`))) missed.push(`U+${c.toString(16)} ignorable`);
    }
    expect(missed).toEqual([]);
  });

  it('catches astral letters that fold to Latin letters (mathematical alphanumerics)', () => {
    const missed: string[] = [];
    for (let cp = 0x10000; cp <= 0x1ffff; cp++) {
      const char = String.fromCodePoint(cp);
      const words = normalizeWords(char);
      if (words.some((word) => [...word].some((ch) => isTarget(ch.charCodeAt(0)))) && !folded.test(char)) missed.push(`U+${cp.toString(16)}`);
    }
    expect(missed).toEqual([]);
  });

  it('the quick first look finds every code unit where such a character can be found', () => {
    // Where foldedAt can find something: the character itself, or after a Latin or Hebrew letter; a high
    // surrogate stands for every character of its 1K block (astral letters, marks and format characters).
    const at = (text: string): boolean => foldedAt(text, 0) || foldedAt(`a${text}`, 1) || foldedAt(`א${text}`, 1);
    const needed = (c: number): boolean => {
      if (c >= 0xdc00 && c <= 0xdfff) return false;
      if (c < 0xd800 || c > 0xdbff) return at(String.fromCharCode(c));
      return Array.from({ length: 1024 }, (_, low) => at(String.fromCharCode(c, 0xdc00 + low))).some(Boolean);
    };
    const unplain = new RegExp(UNPLAIN_CHARS.source);
    const wide = new RegExp(WIDE_CHARS.source);
    const missed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (!needed(c)) continue;
      if (!unplain.test(String.fromCharCode(c))) missed.push(`U+${c.toString(16)}`);
      // The wider class a Hebrew page's look starts with holds each of them too.
      if (!wide.test(String.fromCharCode(c))) missed.push(`U+${c.toString(16)} (wide)`);
    }
    expect(missed).toEqual([]);
  });

  it('ends on patterns whose hits have no length (a malformed stored filter), going on past each', () => {
    const empty: CandidateFilter = { ...filter, words: /(?:)/g, chars: /(?:)/g, foldedAt: () => true };
    const seen: number[] = [];
    const text = 'Irán Strikés Tél Avív';
    // Without the step past an empty hit this never returns (the test runner's time-out fails it).
    forEachAnchor(empty, text, () => true, (at) => void seen.push(at));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(3 * (text.length + 1));
  });

  it('finds the same with the wider first look, where it goes on to the end and where it gives way', () => {
    const anchors = (text: string, wideFirst: boolean): number[] => {
      const found: number[] = [];
      forEachAnchor(filter, text, () => false, (at) => void found.push(at), wideFirst);
      return found;
    };
    const arabic = 'مرحبا بالعالم، هذا نص عادي. '.repeat(6);
    const texts = [
      // Pointed Hebrew: the wider look stops only at the points.
      'אִירָאן תוֹקֶפֶת אֶת תֵּל אָבִיב בְּטִילִים כְּבֵדִים — “מִבְצָע” ״גָּדוֹל״',
      'Irán Strikés Tél Avív with Heávy Missiles — “quoted” 👍 and mis\u00ADsiles',
      // Letters of a script the quick look passes over, then characters that fold: the wider look gives way.
      `${arabic}Irán Strikés Tél Avív with Heávy Missiles`,
      `${'👍🏀 — '.repeat(40)}גּרוֹק: אִירָאן`,
      `${'Ordinary words and a dash — here. '.repeat(30)}Gröḱ said Irán`,
    ];
    for (const text of texts) {
      const plain = anchors(text, false);
      expect(plain.length, text).toBeGreaterThan(0);
      expect(anchors(text, true), text).toEqual(plain);
    }
  });

  it('the quick first look leaves other scripts alone: a Russian or Chinese page is not a candidate by its letters', () => {
    expect(new RegExp(UNPLAIN_CHARS.source).test('Иран нанёс удар по Тель-Авиву · 伊朗导弹袭击特拉维夫 · 이란 · إيران 👍')).toBe(false);
    expect(new RegExp(UNPLAIN_CHARS.source).test('Ira\u0301n')).toBe(true);
  });

  it('leaves plain English and Hebrew text, emoji and their joiners alone', () => {
    expect(folded.test('Iran strikes Tel Aviv — “heavy” missiles… 50,000 people')).toBe(false);
    expect(folded.test('איראן תוקפת את תל־אביב בטילים כבדים')).toBe(false);
    expect(folded.test('Great game 👨‍👩‍👧 ❤️ 🏀')).toBe(false);
  });
});

describe('candidate filter: every finding passes it', () => {
  const config: MatcherConfig = bundledMatcherConfig;
  const texts = [
    ...config.claims.map((claim) => claim.text),
    ...config.labels.map((label) => label.text),
    ...config.mentions.flatMap((mention) => [
      ...mention.standalone.map((term) => term.text),
      ...mention.subjects.flatMap((subject) => mention.topics.map((topic) => `${subject.text} ${topic.text}`)),
    ]),
  ];
  const variants: Array<[string, (text: string) => string]> = [
    ['as written', (text) => text],
    ['upper case', (text) => text.toUpperCase()],
    ['title case', (text) => text.replace(/\b\w/g, (ch) => ch.toUpperCase())],
    ['in alternating case', (text) => text.replace(/[a-z]/gi, (ch, at: number) => (at % 2 === 0 ? ch.toUpperCase() : ch.toLowerCase()))],
    ['inflected', (text) => text.replace(/\b(\w{4,})\b/g, '$1s')],
    ['Hebrew prefix letters', (text) => text.replace(/(^|\s)([\u05D0-\u05EA])/g, '$1ו$2')],
    ['soft hyphens inside words', (text) => text.replace(/(\p{L}{2})(\p{L}{2})/gu, '$1\u00AD$2')],
    ['niqqud', (text) => text.replace(/([\u05D0-\u05EA])/g, '$1\u05B7')],
    ['accents', (text) => text.replace(/a/g, 'á').replace(/e/g, 'é')],
    ['fullwidth', (text) => text.replace(/[A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))],
    ['inside a sentence', (text) => `Earlier today, someone wrote: ${text}. Nobody checked.`],
  ];

  it('exists for the bundled knowledge base', () => {
    expect(filter).not.toBeNull();
  });

  it('spells Latin letters in both cases instead of the i flag, which finds the same code units', () => {
    expect(filter.words.flags).not.toContain('i');
    expect(eitherCase('grok')).toBe('[gG][rR][oO][kK]');
    // Without the u flag, i folds no other character to an ASCII letter: a letter, a class of letters and its
    // negation match the same code units spelt in both cases.
    const pairs: Array<[RegExp, RegExp]> = [
      [/^k$/i, new RegExp(`^${eitherCase('k')}$`)],
      [/^s$/i, new RegExp(`^${eitherCase('s')}$`)],
      [/^[a-z0-9]$/i, /^[a-zA-Z0-9]$/],
      [/^[^a-z0-9]$/i, /^[^a-zA-Z0-9]$/],
    ];
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const char = String.fromCharCode(c);
      for (const [folding, spelt] of pairs) if (folding.test(char) !== spelt.test(char)) differ.push(`U+${c.toString(16)} ${spelt.source}`);
    }
    expect(differ).toEqual([]);
  });

  for (const [name, transform] of variants) {
    it(`holds for claims, labels and mentions ${name}`, () => {
      const failures: string[] = [];
      for (const text of texts) {
        const variant = transform(text);
        for (const finding of matcher.match(variant)) {
          if (!passes(variant.slice(finding.start, finding.end)) && !passes(variant)) failures.push(`${finding.why.rule}: ${variant}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('rules out ordinary text, so most of a page is never matched', () => {
    const ordinary = [
      'The city council approved the new budget for parks and libraries on Tuesday evening.',
      'Our recipe for a quick weeknight dinner takes twenty minutes and one pan.',
      'מועצת העיר אישרה אמש את התקציב החדש לגנים ולספריות.',
      // Common words that only begin or contain an anchor, or stand alone where a phrase needs more.
      'Top stories of the day, and the history of the region in summer.',
      'השבוע הראשון של הקיץ בראשית העונה.',
    ];
    for (const text of ordinary) expect(passes(text)).toBe(false);
  });

  it('makes no candidate of a character that folds unless the text folded around it holds an anchor', () => {
    const ordinary = [
      'Le président a rencontré les élèves de l’école à Besançon, où l’hiver arrive tôt.',
      'A administração pública anunciou ações de saúde na região, após a reunião de março.',
      'Straße, Café Müller und ﬁnale Gespräche in Zürich.',
      'בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ',
    ];
    for (const text of ordinary) expect(passes(text), text).toBe(false);
    // Folded where it stands, the same text holds one: accents, a soft hyphen, a ligature, points, a long way in.
    const padding = 'Le président a rencontré les élèves. '.repeat(20);
    for (const text of [
      `${padding}Irán Strikés Tél Avív with Heávy Missiles`,
      `${padding}Iran strikes Tel Aviv with heavy mis\u00ADsiles`,
      `${padding}Elle cite ｇｒｏｋ, l’assistant de X`,
      `${padding}Elle cite 𝐆𝐫𝐨𝐤, l’assistant de X`,
      `${padding}אִירָאן תוקפת את תל אביב בטילים כבדים`,
    ]) {
      expect(passes(text), text).toBe(true);
    }
  });

  it('reports an anchor found in folded text where it stands in the text as read, not its neighbours', () => {
    const padding = 'Le président a rencontré les élèves. '.repeat(20);
    for (const headline of [
      'Irán Strikés Tél Avív with Heávy Missiles',
      'Elle cite 𝐆𝐫𝐨𝐤, l’assistant de X',
      'Elle cite ｇｒｏｋ, l’assistant de X',
      'אִירָאן תוקפת את תל אביב בטילים כבדים',
    ]) {
      const text = `${padding}${headline}. ${padding}`;
      const start = padding.length;
      const at: number[] = [];
      // As the page's reader: each call marks the node there and goes on at its end (one node of 7 characters).
      forEachAnchor(filter, text, () => false, (index) => {
        at.push(index);
        return index + 7;
      });
      expect(at.length, headline).toBeGreaterThan(0);
      for (const index of at) expect(index >= start && index < start + headline.length, `${headline} at ${index}`).toBe(true);
    }
  });

  it('needs no anchor of its own for a pattern an anchor already chosen covers', () => {
    // X's label "Grok can make mistakes, always check original sources" is found only with "Grok", which other
    // labels need alone: "mistakes" and "feature" are no anchors. The Modi claims share "מודי", so the
    // common "ראש" (head: ראש הממשלה, ראשון) is none either.
    const ordinary = [
      'This feature can make mistakes; always check the original sources before sharing.',
      'כל אחד יכול לטעות, ולכן תמיד כדאי לבדוק.',
      'ראש הממשלה נאם היום בפתיחת מושב החורף.',
    ];
    for (const text of ordinary) expect(passes(text)).toBe(false);
    expect(passes('Grok can make mistakes. Always check original sources.')).toBe(true);
  });

  it('takes a word boundary to be possible where the page’s text nodes meet', () => {
    const joined = 'a story told in fullKlay Thompson Accused in Bizarre Brick-Vandalism Spree';
    const at = joined.indexOf('Klay');
    expect(passes(joined.slice(at))).toBe(true);
    expect(passes(joined, (index) => index === at)).toBe(true);
    const hebrew = 'סוף הסיפוראיראן תוקפת את תל אביב בטילים כבדים';
    expect(passes(hebrew, (index) => index === hebrew.indexOf('איראן'))).toBe(true);
  });

  it('is absent when a pattern has nothing to anchor on (then every block is matched)', () => {
    const numeric = createMatcher({ claims: [{ incident: 'x', lang: 'en', text: '2024 50000' }], labels: [], mentions: [], lexicon: [] });
    expect(numeric.candidates).toBeNull();
  });
});
