import { describe, expect, it } from 'vitest';
import { createMatcher } from './compile';
import { MENTION_SPAN_MAX } from './matcher';
import { TEST_CONFIG } from './test-config';
import type { Finding, MatcherConfig } from './types';

const matcher = createMatcher(TEST_CONFIG);

/** Every finding's offsets must give back its text. */
function checked(input: string, findings: Finding[]): Finding[] {
  for (const f of findings) {
    expect(f.text).toBe(input.slice(f.start, f.end));
    expect(f.start).toBeLessThan(f.end);
  }
  for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.start);
  return findings;
}

function claims(input: string): Finding[] {
  return checked(input, matcher.match(input)).filter((f) => f.kind === 'fabricated-headline');
}

function summaries(input: string): Finding[] {
  return checked(input, matcher.match(input)).filter((f) => f.kind === 'grok-summary');
}

const IRAN = 'iran-tel-aviv-2024';
const ADAMS = 'adams-earthquake-2024';
const SUN = 'sun-eclipse-2024';
const KLAY = 'klay-thompson-bricks-2024';
const MODI = 'modi-ejected-2024';
const LOWES = 'lowes-home-depot-2024';

describe('claims: found in every tolerated variant', () => {
  const cases: [string, string, string][] = [
    ['verbatim', 'Iran Strikes Tel Aviv with Heavy Missiles', IRAN],
    ['upper case', 'BREAKING: IRAN STRIKES TEL AVIV WITH HEAVY MISSILES', IRAN],
    ['lower case', 'iran strikes tel aviv with heavy missiles', IRAN],
    ['punctuation', 'Iran strikes Tel Aviv... with heavy missiles!!!', IRAN],
    ['hyphen', 'Iran Strikes Tel-Aviv with Heavy Missiles', IRAN],
    ['non-breaking hyphen', 'Iran Strikes Tel\u2011Aviv with Heavy Missiles', IRAN],
    ['en dash', 'Iran Strikes Tel\u2013Aviv with Heavy Missiles', IRAN],
    ['em dash', 'Iran strikes Tel Aviv\u2014with heavy missiles', IRAN],
    ['extra spaces and tabs', 'Iran   strikes\tTel    Aviv  with heavy   missiles', IRAN],
    ['line break', 'Iran strikes Tel Aviv\nwith heavy missiles', IRAN],
    ['CRLF line break', 'Iran strikes Tel Aviv\r\nwith heavy missiles', IRAN],
    ['NBSP', 'Iran\u00A0Strikes\u00A0Tel\u00A0Aviv with Heavy\u202FMissiles', IRAN],
    ['zero-width chars inside words', 'Ir\u200Ban Str\u200Cikes Tel\u200D Av\u2060iv with He\uFEFFavy Missiles', IRAN],
    ['soft hyphens', 'Iran Strikes Tel Aviv with Heavy Mis\u00ADsi\u00ADles', IRAN],
    ['bidi marks', '\u200FIran\u200E Strikes \u202BTel Aviv\u202C with \u2067Heavy\u2069 Missiles\u061C', IRAN],
    ['inline elements joined', ['Iran Str', 'ikes ', 'Tel Av', 'iv with ', 'Heavy', ' Missiles'].join(''), IRAN],
    ['fullwidth letters (NFKC)', '\uFF29\uFF52\uFF41\uFF4E Strikes Tel Aviv with Heavy Missiles', IRAN],
    ['an extra word', 'Iran Strikes Tel Aviv with Heavy Ballistic Missiles', IRAN],
    ['stopword swap', 'Iran strikes on Tel Aviv by heavy missiles', IRAN],
    ['word order', 'Heavy missiles: Iran strikes Tel Aviv', IRAN],
    ['singular / past tense via lexicon', 'Iran struck Tel Aviv with a heavy missile', IRAN],
    ['-ing form', 'Iran striking Tel Aviv with heavy missiles', IRAN],
    ['synonym from lexicon', 'Iran hits Tel Aviv with heavy rockets', IRAN],
    ['curly apostrophe', 'Lowe\u2019s CEO urges conservatives to shop at Home Depot', LOWES],
    ['straight apostrophe', "Lowe's CEO urges conservatives to shop at Home Depot.", LOWES],
    ['no apostrophe', 'Lowes CEO urged conservatives to shop at Home Depot', LOWES],
    ['backtick apostrophe', 'Lowe`s CEO urging conservatives to shop at Home Depot', LOWES],
    ['British spelling', "Sun's Odd Behaviour: Experts Baffled", SUN],
    ['American spelling, plural', 'The Sun\u2019s odd behaviors leave experts baffled', SUN],
    ['digit group with comma', 'Adams vs. Earthquake: 50,000 Cops in Subway Showdown', ADAMS],
    ['digit group with dot', 'Adams vs Earthquake: 50.000 cops in subway showdown', ADAMS],
    ['digit group with space', 'Adams vs Earthquake: 50 000 cops in subway showdown', ADAMS],
    ['digit group with NBSP', 'Adams vs Earthquake: 50\u00A0000 police in subway showdown', ADAMS],
    ['number without group', 'Adams vs Earthquake: 50000 Cops in Subway Showdown', ADAMS],
    ['number form from lexicon', 'Adams vs. earthquake: 50k officers in subway showdown', ADAMS],
    ['-ise spelling', 'Klay Thompson accused in bizarre brick-vandalising spree', KLAY],
    ['-ize spelling', 'Klay Thompson Accused in Weird Brick Vandalizing Spree', KLAY],
    ['one of seven words missing', 'Klay Thompson accused in bizarre vandalism spree', KLAY],
    ['diacritics', 'PM Mod\u00EF Ej\u00E9cted from Indian Government', MODI],
    ['combining diacritics', 'PM Modi\u0301 Ejected from Indian Government', MODI],
    // Hebrew
    ['Hebrew verbatim', 'איראן תוקפת את תל אביב בטילים כבדים', IRAN],
    ['Hebrew maqaf', 'איראן תוקפת את תל\u05BEאביב בטילים כבדים', IRAN],
    ['Hebrew prefix letters (ו, ש)', 'ואיראן תוקפת את תל אביב בטילים כבדים, שאיראן', IRAN],
    ['Hebrew stacked prefixes', 'כשאיראן תוקפת את תל אביב ובטילים כבדים', IRAN],
    ['Hebrew three stacked prefixes', 'וכשאיראן תוקפת את תל אביב ובטילים כבדים', IRAN],
    ['Hebrew niqqud', 'אִירָאן תּוֹקֶפֶת אֶת תֵּל אָבִיב בְּטִילִים כְּבֵדִים', IRAN],
    ['Hebrew other translator (lexicon + עם)', 'איראן תקפה את תל אביב עם רקטות כבדות', IRAN],
    ['Hebrew word order', 'בטילים כבדים: איראן תוקפת את תל אביב', IRAN],
    ['Hebrew RTL marks and NBSP', '\u200Fאיראן\u00A0תוקפת\u200F את תל אביב בטילים\u200F כבדים', IRAN],
    ['Hebrew gershayim as ASCII quote', 'מנכ"ל לואו\'ס קורא לשמרנים לקנות בהום דיפו', LOWES],
    ['Hebrew gershayim and geresh', 'מנכ״ל לואו׳ס קורא לשמרנים לקנות בהום דיפו', LOWES],
    ['Hebrew without prefix the claim has', 'התנהגות משונה של שמש: מומחים נבוכים', SUN],
  ];
  it.each(cases)('%s', (_name, input, incident) => {
    const found = claims(input);
    expect(found.map((f) => f.incident)).toEqual([incident]);
  });
});

