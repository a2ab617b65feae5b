/**
 * Reports the page's findings to the background (badge, popup list): coalesced, made to fit the message schema
 * (the background checks each report against it; the content script builds no zod schema), and sent only when
 * something changed. The background hears of a page only when it has findings, and once more when they are
 * gone (its badge and record cleared): a page with nothing found, as most are, wakes no service worker. The
 * popup asks the page itself (`page-status`).
 *
 * Reports come when the scanner settles (it already batches the page's changes), and several reports in one
 * task are coalesced on a microtask. No timer: Chromium runs no setTimeout callback, in any world, on a page
 * whose scripts are blocked, and the report must still leave such a page.
 */
import { FINDING_ID_MAX, REPORTED_FINDINGS_MAX, REPORTED_INCIDENT_MAX, REPORTED_SITE_MAX, REPORTED_TEXT_MAX } from '../../src/messaging/limits';
import type { FindingsReport, PageStatus } from '../../src/messaging/schema';
import type { PageFinding } from '../../src/page/findings';


/** A finding the schema takes (ids are the scanner's and the knowledge base's: never this long in practice). */
const reportable = (finding: PageFinding): boolean =>
  finding.id.length >= 1 &&
  finding.id.length <= FINDING_ID_MAX &&
  (finding.incident === undefined || finding.incident.length <= REPORTED_INCIDENT_MAX);

export interface Reporter {
  report(status: PageStatus, findings: readonly PageFinding[]): void;
  /**
   * Sends the next report even if unchanged (the background forgets a tab's report when its URL changes); an
   * empty one too when the background may still hold findings of the page.
   */
  reset(): void;
}

/** The report of `findings`, fitted to the schema; with the page's `site` when given (the answer to `page-status`). */
export function toMessage(status: PageStatus, findings: readonly PageFinding[], site?: string): FindingsReport {
  return {
    type: 'findings',
    status,
    ...(site !== undefined && site.length > 0 && site.length <= REPORTED_SITE_MAX ? { site } : {}),
    findings: findings
      .filter(reportable)
      .slice(0, REPORTED_FINDINGS_MAX)
      .map((finding) => ({
        id: finding.id,
        kind: finding.kind,
        ...(finding.incident !== undefined ? { incident: finding.incident } : {}),
        text: finding.text.slice(0, REPORTED_TEXT_MAX),
        rule: finding.rule,
      })),
  };
}

export function createReporter(options: {
  signal: AbortSignal;
  send: (message: FindingsReport) => Promise<unknown>;
  onSendError: (error: unknown) => void;
}): Reporter {
  let last = '';
  let next: FindingsReport | undefined;
  let queued = false;
  /** Whether the background may hold findings of this page (a report with findings went out since the last empty one). */
  let holdsFindings = false;

  function flush(): void {
    queued = false;
    if (next === undefined || options.signal.aborted) return;
    const message = next;
    next = undefined;
    const serialized = JSON.stringify(message);
    if (serialized === last) return;
    last = serialized;
    if (message.findings.length === 0 && !holdsFindings) return;
    holdsFindings = message.findings.length > 0;
    const failed = (error: unknown): void => {
      last = '';
      // The background may still hold what came before: the next report goes out whatever it holds.
      holdsFindings = true;
      options.onSendError(error);
    };
    // After the extension is reloaded or updated, sendMessage throws synchronously in the old script.
    try {
      options.send(message).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  return {
    reset(): void {
      last = '';
    },
    report(status, findings): void {
      if (options.signal.aborted) return;
      next = toMessage(status, findings);
      if (!queued) {
        queued = true;
        queueMicrotask(flush);
      }
    },
  };
}
