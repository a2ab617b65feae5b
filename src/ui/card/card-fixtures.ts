/** Incidents and models for the card's tests and previews (never shipped: only tests and previews import it). */
import type { Incident } from '../../data/schema';
import type { CardModel } from './card-model';

export const IRAN: Incident = {
  id: 'iran-tel-aviv-2024',
  title: { en: 'Fake Iran missile strike headline', he: 'כותרת מזויפת על מתקפת טילים איראנית' },
  date: '2024-04-04',
  surface: 'trending-summary',
  rating: 'Fabricated',
  appearance: { en: 'X Explore, trending', he: 'X, לשונית "גלו", נושאים חמים' },
  claims: { en: ['Iran Strikes Tel Aviv with Heavy Missiles'], he: ['איראן תוקפת את תל אביב בטילים כבדים'] },
  claim: { en: 'Iran Strikes Tel Aviv with Heavy Missiles', he: 'איראן תוקפת את תל אביב בטילים כבדים' },
  happened: {
    en: 'Iran had not attacked Israel. The headline was promoted in Explore on the first day of the feature.',
    he: 'איראן לא תקפה את ישראל. הכותרת קודמה בלשונית "גלו" ביום הראשון של התכונה.',
  },
  why: {
    en: 'Grok summarised a burst of verified accounts posting the same false claim, plus an unverified explosion video.',
    he: 'Grok סיכם גל של חשבונות מאומתים שפרסמו אותה טענה כוזבת, וסרטון פיצוץ לא מאומת.',
  },
  cautions: [
    {
      en: 'Iran really did attack Israel on 13–14 April 2024 and on 1 October 2024: reports of those attacks are not this headline.',
      he: 'איראן אכן תקפה את ישראל ב-13–14 באפריל 2024 וב-1 באוקטובר 2024: דיווחים על המתקפות האלה אינם הכותרת הזאת.',
    },
  ],
  sources: [
    { publisher: 'AI Incident Database', title: 'Incident 719', url: 'https://incidentdatabase.ai/cite/719' },
    {
      publisher: 'AIAAIC',
      title: 'Grok generates fake Iran missile attack headline',
      url: 'https://www.aiaaic.org/aiaaic-repository/ai-algorithmic-and-automation-incidents/grok-generates-fake-iran-missile-attack-headline',
    },
    { publisher: 'Mashable', title: "Elon Musk's X pushed a fake headline about Iran attacking Israel" },
  ],
  confidence: 'high',
};

export const KLAY: Incident = {
  ...IRAN,
  id: 'klay-thompson-bricks-2024',
  date: '2024-04-16',
  dateText: { en: 'night of 16–17 April 2024', he: 'הלילה שבין 16 ל-17 באפריל 2024' },
  claims: { en: ['Klay Thompson Accused in Bizarre Brick-Vandalism Spree'], he: [] },
  claim: { en: 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree', he: 'קליי תומפסון מואשם במסע ונדליזם מוזר בלבנים' },
  cautions: [],
};

export const BALLOTS: Incident = {
  ...IRAN,
  id: 'ballot-deadlines-2024',
  date: '2024-07-21',
  surface: 'chatbot-answer',
  rating: 'False',
  claim: {
    en: 'The ballot deadline has passed for several states for the 2024 election.',
    he: 'המועד האחרון לרישום מועמדים בפתקי ההצבעה עבר בכמה מדינות לקראת בחירות 2024.',
  },
  happened: {
    en: 'The deadlines had not passed in any of the nine states Grok named; five secretaries of state wrote to X.',
    he: 'המועדים לא עברו באף אחת מתשע המדינות ש-Grok מנה; חמישה מזכירי מדינה פנו ל-X.',
  },
  why: {
    en: 'The chatbot answered election questions without checking official election calendars.',
    he: "הצ'אטבוט ענה על שאלות בחירות בלי לבדוק את לוחות הזמנים הרשמיים של הבחירות.",
  },
  cautions: [],
  sources: [{ publisher: 'Fortune', title: 'US states ask Musk to fix Grok', url: 'https://fortune.com/2024/08/06/us-states-elon-musk-fix-grok-ai-chatbot-bogus-ballot-deadline-information' }],
  confidence: 'medium',
};

export const CONTEXT_BASE = 'chrome-extension://abcdefghijklmnop/context.html';

export function incidentModel(overrides: Partial<CardModel> = {}): CardModel {
  return {
    findingId: 'f1',
    kind: 'fabricated-headline',
    text: 'Iran Strikes Tel Aviv with Heavy Missiles',
    why: { rule: 'claim', variant: 'Iran Strikes Tel Aviv with Heavy Missiles', score: 0.917, lang: 'en' },
    incident: IRAN,
    examples: [],
    contextUrl: `${CONTEXT_BASE}#${IRAN.id}`,
    lang: 'en',
    ...overrides,
  };
}

export function summaryModel(overrides: Partial<CardModel> = {}): CardModel {
  return {
    findingId: 'f2',
    kind: 'grok-summary',
    text: 'Tech stocks rallied on Tuesday as investors weighed new chip export rules, according to posts on X.',
    why: { rule: 'site-label', variant: 'This story is a summary of posts on X', score: 1, lang: 'en' },
    examples: [IRAN, KLAY, BALLOTS],
    contextUrl: CONTEXT_BASE,
    lang: 'en',
    ...overrides,
  };
}
