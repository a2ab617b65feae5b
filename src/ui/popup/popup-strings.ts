/** Every string the popup shows, in English and Hebrew. */
import type { MatchRule } from '../../core/types';
import type { UiLang } from '../lang';

export interface PopupStrings {
  appName: string;
  /** Heading over the list: how many findings on which page. */
  countHeading(count: number): string;
  thisPage: string;
  /** Label of a finding by what was found. */
  findingLabel(kind: 'fabricated-headline' | 'grok-summary', rule: MatchRule): string;
  show: string;
  showLabel(text: string): string;
  context: string;
  contextLabel(title: string): string;
  importedFrom(publisher: string): string;
  emptyChecked: string;
  emptyCheckedDetail: string;
  emptyPaused: string;
  emptySiteDisabled: string;
  emptyUnavailable: string;
  controls: string;
  onThisSite: string;
  onThisSiteUnknown: string;
  pauseEverywhere: string;
  dismissedHeading: string;
  undo: string;
  undoLabel(text: string): string;
  aboutLink: string;
  options: string;
  showFailed: string;
  quote(text: string): string;
}

const en: PopupStrings = {
  appName: 'Grok Context',
  countHeading: (count) => (count === 1 ? '1 finding on this page' : `${count} findings on this page`),
  thisPage: 'this page',
  findingLabel: (kind, rule) =>
    kind === 'fabricated-headline'
      ? 'Fabricated headline'
      : rule === 'mention'
        ? "About Grok's summaries"
        : rule === 'label'
          ? "X's label for Grok"
          : 'Written by Grok',
  show: 'Show',
  showLabel: (text) => `Show on the page: ${text}`,
  context: 'Context',
  contextLabel: (title) => `Full context: ${title}`,
  importedFrom: (publisher) => `Imported from ${publisher}`,
  emptyChecked: 'Checked this page: nothing found.',
  emptyCheckedDetail: "No Grok-written summaries and none of Grok's documented fabricated headlines.",
  emptyPaused: 'Checking is paused everywhere.',
  emptySiteDisabled: 'Checking is off on this site.',
  emptyUnavailable:
    'This page has not been checked: browser pages cannot be read, or the page is still loading. Reload it to check again.',
  controls: 'Checking',
  onThisSite: 'On this site',
  onThisSiteUnknown: 'On this site (unknown site)',
  pauseEverywhere: 'Pause everywhere',
  dismissedHeading: 'Dismissed on this site',
  undo: 'Undo',
  undoLabel: (text) => `Undo dismissal: ${text}`,
  aboutLink: "About Grok's headlines",
  options: 'Options',
  showFailed: 'The page did not answer. Reload it and try again.',
  quote: (text) => `“${text}”`,
};

const he: PopupStrings = {
  appName: 'Grok Context',
  countHeading: (count) => (count === 1 ? 'ממצא אחד בדף הזה' : `${count} ממצאים בדף הזה`),
  thisPage: 'הדף הזה',
  findingLabel: (kind, rule) =>
    kind === 'fabricated-headline'
      ? 'כותרת מפוברקת'
      : rule === 'mention'
        ? 'על הסיכומים של Grok'
        : rule === 'label'
          ? 'התווית של X ל־Grok'
          : 'נכתב על ידי Grok',
  show: 'הצגה',
  showLabel: (text) => `הצגה בדף: ${text}`,
  context: 'הקשר',
  contextLabel: (title) => `ההקשר המלא: ${title}`,
  importedFrom: (publisher) => `יובא מ־${publisher}`,
  emptyChecked: 'הדף נבדק: לא נמצא דבר.',
  emptyCheckedDetail: 'אין בו סיכומים שכתב Grok ואף לא אחת מהכותרות המפוברקות המתועדות של Grok.',
  emptyPaused: 'הבדיקה מושהית בכל האתרים.',
  emptySiteDisabled: 'הבדיקה כבויה באתר הזה.',
  emptyUnavailable: 'הדף הזה לא נבדק: אי אפשר לקרוא דפים של הדפדפן, או שהדף עדיין נטען. טענו אותו מחדש כדי לבדוק שוב.',
  controls: 'בדיקה',
  onThisSite: 'באתר הזה',
  onThisSiteUnknown: 'באתר הזה (אתר לא ידוע)',
  pauseEverywhere: 'השהיה בכל האתרים',
  dismissedHeading: 'ממצאים שהוסתרו באתר הזה',
  undo: 'ביטול',
  undoLabel: (text) => `ביטול ההסתרה: ${text}`,
  aboutLink: 'על הכותרות של Grok',
  options: 'הגדרות',
  showFailed: 'הדף לא הגיב. טענו אותו מחדש ונסו שוב.',
  // Straight quotes: curly ones read reversed in right-to-left text.
  quote: (text) => `"${text}"`,
};

export function popupStrings(lang: UiLang): PopupStrings {
  return lang === 'he' ? he : en;
}
