/**
 * A small matcher config for the core's own tests (the core never imports src/data). Its claims are the
 * documented headlines; its Hebrew renderings, labels, mentions and lexicon are written to exercise every rule.
 */
import type { MatcherConfig } from './types';

export const TEST_CONFIG: MatcherConfig = {
  claims: [
    { incident: 'iran-tel-aviv-2024', lang: 'en', text: 'Iran Strikes Tel Aviv with Heavy Missiles' },
    { incident: 'iran-tel-aviv-2024', lang: 'he', text: 'איראן תוקפת את תל אביב בטילים כבדים' },
    { incident: 'adams-earthquake-2024', lang: 'en', text: 'Adams vs. Earthquake: 50,000 Cops in Subway Showdown' },
    { incident: 'sun-eclipse-2024', lang: 'en', text: "Sun's Odd Behavior: Experts Baffled" },
    { incident: 'sun-eclipse-2024', lang: 'he', text: 'התנהגות מוזרה של השמש: המומחים מבולבלים' },
    {
      incident: 'klay-thompson-bricks-2024',
      lang: 'en',
      text: 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree',
    },
    { incident: 'modi-ejected-2024', lang: 'en', text: 'PM Modi Ejected from Indian Government' },
    { incident: 'lowes-home-depot-2024', lang: 'en', text: "Lowe's CEO urges conservatives to shop at Home Depot." },
    { incident: 'lowes-home-depot-2024', lang: 'he', text: 'מנכ״ל לואו׳ס קורא לשמרנים לקנות בהום דיפו' },
    // A one-word claim would fire on any page using the word: the matcher ignores it.
    { incident: 'too-short', lang: 'en', text: 'the Eclipse' },
  ],
  labels: [
    { lang: 'en', text: 'Grok is an early feature and can make mistakes. Verify its outputs.', prefixWords: 7 },
    {
      lang: 'en',
      text: 'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.',
      prefixWords: 9,
    },
    { lang: 'en', text: 'Grok can make mistakes. Always check original sources.', prefixWords: 7 },
    { lang: 'he', text: 'הסיפור הזה הוא סיכום של פוסטים מ-X שהופק על ידי Grok. הסיפור יתפתח לאורך זמן.', prefixWords: 6 },
  ],
  mentions: [
    {
      lang: 'en',
      subjects: [
        { text: 'Grok', matchCase: true },
        { text: 'GROK', matchCase: true },
      ],
      topics: [
        { text: 'trending' },
        { text: 'headlines' },
        { text: 'news summaries' },
        { text: 'Stories', matchCase: true },
        { text: 'Explore tab', matchCase: true },
      ],
      standalone: [
        { text: 'Stories on X', matchCase: true },
        { text: 'Grok summary', matchCase: true },
      ],
      idioms: [{ text: 'makes headlines' }, { text: 'made headlines' }],
      window: 8,
    },
    {
      lang: 'he',
      subjects: [{ text: 'גרוק' }, { text: 'Grok', matchCase: true }],
      topics: [{ text: 'כותרות' }, { text: 'טרנדים' }, { text: 'נושאים חמים' }],
      standalone: [{ text: 'סיכום של Grok', matchCase: true }],
      idioms: [{ text: 'עושה כותרות' }],
      window: 8,
    },
  ],
  lexicon: [
    ['strikes', 'struck', 'hits', 'attacks'],
    ['missiles', 'rockets'],
    ['cops', 'police', 'officers'],
    ['50000', '50k'],
    ['bizarre', 'weird'],
    ['תוקפת', 'תקפה', 'מתקפה'],
    ['טילים', 'רקטות'],
    ['כבדים', 'כבדות'],
    ['מוזרה', 'משונה'],
    ['מבולבלים', 'נבוכים'],
    ['Tel Aviv'], // multi-word entries cannot be one word: ignored
  ],
};