describe('claims: not found in genuine news or broken-up text', () => {
  const cases: [string, string][] = [
    ['real April 2024 report', 'Iran launches missiles and drones at Israel in unprecedented attack'],
    ['real report without one word', 'Iranian missiles strike near Tel Aviv as sirens sound'],
    ['October 2024 report', 'Iran fires about 180 ballistic missiles at Israel; Tel Aviv residents take shelter'],
    ['Klay recap', 'Klay Thompson goes 0-for-10 as Warriors are eliminated by the Kings'],
    ['eclipse explainer', 'What to expect from the solar eclipse: experts explain the sun\u2019s corona'],
    ['Modi sworn in', 'Narendra Modi sworn in as Prime Minister of India for a third term'],
    ['Home Depot news', 'Home Depot CEO says conservatives and liberals shop at the same stores'],
    ['blank line between', 'Iran strikes Tel Aviv\n\nwith heavy missiles'],
    ['blank line with spaces', 'Iran strikes Tel Aviv\n \t \nwith heavy missiles'],
    ['paragraph separator', 'Iran strikes Tel Aviv\u2029with heavy missiles'],
    ['words too far apart', 'Iran strikes, and after many long days of talks in Tel Aviv, with heavy hearts, missiles'],
    ['six-word claim missing one', 'Iran strikes Tel Aviv with missiles'],
    ['one-word claim is ignored', 'The eclipse was visible across North America'],
    ['Hebrew genuine report', 'איראן שיגרה טילים וכטב"מים לעבר ישראל'],
    ['Hebrew missing a word', 'איראן תוקפת את תל אביב'],
    ['Hebrew blank line', 'איראן תוקפת את תל אביב\n\nבטילים כבדים'],
  ];
  it.each(cases)('%s', (_name, input) => {
    expect(claims(input)).toEqual([]);
  });
});

