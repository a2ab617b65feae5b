/** Every string the annotation card shows, in English and Hebrew. */
import type { MatchRule } from '../../core/types';
import type { Rating, Surface } from '../../data/schema';
import type { UiLang } from '../lang';

export interface CardStrings {
  /** "Fabricated headline" / "False answer"… by where the claim appeared and how it is rated. */
  claimKind(surface: Surface, rating: Rating): string;
  /** The card's title for a known incident, e.g. "Fabricated headline — written by Grok's trending summaries, 4 April 2024". */
  incidentLabel(surface: Surface, rating: Rating, date: string): string;
  /** The card's title for a grok-summary finding, by the rule that found it. */
  summaryLabel(rule: MatchRule): string;
  claim: string;
  happened: string;
  whyWrong: string;
  cautions: string;
  sources: string;
  oneSource: string;
  fullContext: string;
  summaryWhat: string;
  summaryBefore: string;
  whyMarked: string;
  rule: Record<MatchRule, string>;
  matched: string;
  score: string;
  onPage: string;
  notThis: string;
  notThisHint: string;
  close: string;
  /** Separator between a label and a value ("Matched: …"). */
  colon: string;
  /** Quotation marks around a quoted headline: curly in English, straight in Hebrew (curly ones read reversed in RTL). */
  quote(text: string): string;
}

const en: CardStrings = {
  claimKind: (surface, rating) =>
    surface === 'trending-summary'
      ? { Fabricated: 'Fabricated headline', False: 'False headline', Misleading: 'Misleading headline' }[rating]
      : { Fabricated: 'Fabricated answer', False: 'False answer', Misleading: 'Misleading answer' }[rating],
  incidentLabel: (surface, rating, date) =>
    surface === 'trending-summary'
      ? `${en.claimKind(surface, rating)} — written by Grok's trending summaries, ${date}`
      : `${en.claimKind(surface, rating)} — Grok chatbot, ${date}`,
  summaryLabel: (rule) =>
    rule === 'mention'
      ? "About Grok's trending summaries"
      : rule === 'label'
        ? "X's label on a Grok-written story"
        : "Written by Grok — X's AI trending summary",
  claim: 'The claim',
  happened: 'What actually happened',
  whyWrong: 'Why it went wrong',
  cautions: 'Keep in mind',
  sources: 'Sources',
  oneSource: 'Documented by one source.',
  fullContext: 'Full context',
  summaryWhat:
    "Since April 2024, X has used its AI chatbot Grok to write headlines and short summaries of trending topics (\"Stories on X\"). They are generated from posts on X, not from reporting, and X labels them \"Grok can make mistakes\".",
  summaryBefore: 'These summaries have fabricated headlines before, for example:',
  whyMarked: 'Why this was marked',
  rule: {
    claim: 'Matches a documented false claim',
    label: "X's label on Grok-generated stories",
    mention: "Mentions Grok's trending summaries",
    'site-label': "Shown next to X's Grok label",
  },
  matched: 'Matched',
  score: 'Match',
  onPage: 'On this page',
  notThis: 'Not this',
  notThisHint: "Don't mark this text on this site again",
  close: 'Close',
  colon: ': ',
  quote: (text) => `“${text}”`,
};

/** First-strong isolate: keeps "Grok, 4 באפריל" from reading as one left-to-right run in RTL. */
const isolate = (text: string): string => `\u2068${text}\u2069`;

const he: CardStrings = {
  claimKind: (surface, rating) =>
    surface === 'trending-summary'
      ? { Fabricated: 'כותרת מפוברקת', False: 'כותרת כוזבת', Misleading: 'כותרת מטעה' }[rating]
      : { Fabricated: 'תשובה מפוברקת', False: 'תשובה שגויה', Misleading: 'תשובה מטעה' }[rating],
  incidentLabel: (surface, rating, date) =>
    surface === 'trending-summary'
      ? `${he.claimKind(surface, rating)} — נכתבה בסיכומי הנושאים החמים של Grok, ${isolate(date)}`
      : `${he.claimKind(surface, rating)} — הצ'אטבוט Grok, ${isolate(date)}`,
  summaryLabel: (rule) =>
    rule === 'mention'
      ? 'על סיכומי הנושאים החמים של Grok'
      : rule === 'label'
        ? 'התווית של X על סיפור שכתב Grok'
        : 'נכתב על ידי Grok — סיכום נושאים חמים של X שנוצר בבינה מלאכותית',
  claim: 'הטענה',
  happened: 'מה קרה באמת',
  whyWrong: 'למה זה השתבש',
  cautions: 'חשוב לדעת',
  sources: 'מקורות',
  oneSource: 'מתועד במקור אחד.',
  fullContext: 'ההקשר המלא',
  summaryWhat:
    'מאז אפריל 2024 X משתמשת בצ\'אטבוט הבינה המלאכותית שלה, Grok, כדי לכתוב כותרות וסיכומים קצרים של נושאים חמים ("Stories on X"). הם נוצרים מפוסטים ב-X ולא מעבודה עיתונאית, ו-X מסמנת אותם "Grok יכול לטעות".',
  summaryBefore: 'הסיכומים האלה כבר פברקו כותרות בעבר, למשל:',
  whyMarked: 'למה זה סומן',
  rule: {
    claim: 'תואם טענה כוזבת מתועדת',
    label: 'התווית ש-X מציגה על סיפורים שנוצרו על ידי Grok',
    mention: 'מזכיר את סיכומי הנושאים החמים של Grok',
    'site-label': 'מוצג ליד התווית של Grok ב-X',
  },
  matched: 'התאמה לנוסח',
  score: 'מידת התאמה',
  onPage: 'בעמוד הזה',
  notThis: 'לא זה',
  notThisHint: 'לא לסמן שוב את הטקסט הזה באתר הזה',
  close: 'סגירה',
  colon: ': ',
  quote: (text) => `"${text}"`,
};

export const cardStrings: Readonly<Record<UiLang, CardStrings>> = { en, he };

/** "4 April 2024" / "4 באפריל 2024" from an ISO date, read as a calendar day (no time-zone shift). */
export function formatDate(isoDate: string, lang: UiLang): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  try {
    return new Intl.DateTimeFormat(lang === 'he' ? 'he' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  } catch {
    // Intl without locale data: the ISO date is still readable.
    return isoDate;
  }
}
