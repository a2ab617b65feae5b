/**
 * Stored values: schemas and defaults. Pure (no browser): the storage items in ./storage.ts wrap these.
 * Every stored value is parsed on read; a malformed value falls back to the default for reading and is
 * never overwritten by a read (a later valid write replaces it).
 */
import * as z from 'zod/mini';
import { DISABLED_SITES_MAX, DISMISSAL_INCIDENT_MAX, DISMISSAL_TEXT_MAX, SITE_MAX } from './values';

// Defaults, the v1 migration and the checks the content script uses live in values.ts (no zod there).
export { DEFAULT_SETTINGS, isSiteEnabled, migrateSettingsV1, siteOf } from './values';

export const HighlightStyleSchema = z.enum(['underline', 'background', 'off']);
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;

export const SettingsSchema = z.strictObject({
  highlightStyle: HighlightStyleSchema,
  kinds: z.strictObject({ 'fabricated-headline': z.boolean(), 'grok-summary': z.boolean() }),
  badge: z.boolean(),
  paused: z.boolean(),
  /** Hostnames where checking is off. */
  disabledSites: z.array(z.string().check(z.maxLength(SITE_MAX))).check(z.maxLength(DISABLED_SITES_MAX)),
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
  disabledSites: z.array(z.string().check(z.maxLength(SITE_MAX))).check(z.maxLength(DISABLED_SITES_MAX)),
});
export type SettingsV1 = z.infer<typeof SettingsV1Schema>;

/** A finding the user dismissed with "Not this": that text, on that site. */
export const DismissalSchema = z.strictObject({
  site: z.string().check(z.maxLength(SITE_MAX)),
  /** Normalized text key of the finding. */
  key: z.string().check(z.minLength(1), z.maxLength(DISMISSAL_TEXT_MAX)),
  /** What the user saw, for the undo list. */
  text: z.string().check(z.maxLength(DISMISSAL_TEXT_MAX)),
  kind: z.enum(['fabricated-headline', 'grok-summary']),
  incident: z.optional(z.string().check(z.maxLength(DISMISSAL_INCIDENT_MAX))),
  at: z.number(),
});
export type Dismissal = z.infer<typeof DismissalSchema>;
export const DismissalsSchema = z.array(DismissalSchema).check(z.maxLength(10000));