describe('claim findings', () => {
  it('span from the first to the last matched word and explain why', () => {
    const input = 'Breaking: Iran Strikes Tel Aviv with Heavy Missiles, users said.';
    const [f] = claims(input);
    expect(f).toMatchObject({
      kind: 'fabricated-headline',
      incident: IRAN,
      text: 'Iran Strikes Tel Aviv with Heavy Missiles',
      why: { rule: 'claim', variant: 'Iran Strikes Tel Aviv with Heavy Missiles', score: 1, lang: 'en' },
    });
  });

  it('report a partial score when a long claim misses one word', () => {
    const [f] = claims('Klay Thompson accused in bizarre vandalism spree');
    expect(f!.why.score).toBeCloseTo(6 / 7);
  });

  it('report one finding when two renderings of one incident overlap, and the Hebrew one in Hebrew', () => {
    const he = claims('איראן תוקפת את תל אביב בטילים כבדים');
    expect(he).toHaveLength(1);
    expect(he[0]!.why.lang).toBe('he');
  });

  it('find each repetition of a headline separately', () => {
    const input = 'Iran Strikes Tel Aviv with Heavy Missiles\n\nIran Strikes Tel Aviv with Heavy Missiles';
    expect(claims(input).map((f) => f.start)).toEqual([0, 43]);
  });

  it('keep offsets in the original text when ignorable characters are dropped', () => {
    const input = 'x \u200B\u200FIr\u00ADan str\u200Bikes Tel Aviv with heavy missil\u200Bes\u200B!';
    const [f] = claims(input);
    expect(f!.text).toBe('Ir\u00ADan str\u200Bikes Tel Aviv with heavy missil\u200Bes');
  });
});

