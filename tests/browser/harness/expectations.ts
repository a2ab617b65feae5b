/**
 * What each fixture page must show (the same facts as the comment at the top of each fixture).
 * A finding is written `fabricated-headline:<incident id>` or `grok-summary`.
 */
export interface FixtureExpectation {
  path: string;
  findings: string[];
  /** Texts that must be (part of) a highlighted range. */
  marked: string[];
  /** Texts that no highlighted range may contain (page text around the findings). */
  notMarked?: string[];
  /** Texts the popup must show, each in some listed finding (a story is listed by its headline). */
  listed?: string[];
}

export const STATIC_FIXTURES: readonly FixtureExpectation[] = [
  {
    path: 'x-explore-en.html',
    findings: ['fabricated-headline:iran-tel-aviv-2024', 'grok-summary', 'grok-summary', 'grok-summary'],
    marked: [
      'Iran Strikes Tel Aviv with Heavy Missiles',
      'Champions League: Real Madrid and Manchester City meet again in the quarter-finals',
      'Solar eclipse draws crowds across North America',
    ],
    listed: [
      'Iran Strikes Tel Aviv with Heavy Missiles',
      'Champions League: Real Madrid and Manchester City',
      'Solar eclipse draws crowds across North America',
    ],
    notMarked: ['#NBAPlayoffs', 'Vision Pro', 'Clear skies forecast', 'Who to follow', 'For you', 'Notifications'],
  },
  {
    path: 'x-explore-he.html',
    findings: ['fabricated-headline:klay-thompson-bricks-2024', 'grok-summary', 'grok-summary'],
    marked: ['קליי תומפסון נאשם במסע ונדליזם מוזר בלבנים', "ליגת האלופות: ריאל מדריד ומנצ'סטר סיטי ייפגשו שוב ברבע הגמר"],
    listed: ['קליי תומפסון נאשם במסע ונדליזם מוזר בלבנים', 'ליגת האלופות: ריאל מדריד'],
    notMarked: ['מישהו יודע מתי', '#יום_שישי', 'את מי לעקוב', 'בשבילך'],
  },
  {
    path: 'i/trending/1778123456789012345',
    findings: ['fabricated-headline:sun-eclipse-2024', 'grok-summary'],
    marked: ["Sun's Odd Behavior: Experts Baffled"],
    listed: ["Sun's Odd Behavior: Experts Baffled"],
    notMarked: ['where did the sun go', 'Totality lasted'],
  },
  {
    path: 'article-split.html',
    findings: ['fabricated-headline:iran-tel-aviv-2024', 'fabricated-headline:klay-thompson-bricks-2024'],
    marked: ['Iran Strikes Tel Aviv with Heavy Missiles', 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree'],
    notMarked: ['Nine days later', 'throwing bricks', 'The chatbot behind it', 'Nothing of the kind'],
  },
  {
    path: 'csp-strict.html',
    findings: ['fabricated-headline:sun-eclipse-2024'],
    marked: ["Sun's Odd Behaviour: Experts Baffled"],
  },
  {
    path: 'dark.html',
    findings: ['fabricated-headline:modi-ejected-2024', 'grok-summary'],
    marked: ['PM Modi Ejected from Indian Government'],
    listed: ['PM Modi Ejected from Indian Government'],
    notMarked: ['For you', 'Check your polling station'],
  },
  {
    path: 'react-rerender.html',
    findings: ['fabricated-headline:klay-thompson-bricks-2024'],
    marked: ['Klay Thompson Accused in Bizarre Brick-Vandalism Spree'],
  },
  { path: 'spa-soft-nav.html', findings: ['fabricated-headline:modi-ejected-2024'], marked: ['PM Modi Ejected from Indian Government'] },
  { path: 'feed-append.html', findings: [], marked: [] },
  { path: 'genuine-news.html', findings: [], marked: [] },
];

/** A popup entry as a comparable key: grok-summary entries compare by kind only (their incident is optional). */
export function findingKey(finding: { kind: string | null; incident: string | null }): string {
  return finding.kind === 'fabricated-headline' ? `fabricated-headline:${finding.incident ?? '?'}` : String(finding.kind);
}

export function sorted(keys: readonly string[]): string[] {
  return [...keys].sort();
}
