/**
 * Signals that a text is Grok output or talks about Grok's trending summaries, and the word groups that let
 * claim matching tolerate other wordings. From shared/facts/grok-incidents.md ("Labels X shows on
 * Grok-generated stories" and the other X UI strings).
 */
import type { Signals } from './schema';

/**
 * X's disclaimers on Grok-written stories. `prefixWords` counts normalised words (stopwords included): long
 * enough that only the label itself starts that way, short enough to stay inside the label's first sentence
 * where that sentence is distinctive. "Grok can make mistakes" alone is an ordinary sentence in articles about
 * Grok, so the last label needs its second sentence too.
 */
const labels: Signals['labels'] = [
  { lang: 'en', text: 'Grok is an early feature and can make mistakes. Verify its outputs.', prefixWords: 7 },
  {
    lang: 'en',
    text: 'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.',
    prefixWords: 9,
  },
  { lang: 'en', text: 'This story may evolve over time. Grok can make mistakes, verify its outputs.', prefixWords: 6 },
  { lang: 'en', text: 'This story is a summary of posts on X made by grok. Story will evolve over time.', prefixWords: 9 },
  { lang: 'en', text: 'Grok can make mistakes. Always check original sources.', prefixWords: 7 },
  { lang: 'he', text: 'הסיפור הזה הוא סיכום של פוסטים מ-X שהופק על ידי Grok. הסיפור יתפתח לאורך זמן.', prefixWords: 6 },
  { lang: 'he', text: 'Grok יכול לטעות. עליך לבדוק תמיד את המקורות המקוריים.', prefixWords: 6 },
];

/**
 * Mentions: the subject must be the product name, case-sensitive in Latin letters, so the English verb
 * "grok" ("I finally grokked closures") never counts. Topics name the trending/story feature, not Grok in
 * general: "Grok 3 was trained on ..." has no topic word and is not a finding. "Explore" is only a topic as
 * X's tab ("Explore tab"), because "Explore what Grok can do" is ordinary product copy.
 */
const mentions: Signals['mentions'] = [
  {
    lang: 'en',
    subjects: [
      { text: 'Grok', matchCase: true },
      { text: 'GROK', matchCase: true },
    ],
    // The core folds trend/trends/trending into one word, so a bare "trending" would also fire on "the latest
    // AI trend" or "a trend line": trending topics are named as phrases instead.
    topics: [
      { text: 'trending topics' },
      { text: 'trending tab' },
      { text: 'trending section' },
      { text: 'trending page' },
      { text: 'trending news' },
      { text: 'trending stories' },
      { text: 'trending headlines' },
      { text: 'trending summaries' },
      { text: 'trending context' },
      { text: 'trending on X' },
      { text: 'trends on X' },
      { text: 'X trends' },
      { text: "what's trending" },
      { text: 'headline' },
      { text: 'headlines' },
      { text: 'news summary' },
      { text: 'news summaries' },
      { text: 'story summaries' },
      { text: 'news stories' },
      { text: 'Stories', matchCase: true },
      { text: 'Explore tab', matchCase: true },
      { text: 'Explore page', matchCase: true },
      { text: 'Explore section', matchCase: true },
      { text: 'For You tab' },
      { text: 'fake news' },
    ],
    standalone: [
      { text: 'Stories on X', matchCase: true },
      { text: 'Grok Stories', matchCase: true },
      { text: 'Grok summary', matchCase: true },
      { text: 'Grok summaries', matchCase: true },
    ],
    // "Grok makes headlines again" says Grok is in the news, not that it writes headlines. The core folds
    // make/makes/making (and grab/grabs/grabbed) into one word; "made" is its own.
    idioms: [{ text: 'makes headlines' }, { text: 'made headlines' }, { text: 'grabs headlines' }],
    window: 8,
  },
  {
    lang: 'he',
    subjects: [{ text: 'גרוק' }, { text: 'Grok', matchCase: true }, { text: 'GROK', matchCase: true }],
    // Hebrew has no capital letters to tell X's "Stories" from any stories: a bare סיכום or סיפורים would fire
    // on "ביקשתי מגרוק סיכום של המאמר" or "גרוק יודע לכתוב סיפורים". Summaries and stories count as news ones.
    topics: [
      { text: 'טרנד' },
      { text: 'טרנדים' },
      { text: 'טרנדינג' },
      { text: 'כותרת' },
      { text: 'כותרות' },
      { text: 'סיכום חדשות' },
      { text: 'סיכומי חדשות' },
      { text: 'סיכום חדשותי' },
      { text: 'סיכומים חדשותיים' },
      { text: 'סיכומי פוסטים' },
      { text: 'סיפורי חדשות' },
      { text: 'סיפורים חדשותיים' },
      { text: 'נושאים חמים' },
      { text: 'נושאים פופולריים' },
      { text: 'פייק ניוז' },
      { text: 'חדשות מזויפות' },
      { text: 'ידיעות מזויפות' },
      { text: 'כותרת מזויפת' },
      { text: 'כותרות מזויפות' },
    ],
    standalone: [
      { text: 'סיכום של Grok', matchCase: true },
      { text: 'סיפורים של Grok', matchCase: true },
      { text: 'סיכום של גרוק' },
      { text: 'סיפורים של גרוק' },
      { text: 'Stories on X', matchCase: true },
    ],
    // "גרוק שוב עושה כותרות": Grok is in the news (the idiom), not writing headlines.
    idioms: [
      { text: 'עושה כותרות' },
      { text: 'עשה כותרות' },
      { text: 'עשתה כותרות' },
      { text: 'עושים כותרות' },
      { text: 'תופס כותרות' },
      { text: 'תפס כותרות' },
      { text: 'מככב בכותרות' },
    ],
    window: 8,
  },
];