describe('claim spans: the tightest window of the claim words, inside the sentence', () => {
  const span = (input: string): string[] => claims(input).map((f) => f.text);

  it('a claim word earlier in the text does not start the finding (English)', () => {
    // "Missiles" also occurs before the headline, within the claim's window: the span starts at "Iran".
    expect(span('Missiles, and Iran strikes Tel Aviv with heavy missiles')).toEqual([
      'Iran strikes Tel Aviv with heavy missiles',
    ]);
  });

  it('a repeated claim word after the headline does not stretch the finding', () => {
    expect(span('Iran strikes Tel Aviv with heavy missiles, heavy losses')).toEqual([
      'Iran strikes Tel Aviv with heavy missiles',
    ]);
  });

  it('a one-sentence claim does not reach into the previous sentence (English)', () => {
    expect(span('Missiles everywhere. Iran strikes Tel Aviv with heavy missiles')).toEqual([
      'Iran strikes Tel Aviv with heavy missiles',
    ]);
    // The missing seventh word ("bizarre") is in the previous sentence: it is not counted, and not highlighted.
    const [f] = claims('Bizarre weather today. Klay Thompson accused in brick-vandalism spree');
    expect(f!.text).toBe('Klay Thompson accused in brick-vandalism spree');
    expect(f!.why.score).toBeCloseTo(6 / 7);
  });

  it('a one-sentence claim does not reach into the previous sentence (Hebrew)', () => {
    const [f] = claims('כדאי לקנות עכשיו. מנכ״ל לואו׳ס קורא לשמרנים בהום דיפו');
    expect(f!.text).toBe('מנכ״ל לואו׳ס קורא לשמרנים בהום דיפו');
    expect(f!.why.score).toBeCloseTo(6 / 7);
    expect(span('טילים בכל מקום. איראן תוקפת את תל אביב בטילים כבדים')).toEqual([
      'איראן תוקפת את תל אביב בטילים כבדים',
    ]);
  });

  it('claim words split over two sentences are not a claim', () => {
    expect(claims('Iran strikes Tel Aviv. With heavy missiles')).toEqual([]);
    expect(claims('Iran strikes Tel Aviv? Heavy missiles, they say')).toEqual([]);
    expect(claims('איראן תוקפת את תל אביב. בטילים כבדים')).toEqual([]);
  });

  it('an ellipsis is a pause, not a sentence end', () => {
    expect(span('Iran strikes Tel Aviv\u2026 with heavy missiles')).toEqual(['Iran strikes Tel Aviv\u2026 with heavy missiles']);
  });

  it('a claim whose own text has a sentence end ("vs.") may span one, no more', () => {
    expect(span('Adams vs. Earthquake: 50,000 Cops in Subway Showdown')).toHaveLength(1);
    expect(claims('Adams vs. Earthquake. 50,000 Cops. Subway Showdown')).toEqual([]);
  });
});

describe('Hebrew prefix letters come off one side only', () => {
  // מספר ("several") starts with a root letter, not a prefix: ספר is "book", הספר "the book".
  const config: MatcherConfig = {
    claims: [{ incident: 'storm', lang: 'he', text: 'מספר בתים נהרסו בסערה' }],
    labels: [],
    mentions: [],
    lexicon: [],
  };
  const storm = createMatcher(config);
  const found = (text: string): string[] => storm.match(text).map((f) => f.text);

  it('a word with a prefix letter of its own still matches', () => {
    expect(found('ומספר בתים נהרסו בסערה')).toEqual(['ומספר בתים נהרסו בסערה']);
    expect(found('מספר בתים נהרסו בסערה')).toEqual(['מספר בתים נהרסו בסערה']);
  });

  it('a configured word without its first letter matches as it stands', () => {
    expect(found('מספר הבתים נהרסו בסערה')).toEqual(['מספר הבתים נהרסו בסערה']);
    expect(found('מספר בתים נהרסו סערה')).toEqual(['מספר בתים נהרסו סערה']);
  });

  it('a different prefix letter on each side is not the same word', () => {
    expect(found('הספר בתים נהרסו בסערה')).toEqual([]);
  });
});

