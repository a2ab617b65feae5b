/**
 * Words of the context page, English and Hebrew. The story is told in our own words from
 * /work/shared/facts/grok-incidents.md; links are only the verified ones listed there.
 */
import type { UiLang } from '../lang';

/** A paragraph made of plain text runs and links; rendered with textContent only. */
export type Run = string | { text: string; href: string };

export interface StoryLabel {
  text: string;
  /** Language of the label as X shows it (an English label stays English on the Hebrew page). */
  lang: 'en' | 'he';
  where: string;
}

export interface ContextStrings {
  pageTitle: string;
  heading: string;
  lede: string;
  tocLabel: string;
  tocStory: string;
  tocLabels: string;
  tocReport: string;
  tocTimeline: string;
  storyHeading: string;
  story: Run[][];
  labelsHeading: string;
  labelsIntro: string;
  labels: StoryLabel[];
  labelsOther: string;
  reportHeading: string;
  report: Run[][];
  timelineHeading: string;
  timelineIntro: string;
  claimLabel: string;
  dateLabel: string;
  surfaceLabel: string;
  ratingLabel: string;
  appearanceLabel: string;
  happenedLabel: string;
  whyLabel: string;
  cautionsLabel: string;
  sourcesLabel: string;
  noVerifiedLink: string;
  imported: string;
  importedFrom: (origin: string) => string;
  surfaces: Record<'trending-summary' | 'chatbot-answer', string>;
  ratings: Record<'Fabricated' | 'False' | 'Misleading', string>;
  backToTop: string;
  footer: string;
  opensInNewTab: string;
}

const LINKS = {
  quartz: 'https://qz.com/elon-musk-grok-ai-news-blunders-1851426098',
  engadget: 'https://www.engadget.com/x-is-using-grok-to-publish-ai-generated-news-summaries-215753934.html',
  mint: 'https://www.livemint.com/technology/tech-news/tech-giant-elon-musk-plans-supercomputer-four-times-larger-than-metas-for-xai-report-11716738836328.html',
  winbuzzer: 'https://winbuzzer.com/2024/07/10/elon-musks-xai-ends-server-deal-talks-with-oracle-xcxwbn/',
  teslarati: 'https://www.teslarati.com/elon-musk-xai-supercomputer-cluster-100k-nvidia-h100-gpus/',
} as const;

/** The labels X shows on Grok-generated stories, verbatim from the facts file. */
const LABELS_EN: StoryLabel[] = [
  { text: 'Grok is an early feature and can make mistakes. Verify its outputs.', lang: 'en', where: 'Trending summaries, April 2024' },
  { text: 'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.', lang: 'en', where: 'Stories on X, from May 2024' },
  { text: 'This story may evolve over time. Grok can make mistakes, verify its outputs.', lang: 'en', where: 'X “US News” beta page, 2025' },
  { text: 'This story is a summary of posts on X made by grok. Story will evolve over time.', lang: 'en', where: 'X web client, 2025' },
  { text: 'הסיפור הזה הוא סיכום של פוסטים מ-X שהופק על ידי Grok. הסיפור יתפתח לאורך זמן.', lang: 'he', where: 'X web client in Hebrew, 2025' },
  { text: 'Grok can make mistakes. Always check original sources.', lang: 'en', where: 'X web client, 2025' },
  { text: 'Grok יכול לטעות. עליך לבדוק תמיד את המקורות המקוריים.', lang: 'he', where: 'X web client in Hebrew, 2025' },
];

const LABEL_WHERE_HE = [
  'סיכומי הנושאים החמים, אפריל 2024',
  '‏Stories on X, ממאי 2024',
  'עמוד הבטא “US News” של X, ‏2025',
  'אתר X, ‏2025',
  'אתר X בעברית, ‏2025',
  'אתר X, ‏2025',
  'אתר X בעברית, ‏2025',
];

