/**
 * The texts matched on pages, for each bundled incident (incidents.ts takes every incident's `claims` from
 * here). Kept apart from the cards' texts so the content script bundles only what matching needs; the card
 * details come from the background when a card opens.
 *
 * `en` holds only verbatim texts from the research record (shared/facts/grok-incidents.md), plus the spelling
 * variants it records; `he` holds our own Hebrew renderings, several per claim, because no Hebrew coverage of
 * these headlines exists and pages may use another translator's wording. Incidents without a verbatim text have
 * empty lists: they give context on cards and the context page but are never matched as text.
 *
 * Keyed by incident id, sorted (a data test checks that these keys are exactly the bundled incidents' ids).
 */

export interface IncidentClaims {
  en: string[];
  he: string[];
}

export const bundledClaims = {
  'adams-earthquake-2024': {
    en: ['Adams vs. Earthquake: 50,000 Cops in Subway Showdown'],
    he: [
      'אדמס נגד רעידת האדמה: 50,000 שוטרים בעימות ברכבת התחתית',
      'אדמס מול רעידת האדמה: 50,000 שוטרים בעימות במטרו',
      'עימות ברכבת התחתית: אדמס נגד רעידת האדמה עם 50,000 שוטרים',
    ],
  },
  'ballot-deadlines-2024': {
    en: ['The ballot deadline has passed for several states for the 2024 election.'],
    he: [
      // Without "2024 election": seven significant words would let a sentence about registration deadlines
      // (no ballots) match with one word missing. Six words must all be present.
      'המועד האחרון לפתקי ההצבעה חלף בכמה מדינות.',
      'בכמה מדינות עבר המועד האחרון לפתק ההצבעה.',
      'הדדליין לפתקי ההצבעה עבר בכמה מדינות.',
    ],
  },
  'ben-gurion-video-2025': { en: [], he: [] },
  'bondi-crabtree-2025': { en: [], he: [] },
  'carter-death-2024': { en: [], he: [] },
  'charlie-kirk-2025': { en: [], he: [] },
  'harris-shot-2024': { en: [], he: [] },
  'iran-school-2026': { en: [], he: [] },
  'iran-tel-aviv-2024': {
    en: ['Iran Strikes Tel Aviv with Heavy Missiles'],
    he: [
      'איראן תוקפת את תל אביב בטילים כבדים',
      'איראן מתקיפה את תל אביב עם טילים כבדים',
      'טילים כבדים: איראן תקפה את תל אביב',
      'איראן פוגעת בתל אביב בטילים כבדים',
    ],
  },
  'klay-thompson-bricks-2024': {
    en: [
      'Klay Thompson Accused in Bizarre Brick-Vandalism Spree',
      'accused of vandalizing multiple houses with bricks in Sacramento',
    ],
    he: [
      'קליי תומפסון מואשם במסע ונדליזם מוזר בלבנים',
      'קליי תומפסון נאשם בגל ונדליזם ביזארי עם לבנים',
      'מסע ונדליזם ביזארי בלבנים: קליי תומפסון מואשם',
      'מואשם בהשחתת כמה בתים בלבנים בסקרמנטו',
      'הואשם בוונדליזם של מספר בתים באמצעות לבנים בסקרמנטו',
      'נאשם בהשחתת בתים בסקרמנטו עם לבנים',
    ],
  },
  'lowes-home-depot-2024': {
    en: ["Lowe's CEO urges conservatives to shop at Home Depot."],
    he: [
      'מנכ"ל לואוז קורא לשמרנים לקנות בהום דיפו',
      "מנכ\"ל לואו'ס קורא לשמרנים לעשות קניות בהום דיפו",
      'מנכ"ל לואוז מפציר בשמרנים לקנות בהום דיפו',
      // Hebrew articles often keep brand names in Latin letters.
      "מנכ\"ל Lowe's קורא לשמרנים לקנות ב-Home Depot",
    ],
  },
  'modi-ejected-2024': {
    en: ['PM Modi Ejected from Indian Government'],
    he: [
      'ראש הממשלה מודי הודח מממשלת הודו',
      'מודי הודח מממשלת הודו',
      'ראש ממשלת הודו מודי סולק מהממשלה',
    ],
  },
  'newsom-guard-photos-2025': { en: [], he: [] },
  'sun-eclipse-2024': {
    en: ["Sun's Odd Behavior: Experts Baffled", "Sun's Odd Behaviour: Experts Baffled"],
    he: [
      'התנהגות מוזרה של השמש: המומחים המומים',
      'התנהגותה המשונה של השמש מבלבלת את המומחים',
      'השמש מתנהגת באופן מוזר: מומחים המומים',
    ],
  },
  'white-genocide-2025': { en: [], he: [] },
} satisfies Record<string, IncidentClaims>;