describe('long claims: only an ordinary word may be missing', () => {
  const incidents = (input: string): (string | undefined)[] => claims(input).map((f) => f.incident);

  it.each([
    ['Title Case claim without an adjective', 'Klay Thompson accused in brick-vandalism spree', KLAY],
    ['Title Case claim without its noun', 'Klay Thompson accused in bizarre vandalism spree', KLAY],
    ['sentence-case claim without a lower-case word', "Lowe's CEO urges shoppers to shop at Home Depot", LOWES],
    ['Hebrew claim without a later word', 'מנכ״ל לואו׳ס קורא לשמרנים לרכוש בהום דיפו', LOWES],
  ])('%s: found', (_name, input, incident) => {
    expect(incidents(input)).toEqual([incident]);
  });

  it.each([
    ['Title Case claim without the first name', 'Thompson accused in bizarre brick-vandalism spree'],
    ['Title Case claim without the surname', 'Klay Jones accused in bizarre brick-vandalism spree'],
    ['sentence-case claim without a capitalised name', "Lowe's CEO urges conservatives to shop at the Depot"],
    ['sentence-case claim without its first word', 'Walmart CEO urges conservatives to shop at Home Depot'],
    ['Hebrew claim without the company name', 'מנכ״ל וולמארט קורא לשמרנים לקנות בהום דיפו'],
  ])('%s: not found', (_name, input) => {
    expect(claims(input)).toEqual([]);
  });

  it('numbers are distinctive', () => {
    const config: MatcherConfig = {
      claims: [{ incident: 'n', lang: 'en', text: 'Mayor sends 50,000 police officers into flooded subway tunnels' }],
      labels: [],
      mentions: [],
      lexicon: [],
    };
    const m = createMatcher(config);
    expect(m.match('Mayor sends 50,000 police officers into subway tunnels')).toHaveLength(1);
    expect(m.match('Mayor sends police officers into flooded subway tunnels')).toEqual([]);
  });
});

describe('labels (grok-summary by prefix)', () => {
  it('the whole label marks its block, up to the blank line', () => {
    const input =
      'Iran news\n\nThis story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs. People say things.\n\nNext';
    const found = summaries(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ why: { rule: 'label', score: 1, lang: 'en' } });
    expect(found[0]!.text).toBe(
      'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs. People say things.',
    );
  });

  it('a label found only by its prefix spans the words found', () => {
    const input = 'Grok is an early feature and can make errors sometimes.';
    const [f] = summaries(input);
    expect(f!.text).toBe('Grok is an early feature and can make');
  });

  it('a matching first sentence is included with its full stop', () => {
    const input = 'Grok is an early feature and can make mistakes. Check its outputs.';
    const [f] = summaries(input);
    expect(f!.text).toBe('Grok is an early feature and can make mistakes.');
  });

  it('matches across case, punctuation, zero-width chars and inline joins', () => {
    const input = ['THIS STORY is a sum', 'mary of posts on\u00A0X,', ' and may evo\u200Blve over time'].join('');
    expect(summaries(input).map((f) => f.why.rule)).toEqual(['label']);
  });

  it('Hebrew label by its prefix', () => {
    const input = 'הסיפור הזה הוא סיכום של פוסטים מ־X שהופק על ידי Grok. הסיפור יתפתח לאורך זמן.';
    const found = summaries(input);
    expect(found.map((f) => [f.why.rule, f.why.lang])).toEqual([['label', 'he']]);
    expect(found[0]!.text).toBe(input);
  });

  const negatives: [string, string][] = [
    ['prefix not reached', 'This story is a summary of the game last night.'],
    ['short ordinary sentence', 'Grok can make mistakes.'],
    ['prefix split by a blank line', 'This story is a summary\n\nof posts on X and may evolve over time.'],
    ['words out of order', 'This is a story summary of posts on X and may evolve.'],
    ['Hebrew prefix not reached', 'הסיפור הזה הוא סיכום של המשחק'],
  ];
  it.each(negatives)('no label: %s', (_name, input) => {
    expect(summaries(input).filter((f) => f.why.rule === 'label')).toEqual([]);
  });
});

