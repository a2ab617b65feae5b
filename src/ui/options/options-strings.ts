/** Words of the options page, English and Hebrew. */
import type { UiLang } from '../lang';

export interface OptionsStrings {
  pageTitle: string;
  heading: string;
  intro: string;
  savedNote: string;
  contextLink: string;

  lookHeading: string;
  styleLegend: string;
  styles: Record<'underline' | 'background' | 'off', { label: string; hint: string }>;
  kindsLegend: string;
  kinds: Record<'fabricated-headline' | 'grok-summary', { label: string; hint: string }>;
  badgeLabel: string;
  badgeHint: string;
  pausedLabel: string;
  pausedHint: string;

  sitesHeading: string;
  sitesIntro: string;
  sitesEmpty: string;
  siteInputLabel: string;
  siteInputPlaceholder: string;
  siteAdd: string;
  siteRemove: (site: string) => string;
  siteRemoveText: string;
  siteInvalid: (input: string) => string;
  siteAdded: (site: string) => string;
  siteAlready: (site: string) => string;
  siteRemoved: (site: string) => string;

  dismissedHeading: string;
  dismissedIntro: string;
  dismissedEmpty: string;
  dismissedUndo: string;
  dismissedUndoLabel: (text: string, site: string) => string;
  dismissedRestored: (text: string) => string;
  dismissedOn: (site: string, date: string) => string;
  allSites: string;
  kindNames: Record<'fabricated-headline' | 'grok-summary', string>;

  packsHeading: string;
  packsIntro: string;
  packsFileLabel: string;
  packsDrop: string;
  packsEmpty: string;
  packsExport: string;
  packsExportLabel: (name: string) => string;
  packsRemove: string;
  packsRemoveLabel: (name: string) => string;
  packsCount: (count: number) => string;
  packsImportedOn: (date: string) => string;
  packsSaved: (name: string, count: number) => string;
  packsRemoved: (name: string) => string;
  packsErrorTitle: (file: string) => string;
  packsErrorNothingChanged: string;
  packsErrorMore: (count: number) => string;
  packsReadError: string;
  packsSkipped: (count: number) => string;
  packsTooBig: (limitKb: number) => string;
  packsNotJsonFile: string;
  saveFailed: string;
}

