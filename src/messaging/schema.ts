/**
 * Message schemas, named by direction. Every message crossing a context boundary is parsed with these;
 * anything malformed is dropped (with a debug log) and never throws into the page.
 */
import * as z from 'zod/mini';
import { IncidentIdSchema, IncidentSchema } from '../data/schema';
import { FINDING_ID_MAX, REPORTED_FINDINGS_MAX, REPORTED_INCIDENT_MAX, REPORTED_SITE_MAX, REPORTED_TEXT_MAX } from './limits';

export const FindingKindSchema = z.enum(['fabricated-headline', 'grok-summary']);

/** One finding as the content script reports it: enough for the badge, the popup list and "Show". */
export const ReportedFindingSchema = z.strictObject({
  /** Stable within the page's lifetime; the popup sends it back to scroll to the finding. */
  id: z.string().check(z.minLength(1), z.maxLength(FINDING_ID_MAX)),
  kind: FindingKindSchema,
  incident: z.optional(z.string().check(z.maxLength(REPORTED_INCIDENT_MAX))),
  /** The text found, cut to REPORTED_TEXT_MAX characters. */
  text: z.string().check(z.maxLength(REPORTED_TEXT_MAX)),
  rule: z.enum(['claim', 'label', 'mention', 'site-label']),
});
export type ReportedFinding = z.infer<typeof ReportedFindingSchema>;

/** Why a page is not being checked (shown by the popup's empty state). */
export const PageStatusSchema = z.enum(['checked', 'paused', 'site-disabled']);
export type PageStatus = z.infer<typeof PageStatusSchema>;

// content script → background
/**
 * A tab's current findings: sent when the page has findings and whenever they change, down to the report that
 * clears them; a page with nothing found sends none (it wakes no service worker: the popup asks the page,
 * `page-status`). Also the content script's answer to `page-status`.
 */
export const FindingsReportSchema = z.strictObject({
  type: z.literal('findings'),
    status: PageStatusSchema,
    /**
     * Hostname of the page (location.hostname). The popup cannot read tab URLs without the `tabs`
     * permission, so the page says which site it is for "On this site" and the dismissed list.
     */
    site: z.optional(z.string().check(z.maxLength(REPORTED_SITE_MAX))),
    findings: z.array(ReportedFindingSchema).check(z.maxLength(REPORTED_FINDINGS_MAX)),
});
export type FindingsReport = z.infer<typeof FindingsReportSchema>;

/** Incidents one request may ask for (a page with more incidents asks again for the rest). */
export const MAX_DETAIL_IDS = 50;

/**
 * The card texts of some incidents (title, explanations, sources, cautions), asked when a card is about to
 * open (the first card asks for all the page's findings at once). The content script bundles only what
 * matching needs; the background holds the knowledge base and the imported packs.
 */
export const IncidentDetailsRequestSchema = z.strictObject({
  type: z.literal('incident-details'),
  ids: z.array(IncidentIdSchema).check(z.maxLength(MAX_DETAIL_IDS)),
  /** Also send the known fabricated headlines a Grok-summary card shows as examples. */
  examples: z.boolean(),
});
export type IncidentDetailsRequest = z.infer<typeof IncidentDetailsRequestSchema>;

/** The answer: the incidents found among those asked for (an unknown id is left out), and the examples if asked. */
export const IncidentDetailsSchema = z.strictObject({
  incidents: z.array(IncidentSchema).check(z.maxLength(MAX_DETAIL_IDS)),
  examples: z.array(IncidentSchema).check(z.maxLength(2)),
});
export type IncidentDetails = z.infer<typeof IncidentDetailsSchema>;

/**
 * The compiled matcher, asked by a page that has no usable stored snapshot (none yet after an install, one
 * built for other packs, or one that does not restore): pages never compile the matcher themselves.
 */
export const MatcherSnapshotRequestSchema = z.strictObject({
  type: z.literal('matcher-snapshot'),
  /**
   * The stored snapshot did not restore: build and store a new one whatever the stored one claims to be, so a
   * damaged stored value is replaced rather than sent again.
   */
  rebuild: z.boolean(),
});
export type MatcherSnapshotRequest = z.infer<typeof MatcherSnapshotRequestSchema>;

/**
 * The answer: a snapshot for the extension's version and the packs imported now (src/core/matcher.ts
 * MatcherSnapshot, packed as it is stored: src/core/snapshot-pack.ts). Only its shape as an object is checked here; the page checks the rest by restoring it
 * (createMatcherFromSnapshot), which is the snapshot's own thorough check.
 */
export const MatcherSnapshotAnswerSchema = z.strictObject({
  snapshot: z.looseObject({ format: z.number() }),
});
export type MatcherSnapshotAnswer = z.infer<typeof MatcherSnapshotAnswerSchema>;

export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  FindingsReportSchema,
  IncidentDetailsRequestSchema,
  MatcherSnapshotRequestSchema,
  /** A card's link to one of our pages (context page, options): the background opens it in a new tab. */
  z.strictObject({
    type: z.literal('open-extension-page'),
    url: z.string().check(z.maxLength(2048)),
  }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

// popup → background
export const PopupToBackgroundSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-tab-findings'), tabId: z.number().check(z.int()) }),
]);
export type PopupToBackground = z.infer<typeof PopupToBackgroundSchema>;

/** What the popup shows: a page status, or 'unavailable' when no report came (browser pages, still loading). */
export const TabStatusSchema = z.enum(['checked', 'paused', 'site-disabled', 'unavailable']);
export type TabStatus = z.infer<typeof TabStatusSchema>;

export const TabFindingsSchema = z.strictObject({
  tabId: z.number().check(z.int()),
  status: TabStatusSchema,
  findings: z.array(ReportedFindingSchema),
  /** Hostname the findings came from, when known. */
  site: z.optional(z.string().check(z.maxLength(REPORTED_SITE_MAX))),
});
export type TabFindings = z.infer<typeof TabFindingsSchema>;

// popup/background → content script
export const ToContentSchema = z.discriminatedUnion('type', [
  /** Scroll to a finding and open its card. */
  z.strictObject({ type: z.literal('show-finding'), id: z.string().check(z.maxLength(FINDING_ID_MAX)) }),
  /** Keyboard command: move to the next / previous finding and open its card. */
  z.strictObject({ type: z.literal('step-finding'), direction: z.enum(['next', 'previous']) }),
  /** The popup asks the page what it found (a FindingsReport); no answer until the page has been checked. */
  z.strictObject({ type: z.literal('page-status') }),
]);
export type ToContent = z.infer<typeof ToContentSchema>;