/**
 * Word groups that count as one word in claims. Each group was checked against the genuine headlines
 * (genuine-headlines.ts): a group may only widen the wording of a claim, never let real news about the same
 * events reach every word of a claim. That is why, for example, "launches"/"fires"/"שיגרה" are NOT in the
 * "strikes" group: real reports of April and October 2024 say Iran launched or fired missiles at Israel.
 */
const lexicon: Signals['lexicon'] = [
  // English
  ['strikes', 'strike', 'struck', 'hits', 'hit', 'attacks', 'attack', 'attacked', 'pounds', 'pounded'],
  ['missiles', 'missile', 'rockets', 'rocket'],
  ['cops', 'cop', 'police', 'officers', 'policemen'],
  ['showdown', 'standoff', 'faceoff', 'clash'],
  ['subway', 'metro'],
  ['50000', '50k'],
  ['behavior', 'behaviour'],
  ['baffled', 'baffling', 'puzzled', 'stumped', 'perplexed'],
  // One group for "odd" (sun) and "bizarre" (Klay): a word must belong to one group only.
  ['odd', 'bizarre', 'strange', 'weird'],
  ['vandalism', 'vandalizing', 'vandalising', 'vandalized', 'vandalised'],
  ['spree', 'rampage'],
  ['houses', 'homes'],
  ['multiple', 'several'],
  ['ejected', 'ousted', 'expelled', 'kicked'],
  ['indian', 'india'],
  ['urges', 'urged', 'urging', 'tells', 'told'],
  ['shop', 'shopping', 'buy'],
  ['ceo', 'boss'],
  ['lowes', 'lowe'],
  ['deadline', 'deadlines'],
  // "the 2024 election" is one unit of the ballot claim. As two words they would give the claim seven, and
  // the core lets a seven-word claim miss one: "The deadline to register has passed in several states for the
  // 2024 election" (true in autumn 2024, no ballots involved) would then match.
  ['election', '2024'],
  ['passed', 'expired'],
  // Hebrew
  ['תוקפת', 'מתקיפה', 'תקפה', 'תוקף', 'תקף', 'מתקיף', 'פוגעת', 'פגעה', 'מפציצה', 'הפציצה', 'היכתה', 'הכתה', 'מתקפת', 'מתקפה', 'הנחיתה', 'מנחיתה', 'מכה', 'הלמה'],
  ['טילים', 'רקטות'],
  ['כבדים', 'כבדות'],
  ['אדמס', 'אדאמס'],
  ['נגד', 'מול'],
  ['שוטרים', 'שוטרי', 'שוטרות'],
  ['עימות', 'עמות', 'התמודדות', 'התנגשות', 'קרב'],
  ['רעידת', 'רעידה', 'רעש'],
  ['מטרו', 'סאבוויי'],
  ['התנהגות', 'התנהגותה', 'מתנהגת'],
  ['מוזרה', 'מוזר', 'משונה', 'ביזארית', 'ביזארי', 'תמוהה', 'תמוה', 'חריגה'],
  ['המומים', 'המומות', 'מבולבלים', 'מבלבלת', 'נבוכים', 'תמהים', 'תוהים', 'מתמיהה', 'מפליאה'],
  ['מומחים', 'מדענים'],
  ['קליי', 'קלאי'],
  ['תומפסון', 'תומסון'],
  ['מואשם', 'הואשם', 'נאשם', 'חשוד'],
  ['מסע', 'גל', 'סדרת', 'שרשרת'],
  ['ונדליזם', 'וונדליזם', 'השחתת', 'השחתה'],
  ['לבנים', 'לבנה', 'לבני'],
  ['כמה', 'מספר'],
  ['בתים', 'בית', 'בתי'],
  ['הודח', 'סולק', 'גורש', 'הועף', 'נזרק'],
  ['ממשלת', 'ממשלה'],
  ['הודו', 'הודית'],
  ['מנכל', 'מנכלית'],
  ['לואוז', 'לואוס', 'לאוז'],
  ['קורא', 'קוראת', 'קרא', 'מפציר', 'דוחק', 'ממליץ'],
  ['שמרנים', 'שמרניים'],
  ['לקנות', 'לרכוש', 'קניות'],
  ['דיפו', 'דפו', 'דיפוט'],
  ['חלף', 'עבר', 'פקע'],
  ['פתקי', 'פתק', 'פתקים'],
  // "מועד אחרון" is the two-word Hebrew for "deadline" (דדליין): one word for matching.
  ['מועד', 'מועדי', 'אחרון', 'דדליין'],
  ['מדינות', 'מדינה'],
];

export const bundledSignals: Signals = { labels, mentions, lexicon };