describe('mentions (grok-summary)', () => {
  const positives: [string, string, string][] = [
    ['subject then topic', 'X now lets Grok write trending headlines for its users.', 'en'],
    ['possessive', 'Critics doubt Grok\u2019s trending summaries.', 'en'],
    ['topic then subject', 'The trending headlines were written by Grok, X says.', 'en'],
    ['all caps subject', 'GROK WRITES TRENDING HEADLINES NOW', 'en'],
    ['multi-word topic', 'Grok now writes news summaries', 'en'],
    ['case-sensitive topic', 'X launched Stories written by Grok', 'en'],
    ['standalone phrase', 'Stories on X arrive in the Explore tab', 'en'],
    ['standalone Grok summary', 'Tap the Grok summary to read more', 'en'],
    ['Hebrew subject and topic', 'גרוק פרסם כותרות מזויפות', 'he'],
    ['Hebrew prefix on subject', 'הכותרות שגרוק כתב היו שגויות', 'he'],
    ['Hebrew with Latin Grok', "הצ'אטבוט Grok כתב נושאים חמים", 'he'],
    ['Hebrew prefix on Latin Grok', 'הכותרות שכתב בGrok', 'he'],
    ['Hebrew standalone', 'סיכום של Grok', 'he'],
  ];
  it.each(positives)('%s', (_name, input, lang) => {
    const found = summaries(input);
    expect(found.map((f) => [f.why.rule, f.why.lang])).toEqual([['mention', lang]]);
  });

  it('spans the sentence', () => {
    const input = 'Intro text here. Then X let Grok write trending headlines for everyone! Later text.';
    const [f] = summaries(input);
    expect(f!.text).toBe('Then X let Grok write trending headlines for everyone!');
    expect(f!.why.variant).toBe('Grok + trending');
  });

  it('gives one finding per sentence', () => {
    expect(summaries('Grok trending, and Grok headlines, and Grok trending again.')).toHaveLength(1);
    expect(summaries('Grok trending. Grok headlines.')).toHaveLength(2);
  });

  it('cuts a long sentence to the span limit around the match', () => {
    const filler = 'words '.repeat(200);
    const input = `${filler}and then Grok wrote trending headlines ${filler}end.`;
    const [f] = summaries(input);
    expect(f!.end - f!.start).toBeLessThanOrEqual(MENTION_SPAN_MAX);
    expect(f!.text).toContain('Grok wrote trending');
    expect(f!.text.startsWith('words')).toBe(true);
  });

  it('a topic word inside an idiom does not count, a topic outside it still does', () => {
    expect(summaries('Grok makes headlines again')).toEqual([]);
    expect(summaries('Grok is making headlines')).toEqual([]);
    expect(summaries('Grok made headlines this week.')).toEqual([]);
    expect(summaries('גרוק שוב עושה כותרות')).toEqual([]);
    expect(summaries('Grok made headlines with its news summaries').map((f) => f.why.variant)).toEqual([
      'Grok + news summaries',
    ]);
    expect(summaries('Grok makes up headlines').map((f) => f.why.rule)).toEqual(['mention']);
    expect(summaries('גרוק עושה כותרות מזויפות, ואז עוד כותרות').map((f) => f.why.rule)).toEqual(['mention']);
  });

  const negatives: [string, string][] = [
    ['product mention', 'Grok 3 was trained on a cluster of GPUs in Memphis.'],
    ['product mention with Grok twice', 'Grok is a chatbot. Grok answers questions.'],
    ['verb grok', 'I finally grok trending topics in statistics.'],
    ['verb groks', 'She groks the headlines instantly.'],
    ['verb grokked', 'We grokked the trending algorithm.'],
    ['verb grokking', 'Grokking trending headlines takes time.'],
    ['lowercase standalone', 'stories on x are fun'],
    ['topic in the next sentence', 'Grok is an AI model. Trending topics change daily.'],
    ['too far apart', 'Grok one two three four five six seven eight nine ten trending'],
    ['across a blank line', 'Grok\n\ntrending'],
    ['Hebrew product mention', 'גרוק הוא צ׳אטבוט של xAI'],
  ];
  it.each(negatives)('no mention: %s', (_name, input) => {
    expect(summaries(input)).toEqual([]);
  });
});