const en: ContextStrings = {
  pageTitle: 'Grok Context: the story and the incidents',
  heading: 'Where Grok Context comes from',
  lede:
    'X lets its AI, Grok, write the headlines and summaries of what is trending. Sometimes those headlines are made up. This page tells that story and lists every incident Grok Context knows about.',
  tocLabel: 'Contents',
  tocStory: 'Grok writes the trending news',
  tocLabels: 'The labels X puts on them',
  tocReport: 'The report that spread the story',
  tocTimeline: 'Timeline of incidents',
  storyHeading: 'Grok writes the trending news',
  story: [
    [
      'In early April 2024 X began testing headlines and one-paragraph summaries written by Grok in the Explore tab and the trending list, first for paying users. They replaced the short context that people at X used to write for trending topics (',
      { text: 'Quartz', href: LINKS.quartz },
      '). On 3 May 2024 X made it a product, “Stories on X”: Grok-written news summaries in the “For You” tab of Explore (',
      { text: 'Engadget', href: LINKS.engadget },
      ').',
    ],
    [
      'Grok does not read the news. As Elon Musk put it, it summarises what people post on X. So when many accounts post the same joke, the same satire or the same fake claim, Grok can turn it into a confident headline. In the first weeks it reported that Iran had struck Tel Aviv, that New York’s mayor sent police to “shoot the earthquake”, that the sun was behaving oddly during the eclipse, and that a basketball player who missed his shots (“threw bricks”) had vandalised houses with bricks. None of it was true.',
    ],
  ],
  labelsHeading: 'The labels X puts on them',
  labelsIntro:
    'X marks these stories with a short warning that Grok can make mistakes. The wording has changed over time; these are the ones we know of. Grok Context recognises them, in English and in Hebrew, to find Grok-written stories on the page.',
  labels: LABELS_EN,
  labelsOther:
    'X also marks Grok output with words like “Grok summary”, “Grok Stories”, “Explain this post” and “Trending now”.',
  reportHeading: 'The report that spread the story',
  report: [
    [
      'In late May 2024 The Information reported on an xAI investor presentation: Elon Musk wanted to build a “gigafactory of compute”, a supercomputer connecting 100,000 Nvidia H100 chips, about four times the largest cluster of the time, to train the next Grok (',
      { text: 'Mint, 26 May 2024', href: LINKS.mint },
      '). xAI was raising 6 billion dollars at an 18 billion dollar valuation and was in talks with Oracle over servers; those talks ended in July 2024 (',
      { text: 'WinBuzzer', href: LINKS.winbuzzer },
      '), and the 100,000-chip cluster in Memphis started training that month (',
      { text: 'Teslarati', href: LINKS.teslarati },
      ').',
    ],
    [
      'Coverage of that report, translated into many languages including Hebrew, reminded readers that “last month” X had launched a Grok feature giving context on trending topics, and that it spread misinformation: fake headlines built from fake posts, satire and jokes. That is how the story reached a much wider audience, and it is the story this extension comes from.',
    ],
  ],
  timelineHeading: 'Timeline of incidents',
  timelineIntro:
    'Every incident Grok Context knows about, oldest first. The links go to the sources; Grok Context itself never connects to them.',
  claimLabel: 'The claim',
  dateLabel: 'Date',
  surfaceLabel: 'Where',
  ratingLabel: 'Rating',
  appearanceLabel: 'Shown in',
  happenedLabel: 'What happened',
  whyLabel: 'Why it went wrong',
  cautionsLabel: 'Cautions',
  sourcesLabel: 'Sources',
  noVerifiedLink: 'no verified link',
  imported: 'Imported',
  importedFrom: (origin) => `Imported from ${origin}`,
  surfaces: { 'trending-summary': 'Trending summary on X', 'chatbot-answer': 'Grok chatbot answer' },
  ratings: { Fabricated: 'Fabricated', False: 'False', Misleading: 'Misleading' },
  backToTop: 'Back to contents',
  footer: 'Grok Context reads pages on your device only. Nothing leaves your browser.',
  opensInNewTab: '(opens in a new tab)',
};