const en: OptionsStrings = {
  pageTitle: 'Grok Context options',
  heading: 'Grok Context options',
  intro: 'Changes are saved as you make them and apply to open pages right away.',
  savedNote: 'Saved.',
  contextLink: 'Read the story and every known incident',

  lookHeading: 'What to mark, and how',
  styleLegend: 'Highlight style',
  styles: {
    underline: { label: 'Underline', hint: 'A wavy line under the text.' },
    background: { label: 'Background', hint: 'A tinted background behind the text.' },
    off: { label: 'Off', hint: 'Do not mark the text; the badge and the list still show findings.' },
  },
  kindsLegend: 'What to show',
  kinds: {
    'fabricated-headline': { label: 'Fabricated headlines', hint: 'Headlines and answers Grok is documented to have made up.' },
    'grok-summary': { label: 'Grok summaries', hint: 'Trending summaries and stories written by Grok, and text about them.' },
  },
  badgeLabel: 'Show the number of findings on the toolbar button',
  badgeHint: 'The badge counts what was found on the current tab.',
  pausedLabel: 'Pause everywhere',
  pausedHint: 'Stop checking pages until you turn this off.',

  sitesHeading: 'Sites where checking is off',
  sitesIntro: 'Grok Context does not read these sites.',
  sitesEmpty: 'None: checking is on for every site.',
  siteInputLabel: 'Site to turn off (for example x.com)',
  siteInputPlaceholder: 'example.com',
  siteAdd: 'Turn off for this site',
  siteRemove: (site) => `Turn back on for ${site}`,
  siteRemoveText: 'Turn back on',
  siteInvalid: (input) => `“${input}” is not a site name. Type a name like example.com or paste a link.`,
  siteAdded: (site) => `Checking is off on ${site}.`,
  siteAlready: (site) => `${site} is already in the list.`,
  siteRemoved: (site) => `Checking is back on for ${site}.`,

  dismissedHeading: 'Dismissed findings',
  dismissedIntro: 'Findings you marked as “Not this”. Undo to have them marked again.',
  dismissedEmpty: 'Nothing dismissed.',
  dismissedUndo: 'Undo',
  dismissedUndoLabel: (text, site) => `Undo dismissing “${text}” on ${site}`,
  dismissedRestored: (text) => `“${text}” will be marked again.`,
  dismissedOn: (site, date) => `${site} · ${date}`,
  allSites: 'all sites',
  kindNames: { 'fabricated-headline': 'Fabricated headline', 'grok-summary': 'Grok summary' },

  packsHeading: 'Incident packs',
  packsIntro:
    'Add incidents from a JSON file: a Grok Context pack, or ClaimReview JSON-LD as fact-checkers publish it. The file is read on your device; nothing is sent anywhere.',
  packsFileLabel: 'Import a pack from a JSON file',
  packsDrop: 'or drop a JSON file here',
  packsEmpty: 'No packs imported.',
  packsExport: 'Export',
  packsExportLabel: (name) => `Export ${name} as JSON`,
  packsRemove: 'Remove',
  packsRemoveLabel: (name) => `Remove ${name}`,
  packsCount: (count) => (count === 1 ? '1 incident' : `${count} incidents`),
  packsImportedOn: (date) => `imported ${date}`,
  packsSaved: (name, count) => `Imported “${name}”: ${count === 1 ? '1 incident' : `${count} incidents`}. Open pages use it now.`,
  packsRemoved: (name) => `Removed “${name}”.`,
  packsErrorTitle: (file) => `“${file}” was not imported. Nothing was changed.`,
  packsErrorNothingChanged: 'Nothing was changed.',
  packsErrorMore: (count) => `…and ${count} more ${count === 1 ? 'problem' : 'problems'}.`,
  packsReadError: 'The file could not be read.',
  packsSkipped: (count) => `${count === 1 ? '1 entry was' : `${count} entries were`} skipped (not rated false).`,
  packsTooBig: (limitKb) => `The file is larger than ${limitKb} KB.`,
  packsNotJsonFile: 'Choose a .json file.',
  saveFailed: 'The change could not be saved. Try again.',
};