describe('kinds and overlaps', () => {
  const input = 'Grok trending headline: Iran Strikes Tel Aviv with Heavy Missiles';

  it('a claim finding and a mention may overlap', () => {
    const found = checked(input, matcher.match(input));
    expect(found.map((f) => f.kind).sort()).toEqual(['fabricated-headline', 'grok-summary']);
  });

  it('options.kinds limits what is reported', () => {
    expect(matcher.match(input, { kinds: ['fabricated-headline'] }).map((f) => f.kind)).toEqual([
      'fabricated-headline',
    ]);
    expect(matcher.match(input, { kinds: ['grok-summary'] }).map((f) => f.kind)).toEqual(['grok-summary']);
    expect(matcher.match(input, { kinds: [] })).toEqual([]);
  });

  it('findings of one kind never overlap: a label beats a mention in its block', () => {
    const text = 'Grok is an early feature and can make mistakes. Verify its outputs. Grok trending headlines here.';
    const found = summaries(text);
    expect(found.map((f) => f.why.rule)).toEqual(['label']);
  });

  it('empty and non-string input give no findings', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match(undefined as unknown as string)).toEqual([]);
  });

  it('a malformed config is rejected with an error naming the entry', () => {
    const bad = { ...TEST_CONFIG, labels: [{ lang: 'en', text: 'x y', prefixWords: 0 }] } as MatcherConfig;
    expect(() => createMatcher(bad)).toThrow(/labels\[0\]/);
    expect(() => createMatcher({ claims: [] } as unknown as MatcherConfig)).toThrow(/config\.labels must be an array/);
  });

  it('a config without patterns matches nothing', () => {
    const empty: MatcherConfig = { claims: [], labels: [], mentions: [], lexicon: [] };
    expect(createMatcher(empty).match('Iran Strikes Tel Aviv with Heavy Missiles')).toEqual([]);
  });
});

// Generous timeouts: these assert behaviour on 5 MB inputs, not speed (CI machines may be loaded).
describe('large adversarial input stays linear and correct', { timeout: 120_000 }, () => {
  const MB5 = 5 * 1024 * 1024;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB5 / unit.length));

  const none: [string, string][] = [
    ['one 5 MB word', 'a'.repeat(MB5)],
    ['near-miss words', fill('Irn strikez Tell Avivv heavyy missils Grokk trendin ')],
    ['one claim word repeated', fill('Iran ')],
    ['claim words missing one, repeated', fill('Iran strikes Tel Aviv with heavy ')],
    ['digit groups', fill('1,000,')],
    ['quotes and apostrophes', fill("'\u2019a'")],
    ['zero-width characters', fill('\u200B\u200F')],
    ['newlines', fill('\n')],
    ['label starts repeated', fill('This story is a ')],
    ['subjects without topics', fill('Grok ')],
  ];
  it.each(none)('%s: no findings', (_name, input) => {
    expect(matcher.match(input)).toEqual([]);
  });

  it('a long run of a claim gives many non-overlapping findings with valid offsets', () => {
    const input = fill('Iran Strikes Tel Aviv with Heavy Missiles ');
    const found = matcher.match(input);
    expect(found.length).toBeGreaterThan(1000);
    let lastEnd = 0;
    for (const f of found) {
      expect(f.incident).toBe(IRAN);
      expect(f.start).toBeGreaterThanOrEqual(lastEnd);
      lastEnd = f.end;
    }
    const mid = found[Math.floor(found.length / 2)]!;
    expect(mid.text).toBe(input.slice(mid.start, mid.end));
  });

  it('one endless sentence with subject and topic gives one cut mention', () => {
    const found = matcher.match(fill('Grok trending '));
    expect(found).toHaveLength(1);
    expect(found[0]!.end - found[0]!.start).toBeLessThanOrEqual(MENTION_SPAN_MAX);
  });
});
