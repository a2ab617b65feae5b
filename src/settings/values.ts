/**
 * Stored settings and dismissals checked without zod: the content script reads them on every page, and
 * building zod's schemas costs about 20 ms of start-up there (measured in Chromium on the development
 * machine). Each check accepts exactly what its schema in schema.ts accepts (same keys, types, values and
 * lengths; nothing else): values.test.ts compares them on valid values and on every kind of damage.
 */
import { isStrictObject } from '../data/plain-checks';
import type { Dismissal, Settings, SettingsV1 } from './schema';

export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'underline',
  kinds: { 'fabricated-headline': true, 'grok-summary': true },
  badge: true,
  paused: false,
  disabledSites: [],
};

/** A site as stored (a hostname: at most 253 characters). */
export const SITE_MAX = 253;
/** Sites in the list of those where checking is off. */
export const DISABLED_SITES_MAX = 5000;
/** A dismissal's key and the text it shows in the undo list. */
export const DISMISSAL_TEXT_MAX = 300;
/** A dismissal's incident id. */
export const DISMISSAL_INCIDENT_MAX = 80;

/** Hostname of a URL, or '' for pages without one (file:, about:). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Whether checking is on for a site, given the settings (the global pause wins). */
export function isSiteEnabled(settings: Settings, site: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(site);
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isText = (value: unknown, min: number, max: number): value is string => typeof value === 'string' && value.length >= min && value.length <= max;
const isKind = (value: unknown): boolean => value === 'fabricated-headline' || value === 'grok-summary';

function isSiteList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= DISABLED_SITES_MAX && value.every((site) => isText(site, 0, SITE_MAX));
}

/** SettingsSchema. */
export function isSettings(value: unknown): value is Settings {
  if (!isStrictObject(value, ['highlightStyle', 'kinds', 'badge', 'paused', 'disabledSites'])) return false;
  const style = value.highlightStyle;
  const kinds = value.kinds;
  return (
    (style === 'underline' || style === 'background' || style === 'off') &&
    isStrictObject(kinds, ['fabricated-headline', 'grok-summary']) &&
    isBoolean(kinds['fabricated-headline']) &&
    isBoolean(kinds['grok-summary']) &&
    isBoolean(value.badge) &&
    isBoolean(value.paused) &&
    isSiteList(value.disabledSites)
  );
}

/** SettingsV1Schema. */
export function isSettingsV1(value: unknown): value is SettingsV1 {
  return (
    isStrictObject(value, ['highlight', 'badge', 'paused', 'disabledSites']) &&
    isBoolean(value.highlight) &&
    isBoolean(value.badge) &&
    isBoolean(value.paused) &&
    isSiteList(value.disabledSites)
  );
}

/** DismissalSchema. */
export function isDismissal(value: unknown): value is Dismissal {
  return (
    isStrictObject(value, ['site', 'key', 'text', 'kind', 'at'], ['incident']) &&
    isText(value.site, 0, SITE_MAX) &&
    isText(value.key, 1, DISMISSAL_TEXT_MAX) &&
    isText(value.text, 0, DISMISSAL_TEXT_MAX) &&
    isKind(value.kind) &&
    (value.incident === undefined || isText(value.incident, 0, DISMISSAL_INCIDENT_MAX)) &&
    typeof value.at === 'number' &&
    Number.isFinite(value.at)
  );
}

/**
 * v1 → v2: `highlight: boolean` became `highlightStyle` (on → the default underline), and `kinds` appeared
 * (everything was shown before, so both on). A value that was not a valid v1 value is returned unchanged:
 * reads then fall back to the defaults, and the user's stored data is not replaced by a guess.
 */
export function migrateSettingsV1(value: unknown): unknown {
  if (!isSettingsV1(value)) return value;
  const { highlight, badge, paused, disabledSites } = value;
  const v2: Settings = {
    highlightStyle: highlight ? 'underline' : 'off',
    kinds: { 'fabricated-headline': true, 'grok-summary': true },
    badge,
    paused,
    disabledSites: [...disabledSites],
  };
  return v2;
}
