/**
 * The bundled incidents: Grok's documented fabricated headlines and false answers, from the project's research
 * record (shared/facts/grok-incidents.md), written in our own words. Links appear only where that record lists
 * a verified URL; other sources are named without one.
 *
 * The texts matched on pages (`claims`) live in claims.ts, so that matching can be bundled without these
 * card texts; entries whose claim lists are empty give context on cards and the context page only.
 *
 * Sorted by id (a data test checks it).
 */
import { bundledClaims } from './claims';
import type { Incident } from './schema';

const QUARTZ_BLUNDERS = {
  publisher: 'Quartz (Gizmodo), Maxwell Zeff',
  title: "Report on the news blunders of Grok's trending summaries on X",
  date: '2024-04-22',
  url: 'https://qz.com/elon-musk-grok-ai-news-blunders-1851426098',
} as const;

const WINDOWS_REPORT = {
  publisher: 'Windows Report',
  title: 'Grok AI does more harm than good',
  url: 'https://windowsreport.com/grok-ai-does-more-harm-than-good/',
} as const;

const ALLSIDES = {
  publisher: 'AllSides',
  title: "Misinformation Watch: falsehoods spread by X's AI-written headlines",
  url: 'https://allsides.com/blog/misinformation-watch-x-s-you-headlines-spread-falsehoods',
} as const;

