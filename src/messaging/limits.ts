/**
 * Limits of the messages between the content script and the rest of the extension. schema.ts builds them into
 * its zod schemas; the content script, which builds no zod schema, fits its reports to them (reporter.ts) and
 * checks what it receives by them (page-messages.ts), so neither can drift from the schemas.
 */
import { SITE_MAX } from '../settings/values';

/** A finding's id (the scanner's: stable within the page's lifetime). */
export const FINDING_ID_MAX = 64;
/** A reported finding's incident id. */
export const REPORTED_INCIDENT_MAX = 80;
/** A reported finding's text: cut to this length. */
export const REPORTED_TEXT_MAX = 300;
/** Findings in one report. */
export const REPORTED_FINDINGS_MAX = 2000;
/** A report's site: a hostname, as long as a stored one may be. */
export const REPORTED_SITE_MAX = SITE_MAX;