const he: OptionsStrings = {
  pageTitle: 'הגדרות Grok Context',
  heading: 'הגדרות Grok Context',
  intro: 'השינויים נשמרים מיד וחלים על עמודים פתוחים בלי לטעון אותם מחדש.',
  savedNote: 'נשמר.',
  contextLink: 'לקריאת הסיפור וכל המקרים הידועים',

  lookHeading: 'מה לסמן ואיך',
  styleLegend: 'סגנון הסימון',
  styles: {
    underline: { label: 'קו תחתון', hint: 'קו גלי מתחת לטקסט.' },
    background: { label: 'רקע', hint: 'רקע צבעוני מאחורי הטקסט.' },
    off: { label: 'כבוי', hint: 'בלי סימון בטקסט; התג והרשימה עדיין מציגים את הממצאים.' },
  },
  kindsLegend: 'מה להציג',
  kinds: {
    'fabricated-headline': { label: 'כותרות מומצאות', hint: 'כותרות ותשובות שמתועד שגרוק המציא.' },
    'grok-summary': { label: 'סיכומים של גרוק', hint: 'סיכומי נושאים חמים וסיפורים שכתב גרוק, וטקסט שעוסק בהם.' },
  },
  badgeLabel: 'להציג את מספר הממצאים על לחצן התוסף',
  badgeHint: 'התג סופר את מה שנמצא בכרטיסייה הנוכחית.',
  pausedLabel: 'השהיה בכל האתרים',
  pausedHint: 'להפסיק לבדוק עמודים עד שתכבו את האפשרות.',

  sitesHeading: 'אתרים שבהם הבדיקה כבויה',
  sitesIntro: 'Grok Context לא קורא את האתרים האלה.',
  sitesEmpty: 'אין: הבדיקה פועלת בכל האתרים.',
  siteInputLabel: 'אתר לכיבוי הבדיקה (למשל x.com)',
  siteInputPlaceholder: 'example.com',
  siteAdd: 'לכבות באתר הזה',
  siteRemove: (site) => `להפעיל מחדש את הבדיקה ב-${site}`,
  siteRemoveText: 'להפעיל מחדש',
  siteInvalid: (input) => `"${input}" אינו שם של אתר. הקלידו שם כמו example.com או הדביקו קישור.`,
  siteAdded: (site) => `הבדיקה כבויה ב-${site}.`,
  siteAlready: (site) => `${site} כבר ברשימה.`,
  siteRemoved: (site) => `הבדיקה פועלת שוב ב-${site}.`,

  dismissedHeading: 'ממצאים שהוסתרו',
  dismissedIntro: 'ממצאים שסימנתם "לא זה". בטלו כדי שיסומנו שוב.',
  dismissedEmpty: 'לא הוסתר דבר.',
  dismissedUndo: 'ביטול',
  dismissedUndoLabel: (text, site) => `ביטול ההסתרה של "${text}" ב-${site}`,
  dismissedRestored: (text) => `"${text}" יסומן שוב.`,
  dismissedOn: (site, date) => `${site} · ${date}`,
  allSites: 'כל האתרים',
  kindNames: { 'fabricated-headline': 'כותרת מומצאת', 'grok-summary': 'סיכום של גרוק' },

  packsHeading: 'חבילות מקרים',
  packsIntro:
    'הוסיפו מקרים מקובץ JSON: חבילה של Grok Context, או ClaimReview ב-JSON-LD כפי שבודקי עובדות מפרסמים. הקובץ נקרא במכשיר שלכם; שום דבר לא נשלח.',
  packsFileLabel: 'ייבוא חבילה מקובץ JSON',
  packsDrop: 'או גררו לכאן קובץ JSON',
  packsEmpty: 'לא יובאו חבילות.',
  packsExport: 'ייצוא',
  packsExportLabel: (name) => `ייצוא ${name} כקובץ JSON`,
  packsRemove: 'הסרה',
  packsRemoveLabel: (name) => `הסרה של ${name}`,
  packsCount: (count) => (count === 1 ? 'מקרה אחד' : `${count} מקרים`),
  packsImportedOn: (date) => `יובא ב-${date}`,
  packsSaved: (name, count) => `"${name}" יובא: ${count === 1 ? 'מקרה אחד' : `${count} מקרים`}. עמודים פתוחים כבר משתמשים בו.`,
  packsRemoved: (name) => `"${name}" הוסר.`,
  packsErrorTitle: (file) => `"${file}" לא יובא. שום דבר לא השתנה.`,
  packsErrorNothingChanged: 'שום דבר לא השתנה.',
  packsErrorMore: (count) => `…ועוד ${count === 1 ? 'בעיה אחת' : `${count} בעיות`}.`,
  packsReadError: 'לא ניתן לקרוא את הקובץ.',
  packsSkipped: (count) => `${count === 1 ? 'רשומה אחת דולגה' : `${count} רשומות דולגו`} (לא דורגו כשקריות).`,
  packsTooBig: (limitKb) => `הקובץ גדול מ-${limitKb} KB.`,
  packsNotJsonFile: 'בחרו קובץ ‎.json.',
  saveFailed: 'לא ניתן לשמור את השינוי. נסו שוב.',
};

export function optionsStrings(lang: UiLang): OptionsStrings {
  return lang === 'he' ? he : en;
}
