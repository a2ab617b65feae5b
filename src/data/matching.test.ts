/**
 * The knowledge base as the core sees it: every claim text is found as its own incident, tolerated variants
 * still are, genuine reporting about the same events never is, and the labels and mention words find Grok
 * summaries without firing on Grok the product or the verb "grok".
 */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../core/index.ts';
import type { Finding } from '../core/types';
import { genuineHeadlines } from './genuine-headlines';
import { bundledMatcherConfig, knowledgeBase } from './index';

const matcher = createMatcher(bundledMatcherConfig);

const claimFindings = (text: string): Finding[] => matcher.match(text, { kinds: ['fabricated-headline'] });
const summaryFindings = (text: string): Finding[] => matcher.match(text, { kinds: ['grok-summary'] });

function expectIncident(text: string, incident: string): void {
  const found = claimFindings(text);
  expect(found.map((finding) => finding.incident), text).toEqual([incident]);
  const [finding] = found;
  expect(finding?.text, text).toBe(text.slice(finding?.start, finding?.end));
}

const claims = knowledgeBase.incidents.flatMap((incident) => [
  ...incident.claims.en.map((text) => ({ incident: incident.id, lang: 'en' as const, text })),
  ...incident.claims.he.map((text) => ({ incident: incident.id, lang: 'he' as const, text })),
]);