const he: ContextStrings = {
  pageTitle: 'Grok Context: הסיפור והמקרים',
  heading: 'מאיפה Grok Context בא',
  lede:
    'ברשת X, הבינה המלאכותית גרוק (Grok) כותבת את הכותרות והסיכומים של הנושאים החמים. לפעמים הכותרות האלה מומצאות. העמוד הזה מספר את הסיפור ומפרט את כל המקרים ש-Grok Context מכיר.',
  tocLabel: 'תוכן העניינים',
  tocStory: 'גרוק כותב את החדשות החמות',
  tocLabels: 'התוויות ש-X מצמידה להן',
  tocReport: 'הדיווח שהפיץ את הסיפור',
  tocTimeline: 'ציר הזמן של המקרים',
  storyHeading: 'גרוק כותב את החדשות החמות',
  story: [
    [
      'בתחילת אפריל 2024 התחילה X לבדוק כותרות וסיכומים בני פסקה אחת שכתב גרוק, בלשונית "גלה" (Explore) וברשימת הנושאים החמים, תחילה למשתמשים משלמים. הם החליפו את ההקשר הקצר שאנשי X נהגו לכתוב לנושאים החמים (',
      { text: 'Quartz', href: LINKS.quartz },
      '). ב-3 במאי 2024 הפכה X את זה למוצר, "Stories on X": סיכומי חדשות שכתב גרוק בלשונית "בשבילך" של "גלה" (',
      { text: 'Engadget', href: LINKS.engadget },
      ').',
    ],
    [
      'גרוק לא קורא את החדשות. כפי שאמר אילון מאסק, הוא מסכם את מה שאנשים מפרסמים ב-X. לכן כשחשבונות רבים מפרסמים את אותה בדיחה, את אותה סאטירה או את אותה טענה כוזבת, גרוק עלול להפוך אותה לכותרת בטוחה בעצמה. בשבועות הראשונים הוא דיווח שאיראן תקפה את תל אביב, שראש עיריית ניו יורק שלח שוטרים "לירות ברעידת האדמה", שהשמש מתנהגת באופן מוזר בזמן הליקוי, ושכדורסלן שהחטיא את זריקותיו ("זרק לבנים") השחית בתים בלבנים. שום דבר מזה לא היה נכון.',
    ],
  ],
  labelsHeading: 'התוויות ש-X מצמידה להן',
  labelsIntro:
    'X מסמנת את הסיפורים האלה באזהרה קצרה שגרוק יכול לטעות. הנוסח השתנה עם הזמן; אלה הנוסחים שאנחנו מכירים. Grok Context מזהה אותם, באנגלית ובעברית, כדי למצוא בעמוד סיפורים שכתב גרוק.',
  labels: LABELS_EN.map((label, index) => ({ ...label, where: LABEL_WHERE_HE[index] ?? label.where })),
  labelsOther:
    'X מסמנת תוצרים של גרוק גם במילים כמו "סיכום של Grok", "סיפורים של Grok", "הסבר את הפוסט הזה" ו"נושאים חמים עכשיו".',
  reportHeading: 'הדיווח שהפיץ את הסיפור',
  report: [
    [
      'בסוף מאי 2024 דיווח The Information על מצגת של xAI למשקיעים: אילון מאסק רצה לבנות "גיגה-מפעל של כוח מחשוב", מחשב-על שיחבר 100,000 שבבי H100 של Nvidia, בערך פי ארבעה מהאשכול הגדול ביותר באותה עת, כדי לאמן את הגרסה הבאה של גרוק (',
      { text: 'Mint', href: LINKS.mint },
      '). xAI גייסה 6 מיליארד דולר לפי שווי של 18 מיליארד דולר וניהלה מגעים עם Oracle על שרתים; המגעים הסתיימו ביולי 2024 (',
      { text: 'WinBuzzer', href: LINKS.winbuzzer },
      '), ובאותו חודש התחיל האשכול של 100,000 השבבים בממפיס להתאמן (',
      { text: 'Teslarati', href: LINKS.teslarati },
      ').',
    ],
    [
      'הסיקור של הדיווח, שתורגם לשפות רבות ובהן עברית, הזכיר לקוראים ש"בחודש שעבר" השיקה X תכונה של גרוק שנותנת הקשר לנושאים חמים, ושהיא הפיצה מידע כוזב: כותרות מזויפות שנבנו מפוסטים מזויפים, מסאטירה ומבדיחות. כך הגיע הסיפור לקהל רחב הרבה יותר, וממנו נולד התוסף הזה.',
    ],
  ],
  timelineHeading: 'ציר הזמן של המקרים',
  timelineIntro:
    'כל המקרים ש-Grok Context מכיר, מהישן לחדש. הקישורים מובילים למקורות; Grok Context עצמו אף פעם לא מתחבר אליהם.',
  claimLabel: 'הטענה',
  dateLabel: 'תאריך',
  surfaceLabel: 'איפה',
  ratingLabel: 'דירוג',
  appearanceLabel: 'הופיע ב',
  happenedLabel: 'מה קרה',
  whyLabel: 'למה זה השתבש',
  cautionsLabel: 'זהירות',
  sourcesLabel: 'מקורות',
  noVerifiedLink: 'אין קישור מאומת',
  imported: 'מיובא',
  importedFrom: (origin) => `יובא מתוך ${origin}`,
  surfaces: { 'trending-summary': 'סיכום נושא חם ב-X', 'chatbot-answer': 'תשובה של הצ׳אטבוט גרוק' },
  ratings: { Fabricated: 'מומצא', False: 'שקרי', Misleading: 'מטעה' },
  backToTop: 'חזרה לתוכן העניינים',
  footer: 'Grok Context קורא עמודים רק במכשיר שלך. שום דבר לא יוצא מהדפדפן.',
  opensInNewTab: '(נפתח בכרטיסייה חדשה)',
};

export function contextStrings(lang: UiLang): ContextStrings {
  return lang === 'he' ? he : en;
}