export const bundledIncidents: Incident[] = [
  {
    id: 'adams-earthquake-2024',
    title: {
      en: 'Grok turned jokes about the New York earthquake into a police "showdown"',
      he: 'גרוק הפך בדיחות על רעידת האדמה בניו יורק ל"עימות" משטרתי',
    },
    date: '2024-04-05',
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: "A Grok-written headline and summary in the trending section of X's Explore tab.",
      he: 'כותרת וסיכום שכתב גרוק באזור הטרנדים בלשונית Explore של X.',
    },
    claims: bundledClaims['adams-earthquake-2024'],
    claim: {
      en: '"Adams vs. Earthquake: 50,000 Cops in Subway Showdown" — the summary said Mayor Eric Adams had ordered police to "shoot the earthquake".',
      he: '"אדמס נגד רעידת האדמה: 50,000 שוטרים בעימות ברכבת התחתית" — לפי הסיכום, ראש העיר אריק אדמס הורה לשוטרים "לירות ברעידת האדמה".',
    },
    happened: {
      en: 'On 5 April 2024 a magnitude 4.8 earthquake shook the New York area. People on X joked about how the city would respond. No police were sent to fight the quake and nobody was told to shoot at it.',
      he: 'ב-5 באפריל 2024 רעידת אדמה בעוצמה 4.8 הורגשה באזור ניו יורק, ומשתמשים ב-X התבדחו על הדרך שבה העירייה תגיב. אף שוטר לא נשלח "להילחם" ברעידה, ואיש לא קיבל הוראה לירות בה.',
    },
    why: {
      en: "Grok summarised what people were posting on X, not news reports. It read a wave of joke posts as real events and wrote them up as a news story.",
      he: 'גרוק סיכם את מה שאנשים פרסמו ב-X ולא דיווחים חדשותיים. הוא פירש גל של פוסטים בדיחתיים כאירועים אמיתיים וכתב אותם כידיעה חדשותית.',
    },
    cautions: [
      {
        en: "The earthquake was real. Reports about it, and about the city's actual response and Mayor Adams' real press briefings, are genuine news.",
        he: 'רעידת האדמה הייתה אמיתית. דיווחים עליה, על התגובה האמיתית של העירייה ועל הצהרות ראש העיר אדמס לתקשורת הם חדשות אמיתיות.',
      },
    ],
    sources: [
      {
        publisher: 'Cybernews',
        title: "Elon Musk's Grok turns jokes into news",
        url: 'https://cybernews.com/tech/elon-musks-grok-turns-jokes-into-news/',
      },
      WINDOWS_REPORT,
      { publisher: 'Lifehacker', title: "X's AI Bot Is Reporting Joke Posts as Actual News" },
    ],
    confidence: 'high',
  },
  {
    id: 'ballot-deadlines-2024',
    title: {
      en: 'Grok wrongly told users that ballot deadlines had passed in nine states',
      he: 'גרוק טען בטעות שהמועד האחרון לפתקי ההצבעה חלף בתשע מדינות',
    },
    date: '2024-07-21',
    dateText: { en: '21–31 July 2024', he: '21–31 ביולי 2024' },
    surface: 'chatbot-answer',
    rating: 'False',
    appearance: {
      en: "Grok's chatbot answers to questions about the 2024 US election, on X.",
      he: 'תשובות הצ\'אטבוט גרוק לשאלות על הבחירות בארה"ב ב-2024, ב-X.',
    },
    claims: bundledClaims['ballot-deadlines-2024'],
    claim: {
      en: '"The ballot deadline has passed for several states for the 2024 election." Grok named Alabama, Indiana, Michigan, Minnesota, New Mexico, Ohio, Pennsylvania, Texas and Washington.',
      he: '"המועד האחרון לפתקי ההצבעה חלף בכמה מדינות בבחירות 2024." גרוק מנה את אלבמה, אינדיאנה, מישיגן, מינסוטה, ניו מקסיקו, אוהיו, פנסילבניה, טקסס וושינגטון.',
    },
    happened: {
      en: 'The claim was false for all nine states: none of their ballot deadlines had passed. On 5 August 2024 five secretaries of state wrote to Elon Musk asking for a fix. From 21 August 2024 Grok sent election questions to vote.gov.',
      he: 'הטענה הייתה שגויה בכל תשע המדינות: באף אחת מהן המועד האחרון לא חלף. ב-5 באוגוסט 2024 פנו חמישה מזכירי מדינה במכתב לאילון מאסק וביקשו לתקן את התקלה. מ-21 באוגוסט 2024 גרוק הפנה שאלות על הבחירות לאתר vote.gov.',
    },
    why: {
      en: 'A chatbot gives a confident answer even when it has no reliable, current source. Election rules differ from state to state and change over time, and Grok stated the deadlines as fact.',
      he: "צ'אטבוט עונה בביטחון גם כשאין לו מקור עדכני ואמין. כללי הבחירות שונים ממדינה למדינה ומשתנים עם הזמן, וגרוק הציג את המועדים כעובדה.",
    },
    cautions: [
      {
        en: "Real ballot and registration deadlines exist and differ by state. Check them with your state's election office or vote.gov.",
        he: 'מועדים אחרונים אמיתיים להצבעה ולרישום קיימים ושונים בכל מדינה. כדאי לבדוק אותם מול משרד הבחירות של המדינה או באתר vote.gov.',
      },
    ],
    sources: [
      {
        publisher: 'FOX 9',
        title: 'Minnesota Secretary of State on Elon Musk and election misinformation',
        url: 'https://www.fox9.com/news/mn-secretary-state-elon-musk-election-misinformation',
      },
      {
        publisher: 'Fortune',
        title: "US states ask Elon Musk to fix Grok's bogus ballot-deadline information",
        date: '2024-08-06',
        url: 'https://fortune.com/2024/08/06/us-states-elon-musk-fix-grok-ai-chatbot-bogus-ballot-deadline-information',
      },
      {
        publisher: 'Minnesota Secretary of State',
        title: "Secretaries of state welcome changes to X's AI search assistant",
        url: 'https://sos.state.mn.us/about-the-office/news-room/secretaries-of-state-welcome-changes-to-x-s-ai-search-assistant',
      },
      {
        publisher: 'PolitiFact',
        title: 'Fact check of posts claiming nine states had closed their ballots',
        date: '2024-07-23',
        url: 'https://www.politifact.com/factchecks/2024/jul/23/instagram-posts/fact-check-post-says-there-are-9-states-where-bide/',
      },
    ],
    confidence: 'high',
  },
  {
    id: 'ben-gurion-video-2025',
    title: {
      en: 'Grok called an AI-made video of a destroyed Ben Gurion airport real',
      he: 'גרוק קבע שסרטון שנוצר בבינה מלאכותית, ובו נמל התעופה בן גוריון הרוס, הוא תיעוד אמיתי',
    },
    date: '2025-06-13',
    dateText: { en: 'June 2025, during the Israel–Iran war', he: 'יוני 2025, במהלך המלחמה בין ישראל לאיראן' },
    surface: 'chatbot-answer',
    rating: 'False',
    appearance: {
      en: "Grok's answers to X users who asked it whether war footage was real.",
      he: 'תשובות של גרוק למשתמשי X ששאלו אותו אם סרטונים מהמלחמה אמיתיים.',
    },
    claims: bundledClaims['ben-gurion-video-2025'],
    claim: {
      en: 'Grok said an AI-generated video of Ben Gurion airport in ruins was real footage, and minutes later named a different airport.',
      he: 'גרוק אמר שסרטון שנוצר בבינה מלאכותית ובו נמל התעופה בן גוריון הרוס הוא תיעוד אמיתי, ודקות לאחר מכן ייחס אותו לנמל תעופה אחר.',
    },
    happened: {
      en: 'The video was generated by AI; it did not show real damage at Ben Gurion. The Atlantic Council\'s DFRLab studied about 130,000 Grok posts from the war and found inconsistent and wrong verifications.',
      he: 'הסרטון נוצר בבינה מלאכותית ולא תיעד נזק אמיתי בבן גוריון. מעבדת DFRLab של מכון Atlantic Council בחנה כ-130,000 פוסטים של גרוק מתקופת המלחמה ומצאה אימותים סותרים ושגויים.',
    },
    why: {
      en: 'Grok cannot reliably tell generated video from real footage, and it answers anyway, even changing its answer when asked again.',
      he: 'גרוק אינו מסוגל להבחין באופן אמין בין סרטון שנוצר בבינה מלאכותית לבין תיעוד אמיתי, ובכל זאת הוא עונה, ואף משנה את תשובתו כששואלים אותו שוב.',
    },
    cautions: [
      {
        en: 'The war and the missile exchanges between Israel and Iran in June 2025 were real; only this video was fake.',
        he: 'המלחמה וחילופי הטילים בין ישראל לאיראן ביוני 2025 היו אמיתיים; רק הסרטון הזה היה מזויף.',
      },
    ],
    sources: [
      {
        publisher: 'DFRLab (Atlantic Council)',
        title: 'Grok struggles with fact-checking amid the Israel–Iran war',
        date: '2025-06-24',
        url: 'https://dfrlab.org/2025/06/24/grok-struggles-with-fact-checking-amid-israel-iran-war',
      },
    ],
    confidence: 'high',
  },
  {
    id: 'bondi-crabtree-2025',
    title: {
      en: 'Grok gave the Bondi Beach hero a name invented by a fake news site',
      he: 'גרוק ייחס לגיבור מחוף בונדיי שם שהומצא באתר חדשות מזויף',
    },
    date: '2025-12-14',
    dateText: { en: '14–15 December 2025', he: '14–15 בדצמבר 2025' },
    surface: 'chatbot-answer',
    rating: 'False',
    appearance: {
      en: "Grok's answers on X about the Bondi Beach shooting in Sydney.",
      he: 'תשובות של גרוק ב-X על הירי בחוף בונדיי בסידני.',
    },
    claims: bundledClaims['bondi-crabtree-2025'],
    claim: {
      en: 'Grok said the bystander who disarmed the gunman was "Edward Crabtree".',
      he: 'גרוק טען שהעובר האורח שפירק את היורה מנשקו הוא "אדוארד קרבטרי".',
    },
    happened: {
      en: 'The man who disarmed the gunman was Ahmed al-Ahmed. "Edward Crabtree" came from a fake news site.',
      he: 'האיש שפירק את היורה מנשקו הוא אחמד אל-אחמד. השם "אדוארד קרבטרי" הגיע מאתר חדשות מזויף.',
    },
    why: {
      en: 'In the first hours after an attack, false stories spread fast. Grok repeated a name from an unreliable site as if it were confirmed.',
      he: 'בשעות הראשונות אחרי פיגוע סיפורים כוזבים מתפשטים מהר. גרוק חזר על שם מאתר לא אמין כאילו היה מאומת.',
    },
    cautions: [
      {
        en: 'The shooting and the bystander\'s bravery were real; only the name Grok gave was wrong.',
        he: 'הירי ואומץ לבו של העובר האורח היו אמיתיים; רק השם שגרוק נתן היה שגוי.',
      },
    ],
    sources: [
      {
        publisher: 'Moneycontrol',
        title: 'How false narratives spread after the Bondi Beach attack',
        url: 'https://www.moneycontrol.com/world/fake-heroes-google-trends-myths-and-deepfakes-how-false-narratives-spread-after-the-bondi-beach-attack-article-13730632.html',
      },
    ],
    confidence: 'high',
  },
  {
    id: 'carter-death-2024',
    title: {
      en: "A Grok headline announced Jimmy Carter's death while he was alive",
      he: 'כותרת של גרוק הודיעה על מותו של ג\'ימי קרטר כשהיה עדיין בחיים',
    },
    date: '2024-07-23',
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: 'A "Stories For You" headline on X, written by Grok.',
      he: 'כותרת במדור "Stories For You" ב-X, שכתב גרוק.',
    },
    claims: bundledClaims['carter-death-2024'],
    claim: {
      en: 'A Grok-written headline announced that former US President Jimmy Carter had died.',
      he: 'כותרת שכתב גרוק הודיעה שנשיא ארה"ב לשעבר ג\'ימי קרטר הלך לעולמו.',
    },
    happened: {
      en: 'Jimmy Carter was alive when the headline appeared.',
      he: "ג'ימי קרטר היה בחיים כשהכותרת פורסמה.",
    },
    why: {
      en: 'Grok built its stories from posts on X, where false death reports circulate; it did not check them against reliable news.',
      he: 'גרוק בנה את הסיפורים שלו מפוסטים ב-X, שבהם מופצות ידיעות כוזבות על מוות, ולא בדק אותם מול מקורות חדשותיים אמינים.',
    },
    cautions: [
      {
        en: 'Carter died later, on 29 December 2024; reports of that are genuine.',
        he: 'קרטר נפטר מאוחר יותר, ב-29 בדצמבר 2024; הדיווחים על כך אמיתיים.',
      },
    ],
    sources: [ALLSIDES],
    confidence: 'medium',
  },
  {
    id: 'charlie-kirk-2025',
    title: {
      en: 'Grok called the video of Charlie Kirk\'s shooting a meme and said he was fine',
      he: 'גרוק כינה את סרטון הירי בצ\'ארלי קירק "מם" וטען שהוא בסדר',
    },
    date: '2025-09-10',
    dateText: { en: '10–11 September 2025', he: '10–11 בספטמבר 2025' },
    surface: 'chatbot-answer',
    rating: 'False',
    appearance: {
      en: "Grok's answers to X users asking about the video of the shooting.",
      he: 'תשובות של גרוק למשתמשי X ששאלו על סרטון הירי.',
    },
    claims: bundledClaims['charlie-kirk-2025'],
    claim: {
      en: 'Grok described the video of Charlie Kirk\'s shooting as "a meme video with edited effects" and said he was fine.',
      he: 'גרוק תיאר את סרטון הירי בצ\'ארלי קירק כ"סרטון מם עם אפקטים ערוכים" וטען שקירק בסדר.',
    },
    happened: {
      en: 'The video was real. Charlie Kirk had been shot and killed.',
      he: "הסרטון היה אמיתי. צ'ארלי קירק נורה ונהרג.",
    },
    why: {
      en: 'Grok answered before reliable reports were available and treated shocking real footage as an edited meme.',
      he: 'גרוק ענה לפני שהיו דיווחים אמינים, והתייחס לתיעוד אמיתי ומזעזע כאל מם ערוך.',
    },
    cautions: [
      {
        en: 'Reports of Kirk\'s killing are genuine news.',
        he: 'הדיווחים על הריגתו של קירק הם חדשות אמיתיות.',
      },
    ],
    sources: [
      {
        publisher: 'Futurism',
        title: 'Grok spreads misinformation about Charlie Kirk',
        url: 'https://futurism.com/elon-musk-grok-charlie-kirk-misinformation',
      },
      {
        publisher: 'Distractify',
        title: "Grok's response about Charlie Kirk",
        url: 'https://www.distractify.com/p/grok-charlie-kirk-response',
      },
    ],
    confidence: 'high',
  },
  {
    id: 'harris-shot-2024',
    title: {
      en: 'Grok headlines said Kamala Harris had been shot',
      he: 'כותרות של גרוק טענו שקמלה האריס נורתה',
    },
    date: '2024-07-13',
    dateText: {
      en: "July 2024, after the attempt on Donald Trump's life",
      he: 'יולי 2024, אחרי ניסיון ההתנקשות בדונלד טראמפ',
    },
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: "Grok-written headlines in X's trending stories.",
      he: 'כותרות שכתב גרוק בסיפורים החמים של X.',
    },
    claims: bundledClaims['harris-shot-2024'],
    claim: {
      en: 'Grok headlines said Vice President Kamala Harris had been shot, and named the wrong suspect.',
      he: 'כותרות של גרוק טענו שסגנית הנשיא קמלה האריס נורתה, ונקבו בשם חשוד שגוי.',
    },
    happened: {
      en: 'Kamala Harris was not shot. The attempt on Donald Trump\'s life was real, but Grok mixed up the people involved.',
      he: 'קמלה האריס לא נורתה. ניסיון ההתנקשות בדונלד טראמפ היה אמיתי, אבל גרוק בלבל בין המעורבים.',
    },
    why: {
      en: 'In fast-moving news, posts on X are full of guesses and errors; Grok summarised them as fact.',
      he: 'כשהחדשות מתפתחות מהר, הפוסטים ב-X מלאים בניחושים ובטעויות, וגרוק סיכם אותם כעובדות.',
    },
    cautions: [
      {
        en: 'Reports of the attempt on Donald Trump\'s life in July 2024 are genuine news.',
        he: 'הדיווחים על ניסיון ההתנקשות בדונלד טראמפ ביולי 2024 הם חדשות אמיתיות.',
      },
    ],
    sources: [
      {
        publisher: 'Mint (from The Wall Street Journal)',
        title: 'Elon Musk wants his AI bot to deliver the news. It is struggling with the job',
        date: '2024-07-18',
        url: 'https://www.livemint.com/companies/elon-musk-wants-his-ai-bot-to-deliver-the-news-it-is-struggling-with-the-job-11721268567512.html',
      },
    ],
    confidence: 'medium',
  },
  {
    id: 'iran-school-2026',
    title: {
      en: 'Grok called images of an attack on an Iranian girls\' school a hoax from Kabul',
      he: 'גרוק טען שתמונות של תקיפת בית ספר לבנות באיראן הן מתיחה מקאבול',
    },
    date: '2026-03-01',
    dateText: { en: 'March 2026', he: 'מרץ 2026' },
    surface: 'chatbot-answer',
    rating: 'False',
    appearance: {
      en: "Grok's answers on X about images from the war.",
      he: 'תשובות של גרוק ב-X על תמונות מהמלחמה.',
    },
    claims: bundledClaims['iran-school-2026'],
    claim: {
      en: 'Grok said images of an attack on a girls\' school in Iran showed an ISIS attack in Kabul in 2021, and called the reports a hoax.',
      he: 'גרוק טען שתמונות של תקיפת בית ספר לבנות באיראן מתעדות פיגוע של דאעש בקאבול ב-2021, וכינה את הדיווחים מתיחה.',
    },
    happened: {
      en: 'The images showed the attack on the girls\' school in Iran, not a 2021 attack in Kabul.',
      he: 'התמונות תיעדו את התקיפה בבית הספר לבנות באיראן, ולא פיגוע בקאבול ב-2021.',
    },
    why: {
      en: 'Grok matched the images to an older, similar-looking event and presented the guess as a verdict.',
      he: 'גרוק קישר את התמונות לאירוע ישן שנראה דומה, והציג את הניחוש כפסק דין.',
    },
    cautions: [
      {
        en: 'Reports of the attack on the school are not a hoax.',
        he: 'הדיווחים על התקיפה בבית הספר אינם מתיחה.',
      },
    ],
    sources: [
      {
        publisher: 'Mother Jones',
        title: 'AI war videos, deepfakes and X during the Israel, UAE and Iran conflict',
        url: 'https://www.motherjones.com/politics/2026/03/ai-war-video-deepfake-x-israel-uae-iran/',
      },
    ],
    confidence: 'medium',
  },
  {
    id: 'iran-tel-aviv-2024',
    title: {
      en: "X promoted Grok's fake headline about Iran striking Tel Aviv",
      he: 'X קידמה כותרת מזויפת של גרוק על מתקפה איראנית על תל אביב',
    },
    date: '2024-04-04',
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: "A Grok-written headline promoted in X's Explore tab on the first day of the updated trending feature.",
      he: 'כותרת שכתב גרוק וקודמה בלשונית Explore של X ביום הראשון של פיצ\'ר הטרנדים המחודש.',
    },
    claims: bundledClaims['iran-tel-aviv-2024'],
    claim: {
      en: '"Iran Strikes Tel Aviv with Heavy Missiles"',
      he: '"איראן תוקפת את תל אביב בטילים כבדים"',
    },
    happened: {
      en: 'On 4 April 2024 Iran had not attacked Israel. The story grew out of many verified (blue-check) accounts posting the same copied false claim, together with an unverified video of an explosion.',
      he: 'ב-4 באפריל 2024 איראן לא תקפה את ישראל. הסיפור נולד מחשבונות מאומתים רבים (עם וי כחול) שפרסמו שוב ושוב את אותה טענה כוזבת מועתקת, לצד סרטון פיצוץ שלא אומת.',
    },
    why: {
      en: 'Grok summarised what was spreading on X. A coordinated burst of identical posts looked like breaking news, and X promoted the result.',
      he: 'גרוק סיכם את מה שהתפשט ב-X. גל מתואם של פוסטים זהים נראה כמו חדשות מתפרצות, ו-X קידמה את התוצאה.',
    },
    cautions: [
      {
        en: 'Iran really did attack Israel nine days later, on the night of 13–14 April 2024, and again on 1 October 2024. Reports of those attacks are genuine news and are not flagged.',
        he: 'איראן אכן תקפה את ישראל תשעה ימים מאוחר יותר, בליל 13–14 באפריל 2024, ושוב ב-1 באוקטובר 2024. דיווחים על המתקפות האלה הם חדשות אמיתיות ואינם מסומנים.',
      },
      {
        en: 'Israel and Iran also exchanged strikes in June 2025; reports of that war are genuine too.',
        he: 'ישראל ואיראן החליפו מהלומות גם ביוני 2025; גם הדיווחים על המלחמה ההיא אמיתיים.',
      },
    ],
    sources: [
      {
        publisher: 'AI Incident Database',
        title: 'Incident 719: Grok promotes a fake headline about Iran attacking Israel',
        url: 'https://incidentdatabase.ai/cite/719',
      },
      {
        publisher: 'AIAAIC',
        title: 'Grok generates fake Iran missile attack headline',
        url: 'https://www.aiaaic.org/aiaaic-repository/ai-algorithmic-and-automation-incidents/grok-generates-fake-iran-missile-attack-headline',
      },
      {
        publisher: 'Mashable',
        title: "Elon Musk's X pushed a fake headline about Iran attacking Israel. X's AI chatbot Grok made it up.",
      },
    ],
    confidence: 'high',
  },
  {
    id: 'klay-thompson-bricks-2024',
    title: {
      en: 'Grok read basketball slang as a vandalism spree by Klay Thompson',
      he: 'גרוק פירש סלנג של כדורסל כמסע ונדליזם של קליי תומפסון',
    },
    date: '2024-04-16',
    dateText: { en: 'night of 16–17 April 2024', he: 'ליל 16–17 באפריל 2024' },
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: "A Grok-written headline and summary in X's trending section.",
      he: 'כותרת וסיכום שכתב גרוק באזור הטרנדים של X.',
    },
    claims: bundledClaims['klay-thompson-bricks-2024'],
    claim: {
      en: '"Klay Thompson Accused in Bizarre Brick-Vandalism Spree" — the summary said he was "accused of vandalizing multiple houses with bricks in Sacramento".',
      he: '"קליי תומפסון מואשם במסע ונדליזם מוזר בלבנים" — לפי הסיכום הוא "מואשם בהשחתת כמה בתים בלבנים בסקרמנטו".',
    },
    happened: {
      en: "Thompson went 0-for-10 in the Golden State Warriors' play-in loss to the Sacramento Kings. Fans joked that he was \"throwing bricks\", basketball slang for badly missed shots. Nobody accused him of vandalism.",
      he: 'תומפסון קלע 0 מ-10 בהפסד של גולדן סטייט ווריורס לסקרמנטו קינגס במשחק הפליי-אין. אוהדים התבדחו שהוא "זורק לבנים", סלנג כדורסל לזריקות שמחטיאות בגדול. איש לא האשים אותו בוונדליזם.',
    },
    why: {
      en: 'Grok took the slang literally. It summarised the jokes as if they described a crime.',
      he: 'גרוק הבין את הסלנג פשוטו כמשמעו, וסיכם את הבדיחות כאילו תיארו פשע.',
    },
    cautions: [
      {
        en: 'He really did go 0-for-10, and recaps saying he "threw bricks" are genuine sports reporting: "bricks" is slang for missed shots.',
        he: 'הוא באמת קלע 0 מ-10, וסיכומי משחק שאומרים שהוא "זרק לבנים" הם סיקור ספורט אמיתי: "לבנים" הוא סלנג לזריקות מוחטאות.',
      },
    ],
    sources: [
      {
        publisher: 'PC Gamer',
        title: "Twitter users have been confusing Elon Musk's Grok AI with fake news",
        url: 'https://www.pcgamer.com/software/ai/twitter-users-have-been-confusing-elon-musks-grok-ai-with-fake-news-and-its-all-rather-amusing/',
      },
      {
        publisher: 'Awful Announcing',
        title: 'X\'s AI turns Klay Thompson\'s bricks into a vandalism story',
        url: 'https://awfulannouncing.com/twitter/klay-thompson-vandalism-bricks-ai.html',
      },
      {
        publisher: 'Know Your Meme',
        title: "Twitter's AI-powered trending tab thinks Klay Thompson went on a literal brick-vandalism spree",
        url: 'https://knowyourmeme.com/news/twitters-ai-powered-trending-tab-thinks-warriors-player-klay-thompson-went-on-literal-brick-vandalism-spree-after-poor-shooting-performance-last-night',
      },
      QUARTZ_BLUNDERS,
    ],
    confidence: 'high',
  },
  {
    id: 'lowes-home-depot-2024',
    title: {
      en: "Grok headline falsely said Lowe's CEO sent conservatives to Home Depot",
      he: 'כותרת של גרוק טענה בטעות שמנכ"ל לואוז שולח שמרנים להום דיפו',
    },
    date: '2024-08-26',
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: "A Grok-written headline in X's Explore tab.",
      he: 'כותרת שכתב גרוק בלשונית Explore של X.',
    },
    claims: bundledClaims['lowes-home-depot-2024'],
    claim: {
      en: `"Lowe's CEO urges conservatives to shop at Home Depot."`,
      he: '"מנכ"ל לואוז קורא לשמרנים לקנות בהום דיפו."',
    },
    happened: {
      en: "Lowe's CEO said no such thing. The story came from a doctored screenshot of a TV broadcast.",
      he: 'מנכ"ל לואוז לא אמר דבר כזה. הסיפור נולד מצילום מסך מזויף של שידור טלוויזיה.',
    },
    why: {
      en: 'Grok summarised posts sharing the doctored screenshot without checking whether the broadcast was real.',
      he: 'גרוק סיכם פוסטים ששיתפו את צילום המסך המזויף בלי לבדוק אם השידור אמיתי.',
    },
    cautions: [
      {
        en: "Lowe's and Home Depot are real rival chains; ordinary business news about them is genuine.",
        he: 'לואוז והום דיפו הן רשתות מתחרות אמיתיות; חדשות עסקיות רגילות עליהן אמיתיות.',
      },
    ],
    sources: [ALLSIDES],
    confidence: 'medium',
  },
  {
    id: 'modi-ejected-2024',
    title: {
      en: 'Grok headline said Modi had been ejected before India even voted',
      he: 'כותרת של גרוק טענה שמודי הודח עוד לפני שהודו הצביעה',
    },
    date: '2024-04-17',
    dateText: { en: 'about 17 April 2024', he: 'בסביבות 17 באפריל 2024' },
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: 'A promoted Grok-written news item on X.',
      he: 'ידיעה שכתב גרוק וקודמה ב-X.',
    },
    claims: bundledClaims['modi-ejected-2024'],
    claim: {
      en: '"PM Modi Ejected from Indian Government", presented as a "shocking turn of events".',
      he: '"ראש הממשלה מודי הודח מממשלת הודו", שהוצג כ"תפנית מזעזעת".',
    },
    happened: {
      en: "India's general election had not yet taken place: it ran from 19 April to 1 June 2024. Narendra Modi stayed in office and was sworn in for a third term in June 2024.",
      he: 'הבחירות הכלליות בהודו עוד לא התקיימו: הן נערכו מ-19 באפריל עד 1 ביוני 2024. נרנדרה מודי נשאר בתפקידו והושבע לכהונה שלישית ביוני 2024.',
    },
    why: {
      en: 'Grok turned speculation and jokes on X about the coming election into a news item.',
      he: 'גרוק הפך ספקולציות ובדיחות ב-X על הבחירות הקרבות לידיעה חדשותית.',
    },
    cautions: [
      {
        en: "Modi was sworn in for a third term in June 2024; reports of the election results and the swearing-in are genuine.",
        he: 'מודי הושבע לכהונה שלישית ביוני 2024; דיווחים על תוצאות הבחירות ועל ההשבעה הם אמיתיים.',
      },
    ],
    sources: [
      {
        publisher: 'PCMag',
        title: "Elon Musk's Grok AI Pushes False News Stories About Indian Election, Iran Strike",
      },
    ],
    confidence: 'medium',
  },
  {
    id: 'newsom-guard-photos-2025',
    title: {
      en: 'Grok wrongly said photos of National Guard troops in Los Angeles were old',
      he: 'גרוק טען בטעות שתמונות של חיילי המשמר הלאומי בלוס אנג\'לס ישנות',
    },
    date: '2025-06-09',
    dateText: { en: '9–10 June 2025', he: '9–10 ביוני 2025' },
    surface: 'chatbot-answer',
    rating: 'False',
    appearance: {
      en: "Grok's answers to X users asking whether the photos were real.",
      he: 'תשובות של גרוק למשתמשי X ששאלו אם התמונות אמיתיות.',
    },
    claims: bundledClaims['newsom-guard-photos-2025'],
    claim: {
      en: 'Grok said photos of National Guard troops sleeping in Los Angeles were recycled from the 2021 withdrawal from Afghanistan.',
      he: 'גרוק טען שתמונות של חיילי המשמר הלאומי ישנים בלוס אנג\'לס ממוחזרות מהנסיגה מאפגניסטן ב-2021.',
    },
    happened: {
      en: 'The photos were real and new: they were published on 9 June 2025 and showed troops sent to Los Angeles.',
      he: 'התמונות היו אמיתיות וחדשות: הן פורסמו ב-9 ביוני 2025 ותיעדו חיילים שנשלחו ללוס אנג\'לס.',
    },
    why: {
      en: 'Grok matched the photos to older, similar-looking pictures and stated the match as fact.',
      he: 'גרוק קישר את התמונות לתמונות ישנות שנראות דומות, והציג את הקישור כעובדה.',
    },
    cautions: [
      {
        en: 'The photos, shared by Governor Gavin Newsom, were authentic.',
        he: 'התמונות, שהמושל גאווין ניוסום שיתף, היו אותנטיות.',
      },
    ],
    sources: [
      {
        publisher: 'PolitiFact',
        title: 'Fact check: Gavin Newsom\'s photos of troops in Los Angeles',
        date: '2025-06-10',
        url: 'https://www.politifact.com/factchecks/2025/jun/10/social-media/Gavin-Newsom-photos-los-angeles-troops/',
      },
    ],
    confidence: 'high',
  },
  {
    id: 'sun-eclipse-2024',
    title: {
      en: 'Grok said experts were baffled by the sun on the day of the eclipse',
      he: 'גרוק טען שמומחים המומים מהתנהגות השמש ביום ליקוי החמה',
    },
    date: '2024-04-08',
    surface: 'trending-summary',
    rating: 'Fabricated',
    appearance: {
      en: "A Grok-written headline and summary in X's trending section.",
      he: 'כותרת וסיכום שכתב גרוק באזור הטרנדים של X.',
    },
    claims: bundledClaims['sun-eclipse-2024'],
    claim: {
      en: '"Sun\'s Odd Behavior: Experts Baffled" — the summary said the sun was behaving unusually and there was no official explanation.',
      he: '"התנהגות מוזרה של השמש: המומחים המומים" — לפי הסיכום השמש התנהגה באופן חריג ולא ניתן לכך הסבר רשמי.',
    },
    happened: {
      en: 'On 8 April 2024 a total solar eclipse crossed North America. People joked on X about where the sun had gone. The eclipse was predicted and fully explained; nothing was wrong with the sun.',
      he: 'ב-8 באפריל 2024 חלף ליקוי חמה מלא מעל צפון אמריקה, ומשתמשים ב-X התבדחו על כך שהשמש נעלמה. הליקוי היה צפוי ומוסבר היטב; לא היה שום דבר חריג בשמש.',
    },
    why: {
      en: 'Grok summarised the joke posts literally, without connecting them to the eclipse.',
      he: 'גרוק סיכם את הפוסטים ההומוריסטיים כפשוטם, בלי לקשר אותם לליקוי החמה.',
    },
    cautions: [
      {
        en: 'The eclipse was real; explainers and reports about it are genuine.',
        he: 'ליקוי החמה היה אמיתי; הסברים ודיווחים עליו הם אמיתיים.',
      },
    ],
    sources: [
      QUARTZ_BLUNDERS,
      WINDOWS_REPORT,
      { publisher: 'Gizmodo', title: "Report on Grok's eclipse summary on X" },
    ],
    confidence: 'high',
  },
  {
    id: 'white-genocide-2025',
    title: {
      en: 'Grok inserted the debunked "white genocide" narrative into unrelated answers',
      he: 'גרוק שילב את הנרטיב המופרך על "רצח עם של לבנים" בתשובות שלא היו קשורות אליו',
    },
    date: '2025-05-14',
    dateText: { en: '14–15 May 2025', he: '14–15 במאי 2025' },
    surface: 'chatbot-answer',
    rating: 'False',
    appearance: {
      en: "Grok's replies on X to questions on unrelated subjects.",
      he: 'תגובות של גרוק ב-X לשאלות בנושאים אחרים לגמרי.',
    },
    claims: bundledClaims['white-genocide-2025'],
    claim: {
      en: 'Grok brought up claims of a "white genocide" in South Africa in answers to questions that had nothing to do with it.',
      he: 'גרוק העלה טענות על "רצח עם של לבנים" בדרום אפריקה בתשובות לשאלות שלא היו קשורות לכך כלל.',
    },
    happened: {
      en: 'The "white genocide" narrative about South Africa is debunked. xAI blamed an unauthorized change to Grok\'s system prompt.',
      he: 'הנרטיב על "רצח עם של לבנים" בדרום אפריקה הופרך. xAI טענה שהסיבה הייתה שינוי לא מורשה בהנחיות המערכת של גרוק.',
    },
    why: {
      en: "A change to the instructions behind Grok pushed a political narrative into its answers, whatever the question.",
      he: 'שינוי בהנחיות שמאחורי גרוק דחף נרטיב פוליטי לתשובות שלו, יהיה הנושא אשר יהיה.',
    },
    cautions: [],
    sources: [
      {
        publisher: 'eWeek',
        title: 'xAI and the Grok "white genocide" controversy',
        url: 'https://www.eweek.com/news/elon-musk-xai-grok-white-genocide-controversy/',
      },
    ],
    confidence: 'high',
  },
];
