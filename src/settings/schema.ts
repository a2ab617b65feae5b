/**
 * Stored values: schemas and defaults. Pure (no browser): the storage items in ./storage.ts wrap these.
 * Every stored value is parsed on read; a malformed value falls back to the default for reading and is
 * never overwritten by a read (a later valid write replaces it).
 */
import * as z from 'zod/mini';

export const HighlightStyleSchema = z.enum(['underline', 'background', 'off']);
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;

export const SettingsSchema = z.strictObject({
  highlightStyle: HighlightStyleSchema,
  kinds: z.strictObject({ 'fabricated-headline': z.boolean(), 'grok-summary': z.boolean() }),
  badge: z.boolean(),
  paused: z.boolean(),
  /** Hostnames where checking is off. */
  disabledSites: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(5000)),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * Settings as version 1 stored them: one on/off switch for highlighting and no per-kind choice. Kept so the
 * v1 → v2 migration can be tested from a real earlier shape.
 */
export const SettingsV1Schema = z.strictObject({
  highlight: z.boolean(),
  badge: z.boolean(),
  paused: z.boolean(),
  disabledSites: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(5000)),
});
export type SettingsV1 = z.infer<typeof SettingsV1Schema>;

export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'underline',
  kinds: { 'fabricated-headline': true, 'grok-summary': true },
  badge: true,
  paused: false,
  disabledSites: [],
};

/**
 * v1 → v2: `highlight: boolean` became `highlightStyle` (on → the default underline), and `kinds` appeared
 * (everything was shown before, so both on). A value that was not a valid v1 value is returned unchanged:
 * reads then fall back to the defaults, and the user's stored data is not replaced by a guess.
 */
export function migrateSettingsV1(value: unknown): unknown {
  const v1 = SettingsV1Schema.safeParse(value);
  if (!v1.success) return value;
  const { highlight, badge, paused, disabledSites } = v1.data;
  const v2: Settings = {
    highlightStyle: highlight ? 'underline' : 'off',
    kinds: { 'fabricated-headline': true, 'grok-summary': true },
    badge,
    paused,
    disabledSites,
  };
  return v2;
}

/** Whether checking is on for a site, given the settings (the global pause wins). */
export function isSiteEnabled(settings: Settings, site: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(site);
}

/** A finding the user dismissed with "Not this": that text, on that site. */
export const DismissalSchema = z.strictObject({
  site: z.string().check(z.maxLength(253)),
  /** Normalized text key of the finding. */
  key: z.string().check(z.minLength(1), z.maxLength(300)),
  /** What the user saw, for the undo list. */
  text: z.string().check(z.maxLength(300)),
  kind: z.enum(['fabricated-headline', 'grok-summary']),
  incident: z.optional(z.string().check(z.maxLength(80))),
  at: z.number(),
});
export type Dismissal = z.infer<typeof DismissalSchema>;
export const DismissalsSchema = z.array(DismissalSchema).check(z.maxLength(10000));

/** Hostname of a URL, or '' for pages without one (file:, about:). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
