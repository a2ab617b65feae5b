/**
 * Texts that must never yield a finding: genuine reporting about the same events as our incidents, pages about
 * Grok the product, and the English verb "grok". The data tests run every one through the core; a lexicon
 * group or Hebrew rendering that makes one of these match is a bug in the data.
 *
 * Written for the tests (not quoted from any outlet); each states a true fact in the style of a news headline.
 */
import type { Lang } from '../core/types';

export interface GenuineHeadline {
  lang: Lang;
  /** What the text is about (an incident id, or `grok-product` / `grok-verb`). */
  about: string;
  text: string;
}

const en = (about: string, texts: readonly string[]): GenuineHeadline[] =>
  texts.map((text) => ({ lang: 'en', about, text }));
const he = (about: string, texts: readonly string[]): GenuineHeadline[] =>
  texts.map((text) => ({ lang: 'he', about, text }));

export const genuineHeadlines: readonly GenuineHeadline[] = [
  // Iran's real attacks on Israel: 13–14 April 2024, 1 October 2024, and the June 2025 war.
  ...en('iran-tel-aviv-2024', [
    'Iran launches drones and missiles at Israel in its first direct attack',
    'Iran fires more than 300 drones and missiles at Israel; almost all intercepted',
    'Sirens sound across Israel as Iranian drones and missiles approach',
    'Israel says 99% of the drones and missiles Iran launched overnight were intercepted',
    'Iran fires about 180 ballistic missiles at Israel',
    'Sirens in Tel Aviv as Iran launches a missile barrage at Israel',
    'Iran attacks Israel with ballistic missiles; residents of Tel Aviv rush to shelters',
    'Iranian missiles strike near Tel Aviv as millions take shelter',
    'Heavy damage reported after Iran’s missile attack on Israel',
    'Iran fires missiles at Tel Aviv in retaliation for Israeli strikes',
  ]),
  ...he('iran-tel-aviv-2024', [
    'איראן שיגרה כ-180 טילים בליסטיים לעבר ישראל',
    'מתקפה איראנית: מאות כטב"מים וטילים שוגרו לעבר ישראל',
    'אזעקות בתל אביב: איראן שיגרה טילים לעבר ישראל',
    'איראן תקפה את ישראל בטילים בליסטיים; מיליונים במקלטים',
    'איראן הנחיתה מטח טילים על ישראל; רובם יורטו',
    'נזק כבד בתל אביב אחרי מתקפת הטילים האיראנית',
    'צה"ל: רוב הטילים והכטב"מים ששיגרה איראן יורטו',
    'טילים איראניים נפלו באזור תל אביב; אין נפגעים קשים',
  ]),
  // Klay Thompson's real 0-for-10 play-in game.
  ...en('klay-thompson-bricks-2024', [
    'Klay Thompson goes 0-for-10 as the Warriors fall to the Kings in the play-in',
    'Klay Thompson’s brutal night: 0-for-10 and the Warriors are eliminated in Sacramento',
    'Warriors’ season ends in Sacramento as Klay Thompson throws up bricks',
    'Klay Thompson bricks all 10 shots in play-in loss to the Kings',
  ]),
  ...he('klay-thompson-bricks-2024', [
    'קליי תומפסון קלע 0 מ-10 והווריירס הודחו בסקרמנטו',
    'ערב של לבנים: קליי תומפסון החטיא את כל עשר הזריקות שלו מול הקינגס',
    'קליי תומפסון זרק לבנים בסקרמנטו, והווריירס סיימו את העונה',
  ]),
  // The real eclipse of 8 April 2024.
  ...en('sun-eclipse-2024', [
    'Total solar eclipse 2024: what time the sun will be covered in your city',
    'Why the sun’s corona is visible during a total solar eclipse, experts explain',
    'NASA experts explain what happens to the sun during the eclipse',
    'Millions watch the total solar eclipse across North America',
    'Animals behaved oddly during the eclipse, scientists say',
  ]),
  ...he('sun-eclipse-2024', [
    'ליקוי החמה המלא: מומחים מסבירים מה קורה לשמש',
    'מיליונים צפו בליקוי חמה מלא בצפון אמריקה',
    'למה השמש נעלמת בליקוי? המדענים מסבירים',
  ]),
  // The real magnitude 4.8 earthquake of 5 April 2024 and the city's response.
  ...en('adams-earthquake-2024', [
    'Magnitude 4.8 earthquake shakes the New York City area',
    'Mayor Adams: no major injuries after rare New York earthquake',
    'Police inspect subway tunnels after the earthquake, Mayor Adams says',
    'Adams holds a press conference after the 4.8 quake; subway service continues',
  ]),
  ...he('adams-earthquake-2024', [
    'רעידת אדמה בעוצמה 4.8 הורגשה בניו יורק',
    'ראש העיר אדמס: אין נפגעים קשים ברעידת האדמה, הרכבת התחתית פועלת',
  ]),
  // India's real 2024 election and Modi's third term.
  ...en('modi-ejected-2024', [
    'Narendra Modi sworn in as India’s prime minister for a third term',
    'PM Modi takes oath for a third term at Rashtrapati Bhavan',
    'India election results 2024: Modi’s BJP loses its majority and relies on allies to form a government',
    'PM Modi’s party wins the most seats as India’s six-week election ends',
  ]),
  ...he('modi-ejected-2024', [
    'נרנדרה מודי הושבע לכהונה שלישית כראש ממשלת הודו',
    'תוצאות הבחירות בהודו: מפלגתו של מודי איבדה את הרוב אך תרכיב ממשלה',
  ]),
  // Ordinary business news about Lowe's and Home Depot.
  ...en('lowes-home-depot-2024', [
    'Home Depot and Lowe’s report quarterly earnings as the housing market cools',
    "Lowe's CEO says shoppers are pulling back on big home projects",
    'Home Depot shares rise after an earnings beat; Lowe’s CEO is cautious on the outlook',
  ]),
  ...he('lowes-home-depot-2024', [
    'הום דיפו ולואוז מדווחות על ירידה במכירות',
    'מנכ"ל לואוז: הצרכנים דוחים שיפוצים גדולים',
  ]),
  // Real ballot and registration deadline explainers.
  ...en('ballot-deadlines-2024', [
    'Voter registration deadlines for the 2024 election, state by state',
    'When is the deadline to request a mail ballot in your state?',
    'Ballot deadlines for the 2024 election: what to know in every state',
    'The deadline to register has passed in several states for the 2024 election',
  ]),
  ...he('ballot-deadlines-2024', [
    'המועדים האחרונים להרשמה לבחירות 2024 בארה"ב, מדינה אחר מדינה',
    'המועד האחרון להרשמה להצבעה בבחירות 2024 כבר עבר בכמה מדינות',
  ]),
  // Grok the product: mentions without its trending summaries.
  ...en('grok-product', [
    'Grok 3 was trained on xAI’s Colossus supercomputer in Memphis',
    'xAI releases Grok 2 with image generation for X Premium subscribers',
    'Musk says the next Grok will be trained on 100,000 Nvidia H100 GPUs',
    'Grok 2 was trained on about 20,000 Nvidia H100 GPUs',
    'Explore what Grok can do: writing, coding and image understanding',
    'xAI raises $6 billion at an $18 billion valuation to build Grok',
    'Grok is now available to all X Premium users',
    'Top AI trends of 2025: Grok, ChatGPT and Gemini',
    'According to Grok, the trend line in the chart is still rising',
  ]),
  ...he('grok-product', [
    'Grok 3 אומן על מחשב העל Colossus של xAI בממפיס',
    'xAI של אילון מאסק מגייסת 6 מיליארד דולר לפיתוח גרוק',
    'גרוק 2 אומן על כ-20 אלף מעבדי H100 של אנבידיה',
    "הצ'אטבוט Grok זמין כעת לכל מנויי X Premium",
    'ביקשתי מגרוק סיכום של המאמר וקיבלתי אותו תוך שניות',
    'גרוק 3 יודע לכתוב סיפורים קצרים ושירים',
  ]),
  // The English verb "grok".
  ...en('grok-verb', [
    'It took me weeks to grok how closures work in JavaScript.',
    'Once you grok the trending patterns in your data, the headlines write themselves.',
    'She finally grokked the news: the headlines were about her.',
    'Most readers never fully grok the news summaries at the top of the page.',
  ]),
];