/** Variants that must not change the result: each is applied to every claim text. */
const variants: Array<[string, (text: string) => string]> = [
  ['verbatim', (text) => text],
  ['inside a sentence', (text) => `Screenshot from yesterday's Explore tab: ${text} (posted 9:14 PM)`],
  ['extra spacing and a line break', (text) => `  ${text.replace(/ /g, '   ').replace('   ', '\n')}  `],
  ['non-breaking spaces', (text) => text.replace(/ /g, '\u00a0')],
  ['curly apostrophes', (text) => text.replace(/'/g, '\u2019')],
  ['upper case', (text) => text.toUpperCase()],
  [
    'zero-width and bidi marks inside words',
    (text) => text.replace(/(\p{L}\p{L})(?=\p{L})/gu, '$1\u200b').replace(/ /g, ' \u200f'),
  ],
  ['soft hyphens', (text) => text.replace(/(\p{L}{3})(?=\p{L})/gu, '$1\u00ad')],
];

describe('claims: every claim text finds its own incident', () => {
  for (const [name, transform] of variants) {
    it.each(claims)(`${name}: $incident ($lang) $text`, ({ incident, text }) => {
      expectIncident(transform(text), incident);
    });
  }
});

describe('claims: wording changes of other writers and translators', () => {
  it.each([
    // English: small wording changes, British spellings, straight/curly quotes.
    ['iran-tel-aviv-2024', 'Iran hits Tel Aviv with heavy rockets'],
    ['iran-tel-aviv-2024', 'IRAN STRIKES TEL-AVIV WITH HEAVY MISSILES'],
    ['adams-earthquake-2024', 'Adams versus earthquake: 50k police in subway standoff'],
    ['adams-earthquake-2024', 'Adams vs Earthquake — 50.000 Cops in Subway Showdown'],
    ['sun-eclipse-2024', 'The sun’s odd behaviour: experts baffled'],
    ['klay-thompson-bricks-2024', 'Klay Thompson accused in bizarre brick vandalism spree'],
    ['klay-thompson-bricks-2024', 'Thompson was accused of vandalising multiple houses with bricks in Sacramento'],
    ['modi-ejected-2024', 'PM Modi ousted from Indian government'],
    ['lowes-home-depot-2024', 'Lowe’s CEO urged conservatives to shop at Home Depot'],
    ['ballot-deadlines-2024', 'Grok: the ballot deadlines have passed for several states for the 2024 election'],
    // Hebrew: prefix letters, another word order, synonyms, geresh/gershayim in either form.
    ['iran-tel-aviv-2024', 'איראן תקפה את תל-אביב עם רקטות כבדות'],
    ['iran-tel-aviv-2024', 'בטילים כבדים: איראן מתקיפה את תל אביב'],
    ['iran-tel-aviv-2024', 'דיווח: ואיראן תוקפת בתל אביב בטילים כבדים'],
    ['iran-tel-aviv-2024', 'איראן הנחיתה טילים כבדים על תל אביב'],
    ['adams-earthquake-2024', 'אדאמס מול רעידת האדמה: 50,000 שוטרים בהתמודדות ברכבת התחתית'],
    ['sun-eclipse-2024', 'התנהגות משונה של השמש: מדענים מבולבלים'],
    ['sun-eclipse-2024', 'המומחים המומים מהתנהגות השמש המוזרה'],
    ['klay-thompson-bricks-2024', 'קלאי תומפסון נאשם בשרשרת ונדליזם ביזארית עם לבנים'],
    ['modi-ejected-2024', 'מודי הודח מהממשלה ההודית'],
    ['modi-ejected-2024', 'רה״מ מודי סולק מממשלת הודו'],
    ['lowes-home-depot-2024', 'מנכ״ל לואו׳ס קרא לשמרנים לקנות בהום דפו'],
    ['ballot-deadlines-2024', 'בכמה מדינות כבר חלף המועד האחרון לפתקי ההצבעה לבחירות של 2024'],
  ])('%s: %s', (incident, text) => {
    expectIncident(text, incident);
  });

  it('finds the claim in a paragraph of other text, spanning just the claim', () => {
    const text = 'On 4 April the trending tab said "Iran Strikes Tel Aviv with Heavy Missiles". It had not happened.';
    const [finding] = claimFindings(text);
    expect(finding?.incident).toBe('iran-tel-aviv-2024');
    expect(finding?.text.startsWith('Iran')).toBe(true);
    expect(finding?.text.endsWith('Missiles') || finding?.text.endsWith('Missiles"')).toBe(true);
  });
});

describe('claim spans start and end at the claim', () => {
  it.each([
    // A word of the previous sentence (הספר, "the book") once passed for a claim word (מספר, "several"), with a
    // different prefix letter taken off each side, and the highlight started there.
    ['after a sentence', 'קפה שקט הספר אולי. נאשם בהשחתת בתים בסקרמנטו עם לבנים'],
    ['after words without a full stop', 'קפה שקט הספר אולי נאשם בהשחתת בתים בסקרמנטו עם לבנים'],
  ])('Hebrew, %s', (_name, text) => {
    const found = claimFindings(text);
    expect(found.map((finding) => [finding.incident, finding.text])).toEqual([
      ['klay-thompson-bricks-2024', 'נאשם בהשחתת בתים בסקרמנטו עם לבנים'],
    ]);
  });

  it('a claim followed by a word of another of its renderings ends at its own last word', () => {
    const text = 'הדדליין לפתקי ההצבעה עבר בכמה מדינות. #sport47 הספר';
    expect(claimFindings(text).map((finding) => finding.text)).toEqual(['הדדליין לפתקי ההצבעה עבר בכמה מדינות']);
  });

  it('English: a claim word in the previous sentence is not part of the finding', () => {
    const text = 'The missiles were a rumour. Iran Strikes Tel Aviv with Heavy Missiles';
    expect(claimFindings(text).map((finding) => finding.text)).toEqual(['Iran Strikes Tel Aviv with Heavy Missiles']);
  });
});

describe('long claims: a missing word must be an ordinary one', () => {
  it.each([
    ['adams-earthquake-2024', 'אדמס נגד רעידת האדמה: 50,000 שוטרים בעימות ברכבת'],
    ['klay-thompson-bricks-2024', 'Klay Thompson Accused in Brick-Vandalism Spree'],
    ['lowes-home-depot-2024', "Lowe's CEO urges conservatives to go to Home Depot"],
  ])('%s without an ordinary word: %s', (incident, text) => {
    expectIncident(text, incident);
  });

  it.each([
    ['the number', 'אדמס נגד רעידת האדמה: שוטרים בעימות ברכבת התחתית'],
    ['the subject', 'ראש העיר נגד רעידת האדמה: 50,000 שוטרים בעימות ברכבת התחתית'],
    ['the first name', 'Mr Thompson Accused in Bizarre Brick-Vandalism Spree'],
    ['the store', "Lowe's CEO urges conservatives to shop at Target"],
    ['the company', 'מנכ"ל וולמארט קורא לשמרנים לקנות בהום דיפו'],
  ])('without %s: %s', (_what, text) => {
    expect(claimFindings(text)).toEqual([]);
  });
});

describe('genuine reporting and ordinary text yield no finding', () => {
  it.each(genuineHeadlines)('$about ($lang): $text', ({ text }) => {
    expect(matcher.match(text)).toEqual([]);
  });

  it('a page of genuine headlines, one per line, yields none either', () => {
    expect(matcher.match(genuineHeadlines.map((headline) => headline.text).join('\n'))).toEqual([]);
  });

  it('claim words scattered across separate blocks do not combine', () => {
    expect(claimFindings('Iran strikes back.\n\nTel Aviv weather: heavy rain.\n\nMissiles intercepted.')).toEqual([]);
  });
});

describe('labels: each of X’s Grok labels is a grok-summary', () => {
  it.each(knowledgeBase.signals.labels)('$lang: $text', ({ text }) => {
    const found = summaryFindings(`Iran Strikes Tel Aviv\n\n${text}`);
    expect(found.map((finding) => finding.why.rule)).toContain('label');
  });

  it.each(knowledgeBase.signals.labels)('first sentence only ($lang): $text', ({ text, prefixWords }) => {
    // The label is recognised by its opening words, even when X shows only the start of it.
    const words = text.split(/\s+/);
    const opening = words.slice(0, Math.min(words.length, prefixWords + 2)).join(' ');
    expect(summaryFindings(opening).length, opening).toBeGreaterThan(0);
  });
});

describe('mentions: text about Grok’s trending summaries', () => {
  it.each([
    "Grok's trending summaries on X have repeatedly turned jokes into news.",
    'X now asks Grok to explain what’s trending.',
    'X now uses Grok to write the headlines in its Explore tab.',
    'Stories on X are written by an AI model and can be wrong.',
    'The Grok summary at the top of the page was simply wrong.',
    'GROK-WRITTEN HEADLINES FOOLED THOUSANDS',
    'Paying subscribers now see Grok Stories in the For You tab.',
  ])('en: %s', (text) => {
    expect(summaryFindings(text).map((finding) => finding.why.rule), text).toEqual(['mention']);
  });

  it.each([
    'גרוק כתב כותרות מזויפות בטרנדים של X.',
    'הסיכומים שגרוק כותב לנושאים החמים מלאים בטעויות.',
    'סיכום של Grok הופיע מעל הפוסט.',
    'הכותרות שמייצר Grok באזור הטרנדים אינן נבדקות.',
    'סיפורים של Grok מופיעים כעת גם בעברית.',
    'סיכומי החדשות של גרוק מלאים בטעויות.',
  ])('he: %s', (text) => {
    expect(summaryFindings(text).map((finding) => finding.why.rule), text).toEqual(['mention']);
  });

  it.each([
    // "Makes headlines" is being in the news, not writing headlines; the summaries named in the sentence count.
    ['en', 'Grok made headlines again with its trending summaries.'],
    ['en', 'Grok is making up headlines about the war.'],
    ['he', 'גרוק שוב עושה כותרות מזויפות בטרנדים.'],
  ])('an idiom does not hide another topic (%s): %s', (_lang, text) => {
    expect(summaryFindings(text).map((finding) => finding.why.rule), text).toEqual(['mention']);
  });

  it.each([
    'Grok makes headlines again.',
    'Grok made headlines this week after its latest update.',
    'Grok grabbed headlines at the conference.',
    'גרוק שוב עושה כותרות.',
    'הבוט גרוק מככב בכותרות השבוע.',
  ])('an idiom is not a mention: %s', (text) => {
    expect(summaryFindings(text)).toEqual([]);
  });

  it.each([
    'Grok 3 was trained on a cluster of 100,000 GPUs.',
    'I finally grokked how trending algorithms pick headlines.',
    'Grok can write code. Trending topics today: football and the weather.',
    'גרוק 3 אומן על אשכול של 100 אלף מעבדים.',
  ])('not a mention: %s', (text) => {
    expect(summaryFindings(text)).toEqual([]);
  });
});
